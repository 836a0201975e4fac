"""A reader sends a comment: stored as pending, answered with a receipt, repeats folded."""

import threading
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from netizen.discussion import submission
from netizen.discussion.models import Comment, Decision, Status
from netizen.discussion.receipts import receipt_url

pytestmark = pytest.mark.django_db


def test_comment_is_stored_pending_and_reader_gets_a_receipt(client, post, newest, demo_story):
    response = post("Thank you for translating these posts.", name="Ji-ho")
    comment = newest()
    assert response.status_code == 303
    assert response["Location"].startswith(receipt_url(comment))
    assert comment.status == Status.PENDING
    assert comment.story == demo_story and comment.author_name == "Ji-ho"

    receipt = client.get(response["Location"])
    assert "awaiting moderation" in receipt.text
    assert "Thank you for translating these posts." in receipt.text
    # Not on the story until a moderator approves it.
    assert "Thank you for translating these posts." not in client.get(demo_story.url).text


def test_comment_is_screened_once_stored(post, newest, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post("This is a fucking disgrace.")
    comment = newest()
    assert comment.screened_at is not None
    assert comment.screening["scores"]["obscenity"] >= 0.5
    assert comment.status == Status.PENDING  # screening never decides on its own


def test_invalid_form_comes_back_with_the_text_kept(post):
    long_text = "A considered reply. " * 300  # 6,000 characters
    response = post(long_text, name="")
    assert response.status_code == 400
    assert "Give a name to show with your comment." in response.text
    assert "at most 5000 characters" in response.text
    assert "A considered reply. A considered reply." in response.text
    assert not Comment.objects.filter(body__startswith="A considered reply.").exists()


def test_bad_email_is_explained(post):
    response = post("Hello there", email="not an address")
    assert response.status_code == 400
    assert "Enter a valid email address." in response.text


def test_closed_story_refuses_comments_but_keeps_text(post, client, demo_story):
    demo_story.comments_open = False
    demo_story.save()
    response = post("Can I still say this?")
    assert response.status_code == 403
    assert "closed" in response.text and "Can I still say this?" in response.text
    assert "Comments on this story are closed." in client.get(demo_story.url).text
    assert 'id="comment-form"' not in client.get(demo_story.url).text


def test_same_comment_twice_gives_the_first_receipt(post, newest, client):
    first = post("The second quote is the most moving one.", name="Ana")
    comment = newest()
    again = post("The  second quote is the most moving one. ", name="Ana")
    assert Comment.objects.filter(author_name="Ana").count() == 1
    assert again["Location"].startswith(receipt_url(comment))
    page = client.get(again["Location"])
    assert "We already have this comment" in page.text
    assert first["Location"] != again["Location"]  # ?new vs ?duplicate


def test_same_text_from_same_client_under_another_name_is_a_repeat(post):
    post("Please translate the comments on Douban too.", name="Ana", address="198.51.100.4")
    post("Please translate the comments on Douban too.", name="Ana K.", address="198.51.100.4")
    assert Comment.objects.filter(body__startswith="Please translate").count() == 1


def test_same_name_alone_does_not_make_a_repeat(post):
    """Two readers who both call themselves Guest each keep their own comment."""
    post("Well said.", name="Guest", address="198.51.100.4")
    post("Well said.", name="Guest", address="198.51.100.9")
    assert Comment.objects.filter(body="Well said.").count() == 2


def test_same_email_from_another_address_is_a_repeat(post):
    post("Sent from my phone.", email="ana@example.net", address="198.51.100.4")
    post("Sent from my phone.", email="Ana@Example.net", address="203.0.113.50")
    assert Comment.objects.filter(body="Sent from my phone.").count() == 1


def test_email_is_not_kept_in_a_searchable_hash(post, newest, settings):
    """Without the site's secret, a list of addresses cannot be hashed to find a reader."""
    import hashlib

    post("Hash me.", email="Ana@Example.net")
    stored = newest().author_key
    assert stored == submission.author_key("ana@example.net")  # the same reader, any case
    assert stored not in {
        hashlib.sha256(address).hexdigest()
        for address in (b"ana@example.net", b"email:ana@example.net")
    }
    settings.SECRET_KEY = "another site's secret"
    assert submission.author_key("ana@example.net") != stored


def test_repeat_at_the_hourly_limit_still_gets_its_receipt(post, settings):
    settings.NETIZEN_COMMENT_HOURLY_LIMIT = 1
    post("Only one comment this hour.")
    again = post("Only one comment this hour.")
    assert again.status_code == 303 and "duplicate" in again["Location"]


def test_queue_down_still_keeps_the_comment(
    post, newest, monkeypatch, django_capture_on_commit_callbacks
):
    from netizen.discussion import submission

    def broken(comment_id):
        raise ConnectionError("queue unreachable")

    monkeypatch.setattr(submission, "screen_comment", SimpleNamespace(enqueue=broken))
    with django_capture_on_commit_callbacks(execute=True):
        response = post("Stored even when the queue is down.")
    assert response.status_code == 303
    comment = newest()
    assert comment.status == Status.PENDING and comment.screened_at is None
    assert comment.priority >= 0.6  # unscreened comments are read early, not last


def test_form_error_keeps_the_reply_context(post, demo_story):
    parent = demo_story.comments.approved().filter(parent=None).first()
    response = post("", parent=str(parent.pk))
    assert response.status_code == 400
    assert f"Reply to {parent.author_name}" in response.text


def test_same_text_from_another_reader_is_their_own_comment(post):
    post("Well said.", name="Ana", address="198.51.100.4")
    post("Well said.", name="Bo", address="198.51.100.9")
    assert Comment.objects.filter(body="Well said.").count() == 2


def test_text_may_be_sent_again_after_rejection(post, newest):
    post("First try at saying this.", name="Cy")
    comment = newest()
    comment.status = Status.REJECTED
    comment.save()
    post("First try at saying this.", name="Cy")
    assert Comment.objects.filter(author_name="Cy").count() == 2


def test_reply_nests_under_an_approved_comment(post, newest, demo_story):
    parent = demo_story.comments.approved().filter(parent=None).first()
    post("Replying to you.", parent=str(parent.pk))
    assert newest().parent == parent


def test_reply_to_a_pending_comment_is_a_top_level_comment(post, newest, demo_story):
    pending = demo_story.comments.filter(status=Status.PENDING).first()
    post("Replying to something not yet shown.", parent=str(pending.pk))
    assert newest().parent is None


def test_flood_of_submissions_is_refused_with_text_kept(post, settings):
    settings.NETIZEN_COMMENT_HOURLY_LIMIT = 3
    for number in range(3):
        assert post(f"Comment number {number}").status_code == 303
    response = post("One more thought")
    assert response.status_code == 429
    assert "One more thought" in response.text


def test_csrf_is_enforced(demo_story):
    client = Client(enforce_csrf_checks=True)
    url = reverse("discussion:post", args=[demo_story.pk])
    response = client.post(url, {"name": "X", "body": "No token here"})
    assert response.status_code == 403
    assert not Comment.objects.filter(body="No token here").exists()


def test_form_on_story_page_carries_csrf_token(client, demo_story):
    page = client.get(demo_story.url).text
    assert 'name="csrfmiddlewaretoken"' in page
    assert f'action="{reverse("discussion:post", args=[demo_story.pk])}"' in page


def test_tampered_receipt_is_not_found(client, post, newest):
    post("A comment with a receipt.")
    url = receipt_url(newest())
    assert client.get(url).status_code == 200
    assert client.get(url.replace(":", ":x", 1)).status_code == 404


def test_receipt_shows_rejection_reason(client, post, newest):
    from netizen.discussion.decisions import decide

    post("Something rude.")
    comment = newest()
    decide(comment, "reject", actor=None, via="queue", reason="personal_attack")
    page = client.get(receipt_url(comment)).text
    assert "Not approved" in page and "personal attack" in page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_submits_at_once_store_one_comment(demo, monkeypatch):
    """Both requests pass the "do we have it?" check before either stores the comment."""
    from netizen.stories.demo import LEAD_STORY_SLUG
    from netizen.stories.models import StoryPage

    story = StoryPage.objects.get(slug=LEAD_STORY_SLUG)
    both_checked = threading.Barrier(2, timeout=10)
    real_check = submission.existing_copy

    def racing_check(*args):
        found = real_check(*args)
        if found is None and threading.current_thread().name.startswith("submit"):
            both_checked.wait()
        return found

    monkeypatch.setattr(submission, "existing_copy", racing_check)
    results = []

    def send() -> None:
        try:
            results.append(
                submission.submit(
                    story, name="Twin", email="", body="Sent twice at once.", client="c1"
                )
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=send, name=f"submit-{n}") for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert Comment.objects.filter(body="Sent twice at once.").count() == 1
    assert sorted(result.created for result in results) == [False, True]
    assert len({result.comment.pk for result in results}) == 1
    assert not Decision.objects.filter(comment__body="Sent twice at once.").exists()
