"""An optional screening backend: a local transformer classifier exported to ONNX.

The shipped linear models (:mod:`netizen.moderation.classifiers`) stay the default. An
operator who wants a heavier model exports one to a directory and points
``NETIZEN_SCREENING_ONNX_DIR`` at it; the directory holds:

* ``model.onnx``: the graph. Inputs ``input_ids`` and ``attention_mask`` (and optionally
  ``token_type_ids``), all int64 of shape ``[batch, sequence]``; its first output (or the one
  named ``logits``) gives one raw score per class, shape ``[batch, classes]``.
* ``tokenizer.json``: a Hugging Face ``tokenizers`` file, read from disk (never the hub).
* ``netizen.json``: what the outputs mean (see :class:`OnnxConfig`).

Nothing is downloaded. ``onnxruntime`` and ``tokenizers`` are imported only when a model is
loaded, so the project runs without them (``pip install 'netizen[onnx]'`` adds them). Any
failure to load raises :class:`~netizen.moderation.classifiers.ModelUnavailable`, which the
pipeline reports as "screening unavailable": the comment waits for a person (fail closed).
"""

from __future__ import annotations

import json
import math
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from netizen.moderation.classifiers import ModelUnavailable, sha256_file, sigmoid
from netizen.moderation.verdict import LABELS

MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "netizen.json"

INPUT_IDS = "input_ids"
ATTENTION_MASK = "attention_mask"
TOKEN_TYPE_IDS = "token_type_ids"
REQUIRED_INPUTS = (INPUT_IDS, ATTENTION_MASK)
OPTIONAL_INPUTS = (TOKEN_TYPE_IDS,)
INT64 = "tensor(int64)"

ACTIVATIONS = ("sigmoid", "softmax")
DEFAULT_MAX_LENGTH = 256
CONFIG_FIELDS = ("name", "languages", "labels", "activation", "max_length")
INSTALL_HINT = "install the optional dependencies: pip install 'netizen[onnx]'"
# Scored once at load, so that a graph which loads but cannot run fails then, not per comment.
PROBE_TEXT = "netizen"


