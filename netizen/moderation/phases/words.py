"""Terms from the word list: banned ones are near-certain, suspect ones need a person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from netizen.moderation.lexicon import BANNED, Match, Term, default_lexicon
from netizen.moderation.names import inside_a_name
from netizen.moderation.verdict import Flag

if TYPE_CHECKING:
    from netizen.moderation.normalise import Folded
    from netizen.moderation.pipeline import ScreeningState

PHASE = "words"
SCORES = {BANNED: 0.95}
SUSPECT_SCORE = 0.6
BANNED_REASON = "banned_term"
SUSPECT_REASON = "suspect_term"
# After an abbreviation written in capitals, what makes it the name of something: a number
# after a space (SB 1047, a bill), its expansion in brackets (TMD（颞下颌关节紊乱）, a jaw
# disorder), or the kind of thing it names (TMD战区导弹防御系统, SB法案). Lower case (sb 2333,
# cnm 100遍) and longer terms stay abuse.
NAMED_THING = re.compile(r" \d{2,}|\s?\(|\s?(?:战区|导弹|法案|条例|协议|芯片)")
ABBREVIATION = re.compile(r"[A-Z]{2,4}")


def run(state: ScreeningState) -> Iterator[Flag]:
    lexicon = state.context.lexicon
    if lexicon is None:
        lexicon = default_lexicon()
    folded = state.view()
    for match in lexicon.match(folded):
        term = match.term
        banned = term.severity == BANNED
        if not banned and names_a_thing(state.text, folded, match):
            continue
        if inside_a_name(folded.text, match.start, match.end):
            continue
        yield Flag(
            term.label,
            SCORES.get(term.severity, SUSPECT_SCORE),
            BANNED_REASON if banned else SUSPECT_REASON,
            PHASE,
            span=folded.original_span(match.start, match.end),
            detail=term.text,
        )


def names_a_thing(text: str, folded: Folded, match: Match[Term]) -> bool:
    """Whether a suspect abbreviation (SB, TMD) is the name of a bill, a model or a disorder
    rather than abuse: written in capitals, with a number or a bracketed expansion after, or
    spelt out somewhere in the comment ("SB 指的是 Sales Budget")."""
    start, end = folded.original_span(match.start, match.end)
    letters = text[start:end]  # as the reader wrote it
    if ABBREVIATION.fullmatch(letters) is None:
        return False
    return NAMED_THING.match(folded.text, match.end) is not None or spelt_out(letters, text)


@lru_cache(maxsize=64)  # asked once per abbreviation, not per occurrence ("SB SB SB …")
def spelt_out(letters: str, text: str) -> bool:
    """Whether ``text`` holds capitalised words with these initials: Sales Budget for SB."""
    words = r"[\s-]+".join(rf"{letter}[a-z]+" for letter in letters)
    return re.search(rf"(?<![A-Za-z]){words}(?![a-z])", text) is not None
