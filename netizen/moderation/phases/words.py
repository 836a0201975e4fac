"""Terms from the word list: banned ones are near-certain, suspect ones need a person."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from netizen.moderation.lexicon import BANNED, default_lexicon
from netizen.moderation.verdict import Flag

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

PHASE = "words"
SCORES = {BANNED: 0.95}
SUSPECT_SCORE = 0.6
BANNED_REASON = "banned_term"
SUSPECT_REASON = "suspect_term"


def run(state: ScreeningState) -> Iterator[Flag]:
    lexicon = state.context.lexicon
    if lexicon is None:
        lexicon = default_lexicon()
    folded = state.view()
    for match in lexicon.match(folded):
        term = match.term
        banned = term.severity == BANNED
        yield Flag(
            term.label,
            SCORES.get(term.severity, SUSPECT_SCORE),
            BANNED_REASON if banned else SUSPECT_REASON,
            PHASE,
            span=folded.original_span(match.start, match.end),
            detail=term.text,
        )
