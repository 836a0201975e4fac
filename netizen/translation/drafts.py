"""What a translation backend hands back: a draft, until a person says otherwise.

Machine output must never reach readers as if someone had translated it. A :class:`Draft`
says where it came from (backend and version) and who last touched it; only an editor's
:meth:`~Draft.accept` or :meth:`~Draft.edit` takes it out of the ``machine draft`` state.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

MACHINE_DRAFT = "machine draft"
ACCEPTED = "accepted"
EDITED = "edited"
STATUSES = (MACHINE_DRAFT, ACCEPTED, EDITED)


@dataclass(frozen=True)
class Draft:
    """A translation of ``original`` from ``source`` to ``target`` language, and its standing.

    ``backend_version`` says what produced it: a dictionary release, a model package, or the
    server that answered, so an editor can judge it and a stored quote keeps its provenance.
    """

    text: str
    original: str
    source: str
    target: str
    backend: str
    backend_version: str = ""
    status: str = MACHINE_DRAFT

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status {self.status!r}: choose one of {', '.join(STATUSES)}")

    @property
    def is_draft(self) -> bool:
        """True while no person has accepted or edited the machine's text."""
        return self.status == MACHINE_DRAFT

    @property
    def label(self) -> str:
        """One line to show beside the text, so nobody mistakes it for a finished translation."""
        made_by = ", ".join(part for part in (self.backend, self.backend_version) if part)
        if self.is_draft:
            return f"Machine translation draft ({made_by}): check it before publishing"
        return f"Translation {self.status} by an editor (first draft: {made_by})"

    def accept(self) -> Draft:
        """An editor read the draft and keeps it as it is."""
        return replace(self, status=ACCEPTED)

    def edit(self, text: str) -> Draft:
        """An editor changed the text; an edit that changes nothing counts as accepting."""
        if text == self.text:
            return self.accept()
        return replace(self, text=text, status=EDITED)

    def as_dict(self) -> dict[str, Any]:
        """Plain values for a JSON field or a template."""
        return {**asdict(self), "is_draft": self.is_draft, "label": self.label}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> Draft:
        """The draft stored by :meth:`as_dict`; derived keys are ignored."""
        fields = ("text", "original", "source", "target", "backend", "backend_version", "status")
        return cls(**{name: values[name] for name in fields if name in values})
