"""The import loop: prepared chunks in, inbox rows out, in chunks of constant size.

Every format's parser feeds this one loop. It keeps good records and reports bad ones by
position, never stopping at the first; skips what was already imported (so importing a file
twice adds nothing); and files each copy of a text, or a repost of a post we have, under the
first post of its group. A long file is parsed and prepared in a second process (see
:mod:`netizen.sources.worker`) while this one writes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import closing, contextmanager
from typing import Any, BinaryIO

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from . import worker
from .bulk import fewer_collections
from .importers import parse, resolve_format
from .importers.streams import peek
from .models import ImportBatch, SourcePost
from .preparing import COLUMNS, Prepared, Row, prepared_chunks, to_json
from .search import index_new_posts

# SQLite settings while an import writes. Indexes keyed by fingerprints and handles are
# written all over their B-trees: a big page cache saves reading pages back from disk (a cap,
# not a buffer: memory stays flat however long the file), and checkpointing the log every
# 64 MB rather than every 4 MB copies a page that many chunks change into the database once.
SQLITE_IMPORT_PRAGMAS = {"cache_size": -131072, "wal_autocheckpoint": 16384}
# Bad records listed in the batch (all are counted; a broken file should not fill the table).
PROBLEMS_KEPT = 200
# A file longer than this is parsed and prepared in a second process; a shorter one (a feed,
# a small upload) is done before that process would have started.
WORKER_FROM_BYTES = 4 * 2**20

TABLE = SourcePost._meta.db_table

type Progress = Callable[[ImportBatch], None]


def new_rows(rows: list[Row]) -> tuple[list[Row], int]:
    """The rows not in the inbox yet (nor earlier in the chunk), and how many were."""
    seen: set[tuple[str, str]] = set()
    for platform, ids in group_ids(rows).items():
        found = select_in("platform_id", "platform = %s", [platform], "platform_id", ids)
        seen.update((platform, platform_id) for (platform_id,) in found)
    fresh = []
    for row in rows:
        key = (row.platform, row.platform_id)
        if key not in seen:
            seen.add(key)
            fresh.append(row)
    return fresh, len(rows) - len(fresh)


def select_in(
    columns: str, condition: str, params: list[Any], key: str, values: Collection[str]
) -> list[tuple[Any, ...]]:
    """``SELECT columns`` of the posts meeting ``condition`` whose ``key`` is among
    ``values``. Raw SQL: for a chunk's thousands of values, the ORM's work on each costs more
    than the query. Unordered, so the index on ``key`` answers: to return posts newest first,
    SQLite would walk the (cluster, posted_at) index instead, and each chunk of a long import
    would take longer than the one before."""
    if not values:
        return []
    # The values travel as one parameter, so every chunk runs the same statement. An IN list
    # of the chunk's own length made a new statement almost every time, and Python's sqlite3
    # keeps up to 128 compiled, each with its thousands of parameters: the import's memory
    # grew with every chunk (80 MB over 300,000 posts; 37 MB now, the page cache filling).
    if connection.vendor == "postgresql":
        among, value = "= ANY(%s)", list(values)
    else:
        among, value = "IN (SELECT value FROM json_each(%s))", to_json(list(values))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {TABLE} WHERE {condition} AND {key} {among}",
            [*params, value],
        )
        return cursor.fetchall()


def group_ids(posts: Iterable[Row]) -> dict[str, list[str]]:
    ids: dict[str, list[str]] = {}
    for post in posts:
        ids.setdefault(post.platform, []).append(post.platform_id)
    return ids


def insert(rows: list[Row], batch_id: int) -> int:
    """Insert rows with one statement and index them with another (the ORM's per-object work
    costs more than SQLite's); returns how many were new.

    A post another import stored meanwhile is passed over (ON CONFLICT), not an error. On
    SQLite the new rows' ids are the last ``inserted`` ids given out: the chunk's transaction
    holds the write lock, so nobody else's rows come between them.
    """
    if not rows:
        return 0
    columns = ", ".join(connection.ops.quote_name(column) for column in COLUMNS)
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {TABLE} ({columns}) VALUES ({placeholders}) "
            "ON CONFLICT (platform, platform_id) DO NOTHING",
            [row.params(batch_id) for row in rows],
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
    found = select_in("fingerprint, id", "cluster_id IS NULL", [], "fingerprint", fingerprints)
    heads: dict[str, int] = {}
    for fingerprint, pk in found:
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
        for pk, platform_id, cluster in select_in(
            "id, platform_id, cluster_id", "platform = %s", [platform], "platform_id", ids
        ):
            groups[(platform, platform_id)] = cluster or pk
    return groups


def store(rows: list[Row], batch_id: int) -> int:
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
    inserted = insert(leaders, batch_id)
    chunk_heads = {head for head in head_of.values() if isinstance(head, Row)}
    ids = leader_ids(chunk_heads) if chunk_heads else {}
    followers = []
    for row, head in head_of.items():
        if head is not None:
            row.cluster = ids[(head.platform, head.platform_id)] if isinstance(head, Row) else head
            followers.append(row)
    return inserted + insert(followers, batch_id)


def leader_ids(leaders: set[Row]) -> dict[tuple[str, str], int]:
    by_platform = group_ids(leaders)
    found: dict[tuple[str, str], int] = {}
    for platform, ids in by_platform.items():
        for pk, platform_id in select_in(
            "id, platform_id", "platform = %s", [platform], "platform_id", ids
        ):
            found[(platform, platform_id)] = pk
    return found


def count_problems(part: Prepared, batch: ImportBatch) -> None:
    batch.skipped += part.skipped
    batch.errors += len(part.bad)
    room = PROBLEMS_KEPT - len(batch.problems)
    batch.problems.extend(
        {"position": bad.position, "reason": bad.reason} for bad in part.bad[: max(room, 0)]
    )


def write(part: Prepared, batch: ImportBatch) -> None:
    """Store one chunk in a transaction of its own, and save the batch's counts."""
    count_problems(part, batch)
    with transaction.atomic():
        fresh, duplicates = new_rows(part.rows)
        inserted = store(fresh, batch.pk)
    batch.imported += inserted
    # Already in the inbox, or stored meanwhile by another import running at the same time.
    batch.duplicates += duplicates + len(fresh) - inserted
    batch.save(update_fields=["imported", "duplicates", "skipped", "errors", "problems"])


@contextmanager
def sqlite_pragmas(pragmas: dict[str, int]) -> Iterator[None]:
    """Set SQLite pragmas on this connection for a while, then put back what they were."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        before = {}
        for name, value in pragmas.items():
            cursor.execute(f"PRAGMA {name}")
            (before[name],) = cursor.fetchone()
            cursor.execute(f"PRAGMA {name} = {int(value)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            for name, value in before.items():
                cursor.execute(f"PRAGMA {name} = {int(value)}")


def import_prepared(
    prepared: Iterable[Prepared], batch: ImportBatch, progress: Progress | None = None
) -> ImportBatch:
    """Write prepared chunks into ``batch``, saving its counts as it goes."""
    with sqlite_pragmas(SQLITE_IMPORT_PRAGMAS), fewer_collections():
        for part in prepared:
            write(part, batch)
            if progress:
                progress(batch)
    batch.finished_at = timezone.now()
    batch.save(update_fields=["finished_at"])
    return batch


def prepare_stream(stream: BinaryIO, format: str, options: dict[str, Any]) -> Iterator[Prepared]:
    """The stream's chunks, prepared here or, for a long stream, in a second process."""
    head, stream = peek(stream, WORKER_FROM_BYTES)
    if settings.NETIZEN_IMPORT_WORKER and len(head) == WORKER_FROM_BYTES:
        return worker.prepare_in_worker(stream, format, options)
    return prepared_chunks(parse(format, stream, **options))


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
    with closing(prepare_stream(stream, format, options)) as prepared:
        first = next(prepared, None)  # reading starts here, so a wrong format fails early
        batch = ImportBatch.objects.create(format=format, source=source[:500], created_by=user)
        return import_prepared(itertools.chain([first] if first else [], prepared), batch, progress)


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
