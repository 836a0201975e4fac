"""Screening as the behaviour tests ask it: the whole pipeline with no per-phase time
limit (they judge verdicts, not speed), and the parts of a verdict they look at."""

from netizen.moderation.context import Policy, ScreeningContext
from netizen.moderation.evaluation import batch_policy
from netizen.moderation.pipeline import screen
from netizen.moderation.verdict import Flag, Verdict

PATIENT = ScreeningContext(policy=batch_policy(Policy()))


def screened(text: str) -> Verdict:
    return screen(text, PATIENT)


def flagged(text: str) -> set[str]:
    """The labels over the default thresholds: what a moderator is told to look at."""
    return set(screened(text).labels_over(Policy().thresholds))


def found_by(text: str, reason: str) -> list[Flag]:
    """The findings with this reason ("threat", "insult_group"...), at any score."""
    return [flag for flag in screened(text).flags if flag.reason == reason]


def labels_found_by(text: str, reason: str) -> list[str]:
    """The labels of the findings with this reason, at any score."""
    return [flag.label for flag in found_by(text, reason)]
