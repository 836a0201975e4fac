"""Evaluation: the figures are right, splits hold out what they should, and the report says
how screening does per dataset, language, label and behaviour."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from netizen.moderation import datasets
from netizen.moderation.examples import Example
from netizen.moderation.metrics import binary, roc_auc

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"


def test_roc_auc_counts_ties_as_half():
    assert roc_auc([True, False], [0.9, 0.1]) == 1.0
    assert roc_auc([True, False], [0.1, 0.9]) == 0.0
    assert roc_auc([True, False, True, False], [0.5, 0.5, 0.5, 0.5]) == 0.5
    assert roc_auc([True, True], [0.2, 0.3]) is None


def test_binary_figures_at_a_threshold():
    figures = binary([True, True, False, False], [0.9, 0.4, 0.6, 0.1], threshold=0.5)
    assert figures["accuracy"] == 0.5
    assert (figures["precision"], figures["recall"], figures["f1"]) == (0.5, 0.5, 0.5)
    assert figures["roc_auc"] == 0.75


def test_an_example_cannot_claim_a_label_its_source_does_not_know():
    with pytest.raises(ValueError, match="not all known"):
        Example("x", "en", frozenset({"spam"}), frozenset({"hate_speech"}), "t:1")
    example = Example("x", "en", frozenset(), frozenset({"spam"}), "t:1")
    assert (example.says("spam"), example.says("obscenity")) == (False, None)


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture
def data_dir(tmp_path):
    """Tiny copies of each dataset's layout, in our own words."""
    cold = ["split", "topic", "label", "TEXT"]
    write_csv(tmp_path / "cold/train.csv", cold, [
        ["train", "region", "1", "那个地方的人全是骗子"],
        ["train", "race", "0", "今天天气很好"],
        ["train", "race", "0", "今天天气很好"],  # a repeat: kept once
    ])  # fmt: skip
    write_csv(tmp_path / "cold/dev.csv", cold, [
        ["dev", "gender", "1", "女人就不该出来工作"],
        ["dev", "race", "0", "今天 天气很好"],  # in train after folding: dropped
        ["dev", "region", "0", "欢迎大家来我们城市旅游"],
    ])  # fmt: skip
    write_csv(
        tmp_path / "youtube_spam/01-video.csv",
        ["COMMENT_ID", "AUTHOR", "DATE", "CONTENT", "CLASS"],
        [
            [f"c{i}", "a", "2014-01-01", f"check out my channel number {i} and subscribe", "1"]
            for i in range(20)
        ]
        + [
            [f"h{i}", "b", "2014-01-01", f"I love this song, part {i} is my favourite", "0"]
            for i in range(20)
        ],
    )
    return tmp_path


def test_cold_dev_drops_texts_seen_in_training(data_dir):
    cold = datasets.cold(data_dir)
    assert len(cold.splits["train"]) == 2
    assert [e.text for e in cold.splits["dev"]] == ["女人就不该出来工作", "欢迎大家来我们城市旅游"]
    assert cold.splits["dev"][0].labels == {"hate_speech"}
    assert set(cold.files) == {"cold/train.csv", "cold/dev.csv"}


def test_hash_splits_are_fixed_and_keep_copies_together(data_dir):
    first = datasets.youtube_spam(data_dir).splits
    again = datasets.youtube_spam(data_dir).splits
    assert [e.origin for e in first["dev"]] == [e.origin for e in again["dev"]]
    dev_texts = {datasets.same_text_key(e.text) for e in first["dev"]}
    assert not dev_texts & {datasets.same_text_key(e.text) for e in first["train"]}


def test_missing_datasets_are_left_out(data_dir):
    assert [d.name for d in datasets.available(data_dir)] == ["cold", "youtube_spam"]


def test_the_evaluate_command_reports_splits_labels_and_behaviours(data_dir):
    out = io.StringIO()
    call_command("moderation", "evaluate", "--data-dir", str(data_dir), stdout=out)
    report = json.loads(out.getvalue())
    assert set(report["datasets"]) == {"cold/dev", "cold/dev (Traditional)", "youtube_spam/dev"}
    cold = report["datasets"]["cold/dev"]["zh-Hans"]["hate_speech"]
    assert (cold["n"], cold["positives"]) == (2, 1)
    assert set(report["datasets"]["cold/dev (Traditional)"]) == {"zh-Hant"}
    assert report["models"]  # the versions that were measured
    negation = report["functional"]["negation"]
    assert set(negation) == {"en", "zh-Hans", "zh-Hant"}
    assert negation["en"]["cases"] >= 12 and 0 <= negation["en"]["accuracy"] <= 1


@pytest.mark.skipif(not (SHARED / "swsr").is_dir(), reason="needs ../shared/datasets (SWSR)")
def test_swsr_is_read_as_sexist_or_not_with_its_target():
    swsr = datasets.swsr(SHARED)
    comments = swsr.splits["comments"]
    assert len(comments) > 8000
    attacks = [e for e in comments if "personal_attack" in e.labels]
    groups = [e for e in comments if "hate_speech" in e.labels]
    assert attacks and groups and len(attacks) + len(groups) < len(comments)
