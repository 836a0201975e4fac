"""The moderators' queue: which comments each tab lists, how healthy the queue is, and how a
comment's screening verdict reads to a person.

Plain functions over the comments' tables, so the admin views, ``netizen`` commands and tests
share one definition of "pending, riskiest and oldest first" and of "time to decision".
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from django.db.models import Count, F, Min, QuerySet
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from netizen.moderation.verdict import SCREENING_UNAVAILABLE, Flag, Verdict
from netizen.stats import percentile

from .models import Comment, Decision, Reason, Status

#: Who a moderator is: the permission the Moderators group and Editors carry.
MODERATE_PERMISSION = "discussion.moderate_comment"
#: ``Decision.via`` of the decisions taken by the queue (single and bulk).
VIA_QUEUE = "queue"
#: ``Decision.via`` of screening's automatic spam filing: not a person's decision.
VIA_SCREENING = "screening"

PAGE_SIZE = 50
HEALTH_WINDOW = timedelta(days=7)


@dataclass(frozen=True)
class Tab:
    slug: str
    label: str
    status: Status


TABS: dict[str, Tab] = {
    tab.slug: tab
    for tab in (
        Tab("pending", "Pending", Status.PENDING),
        Tab("spam", "Spam", Status.SPAM),
        Tab("approved", "Approved", Status.APPROVED),
        Tab("rejected", "Rejected", Status.REJECTED),
    )
}


def can_moderate(user) -> bool:
    """Moderators, editors and superusers (who hold every permission)."""
    return bool(user and user.is_active and user.has_perm(MODERATE_PERMISSION))


def tab_queryset(tab: str) -> QuerySet[Comment]:
    """The comments a tab lists, in the order a moderator should read them.

    Pending: riskiest first, then the longest waiting. Decided tabs: newest decision first.
    Raises KeyError for an unknown tab.
    """
    status = TABS[tab].status
    comments = Comment.objects.filter(status=status).select_related("story", "duplicate_of")
    if status == Status.PENDING:
        return comments.order_by("-priority", "created_at", "pk")
    return comments.order_by(F("decided_at").desc(nulls_last=True), "-pk")


def tab_counts() -> dict[str, int]:
    """How many comments each tab lists, in one query."""
    by_status = dict(Comment.objects.order_by().values_list("status").annotate(count=Count("pk")))
    return {slug: by_status.get(tab.status, 0) for slug, tab in TABS.items()}


# --- Queue health ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueHealth:
    """How long readers wait: what is waiting now, and how fast people decided lately."""

    pending: int
    oldest_wait: timedelta | None  # None: nothing is waiting
    decided: int  # comments whose first decision by a person fell in the window
    median_to_decision: timedelta | None  # None: nobody decided anything in the window
    p95_to_decision: timedelta | None
    window: timedelta = HEALTH_WINDOW


def times_to_first_decision(since: datetime, until: datetime) -> list[timedelta]:
    """For each comment a person first decided on between ``since`` and ``until``: how long
    it had waited. Screening's automatic spam filing is not a person's decision."""
    rows = (
        Decision.objects.exclude(via=VIA_SCREENING)
        .order_by()
        .values("comment_id", "comment__created_at")
        .annotate(first=Min("created_at"))
        .filter(first__gte=since, first__lte=until)
        .values_list("comment__created_at", "first")
    )
    return [max(first - created, timedelta(0)) for created, first in rows]


def queue_health(now: datetime | None = None) -> QueueHealth:
    now = now or timezone.now()
    pending = Comment.objects.filter(status=Status.PENDING).aggregate(
        count=Count("pk"), oldest=Min("created_at")
    )
    waits = times_to_first_decision(now - HEALTH_WINDOW, now)
    return QueueHealth(
        pending=pending["count"],
        oldest_wait=max(now - pending["oldest"], timedelta(0)) if pending["oldest"] else None,
        decided=len(waits),
        median_to_decision=statistics.median(waits) if waits else None,
        p95_to_decision=percentile(sorted(waits), 95) if waits else None,
    )


def short_duration(duration: timedelta | None) -> str:
    """A wait as a moderator reads it at a glance: "under a minute", "12 min", "3 h", "4 d"."""
    if duration is None:
        return "–"
    minutes = int(duration.total_seconds() // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    hours = minutes // 60
    if hours < 10 and minutes % 60:
        return f"{hours} h {minutes % 60} min"
    if hours < 48:
        return f"{hours} h"
    return f"{hours // 24} d"


# --- What the verdict says, in words ---------------------------------------------------------

LABEL_NAMES = {
    "hate_speech": "Hate speech",
    "obscenity": "Obscenity",
    "personal_attack": "Personal attack",
    "spam": "Spam",
    SCREENING_UNAVAILABLE: "Screening could not finish",
}

# What the screening phases' reason codes mean. Codes not listed here read as their words.
REASON_TEXT = {
    "banned_term": "contains a word on the banned list",
    "suspect_term": "contains a word on the watch list",
    "classifier": "the language model rates it so",
    "classifier_untargeted": "the language model rates it offensive",
    "insult": "insults a person it addresses or names",
    "dehumanising": "speaks of a group of people as less than people",
    "threat": "threatens violence",
    "flood": "several comments from one reader within seconds",
    "rate_limit": "many comments from one reader within the hour",
    "repeat": "the same text was sent before",
    "exact_repeat": "the same text was sent before",
    "near_duplicate": "almost the same text was sent before",
    "cross_post": "the same text was posted under other stories",
    "too_many_links": "more links than a comment usually has",
    "contact_details": "leaves contact details (a messenger id or phone number)",
    "spelt_out_link": "spells out a link so that filters miss it",
    "empty": "has no visible text",
    "too_long": "longer than comments may be",
    "repeated_characters": "one character repeated over and over",
    "context_failed": "screening could not start",
}

SUGGESTIONS = {
    "approve": "Nothing found: approve if it reads well",
    "review": "Review: screening found something to check",
    "reject": "Likely against the policy: reject unless it reads well",
    "spam": "Spam: repeat, flood or advertising",
}

# Which policy reason a label suggests when a moderator rejects.
LABEL_REASONS = {
    "hate_speech": Reason.HATE_SPEECH,
    "obscenity": Reason.OBSCENITY,
    "personal_attack": Reason.PERSONAL_ATTACK,
    "spam": Reason.SPAM,
}


def label_name(label: str) -> str:
    return LABEL_NAMES.get(label, label.replace("_", " ").capitalize())


def reason_text(reason: str) -> str:
    if reason in REASON_TEXT:
        return REASON_TEXT[reason]
    for suffix, text in (("_failed", "failed"), ("_timeout", "ran out of time")):
        if reason.endswith(suffix):
            return f"the {reason.removesuffix(suffix).replace('_', ' ')} check {text}"
    return reason.replace("_", " ")


def score_words(score: float) -> str:
    if score >= 0.9:
        return "very likely"
    if score >= 0.7:
        return "likely"
    if score >= 0.5:
        return "possible"
    if score > 0:
        return "weak signal"
    return "nothing found"


@dataclass(frozen=True)
class FlagReading:
    """One finding as the queue shows it."""

    flag: Flag
    label: str
    reason: str
    likelihood: str
    excerpt: str  # the characters the finding points at; empty without a span

    @property
    def extra_detail(self) -> str:
        """The phase's detail, unless it only repeats the flagged text."""
        detail = self.flag.detail.strip()
        return "" if detail.casefold() == self.excerpt.strip().casefold() else detail

    @property
    def css_label(self) -> str:
        return self.flag.label.replace("_", "-")


