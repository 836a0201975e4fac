"""Taking a reader's comment: store it at once, fold repeats, then screen it in the background.

A repeat of a pending or approved comment (same story, same normalised text, same author or
same client) is answered with the first copy's receipt, never a second comment. The check is
the database's unique constraints, so two submits racing each other still leave one comment.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from netizen.moderation.normalise import fingerprint, simhash
from netizen.stories.models import StoryPage

from .models import Comment, Status
from .tasks import screen_comment


@dataclass(frozen=True)
class Submission:
    comment: Comment
    created: bool  # False: this repeats ``comment``, which already existed


class TooManyComments(Exception):
    """The client has sent more comments in an hour than NETIZEN_COMMENT_HOURLY_LIMIT.

    Below that limit, screening's rate phase flags floods for the moderator instead.
    """


def author_key(name: str, email: str) -> str:
    """Who wrote it, as far as a comment form can tell: the e-mail if given, else the name."""
    identity = (
        f"email:{email.strip().casefold()}" if email.strip() else f"name:{name.strip().casefold()}"
    )
    return hashlib.sha256(identity.encode()).hexdigest()


def reply_parent(story: StoryPage, parent_id: int | None) -> Comment | None:
    """The approved top-level comment a reply belongs under (replies nest one level)."""
    if not parent_id:
        return None
    parent = (
        Comment.objects.approved()
        .filter(story=story, pk=parent_id)
        .select_related("parent")
        .first()
    )
    if parent is None:
        return None
    return parent.parent or parent


def existing_copy(
    story: StoryPage, text_fingerprint: str, author: str, client: str
) -> Comment | None:
    same_source = Q(author_key=author) | (Q(client=client) if client else Q(pk__in=[]))
    return (
        Comment.objects.live()
        .filter(same_source, story=story, fingerprint=text_fingerprint)
        .order_by("created_at")
        .first()
    )


def submit(
    story: StoryPage,
    *,
    name: str,
    email: str,
    body: str,
    client: str,
    parent_id: int | None = None,
) -> Submission:
    """Store a comment as pending and queue its screening, or return the copy we already have."""
    if client and (
        Comment.objects.filter(
            client=client, created_at__gte=timezone.now() - timedelta(hours=1)
        ).count()
        >= settings.NETIZEN_COMMENT_HOURLY_LIMIT
    ):
        raise TooManyComments
    text_fingerprint = fingerprint(body)
    author = author_key(name, email)
    earlier = existing_copy(story, text_fingerprint, author, client)
    if earlier:
        return Submission(earlier, created=False)
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                story=story,
                parent=reply_parent(story, parent_id),
                author_name=name.strip(),
                email=email.strip(),
                body=body,
                fingerprint=text_fingerprint,
                simhash=simhash(body),
                author_key=author,
                client=client,
                status=Status.PENDING,
            )
    except IntegrityError:  # a concurrent submit stored the same comment a moment ago
        earlier = existing_copy(story, text_fingerprint, author, client)
        if earlier is None:
            raise
        return Submission(earlier, created=False)
    transaction.on_commit(lambda: screen_comment.enqueue(comment.pk))
    return Submission(comment, created=True)
