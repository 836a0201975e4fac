"""Labelled comments, whatever their source: a public dataset, our own hand-written cases, or
a moderator's decision. Training and evaluation read only this shape, so a new source of
examples needs a reader and nothing else."""

from __future__ import annotations

from dataclasses import dataclass

from netizen.moderation.verdict import LABELS


@dataclass(frozen=True)
class Example:
    """One comment and what the policy says of it.

    ``labels`` are the policy labels that apply (empty: acceptable); ``known`` are the labels
    the source can speak for. A hate-speech dataset says nothing about spam, so its rows train
    and test the labels it knows, and leave the others alone. ``origin`` names the source
    and the row ("cold/train.csv:12", "decision:345") so a result can be traced back.
    """

    text: str
    language: str  # "en", "zh-Hans" or "zh-Hant"
    labels: frozenset[str]
    known: frozenset[str]
    origin: str

    def __post_init__(self) -> None:
        unknown = (self.labels | self.known) - set(LABELS)
        if unknown:
            raise ValueError(f"{self.origin}: unknown labels {sorted(unknown)}")
        if not self.labels <= self.known:
            raise ValueError(f"{self.origin}: labels {sorted(self.labels)} not all known")

    def says(self, label: str) -> bool | None:
        """True or False when the source speaks for ``label``, else None."""
        return label in self.labels if label in self.known else None
