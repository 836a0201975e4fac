"""The classify phase and its two classifiers. Pure: no database.

Tests that need /work/shared/datasets (COLD, Davidson tweets) skip when it is absent.
"""

import csv
import gzip
import json
import math

import opencc
import pytest
from django.conf import settings

from netizen.moderation import classifiers
from netizen.moderation.context import Policy, ScreeningContext
from netizen.moderation.phases import classify
from netizen.moderation.pipeline import ScreeningState, compose
from netizen.moderation.verdict import HATE_SPEECH, OBSCENITY, SCREENING_UNAVAILABLE, SPAM

SHARED = settings.NETIZEN_DATASETS
DAVIDSON = SHARED / "davidson_hate_offensive" / "labeled_data.csv"
COLD = SHARED / "cold"

ENGLISH_OBSCENE = [
    "you are a fucking asshole",
    "shut up you stupid bitch",
    "what a piece of shit",
]
ENGLISH_NEUTRAL = [
    "I really enjoyed this article, thanks",
    "The council meets on Tuesday to discuss the budget",
    "Have a nice day",
]
CHINESE_OFFENSIVE = [
    "外地人都是垃圾，滚回老家去",
    "女人就是低等生物，只配在家做饭",
    "河南人都是骗子小偷",
]
CHINESE_NEUTRAL = [
    "今天天气很好，我们去公园散步吧",
    "这篇文章写得很清楚，谢谢作者",
    "感谢大家的支持和帮助",
]
to_traditional = opencc.OpenCC("s2t").convert


@pytest.fixture
def english():
    return classifiers.get(classifiers.OBSCENITY_EN)


@pytest.fixture
def chinese():
    return classifiers.get(classifiers.OFFENSIVE_ZH)


@pytest.fixture
def spam():
    return classifiers.get(classifiers.SPAM_EN)


@pytest.fixture
def no_models(tmp_path, monkeypatch):
    """Loaders that find no model files; the loaded models are forgotten before and after."""
    classifiers.reset()
    monkeypatch.setattr(classifiers, "MODELS_DIR", tmp_path)
    monkeypatch.setattr(
        classifiers, "profanity_check_files", lambda: (tmp_path / "v.joblib", tmp_path / "m.joblib")
    )
    yield tmp_path
    classifiers.reset()


def state(text, language="und", policy=None):
    context = ScreeningContext(policy=policy or Policy())
    return ScreeningState(text=text, context=context, language=language)


# --- English: alt-profanity-check, converted --------------------------------------------------


def test_english_scores_equal_alt_profanity_check(english):
    from profanity_check import predict_prob

    texts = [*ENGLISH_OBSCENE, *ENGLISH_NEUTRAL, "", "   ", "FUCK!!!", "Ünïcödé wörds", "a b c"]
    for text, want in zip(texts, predict_prob(texts), strict=True):
        assert english.score(text) == pytest.approx(want, abs=1e-9)


@pytest.mark.skipif(not DAVIDSON.is_file(), reason=f"Davidson tweets not found at {DAVIDSON}")
def test_english_scores_equal_alt_profanity_check_on_1000_tweets(english):
    from profanity_check import predict_prob

    with open(DAVIDSON, encoding="utf-8", newline="") as data:
        tweets = [row["tweet"] for _, row in zip(range(1000), csv.DictReader(data), strict=False)]
    assert len(tweets) == 1000
    expected = predict_prob(tweets)
    worst = max(abs(english.score(t) - want) for t, want in zip(tweets, expected, strict=True))
    assert worst < 1e-6


def test_english_separates_obscenity_from_neutral_text(english):
    assert english.label == OBSCENITY
    assert english.language == "en"
    assert "alt-profanity-check 1.9.1" in english.version
    for text in ENGLISH_OBSCENE:
        assert english.score(text) > 0.9, text
    for text in ENGLISH_NEUTRAL:
        assert english.score(text) < 0.3, text


