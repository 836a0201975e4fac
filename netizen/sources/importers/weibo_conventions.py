"""What every Weibo layout shares: post ids and links, Beijing time, reposts without words.

A post has a numeric id (mid) and a short base62 id (bid) that its links use; crawlers
give one or the other or both. We always key posts by bid, so the same post imported
from two tools is recognised as one.
"""

from __future__ import annotations

from datetime import datetime

from .times import SHANGHAI, iso_time

BASE62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# The words Weibo fills in when someone reposts without writing anything.
PLAIN_REPOST_TEXTS = {"", "转发微博", "轉發微博", "Repost", "repost"}
PLAIN_REPOST_REASON = "repost with no words of its own (a boost of someone else's post)"
ENGAGEMENT = {"likes": "attitudes_count", "reposts": "reposts_count", "comments": "comments_count"}


def _base62(number: int) -> str:
    digits = ""
    while number:
        number, digit = divmod(number, 62)
        digits = BASE62[digit] + digits
    return digits or "0"


def mid_to_bid(mid: str | int) -> str:
    """The bid of a numeric post id: each group of 7 digits, from the right, in 4 base62."""
    digits = str(mid).strip()
    if not digits.isdigit():
        return digits
    groups = []
    while digits:
        digits, group = digits[:-7], digits[-7:]
        encoded = _base62(int(group))
        groups.append(encoded.rjust(4, "0") if digits else encoded)
    return "".join(reversed(groups))


def post_id(bid: object, mid: object) -> str:
    """Our key for a post: its bid, worked out from the mid when only that is known."""
    bid_text = str(bid or "").strip()
    if bid_text:
        return bid_text
    mid_text = str(mid or "").strip()
    if not mid_text:
        raise ValueError("no post id")
    return mid_to_bid(mid_text)


def post_url(user_id: object, bid: str) -> str:
    """weibo.com/{user}/{bid} when the numeric user id is known, else the mobile status link.

    Weibo-COV hashes user ids, so its posts only get the link that needs the bid alone.
    """
    user = str(user_id or "").strip()
    if not bid:
        return ""
    if user.isdigit():
        return f"https://weibo.com/{user}/{bid}"
    return f"https://m.weibo.cn/status/{bid}"


def weibo_time(value: object) -> datetime | None:
    """Crawlers write Beijing time without a zone ("2020-04-01 00:00"); empty means unknown."""
    text = str(value or "").strip()
    return iso_time(text, SHANGHAI) if text else None


def is_plain_repost(text: str) -> bool:
    return text.strip() in PLAIN_REPOST_TEXTS
