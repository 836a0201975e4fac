"""The forms of the "Sources" admin section: the inbox's search and filters, bulk labelling,
a post's corrections, quoting, and uploading a file to import."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from .importers import AUTO, FORMAT_NAMES
from .importers.column_map import parse_mapping
from .inbox import SORTS, language_choices
from .models import Collection, ImportBatch, Label, Platform, Script, SourcePost

# How many recent import batches the inbox's batch filter offers (feeds add one per poll).
RECENT_BATCHES = 50

FORMAT_LABELS = {
    AUTO: "Detect from the file",
    "weibo": "Weibo (Weibo-COV CSV, WeiboSpider JSON lines, crawler CSV/JSON)",
    "x": "X / Twitter account archive (tweets.js)",
    "mastodon": "Mastodon account archive (outbox.json)",
    "telegram": "Telegram Desktop export (result.json)",
    "feed": "RSS or Atom feed (a saved file)",
    "csv": "CSV with a column mapping",
    "jsonl": "JSON lines with a column mapping",
}
ENCODINGS = [
    ("utf-8-sig", "UTF-8"),
    ("gb18030", "GB18030 (GBK, mainland Chinese Windows)"),
    ("big5", "Big5 (Traditional Chinese Windows)"),
]


class InboxFilterForm(forms.Form):
    """The inbox's GET parameters. Invalid values are dropped rather than shown as errors:
    a stale bookmark still opens the inbox."""

    q = forms.CharField(
        required=False,
        label="Search",
        widget=forms.SearchInput(
            attrs={"placeholder": "Words in the post: 遣返, 遣返脫北者, human rights…"}
        ),
    )
    platform = forms.ChoiceField(required=False, choices=[("", "All platforms"), *Platform.choices])
    language = forms.ChoiceField(required=False)
    posted_from = forms.DateField(
        required=False, label="Posted from", widget=forms.DateInput(attrs={"type": "date"})
    )
    posted_to = forms.DateField(
        required=False, label="Posted until", widget=forms.DateInput(attrs={"type": "date"})
    )
    author = forms.CharField(
        required=False, label="Author", widget=forms.TextInput(attrs={"placeholder": "@handle"})
    )
    label = forms.ModelChoiceField(Label.objects.all(), required=False, empty_label="Any label")
    collection = forms.ModelChoiceField(
        Collection.objects.all(), required=False, empty_label="Any collection"
    )
    batch = forms.ModelChoiceField(
        ImportBatch.objects.none(), required=False, label="Import batch", empty_label="Any import"
    )
    sort = forms.ChoiceField(
        required=False, choices=[(key, label) for key, (label, _) in SORTS.items()]
    )
    copies = forms.ChoiceField(
        required=False,
        choices=[("fold", "Fold copies under the first post"), ("list", "List every copy")],
    )
    group = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    #: The filters that narrow the list (as opposed to search, sort and folding).
    FILTERS = ("platform", "language", "posted_from", "posted_to", "author", "label",
               "collection", "batch")  # fmt: skip

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["language"].choices = [("", "All languages"), *language_choices()]
        # The latest imports, and the one asked for (a link from an older import's record).
        offered = list(
            ImportBatch.objects.order_by("-started_at", "-pk").values_list("pk", flat=True)[
                :RECENT_BATCHES
            ]
        )
        asked = str((data or {}).get("batch", ""))
        if asked.isascii() and asked.isdigit() and len(asked) < 19:
            offered.append(int(asked))
        self.fields["batch"].queryset = ImportBatch.objects.filter(pk__in=offered).order_by(
            "-started_at", "-pk"
        )
        self.fields["batch"].label_from_instance = batch_label

    def params(self) -> dict[str, Any]:
        """The valid parameters, for :func:`netizen.sources.inbox.inbox_queryset`."""
        self.is_valid()
        data = {
            name: value
            for name, value in getattr(self, "cleaned_data", {}).items()
            if value not in (None, "")
        }
        # A field with a bad value is left out rather than spoiling the whole search.
        for name in self.errors:
            data.pop(name, None)
        data["fold"] = data.pop("copies", "fold") != "list"
        return data

    def active_filters(self) -> int:
        data = self.params()
        return sum(1 for name in self.FILTERS if data.get(name))


def batch_label(batch: ImportBatch) -> str:
    return f"#{batch.pk} {batch.format}: {batch.source[:40]} ({batch.started_at:%Y-%m-%d})"


class PostIdsField(forms.Field):
    """The ticked posts' ids, in order, without repeats; anything else is refused."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else ([value] if value else [])
        ids: list[int] = []
        for item in values:
            item = str(item)
            if not (item.isascii() and item.isdigit()) or len(item) > 18:
                raise ValidationError("The selection was not understood; reload the inbox.")
            if int(item) not in ids:
                ids.append(int(item))
        if not ids:
            raise ValidationError("Tick at least one post first.")
        return ids


class BulkForm(forms.Form):
    ACTIONS = {
        "add_label": "Add label",
        "remove_label": "Remove label",
        "add_to_collection": "Add to collection",
    }

    ids = PostIdsField()
    action = forms.ChoiceField(choices=list(ACTIONS.items()))
    label = forms.ModelChoiceField(Label.objects.all(), required=False, empty_label="Label…")
    collection = forms.ModelChoiceField(
        Collection.objects.all(), required=False, empty_label="Collection…"
    )
    new_collection = forms.CharField(
        max_length=200,
        required=False,
        label="or a new collection",
        widget=forms.TextInput(attrs={"placeholder": "New collection name"}),
    )

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action in ("add_label", "remove_label") and not data.get("label"):
            raise ValidationError("Choose the label to add or remove. Nothing was changed.")
        if action == "add_to_collection":
            name = (data.get("new_collection") or "").strip()
            data["new_collection"] = name
            if not data.get("collection") and not name:
                raise ValidationError(
                    "Choose a collection or type a name for a new one. Nothing was changed."
                )
        return data

    def problem(self) -> str:
        return " ".join(str(error) for errors in self.errors.values() for error in errors)


