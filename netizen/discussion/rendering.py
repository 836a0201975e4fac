"""How an approved comment looks on the site: escaped text, safe links, paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, field

import nh3
from django.utils.html import linebreaks, urlize
from django.utils.safestring import SafeString, mark_safe

from .models import Comment

LINK_REL = "nofollow ugc noopener"


def comment_html(text: str) -> SafeString:
    """Paragraphs of escaped text whose links are clickable but carry no endorsement."""
    html = linebreaks(urlize(text, autoescape=True), autoescape=False)
    cleaned = nh3.clean(
        html,
        tags={"p", "br", "a"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)


@dataclass
class Thread:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)


def threads(comments: list[Comment]) -> list[Thread]:
    """Approved comments grouped under their parents; a reply whose parent is not shown
    stands on its own."""
    by_id = {comment.pk: Thread(comment) for comment in comments if comment.parent_id is None}
    result = list(by_id.values())
    for comment in comments:
        if comment.parent_id is None:
            continue
        if comment.parent_id in by_id:
            by_id[comment.parent_id].replies.append(comment)
        else:
            result.append(Thread(comment))
    result.sort(key=lambda thread: thread.comment.created_at)
    return result
