"""Text classifiers for the ``classify`` phase, scored in pure Python.

Every classifier here is a :class:`LinearTextModel`: a sparse linear model over word or
character n-grams (TF-IDF weighted as scikit-learn's ``TfidfVectorizer`` builds them, or
NB-LR: present or not, scaled by a log-count ratio; l2-normalised) followed by Platt's
sigmoid calibration, averaged over one or more folds as
scikit-learn's ``CalibratedClassifierCV`` does. Scoring one text is a few dict look-ups per
n-gram (or, for short character n-grams, a few numpy steps: see :class:`PackedCharGrams`):
no scikit-learn at scoring time, so a comment costs tens of microseconds rather than the
milliseconds of a scikit-learn call.

Three models are shipped:

* ``obscenity-en`` (label ``obscenity``): the model of ``alt-profanity-check``, read from the
  package's own joblib files at first use and converted; its scores equal
  ``profanity_check.predict_prob`` to rounding error.
* ``offensive-zh`` (label ``hate_speech``): trained on COLD by
  :mod:`netizen.moderation.training` and shipped as gzip JSON in ``models/``.
* ``spam-en`` (label ``spam``): trained on the YouTube Spam Collection, shipped the same way.

Models load lazily, once per process, on first use; a model that is missing or does not load
raises (:class:`ModelUnavailable`) so that screening fails closed. Call :func:`preload` where
a process starts (a worker, a web server's ready hook) to pay the loading cost up front: the
English model needs scikit-learn to unpickle it, about a second of imports.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import re
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from netizen.moderation import registry
from netizen.moderation.normalise import t2s
from netizen.moderation.registry import sha256_file
from netizen.moderation.verdict import OBSCENITY

MODEL_FORMAT = "netizen-linear-text/1"
# The same file with binary term frequency. A new name, so that code older than binary tf
# refuses the file (screening then fails closed) rather than scoring it with counts.
BINARY_FORMAT = "netizen-linear-text/2"
MODELS_DIR = registry.SHIPPED_DIR
OFFENSIVE_ZH_FILE = "offensive-zh.json.gz"
SPAM_EN_FILE = "spam-en.json.gz"

OBSCENITY_EN = "obscenity-en"
OFFENSIVE_ZH = "offensive-zh"
SPAM_EN = "spam-en"

# scikit-learn's default token pattern: words of two or more word characters.
WORD_PATTERN = re.compile(r"(?u)\b\w\w+\b")
# scikit-learn's char analyzer folds runs of whitespace (two or more) into one space.
WHITE_SPACES = re.compile(r"\s\s+")


class ModelUnavailable(RuntimeError):
    """A model file is missing, unreadable or not in a format this code understands."""


class Classifier(Protocol):
    """A text classifier: the probability that ``text`` deserves ``label``."""

    name: str  # stable identifier, e.g. "obscenity-en"; the key in Verdict.models
    version: str  # what exactly scored: source, date and a hash of the weights
    language: str  # ISO 639-1 code of the texts it was trained on
    label: str  # one of netizen.moderation.verdict.LABELS

    def score(self, text: str) -> float:
        """A calibrated probability in [0, 1]."""
        ...


# --- Preparing text -------------------------------------------------------------------------


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _lower(text: str) -> str:
    return text.lower()


def _simplify(text: str) -> str:
    return t2s().convert(text)


# Named steps a model file may ask for, in the order it lists them. Training and scoring use
# the same functions, so a shipped model sees its texts exactly as it was trained on them.
PREPARE_STEPS: dict[str, Callable[[str], str]] = {
    "nfkc": _nfkc,
    "t2s": _simplify,
    "lower": _lower,
}


# --- The model ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fold:
    """One calibrated linear model: ``f = w·x + intercept``, ``p = 1 / (1 + exp(a·f + b))``."""

    intercept: float
    a: float
    b: float


@dataclass(frozen=True)
class Features:
    """How a text becomes n-gram counts, as scikit-learn's analyzers do it."""

    analyzer: str = "word"  # "word" (token pattern) or "char" (all character n-grams)
    ngram_range: tuple[int, int] = (1, 1)
    prepare: tuple[str, ...] = ("lower",)

    def __post_init__(self) -> None:
        if self.analyzer not in ("word", "char"):
            raise ModelUnavailable(f"unknown analyzer {self.analyzer!r}")
        low, high = self.ngram_range
        if not 1 <= low <= high:
            raise ModelUnavailable(f"bad n-gram range {self.ngram_range!r}")
        unknown = [step for step in self.prepare if step not in PREPARE_STEPS]
        if unknown:
            raise ModelUnavailable(f"unknown preparation steps {unknown!r}")

    def prepared(self, text: str) -> str:
        for step in self.prepare:
            text = PREPARE_STEPS[step](text)
        return text

    def char_text(self, text: str) -> str:
        """``text`` as the char analyzer reads its n-grams off: prepared, runs of
        whitespace folded."""
        return WHITE_SPACES.sub(" ", self.prepared(text))

    def __call__(self, text: str) -> list[str]:
        """The n-grams of ``text``, with repeats (a callable analyzer for scikit-learn)."""
        low, high = self.ngram_range
        if self.analyzer == "word":
            tokens = WORD_PATTERN.findall(self.prepared(text))
            if (low, high) == (1, 1):
                return tokens
            grams = tokens if low == 1 else []
            for n in range(max(low, 2), min(high, len(tokens)) + 1):
                grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
            return grams
        text = self.char_text(text)
        grams = list(text) if low == 1 else []
        # List comprehensions, not generators: this runs for every comment and model.
        for n in range(max(low, 2), min(high, len(text)) + 1):
            grams += [text[i : i + n] for i in range(len(text) - n + 1)]
        return grams

    def to_dict(self) -> dict[str, Any]:
        return {
            "analyzer": self.analyzer,
            "ngram_range": list(self.ngram_range),
            "prepare": list(self.prepare),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Features:
        return cls(
            analyzer=data["analyzer"],
            ngram_range=(int(data["ngram_range"][0]), int(data["ngram_range"][1])),
            prepare=tuple(data["prepare"]),
        )


class PackedCharGrams:
    """An NB-LR model's n-grams of one to three characters as sorted integers, 21 bits a
    character (every code point fits), each with its share ``(idf², idf·w)``.

    A text's n-grams are then packed the same way and looked up with numpy in a few
    vectorised steps, instead of one string slice and one dict look-up each: the Chinese
    model, with 63,000 n-grams, scores a comment in about a third of the time. The sums are
    those of the dict look-ups, in another order (equal to rounding error)."""

    BITS = 21
    LONGEST = 3

    def __init__(self, pairs: dict[str, tuple[float, float]], ngram_range: tuple[int, int]):
        self.ngram_range = ngram_range
        found = [(self.pack(term), pair) for term, pair in pairs.items()]
        # A longer term can never be an n-gram of a text: the analyzer makes none.
        found = [(key, pair) for key, pair in found if key is not None]
        keys = np.array([key for key, _ in found], dtype=np.int64)
        order = np.argsort(keys)
        # A last key above any n-gram's, sharing nothing: a search always lands on a key.
        self.keys = np.append(keys[order], np.iinfo(np.int64).max)
        self.squares = np.append(np.array([p[0] for _, p in found])[order], 0.0)
        self.dots = np.append(np.array([p[1] for _, p in found])[order], 0.0)

    @classmethod
    def fits(cls, features: Features) -> bool:
        return features.analyzer == "char" and features.ngram_range[1] <= cls.LONGEST

    @classmethod
    def pack(cls, term: str) -> int | None:
        """The integer of an n-gram: its code points plus one (so that no character is
        zero, and "a" differs from "\0a"), 21 bits each, the last character lowest."""
        if not 1 <= len(term) <= cls.LONGEST:
            return None
        key = 0
        for character in term:
            key = (key << cls.BITS) | (ord(character) + 1)
        return key

    def sums(self, text: str) -> tuple[float, float]:
        """``(Σ idf², Σ idf·w)`` over the distinct n-grams of ``text`` (as the char analyzer
        reads it) that the model knows."""
        # surrogatepass: a lone surrogate in a comment is a code point like any other.
        points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        codes = points.astype(np.int64) + 1
        bits = self.BITS
        low, high = self.ngram_range
        grams = []
        if low <= 1:
            grams.append(codes)
        if low <= 2 <= high:
            grams.append((codes[:-1] << bits) | codes[1:])
        if high >= 3:
            grams.append((codes[:-2] << 2 * bits) | (codes[1:-1] << bits) | codes[2:])
        packed = np.concatenate(grams)
        packed.sort()
        if len(packed) > 1:  # each n-gram counts once
            first = np.empty(len(packed), dtype=bool)
            first[0] = True
            np.not_equal(packed[1:], packed[:-1], out=first[1:])
            packed = packed[first]
        at = np.searchsorted(self.keys, packed)
        at = at[self.keys[at] == packed]
        return float(self.squares[at].sum()), float(self.dots[at].sum())


@dataclass(eq=False)
class LinearTextModel:
    """Weighted n-grams, l2-normalised, into calibrated linear folds; probabilities averaged.

    ``terms`` maps each n-gram to ``(idf, w_1, ..., w_k)``, one weight per fold. Scoring is
    ``mean_k sigmoid(-(a_k * (w_k·x + intercept_k) + b_k))`` where ``x`` is the text's
    weighted n-gram vector (TF-IDF, or for binary tf |r|) with unit length, exactly as
    scikit-learn computes it.

    The term frequency is the count, ``1 + log(count)`` (``sublinear_tf``) or 1 for any count
    (``binary_tf``, which wins over ``sublinear_tf``). Binary tf lets NB-LR models (binary
    n-grams scaled by the naive-Bayes log-count ratio ``r``) ship in this form: ``|r|`` as
    the idf and the sign of ``r`` folded into the weights.
    """

    name: str
    version: str
    language: str
    label: str
    features: Features
    terms: dict[str, tuple[float, ...]]
    folds: Sequence[Fold]
    sublinear_tf: bool = False
    binary_tf: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        width = len(self.folds) + 1
        if not self.folds:
            raise ModelUnavailable(f"{self.name}: no folds")
        if any(len(row) != width for row in self.terms.values()):
            raise ModelUnavailable(f"{self.name}: every term needs an idf and {width - 1} weights")
        if self.binary_tf and width != 2:
            raise ModelUnavailable(f"{self.name}: binary tf is scored with one fold only")
        self._intercepts = tuple(fold.intercept for fold in self.folds)
        # Work each n-gram's share out once, at load: for binary tf (an NB-LR model, one
        # fold) just (idf², idf·w), two additions per n-gram found, which keeps its larger
        # vocabulary as fast to score; otherwise the idf and the weights times the idf.
        self._packed: PackedCharGrams | None = None
        if self.binary_tf:
            self._pairs = {term: (idf * idf, idf * w) for term, (idf, w) in self.terms.items()}
            if PackedCharGrams.fits(self.features):
                self._packed = PackedCharGrams(self._pairs, self.features.ngram_range)
        else:
            self._rows = {
                term: (row[0], tuple(row[0] * w for w in row[1:]))
                for term, row in self.terms.items()
            }

    def decision(self, text: str) -> list[float]:
        """The raw linear score ``w_k·x + intercept_k`` of each fold."""
        if self._packed is not None:
            squares, dot = self._packed.sums(self.features.char_text(text))
            return self._decisions([dot], squares)
        squares = 0.0
        grams = self.features(text)
        if self.binary_tf:  # each n-gram counts once
            dot = 0.0
            for pair in map(self._pairs.get, set(grams)):
                if pair is not None:
                    squares += pair[0]
                    dot += pair[1]
            return self._decisions([dot], squares)
        rows = self._rows
        k = len(self.folds)
        dots = [0.0] * k
        for gram, count in Counter(grams).items():
            row = rows.get(gram)
            if row is None:
                continue
            tf = 1.0 + math.log(count) if self.sublinear_tf else float(count)
            idf, weights = row
            squares += (tf * idf) ** 2
            if k == 1:
                dots[0] += tf * weights[0]
            else:
                for i in range(k):
                    dots[i] += tf * weights[i]
        return self._decisions(dots, squares)

    def _decisions(self, dots: list[float], squares: float) -> list[float]:
        """``w_k·x + intercept_k`` from the unnormalised dot products and squared norm."""
        norm = math.sqrt(squares) or 1.0
        return [dot / norm + b for dot, b in zip(dots, self._intercepts, strict=True)]

    def score(self, text: str) -> float:
        total = 0.0
        for f, fold in zip(self.decision(text), self.folds, strict=True):
            total += sigmoid(-(fold.a * f + fold.b))
        return total / len(self.folds)

    # --- Files ---

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": BINARY_FORMAT if self.binary_tf else MODEL_FORMAT,
            "name": self.name,
            "language": self.language,
            "label": self.label,
            "features": self.features.to_dict(),
            "weighting": {
                "idf": True,
                "norm": "l2",
                "sublinear_tf": self.sublinear_tf,
                "binary_tf": self.binary_tf,
            },
            "folds": [
                {"intercept": fold.intercept, "a": fold.a, "b": fold.b} for fold in self.folds
            ],
            "metadata": self.metadata,
            # Sorted, so that the same model always makes the same bytes.
            "terms": {term: list(self.terms[term]) for term in sorted(self.terms)},
        }

    def save(self, path: Path) -> str:
        """Write the model as gzip JSON; returns the file's sha256."""
        payload = json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))
        path.parent.mkdir(parents=True, exist_ok=True)
        # No time stamp or file name in the gzip header: the same model makes the same bytes.
        path.write_bytes(gzip.compress(payload.encode("utf-8"), compresslevel=9, mtime=0))
        return sha256_file(path)

    @classmethod
    def from_dict(cls, data: dict[str, Any], version: str) -> LinearTextModel:
        if data.get("format") not in (MODEL_FORMAT, BINARY_FORMAT):
            raise ModelUnavailable(
                f"not a {MODEL_FORMAT} or {BINARY_FORMAT} model: {data.get('format')!r}"
            )
        weighting = data["weighting"]
        if not weighting.get("idf") or weighting.get("norm") != "l2":
            raise ModelUnavailable(f"unsupported weighting {weighting!r}")
        binary_tf = weighting.get("binary_tf", False)
        if binary_tf not in (True, False) or binary_tf != (data["format"] == BINARY_FORMAT):
            raise ModelUnavailable(f"binary tf goes with the {BINARY_FORMAT} format: {weighting!r}")
        return cls(
            name=data["name"],
            version=version,
            language=data["language"],
            label=data["label"],
            features=Features.from_dict(data["features"]),
            terms={term: tuple(map(float, row)) for term, row in data["terms"].items()},
            folds=[
                Fold(float(f["intercept"]), float(f["a"]), float(f["b"])) for f in data["folds"]
            ],
            sublinear_tf=bool(weighting.get("sublinear_tf", False)),
            binary_tf=binary_tf,
            metadata=dict(data.get("metadata", {})),
        )

    @classmethod
    def load(cls, path: Path) -> LinearTextModel:
        """Read a model file; raises :class:`ModelUnavailable` if it is missing or broken."""
        try:
            raw = path.read_bytes()
            data = json.loads(gzip.decompress(raw))
        except (OSError, EOFError, ValueError) as error:
            raise ModelUnavailable(f"cannot read model {path}: {error}") from error
        metadata = data.get("metadata", {}) if isinstance(data, dict) else {}
        created = str(metadata.get("created", "")).split("T")[0]
        digest = hashlib.sha256(raw).hexdigest()[:12]
        version = " ".join(filter(None, [data.get("name", path.name), created, digest]))
        try:
            return cls.from_dict(data, version=version)
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise ModelUnavailable(f"malformed model {path}: {error!r}") from error


