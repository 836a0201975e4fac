"""The optional ONNX screening backend, on a tiny real model built here. Pure: no database.

The model pools word embeddings over the attention mask and maps them to three logits:
``hate_speech``, ``obscenity`` and an ignored "neutral" output. "vermin" drives the first,
"damn" the second; every other word is neutral.
"""

import json
import sys
import threading
from pathlib import Path

import pytest

from netizen.moderation import onnx_backend
from netizen.moderation.classifiers import ModelUnavailable, sha256_file
from netizen.moderation.onnx_backend import OnnxClassifier, OnnxConfig, configured
from netizen.moderation.verdict import HATE_SPEECH, OBSCENITY

REASON = "the ONNX backend's optional dependencies are not installed: pip install '.[onnx,test]'"
onnx = pytest.importorskip("onnx", reason=REASON)
pytest.importorskip("onnxruntime", reason=REASON)
tokenizers = pytest.importorskip("tokenizers", reason=REASON)

from onnx import TensorProto, helper  # noqa: E402

VOCAB = ["[PAD]", "[UNK]", "vermin", "damn", "you", "are", "the", "weather", "is", "nice"]
STRONG = 30.0  # a trigger word's embedding; mean-pooled over a short text it stays large
SIGMOID_BIAS = [-4.0, -4.0, 0.0]  # sigmoid(-4) = 0.018 for a text without trigger words
SOFTMAX_BIAS = [-4.0, -4.0, 4.0]  # the neutral output wins unless a trigger word is there
CONFIG = {
    "name": "tiny-test",
    "languages": ["en"],
    "labels": [HATE_SPEECH, OBSCENITY, None],
    "activation": "sigmoid",
    "max_length": 16,
}


def embeddings() -> list[float]:
    rows = {word: [0.0, 0.0, 0.0] for word in VOCAB}
    rows["vermin"] = [STRONG, 0.0, 0.0]
    rows["damn"] = [0.0, STRONG, 0.0]
    return [value for word in VOCAB for value in rows[word]]


