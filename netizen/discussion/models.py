"""Reader comments and the decisions taken on them.

A comment is stored the moment a reader submits it, as pending, before any screening, so
nothing a reader writes is lost when screening breaks. Its status changes only through
:func:`netizen.discussion.decisions.decide`, which writes one :class:`Decision` per change:
the audit trail is append-only.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from netizen.moderation.verdict import LABELS, Verdict

MAX_BODY_LENGTH = 5000
MAX_NAME_LENGTH = 80


class Status(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    SPAM = "spam", "Spam"


# Statuses in which a copy of a text blocks a second copy from the same author or client.
LIVE_STATUSES = (Status.PENDING, Status.APPROVED)


class Reason(models.TextChoices):
    """Why a comment was not approved: the published policy's words, plus two of ours."""

    HATE_SPEECH = "hate_speech", "Hate speech"
    OBSCENITY = "obscenity", "Obscenity"
    PERSONAL_ATTACK = "personal_attack", "Personal attack"
    SPAM = "spam", "Spam"
    OFF_TOPIC = "off_topic", "Off-topic"
    OTHER = "other", "Other"


class CommentQuerySet(models.QuerySet):
    def approved(self) -> CommentQuerySet:
        return self.filter(status=Status.APPROVED)

    def live(self) -> CommentQuerySet:
        return self.filter(status__in=LIVE_STATUSES)


class Comment(models.Model):
    story = models.ForeignKey(
        "stories.StoryPage", on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
        help_text="The top-level comment this one replies to (one level of replies).",
    )
    author_name = models.CharField("name", max_length=MAX_NAME_LENGTH)
    email = models.EmailField(blank=True, help_text="Optional; never shown.")
    body = models.TextField(max_length=MAX_BODY_LENGTH)

    # Duplicate detection: the normalised text's hash, the author's and the client's keys.
    fingerprint = models.CharField(max_length=64, db_index=True)
    simhash = models.BigIntegerField(default=0)
    author_key = models.CharField(
        max_length=64, blank=True, help_text="HMAC of the e-mail address; empty without one."
    )
    client = models.CharField(
        max_length=64, blank=True, db_index=True, help_text="HMAC of the IP address; rotates daily."
    )

    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    reason = models.CharField(max_length=32, choices=Reason.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    # What screening said; empty until it has run.
    language = models.CharField(max_length=16, default="und")
    screening = models.JSONField(default=dict, blank=True)
    screened_at = models.DateTimeField(null=True, blank=True)
    suggested_action = models.CharField(max_length=16, blank=True)
    priority = models.FloatField(default=0.0)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "-priority", "created_at"])]
        constraints = [
            # Concurrent double submits: the database, not a check-then-insert, keeps one copy.
            models.UniqueConstraint(
                fields=["story", "fingerprint", "author_key"],
                condition=Q(status__in=LIVE_STATUSES) & ~Q(author_key=""),
                name="discussion_one_live_copy_per_author",
            ),
            models.UniqueConstraint(
                fields=["story", "fingerprint", "client"],
                condition=Q(status__in=LIVE_STATUSES) & ~Q(client=""),
                name="discussion_one_live_copy_per_client",
            ),
        ]
        permissions = [("moderate_comment", "Can moderate reader comments")]

    def __str__(self) -> str:
        return f"Comment #{self.pk} by {self.author_name} on {self.story_id}"

    def get_absolute_url(self) -> str:
        return f"{self.story.url}#comment-{self.pk}"

    @property
    def verdict(self) -> Verdict | None:
        """The screening verdict, or None while screening has not run."""
        return Verdict.from_dict(self.screening) if self.screening else None


class Decision(models.Model):
    """One change of a comment's status: who, when, from what, to what, and why.

    Decisions are never edited: a later decision supersedes an earlier one.
    """

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="decisions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comment_decisions",
    )
    actor_name = models.CharField(
        max_length=150, help_text="Who decided, kept even if the account is deleted."
    )
    via = models.CharField(max_length=32, help_text="queue, command line or screening")
    from_status = models.CharField(max_length=16, choices=Status.choices)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    reason = models.CharField(max_length=32, choices=Reason.choices, blank=True)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status} by {self.actor_name}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise ValidationError("Decisions are never edited; record a new one instead.")
        super().save(*args, **kwargs)


class ClientSecret(models.Model):
    """The day's random key for hashing IP addresses; old days are deleted, so yesterday's
    hashes can no longer be linked to an address."""

    day = models.DateField(unique=True)
    secret = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"Client key for {self.day}"


class Severity(models.TextChoices):
    BANNED = "banned", "Banned"
    SUSPECT = "suspect", "Suspect"


class ScreeningTerm(models.Model):
    """A word or phrase the screening's word list looks for; operators edit these."""

    term = models.CharField(
        max_length=100,
        help_text="Latin-script terms match whole words; Chinese terms match inside "
        "sentences. Traditional characters are matched by their Simplified form.",
    )
    label = models.CharField(max_length=32, choices=[(label, label) for label in LABELS])
    severity = models.CharField(max_length=16, choices=Severity.choices)
    note = models.CharField(max_length=200, blank=True)
    enabled = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "word list entry"
        verbose_name_plural = "word list"
        ordering = ["label", "term"]
        constraints = [
            models.UniqueConstraint(fields=["term", "label"], name="discussion_term_label_unique")
        ]

    def __str__(self) -> str:
        return f"{self.term} ({self.get_severity_display()} {self.label})"
