"""Weibo-COV (nghuyong/weibo-cov): one CSV row per post, reposts carrying the original.

A repost's `content` is the original post's text, then "转发理由:" and the reposter's own
words; `origin_weibo` is the original's bid. The reposter's words are the post; the
original stays in `raw`. User ids are hashed, so links use the bid alone.
"""

from __future__ import annotations

import re

from .records import ParsedPost, Result, Skipped
from .values import counts
from .weibo_conventions import PLAIN_REPOST_REASON, is_plain_repost, post_url, weibo_time

COLUMNS = {"_id", "user_id", "content"}
# The dataset's user pool: profiles, which are no posts.
USER_POOL_COLUMNS = {"user_id", "fans_num"}
REPOST_MARK = re.compile("转发理由[:：]")
ENGAGEMENT = {"likes": "like_num", "reposts": "repost_num", "comments": "comment_num"}


def is_weibo_cov(header: list[str]) -> bool:
    return set(header) >= COLUMNS


def is_user_pool(header: list[str]) -> bool:
    return set(header) >= USER_POOL_COLUMNS and "content" not in header


def skip_profile(position: str, row: dict[str, str]) -> Result:
    return Skipped(position, "a user profile, not a post")


def read_row(position: str, row: dict[str, str]) -> Result:
    bid = row["_id"].strip()
    if not bid:
        raise ValueError("no post id (_id is empty)")
    content = row["content"]
    parent = (row.get("origin_weibo") or "").strip()
    parts = REPOST_MARK.split(content, maxsplit=1)
    text = parts[-1]
    is_repost = bool(parent) or len(parts) == 2
    if is_repost and is_plain_repost(text):
        return Skipped(position, PLAIN_REPOST_REASON)
    if not text.strip():
        raise ValueError("no text (content is empty)")
    return ParsedPost(
        platform="weibo",
        platform_id=bid,
        url=post_url(row["user_id"], bid),
        author_handle=row["user_id"].strip(),
        text=text,
        posted_at=weibo_time(row.get("created_at")),
        engagement=counts(row, ENGAGEMENT),
        kind="repost" if is_repost else "post",
        parent_id=parent,
        raw=row,
        position=position,
    )
