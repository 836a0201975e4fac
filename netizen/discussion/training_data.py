"""Moderators' decisions as labelled examples, so screening can learn from the people it
advises.

Only a person's decision speaks for the policy: a comment counts when the decision that set
its current status was not screening's own spam filing (screening cannot be taught by its own
guesses). A decision later reversed is superseded: the latest decision is the one used.

What a decision says about the labels:

* approved: a moderator read it and found nothing against the policy, so every label is
  known and none applies;
* rejected as hate speech, obscenity or a personal attack: that label applies; the others
  are unknown, because a moderator names one reason, not all of them;
* spam (the status, or a rejection giving spam as the reason): ``spam`` applies;
* rejected as off-topic or "other": nothing about the labels, so no example.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import F, OuterRef, Subquery

from netizen.moderation.examples import Example
from netizen.moderation.verdict import HATE_SPEECH, LABELS, OBSCENITY, PERSONAL_ATTACK, SPAM

from .models import Decision, Reason, Status
from .queue import VIA_SCREENING

# Comment.language (what screening detected, lower-cased) -> Example.language. Anything else,
# "und" included, is skipped: the models are trained per script.
LANGUAGES: dict[str, str] = {
    "en": "en",
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
}

# Rejection reasons that name a policy label.
LABELLED_REASONS: dict[str, str] = {
    Reason.HATE_SPEECH.value: HATE_SPEECH,
    Reason.OBSCENITY.value: OBSCENITY,
    Reason.PERSONAL_ATTACK.value: PERSONAL_ATTACK,
    Reason.SPAM.value: SPAM,
}

# Rows are streamed in chunks of this many, so memory stays flat on a large archive.
CHUNK_SIZE = 2000


@dataclass(frozen=True)
class DecidedComment:
    """The fields of a comment and of the person's decision that set its status."""

    decision_id: int
    status: str
    reason: str
    body: str
    language: str


def decided_comments() -> Iterator[DecidedComment]:
    """Each comment whose current status a person set, with that (latest) decision.

    One query: the latest decision per comment is picked by a correlated subquery on the
    indexed ``comment_id``, so the cost grows with the number of decisions, not queries.
    """
    latest = (
        Decision.objects.filter(comment_id=OuterRef("comment_id"))
        .order_by("-created_at", "-pk")
        .values("pk")[:1]
    )
    rows = (
        Decision.objects.filter(pk=Subquery(latest))
        .exclude(via=VIA_SCREENING)
        # A status written without a decision (never by decide()) is not a person's word.
        .filter(comment__status=F("to_status"))
        .order_by("pk")
        .values_list("pk", "to_status", "reason", "comment__body", "comment__language")
    )
    for pk, status, reason, body, language in rows.iterator(chunk_size=CHUNK_SIZE):
        yield DecidedComment(pk, status, reason, body, language)


def labels_for(status: str, reason: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(labels, known) that a decision implies, or None when it says nothing about them."""
    if status == Status.APPROVED:
        return frozenset(), frozenset(LABELS)
    if status == Status.SPAM:
        return frozenset({SPAM}), frozenset({SPAM})
    label = LABELLED_REASONS.get(reason) if status == Status.REJECTED else None
    if label is None:
        return None
    return frozenset({label}), frozenset({label})


def example_for(row: DecidedComment) -> Example | str:
    """The row's example, or why it is skipped ("no_label", "language", "empty")."""
    implied = labels_for(row.status, row.reason)
    if implied is None:
        return "no_label"
    language = LANGUAGES.get(row.language.strip().lower())
    if language is None:
        return "language"
    if not row.body.strip():
        return "empty"
    labels, known = implied
    return Example(row.body, language, labels, known, origin=f"decision:{row.decision_id}")


def learned_from_decisions() -> tuple[list[Example], dict[str, Any]]:
    """People's decisions as examples, in the order the decisions were taken, and their
    counts for the training summary (per label and language, and how many decisions were
    skipped and why: enough to judge whether a retrain is worth running), in one pass."""
    examples: list[Example] = []
    total = LabelTally()
    by_language: dict[str, LabelTally] = {}
    skipped: Counter[str] = Counter()
    for row in decided_comments():
        found = example_for(row)
        if isinstance(found, Example):
            examples.append(found)
            total.add(found)
            by_language.setdefault(found.language, LabelTally()).add(found)
        else:
            skipped[found] += 1
    counts = {
        **total.to_dict(),
        "by_language": {
            language: by_language[language].to_dict() for language in sorted(by_language)
        },
        "skipped": dict(sorted(skipped.items())),
    }
    return examples, counts


@dataclass
class LabelTally:
    """Examples counted per label: positive (the label applies) and negative (it does not)."""

    examples: int = 0
    positive: Counter[str] = field(default_factory=Counter)
    negative: Counter[str] = field(default_factory=Counter)

    def add(self, example: Example) -> None:
        self.examples += 1
        for label in example.known:
            (self.positive if label in example.labels else self.negative)[label] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "examples": self.examples,
            "labels": {
                label: {"positive": self.positive[label], "negative": self.negative[label]}
                for label in LABELS
            },
        }
