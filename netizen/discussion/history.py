"""What screening may know about earlier comments, read from the comments table.

Implements :class:`netizen.moderation.context.History` so the screening library never touches
our tables. Everything is read up front, before screening starts: screening then needs no
database, so it can run under a deadline in a thread of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db.models import Q

from netizen.moderation.context import Policy, SeenComment

from .models import Comment

# The repeat phase compares a comment with at most this many recent ones.
RECENT_LIMIT = 500
# The rate phase needs at most this many of one client's timestamps (above it, it has its
# answer anyway).
CLIENT_LIMIT = 1000


class CommentHistory:
    """The comments sent before ``comment``, spam included (repeats of spam are spam).

    Only earlier ones: screening may run after later comments have arrived, and a comment
    must not be judged by what came after it.
    """

    def __init__(self, comment: Comment, policy: Policy) -> None:
        earlier = Comment.objects.filter(
            Q(created_at__lt=comment.created_at)
            | Q(created_at=comment.created_at, pk__lt=comment.pk)
        )
        repeat_since = comment.created_at - timedelta(hours=policy.repeat_window_hours)
        rows = (
            earlier.filter(created_at__gte=repeat_since)
            .order_by("-created_at", "-pk")
            .values_list("pk", "story_id", "client", "fingerprint", "simhash", "created_at")
        )[:RECENT_LIMIT]
        self.seen = [SeenComment(*row) for row in rows]
        self.client = comment.client
        self.client_times: list[datetime] = []
        if comment.client:
            window = max(timedelta(hours=1), timedelta(seconds=policy.flood_seconds))
            self.client_times = list(
                earlier.filter(client=comment.client, created_at__gte=comment.created_at - window)
                .order_by("-created_at")
                .values_list("created_at", flat=True)[:CLIENT_LIMIT]
            )

    def recent(self, since: datetime) -> Sequence[SeenComment]:
        return [seen for seen in self.seen if seen.created_at >= since]

    def count_from_client(self, client: str, since: datetime) -> int:
        if not client or client != self.client:
            return 0
        return sum(1 for moment in self.client_times if moment >= since)