# --- Chinese: the COLD model ----------------------------------------------------------------


def test_chinese_model_is_shipped_small_and_documented(chinese):
    path = classifiers.MODELS_DIR / classifiers.OFFENSIVE_ZH_FILE
    assert path.stat().st_size < 2_000_000
    assert (classifiers.MODELS_DIR / "README.md").is_file()
    assert chinese.label == HATE_SPEECH
    assert chinese.language == "zh"
    assert chinese.version.endswith(classifiers.sha256_file(path)[:12])
    meta = chinese.metadata
    assert meta["data"]["license"] == "Apache-2.0"
    assert meta["dev_metrics"]["accuracy"] >= 0.88
    assert meta["export_max_abs_diff"] < 1e-4
    assert len(gzip.decompress(path.read_bytes())) > path.stat().st_size  # really compressed


def test_chinese_flags_offensive_text_not_neutral_text(chinese):
    for text in CHINESE_OFFENSIVE:
        assert chinese.score(text) > 0.8, text
    for text in CHINESE_NEUTRAL:
        assert chinese.score(text) < 0.3, text


@pytest.mark.parametrize("text", CHINESE_OFFENSIVE + CHINESE_NEUTRAL)
def test_chinese_scores_traditional_script_as_simplified(chinese, text):
    traditional = to_traditional(text)
    assert traditional != text
    assert chinese.score(traditional) == pytest.approx(chinese.score(text), abs=1e-12)


@pytest.mark.skipif(not (COLD / "dev.csv").is_file(), reason=f"COLD not found at {COLD}")
def test_chinese_dev_accuracy_is_what_the_model_card_says(chinese):
    from netizen.moderation import training

    data = training.read_cold(COLD)
    meta = chinese.metadata["data"]["files"]
    assert meta["dev.csv"]["sha256"] == data.files["dev.csv"]["sha256"]
    assert meta["train.csv"]["sha256"] == data.files["train.csv"]["sha256"]
    predicted = [chinese.score(text) >= 0.5 for text in data.dev.texts]
    right = sum(p == bool(label) for p, label in zip(predicted, data.dev.labels, strict=True))
    accuracy = round(right / len(predicted), 4)
    assert accuracy == chinese.metadata["dev_metrics"]["accuracy"]
    assert accuracy >= 0.88


# --- The model format -----------------------------------------------------------------------


def test_linear_model_round_trips_through_its_file(tmp_path):
    model = classifiers.LinearTextModel(
        name="toy",
        version="",
        language="en",
        label=OBSCENITY,
        features=classifiers.Features("char", (1, 2), ("nfkc", "lower")),
        terms={"a": (1.5, 2.0), "ab": (2.0, -1.0), "b": (1.0, 0.5)},
        folds=[classifiers.Fold(0.1, -2.0, 0.3)],
        metadata={"created": "2026-01-02T03:04:05+00:00"},
    )
    path = tmp_path / "toy.json.gz"
    digest = model.save(path)
    loaded = classifiers.LinearTextModel.load(path)
    assert loaded.version == f"toy 2026-01-02 {digest[:12]}"
    for text in ["", "ab", "ＡＢ ab", "zzz"]:
        assert loaded.score(text) == model.score(text)
    assert model.save(tmp_path / "again.json.gz") == digest  # same model, same bytes


def toy_words(binary_tf: bool, folds: int = 1) -> classifiers.LinearTextModel:
    return classifiers.LinearTextModel(
        name="toy",
        version="",
        language="en",
        label=OBSCENITY,
        features=classifiers.Features("word", (1, 1), ("lower",)),
        terms={"bad": (2.0, *[1.5] * folds), "day": (1.0, *[-0.5] * folds)},
        folds=[classifiers.Fold(0.1, -2.0, 0.3)] * folds,
        sublinear_tf=True,
        binary_tf=binary_tf,
    )


