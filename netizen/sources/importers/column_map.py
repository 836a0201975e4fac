"""Which column of a generic CSV or JSON-lines file holds which part of a post.

The editor maps post fields to columns ({"text": "body", "posted_at": "date"}); when they
give no mapping, columns with the usual names are found by themselves. Engagement counts
map as "engagement.likes", and JSON lines may reach into objects with dots ("user.name").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from .errors import ImportFormatError
from .markup import sanitise
from .records import KINDS, ParsedPost
from .times import any_time
from .values import count

FIELDS = (
    "platform_id", "url", "author_handle", "author_name", "text", "html", "posted_at",
    "kind", "parent_id", "media",
)  # fmt: skip
ENGAGEMENT_PREFIX = "engagement."


def parse_mapping(entries: Iterable[str], what: str = "Line") -> dict[str, str]:
    """``field=column`` entries (form lines or --map options) as a mapping; ValueError names
    the bad entry. Blank entries and ``#`` comments are passed over."""
    mapping: dict[str, str] = {}
    for number, entry in enumerate(entries, start=1):
        entry = entry.strip()
        if not entry or entry.startswith("#"):
            continue
        field, sep, column = entry.partition("=")
        field, column = field.strip(), column.strip()
        if not sep or not field or not column:
            raise ValueError(
                f"{what} {number} ({entry!r}): write each line as field=column, e.g. text=content."
            )
        if field not in FIELDS and not field.startswith(ENGAGEMENT_PREFIX):
            raise ValueError(
                f"{what} {number}: {field!r} is not a post field. Fields: {', '.join(FIELDS)}, "
                "and engagement.NAME for counts."
            )
        mapping[field] = column
    return mapping


# Column names that mean the same thing across tools, tried in order, case-insensitively.
USUAL_NAMES = {
    "text": ("text", "content", "body", "message", "full_text", "正文", "内容"),
    "platform_id": ("platform_id", "id", "_id", "post_id", "status_id", "id_str"),
    "url": ("url", "link", "permalink"),
    "author_handle": ("author_handle", "handle", "username", "screen_name", "user_id"),
    "author_name": ("author_name", "author", "name", "display_name", "nick_name"),
    "posted_at": ("posted_at", "created_at", "published", "date", "timestamp", "time"),
    "parent_id": ("parent_id", "in_reply_to", "reply_to"),
}
MEDIA_SEPARATORS = re.compile(r"\s+|;|,(?=\s*https?://)")


def guess_mapping(columns: list[str]) -> dict[str, str]:
    """Post fields for the columns with usual names; each column used once."""
    by_name = {column.strip().lower(): column for column in columns}
    mapping: dict[str, str] = {}
    for field, names in USUAL_NAMES.items():
        for name in names:
            column = by_name.get(name)
            if column is not None and column not in mapping.values():
                mapping[field] = column
                break
    return mapping


def mapping_for(given: dict[str, str] | None, columns: list[str]) -> dict[str, str]:
    """The editor's mapping, or one guessed from the column names when they gave none."""
    if given:
        return given
    guessed = guess_mapping(columns)
    if "text" not in guessed:
        raise ImportFormatError(
            f"No column mapping was given, and none of the columns ({', '.join(columns)}) "
            "has a usual name for the text: say which column holds it."
        )
    return guessed


def check_mapping(mapping: dict[str, str], columns: list[str] | None = None) -> None:
    """Refuse a mapping that names no text, an unknown field, or a column not in the file."""
    unknown = [
        field
        for field in mapping
        if field not in FIELDS and not field.startswith(ENGAGEMENT_PREFIX)
    ]
    if unknown:
        raise ImportFormatError(
            f"Unknown post field(s) in the column mapping: {', '.join(unknown)}. Known: "
            f"{', '.join(FIELDS)}, and engagement.NAME for counts."
        )
    if "text" not in mapping:
        raise ImportFormatError("The column mapping must say which column holds the text.")
    if columns is not None:
        missing = [column for column in mapping.values() if column not in columns]
        if missing:
            raise ImportFormatError(
                f"Column(s) {', '.join(missing)} are not in the file, whose columns are: "
                f"{', '.join(columns)}."
            )


@dataclass(frozen=True)
class ColumnMap:
    """Reads one record into a post by the mapping."""

    mapping: dict[str, str]
    platform: str
    zone: tzinfo
    nested: bool = False

    def read(self, position: str, record: dict[str, Any]) -> ParsedPost:
        text = self._text("text", record)
        if not text.strip():
            raise ValueError(f"no text (column {self.mapping['text']!r} is empty)")
        author = self._text("author_handle", record)
        posted = self._value("posted_at", record)
        posted_at = any_time(posted, self.zone) if posted not in (None, "") else None
        return ParsedPost(
            platform=self.platform,
            platform_id=self._id(record, author, posted_at, text),
            url=self._text("url", record),
            author_handle=author,
            author_name=self._text("author_name", record),
            text=text,
            html=sanitise(html) if (html := self._text("html", record)) else "",
            posted_at=posted_at,
            engagement=self._engagement(record),
            media=self._media(record),
            kind=self._kind(record),
            parent_id=self._text("parent_id", record),
            raw=record,
            position=position,
        )

    def _value(self, field: str, record: dict[str, Any]) -> Any:
        column = self.mapping.get(field)
        if column is None:
            return None
        if column in record or not self.nested:
            return record.get(column)
        value: Any = record
        for key in column.split("."):
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def _text(self, field: str, record: dict[str, Any]) -> str:
        value = self._value(field, record)
        return "" if value is None else str(value)

    def _id(self, record: dict[str, Any], author: str, posted_at: Any, text: str) -> str:
        """The id column, or, when the file has none, a digest of who, when and what, so
        that importing the file again still finds each post already there."""
        if "platform_id" in self.mapping:
            value = self._text("platform_id", record).strip()
            if not value:
                raise ValueError(f"no id (column {self.mapping['platform_id']!r} is empty)")
            return value
        digest = hashlib.sha256(f"{author}\n{posted_at}\n{text}".encode()).hexdigest()
        return f"sha256:{digest[:32]}"

    def _engagement(self, record: dict[str, Any]) -> dict[str, int]:
        found = {}
        for field, column in self.mapping.items():
            if field.startswith(ENGAGEMENT_PREFIX):
                value = self._value(field, record)
                if value not in (None, ""):
                    found[field.removeprefix(ENGAGEMENT_PREFIX)] = count(value, column)
        return found

    def _media(self, record: dict[str, Any]) -> list[str]:
        value = self._value("media", record)
        if isinstance(value, list):
            return [str(item) for item in value if item]
        return [url for url in MEDIA_SEPARATORS.split(str(value or "")) if url]

    def _kind(self, record: dict[str, Any]) -> str:
        kind = self._text("kind", record).strip().lower() or "post"
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        return kind
