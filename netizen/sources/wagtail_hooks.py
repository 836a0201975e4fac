"""The "Sources" section of Wagtail's admin: the inbox, importing, collections, labels, feeds
and the record of imports.

The inbox follows SourcePost's model permissions (view to read, change to label, correct and
quote); the other screens follow their own models' permissions. Migration 0003 gives them to
Editors and Authors. Posts are deliberately not a generic ModelViewSet: they are never created
or deleted by hand, only imported.
"""

from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Count
from django.urls import path, reverse, reverse_lazy
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from .admin_views import IMPORT, READ, CollectionOverview, allowed
from .models import Collection, Feed, ImportBatch, Label
from .tasks import poll_feed

SOURCES_BREADCRUMBS = [
    {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
    {"url": reverse_lazy("sources:inbox"), "label": "Sources"},
]


def inbox_link(text: str, **params) -> str:
    query = "&".join(f"{name}={value}" for name, value in params.items())
    return format_html('<a href="{}?{}">{}</a>', reverse("sources:inbox"), query, text)


class SourcesMixin:
    """Breadcrumbs through the Sources section, like the inbox's own pages."""

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(breadcrumbs_items=SOURCES_BREADCRUMBS, **kwargs)


# --- The inbox and the import form ----------------------------------------------------------


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return allowed(request.user, READ)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return allowed(request.user, IMPORT)


class InboxViewSet(ViewSet):
    """The inbox's own views (admin_urls.py) under ``/admin/sources/``."""

    name = "sources"
    icon = "openquote"
    menu_label = "Inbox"
    menu_item_class = InboxMenuItem

    def get_urlpatterns(self):
        from .admin_urls import urlpatterns

        return urlpatterns

    @property
    def menu_url(self):
        return reverse("sources:inbox")


class ImportMenuViewSet(ViewSet):
    """Only a menu entry: the import form lives with the inbox's views."""

    name = "sources_import"
    icon = "upload"
    menu_label = "Import a file"
    menu_item_class = ImportMenuItem

    def get_urlpatterns(self):
        return []

    @property
    def menu_url(self):
        return reverse("sources:import")


# --- Collections --------------------------------------------------------------------------


class CollectionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("story").annotate(post_count=Count("posts"))
        )


class CollectionViewSet(SourcesMixin, ModelViewSet):
    model = Collection
    name = "source_collections"
    url_prefix = "sources/collections"
    icon = "folder-open-inverse"
    menu_label = "Collections"
    index_view_class = CollectionIndexView
    inspect_view_enabled = True
    inspect_view_class = CollectionOverview
    copy_view_enabled = False
    list_display = [
        "name",
        Column("story", label="Story", accessor=lambda c: c.story.title if c.story else "—"),
        Column(
            "post_count",
            label="Posts",
            accessor=lambda c: format_html(
                '<a href="{}">{} · overview</a>',
                reverse("source_collections:overview", args=[c.pk]),
                c.post_count,
            ),
            sort_key="post_count",
        ),
        DateColumn("created_at", label="Created", sort_key="created_at"),
    ]
    search_fields = ["name", "description"]
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("story")]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/overview/", self.inspect_view, name="overview"),
        ]


# --- Labels -------------------------------------------------------------------------------


class LabelIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(post_count=Count("posts"))


class LabelViewSet(SourcesMixin, ModelViewSet):
    model = Label
    name = "source_labels"
    url_prefix = "sources/labels"
    icon = "tag"
    menu_label = "Labels"
    index_view_class = LabelIndexView
    copy_view_enabled = False
    list_display = [
        "name",
        "description",
        Column(
            "post_count",
            label="Posts",
            accessor=lambda label: inbox_link(f"{label.post_count} in the inbox", label=label.pk),
            sort_key="post_count",
        ),
    ]
    search_fields = ["name", "description"]
    form_fields = ["name", "description"]


# --- Feeds --------------------------------------------------------------------------------


def schedule_poll(feed: Feed) -> None:
    """Poll a saved feed once the save is committed; the task books the polls after it."""
    if feed.active:
        transaction.on_commit(lambda: poll_feed.enqueue(feed.pk))


