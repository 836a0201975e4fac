"""Shared fixtures: the demo newsroom."""

import pytest
from wagtail.models import Site

from netizen.discussion.demo import MODERATOR, load_demo_conversation
from netizen.stories.demo import AUTHOR, EDITOR, LEAD_STORY_SLUG, load_demo
from netizen.stories.models import HomePage, StoryPage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo newsroom once into the test database; each test rolls back its changes."""
    with django_db_blocker.unblock():
        load_demo()
        load_demo_conversation()


@pytest.fixture
def demo(db):
    """The demo newsroom, as `netizen demo` loads it.

    Transactional tests (a browser with a live server) empty the database when they end;
    pytest-django runs them after the others, and this loads the demo again for the next.
    """
    if not Site.objects.filter(root_page__in=HomePage.objects.all()).exists():
        load_demo()
        load_demo_conversation()
    return {account.username: account.password for account in (EDITOR, AUTHOR, MODERATOR)}


@pytest.fixture
def demo_story(demo):
    return StoryPage.objects.get(slug=LEAD_STORY_SLUG)
