"""Training the shipped models: on hand-written fixtures in each dataset's format, and on the
datasets themselves when the shared datasets are present. No database."""

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from netizen.moderation import training
from netizen.moderation.classifiers import (
    BINARY_FORMAT,
    OFFENSIVE_ZH,
    OFFENSIVE_ZH_FILE,
    SPAM_EN,
    LinearTextModel,
    sha256_file,
)

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = settings.NETIZEN_DATASETS
needs_cold = pytest.mark.skipif(
    not (SHARED / "cold" / "train.csv").is_file(),
    reason=f"COLD not found at {SHARED / 'cold'} (no shared datasets next to this checkout)",
)


def test_read_cold_deduplicates_after_normalisation():
    data = training.read_cold(FIXTURES / "cold")
    train, dev = data.files["train.csv"], data.files["dev.csv"]
    assert train["rows"] == 27
    assert train["duplicates_dropped"] == 1  # the full-width space variant
    assert train["conflicting_labels_dropped"] == 2  # both copies of the disputed text
    assert train["rows_used"] == len(data.train) == 24
    assert dev["rows"] == 9
    assert dev["in_train_dropped"] == 2  # one as written, one in Traditional script
    assert dev["duplicates_dropped"] == 1
    assert dev["rows_used"] == len(data.dev) == 6
    assert train["sha256"] == sha256_file(FIXTURES / "cold" / "train.csv")
    assert "这话说得真有意思" not in data.train.texts


def test_read_cold_rejects_missing_files(tmp_path):
    with pytest.raises(training.TrainingError, match="not found"):
        training.read_cold(tmp_path)


@pytest.mark.parametrize("weighting", ["nb", "tfidf"])
def test_export_scores_like_scikit_learn(weighting):
    data = training.read_cold(FIXTURES / "cold")
    config = training.TrainConfig(weighting=weighting)
    model, reference = training.fit(data.train.texts, data.train.labels, config)
    assert model.binary_tf == (weighting == "nb")
    # Repeats matter to TF-IDF and not to NB-LR; the export must agree either way.
    texts = [*data.dev.texts, *data.train.texts, "", "完全无关的一句话", "Latin only", "滚滚滚滚"]
    expected = reference(texts)
    for text, want in zip(texts, expected, strict=True):
        assert model.score(text) == pytest.approx(want, abs=1e-5)


def test_naive_bayes_scaling_weighs_ngrams_by_their_log_count_ratio():
    import numpy as np
    from scipy.sparse import csr_matrix

    x = csr_matrix([[1, 0, 1], [1, 1, 0], [0, 1, 0]], dtype=float)
    scaling = training.NaiveBayesScaling().fit(x, [1, 1, 0])
    # Smoothed counts: offensive 1 + (2, 1, 1), safe 1 + (0, 1, 0).
    p, q = np.array([3, 2, 2]) / 7, np.array([1, 2, 1]) / 4
    assert scaling.r_ == pytest.approx(np.log(p / q))
    scaled = scaling.transform(x).toarray()
    assert np.linalg.norm(scaled, axis=1) == pytest.approx([1, 1, 1])
    assert scaled[2] == pytest.approx([0, np.sign(np.log(p[1] / q[1])), 0])


def test_train_writes_a_loadable_model_with_its_provenance(tmp_path):
    summary = training.train_offensive_zh(FIXTURES, tmp_path)
    path = tmp_path / OFFENSIVE_ZH_FILE
    assert summary["path"] == str(path)
    assert summary["bytes"] == path.stat().st_size
    assert summary["sha256"] == sha256_file(path)
    assert summary["dev"]["rows"] == 6
    assert set(summary["dev"]) >= {"accuracy", "precision", "recall", "f1", "roc_auc"}

    raw = json.loads(gzip.decompress(path.read_bytes()))
    assert raw["format"] == BINARY_FORMAT  # NB-LR: binary tf
    assert raw["label"] == "hate_speech"

    model = LinearTextModel.load(path)
    assert model.name == OFFENSIVE_ZH
    assert model.version.startswith("offensive-zh ")
    assert model.version.endswith(summary["sha256"][:12])
    meta = model.metadata
    assert meta["data"]["files"]["train.csv"]["sha256"] == sha256_file(
        FIXTURES / "cold" / "train.csv"
    )
    assert meta["data"]["files"]["dev.csv"]["rows_used"] == 6
    assert meta["config"]["seed"] == training.TrainConfig().seed
    assert meta["software"]["scikit-learn"]
    assert meta["created"] == summary["created"]
    assert meta["dev_metrics"] == summary["dev"]
    assert meta["export_max_abs_diff"] < training.EXPORT_TOLERANCE
    # Even this tiny model tells its training texts apart.
    assert model.score("外地人都是垃圾，滚回老家去") > model.score("各地都有自己的特色小吃")


