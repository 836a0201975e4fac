"""Telling a file's format from its first bytes, for `netizen sources import auto`."""

import io

import pytest

from netizen.sources.importers import (
    FORMATS,
    ImportFormatError,
    ParsedPost,
    UnknownFormat,
    detect_format,
    parse,
    resolve_format,
)

from .helpers import FIXTURES, SAMPLES, needs_samples, posts, read


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("weibo_cov.csv", "weibo"),
        ("weibospider.jsonl", "weibo"),
        ("weibo_crawler.json", "weibo"),
        ("weibo_crawler.csv", "weibo"),
        ("tweets.js", "x"),
        ("outbox.json", "mastodon"),
        ("result.json", "telegram"),
        ("feed.xml", "feed"),
        ("atom.xml", "feed"),
        ("posts.csv", "csv"),
        ("posts.jsonl", "jsonl"),
    ],
)
def test_each_fixture_is_recognised(fixture, expected):
    head = (FIXTURES / fixture).read_bytes()[:4096]
    assert detect_format(head, fixture) == expected


@pytest.mark.parametrize(
    "fixture",
    ["weibo_cov.csv", "weibospider.jsonl", "tweets.js", "outbox.json", "result.json", "feed.xml"],
)
def test_auto_reads_the_same_as_the_named_format(fixture):
    head = (FIXTURES / fixture).read_bytes()[:4096]
    assert read("auto", fixture) == read(detect_format(head, fixture), fixture)


@needs_samples
@pytest.mark.parametrize(
    "sample",
    [
        "weibo_cov_v1_sample.csv",
        "weibo_cov_v2_sample.csv",
        "weibo_cov_v2_user_pool_sample.csv",
        "weibospider_comment.jsonl",
        "weibospider_fan.jsonl",
        "weibospider_follow.jsonl",
        "weibospider_repost.jsonl",
        "weibospider_tweet_by_keyword.jsonl",
        "weibospider_tweet_by_tweet_id.jsonl",
        "weibospider_tweet_by_user_id.jsonl",
        "weibospider_user.jsonl",
    ],
)
def test_shared_samples_are_recognised_as_weibo(sample):
    assert detect_format((SAMPLES / sample).read_bytes()[:4096], sample) == "weibo"


@pytest.mark.parametrize(
    ("head", "why"),
    [
        (b"PK\x03\x04rest of a zip", "ZIP archive"),
        (b"\x1f\x8b\x08compressed", "gzip"),
        (b"<!doctype html><html><body>hi</body></html>", "not an RSS or Atom feed"),
        (b'{\n  "title": "a settings file",\n  "size": 3\n}\n', "not JSON lines"),
        (b'[{"a": 1}, {"a": 2}]', "JSON array of no known export"),
        (b"just a line of prose\n", "neither JSON, a feed, nor a CSV"),
        (b"", "empty"),
    ],
)
def test_unknown_files_are_explained(head, why):
    with pytest.raises(UnknownFormat, match=why) as raised:
        detect_format(head, "upload.bin")
    assert "upload.bin" in str(raised.value)
    assert "weibo, x, mastodon, telegram, feed, csv, jsonl" in str(raised.value)


def test_auto_detection_loses_no_bytes_of_the_stream():
    data = (FIXTURES / "tweets.js").read_bytes()
    name, stream = resolve_format("auto", io.BytesIO(data))
    assert name == "x"
    assert stream.read() == data


def test_unknown_format_name_is_refused():
    with pytest.raises(ImportFormatError, match="Unknown format 'myspace'"):
        resolve_format("myspace", io.BytesIO(b""))


def test_options_that_do_not_apply_to_the_detected_format_are_ignored():
    """One upload form offers every option; "auto" must still work with all of them."""
    with open(FIXTURES / "result.json", "rb") as stream:
        results = list(
            parse("auto", stream, channel="harbourwatch", handle="someone", mapping={"text": "x"})
        )
    assert posts(results)[0].url == "https://t.me/harbourwatch/2"


def test_every_format_has_a_parser():
    assert set(FORMATS) == {"weibo", "x", "mastodon", "telegram", "feed", "csv", "jsonl"}
    assert all(
        isinstance(result, ParsedPost) or result.reason for result in read("auto", "posts.csv")
    )
