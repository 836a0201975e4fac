"""Parser results in, rows ready to insert out: the part of an import that needs no database.

Everything here is work on the text alone (language, fingerprint, search tokens, JSON), so it
can run in a second process while the first writes (see :mod:`netizen.sources.worker`). This
module imports no models, so a fresh process can load it before Django is set up.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.utils import timezone

from .importers import BadRecord, ParsedPost, Result, Skipped
from .text import Derived, derive_all, safe_url

CHUNK_SIZE = 10_000

# Columns written by the import, in the order of ``Row.values``; the batch and the copy
# group are known only when the row is stored, so they come last (see ``Row.params``).
COLUMNS = (
    "platform", "platform_id", "url", "author_handle", "author_name", "text", "html",
    "language", "language_detected", "script", "posted_at", "kind", "parent_id", "engagement",
    "engagement_total", "media", "raw", "imported_at", "fingerprint", "search_text",
    "batch_id", "cluster_id",
)  # fmt: skip

# One encoder for every row: json.dumps() with options builds a new one per call.
to_json = json.JSONEncoder(ensure_ascii=False, default=str).encode


@dataclass(eq=False, slots=True)
class Row:
    """One post ready to insert; ``cluster`` is filled in once its group is known."""

    platform: str
    platform_id: str
    parent_id: str
    fingerprint: str
    values: list[Any]
    cluster: int | None = None

    def params(self, batch_id: int) -> list[Any]:
        return [*self.values, batch_id, self.cluster]

    def __reduce__(self) -> tuple[type[Row], tuple[Any, ...]]:
        # Rows cross from the import worker by the million: pickled as a call with their
        # fields, they cost half what a dataclass's default state does.
        fields = (self.platform, self.platform_id, self.parent_id, self.fingerprint)
        return Row, (*fields, self.values, self.cluster)


@dataclass(slots=True)
class Prepared:
    """One chunk of a file: its posts as rows, the records that could not be read, and how
    many were passed over (boosts, service messages)."""

    rows: list[Row] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)
    skipped: int = 0


def json_list(values: list[str]) -> str:
    return to_json(values) if values else "[]"


def row_for(post: ParsedPost, derived: Derived, now: Any) -> Row:
    adapt = connection.ops.adapt_datetimefield_value
    values = [
        post.platform, post.platform_id, safe_url(post.url)[:1000], post.author_handle[:200],
        post.author_name[:200], post.text, post.html, derived.language, derived.language,
        derived.script, adapt(post.posted_at), post.kind, post.parent_id,
        to_json(post.engagement), sum(v for v in post.engagement.values() if v > 0),
        json_list([url for url in map(safe_url, post.media) if url]),
        to_json(post.raw if post.raw is not None else {}),
        now, derived.fingerprint, derived.search_text,
    ]  # fmt: skip
    return Row(post.platform, post.platform_id, post.parent_id, derived.fingerprint, values)


def prepare(chunk: list[Result]) -> Prepared:
    """Sort a chunk's results, and work out the rows of its posts."""
    prepared = Prepared()
    posts = []
    for result in chunk:
        if isinstance(result, ParsedPost):
            posts.append(result)
        elif isinstance(result, BadRecord):
            prepared.bad.append(result)
        elif isinstance(result, Skipped):
            prepared.skipped += 1
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    derived = derive_all([post.text for post in posts])
    prepared.rows = [row_for(post, d, now) for post, d in zip(posts, derived, strict=True)]
    return prepared


def prepared_chunks(results: Iterable[Result], size: int = CHUNK_SIZE) -> Iterator[Prepared]:
    iterator = iter(results)
    while chunk := list(itertools.islice(iterator, size)):
        yield prepare(chunk)
