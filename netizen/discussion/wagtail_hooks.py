"""The "Moderation" section of Wagtail's admin: the comment queue and the word list.

Only moderators see the queue (``discussion.moderate_comment``; superusers hold every
permission); the word list follows ScreeningTerm's model permissions, which the Moderators and
Editors groups hold.
Comments are deliberately not registered as snippets or with any other generic admin: their
status changes only through :func:`netizen.discussion.decisions.decide`.
"""

from django.contrib.auth.models import Permission
from django.urls import reverse, reverse_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import ScreeningTerm
from .queue import can_moderate, label_name

MODERATION_BREADCRUMBS = [
    {"url": reverse_lazy("wagtailadmin_home"), "label": "Home"},
    {"url": reverse_lazy("moderation:queue"), "label": "Moderation"},
]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


class QueueViewSet(ViewSet):
    """The queue's own views (admin_urls.py) under ``/admin/moderation/``."""

    name = "moderation"
    icon = "comment"
    menu_label = "Queue"
    menu_item_class = ModeratorMenuItem

    def get_urlpatterns(self):
        from .admin_urls import urlpatterns

        return urlpatterns

    @property
    def menu_url(self):
        return reverse("moderation:queue")


class ScreeningTermViewSet(ModelViewSet):
    model = ScreeningTerm
    name = "screening_terms"
    url_prefix = "moderation/terms"
    icon = "list-ul"
    menu_label = "Word list"
    list_display = [
        "term",
        Column(
            "label", label="Label", accessor=lambda term: label_name(term.label), sort_key="label"
        ),
        "severity",
        BooleanColumn("enabled", label="Enabled", sort_key="enabled"),
        "note",
        DateColumn("updated_at", label="Updated", sort_key="updated_at"),
    ]
    list_filter = ["label", "severity", "enabled"]
    list_export = ["term", "label", "severity", "enabled", "note"]
    search_fields = ["term", "note"]
    form_fields = ["term", "label", "severity", "note", "enabled"]
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(breadcrumbs_items=MODERATION_BREADCRUMBS, **kwargs)


class ModerationViewSetGroup(ViewSetGroup):
    menu_label = "Moderation"
    menu_icon = "comment"
    menu_order = 260  # after Newsroom
    items = (QueueViewSet, ScreeningTermViewSet)


@hooks.register("register_admin_viewset")
def register_moderation():
    return ModerationViewSetGroup()


@hooks.register("register_permissions")
def moderate_comment_permission():
    """Lets administrators give the permission to a group in Settings → Groups."""
    return Permission.objects.filter(
        content_type__app_label="discussion", codename="moderate_comment"
    )
