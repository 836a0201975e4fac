"""The "comments" benchmark: comments submitted and queued per second over real HTTP.

Each request is what a reader's browser sends: a POST of the comment form with its CSRF
token, answered by a redirect to the receipt once the comment is stored and its screening
queued. The server runs with the database task backend and no worker, so screening waits in
the queue and is not part of the figure (``netizen bench screening`` measures it).
The benchmark's comments are erased afterwards with `netizen comments forget`.
"""

from __future__ import annotations

import http.client
import io
import re
import time
from contextlib import nullcontext
from http.cookies import SimpleCookie
from urllib.parse import urlencode

from django.core.management import call_command

from netizen.stories.demo import LEAD_STORY_PATH
from netizen.stories.models import StoryPage

from .pages import (
    HTTP_TIMEOUT,
    BenchError,
    ensure_demo,
    environment,
    loopback_address,
    percentile,
    runserver,
)

BENCH_AUTHOR = "Benchmark reader"
# The benchmark's comments are sent under this address and erased after, the way a reader's
# are: with `netizen comments forget`.
BENCH_EMAIL = "benchmark@netizen.invalid"
TOKEN_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf_pair(host: str, port: int, path: str) -> tuple[str, str]:
    """The cookie and form token a reader gets with the story page."""
    connection = http.client.HTTPConnection(host, port, timeout=HTTP_TIMEOUT)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        html = response.read().decode()
        cookie = SimpleCookie(response.getheader("Set-Cookie") or "")
    finally:
        connection.close()
    match = TOKEN_FIELD.search(html)
    if response.status != 200 or not match or "csrftoken" not in cookie:
        raise BenchError(f"GET {path} gave no comment form (HTTP {response.status}).")
    return cookie["csrftoken"].value, match.group(1)


def post_comment(host: str, port: int, path: str, fields: dict[str, str], cookie: str) -> int:
    connection = http.client.HTTPConnection(host, port, timeout=HTTP_TIMEOUT)
    try:
        connection.request(
            "POST",
            path,
            body=urlencode(fields),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={cookie}",
                "Referer": f"http://{host}:{port}{LEAD_STORY_PATH}",
                "Connection": "close",
            },
        )
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def submit_many(base_url: str, story_id: int, requests: int, warmup: int) -> list[float]:
    host, port = loopback_address(base_url)
    cookie, token = csrf_pair(host, port, LEAD_STORY_PATH)
    path = f"/comments/stories/{story_id}/"
    latencies = []
    for number in range(warmup + requests):
        fields = {
            "csrfmiddlewaretoken": token,
            "name": BENCH_AUTHOR,
            "email": BENCH_EMAIL,
            "body": f"Comment {number} from the benchmark: a reader's thoughts on the story.",
        }
        before = time.perf_counter()
        status = post_comment(host, port, path, fields, cookie)
        if status != 303:
            raise BenchError(f"POST {path} answered HTTP {status}, not 303; no figures reported.")
        if number >= warmup:
            latencies.append(time.perf_counter() - before)
    return latencies


def run(requests: int = 500, warmup: int = 20, base_url: str | None = None) -> dict:
    """Without ``base_url``, start (and stop) a runserver whose screening waits in the queue;
    with one, drive that server (the tests pass pytest-django's live server)."""
    ensure_demo()
    story = StoryPage.objects.live().get(url_path__endswith=LEAD_STORY_PATH)
    server_env = {"NETIZEN_TASKS_BACKEND": "database", "NETIZEN_COMMENT_HOURLY_LIMIT": "1000000"}
    try:
        with nullcontext(base_url) if base_url else runserver(env=server_env) as url:
            started = time.perf_counter()
            latencies = submit_many(url, story.pk, requests, warmup)
            seconds = time.perf_counter() - started
    finally:
        call_command("comments", "forget", BENCH_EMAIL, stdout=io.StringIO())
    ordered = sorted(latencies)
    return {
        "scenario": "comments",
        "meta": {**environment(), "server": "django runserver", "warmup": warmup},
        "comments": len(ordered),
        "comments_per_second": round(len(ordered) / sum(ordered), 2),
        "wall_seconds": round(seconds, 3),
        "p50_ms": round(percentile(ordered, 50) * 1000, 3),
        "p95_ms": round(percentile(ordered, 95) * 1000, 3),
    }
