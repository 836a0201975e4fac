"""dataabc/weibo-crawler exports: a CSV with Chinese headers, or JSON of one user's posts.

The CSV (`weibo/<nickname>/<user_id>.csv`, UTF-8 with a BOM) has no author column: the
file is one user's timeline, named by their id, which the importer can be given. Reposts
add "是否原创" (original?) and the reposted post's columns prefixed with "源微博". The JSON
is {"user": {...}, "weibo": [...]}, each post with its own user_id and screen_name and a
reposted post under "retweet". Several images are joined with commas, videos with
semicolons. Text may still hold Weibo's HTML when the crawler was told to keep it.
"""

from __future__ import annotations

import re
from typing import Any

from .markup import html_to_text, looks_like_html, sanitise
from .records import ParsedPost, Result, Skipped
from .values import counts, url_list
from .weibo_conventions import (
    ENGAGEMENT,
    PLAIN_REPOST_REASON,
    is_plain_repost,
    post_id,
    post_url,
    weibo_time,
)

CSV_ENGAGEMENT = {"likes": "点赞数", "reposts": "转发数", "comments": "评论数"}
# The JSON export: one document with the user, then the posts.
JSON_START = re.compile(r'\s*\{\s*"(?:user|weibo)"\s*:')


def is_crawler_json(start: str) -> bool:
    return JSON_START.match(start) is not None


def is_crawler_csv(header: list[str]) -> bool:
    return "正文" in header and ("bid" in header or "id" in header)


def read_csv_row(position: str, row: dict[str, str], user_id: str = "") -> Result:
    bid = post_id(row.get("bid"), row.get("id"))
    is_repost = (row.get("是否原创") or "").strip().lower() == "false"
    parent = ""
    if is_repost and (row.get("源微博bid") or row.get("源微博id")):
        parent = post_id(row.get("源微博bid"), row.get("源微博id"))
    media = (
        url_list(row.get("原始图片url"))
        + url_list(row.get("视频url"), ";")
        + url_list(row.get("Live Photo视频url"), ";")
    )
    return _post(
        position,
        raw=row,
        bid=bid,
        user_id=user_id,
        user_name="",
        body=row["正文"],
        posted=row.get("完整日期") or row.get("日期"),
        engagement=counts(row, CSV_ENGAGEMENT),
        media=media,
        is_repost=is_repost,
        parent=parent,
    )


def read_json_post(position: str, record: dict[str, Any]) -> Result:
    retweet = record.get("retweet") or {}
    parent = post_id(retweet.get("bid"), retweet.get("id")) if retweet else ""
    return _post(
        position,
        raw=record,
        bid=post_id(record.get("bid"), record.get("id")),
        user_id=str(record.get("user_id") or ""),
        user_name=record.get("screen_name") or "",
        body=record["text"],
        posted=record.get("full_created_at") or record.get("created_at"),
        engagement=counts(record, ENGAGEMENT),
        media=url_list(record.get("pics")) + url_list(record.get("video_url"), ";"),
        is_repost=bool(retweet),
        parent=parent,
    )


def _post(
    position: str,
    *,
    raw: dict[str, Any],
    bid: str,
    user_id: str,
    user_name: str,
    body: object,
    posted: object,
    engagement: dict[str, int],
    media: list[str],
    is_repost: bool,
    parent: str,
) -> Result:
    if not isinstance(body, str):
        raise ValueError("the text is not text")
    html = sanitise(body) if looks_like_html(body) else ""
    text = html_to_text(body) if html else body
    if is_repost and is_plain_repost(text):
        return Skipped(position, PLAIN_REPOST_REASON)
    if not text.strip():
        raise ValueError("no text")
    return ParsedPost(
        platform="weibo",
        platform_id=bid,
        url=post_url(user_id, bid),
        author_handle=user_id,
        author_name=user_name,
        text=text,
        html=html,
        posted_at=weibo_time(posted),
        engagement=engagement,
        media=media,
        kind="repost" if is_repost else "post",
        parent_id=parent,
        raw=raw,
        position=position,
    )
