"""The functional cases' loader and scorer, and the shape of the shipped cases. Pure.

How well screening does on the cases is measured elsewhere; these tests only check that the
cases are read as their authors meant and scored by the pass rule.
"""

from collections import Counter

import pytest

from netizen.moderation.functional import (
    BEHAVIOURS,
    CASES_FILE,
    HOLDOUT_FILE,
    LANGUAGES,
    Case,
    Failure,
    Tally,
    evaluate,
    load_cases,
    parse_cases,
)
from netizen.moderation.verdict import HATE_SPEECH, LABELS, OBSCENITY, PERSONAL_ATTACK, SPAM

HEADER = "behaviour\tlanguage\texpect\tforbid\ttext"
MINIMUM_PER_LANGUAGE = 12


def lines(*rows: str) -> list[str]:
    """A cases file: the header, then ``rows`` with ``|`` standing for a tab."""
    return [HEADER + "\n", *(row.replace("|", "\t") + "\n" for row in rows)]


def parse_error(*rows: str) -> str:
    with pytest.raises(ValueError) as error:
        parse_cases(lines(*rows), source="t.tsv")
    return str(error.value)


# --- Parsing --------------------------------------------------------------------------------


def test_a_case_is_read_with_its_labels_and_line_number():
    cases = parse_cases(
        [
            "# a comment before the header\n",
            "\n",
            HEADER + "\n",
            "# a comment\n",
            "abuse_person\ten\tpersonal_attack\thate_speech, obscenity\tYou idiot.\n",
            "clean\tzh-Hans\t-\tspam\t谢谢作者\r\n",
        ]
    )
    assert cases == [
        Case(
            "abuse_person",
            "en",
            frozenset({PERSONAL_ATTACK}),
            frozenset({HATE_SPEECH, OBSCENITY}),
            "You idiot.",
            5,
        ),
        Case("clean", "zh-Hans", frozenset(), frozenset({SPAM}), "谢谢作者", 6),
    ]


def test_load_cases_reads_a_file(tmp_path):
    path = tmp_path / "cases.tsv"
    path.write_text("".join(lines("clean|zh-Hant|-|spam|颱風警報解除了")), encoding="utf-8")
    [case] = load_cases(path)
    assert (case.language, case.text, case.line) == ("zh-Hant", "颱風警報解除了", 2)


def test_a_missing_or_wrong_header_is_an_error():
    with pytest.raises(ValueError, match="line 1: expected the header"):
        parse_cases(["clean\ten\t-\tspam\tHello\n"])
    with pytest.raises(ValueError, match="no header"):
        parse_cases(["# only comments\n"])


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("clean|en|-|spam", "line 2: expected 5 tab-separated fields"),
        ("clean|en|-|spam|Hello|extra", "line 2: expected 5 tab-separated fields"),
        ("cleen|en|-|spam|Hello", "line 2: unknown behaviour 'cleen'"),
        ("clean|zh|-|spam|你好", "line 2: unknown language 'zh'"),
        ("clean|en|-|insult|Hello", "line 2: unknown label 'insult' in forbid"),
        ("clean|en|spam,,|-|Hello", "line 2: unknown label '' in expect"),
        ("clean|en|spam|spam,obscenity|Hello", "line 2: spam both expected and forbidden"),
        ("clean|en|-|-|Hello", "line 2: the case neither expects nor forbids a label"),
        ("clean|en|-|spam| ", "line 2: empty text"),
    ],
)
def test_a_bad_line_is_an_error_naming_its_line(row, message):
    assert message in parse_error(row)


def test_the_error_names_the_file_and_the_right_line_after_comments():
    message = parse_error("# fine so far", "clean|en|-|spam|Hello", "", "clean|en|-|spam|Hi|x")
    assert message.startswith("t.tsv, line 5:")


def test_the_same_text_twice_in_one_language_is_an_error():
    message = parse_error("clean|en|-|spam|Hello", "negation|en|-|hate_speech|Hello")
    assert "line 3: same text as line 2" in message
    assert len(parse_cases(lines("clean|en|-|spam|OK", "clean|zh-Hans|-|spam|OK"))) == 2


# --- Scoring --------------------------------------------------------------------------------


def case(expect=(), forbid=(), text="text", behaviour="clean", language="en", line=1) -> Case:
    return Case(behaviour, language, frozenset(expect), frozenset(forbid), text, line)


@pytest.mark.parametrize(
    ("flagged", "passes"),
    [
        (set(), False),  # the expected label is missing
        ({PERSONAL_ATTACK}, True),
        ({PERSONAL_ATTACK, OBSCENITY}, True),  # a label in neither list is free
        ({PERSONAL_ATTACK, HATE_SPEECH}, False),  # a forbidden label
        ({HATE_SPEECH}, False),
    ],
)
def test_a_case_passes_only_with_every_expected_and_no_forbidden_label(flagged, passes):
    assert case(expect={PERSONAL_ATTACK}, forbid={HATE_SPEECH}).passes(flagged) is passes


