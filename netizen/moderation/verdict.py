"""What screening says about one comment: flags with their reasons, and a suggested action.

A verdict is advice for a moderator. Its action is never carried out as an approval: the
``approve`` action only means "nothing found", and the comment still waits for a person.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

HATE_SPEECH = "hate_speech"
OBSCENITY = "obscenity"
PERSONAL_ATTACK = "personal_attack"
SPAM = "spam"
LABELS = (HATE_SPEECH, OBSCENITY, PERSONAL_ATTACK, SPAM)
# The labels for abuse of people, as opposed to spam.
ABUSE = frozenset({HATE_SPEECH, OBSCENITY, PERSONAL_ATTACK})

# Not a policy label: the flag a phase leaves when it failed or ran out of time.
SCREENING_UNAVAILABLE = "screening_unavailable"


class Action(StrEnum):
    APPROVE = "approve"  # nothing found; still reviewed by a person
    REVIEW = "review"  # something a moderator should look at first
    REJECT = "reject"  # likely against the policy; a moderator confirms
    SPAM = "spam"  # a flood or repeat; may be filed as spam at once (reviewable)


@dataclass(frozen=True)
class Flag:
    """One finding: which label, how sure, why, and which characters of the text caused it.

    ``span`` indexes the original text (not the normalised copy), so the queue can highlight
    exactly what the reader wrote. ``ref`` is the id of an earlier comment the finding is
    about (the one this repeats), so the queue can link to it.
    """

    label: str
    score: float
    reason: str
    phase: str
    span: tuple[int, int] | None = None
    detail: str = ""
    ref: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["span"] = list(self.span) if self.span else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Flag:
        span = data.get("span")
        return cls(
            label=data["label"],
            score=float(data["score"]),
            reason=data["reason"],
            phase=data.get("phase", ""),
            span=tuple(span) if span else None,
            detail=data.get("detail", ""),
            ref=data.get("ref"),
        )


@dataclass
class Verdict:
    """The outcome of :func:`~netizen.moderation.screen`."""

    language: str
    action: Action
    priority: float
    flags: list[Flag] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)
    models: dict[str, str] = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)

    @property
    def unavailable(self) -> bool:
        """True when some phase failed, so the verdict is incomplete."""
        return any(flag.label == SCREENING_UNAVAILABLE for flag in self.flags)

    def labels_over(self, thresholds: dict[str, float]) -> list[str]:
        """The policy labels whose score reaches its threshold, in LABELS order."""
        return [
            label for label in LABELS if self.scores.get(label, 0.0) >= thresholds.get(label, 0.5)
        ]

    def reasons(self) -> list[str]:
        """One distinct reason code per finding, in the order they were found."""
        return list(dict.fromkeys(flag.reason for flag in self.flags))

    def to_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "action": str(self.action),
            "priority": self.priority,
            "flags": [flag.to_dict() for flag in self.flags],
            "scores": self.scores,
            "models": self.models,
            "timings_ms": self.timings_ms,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Verdict:
        return cls(
            language=data.get("language", "und"),
            action=Action(data.get("action", Action.REVIEW)),
            priority=float(data.get("priority", 0.0)),
            flags=[Flag.from_dict(flag) for flag in data.get("flags", [])],
            scores={k: float(v) for k, v in data.get("scores", {}).items()},
            models=dict(data.get("models", {})),
            timings_ms=dict(data.get("timings_ms", {})),
        )
