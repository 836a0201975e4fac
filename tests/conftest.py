"""Shared fixtures: the demo newsroom."""

import pytest


@pytest.fixture
def demo(db):
    """The demo newsroom, as `netizen demo` loads it."""
    from netizen.stories.demo import load_demo

    return load_demo()


@pytest.fixture
def demo_story(demo):
    from netizen.stories.models import StoryPage

    return StoryPage.objects.get(slug="netizens-question-return-of-north-korean-escapees")
