"""Importers' parsing layer: files in each source's format, read as a stream of posts.

Pure parsing, no database: each parser takes a binary stream and yields ParsedPost,
BadRecord or Skipped, reading in constant memory, so the import loop, the admin upload
and the feed poller all share it.

    for result in parse("auto", open(path, "rb"), filename=path.name):
        ...
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from . import feed, mastodon, tabular, telegram, weibo, x
from .detect import FORMAT_NAMES, detect_format
from .errors import ImportFormatError, UnknownFormat
from .records import BadRecord, ParsedPost, Result, Skipped
from .streams import peek

type Parser = Callable[..., Iterator[Result]]

AUTO = "auto"
FORMATS: dict[str, Parser] = {
    "weibo": weibo.parse,
    "x": x.parse,
    "mastodon": mastodon.parse,
    "telegram": telegram.parse,
    "feed": feed.parse,
    "csv": tabular.parse_csv,
    "jsonl": tabular.parse_jsonl,
}

__all__ = [
    "AUTO",
    "FORMATS",
    "FORMAT_NAMES",
    "BadRecord",
    "ImportFormatError",
    "ParsedPost",
    "Result",
    "Skipped",
    "UnknownFormat",
    "detect_format",
    "options_for",
    "parse",
    "resolve_format",
]


def resolve_format(format: str, stream: BinaryIO, filename: str = "") -> tuple[str, BinaryIO]:
    """The format to read the stream as ("auto" detected from its start), and a stream to
    read it from: the bytes looked at are not lost."""
    if format == AUTO:
        head, stream = peek(stream)
        return detect_format(head, filename), stream
    if format not in FORMATS:
        raise ImportFormatError(
            f"Unknown format {format!r}: one of {', '.join(FORMATS)}, or {AUTO}."
        )
    return format, stream


def options_for(format: str, options: dict[str, Any]) -> dict[str, Any]:
    """The options that apply to the format; others are dropped, so one form or command can
    offer them all (a channel name, an account handle, a column mapping) and "auto" still
    works."""
    accepted = inspect.signature(FORMATS[format]).parameters
    return {name: value for name, value in options.items() if name in accepted}


def parse(format: str, stream: BinaryIO, *, filename: str = "", **options: Any) -> Iterator[Result]:
    """Parse `stream` as `format` (or "auto"), with the options that apply to it.

    Detection happens now, so an unknown format raises here; a file that turns out
    unreadable raises ImportFormatError while it is iterated.
    """
    name, stream = resolve_format(format, stream, filename)
    return FORMATS[name](stream, **options_for(name, options))
