"""Demo conversation under the lead story: published comments, and a queue to moderate.

Comments go through the same path as a reader's (``submit`` then screening) and are
approved by the demo moderator through ``decide``, so the audit trail is real too.
"""

from __future__ import annotations

from django.db import transaction

from netizen.stories.demo import LEAD_STORY_SLUG, DemoAccount, demo_account
from netizen.stories.models import StoryPage

from .decisions import decide
from .models import Comment
from .submission import submit

MODERATOR = DemoAccount("moderator", "netizen-moderator", "Moderators", "Sana", "Park")

# (name, body, reply to the comment at this index or None, approve?)
CONVERSATION: list[tuple[str, str, int | None, bool]] = [
    (
        "Hyun-woo",
        "My grandmother crossed that river in 1998. Thank you for translating what people "
        "in China are saying; we rarely get to read it in English.",
        None,
        True,
    ),
    (
        "小雨",
        "谢谢翻译。很多评论其实比新闻报道更有人情味，希望能看到更多这样的文章。",
        None,
        True,
    ),
    (
        "Mark T.",
        "Is there a record of how many of the posts quoted here were later deleted? "
        "The archive at https://example.org/deleted-posts might help.",
        0,
        True,
    ),
    (
        "Lena",
        "Could you add the dates of the detentions to the timeline? It is hard to follow "
        "which events happened before the new border rules.",
        None,
        False,
    ),
    (
        "阿明",
        "這些難民真是一群廢物，全部送回去就好了。",
        None,
        False,
    ),
    (
        "anon",
        "This article is shit and so are you, you idiot.",
        None,
        False,
    ),
]


def load_demo_conversation() -> dict[str, str]:
    """Add the demo comments once; returns the demo moderator's login."""
    moderator = demo_account(MODERATOR)
    story = StoryPage.objects.filter(slug=LEAD_STORY_SLUG).first()
    if story is None or Comment.objects.filter(story=story).exists():
        return {MODERATOR.username: MODERATOR.password}
    with transaction.atomic():
        stored: list[Comment] = []
        for name, body, parent_index, approve in CONVERSATION:
            parent = stored[parent_index].pk if parent_index is not None else None
            comment = submit(
                story, name=name, email="", body=body, client="", parent_id=parent
            ).comment
            if approve:
                decide(comment, "approve", actor=moderator, via="queue")
            stored.append(comment)
    return {MODERATOR.username: MODERATOR.password}
