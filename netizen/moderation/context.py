"""What screening may know beyond the text: the story, the client, recent comments, policy.

The discussion app builds a :class:`ScreeningContext` for each comment and implements
:class:`History` over its own tables; tests and ``netizen screen`` can pass plain objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from netizen.moderation.lexicon import Lexicon


@dataclass(frozen=True)
class SeenComment:
    """A recent comment as the repeat and rate phases see it: no names, no addresses."""

    comment_id: int
    story_id: int | None
    client: str
    fingerprint: str
    simhash: int
    created_at: datetime


class History(Protocol):
    """Recent comments, as much as the rate and repeat phases need."""

    def recent(self, since: datetime) -> Sequence[SeenComment]:
        """Comments on any story created at or after ``since``, newest first (bounded)."""
        ...

    def count_from_client(self, client: str, since: datetime) -> int:
        """How many comments ``client`` submitted at or after ``since``."""
        ...


class NoHistory:
    """A history with nothing in it: for a first comment, tests and batch screening."""

    def recent(self, since: datetime) -> Sequence[SeenComment]:
        return ()

    def count_from_client(self, client: str, since: datetime) -> int:
        return 0


@dataclass(frozen=True)
class Policy:
    """Numbers an operator may tune; the defaults follow the site's published policy."""

    # A label at or over its threshold is flagged for the moderator's attention.
    thresholds: dict[str, float] = field(
        default_factory=lambda: {
            "hate_speech": 0.5,
            "obscenity": 0.5,
            "personal_attack": 0.5,
            "spam": 0.5,
        }
    )
    # Per language (ISO 639-1, "zh" for both scripts), thresholds that differ from the above:
    # a model is calibrated on its own data, and one language's scores may run higher.
    language_thresholds: dict[str, dict[str, float]] = field(default_factory=dict)
    # A label at or over this score suggests rejection (a moderator still decides).
    reject_at: float = 0.9
    # A spam score at or over this, from a repeat, a flood or a banned offer (not from a
    # language model alone), files the comment as spam straight away (reviewable).
    auto_spam_at: float = 0.95
    # Languages the detector chooses among (ISO 639-1).
    languages: tuple[str, ...] = ("en", "zh")
    max_length: int = 5000
    max_links: int = 2
    # Hosts whose links are never an advert: the site's own, and the sources its readers
    # cite (reuters.com also covers www.reuters.com). The spam model reads a comment
    # without them; it learnt from YouTube comments that any address is a plug.
    trusted_hosts: tuple[str, ...] = ()
    # Rate: more than ``flood_count`` comments from one client within ``flood_seconds``.
    flood_seconds: int = 15
    flood_count: int = 1
    hourly_limit: int = 20
    # Repeat: the window in which the same text on other stories (or many times) is spam.
    repeat_window_hours: int = 24
    repeat_count: int = 3
    # Simhash bits that may differ for "nearly the same" (see moderation.normalise).
    near_duplicate_bits: int = 8
    # Time each phase may take before its result is discarded as unavailable.
    phase_budget_ms: float = 250.0

    def thresholds_for(self, language: str) -> dict[str, float]:
        """The thresholds for a comment in ``language`` ("zh-Hant" uses "zh"'s)."""
        base = language.split("-")[0].lower()
        return {**self.thresholds, **self.language_thresholds.get(base, {})}


@dataclass(frozen=True)
class ScreeningContext:
    story_id: int | None = None
    client: str = ""
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    history: History = field(default_factory=NoHistory)
    lexicon: Lexicon | None = None  # None: the lists shipped with the library
    # The comment's own fingerprint and simhash (see normalise), when the site worked them out
    # as it arrived: the repeat phase then reads them instead of working them out again.
    fingerprint: str | None = None
    simhash: int | None = None
    policy: Policy = field(default_factory=Policy)
