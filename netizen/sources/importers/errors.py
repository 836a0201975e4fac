"""Why a whole file cannot be imported, as opposed to one bad record in it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .records import BadRecord, Result

# How many bad records in a row, from the start of a file, mean the file is not in the
# format at all (a CSV read as JSON lines, GB18030 read as UTF-8) rather than damaged.
BAD_START = 3


class ImportFormatError(ValueError):
    """The file is not in the format it was read as, or is unreadable as a whole."""


class UnknownFormat(ImportFormatError):
    """Automatic detection could not tell which format a file is in."""


type Located = tuple[str, Any] | BadRecord


def read_records(
    records: Iterable[Located], read: Callable[[str, Any], Result]
) -> Iterator[Result]:
    """Read each (position, record) with `read`; a record it chokes on becomes a BadRecord.

    Source files are written by many tools and edited by hand, so any field may be missing
    or of the wrong type; one such record must not stop the import of the others.
    """
    for item in records:
        if isinstance(item, BadRecord):
            yield item
            continue
        position, record = item
        result: Result
        try:
            result = read(position, record)
        except KeyError as error:
            result = BadRecord(position, f"missing field {error.args[0]!r}")
        except ValueError as error:
            result = BadRecord(position, str(error) or "unreadable value")
        except (TypeError, AttributeError) as error:
            result = BadRecord(position, f"a field has an unexpected shape ({error})")
        yield result


def unless_unreadable(results: Iterable[Result], what: str) -> Iterator[Result]:
    """Pass results through, but raise if the file starts with nothing but bad records.

    Without this, a file in the wrong format would come back as thousands of "bad
    records" instead of one clear message. Bad records are held back until a post or a
    skipped record shows the format is right.
    """
    held: list[BadRecord] = []
    recognised = False
    for result in results:
        if recognised:
            yield result
        elif isinstance(result, BadRecord):
            held.append(result)
            if len(held) >= BAD_START:
                raise ImportFormatError(_verdict(what, held))
        else:
            recognised = True
            yield from held
            yield result
    if held and not recognised:
        raise ImportFormatError(_verdict(what, held))


def _verdict(what: str, bad: list[BadRecord]) -> str:
    first = bad[0]
    return f"This does not read as {what} ({first.position}: {first.reason})."