def sigmoid(z: float) -> float:
    # scipy's expit without overflow: exp of a large positive number would raise.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


# --- alt-profanity-check --------------------------------------------------------------------

PROFANITY_CHECK_DIST = "alt-profanity-check"


def profanity_check_files() -> tuple[Path, Path]:
    """The package's vectorizer and model files, found without importing the package (whose
    import loads both models into scikit-learn at once)."""
    spec = importlib.util.find_spec("profanity_check")
    if spec is None or not spec.submodule_search_locations:
        raise ModelUnavailable("alt-profanity-check is not installed")
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    return data / "vectorizer.joblib", data / "model.joblib"


def from_profanity_check(vectorizer: Any, model: Any, version: str) -> LinearTextModel:
    """Convert a fitted ``TfidfVectorizer`` and sigmoid ``CalibratedClassifierCV`` over a
    linear estimator into a :class:`LinearTextModel` that scores the same."""
    params = vectorizer.get_params()
    expected = {
        "analyzer": "word",
        "binary": False,
        "lowercase": True,
        "norm": "l2",
        "preprocessor": None,
        "strip_accents": None,
        "tokenizer": None,
        "use_idf": True,
        "token_pattern": WORD_PATTERN.pattern,
    }
    different = {key: params[key] for key, value in expected.items() if params[key] != value}
    if different or getattr(model, "method", None) != "sigmoid" or list(model.classes_) != [0, 1]:
        raise ModelUnavailable(f"alt-profanity-check model is not as expected: {different!r}")
    folds = []
    columns = []
    for calibrated in model.calibrated_classifiers_:
        (calibrator,) = calibrated.calibrators
        estimator = calibrated.estimator
        folds.append(
            Fold(float(estimator.intercept_[0]), float(calibrator.a_), float(calibrator.b_))
        )
        columns.append(estimator.coef_.ravel().tolist())
    idf = vectorizer.idf_.tolist()
    # scikit-learn drops stop words before looking tokens up; a stop word in the vocabulary
    # (there is none in 1.9.1) could never score, so leaving it out keeps the scores equal.
    stop_words = vectorizer.get_stop_words() or frozenset()
    terms = {
        term: (idf[index], *(column[index] for column in columns))
        for term, index in vectorizer.vocabulary_.items()
        if term not in stop_words
    }
    return LinearTextModel(
        name=OBSCENITY_EN,
        version=version,
        language="en",
        label=OBSCENITY,
        features=Features(
            analyzer="word", ngram_range=tuple(params["ngram_range"]), prepare=("lower",)
        ),
        terms=terms,
        folds=folds,
        sublinear_tf=bool(params["sublinear_tf"]),
        metadata={"source": PROFANITY_CHECK_DIST, "license": "MIT"},
    )


