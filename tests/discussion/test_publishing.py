"""Approved comments under the story: escaped, safely linked, in their language, counted."""

import pytest

from netizen.discussion.decisions import decide
from netizen.discussion.models import Status

pytestmark = pytest.mark.django_db


def approve_newest(newest):
    comment = newest()
    decide(comment, "approve", actor=None, via="queue")
    return comment


def test_approving_shows_the_comment_at_once(client, post, newest, demo_story):
    post("Approved words appear here.", name="Reader One")
    comment = approve_newest(newest)
    page = client.get(demo_story.url).text
    assert f'id="comment-{comment.pk}"' in page
    assert "Approved words appear here." in page and "Reader One" in page


def test_email_is_never_shown(client, post, newest, demo_story):
    post("My address stays private.", email="private.reader@example.net")
    approve_newest(newest)
    assert "private.reader@example.net" not in client.get(demo_story.url).text


def test_approved_script_is_inert(client, post, newest, demo_story):
    post('<script>alert("x")</script><img src=x onerror=alert(1)> plain words')
    approve_newest(newest)
    page = client.get(demo_story.url).text
    assert '<script>alert("x")</script>' not in page
    assert "<img src=x" not in page
    assert '&lt;script&gt;alert("x")&lt;/script&gt;&lt;img src=x' in page


def test_links_are_clickable_without_endorsement(client, post, newest, demo_story):
    post("Source: https://example.org/report?id=7 and javascript:alert(1)")
    approve_newest(newest)
    page = client.get(demo_story.url).text
    assert (
        '<a href="https://example.org/report?id=7" rel="nofollow ugc noopener">'
        "https://example.org/report?id=7</a>"
    ) in page
    assert 'href="javascript' not in page


def test_comment_carries_its_detected_language(
    client, post, newest, demo_story, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post("我觉得这篇文章写得很好，翻译也很准确。")
    comment = approve_newest(newest)
    comment.refresh_from_db()
    assert comment.language == "zh-Hans"
    assert f'id="comment-{comment.pk}" lang="zh-Hans"' in client.get(demo_story.url).text


def test_heading_counts_approved_comments(client, demo_story, post, newest):
    approved = demo_story.comments.filter(status=Status.APPROVED).count()
    assert approved > 0
    page = client.get(demo_story.url).text
    assert f"{approved} comments</h2>" in page
    post("Pending comments are not counted.")
    assert f"{approved} comments</h2>" in client.get(demo_story.url).text


def test_story_without_approved_comments_invites_the_first(client, demo_story):
    demo_story.comments.all().delete()
    page = client.get(demo_story.url).text
    assert "Start the conversation</h2>" in page
    assert 'id="comment-form"' in page


def test_replies_sit_under_their_comment(client, demo_story):
    reply = demo_story.comments.approved().exclude(parent=None).first()
    page = client.get(demo_story.url).text
    parent_at = page.index(f'id="comment-{reply.parent_id}"')
    replies_at = page.index('class="comments comments--replies"', parent_at)
    assert page.index(f'id="comment-{reply.pk}"') > replies_at


def test_reply_link_prefills_the_form(client, demo_story):
    parent = demo_story.comments.approved().filter(parent=None).first()
    page = client.get(f"{demo_story.url}?reply_to={parent.pk}").text
    assert f"Reply to {parent.author_name}" in page
    assert f'name="parent" value="{parent.pk}"' in page