class FeedCreateView(generic.CreateView):
    def save_instance(self):
        feed = super().save_instance()
        schedule_poll(feed)
        return feed


class FeedEditView(generic.EditView):
    def save_instance(self):
        feed = super().save_instance()
        schedule_poll(feed)
        return feed


class FeedViewSet(SourcesMixin, ModelViewSet):
    model = Feed
    name = "source_feeds"
    url_prefix = "sources/feeds"
    icon = "link"
    menu_label = "Feeds"
    add_view_class = FeedCreateView
    edit_view_class = FeedEditView
    copy_view_enabled = False
    list_display = [
        "__str__",
        "url",
        BooleanColumn("active", label="Active", sort_key="active"),
        Column("poll_minutes", label="Every (minutes)", sort_key="poll_minutes"),
        DateColumn("last_polled_at", label="Last polled", sort_key="last_polled_at"),
        Column("last_error", label="Last error", accessor=lambda feed: feed.last_error or "—"),
    ]
    list_filter = ["active"]
    search_fields = ["title", "url"]
    panels = [
        FieldPanel("url", heading="Feed address (RSS or Atom)"),
        FieldPanel("title"),
        FieldPanel("active", heading="Poll this feed"),
        FieldPanel("poll_minutes", heading="Poll every (minutes)"),
        FieldPanel("last_polled_at", heading="Last polled", read_only=True),
        FieldPanel("last_error", heading="Last error", read_only=True),
    ]


# --- Import batches -----------------------------------------------------------------------


class ImportBatchIndexView(generic.IndexView):
    default_ordering = "-started_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("created_by")

    def get_header_buttons(self):
        buttons = list(super().get_header_buttons())
        if allowed(self.request.user, IMPORT):
            buttons.append(
                HeaderButton("Import a file", url=reverse("sources:import"), icon_name="upload")
            )
        return buttons


class ImportBatchInspectView(generic.InspectView):
    template_name = "sources/admin/batch.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["inbox_url"] = f"{reverse('sources:inbox')}?batch={self.object.pk}&copies=list"
        return context


class ImportBatchViewSet(SourcesMixin, ModelViewSet):
    """The record of imports: read only, newest first."""

    model = ImportBatch
    name = "source_batches"
    url_prefix = "sources/imports"
    icon = "history"
    menu_label = "Import history"
    index_view_class = ImportBatchIndexView
    inspect_view_class = ImportBatchInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        Column("__str__", label="Import", accessor=lambda b: f"#{b.pk} {b.format}: {b.source}"),
        DateColumn("started_at", label="Started", sort_key="started_at"),
        Column("created_by", label="By", accessor=lambda b: b.created_by or "feed poller"),
        Column("imported", label="Imported", sort_key="imported"),
        Column("duplicates", label="Duplicates", sort_key="duplicates"),
        Column("skipped", label="Skipped", sort_key="skipped"),
        Column("errors", label="Errors", sort_key="errors"),
        Column(
            "posts",
            label="Posts",
            accessor=lambda b: inbox_link("in the inbox", batch=b.pk, copies="list"),
        ),
    ]
    list_filter = ["format"]
    search_fields = ["source"]

    def get_common_view_kwargs(self, **kwargs):
        # Batches are made by importing, never by hand: no add, edit or delete views.
        return {
            **super().get_common_view_kwargs(**kwargs),
            "add_url_name": None,
            "edit_url_name": None,
            "delete_url_name": None,
        }

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]


class SourcesViewSetGroup(ViewSetGroup):
    menu_label = "Sources"
    menu_icon = "openquote"
    menu_order = 255  # after Newsroom (250), before Moderation (260)
    items = (
        InboxViewSet,
        ImportMenuViewSet,
        CollectionViewSet,
        LabelViewSet,
        FeedViewSet,
        ImportBatchViewSet,
    )


@hooks.register("register_admin_viewset")
def register_sources():
    return SourcesViewSetGroup()


@hooks.register("register_permissions")
def source_post_permissions():
    """Lets administrators give the inbox to a group in Settings → Groups."""
    return Permission.objects.filter(
        content_type__app_label="sources", codename__in=["view_sourcepost", "change_sourcepost"]
    )
