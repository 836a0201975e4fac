"""The moderators' queue in Wagtail's admin: who may see it, what it shows, what it does."""

import re
from datetime import timedelta
from itertools import count

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from netizen.discussion.models import Comment, Decision, ScreeningTerm, Status
from netizen.discussion.queue import highlight, queue_health, tab_queryset
from netizen.moderation.verdict import Flag, Verdict
from netizen.stories.demo import AUTHOR, EDITOR

QUEUE = "/admin/moderation/"
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
_serial = count(1)


@pytest.fixture
def moderators(db):
    """The Moderators group (the lead's migration creates it; made here if not yet)."""
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="discussion", codename="moderate_comment"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    return group


@pytest.fixture
def moderator(moderators):
    user = User.objects.create_user("queue-moderator", password="x", first_name="Queue")
    user.groups.add(moderators)
    return user


@pytest.fixture
def mod_client(client, moderator):
    client.force_login(moderator)
    return client


def verdict(*flags: Flag, action: str = "review", priority: float = 0.5) -> dict:
    scores = {}
    for flag in flags:
        scores[flag.label] = max(scores.get(flag.label, 0.0), flag.score)
    return Verdict(
        language="en", action=action, priority=priority, flags=list(flags), scores=scores
    ).to_dict()


def make_comment(story, body="A fair point about the border rules.", **fields) -> Comment:
    n = next(_serial)
    screening = fields.pop("screening", None)
    if screening:
        fields.setdefault("suggested_action", screening["action"])
        fields.setdefault("priority", screening["priority"])
        fields.setdefault("language", screening["language"])
    return Comment.objects.create(
        story=story,
        author_name=fields.pop("author_name", f"Reader {n}"),
        body=body,
        fingerprint=f"queue-test-{n}",
        author_key=f"queue-author-{n}",
        screening=screening or {},
        **fields,
    )


def row_ids(html: str) -> list[int]:
    return [
        int(pk) for pk in re.findall(r'<article class="queue-item[^"]*" id="comment-(\d+)"', html)
    ]


# --- Who may see it ---------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_admin_login(client, demo):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_a_user_in_no_group_cannot_reach_the_queue(client, demo):
    client.force_login(User.objects.create_user("nobody", password="x"))
    response = client.get(QUEUE, follow=True)
    assert "Moderation queue" not in response.content.decode()
    assert "You do not have permission to access the admin" in response.content.decode()


