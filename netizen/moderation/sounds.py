"""Chinese word-list terms spelt by how they sound, in Zhuyin or in pinyin.

**Zhuyin** (Bopomofo), Taiwan's phonetic alphabet: 幹ㄋㄧˇ娘 for 干你娘, ㄋㄠˇ ㄘㄢˊ for 脑残,
操ㄋㄇ for 操你妈, ㄐㄅ for 鸡巴. Each character of a term may be written as itself, as its
whole syllable (tone marks optional) or as the syllable's first letter. Zhuyin letters are
everyday shorthand in Taiwanese writing too (ㄉ for 的, ㄇ for 嗎, ㄅ for 吧), so one letter
standing for a character is not enough: a spelling counts when it holds a whole syllable of
two letters or more, or at least two single letters (a syllable of one letter, ㄚ for 啊,
counts as one). "是你ㄇ" ("is it you?") is not 你妈, nor 好ㄚ 好阿三; 操ㄋㄇ is 操你妈.

**Pinyin**, the Mainland's Latin spelling: ruo智 for 弱智, 残fei for 残废, t o n g 性恋 for 同性恋,
naocan for 脑残. Each character may be written as itself or as its whole syllable (without
tones); the first letter alone is left to the terms listed as such (sb, tmd), since Latin
letters are everywhere, and so a syllable of one letter (a, e, o) spells nothing. A
spelling counts when it mixes the term's own characters with at least one syllable, or when
it is all syllables, six letters or more, written as one word in a comment that holds
Chinese (an English word can be pinyin too: "women" is 我们; "Jian Ren" is a name). The
lists match the letters as whole words (see ``lexicon``): "xbox你妈" spells nothing.

Readings come from pypinyin, imported when screening warms up (``pipeline.warm_up`` builds
the shipped lists' indexes), or else at the first comment that needs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from netizen.moderation.normalise import HAN_CHAR

ZHUYIN_LETTER = re.compile("[\u3105-\u312f]")
TONE_MARKS = "ˉˊˇˋ˙"
_HAN = re.compile(HAN_CHAR)
_LATIN_RUN = re.compile("[a-z]+")
# All-pinyin spellings shorter than this are too often other words.
PINYIN_WORD = 6


@dataclass(frozen=True)
class Sound:
    """How one character of a term may be written: itself, its syllable, its first letter
    (empty where the alphabet does not allow a letter alone)."""

    character: str
    syllable: str
    initial: str


@dataclass(frozen=True)
class Spelling:
    """Where a term's characters were found, and how each was written."""

    end: int
    characters: int  # as themselves
    syllables: int  # as a whole syllable of two letters or more
    letters: int  # as one letter
    spelt: int  # letters written in the alphabet, in all


class Alphabet:
    """One way of writing Chinese by sound: how its readings are had, which characters of
    a comment belong to it, and when a spelling counts."""

    name: str
    style: str  # pypinyin's Style for the readings
    initials: bool  # whether a syllable's first letter alone may stand for it

    def used_in(self, view: str) -> bool:
        raise NotImplementedError

    def openings(self, view: str) -> Iterator[int]:
        """Where a spelling in this alphabet may begin to be written."""
        raise NotImplementedError

    def counts(self, spelling: Spelling) -> bool:
        raise NotImplementedError

    def written_whole(self, written: str) -> bool:
        """Whether a spelling, as the reader wrote it in the comment, reads as one: any
        spacing does in Zhuyin (ㄋㄠˇ ㄘㄢˊ)."""
        return True


class Zhuyin(Alphabet):
    name, style, initials = "zhuyin", "BOPOMOFO", True

    def used_in(self, view: str) -> bool:
        return ZHUYIN_LETTER.search(view) is not None

    def openings(self, view: str) -> Iterator[int]:
        return (letter.start() for letter in ZHUYIN_LETTER.finditer(view))

    def counts(self, spelling: Spelling) -> bool:
        return spelling.syllables >= 1 or spelling.letters >= 2


