"""What a parser hands to the importer: a post, a record it could not read, or one it passed over.

Parsers never touch the database; the import loop turns these into rows and counts. Keeping
the three outcomes as plain data lets one loop serve every format and report each problem
with the place in the file where an editor can find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

PLATFORMS = ("weibo", "x", "mastodon", "telegram", "feed", "other")
KINDS = ("post", "repost", "reply", "comment")


@dataclass(slots=True, kw_only=True)
class ParsedPost:
    """One post as its source gave it, with the source record kept for provenance."""

    platform: str
    platform_id: str
    url: str = ""
    author_handle: str = ""
    author_name: str = ""
    text: str
    html: str = ""
    posted_at: datetime | None = None
    engagement: dict[str, int] = field(default_factory=dict)
    media: list[str] = field(default_factory=list)
    kind: str = "post"
    parent_id: str = ""
    raw: Any = None
    position: str


@dataclass(slots=True)
class BadRecord:
    """A record that could not be read; the rest of the file still is."""

    position: str
    reason: str


@dataclass(slots=True)
class Skipped:
    """A record read fine but not a post of its author's own (a boost, a service message)."""

    position: str
    reason: str


type Result = ParsedPost | BadRecord | Skipped