def test_binary_tf_scores_a_repeated_ngram_as_one():
    binary, sublinear = toy_words(binary_tf=True), toy_words(binary_tf=False)
    assert binary.score("bad bad bad day") == binary.score("bad day")
    assert sublinear.score("bad bad bad day") > sublinear.score("bad day")
    # Binary tf has a path of its own; on text without repeats it scores as counts do.
    for text in ["bad day", "day", "", "good"]:
        assert binary.score(text) == pytest.approx(sublinear.score(text), abs=1e-15)


def reference_score(model: classifiers.LinearTextModel, text: str) -> float:
    """NB-LR scoring written out plainly: each distinct n-gram the model knows adds idf·w,
    the vector has unit length, one calibrated fold."""
    known = [model.terms[gram] for gram in set(model.features(text)) if gram in model.terms]
    norm = math.sqrt(sum(idf * idf for idf, _ in known)) or 1.0
    (fold,) = model.folds
    f = sum(idf * w for idf, w in known) / norm + fold.intercept
    return classifiers.sigmoid(-(fold.a * f + fold.b))


@pytest.mark.parametrize("ngram_range", [(1, 1), (1, 2), (2, 3), (1, 3), (3, 3)])
def test_a_character_nb_lr_model_scores_every_text_as_written_out(ngram_range):
    """Such models (the Chinese one) are scored with numpy over n-grams packed as integers;
    the score is the plain sum's, whatever the characters."""
    terms = {
        "傻": (1.2, 0.8),
        "傻逼": (2.5, 1.9),
        "你是": (0.7, -0.4),
        "是傻逼": (3.0, 2.2),
        "a b": (1.1, 0.3),  # runs of white space read as one space
        " ": (0.2, -0.1),
        "\ud800": (0.9, 0.6),  # a lone surrogate is a character like any other
        "😀": (0.5, -0.3),
        "𠀀x": (1.4, 0.9),
        "x": (0.3, 0.2),
        "\x00a": (4.0, 4.0),  # not "a"
        "longer": (5.0, 5.0),  # never an n-gram of three characters at most
    }
    model = classifiers.LinearTextModel(
        name="toy",
        version="",
        language="zh",
        label=HATE_SPEECH,
        features=classifiers.Features("char", ngram_range, ("lower",)),
        terms=terms,
        folds=[classifiers.Fold(-0.2, -1.7, 0.1)],
        binary_tf=True,
    )
    texts = [
        "",
        "x",
        "你是傻逼，你是傻逼",
        "A  \t B",
        "\ud800x😀",
        "𠀀x𠀀x",
        "a",
        "longer",
        "無關的句子",
    ]
    assert model._packed is not None  # scored the packed way, not by dict look-ups
    for text in texts:
        assert model.score(text) == pytest.approx(reference_score(model, text), abs=1e-12)
    assert model.score("你是傻逼") > model.score("你是")


def test_a_binary_tf_model_with_several_folds_is_refused():
    with pytest.raises(classifiers.ModelUnavailable, match="one fold"):
        toy_words(binary_tf=True, folds=3)


@pytest.mark.parametrize(
    ("format_", "binary_tf"),
    [
        (classifiers.BINARY_FORMAT, False),
        (classifiers.BINARY_FORMAT, "false"),
    ],
)
def test_a_format_and_weighting_that_disagree_are_refused(tmp_path, format_, binary_tf):
    data = toy_words(binary_tf=True).to_dict()
    data["format"], data["weighting"]["binary_tf"] = format_, binary_tf
    path = tmp_path / "mismatched.json.gz"
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    with pytest.raises(classifiers.ModelUnavailable):
        classifiers.LinearTextModel.load(path)


def test_binary_tf_round_trips_and_old_files_default_to_counts(tmp_path):
    path = tmp_path / "toy.json.gz"
    toy_words(binary_tf=True).save(path)
    assert classifiers.LinearTextModel.load(path).binary_tf
    data = toy_words(binary_tf=False).to_dict()
    del data["weighting"]["binary_tf"]  # a file written before the option existed
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    old = classifiers.LinearTextModel.load(path)
    assert not old.binary_tf
    assert old.score("bad bad day") == toy_words(binary_tf=False).score("bad bad day")


