"""The inbox of what netizens post: each post verbatim, with where and when it came from.

A post is unique per platform and platform id, so importing the same export twice adds
nothing. Copies and near-copies (reposts, copy-paste campaigns) share a ``cluster``: the
earliest imported post of the group, which the inbox shows once with a count.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify

from .search import index_new_posts


def language_tag(language: str, script: str) -> str:
    """BCP-47 for a post's language and script: "zh-Hant", "en", "und"."""
    if script and language != "und":
        return f"{language}-{script}"
    return language or "und"


class Platform(models.TextChoices):
    WEIBO = "weibo", "Weibo"
    X = "x", "X (Twitter)"
    MASTODON = "mastodon", "Mastodon"
    TELEGRAM = "telegram", "Telegram"
    FEED = "feed", "RSS/Atom feed"
    OTHER = "other", "Other"


class Script(models.TextChoices):
    NONE = "", "—"
    SIMPLIFIED = "Hans", "Simplified Chinese"
    TRADITIONAL = "Hant", "Traditional Chinese"


class ImportBatch(models.Model):
    """One run of an importer: what was read, by whom, and what became of each record."""

    format = models.CharField(max_length=16)
    source = models.CharField(max_length=500, help_text="File name or feed address.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    imported = models.PositiveIntegerField(default=0)
    duplicates = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    errors = models.PositiveIntegerField(default=0)
    problems = models.JSONField(
        default=list, blank=True, help_text="The first bad records: position and reason."
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return f"{self.format} import of {self.source} ({self.started_at:%Y-%m-%d %H:%M})"


class Label(models.Model):
    """A tag editors put on posts, such as a stance: "supports repatriation"."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:100]
        super().save(*args, **kwargs)


class Collection(models.Model):
    """Posts gathered for one story."""

    name = models.CharField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    story = models.ForeignKey(
        "stories.StoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="source_collections",
        help_text="The story these posts are for, if it exists yet.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SourcePost(models.Model):
    platform = models.CharField(max_length=16, choices=Platform.choices)
    platform_id = models.CharField(max_length=200)
    url = models.URLField(max_length=1000, blank=True)
    author_handle = models.CharField(max_length=200, blank=True, db_index=True)
    author_name = models.CharField(max_length=200, blank=True)
    text = models.TextField(help_text="The post as written, verbatim.")
    html = models.TextField(blank=True, help_text="Sanitised HTML, where the source had HTML.")
    language = models.CharField(max_length=16, default="und")
    language_detected = models.CharField(
        max_length=16, default="und", help_text="What detection said, kept after a correction."
    )
    script = models.CharField(max_length=4, choices=Script.choices, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True, db_index=True)
    kind = models.CharField(max_length=16, default="post")
    parent_id = models.CharField(max_length=200, blank=True)
    engagement = models.JSONField(default=dict, blank=True)
    engagement_total = models.PositiveBigIntegerField(default=0, db_index=True)
    media = models.JSONField(default=list, blank=True)
    raw = models.JSONField(default=dict, help_text="The source record as imported, verbatim.")
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    imported_at = models.DateTimeField(default=timezone.now)
    fingerprint = models.CharField(
        max_length=64, help_text="Equal for copies of one text (see text.py)."
    )
    cluster = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        db_index=False,  # the (cluster, posted_at) index serves lookups by cluster
        help_text="The first post of its group of copies; null for a post that starts one.",
    )
    search_text = models.TextField(blank=True, help_text="Folded words and characters, indexed.")
    labels = models.ManyToManyField(Label, blank=True, related_name="posts")
    collections = models.ManyToManyField(Collection, blank=True, related_name="posts")

    class Meta:
        ordering = ["-posted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "platform_id"], name="sources_one_post_per_platform_id"
            )
        ]
        indexes = [
            models.Index(fields=["cluster", "posted_at"]),
            # An import looks up the head of each copy group: fingerprint = ? AND cluster IS
            # NULL. With the fingerprint alone, SQLite walks every group head instead.
            models.Index(fields=["fingerprint", "cluster"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} post {self.platform_id} by {self.author_handle}"

    def save(self, *args, **kwargs) -> None:
        """Saving a new post puts it in the search index (imports index whole chunks)."""
        adding = self._state.adding
        super().save(*args, **kwargs)
        if adding:
            index_new_posts(self.pk)

    @property
    def language_tag(self) -> str:
        return language_tag(self.language, self.script)


class Feed(models.Model):
    """An RSS or Atom feed the background worker polls into the inbox."""

    url = models.URLField(max_length=1000, unique=True)
    title = models.CharField(max_length=200, blank=True)
    active = models.BooleanField(default=True)
    poll_minutes = models.PositiveIntegerField(default=60)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    etag = models.CharField(max_length=200, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["title", "url"]

    def __str__(self) -> str:
        return self.title or self.url
