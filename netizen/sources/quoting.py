"""From the inbox to a story: a post becomes a netizen quote block in the story's draft.

The quote carries everything an editor would otherwise copy by hand (platform, handle, link,
time, the text verbatim and its language) plus a machine translation draft, marked as such so
that readers are told until an editor checks it. Quoting only ever saves a new revision:
publishing stays an editor's decision, made in the page editor.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q, QuerySet
from wagtail.models import Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from netizen.stories.blocks import MACHINE_DRAFT, PLATFORMS
from netizen.stories.languages import primary_subtag, validate_language_tag
from netizen.stories.models import StoryPage
from netizen.translation import Draft, TranslationUnavailable, translate

from .models import SourcePost
from .text import safe_url

QUOTE_BLOCK = "netizen_quote"
BLOCK_PLATFORMS = frozenset(value for value, _ in PLATFORMS)
# Feeds carry blogs, news sites and forums alike; "other" credits a "Netizen", which is true of
# all of them, until the editor picks the right platform in the block.
FALLBACK_PLATFORM = "other"
UNDETERMINED = "und"


class QuoteError(Exception):
    """The quote cannot go into this story; the message says why in an editor's words."""


def block_platform(platform: str) -> str:
    """The quote block's platform choice for a post's platform."""
    return platform if platform in BLOCK_PLATFORMS else FALLBACK_PLATFORM


def quote_language(post: SourcePost) -> str:
    """The post's BCP-47 tag for the quote block; one the block would refuse (a detector's
    odd code) becomes ``und``, so the quote can still be saved and the editor sees that the
    language needs naming."""
    tag = post.language_tag.strip()
    try:
        validate_language_tag(tag)
    except ValidationError:
        return UNDETERMINED
    return tag


def quote_block_value(post: SourcePost, translation: Draft | None) -> dict:
    """The NetizenQuoteBlock value for ``post``, with ``translation``'s text if there is one."""
    machine_made = translation is not None and translation.is_draft and bool(translation.text)
    return {
        "platform": block_platform(post.platform),
        "author_handle": post.author_handle or post.author_name,
        "author_handle_translation": "",
        "original_text": post.text,
        "original_language": quote_language(post),
        "translation": translation.text if translation is not None else "",
        "translation_status": MACHINE_DRAFT if machine_made else "",
        "url": safe_url(post.url),
        "posted_at": post.posted_at,
    }


def translation_for(post: SourcePost, target: str) -> tuple[Draft | None, str]:
    """A machine draft of ``post`` in ``target``, or None and the reason there is none.

    Never raises: a quote without a translation is still worth having, the editor translates.
    """
    if post.language != UNDETERMINED and primary_subtag(post.language) == primary_subtag(target):
        return None, "The post is already in the story's language."
    source = "auto" if post.language == UNDETERMINED else post.language
    try:
        return translate(post.text, source=source, target=target), ""
    except TranslationUnavailable as error:
        return None, f"No machine translation: {error.reason}"


def check_can_quote(story: StoryPage, user: AbstractBaseUser) -> None:
    """Raise :class:`QuoteError` unless ``user`` may save a new draft of ``story`` now."""
    permissions = story.permissions_for_user(user)
    if not permissions.can_edit():
        raise QuoteError(f"You may not edit the story “{story.title}”.")
    if permissions.page_locked():
        lock = story.get_lock()
        why = f" {lock.get_description(user)}." if lock else ""
        raise QuoteError(f"The story “{story.title}” is locked, so no quote can go in now.{why}")


def quote_in_story(post: SourcePost, story: StoryPage, user: AbstractBaseUser) -> Revision:
    """Append ``post`` as a quote at the end of ``story``'s latest draft, saved by ``user``.

    The live page is left as it is. The returned revision has ``translation_unavailable``: an
    empty string when a translation draft came with the quote, else why none did (the quote
    is saved either way, with an empty translation for the editor to write).
    """
    check_can_quote(story, user)
    draft, unavailable = translation_for(post, story.language or "en")
    with transaction.atomic():
        page = StoryPage.objects.select_for_update().get(pk=story.pk)
        check_can_quote(page, user)
        latest = page.get_latest_revision_as_object()
        latest.body.append((QUOTE_BLOCK, quote_block_value(post, draft)))
        revision = latest.save_revision(user=user, log_action=True)
    revision.translation_unavailable = unavailable
    return revision


def stories_to_quote_into(user: AbstractBaseUser) -> QuerySet[StoryPage]:
    """Stories ``user`` may edit: drafts and unpublished changes first, then by last change.

    Stories locked by someone else are left out; a workflow lock is only found when quoting,
    which then says so, as checking it here would cost a query per story.
    """
    policy = PagePermissionPolicy(StoryPage)
    return (
        policy.instances_user_has_permission_for(user, "change")
        .exclude(Q(locked=True) & ~Q(locked_by=user.pk))
        .order_by(
            "-has_unpublished_changes",
            F("latest_revision_created_at").desc(nulls_last=True),
            "-pk",
        )
    )
