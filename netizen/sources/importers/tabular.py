"""Any CSV or JSON-lines file of posts, read by a column mapping.

For sources with no importer of their own: a spreadsheet a researcher shared, a forum
scrape, a tool's export. Times may be ISO 8601 or Unix seconds; times without a zone are
in `timezone` (UTC unless told).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, tzinfo
from itertools import chain
from typing import BinaryIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .column_map import ColumnMap, check_mapping, mapping_for
from .errors import BAD_START, ImportFormatError, Located, read_records, unless_unreadable
from .records import PLATFORMS, BadRecord, Result
from .rows import CsvRows, json_lines
from .streams import peek


def parse_csv(
    stream: BinaryIO,
    *,
    mapping: dict[str, str] | None = None,
    platform: str = "other",
    timezone: str | None = None,
    encoding: str = "utf-8-sig",
    delimiter: str = ",",
) -> Iterator[Result]:
    """Posts from a CSV file with a header row.

    mapping: post field -> column, e.g. {"text": "body", "engagement.likes": "likes"};
        without one, columns with usual names (text, id, created_at...) are used.
    """
    _, stream = peek(stream)
    rows = CsvRows(stream, encoding=encoding, delimiter=delimiter)
    mapping = mapping_for(mapping, rows.header)
    check_mapping(mapping, rows.header)
    columns = ColumnMap(mapping, _platform(platform), _zone(timezone))
    yield from unless_unreadable(read_records(rows, columns.read), "CSV")


def parse_jsonl(
    stream: BinaryIO,
    *,
    mapping: dict[str, str] | None = None,
    platform: str = "other",
    timezone: str | None = None,
) -> Iterator[Result]:
    """Posts from JSON lines, one object per line; mapped columns may be dotted paths.

    mapping: as for CSV; without one, it is guessed from the first record's keys.
    """
    _, stream = peek(stream)
    records = json_lines(stream)
    held = _until_first_good(records)
    good = next((item for item in held if not isinstance(item, BadRecord)), None)
    if good is None:
        yield from unless_unreadable(held, "JSON lines")  # raises unless the file is empty
        return
    mapping = mapping_for(mapping, list(good[1]))
    check_mapping(mapping)
    columns = ColumnMap(mapping, _platform(platform), _zone(timezone), nested=True)
    results = read_records(chain(held, records), columns.read)
    yield from unless_unreadable(results, "JSON lines")


def _until_first_good(records: Iterator[Located]) -> list[Located]:
    """The records up to the first readable one, to guess the columns from."""
    held: list[Located] = []
    for item in records:
        held.append(item)
        if not isinstance(item, BadRecord) or len(held) >= BAD_START:
            break
    return held


def _platform(platform: str) -> str:
    if platform not in PLATFORMS:
        raise ImportFormatError(f"Unknown platform {platform!r}; one of {', '.join(PLATFORMS)}.")
    return platform


def _zone(name: str | None) -> tzinfo:
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ImportFormatError(f"Unknown time zone {name!r} (e.g. Asia/Shanghai).") from None
