"""Fold text into one canonical form so that lookalike spellings match the same word lists.

Readers who want past a filter write ``ｆｕｃｋ``, ``f\u200buck``, ``fuсk`` (Cyrillic с) or
Traditional characters against a Simplified list. :func:`fold` undoes all of those at once and
remembers, for every folded character, where it came from, so a finding in the folded text can
be highlighted in exactly the characters the reader typed.

:func:`fingerprint` and :func:`simhash` are the project's one definition of "the same text"
and "nearly the same text"; the comments table stores both.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Any

import numpy as np

# Characters that render as nothing (or are meant to): dropped before matching.
_INVISIBLE = frozenset(
    chr(code)
    for code in (
        *range(0x200B, 0x2010),  # zero-width space/joiners, LRM/RLM
        *range(0x202A, 0x202F),  # bidi embeddings and overrides
        *range(0x2060, 0x2065),  # word joiner, invisible operators
        *range(0x2066, 0x206A),  # bidi isolates
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0100, 0xE01F0),  # variation selectors supplement
        *range(0xE0000, 0xE0080),  # tag characters
        0xFEFF,  # byte order mark / zero-width no-break space
        0x00AD,  # soft hyphen
        0x180E,  # Mongolian vowel separator
        0x034F,  # combining grapheme joiner
        0x061C,  # Arabic letter mark
        0x115F,  # Hangul fillers
        0x1160,
        0x3164,
        0xFFA0,
    )
)

# Combining diacritics: stacked on Latin letters to break up words (zalgo, strike-through).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

# Letters from other scripts that look like Latin ones (after case folding).
_HOMOGLYPHS = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "к": "k", "м": "m", "н": "h",
    "о": "o", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b", "і": "i",
    "ї": "i", "ј": "j", "ѕ": "s", "һ": "h", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l",
    "ɡ": "g", "ո": "n", "ս": "u",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v",
    "ο": "o", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ω": "w",
    # Latin letters without a decomposition
    "ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ƅ": "b",
}  # fmt: skip

# A Han character of the basic block or Extension A: what the cue and spelling rules count as
# Chinese writing. (Simplifying reads the compatibility block and Extension B too: _HAN.)
HAN_CHAR = "[\u3400-\u4dbf\u4e00-\u9fff]"
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
_WHITESPACE = re.compile(r"\s+")

# Above this many distinct characters the per-character cache stops growing.
_CACHE_LIMIT = 65_536


def _fold_char(char: str) -> str:
    """What one character becomes: NFKC, case folded, invisibles dropped, lookalikes mapped."""
    if char in _INVISIBLE or "\ud800" <= char <= "\udfff":  # lone surrogates cannot be encoded
        return ""
    out = []
    for part in unicodedata.normalize("NFKC", char).casefold():
        if part in _INVISIBLE or _COMBINING.match(part):
            continue
        part = _HOMOGLYPHS.get(part, part)
        if not part.isascii() and part.isalpha():
            # Accented Latin letters fold to the bare letter: "shït" is "shit".
            base = unicodedata.normalize("NFKD", part)[0]
            if base.isascii() and base.isalpha():
                part = base
        out.append(part)
    return "".join(out)


class _CharFolds(dict[str, str]):
    """Per-character fold results, filled on first use so folding is one C-level map()."""

    def __missing__(self, char: str) -> str:
        folded = _fold_char(char)
        if len(self) < _CACHE_LIMIT:
            self[char] = folded
        return folded


_FOLDS = _CharFolds()

_converters: dict[str, Any] = {}
_converter_lock = threading.Lock()


def _opencc(config: str) -> Any:
    """An OpenCC converter, built once per process on first use (building one is slow)."""
    converter = _converters.get(config)
    if converter is None:
        with _converter_lock:
            converter = _converters.get(config)
            if converter is None:
                import opencc

                converter = _converters[config] = opencc.OpenCC(config)
    return converter


def t2s() -> Any:
    """Traditional→Simplified (the library's one: folding and the classifiers' preparation
    both convert with it)."""
    return _opencc("t2s")


def s2t() -> Any:
    """Simplified→Traditional, to measure screening on Traditional text made from the
    Simplified datasets and benchmarks."""
    return _opencc("s2t")


@dataclass(frozen=True)
class Folded:
    """Folded text plus, for each of its characters, the index of its source character.

    ``origin`` has one extra entry at the end, ``len(original)``, so spans ending at the end
    of the folded text map cleanly; it is empty when the text was folded without its map.
    ``simplified`` says whether Traditional Chinese was converted; ``traditional`` counts
    the characters that conversion changed.
    """

    text: str
    origin: tuple[int, ...]
    simplified: bool = False
    traditional: int = 0

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that folded ``text[start:end]`` came from."""
        origin = self.origin
        first = origin[start]
        if end <= start:
            return first, first
        last = origin[end - 1]
        following = origin[end]
        # Characters dropped between this span and the next kept one (a zero-width space,
        # a combining accent) belong to it; a character folded into several keeps them whole.
        return first, following if following > last else last + 1


