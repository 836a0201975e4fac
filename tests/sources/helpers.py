"""Reading fixture files through the importers, and looking at what came out."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from django.conf import settings

from netizen.sources.importers import BadRecord, ParsedPost, Result, Skipped, parse

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(settings.NETIZEN_DATASETS) / "weibo_samples"
needs_samples = pytest.mark.skipif(
    not SAMPLES.is_dir(), reason=f"shared Weibo samples not found at {SAMPLES}"
)


def read(format: str, fixture: str, folder: Path = FIXTURES, **options) -> list[Result]:
    with open(folder / fixture, "rb") as stream:
        return list(parse(format, stream, filename=fixture, **options))


def posts(results: Iterable[Result]) -> list[ParsedPost]:
    return [result for result in results if isinstance(result, ParsedPost)]


def at(results: Iterable[Result], position: str) -> Result:
    return next(result for result in results if result.position == position)


def problems(results: Iterable[Result]) -> dict[str, str]:
    return {result.position: result.reason for result in results if isinstance(result, BadRecord)}


def skips(results: Iterable[Result]) -> dict[str, str]:
    return {result.position: result.reason for result in results if isinstance(result, Skipped)}


class GeneratedStream(io.RawIOBase):
    """A read-only, unseekable byte stream made on the fly, like a socket or a pipe."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks: Iterator[bytes] = iter(chunks)
        self._pending = b""
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._pending:
            self._pending = next(self._chunks, b"")
            if not self._pending:
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        self.bytes_read += size
        return size
