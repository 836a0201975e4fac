"""A moderator works through the queue with the keyboard, in a real browser."""

import pytest
from playwright.sync_api import expect

from netizen.discussion.demo import MODERATOR
from netizen.discussion.models import Comment, Decision, Status
from netizen.moderation.verdict import Flag, Verdict

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def comment(story, n: int, priority: float, flags=()) -> Comment:
    verdict = Verdict(language="en", action="review", priority=priority, flags=list(flags))
    return Comment.objects.create(
        story=story,
        author_name=f"Reader {n}",
        body=f"Comment number {n} about the border rules.",
        fingerprint=f"browser-queue-{n}",
        author_key=f"browser-queue-{n}",
        screening=verdict.to_dict(),
        priority=priority,
        suggested_action="review",
    )


def test_moderator_decides_with_the_keyboard_without_reloading(
    page, live_server, demo, demo_story, artifacts
):
    Comment.objects.all().delete()
    hateful = comment(
        demo_story, 1, 0.9, [Flag("hate_speech", 0.9, "banned_term", "words", (0, 7))]
    )
    fine = comment(demo_story, 2, 0.5)
    spam = comment(demo_story, 3, 0.1)

    page.goto(live_server.url + "/admin/login/?next=/admin/moderation/")
    page.fill("#id_username", MODERATOR.username)
    page.fill("#id_password", MODERATOR.password)
    page.click("button[type=submit]")
    expect(page.locator(f"#comment-{hateful.pk}")).to_be_visible()
    page.evaluate("window.sameDocument = true")

    # j: the riskiest comment becomes current; r, then 1: rejected as hate speech.
    page.keyboard.press("j")
    expect(page.locator(f"#comment-{hateful.pk}")).to_have_class("queue-item is-current")
    page.keyboard.press("r")
    expect(page.get_by_role("group", name="Reason for rejecting")).to_be_visible()
    page.keyboard.press("1")
    expect(page.locator(f"#comment-{hateful.pk}")).to_contain_text("Rejected (hate speech)")
    expect(page.locator("#queue-tabs")).to_contain_text("Pending2")

    # The next comment is current now: a approves it.
    expect(page.locator(f"#comment-{fine.pk}")).to_have_class("queue-item is-current")
    page.keyboard.press("a")
    expect(page.locator(f"#comment-{fine.pk}")).to_contain_text("Approved by")

    # x ticks the last one; the bulk bar files it as spam.
    page.keyboard.press("x")
    expect(page.locator("[data-queue-selected-count]")).to_have_text("1 selected")
    page.get_by_role("button", name="Mark selected as spam").click()
    expect(page.locator(f"#comment-{spam.pk}")).to_contain_text("Marked as spam by")
    expect(page.locator("[data-queue-pending]")).to_have_text("0")

    assert page.evaluate("window.sameDocument") is True  # no page load happened
    page.screenshot(path=artifacts / "queue-browser.png", full_page=True)
    decided = Decision.objects.filter(actor__username=MODERATOR.username, via="queue")
    assert sorted(decided.values_list("comment_id", "to_status", "reason")) == [
        (hateful.pk, Status.REJECTED, "hate_speech"),
        (fine.pk, Status.APPROVED, ""),
        (spam.pk, Status.SPAM, "spam"),
    ]
