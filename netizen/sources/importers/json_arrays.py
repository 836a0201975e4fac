"""Records inside one big JSON document, read one at a time.

Account exports (X's tweets.js, Mastodon's outbox.json, Telegram's result.json) are single
JSON documents of any size; ijson walks them incrementally so memory stays flat however
long the archive is.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, BinaryIO

import ijson

from .errors import ImportFormatError, Located
from .records import BadRecord

SCALARS = {"string", "number", "boolean", "null"}


def json_items(stream: BinaryIO, prefix: str) -> Iterator[Located]:
    """Each element of the array at `prefix` (ijson's dotted path), as ("record N", item).

    JSON cannot be resynchronised after a syntax error, so a break in the middle ends the
    file with one bad record; a break before the first record means it is not JSON at all.
    """
    count = 0
    try:
        for count, item in enumerate(ijson.items(stream, prefix, use_float=True), 1):
            yield f"record {count}", item
    except ijson.JSONError as error:
        reason = _first_line(error)
        if count == 0:
            raise ImportFormatError(f"The file is not valid JSON ({reason}).") from None
        yield BadRecord(
            f"record {count + 1}", f"the JSON breaks here ({reason}); nothing after it is read"
        )


def head_fields(head: bytes, before: str) -> dict[str, Any]:
    """The top-level text and number fields that come before the key `before`, from the
    file's head.

    Exports put a few facts about the whole file (a chat's id) before their big array;
    reading them from the head avoids building the array to get at them.
    """
    marker = head.find(f'"{before}"'.encode())
    fields: dict[str, Any] = {}
    if marker < 0:
        return fields
    try:
        for prefix, event, value in ijson.parse(io.BytesIO(head[:marker]), use_float=True):
            if event in SCALARS and prefix and "." not in prefix:
                fields[prefix] = value
    except ijson.JSONError:
        pass  # the cut at `before` always leaves the document unfinished
    return fields


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
