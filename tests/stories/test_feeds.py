"""RSS and Atom feeds parse, and each item carries the whole story and its authors."""

import feedparser
import pytest

from netizen.stories.demo import LEAD_STORY_PATH

pytestmark = pytest.mark.django_db

FEEDS = [
    ("/feed/", "rss20", 3),
    ("/feed/atom/", "atom10", 3),
    ("/coverage/refugees/feed/", "rss20", 2),
    ("/coverage/refugees/feed/atom/", "atom10", 2),
    ("/regions/china/feed/", "rss20", 1),
    ("/regions/china/feed/atom/", "atom10", 1),
    ("/topics/censorship/feed/", "rss20", 1),
    ("/people/mei-lin/feed/", "rss20", 2),
    ("/people/mei-lin/feed/atom/", "atom10", 2),
]


def parse(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(("application/rss+xml", "application/atom+xml"))
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize(("url", "version", "count"), FEEDS)
def test_feeds_are_valid_and_list_the_right_stories(client, demo, url, version, count):
    feed = parse(client, url)
    assert feed.version == version
    assert len(feed.entries) == count
    for entry in feed.entries:
        assert entry.link.startswith("http://testserver/stories/")
        assert entry.title
        assert entry.author


def test_feed_item_has_full_text_author_and_absolute_image_links(client, demo):
    feed = parse(client, "/feed/")
    entry = next(e for e in feed.entries if "North Korean Escapees" in e.title)
    assert entry.title == "Weibo Users Question the Return of North Korean Escapees"
    assert entry.author == "Mei Lin"
    assert entry.link == "http://testserver" + LEAD_STORY_PATH
    full_text = entry.content[0].value
    assert "我在丹东住了二十年" in full_text, "the last quote's original"
    assert "Humanity should have no borders" in full_text, "a translation near the end"
    assert 'src="http://testserver/media/' in full_text
    assert "[zh]" in full_text
    assert {tag.term for tag in entry.tags} >= {"China", "North Korea", "South Korea"}


def test_atom_feed_carries_full_text_in_content(client, demo):
    feed = parse(client, "/feed/atom/")
    entry = next(e for e in feed.entries if "Archive" in e.title)
    assert entry.content[0].type == "text/html"
    assert "刪帖的速度越來越快" in entry.content[0].value
    assert entry.summary.startswith("Forum users in Hong Kong")


def test_feed_titles_name_their_subject(client, demo):
    assert parse(client, "/coverage/refugees/feed/").feed.title == "Special coverage: Refugees"
    assert parse(client, "/people/mei-lin/feed/").feed.title.startswith("Mei Lin")


def test_pages_advertise_their_feeds(client, demo):
    html = client.get("/coverage/refugees/").text
    assert (
        'type="application/rss+xml" title="Refugees (RSS)" href="/coverage/refugees/feed/"' in html
    )