# --- netizen.json ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OnnxConfig:
    """``netizen.json``: the model's name, languages, and the policy label of each output.

    ``labels`` has one entry per model output, in output order: a label from
    :data:`~netizen.moderation.verdict.LABELS`, or ``None`` for an output to ignore (a
    "neutral" class). Several outputs may share a label; the label then scores their maximum.
    """

    name: str
    languages: tuple[str, ...]
    labels: tuple[str | None, ...]
    activation: str = "sigmoid"
    max_length: int = DEFAULT_MAX_LENGTH

    @classmethod
    def load(cls, path: Path) -> OnnxConfig:
        """Read and validate the file; every error names the file and the field."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            raise ModelUnavailable(f"cannot read {path}: {error}") from error
        if not isinstance(data, dict):
            raise ModelUnavailable(f"{path}: expected a JSON object, got {type(data).__name__}")
        return cls.from_dict(data, path)

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: Path | str = CONFIG_FILE) -> OnnxConfig:
        unknown = sorted(set(data) - set(CONFIG_FIELDS))
        if unknown:
            raise ModelUnavailable(
                f"{path}: unknown field(s) {', '.join(unknown)}; "
                f"expected {', '.join(CONFIG_FIELDS)}"
            )
        return cls(
            name=_name(data, path),
            languages=_languages(data, path),
            labels=_labels(data, path),
            activation=_activation(data, path),
            max_length=_max_length(data, path),
        )


def _name(data: dict[str, Any], path: Path | str) -> str:
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ModelUnavailable(f"{path}: 'name' must be a non-empty string, got {name!r}")
    return name.strip()


def _languages(data: dict[str, Any], path: Path | str) -> tuple[str, ...]:
    languages = data.get("languages")
    if (
        not isinstance(languages, list)
        or not languages
        or not all(isinstance(code, str) and code.strip() for code in languages)
    ):
        raise ModelUnavailable(
            f"{path}: 'languages' must be a non-empty list of ISO 639-1 codes "
            f'such as ["en", "zh"], got {languages!r}'
        )
    return tuple(code.strip().lower() for code in languages)


def _labels(data: dict[str, Any], path: Path | str) -> tuple[str | None, ...]:
    labels = data.get("labels")
    if not isinstance(labels, list) or not labels:
        raise ModelUnavailable(
            f"{path}: 'labels' must be a non-empty list, one entry per model output, got {labels!r}"
        )
    for index, label in enumerate(labels):
        if label is not None and label not in LABELS:
            raise ModelUnavailable(
                f"{path}: 'labels'[{index}] is {label!r}, not one of {', '.join(LABELS)} "
                "(or null to ignore that output)"
            )
    if all(label is None for label in labels):
        raise ModelUnavailable(f"{path}: 'labels' maps no output to a policy label")
    return tuple(labels)


def _activation(data: dict[str, Any], path: Path | str) -> str:
    activation = data.get("activation", "sigmoid")
    if activation not in ACTIVATIONS:
        raise ModelUnavailable(
            f"{path}: 'activation' is {activation!r}, not one of {', '.join(ACTIVATIONS)} "
            "(sigmoid for multi-label models, softmax for one class per text)"
        )
    return activation


def _max_length(data: dict[str, Any], path: Path | str) -> int:
    max_length = data.get("max_length", DEFAULT_MAX_LENGTH)
    if isinstance(max_length, bool) or not isinstance(max_length, int) or max_length < 1:
        raise ModelUnavailable(
            f"{path}: 'max_length' must be a positive integer (tokens), got {max_length!r}"
        )
    return max_length


# --- Activations ----------------------------------------------------------------------------


def _softmax(row: list[float]) -> list[float]:
    top = max(row)
    exps = [math.exp(z - top) for z in row]
    total = sum(exps)
    return [e / total for e in exps]


def activate(row: list[float], activation: str) -> list[float]:
    """Turn one row of logits into probabilities, as the model was trained to read them."""
    if activation == "softmax":
        return _softmax(row)
    return [sigmoid(z) for z in row]


# --- The classifier -------------------------------------------------------------------------


def _import_runtime() -> tuple[Any, Any, Any]:
    """numpy, onnxruntime and tokenizers, imported only when a model is actually loaded."""
    try:
        import numpy
        import onnxruntime
        import tokenizers
    except ImportError as error:
        raise ModelUnavailable(
            f"the ONNX screening backend needs {error.name or 'a missing package'}: {INSTALL_HINT}"
        ) from error
    return numpy, onnxruntime, tokenizers


def _check_files(directory: Path) -> None:
    if not directory.is_dir():
        raise ModelUnavailable(
            f"NETIZEN_SCREENING_ONNX_DIR: {directory} is not a directory "
            f"(it must hold {MODEL_FILE}, {TOKENIZER_FILE} and {CONFIG_FILE})"
        )
    missing = [
        name
        for name in (MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE)
        if not (directory / name).is_file()
    ]
    if missing:
        raise ModelUnavailable(f"{directory}: missing {', '.join(missing)}")


def _load_tokenizer(tokenizers: Any, path: Path, max_length: int) -> Any:
    """The tokenizer from its file, cut at ``max_length`` tokens and without padding (one text
    at a time needs none)."""
    try:
        tokenizer = tokenizers.Tokenizer.from_file(str(path))
    except Exception as error:  # the Rust side raises a plain Exception
        raise ModelUnavailable(f"cannot read tokenizer {path}: {error}") from error
    tokenizer.enable_truncation(max_length=max_length)
    tokenizer.no_padding()
    return tokenizer


def _open_session(onnxruntime: Any, path: Path) -> Any:
    """One session on one CPU thread: screening shares the machine with the web server."""
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3  # errors only: warnings would flood the worker's log
    try:
        return onnxruntime.InferenceSession(
            str(path), sess_options=options, providers=["CPUExecutionProvider"]
        )
    except Exception as error:
        raise ModelUnavailable(f"onnxruntime cannot load {path}: {error}") from error


def _check_inputs(session: Any, path: Path) -> bool:
    """Fail unless the graph takes the inputs we feed; returns whether it takes token types."""
    inputs = {node.name: node.type for node in session.get_inputs()}
    missing = [name for name in REQUIRED_INPUTS if name not in inputs]
    unexpected = [name for name in inputs if name not in REQUIRED_INPUTS + OPTIONAL_INPUTS]
    if missing or unexpected:
        raise ModelUnavailable(
            f"{path}: the graph's inputs are {', '.join(inputs) or 'none'}; this backend feeds "
            f"{', '.join(REQUIRED_INPUTS)} (and {', '.join(OPTIONAL_INPUTS)} if present). "
            "Export the model with those input names (optimum does)"
        )
    wrong = [f"{name} is {kind}" for name, kind in inputs.items() if kind != INT64]
    if wrong:
        raise ModelUnavailable(f"{path}: inputs must be {INT64}, but {', '.join(wrong)}")
    return TOKEN_TYPE_IDS in inputs


def _output_name(session: Any) -> str:
    """The output named ``logits`` (optimum's name for it), else the first."""
    names = [node.name for node in session.get_outputs()]
    return "logits" if "logits" in names else names[0]


class OnnxClassifier:
    """A transformer classifier run by onnxruntime; scores several policy labels at once.

    ``labels`` lists the policy labels that :meth:`scores` returns (each once, in output
    order); ``config.labels`` maps each model output to one of them.
    """

    name: str
    version: str
    languages: tuple[str, ...]
    labels: tuple[str, ...]

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory).expanduser()
        _check_files(self.directory)
        self.config = OnnxConfig.load(self.directory / CONFIG_FILE)
        self._numpy, onnxruntime, tokenizers = _import_runtime()
        model_path = self.directory / MODEL_FILE
        self._tokenizer = _load_tokenizer(
            tokenizers, self.directory / TOKENIZER_FILE, self.config.max_length
        )
        self.session = _open_session(onnxruntime, model_path)
        self._token_types = _check_inputs(self.session, model_path)
        self._output = _output_name(self.session)
        self.name = self.config.name
        self.version = f"{self.name} {sha256_file(model_path)[:12]}"
        self.languages = self.config.languages
        self.labels = tuple(dict.fromkeys(label for label in self.config.labels if label))
        self._probe(model_path)

    def __repr__(self) -> str:
        return f"<OnnxClassifier {self.version} {self.directory}>"

    def _probe(self, model_path: Path) -> None:
        """Score one word now, so a graph that loads but cannot run fails at load time."""
        try:
            self.scores(PROBE_TEXT)
        except ModelUnavailable as error:
            raise ModelUnavailable(f"{model_path}: {error}") from error

    def _feeds(self, text: str) -> dict[str, Any]:
        encoding = self._tokenizer.encode(text)
        array = self._numpy.asarray
        feeds = {
            INPUT_IDS: array([encoding.ids], dtype=self._numpy.int64),
            ATTENTION_MASK: array([encoding.attention_mask], dtype=self._numpy.int64),
        }
        if self._token_types:
            feeds[TOKEN_TYPE_IDS] = array([encoding.type_ids], dtype=self._numpy.int64)
        return feeds

    def logits(self, text: str) -> list[float]:
        """The model's raw output for ``text``: one number per output."""
        try:
            (output,) = self.session.run([self._output], self._feeds(text))
        except Exception as error:
            raise ModelUnavailable(f"{self.name}: inference failed: {error}") from error
        width = len(self.config.labels)
        if output.shape != (1, width):
            raise ModelUnavailable(
                f"{self.name}: output {self._output!r} has shape {list(output.shape)}, but "
                f"{CONFIG_FILE} 'labels' lists {width} outputs; give one label (or null) "
                "per output"
            )
        return [float(z) for z in output[0]]

    def scores(self, text: str) -> dict[str, float]:
        """A probability in [0, 1] for each policy label the model reports."""
        probabilities = activate(self.logits(text), self.config.activation)
        result: dict[str, float] = {}
        for label, probability in zip(self.config.labels, probabilities, strict=True):
            if label is not None:
                result[label] = max(result.get(label, 0.0), probability)
        return result


# --- Once per process -----------------------------------------------------------------------

_lock = threading.Lock()
# (process id, directory) and the classifier loaded there: a forked worker loads its own.
_loaded: tuple[tuple[int, str], OnnxClassifier] | None = None


def _setting() -> str:
    from django.conf import settings

    if not settings.configured:  # the library used without Django: no operator's model
        return ""
    return str(getattr(settings, "NETIZEN_SCREENING_ONNX_DIR", "") or "").strip()


def configured() -> OnnxClassifier | None:
    """The classifier in ``NETIZEN_SCREENING_ONNX_DIR``, loaded once per process; None when the
    setting is empty (the default). Raises :class:`ModelUnavailable` if it does not load; a
    failure is not remembered, so the next call tries again (after the operator's fix)."""
    global _loaded
    directory = _setting()
    if not directory:
        return None
    key = (os.getpid(), directory)
    found = _loaded
    if found is not None and found[0] == key:
        return found[1]
    with _lock:
        if _loaded is None or _loaded[0] != key:
            _loaded = (key, OnnxClassifier(directory))
        return _loaded[1]


def reset() -> None:
    """Forget the loaded classifier (tests; after replacing the model's files)."""
    global _loaded
    with _lock:
        _loaded = None
