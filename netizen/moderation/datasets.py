"""The public moderation datasets in ``NETIZEN_DATASETS``, read as :class:`Example` splits.

Each reader maps its dataset's labels onto the policy's, and says which policy labels the
dataset can speak for (``Example.known``). Splits are fixed: a dataset's own split where it
has one (COLD), else 20% of texts chosen by a hash of the text, so every run and every
machine holds out the same rows. Dev splits drop texts that also occur in training (after
folding width, case, script and spacing) and their own repeats, so their figures are not
flattered by memorised copies.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from netizen.moderation.examples import Example
from netizen.moderation.normalise import fold
from netizen.moderation.registry import sha256_file
from netizen.moderation.verdict import ABUSE, HATE_SPEECH, LABELS, OBSCENITY, PERSONAL_ATTACK, SPAM

# One row in five, by the hash of its folded text, is held out where a dataset has no dev split.
DEV_SHARE = 0.2


class DatasetMissing(FileNotFoundError):
    """A dataset's files are not where ``NETIZEN_DATASETS`` says."""


@dataclass
class Dataset:
    """A dataset's splits, and the files it was read from (for the model card)."""

    name: str
    splits: dict[str, list[Example]]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)


def same_text_key(text: str) -> str:
    """Texts differing only in width, case, script, lookalikes or spacing are the same."""
    return re.sub(r"\s+", "", fold(text).text)


def held_out(key: str) -> bool:
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) < DEV_SHARE * 2**32


def split_by_hash(examples: Iterable[Example]) -> dict[str, list[Example]]:
    """Train and dev by the text's hash; copies land together, so dev holds no train text."""
    splits: dict[str, list[Example]] = {"train": [], "dev": []}
    for example in examples:
        splits["dev" if held_out(same_text_key(example.text)) else "train"].append(example)
    return {name: unique(rows) for name, rows in splits.items()}


def unique(examples: Iterable[Example], exclude: set[str] | None = None) -> list[Example]:
    """One example per text; a text whose copies disagree is dropped (it teaches nothing)."""
    exclude = exclude or set()
    grouped: dict[str, list[Example]] = {}
    for example in examples:
        key = same_text_key(example.text)
        if key and key not in exclude:
            grouped.setdefault(key, []).append(example)
    return [rows[0] for rows in grouped.values() if len({r.labels for r in rows}) == 1]


def require(path: Path) -> Path:
    if not path.is_file():
        raise DatasetMissing(f"{path} not found (is NETIZEN_DATASETS set?)")
    return path


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(require(path), encoding="utf-8-sig", newline="") as data:
        return list(csv.DictReader(data))


def file_record(path: Path, rows: int) -> dict[str, Any]:
    return {"sha256": sha256_file(path), "rows": rows}


def yes_or_no(
    rows: list[dict[str, str]],
    text: str,
    flag: str,
    language: str,
    labels: frozenset[str],
    source: str,
) -> list[Example]:
    """Examples from a CSV whose ``flag`` column says "1" when ``labels`` apply; each is
    located by file and line (the header is line 1)."""
    return [
        Example(row[text], language, labels if row[flag] == "1" else frozenset(), labels,
                f"{source}:{number}")
        for number, row in enumerate(rows, start=2)
    ]  # fmt: skip


def cold(folder: Path) -> Dataset:
    """COLD (Chinese offensive language; race, gender, region). Its offensive comments mostly
    attack groups, so they count as hate speech; it speaks for nothing else."""
    known = frozenset({HATE_SPEECH})
    splits: dict[str, list[Example]] = {}
    files = {}
    for split in ("train", "dev"):
        path = folder / "cold" / f"{split}.csv"
        rows = read_rows(path)
        files[f"cold/{split}.csv"] = file_record(path, len(rows))
        splits[split] = yes_or_no(rows, "TEXT", "label", "zh-Hans", known, f"cold/{split}.csv")
    train = unique(splits["train"])
    dev = unique(splits["dev"], exclude={same_text_key(e.text) for e in splits["train"]})
    return Dataset("cold", {"train": train, "dev": dev}, files)


