"""Hand-written functional cases for comment screening, and the code that reads and scores them.

Accuracy on a held-out split of a training set says little about how screening behaves on
the comments this site gets: negated or quoted hate, reclaimed words, swearing at the weather,
spelling tricks. ``cases.tsv`` states, per behaviour and language, which labels a comment must
and must not get, so a change to the word lists or the models can be judged behaviour by
behaviour. These cases measure generalisation: they must never be used to train or tune a
model (see README.md).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from netizen.moderation.verdict import LABELS

CASES_FILE = Path(__file__).resolve().parent / "cases.tsv"
# Cases written apart from the rules and lists and never read while tuning them: the fair
# measure of how screening does on comments nobody prepared it for.
HOLDOUT_FILE = Path(__file__).with_name("holdout.tsv")
HEADER = ("behaviour", "language", "expect", "forbid", "text")
LANGUAGES = ("en", "zh-Hans", "zh-Hant")
# Known behaviours, in report order: a misspelt key would otherwise start a group of its own.
BEHAVIOURS = (
    "negation",
    "counter_speech",
    "identity_neutral",
    "reclaimed",
    "profanity_no_target",
    "abuse_person",
    "abuse_group",
    "abuse_object",
    "threat",
    "evasion",
    "quoted_post",
    "plain_positive",
    "clean",
)
NONE = "-"  # an empty label list in the file


@dataclass(frozen=True)
class Case:
    """One comment and what screening must (``expect``) and must not (``forbid``) flag."""

    behaviour: str
    language: str
    expect: frozenset[str]
    forbid: frozenset[str]
    text: str
    line: int  # in the file, so a failure can be found and discussed

    def passes(self, flagged: Collection[str]) -> bool:
        """Every expected label flagged and no forbidden one: labels in neither list are free."""
        return self.expect <= set(flagged) and not self.forbid & set(flagged)


@dataclass(frozen=True)
class Failure:
    """A case that did not pass, with what screening flagged, to see at once what went wrong."""

    line: int
    text: str
    flagged: frozenset[str]
    missing: frozenset[str]  # expected but not flagged
    unwanted: frozenset[str]  # flagged but forbidden


@dataclass(frozen=True)
class Tally:
    """The outcome for one (behaviour, language) group."""

    count: int
    passed: int
    failures: tuple[Failure, ...]

    @property
    def accuracy(self) -> float:
        return self.passed / self.count if self.count else 0.0


def _labels(field: str, column: str, where: str) -> frozenset[str]:
    if field == NONE:
        return frozenset()
    labels = [label.strip() for label in field.split(",")]
    for label in labels:
        if label not in LABELS:
            raise ValueError(f"{where}: unknown label {label!r} in {column}")
    return frozenset(labels)


def parse_cases(lines: Iterable[str], source: str = "cases") -> list[Case]:
    """Cases from the lines of a cases file; ``source`` names it in error messages.

    Raises ValueError naming the line for anything that would make a case mean something
    other than its author meant: a wrong column count, an unknown behaviour, language or
    label, a label both expected and forbidden, a case that checks nothing, or a repeat.
    """
    cases: list[Case] = []
    seen: dict[tuple[str, str], int] = {}
    header_seen = False
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{source}, line {number}"
        fields = [field.strip() for field in line.split("\t")]
        if not header_seen:
            if tuple(fields) != HEADER:
                raise ValueError(f"{where}: expected the header {'<tab>'.join(HEADER)}")
            header_seen = True
            continue
        if len(fields) != len(HEADER):
            raise ValueError(f"{where}: expected {len(HEADER)} tab-separated fields")
        behaviour, language, expect_field, forbid_field, text = fields
        if behaviour not in BEHAVIOURS:
            raise ValueError(f"{where}: unknown behaviour {behaviour!r}")
        if language not in LANGUAGES:
            raise ValueError(f"{where}: unknown language {language!r}")
        expect = _labels(expect_field, "expect", where)
        forbid = _labels(forbid_field, "forbid", where)
        if expect & forbid:
            raise ValueError(
                f"{where}: {', '.join(sorted(expect & forbid))} both expected and forbidden"
            )
        if not expect and not forbid:
            raise ValueError(f"{where}: the case neither expects nor forbids a label")
        if not text:
            raise ValueError(f"{where}: empty text")
        if (language, text) in seen:
            raise ValueError(f"{where}: same text as line {seen[language, text]}")
        seen[language, text] = number
        cases.append(Case(behaviour, language, expect, forbid, text, number))
    if not header_seen:
        raise ValueError(f"{source}: no header line")
    return cases


def load_cases(path: str | Path = CASES_FILE) -> list[Case]:
    """The cases in ``path`` (by default the shipped ``cases.tsv``), in file order."""
    path = Path(path)
    with path.open(encoding="utf-8") as lines:
        return parse_cases(lines, source=path.name)


def evaluate(
    cases: Iterable[Case], flagged: Callable[[str], Collection[str]]
) -> dict[tuple[str, str], Tally]:
    """Run ``flagged`` (a comment's text → the labels screening would act on) over ``cases``.

    Returns a :class:`Tally` per (behaviour, language) that has cases, in the order of
    :data:`BEHAVIOURS` and :data:`LANGUAGES`, so reports line up from run to run.
    """
    outcomes: dict[tuple[str, str], list[Failure | None]] = {}
    for case in cases:
        found = frozenset(flagged(case.text))
        failure = None
        if not case.passes(found):
            failure = Failure(case.line, case.text, found, case.expect - found, case.forbid & found)
        outcomes.setdefault((case.behaviour, case.language), []).append(failure)
    return {
        key: Tally(
            count=len(outcomes[key]),
            passed=outcomes[key].count(None),
            failures=tuple(failure for failure in outcomes[key] if failure),
        )
        for key in sorted(outcomes, key=_report_order)
    }


def _report_order(key: tuple[str, str]) -> tuple[int, int, str, str]:
    """Known behaviours and languages in their listed order; any others after, by name."""
    behaviour, language = key
    return (
        BEHAVIOURS.index(behaviour) if behaviour in BEHAVIOURS else len(BEHAVIOURS),
        LANGUAGES.index(language) if language in LANGUAGES else len(LANGUAGES),
        behaviour,
        language,
    )