def test_evaluate_counts_passes_and_lists_failures_per_behaviour_and_language():
    cases = [
        case(forbid={HATE_SPEECH}, text="fine", behaviour="negation", line=3),
        case(forbid={HATE_SPEECH}, text="hateful?", behaviour="negation", line=4),
        case(expect={SPAM}, text="buy now", behaviour="plain_positive", line=5),
        case(forbid={HATE_SPEECH}, text="不错", behaviour="negation", language="zh-Hans", line=6),
    ]
    verdicts = {"fine": set(), "hateful?": {HATE_SPEECH, OBSCENITY}, "buy now": [], "不错": ()}
    calls = []

    def flagged(text: str) -> set[str]:
        calls.append(text)
        return set(verdicts[text])

    results = evaluate(cases, flagged)

    assert calls == ["fine", "hateful?", "buy now", "不错"]  # once each, in order
    assert list(results) == [  # BEHAVIOURS order, then LANGUAGES order
        ("negation", "en"),
        ("negation", "zh-Hans"),
        ("plain_positive", "en"),
    ]
    negation = results["negation", "en"]
    assert (negation.count, negation.passed, negation.accuracy) == (2, 1, 0.5)
    assert negation.failures == (
        Failure(
            line=4,
            text="hateful?",
            flagged=frozenset({HATE_SPEECH, OBSCENITY}),
            missing=frozenset(),
            unwanted=frozenset({HATE_SPEECH}),
        ),
    )
    positive = results["plain_positive", "en"]
    assert (positive.passed, positive.accuracy) == (0, 0.0)
    assert positive.failures[0].missing == {SPAM}
    assert results["negation", "zh-Hans"] == Tally(count=1, passed=1, failures=())
    assert results["negation", "zh-Hans"].accuracy == 1.0


def test_evaluate_of_no_cases_is_empty():
    assert evaluate([], lambda text: set()) == {}
    assert Tally(count=0, passed=0, failures=()).accuracy == 0.0


# --- The shipped cases ----------------------------------------------------------------------


# The cases tuned against, and the held-out ones (fewer, never read while tuning).
SHIPPED_FILES = {CASES_FILE: MINIMUM_PER_LANGUAGE, HOLDOUT_FILE: 8}


@pytest.fixture(scope="module", params=list(SHIPPED_FILES), ids=lambda path: path.name)
def shipped_file(request):
    return request.param


@pytest.fixture(scope="module")
def shipped(shipped_file) -> list[Case]:
    return load_cases(shipped_file)


def test_the_tuned_cases_are_the_default():
    assert load_cases() == load_cases(CASES_FILE)


def test_no_held_out_case_repeats_a_tuned_one():
    tuned = {(c.language, c.text) for c in load_cases(CASES_FILE)}
    assert not [c.line for c in load_cases(HOLDOUT_FILE) if (c.language, c.text) in tuned]


def test_every_behaviour_has_enough_cases_in_every_language(shipped, shipped_file):
    counts = Counter((c.behaviour, c.language) for c in shipped)
    short = {
        (behaviour, language): counts[behaviour, language]
        for behaviour in BEHAVIOURS
        for language in LANGUAGES
        if counts[behaviour, language] < SHIPPED_FILES[shipped_file]
    }
    assert short == {}


def test_every_shipped_case_keeps_its_behaviours_rule(shipped):
    """The README's rule for each behaviour, so a new case cannot quietly contradict it."""
    everything = frozenset(LABELS)
    rules = {
        "negation": lambda c: HATE_SPEECH in c.expect | c.forbid,
        "counter_speech": lambda c: HATE_SPEECH in c.forbid,
        "identity_neutral": lambda c: {HATE_SPEECH, PERSONAL_ATTACK, OBSCENITY} <= c.forbid,
        "reclaimed": lambda c: HATE_SPEECH in c.forbid,
        "profanity_no_target": lambda c: (
            OBSCENITY in c.expect and {HATE_SPEECH, PERSONAL_ATTACK} <= c.forbid
        ),
        "abuse_person": lambda c: PERSONAL_ATTACK in c.expect and HATE_SPEECH in c.forbid,
        "abuse_group": lambda c: HATE_SPEECH in c.expect | c.forbid,
        "abuse_object": lambda c: {HATE_SPEECH, PERSONAL_ATTACK} <= c.forbid,
        "threat": lambda c: (
            bool(c.expect & {HATE_SPEECH, PERSONAL_ATTACK})
            or {HATE_SPEECH, PERSONAL_ATTACK} <= c.forbid
        ),
        "evasion": lambda c: bool(c.expect) or {PERSONAL_ATTACK, OBSCENITY} <= c.forbid,
        "quoted_post": lambda c: bool(c.expect | c.forbid),
        "plain_positive": lambda c: bool(c.expect) and not c.forbid,
        "clean": lambda c: c.forbid == everything and not c.expect,
    }
    assert set(rules) == set(BEHAVIOURS)
    broken = [(c.line, c.behaviour) for c in shipped if not rules[c.behaviour](c)]
    assert broken == []


def test_plain_positive_covers_every_label_in_every_language(shipped):
    covered = {
        (label, c.language)
        for c in shipped
        if c.behaviour == "plain_positive"
        for label in c.expect
    }
    assert covered == {(label, language) for label in LABELS for language in LANGUAGES}
