"""Empty, overlong and key-held-down comments: cheap signs of spam or of a broken client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from netizen.moderation.verdict import SPAM, Flag

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

PHASE = "length"
# The same visible character this many times in a row is a flood, not emphasis.
REPEAT_RUN = 30
_RUN = re.compile(rf"(\S)\1{{{REPEAT_RUN - 1},}}")


def run(state: ScreeningState) -> Iterator[Flag]:
    folded = state.view()
    if not folded.text.strip():
        # Nothing a reader could see (whitespace or invisible characters only).
        yield Flag(SPAM, 0.97, "empty", PHASE, detail="no visible text")
        return
    limit = state.context.policy.max_length
    if len(state.text) > limit:
        # Long is not spam by itself: enough to bring it to a moderator's attention.
        yield Flag(
            SPAM,
            0.5,
            "too_long",
            PHASE,
            span=(limit, len(state.text)),
            detail=f"{len(state.text)} characters; the limit is {limit}",
        )
    run_ = _RUN.search(folded.text)
    if run_:
        yield Flag(
            SPAM,
            0.6,
            "repeated_characters",
            PHASE,
            span=folded.original_span(*run_.span()),
            detail=f"{run_.group(1)!r} {run_.end() - run_.start()} times in a row",
        )
