"""Readers' addresses: never stored; a keyed hash that changes every day is all we keep."""

import datetime as dt

import pytest
from django.db import connection

from netizen.discussion.clients import client_key, day_secret
from netizen.discussion.models import ClientSecret

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"


def every_row_as_text():
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                yield table, " ".join(str(value) for value in row)


def test_no_table_holds_the_raw_address(post, newest, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post("Where is my address kept?", address=ADDRESS)
    assert newest().client  # the hash is there for rate limits and repeats
    leaks = [table for table, text in every_row_as_text() if ADDRESS in text]
    assert leaks == []


def test_hash_is_stable_within_a_day_and_changes_the_next():
    today = dt.date(2026, 11, 29)
    assert client_key(ADDRESS, today) == client_key(ADDRESS, today)
    assert client_key(ADDRESS, today) != client_key("203.0.113.78", today)
    assert client_key(ADDRESS, today + dt.timedelta(days=1)) != client_key(ADDRESS, today)


def test_old_day_keys_are_deleted():
    day_secret(dt.date(2026, 11, 1))
    day_secret(dt.date(2026, 11, 2))
    day_secret(dt.date(2026, 11, 5))
    assert set(ClientSecret.objects.values_list("day", flat=True)) == {dt.date(2026, 11, 5)}


def test_proxy_header_is_used_only_when_configured(post, newest, settings):
    post("Behind a proxy.", address="127.0.0.1", meta={"HTTP_X_FORWARDED_FOR": ADDRESS})
    assert newest().client == client_key("127.0.0.1")


def test_only_the_proxys_own_entry_counts(post, newest, settings):
    """A client can put anything in X-Forwarded-For; our proxy appends the real address."""
    settings.NETIZEN_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    forged = {"HTTP_X_FORWARDED_FOR": f"198.51.100.1, {ADDRESS}"}
    post("Behind a proxy, configured.", address="127.0.0.1", meta=forged)
    assert newest().client == client_key(ADDRESS)


def test_one_ipv6_network_is_one_client():
    day = dt.date(2026, 11, 29)
    home = client_key("2001:db8:1:2::10", day)
    assert client_key("2001:db8:1:2:abcd::99", day) == home
    assert client_key("2001:db8:1:3::10", day) != home
