"""`netizen screen --jsonl`: screen lines of {"id", "text"} from stdin, one JSON line out each.

Uses the live word list and the site's policy, with no comment history (each line is judged
on its own). A line that cannot be read is answered with an error line, so output lines keep
matching input lines.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netizen.database import unapplied_migrations
from netizen.discussion.screening import policy
from netizen.discussion.terms import current_lexicon
from netizen.moderation import ScreeningContext, Verdict, screen


def screening_line(item_id: object, verdict: Verdict, thresholds: dict[str, float]) -> dict:
    return {
        "id": item_id,
        "language": verdict.language,
        "action": str(verdict.action),
        "flags": verdict.labels_over(thresholds),
        "scores": verdict.scores,
        "reasons": verdict.reasons(),
    }


class Command(BaseCommand):
    help = 'Screen JSON lines {"id": ..., "text": ...} from stdin; print one verdict per line.'

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--jsonl", action="store_true", required=True, help="read and write JSON lines"
        )

    def handle(self, *args, **options) -> None:
        if pending := unapplied_migrations():  # the live word list lives in the database
            raise CommandError(
                f"Run `netizen migrate` first ({len(pending)} unapplied migrations)."
            )
        context = ScreeningContext(lexicon=current_lexicon(), policy=policy())
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                item_id, text = read_item(line)
            except ValueError as error:
                problem = f"line {number}: {error}"
                self.stderr.write(problem)
                self.stdout.write(json.dumps({"id": None, "error": problem}))
                continue
            verdict = screen(text, context)
            thresholds = context.policy.thresholds_for(verdict.language)
            record = screening_line(item_id, verdict, thresholds)
            self.stdout.write(json.dumps(record, ensure_ascii=False))


def read_item(line: str) -> tuple[object, str]:
    """The id and text of one input line; ValueError says what is wrong with it."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg})") from None
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError('expected an object with a "text" string')
    return item.get("id"), item["text"]
