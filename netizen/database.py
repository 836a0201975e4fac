"""Questions about the site's database that several commands ask before they use it."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor


def unapplied_migrations(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Migrations still to apply, as "app_label.name"; empty when the database is current."""
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]
