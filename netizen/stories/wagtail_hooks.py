"""Admin registrations: regions, topics and people as snippets editors keep in one place."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Person, Region, Topic


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "kicker_label", "slug"]
    search_fields = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "slug", "user"]
    search_fields = ["name"]


class NewsroomViewSetGroup(SnippetViewSetGroup):
    menu_label = "Newsroom"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (PersonViewSet, RegionViewSet, TopicViewSet)


register_snippet(NewsroomViewSetGroup)
