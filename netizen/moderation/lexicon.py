"""Word lists: terms that mark a comment, matched on the folded text.

Latin-script terms match whole words only, so a banned "ass" never fires inside "class" or
"assistant". Chinese is written without spaces, so CJK terms match anywhere inside a sentence,
also when the reader split them up with spaces or symbols (``傻 逼``, ``傻*逼``) or spelt
them partly by sound, in Zhuyin or pinyin (``幹ㄋㄧˇ娘``, ``ruo智``, see
:mod:`netizen.moderation.sounds`); sentence
punctuation still separates them, so two words either side of a comma never join up.

Matching is a few dictionary lookups per word, not a regular expression over every term, so
a list of thousands of terms costs the same as a list of ten.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib.resources import files
from typing import Protocol

from netizen.moderation import sounds
from netizen.moderation.normalise import Folded, fold
from netizen.moderation.verdict import LABELS

BANNED = "banned"
SUSPECT = "suspect"
SEVERITIES = (BANNED, SUSPECT)

_CJK_CLASS = (
    "\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
)
_CJK = re.compile(f"[{_CJK_CLASS}]")
# A Latin-script word: letters and digits, but not CJK characters, which stand alone.
_WORD = re.compile(f"[^\\W_{_CJK_CLASS}]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")  # the same words, sooner, in folded ASCII text
# Symbols written for letters (leetspeak reads them as i, s, a, l), and those that can open a
# word ("@ss", "$hit").
_SYMBOL_CHARS = "!$@|"
_OPENING_SYMBOLS = "@$"
# Where a symbol may stand for a letter: before a letter or digit (a$$hole, @55).
_SYMBOLS = re.compile(f"[{_SYMBOL_CHARS}][^\\W_{_CJK_CLASS}]")
# A word with symbols written for letters: "sh!t", "a$$hole", "@ss", "b!tch". It starts where
# no word or symbol stands before it (so a run of symbols is scanned once, not from each of
# its characters), holds at least one symbol, and every symbol inside it is followed by
# letters (then perhaps digits: "f@gg0t"): "A$5" is a price, not a word.
# Possessive (++): a symbol is never a letter, so giving letters back cannot help; without it,
# every word with no symbol would be given back one letter at a time.
_W = f"[^\\W_{_CJK_CLASS}]++"  # letters and digits
_L = f"[^\\W\\d_{_CJK_CLASS}]++"  # letters
_SYMBOL_WORD = re.compile(
    f"(?<![^\\W_{_CJK_CLASS}]|[{_SYMBOL_CHARS}])"
    f"(?:[{_OPENING_SYMBOLS}]{_W}(?:[{_SYMBOL_CHARS}]+{_L}(?:{_W})?)*|{_W}(?:[{_SYMBOL_CHARS}]+{_L}(?:{_W})?)+)"
)
# What CJK matching sees: letters and digits, plus the punctuation that ends a phrase.
_VIEW = re.compile(r"[^\W_]+|[,!?;:。、…]+")
_NOT_VIEW = re.compile(r"[^\w,!?;:。、…]+|_+")
_LETTERS = re.compile(r"[^\W_]+")

_LEET = str.maketrans("013457" + _SYMBOL_CHARS, "oieast" + "isal")
# The other readings of a few digits: 1 for l (mus1ims), 6 and 9 for g (6ays), 8 for b.
_LEET_ALSO = str.maketrans("013456789" + _SYMBOL_CHARS, "oleasgtbg" + "isal")
_RUN3 = re.compile(r"(.)\1\1+")
_RUN2 = re.compile(r"(.)\1+")
# Letters spaced out to dodge word matching: "f u c k", "s.h.i.t".
# (The group is where the second letter starts.)
_SPACED = re.compile(
    r"(?<![a-z0-9])[a-z0-9][\s.*_·-]{1,3}([a-z0-9](?![a-z0-9]))"
    r"(?:[\s.*_·-]{1,3}[a-z0-9](?![a-z0-9])){1,}"
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters masked by asterisks: "f*ck", "sh*t", "j*ws", "f**king". At least two letters
# show, and no more asterisks than letters: "f***" could be anything.
_MASKED = re.compile(r"(?<![a-z0-9*])[a-z][a-z*]*\*[a-z*]*[a-z](?![a-z0-9*])")

_CANONICAL_CACHE_LIMIT = 50_000
# Words this long are read with two neighbouring letters swapped back (idoit): in shorter
# ones a swap makes other words too often (cnut, form/from).
_SWAPPABLE = 5
# Words this long are read with a letter put back (muslms): in shorter ones a dropped letter
# makes other words too often (niger, a country, from nigger).
_SHORTENED = 6
_VOWELS = frozenset("aeiou")


class Entry(Protocol):
    """What the matcher needs of a list entry: its text, and a label that keeps it apart
    from entries that may overlap it (see ``_drop_nested``)."""

    @property
    def text(self) -> str: ...

    @property
    def label(self) -> str: ...


@dataclass(frozen=True)
class Term:
    """One list entry: the text as an operator wrote it, its label and how sure it is."""

    text: str
    label: str
    severity: str

    def __post_init__(self) -> None:
        if self.label not in LABELS:
            raise ValueError(
                f"term {self.text!r}: unknown label {self.label!r}"
                f" (expected one of {', '.join(LABELS)})"
            )
        if self.severity not in SEVERITIES:
            raise ValueError(
                f"term {self.text!r}: unknown severity {self.severity!r}"
                f" (expected one of {', '.join(SEVERITIES)})"
            )
        if not matchable(self.text):
            raise ValueError(f"term {self.text!r} has no letters or digits to match")


def matchable(text: str) -> bool:
    """Whether an entry has letters or digits to match: the matcher skips everything else,
    so an entry of symbols alone ("≠") would match nowhere, or break the index."""
    return _LETTERS.search(fold(text).text) is not None


@dataclass(frozen=True)
class Match[T: Entry]:
    """A term found in the folded text at ``start:end`` (folded indices)."""

    term: T
    start: int
    end: int


def _is_cjk(folded: str) -> bool:
    return _CJK.search(folded) is not None


class _Canonical(dict[str, str]):
    """Word → the list word it spells, through leetspeak, stretched letters and plurals."""

    def __init__(self, vocabulary: frozenset[str]) -> None:
        super().__init__()
        self.vocabulary = vocabulary
        # A swap keeps a word's letters: only a word with a list word's letters is tried.
        self.anagrams = frozenset(_letters(term) for term in vocabulary)

    @cached_property
    def by_length(self) -> dict[int, list[str]]:
        """The list words by length, for :meth:`unmask`: worked out at the first masked word,
        which most lists never meet."""
        found: dict[int, list[str]] = {}
        for term in self.vocabulary:
            found.setdefault(len(term), []).append(term)
        return found

    def __missing__(self, word: str) -> str:
        found = self.spell(word)
        if len(self) >= _CANONICAL_CACHE_LIMIT:
            self.clear()
        self[word] = found
        return found

    def spell(self, word: str) -> str:
        vocabulary = self.vocabulary
        if word in vocabulary:
            return word
        forms = [word]
        if not word.isalpha() and not word.isdigit():
            forms.append(word.translate(_LEET))  # sh1t, n1gger, b!tch
            if sum(map(str.isalpha, word)) >= 2:  # not a price: $8
                forms.append(word.translate(_LEET_ALSO))  # mus1ims, 6ays
        if "v" in word and len(word) > 3:  # fvck, fvck1ng: v for u, as carved in stone
            forms.extend([form.replace("v", "u") for form in forms if "v" in form])
        for form in list(forms):
            if _RUN3.search(form):  # fuuuuck, asssss
                forms.append(_RUN3.sub(r"\1\1", form))
                forms.append(_RUN2.sub(r"\1", form))
        for form in forms:
            for stem in _stems(form):
                if stem in vocabulary:
                    return stem
        if len(word) >= _SWAPPABLE and word.isalpha():
            anagrams = self.anagrams
            for stem in _stems(word):
                if _letters(stem) in anagrams and (found := _unswapped(stem, vocabulary)):
                    return found
        if len(word) >= _SHORTENED and word.isalpha():
            for stem in _stems(word):
                if found := self.shortened.get(stem):
                    return found
        return word

    @cached_property
    def shortened(self) -> dict[str, str]:
        """List words of at least ``_SHORTENED + 1`` letters by each way of dropping one
        vowel inside them (muslms, immigrnts, pathetc). Not the first or last letter (monkey
        is not monkeys), not a consonant (county is not country, violet not violent), not one
        of a doubled pair (refuges is not refugees). A shortening two words share spells
        neither. Worked out at the first word not found otherwise."""
        found: dict[str, str | None] = {}
        for term in self.vocabulary:
            if len(term) <= _SHORTENED or not term.isalpha():
                continue
            for i in range(1, len(term) - 1):
                if term[i] not in _VOWELS or term[i] in (term[i - 1], term[i + 1]):
                    continue
                short = term[:i] + term[i + 1 :]
                if found.get(short, term) != term:
                    found[short] = None  # two words share it
                else:
                    found[short] = term
        return {
            short: term for short, term in found.items() if term and short not in self.vocabulary
        }

    def unmask(self, word: str) -> str | None:
        """The one list word that ``word`` spells with asterisks for some of its letters
        (b*tch, j*ws); None when it spells none, or more than one (d*ck: dick or duck?)."""
        if word.count("*") > len(word) - word.count("*"):
            return None
        for stem in _stems(word):
            found = [
                term
                for term in self.by_length.get(len(stem), ())
                if all(mask in ("*", letter) for mask, letter in zip(stem, term, strict=True))
            ]
            if len(found) == 1:
                return found[0]
            if found:
                return None
        return None


def _stems(form: str) -> list[str]:
    """``form``, and the singulars it may be the plural of (idiots, bitches, trannies)."""
    if not form.endswith("s"):
        return [form]
    stems = [form, form[:-1]]
    if form.endswith("es"):
        stems.append(form[:-2])
        if form.endswith("ies"):
            stems.append(form[:-3] + "y")
    return stems


def _unswapped(word: str, vocabulary: frozenset[str]) -> str | None:
    """The list word ``word`` spells with two neighbouring letters swapped (idoit, Musilms)."""
    for i in range(len(word) - 1):
        swapped = f"{word[:i]}{word[i + 1]}{word[i]}{word[i + 2 :]}"
        if swapped in vocabulary:
            return swapped
    return None


def _letters(word: str) -> str:
    return "".join(sorted(word))


class Lexicon[T: Entry]:
    """A compiled word list. Build it once (it is immutable) and match many texts."""

    def __init__(self, terms: Iterable[T]) -> None:
        self.terms: tuple[T, ...] = tuple(terms)
        latin: dict[tuple[str, ...], list[T]] = {}
        cjk: dict[str, list[T]] = {}
        for term in self.terms:
            folded = fold(term.text).text
            if _is_cjk(folded):
                cjk.setdefault("".join(_LETTERS.findall(folded)), []).append(term)
            else:
                latin.setdefault(tuple(_WORD.findall(folded)), []).append(term)
        self._latin = {key: tuple(found) for key, found in latin.items()}
        self._cjk = {key: tuple(found) for key, found in cjk.items()}
        # First word → the lengths (in words) of the terms starting with it, longest first.
        first: dict[str, set[int]] = {}
        for key in self._latin:
            first.setdefault(key[0], set()).add(len(key))
        self._first = {word: tuple(sorted(ns, reverse=True)) for word, ns in first.items()}
        self._canonical = _Canonical(frozenset(w for key in self._latin for w in key))
        # First character → the lengths of the CJK terms starting with it.
        starts: dict[str, set[int]] = {}
        for key in self._cjk:
            starts.setdefault(key[0], set()).add(len(key))
        self._cjk_lengths = {c: tuple(sorted(ns, reverse=True)) for c, ns in starts.items()}
        self._cjk_start = (
            re.compile("[" + "".join(re.escape(c) for c in sorted(starts)) + "]")
            if starts
            else None
        )

    @classmethod
    def from_terms(cls, terms: Iterable[Term]) -> Lexicon[Term]:
        return cls(terms)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str] | Mapping[str, str]]) -> Lexicon[Term]:
        """Build from ``(term, label, severity)`` rows or mappings with those keys.

        Raises :class:`ValueError` naming the first bad row.
        """
        terms = []
        for number, row in enumerate(rows, start=1):
            try:
                if isinstance(row, Mapping):
                    values = (row.get("term", row.get("text")), row.get("label"), row["severity"])
                else:
                    values = tuple(row)
                if len(values) != 3 or not all(isinstance(v, str) for v in values):
                    raise ValueError(f"expected (term, label, severity), got {row!r}")
                text, label, severity = (value.strip() for value in values)
                terms.append(Term(text, label, severity))
            except (ValueError, KeyError) as error:
                message = error.args[0] if isinstance(error, ValueError) else f"missing {error}"
                raise ValueError(f"row {number}: {message}") from None
        return cls(terms)

    def match(self, folded: Folded | str) -> list[Match[T]]:
        """Every occurrence of a term in ``folded.text`` (or in a string folded already), in
        text order."""
        found: list[Match[T]] = []
        text = folded if isinstance(folded, str) else folded.text
        if self._latin:
            found.extend(self._match_latin(text))
        if self._cjk and _CJK.search(text):
            found.extend(self._match_cjk(text))
        if len(found) > 1:
            found.sort(key=lambda m: (m.start, -m.end))
            found = _drop_nested(found)
        return found

    def _match_latin(self, text: str) -> Iterable[Match[T]]:
        scanned = _scan(text)
        for letters, start, second, end in scanned.spaced:
            terms = self._latin.get((self._canonical[letters],), ())
            if not terms and letters[0] in "ai":  # "you are a m o r o n": "a" is a word
                start = second
                terms = self._latin.get((self._canonical[letters[1:]],), ())
            for term in terms:
                yield Match(term, start, end)
        yield from self._match_symbol_words(scanned)
        yield from self._match_masked_words(text)
        words, spans = scanned.words
        if not words:
            return
        canonical = list(map(self._canonical.__getitem__, words))
        if self._first.keys().isdisjoint(canonical):
            return
        first, latin = self._first, self._latin
        for i, word in enumerate(canonical):
            lengths = first.get(word)
            if not lengths:
                continue
            for n in lengths:
                terms = latin.get(tuple(canonical[i : i + n])) if i + n <= len(canonical) else None
                for term in terms or ():
                    yield Match(term, spans[i][0], spans[i + n - 1][1])

    def _match_symbol_words(self, scanned: _Scanned) -> Iterable[Match[T]]:
        """One-word terms spelled with symbols for letters. Only a word that then spells a
        term counts: "idiot!moron" still matches as two words, not as one that spells
        nothing."""
        for word, start, end in scanned.symbol_words:
            for term in self._latin.get((self._canonical[word],), ()):
                yield Match(term, start, end)

    def _match_masked_words(self, text: str) -> Iterable[Match[T]]:
        """One-word terms with asterisks for some letters ("f*ck", "n*gger")."""
        if "*" not in text:
            return
        for found in _MASKED.finditer(text):
            if spelt := self._canonical.unmask(found.group()):
                for term in self._latin.get((spelt,), ()):
                    yield Match(term, found.start(), found.end())

    def _match_cjk(self, text: str) -> Iterable[Match[T]]:
        start = self._cjk_start
        if start is None:
            return
        view, origin = _scan(text).view
        lengths, cjk = self._cjk_lengths, self._cjk
        listed: set[tuple[int, int]] = set()
        for hit in start.finditer(view):
            i = hit.start()
            for n in lengths[hit.group()]:
                if i + n > len(view):  # a shorter term would match the cut-off slice
                    continue
                found = cjk.get(view[i : i + n], ())
                span = (origin[i], origin[i + n - 1] + 1)
                if not found or _runs_on(text, *span):
                    continue
                listed.add(span)
                for term in found:
                    yield Match(term, *span)
        for alphabet in sounds.ALPHABETS:
            if not alphabet.used_in(view):
                continue
            for key, i, end in self._sounds[alphabet.name].find(view):
                span = (origin[i], origin[end - 1] + 1)
                # (Where a listed spelling matched, its own entry speaks: hei鬼 as listed,
                # not as 黑鬼 again.)
                if (
                    span in listed
                    or _runs_on(text, *span)
                    or not alphabet.written_whole(text[span[0] : span[1]])
                ):
                    continue
                for term in cjk[key]:
                    yield Match(term, *span)

    @cached_property
    def _sounds(self) -> dict[str, sounds.SoundIndex]:
        """The Chinese terms by how they sound, for spellings in Zhuyin or pinyin: worked
        out at the first comment that holds either (or by :meth:`read_sounds`)."""
        return {
            alphabet.name: sounds.SoundIndex(self._cjk, alphabet) for alphabet in sounds.ALPHABETS
        }

    def read_sounds(self) -> None:
        """Work out now how the Chinese terms sound, rather than at the first comment that
        spells one by sound: the first also loads pypinyin, about 0.2 s."""
        self._sounds  # noqa: B018 (a cached property, read for its effect)


def _latin(character: str) -> bool:
    return character.isascii() and character.isalpha()


def _runs_on(text: str, start: int, end: int) -> bool:
    """Whether a term found at ``text[start:end]`` that starts or ends with Latin letters
    (x你妈, 棒zi) is the end of a longer Latin word ("xbox你妈妈") or runs on into one: those
    letters are a word, and match whole, as Latin terms do. (Digits do not join them:
    我cao666 still swears.)"""
    return (start > 0 and _latin(text[start]) and _latin(text[start - 1])) or (
        end < len(text) and _latin(text[end - 1]) and _latin(text[end])
    )


class _Scanned:
    """What matching reads off a text whatever the list: its words and their spans, its
    spaced-out letters, its symbol-spelt words, the view CJK terms are found in. Several
    lists match each comment (the word list, the cue lists), so it is worked out once per
    text (see :func:`_scan`)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def spaced(self) -> tuple[tuple[str, int, int, int], ...]:
        """Each run of spaced-out letters: the letters, where it starts, where its second
        letter starts, where it ends."""
        return tuple(
            (_NOT_ALNUM.sub("", found.group()), found.start(), found.start(1), found.end())
            for found in _SPACED.finditer(self.text)
        )

    @cached_property
    def words(self) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
        """The words, and their spans."""
        pattern = _ASCII_WORD if self.text.isascii() else _WORD
        found = list(pattern.finditer(self.text))
        return tuple(word.group() for word in found), tuple(word.span() for word in found)

    @cached_property
    def symbol_words(self) -> tuple[tuple[str, int, int], ...]:
        if not _SYMBOLS.search(self.text):
            return ()
        return tuple((w.group(), w.start(), w.end()) for w in _SYMBOL_WORD.finditer(self.text))

    @cached_property
    def view(self) -> tuple[str, Sequence[int]]:
        """The text as CJK terms are matched in it (letters, digits and phrase-ending
        punctuation), and where each of its characters stands in the text."""
        text = self.text
        view = _NOT_VIEW.sub("", text)
        if len(view) == len(text):
            return view, range(len(text))
        spans = [chunk.span() for chunk in _VIEW.finditer(text)]
        return view, [i for span in spans for i in range(*span)]