def test_the_demo_author_is_denied_and_does_not_see_the_menu(client, demo, demo_story):
    comment = make_comment(demo_story)
    client.force_login(User.objects.get(username=AUTHOR.username))

    page = client.get(QUEUE, follow=True).content.decode()
    assert "Sorry, you do not have permission to access this area." in page
    assert comment.body not in page
    assert client.get(QUEUE, **XHR).status_code == 403
    assert client.get(reverse("moderation:detail", args=[comment.pk]), **XHR).status_code == 403

    response = client.post(
        reverse("moderation:decide", args=[comment.pk]), {"action": "approve"}, **XHR
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == Status.PENDING and not comment.decisions.exists()

    assert "/admin/moderation/" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_moderators_and_editors_see_the_queue_and_its_menu(client, who, moderator, demo_story):
    comment = make_comment(demo_story, body="Moderators should read this one.")
    user = moderator if who == "moderator" else User.objects.get(username=EDITOR.username)
    client.force_login(user)

    response = client.get(QUEUE)
    assert response.status_code == 200
    assert "Moderators should read this one." in response.content.decode()
    assert f'id="comment-{comment.pk}"' in response.content.decode()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/moderation/" in home and "/admin/moderation/terms/" in home


def test_actions_need_a_csrf_token(moderator, demo_story):
    comment = make_comment(demo_story)
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    url = reverse("moderation:decide", args=[comment.pk])

    assert client.post(url, {"action": "approve"}).status_code == 403
    assert (
        client.post(reverse("moderation:bulk"), {"action": "spam", "ids": [comment.pk]}).status_code
        == 403
    )
    comment.refresh_from_db()
    assert comment.status == Status.PENDING and not comment.decisions.exists()

    # The page's own form carries the token, so the moderator's real submit works.
    page = client.get(QUEUE).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert client.post(url, {"action": "approve", "csrfmiddlewaretoken": token}).status_code == 302
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED


def test_actions_are_post_only(mod_client, demo_story):
    comment = make_comment(demo_story)
    assert mod_client.get(reverse("moderation:decide", args=[comment.pk])).status_code == 405
    assert mod_client.get(reverse("moderation:bulk")).status_code == 405


# --- What the tabs list -----------------------------------------------------------------------


def test_pending_tab_lists_the_riskiest_first_then_the_longest_waiting(mod_client, demo_story):
    Comment.objects.all().delete()
    now = timezone.now()
    calm_old = make_comment(demo_story, priority=0.0, created_at=now - timedelta(hours=5))
    calm_new = make_comment(demo_story, priority=0.0, created_at=now - timedelta(hours=1))
    risky_new = make_comment(demo_story, priority=0.95, created_at=now - timedelta(minutes=5))
    risky_old = make_comment(demo_story, priority=0.95, created_at=now - timedelta(hours=2))
    middling = make_comment(demo_story, priority=0.6, created_at=now - timedelta(hours=9))
    make_comment(demo_story, status=Status.APPROVED, decided_at=now)

    expected = [risky_old.pk, risky_new.pk, middling.pk, calm_old.pk, calm_new.pk]
    assert row_ids(mod_client.get(QUEUE).content.decode()) == expected
    assert list(tab_queryset("pending").values_list("pk", flat=True)) == expected


def test_decided_tabs_list_the_newest_decision_first(mod_client, demo_story):
    Comment.objects.all().delete()
    now = timezone.now()
    older = make_comment(demo_story, status=Status.SPAM, decided_at=now - timedelta(days=2))
    newer = make_comment(demo_story, status=Status.SPAM, decided_at=now - timedelta(hours=1))
    page = mod_client.get(reverse("moderation:tab", args=["spam"])).content.decode()
    assert row_ids(page) == [newer.pk, older.pk]


def test_the_queue_pages_fifty_at_a_time(mod_client, demo_story):
    Comment.objects.all().delete()
    for _ in range(51):
        make_comment(demo_story)
    assert len(row_ids(mod_client.get(QUEUE).content.decode())) == 50
    assert len(row_ids(mod_client.get(QUEUE, {"p": 2}).content.decode())) == 1


def test_tabs_show_how_many_comments_each_holds(mod_client, demo_story):
    Comment.objects.all().delete()
    for _ in range(3):
        make_comment(demo_story)
    make_comment(demo_story, status=Status.REJECTED, reason="off_topic", decided_at=timezone.now())
    tabs = re.search(
        r'<nav class="queue-tabs.*?</nav>', mod_client.get(QUEUE).content.decode(), re.S
    )
    text = re.sub(r"<[^>]+>|\s+", " ", tabs.group(0))
    assert re.sub(r"\s+", " ", text).split() == [
        "Pending",
        "3",
        "Spam",
        "0",
        "Approved",
        "0",
        "Rejected",
        "1",
    ]


# --- What an item shows -----------------------------------------------------------------------


def test_an_item_shows_story_author_language_wait_reasons_and_suggestion(mod_client, demo_story):
    body = "You idiot, read the article."
    flag = Flag("personal_attack", 0.93, "banned_term", "words", span=(4, 9), detail="idiot")
    comment = make_comment(
        demo_story,
        body=body,
        author_name="Grumpy Reader",
        email="grumpy@example.org",
        created_at=timezone.now() - timedelta(hours=3, minutes=5),
        screening=verdict(flag, action="reject", priority=0.93),
    )
    page = mod_client.get(QUEUE).content.decode()
    row = page[page.index(f'id="comment-{comment.pk}"') :]
    row = row[: row.index("</article>")]

    assert f'href="{demo_story.url}"' in row and demo_story.title in row
    assert "Grumpy Reader" in row and "grumpy@example.org" not in page
    assert "English" in row
    assert "waiting 3 h 5 min" in row
    assert "Personal attack" in row and "0.93" in row and "very likely" in row
    assert "contains a word on the banned list" in row and "banned_term" in row
    assert "Likely against the policy" in row
    assert '<option value="personal_attack" data-queue-key="3" data-suggested>' in row


@pytest.mark.parametrize(
    ("language", "name"),
    [("zh-Hant", "Chinese (Traditional)"), ("zh-Hans", "Chinese (Simplified)"), ("ko", "Korean")],
)
def test_an_item_names_the_comments_language_with_its_script(
    mod_client, demo_story, language, name
):
    comment = make_comment(demo_story, language=language)
    page = mod_client.get(QUEUE).content.decode()
    row = page[page.index(f'id="comment-{comment.pk}"') :]
    assert f'<span lang="en">{name}</span>' in row[: row.index("</article>")]
    detail = mod_client.get(reverse("moderation:detail", args=[comment.pk])).content.decode()
    assert name in detail


def test_flagged_spans_are_highlighted_and_everything_is_escaped(mod_client, demo_story):
    body = '<script>alert("x")</script> you idiot'
    start = body.index("idiot")
    flag = Flag(
        "personal_attack", 0.8, "banned_term", "words", span=(start, start + 5), detail='"><b>'
    )
    make_comment(demo_story, body=body, screening=verdict(flag))
    page = mod_client.get(QUEUE).content.decode()

    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; you " in page
    mark = re.search(
        r'<mark class="queue-mark queue-mark--personal-attack" title="([^"]*)">idiot</mark>', page
    )
    assert mark, "the flagged word is not highlighted"
    assert mark.group(1) == (
        "Personal attack: contains a word on the banned list (&quot;&gt;&lt;b&gt;)"
    )


def test_overlapping_spans_are_cut_into_flat_marks():
    hate = Flag("hate_speech", 0.9, "banned_term", "words", span=(0, 4))
    spam = Flag("spam", 0.6, "contact_details", "links", span=(2, 6))
    html = highlight("abcdefg", [hate, spam, Flag("spam", 0.5, "x", "y", span=(40, 50))])
    pieces = re.findall(r'<mark class="([^"]+)" title="[^"]+">([^<]*)</mark>|([^<]+)', html)
    assert [(classes, text or plain) for classes, text, plain in pieces] == [
        ("queue-mark queue-mark--hate-speech", "ab"),
        ("queue-mark queue-mark--hate-speech queue-mark--spam queue-mark--overlap", "cd"),
        ("queue-mark queue-mark--spam", "ef"),
        ("", "g"),
    ]
    assert "<mark" not in highlight("no flags & <b>", [])
    assert highlight("no flags & <b>", []) == "no flags &amp; &lt;b&gt;"


def test_unfinished_screening_is_said_plainly(mod_client, demo_story):
    broken = Flag(
        "screening_unavailable", 1.0, "classify_timeout", "classify", detail="took 900 ms"
    )
    make_comment(demo_story, screening=verdict(broken, priority=0.6))
    page = mod_client.get(QUEUE).content.decode()
    assert "Screening could not finish: read carefully." in page
    assert "The classify check ran out of time (took 900 ms)" in page


def test_a_repeat_links_to_the_comment_it_duplicates(mod_client, demo_story):
    first = make_comment(demo_story, body="Buy cheap watches")
    make_comment(demo_story, body="Buy cheap watches!", duplicate_of=first)
    page = mod_client.get(QUEUE).content.decode()
    assert (
        f'Repeats <a href="{reverse("moderation:detail", args=[first.pk])}">comment #{first.pk}</a>'
        in page
    )


# --- Decisions through the views --------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "reason", "status", "stored_reason"),
    [
        ("approve", "", Status.APPROVED, ""),
        ("reject", "hate_speech", Status.REJECTED, "hate_speech"),
        ("spam", "", Status.SPAM, "spam"),
    ],
)
def test_each_action_records_who_decided_what(
    mod_client, moderator, demo_story, action, reason, status, stored_reason
):
    comment = make_comment(demo_story)
    response = mod_client.post(
        reverse("moderation:decide", args=[comment.pk]),
        {"action": action, "reason": reason, "tab": "pending", "next": QUEUE + "?p=1"},
    )
    assert response.status_code == 302 and response["Location"] == QUEUE + "?p=1"
    comment.refresh_from_db()
    assert comment.status == status
    (decision,) = comment.decisions.all()
    assert (decision.actor, decision.actor_name, decision.via) == (
        moderator,
        moderator.username,
        "queue",
    )
    assert (decision.from_status, decision.to_status, decision.reason) == (
        Status.PENDING,
        status,
        stored_reason,
    )
    assert f"Comment #{comment.pk}" in mod_client.get(QUEUE).content.decode()  # the message


