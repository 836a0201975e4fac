"""Folding, fingerprints and simhashes. Pure: no database."""

import os
import subprocess
import sys

import pytest

from netizen.moderation import normalise
from netizen.moderation.context import Policy
from netizen.moderation.normalise import fingerprint, fold, hamming, simhash


def highlighted(original: str, start: int, end: int) -> str:
    """What the queue would highlight for folded ``[start:end]``."""
    first, last = fold(original).original_span(start, end)
    return original[first:last]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＦＵＣＫ ｙｏｕ", "fuck you"),  # full-width
        ("f\u200bu\u200cc\u200dk\ufeff", "fuck"),  # zero-width characters
        ("sh\u00adit", "shit"),  # soft hyphen
        ("fu\u0441k", "fuck"),  # Cyrillic с
        ("\u0455\u04bb\u0456t", "shit"),  # Cyrillic ѕ һ і
        ("\u03bf\u03c1en", "open"),  # Greek ο ρ
        ("SHÏT", "shit"),  # accents
        ("f\u0336u\u0336c\u0336k\u0336", "fuck"),  # strike-through combining marks
        ("𝐟𝐮𝐜𝐤", "fuck"),  # mathematical bold
        ("Straße", "strasse"),  # case folding that changes the length
        ("頭髮很長", "头发很长"),  # Traditional to Simplified
        ("Ｈｅｌｌｏ\u3000世界", "hello 世界"),  # ideographic space
    ],
)
def test_fold_undoes_disguises(text, folded):
    assert fold(text).text == folded


def test_origin_maps_every_folded_character_with_a_sentinel():
    text = "A\u200bß ﬁ頭"
    folded = fold(text)
    assert folded.text == "ass fi头"
    assert len(folded.origin) == len(folded.text) + 1
    assert folded.origin[-1] == len(text)
    assert [text[i] for i in folded.origin[:-1]] == ["A", "ß", "ß", " ", "ﬁ", "ﬁ", "頭"]


def test_spans_point_at_the_characters_the_reader_typed():
    assert highlighted("oh ｆｕｃｋ off", 3, 7) == "ｆｕｃｋ"
    assert highlighted("f\u200bu\u200bc\u200bk it", 0, 4) == "f\u200bu\u200bc\u200bk"
    assert highlighted("fu\u0441k", 0, 4) == "fu\u0441k"
    # A character folded into several is highlighted whole, however little of it matched.
    assert highlighted("ﬁne", 0, 1) == "ﬁ"
    assert highlighted("große", 3, 4) == "ß"
    assert fold("abc").original_span(1, 1) == (1, 1)


def test_simplify_can_be_switched_off():
    folded = fold("頭髮", simplify=False)
    assert folded.text == "頭髮"
    assert not folded.simplified
    assert folded.traditional == 0


def test_traditional_characters_are_counted():
    assert fold("頭髮很長").traditional == 3
    assert fold("头发很长").traditional == 0


def test_a_phrase_conversion_that_changes_length_keeps_spans_aligned(monkeypatch):
    class Converter:
        """Converts 頭髮 as a phrase into three characters, and single characters as usual."""

        def convert(self, text):
            table = {"頭": "头", "髮": "发", "長": "长"}
            if len(text) == 1:
                return table.get(text, text)
            return text.replace("頭髮", "头发们").translate(str.maketrans(table))

    monkeypatch.setitem(normalise._converters, "t2s", Converter())
    text = "ok 他的頭髮很長 ok"
    folded = fold(text)
    assert folded.text == "ok 他的头发很长 ok"
    assert len(folded.origin) == len(folded.text) + 1
    start = folded.text.index("头发")
    assert text[slice(*folded.original_span(start, start + 2))] == "頭髮"


@pytest.mark.parametrize(
    "text",
    ["Hello", "ＦＵＣＫ ｙｏｕ", "f\u200bu\u200cck", "Straße", "頭髮很長", "他说：头发", "x 𝐟𝐮 頭"],
)
def test_folding_without_the_map_folds_the_same(text):
    mapped, unmapped = fold(text), fold(text, mapped=False)
    assert (unmapped.text, unmapped.traditional) == (mapped.text, mapped.traditional)
    assert unmapped.origin == ()


def test_fingerprint_ignores_case_width_spacing_and_script():
    same = [
        "Hello World",
        "  hello   world\n",
        "ＨＥＬＬＯ　ＷＯＲＬＤ",
        "hel\u200blo wor\u200bld",
    ]
    assert len({fingerprint(text) for text in same}) == 1
    assert fingerprint("頭髮很長") == fingerprint("头发很长")
    assert fingerprint("Hello World") != fingerprint("Hello Word")
    assert fingerprint("hello world") != fingerprint("helloworld")
    assert len(fingerprint("x")) == 64


def test_simhash_is_stable_across_processes_and_releases():
    # Stored in the comments table: a change here makes every stored value incomparable.
    assert simhash("The council meets on Tuesday to discuss the budget") == -3273132302685195397
    assert simhash("这篇文章写得很清楚，谢谢作者") == -878130732515668660
    code = "from netizen.moderation.normalise import simhash; print(simhash('hash me please'))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2")
    }
    assert runs == {f"{simhash('hash me please')}\n"}


@pytest.mark.parametrize(
    "text", ["", "a", "ab", "x" * 5000, "The council meets on Tuesday", "外地人" * 50]
)
def test_simhash_fits_a_postgresql_bigint(text):
    assert -(2**63) <= simhash(text) < 2**63


def test_simhash_is_close_for_near_duplicates_and_far_otherwise():
    near = Policy().near_duplicate_bits
    spam = "Earn 500 dollars a day from home, visit our site for details now"
    assert hamming(simhash(spam), simhash(spam.replace("500", "600"))) <= near
    assert hamming(simhash(spam), simhash(spam + "!!")) <= near
    assert hamming(simhash(spam), simhash(spam.upper())) == 0
    other = "The council meets on Tuesday to discuss the budget for next year"
    assert hamming(simhash(spam), simhash(other)) > 2 * near
    zh = "兼职日结，每天轻松赚五百元，详情请看我的主页"
    assert hamming(simhash(zh), simhash(zh.replace("五百", "六百"))) <= near
    assert hamming(simhash(zh), simhash("今天天气很好，我们去公园散步吧，顺便买点水果")) > 2 * near


def test_simhash_is_not_swayed_by_a_repeated_filler():
    # Two unrelated comments that share a long run of the same emoji are not near-duplicates.
    a = "I love this song so much, thank you " + "😂" * 30
    b = "Who else is watching this in 2015? " + "😂" * 30
    assert hamming(simhash(a), simhash(b)) > 2 * Policy().near_duplicate_bits


def test_lone_surrogates_are_dropped_not_fatal():
    text = "fu\ud800ck"
    assert fold(text).text == "fuck"
    assert fingerprint(text) == fingerprint("fuck")
    assert simhash(text) == simhash("fuck")


def test_hamming_treats_signed_and_unsigned_alike():
    assert hamming(-1, 0) == 64
    assert hamming(-1, 2**64 - 1) == 0
    assert hamming(5, 6) == 2
