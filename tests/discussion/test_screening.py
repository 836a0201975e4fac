"""Screening stored comments: verdicts kept, floods filed as spam, failures hold the comment."""

import threading

import pytest

from netizen.discussion import screening
from netizen.discussion.models import Comment, ScreeningTerm, Status
from netizen.discussion.submission import submit
from netizen.moderation import pipeline
from netizen.moderation.normalise import fingerprint, simhash
from netizen.moderation.verdict import SCREENING_UNAVAILABLE
from netizen.stories.models import StoryPage

pytestmark = pytest.mark.django_db

CAMPAIGN = "Earn 500 dollars a day working from home, visit example.biz today!"


def send(story, body, client="client-a", name="Reader"):
    """Submit and screen at once, as the task worker would."""
    comment = submit(story, name=name, email="", body=body, client=client).comment
    screening.apply_screening(comment)
    comment.refresh_from_db()
    return comment


@pytest.fixture
def other_story(demo_story):
    return StoryPage.objects.live().exclude(pk=demo_story.pk).first()


def test_same_text_on_another_story_is_filed_as_spam(demo_story, other_story):
    first = send(demo_story, CAMPAIGN, client="c1", name="Promo")
    second = send(other_story, CAMPAIGN, client="c2", name="Promo2")
    assert first.status == Status.PENDING
    assert second.status == Status.SPAM
    assert second.duplicate_of == first
    decision = second.decisions.get()
    assert (decision.via, decision.to_status) == ("screening", "spam")


def test_screening_reads_the_fingerprint_and_simhash_stored_as_the_comment_arrived(demo_story):
    comment = submit(demo_story, name="R", email="", body=CAMPAIGN, client="c3").comment
    assert (comment.fingerprint, comment.simhash) == (fingerprint(CAMPAIGN), simhash(CAMPAIGN))
    # What is stored is what screening is given, not worked out again from the body.
    comment.fingerprint, comment.simhash = "f" * 16, 12345
    context = screening.context_for(comment)
    assert (context.fingerprint, context.simhash) == ("f" * 16, 12345)


def test_flood_from_one_client_is_flagged_for_review(demo_story):
    send(demo_story, "First comment of mine.", client="fast")
    second = send(demo_story, "And a second one, seconds later.", client="fast")
    assert "flood" in {flag.reason for flag in second.verdict.flags}
    assert second.status == Status.PENDING  # one address may be many readers


def test_a_comment_is_not_judged_by_later_ones(demo_story):
    first = submit(demo_story, name="A", email="", body="My first point.", client="c9").comment
    submit(demo_story, name="A", email="", body="And my second point.", client="c9")
    screening.apply_screening(first)  # the worker gets to it after the second arrived
    first.refresh_from_db()
    assert "flood" not in {flag.reason for flag in first.verdict.flags}


def test_screening_that_cannot_start_holds_the_comment(demo_story, monkeypatch):
    def broken():
        raise RuntimeError("word list unreadable")

    monkeypatch.setattr(screening, "current_lexicon", broken)
    comment = send(demo_story, "A perfectly fine comment.")
    assert comment.status == Status.PENDING
    assert comment.verdict.unavailable
    assert comment.suggested_action == "review"
    assert [f.reason for f in comment.verdict.flags if f.label == SCREENING_UNAVAILABLE] == [
        "context_failed"
    ]


def test_screening_that_hangs_holds_the_comment(demo_story, monkeypatch, settings):
    stuck = threading.Event()

    def hanging(text, context):
        stuck.wait(5)
        return None  # too late: the comment was already left for a person

    settings.NETIZEN_SCREENING_DEADLINE_SECONDS = 0.2
    monkeypatch.setattr(pipeline, "screen", hanging)
    try:
        comment = send(demo_story, "A comment whose screening never ends.")
    finally:
        stuck.set()
    assert comment.status == Status.PENDING
    assert [f.reason for f in comment.verdict.flags] == ["deadline"]
    assert comment.priority >= 0.6  # near the top of the queue, not lost at the bottom