def load_obscenity_en() -> LinearTextModel:
    """alt-profanity-check's model, read from its joblib files (needs scikit-learn)."""
    try:
        release = importlib.metadata.version(PROFANITY_CHECK_DIST)
        vectorizer_file, model_file = profanity_check_files()
        import joblib

        vectorizer = joblib.load(vectorizer_file)
        model = joblib.load(model_file)
    except ModelUnavailable:
        raise
    except Exception as error:
        raise ModelUnavailable(f"cannot load alt-profanity-check: {error!r}") from error
    digest = sha256_file(model_file)[:12]
    version = f"{PROFANITY_CHECK_DIST} {release} tfidf-linearsvc-sigmoid {digest}"
    return from_profanity_check(vectorizer, model, version)


def load_offensive_zh() -> LinearTextModel:
    """The COLD model of the set in use (shipped: ``models/``, see ``models/README.md``)."""
    return LinearTextModel.load(models_dir() / OFFENSIVE_ZH_FILE)


def load_spam_en() -> LinearTextModel:
    """The comment-spam model of the set in use (see ``models/README.md``)."""
    return LinearTextModel.load(models_dir() / SPAM_EN_FILE)


# --- Which set of models -------------------------------------------------------------------

_active: registry.ActiveSet | None = None
_chosen: Path | None = None  # a set picked for evaluation, over the active one
# How often a process looks at which set is active, in seconds: each look costs a stat of
# the ACTIVE file, too much to pay for every comment; an activation is noticed this soon.
RECHECK_SECONDS = 1.0
_checked: tuple[float, Path | None] | None = None


