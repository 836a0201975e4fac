"""RSS 2.0 and Atom feeds of stories, each item carrying the full story and its authors.

Many readers in censored places follow us through feed readers and mirrors rather than our
site, so an item holds the whole story, not a teaser, with links made absolute.
"""

import re
from collections.abc import Iterable

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

ROOT_RELATIVE_URL = re.compile(r'(\s(?:href|src|srcset)=")/(?!/)')


def absolute_urls(html: str, base: str) -> str:
    """Rewrite root-relative links and image sources so they work outside our site."""
    return ROOT_RELATIVE_URL.sub(rf"\1{base.rstrip('/')}/", html)


class FullTextRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the story in ``content:encoded``, as feed readers expect."""

    def rss_attributes(self) -> dict[str, str]:
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content_html"])


class FullTextAtomFeed(Atom1Feed):
    """Atom with the story in ``<content type="html">``."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


FEED_TYPES = {"rss": FullTextRssFeed, "atom": FullTextAtomFeed}


class StoryFeed(Feed):
    """A feed of given stories; one instance per response, configured by its arguments."""

    def __init__(self, *, kind: str, title: str, link: str, description: str, stories) -> None:
        self.feed_type = FEED_TYPES[kind]
        self.title = title
        self.link = link
        self.description = description or title
        self.stories = stories

    def items(self) -> Iterable:
        return self.stories.prefetch_related("topics")[:30]

    def item_title(self, item) -> str:
        return item.title

    def item_link(self, item) -> str:
        return item.get_url()

    def item_description(self, item) -> str:
        return item.standfirst or item.title

    def item_author_name(self, item) -> str | None:
        return ", ".join(person.name for person in item.authors.all()) or None

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item) -> list[str]:
        return [term.name for term in [*item.regions.all(), *item.topics.all()]]

    def get_feed(self, obj, request: HttpRequest):
        self.request = request
        return super().get_feed(obj, request)

    def item_extra_kwargs(self, item) -> dict[str, str]:
        html = render_to_string("stories/feed_item.html", {"page": item, "request": self.request})
        return {"content_html": absolute_urls(html, self.request.build_absolute_uri("/"))}


def story_feed_response(
    request: HttpRequest, kind: str, *, title: str, link: str, description: str, stories
) -> HttpResponse:
    """Render a feed of ``stories`` as RSS (``kind="rss"``) or Atom (``kind="atom"``)."""
    feed = StoryFeed(kind=kind, title=title, link=link, description=description, stories=stories)
    return feed(request)
