"""Fold the text once, so every later phase matches lookalike spellings the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from netizen.moderation.normalise import fold

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState


def run(state: ScreeningState) -> None:
    state.folded = fold(state.text)
