"""A reader opens the demo story in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from netizen.stories.demo import LEAD_STORY_PATH

# serialized_rollback: the live server needs committed data, and the flush that follows
# must give the next test back the groups and pages that migrations created.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STORY = LEAD_STORY_PATH


def test_reader_sees_quotes_language_markers_and_coverage_banner(
    page, live_server, demo, artifacts
):
    page.goto(live_server.url + STORY)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Weibo Users Question the Return of North Korean Escapees"
    )
    quote = page.locator(".netizen-quote").first
    expect(quote).to_be_visible()
    expect(quote.locator('blockquote[lang="zh-Hans"]')).to_contain_text("把逃出来的人再送回去")
    expect(quote.locator(".netizen-quote__translation")).to_contain_text("Sending people who")
    expect(quote.get_by_role("link", name="Weibo user ‘江南雨后’")).to_be_visible()

    marker = page.locator(".lang-marker").first
    expect(marker).to_be_visible()
    expect(marker).to_contain_text("[zh]")

    banners = page.locator(".coverage-banner")
    expect(banners).to_have_count(2)
    for banner in banners.all():
        banner.scroll_into_view_if_needed()
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("This post is part of our special coverage on Refugees")

    page.screenshot(path=artifacts / "story.png", full_page=True)


def test_keyboard_reaches_skip_link_first_and_lands_on_content(page, live_server, demo):
    page.goto(live_server.url + STORY)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main$"))  # waits: the jump is not instant


def test_coverage_link_in_banner_leads_to_the_coverage(page, live_server, demo, artifacts):
    page.goto(live_server.url + STORY)
    page.locator(".coverage-banner").first.get_by_role("link", name="Refugees").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Refugees")
    expect(page.get_by_role("link", name="Volunteers Translate an Asylum Guide")).to_be_visible()
    page.goto(live_server.url + "/")
    page.screenshot(path=artifacts / "home.png", full_page=True)


def test_search_in_traditional_chinese_from_the_header(page, live_server, demo, artifacts):
    page.goto(live_server.url + "/")
    page.get_by_label("Search stories").fill("邊境")
    page.get_by_label("Search stories").press("Enter")
    expect(page.get_by_role("status")).to_have_text("1 story found for “邊境”")
    expect(page.get_by_role("link", name="Weibo Users Question the Return")).to_be_visible()
    page.screenshot(path=artifacts / "search.png", full_page=True)
