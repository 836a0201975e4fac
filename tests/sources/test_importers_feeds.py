"""RSS and Atom feeds, from a file or from bytes a poller fetched."""

from datetime import UTC, datetime

import pytest

from netizen.sources.importers import ImportFormatError, feed

from .helpers import FIXTURES, at, posts, problems, read


def test_rss_items_become_posts_with_title_and_safe_html():
    results = read("feed", "feed.xml")
    item = at(results, "entry 1")
    assert item.platform == "feed"
    assert item.platform_id == "notes-2023-001"
    assert item.url == "https://notes.example/2023/ferry-timetable"
    assert item.author_name == "Mei Lin"
    assert item.text == "Ferry timetable changes\n\nThe morning ferry now leaves at 7:40."
    assert item.html == "<p>The morning ferry now leaves at <b>7:40</b>.</p>"
    assert item.posted_at == datetime(2023, 11, 7, 0, 0, tzinfo=UTC)
    assert item.media == ["https://notes.example/media/timetable.pdf"]


def test_rss_item_without_guid_uses_its_link_and_one_with_neither_is_bad():
    results = read("feed", "feed.xml")
    item = at(results, "entry 2")
    assert item.platform_id == "https://notes.example/2023/benches"
    assert item.text == "碼頭的新長椅\n\n碼頭的新長椅今天裝好了，坐著看海很舒服。"
    assert item.author_name == "Harbour Notes"  # the feed's, for lack of the item's own
    assert problems(results) == {"entry 3": "no id or link"}


def test_atom_microblog_entry_is_not_said_twice():
    [entry] = posts(read("feed", "atom.xml"))
    assert entry.text == "Low tide at noon, the rock pools are full of crabs."
    assert entry.author_handle == "Tidepool"
    assert entry.platform_id == "tag:social.example,2023:post-1"


def test_feed_from_fetched_bytes():
    data = (FIXTURES / "feed.xml").read_bytes()
    assert [post.platform_id for post in posts(feed.parse(data))] == [
        "notes-2023-001",
        "https://notes.example/2023/benches",
    ]


def test_web_page_is_not_a_feed():
    page = b"<!doctype html><html><body><p>Hello</p></body></html>"
    with pytest.raises(ImportFormatError, match="not an RSS or Atom feed"):
        list(feed.parse(page))


def test_microblog_titles_cut_with_an_ellipsis_are_not_repeated():
    rss = (
        "<rss version='2.0'><channel><title>t</title><item><guid>p1</guid>"
        "<title>The seawall path reopened today, and…</title>"
        "<description>The seawall path reopened today, and the benches are back.</description>"
        "</item></channel></rss>"
    ).encode()
    [entry] = posts(feed.parse(rss))
    assert entry.text == "The seawall path reopened today, and the benches are back."