def test_a_binary_tf_model_has_a_format_of_its_own_that_older_code_refuses(tmp_path):
    data = toy_words(binary_tf=True).to_dict()
    assert data["format"] == classifiers.BINARY_FORMAT
    data["format"] = classifiers.MODEL_FORMAT  # what code without binary tf reads
    path = tmp_path / "mislabelled.json.gz"
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    with pytest.raises(classifiers.ModelUnavailable):
        classifiers.LinearTextModel.load(path)


@pytest.mark.parametrize("content", [b"", b"not gzip", gzip.compress(b'{"format": "other/1"}')])
def test_broken_model_files_are_refused(tmp_path, content):
    path = tmp_path / "broken.json.gz"
    path.write_bytes(content)
    with pytest.raises(classifiers.ModelUnavailable):
        classifiers.LinearTextModel.load(path)


# --- The phase ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "a perfectly ordinary sentence", ["obscenity-en", "spam-en"]),
        ("zh-Hans", "一句普通的话", ["offensive-zh"]),
        ("zh-Hant", "一句普通的話", ["offensive-zh"]),
        ("zh", "一句普通的话", ["offensive-zh"]),
        ("zh-Hans", "这个app真好用", ["obscenity-en", "spam-en", "offensive-zh"]),
        ("en", "I love 北京 food", ["obscenity-en", "spam-en", "offensive-zh"]),
        ("und", "ok ok ok", ["obscenity-en", "spam-en"]),
        ("und", "好好好", ["offensive-zh"]),
        ("und", "12345 !!! 🙂", []),
        ("und", "", []),
    ],
)
def test_choose_by_language_and_script(language, text, expected):
    assert classify.choose(language, text) == expected


def test_phase_flags_obscenity_and_records_the_version(english, spam):
    s = state("You are a f***ing idiot, you asshole", "en")
    flags = classify.run(s)
    assert s.models == {"obscenity-en": english.version, "spam-en": spam.version}
    assert len(flags) == 1
    (flag,) = flags
    assert flag.label == OBSCENITY
    assert flag.score > 0.9
    assert flag.reason == "classifier"
    assert flag.phase == "classify"
    assert flag.detail == f"obscenity-en {flag.score:.2f}"


def test_phase_records_versions_even_when_nothing_is_found(english, chinese, spam):
    s = state("Thanks for the article 谢谢", "en")
    assert classify.run(s) == []
    assert s.models == {
        "obscenity-en": english.version,
        "spam-en": spam.version,
        "offensive-zh": chinese.version,
    }


@pytest.mark.parametrize(
    ("text", "is_spam"),
    [
        ("Hey everyone, check out my channel and subscribe, I do covers every week!!", True),
        ("Earn $500 a day from home, click the link in my profile", True),
        ("The interview with the border guard was the most interesting part.", False),
        ("Could you add the original Korean quotes next time?", False),
    ],
)
def test_phase_flags_english_spam(spam, text, is_spam):
    flags = classify.run(state(text, "en"))
    found = [f for f in flags if f.label == SPAM and f.score >= 0.5]
    assert bool(found) is is_spam, (text, spam.score(text))


@pytest.mark.parametrize(
    "text",
    ["The gay couple next door are lovely.", "Congratulations to the first openly gay player."],
)
def test_an_identity_word_alone_does_not_make_a_comment_obscene(english, text):
    assert english.score(text) >= 0.45  # the model reads "gay" as obscene...
    assert not [f for f in classify.run(state(text, "en")) if f.label == OBSCENITY]  # ...we don't


def test_a_comment_obscene_without_its_identity_words_is_still_obscene():
    (flag,) = [f for f in classify.run(state("suck my gay dick", "en")) if f.label == OBSCENITY]
    assert flag.score > 0.9


