"""The "sources" benchmark: importing a million posts, and searching them, on SQLite.

Generates posts in the Weibo-COV CSV layout (half Simplified Chinese, a fifth Traditional,
the rest English; one in ten a copy of an earlier text, as in a copy-paste campaign), imports
them through the same code an editor's import runs (language detection, fingerprints,
clustering and the search index included), and then times searches as the inbox runs them
(newest first, copies folded, first page). It all happens in a throwaway data directory, in
a child process, so the figures include a cold start and the peak memory is the import's
own (the worker process that parses the file is reported apart).
"""

from __future__ import annotations

import csv
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from netizen.stats import percentile

from .pages import BenchError, environment

SEED = 20261129
HEADER = [
    "_id", "user_id", "crawl_time", "created_at", "like_num", "repost_num", "comment_num",
    "content", "origin_weibo", "geo_info",
]  # fmt: skip
# Words to build posts from, Simplified; Traditional posts are converted with OpenCC.
CHINESE = (  # noqa: SIM905 - a sentence of words reads better than a list of 51 strings
    "难民 边境 遣返 脱北者 人道 关注 政府 政策 新闻 网友 评论 希望 孩子 家人 朝鲜 韩国 中国 "
    "法律 国际 组织 自由 生活 工作 城市 学校 医院 天气 今天 明天 我们 他们 大家 支持 反对 "
    "担心 害怕 安全 危险 历史 未来 问题 办法 消息 视频 照片 翻译 记者 报道 删除 审查 微博"
).split()
ENGLISH = (  # noqa: SIM905
    "refugees border return human rights government policy news people comment hope family "
    "children law international freedom life work city school hospital weather today support "
    "worry safety history future question answer video photo translation reporter deleted"
).split()
QUERIES = [
    "难民", "脱北者", "遣返", "人道关注", "邊境", "審查", "翻译", "refugees", "human rights",
    "朝鲜 韩国",
]  # fmt: skip


def posts(count: int, rng: random.Random) -> Iterator[list[str]]:
    from netizen.moderation.normalise import s2t

    traditional = s2t().convert
    earlier: list[str] = []
    start = 1_600_000_000
    for number in range(count):
        roll = rng.random()
        if earlier and roll < 0.1:
            text = rng.choice(earlier)
        elif roll < 0.6:
            text = "".join(rng.choices(CHINESE, k=rng.randint(8, 30))) + "。"
        elif roll < 0.8:
            text = traditional("".join(rng.choices(CHINESE, k=rng.randint(8, 30)))) + "。"
        else:
            text = " ".join(rng.choices(ENGLISH, k=rng.randint(8, 30))).capitalize() + "."
        if len(earlier) < 1000:
            earlier.append(text)
        stamp = start + number * 7
        yield [
            f"B{number:09d}", f"{rng.getrandbits(64):016x}", str(stamp + 3600),
            time.strftime("%Y-%m-%d %H:%M", time.gmtime(stamp)), str(rng.randint(0, 500)),
            str(rng.randint(0, 50)), str(rng.randint(0, 80)), text, "", "",
        ]  # fmt: skip


def write_posts(path: Path, count: int) -> int:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(posts(count, random.Random(SEED)))
    return path.stat().st_size


def child(path: Path, queries: int) -> dict:
    """In the child process: import, then search; peak memory from the kernel."""
    from django.core.management import call_command

    from netizen.sources.importing import import_stream
    from netizen.sources.inbox import inbox_queryset

    call_command("migrate", verbosity=0)
    marks: list[dict] = []

    def mark(batch) -> None:
        if batch.imported // 100_000 > len(marks):
            marks.append({"imported": batch.imported, "peak_rss_mb": round(peak_rss_mb(), 1)})

    started = time.perf_counter()
    with path.open("rb") as stream:
        batch = import_stream(stream, "weibo", source=path.name, progress=mark)
    seconds = time.perf_counter() - started
    latencies = []
    hits = {}
    for round_ in range(queries // len(QUERIES)):
        for query in QUERIES:
            before = time.perf_counter()
            found = list(inbox_queryset({"q": query})[:50])  # the inbox's first page
            latencies.append(time.perf_counter() - before)
            if round_ == 0:
                hits[query] = len(found)
    ordered = sorted(latencies)
    return {
        "imported": batch.imported,
        "duplicates": batch.duplicates,
        "errors": batch.errors,
        "import_seconds": round(seconds, 2),
        "posts_per_second": round(batch.imported / seconds, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_rss_during_import": marks,
        # The import worker that parsed and prepared the posts (see netizen.sources.worker).
        "worker_peak_rss_mb": round(peak_rss_mb(resource.RUSAGE_CHILDREN), 1),
        "searches": len(ordered),
        "search_p50_ms": round(percentile(ordered, 50) * 1000, 2),
        "search_p95_ms": round(percentile(ordered, 95) * 1000, 2),
        "first_page_hits": hits,
    }


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


# The child: a fresh interpreter with Django set up, running child() and printing its JSON.
CHILD = (
    "import json, os, sys, django; "
    "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'netizen.settings'); django.setup(); "
    "from pathlib import Path; from netizen.bench.sources import child; "
    "print(json.dumps(child(Path(sys.argv[1]), int(sys.argv[2]))))"
)


def run(requests: int = 1_000_000, warmup: int = 0, searches: int = 200) -> dict:
    """Import ``requests`` generated posts into a fresh database and time ``searches``."""
    with tempfile.TemporaryDirectory(prefix="netizen-bench-sources-") as folder:
        data = Path(folder)
        path = data / "posts.csv"
        size = write_posts(path, requests)
        env = {**os.environ, "NETIZEN_DATA_DIR": str(data / "site")}
        env.pop("DATABASE_URL", None)  # the target is SQLite, whatever the site uses
        command = [sys.executable, "-c", CHILD, str(path), str(searches)]
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise BenchError(f"The import process failed:\n{done.stderr[-3000:]}")
        figures = json.loads(done.stdout)
    return {
        "scenario": "sources",
        "meta": {**environment(), "database_vendor": "sqlite (fresh, throwaway)"},
        "posts": requests,
        "file_mb": round(size / 2**20, 1),
        **figures,
    }
