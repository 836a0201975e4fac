"""Moderators' decisions: the one way a comment's status changes.

The queue, the bulk actions, ``netizen comments decide`` and screening's spam filing all call
:func:`decide`, so every change leaves the same audit record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Comment, Decision, Reason, Status

ACTIONS: dict[str, Status] = {
    "approve": Status.APPROVED,
    "reject": Status.REJECTED,
    "spam": Status.SPAM,
}


class DecisionError(ValueError):
    """A decision that cannot be taken; the message is meant for the moderator."""


def decide(
    comment: Comment,
    action: str,
    *,
    actor: AbstractBaseUser | None,
    via: str,
    reason: str = "",
    note: str = "",
    expected_from: Status | None = None,
) -> Decision:
    """Move ``comment`` to the status ``action`` names and record who did it and why.

    ``expected_from``: decide only if the comment is still in that status once locked, so an
    automatic decision never overrides a person's that came first.
    """
    if action not in ACTIONS:
        raise DecisionError(f"Unknown action {action!r}; choose one of {', '.join(ACTIONS)}.")
    to_status = ACTIONS[action]
    if reason and reason not in Reason.values:
        raise DecisionError(f"Unknown reason {reason!r}; choose one of {', '.join(Reason.values)}.")
    if to_status == Status.REJECTED and not reason:
        raise DecisionError("Say which part of the policy the comment breaks to reject it.")
    if to_status == Status.SPAM:
        reason = Reason.SPAM
    elif to_status == Status.APPROVED:
        reason = ""

    now = timezone.now()
    try:
        with transaction.atomic():
            current = Comment.objects.select_for_update().get(pk=comment.pk)
            if expected_from and current.status != expected_from:
                raise DecisionError(
                    f"Comment #{comment.pk} is {current.get_status_display().lower()} now, "
                    f"no longer {expected_from.label.lower()}."
                )
            if current.status == to_status and current.reason == reason:
                raise DecisionError(
                    f"Comment #{comment.pk} is already {current.get_status_display().lower()}."
                )
            decision = Decision.objects.create(
                comment=current,
                actor=actor,
                actor_name=actor.get_username() if actor else via,
                via=via,
                from_status=current.status,
                to_status=to_status,
                reason=reason,
                note=note[:500],
                created_at=now,
            )
            current.status, current.reason, current.decided_at = to_status, reason, now
            current.save(update_fields=["status", "reason", "decided_at"])
    except IntegrityError:
        raise DecisionError(
            f"Another copy of comment #{comment.pk} is already pending or approved; "
            "decide on that one instead."
        ) from None
    comment.status, comment.reason, comment.decided_at = to_status, reason, now
    return decision


@dataclass
class BulkResult:
    decided: list[Decision] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)


def decide_many(
    comment_ids: Iterable[int],
    action: str,
    *,
    actor: AbstractBaseUser | None,
    via: str,
    reason: str = "",
) -> BulkResult:
    """Decide on each comment in turn; one comment's error does not stop the others."""
    result = BulkResult()
    ids = list(comment_ids)
    comments = Comment.objects.in_bulk(ids)
    for pk in ids:
        comment = comments.get(pk)
        if comment is None:
            result.errors[pk] = f"Comment #{pk} does not exist."
            continue
        try:
            result.decided.append(decide(comment, action, actor=actor, via=via, reason=reason))
        except DecisionError as error:
            result.errors[pk] = str(error)
    return result
