"""`netizen bench pages`: figures of the right shape, only for pages that answered 200.

No test asserts a speed: machines differ, and a threshold would only make the suite flaky.

The HTTP mode normally starts `netizen runserver` as a subprocess, which cannot see the
test database. So the in-process tests give `run()` pytest-django's live server instead,
and one test drives the real command, subprocess server included, against a throwaway
SQLite database in a temporary data directory.
"""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from netizen.bench import pages
from netizen.stories.demo import LEAD_STORY_PATH

STORY_PATH = LEAD_STORY_PATH
FIGURES = {"requests", "seconds", "rps", "p50_ms", "p95_ms"}
META = {
    "timestamp",
    "python",
    "django",
    "wagtail",
    "database_vendor",
    "server",
    "base_url",
    "git_commit",
}


def assert_pages_result(result: dict, requests: int, vendor: str) -> None:
    """The JSON shape, with positive figures for both pages in both modes."""
    assert result["scenario"] == "pages"
    assert result["meta"].keys() >= META
    assert result["meta"]["database_vendor"] == vendor
    assert {name: page["path"] for name, page in result["pages"].items()} == {
        "home": "/",
        "story": STORY_PATH,
    }
    for page in result["pages"].values():
        for mode in ("in_process", "http"):
            figures = page[mode]
            assert figures.keys() == FIGURES
            assert figures["requests"] == requests
            assert figures["seconds"] > 0
            assert figures["rps"] > 0
            assert 0 < figures["p50_ms"] <= figures["p95_ms"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_run_measures_both_pages_in_both_modes(demo, live_server):
    result = pages.run(requests=3, warmup=1, base_url=live_server.url)

    assert_pages_result(result, requests=3, vendor=connection.vendor)
    assert result["meta"]["base_url"] == live_server.url
    json.dumps(result)  # the command prints it as JSON


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_error_page_stops_the_run_over_http(demo, live_server):
    with pytest.raises(pages.BenchError, match="HTTP 404"):
        pages.measure_http(live_server.url, ["/no-such-page/"], requests=1)


def test_an_error_page_stops_the_run_in_process(demo):
    with pytest.raises(pages.BenchError, match="HTTP 404"):
        pages.measure_in_process(["/", "/no-such-page/"], requests=1)


@pytest.mark.parametrize(
    "base_url", ["http://example.org:8000", "http://10.0.0.1:80", "https://127.0.0.1:8443"]
)
def test_http_mode_refuses_anything_but_a_loopback_server(base_url):
    with pytest.raises(pages.BenchError):
        pages.measure_http(base_url, ["/"], requests=1)


def test_percentiles_are_measured_values():
    assert pages.percentile([1.0, 2.0, 3.0], 50) == 2.0
    assert pages.percentile([1.0, 2.0, 3.0], 95) == 3.0
    assert pages.percentile([4.0], 95) == 4.0


def test_unknown_scenario_lists_the_known_ones():
    with pytest.raises(CommandError, match=r"Unknown scenario 'nope'.*pages"):
        call_command("bench", "nope")


def test_unapplied_migrations_stop_the_command(monkeypatch):
    monkeypatch.setattr(pages, "unapplied_migrations", lambda: ["stories.0099_future"])
    with pytest.raises(CommandError, match="netizen migrate"):
        call_command("bench", "pages", requests=1, warmup=0)


def netizen_command() -> list[str]:
    """The `netizen` console script of this virtualenv, or its module if not installed."""
    script = Path(sys.executable).with_name("netizen")
    return [str(script)] if script.exists() else [sys.executable, "-m", "netizen.cli"]


def port_is_closed(base_url: str) -> bool:
    parts = urlsplit(base_url)
    try:
        socket.create_connection((parts.hostname, parts.port), timeout=2).close()
    except OSError:
        return True
    return False


def test_command_starts_and_stops_its_own_runserver(tmp_path):
    """The real thing: migrate a fresh SQLite database, bench it, server started and gone."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "NETIZEN_SECRET_KEY"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="netizen.settings",
        NETIZEN_DATA_DIR=str(tmp_path),
        NETIZEN_TASKS_BACKEND="immediate",
    )
    netizen = netizen_command()

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*netizen, *args], env=env, capture_output=True, text=True, timeout=120
        )

    unmigrated = run("bench", "pages", "--requests", "1", "--warmup", "0")
    assert unmigrated.returncode != 0
    assert "netizen migrate" in unmigrated.stderr
    assert unmigrated.stdout == ""

    migrated = run("migrate", "-v0")
    assert migrated.returncode == 0, migrated.stderr

    bench = run("bench", "pages", "--requests", "3", "--warmup", "1")
    assert bench.returncode == 0, bench.stderr[-3000:]
    result = json.loads(bench.stdout)  # stdout is one JSON document and nothing else
    assert_pages_result(result, requests=3, vendor="sqlite")
    assert result["meta"]["server"] == pages.SERVER_KIND
    assert urlsplit(result["meta"]["base_url"]).hostname == "127.0.0.1"
    assert port_is_closed(result["meta"]["base_url"])
