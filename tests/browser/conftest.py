"""A real Chromium (Debian's, at /usr/bin/chromium) driven by Playwright."""

import shutil
from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, and Django's connection
    # handler keys connections by async context: without this, tests would get fresh
    # connection objects that lost the test database's serialized contents, and
    # serialized_rollback would restore nothing after a live-server test.
    open_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, connection in open_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh tab that fails the test on any request to another origin."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    foreign: list[str] = []
    tab.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:"))
            else foreign.append(request.url)
        ),
    )
    yield tab
    context.close()
    assert not foreign, f"requests to other origins: {foreign}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
