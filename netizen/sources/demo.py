"""Demo inbox: posts of the kind the lead story quotes, written for this project.

Imported through the same importer an editor uses (a JSON Lines file with a column
mapping), so the demo shows language detection, folded copies and search at work.
"""

from __future__ import annotations

import io
import json

from django.db import transaction

from netizen.stories.demo import LEAD_STORY_SLUG
from netizen.stories.models import StoryPage

from .importing import import_stream
from .models import Collection, Label, SourcePost

MAPPING = {
    "platform_id": "id",
    "author_handle": "handle",
    "author_name": "name",
    "text": "text",
    "posted_at": "time",
    "url": "url",
    "engagement.likes": "likes",
}
LABELS = {
    "humanitarian concern": "Worried about what happens to the people sent back.",
    "supports repatriation": "Agrees with sending the escapees back.",
    "asks for facts": "Asks what is known, or for sources.",
}

# (id, handle, name, time, likes, text, labels)
POSTS: list[tuple[str, str, str, str, int, str, list[str]]] = [
    ("D001", "1100000001", "江边的灯", "2026-10-02T09:12:00+08:00", 4210,
     "如果他们被送回去，会面对什么？我们不能假装不知道。", ["humanitarian concern"]),
    ("D002", "1100000002", "北方小雪", "2026-10-02T10:40:00+08:00", 1880,
     "法律就是法律，非法越境就应该遣返。", ["supports repatriation"]),
    ("D003", "1100000003", "讀報的人", "2026-10-02T11:05:00+08:00", 960,
     "遣返之後的處境，國際組織一直有報告，大家可以先看看再下結論。", ["asks for facts"]),
    ("D004", "1100000004", "夜班护士", "2026-10-03T01:22:00+08:00", 3022,
     "里面有孩子。不管大人犯了什么错，孩子有什么错？", ["humanitarian concern"]),
    ("D005", "1100000005", "转发机器", "2026-10-03T02:00:00+08:00", 12,
     "如果他们被送回去，会面对什么？我们不能假装不知道。 http://t.cn/demo1", []),
    ("D006", "1100000006", "边城老陈", "2026-10-03T08:30:00+08:00", 540,
     "我们这边的人都知道河对岸的情况，只是没人敢说。", ["humanitarian concern"]),
    ("D007", "1100000007", "守规矩", "2026-10-04T14:10:00+08:00", 230,
     "收留他们谁来负责？先把自己国家的事情管好吧。", ["supports repatriation"]),
    ("D008", "1100000008", "海風", "2026-10-04T20:45:00+08:00", 1310,
     "有沒有人知道這次一共多少人？新聞裡的數字對不上。", ["asks for facts"]),
    ("D009", "1100000009", "rivers_and_roads", "2026-10-05T07:00:00+08:00", 88,
     "Reading the comments under this post: far more sympathy than the official line.",
     ["humanitarian concern"]),
]  # fmt: skip


def demo_lines() -> bytes:
    lines = [
        {
            "id": post_id,
            "handle": handle,
            "name": name,
            "time": time,
            "likes": likes,
            "text": text,
            "url": f"https://weibo.example/{handle}/{post_id}",
        }
        for post_id, handle, name, time, likes, text, _ in POSTS
    ]
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()


def load_demo_sources() -> None:
    """Add the demo posts, labels and collection once (idempotent)."""
    with transaction.atomic():
        import_stream(
            io.BytesIO(demo_lines()), "jsonl", source="demo posts", mapping=MAPPING,
            platform="weibo",
        )  # fmt: skip
        labels = {
            name: Label.objects.get_or_create(name=name, defaults={"description": about})[0]
            for name, about in LABELS.items()
        }
        collection, _ = Collection.objects.get_or_create(
            name="Return of North Korean escapees",
            defaults={
                "description": "What Weibo users said about the escapees detained at the border.",
                "story": StoryPage.objects.filter(slug=LEAD_STORY_SLUG).first(),
            },
        )
        for post_id, *_, names in POSTS:
            post = SourcePost.objects.get(platform="weibo", platform_id=post_id)
            post.labels.add(*(labels[name] for name in names))
            post.collections.add(collection)
