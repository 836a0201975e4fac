"""Quoting a post in a story: the block an editor gets, saved as a draft, never published."""

import datetime as dt
import itertools

import pytest
from django.contrib.auth.models import User
from django.utils.html import linebreaks
from wagtail.models import PageLogEntry

from netizen.sources.models import SourcePost
from netizen.sources.quoting import (
    QuoteError,
    quote_block_value,
    quote_in_story,
    quote_language,
    stories_to_quote_into,
)
from netizen.stories.blocks import NetizenQuoteBlock
from netizen.stories.models import StoryPage
from netizen.translation import Draft

pytestmark = pytest.mark.django_db

DRAFT_NOTE = "Machine translation, not yet checked by an editor"
POSTED = dt.datetime(2026, 11, 5, 6, 30, tzinfo=dt.UTC)
post_ids = itertools.count(1)


def make_post(**fields) -> SourcePost:
    values = {
        "platform": "weibo",
        "platform_id": f"q{next(post_ids)}",
        "url": "https://weibo.example.com/2001/Qt01",
        "author_handle": "河边的读书人",
        "author_name": "读书人",
        "text": "边境那边的人也有家人在等他们回去。",
        "language": "zh",
        "script": "Hans",
        "posted_at": POSTED,
        "fingerprint": "quoting-test",
        "raw": {},
    }
    return SourcePost.objects.create(**{**values, **fields})


def machine_draft(post: SourcePost) -> Draft:
    return Draft("People across the border have families waiting.", post.text, "zh", "en", "test")


def user(username: str) -> User:
    return User.objects.get(username=username)


def latest_quote(story: StoryPage) -> dict:
    story.refresh_from_db()
    last = story.get_latest_revision_as_object().body[-1]
    assert last.block_type == "netizen_quote"
    return last.value


@pytest.mark.parametrize(
    ("language", "script", "tag"),
    [
        ("zh", "Hans", "zh-Hans"),
        ("zh", "Hant", "zh-Hant"),
        ("zh", "", "zh"),
        ("en", "", "en"),
        ("und", "", "und"),
        ("und", "Hans", "und"),
        ("zh_CN", "", "und"),  # the block would refuse it; "und" asks the editor to name it
    ],
)
def test_language_and_script_become_a_bcp47_tag(language, script, tag):
    assert quote_language(SourcePost(language=language, script=script)) == tag


def test_simplified_chinese_post_becomes_a_quote_with_a_marked_machine_draft():
    post = make_post()
    value = quote_block_value(post, machine_draft(post))
    assert value == {
        "platform": "weibo",
        "author_handle": "河边的读书人",
        "author_handle_translation": "",
        "original_text": "边境那边的人也有家人在等他们回去。",
        "original_language": "zh-Hans",
        "translation": "People across the border have families waiting.",
        "translation_status": "machine draft",
        "url": "https://weibo.example.com/2001/Qt01",
        "posted_at": POSTED,
    }
    block = NetizenQuoteBlock()
    block.clean(block.normalize(value))  # the page editor accepts it as it is


def test_traditional_chinese_feed_post_without_translation():
    post = make_post(
        platform="feed",
        author_handle="",
        author_name="港島觀察",
        text="我們記得每一個被刪掉的帖子。",
        script="Hant",
    )
    value = quote_block_value(post, None)
    assert value["original_language"] == "zh-Hant"
    assert value["platform"] == "other", "the block has no feed platform: credit a netizen"
    assert value["author_handle"] == "港島觀察", "no handle: the display name stands in"
    assert value["original_text"] == "我們記得每一個被刪掉的帖子。"
    assert (value["translation"], value["translation_status"]) == ("", "")


def test_english_post_with_an_accepted_translation_is_not_marked_as_machine_made():
    post = make_post(platform="x", language="en", script="", text="They deserve a hearing.")
    accepted = Draft("Ils méritent d'être entendus.", post.text, "en", "fr", "test").accept()
    value = quote_block_value(post, accepted)
    assert (value["platform"], value["original_language"]) == ("x", "en")
    assert value["translation"] == "Ils méritent d'être entendus."
    assert value["translation_status"] == ""


