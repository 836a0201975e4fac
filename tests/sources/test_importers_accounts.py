"""Account archives: X's tweets.js, Mastodon's outbox.json, Telegram Desktop's result.json."""

import json
from datetime import UTC, datetime

import pytest

from netizen.sources.importers import ImportFormatError

from .helpers import FIXTURES, at, posts, problems, read, skips


def test_x_tweets_with_the_accounts_handle():
    results = read("x", "tweets.js", handle="@harbour_notes", name="Harbour Notes")
    tweet = at(results, "record 1")
    assert tweet.platform == "x"
    assert tweet.platform_id == "1650000000000000001"
    assert tweet.url == "https://x.com/harbour_notes/status/1650000000000000001"
    assert (tweet.author_handle, tweet.author_name) == ("harbour_notes", "Harbour Notes")
    assert (
        tweet.text
        == "Ferry queues at the pier & no timetable posted <again> https://t.co/AbCdEf1234"
    )
    assert tweet.posted_at == datetime(2023, 4, 23, 9, 0, tzinfo=UTC)
    assert tweet.engagement == {"likes": 14, "reposts": 3}
    assert tweet.media == [
        "https://pbs.twimg.com/media/Invented1.jpg",
        "https://pbs.twimg.com/media/Invented2.jpg",
    ]
    assert at(results, "record 5").text == "渡輪又誤點了，碼頭上的人都在等。"


def test_x_replies_retweets_and_broken_tweets():
    results = read("x", "tweets.js")
    reply = at(results, "record 2")
    assert (reply.kind, reply.parent_id) == ("reply", "1649999999999999999")
    assert reply.url == "https://x.com/i/web/status/1650000000000000002"
    assert skips(results) == {"record 3": "boost of someone else's post (a retweet)"}
    assert problems(results) == {"record 4": "no text (full_text is missing)"}


def test_x_archive_files_without_tweets_are_refused(tmp_path):
    (tmp_path / "like.js").write_text('window.YTD.like.part0 = [{"like": {"tweetId": "1"}}]')
    with pytest.raises(ImportFormatError, match=r"like\.js"):
        read("x", "like.js", folder=tmp_path)
    (tmp_path / "notes.txt").write_text("just some notes")
    with pytest.raises(ImportFormatError, match="not an X archive"):
        read("x", "notes.txt", folder=tmp_path)


def test_x_archive_cut_short_keeps_what_came_before(tmp_path):
    data = (FIXTURES / "tweets.js").read_bytes()
    (tmp_path / "tweets.js").write_bytes(data[: data.index(b'"1650000000000000005"')])
    results = read("x", "tweets.js", folder=tmp_path)
    assert [post.position for post in posts(results)] == ["record 1", "record 2"]
    assert list(problems(results)) == ["record 4", "record 5"]
    assert "nothing after it is read" in problems(results)["record 5"]


def test_mastodon_own_posts_with_sanitised_html():
    results = read("mastodon", "outbox.json")
    post = at(results, "record 1")
    assert post.platform == "mastodon"
    assert post.platform_id == "https://social.example/users/tidepool/statuses/110000000000000001"
    assert post.url == "https://social.example/@tidepool/110000000000000001"
    assert post.author_handle == "@tidepool@social.example"
    assert post.text == (
        "Tide tables for the north beach are wrong this week.\n\n"
        "Check the harbour office board instead: https://harbour.example/tides"
    )
    assert "<script" not in post.html and "alert" not in post.html and "alert" not in post.text
    assert '<a href="https://harbour.example/tides"' in post.html
    assert post.media == ["/media_attachments/files/000/000/001/original/board.jpg"]
    assert post.posted_at == datetime(2023, 9, 1, 12, 0, tzinfo=UTC)


def test_mastodon_replies_boosts_private_posts_and_content_warnings():
    results = read("mastodon", "outbox.json")
    reply = at(results, "record 2")
    assert (reply.kind, reply.parent_id) == (
        "reply",
        "https://other.example/users/gull/statuses/42",
    )
    assert reply.text == "@gull Same here, the ferry left early."
    assert skips(results) == {
        "record 3": "boost of someone else's post",
        "record 4": "not public (followers-only or a direct message)",
    }
    assert at(results, "record 5").text == "物價\n\n漁港今天的魚價漲了兩成。\n大家怎麼看？"
    assert problems(results) == {"record 6": "no post id"}


def test_mastodon_private_posts_on_request():
    results = read("mastodon", "outbox.json", include_private=True)
    assert at(results, "record 4").text == "Meet at the pier at six?"


def test_mastodon_refuses_a_file_with_no_activities(tmp_path):
    (tmp_path / "actor.json").write_text(json.dumps({"type": "Person", "name": "Tidepool"}))
    with pytest.raises(ImportFormatError, match="orderedItems"):
        read("mastodon", "actor.json", folder=tmp_path)


def test_telegram_channel_messages():
    results = read("telegram", "result.json", channel="@harbourwatch")
    message = at(results, "record 2")
    assert message.platform == "telegram"
    assert message.platform_id == "1987654321/2"
    assert message.url == "https://t.me/harbourwatch/2"
    assert (message.author_handle, message.author_name) == ("harbourwatch", "Harbour Watch")
    assert message.posted_at == datetime(2023, 10, 1, 9, 0, tzinfo=UTC)  # not the local `date`
    assert message.engagement == {"reactions": 6}
    assert at(results, "record 3").text == (
        "新的時刻表在這裡：https://harbour.example/schedule，請轉告家人。"
    )
    reply = at(results, "record 6")
    assert (reply.kind, reply.parent_id, reply.text) == (
        "reply",
        "1987654321/2",
        "Update: it runs again on Thursday.",
    )


def test_telegram_service_messages_forwards_and_media_only_are_skipped():
    results = read("telegram", "result.json")
    assert skips(results) == {
        "record 1": "service message (create_channel)",
        "record 4": "forward of someone else's post (Island Daily)",
        "record 5": "no words, only media",
    }
    assert problems(results) == {"record 7": "missing field 'text'"}
    assert at(results, "record 2").url == ""
    assert at(results, "record 2").author_handle == "channel1987654321"
    assert at(results, "record 8").posted_at == datetime(2023, 10, 1, 15, 0, tzinfo=UTC)


def test_telegram_whole_account_export_is_explained(tmp_path):
    export = {"about": "Here is the data you requested.", "personal_information": {}, "chats": {}}
    (tmp_path / "result.json").write_text(json.dumps(export))
    with pytest.raises(ImportFormatError, match="whole-account"):
        read("telegram", "result.json", folder=tmp_path)
