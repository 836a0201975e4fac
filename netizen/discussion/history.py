"""What screening may know about earlier comments, read from the comments table.

Implements :class:`netizen.moderation.context.History` so the screening library never touches
our tables itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from netizen.moderation.context import SeenComment

from .models import Comment

# The repeat phase compares a comment with at most this many recent ones.
RECENT_LIMIT = 500


class CommentHistory:
    """Comments other than the one being screened, spam included (repeats of spam are spam)."""

    def __init__(self, exclude_id: int | None = None) -> None:
        self.others = (
            Comment.objects.exclude(pk=exclude_id) if exclude_id else Comment.objects.all()
        )

    def recent(self, since: datetime) -> Sequence[SeenComment]:
        rows = (
            self.others.filter(created_at__gte=since)
            .order_by("-created_at")
            .values_list("pk", "story_id", "client", "fingerprint", "simhash", "created_at")
        )[:RECENT_LIMIT]
        return [SeenComment(*row) for row in rows]

    def count_from_client(self, client: str, since: datetime) -> int:
        if not client:
            return 0
        return self.others.filter(client=client, created_at__gte=since).count()
