"""Template helpers for the public site."""

from django import template
from wagtail.models import Page, Site

from netizen.stories.languages import language_name

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """The home page's children marked "show in menus", in tree order."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu().specific())


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page.url if site else "/"


register.filter("language_name", language_name)
