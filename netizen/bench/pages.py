"""The "pages" benchmark: how many requests per second the public pages answer.

Two measurements per page, because they answer different questions:

* in process, with Django's test ``Client``: the cost of our views, templates and queries
  alone, without sockets or a server;
* over HTTP, against ``netizen runserver`` started as a subprocess: what a reader's browser
  would see from the embedded set-up, server and socket overhead included.

The HTTP client is sequential: one request at a time, each on a new connection that is
closed afterwards (``Connection: close``, no keep-alive). That keeps the figures comparable
between runs and machines; it measures latency-bound throughput, not the server's capacity
under concurrent load.

Every response must be HTTP 200: an error page is often fast, so its figures would flatter
us. The first failure stops the run with :class:`BenchError` and nothing is reported.
"""

import datetime as dt
import http.client
import ipaddress
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO
from urllib.parse import urlsplit

import django
import wagtail
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client

from netizen.database import unapplied_migrations
from netizen.stats import percentile
from netizen.stories.demo import LEAD_STORY_PATH, load_demo

# Pages by the name they carry in the JSON output.
PAGES: dict[str, str] = {
    "home": "/",
    "story": LEAD_STORY_PATH,
}
SERVER_KIND = "django runserver (development server)"
HTTP_CLIENT = "http.client, sequential: one request at a time, a new connection per request"
# The host the in-process client claims to be; it must pass ALLOWED_HOSTS outside the tests.
IN_PROCESS_HOST = "127.0.0.1"
HTTP_TIMEOUT = 30.0
STARTUP_TIMEOUT = 60.0
PROJECT_DIR = Path(__file__).resolve().parents[2]


class BenchError(Exception):
    """The benchmark cannot give honest figures; the message says why and what to do."""


def ensure_demo() -> None:
    """Load the demo newsroom, but only into a migrated database.

    Migrating is the user's decision (it changes their database), so we refuse rather than
    migrate behind their back. Loading the demo is idempotent and leaves edits alone.
    """
    if pending := unapplied_migrations():
        raise BenchError(
            f"The database has {len(pending)} unapplied migration(s) (first: {pending[0]}). "
            "Run `netizen migrate` first, then run the benchmark again."
        )
    load_demo()


def summarise(latencies: Sequence[float], seconds: float) -> dict[str, float | int]:
    """The figures we report for one page in one mode; latencies and seconds in seconds."""
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "seconds": round(seconds, 4),
        "rps": round(len(ordered) / seconds, 2),
        "p50_ms": round(percentile(ordered, 50) * 1000, 3),
        "p95_ms": round(percentile(ordered, 95) * 1000, 3),
    }


def measure(
    fetch: Callable[[str], int], path: str, requests: int, warmup: int, mode: str
) -> dict[str, float | int]:
    """Time ``requests`` calls of ``fetch(path)`` after ``warmup`` untimed ones.

    ``fetch`` returns the HTTP status; anything but 200 raises BenchError, warm-up included,
    so a broken page never yields a number.
    """

    def checked_fetch() -> None:
        status = fetch(path)
        if status != 200:
            raise BenchError(
                f"GET {path} ({mode}) answered HTTP {status}, not 200; no figures reported. "
                "Check that the demo is loaded and the page is published."
            )

    for _ in range(warmup):
        checked_fetch()
    latencies = []
    started = time.perf_counter()
    for _ in range(requests):
        before = time.perf_counter()
        checked_fetch()
        latencies.append(time.perf_counter() - before)
    return summarise(latencies, time.perf_counter() - started)


def measure_in_process(
    paths: Sequence[str], requests: int, warmup: int = 0
) -> dict[str, dict[str, float | int]]:
    """Figures per path through Django's test Client: our code without a server."""
    # Errors become 500 responses (and so a BenchError) rather than tracebacks mid-run.
    client = Client(raise_request_exception=False, HTTP_HOST=IN_PROCESS_HOST)

    def fetch(path: str) -> int:
        return client.get(path).status_code

    return {path: measure(fetch, path, requests, warmup, "in process") for path in paths}


def loopback_address(base_url: str) -> tuple[str, int]:
    """Host and port of an http:// URL on this machine; anything else is refused.

    A benchmark hammers its target, so it must never be pointed at someone else's server.
    """
    parts = urlsplit(base_url)
    host, port = parts.hostname, parts.port
    if parts.scheme != "http" or not host or port is None:
        raise BenchError(f"Base URL {base_url!r} must look like http://127.0.0.1:8000")
    if host != "localhost":
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise BenchError(f"Base URL {base_url!r} is not a loopback address; refusing.")
    return host, port


