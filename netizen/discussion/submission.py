"""Taking a reader's comment: store it at once, fold repeats, then screen it in the background.

A repeat of a pending or approved comment (same story, same normalised text, same e-mail
address or same client) is answered with the first copy's receipt, never a second comment.
The check is the database's unique constraints, so two submits racing each other still
leave one comment.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from netizen.moderation.decide import UNAVAILABLE_PRIORITY
from netizen.moderation.normalise import fingerprint_of, fold, simhash_of
from netizen.stories.models import StoryPage

from .models import Comment, Status
from .tasks import screen_comment

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Submission:
    comment: Comment
    created: bool  # False: this repeats ``comment``, which already existed


class TooManyComments(Exception):
    """The client has sent more comments in an hour than NETIZEN_COMMENT_HOURLY_LIMIT.

    Below that limit, screening's rate phase flags floods for the moderator instead.
    """


def author_key(email: str) -> str:
    """The reader behind an e-mail address, keyed so the table cannot be searched for one;
    empty without an address (a name alone is not an identity: two readers called "Guest")."""
    address = email.strip().casefold()
    if not address:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


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
    """A pending or approved copy of this text on this story from the same reader or client."""
    same_source = Q(pk__in=[])
    if author:
        same_source |= Q(author_key=author)
    if client:
        same_source |= Q(client=client)
    return (
        Comment.objects.live()
        .filter(same_source, story=story, fingerprint=text_fingerprint)
        .order_by("created_at")
        .first()
    )


def over_hourly_limit(client: str) -> bool:
    if not client:
        return False
    hour_ago = timezone.now() - timedelta(hours=1)
    sent = Comment.objects.filter(client=client, created_at__gte=hour_ago).count()
    return sent >= settings.NETIZEN_COMMENT_HOURLY_LIMIT


def queue_screening(comment_id: int) -> None:
    """Queue screening; if the queue is down the comment still waits, unscreened, for a
    person (and ``netizen comments rescreen`` screens it later)."""
    try:
        screen_comment.enqueue(comment_id)
    except Exception:
        logger.exception("Could not queue screening for comment %s", comment_id)


def submit(
    story: StoryPage,
    *,
    name: str,
    email: str,
    body: str,
    client: str,
    parent_id: int | None = None,
) -> Submission:
    """Store a comment as pending and queue its screening, or return the copy we already have.

    A repeat is answered before the hourly limit is applied, so a reader who pressed "send"
    twice always gets the first receipt.
    """
    folded = fold(body, mapped=False)  # once, for both the fingerprint and the simhash
    text_fingerprint = fingerprint_of(folded)
    author = author_key(email)
    earlier = existing_copy(story, text_fingerprint, author, client)
    if earlier:
        return Submission(earlier, created=False)
    if over_hourly_limit(client):
        raise TooManyComments
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                story=story,
                parent=reply_parent(story, parent_id),
                author_name=name.strip(),
                email=email.strip(),
                body=body,
                fingerprint=text_fingerprint,
                simhash=simhash_of(folded),
                author_key=author,
                client=client,
                status=Status.PENDING,
                # Unscreened comments sort with those screening could not judge, not last.
                priority=UNAVAILABLE_PRIORITY,
            )
    except IntegrityError:  # a concurrent submit stored the same comment a moment ago
        earlier = existing_copy(story, text_fingerprint, author, client)
        if earlier is None:
            raise
        return Submission(earlier, created=False)
    transaction.on_commit(lambda: queue_screening(comment.pk))
    return Submission(comment, created=True)
