"""Too many comments from one client too quickly: often a script, sometimes a busy reader.

One client can be many readers (a phone network or an office shares one address), so these
flags send a comment to review; they never file it as spam on their own.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from netizen.moderation.verdict import SPAM, Flag

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

PHASE = "rate"
FLOOD_SCORE = 0.8  # flagged for review
RATE_LIMIT_SCORE = 0.9  # suggested for rejection; a moderator decides


def run(state: ScreeningState) -> list[Flag] | None:
    """Counts the client's earlier comments (not this one) in the policy's windows."""
    context = state.context
    client = context.client
    if not client:
        return None
    policy = context.policy
    history = context.history
    recent = history.count_from_client(
        client, context.now - timedelta(seconds=policy.flood_seconds)
    )
    if recent >= policy.flood_count:
        detail = f"{recent} earlier comment(s) from this client in {policy.flood_seconds} s"
        return [Flag(SPAM, FLOOD_SCORE, "flood", PHASE, detail=detail)]
    hourly = history.count_from_client(client, context.now - timedelta(hours=1))
    if hourly >= policy.hourly_limit:
        detail = f"{hourly} earlier comments from this client in the last hour"
        return [Flag(SPAM, RATE_LIMIT_SCORE, "rate_limit", PHASE, detail=detail)]
    return None
