"""How a story body renders: bilingual quotes, language markers, banners, captions."""

import re

import pytest
from django.core.exceptions import ValidationError

from netizen.stories.blocks import NetizenQuoteBlock
from netizen.stories.languages import language_name, mark_link_languages, validate_language_tag

pytestmark = pytest.mark.django_db


def test_links_to_pages_in_another_language_get_a_marker():
    html = (
        '<p>See <a href="https://x.cn/a" hreflang="zh-Hans">the report</a> and '
        '<a href="https://x.org/b" hreflang="en">this</a> and <a href="/c">that</a>.</p>'
    )
    marked = mark_link_languages(html, "en")
    assert marked.count("[zh]") == 1
    assert re.search(r'the report</a> <span class="lang-marker"[^>]*>.*\[zh\]', marked)
    assert "[en]" not in marked
    assert mark_link_languages(html, "zh-Hant").count("[zh]") == 0, "same language: no marker"


@pytest.mark.parametrize(
    ("tag", "name", "with_script"),
    [
        ("zh-Hans", "Chinese", "Chinese (Simplified)"),
        ("zh-Hant-TW", "Chinese", "Chinese (Traditional)"),
        ("ZH-HANT", "Chinese", "Chinese (Traditional)"),
        ("zh-TW", "Chinese", "Chinese"),
        ("ko", "Korean", "Korean"),
        ("und", "Undetermined", "Undetermined"),
        ("tlh-Latn", "tlh-Latn", "tlh-Latn"),  # unknown tags read as themselves
        ("", "", ""),
    ],
)
def test_language_names_by_language_and_optionally_by_script(tag, name, with_script):
    assert language_name(tag) == name
    assert language_name(tag, script=True) == with_script


def test_story_paragraph_links_show_zh_markers(client, demo_story):
    html = client.get(demo_story.url).text
    assert html.count("[zh]") == 4
    assert re.search(r'hreflang="zh">called on China</a> <span class="lang-marker"', html)


def quote_markup(html: str, handle: str) -> str:
    start = html.index(handle) - 400
    return html[start : html.index("</figure>", start)]


def test_netizen_quote_is_bilingual_with_lang_attributes_and_attribution(client, demo_story):
    html = client.get(demo_story.url).text
    quote = quote_markup(html, "江南雨后")
    assert "Weibo user ‘" in quote
    assert re.search(r'<a href="https://weibo\.example\.com/1001/Mx01">Weibo user', quote)
    assert "(After the Rain in Jiangnan)</a> wrote" in quote
    original = re.search(r'<blockquote class="netizen-quote__original" lang="zh-Hans"', quote)
    translation = re.search(r'<blockquote class="netizen-quote__translation" lang="en"', quote)
    assert original and translation and original.start() < translation.start()
    assert "把逃出来的人再送回去" in quote
    assert "Sending people who escaped back again" in quote


def test_traditional_chinese_quote_is_tagged_zh_hant(client, demo_story):
    html = client.get(demo_story.url).text
    assert re.search(
        r'lang="zh-Hant"[^>]*>\s*<p class="netizen-quote__label" lang="en">'
        r"Original \(Chinese\)</p>\s*<p>我們很多人",
        html,
    )


def test_forum_quote_names_the_platform(client, demo_story):
    assert 'Forum user ‘<span lang="zh-Hans">铁血观察员</span>’' in client.get(demo_story.url).text


def test_coverage_banner_at_top_and_bottom(client, demo_story):
    html = client.get(demo_story.url).text
    banner = (
        'This post is part of our special coverage on <a href="/coverage/refugees/">Refugees</a>.'
    )
    assert html.count(banner) == 2
    body = html.index('class="story__body"')
    assert html.index(banner) < body < html.rindex(banner)


def test_story_outside_any_coverage_has_no_banner(client, demo_story):
    demo_story.coverages.clear()
    demo_story.save_revision().publish()
    assert "special coverage on" not in client.get(demo_story.url).text


def test_captioned_image_has_caption_credit_and_alt(client, demo_story):
    html = client.get(demo_story.url).text
    assert 'alt="An illustration of figures standing on a riverbank at dusk."' in html
    assert "The Tumen river marks much of the border" in html
    assert '<span class="figure__credit">Netizen demo illustration</span>' in html


def test_kicker_is_built_from_regions_unless_set(demo_story):
    assert demo_story.kicker_text == "China, Koreas"
    demo_story.kicker = "East Asia"
    assert demo_story.kicker_text == "East Asia"


def test_quote_language_must_be_a_bcp47_tag():
    validate_language_tag("zh-Hant-TW")
    with pytest.raises(ValidationError, match="not a BCP-47 language tag"):
        validate_language_tag("zh_CN")
    block = NetizenQuoteBlock()
    value = block.to_python(
        {
            "platform": "weibo",
            "author_handle": "a",
            "original_text": "你好",
            "original_language": "chinese",
            "translation": "Hello",
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)