def test_rejecting_without_a_reason_is_refused_and_changes_nothing(mod_client, demo_story):
    comment = make_comment(demo_story)
    url = reverse("moderation:decide", args=[comment.pk])

    page = mod_client.post(url, {"action": "reject", "next": QUEUE}, follow=True).content.decode()
    assert "Choose the part of the policy the comment breaks" in page
    assert "Nothing was changed." in page

    fragment = mod_client.post(url, {"action": "reject", "tab": "pending"}, **XHR)
    assert fragment.status_code == 400
    assert "Choose the part of the policy" in fragment.content.decode()
    assert 'role="alert"' in fragment.content.decode()

    comment.refresh_from_db()
    assert comment.status == Status.PENDING and not comment.decisions.exists()


@pytest.mark.parametrize(
    "elsewhere",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"],
)
def test_the_next_address_must_be_our_own(mod_client, demo_story, elsewhere):
    comment = make_comment(demo_story)
    response = mod_client.post(
        reverse("moderation:decide", args=[comment.pk]), {"action": "approve", "next": elsewhere}
    )
    assert response["Location"] == QUEUE


def test_script_requests_get_the_rows_counts_and_health_back(mod_client, demo_story):
    Comment.objects.all().delete()
    comment = make_comment(demo_story, author_name="Lena")
    make_comment(demo_story)
    response = mod_client.post(
        reverse("moderation:decide", args=[comment.pk]),
        {"action": "reject", "reason": "off_topic", "tab": "pending"},
        **XHR,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "wagtail-sidebar" not in html
    # The row is replaced by a short note of the decision.
    assert (
        re.search(rf'id="comment-{comment.pk}"[^>]*', html).group(0).count("data-queue-decided")
        == 1
    )
    assert "Rejected (off-topic) by <strong>queue-moderator</strong>" in html
    # Counts and health as they are now.
    tabs = re.sub(
        r"<[^>]+>|\s+", " ", re.search(r'<nav class="queue-tabs.*?</nav>', html, re.S).group(0)
    )
    assert tabs.split() == ["Pending", "1", "Spam", "0", "Approved", "0", "Rejected", "1"]
    assert re.search(r"data-queue-pending>1<", html)
    assert f"Comment #{comment.pk} by Lena rejected (off-topic)." in html


def test_a_comment_still_in_its_tab_comes_back_as_a_full_row(mod_client, demo_story):
    comment = make_comment(
        demo_story, status=Status.REJECTED, reason="other", decided_at=timezone.now()
    )
    response = mod_client.post(
        reverse("moderation:decide", args=[comment.pk]),
        {"action": "reject", "reason": "obscenity", "tab": "rejected"},
        **XHR,
    )
    html = response.content.decode()
    assert f'id="comment-{comment.pk}" data-queue-item data-comment' in html
    assert "Rejected (obscenity)" in html


def test_bulk_actions_decide_on_every_ticked_comment(mod_client, moderator, demo_story):
    first, second, untouched = (make_comment(demo_story) for _ in range(3))
    response = mod_client.post(
        reverse("moderation:bulk"),
        {"action": "spam", "ids": [first.pk, second.pk], "tab": "pending", "next": QUEUE},
        follow=True,
    )
    assert "2 comments marked as spam." in response.content.decode()
    for comment in (first, second):
        (decision,) = Decision.objects.filter(comment=comment)
        assert (decision.actor, decision.from_status, decision.to_status, decision.reason) == (
            moderator,
            Status.PENDING,
            Status.SPAM,
            "spam",
        )
    untouched.refresh_from_db()
    assert untouched.status == Status.PENDING and not untouched.decisions.exists()


def test_bulk_reject_needs_a_reason_and_reports_comments_it_could_not_change(
    mod_client, demo_story
):
    pending = make_comment(demo_story)
    rejected = make_comment(
        demo_story, status=Status.REJECTED, reason="spam", decided_at=timezone.now()
    )
    url = reverse("moderation:bulk")

    page = mod_client.post(
        url, {"action": "reject", "ids": [pending.pk], "next": QUEUE}, follow=True
    )
    assert "Choose the part of the policy" in page.content.decode()
    assert not Decision.objects.filter(comment__in=[pending, rejected]).exists()

    page = mod_client.post(url, {"action": "approve", "next": QUEUE}, follow=True)
    assert "Select the comments to decide on first." in page.content.decode()

    response = mod_client.post(
        url,
        {"action": "reject", "reason": "spam", "ids": [pending.pk, rejected.pk], "tab": "pending"},
        **XHR,
    )
    html = response.content.decode()
    assert "1 comment rejected (spam). 1 could not be changed" in html
    assert f"Comment #{rejected.pk} is already rejected." in html
    pending.refresh_from_db()
    assert pending.status == Status.REJECTED and pending.reason == "spam"


@pytest.mark.parametrize(
    "garbage", [str(10**30), str(2**63), "0", "-1", "abc", "²", "٣", "1e3", " 7", ""]
)
@pytest.mark.parametrize("reason", ["spam", ""])  # with and without an otherwise valid form
def test_bulk_ids_that_cannot_be_comments_are_refused_without_a_server_error(
    mod_client, demo_story, garbage, reason
):
    comment = make_comment(demo_story)
    data = {"action": "reject", "reason": reason, "ids": [comment.pk, garbage], "tab": "pending"}

    response = mod_client.post(reverse("moderation:bulk"), data, **XHR)
    assert response.status_code == 400
    html = response.content.decode()
    if reason:
        assert "The selection holds something that is not a comment number." in html
    assert "Nothing was changed." in html
    assert f'id="comment-{comment.pk}"' in html  # the valid id's row comes back as it was

    page = mod_client.post(reverse("moderation:bulk"), {**data, "next": QUEUE}, follow=True)
    assert page.status_code == 200 and "Nothing was changed." in page.content.decode()

    comment.refresh_from_db()
    assert comment.status == Status.PENDING and not comment.decisions.exists()


def test_the_largest_possible_id_is_a_comment_that_does_not_exist(mod_client, demo_story):
    comment = make_comment(demo_story)
    response = mod_client.post(
        reverse("moderation:bulk"),
        {"action": "spam", "ids": [comment.pk, str(2**63 - 1)], "tab": "pending"},
        **XHR,
    )
    assert response.status_code == 200
    assert f"Comment #{2**63 - 1} does not exist." in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Status.SPAM


# --- Queue health ------------------------------------------------------------------------------


def test_queue_health_numbers(demo_story, moderator):
    Comment.objects.all().delete()
    now = timezone.now()

    def decided(created_ago, *decisions, status=Status.APPROVED):
        comment = make_comment(demo_story, created_at=now - created_ago, status=status)
        for ago, via in decisions:
            Decision.objects.create(
                comment=comment,
                actor=moderator if via != "screening" else None,
                actor_name=via,
                via=via,
                from_status=Status.PENDING,
                to_status=status,
                created_at=now - ago,
            )
        return comment

    h = timedelta(hours=1)
    # First decision by a person 2 h after arrival; a later change of mind does not count.
    decided(10 * h, (8 * h, "queue"), (1 * h, "queue"))
    # Screening filed it as spam at once; a person released it a day after arrival: 24 h.
    decided(72 * h, (72 * h - timedelta(minutes=1), "screening"), (48 * h, "queue"))
    decided(timedelta(minutes=30), (timedelta(minutes=20), "command line"))  # 10 min
    decided(5 * h, (1 * h, "queue"))  # 4 h
    # First decided by a person 8 days ago: outside the 7-day window.
    decided(9 * 24 * h, (8 * 24 * h, "queue"), (24 * h, "queue"))
    # Only screening has decided: no person's decision yet.
    decided(6 * h, (6 * h, "screening"), status=Status.SPAM)
    make_comment(demo_story, created_at=now - 5 * h)
    make_comment(demo_story, created_at=now - timedelta(minutes=50))

    health = queue_health(now)
    # Waits: 10 min, 2 h, 4 h, 24 h.
    assert health.pending == 2
    assert health.oldest_wait == 5 * h
    assert health.decided == 4
    assert health.median_to_decision == 3 * h  # (2 h + 4 h) / 2
    assert health.p95_to_decision == 24 * h  # nearest rank: the 4th of 4


def test_the_page_shows_queue_health(mod_client, demo_story, moderator):
    Comment.objects.all().delete()
    now = timezone.now()
    make_comment(demo_story, created_at=now - timedelta(hours=26))
    done = make_comment(demo_story, created_at=now - timedelta(hours=2), status=Status.APPROVED)
    Decision.objects.create(
        comment=done,
        actor=moderator,
        actor_name="m",
        via="queue",
        from_status=Status.PENDING,
        to_status=Status.APPROVED,
        created_at=now - timedelta(minutes=30),
    )
    health = re.search(
        r'<section class="queue-health".*?</section>', mod_client.get(QUEUE).content.decode(), re.S
    )
    text = re.sub(r"<[^>]+>|\s+", " ", health.group(0))
    text = re.sub(r"\s+", " ", text)
    assert "Pending 1" in text
    assert "Oldest waiting 26 h" in text
    assert "Median time to decision 1 h 30 min" in text
    assert "95% decided within 1 h 30 min" in text
    assert "for the 1 comment first decided in the last 7 days" in text


# --- The comment's own page -------------------------------------------------------------------


def test_detail_page_shows_the_verdict_the_audit_trail_and_the_receipt(mod_client, demo_story):
    flag = Flag("hate_speech", 0.97, "banned_term", "words", span=(0, 6), detail="vermin")
    comment = make_comment(
        demo_story, body="vermin, all of them", screening=verdict(flag, action="reject")
    )
    url = reverse("moderation:decide", args=[comment.pk])
    mod_client.post(url, {"action": "approve"})
    mod_client.post(
        url, {"action": "reject", "reason": "hate_speech", "note": "Missed it at first"}
    )

    page = mod_client.get(reverse("moderation:detail", args=[comment.pk])).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))

    assert "Hate speech" in text and "0.97" in text and "characters 0–6" in text
    history = text[text.index("Audit trail") :]
    rejected, approved = history.index("Approved → Rejected"), history.index("Pending → Approved")
    assert rejected < approved  # newest first
    assert "Missed it at first" in history and "current" in history and "superseded" in history
    assert history.count("queue-moderator") == 2
    assert "/comments/receipt/" in page
    assert "The reader's private link shows: Not approved: hate speech" in text


