"""Sets of screening models: the one shipped with the code and the ones trained here since,
and which of them screening uses.

A set is a directory of model files plus ``manifest.json``::

    {"version": "2026-11-29T153012-ab12cd", "created": "2026-11-29T15:30:12+00:00",
     "command": "netizen moderation train ...",
     "data": {"cold/train.csv": {"sha256": "...", "rows": 25726}, ...},
     "models": {"offensive-zh": {"file": "offensive-zh.json.gz", "label": "hate_speech",
                                 "language": "zh"}, ...},
     "metrics": {...}}

The shipped set is ``netizen/moderation/models/`` (:data:`SHIPPED_DIR`), always called
``"shipped"`` whatever its manifest says, and usable without a manifest. Trained sets live
in ``<root>/<version>/``; ``<root>/ACTIVE`` names the one in use, and without that file the
shipped set is. Sets are never edited once written: a retrain makes a new version, so going
back is one :func:`activate` away.

A running process notices an activation without a restart through :class:`ActiveSet`,
which re-reads ``ACTIVE`` only when an ``os.stat`` of it changes.

This module is a plain library (no Django), so training scripts and tests use it as is;
:func:`configured_root` at the end is the one place that reads Django's settings.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from netizen.moderation.verdict import LABELS

SHIPPED = "shipped"
SHIPPED_DIR = Path(__file__).resolve().parent / "models"
MANIFEST = "manifest.json"
ACTIVE_FILE = "ACTIVE"
# A version is a directory name: no separators, no leading dot (temporary files), not a
# name the registry itself uses.
VERSION_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
RESERVED = {SHIPPED, ACTIVE_FILE}


class RegistryError(ValueError):
    """An unknown version or a broken set; the message is meant for an operator."""


@dataclass(frozen=True)
class ModelSet:
    """One set as listed: ``problem`` is empty when it can be activated."""

    version: str
    path: Path
    created: str | None = None
    command: str = ""
    models: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    active: bool = False
    problem: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "path": str(self.path),
            "created": self.created,
            "command": self.command,
            "models": self.models,
            "metrics": self.metrics,
            "active": self.active,
            "problem": self.problem,
        }


# --- Manifests ------------------------------------------------------------------------------


def read_manifest(directory: Path) -> dict[str, Any]:
    """The set's manifest; raises RegistryError when missing, unreadable or not an object."""
    path = Path(directory) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RegistryError(f"{path}: no manifest") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise RegistryError(f"{path}: unreadable manifest ({error})") from None
    if not isinstance(manifest, dict):
        raise RegistryError(f"{path}: the manifest is not a JSON object")
    return manifest


def check_model(directory: Path, name: str, entry: Any) -> None:
    """Raise unless ``entry`` names a policy label and a file inside ``directory`` that
    exists (and matches its sha256 when the manifest gives one).

    ``"file": null`` is allowed: a model read from elsewhere, such as an installed package.
    """
    if not isinstance(entry, dict):
        raise RegistryError(f"{directory}: model {name!r} is not described by an object")
    if entry.get("label") not in LABELS:
        raise RegistryError(f"{directory}: model {name!r} has unknown label {entry.get('label')!r}")
    if entry.get("file") is None:
        return
    relative = Path(str(entry["file"]))
    if relative.is_absolute() or ".." in relative.parts:
        raise RegistryError(f"{directory}: model {name!r} points outside its set: {relative}")
    path = Path(directory) / relative
    if not path.is_file():
        raise RegistryError(f"{directory}: model {name!r} names a missing file: {relative}")
    if "sha256" in entry and sha256_file(path) != entry["sha256"]:
        raise RegistryError(f"{directory}: {relative} does not match its sha256")


def check_set(directory: Path) -> dict[str, Any]:
    """The manifest of a set that can be used; raises RegistryError naming what is wrong."""
    manifest = read_manifest(directory)
    models = manifest.get("models")
    if not isinstance(models, dict) or not models:
        raise RegistryError(f"{Path(directory) / MANIFEST}: names no models")
    for name, entry in models.items():
        check_model(Path(directory), name, entry)
    return manifest


def write_manifest(directory: Path, manifest: dict[str, Any]) -> Path:
    """Write ``manifest.json`` atomically, so a set is never seen with half a manifest.

    Write it last, after the model files: a directory without a manifest is not yet a set.
    """
    text = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    return write_atomically(Path(directory) / MANIFEST, text)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# --- Versions -------------------------------------------------------------------------------


def valid_version(version: str) -> bool:
    return bool(VERSION_PATTERN.fullmatch(version)) and version not in RESERVED


