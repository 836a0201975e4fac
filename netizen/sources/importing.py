"""The import loop: parsed records in, inbox rows out, in chunks of constant size.

Every format's parser feeds this one loop. It keeps good records and reports bad ones by
position, never stopping at the first; skips what was already imported (so importing a file
twice adds nothing); and files each copy of a text, or a repost of a post we have, under the
first post of its group.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any, BinaryIO

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .importers import BadRecord, ParsedPost, Result, Skipped, parse, resolve_format
from .models import ImportBatch, SourcePost
from .search import index_new_posts
from .text import Derived, derive_all, safe_url

CHUNK_SIZE = 5000
# SQLite page cache for an import, in KiB: indexes keyed by fingerprints and handles are
# written all over their B-trees, and a big cache saves reading pages back from disk. A cap,
# not a buffer: memory stays flat however long the file.
SQLITE_IMPORT_CACHE_KIB = 131072
# Bad records listed in the batch (all are counted; a broken file should not fill the table).
PROBLEMS_KEPT = 200

type Progress = Callable[[ImportBatch], None]


def chunks(results: Iterable[Result], size: int = CHUNK_SIZE) -> Iterator[list[Result]]:
    iterator = iter(results)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def new_posts(
    posts: list[ParsedPost], pending: Iterable[tuple[str, str]] = ()
) -> tuple[list[ParsedPost], int]:
    """The posts not in the inbox yet (nor earlier in the chunk, nor in ``pending``, the
    chunk still being written), and how many were."""
    seen: set[tuple[str, str]] = set(pending)
    for platform, ids in group_ids(posts).items():
        seen.update(
            (platform, platform_id)
            for platform_id in SourcePost.objects.filter(
                platform=platform, platform_id__in=ids
            ).values_list("platform_id", flat=True)
        )
    fresh = []
    for post in posts:
        key = (post.platform, post.platform_id)
        if key not in seen:
            seen.add(key)
            fresh.append(post)
    return fresh, len(posts) - len(fresh)


def group_ids(posts: Iterable[ParsedPost | Row]) -> dict[str, list[str]]:
    ids: dict[str, list[str]] = {}
    for post in posts:
        ids.setdefault(post.platform, []).append(post.platform_id)
    return ids


# Columns written by the import, in the order rows are built (see ``row_for``).
COLUMNS = (
    "platform", "platform_id", "url", "author_handle", "author_name", "text", "html",
    "language", "language_detected", "script", "posted_at", "kind", "parent_id", "engagement",
    "engagement_total", "media", "raw", "batch_id", "imported_at", "fingerprint", "search_text",
    "cluster_id",
)  # fmt: skip


# One encoder for every row: json.dumps() with options builds a new one per call.
to_json = json.JSONEncoder(ensure_ascii=False, default=str).encode


@dataclass(eq=False)
class Row:
    """One post ready to insert; ``cluster`` is filled in once its group is known."""

    platform: str
    platform_id: str
    parent_id: str
    fingerprint: str
    values: list[Any]
    cluster: int | None = None


def row_for(post: ParsedPost, derived: Derived, batch: ImportBatch, now: Any) -> Row:
    adapt = connection.ops.adapt_datetimefield_value
    values = [
        post.platform, post.platform_id, safe_url(post.url)[:1000], post.author_handle[:200],
        post.author_name[:200], post.text, post.html, derived.language, derived.language,
        derived.script, adapt(post.posted_at), post.kind, post.parent_id,
        to_json(post.engagement), sum(v for v in post.engagement.values() if v > 0),
        to_json([url for url in map(safe_url, post.media) if url]),
        to_json(post.raw if post.raw is not None else {}),
        batch.pk, now, derived.fingerprint, derived.search_text,
    ]  # fmt: skip
    return Row(post.platform, post.platform_id, post.parent_id, derived.fingerprint, values)


def insert(rows: list[Row]) -> int:
    """Insert rows with one statement and index them with another (the ORM's per-object work
    costs more than SQLite's); returns how many were new.

    A post another import stored meanwhile is passed over (ON CONFLICT), not an error. On
    SQLite the new rows' ids are the last ``inserted`` ids given out: the chunk's transaction
    holds the write lock, so nobody else's rows come between them.
    """
    if not rows:
        return 0
    table = connection.ops.quote_name(SourcePost._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in COLUMNS)
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) "
            "ON CONFLICT (platform, platform_id) DO NOTHING",
            [[*row.values, row.cluster] for row in rows],
        )
        inserted = cursor.rowcount
        if connection.vendor == "sqlite" and inserted > 0:
            cursor.execute("SELECT last_insert_rowid()")
            (last,) = cursor.fetchone()
            index_new_posts(last - inserted + 1, last)
    return inserted


def representatives(rows: list[Row]) -> dict[str, int]:
    """For the chunk's fingerprints, the post already heading each group in the inbox."""
    fingerprints = {row.fingerprint for row in rows}
    found = SourcePost.objects.filter(fingerprint__in=fingerprints, cluster=None)
    heads: dict[str, int] = {}
    # No ORDER BY: sorting would make SQLite walk the whole table in id order instead of
    # looking the fingerprints up in their index.
    for fingerprint, pk in found.values_list("fingerprint", "pk"):
        heads[fingerprint] = min(pk, heads.get(fingerprint, pk))
    return heads


def parents(rows: list[Row]) -> dict[tuple[str, str], int]:
    """For reposts, the group of the post they repost, when we have it."""
    wanted: dict[str, set[str]] = {}
    for row in rows:
        if row.parent_id:
            wanted.setdefault(row.platform, set()).add(row.parent_id)
    groups: dict[tuple[str, str], int] = {}
    for platform, ids in wanted.items():
        for pk, platform_id, cluster in SourcePost.objects.filter(
            platform=platform, platform_id__in=ids
        ).values_list("pk", "platform_id", "cluster_id"):
            groups[(platform, platform_id)] = cluster or pk
    return groups


def store(rows: list[Row]) -> int:
    """Insert rows, the first of each new group before the copies that point at it; returns
    how many were new. A repost joins the group of the post it reposts, whether that post was
    imported before or sits earlier in this chunk."""
    in_inbox = representatives(rows)
    reposted = parents(rows)
    # Each row's group: an id already in the inbox, a row of this chunk, or None (it heads one).
    head_of: dict[Row, int | Row | None] = {}
    first_in_chunk: dict[str, Row] = {}
    in_chunk: dict[tuple[str, str], Row] = {}
    for row in rows:
        parent = in_chunk.get((row.platform, row.parent_id)) if row.parent_id else None
        head: int | Row | None
        if group := reposted.get((row.platform, row.parent_id)) or in_inbox.get(row.fingerprint):
            head = group
        elif parent is not None:
            head = head_of[parent] or parent
        else:
            head = first_in_chunk.setdefault(row.fingerprint, row)
            head = None if head is row else head
        head_of[row] = head
        in_chunk[(row.platform, row.platform_id)] = row
    leaders = [row for row, head in head_of.items() if head is None]
    inserted = insert(leaders)
    chunk_heads = {head for head in head_of.values() if isinstance(head, Row)}
    ids = leader_ids(chunk_heads) if chunk_heads else {}
    followers = []
    for row, head in head_of.items():
        if head is not None:
            row.cluster = ids[(head.platform, head.platform_id)] if isinstance(head, Row) else head
            followers.append(row)
    return inserted + insert(followers)


def leader_ids(leaders: set[Row]) -> dict[tuple[str, str], int]:
    by_platform = group_ids(leaders)
    found: dict[tuple[str, str], int] = {}
    for platform, ids in by_platform.items():
        for pk, platform_id in SourcePost.objects.filter(
            platform=platform, platform_id__in=ids
        ).values_list("pk", "platform_id"):
            found[(platform, platform_id)] = pk
    return found


class Deriver:
    """Works out posts' language, fingerprint and search tokens, in a second process once an
    import proves long (a second chunk arrives), so that work overlaps with writing the
    previous chunk. Short imports never start the process."""

    def __init__(self) -> None:
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, texts: list[str], *, parallel: bool) -> Callable[[], list[Derived]]:
        if parallel and settings.NETIZEN_IMPORT_PROCESSES > 0:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(
                    settings.NETIZEN_IMPORT_PROCESSES, mp_context=get_context("spawn")
                )
            return self.pool.submit(derive_all, texts).result
        done = derive_all(texts)
        return lambda: done

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


