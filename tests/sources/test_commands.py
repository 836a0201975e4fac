"""`netizen sources import|search`: thin shells that print JSON."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parent / "fixtures"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("sources", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_import_prints_a_json_summary_and_search_finds_it():
    first = json.loads(run("import", "auto", str(FIXTURES / "weibo_cov.csv")))
    assert first["imported"] > 0 and set(first) >= {"imported", "duplicates", "skipped", "errors"}
    again = json.loads(run("import", "weibo", str(FIXTURES / "weibo_cov.csv")))
    assert again["imported"] == 0 and again["duplicates"] == first["imported"]

    records = json.loads(run("search", "志愿者", "--json"))
    assert records and set(records[0]) == {
        "platform",
        "id",
        "url",
        "author",
        "language",
        "text",
        "posted_at",
    }
    assert all("志愿者" in record["text"] for record in records)


def test_csv_with_a_column_mapping():
    mapping = ["text=body", "platform_id=post_id", "author_handle=handle", "posted_at=written"]
    args = [arg for pair in mapping for arg in ("--map", pair)]
    summary = json.loads(run("import", "csv", str(FIXTURES / "posts.csv"), *args))
    assert summary["imported"] >= 2
    records = json.loads(run("search", "lamps quay", "--json"))
    assert [(r["id"], r["author"]) for r in records] == [("g-1", "quay_walker")]


def test_unknown_file_and_bad_mapping_are_clear_errors(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run("import", "auto", str(tmp_path / "missing.csv"))
    with pytest.raises(CommandError, match="FIELD=COLUMN"):
        run("import", "csv", str(FIXTURES / "posts.csv"), "--map", "nonsense")
