"""The small readings every importer relies on: ids, times, counts, HTML."""

from datetime import UTC, datetime, timedelta

import pytest

from netizen.sources.importers.markup import html_to_text, sanitise
from netizen.sources.importers.times import SHANGHAI, any_time, iso_time, twitter_time
from netizen.sources.importers.values import count
from netizen.sources.importers.weibo_conventions import mid_to_bid, post_url


def test_weibo_numeric_ids_become_the_bids_links_use():
    # The pair WeiboSpider documents for its own url_to_mid.
    assert mid_to_bid("3501756485200075") == "z0JH2lOMb"
    assert mid_to_bid(3501756485200075) == "z0JH2lOMb"
    assert mid_to_bid("Nx1Aa2Bb3") == "Nx1Aa2Bb3"  # already a bid


def test_weibo_links_need_a_real_user_id():
    assert post_url("7000000001", "Nx1Aa2Bb3") == "https://weibo.com/7000000001/Nx1Aa2Bb3"
    assert post_url("96e7c5482014ffbb", "IBddo6Ee8") == "https://m.weibo.cn/status/IBddo6Ee8"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-04-01 00:00", datetime(2020, 3, 31, 16, 0, tzinfo=UTC)),
        ("2022-10-19T13:41:29", datetime(2022, 10, 19, 5, 41, 29, tzinfo=UTC)),
        ("2022-10-19T13:41:29+00:00", datetime(2022, 10, 19, 13, 41, 29, tzinfo=UTC)),
    ],
)
def test_times_without_a_zone_take_the_given_one(value, expected):
    assert iso_time(value, SHANGHAI) == expected


def test_unix_times_in_seconds_or_milliseconds():
    assert any_time(1698840000) == datetime(2023, 11, 1, 12, 0, tzinfo=UTC)
    assert any_time("1698840000000") == datetime(2023, 11, 1, 12, 0, tzinfo=UTC)


def test_x_times_whatever_the_locale():
    moment = twitter_time("Wed Oct 10 20:19:24 +0800 2018")
    assert moment == datetime(2018, 10, 10, 12, 19, 24, tzinfo=UTC)
    assert moment.utcoffset() == timedelta(0)
    with pytest.raises(ValueError, match="cannot read the date"):
        twitter_time("10/10/2018")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, 12),
        ("12", 12),
        ("1,234", 1234),
        ("1.2万", 12000),
        ("100万+", 1_000_000),
        ("3億", 3 * 10**8),
        (" 7 ", 7),
        ("١٢", 12),  # Arabic-Indic digits: int() reads them
    ],
)
def test_counts_as_sources_write_them(value, expected):
    assert count(value, "likes") == expected


@pytest.mark.parametrize("value", ["many", "-3", -3, True, "²"])  # ² is a digit int() refuses
def test_counts_that_are_not_counts(value):
    with pytest.raises(ValueError, match="likes"):
        count(value, "likes")


def test_html_to_text_keeps_paragraphs_and_line_breaks_and_drops_scripts():
    html = "<p>First  line<br>second line</p><script>track()</script><p>Para &amp; two</p>"
    assert html_to_text(html) == "First line\nsecond line\n\nPara & two"


def test_sanitised_html_has_no_scripts_images_or_endorsed_links():
    html = (
        '<p onclick="x()">Hi <img src="https://tracker.example/p.gif">'
        '<a href="javascript:alert(1)">bad</a> <a href="https://ok.example">ok</a></p>'
        "<script>x()</script>"
    )
    assert sanitise(html) == (
        '<p>Hi <a rel="nofollow ugc noopener noreferrer">bad</a> '
        '<a href="https://ok.example" rel="nofollow ugc noopener noreferrer">ok</a></p>'
    )
