"""Weibo, in the layouts that crawlers and published datasets actually write.

No platform export exists, so posts arrive as Weibo-COV CSV, WeiboSpider JSON lines, or
dataabc/weibo-crawler CSV or JSON. The layout is told from the file itself, so an editor
only has to say "weibo".
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import BinaryIO

from . import weibo_cov, weibo_crawler, weibo_spider
from .errors import ImportFormatError, read_records, unless_unreadable
from .json_arrays import json_items
from .records import Result
from .rows import CsvRows, json_lines
from .streams import head_text, peek, skip_bom
from .weibo_conventions import mid_to_bid

WHAT = "a Weibo export (Weibo-COV CSV, WeiboSpider JSON lines or weibo-crawler CSV/JSON)"


def parse(
    stream: BinaryIO, *, parent_id: str = "", user_id: str = "", encoding: str = "utf-8-sig"
) -> Iterator[Result]:
    """Posts from any known Weibo layout.

    parent_id: the post (bid or numeric id) whose comments or reposts a WeiboSpider file
        holds, since those records do not name it.
    user_id: whose timeline a weibo-crawler CSV is (its file name); the CSV has no author.
    encoding: of a CSV file; JSON is always UTF-8.
    """
    head, stream = peek(stream)
    start = head_text(head).lstrip()
    if start.startswith(("{", "[")):
        skip_bom(head, stream)
        results = _json(start, stream, mid_to_bid(parent_id) if parent_id else "")
    else:
        results = _csv(stream, user_id.strip(), encoding)
    yield from unless_unreadable(results, WHAT)


def _json(start: str, stream: BinaryIO, parent_id: str) -> Iterator[Result]:
    if weibo_crawler.is_crawler_json(start):
        return read_records(json_items(stream, "weibo.item"), weibo_crawler.read_json_post)
    read = partial(weibo_spider.read_record, parent_id=parent_id)
    return read_records(json_lines(stream), read)


def _csv(stream: BinaryIO, user_id: str, encoding: str) -> Iterator[Result]:
    rows = CsvRows(stream, encoding=encoding)
    if weibo_cov.is_weibo_cov(rows.header):
        return read_records(rows, weibo_cov.read_row)
    if weibo_cov.is_user_pool(rows.header):
        return read_records(rows, weibo_cov.skip_profile)
    if weibo_crawler.is_crawler_csv(rows.header):
        return read_records(rows, partial(weibo_crawler.read_csv_row, user_id=user_id))
    columns = ", ".join(rows.header[:12])
    raise ImportFormatError(
        f"A CSV with the columns {columns} is no Weibo layout the importer knows: "
        "Weibo-COV has _id, user_id, created_at, ..., content, origin_weibo; weibo-crawler "
        "has id, bid, 正文, ... Import it as csv with a column mapping instead."
    )
