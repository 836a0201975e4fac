"""Build the glossary's dictionary file from a CC-CEDICT release.

Run ``python -m netizen.translation.build_dictionary [--source PATH] [--output PATH]``.
The source is the MDBG release file (``cedict_1_0_ts_utf-8_mdbg.txt``, plain or gzip), or a
folder holding it; by default the one under ``settings.NETIZEN_DATASETS / "cc_cedict"``.

The output keeps every entry but drops what the glossary never reads: the Traditional form
when it equals the Simplified one, and the bracket and slash framing. Rows are sorted by
Simplified headword, so a word's readings sit together and the loader can index each word by
its first row. It is gzip TSV written
with a fixed timestamp, so building twice from the same release gives the same bytes and a
rebuild shows up in ``git diff`` only when the dictionary changed. CC-CEDICT is CC BY-SA 4.0,
so the license and attribution lines of the release travel with the data.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from netizen.translation.dictionary import DATA_FILE

RELEASE_NAME = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
DEFAULT_OUTPUT = DATA_FILE  # where the glossary reads it

# Traditional Simplified [pin1 yin1] /sense 1/sense 2/
_ENTRY = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.+)/\s*$")
_METADATA = re.compile(r"^#! (\w+)=(.*)$")
_KEPT_METADATA = ("version", "subversion", "date", "publisher", "license")

ATTRIBUTION = (
    "# Derived from CC-CEDICT, community maintained, published by MDBG",
    "# (https://www.mdbg.net/chinese/dictionary?page=cc-cedict); based on CEDICT",
    "# Copyright (C) 1997, 1998 Paul Andrew Denisowski.",
    "# License: Creative Commons Attribution-ShareAlike 4.0 International",
    "# (https://creativecommons.org/licenses/by-sa/4.0/). This file is a derived work",
    "# under the same license; built by netizen.translation.build_dictionary.",
    "# Columns: simplified, traditional (empty when the same), pinyin, senses (/-separated)",
)


@dataclass(frozen=True)
class Entry:
    """One dictionary line: both written forms, the numbered pinyin and the senses."""

    traditional: str
    simplified: str
    pinyin: str
    senses: tuple[str, ...]

    def row(self) -> str:
        traditional = "" if self.traditional == self.simplified else self.traditional
        return "\t".join((self.simplified, traditional, self.pinyin, "/".join(self.senses)))


@dataclass(frozen=True)
class BuildReport:
    """What a build wrote, and which source lines it could not read (by line number)."""

    output: Path
    entries: int
    skipped_lines: tuple[int, ...]
    size_bytes: int
    metadata: dict[str, str]


def default_source() -> Path:
    """The shared CC-CEDICT release, found through ``settings.NETIZEN_DATASETS``."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netizen.settings")
    from django.conf import settings

    return Path(settings.NETIZEN_DATASETS) / "cc_cedict"


def build(source: Path, output: Path = DEFAULT_OUTPUT) -> BuildReport:
    """Convert a CC-CEDICT release file (or the folder holding it) to the glossary's file."""
    source = _release_file(source)
    metadata: dict[str, str] = {}
    entries: list[Entry] = []
    skipped: list[int] = []
    with _open_text(source) as lines:
        for number, line in enumerate(lines, start=1):
            if line.startswith("#"):
                if match := _METADATA.match(line.rstrip("\n")):
                    metadata[match[1]] = match[2]
                continue
            if not line.strip():
                continue
            entry = parse_line(line)
            if entry is None:
                skipped.append(number)
            else:
                entries.append(entry)
    entries.sort(key=lambda entry: entry.simplified)  # stable: a word's readings keep their order
    output.parent.mkdir(parents=True, exist_ok=True)
    _write(output, _header(metadata, len(entries)), (entry.row() for entry in entries))
    return BuildReport(output, len(entries), tuple(skipped), output.stat().st_size, metadata)


def parse_line(line: str) -> Entry | None:
    """One CC-CEDICT entry line, or None when it does not have the entry's shape."""
    match = _ENTRY.match(line)
    if match is None:
        return None
    traditional, simplified, pinyin, senses = match.groups()
    kept = tuple(sense.strip() for sense in senses.split("/") if sense.strip())
    if not kept:
        return None
    return Entry(traditional, simplified, " ".join(pinyin.split()), kept)


def _release_file(source: Path) -> Path:
    if source.is_dir():
        source = source / RELEASE_NAME
    if not source.is_file():
        raise FileNotFoundError(f"no CC-CEDICT release file at {source}")
    return source


def _open_text(path: Path) -> TextIO:
    with path.open("rb") as probe:
        compressed = probe.read(2) == b"\x1f\x8b"
    if compressed:
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def _header(metadata: dict[str, str], entries: int) -> list[str]:
    kept = [f"#! {key}={metadata[key]}" for key in _KEPT_METADATA if key in metadata]
    return [*ATTRIBUTION, *kept, f"#! entries={entries}"]


def _write(output: Path, header: Sequence[str], rows: Iterable[str]) -> None:
    """Write gzip TSV with no timestamp or file name inside, so builds are reproducible."""
    with (
        output.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as packed,
    ):
        for line in _lines(header, rows):
            packed.write(line.encode("utf-8"))


def _lines(header: Sequence[str], rows: Iterable[str]) -> Iterator[str]:
    for line in header:
        yield line + "\n"
    for row in rows:
        yield row + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, help="CC-CEDICT release file or its folder")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    try:
        report = build(args.source or default_source(), args.output)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    summary = {
        "output": str(report.output),
        "entries": report.entries,
        "skipped_lines": list(report.skipped_lines),
        "size_bytes": report.size_bytes,
        "date": report.metadata.get("date", ""),
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