@dataclass
class Pending:
    """A chunk whose derived fields are being worked out while the previous one is written."""

    posts: list[ParsedPost]
    derived: Callable[[], list[Derived]]

    def keys(self) -> set[tuple[str, str]]:
        return {(post.platform, post.platform_id) for post in self.posts}


def count_others(chunk: list[Result], batch: ImportBatch) -> list[ParsedPost]:
    """Count the chunk's bad and skipped records on the batch; return its posts."""
    posts = []
    for result in chunk:
        if isinstance(result, ParsedPost):
            posts.append(result)
        elif isinstance(result, BadRecord):
            batch.errors += 1
            if len(batch.problems) < PROBLEMS_KEPT:
                batch.problems.append({"position": result.position, "reason": result.reason})
        elif isinstance(result, Skipped):
            batch.skipped += 1
    return posts


def write(pending: Pending, batch: ImportBatch, progress: Progress | None) -> None:
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    rows = [
        row_for(post, derived, batch, now)
        for post, derived in zip(pending.posts, pending.derived(), strict=True)
    ]
    with transaction.atomic():
        inserted = store(rows)
    batch.imported += inserted
    # Stored meanwhile by another import running at the same time.
    batch.duplicates += len(rows) - inserted
    batch.save(update_fields=["imported", "duplicates", "skipped", "errors", "problems"])
    if progress:
        progress(batch)


