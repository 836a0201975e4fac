"""Moving the test database between migrations, for tests of an upgrade."""

from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets: list[tuple[str, str]]) -> Apps:
    """Migrate to ``targets`` and return the models as they stand there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest(app: str) -> list[tuple[str, str]]:
    """The app's newest migration, as a target."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes(app)
