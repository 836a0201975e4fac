"""Pinyin with tone marks, for words in context and for CC-CEDICT's numbered readings.

pypinyin reads a whole word at once, so a character with several readings gets the one the
word calls for (行 is xíng in 不行 and háng in 银行). CC-CEDICT writes tones as digits
(``nan4 min2``, ``lu:4``); editors read marks (nànmín, lǜ), so both are shown that way.

pypinyin loads its phrase tables (about 50 MB) when imported, so it is imported on first
use: a process that imports ``netizen.translation`` but never shows a glossary pays nothing.
"""

from __future__ import annotations

import re

# A bracketed cross-reference inside a CC-CEDICT sense: 拜拜[bai2 bai2].
_NUMBERED_IN_BRACKETS = re.compile(r"\[((?:[A-Za-z:]+[1-5]? ?)+)\]")
_VOWEL_START = re.compile(r"^[aeoāáǎàēéěèōóǒò]", re.IGNORECASE)


def syllables(word: str) -> list[str]:
    """Numbered syllables of a Simplified word as pypinyin reads it (neutral tone is 5)."""
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True)


def marked(numbered: list[str]) -> str:
    """Syllables written as one pinyin word with tone marks: ``["xi1", "an1"]`` → xī'ān."""
    written = ""
    for syllable in numbered:
        mark = _mark(syllable)
        if written and _VOWEL_START.match(mark):
            written += "'"
        written += mark
    return written


def marked_reading(cedict_pinyin: str) -> str:
    """A CC-CEDICT reading (``Zhong1 guo2``, ``lu:4``) with tone marks, syllables joined."""
    return marked(cedict_pinyin.split())


def marked_cross_references(sense: str) -> str:
    """Tone marks in a sense's cross-references: 拜拜[bai2 bai2] → 拜拜[bái bái]."""
    return _NUMBERED_IN_BRACKETS.sub(
        lambda match: "[" + " ".join(_mark(s) for s in match[1].split()) + "]", sense
    )


def reading_key(numbered: list[str] | str) -> str:
    """A form of a reading for comparing pypinyin's with CC-CEDICT's: lower case, ü as v."""
    if isinstance(numbered, list):
        numbered = "".join(numbered)
    return numbered.replace("u:", "v").replace("ü", "v").replace(" ", "").lower()


def _mark(syllable: str) -> str:
    from pypinyin.contrib.tone_convert import to_tone

    syllable = syllable.replace("u:", "v").replace("U:", "V")
    if not syllable[-1:].isdigit():
        return syllable
    try:
        return to_tone(syllable)
    except (ValueError, IndexError):
        return syllable
