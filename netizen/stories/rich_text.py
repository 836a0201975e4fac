"""Converting language links between the database and the Draftail editor.

A language link is stored as ``<a href="https://..." hreflang="zh">`` and edited as a
``LANGLINK`` entity with data ``{"url": ..., "lang": ...}``. Only valid BCP-47 tags are kept:
a mistyped ``hreflang`` would put a wrong ``[zh]`` marker next to the link on the public site.
"""

from django.core.exceptions import ValidationError
from draftjs_exporter.dom import DOM
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    InlineEntityElementHandler,
    LinkElementHandler,
)
from wagtail.whitelist import check_url

from .languages import validate_language_tag

LANGUAGE_LINK = "LANGLINK"


def clean_language_tag(value) -> str:
    """The tag, stripped, if it is a valid BCP-47 tag; else ``""`` (drop it, don't store it)."""
    tag = (value or "").strip()
    try:
        validate_language_tag(tag)
    except ValidationError:
        return ""
    return tag


class LanguageLinkElementHandler(LinkElementHandler):
    """Reads ``<a href hreflang>`` into a ``LANGLINK`` entity carrying the url and language."""

    def __init__(self, entity_type=LANGUAGE_LINK):
        super().__init__(entity_type)

    def get_attribute_data(self, attrs):
        return {"url": attrs.get("href", ""), "lang": clean_language_tag(attrs.get("hreflang"))}


class LinkOrLanguageLinkElementHandler(InlineEntityElementHandler):
    """Stands in for Wagtail's ``a[href]`` handler so that hreflang links become ``LANGLINK``.

    Wagtail's ``link`` feature claims ``a[href]`` and ours ``a[hreflang]``; both selectors have
    the same precedence, so the one whose feature comes first in the features list would win,
    and ``link`` comes first in the paragraph features. Deciding here, per element, makes the
    result independent of that order: a valid ``hreflang`` makes a language link, anything
    else goes to Wagtail's own handler (an invalid ``hreflang`` is dropped with it).
    """

    def __init__(self, link_handler, language_link_handler=None):
        self.link_handler = link_handler
        self.language_link_handler = language_link_handler or LanguageLinkElementHandler()

    def handle_starttag(self, name, attrs, state, contentstate):
        if clean_language_tag(dict(attrs).get("hreflang")):
            handler = self.language_link_handler
        else:
            handler = self.link_handler
        handler.handle_starttag(name, attrs, state, contentstate)

    # handle_endtag: both handlers are inline entities, closed alike by the inherited method.


def language_link_entity(props):
    """Writes a ``LANGLINK`` entity back as ``<a href="..." hreflang="...">``.

    The exporter escapes attribute values; ``check_url`` drops ``javascript:`` and other
    unsafe schemes, and an invalid or empty language leaves a plain link.
    """
    url = props.get("url") or ""
    attrs = {
        "href": check_url(url) if url else None,
        "hreflang": clean_language_tag(props.get("lang")) or None,
    }
    # None-valued attributes are left out of the element.
    return DOM.create_element("a", attrs, props["children"])


def language_link_converter_rule():
    """The ``contentstate`` converter rule of the ``langlink`` feature."""
    return {
        "from_database_format": {"a[hreflang]": LanguageLinkElementHandler()},
        "to_database_format": {"entity_decorators": {LANGUAGE_LINK: language_link_entity}},
    }


def with_language_links(link_rule):
    """Wagtail's ``link`` converter rule, made to hand hreflang links to ``LANGLINK``.

    The exporter also learns ``LANGLINK``, so that a language link in a field whose editor has
    ``link`` but not ``langlink`` is written back unchanged instead of being deleted.
    """
    from_db = dict(link_rule.get("from_database_format", {}))
    to_db = dict(link_rule.get("to_database_format", {}))
    link_handler = from_db.get("a[href]")
    if link_handler is not None and not isinstance(link_handler, LinkOrLanguageLinkElementHandler):
        from_db["a[href]"] = LinkOrLanguageLinkElementHandler(link_handler)
    to_db["entity_decorators"] = {
        LANGUAGE_LINK: language_link_entity,
        **to_db.get("entity_decorators", {}),
    }
    return {**link_rule, "from_database_format": from_db, "to_database_format": to_db}
