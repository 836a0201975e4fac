"""Reading the caller's byte stream: a look at its start, then the whole of it, once.

Parsers take a stream, not a path, so the importer can hand them an upload, a fetched feed
or a file wrapped in a byte counter for its progress bar. Each parser looks at the first
bytes to choose a layout and then reads on from the very start, without seeking: the
stream may not be seekable.
"""

from __future__ import annotations

import codecs
import io
from typing import BinaryIO

HEAD_SIZE = 64 * 1024
BUFFER_SIZE = 64 * 1024


class _Replay(io.RawIOBase):
    """The bytes already read from the front of a stream, then the rest of that stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek(stream: BinaryIO, size: int = HEAD_SIZE) -> tuple[bytes, io.BufferedReader]:
    """The first `size` bytes (fewer if the stream is shorter), and a stream from the start.

    The returned stream is the parser's own: closing it leaves the caller's open.
    """
    head = read_up_to(stream, size)
    return head, io.BufferedReader(_Replay(head, stream), buffer_size=BUFFER_SIZE)


def read_up_to(stream: BinaryIO, size: int) -> bytes:
    """`size` bytes, or all there are; a raw stream may hand them over in pieces."""
    parts: list[bytes] = []
    got = 0
    while got < size:
        part = stream.read(size - got)
        if not part:
            break
        if not isinstance(part, bytes | bytearray):
            raise TypeError("The importer reads bytes: open the file in binary mode ('rb').")
        parts.append(bytes(part))
        got += len(part)
    return b"".join(parts)


def skip_bom(head: bytes, stream: BinaryIO) -> bytes:
    """Drop a UTF-8 byte order mark (Excel and Windows tools write one) from both."""
    if head.startswith(codecs.BOM_UTF8):
        stream.read(len(codecs.BOM_UTF8))
        return head[len(codecs.BOM_UTF8) :]
    return head


def head_text(head: bytes) -> str:
    """The head as text for sniffing; a character cut off at the end is dropped."""
    return head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="ignore")
