"""Settings for the test suite: Netizen's own, read from a test environment.

Tests keep their media and keys out of ./var and run background tasks (search indexing)
at once. Playwright's sync API runs an event loop in the test thread, which Django's ORM
would otherwise refuse to share.
"""

import os
import tempfile

os.environ.setdefault("NETIZEN_DATA_DIR", tempfile.mkdtemp(prefix="netizen-test-"))
os.environ.setdefault("NETIZEN_TASKS_BACKEND", "immediate")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from netizen.settings import *  # noqa: F403

# A file, not SQLite's shared in-memory database: threads in the concurrency tests then meet
# the same locking (WAL, busy timeout) as the real site instead of shared-cache table locks.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
