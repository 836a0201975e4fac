"""A post as JSON-ready data, the one shape scripts get (``netizen sources search --json``)."""

from __future__ import annotations

from typing import Any

from .models import SourcePost


def post_record(post: SourcePost) -> dict[str, Any]:
    return {
        "platform": post.platform,
        "id": post.platform_id,
        "url": post.url,
        "author": post.author_handle or post.author_name,
        "language": post.language_tag,
        "text": post.text,
        "posted_at": post.posted_at.isoformat() if post.posted_at else None,
    }
