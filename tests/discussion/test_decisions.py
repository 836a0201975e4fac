"""Decisions change a comment's status and leave an audit trail that is never rewritten."""

import pytest
from django.core.exceptions import ValidationError

from netizen.discussion.decisions import DecisionError, decide, decide_many
from netizen.discussion.models import Comment, Decision, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(demo_story):
    return Comment.objects.create(
        story=demo_story, author_name="R", body="A fair point.", fingerprint="f1", author_key="a1"
    )


def test_decisions_record_who_when_from_to_and_why(pending, django_user_model):
    moderator = django_user_model.objects.get(username="moderator")
    decide(pending, "reject", actor=moderator, via="queue", reason="off_topic")
    decide(pending, "approve", actor=moderator, via="queue", note="Second look: on topic")
    trail = list(pending.decisions.order_by("created_at", "pk"))
    assert [(d.from_status, d.to_status, d.reason) for d in trail] == [
        ("pending", "rejected", "off_topic"),
        ("rejected", "approved", ""),
    ]
    assert {d.actor_name for d in trail} == {"moderator"}
    assert trail[1].note == "Second look: on topic"
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED and pending.decided_at == trail[1].created_at


def test_decisions_are_never_edited(pending):
    decision = decide(pending, "spam", actor=None, via="queue")
    decision.reason = "other"
    with pytest.raises(ValidationError):
        decision.save()
    assert Decision.objects.get(pk=decision.pk).reason == "spam"


def test_reject_needs_a_reason_and_changes_nothing_without_one(pending):
    with pytest.raises(DecisionError, match="policy"):
        decide(pending, "reject", actor=None, via="queue")
    pending.refresh_from_db()
    assert pending.status == Status.PENDING and not pending.decisions.exists()


def test_deciding_the_same_twice_is_refused(pending):
    decide(pending, "approve", actor=None, via="queue")
    with pytest.raises(DecisionError, match="already approved"):
        decide(pending, "approve", actor=None, via="queue")
    assert pending.decisions.count() == 1


def test_unknown_action_or_reason_is_refused(pending):
    with pytest.raises(DecisionError, match="Unknown action"):
        decide(pending, "publish", actor=None, via="queue")
    with pytest.raises(DecisionError, match="Unknown reason"):
        decide(pending, "reject", actor=None, via="queue", reason="rude")


def test_approving_a_second_live_copy_is_refused(pending, demo_story):
    copy = Comment.objects.create(
        story=demo_story,
        author_name="R",
        body="A fair point.",
        fingerprint="f1",
        author_key="a1",
        status=Status.SPAM,
    )
    with pytest.raises(DecisionError, match="Another copy"):
        decide(copy, "approve", actor=None, via="queue")
    copy.refresh_from_db()
    assert copy.status == Status.SPAM


def test_bulk_decisions_go_on_past_an_error(pending, demo_story):
    other = Comment.objects.create(
        story=demo_story, author_name="S", body="Another.", fingerprint="f2", author_key="a2"
    )
    result = decide_many([pending.pk, 999_999, other.pk], "spam", actor=None, via="queue")
    assert len(result.decided) == 2
    assert "does not exist" in result.errors[999_999]
    assert set(
        Comment.objects.filter(pk__in=[pending.pk, other.pk]).values_list("status", flat=True)
    ) == {"spam"}


def test_an_automatic_decision_does_not_override_a_person(pending):
    decide(pending, "approve", actor=None, via="queue")
    with pytest.raises(DecisionError, match="no longer pending"):
        decide(pending, "spam", actor=None, via="screening", expected_from=Status.PENDING)
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED
