"""Authors make language links in the paragraph editor: the `langlink` rich-text feature.

The database keeps ``<a href="..." hreflang="zh">``; the Draftail editor works on a
``LANGLINK`` entity with ``{"url", "lang"}``. Both directions must agree, next to Wagtail's own
``link`` feature, whatever the order of the two in a features list.
"""

import json

import pytest
from django.urls import reverse
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from netizen.stories.blocks import PARAGRAPH_FEATURES
from netizen.stories.models import StoryIndexPage, StoryPage

LANGUAGE_LINK_HTML = (
    '<p data-block-key="b1">The ministry <a href="https://www.example.cn/mfa/briefing?a=1&amp;b=2"'
    ' hreflang="zh-Hant">repeated</a> its position; <a href="https://example.org/report">a report'
    "</a> disagreed.</p>"
)


def to_contentstate(html: str, features=PARAGRAPH_FEATURES) -> dict:
    return json.loads(ContentstateConverter(features).from_database_format(html))


def to_database(contentstate: dict, features=PARAGRAPH_FEATURES) -> str:
    return ContentstateConverter(features).to_database_format(json.dumps(contentstate))


def entities(contentstate: dict) -> list[tuple[str, dict]]:
    return [(e["type"], e["data"]) for e in contentstate["entityMap"].values()]


def test_paragraph_features_include_langlink_after_link():
    # The order the round trip below must survive: Wagtail's a[href] rule comes first.
    assert PARAGRAPH_FEATURES.index("link") < PARAGRAPH_FEATURES.index("langlink")


def test_hreflang_link_loads_as_language_link_entity():
    contentstate = to_contentstate(LANGUAGE_LINK_HTML)
    assert entities(contentstate) == [
        ("LANGLINK", {"url": "https://www.example.cn/mfa/briefing?a=1&b=2", "lang": "zh-Hant"}),
        ("LINK", {"url": "https://example.org/report"}),
    ]
    block = contentstate["blocks"][0]
    linked = [block["text"][r["offset"] : r["offset"] + r["length"]] for r in block["entityRanges"]]
    assert linked == ["repeated", "a report"]


@pytest.mark.parametrize(
    "features",
    [PARAGRAPH_FEATURES, ["langlink", "link"], ["link", "langlink"], ["langlink"]],
)
def test_round_trip_keeps_href_and_hreflang(features):
    html = to_database(to_contentstate(LANGUAGE_LINK_HTML, features), features)
    assert (
        '<a href="https://www.example.cn/mfa/briefing?a=1&amp;b=2" hreflang="zh-Hant">repeated</a>'
        in html
    )
    if "link" in features:
        assert html == LANGUAGE_LINK_HTML


def test_plain_link_stays_a_plain_link():
    html = '<p data-block-key="b1">See <a href="https://example.org/">this</a>.</p>'
    contentstate = to_contentstate(html)
    assert entities(contentstate) == [("LINK", {"url": "https://example.org/"})]
    assert to_database(contentstate) == html


def test_page_link_stays_a_page_link(demo):
    story = StoryPage.objects.live().first()
    html = f'<p data-block-key="b1"><a linktype="page" id="{story.pk}">A story</a></p>'
    contentstate = to_contentstate(html)
    assert [(kind, data["id"]) for kind, data in entities(contentstate)] == [("LINK", story.pk)]
    assert to_database(contentstate) == html


@pytest.mark.parametrize("bad_tag", ["zh_CN", "chinese", "", " ", "&quot;&gt;&lt;script&gt;"])
def test_invalid_language_tag_is_not_stored(bad_tag):
    html = f'<p data-block-key="b1"><a href="https://example.org/" hreflang="{bad_tag}">x</a></p>'
    contentstate = to_contentstate(html)
    assert entities(contentstate) == [("LINK", {"url": "https://example.org/"})]
    assert to_database(contentstate) == (
        '<p data-block-key="b1"><a href="https://example.org/">x</a></p>'
    )


def language_link_contentstate(url: str, lang: str) -> dict:
    return {
        "blocks": [
            {
                "key": "b1",
                "type": "unstyled",
                "depth": 0,
                "text": "a post",
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 6, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LANGLINK", "mutability": "MUTABLE", "data": {"url": url, "lang": lang}}
        },
    }


def test_invalid_language_from_the_editor_is_dropped():
    html = to_database(language_link_contentstate("https://example.org/", "zh CN"))
    assert html == '<p data-block-key="b1"><a href="https://example.org/">a post</a></p>'


def test_attributes_are_escaped_and_unsafe_urls_dropped():
    html = to_database(language_link_contentstate('https://example.org/?q="x"&a=<b>', "ko"))
    assert 'href="https://example.org/?q=&quot;x&quot;&amp;a=&lt;b&gt;" hreflang="ko"' in html
    html = to_database(language_link_contentstate("javascript:alert(1)", "ko"))
    assert html == '<p data-block-key="b1"><a hreflang="ko">a post</a></p>'


def test_link_only_editor_keeps_language_links():
    # A field with `link` but not `langlink` (StoryIndexPage.introduction) must not lose them.
    html = '<p data-block-key="b1"><a href="https://example.cn/" hreflang="zh">x</a></p>'
    assert to_database(to_contentstate(html, ["link"]), ["link"]) == html


@pytest.mark.django_db
def test_story_editor_loads_the_language_link_plugin(client, demo, django_user_model):
    admin = django_user_model.objects.create_superuser("lead", "lead@example.org", "pw")
    client.force_login(admin)
    index = StoryIndexPage.objects.get(slug="stories")
    response = client.get(
        reverse("wagtailadmin_pages:add", args=["stories", "storypage", index.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "stories/js/language-link.js" in html
    assert "LANGLINK" in html  # the feature is in the paragraph editor's options


@pytest.mark.django_db
def test_saving_a_story_stores_the_language_link(client, demo, django_user_model):
    admin = django_user_model.objects.create_superuser("lead", "lead@example.org", "pw")
    client.force_login(admin)
    index = StoryIndexPage.objects.get(slug="stories")
    paragraph = rich_text(LANGUAGE_LINK_HTML, features=PARAGRAPH_FEATURES)
    assert "LANGLINK" in paragraph
    data = nested_form_data(
        {
            "title": "Language links",
            "slug": "language-links",
            "language": "en",
            "standfirst": "Links to pages in other languages.",
            "body": streamfield([("paragraph", paragraph)]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["stories", "storypage", index.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    story = StoryPage.objects.get(slug="language-links")
    stored = story.get_latest_revision_as_object().body[0].value.source
    assert 'hreflang="zh-Hant"' in stored
    assert 'href="https://www.example.cn/mfa/briefing?a=1&amp;b=2"' in stored
