"""The last step: turn the phases' flags into scores, a suggested action and a priority."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netizen.moderation.phases.classify import PHASE as MODEL_PHASE
from netizen.moderation.verdict import LABELS, SCREENING_UNAVAILABLE, SPAM, Action, Verdict

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

# How far up the queue a comment goes when screening could not finish: above clean comments,
# below ones with clear findings.
UNAVAILABLE_PRIORITY = 0.6


def sure_spam(state: ScreeningState) -> float:
    """The spam score from evidence a moderator would accept at a glance: a repeat, a flood,
    a banned offer. A language model's score alone never files a comment away: to the spam
    model a reader citing a news site ("Source: https://www.reuters.com/...") looks like an
    advert, so such a comment waits in the queue, marked, for a person."""
    return max(
        (flag.score for flag in state.flags if flag.label == SPAM and flag.phase != MODEL_PHASE),
        default=0.0,
    )


def decide(state: ScreeningState) -> Verdict:
    """Suggest an action. ``approve`` means only "nothing found": nothing is auto-approved."""
    policy = state.context.policy
    thresholds = policy.thresholds_for(state.language)
    scores = {label: 0.0 for label in LABELS}
    for flag in state.flags:
        if flag.label in scores:
            scores[flag.label] = max(scores[flag.label], flag.score)
    unavailable = any(flag.label == SCREENING_UNAVAILABLE for flag in state.flags)
    top = max(scores.values())

    if sure_spam(state) >= policy.auto_spam_at:
        action = Action.SPAM
    elif top >= policy.reject_at:
        action = Action.REJECT
    elif unavailable or any(scores[label] >= thresholds[label] for label in LABELS):
        action = Action.REVIEW
    else:
        action = Action.APPROVE

    priority = max(top, UNAVAILABLE_PRIORITY) if unavailable else top
    return Verdict(
        language=state.language,
        action=action,
        priority=round(priority, 4),
        flags=list(state.flags),
        scores={label: round(score, 4) for label, score in scores.items()},
        models=dict(state.models),
    )
