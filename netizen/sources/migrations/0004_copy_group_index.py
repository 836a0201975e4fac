"""Index copy groups by (fingerprint, cluster), the lookup every import chunk makes.

With only a fingerprint index, SQLite answered "fingerprint IN (...) AND cluster IS NULL" by
walking every group head through the (cluster, posted_at) index, so each chunk of an import
took longer than the one before. The cluster foreign key's own index goes too: (cluster,
posted_at) starts with the same column.

Fingerprints get shorter (the first 16 hex digits of the same SHA-256, see
netizen.sources.text), so the index stays small; existing ones are cut to match.

Only the indexes change, so the database side drops and creates them directly: Django's
SQLite way of altering a field rebuilds the table, which would drop the search triggers.
"""

import django.db.models.deletion
from django.db import migrations, models

OLD_INDEXES = [
    "sources_sourcepost_fingerprint_2d3aa6ee",
    "sources_sourcepost_fingerprint_2d3aa6ee_like",  # PostgreSQL's pattern index
    "sources_sourcepost_cluster_id_aae7a881",
]
COPY_GROUP_INDEX = models.Index(fields=["fingerprint", "cluster"], name="sources_sou_fingerp_7ec419_idx")


class Migration(migrations.Migration):
    dependencies = [("sources", "0003_editors_use_sources")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="sourcepost",
                    name="cluster",
                    field=models.ForeignKey(
                        blank=True,
                        db_index=False,
                        help_text="The first post of its group of copies; null for a post that starts one.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="copies",
                        to="sources.sourcepost",
                    ),
                ),
                migrations.AlterField(
                    model_name="sourcepost",
                    name="fingerprint",
                    field=models.CharField(
                        help_text="Equal for copies of one text (see text.py).", max_length=64
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    [f'DROP INDEX IF EXISTS "{name}"' for name in OLD_INDEXES],
                    [
                        'CREATE INDEX "sources_sourcepost_fingerprint_2d3aa6ee" '
                        'ON "sources_sourcepost" ("fingerprint")',
                        'CREATE INDEX "sources_sourcepost_cluster_id_aae7a881" '
                        'ON "sources_sourcepost" ("cluster_id")',
                    ],
                )
            ],
        ),
        migrations.RunSQL(
            "UPDATE sources_sourcepost SET fingerprint = substr(fingerprint, 1, 16)",
            migrations.RunSQL.noop,
        ),
        migrations.AddIndex(model_name="sourcepost", index=COPY_GROUP_INDEX),
    ]
