"""Chinese word-list terms spelt partly or wholly in Zhuyin (Bopomofo), Taiwan's phonetic
alphabet: 幹ㄋㄧˇ娘 for 干你娘, ㄋㄠˇ ㄘㄢˊ for 脑残, 操ㄋㄇ for 操你妈, ㄐㄅ for 鸡巴.

Each character of a term may be written as itself, as its whole syllable (tone marks
optional) or as the syllable's first letter. Zhuyin letters are everyday shorthand in
Taiwanese writing too (ㄉ for 的, ㄇ for 嗎, ㄅ for 吧), so one letter standing for a
character is not enough: a spelling counts when it holds a whole syllable of two letters or
more, or at least two single letters (a syllable of one letter, ㄚ for 啊, counts as one).
"是你ㄇ" ("is it you?") is not 你妈, nor 好ㄚ 好阿三; 操ㄋㄇ is 操你妈.

Readings come from pypinyin, imported when screening warms up (``pipeline.warm_up`` builds
the shipped lists' index), or else at the first comment holding Zhuyin.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

ZHUYIN = re.compile("[\u3105-\u312f]")
TONE_MARKS = "ˉˊˇˋ˙"
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True)
class Sound:
    """How one character of a term may be written: itself, its syllable, its first letter."""

    character: str
    syllable: str
    initial: str


def sounds(word: str) -> tuple[Sound, ...]:
    """The sounds of ``word``'s characters."""
    return tuple(sound(character) for character in word)


@cache
def sound(character: str) -> Sound:
    """A character's commonest reading (read alone, not in a phrase: an operator's list
    is rebuilt on each edit, and reading it character by character costs little)."""
    from pypinyin import Style, pinyin

    (reading,) = pinyin(character, style=Style.BOPOMOFO, errors=lambda chars: [""])[0][:1]
    syllable = reading.strip(TONE_MARKS)
    return Sound(character, syllable, syllable[:1])


@dataclass(frozen=True)
class Spelling:
    """Where a term's characters were found, and how many were written in Zhuyin."""

    end: int
    syllables: int
    letters: int

    def counts(self) -> bool:
        return self.syllables >= 1 or self.letters >= 2


class SoundIndex:
    """The Chinese terms of a list by the first thing a reader may write for them: their
    first character, or the first letter of its syllable."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.by_opening: dict[str, list[tuple[str, tuple[Sound, ...]]]] = {}
        self.reach = 0  # the most characters a spelling may hold before its first Zhuyin
        for key in keys:
            if len(key) < 2 or not all(_HAN.fullmatch(c) for c in key):
                continue  # one character in Zhuyin is too often everyday shorthand
            spelt = sounds(key)
            if not all(sound.syllable for sound in spelt):
                continue
            first = spelt[0]
            self.reach = max(self.reach, len(key) - 1)
            for opening in {first.character, first.initial}:
                self.by_opening.setdefault(opening, []).append((key, spelt))

    def find(self, view: str) -> Iterator[tuple[str, int, int]]:
        """``(term key, start, end)`` of each term ``view`` spells with Zhuyin in it; where
        letters spell several (ㄐㄅ: 鸡巴, 鸡掰), the first listed. Only starts a few
        characters before a Zhuyin letter are tried: a long comment may hold one ㄉ."""
        starts = sorted(
            {
                start
                for letter in ZHUYIN.finditer(view)
                for start in range(max(0, letter.start() - self.reach), letter.start() + 1)
            }
        )
        for start in starts:
            opening = view[start]
            ends = set()
            for key, spelt in self.by_opening.get(opening, ()):
                spelling = spelt_from(view, start, spelt)
                if spelling is not None and spelling.counts() and spelling.end not in ends:
                    ends.add(spelling.end)
                    yield key, start, spelling.end


def spelt_from(view: str, at: int, spelt: tuple[Sound, ...]) -> Spelling | None:
    """How ``view`` spells the sounds from ``at``, each sound the first way that fits:
    the character, the whole syllable, then its first letter."""
    syllables = letters = 0
    for sound in spelt:
        if view.startswith(sound.character, at):
            at += 1
            continue
        if len(sound.syllable) > 1 and view.startswith(sound.syllable, at):
            at += len(sound.syllable)
            syllables += 1
        elif view.startswith(sound.initial, at):  # (a one-letter syllable is one letter)
            at += 1
            letters += 1
        else:
            return None
        while at < len(view) and view[at] in TONE_MARKS:
            at += 1
    return Spelling(at, syllables, letters)