def http_get(host: str, port: int, path: str, timeout: float = HTTP_TIMEOUT) -> int:
    """One GET on a fresh connection, body read in full; returns the status.

    http.client rather than urllib: it ignores proxy variables, so the request really goes
    to the loopback server.
    """
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Connection": "close"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def measure_http(
    base_url: str, paths: Sequence[str], requests: int, warmup: int = 0
) -> dict[str, dict[str, float | int]]:
    """Figures per path over real HTTP against a server on this machine."""
    host, port = loopback_address(base_url)

    def fetch(path: str) -> int:
        try:
            return http_get(host, port, path)
        except (OSError, http.client.HTTPException) as error:
            raise BenchError(f"GET {base_url}{path} failed: {error}") from error

    return {path: measure(fetch, path, requests, warmup, "http") for path in paths}


def free_loopback_port() -> int:
    """A port nobody listens on right now (the OS picks it; a tiny race remains)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environment() -> dict[str, str]:
    """Our environment, with the settings module and data directory made explicit.

    The server must read the same database as this process; naming them protects against
    a relative or defaulted NETIZEN_DATA_DIR resolving differently.
    """
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = settings.SETTINGS_MODULE
    env["NETIZEN_DATA_DIR"] = str(settings.DATA_DIR)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def log_tail(log: IO[bytes], limit: int = 2000) -> str:
    log.flush()
    log.seek(0)
    return log.read().decode(errors="replace")[-limit:]


def wait_until_answering(
    process: subprocess.Popen, host: str, port: int, log: IO[bytes], timeout: float
) -> None:
    """Poll until the server answers any HTTP request; fail early if it dies."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(
                f"runserver exited with code {process.returncode} before answering:\n"
                + log_tail(log)
            )
        try:
            http_get(host, port, "/", timeout=5)
        except (OSError, http.client.HTTPException):
            time.sleep(0.1)
        else:
            return
    raise BenchError(f"runserver did not answer within {timeout:.0f} s:\n" + log_tail(log))


def stop(process: subprocess.Popen) -> None:
    """Stop the server we started: politely first, then for good."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def runserver(
    startup_timeout: float = STARTUP_TIMEOUT, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run ``netizen runserver 127.0.0.1:<free port> --noreload``; yields its base URL.

    ``python -m netizen.cli`` is the ``netizen`` console script run by this interpreter,
    so the server runs the same code in the same virtualenv. Its log goes to a temporary
    file (a pipe nobody reads would fill and stall the server) and is shown if it fails.
    ``env`` adds or overrides environment variables for the server.
    """
    host, port = "127.0.0.1", free_loopback_port()
    command = [sys.executable, "-m", "netizen.cli", "runserver", f"{host}:{port}", "--noreload"]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            command,
            env={**server_environment(), **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_answering(process, host, port, log, startup_timeout)
            yield f"http://{host}:{port}"
        finally:
            stop(process)


def git_revision() -> dict[str, str | bool | None]:
    """The commit the code comes from and whether the tree had changes; None if unknown."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=PROJECT_DIR, capture_output=True, text=True, check=True, timeout=5
        ).stdout.strip()

    try:
        return {"git_commit": git("rev-parse", "HEAD"), "git_dirty": bool(git("status", "-s"))}
    except (OSError, subprocess.SubprocessError):
        return {"git_commit": None, "git_dirty": None}


def environment() -> dict:
    """The software and machine a figure was measured on."""
    return {
        "timestamp": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database_vendor": connections[DEFAULT_DB_ALIAS].vendor,
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        **git_revision(),
    }


def metadata(requests: int, warmup: int, server: str, base_url: str) -> dict:
    """What a reader of the figures needs to compare them with another run."""
    return {
        **environment(),
        "server": server,
        "base_url": base_url,
        "http_client": HTTP_CLIENT,
        "requests_per_page_per_mode": requests,
        "warmup_per_page_per_mode": warmup,
    }


def run(requests: int = 200, warmup: int = 10, base_url: str | None = None) -> dict:
    """The whole scenario: demo ready, both pages in both modes, one JSON-ready dict.

    Without ``base_url`` the HTTP mode starts (and always stops) its own runserver. With
    one, it drives that server instead; the tests pass pytest-django's live server, since a
    subprocess cannot see the test database.
    """
    if requests < 1 or warmup < 0:
        raise BenchError("requests must be at least 1 and warmup at least 0")
    ensure_demo()
    paths = list(PAGES.values())
    in_process = measure_in_process(paths, requests, warmup)
    if base_url is None:
        server = SERVER_KIND
        with runserver() as started_url:
            over_http = measure_http(started_url, paths, requests, warmup)
            base_url = started_url
    else:
        server = "given base URL (not started by this command)"
        over_http = measure_http(base_url, paths, requests, warmup)
    return {
        "scenario": "pages",
        "meta": metadata(requests, warmup, server, base_url),
        "pages": {
            name: {"path": path, "in_process": in_process[path], "http": over_http[path]}
            for name, path in PAGES.items()
        },
    }