def davidson(folder: Path) -> Dataset:
    """Davidson et al.'s tweets: hate speech, offensive language (profanity and insults,
    counted as obscenity), or neither (nothing abusive at all)."""
    path = folder / "davidson_hate_offensive" / "labeled_data.csv"
    rows = read_rows(path)
    mapping = {
        "0": (frozenset({HATE_SPEECH}), frozenset({HATE_SPEECH})),
        "1": (frozenset({OBSCENITY}), frozenset({HATE_SPEECH, OBSCENITY})),
        "2": (frozenset(), ABUSE),
    }
    examples = (
        Example(row["tweet"], "en", *mapping[row["class"]], f"labeled_data.csv:{number}")
        for number, row in enumerate(rows, start=2)
        if row["class"] in mapping
    )
    return Dataset(
        "davidson", split_by_hash(examples), {"labeled_data.csv": file_record(path, len(rows))}
    )


def swsr(folder: Path) -> Dataset:
    """SWSR's Weibo comments on gender: sexist ones attack women as a group (hate speech) or
    one person (a personal attack); the others are neither."""
    path = folder / "swsr" / "SexComment.csv"
    rows = read_rows(path)
    known = frozenset({HATE_SPEECH, PERSONAL_ATTACK})

    def labels(row: dict[str, str]) -> frozenset[str]:
        if row["label"] != "1":
            return frozenset()
        return frozenset({PERSONAL_ATTACK if row["target"] == "I" else HATE_SPEECH})

    examples = [
        Example(row["comment_text"], "zh-Hans", labels(row), known, f"SexComment.csv:{number}")
        for number, row in enumerate(rows, start=2)
    ]
    return Dataset(
        "swsr",
        {"comments": unique(examples)},  # evaluated whole: no recipe trains on SWSR
        {"SexComment.csv": file_record(path, len(rows))},
    )


def youtube_spam(folder: Path) -> Dataset:
    """Comments under five YouTube music videos, spam or not (English)."""
    known = frozenset({SPAM})
    examples: list[Example] = []
    files = {}
    for path in sorted((folder / "youtube_spam").glob("*.csv")):
        rows = read_rows(path)
        files[path.name] = file_record(path, len(rows))
        examples.extend(yes_or_no(rows, "CONTENT", "CLASS", "en", known, path.name))
    if not files:
        raise DatasetMissing(f"{folder / 'youtube_spam'} holds no CSV files")
    return Dataset("youtube_spam", split_by_hash(examples), files)


# Ordinary sentences kept from Tatoeba, by hash of the text: enough to teach the spam model
# that polite, everyday English ("please check the dates") is not an advert, few enough
# not to drown the spam it learns from.
ORDINARY_SENTENCES = 2000


def tatoeba_english(folder: Path) -> Dataset:
    """Everyday English sentences (Tatoeba, the English side of the Chinese pairs), none of
    them spam: the spam model's counterweight to YouTube's plugs. Sentences of five words
    or more, each once."""
    path = require(folder / "tatoeba_cmn_eng" / "cmn.txt")
    known = frozenset({SPAM})
    with open(path, encoding="utf-8-sig") as lines:
        rows = [line.split("\t")[0] for line in lines]
    examples = unique(
        Example(text, "en", frozenset(), known, f"cmn.txt:{number}")
        for number, text in enumerate(rows, start=1)
        if len(text.split()) >= 5
    )
    examples.sort(key=lambda e: hashlib.sha256(e.text.encode()).hexdigest())
    return Dataset(
        "tatoeba_english",
        {"train": examples[:ORDINARY_SENTENCES]},
        {"cmn.txt": file_record(path, len(rows))},
    )


READERS: dict[str, Callable[[Path], Dataset]] = {
    "cold": cold,
    "davidson": davidson,
    "swsr": swsr,
    "youtube_spam": youtube_spam,
}


def available(folder: Path, names: Iterable[str] = READERS) -> Iterator[Dataset]:
    """The named datasets that are present in ``folder``, read."""
    for name in names:
        try:
            yield READERS[name](folder)
        except DatasetMissing:
            continue


__all__ = ["LABELS", "READERS", "Dataset", "DatasetMissing", "available"]