def test_quote_goes_to_the_end_of_the_draft_and_the_live_story_is_unchanged(client, demo_story):
    editor = user("editor")
    live_body = list(demo_story.body.raw_data)
    post = make_post()

    revision = quote_in_story(post, demo_story, editor)

    story = StoryPage.objects.get(pk=demo_story.pk)
    assert story.live and story.has_unpublished_changes
    assert list(story.body.raw_data) == live_body, "the published body must not change"
    assert story.live_revision_id != revision.pk
    assert story.latest_revision_id == revision.pk and revision.user == editor
    draft_body = revision.as_object().body
    assert len(draft_body) == len(live_body) + 1
    quote = draft_body[-1].value
    assert quote["original_text"] == post.text
    assert quote["translation"], "the offline glossary gives a Chinese post an English draft"
    assert quote["translation_status"] == "machine draft"
    assert revision.translation_unavailable == ""
    assert PageLogEntry.objects.filter(page=story, action="wagtail.edit", user=editor).exists()
    assert post.text not in client.get(story.url).text, "readers must not see the quote yet"

    draft = revision.as_object()
    preview = str(draft.body.render_as_block(context={"page": draft}))
    assert post.text in preview
    assert linebreaks(quote["translation"], autoescape=True) in preview
    assert preview.count(DRAFT_NOTE) == 1, "only the machine-made translation carries the note"


def test_a_second_quote_follows_the_first_in_the_same_draft(demo_story):
    editor = user("editor")
    first, second = make_post(), make_post(text="再等一等，也许会有转机。")
    quote_in_story(first, demo_story, editor)
    quote_in_story(second, demo_story, editor)
    body = StoryPage.objects.get(pk=demo_story.pk).get_latest_revision_as_object().body
    assert [block.value["original_text"] for block in body[-2:]] == [first.text, second.text]


def test_a_user_without_page_permissions_may_not_quote(demo_story):
    before = demo_story.latest_revision_id
    with pytest.raises(QuoteError, match="may not edit"):
        quote_in_story(make_post(), demo_story, user("moderator"))
    assert StoryPage.objects.get(pk=demo_story.pk).latest_revision_id == before


def test_an_author_cannot_quote_into_a_story_awaiting_editorial_review(demo_story):
    author, editor = user("author"), user("editor")
    demo_story.get_workflow().start(demo_story, user=author)
    before = demo_story.latest_revision_id
    with pytest.raises(QuoteError, match="locked"):
        quote_in_story(make_post(), demo_story, author)
    assert StoryPage.objects.get(pk=demo_story.pk).latest_revision_id == before
    quote_in_story(make_post(), demo_story, editor)  # reviewers still can


def test_a_story_locked_by_an_editor_refuses_other_users_quotes(demo_story):
    demo_story.locked, demo_story.locked_by = True, user("editor")
    demo_story.save(update_fields=["locked", "locked_by"])
    with pytest.raises(QuoteError, match="locked"):
        quote_in_story(make_post(), demo_story, user("author"))


def test_quote_is_kept_with_an_empty_translation_when_no_backend_answers(settings, demo_story):
    settings.NETIZEN_TRANSLATION_BACKENDS = ["libretranslate"]
    settings.NETIZEN_LIBRETRANSLATE_URL = ""
    post = make_post()
    revision = quote_in_story(post, demo_story, user("editor"))
    assert revision.translation_unavailable.startswith("No machine translation")
    quote = latest_quote(demo_story)
    assert quote["original_text"] == post.text
    assert (quote["translation"], quote["translation_status"]) == ("", "")


def test_a_post_in_the_storys_language_is_quoted_without_a_translation(demo_story):
    post = make_post(platform="mastodon", language="en", script="", text="Let them go south.")
    revision = quote_in_story(post, demo_story, user("editor"))
    assert "already in the story's language" in revision.translation_unavailable
    quote = latest_quote(demo_story)
    assert (quote["original_language"], quote["translation"]) == ("en", "")


def test_stories_with_unpublished_changes_are_offered_first(demo_story):
    editor = user("editor")
    before = list(stories_to_quote_into(editor))
    assert demo_story in before and all(isinstance(s, StoryPage) for s in before)
    other = next(story for story in before if story != demo_story)
    quote_in_story(make_post(), other, editor)
    after = list(stories_to_quote_into(editor))
    assert after[0] == other
    assert set(after) == set(before)


def test_only_stories_a_user_may_edit_are_offered(demo_story):
    assert list(stories_to_quote_into(user("moderator"))) == []
    demo_story.locked, demo_story.locked_by = True, user("editor")
    demo_story.save(update_fields=["locked", "locked_by"])
    assert demo_story not in stories_to_quote_into(user("author"))
    assert demo_story in stories_to_quote_into(user("editor"))
