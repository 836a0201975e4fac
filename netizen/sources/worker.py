"""A second process for long imports: it parses and prepares chunks while this one writes.

Parsing and preparing a post (language, fingerprint, search tokens, JSON) costs about as much
as writing it to SQLite, so a long import runs the two side by side on two cores. The file
stays in this process: a thread here reads it and passes its bytes down a pipe, so any stream
works (an upload, a file behind a progress bar) and the bytes counted are the bytes read. The
worker sends back prepared chunks from a thread of its own, with up to ``AHEAD`` waiting:
sent straight from the loop, a chunk waited until this side had written the one before, and
each side spent a fifth of a long import waiting for the other. Beyond that the queue is
full and the worker waits, so memory stays flat however long the file.

The worker is started with "spawn" (a fresh interpreter: forking a process that holds a
database connection and threads is unsafe) and loads only modules that need no models.
"""

from __future__ import annotations

import io
import os
import queue
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection
from typing import Any, BinaryIO

from django.conf import settings

BLOCK_SIZE = 2**20
# Prepared chunks the worker may hold while this side is still writing an earlier one.
AHEAD = 2


class WorkerFailed(RuntimeError):
    """The worker process died without saying why."""


@dataclass
class Failure:
    """An error raised in the worker, sent back to be raised again here."""

    error: BaseException


class PipeReader(io.RawIOBase):
    """The worker's end of the byte pipe, as a stream a parser can read; an empty message
    is the end of the file."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.pending = memoryview(b"")
        self.ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending and not self.ended:
            block = self.connection.recv_bytes()
            self.ended = not block
            self.pending = memoryview(block)
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size


def produce(
    settings_module: str, format: str, options: dict[str, Any], source: Connection, out: Connection
) -> None:
    """The worker's whole life: read the file from ``source``, send prepared chunks to
    ``out``, then None; or a Failure if parsing breaks (a file that turns out unreadable)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = settings_module
    from .bulk import fewer_collections
    from .importers import parse
    from .preparing import prepared_chunks

    outbox: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
    sender = threading.Thread(target=send_all, args=(outbox, out), daemon=True)
    sender.start()
    try:
        stream = io.BufferedReader(PipeReader(source), buffer_size=BLOCK_SIZE)
        with fewer_collections():
            for part in prepared_chunks(parse(format, stream, **options)):
                outbox.put(part)
        outbox.put(None)
    except Exception as error:  # sent back whole, to be raised in the importing process
        outbox.put(Failure(error))
    sender.join()


def send_all(outbox: queue.Queue[Any], out: Connection) -> None:
    """Send what the worker prepares, in order, until the end (None) or a Failure.

    A chunk that cannot be sent (one that does not pickle) ends the import with a Failure:
    the importing side raises it and stops this process, whose main thread would otherwise
    wait on a full queue for ever.
    """
    while True:
        item = outbox.get()
        try:
            out.send(item)
        except OSError:  # the importing side stopped, and will end this process
            return
        except Exception as error:  # pickling happens before any byte is written
            out.send(Failure(WorkerFailed(f"A prepared chunk could not be sent ({error}).")))
            return
        if item is None or isinstance(item, Failure):
            return


def feed(stream: BinaryIO, sink: Connection, stop: threading.Event) -> None:
    """Pass the file down the pipe in blocks, then an empty block; give up if the worker is
    gone or the import stopped."""
    try:
        while not stop.is_set():
            block = stream.read(BLOCK_SIZE)
            sink.send_bytes(block or b"")
            if not block:
                break
    except (BrokenPipeError, OSError):
        pass  # the worker stopped; the importing side reports why


# Seconds to wait, after its pipe closed, for a dead worker's exit code.
EXIT_WAIT = 5.0


def prepare_in_worker(stream: BinaryIO, format: str, options: dict[str, Any]) -> Iterator[Any]:
    """Prepared chunks of ``stream``, made in a worker process, in file order."""
    context = get_context("spawn")
    source_out, source_in = context.Pipe(duplex=False)
    results_out, results_in = context.Pipe(duplex=False)
    process = context.Process(
        target=produce,
        args=(settings.SETTINGS_MODULE, format, options, source_out, results_in),
        name="netizen-import",
        daemon=True,
    )
    process.start()
    source_out.close()
    results_in.close()
    stop = threading.Event()
    feeder = threading.Thread(target=feed, args=(stream, source_in, stop), daemon=True)
    feeder.start()
    finished = False
    try:
        while True:
            try:
                part = results_out.recv()
            except EOFError:
                # Its end of the pipe closed as it exited: wait for the exit to be reaped,
                # or its exit code is not known yet.
                process.join(EXIT_WAIT)
                raise WorkerFailed(
                    f"The import worker stopped unexpectedly (exit code {process.exitcode})."
                ) from None
            if part is None:
                finished = True
                return
            if isinstance(part, Failure):
                raise part.error
            yield part
    finally:
        stop.set()
        if not finished:
            # Stopped early (an error here or there): the worker's pipes close with it, so
            # a feeder blocked on a full pipe gets an error and ends too.
            process.kill()
        process.join()
        feeder.join()
        source_in.close()
        results_out.close()
