"""Terms from the word list: banned ones are near-certain, suspect ones need a person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from netizen.moderation.lexicon import BANNED, Match, Term, default_lexicon
from netizen.moderation.verdict import Flag

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

PHASE = "words"
SCORES = {BANNED: 0.95}
SUSPECT_SCORE = 0.6
BANNED_REASON = "banned_term"
SUSPECT_REASON = "suspect_term"
# After a Latin abbreviation, what makes it the name of something: a number (SB 1047, a
# bill) or its expansion in brackets (TMD（颞下颌关节紊乱）, a jaw disorder).
NAMED_THING = re.compile(r" ?(?:\d{2,}|\()")


def run(state: ScreeningState) -> Iterator[Flag]:
    lexicon = state.context.lexicon
    if lexicon is None:
        lexicon = default_lexicon()
    folded = state.view()
    for match in lexicon.match(folded):
        term = match.term
        banned = term.severity == BANNED
        if not banned and names_a_thing(folded.text, match):
            continue
        yield Flag(
            term.label,
            SCORES.get(term.severity, SUSPECT_SCORE),
            BANNED_REASON if banned else SUSPECT_REASON,
            PHASE,
            span=folded.original_span(match.start, match.end),
            detail=term.text,
        )


def names_a_thing(text: str, match: Match[Term]) -> bool:
    """Whether a suspect abbreviation (sb, tmd) is the name of a bill, a model or a disorder
    rather than abuse: a number or a bracketed expansion follows it."""
    return match.term.text.isascii() and NAMED_THING.match(text, match.end) is not None
