"""Training the Chinese model: on a hand-written COLD-format fixture, and on COLD itself when
the shared datasets are present. No database."""

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
    MODEL_FORMAT,
    OFFENSIVE_ZH,
    OFFENSIVE_ZH_FILE,
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


def test_export_scores_like_scikit_learn():
    data = training.read_cold(FIXTURES / "cold")
    model, reference = training.fit(data.train.texts, data.train.labels)
    texts = [*data.dev.texts, *data.train.texts, "", "完全无关的一句话", "Latin only"]
    expected = reference(texts)
    for text, want in zip(texts, expected, strict=True):
        assert model.score(text) == pytest.approx(want, abs=1e-5)


def test_train_writes_a_loadable_model_with_its_provenance(tmp_path):
    summary = training.train_offensive_zh(FIXTURES, tmp_path)
    path = tmp_path / OFFENSIVE_ZH_FILE
    assert summary["path"] == str(path)
    assert summary["bytes"] == path.stat().st_size
    assert summary["sha256"] == sha256_file(path)
    assert summary["dev"]["rows"] == 6
    assert set(summary["dev"]) >= {"accuracy", "precision", "recall", "f1", "roc_auc"}

    raw = json.loads(gzip.decompress(path.read_bytes()))
    assert raw["format"] == MODEL_FORMAT
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
    summary = json.loads(out.getvalue())
    assert summary["model"] == OFFENSIVE_ZH
    assert (tmp_path / OFFENSIVE_ZH_FILE).is_file()
    assert summary["data"]["files"]["train.csv"]["rows"] == 27


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
