"""A reader comments, a moderator approves it with the keyboard, the story shows it."""

import re

import pytest
from playwright.sync_api import Locator, expect

from netizen.discussion.demo import MODERATOR
from netizen.discussion.models import Comment, Status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BODY = "The translations make these voices heard. Sources: https://example.org/archive"


def send_comment(page, live_server, story, name: str, body: str) -> None:
    """Post a comment from the story page as a reader would, up to the receipt."""
    page.goto(live_server.url + story.url)
    form = page.locator("#comment-form")
    form.get_by_label("Name").fill(name)
    form.get_by_label("Comment").fill(body)
    form.get_by_role("button", name="Send for moderation").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("awaiting moderation")


def open_queue(page, live_server) -> None:
    """Log in as the demo moderator and land on the queue."""
    page.goto(live_server.url + "/admin/login/?next=/admin/moderation/")
    page.fill("#id_username", MODERATOR.username)
    page.fill("#id_password", MODERATOR.password)
    page.click("button[type=submit]")


def queue_with(page, live_server, story, comments: dict[str, str]) -> dict[str, Locator]:
    """An empty queue, these comments (name -> text) sent from the story page, and the
    moderator looking at them: each author's row in the queue."""
    Comment.objects.filter(status=Status.PENDING).delete()
    for name, body in comments.items():
        send_comment(page, live_server, story, name, body)
    open_queue(page, live_server)
    return {
        name: page.locator(f"#comment-{Comment.objects.get(author_name=name).pk}")
        for name in comments
    }


def test_reader_comment_is_approved_and_appears(page, live_server, demo, demo_story, artifacts):
    # Only this comment in the queue, so the moderator's first keypress finds it.
    Comment.objects.filter(status=Status.PENDING).delete()

    send_comment(page, live_server, demo_story, "Seo-yeon", BODY)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Thank you: your comment is awaiting moderation"
    )
    expect(page.get_by_role("status")).to_contain_text("Awaiting moderation")
    receipt = page.url
    page.screenshot(path=artifacts / "comment-receipt.png", full_page=True)
    comment = Comment.objects.get(author_name="Seo-yeon")
    assert comment.status == Status.PENDING and comment.screened_at is not None

    open_queue(page, live_server)
    row = page.locator(f"#comment-{comment.pk}")
    expect(row).to_contain_text("Seo-yeon")
    page.screenshot(path=artifacts / "queue.png", full_page=True)
    page.keyboard.press("j")
    expect(row).to_have_class(re.compile(r"\bis-current\b"))
    page.keyboard.press("a")
    expect(row).to_contain_text("Approved by")

    page.goto(receipt)
    expect(page.get_by_role("status")).to_contain_text("Published")
    page.goto(live_server.url + demo_story.url)
    published = page.locator(f"#comment-{comment.pk}")
    expect(published).to_contain_text("The translations make these voices heard.")
    link = published.get_by_role("link", name="https://example.org/archive")
    expect(link).to_have_attribute("rel", "nofollow ugc noopener")
    expect(published).to_have_attribute("lang", "en")
    published.scroll_into_view_if_needed()
    page.locator("#comments").screenshot(path=artifacts / "story-comments.png")


def test_the_queue_says_whom_a_finding_is_aimed_at(page, live_server, demo, demo_story, artifacts):
    rows = queue_with(
        page,
        live_server,
        demo_story,
        {
            "Wei": "楼上你就是个白痴，文章都不看完。",
            "Ana": 'Someone wrote "refugees are vermin" under the last story. Please remove it.',
        },
    )
    insult, quoted = rows["Wei"], rows["Ana"]
    expect(insult).to_contain_text("Personal attack")
    expect(insult).to_contain_text("Insults a person it addresses or names: 白痴")
    expect(quoted).to_contain_text("refugees are vermin")
    # Reporting hate is not hate: no such finding on the reader who quoted it.
    expect(quoted.locator(".queue-finding", has_text="Hate speech")).to_have_count(0)
    page.screenshot(path=artifacts / "queue-targets.png", full_page=True)


def test_the_queue_names_a_disguised_link_and_keeps_a_cited_source_off_the_spam_pile(
    page, live_server, demo, demo_story, artifacts, settings
):
    settings.NETIZEN_TRUSTED_LINK_HOSTS = ("reuters.com",)
    rows = queue_with(
        page,
        live_server,
        demo_story,
        {
            "Promo": "Cheap meds, 90% off at w w w . pills-4u . c o m today only",
            "Lin": "The court's own summary is here: https://www.reuters.com/world/asia/ruling/",
        },
    )
    expect(rows["Promo"]).to_contain_text("Spells out a link so that filters miss it")
    cited = Comment.objects.get(author_name="Lin")
    assert cited.status == Status.PENDING
    # (Sent seconds after the other from the same browser: a flood, but no advert.)
    assert not [f for f in cited.verdict.flags if f.label == "spam" and f.phase == "classify"]
    expect(rows["Lin"]).not_to_contain_text("language model")
    page.screenshot(path=artifacts / "queue-links.png", full_page=True)


def test_the_queue_marks_an_insult_spelt_by_sound_where_the_reader_typed_it(
    page, live_server, demo, demo_story, artifacts
):
    rows = queue_with(
        page,
        live_server,
        demo_story,
        {"阿凱": "小編根本ㄋㄠˇ ㄘㄢˊ，標題下成這樣", "小李": "作者是ruo智吧，数据都看不懂"},
    )
    for name, typed in (("阿凱", "ㄋㄠˇ ㄘㄢˊ"), ("小李", "ruo智")):
        row = rows[name]
        expect(row).to_contain_text("Personal attack")
        marked = row.locator("mark.queue-mark--personal-attack")
        expect(marked.first).to_have_text(typed)
    rows["阿凱"].screenshot(path=artifacts / "queue-zhuyin.png")
    rows["小李"].screenshot(path=artifacts / "queue-pinyin.png")