def import_results(
    results: Iterable[Result], batch: ImportBatch, progress: Progress | None = None
) -> ImportBatch:
    """Import a stream of parser results into ``batch``, saving its counts as it goes.

    While chunk N is written, chunk N+1 is read and its derived fields worked out.
    """
    deriver = Deriver()
    pending: Pending | None = None
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KIB}")
    try:
        for number, chunk in enumerate(chunks(results)):
            posts = count_others(chunk, batch)
            fresh, duplicates = new_posts(posts, pending.keys() if pending else ())
            batch.duplicates += duplicates
            texts = [post.text for post in fresh]
            upcoming = Pending(fresh, deriver.submit(texts, parallel=number > 0))
            if pending:
                write(pending, batch, progress)
            pending = upcoming
        if pending:
            write(pending, batch, progress)
    finally:
        deriver.close()
    batch.finished_at = timezone.now()
    batch.save(update_fields=["duplicates", "skipped", "errors", "problems", "finished_at"])
    return batch


def import_stream(
    stream: BinaryIO,
    format: str,
    *,
    source: str,
    user: Any = None,
    progress: Progress | None = None,
    **options: Any,
) -> ImportBatch:
    """Import one file or download. A file that is not the format claimed raises
    ImportFormatError before anything is stored; bad records inside are counted and listed."""
    format, stream = resolve_format(format, stream, source)
    results = parse(format, stream, **options)
    first = next(results, None)  # reading starts here, so a wrong format fails early
    batch = ImportBatch.objects.create(format=format, source=source[:500], created_by=user)
    return import_results(itertools.chain([first] if first else [], results), batch, progress)


def summary(batch: ImportBatch) -> dict[str, Any]:
    """What `netizen sources import` prints: the counts and the first problems."""
    return {
        "batch": batch.pk,
        "imported": batch.imported,
        "duplicates": batch.duplicates,
        "skipped": batch.skipped,
        "errors": batch.errors,
        "problems": batch.problems,
    }
