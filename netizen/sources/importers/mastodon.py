"""Mastodon account archives: outbox.json, an ActivityPub OrderedCollection.

Each item in `orderedItems` is an activity: `Create` wraps the account's own post (a
`Note` with HTML `content`), `Announce` is a boost of someone else's post and is skipped.
Followers-only posts and direct messages are in the archive too; they were never public,
so they are skipped unless asked for.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from .errors import ImportFormatError, read_records, unless_unreadable
from .json_arrays import json_items
from .markup import html_to_text, sanitise
from .records import ParsedPost, Result, Skipped
from .streams import peek, skip_bom
from .times import iso_time

POST_TYPES = {"Note", "Question", "Article", "Page"}
PUBLIC = {"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"}
ENGAGEMENT = {"likes": "likes", "reposts": "shares", "replies": "replies"}
WHAT = "a Mastodon archive's outbox.json"


def parse(stream: BinaryIO, *, include_private: bool = False) -> Iterator[Result]:
    """The account's own posts and replies.

    include_private: also import followers-only posts and direct messages.
    """
    head, stream = peek(stream)
    head = skip_bom(head, stream)
    if b'"orderedItems"' not in head:
        raise ImportFormatError(
            "This is not a Mastodon outbox.json: it has no list of activities (orderedItems)."
        )
    read = partial(_read_activity, include_private=include_private)
    yield from unless_unreadable(read_records(json_items(stream, "orderedItems.item"), read), WHAT)


def _read_activity(position: str, activity: dict[str, Any], include_private: bool) -> Result:
    kind = activity.get("type")
    if kind == "Announce":
        return Skipped(position, "boost of someone else's post")
    if kind != "Create":
        return Skipped(position, f"a {kind or 'typeless'} activity, not a post")
    note = activity["object"]
    if not isinstance(note, dict):
        raise ValueError("the Create activity does not hold its post")
    if note.get("type") not in POST_TYPES:
        return Skipped(position, f"a {note.get('type') or 'typeless'} object, not a post")
    if not include_private and not _is_public(activity, note):
        return Skipped(position, "not public (followers-only or a direct message)")
    post_id = str(note.get("id") or "").strip()
    if not post_id:
        raise ValueError("no post id")
    content = note.get("content") or ""
    text = _with_warning(note.get("summary"), html_to_text(content))
    if not text:
        media = _attachments(note)
        if media:
            return Skipped(position, "only media, no text")
        raise ValueError("no text (content is empty)")
    parent = note.get("inReplyTo") or ""
    published = note.get("published") or activity.get("published")
    return ParsedPost(
        platform="mastodon",
        platform_id=post_id,
        url=_link(note.get("url")) or post_id,
        author_handle=handle_of(str(note.get("attributedTo") or activity.get("actor") or "")),
        text=text,
        html=sanitise(content),
        posted_at=iso_time(published) if published else None,
        engagement=_engagement(note),
        media=_attachments(note),
        kind="reply" if parent else "post",
        parent_id=str(parent),
        raw=activity,
        position=position,
    )


def handle_of(actor: str) -> str:
    """ "@alice@example.social" from "https://example.social/users/alice"."""
    parts = urlsplit(actor)
    name = parts.path.rstrip("/").rsplit("/", 1)[-1].lstrip("@")
    return f"@{name}@{parts.hostname}" if name and parts.hostname else actor


def _is_public(activity: dict[str, Any], note: dict[str, Any]) -> bool:
    audience = set()
    for holder in (activity, note):
        for field in ("to", "cc"):
            value = holder.get(field) or []
            audience.update([value] if isinstance(value, str) else value)
    return bool(audience & PUBLIC)


def _with_warning(summary: object, text: str) -> str:
    """A content warning is part of what the author wrote; it comes first, as they see it."""
    warning = str(summary or "").strip()
    return f"{warning}\n\n{text}" if warning and text else text


def _link(url: object) -> str:
    if isinstance(url, list):
        url = url[0] if url else ""
    if isinstance(url, dict):
        url = url.get("href") or ""
    return str(url or "")


def _attachments(note: dict[str, Any]) -> list[str]:
    found = []
    for attachment in note.get("attachment") or []:
        url = _link(attachment.get("url") if isinstance(attachment, dict) else attachment)
        if url:
            found.append(url)
    return found


def _engagement(note: dict[str, Any]) -> dict[str, int]:
    """Counts, when the archive has them as collections with a totalItems."""
    found = {}
    for name, field in ENGAGEMENT.items():
        collection = note.get(field)
        if isinstance(collection, dict) and isinstance(collection.get("totalItems"), int):
            found[name] = collection["totalItems"]
    return found
