"""screen(): the phases together, failing closed, and decide()'s rules. Pure: no database."""

import time
from datetime import UTC, datetime, timedelta

import pytest

from netizen.moderation import Action, Flag, ScreeningContext, SeenComment, Verdict, screen
from netizen.moderation.context import Policy
from netizen.moderation.decide import UNAVAILABLE_PRIORITY, decide
from netizen.moderation.lexicon import default_lexicon
from netizen.moderation.normalise import fingerprint, simhash
from netizen.moderation.phases import normalise, words
from netizen.moderation.pipeline import PHASES, ScreeningState, compose
from netizen.moderation.verdict import SCREENING_UNAVAILABLE, SPAM

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
# Generous, so loading models on a first call does not count as a failure here.
PATIENT = Policy(phase_budget_ms=60_000)


def context(**kwargs):
    kwargs.setdefault("now", NOW)
    kwargs.setdefault("policy", PATIENT)
    return ScreeningContext(**kwargs)


class BrokenHistory:
    """A history whose database has gone away."""

    def recent(self, since):
        raise ConnectionError("database unavailable")

    def count_from_client(self, client, since):
        raise ConnectionError("database unavailable")


class OneEarlierComment:
    def __init__(self, text, story_id):
        self.comment = SeenComment(
            comment_id=41,
            story_id=story_id,
            client="elsewhere",
            fingerprint=fingerprint(text),
            simhash=simhash(text),
            created_at=NOW - timedelta(minutes=3),
        )

    def recent(self, since):
        return [self.comment]

    def count_from_client(self, client, since):
        return 0


def explode(state):
    raise RuntimeError("boom")


def dawdle(state):
    time.sleep(0.05)
    return [Flag(SPAM, 0.97, "late_finding", "dawdle")]


def test_a_clean_comment_is_approved_with_every_phase_timed():
    verdict = screen("I really enjoyed this article, thanks for the clear writing", context())
    assert verdict.action == Action.APPROVE
    assert verdict.language == "en"
    assert verdict.flags == []
    assert set(verdict.timings_ms) == {name for name, _ in PHASES}


def test_a_chinese_insult_in_traditional_script_is_recommended_for_rejection():
    text = "你真是個傻逼吧"
    verdict = screen(text, context())
    assert verdict.language == "zh-Hant"
    assert verdict.action == Action.REJECT
    word = next(flag for flag in verdict.flags if flag.phase == "words")
    assert text[slice(*word.span)] == "傻逼"


def test_an_insult_spelt_in_zhuyin_is_a_personal_attack_marked_where_typed():
    text = "小編根本ㄋㄠˇ ㄘㄢˊ，標題下成這樣"
    verdict = screen(text, context())
    assert verdict.action != Action.APPROVE
    assert "personal_attack" in verdict.labels_over(Policy().thresholds_for(verdict.language))
    word = next(flag for flag in verdict.flags if flag.phase == "words")
    assert text[slice(*word.span)] == "ㄋㄠˇ ㄘㄢˊ"


def test_warming_up_reads_how_the_shipped_chinese_terms_sound():
    """So that the first comment spelt in Zhuyin does not pay for loading pypinyin and
    reading the lists (about 0.25 s, over a phase's budget) and wait for a person."""
    from netizen.moderation.cues import cue_lexicon
    from netizen.moderation.pipeline import _warmed, warm_up

    for lexicon in (default_lexicon(), cue_lexicon()):
        lexicon.__dict__.pop("_sounds", None)
    _warmed.clear()
    warm_up(context())
    assert "_sounds" in default_lexicon().__dict__
    assert "_sounds" in cue_lexicon().__dict__


def test_a_repeat_on_another_story_is_filed_as_spam_with_a_reference():
    text = "Earn 500 dollars a day from home, visit our site for details now"
    verdict = screen(text, context(story_id=2, history=OneEarlierComment(text, story_id=1)))
    assert verdict.action == Action.SPAM
    assert verdict.scores[SPAM] >= 0.95
    assert [flag.ref for flag in verdict.flags if flag.ref] == [41]


def test_a_raising_phase_holds_the_comment_and_keeps_the_other_findings():
    run = compose([("normalise", normalise.run), ("boom", explode), ("words", words.run)])
    verdict = run("what an idiot you are, you idiot", context())
    assert verdict.unavailable
    (failure,) = [f for f in verdict.flags if f.label == SCREENING_UNAVAILABLE]
    assert (failure.phase, failure.reason, failure.detail) == (
        "boom",
        "boom_failed",
        "RuntimeError",
    )
    assert [f.detail for f in verdict.flags if f.phase == "words"] == ["you idiot"]
    assert verdict.action == Action.REVIEW
    assert verdict.priority >= UNAVAILABLE_PRIORITY