def tiny_graph(
    bias: list[float],
    input_names: tuple[str, str] = ("input_ids", "attention_mask"),
    token_type_ids: bool = False,
) -> onnx.ModelProto:
    """Gather embeddings, mean over unmasked tokens, then an identity MatMul plus bias.

    With ``token_type_ids`` the graph also takes that input (all zeros for one text) and adds
    it to the mask, as BERT-style exports take it.
    """
    ids, mask = input_names
    init = [
        helper.make_tensor("E", TensorProto.FLOAT, [len(VOCAB), 3], embeddings()),
        helper.make_tensor("W", TensorProto.FLOAT, [3, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1]),
        helper.make_tensor("B", TensorProto.FLOAT, [3], bias),
        helper.make_tensor("axis1", TensorProto.INT64, [1], [1]),
        helper.make_tensor("axis2", TensorProto.INT64, [1], [2]),
        helper.make_tensor("one", TensorProto.FLOAT, [], [1.0]),
    ]
    nodes = [
        helper.make_node("Gather", ["E", ids], ["emb"]),
        helper.make_node("Cast", ["mask_used"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "axis2"], ["mask3"]),
        helper.make_node("Mul", ["emb", "mask3"], ["masked"]),
        helper.make_node("ReduceSum", ["masked", "axis1"], ["summed"], keepdims=0),
        helper.make_node("ReduceSum", ["mask3", "axis1"], ["count"], keepdims=0),
        helper.make_node("Max", ["count", "one"], ["count1"]),
        helper.make_node("Div", ["summed", "count1"], ["pooled"]),
        helper.make_node("MatMul", ["pooled", "W"], ["projected"]),
        helper.make_node("Add", ["projected", "B"], ["logits"]),
    ]
    inputs = [
        helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])
        for name in (ids, mask, *(["token_type_ids"] if token_type_ids else []))
    ]
    if token_type_ids:
        nodes.insert(0, helper.make_node("Add", [mask, "token_type_ids"], ["mask_used"]))
    else:
        nodes.insert(0, helper.make_node("Identity", [mask], ["mask_used"]))
    graph = helper.make_graph(
        nodes,
        "tiny-classifier",
        inputs,
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", 3])],
        init,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8  # what onnxruntime releases of several years all read
    onnx.checker.check_model(model)
    return model


def save_tokenizer(path: Path) -> None:
    model = tokenizers.models.WordLevel(
        {word: index for index, word in enumerate(VOCAB)}, unk_token="[UNK]"
    )
    tokenizer = tokenizers.Tokenizer(model)
    tokenizer.normalizer = tokenizers.normalizers.Lowercase()
    tokenizer.pre_tokenizer = tokenizers.pre_tokenizers.Whitespace()
    tokenizer.save(str(path))


def make_model_dir(
    directory: Path, config: dict | None = None, graph: onnx.ModelProto | None = None
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    onnx.save(graph or tiny_graph(SIGMOID_BIAS), str(directory / "model.onnx"))
    save_tokenizer(directory / "tokenizer.json")
    (directory / "netizen.json").write_text(json.dumps(config or CONFIG), encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    return make_model_dir(tmp_path_factory.mktemp("onnx") / "tiny")


@pytest.fixture(scope="module")
def model(model_dir) -> OnnxClassifier:
    return OnnxClassifier(model_dir)


@pytest.fixture(autouse=True)
def forget_loaded():
    onnx_backend.reset()
    yield
    onnx_backend.reset()


# --- Scoring --------------------------------------------------------------------------------


def test_attributes(model, model_dir):
    assert model.name == "tiny-test"
    assert model.languages == ("en",)
    assert model.labels == (HATE_SPEECH, OBSCENITY)
    digest = sha256_file(model_dir / "model.onnx")[:12]
    assert model.version == f"tiny-test {digest}"
    assert model.session.get_providers() == ["CPUExecutionProvider"]


def test_hate_word_scores_hate_speech(model):
    scores = model.scores("you are vermin")
    assert set(scores) == {HATE_SPEECH, OBSCENITY}  # the ignored output is not reported
    assert scores[HATE_SPEECH] > 0.9
    assert scores[OBSCENITY] < 0.05


def test_obscene_word_scores_obscenity(model):
    scores = model.scores("DAMN you")
    assert scores[OBSCENITY] > 0.9
    assert scores[HATE_SPEECH] < 0.05


@pytest.mark.parametrize("text", ["the weather is nice", "unknown words only", ""])
def test_neutral_text_scores_low(model, text):
    scores = model.scores(text)
    assert max(scores.values()) < 0.05


def test_text_is_cut_at_max_length(tmp_path):
    config = {**CONFIG, "max_length": 2}
    short = OnnxClassifier(make_model_dir(tmp_path / "short", config))
    assert short.scores("the weather vermin")[HATE_SPEECH] < 0.05
    assert short.scores("vermin the weather")[HATE_SPEECH] > 0.9


def test_softmax_activation(tmp_path):
    config = {**CONFIG, "activation": "softmax"}
    softmax = OnnxClassifier(make_model_dir(tmp_path / "softmax", config, tiny_graph(SOFTMAX_BIAS)))
    assert softmax.scores("vermin")[HATE_SPEECH] > 0.99
    neutral = softmax.scores("the weather is nice")
    assert max(neutral.values()) < 0.01


def test_token_type_ids_fed_when_the_graph_takes_them(tmp_path):
    graph = tiny_graph(SIGMOID_BIAS, token_type_ids=True)
    bert_like = OnnxClassifier(make_model_dir(tmp_path / "bert", graph=graph))
    assert bert_like.scores("vermin")[HATE_SPEECH] > 0.9
    assert bert_like.scores("the weather")[HATE_SPEECH] < 0.05


def test_outputs_sharing_a_label_score_their_maximum(tmp_path):
    config = {**CONFIG, "labels": [HATE_SPEECH, HATE_SPEECH, None]}
    shared = OnnxClassifier(make_model_dir(tmp_path / "shared", config))
    assert shared.labels == (HATE_SPEECH,)
    assert shared.scores("damn")[HATE_SPEECH] > 0.9


# --- Settings -------------------------------------------------------------------------------


def test_off_by_default(settings):
    settings.NETIZEN_SCREENING_ONNX_DIR = ""
    assert configured() is None


def test_configured_loads_once(settings, model_dir):
    settings.NETIZEN_SCREENING_ONNX_DIR = str(model_dir)
    found = []
    threads = [threading.Thread(target=lambda: found.append(configured())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 4
    assert all(model is found[0] for model in found)
    assert configured() is found[0]
    assert found[0].scores("vermin")[HATE_SPEECH] > 0.9


def test_configured_follows_the_setting(settings, model_dir, tmp_path):
    settings.NETIZEN_SCREENING_ONNX_DIR = str(model_dir)
    first = configured()
    settings.NETIZEN_SCREENING_ONNX_DIR = str(make_model_dir(tmp_path / "other"))
    assert configured() is not first
    settings.NETIZEN_SCREENING_ONNX_DIR = ""
    assert configured() is None


def test_configured_missing_directory_fails_closed(settings, tmp_path):
    settings.NETIZEN_SCREENING_ONNX_DIR = str(tmp_path / "nowhere")
    with pytest.raises(ModelUnavailable, match=r"NETIZEN_SCREENING_ONNX_DIR.*not a directory"):
        configured()


# --- Failing to load ------------------------------------------------------------------------


def test_missing_tokenizer(tmp_path):
    directory = make_model_dir(tmp_path / "m")
    (directory / "tokenizer.json").unlink()
    with pytest.raises(ModelUnavailable, match=r"missing tokenizer\.json"):
        OnnxClassifier(directory)


def test_unreadable_tokenizer(tmp_path):
    directory = make_model_dir(tmp_path / "m")
    (directory / "tokenizer.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelUnavailable, match=r"cannot read tokenizer .*tokenizer\.json"):
        OnnxClassifier(directory)


def test_corrupt_model_file(tmp_path):
    directory = make_model_dir(tmp_path / "m")
    (directory / "model.onnx").write_bytes(b"not a graph")
    with pytest.raises(ModelUnavailable, match=r"onnxruntime cannot load .*model\.onnx"):
        OnnxClassifier(directory)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"labels": [HATE_SPEECH, "toxic", None]}, r"'labels'\[1\] is 'toxic', not one of"),
        ({"labels": [None, None, None]}, "maps no output to a policy label"),
        ({"labels": "hate_speech"}, "'labels' must be a non-empty list"),
        ({"activation": "relu"}, "'activation' is 'relu'"),
        ({"max_length": 0}, "'max_length' must be a positive integer"),
        ({"languages": []}, "'languages' must be a non-empty list"),
        ({"name": ""}, "'name' must be a non-empty string"),
        ({"activaton": "sigmoid"}, r"unknown field.*activaton"),
    ],
)
def test_bad_config(tmp_path, change, message):
    directory = make_model_dir(tmp_path / "m", {**CONFIG, **change})
    with pytest.raises(ModelUnavailable, match=message) as caught:
        OnnxClassifier(directory)
    assert "netizen.json" in str(caught.value)


def test_config_that_is_not_json(tmp_path):
    directory = make_model_dir(tmp_path / "m")
    (directory / "netizen.json").write_text('{"name": ', encoding="utf-8")
    with pytest.raises(ModelUnavailable, match=r"cannot read .*netizen\.json"):
        OnnxClassifier(directory)


def test_config_defaults():
    config = OnnxConfig.from_dict({"name": "m", "languages": ["zh"], "labels": [HATE_SPEECH]})
    assert (config.activation, config.max_length) == ("sigmoid", 256)


def test_labels_must_match_outputs(tmp_path):
    config = {**CONFIG, "labels": [HATE_SPEECH, OBSCENITY]}
    with pytest.raises(ModelUnavailable, match=r"shape \[1, 3\].*lists 2 outputs"):
        OnnxClassifier(make_model_dir(tmp_path / "m", config))


def test_graph_with_wrong_input_names(tmp_path):
    graph = tiny_graph(SIGMOID_BIAS, input_names=("ids", "mask"))
    with pytest.raises(ModelUnavailable, match=r"inputs are ids, mask.*feeds input_ids") as caught:
        OnnxClassifier(make_model_dir(tmp_path / "m", graph=graph))
    assert "model.onnx" in str(caught.value)


def test_missing_runtime_fails_closed(tmp_path, monkeypatch):
    directory = make_model_dir(tmp_path / "m")
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import now raises ImportError
    with pytest.raises(ModelUnavailable, match=r"needs onnxruntime.*pip install"):
        OnnxClassifier(directory)


# --- In the screening pipeline --------------------------------------------------------------


def screened(text: str):
    from netizen.moderation.context import Policy, ScreeningContext
    from netizen.moderation.pipeline import screen

    return screen(text, ScreeningContext(policy=Policy(phase_budget_ms=60_000.0)))


def test_screening_flags_what_the_operators_model_finds(settings, model_dir):
    settings.NETIZEN_SCREENING_ONNX_DIR = str(model_dir)
    verdict = screened("vermin")
    found = [f for f in verdict.flags if f.detail.startswith("tiny-test")]
    assert [f.label for f in found] == [HATE_SPEECH]
    assert verdict.scores[HATE_SPEECH] > 0.9
    assert verdict.models["tiny-test"] == configured().version  # recorded in the verdict


def test_screening_skips_the_model_for_languages_it_does_not_speak(settings, model_dir):
    settings.NETIZEN_SCREENING_ONNX_DIR = str(model_dir)
    verdict = screened("这些人都是 vermin，快走吧。我们不欢迎他们来这里生活。")
    assert verdict.language.startswith("zh")
    assert "tiny-test" not in verdict.models


def test_a_broken_model_holds_the_comment_for_a_person(settings, tmp_path):
    settings.NETIZEN_SCREENING_ONNX_DIR = str(tmp_path / "nowhere")
    verdict = screened("An ordinary comment about the border crossing.")
    assert verdict.unavailable
    assert verdict.action != "approve"
