"""X (Twitter) account archives: data/tweets.js, a JavaScript assignment of a JSON array.

Each item is {"tweet": {...}} (older archives leave out the wrapper) with `id_str`,
`full_text` (HTML-escaped), `created_at` and counts written as strings. The archive's
owner is named in account.js, not here, so the handle is an option. Retweets are someone
else's words under this account and are skipped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import partial
from typing import Any, BinaryIO

from .errors import ImportFormatError, read_records, unless_unreadable
from .json_arrays import json_items
from .records import ParsedPost, Result, Skipped
from .streams import head_text, peek, skip_bom
from .times import twitter_time
from .values import counts

ASSIGNMENT = re.compile(r"\s*window\.YTD\.(\w+)\.part\d+\s*=\s*")
TWEET_FILES = {"tweets", "tweet"}
ENGAGEMENT = {"likes": "favorite_count", "reposts": "retweet_count"}
WHAT = "an X archive's tweets.js"


def parse(stream: BinaryIO, *, handle: str = "", name: str = "") -> Iterator[Result]:
    """Tweets and replies of the archive's owner.

    handle: the account's @name (from the archive's account.js), for author and links.
    name: the account's display name.
    """
    head, stream = peek(stream)
    head = skip_bom(head, stream)
    _skip_assignment(head_text(head), stream)
    read = partial(_read_tweet, handle=handle.strip().lstrip("@"), name=name.strip())
    yield from unless_unreadable(read_records(json_items(stream, "item"), read), WHAT)


def _skip_assignment(start: str, stream: BinaryIO) -> None:
    """Consume "window.YTD.tweets.part0 = " so what follows is plain JSON."""
    match = ASSIGNMENT.match(start)
    if match is None:
        if start.lstrip().startswith("["):
            return  # the array alone, as some tools re-save it
        raise ImportFormatError(
            "This is not an X archive's tweets.js: it should start with "
            "'window.YTD.tweets.part0 = ['."
        )
    if match.group(1) not in TWEET_FILES:
        raise ImportFormatError(
            f"This is the archive's {match.group(1)}.js, which holds no tweets of the "
            "account's own: import data/tweets.js."
        )
    stream.read(len(match.group(0).encode()))


def _read_tweet(position: str, item: dict[str, Any], handle: str, name: str) -> Result:
    tweet = item.get("tweet", item)
    tweet_id = str(tweet.get("id_str") or tweet.get("id") or "").strip()
    if not tweet_id:
        raise ValueError("no tweet id (id_str)")
    text = tweet.get("full_text", tweet.get("text"))
    if not isinstance(text, str):
        raise ValueError("no text (full_text is missing)")
    if text.startswith("RT @"):
        return Skipped(position, "boost of someone else's post (a retweet)")
    if not text.strip():
        raise ValueError("no text (full_text is empty)")
    parent = str(tweet.get("in_reply_to_status_id_str") or "")
    return ParsedPost(
        platform="x",
        platform_id=tweet_id,
        url=f"https://x.com/{handle or 'i/web'}/status/{tweet_id}",
        author_handle=handle,
        author_name=name,
        text=html.unescape(text),
        posted_at=twitter_time(tweet["created_at"]) if tweet.get("created_at") else None,
        engagement=counts(tweet, ENGAGEMENT),
        media=_media(tweet),
        kind="reply" if parent else "post",
        parent_id=parent,
        raw=item,
        position=position,
    )


def _media(tweet: dict[str, Any]) -> list[str]:
    """Every photo (extended_entities lists all, entities only the first); for a video, its
    best MP4."""
    entities = tweet.get("extended_entities") or tweet.get("entities") or {}
    urls = []
    for medium in entities.get("media") or []:
        variants = [
            variant
            for variant in (medium.get("video_info") or {}).get("variants") or []
            if variant.get("content_type") == "video/mp4"
        ]
        if variants:
            best = max(variants, key=lambda variant: int(variant.get("bitrate") or 0))
            urls.append(best["url"])
        elif medium.get("media_url_https") or medium.get("media_url"):
            urls.append(medium.get("media_url_https") or medium["media_url"])
    return urls
