"""Real comments for benchmarks, read from the shared developer datasets (never copied)."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from .pages import BenchError

# (language, file under settings.NETIZEN_DATASETS, text column)
SOURCES: list[tuple[str, str, str]] = [
    ("en", "davidson_hate_offensive/labeled_data.csv", "tweet"),
    ("zh", "cold/dev.csv", "TEXT"),
    ("en", "youtube_spam/01-9bZkp7q19f0.csv", "CONTENT"),
    ("zh", "swsr/SexComment.csv", "comment_text"),
]


def labelled_column(language: str, path: Path, name: str) -> Iterator[tuple[str, str]]:
    """(language, text) for each non-empty cell of one CSV column."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            if text := (row.get(name) or "").strip():
                yield language, text


def comment_mix(count: int) -> list[tuple[str, str]]:
    """``count`` (language, text) pairs, taking from each source in turn: half English, half
    Chinese, and every third Chinese text converted to Traditional characters."""
    missing = [name for _, name, _ in SOURCES if not (settings.NETIZEN_DATASETS / name).exists()]
    if missing:
        raise BenchError(
            "Benchmark texts come from the shared datasets, not found at "
            f"{settings.NETIZEN_DATASETS} "
            f"(missing {', '.join(missing)}). Set NETIZEN_DATASETS to their folder."
        )
    from netizen.moderation.normalise import s2t

    to_traditional = s2t()
    by_language: dict[str, list[Iterator[tuple[str, str]]]] = {}
    for language, name, field in SOURCES:
        by_language.setdefault(language, []).append(
            labelled_column(language, settings.NETIZEN_DATASETS / name, field)
        )
    # Alternate languages; within one, read its sources one after the other.
    streams = [itertools.chain(*sources) for sources in by_language.values()]
    mixed = (item for group in zip(*streams, strict=False) for item in group)
    texts = []
    for index, (language, text) in enumerate(itertools.islice(itertools.cycle(list(mixed)), count)):
        if language == "zh" and index % 3 == 0:
            language, text = "zh-Hant", to_traditional.convert(text)
        texts.append((language, text))
    return texts
