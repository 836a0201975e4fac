"""Dates as the sources write them, made time-zone aware.

Chinese platforms and crawlers write Beijing time without a zone; X writes its own
"Wed Oct 10 20:19:24 +0000 2018"; exports carry Unix seconds. The inbox sorts and filters
across all of them, so every time must know its zone.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, tzinfo
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}
# Unix times above this are in milliseconds: in seconds they would be past the year 5000.
MILLISECONDS_FROM = 10**11


def iso_time(value: str, zone: tzinfo = UTC) -> datetime:
    """An ISO 8601 date or date and time; one without a zone is taken to be in `zone`."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"cannot read the date {value!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def unix_time(value: int | float | str) -> datetime:
    """Unix seconds (or milliseconds, told apart by size) as a UTC time."""
    try:
        seconds = float(value)
        if seconds > MILLISECONDS_FROM:
            seconds /= 1000
        return datetime.fromtimestamp(seconds, UTC)
    except (ValueError, OverflowError, OSError):
        raise ValueError(f"cannot read the Unix time {value!r}") from None


def any_time(value: object, zone: tzinfo = UTC) -> datetime:
    """A Unix time (number or digits) or an ISO 8601 time, whichever the value is."""
    if isinstance(value, bool):
        raise ValueError(f"cannot read the date {value!r}")
    if isinstance(value, int | float):
        return unix_time(value)
    text = str(value).strip()
    if text.replace(".", "", 1).isdigit():
        return unix_time(text)
    return iso_time(text, zone)


def twitter_time(value: str) -> datetime:
    """X's "Wed Oct 10 20:19:24 +0000 2018", read without depending on the locale."""
    try:
        _, month, day, clock, offset, year = value.split()
        moment = datetime.strptime(
            f"{year}-{MONTHS[month]:02d}-{day} {clock} {offset}", "%Y-%m-%d %H:%M:%S %z"
        )
    except (ValueError, KeyError):
        raise ValueError(f"cannot read the date {value!r}") from None
    return moment.astimezone(UTC)


def struct_time_utc(value: time.struct_time) -> datetime:
    """feedparser's parsed dates, which it has already turned into UTC."""
    return datetime(*value[:6], tzinfo=UTC)
