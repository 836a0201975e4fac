"""RSS and Atom feeds: each entry a post, from a file or from bytes a poller fetched.

feedparser reads the whole document (feeds are small), copes with the many broken feeds
in the wild, and turns every date into UTC. Fetching is the poller's job: this module
never touches the network.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

import feedparser

from .errors import ImportFormatError
from .markup import html_to_text, sanitise
from .records import BadRecord, ParsedPost, Result
from .streams import read_up_to
from .times import struct_time_utc

# A feed past this size is not a feed but a mistake; refuse it before reading it all.
MAX_FEED_BYTES = 50 * 1024 * 1024
HTML_TYPES = {"text/html", "application/xhtml+xml", "html", "xhtml"}
RSS_AUTHOR = re.compile(r"\s*\S+@\S+\s*\((.+)\)\s*$")
WHITESPACE = str.maketrans({"\n": " ", "\t": " ", "\r": " "})


def parse(stream: BinaryIO | bytes, *, url: str = "") -> Iterator[Result]:
    """The feed's entries.

    url: where the feed was fetched from, to resolve links that are relative to it.
    """
    data = stream if isinstance(stream, bytes) else read_up_to(stream, MAX_FEED_BYTES + 1)
    if len(data) > MAX_FEED_BYTES:
        raise ImportFormatError("The feed is larger than 50 MB; that is not a feed.")
    headers = {"content-location": url} if url else {}
    document = feedparser.parse(io.BytesIO(data), response_headers=headers)
    if not document.get("version") and not document.entries:
        problem = document.get("bozo_exception") or "no channel or feed element"
        raise ImportFormatError(f"This is not an RSS or Atom feed ({problem}).")
    feed_author = document.feed.get("author") or document.feed.get("title") or ""
    for number, entry in enumerate(document.entries, 1):
        position = f"entry {number}"
        result: Result
        try:
            result = _read_entry(position, entry, feed_author)
        except ValueError as error:
            result = BadRecord(position, str(error))
        yield result


def _read_entry(position: str, entry: Any, feed_author: str) -> ParsedPost:
    entry_id = (entry.get("id") or entry.get("link") or "").strip()
    if not entry_id:
        raise ValueError("no id or link")
    body, body_type = _body(entry)
    is_html = body_type in HTML_TYPES
    text = _with_title(entry.get("title") or "", html_to_text(body) if is_html else body)
    if not text:
        raise ValueError("no title or text")
    author = _author(entry.get("author") or "") or feed_author
    return ParsedPost(
        platform="feed",
        platform_id=entry_id,
        url=entry.get("link") or "",
        author_handle=author,
        author_name=author,
        text=text,
        html=sanitise(body) if is_html else "",
        posted_at=_published(entry),
        media=_media(entry),
        raw=_plain(entry),
        position=position,
    )


def _author(author: str) -> str:
    """The name in RSS's "someone@example.org (Their Name)", or the author as written."""
    match = RSS_AUTHOR.match(author)
    return match.group(1).strip() if match else author.strip()


def _body(entry: Any) -> tuple[str, str]:
    """The fullest text the entry has: its content, else its summary."""
    for content in entry.get("content") or []:
        if content.get("value"):
            return content["value"], content.get("type", "text/html")
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type", "text/html")


def _with_title(title: str, body: str) -> str:
    """Title and body, unless the title is the body, or its start cut off with an ellipsis
    (microblog feeds title each entry so)."""
    title, body = title.strip(), body.strip()
    flat_title, flat_body = title.translate(WHITESPACE), body.translate(WHITESPACE)
    cut = flat_title.removesuffix("…").removesuffix("...")
    if not title or flat_title == flat_body or (cut != flat_title and flat_body.startswith(cut)):
        return body
    return f"{title}\n\n{body}" if body else title


def _published(entry: Any) -> datetime | None:
    for field in ("published", "updated", "created"):
        if entry.get(f"{field}_parsed"):
            return struct_time_utc(entry[f"{field}_parsed"])
        if entry.get(field):
            raise ValueError(f"cannot read the date {entry[field]!r}")
    return None


def _media(entry: Any) -> list[str]:
    urls = [link["href"] for link in entry.get("enclosures") or [] if link.get("href")]
    urls += [item["url"] for item in entry.get("media_content") or [] if item.get("url")]
    return list(dict.fromkeys(urls))


def _plain(value: Any) -> Any:
    """The entry as plain JSON: feedparser's dicts and dates become dicts and lists."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)
