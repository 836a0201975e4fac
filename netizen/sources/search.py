"""Full-text matching for the inbox, on SQLite (FTS5) and PostgreSQL (a GIN-indexed tsvector).

Both index ``SourcePost.search_text`` (see :mod:`netizen.sources.text`); a query becomes
phrases of the same tokens, all of which a post must contain.
"""

from __future__ import annotations

from django.db import connection
from django.db.models.expressions import RawSQL

from .text import PREFIX, match_phrases

FTS_TABLE = "sources_post_fts"  # created, with its triggers, by migration 0002


def index_new_posts(first_id: int, last_id: int | None = None) -> None:
    """Add new posts with ids from ``first_id`` (to ``last_id``) to the SQLite index, in one
    statement. PostgreSQL's index keeps itself up to date."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {FTS_TABLE}(rowid, search_text) "
            "SELECT id, search_text FROM sources_sourcepost WHERE id >= %s AND id <= %s",
            [first_id, last_id if last_id is not None else first_id],
        )


def fts5_phrase(tokens: list[str]) -> str:
    if tokens[-1].endswith(PREFIX):
        return '"' + " ".join([*tokens[:-1], tokens[-1][: -len(PREFIX)]]) + '"' + PREFIX
    return '"' + " ".join(tokens) + '"'


def fts5_query(phrases: list[list[str]]) -> str:
    return " AND ".join(fts5_phrase(tokens) for tokens in phrases)


def tsquery(tokens: list[str]) -> str:
    """A PostgreSQL to_tsquery() string: the tokens in a row (<->), a prefix as :*."""
    words = [token[: -len(PREFIX)] + ":*" if token.endswith(PREFIX) else token for token in tokens]
    return " <-> ".join(words)


def matching(query: str) -> RawSQL | None:
    """SQL for the ids of posts matching ``query``; None when it has nothing to look for."""
    phrases = match_phrases(query)
    if not phrases:
        return None
    if connection.vendor == "postgresql":
        condition = " && ".join(["to_tsquery('simple', %s)"] * len(phrases))
        return RawSQL(
            "SELECT id FROM sources_sourcepost "
            f"WHERE to_tsvector('simple', search_text) @@ ({condition})",
            [tsquery(tokens) for tokens in phrases],
        )
    return RawSQL(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [fts5_query(phrases)]
    )
