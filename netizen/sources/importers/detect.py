"""Which importer a file needs, told from its first bytes, for `netizen sources import auto`.

Every export announces itself early: X's archive in its first word, an ActivityPub outbox
and a Telegram chat in their first keys, a feed in its root element, a CSV in its header,
JSON lines in their first record. The file name only breaks ties and names the file in
messages.
"""

from __future__ import annotations

import csv
import json

from . import weibo_cov, weibo_crawler
from .errors import UnknownFormat
from .streams import head_text

FORMAT_NAMES = ("weibo", "x", "mastodon", "telegram", "feed", "csv", "jsonl")
FEED_ROOTS = ("<rss", "<feed", "<rdf:rdf")
TELEGRAM_KEYS = ('"date_unixtime"', '"from_id"', '"text_entities"', '"personal_information"')
# Keys of WeiboSpider records: posts, comments, and profiles (which are skipped).
WEIBOSPIDER_KEYS = {"mblogid", "comment_user", "fan_info", "follower_info"}
WEIBOSPIDER_WITH_ID = {"content", "nick_name"}
BINARY_STARTS = {
    b"PK\x03\x04": "a ZIP archive: unpack it and import the file inside",
    b"\x1f\x8b": "gzip-compressed: decompress it first",
    b"%PDF": "a PDF document",
}


def detect_format(head: bytes, filename: str = "") -> str:
    """The format name for a file starting with `head` (a few KB are enough)."""
    for magic, what in BINARY_STARTS.items():
        if head.startswith(magic):
            raise _unknown(filename, what)
    if b"\x00" in head:
        raise _unknown(filename, "it is binary, not text")
    text = head_text(head).lstrip()
    if not text:
        raise _unknown(filename, "it is empty")
    if text.startswith("window.YTD."):
        return "x"
    if text.startswith("<"):
        return _markup_format(text, filename)
    if text.startswith(("{", "[")):
        return _json_format(text, filename)
    return _csv_format(text, filename)


def _markup_format(text: str, filename: str) -> str:
    start = text[:4096].lower()
    if any(root in start for root in FEED_ROOTS):
        return "feed"
    raise _unknown(filename, "it is XML or HTML but not an RSS or Atom feed")


def _json_format(text: str, filename: str) -> str:
    if '"orderedItems"' in text or '"OrderedCollection"' in text:
        return "mastodon"
    if '"messages"' in text and any(key in text for key in TELEGRAM_KEYS):
        return "telegram"
    if '"personal_information"' in text:
        return "telegram"
    if weibo_crawler.is_crawler_json(text):
        return "weibo"
    if text.startswith("["):
        if '"full_text"' in text and '"id_str"' in text:
            return "x"
        raise _unknown(filename, "it is a JSON array of no known export")
    first = _first_json_line(text)
    if first is None:
        raise _unknown(
            filename,
            "it is a JSON document of no known export, and not JSON lines (one object a line)",
        )
    keys = set(first)
    if keys & WEIBOSPIDER_KEYS or ("_id" in keys and keys & WEIBOSPIDER_WITH_ID):
        return "weibo"
    return "jsonl"


def _first_json_line(text: str) -> dict | None:
    line = text.split("\n", 1)[0]
    try:
        record = json.loads(line)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _csv_format(text: str, filename: str) -> str:
    header = [name.strip() for name in next(csv.reader([text.split("\n", 1)[0]]), [])]
    if (
        weibo_cov.is_weibo_cov(header)
        or weibo_cov.is_user_pool(header)
        or weibo_crawler.is_crawler_csv(header)
    ):
        return "weibo"
    if len(header) >= 2 or filename.lower().endswith(".csv"):
        return "csv"
    raise _unknown(filename, "it is text, but neither JSON, a feed, nor a CSV with a header row")


def _unknown(filename: str, why: str) -> UnknownFormat:
    name = repr(filename) if filename else "the file"
    return UnknownFormat(
        f"Cannot tell what format {name} is in: {why}. Name the format instead: "
        f"one of {', '.join(FORMAT_NAMES)}."
    )
