"""`netizen sources import|search|poll`: the inbox from a shell."""

from __future__ import annotations

import io
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from netizen.sources.feeds import FeedUnavailable, import_url, poll_due
from netizen.sources.importers import AUTO, FORMATS, ImportFormatError, UnknownFormat
from netizen.sources.importers.column_map import parse_mapping
from netizen.sources.importing import import_stream, summary
from netizen.sources.inbox import inbox_queryset
from netizen.sources.progress import CountingReader, ProgressLine
from netizen.sources.records import post_record


def mapping(options: list[str]) -> dict[str, str] | None:
    try:
        return parse_mapping(options, what="--map") or None
    except ValueError as error:
        raise CommandError(f"{error} Give one --map FIELD=COLUMN per column.") from None


class Command(BaseCommand):
    help = "Import posts into the sources inbox, search it, or poll the listed feeds."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="action", required=True, metavar="ACTION")

        importing = commands.add_parser(
            "import", help="import a file (or, for feeds, an address) into the inbox"
        )
        importing.add_argument("format", choices=[AUTO, *FORMATS])
        importing.add_argument("path", help="a file; for the feed format also an http(s) URL")
        importing.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="FIELD=COLUMN",
            help="csv/jsonl: which column holds a field (text, platform_id, posted_at, "
            "author_handle, url, ...); repeat for each",
        )
        importing.add_argument("--platform", default="other", help="csv/jsonl: the platform")
        importing.add_argument("--timezone", help="csv/jsonl: zone of times given without one")
        importing.add_argument("--handle", default="", help="x: the archive owner's handle")
        importing.add_argument("--channel", default="", help="telegram: the channel's username")
        importing.add_argument("--parent-id", default="", help="weibo: post the comments are on")

        searching = commands.add_parser("search", help="find posts; prints JSON with --json")
        searching.add_argument("query")
        searching.add_argument("--limit", type=int, default=50)
        searching.add_argument("--json", dest="as_json", action="store_true")

        commands.add_parser("poll", help="poll the feeds listed in the admin that are due")

    def handle(self, *args, action: str, **options) -> None:
        getattr(self, f"handle_{action}")(**options)

    def handle_import(self, *, format: str, path: str, **options) -> None:
        parse_options = {
            "mapping": mapping(options["map"]),
            "platform": options["platform"],
            "timezone": options["timezone"],
            "handle": options["handle"],
            "channel": options["channel"],
            "parent_id": options["parent_id"],
        }
        try:
            if format == "feed" and path.startswith(("http://", "https://")):
                batch = import_url(path)
            else:
                batch = self.import_file(Path(path), format, parse_options)
        except FileNotFoundError:
            raise CommandError(f"No such file: {path}") from None
        except (ImportFormatError, UnknownFormat, FeedUnavailable) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(summary(batch), ensure_ascii=False, indent=2))

    def import_file(self, path: Path, format: str, parse_options: dict):
        with path.open("rb") as raw:
            reader = CountingReader(raw)
            progress = ProgressLine(reader, path.stat().st_size)
            stream = io.BufferedReader(reader, buffer_size=1 << 20)
            try:
                return import_stream(
                    stream, format, source=path.name, progress=progress, **parse_options
                )
            finally:
                progress.finish()

    def handle_search(self, *, query: str, limit: int, as_json: bool, **options) -> None:
        posts = inbox_queryset({"q": query, "fold": False})[:limit]
        records = [post_record(post) for post in posts]
        if as_json:
            self.stdout.write(json.dumps(records, ensure_ascii=False, indent=2))
            return
        for record in records:
            text = " ".join(record["text"].split())
            self.stdout.write(
                f"{record['platform']}:{record['id']}  {record['author']}: {text[:70]}"
            )
        self.stdout.write(f"{len(records)} post(s)")

    def handle_poll(self, **options) -> None:
        batches = poll_due()
        imported = sum(batch.imported for batch in batches if batch)
        self.stdout.write(f"Polled {len(batches)} feed(s); {imported} new post(s).")