def test_a_name_that_holds_a_vulgar_word_does_not_make_a_comment_obscene(english):
    text = "Dick Van Dyke looked great at the awards, 98 and still dancing."
    assert english.score(text) > 0.5  # the model reads "Dick" as obscene...
    assert not [f for f in classify.run(state(text, "en")) if f.label == OBSCENITY]  # ...we don't
    (flag,) = [
        f for f in classify.run(state("Suck my dick, Van Dyke", "en")) if f.label == OBSCENITY
    ]
    assert flag.score > 0.9


CITATION = "Source: https://www.reuters.com/world/asia/court-ruling-2024-05-01/"


def spam_score(text, **policy):
    flags = classify.run(state(text, "en", Policy(**policy)))
    return max((f.score for f in flags if f.label == SPAM), default=0.0)


def test_a_link_to_a_trusted_host_is_not_read_as_an_advert():
    assert spam_score(CITATION) > 0.9  # the model takes any address for a plug
    assert spam_score(CITATION, trusted_hosts=("reuters.com",)) < 0.3  # also www.reuters.com


def test_only_the_trusted_host_itself_is_left_out():
    lookalike = "Source: https://reuters.com.breaking-news.biz/world/court-ruling"
    assert spam_score(lookalike, trusted_hosts=("reuters.com",)) > 0.9
    plug = "Subscribe to my channel www.youtube.com/c/mycovers"
    assert spam_score(plug, trusted_hosts=("reuters.com",)) > 0.9


def test_phase_reads_the_normalised_text():
    s = state("ｙｏｕ ａｒｅ ａ ｆｕｃｋｉｎｇ ａｓｓｈｏｌｅ", "en")  # full-width letters
    (flag,) = classify.run(s)
    assert flag.score > 0.9


@pytest.mark.parametrize("text", CHINESE_OFFENSIVE)
def test_phase_flags_chinese_hate_speech_in_either_script(text):
    simplified, traditional = state(text, "zh-Hans"), state(to_traditional(text), "zh-Hant")
    (a,) = classify.run(simplified)
    (b,) = classify.run(traditional)
    assert a.label == b.label == HATE_SPEECH
    assert a.score == pytest.approx(b.score, abs=1e-12)
    assert a.score > 0.8


def test_phase_reports_moderate_scores_but_not_low_ones(chinese):
    texts = {"各地的人都有好有坏，不能一概而论": True, "感谢大家的支持和帮助": False}
    for text, flagged in texts.items():
        score = chinese.score(text)
        assert (score >= classify.REPORT_AT) is flagged, (text, score)
        assert bool(classify.run(state(text, "zh"))) is flagged


def test_missing_model_file_makes_the_phase_raise(no_models):
    with pytest.raises(classifiers.ModelUnavailable):
        classify.run(state("一句普通的话", "zh"))
    with pytest.raises(classifiers.ModelUnavailable):
        classify.run(state("an ordinary sentence", "en"))


def test_missing_model_holds_the_comment_for_a_person(no_models):
    screen = compose([("classify", classify.run)])
    verdict = screen("一句普通的话")
    assert verdict.unavailable
    (flag,) = verdict.flags
    assert flag.label == SCREENING_UNAVAILABLE
    assert flag.reason == "classify_failed"
    assert verdict.action == "review"


def test_a_failed_load_is_retried(no_models, monkeypatch):
    with pytest.raises(classifiers.ModelUnavailable):
        classifiers.get(classifiers.OFFENSIVE_ZH)
    monkeypatch.undo()
    assert classifiers.get(classifiers.OFFENSIVE_ZH).name == classifiers.OFFENSIVE_ZH


def test_screening_with_the_classify_phase_alone(english, spam):
    screen = compose([("classify", classify.run)])
    verdict = screen("what a piece of shit")
    assert verdict.models == {"obscenity-en": english.version, "spam-en": spam.version}
    assert verdict.scores[OBSCENITY] > 0.9
    assert verdict.action == "reject"