def models_dir() -> Path:
    """The directory models load from: a set chosen with :func:`use_models`, else the set
    an operator activated (``netizen moderation activate``), else the shipped one."""
    global _checked
    if _chosen is not None:
        return _chosen
    now = time.monotonic()
    if _checked is None or now - _checked[0] >= RECHECK_SECONDS:
        _checked = (now, trained_set())
    return _checked[1] or MODELS_DIR


def trained_set() -> Path | None:
    """The directory of the trained set an operator activated; None for the shipped set."""
    global _active
    from django.conf import settings

    if not settings.configured:  # the library used without Django: the shipped set
        return None
    root = registry.configured_root()
    if _active is None or _active.root != root:
        _active = registry.ActiveSet(root, MODELS_DIR)
    choice = _active.current()  # raises if ACTIVE names a broken set: screening fails closed
    return None if choice.version == registry.SHIPPED else choice.path


@contextmanager
def use_models(directory: Path) -> Iterator[None]:
    """Load models from ``directory`` for a while (``evaluate --version``), then go back."""
    global _chosen
    previous = _chosen
    _chosen = Path(directory)
    reset()
    try:
        yield
    finally:
        _chosen = previous
        reset()


# --- Registry -------------------------------------------------------------------------------

# name -> loader. The loaders read module globals when called, so tests can point them at
# other files (and call reset()).
LOADERS: dict[str, Callable[[], Classifier]] = {
    OBSCENITY_EN: load_obscenity_en,
    OFFENSIVE_ZH: load_offensive_zh,
    SPAM_EN: load_spam_en,
}

_loaded: dict[str, Classifier] = {}
_loaded_from: Path | None = None  # the set directory _loaded came from
_lock = threading.Lock()


def get(name: str) -> Classifier:
    """The classifier ``name``, loaded once per process from the set in use (reloaded when
    an operator activates another). Raises if it cannot be loaded; a failed load is not
    remembered, so the next call tries again."""
    global _loaded_from
    directory = models_dir()
    if _loaded_from != directory:
        with _lock:
            _loaded.clear()
            _loaded_from = directory
    found = _loaded.get(name)
    if found is not None:
        return found
    with _lock:
        found = _loaded.get(name)
        if found is None:
            found = _loaded[name] = LOADERS[name]()
        return found


def preload(names: Iterable[str] | None = None) -> dict[str, str]:
    """Load classifiers now rather than at the first comment; returns name -> version."""
    return {name: get(name).version for name in (names or LOADERS)}


def reset() -> None:
    """Forget loaded classifiers and which set is active (tests; after replacing a file)."""
    global _checked, _loaded_from
    with _lock:
        _loaded.clear()
        _loaded_from = None
        _checked = None
