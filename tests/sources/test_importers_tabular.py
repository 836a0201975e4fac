"""Generic CSV and JSON lines, read by a column mapping."""

from datetime import UTC, datetime

import pytest

from netizen.sources.importers import ImportFormatError

from .helpers import at, posts, problems, read

CSV_MAPPING = {
    "platform_id": "post_id",
    "author_handle": "handle",
    "posted_at": "written",
    "text": "body",
    "engagement.likes": "likes",
    "media": "pictures",
}


def test_csv_with_a_mapping_and_a_time_zone():
    results = read("csv", "posts.csv", mapping=CSV_MAPPING, timezone="Asia/Hong_Kong")
    post = at(results, "line 2")
    assert post.platform == "other"
    assert (post.platform_id, post.author_handle) == ("g-1", "quay_walker")
    assert post.posted_at == datetime(2023, 11, 1, 1, 0, tzinfo=UTC)
    assert post.engagement == {"likes": 4}
    assert post.media == ["https://pics.example/a.jpg", "https://pics.example/b.jpg"]
    assert post.raw["body"] == post.text
    assert at(results, "line 3").text == '兩行字，\n第二行有逗號，還有"引號"。'
    assert at(results, "line 8").posted_at == datetime(2023, 11, 1, 12, 0, tzinfo=UTC)


def test_csv_bad_rows_by_line_number():
    results = read("csv", "posts.csv", mapping=CSV_MAPPING, platform="weibo")
    assert problems(results) == {
        "line 5": "has 4 fields where the header has 6",
        "line 6": "cannot read the date 'not a date'",
        "line 7": "no text (column 'body' is empty)",
    }
    assert {post.platform for post in posts(results)} == {"weibo"}


def test_csv_naive_times_are_utc_unless_told():
    post = at(read("csv", "posts.csv", mapping=CSV_MAPPING), "line 2")
    assert post.posted_at == datetime(2023, 11, 1, 9, 0, tzinfo=UTC)


def test_csv_columns_with_usual_names_need_no_mapping():
    post = at(read("csv", "posts.csv"), "line 2")
    assert (post.platform_id, post.author_handle, post.text) == (
        "g-1",
        "quay_walker",
        "Lamps on the quay are out again, third night running.",
    )


def test_csv_without_an_id_column_gets_the_same_id_each_time():
    mapping = {"text": "body", "author_handle": "handle"}
    first = posts(read("csv", "posts.csv", mapping=mapping))
    again = posts(read("csv", "posts.csv", mapping=mapping))
    assert [post.platform_id for post in first] == [post.platform_id for post in again]
    assert len({post.platform_id for post in first}) == len(first)


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"platform_id": "post_id"}, "must say which column holds the text"),
        ({"text": "message"}, "Column\\(s\\) message are not in the file"),
        ({"text": "body", "mood": "likes"}, "Unknown post field"),
    ],
)
def test_csv_mapping_mistakes_are_explained(mapping, message):
    with pytest.raises(ImportFormatError, match=message):
        read("csv", "posts.csv", mapping=mapping)


def test_csv_options_are_checked():
    with pytest.raises(ImportFormatError, match="Unknown time zone"):
        read("csv", "posts.csv", timezone="Mars/Olympus")
    with pytest.raises(ImportFormatError, match="Unknown platform"):
        read("csv", "posts.csv", platform="myspace")


def test_jsonl_with_nested_columns_and_unix_times():
    mapping = {
        "platform_id": "post_id",
        "author_handle": "user.handle",
        "author_name": "user.name",
        "text": "body",
        "posted_at": "ts",
        "engagement.likes": "stats.likes",
    }
    results = read("jsonl", "posts.jsonl", mapping=mapping, platform="telegram")
    first = at(results, "line 1")
    assert (first.author_handle, first.author_name) == ("quay_walker", "Quay Walker")
    assert first.posted_at == datetime(2023, 11, 1, 8, 0, tzinfo=UTC)
    second = at(results, "line 2")
    assert second.engagement == {"likes": 1204}
    assert second.posted_at == datetime(2023, 11, 1, 18, 30, tzinfo=UTC)
    assert problems(results) == {
        "line 3": "no id (column 'post_id' is empty)",
        "line 4": "cannot read the date 'yesterday-ish'",
    }


def test_jsonl_guesses_columns_from_the_first_record():
    post = at(read("jsonl", "posts.jsonl"), "line 2")
    assert (post.platform_id, post.text) == ("f-2", "漁網修好了，明天出海。")


def test_a_file_of_nothing_but_bad_lines_is_not_json_lines(tmp_path):
    (tmp_path / "notes.jsonl").write_text("first note\nsecond note\nthird note\nfourth\n")
    with pytest.raises(ImportFormatError, match="does not read as JSON lines"):
        read("jsonl", "notes.jsonl", folder=tmp_path)