def _simplify(text: str) -> tuple[str, int]:
    """Traditional→Simplified without changing the text's length, and how many changed."""
    converter = t2s()
    converted = converter.convert(text)
    if len(converted) != len(text):
        # A phrase conversion changed the length: convert Han runs alone, and a run whose
        # length changes character by character, so every index still lines up.
        pieces = []
        last = 0
        for run in _HAN.finditer(text):
            pieces.append(text[last : run.start()])
            simple = converter.convert(run.group())
            if len(simple) != len(run.group()):
                simple = "".join(
                    c if len(c) == 1 else o
                    for o, c in zip(run.group(), map(converter.convert, run.group()), strict=True)
                )
            pieces.append(simple)
            last = run.end()
        pieces.append(text[last:])
        converted = "".join(pieces)
    if converted == text:
        return text, 0
    before = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    after = np.frombuffer(converted.encode("utf-32-le"), dtype="<u4")
    return converted, int(np.count_nonzero(before != after))


def fold(text: str, simplify: bool = True, *, mapped: bool = True) -> Folded:
    """The canonical form of ``text`` for matching, with a map back to the original.

    ``mapped=False`` leaves the map out (``origin`` is empty): text folded only to be
    indexed or compared, never highlighted, is folded sooner (a Simplified post 8.7 -> 6.1 µs,
    an English one 3.9 -> 1.0 µs, when this was added).
    """
    n = len(text)
    if text.isascii():
        return Folded(text.lower(), tuple(range(n + 1)) if mapped else (), simplified=simplify)
    origin: tuple[int, ...] = ()
    if not mapped:
        folded = "".join(map(_FOLDS.__getitem__, text))
    else:
        pieces = list(map(_FOLDS.__getitem__, text))
        folded = "".join(pieces)
        lengths = list(map(len, pieces))
        if lengths.count(1) == n:
            origin = tuple(range(n + 1))
        else:
            origin = (*chain.from_iterable(map(repeat, range(n), lengths)), n)
    traditional = 0
    if simplify and _HAN.search(folded):
        folded, traditional = _simplify(folded)
    return Folded(folded, origin, simplified=simplify, traditional=traditional)


def _canonical(folded: Folded) -> str:
    return _WHITESPACE.sub(" ", folded.text).strip()


def fingerprint_of(folded: Folded) -> str:
    """:func:`fingerprint` of text already folded (with ``simplify=True``)."""
    return hashlib.sha256(_canonical(folded).encode()).hexdigest()


def fingerprint(text: str) -> str:
    """Hex SHA-256 of the folded text, whitespace collapsed: equal for "the same text".

    Case, full-width forms, invisible characters, lookalike letters, Traditional/Simplified
    script and spacing do not change it.
    """
    return fingerprint_of(fold(text, mapped=False))


# simhash: every distinct character 3-gram hashes to 64 bits with a fixed mix (stable across
# processes and machines, unlike hash()); each bit of the result is the majority vote.
# Measured on COLD, Davidson and YouTube comments (3,000 texts each, 20+ characters): no two
# unrelated texts came within 8 bits, while one changed character in a 60-character comment
# moves about 7 bits, so comments need a threshold near 8, not the 3 used for web pages.
_K1, _K2, _K3 = (np.uint64(k) for k in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9))
_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)
_MASK64 = (1 << 64) - 1


def simhash_of(folded: Folded) -> int:
    """:func:`simhash` of text already folded (with ``simplify=True``)."""
    compact = _WHITESPACE.sub("", folded.text)
    if not compact:
        return 0
    codes = np.frombuffer(compact.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if len(codes) < 3:
        codes = np.concatenate([codes, np.zeros(3 - len(codes), dtype=np.uint64)])
    # (Arrays of unsigned integers wrap silently on overflow, as the mix wants.)
    h = codes[:-2] * _K1 + codes[1:-1] * _K2 + codes[2:] * _K3
    h ^= h >> _S30
    h *= _M1
    h ^= h >> _S27
    h *= _M2
    h ^= h >> _S31
    # Each distinct 3-gram votes once: a run of one repeated emoji or "……" must not outvote
    # the words (counting repeats made unrelated texts collide).
    h = np.unique(h)
    bits = np.unpackbits(h.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > len(h)
    value = int.from_bytes(np.packbits(majority, bitorder="little").tobytes(), "little")
    return value - (1 << 64) if value >= 1 << 63 else value


def simhash(text: str) -> int:
    """64-bit simhash of the folded text's character 3-grams, as a signed (bigint-safe) int.

    Texts that differ by a few characters differ in few bits; see :func:`hamming`.
    """
    return simhash_of(fold(text, mapped=False))


def hamming(a: int, b: int) -> int:
    """How many of the 64 bits differ between two simhashes (signed or not)."""
    return ((a ^ b) & _MASK64).bit_count()