def test_a_slow_phase_is_discarded_as_unavailable():
    default_lexicon()  # compiled outside the budget
    policy = Policy(phase_budget_ms=20)
    run = compose([("normalise", normalise.run), ("dawdle", dawdle), ("words", words.run)])
    verdict = run("fuck this", context(policy=policy))
    assert verdict.unavailable
    assert "dawdle_timeout" in verdict.reasons()
    assert "late_finding" not in verdict.reasons()
    assert "banned_term" in verdict.reasons()
    assert verdict.action == Action.REJECT


def test_a_failed_phase_never_leaves_a_clean_comment_approved():
    run = compose([*PHASES, ("boom", explode)])
    verdict = run("I really enjoyed this article", context())
    assert verdict.unavailable
    assert verdict.action == Action.REVIEW
    assert verdict.priority == UNAVAILABLE_PRIORITY


def test_screen_holds_the_comment_when_the_history_is_unavailable():
    verdict = screen(
        "I really enjoyed this article, you idiot",
        context(client="c1", story_id=1, history=BrokenHistory()),
    )
    failed = {f.phase for f in verdict.flags if f.label == SCREENING_UNAVAILABLE}
    assert failed == {"rate", "repeat"}
    assert verdict.action != Action.APPROVE
    assert "suspect_term" in verdict.reasons()
    assert verdict.language == "en"


def test_screen_never_approves_when_a_phase_is_unavailable():
    texts = ["Great article", "这篇文章写得很清楚，谢谢作者", "", "x" * 10]
    for text in texts:
        verdict = screen(text, context(client="c1", history=BrokenHistory()))
        assert verdict.unavailable
        assert verdict.action != Action.APPROVE


def decided(*flags, policy=None):
    state = ScreeningState(text="", context=ScreeningContext(policy=policy or Policy()))
    state.flags.extend(flags)
    return decide(state)


def flag(label, score):
    return Flag(label, score, "test", "test")


def test_decide_files_certain_spam_as_spam():
    assert decided(flag(SPAM, 0.97)).action == Action.SPAM
    assert decided(flag(SPAM, 0.9)).action == Action.REJECT


def test_a_language_models_spam_score_alone_never_files_a_comment_away():
    model = Flag(SPAM, 0.999, "classifier", "classify")
    assert decided(model).action == Action.REJECT  # in the queue, marked, for a person
    assert decided(model, flag(SPAM, 0.97)).action == Action.SPAM
    cited = screen("Source: https://www.reuters.com/world/asia/story-2024-05-01/", context())
    assert cited.action != Action.SPAM


def test_decide_suggests_rejection_at_reject_at():
    assert decided(flag("hate_speech", 0.9)).action == Action.REJECT
    assert decided(flag("hate_speech", 0.89)).action == Action.REVIEW


def test_decide_asks_for_review_at_a_label_threshold():
    assert decided(flag("obscenity", 0.5)).action == Action.REVIEW
    assert decided(flag("obscenity", 0.49)).action == Action.APPROVE
    strict = Policy(thresholds={**Policy().thresholds, "obscenity": 0.3})
    assert decided(flag("obscenity", 0.4), policy=strict).action == Action.REVIEW


def test_decide_scores_each_label_by_its_strongest_flag():
    verdict = decided(flag("obscenity", 0.6), flag("obscenity", 0.95), flag(SPAM, 0.2))
    assert verdict.scores == {
        "hate_speech": 0.0,
        "obscenity": 0.95,
        "personal_attack": 0.0,
        "spam": 0.2,
    }
    assert verdict.priority == 0.95


def test_decide_approves_nothing_found_and_raises_unavailable_up_the_queue():
    assert decided().action == Action.APPROVE
    assert decided().priority == 0.0
    missing = Flag(SCREENING_UNAVAILABLE, 1.0, "words_failed", "words")
    verdict = decided(missing)
    assert (verdict.action, verdict.priority) == (Action.REVIEW, UNAVAILABLE_PRIORITY)
    assert verdict.scores[SPAM] == 0.0


@pytest.mark.parametrize("ref", [None, 12])
def test_verdict_round_trips_through_a_dict(ref):
    verdict = screen("fuck this", context())
    verdict.flags.append(Flag(SPAM, 0.97, "repeat_flood", "repeat", span=(0, 4), ref=ref))
    again = Verdict.from_dict(verdict.to_dict())
    assert again.flags == verdict.flags
    assert again.action == verdict.action
    assert again.flags[-1].ref == ref
