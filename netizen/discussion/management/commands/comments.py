"""`netizen comments list|decide|export|forget`: the queue's functions for scripts and shells."""

from __future__ import annotations

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netizen.discussion.decisions import ACTIONS, DecisionError, decide
from netizen.discussion.models import Comment, Reason, Status
from netizen.discussion.queue import tab_queryset
from netizen.discussion.readers import comment_record, export_reader, forget_reader
from netizen.discussion.screening import apply_screening

VIA = "command line"


class Command(BaseCommand):
    help = "List, decide on, export or erase reader comments."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

        listing = commands.add_parser("list", help="comments in a status, in the queue's order")
        listing.add_argument("--status", choices=Status.values, default=Status.PENDING)
        listing.add_argument("--limit", type=int, default=100)
        listing.add_argument("--json", dest="as_json", action="store_true", help="print JSON")

        deciding = commands.add_parser("decide", help="approve, reject or mark a comment spam")
        deciding.add_argument("id", type=int)
        deciding.add_argument("decision", choices=list(ACTIONS))
        deciding.add_argument("--reason", choices=Reason.values, default="")
        deciding.add_argument("--note", default="")
        deciding.add_argument(
            "--user", default="", help="username to record as the moderator (default: command line)"
        )

        exporting = commands.add_parser("export", help="a reader's comments as JSON")
        exporting.add_argument("email")

        forgetting = commands.add_parser("forget", help="erase a reader's comments")
        forgetting.add_argument("email")

        commands.add_parser(
            "rescreen", help="screen pending comments that were never screened (queue was down)"
        )

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, f"handle_{action}")(**options)

    def handle_list(self, *, status: str, limit: int, as_json: bool, **options) -> None:
        comments = tab_queryset(status)[:limit]
        records = [
            {
                **comment_record(comment),
                "suggested_action": comment.suggested_action,
                "priority": comment.priority,
                "flags": comment.screening.get("flags", []),
            }
            for comment in comments
        ]
        if as_json:
            self.stdout.write(dumps(records))
            return
        for record in records:
            text = " ".join(record["body"].split())
            self.stdout.write(
                f"#{record['id']}  {record['created_at'][:16]}  {record['name']}: {text[:70]}"
            )
        self.stdout.write(f"{len(records)} {status} comment(s)")

    def handle_decide(
        self, *, id: int, decision: str, reason: str, note: str, user: str, **options
    ) -> None:
        comment = Comment.objects.filter(pk=id).first()
        if comment is None:
            raise CommandError(f"Comment #{id} does not exist.")
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"No user named {user!r}.")
        try:
            result = decide(comment, decision, actor=actor, via=VIA, reason=reason, note=note)
        except DecisionError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Comment #{id}: {result.from_status} → {result.to_status}")

    def handle_rescreen(self, **options) -> None:
        unscreened = Comment.objects.filter(status=Status.PENDING, screened_at=None)
        count = 0
        for comment in unscreened.iterator():
            apply_screening(comment)
            count += 1
        self.stdout.write(f"Screened {count} comment(s).")

    def handle_export(self, *, email: str, **options) -> None:
        self.stdout.write(dumps(export_reader(email)))

    def handle_forget(self, *, email: str, **options) -> None:
        count = forget_reader(email)
        self.stdout.write(f"Erased {count} comment(s) sent with {email}.")


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
