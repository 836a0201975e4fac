"""HTML from posts and feeds: made safe to show, and turned into plain text to read.

Mastodon and feeds give HTML; the inbox keeps a sanitised copy for display and searches
the plain text. Images are dropped from the copy: loading them from the admin would tell
third parties who is reading.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

# nh3's safe defaults, less the tags that load images.
ALLOWED_TAGS = nh3.ALLOWED_TAGS - {"img", "area", "map"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
LINK_REL = "nofollow ugc noopener noreferrer"
BLOCKS = {
    "p", "div", "blockquote", "pre", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "header", "footer", "figure", "figcaption",
}  # fmt: skip
HIDDEN = {"script", "style", "template", "head", "title"}
SPACES = re.compile(r"[ \t\r\n\f]+")
BLANK_LINES = re.compile(r"\n{3,}")
# Tags that show a field holds HTML rather than text that merely mentions "<".
HTML_TAG = re.compile(r"</?(?:a|br|p|div|span|img)\b[^<>]*>", re.IGNORECASE)


def sanitise(html: str) -> str:
    """HTML that can be shown in the admin: formatting and links only, links not endorsed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
    ).strip()


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in BLOCKS:
            self._pre += tag == "pre"
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in BLOCKS:
            self._pre = max(0, self._pre - (tag == "pre"))
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data if self._pre else SPACES.sub(" ", data))


def html_to_text(html: str) -> str:
    """The words of the HTML as a reader sees them: paragraphs and line breaks kept."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (line.strip(" ") for line in "".join(collector.parts).split("\n"))
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def looks_like_html(text: str) -> bool:
    return HTML_TAG.search(text) is not None
