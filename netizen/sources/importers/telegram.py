"""Telegram Desktop chat exports: result.json with the chat's `name`, `type`, `id` and
`messages`.

Message ids count within one chat, so a post's id is "{chat id}/{message id}". Service
messages (joins, pins, title changes) and forwards of other people's posts are skipped;
messages with a photo or file but no words are skipped too, being nothing to read.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from functools import partial
from typing import Any, BinaryIO

from .errors import ImportFormatError, read_records, unless_unreadable
from .json_arrays import head_fields, json_items
from .records import ParsedPost, Result, Skipped
from .streams import peek, skip_bom
from .times import iso_time, unix_time

MEDIA_FIELDS = ("photo", "file", "thumbnail")
WHAT = "a Telegram Desktop export (result.json)"


def parse(stream: BinaryIO, *, channel: str = "") -> Iterator[Result]:
    """The chat's messages.

    channel: the channel's public username, for t.me links; without it posts have none.
    """
    head, stream = peek(stream)
    head = skip_bom(head, stream)
    chat = head_fields(head, "messages")
    if "id" not in chat:
        raise ImportFormatError(_not_a_chat(head))
    read = partial(_read_message, chat_id=str(chat["id"]), channel=channel.strip().lstrip("@"))
    yield from unless_unreadable(read_records(json_items(stream, "messages.item"), read), WHAT)


def _not_a_chat(head: bytes) -> str:
    if b'"chats"' in head or b'"personal_information"' in head:
        return (
            "This is a whole-account Telegram export; export the one chat or channel "
            "(Telegram Desktop: the chat's menu, Export chat history, JSON)."
        )
    return "This is not a Telegram Desktop chat export: no chat id before its messages."


def _read_message(position: str, message: dict[str, Any], chat_id: str, channel: str) -> Result:
    if message.get("type") == "service":
        action = message.get("action") or "an action"
        return Skipped(position, f"service message ({action})")
    message_id = str(message["id"])
    if message.get("forwarded_from"):
        return Skipped(position, f"forward of someone else's post ({message['forwarded_from']})")
    text = plain_text(message["text"])
    media = [str(message[field]) for field in MEDIA_FIELDS if message.get(field)]
    if not text.strip():
        return Skipped(position, "no words, only media" if media else "an empty message")
    sender = str(message.get("from_id") or "")
    reply_to = message.get("reply_to_message_id")
    return ParsedPost(
        platform="telegram",
        platform_id=f"{chat_id}/{message_id}",
        url=f"https://t.me/{channel}/{message_id}" if channel else "",
        author_handle=channel if channel and sender == f"channel{chat_id}" else sender,
        author_name=str(message.get("from") or ""),
        text=text,
        posted_at=_posted_at(message),
        engagement=_engagement(message),
        media=media,
        kind="reply" if reply_to else "post",
        parent_id=f"{chat_id}/{reply_to}" if reply_to else "",
        raw=message,
        position=position,
    )


def plain_text(text: object) -> str:
    """A message's text: a string, or a list of strings and entities ({"type", "text"})."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part["text"]) for part in text)
    raise ValueError("the text is neither text nor a list of text parts")


def _posted_at(message: dict[str, Any]) -> datetime | None:
    """date_unixtime is exact; `date` is the exporting computer's local time, zone unknown."""
    if message.get("date_unixtime"):
        return unix_time(message["date_unixtime"])
    return iso_time(message["date"]) if message.get("date") else None


def _engagement(message: dict[str, Any]) -> dict[str, int]:
    found = {}
    reactions = message.get("reactions") or []
    if reactions:
        found["reactions"] = sum(int(reaction.get("count") or 0) for reaction in reactions)
    if isinstance(message.get("views"), int):
        found["views"] = message["views"]
    return found