class Pinyin(Alphabet):
    name, style, initials = "pinyin", "NORMAL", False

    def used_in(self, view: str) -> bool:
        return (
            not view.isascii()
            and _HAN.search(view) is not None
            and _LATIN_RUN.search(view) is not None
        )

    def openings(self, view: str) -> Iterator[int]:
        return (run.start() for run in _LATIN_RUN.finditer(view))

    def counts(self, spelling: Spelling) -> bool:
        if not spelling.syllables:
            return False
        return spelling.characters >= 1 or spelling.spelt >= PINYIN_WORD

    def written_whole(self, written: str) -> bool:
        """A spelling keeps a character of the term (b i a o 子), or is one word: naocan,
        not a name written apart ("Jian Ren" is no 贱人)."""
        return _HAN.search(written) is not None or written.isalpha()


ZHUYIN = Zhuyin()
PINYIN = Pinyin()
ALPHABETS = (ZHUYIN, PINYIN)


def sounds(word: str, alphabet: Alphabet = ZHUYIN) -> tuple[Sound, ...]:
    """The sounds of ``word``'s characters."""
    return tuple(sound(character, alphabet.style, alphabet.initials) for character in word)


@cache
def sound(character: str, style: str = ZHUYIN.style, initials: bool = True) -> Sound:
    """A character's commonest reading (read alone, not in a phrase: an operator's list
    is rebuilt on each edit, and reading it character by character costs little)."""
    from pypinyin import Style, pinyin

    readings = pinyin(character, style=getattr(Style, style), errors=lambda chars: [""])
    (reading,) = readings[0][:1]
    syllable = reading.strip(TONE_MARKS)
    return Sound(character, syllable, syllable[:1] if initials else "")


class SoundIndex:
    """The Chinese terms of a list by the first thing a reader may write for them in one
    alphabet: their first character, or the first letter of its syllable."""

    def __init__(self, keys: Iterable[str], alphabet: Alphabet = ZHUYIN) -> None:
        self.alphabet = alphabet
        self.by_opening: dict[str, list[tuple[str, tuple[Sound, ...]]]] = {}
        self.reach = 0  # the most characters a spelling may hold before its first letter
        for key in keys:
            if len(key) < 2 or not all(_HAN.fullmatch(c) for c in key):
                continue  # one character spelt by sound is too often everyday shorthand
            spelt = sounds(key, alphabet)
            if not all(sound.syllable for sound in spelt):
                continue
            first = spelt[0]
            self.reach = max(self.reach, len(key) - 1)
            for opening in {first.character, first.syllable[0]}:
                self.by_opening.setdefault(opening, []).append((key, spelt))

    def find(self, view: str) -> Iterator[tuple[str, int, int]]:
        """``(term key, start, end)`` of each term ``view`` spells in the alphabet; where
        letters spell several (ㄐㄅ: 鸡巴, 鸡掰), the first listed. Only starts a few
        characters before a letter of the alphabet are tried: a long comment may hold one ㄉ."""
        starts = sorted(
            {
                start
                for opening in self.alphabet.openings(view)
                for start in range(max(0, opening - self.reach), opening + 1)
            }
        )
        for start in starts:
            ends = set()
            for key, spelt in self.by_opening.get(view[start], ()):
                spelling = spelt_from(view, start, spelt)
                if (
                    spelling is not None
                    and spelling.end not in ends
                    and self.alphabet.counts(spelling)
                ):
                    ends.add(spelling.end)
                    yield key, start, spelling.end


def spelt_from(view: str, at: int, spelt: tuple[Sound, ...]) -> Spelling | None:
    """How ``view`` spells the sounds from ``at``, each sound the first way that fits:
    the character, the whole syllable, then its first letter."""
    characters = syllables = letters = spelt_letters = 0
    for sound in spelt:
        if view.startswith(sound.character, at):
            at += 1
            characters += 1
            continue
        if len(sound.syllable) > 1 and view.startswith(sound.syllable, at):
            at += len(sound.syllable)
            syllables += 1
            spelt_letters += len(sound.syllable)
        elif sound.initial and view.startswith(sound.initial, at):
            # (a one-letter syllable is one letter)
            at += 1
            letters += 1
            spelt_letters += 1
        else:
            return None
        while at < len(view) and view[at] in TONE_MARKS:
            at += 1
    return Spelling(at, characters, syllables, letters, spelt_letters)
