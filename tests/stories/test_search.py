"""Search finds stories by English words and by Chinese words inside unsegmented sentences."""

import pytest

from netizen.stories import chinese

pytestmark = pytest.mark.django_db

REPATRIATION = "Weibo Users Question the Return of North Korean Escapees"
ARCHIVE = "Readers Archive Deleted Posts Before They Vanish"


def found(client, query: str) -> str:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.text


def test_english_word_finds_the_story(client, demo):
    html = found(client, "ministry")
    assert REPATRIATION in html
    assert ARCHIVE not in html
    assert "1 story found" in html


def test_simplified_word_inside_a_sentence_finds_the_story(client, demo):
    # 丹东 sits inside "我在丹东住了二十年，见过太多半夜过江的人。"
    assert REPATRIATION in found(client, "丹东")


def test_traditional_query_finds_simplified_text(client, demo):
    # 邊境 is Traditional for 边境 ("border"), written in Simplified in a quote.
    assert REPATRIATION in found(client, "邊境")


def test_simplified_query_finds_traditional_text(client, demo):
    # 删帖 ("deleting posts") is written 刪帖 in a Traditional Hong Kong quote.
    html = found(client, "删帖")
    assert ARCHIVE in html
    assert REPATRIATION not in html


def test_word_in_no_story_finds_nothing(client, demo):
    html = found(client, "地震")
    assert "0 stories found" in html


def test_unpublished_story_is_not_found(client, demo_story):
    demo_story.unpublish()
    assert REPATRIATION not in found(client, "丹东")


def test_empty_query_shows_the_form_only(client, demo):
    html = found(client, "")
    assert "found" not in html
    assert 'id="search-q"' in html


def test_index_text_segments_and_simplifies():
    words = chinese.index_text("我們很多人也是逃難者的後代").split()
    assert "后代" in words and "逃难" in words
    assert chinese.index_text("only English here") == ""
    assert chinese.query_text("邊境 refugees") == "边境 refugees"