def test_operators_word_list_takes_effect(demo_story):
    before = send(demo_story, "The committee was full of grifters.", client="w1")
    assert before.verdict.scores["personal_attack"] == 0
    ScreeningTerm.objects.create(term="grifters", label="personal_attack", severity="suspect")
    after = send(demo_story, "Another committee, more grifters.", client="w2")
    flag = next(f for f in after.verdict.flags if f.reason == "suspect_term")
    assert after.body[slice(*flag.span)] == "grifters"


def test_disabled_term_no_longer_matches(demo_story):
    term = ScreeningTerm.objects.create(term="grifters", label="personal_attack", severity="banned")
    assert (
        send(demo_story, "Grifters, all of them.", client="d1").verdict.scores["personal_attack"]
        > 0.9
    )
    term.enabled = False
    term.save()
    assert (
        send(demo_story, "Grifters, every one.", client="d2").verdict.scores["personal_attack"] == 0
    )


def test_traditional_chinese_matches_the_simplified_term(demo_story):
    ScreeningTerm.objects.update_or_create(
        term="废物", label="personal_attack", defaults={"severity": "banned", "enabled": True}
    )
    comment = send(demo_story, "你們這些廢物根本不懂", client="t1")
    flag = next(f for f in comment.verdict.flags if f.reason == "banned_term")
    assert comment.body[slice(*flag.span)] == "廢物"
    assert comment.language == "zh-Hant"


def test_nothing_is_auto_approved(demo_story):
    comment = send(demo_story, "Thank you for this careful, generous piece of reporting.")
    assert comment.suggested_action == "approve"
    assert comment.status == Status.PENDING
    assert not comment.decisions.exists()
    assert Comment.objects.filter(status=Status.APPROVED, decisions__via="screening").count() == 0


def test_the_policy_trusts_the_configured_hosts_and_the_sites_own(settings):
    from netizen.discussion.screening import policy

    settings.NETIZEN_TRUSTED_LINK_HOSTS = ("Reuters.com", "apnews.com")
    settings.WAGTAILADMIN_BASE_URL = "https://news.example.org"
    assert policy().trusted_hosts == ("reuters.com", "apnews.com", "news.example.org")


def test_thresholds_can_differ_by_language(settings):
    from netizen.discussion.screening import policy

    settings.NETIZEN_SCREENING_THRESHOLDS = {"*": {"spam": 0.7}, "zh": {"hate_speech": 0.8}}
    rules = policy()
    assert rules.thresholds_for("en")["spam"] == 0.7
    assert rules.thresholds_for("zh-Hant")["hate_speech"] == 0.8
    assert rules.thresholds_for("en")["hate_speech"] == 0.5


def test_a_comment_under_its_languages_threshold_is_not_flagged(settings, demo_story):
    text = "你是个白痴吗？文章都不看。"
    assert send(demo_story, text).suggested_action != "approve"
    settings.NETIZEN_SCREENING_THRESHOLDS = {"zh": {"personal_attack": 0.99, "hate_speech": 0.99}}
    again = send(demo_story, text + " ")
    assert again.suggested_action == "approve"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"en": {"hate": 0.5}}, "unknown label 'hate'"),
        ({"en": {"spam": 2}}, "not a number between 0 and 1"),
        ({"en": 0.5}, "expected"),
    ],
)
def test_a_mistyped_threshold_setting_is_an_error(settings, value, message):
    from django.core.exceptions import ImproperlyConfigured

    from netizen.discussion.screening import policy

    settings.NETIZEN_SCREENING_THRESHOLDS = value
    with pytest.raises(ImproperlyConfigured, match=message):
        policy()


def test_a_mistyped_threshold_setting_stops_the_site_at_start(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.NETIZEN_SCREENING_THRESHOLDS = {"en": {"hate": 0.5}}
    with pytest.raises(SystemCheckError, match="unknown label 'hate'"):
        call_command("check")
