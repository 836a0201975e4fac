"""People's decisions as training examples: what each decision says about the labels.

Comments come in through the reader's form and are screened as the worker would, so their
language is the one screening detected; moderators decide through ``decide``.
"""

from itertools import count

import pytest

from netizen.discussion import screening
from netizen.discussion.decisions import decide
from netizen.discussion.models import Comment
from netizen.discussion.submission import submit
from netizen.discussion.training_data import learned_from_decisions
from netizen.moderation.examples import Example
from netizen.moderation.verdict import LABELS
from netizen.stories.models import StoryPage

pytestmark = pytest.mark.django_db

EN = "Could you add the dates of the detentions to the timeline?"
HANS = "这些评论很有意思，谢谢你们的翻译。"
HANT = "這些評論很有意思，謝謝你們的翻譯。"
CAMPAIGN = "Earn 500 dollars a day working from home, visit example.biz today!"
ALL = frozenset(LABELS)


@pytest.fixture
def moderator(django_user_model):
    return django_user_model.objects.get(username="moderator")


@pytest.fixture
def comment(post, newest, django_capture_on_commit_callbacks):
    """A reader's comment through the form, screened at once, each from its own address."""
    addresses = count(10)

    def send(body: str) -> Comment:
        with django_capture_on_commit_callbacks(execute=True):
            response = post(body, address=f"198.51.100.{next(addresses)}")
        assert response.status_code == 303
        stored = newest()
        assert stored.body == body and stored.screened_at is not None
        return stored

    return send


@pytest.fixture
def decide_by(moderator):
    """A moderator's decision from the queue."""
    return lambda comment, action, reason="": decide(
        comment, action, actor=moderator, via="queue", reason=reason
    )


def examples() -> dict[str, Example]:
    return {example.origin: example for example in learned_from_decisions()[0]}


def test_approval_knows_every_label_and_finds_none(comment, decide_by):
    decisions = {text: decide_by(comment(text), "approve") for text in (EN, HANS, HANT)}
    found = examples()
    for text, language in ((EN, "en"), (HANS, "zh-Hans"), (HANT, "zh-Hant")):
        origin = f"decision:{decisions[text].pk}"
        assert found[origin] == Example(text, language, frozenset(), ALL, origin)


@pytest.mark.parametrize("reason", ["hate_speech", "obscenity", "personal_attack", "spam"])
def test_rejection_for_a_policy_reason_speaks_for_that_label_only(comment, decide_by, reason):
    english = decide_by(comment("You people are all the same, go away."), "reject", reason)
    chinese = decide_by(comment("你们这些人都一样，滚出去。"), "reject", reason)
    found = examples()
    for decision, language in ((english, "en"), (chinese, "zh-Hans")):
        example = found[f"decision:{decision.pk}"]
        assert example.language == language
        assert example.labels == example.known == {reason}


def test_spam_status_is_a_spam_example(comment, decide_by):
    decision = decide_by(comment(CAMPAIGN), "spam")
    example = examples()[f"decision:{decision.pk}"]
    assert (example.labels, example.known) == ({"spam"}, {"spam"})


@pytest.mark.parametrize("reason", ["off_topic", "other"])
def test_rejection_for_another_reason_says_nothing(comment, decide_by, reason):
    decision = decide_by(comment(HANT), "reject", reason)
    assert f"decision:{decision.pk}" not in examples()


def test_a_reversed_decision_counts_as_the_later_one(comment, decide_by):
    first = decide_by(comment(EN), "reject", "personal_attack")
    later = decide_by(first.comment, "approve")
    again = decide_by(comment(HANS), "approve")
    final = decide_by(again.comment, "reject", "obscenity")
    found = examples()
    assert f"decision:{first.pk}" not in found and f"decision:{again.pk}" not in found
    assert found[f"decision:{later.pk}"].known == ALL
    assert found[f"decision:{later.pk}"].labels == frozenset()
    assert found[f"decision:{final.pk}"].labels == {"obscenity"}


def test_screenings_own_spam_filing_is_not_an_example(demo_story, decide_by):
    other_story = StoryPage.objects.live().exclude(pk=demo_story.pk).first()
    filed = []
    for story, client in ((demo_story, "c1"), (other_story, "c2")):
        sent = submit(story, name="Promo", email="", body=CAMPAIGN, client=client).comment
        screening.apply_screening(sent)
        filed.append(sent)
    by_screening = filed[1].decisions.get()
    assert (by_screening.via, by_screening.to_status) == ("screening", "spam")
    assert f"decision:{by_screening.pk}" not in examples()
    # A moderator who reverses screening's filing is a person deciding: that one counts.
    reversed_by_person = decide_by(filed[1], "approve")
    assert examples()[f"decision:{reversed_by_person.pk}"].known == ALL


def test_languages_the_models_do_not_cover_are_skipped(comment, decide_by, settings):
    settings.NETIZEN_COMMENT_LANGUAGES = ("en", "zh", "ko")
    korean = comment("번역해 주셔서 감사합니다. 좋은 기사예요.")
    undetermined = comment("12345 !!! 67890")
    assert (korean.language, undetermined.language) == ("ko", "und")
    skipped = [decide_by(korean, "approve"), decide_by(undetermined, "approve")]
    found = examples()
    assert not {f"decision:{d.pk}" for d in skipped} & found.keys()


def test_one_query_however_many_comments(comment, decide_by, django_assert_num_queries):
    for text in (EN, HANS, HANT):
        decide_by(comment(text), "approve")
    with django_assert_num_queries(1):
        assert len(learned_from_decisions()[0]) >= 3


def test_counts_per_label_and_language(comment, decide_by, settings):
    settings.NETIZEN_COMMENT_LANGUAGES = ("en", "zh", "ko")
    before = learned_from_decisions()[1]
    decide_by(comment(EN), "approve")
    decide_by(comment(HANT), "reject", "hate_speech")
    decide_by(comment(HANS), "reject", "off_topic")
    decide_by(comment(CAMPAIGN), "spam")
    decide_by(comment("번역해 주셔서 감사합니다. 좋은 기사예요."), "approve")
    after = learned_from_decisions()[1]

    assert after["examples"] - before["examples"] == 3
    assert delta(after, before, "hate_speech") == {"positive": 1, "negative": 1}
    assert delta(after, before, "spam") == {"positive": 1, "negative": 1}
    assert delta(after, before, "obscenity") == {"positive": 0, "negative": 1}
    hant = after["by_language"]["zh-Hant"]["labels"]["hate_speech"]["positive"]
    assert hant - nested(before, "zh-Hant") == 1
    assert after["skipped"]["no_label"] - before["skipped"].get("no_label", 0) == 1
    assert after["skipped"]["language"] - before["skipped"].get("language", 0) == 1


def delta(after: dict, before: dict, label: str) -> dict[str, int]:
    return {
        key: after["labels"][label][key] - before["labels"][label][key]
        for key in after["labels"][label]
    }


def nested(counts: dict, language: str) -> int:
    labels = counts["by_language"].get(language, {}).get("labels", {})
    return labels.get("hate_speech", {}).get("positive", 0)
