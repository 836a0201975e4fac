"""The "screening" benchmark: comments screened per second on one core, and the latency.

Runs the whole screening pipeline (normalisation, language detection, repeat detection, the
shipped word lists, both classifiers) on a mix of real English and Chinese comments from the
shared datasets, one comment at a time, pinned to a single CPU core. Each comment is compared with
the 500 comments before it, as the repeat phase does on a busy site (the database query that
fetches them in production is not timed). Models are loaded before timing starts.
"""

from __future__ import annotations

import collections
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime

from django.conf import settings

from netizen.database import unapplied_migrations
from netizen.moderation import ScreeningContext, SeenComment, screen
from netizen.moderation.context import Policy
from netizen.moderation.lexicon import default_lexicon
from netizen.moderation.normalise import fingerprint_of, fold, simhash_of

from .datasets import comment_mix
from .pages import BenchError, environment, percentile


@contextmanager
def one_core() -> Iterator[int | None]:
    """Run on the first CPU we may use, so the figure is per core; None where unsupported.
    The process gets its CPUs back afterwards."""
    if not hasattr(os, "sched_setaffinity"):
        yield None
        return
    allowed = os.sched_getaffinity(0)
    core = min(allowed)
    os.sched_setaffinity(0, {core})
    try:
        yield core
    finally:
        os.sched_setaffinity(0, allowed)


# As many recent comments as the site's repeat check compares a new one with.
RECENT_LIMIT = 500


class RollingHistory:
    """The last RECENT_LIMIT comments screened, held in memory."""

    def __init__(self) -> None:
        self.seen: collections.deque[SeenComment] = collections.deque(maxlen=RECENT_LIMIT)

    def recent(self, since: datetime) -> Sequence[SeenComment]:
        return list(reversed(self.seen))

    def count_from_client(self, client: str, since: datetime) -> int:
        return 0

    def add(self, number: int, screened: ScreeningContext) -> None:
        """Keep comment ``number``, screened in ``screened`` (see :func:`arrived`)."""
        assert screened.fingerprint is not None and screened.simhash is not None
        self.seen.append(
            SeenComment(
                number,
                number % 7,
                f"client-{number}",
                screened.fingerprint,
                screened.simhash,
                datetime.now(UTC),
            )
        )


def arrived(context: ScreeningContext, text: str) -> ScreeningContext:
    """``context`` with what the site works out as a comment arrives, before screening: its
    fingerprint and simhash (``submission.submit``)."""
    folded = fold(text, mapped=False)
    return replace(context, fingerprint=fingerprint_of(folded), simhash=simhash_of(folded))


def run(requests: int = 20_000, warmup: int = 500) -> dict:
    """Screen ``requests`` comments after ``warmup`` untimed ones; JSON-ready figures."""
    if pending := unapplied_migrations():
        raise BenchError(f"Run `netizen migrate` first ({len(pending)} unapplied migrations).")
    texts = comment_mix(requests + warmup)
    with one_core() as core:
        return measure(texts, warmup, core)


def measure(texts: list[tuple[str, str]], warmup: int, core: int | None) -> dict:
    """Screen ``texts``, the first ``warmup`` untimed, on whichever core we are pinned to."""
    history = RollingHistory()
    policy = Policy(languages=tuple(settings.NETIZEN_COMMENT_LANGUAGES))
    context = ScreeningContext(history=history, lexicon=default_lexicon(), policy=policy)
    for number, (_, text) in enumerate(texts[:warmup]):
        arriving = arrived(context, text)
        screen(text, arriving)
        history.add(number, arriving)

    latencies: list[float] = []
    actions: collections.Counter[str] = collections.Counter()
    detected: collections.Counter[str] = collections.Counter()
    unavailable = 0
    models: dict[str, str] = {}
    started = time.perf_counter()
    for number, (_, text) in enumerate(texts[warmup:], start=warmup):
        arriving = arrived(context, text)
        before = time.perf_counter()
        verdict = screen(text, arriving)
        latencies.append(time.perf_counter() - before)
        history.add(number, arriving)
        actions[str(verdict.action)] += 1
        detected[verdict.language] += 1
        unavailable += verdict.unavailable
        models |= verdict.models
    seconds = time.perf_counter() - started
    screening = sum(latencies)
    ordered = sorted(latencies)
    return {
        "scenario": "screening",
        "meta": {
            **environment(),
            "warmup": warmup,
            "pinned_core": core,
            "texts": dict(collections.Counter(language for language, _ in texts[warmup:])),
        },
        "comments": len(ordered),
        # Time in screen() alone. The loop also does what the site does as a comment
        # arrives (its fingerprint and simhash, stored with it and given to screening) and
        # keeps the bench's stand-in for the comments table; with that, the loop's own rate.
        "seconds": round(screening, 3),
        "comments_per_second": round(len(ordered) / screening, 1),
        "loop_seconds": round(seconds, 3),
        "loop_comments_per_second": round(len(ordered) / seconds, 1),
        "p50_ms": round(percentile(ordered, 50) * 1000, 3),
        "p99_ms": round(percentile(ordered, 99) * 1000, 3),
        "max_ms": round(ordered[-1] * 1000, 3),
        "actions": dict(actions),
        "detected_languages": dict(detected),
        "screening_unavailable": unavailable,
        "models": models,
    }
