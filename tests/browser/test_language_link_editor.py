"""An author marks a link with its page's language in the story editor."""

import pytest
from playwright.sync_api import expect

from netizen.stories.demo import LEAD_STORY_SLUG
from netizen.stories.models import StoryPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_author_adds_a_language_link_and_a_bad_tag_is_asked_again(
    page, live_server, demo, artifacts
):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("author")
    page.get_by_label("Password").fill(demo["author"])
    page.get_by_role("button", name="Sign in").click()

    story = StoryPage.objects.get(slug=LEAD_STORY_SLUG)
    page.goto(f"{live_server.url}/admin/pages/{story.pk}/edit/")
    paragraph = page.locator(".Draftail-Editor [contenteditable=true]").first
    paragraph.click()
    page.keyboard.press("Control+Home")
    page.keyboard.press("Shift+End")

    answers = iter(["https://news.example.kr/report", "zh_CN", "ko"])
    questions: list[str] = []

    def answer(dialog):
        questions.append(dialog.message)
        dialog.accept(next(answers))

    page.on("dialog", answer)
    page.get_by_role("button", name="Link to a page in another language").click()
    new_link = page.locator(".netizen-langlink[data-lang=ko]")
    expect(new_link).to_have_count(1)
    new_link.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "language-link-editor.png")
    assert questions[2].startswith("That is not a language tag."), questions

    # Draftail writes the editor's state into the form a moment after each change.
    expect(page.locator('input[type=hidden][value*=\'"lang":"ko"\']')).to_have_count(1)

    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    story.refresh_from_db()
    draft = story.get_latest_revision_as_object()
    first_paragraph = str(draft.body[0].value)
    assert 'href="https://news.example.kr/report"' in first_paragraph
    assert 'hreflang="ko"' in first_paragraph
