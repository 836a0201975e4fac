"""Screening a stored comment and keeping the verdict with it.

Fails closed: if screening cannot even start (the word list cannot be read, say), the
comment keeps waiting for a person with a ``screening_unavailable`` verdict.
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from netizen.moderation import Action, ScreeningContext, Verdict
from netizen.moderation.context import Policy
from netizen.moderation.pipeline import screen_within, unavailable_verdict
from netizen.moderation.verdict import LABELS, SPAM

from .decisions import DecisionError, decide
from .history import CommentHistory
from .models import Comment, Status
from .terms import current_lexicon

logger = logging.getLogger(__name__)


def checked_thresholds(value: object) -> dict[str, dict[str, float]]:
    """NETIZEN_SCREENING_THRESHOLDS, checked: a typo must not silently leave a default."""
    problem = 'expected {language or "*": {label: number between 0 and 1}}'
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"NETIZEN_SCREENING_THRESHOLDS: {problem}")
    for language, thresholds in value.items():
        if not isinstance(thresholds, dict):
            raise ImproperlyConfigured(f"NETIZEN_SCREENING_THRESHOLDS[{language!r}]: {problem}")
        for label, threshold in thresholds.items():
            if label not in LABELS:
                raise ImproperlyConfigured(
                    f"NETIZEN_SCREENING_THRESHOLDS[{language!r}]: unknown label {label!r} "
                    f"(one of {', '.join(LABELS)})"
                )
            if not isinstance(threshold, int | float) or not 0 < threshold <= 1:
                raise ImproperlyConfigured(
                    f"NETIZEN_SCREENING_THRESHOLDS[{language!r}][{label!r}]: {threshold!r} "
                    "is not a number between 0 and 1"
                )
    return {language: dict(thresholds) for language, thresholds in value.items()}


def policy() -> Policy:
    """The site's policy: its languages, thresholds from NETIZEN_SCREENING_THRESHOLDS, and
    the hosts whose links are never adverts (NETIZEN_TRUSTED_LINK_HOSTS and its own)."""
    configured = checked_thresholds(settings.NETIZEN_SCREENING_THRESHOLDS)
    base = Policy()
    shared = {**base.thresholds, **configured.pop("*", {})}
    own_host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    return Policy(
        languages=tuple(settings.NETIZEN_COMMENT_LANGUAGES),
        thresholds=shared,
        language_thresholds=configured,
        trusted_hosts=tuple(
            host.lower() for host in (*settings.NETIZEN_TRUSTED_LINK_HOSTS, own_host) if host
        ),
    )


def context_for(comment: Comment) -> ScreeningContext:
    rules = policy()
    return ScreeningContext(
        story_id=comment.story_id,
        client=comment.client,
        now=comment.created_at,
        history=CommentHistory(comment, rules),
        lexicon=current_lexicon(),
        policy=rules,
        # Worked out when the comment arrived (submission.submit), both at once.
        fingerprint=comment.fingerprint or None,
        simhash=comment.simhash if comment.fingerprint else None,
    )


def verdict_for(comment: Comment) -> Verdict:
    """Screening's verdict, or one that says screening could not run; never an exception."""
    try:
        context = context_for(comment)
    except Exception as error:
        logger.exception("Could not prepare screening for comment %s", comment.pk)
        return unavailable_verdict("context", "context_failed", type(error).__name__)
    return screen_within(comment.body, context, settings.NETIZEN_SCREENING_DEADLINE_SECONDS)


def duplicate_reference(verdict: Verdict) -> int | None:
    """The earlier comment a repeat flag points at, for the queue's "duplicates" link."""
    for flag in verdict.flags:
        if flag.label == SPAM and flag.ref:
            return flag.ref
    return None


def apply_screening(comment: Comment) -> Verdict:
    """Screen ``comment``, store the verdict, and file a flood or repeat as spam."""
    verdict = verdict_for(comment)
    ref = duplicate_reference(verdict)
    Comment.objects.filter(pk=comment.pk).update(
        language=verdict.language,
        screening=verdict.to_dict(),
        screened_at=timezone.now(),
        suggested_action=str(verdict.action),
        priority=verdict.priority,
        duplicate_of=ref if ref and Comment.objects.filter(pk=ref).exists() else None,
    )
    comment.refresh_from_db()
    if verdict.action == Action.SPAM and comment.status == Status.PENDING:
        try:
            decide(
                comment,
                "spam",
                actor=None,
                via="screening",
                expected_from=Status.PENDING,
                note="; ".join(
                    flag.detail or flag.reason for flag in verdict.flags if flag.label == SPAM
                ),
            )
        except DecisionError:
            logger.warning("Could not file comment %s as spam", comment.pk, exc_info=True)
    return verdict
