"""`netizen bench <scenario>`: run one benchmark scenario and print one JSON document.

The scenarios live in netizen.bench; this command only parses options, dispatches and
prints, so stdout carries the JSON and nothing else.
"""

import argparse
import json
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netizen.bench import comments, pages, screening, sources

# One line per scenario: name -> run(requests=..., warmup=...) returning a JSON-ready dict.
SCENARIOS: dict[str, Callable[..., dict]] = {
    "pages": pages.run,
    "screening": screening.run,
    "comments": comments.run,
    "sources": sources.run,
}


def count(minimum: int) -> Callable[[str], int]:
    """An argparse type for whole numbers no smaller than ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value

    return parse


class Command(BaseCommand):
    help = "Run a benchmark scenario and print its figures as JSON. Scenarios: " + ", ".join(
        SCENARIOS
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("scenario", help="one of: " + ", ".join(SCENARIOS))
        parser.add_argument(
            "--requests",
            type=count(1),
            help="timed requests (pages: per page and mode) or comments; default per scenario",
        )
        parser.add_argument(
            "--warmup",
            type=count(0),
            help="untimed ones before timing; default per scenario",
        )

    def handle(
        self, *args, scenario: str, requests: int | None, warmup: int | None, **options
    ) -> None:
        if scenario not in SCENARIOS:
            raise CommandError(
                f"Unknown scenario {scenario!r}; known scenarios: {', '.join(SCENARIOS)}"
            )
        try:
            given = {"requests": requests, "warmup": warmup}
            result = SCENARIOS[scenario](**{k: v for k, v in given.items() if v is not None})
        except pages.BenchError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(result, indent=2))
