"""`netizen comments ...` and `netizen screen --jsonl`: the same functions, from a shell."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from netizen.discussion.models import Comment, Status

pytestmark = pytest.mark.django_db


def run(*args, stdin: str | None = None, monkeypatch=None) -> str:
    out = io.StringIO()
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_list_pending_as_json(demo_story):
    records = json.loads(run("comments", "list", "--status", "pending", "--json"))
    pending = Comment.objects.filter(status=Status.PENDING)
    assert {r["id"] for r in records} == set(pending.values_list("pk", flat=True))
    assert all(r["status"] == "pending" and "email" not in r for r in records)


def test_decide_from_the_shell_leaves_an_audit_record():
    comment = Comment.objects.filter(status=Status.PENDING).first()
    output = run("comments", "decide", str(comment.pk), "reject", "--reason", "obscenity")
    assert "pending → rejected" in output
    decision = comment.decisions.get()
    assert (decision.via, decision.actor_name, decision.reason) == (
        "command line",
        "command line",
        "obscenity",
    )


def test_decide_refuses_a_reject_without_reason():
    comment = Comment.objects.filter(status=Status.PENDING).first()
    with pytest.raises(CommandError, match="policy"):
        run("comments", "decide", str(comment.pk), "reject")


def test_export_and_forget_a_reader(post, demo_story):
    post("First thought.", email="Reader@Example.net")
    post("Second thought.", email="reader@example.net")
    post("Someone else.", email="other@example.net")
    exported = json.loads(run("comments", "export", "reader@example.net"))
    assert [c["body"] for c in exported["comments"]] == ["First thought.", "Second thought."]

    assert "Erased 2 comment(s)" in run("comments", "forget", "reader@example.net")
    assert not Comment.objects.filter(email__iexact="reader@example.net").exists()
    assert Comment.objects.filter(email="other@example.net").exists()
    assert json.loads(run("comments", "export", "reader@example.net"))["comments"] == []


def test_screen_jsonl_answers_every_line(monkeypatch):
    lines = "\n".join(
        [
            json.dumps({"id": 1, "text": "What a thoughtful, well sourced article."}),
            "this is not json",
            json.dumps({"id": "b", "text": "你这个傻逼，滚出去"}),
            json.dumps({"id": 3}),
        ]
    )
    output = [
        json.loads(line)
        for line in run("screen", "--jsonl", stdin=lines, monkeypatch=monkeypatch).splitlines()
    ]
    assert [item.get("id") for item in output] == [1, None, "b", None]
    clean, bad_json, abusive, no_text = output
    assert clean["language"] == "en" and clean["flags"] == [] and clean["action"] == "approve"
    assert "line 2" in bad_json["error"] and "line 4" in no_text["error"]
    assert abusive["language"] == "zh-Hans" and abusive["action"] != "approve"
    assert abusive["flags"] and set(abusive["scores"]) == {
        "hate_speech",
        "obscenity",
        "personal_attack",
        "spam",
    }


def test_rescreen_screens_what_the_queue_missed(demo_story):
    from netizen.discussion.submission import submit

    comment = submit(demo_story, name="Q", email="", body="Never screened.", client="q1").comment
    assert comment.screened_at is None  # on_commit never ran inside the test transaction
    assert "Screened 1 comment(s)." in run("comments", "rescreen")
    comment.refresh_from_db()
    assert comment.screened_at is not None and comment.screening["language"] == "en"


def test_screen_on_an_unmigrated_database_says_to_migrate(monkeypatch):
    from netizen.discussion.management.commands import screen

    monkeypatch.setattr(screen, "unapplied_migrations", lambda: ["discussion.0009_future"])
    with pytest.raises(CommandError, match=r"Run `netizen migrate` first \(1 unapplied"):
        run("screen", "--jsonl", stdin="", monkeypatch=monkeypatch)
