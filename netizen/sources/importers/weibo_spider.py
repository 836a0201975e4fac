"""WeiboSpider (nghuyong/WeiboSpider) JSON lines: posts, reposts, comments and profiles.

Its spiders write one record per line: a post (`mblogid`, `content`, nested `user`), a
comment (integer `_id`, `comment_user`), or a profile (user, fan, follow records), which
is no post and is skipped. The comment and repost spiders crawl one post at a time and do
not name it in the records, so the importer can be told which post that was.
"""

from __future__ import annotations

from typing import Any

from .records import ParsedPost, Result, Skipped
from .values import count, counts, url_list
from .weibo_conventions import (
    ENGAGEMENT,
    PLAIN_REPOST_REASON,
    is_plain_repost,
    post_id,
    post_url,
    weibo_time,
)

# Reposts of reposts quote the chain as "//@someone:".
REPOST_CHAIN = "//@"


def read_record(position: str, record: dict[str, Any], parent_id: str = "") -> Result:
    if "comment_user" in record:
        return _comment(position, record, parent_id)
    if "fan_info" in record or "follower_info" in record:
        return Skipped(position, "a follower list entry, not a post")
    if "content" not in record and "nick_name" in record:
        return Skipped(position, "a user profile, not a post")
    if "content" not in record:
        raise ValueError("not a WeiboSpider post or comment: no content")
    return _post(position, record, parent_id)


def _post(position: str, record: dict[str, Any], parent_id: str) -> Result:
    bid = post_id(record.get("mblogid"), record.get("_id"))
    text = record["content"]
    if not isinstance(text, str):
        raise ValueError("content is not text")
    is_repost = bool(parent_id) or REPOST_CHAIN in text
    if is_repost and is_plain_repost(text):
        return Skipped(position, PLAIN_REPOST_REASON)
    if not text.strip():
        raise ValueError("no text (content is empty)")
    user = record.get("user") or {}
    user_id = str(user.get("_id") or _user_from_url(record.get("url")))
    media = url_list(record.get("pic_urls")) + url_list(record.get("video"), ";")
    return ParsedPost(
        platform="weibo",
        platform_id=bid,
        url=record.get("url") or post_url(user_id, bid),
        author_handle=user_id,
        author_name=user.get("nick_name") or "",
        text=text,
        posted_at=weibo_time(record.get("created_at")),
        engagement=counts(record, ENGAGEMENT),
        media=media,
        kind="repost" if is_repost else "post",
        parent_id=parent_id,
        raw=record,
        position=position,
    )


def _comment(position: str, record: dict[str, Any], parent_id: str) -> Result:
    comment_id = str(record["_id"]).strip()
    if not comment_id:
        raise ValueError("no comment id (_id is empty)")
    text = record["content"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no text (content is empty)")
    user = record.get("comment_user") or {}
    likes = record.get("like_counts")
    return ParsedPost(
        platform="weibo",
        platform_id=comment_id,
        author_handle=str(user.get("_id") or ""),
        author_name=user.get("nick_name") or "",
        text=text,
        posted_at=weibo_time(record.get("created_at")),
        engagement={} if likes in (None, "") else {"likes": count(likes, "like_counts")},
        kind="comment",
        parent_id=parent_id,
        raw=record,
        position=position,
    )


def _user_from_url(url: object) -> str:
    """The user id in "https://weibo.com/{user}/{bid}", for records without a user object."""
    parts = str(url or "").rstrip("/").split("/")
    return parts[-2] if len(parts) >= 5 and parts[-2].isdigit() else ""
