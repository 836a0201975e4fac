"""The offline glossary aid: each word of a Chinese text with its pinyin and its senses.

It does not translate; it helps a person who reads some Chinese (or none) check a post word by
word. Nothing leaves the machine: jieba cuts the words, pypinyin reads them, and CC-CEDICT
(shipped in ``data/``) gives the senses. Traditional text works as well as Simplified.

Where a word has several readings, the senses shown are those of the reading pypinyin gives
for it (行 alone is xíng, "to walk"; háng, "row", waits in ``other_readings``). A word CC-CEDICT
lacks is
split into the longest words it has, down to single characters, so every Chinese character
gets a gloss when the dictionary knows it at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from importlib.metadata import version

from netizen.chinese import has_han, simplified
from netizen.translation.backends import TranslationUnavailable, primary_language
from netizen.translation.dictionary import Dictionary, Reading, get_dictionary
from netizen.translation.drafts import Draft
from netizen.translation.pinyin import marked, reading_key, syllables
from netizen.translation.segmentation import Token, segment

# Senses that say little on their own in a word-by-word line.
_WEAK_SENSE = re.compile(
    r"^(surname |(old |archaic |Japanese |erhua )?variant of |CL:|see |used in |also written )"
)
_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*")
_CHINESE_PUNCTUATION = str.maketrans(
    {"。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"',
     "『": '"', "』": '"', "《": '"', "》": '"', "〈": '"', "〉": '"', "【": "[", "】": "]",
     "…": "...", "—": "-", "～": "~"}
)  # fmt: skip
_TONE_DIGITS = str.maketrans("", "", "12345")
# Punctuation that hugs the following word, and that hugs the preceding one (as written).
_OPENING = frozenset("“‘「『《〈【（([{")
_CLOSING = frozenset("”’」』》〉】）)]},.!?;:%，。、！？；：…")


@dataclass(frozen=True)
class GlossaryEntry:
    """One word of the text as written, with what the glossary knows about it.

    Spaces, punctuation and Latin-script words are entries too, with no pinyin or senses,
    so the words of a glossary joined together give back the text.
    """

    word: str
    pinyin: str = ""
    senses: tuple[str, ...] = ()
    simplified: str = ""
    traditional: str = ""
    other_readings: tuple[Reading, ...] = ()

    @property
    def is_chinese(self) -> bool:
        return has_han(self.word)

    @property
    def known(self) -> bool:
        """Whether CC-CEDICT has the word."""
        return bool(self.senses)

    @property
    def gloss(self) -> str:
        """A short English stand-in for the word line: its first telling sense, trimmed."""
        if not self.is_chinese:
            return _ascii_punctuation(self.word)
        if not self.senses:
            return self.word
        sense = next((s for s in self.senses if not _WEAK_SENSE.match(s)), self.senses[0])
        short = sense.split(";")[0].strip()
        return _PARENTHESES.sub(" ", short).strip() or short


def glossary(text: str, dictionary: Dictionary | None = None) -> list[GlossaryEntry]:
    """Every word of ``text`` in order, Chinese words with pinyin and CC-CEDICT senses."""
    dictionary = dictionary or get_dictionary()
    entries: list[GlossaryEntry] = []
    for token in segment(text):
        if not has_han(token.text):
            entries.append(GlossaryEntry(token.text))
            continue
        for piece in _known_pieces(token, dictionary):
            entries.append(_entry(piece, dictionary))
    return entries


def gloss_line(entries: list[GlossaryEntry]) -> str:
    """A rough word-by-word English line: the first sense of each Chinese word.

    Chinese words get spaces between their glosses; Latin text, numbers and spaces between
    them are copied as written (COVID-19 stays one piece); punctuation hugs the word it
    follows, or, for opening quotes and brackets, the word it precedes.
    """
    line = ""
    after_chinese = after_opening = False
    for entry in entries:
        first = entry.word[:1]
        if first in _CLOSING:
            line = line.rstrip()
        elif (entry.is_chinese or first in _OPENING or after_chinese) and not after_opening:
            line += " "
        line += entry.gloss
        after_chinese = entry.is_chinese
        after_opening = first in _OPENING
    return " ".join(line.split())


class GlossaryTranslator:
    """The glossary behind the common interface: its draft is the word-by-word line."""

    name = "glossary"

    def __init__(self, dictionary: Dictionary | None = None) -> None:
        self._dictionary = dictionary

    def available(self) -> bool:
        return True

    def unavailable_reason(self) -> str:
        return ""

    def translate(self, text: str, source: str, target: str) -> Draft:
        chinese = primary_language(source) == "zh" or (source == "auto" and has_han(text))
        if not chinese or primary_language(target) != "en":
            raise TranslationUnavailable(
                self.name, f"the glossary goes from Chinese to English only, not {source}→{target}"
            )
        dictionary = self._dictionary or get_dictionary()
        line = gloss_line(glossary(text, dictionary))
        return Draft(line, text, source, target, self.name, _version(dictionary))


def _known_pieces(token: Token, dictionary: Dictionary) -> list[Token]:
    """The token itself if CC-CEDICT has it, else the longest words it has, left to right."""
    if token.text in dictionary or token.simplified in dictionary:
        return [token]
    pieces = []
    start = 0
    while start < len(token.text):
        end = _longest_known_end(token.text, start, dictionary)
        piece = token.text[start:end]
        pieces.append(Token(piece, simplified(piece)))
        start = end
    return pieces


def _longest_known_end(text: str, start: int, dictionary: Dictionary) -> int:
    longest = min(len(text), start + dictionary.longest_headword)
    for end in range(longest, start + 1, -1):
        if text[start:end] in dictionary or simplified(text[start:end]) in dictionary:
            return end
    return start + 1


def _entry(token: Token, dictionary: Dictionary) -> GlossaryEntry:
    heard = syllables(token.simplified)
    readings = dictionary.lookup(token.text) or dictionary.lookup(token.simplified)
    if not readings:
        return GlossaryEntry(token.text, marked(heard), simplified=token.simplified)
    matching = _matching(readings, heard)
    best = matching[0]
    senses = tuple(dict.fromkeys(sense for reading in matching for sense in reading.senses))
    return GlossaryEntry(
        word=token.text,
        pinyin=best.pinyin,  # what pypinyin heard, as CC-CEDICT writes it (Zhōngguó)
        senses=senses,
        simplified=best.simplified,
        traditional=best.traditional,
        other_readings=tuple(r for r in readings if r not in matching),
    )


def _matching(readings: list[Reading], heard: list[str]) -> list[Reading]:
    """The readings that sound as pypinyin reads the word, best first.

    Failing an exact match, the same syllables in another tone will do: pypinyin reads a
    Traditional 乾 through its Simplified form 干 as gàn, and gān (dry) is the 乾 meant.
    Common words come before names and before entries that only point at a variant.
    """
    heard_key = reading_key(heard)
    exact = [r for r in readings if reading_key(r.numbered) == heard_key]
    toneless = [r for r in readings if _toneless(reading_key(r.numbered)) == _toneless(heard_key)]
    chosen = exact or toneless or readings
    return sorted(chosen, key=lambda r: (r.is_proper_noun, _is_weak(r)))


def _toneless(key: str) -> str:
    return key.translate(_TONE_DIGITS)


def _is_weak(reading: Reading) -> bool:
    return all(_WEAK_SENSE.match(sense) for sense in reading.senses)


def _ascii_punctuation(text: str) -> str:
    return unicodedata.normalize("NFKC", text.translate(_CHINESE_PUNCTUATION))


def _version(dictionary: Dictionary) -> str:
    return f"{dictionary.version}, jieba {version('jieba')}, pypinyin {version('pypinyin')}"
