"""`netizen moderation ceilings`: each recipe trained on the dataset it is scored on, the
scored rows held out. On small files in each dataset's format, written here. No database."""

import csv
import io
import json
import random
import shutil
from pathlib import Path

from django.core.management import call_command

from netizen.moderation import training

FIXTURES = Path(__file__).parent / "fixtures"
# Under 100 texts the recipe keeps every n-gram, however rare: a model shown the rows it
# scores would learn each one's own characters.
ROWS = 90


def filler(rng: random.Random) -> str:
    """Four random common characters: each comment's own n-grams, which say nothing of its
    label."""
    return "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(4))


def write_swsr(folder: Path, noise: bool = False) -> None:
    """Sexist comments say one of three things; the others talk about the news. With
    ``noise``, every other comment says only "我来说两句" and is labelled at random."""
    rng = random.Random(5)
    sexist = ["女人就该回家带孩子", "女司机都不会开车", "女的读书有什么用"]
    other = ["这条新闻写得很清楚", "感谢博主的整理", "明天还会下雨吗"]
    folder.mkdir(parents=True)
    with open(folder / "SexComment.csv", "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["index", "weibo_id", "comment_text", "label", "category", "target"])
        for i in range(ROWS):
            label = i % 4 < 2
            said = (sexist if label else other)[i % 3]
            if noise and i % 2:
                said, label = "我来说两句", rng.random() < 0.5
            text = f"{said}{filler(rng)}"
            writer.writerow([i, "w", text, int(label), "MA" if label else "", "G" if label else ""])


def write_davidson(folder: Path) -> None:
    """Hate speech names a group as vermin; offensive tweets swear; the rest do neither."""
    rng = random.Random(9)
    kinds = [
        ("0", "those people are vermin and should leave"),
        ("1", "damn this traffic is so bad"),
        ("2", "lovely weather for a walk today"),
    ]
    folder.mkdir(parents=True)
    with open(folder / "labeled_data.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["count", "hate_speech", "offensive_language", "neither", "class", "tweet"])
        for i in range(3 * ROWS):
            label, text = kinds[i % 3]
            writer.writerow([3, 0, 0, 0, label, f"{text} {rng.randrange(10**6)}"])


def ceilings(data_dir: Path) -> dict:
    out = io.StringIO()
    call_command("moderation", "ceilings", "--data-dir", str(data_dir), stdout=out)
    return json.loads(out.getvalue())


def test_a_recipe_trained_on_the_dataset_itself_learns_its_labels(tmp_path):
    shutil.copytree(FIXTURES / "cold", tmp_path / "cold")
    write_swsr(tmp_path / "swsr")
    write_davidson(tmp_path / "davidson_hate_offensive")
    result = ceilings(tmp_path)
    assert result["command"] == "netizen moderation ceilings"
    swsr = result["swsr"]
    assert [run["at_0.5"]["rows"] for run in swsr["runs"]] == [ROWS] * swsr["fold_seeds"]
    assert swsr["accuracy_at_0.5"]["min"] >= 0.95
    for name, figures in result["davidson"].items():
        assert figures["best_f1"]["f1"] >= 0.9, name
    assert set(result["cold"]) == {"shipped (char 1-3)", "char 1-4", "char 1-5"}


def test_the_shipped_recipe_measures_as_the_shipped_model_does(tmp_path):
    """The COLD reference for the shipped recipe is the figure training reports for the
    shipped model on the same files."""
    shutil.copytree(FIXTURES / "cold", tmp_path / "cold")
    trained = training.train_offensive_zh(tmp_path, tmp_path / "models")["dev"]
    shipped = ceilings(tmp_path)["cold"]["shipped (char 1-3)"]["at_0.5"]
    assert {k: shipped[k] for k in ("rows", "accuracy", "roc_auc")} == {
        k: trained[k] for k in ("rows", "accuracy", "roc_auc")
    }


def test_each_comment_is_scored_by_a_model_that_never_saw_it(tmp_path):
    # Half the labels are drawn at random: only a model that had seen those comments, and
    # learnt their own characters, could tell them.
    write_swsr(tmp_path / "swsr", noise=True)
    accuracy = ceilings(tmp_path)["swsr"]["accuracy_at_0.5"]
    assert accuracy["min"] >= 0.6 and accuracy["max"] <= 0.85


def test_a_missing_dataset_is_named_and_the_others_still_measured(tmp_path):
    write_swsr(tmp_path / "swsr")
    result = ceilings(tmp_path)
    assert "cold" in result["cold"]["missing"]
    assert "davidson_hate_offensive" in result["davidson"]["missing"]
    assert result["swsr"]["accuracy_at_0.5"]["mean"] >= 0.95