def new_version(root: Path, now: datetime | None = None) -> str:
    """A fresh version id such as ``2026-11-29T153012-ab12cd``: UTC time first, so ids sort
    in the order the sets were made; a random suffix keeps two trainers apart."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H%M%S")
    while True:
        version = f"{stamp}-{secrets.token_hex(3)}"
        if not (Path(root) / version).exists():
            return version


def set_dir(root: Path, version: str) -> Path:
    """Where the trained set ``version`` lives; raises for a name that is not a version."""
    if not valid_version(version):
        raise RegistryError(f"{version!r} is not a model set version")
    return Path(root) / version


# --- The active set -------------------------------------------------------------------------


def active_version(root: Path) -> str:
    """The version named in ``<root>/ACTIVE``, or ``"shipped"`` without that file.

    A file naming something that cannot be a version raises, rather than silently falling
    back to other models.
    """
    try:
        version = (Path(root) / ACTIVE_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return SHIPPED
    if version == SHIPPED:
        return SHIPPED
    if not valid_version(version):
        raise RegistryError(f"{Path(root) / ACTIVE_FILE}: names no version ({version[:80]!r})")
    return version


def active_dir(root: Path, shipped_dir: Path = SHIPPED_DIR) -> Path:
    """The directory to load screening models from.

    It is not checked here: a set deleted after activation makes the models fail to load,
    so screening fails closed (comments wait for a person) instead of quietly switching.
    """
    version = active_version(root)
    return Path(shipped_dir) if version == SHIPPED else Path(root) / version


def activate(root: Path, version: str) -> str:
    """Make ``version`` the set screening uses (``"shipped"`` goes back to the shipped one).

    The set is checked first: an unknown version or a broken set raises RegistryError and
    leaves the active set as it was. Returns the version now active.
    """
    if version != SHIPPED:
        directory = set_dir(root, version)
        if not directory.is_dir():
            raise RegistryError(f"No model set {version!r} in {root}")
        check_set(directory)
    Path(root).mkdir(parents=True, exist_ok=True)
    write_atomically(Path(root) / ACTIVE_FILE, version + "\n")
    return version


def write_atomically(path: Path, text: str) -> Path:
    """Replace ``path`` with ``text`` in one step (temporary file, fsync, os.replace): a
    reader sees the old content or the new, never a partial file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


# --- Listing --------------------------------------------------------------------------------


def describe(version: str, directory: Path, active: str) -> ModelSet:
    """A set as listed, with what is wrong with it if anything."""
    manifest: dict[str, Any] = {}
    problem = ""
    # The shipped set may predate manifests: its files are the code's own, so it still works.
    if version != SHIPPED or (directory / MANIFEST).exists():
        try:
            manifest = check_set(directory)
        except RegistryError as error:
            problem = str(error)
    return ModelSet(
        version=version,
        path=directory,
        created=manifest.get("created"),
        command=manifest.get("command", ""),
        models=manifest.get("models", {}),
        metrics=manifest.get("metrics", {}),
        active=version == active,
        problem=problem,
    )


def list_sets(root: Path, shipped_dir: Path | None = SHIPPED_DIR) -> list[ModelSet]:
    """Every set: the shipped one first (unless ``shipped_dir`` is None), then the trained
    ones oldest first (versions sort by time). Broken sets are listed with their problem."""
    root = Path(root)
    active = active_version(root)
    sets = [describe(SHIPPED, Path(shipped_dir), active)] if shipped_dir is not None else []
    if root.is_dir():
        versions = sorted(p.name for p in root.iterdir() if p.is_dir() and valid_version(p.name))
        sets += [describe(version, root / version, active) for version in versions]
    return sets


@dataclass(frozen=True)
class ActiveChoice:
    """Which set is active and where its files are."""

    version: str
    path: Path


class ActiveSet:
    """The active set for a long-running process, noticing activations without a restart.

    :meth:`current` costs one ``os.stat`` of ``ACTIVE``; the file is read again only when its
    inode, size or modification time changed (``activate`` replaces it, so the inode always
    does). A model loader keeps the :class:`ActiveChoice` it loaded from and reloads when
    ``current()`` returns a different one. Thread-safe.
    """

    def __init__(self, root: Path, shipped_dir: Path = SHIPPED_DIR) -> None:
        self.root = Path(root)
        self.shipped_dir = Path(shipped_dir)
        self._lock = threading.Lock()
        self._seen: tuple[int, ...] | None = None
        self._choice: ActiveChoice | None = None

    def _stamp(self) -> tuple[int, ...]:
        try:
            found = os.stat(self.root / ACTIVE_FILE)
        except FileNotFoundError:
            return ()
        return (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)

    def current(self) -> ActiveChoice:
        stamp = self._stamp()
        with self._lock:
            if self._choice is None or stamp != self._seen:
                version = active_version(self.root)
                path = self.shipped_dir if version == SHIPPED else self.root / version
                self._choice, self._seen = ActiveChoice(version, path), stamp
            return self._choice


# --- Django ---------------------------------------------------------------------------------


def configured_root() -> Path:
    """``settings.NETIZEN_MODERATION_MODELS_DIR``: the only Django import in this module."""
    from django.conf import settings

    return Path(settings.NETIZEN_MODERATION_MODELS_DIR)
