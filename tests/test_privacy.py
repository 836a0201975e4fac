"""Readers' browsers talk to us alone: no third-party origin in any public page."""

import re

import pytest

from netizen.stories.demo import LEAD_STORY_PATH

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/stories/",
    LEAD_STORY_PATH,
    "/coverage/",
    "/coverage/refugees/",
    "/regions/",
    "/regions/china/",
    "/people/mei-lin/",
    "/search/?q=refugees",
]
# Attributes that make a browser fetch something on its own (links followed by a click
# are the reader's choice and are allowed).
FETCHING = re.compile(
    r"<(?:img|script|iframe|source|video|audio|embed|object)\b[^>]*\b(?:src|srcset|data)="
    r'"([^"]*)"|<link\b[^>]*\bhref="([^"]*)"',
    re.IGNORECASE,
)


@pytest.mark.parametrize("url", PAGES)
def test_pages_fetch_nothing_from_other_origins(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    for match in FETCHING.finditer(response.text):
        target = match.group(1) or match.group(2)
        assert target.startswith("/") and not target.startswith("//"), target
    assert "default-src 'self'" in response["Content-Security-Policy"]


def test_admin_is_left_to_wagtail(client, demo):
    assert "Content-Security-Policy" not in client.get("/admin/login/")
