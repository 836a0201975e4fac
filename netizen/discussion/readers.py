"""A reader's own data: everything we hold under their e-mail address, to give or to erase.

Comments sent without an e-mail address cannot be tied to a reader (we keep no IP address),
so they are out of reach of both; the receipt link is the reader's handle on those.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from .models import Comment


def comments_of(email: str):
    return Comment.objects.filter(email__iexact=email.strip()).select_related("story")


def comment_record(comment: Comment) -> dict[str, Any]:
    """One comment as JSON-ready data, the same shape for exports and listings."""
    return {
        "id": comment.pk,
        "story": comment.story.title,
        "story_url": comment.story.full_url,
        "parent": comment.parent_id,
        "name": comment.author_name,
        "body": comment.body,
        "language": comment.language,
        "status": comment.status,
        "reason": comment.reason,
        "created_at": comment.created_at.isoformat(),
        "decided_at": comment.decided_at.isoformat() if comment.decided_at else None,
    }


def export_reader(email: str) -> dict[str, Any]:
    """What we hold about the reader with this address: their comments and the e-mail."""
    comments = comments_of(email).order_by("created_at")
    return {
        "email": email.strip(),
        "comments": [comment_record(comment) for comment in comments],
    }


def forget_reader(email: str) -> int:
    """Erase the reader's comments, their text and their moderation records. Returns how many.

    Other readers' replies to them stay, shown on their own.
    """
    with transaction.atomic():
        _, deleted = Comment.objects.filter(email__iexact=email.strip()).delete()
    return deleted.get(Comment._meta.label, 0)
