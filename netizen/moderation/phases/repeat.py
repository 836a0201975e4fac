"""The same text again: on other stories, or many times over, it is spam.

"The same" is :func:`~netizen.moderation.normalise.fingerprint` (equal after folding);
"nearly the same" is a simhash a few bits away. Short texts ("Great article!", "同意") are
common enough that different readers write them independently: for them near-duplicates are
not looked for, and an exact repeat by another client is only brought to a moderator's
attention (score 0.6) instead of being filed as spam.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import TYPE_CHECKING

import numpy as np

from netizen.moderation.context import SeenComment
from netizen.moderation.normalise import fingerprint_of, fold, simhash_of
from netizen.moderation.verdict import SPAM, Flag

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

PHASE = "repeat"
# Folded characters (whitespace aside) below which a text counts as short.
SHORT = 20
SURE = 0.97
SHORT_SCORE = 0.6
# How many earlier comment ids a flag's detail names.
NAMED = 5


def _ids(seen: Sequence[SeenComment]) -> str:
    ids = ", ".join(f"#{s.comment_id}" for s in seen[:NAMED])
    more = f" and {len(seen) - NAMED} more" if len(seen) > NAMED else ""
    return f"comment{'s' if len(seen) > 1 else ''} {ids}{more}"


def within(shape: int, seen: Sequence[SeenComment], bits: int) -> list[SeenComment]:
    """The comments whose simhash is at most ``bits`` from ``shape`` (vectorised: the
    history holds hundreds of comments)."""
    hashes = np.array([s.simhash for s in seen], dtype=np.int64)
    distances = np.bitwise_count(hashes ^ np.int64(shape))
    return [seen[i] for i in np.flatnonzero(distances <= bits).tolist()]


def run(state: ScreeningState) -> list[Flag] | None:
    context = state.context
    policy = context.policy
    seen = context.history.recent(context.now - timedelta(hours=policy.repeat_window_hours))
    if not seen:
        return None
    folded = state.folded if state.folded is not None and state.folded.simplified else None
    folded = folded or fold(state.text)
    short = len("".join(folded.text.split())) < SHORT
    print_ = context.fingerprint or fingerprint_of(folded)
    same = [s for s in seen if s.fingerprint == print_]
    near: list[SeenComment] = []
    if not short:
        shape = simhash_of(folded) if context.simhash is None else context.simhash
        close = within(shape, seen, policy.near_duplicate_bits)
        near = [s for s in close if s.fingerprint != print_]

    def elsewhere(s: SeenComment) -> bool:
        return context.story_id is not None and s.story_id != context.story_id

    def own(s: SeenComment) -> bool:
        return bool(context.client) and s.client == context.client

    def score(repeats: list[SeenComment], needed: int) -> float:
        """Certain for a long text; for a short one, only when this client repeats itself."""
        return SURE if not short or sum(map(own, repeats)) >= needed else SHORT_SCORE

    flags = []
    copies = [s for s in same if elsewhere(s)]
    # The client's own copy first: for a short text that is the one that counts.
    across = next((s for s in copies if own(s)), copies[0] if copies else None)
    if across:
        flags.append(
            Flag(
                SPAM,
                score([across], 1),
                "repeat_across_stories",
                PHASE,
                detail=f"same as {_ids([across])} on another story",
                ref=across.comment_id,
            )
        )
    repeats = sorted(same + near, key=lambda s: s.created_at, reverse=True)
    if len(repeats) >= policy.repeat_count:
        flags.append(
            Flag(
                SPAM,
                score(repeats, policy.repeat_count),
                "repeat_flood",
                PHASE,
                detail=f"same as {_ids(repeats)} in the last {policy.repeat_window_hours} h",
                ref=repeats[0].comment_id,
            )
        )
    elif not across:
        similar = next((s for s in near if elsewhere(s)), None)
        if similar:
            flags.append(
                Flag(
                    SPAM,
                    0.7,
                    "near_duplicate",
                    PHASE,
                    detail=f"nearly the same as {_ids([similar])} on another story",
                    ref=similar.comment_id,
                )
            )
    return flags