def read_flags(body: str, verdict: Verdict | None) -> list[FlagReading]:
    """The verdict's findings, strongest first, each said in words."""
    if verdict is None:
        return []
    readings = []
    for flag in sorted(verdict.flags, key=lambda flag: -flag.score):
        start, end = clip_span(flag.span, len(body)) or (0, 0)
        readings.append(
            FlagReading(
                flag=flag,
                label=label_name(flag.label),
                reason=reason_text(flag.reason),
                likelihood=score_words(flag.score),
                excerpt=body[start:end],
            )
        )
    return readings


def suggested_reason(verdict: Verdict | None) -> str:
    """The policy reason the strongest policy finding points at, to suggest when rejecting."""
    if verdict is None:
        return ""
    flags = [flag for flag in verdict.flags if flag.label in LABEL_REASONS]
    if not flags:
        return ""
    return LABEL_REASONS[max(flags, key=lambda flag: flag.score).label]


# --- Highlighting --------------------------------------------------------------------------


def clip_span(span: tuple[int, int] | None, length: int) -> tuple[int, int] | None:
    """``span`` within a text of ``length`` characters; None when it is empty or missing."""
    if not span:
        return None
    start, end = max(0, int(span[0])), min(length, int(span[1]))
    return (start, end) if start < end else None


def flag_title(flag: Flag) -> str:
    title = f"{label_name(flag.label)}: {reason_text(flag.reason)}"
    return f"{title} ({flag.detail})" if flag.detail else title


def highlight(body: str, flags: list[Flag]) -> SafeString:
    """The comment's text, escaped, with each flagged span in a ``<mark>`` titled with why.

    Overlapping spans are cut at every boundary into flat pieces (marks never nest); a piece
    covered by several findings carries all their titles.
    """
    spans = [(span, flag) for flag in flags if (span := clip_span(flag.span, len(body)))]
    cuts = sorted({0, len(body)} | {edge for span, _ in spans for edge in span})
    pieces = []
    for start, end in pairwise(cuts):
        text = escape(body[start:end])
        covering = [flag for (s, e), flag in spans if s <= start and end <= e]
        if not covering:
            pieces.append(text)
            continue
        labels = list(dict.fromkeys(flag.label for flag in covering))
        classes = " ".join(
            ["queue-mark"]
            + [f"queue-mark--{label.replace('_', '-')}" for label in labels]
            + (["queue-mark--overlap"] if len(covering) > 1 else [])
        )
        title = "; ".join(dict.fromkeys(flag_title(flag) for flag in covering))
        pieces.append(format_html('<mark class="{}" title="{}">{}</mark>', classes, title, text))
    return mark_safe("".join(pieces))  # every piece was escaped above
