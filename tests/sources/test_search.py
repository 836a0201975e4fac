"""Searching the inbox: Chinese inside sentences, Simplified and Traditional alike; English."""

import pytest

from netizen.sources.inbox import inbox_queryset
from netizen.sources.models import SourcePost
from netizen.sources.text import derive

pytestmark = pytest.mark.django_db

POSTS = {
    "s1": "边境的难民营里孩子们在等待",
    "t1": "邊境的難民營裡孩子們在等待消息",
    "s2": "今天天气很好，我们去公园",
    "e1": "Human rights groups call for the escapees' release",
    "e2": "The weather was fine and rights of way were open",
}


@pytest.fixture
def posts(db):
    for platform_id, text in POSTS.items():
        derived = derive(text)
        SourcePost.objects.create(
            platform="weibo", platform_id=platform_id, text=text, raw={},
            language=derived.language, script=derived.script,
            fingerprint=derived.fingerprint, search_text=derived.search_text,
        )  # fmt: skip


def found(query: str) -> set[str]:
    posts = inbox_queryset({"q": query, "fold": False})
    return set(posts.values_list("platform_id", flat=True))


def test_word_inside_an_unsegmented_sentence(posts):
    assert found("难民") == {"s1", "t1"}


def test_traditional_query_finds_simplified_and_back(posts):
    assert found("難民營") == {"s1", "t1"}
    assert found("边境") == {"s1", "t1"}


def test_phrase_must_appear_in_order(posts):
    assert found("民难") == set()
    assert found("孩子们在等待") == {"s1", "t1"}


def test_single_character(posts):
    assert found("园") == {"s2"}
    assert found("营") == {"s1", "t1"}  # in the middle of a run, and at its end


def test_english_words_all_required(posts):
    assert found("human rights") == {"e1"}
    assert found("rights") == {"e1", "e2"}
    assert found("Rights WEATHER") == {"e2"}


def test_mixed_and_empty_queries(posts):
    assert found("边境 孩子") == {"s1", "t1"}
    assert found("   ") == set(POSTS)
    assert found("没有这个词") == set()


def test_edited_text_is_searched_as_edited(posts):
    post = SourcePost.objects.get(platform_id="s2")
    post.search_text = derive("明天下雨").search_text
    post.save()
    assert found("天气") == set() and found("下雨") == {"s2"}


def test_deleted_posts_leave_the_index(posts):
    SourcePost.objects.filter(platform_id="s1").delete()
    assert found("难民") == {"t1"}
