"""CSV rows and JSON-lines records, each with the line a person would look at.

Line numbers are 1-based and count the CSV header as line 1, so "line 12" is line 12 in
any text editor, including when an earlier field spans several lines.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from .errors import ImportFormatError, Located
from .records import BadRecord

# Room for a long post in one field; the csv module's default (128 KiB) is a guard against
# runaway quotes, and stays one, just higher.
FIELD_LIMIT = 16 * 1024 * 1024
# Bytes that were not valid text in the file's encoding, as "surrogateescape" keeps them.
UNDECODABLE = re.compile("[\udc80-\udcff]")


def _raise_field_limit() -> None:
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


class CsvRows:
    """A CSV file's header, read at once, then its rows as dicts keyed by that header."""

    def __init__(self, stream: BinaryIO, *, encoding: str = "utf-8-sig", delimiter: str = ","):
        _raise_field_limit()
        self.encoding = encoding
        text = io.TextIOWrapper(stream, encoding=encoding, errors="surrogateescape", newline="")
        self._reader = csv.reader(text, delimiter=delimiter)
        self._line = 0
        self.header = self._read_header()

    def _read_header(self) -> list[str]:
        for row in self._reader:
            self._line = self._reader.line_num
            if not row:
                continue
            header = [name.strip().removeprefix("\ufeff").strip() for name in row]
            if UNDECODABLE.search("".join(header)):
                raise ImportFormatError(
                    f"The header is not {self.encoding} text; if the file is in another "
                    "encoding (GB18030 is common for Chinese CSV files), say which."
                )
            return header
        raise ImportFormatError("The file is empty: no header row.")

    def __iter__(self) -> Iterator[Located]:
        header = self.header
        width = len(header)
        reader = self._reader
        while True:
            start = self._line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                self._line = reader.line_num
                yield BadRecord(f"line {start}", f"not valid CSV ({error})")
                continue
            self._line = reader.line_num
            if not row:
                continue
            if len(row) != width:
                yield BadRecord(
                    f"line {start}", f"has {len(row)} fields where the header has {width}"
                )
            elif UNDECODABLE.search("".join(row)):
                yield BadRecord(f"line {start}", f"is not valid {self.encoding} text")
            else:
                yield f"line {start}", dict(zip(header, row, strict=True))


def json_lines(stream: BinaryIO) -> Iterator[Located]:
    """One JSON object per line; blank lines are allowed and still counted."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        record: Any
        try:
            record = json.loads(line.rstrip(b"\r\n"))
        except UnicodeDecodeError:
            yield BadRecord(f"line {number}", "is not valid UTF-8 text")
            continue
        except json.JSONDecodeError as error:
            yield BadRecord(f"line {number}", f"not valid JSON ({error.msg}, column {error.colno})")
            continue
        if isinstance(record, dict):
            yield f"line {number}", record
        else:
            yield BadRecord(f"line {number}", "not a JSON object")
