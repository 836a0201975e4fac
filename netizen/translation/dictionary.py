"""CC-CEDICT, loaded once per process from the file ``build_dictionary`` writes.

The file is read the first time a word is looked up, not at import, so a process that never
shows a glossary pays nothing. Rows are kept as the file's UTF-8 bytes and split only when
looked up: 122,000 entries parsed up front would cost several times the memory (and decoded
Chinese text twice the bytes) for words nobody asks about.
"""

from __future__ import annotations

import gzip
import threading
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from netizen.translation.pinyin import marked_cross_references, marked_reading

DATA_FILE = Path(__file__).parent / "data" / "cedict.tsv.gz"

_lock = threading.Lock()
_loaded: dict[Path, Dictionary] = {}


@dataclass(frozen=True)
class Reading:
    """One CC-CEDICT entry: the word's two written forms, one pronunciation and its senses."""

    simplified: str
    traditional: str
    numbered: str  # as CC-CEDICT writes it: "nan4 min2"
    senses: tuple[str, ...]

    @property
    def pinyin(self) -> str:
        """The reading with tone marks, as an editor reads it: nànmín."""
        return marked_reading(self.numbered)

    @property
    def is_proper_noun(self) -> bool:
        """CC-CEDICT capitalises the pinyin of names (Zhong1 guo2, Wang2 as a surname)."""
        return self.numbered[:1].isupper()


class Dictionary:
    """Lookup by Simplified or Traditional headword; each word may have several readings.

    Rows stay UTF-8 bytes, sorted by Simplified headword (``build_dictionary`` writes them so):
    a Simplified word is indexed by its first row and its readings are the rows that follow
    with the same headword. Traditional headwords point at their rows one by one.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.metadata: dict[str, str] = {}
        self._rows: list[bytes] = []
        self._by_simplified: dict[str, int] = {}
        self._by_traditional: dict[str, list[int]] = {}
        self._read(path)

    @property
    def entries(self) -> int:
        return len(self._rows)

    def lookup(self, word: str) -> list[Reading]:
        """Every reading whose Simplified or Traditional headword is ``word``."""
        found = self._simplified_rows(word)
        found += [row for row in self._by_traditional.get(word, []) if row not in found]
        return [_reading(self._rows[row]) for row in found]

    def __contains__(self, word: str) -> bool:
        return word in self._by_simplified or word in self._by_traditional

    @cached_property
    def longest_headword(self) -> int:
        return max(len(word) for word in (*self._by_simplified, *self._by_traditional))

    @property
    def version(self) -> str:
        """The release the file was built from, for a draft's provenance."""
        return f"CC-CEDICT {self.metadata.get('date', 'unknown')[:10]}"

    def _simplified_rows(self, word: str) -> list[int]:
        first = self._by_simplified.get(word)
        if first is None:
            return []
        prefix = word.encode() + b"\t"
        last = first + 1
        while last < len(self._rows) and self._rows[last].startswith(prefix):
            last += 1
        return list(range(first, last))

    def _read(self, path: Path) -> None:
        lines = gzip.decompress(path.read_bytes()).split(b"\n")
        for line in lines:
            if line.startswith(b"#"):
                self._read_metadata(line.decode())
            elif line:
                self._index(line)

    def _read_metadata(self, line: str) -> None:
        if line.startswith("#! ") and "=" in line:
            key, _, value = line[3:].partition("=")
            self.metadata[key] = value

    def _index(self, row: bytes) -> None:
        number = len(self._rows)
        self._rows.append(row)
        simplified, traditional, _ = row.split(b"\t", 2)
        self._by_simplified.setdefault(simplified.decode(), number)
        if traditional:
            self._by_traditional.setdefault(traditional.decode(), []).append(number)


def get_dictionary(path: Path = DATA_FILE) -> Dictionary:
    """The dictionary at ``path``, read on first use and then shared by the whole process."""
    if (found := _loaded.get(path)) is not None:
        return found
    with _lock:
        if path not in _loaded:
            _loaded[path] = Dictionary(path)
        return _loaded[path]


def _reading(row: bytes) -> Reading:
    simplified, traditional, numbered, senses = row.decode().split("\t")
    return Reading(
        simplified=simplified,
        traditional=traditional or simplified,
        numbered=numbered,
        senses=tuple(marked_cross_references(sense) for sense in senses.split("/")),
    )
