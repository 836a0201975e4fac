"""Admin registrations: regions, topics and people as snippets editors keep in one place, and
the ``langlink`` rich-text feature for links to pages in another language."""

from wagtail import hooks
from wagtail.admin.rich_text.editors.draftail.features import EntityFeature
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .languages import BCP47_TAG
from .models import Person, Region, Topic
from .rich_text import (
    LANGUAGE_LINK,
    language_link_converter_rule,
    with_language_links,
)


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


# After Wagtail's own features (order 0), so that the ``link`` rule exists to be extended.
@hooks.register("register_rich_text_features", order=10)
def register_language_link_feature(features):
    """``langlink``: select text, give a URL and the page's language (zh, ko, zh-Hant)."""
    features.register_editor_plugin(
        "draftail",
        "langlink",
        EntityFeature(
            {
                "type": LANGUAGE_LINK,
                "icon": "globe",
                # The editor checks tags with the server's own pattern.
                "languageTagPattern": BCP47_TAG.pattern,
                "label": "Lang",
                "description": "Link to a page in another language",
                "attributes": ["url", "lang"],
            },
            js=["stories/js/language-link.js"],
        ),
    )
    features.register_converter_rule("contentstate", "langlink", language_link_converter_rule())
    # Wagtail's ``a[href]`` rule would otherwise read hreflang links as plain links whenever
    # ``link`` precedes ``langlink`` in a features list (see rich_text.py).
    link_rule = features.converter_rules_by_converter.get("contentstate", {}).get("link")
    if link_rule is not None:
        features.register_converter_rule("contentstate", "link", with_language_links(link_rule))