def test_training_is_repeatable(tmp_path):
    first = training.train_offensive_zh(FIXTURES, tmp_path / "a")
    second = training.train_offensive_zh(FIXTURES, tmp_path / "b")
    a = LinearTextModel.load(Path(first["path"]))
    b = LinearTextModel.load(Path(second["path"]))
    assert a.terms == b.terms
    assert a.folds == b.folds


def test_command_prints_a_json_summary(tmp_path):
    out = io.StringIO()
    call_command(
        "moderation", "train", "--data-dir", str(FIXTURES), "--output", str(tmp_path), stdout=out
    )
    models = json.loads(out.getvalue())["models"]
    assert models[OFFENSIVE_ZH]["model"] == OFFENSIVE_ZH
    assert (tmp_path / OFFENSIVE_ZH_FILE).is_file()
    assert models[OFFENSIVE_ZH]["data"]["files"]["train.csv"]["rows"] == 27
    assert "youtube_spam" in models[SPAM_EN]["skipped"]  # the fixture has no spam data


def write_youtube(folder: Path) -> None:
    """A YouTube-spam-format file in our own words: channel plugs and song talk."""
    folder.mkdir(parents=True)
    plugs = [
        "check out my channel",
        "subscribe to me",
        "free gift cards at my site",
        "visit my page for money",
        "follow me for daily giveaways",
    ]
    talk = [
        "this song takes me back",
        "the chorus is so good",
        "who is here in 2015",
        "love the dancing in this video",
        "her voice is amazing",
    ]
    with open(folder / "01-fixture.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["COMMENT_ID", "AUTHOR", "DATE", "CONTENT", "CLASS"])
        for i in range(60):
            writer.writerow([f"s{i}", "a", "2015-01-01", f"{plugs[i % 5]} number {i}!!", "1"])
            writer.writerow([f"h{i}", "b", "2015-01-01", f"{talk[i % 5]}, part {i}", "0"])


def test_the_spam_model_trains_on_youtube_comments_and_scores_spam(tmp_path):
    write_youtube(tmp_path / "data" / "youtube_spam")
    summary = training.train_spam_en(tmp_path / "data", tmp_path)
    model = LinearTextModel.load(tmp_path / summary["path"].split("/")[-1])
    assert (model.name, model.language, model.label) == (SPAM_EN, "en", "spam")
    assert summary["dev"]["f1"] >= 0.9
    assert model.score("check out my channel and subscribe!!") > 0.5
    assert model.score("the chorus of this song is so good") < 0.5
    assert summary["data"]["files"]["01-fixture.csv"]["rows"] == 120


def test_command_reports_missing_data(tmp_path):
    with pytest.raises(CommandError, match="not found"):
        call_command("moderation", "train", "--data-dir", str(tmp_path), "--output", str(tmp_path))


@needs_cold
def test_cold_row_counts_after_deduplication():
    data = training.read_cold(SHARED / "cold")
    assert data.files["train.csv"]["rows"] == 25_726
    assert data.files["dev.csv"]["rows"] == 6_431
    # COLD's README: 71 repeated train rows, 34 dev texts also in train.
    train = data.files["train.csv"]
    assert train["duplicates_dropped"] + train["conflicting_labels_dropped"] // 2 == 71
    assert data.files["dev.csv"]["in_train_dropped"] == 34
    assert data.source == "thu-coai/COLDataset@a0c55a945497ab58e94aef491180e1cf88ffb864"
