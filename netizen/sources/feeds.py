"""Polling RSS/Atom feeds an editor listed in the admin into the inbox.

Our server fetches only the addresses editors entered; readers' data is never involved. It
fetches public addresses only (not this machine, nor the private network behind it, nor a
cloud's metadata service), follows redirects only to public http(s) addresses, and reads no
more than a feed could sensibly be. Conditional requests (ETag, Last-Modified) keep polling
cheap for feeds that have not changed.
"""

from __future__ import annotations

import io
import ipaddress
import logging
import socket
import urllib.error
import urllib.request
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from django.utils import timezone

from .importers.feed import MAX_FEED_BYTES
from .importing import import_stream
from .models import Feed, ImportBatch

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 30
USER_AGENT = "Netizen feed reader (+https://github.com/netizen)"


class FeedUnavailable(Exception):
    """The feed could not be fetched; the message says why, for the admin."""


def check_public(url: str) -> None:
    """Refuse addresses that are not public web addresses (FeedUnavailable says why)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FeedUnavailable(f"{url!r} is not an http(s) address.")
    try:
        found = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise FeedUnavailable(f"{parts.hostname} cannot be found ({error}).") from error
    for *_, address in found:
        if not ipaddress.ip_address(address[0].split("%")[0]).is_global:
            raise FeedUnavailable(f"{parts.hostname} is not a public address; not fetched.")


class PublicRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_public(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(PublicRedirects)


def fetch(url: str, etag: str = "", last_modified: str = "") -> tuple[bytes | None, str, str]:
    """The feed's bytes (None when unchanged since the last poll), its ETag and Last-Modified."""
    check_public(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            data = response.read(MAX_FEED_BYTES + 1)
            if len(data) > MAX_FEED_BYTES:
                raise FeedUnavailable(f"The feed is over {MAX_FEED_BYTES // 2**20} MB; not read.")
            return (
                data,
                response.headers.get("ETag", ""),
                response.headers.get("Last-Modified", ""),
            )
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None, etag, last_modified
        raise FeedUnavailable(f"HTTP {error.code} {error.reason}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise FeedUnavailable(str(getattr(error, "reason", error))) from error


def import_url(url: str, user=None) -> ImportBatch:
    """Fetch a feed once and import it (``netizen sources import feed URL``)."""
    data, _, _ = fetch(url)
    return import_stream(io.BytesIO(data or b""), "feed", source=url, user=user, url=url)


def poll(feed: Feed) -> ImportBatch | None:
    """Fetch and import one listed feed, recording the outcome on it."""
    feed.last_polled_at = timezone.now()
    try:
        data, feed.etag, feed.last_modified = fetch(feed.url, feed.etag, feed.last_modified)
        batch = None
        if data is not None:
            batch = import_stream(io.BytesIO(data), "feed", source=feed.url, url=feed.url)
        feed.last_error = ""
    except Exception as error:  # a broken feed must not stop the others
        logger.warning("Feed %s could not be polled: %s", feed.url, error)
        feed.last_error = str(error)[:500]
        batch = None
    feed.save(update_fields=["last_polled_at", "etag", "last_modified", "last_error"])
    return batch


def next_poll(feed: Feed) -> datetime:
    return (feed.last_polled_at or timezone.now()) + timedelta(minutes=feed.poll_minutes)


def is_due(feed: Feed, now: datetime) -> bool:
    # A minute's slack, so a poll booked for exactly now is not turned away as early.
    return feed.last_polled_at is None or next_poll(feed) <= now + timedelta(minutes=1)


def poll_due(now: datetime | None = None) -> list[ImportBatch | None]:
    """Poll every active feed that is due (``netizen sources poll``, e.g. from cron)."""
    now = now or timezone.now()
    return [poll(feed) for feed in Feed.objects.filter(active=True) if is_due(feed, now)]