def test_comments_have_no_generic_edit_view(moderator, demo_story):
    from wagtail.admin.admin_url_finder import AdminURLFinder
    from wagtail.snippets.models import get_snippet_models

    comment = make_comment(demo_story)
    assert Comment not in get_snippet_models()
    assert AdminURLFinder(moderator).get_edit_url(comment) is None


# --- The word list ------------------------------------------------------------------------------


def test_moderators_search_and_filter_the_word_list(mod_client, moderators, db):
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="discussion", codename__endswith="screeningterm"
        )
    )
    ScreeningTerm.objects.create(term="zzqueuebanned", label="obscenity", severity="banned")
    ScreeningTerm.objects.create(term="zzqueuesuspect", label="spam", severity="suspect")
    index = reverse("screening_terms:index")

    page = mod_client.get(index, {"q": "zzqueue", "severity": "suspect"}).content.decode()
    assert "zzqueuesuspect" in page and "zzqueuebanned" not in page
    page = mod_client.get(index, {"q": "zzqueue", "label": "obscenity"}).content.decode()
    assert "zzqueuebanned" in page and "zzqueuesuspect" not in page

    response = mod_client.post(
        reverse("screening_terms:add"),
        {"term": "zzqueuenew", "label": "spam", "severity": "banned", "note": "", "enabled": "on"},
    )
    assert response.status_code == 302
    assert ScreeningTerm.objects.filter(term="zzqueuenew", severity="banned").exists()


