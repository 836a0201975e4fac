"""A progress line on the terminal while a file imports: how far through, how many kept."""

from __future__ import annotations

import io
import sys
import time
from typing import BinaryIO, TextIO

from .models import ImportBatch


class CountingReader(io.RawIOBase):
    """A binary stream that counts the bytes read through it."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        self.bytes_read += len(data)
        return len(data)


class ProgressLine:
    """Redraws one line on ``out`` at most a few times a second; silent when not a terminal."""

    def __init__(self, reader: CountingReader, total: int, out: TextIO = sys.stderr) -> None:
        self.reader, self.total, self.out = reader, total, out
        self.enabled = out.isatty()
        self.started = self.last = time.monotonic()

    def __call__(self, batch: ImportBatch) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.2:
            return
        self.last = now
        share = self.reader.bytes_read / self.total if self.total else 0
        bar = "#" * int(share * 30)
        rate = batch.imported / max(now - self.started, 1e-9)
        self.out.write(
            f"\r[{bar:<30}] {share:6.1%}  {batch.imported:,} imported, "
            f"{batch.duplicates:,} already here, {batch.errors:,} bad  ({rate:,.0f}/s)"
        )
        self.out.flush()

    def finish(self) -> None:
        if self.enabled:
            self.out.write("\n")