_scan = lru_cache(maxsize=8)(_Scanned)


def _drop_nested[T: Entry](matches: list[Match[T]]) -> list[Match[T]]:
    """Drop a match inside a longer one with the same label ("fuck" inside "fuck you").

    ``matches`` come sorted by start, longest first, so one pass suffices: per label, the
    furthest end reached so far (and the earliest start reaching it) says whether a kept
    match contains this one."""
    kept: list[Match[T]] = []
    reach: dict[str, tuple[int, int]] = {}  # label -> (furthest end, earliest start to it)
    for match in matches:
        label = match.term.label
        end, start = reach.get(label, (-1, 0))
        if end > match.end or (end == match.end and start < match.start):
            continue
        kept.append(match)
        if match.end > end:
            reach[label] = (match.end, match.start)
    return kept


def tsv_rows(text: str, name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of a tab-separated list; ``#`` starts a comment. A line with
    the wrong number of fields raises ValueError naming the list and the line."""
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) != len(columns):
            raise ValueError(f"{name} line {number}: expected {', '.join(columns)}")
        yield number, fields


def parse_entries[E](
    text: str, name: str, columns: tuple[str, ...], make: Callable[..., E]
) -> list[E]:
    """Entries (``make(*fields)``) from a tab-separated list; a bad line raises ValueError
    naming the list and the line."""
    entries = []
    for number, fields in tsv_rows(text, name, columns):
        try:
            entries.append(make(*fields))
        except ValueError as error:
            raise ValueError(f"{name} line {number}: {error}") from None
    return entries


def shipped_entries[E](
    names: Iterable[str], columns: tuple[str, ...], make: Callable[..., E]
) -> tuple[E, ...]:
    """The entries of lists shipped with the library (``wordlists/<name>``)."""
    folder = files("netizen.moderation").joinpath("wordlists")
    return tuple(
        entry
        for name in names
        for entry in parse_entries(
            folder.joinpath(name).read_text(encoding="utf-8"), name, columns, make
        )
    )


TERM_COLUMNS = ("term", "label", "severity")


def parse_tsv(text: str, name: str = "word list") -> list[Term]:
    """Terms from a tab-separated list (term, label, severity)."""
    return parse_entries(text, name, TERM_COLUMNS, Term)


@cache
def default_terms() -> tuple[Term, ...]:
    """The lists shipped with the library (``wordlists/*.tsv``), e.g. to seed the live list."""
    return shipped_entries(("en.tsv", "zh.tsv"), TERM_COLUMNS, Term)


@cache
def default_lexicon() -> Lexicon[Term]:
    """The shipped lists, compiled once per process."""
    return Lexicon(default_terms())