WORD_LIST_BUTTON = re.compile(r'<a href="/admin/moderation/terms/"[^>]*\bw-header-button\b')


def test_the_word_list_button_shows_only_to_moderators_who_may_open_the_word_list(client, db):
    queue_only = Group.objects.create(name="Queue only")
    queue_only.permissions.add(
        Permission.objects.get(content_type__app_label="discussion", codename="moderate_comment"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    user = User.objects.create_user("queue-only", password="x")
    user.groups.add(queue_only)
    client.force_login(user)

    page = client.get(QUEUE).content.decode()
    assert "Keyboard shortcuts" in page
    assert not WORD_LIST_BUTTON.search(page)
    assert client.get(reverse("screening_terms:index"), **XHR).status_code == 403

    queue_only.permissions.add(
        Permission.objects.get(content_type__app_label="discussion", codename="view_screeningterm")
    )
    user = User.objects.get(pk=user.pk)  # forget the cached permissions
    client.force_login(user)
    assert WORD_LIST_BUTTON.search(client.get(QUEUE).content.decode())
    assert client.get(reverse("screening_terms:index")).status_code == 200


def test_the_demo_author_cannot_edit_the_word_list(client, demo):
    client.force_login(User.objects.get(username=AUTHOR.username))
    assert client.get(reverse("screening_terms:index"), **XHR).status_code == 403