class LanguageForm(forms.Form):
    """An editor's correction of a post's language; detection's answer stays on record."""

    language = forms.ChoiceField(label="Language")

    def __init__(self, *args, current: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices(extra=[current])

    def language_and_script(self) -> tuple[str, str]:
        language, _, script = self.cleaned_data["language"].partition("-")
        if script not in Script.values:
            script = ""
        return language, script


class PostTagsForm(forms.ModelForm):
    class Meta:
        model = SourcePost
        fields = ["labels", "collections"]
        widgets = {
            "labels": forms.CheckboxSelectMultiple,
            "collections": forms.CheckboxSelectMultiple,
        }


class QuoteForm(forms.Form):
    story = forms.ModelChoiceField(
        queryset=None,
        label="Story",
        empty_label="Choose a story draft…",
        help_text="Stories you may edit. The quote goes to the end of the story's latest draft; "
        "nothing is published.",
    )

    def __init__(self, *args, stories: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["story"].queryset = stories
        self.fields["story"].label_from_instance = story_label

    def has_stories(self) -> bool:
        return self.fields["story"].queryset.exists()


def story_label(story) -> str:
    state = "live" if getattr(story, "live", False) else "draft"
    if getattr(story, "has_unpublished_changes", False) and state == "live":
        state = "live, with unpublished changes"
    return f"{story.title} ({state})"


class ImportForm(forms.Form):
    file = forms.FileField(label="File", help_text="An export file, read as it uploads.")
    format = forms.ChoiceField(
        choices=[(name, FORMAT_LABELS[name]) for name in (AUTO, *FORMAT_NAMES)], initial=AUTO
    )
    handle = forms.CharField(
        required=False,
        max_length=200,
        label="X account handle",
        help_text="X archives do not name their owner: the @handle, for authors and links.",
    )
    name = forms.CharField(
        required=False, max_length=200, label="X display name", help_text="Optional."
    )
    channel = forms.CharField(
        required=False,
        max_length=200,
        label="Telegram channel",
        help_text="The channel's public username, for t.me links.",
    )
    parent_id = forms.CharField(
        required=False,
        max_length=200,
        label="Weibo post the comments are on",
        help_text="WeiboSpider comment and repost files do not name the post: its id or bid.",
    )
    user_id = forms.CharField(
        required=False,
        max_length=200,
        label="Weibo user id",
        help_text="weibo-crawler timeline CSVs have no author column: whose timeline it is.",
    )
    include_private = forms.BooleanField(
        required=False,
        label="Mastodon: also followers-only posts and direct messages",
    )
    mapping = forms.CharField(
        required=False,
        label="Column mapping (CSV, JSON lines)",
        widget=forms.Textarea(
            attrs={
                "rows": 4,
                "placeholder": "text=content\nposted_at=created\nengagement.likes=likes",
            }
        ),
        help_text="One field=column a line. Left empty, columns with usual names (text, id, "
        "created_at, author…) are found by themselves.",
    )
    platform = forms.ChoiceField(
        choices=Platform.choices,
        initial=Platform.OTHER,
        label="Platform (CSV, JSON lines)",
    )
    timezone = forms.CharField(
        required=False,
        max_length=64,
        label="Time zone (CSV, JSON lines)",
        help_text="For times written without a zone, e.g. Asia/Shanghai. Empty: UTC.",
        widget=forms.TextInput(attrs={"list": "timezones", "autocomplete": "off"}),
    )
    encoding = forms.ChoiceField(
        choices=ENCODINGS, initial="utf-8-sig", label="Text encoding (CSV files)"
    )

    def clean_file(self):
        """Uploads run inside the request; a file too big for that goes through the shell."""
        upload = self.cleaned_data["file"]
        limit = settings.NETIZEN_UPLOAD_MAX_MB
        if upload.size > limit * 2**20:
            raise ValidationError(
                f"This file is over {limit} MB. Import it on the server instead, with "
                "netizen sources import FORMAT PATH, which shows its progress."
            )
        return upload

    def clean_mapping(self) -> dict[str, str] | None:
        try:
            return parse_mapping((self.cleaned_data.get("mapping") or "").splitlines()) or None
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def clean_timezone(self) -> str | None:
        name = (self.cleaned_data.get("timezone") or "").strip()
        if not name:
            return None
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValidationError(
                f"{name!r} is not a time zone; write e.g. Asia/Shanghai."
            ) from None
        return name

    def clean_handle(self) -> str:
        return self.cleaned_data["handle"].strip().lstrip("@")

    #: The importer options the form offers; each format takes those it knows.
    OPTIONS = ("handle", "name", "channel", "parent_id", "user_id", "include_private",
               "mapping", "platform", "timezone", "encoding")  # fmt: skip

    def options(self) -> dict[str, Any]:
        """The importer options; :func:`~netizen.sources.importers.options_for` keeps those
        that apply to the format the file turns out to be."""
        return {name: self.cleaned_data[name] for name in self.OPTIONS}


def timezone_names() -> list[str]:
    return sorted(available_timezones())
