"""Every page type renders for a reader, with what that page is for."""

import pytest
from django.contrib.auth.models import AnonymousUser

from netizen.stories.demo import LEAD_STORY_PATH

pytestmark = pytest.mark.django_db

STORY = LEAD_STORY_PATH


def test_home_page_lists_latest_stories_and_active_coverages(client, demo):
    html = client.get("/").text
    assert "Latest stories" in html
    newest, older = html.index("Weibo Users Question"), html.index("Readers Archive Deleted")
    assert newest < older, "newest story first"
    assert 'href="/coverage/refugees/"' in html


def test_story_index_lists_every_published_story(client, demo):
    html = client.get("/stories/").text
    for title in ("Weibo Users Question", "Volunteers Translate", "Readers Archive"):
        assert title in html


def test_story_page_shows_kicker_headline_credits_and_lead_image(client, demo):
    response = client.get(STORY)
    html = response.text
    assert response.status_code == 200
    assert "China, Koreas:" in html
    assert "<h1" in html and "Weibo Users Question the Return of North Korean Escapees" in html
    assert "Mei Lin" in html and "Translated by Ahn Jiwoo" in html
    assert "Netizen demo illustration" in html  # the photo credit
    assert 'href="/regions/north-korea/"' in html and 'href="/people/mei-lin/"' in html


def test_coverage_index_and_coverage_page_list_their_stories_newest_first(client, demo):
    assert "Refugees" in client.get("/coverage/").text
    html = client.get("/coverage/refugees/").text
    assert "People who flee war" in html
    assert html.index("Weibo Users Question") < html.index("Volunteers Translate")
    assert "Readers Archive" not in html, "a story from another coverage"


@pytest.mark.parametrize(
    ("index", "term", "listed", "absent"),
    [
        ("/regions/", "/regions/south-korea/", "Volunteers Translate", "Readers Archive"),
        ("/topics/", "/topics/censorship/", "Readers Archive", "Volunteers Translate"),
        ("/people/", "/people/ahn-jiwoo/", "Volunteers Translate", "Readers Archive"),
    ],
)
def test_term_indexes_and_term_pages(client, demo, index, term, listed, absent):
    assert term in client.get(index).text
    html = client.get(term).text
    assert listed in html
    assert absent not in html
    assert f"{term}feed/" in html


def test_person_page_lists_stories_they_translated(client, demo):
    html = client.get("/people/ahn-jiwoo/").text
    assert "translates from Korean and Chinese" in html
    assert "Weibo Users Question" in html, "translated, not written, by Ahn Jiwoo"


def test_unknown_term_is_not_found(client, demo):
    assert client.get("/regions/atlantis/").status_code == 404
    assert client.get("/regions/atlantis/feed/").status_code == 404


def test_story_list_pagination_survives_bad_page_numbers(client, demo):
    assert client.get("/stories/?page=999").status_code == 200
    assert client.get("/stories/?page=abc").status_code == 200


def test_draft_preview_shows_the_coverage_banner(demo_story, rf):
    """A story loaded from a revision (as the admin's preview does) still finds its coverages."""
    revision = demo_story.save_revision()
    draft = revision.as_object()
    assert [coverage.title for coverage in draft.coverage_list] == ["Refugees"]
    request = rf.get(demo_story.url)
    request.user = AnonymousUser()
    html = draft.serve_preview(request, draft.default_preview_mode).render().text
    assert "This post is part of our special coverage on" in html
