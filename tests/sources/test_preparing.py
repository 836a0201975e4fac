"""Rows as the import prepares them: the values stored must be the ones Django would store,
whatever shortcut prepares them. No database needed."""

import json
import pickle
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from django.db import connection

from netizen.sources.importers import BadRecord, ParsedPost
from netizen.sources.preparing import COLUMNS, Prepared, prepare, time_adapter, to_json

EAST_8 = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2020, 9, 13, 12, 26, tzinfo=EAST_8),
        datetime(2024, 2, 29, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(1999, 12, 31, 20, 0, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
        datetime(2020, 1, 1, 8, 0),  # naive: left to Django, as before
        None,
    ],
)
def test_times_are_stored_as_django_stores_them(moment):
    assert time_adapter()(moment) == connection.ops.adapt_datetimefield_value(moment)


@pytest.mark.parametrize(
    "value",
    [
        {"content": "边境口岸 «open» \\n", "likes": 3, "nested": [1.5, None, True]},
        {"id": 2**70},  # past 64 bits: orjson refuses it
        {"text": "broken \udc80 byte"},  # a lone surrogate, as surrogateescape keeps it
        {1: "a key that is not text"},
        [],
    ],
)
def test_json_keeps_characters_and_everything_the_json_module_would(value):
    text = to_json(value)
    assert "\\u" not in text  # characters as written, not escaped
    expected = json.dumps(value, ensure_ascii=False, default=str)
    assert json.loads(text) == json.loads(expected)


def test_anything_json_cannot_say_is_kept_as_its_text():
    assert json.loads(to_json({"price": Decimal("1.50")})) == {"price": "1.50"}


def post(platform_id: str, text: str, parent: str = "") -> ParsedPost:
    return ParsedPost(
        platform="weibo", platform_id=platform_id, url="javascript:alert(1)",
        author_handle="u1", text=text, posted_at=datetime(2020, 9, 13, tzinfo=EAST_8),
        engagement={"likes": 2, "reposts": 1}, parent_id=parent, raw={"content": text},
        position="line 2",
    )  # fmt: skip


def test_a_chunk_crosses_between_processes_whole():
    chunk = prepare([post("A1", "邊境口岸"), BadRecord("line 3", "no id"), post("A2", "ok", "A1")])
    back = pickle.loads(pickle.dumps(chunk))
    assert isinstance(back, Prepared)
    assert [row.values for row in back.rows] == [row.values for row in chunk.rows]
    assert [(r.platform, r.platform_id, r.parent_id, r.fingerprint) for r in back.rows] == [
        ("weibo", "A1", "", chunk.rows[0].fingerprint),
        ("weibo", "A2", "A1", chunk.rows[1].fingerprint),
    ]
    assert back.bad == chunk.bad


def test_a_prepared_row_holds_what_the_inbox_shows():
    (row,) = prepare([post("A1", "邊境口岸今天重新開放了")]).rows
    values = dict(zip(COLUMNS, row.values, strict=False))
    assert values["url"] == ""  # an unsafe link is dropped
    assert (values["language"], values["script"]) == ("zh", "Hant")
    moment = datetime(2020, 9, 13, tzinfo=EAST_8)
    assert values["posted_at"] == connection.ops.adapt_datetimefield_value(moment)
    assert json.loads(values["engagement"]) == {"likes": 2, "reposts": 1}
    assert values["engagement_total"] == 3
    assert json.loads(values["raw"]) == {"content": "邊境口岸今天重新開放了"}
