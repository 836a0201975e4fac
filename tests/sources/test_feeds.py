"""Polling listed feeds: public addresses only, conditional requests, bounded downloads."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from netizen.sources import feeds
from netizen.sources.models import Feed, SourcePost

pytestmark = pytest.mark.django_db

FEED = (Path(__file__).parent / "fixtures" / "feed.xml").read_bytes()


class FeedServer(BaseHTTPRequestHandler):
    body = FEED

    def do_GET(self) -> None:
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", '"v1"')
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server(monkeypatch):
    """A feed on this machine, which polling would refuse: allowed for these tests only."""
    monkeypatch.setattr(feeds, "check_public", lambda url: None)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FeedServer)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/feed.xml"
    httpd.shutdown()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/admin/",
        "http://localhost/feed",
        "http://10.1.2.3/feed",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/feed",
        "file:///etc/passwd",
        "ftp://example.org/feed",
    ],
)
def test_addresses_that_are_not_public_are_refused(url):
    with pytest.raises(feeds.FeedUnavailable):
        feeds.fetch(url)


def test_a_refused_feed_records_why_and_imports_nothing():
    feed = Feed.objects.create(url="http://10.0.0.8/rss")
    assert feeds.poll(feed) is None
    feed.refresh_from_db()
    assert "not a public address" in feed.last_error and feed.last_polled_at
    assert not SourcePost.objects.exists()


def test_polling_imports_once_and_then_asks_if_changed(server):
    feed = Feed.objects.create(url=server)
    batch = feeds.poll(feed)
    assert batch.imported > 0 and batch.format == "feed"
    feed.refresh_from_db()
    assert feed.etag == '"v1"' and feed.last_error == ""
    assert feeds.poll(feed) is None  # 304 Not Modified: nothing read
    assert SourcePost.objects.count() == batch.imported


def test_an_oversized_feed_is_not_read(server, monkeypatch):
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", 100)
    with pytest.raises(feeds.FeedUnavailable, match="over"):
        feeds.fetch(server)
