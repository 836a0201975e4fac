"""The inbox's full-text index over SourcePost.search_text (see netizen.sources.search).

SQLite: an FTS5 table with the plain "ascii" tokenizer (the text is folded and split into
tokens already; non-ASCII characters are token characters). New posts are added by the code
that stores them (one statement per import chunk, far faster than a trigger per row);
triggers keep the index in step when a post's text changes or a post is deleted.
PostgreSQL: a GIN index on the tsvector.
"""

from django.db import migrations

FTS_TABLE = "sources_post_fts"
SQLITE_SETUP = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(search_text, content='sources_sourcepost', "
    "content_rowid='id', tokenize='ascii')",
    "CREATE TRIGGER sources_post_fts_delete AFTER DELETE ON sources_sourcepost BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER sources_post_fts_update AFTER UPDATE OF search_text ON sources_sourcepost "
    f"BEGIN INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    f"INSERT INTO {FTS_TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END",
]
SQLITE_TEARDOWN = [
    "DROP TRIGGER IF EXISTS sources_post_fts_update",
    "DROP TRIGGER IF EXISTS sources_post_fts_delete",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]
POSTGRES_SETUP = [
    "CREATE INDEX sources_post_search ON sources_sourcepost "
    "USING GIN (to_tsvector('simple', search_text))"
]
POSTGRES_TEARDOWN = ["DROP INDEX IF EXISTS sources_post_search"]

STATEMENTS = {
    "sqlite": (SQLITE_SETUP, SQLITE_TEARDOWN),
    "postgresql": (POSTGRES_SETUP, POSTGRES_TEARDOWN),
}


def run(statements_for):
    def apply(apps, schema_editor):
        for statement in statements_for(schema_editor.connection.vendor):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("sources", "0001_initial")]

    operations = [
        migrations.RunPython(
            run(lambda vendor: STATEMENTS.get(vendor, ([], []))[0]),
            run(lambda vendor: STATEMENTS.get(vendor, ([], []))[1]),
        )
    ]
