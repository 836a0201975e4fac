"""Parsers read the stream they are given, a little at a time, in memory that stays flat."""

import io
import sys
import tracemalloc

import pytest

from netizen.sources.importers import ParsedPost, parse

from .helpers import FIXTURES, GeneratedStream

RECORDS = 200_000


def spider_lines(count: int):
    """WeiboSpider JSON lines, about 200 bytes each."""
    for number in range(count):
        yield (
            f'{{"_id": "{4900000000000000 + number}", "created_at": "2023-06-01 20:05:00", '
            f'"attitudes_count": {number % 97}, '
            f'"content": "第{number}条：今天在码头等渡轮，风很大。", '
            f'"user": {{"_id": "{7000000000 + number % 500}", "nick_name": "渡口的人"}}}}\n'
        ).encode()


def tweets_array(count: int):
    """An X archive's tweets.js: one JSON array."""
    yield b"window.YTD.tweets.part0 = [\n"
    for number in range(count):
        yield (
            f'{"," if number else ""}{{"tweet": {{"id_str": "{1650000000000000000 + number}", '
            f'"created_at": "Sun Apr 23 09:00:00 +0000 2023", "favorite_count": "1", '
            f'"retweet_count": "0", "full_text": "Ferry number {number} is late again."}}}}\n'
        ).encode()
    yield b"]"


def cov_rows(count: int):
    """Weibo-COV CSV."""
    yield b"_id,user_id,crawl_time,created_at,like_num,repost_num,comment_num,content,"
    yield b"origin_weibo,geo_info\n"
    for number in range(count):
        yield (
            f"Qb{number:07d},{number:016x},1700000000,2023-05-02 08:30,1,0,0,"
            f"第{number}条，风很大。,,\n"
        ).encode()


LAYOUTS = pytest.mark.parametrize(
    ("format", "generate"),
    [("weibo", spider_lines), ("x", tweets_array), ("auto", cov_rows)],
    ids=["json-lines", "json-array", "csv"],
)


def test_memory_peak_is_small_beside_a_big_file():
    stream = GeneratedStream(spider_lines(RECORDS))
    count = 0
    tracemalloc.start()
    try:
        for result in parse("weibo", stream):
            count += isinstance(result, ParsedPost)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == RECORDS
    assert stream.bytes_read > 40_000_000
    assert peak < stream.bytes_read / 20, f"peak {peak:,} bytes for {stream.bytes_read:,}"


@LAYOUTS
def test_nothing_piles_up_while_a_big_file_is_read(format, generate):
    """Live memory blocks after 1,000 records and after 200,000 are about the same: a parser
    that kept its records, or read the file into a list, would hold millions more."""
    results = parse(format, GeneratedStream(generate(RECORDS)))
    count = 0
    for result in results:
        count += isinstance(result, ParsedPost)
        if count == 1_000:
            break
    baseline = sys.getallocatedblocks()
    growth = 0
    for result in results:
        count += isinstance(result, ParsedPost)
        if count % 10_000 == 0:
            growth = max(growth, sys.getallocatedblocks() - baseline)
    assert count == RECORDS
    assert growth < 20_000


@LAYOUTS
def test_parsers_read_as_they_go_so_a_progress_bar_can_follow(format, generate):
    stream = GeneratedStream(generate(50_000))
    results = parse(format, stream)
    next(results)
    assert stream.bytes_read < 500_000  # of several MB
    for _ in results:
        pass
    assert stream.bytes_read > 3_000_000


def test_the_callers_stream_is_left_open():
    with open(FIXTURES / "weibo_cov.csv", "rb") as stream:
        list(parse("auto", stream))
        assert not stream.closed


def test_a_text_stream_is_refused_with_a_clear_message():
    with pytest.raises(TypeError, match="binary mode"):
        list(parse("weibo", io.StringIO("_id,user_id,content\n")))
