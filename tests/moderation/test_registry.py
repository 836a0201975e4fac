"""Screening model sets: listing, activating, going back, refusing broken sets, and a running
process noticing a switch. No database."""

import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from netizen.moderation import registry
from netizen.moderation.registry import RegistryError


def make_set(root: Path, version: str, *, created: str = "2026-11-29T15:30:12+00:00") -> Path:
    """A trained set with one model file and its manifest, as the trainer writes it."""
    directory = root / version
    directory.mkdir(parents=True)
    (directory / "offensive-zh.json.gz").write_bytes(b"weights")
    registry.write_manifest(
        directory,
        {
            "version": version,
            "created": created,
            "command": "netizen moderation train --with-decisions",
            "data": {"cold/train.csv": {"sha256": "ab" * 32, "rows": 25726}},
            "models": {
                "offensive-zh": {
                    "file": "offensive-zh.json.gz",
                    "label": "hate_speech",
                    "language": "zh",
                    "sha256": registry.sha256_file(directory / "offensive-zh.json.gz"),
                }
            },
            "metrics": {"offensive-zh": {"f1": 0.91}},
        },
    )
    return directory


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "moderation-models"


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A shipped set without a manifest, as the repository has it today."""
    directory = tmp_path / "shipped-models"
    directory.mkdir()
    (directory / "offensive-zh.json.gz").write_bytes(b"shipped weights")
    return directory


def test_shipped_is_active_until_something_is_activated(root, shipped):
    assert registry.active_version(root) == "shipped"
    assert registry.active_dir(root, shipped) == shipped


def test_activate_and_go_back(root, shipped):
    directory = make_set(root, "2026-11-29T153012-ab12cd")
    assert registry.activate(root, "2026-11-29T153012-ab12cd") == "2026-11-29T153012-ab12cd"
    assert registry.active_version(root) == "2026-11-29T153012-ab12cd"
    assert registry.active_dir(root, shipped) == directory
    assert registry.activate(root, "shipped") == "shipped"
    assert registry.active_dir(root, shipped) == shipped


def test_unknown_version_is_refused_and_nothing_changes(root):
    make_set(root, "2026-11-29T153012-ab12cd")
    registry.activate(root, "2026-11-29T153012-ab12cd")
    for version in ("2025-01-01T000000-000000", "../elsewhere", "", "ACTIVE", ".hidden"):
        with pytest.raises(RegistryError):
            registry.activate(root, version)
    assert registry.active_version(root) == "2026-11-29T153012-ab12cd"


@pytest.mark.parametrize(
    ("manifest", "problem"),
    [
        (None, "no manifest"),  # a set still being written
        ("{not json", "unreadable manifest"),
        ("[]", "not a JSON object"),
        (json.dumps({"version": "v1", "models": {}}), "names no models"),
        (
            json.dumps({"version": "v1", "models": {"m": {"file": "m.gz", "label": "rude"}}}),
            "unknown label 'rude'",
        ),
        (
            json.dumps({"version": "v1", "models": {"m": {"file": "../m.gz", "label": "spam"}}}),
            "points outside its set",
        ),
    ],
    ids=["missing", "not-json", "not-an-object", "no-models", "unknown-label", "outside"],
)
def test_a_broken_manifest_is_refused(root, manifest, problem):
    directory = root / "v1"
    directory.mkdir(parents=True)
    (directory / "m.gz").write_bytes(b"weights")
    if manifest is not None:
        (directory / "manifest.json").write_text(manifest)
    with pytest.raises(RegistryError, match=problem):
        registry.activate(root, "v1")
    assert registry.active_version(root) == "shipped"


def test_a_manifest_naming_a_missing_file_is_refused(root):
    directory = make_set(root, "v1")
    (directory / "offensive-zh.json.gz").unlink()
    with pytest.raises(RegistryError, match=r"missing file: offensive-zh\.json\.gz"):
        registry.activate(root, "v1")
    assert not (root / "ACTIVE").exists()


def test_a_file_changed_since_the_manifest_is_refused(root):
    directory = make_set(root, "v1")
    (directory / "offensive-zh.json.gz").write_bytes(b"truncated")
    with pytest.raises(RegistryError, match="sha256"):
        registry.activate(root, "v1")


def test_active_is_replaced_in_one_step(root, monkeypatch):
    make_set(root, "v1")
    make_set(root, "v2")
    registry.activate(root, "v1")
    assert (root / "ACTIVE").read_text() == "v1\n"

    def crash(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(registry.os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        registry.activate(root, "v2")
    # The old choice is intact and no temporary file is left behind.
    assert (root / "ACTIVE").read_text() == "v1\n"
    assert sorted(p.name for p in root.iterdir()) == ["ACTIVE", "v1", "v2"]


def test_a_damaged_active_file_fails_closed(root, shipped):
    root.mkdir()
    (root / "ACTIVE").write_text("../../etc\n")
    with pytest.raises(RegistryError, match="names no version"):
        registry.active_dir(root, shipped)


def test_listing_shipped_first_then_oldest_to_newest(root, shipped):
    for version in ("2026-12-01T090000-ffffff", "2026-11-29T153012-ab12cd", "v-broken"):
        make_set(root, version)
    (root / "v-broken" / "manifest.json").write_text("{")
    (root / ".2026-12-02T000000-123456.partial").mkdir()  # a trainer's work in progress
    (root / "notes.txt").write_text("not a set")
    registry.activate(root, "2026-12-01T090000-ffffff")

    sets = registry.list_sets(root, shipped)
    assert [s.version for s in sets] == [
        "shipped",
        "2026-11-29T153012-ab12cd",
        "2026-12-01T090000-ffffff",
        "v-broken",
    ]
    assert [s.active for s in sets] == [False, False, True, False]
    assert sets[0].problem == "" and sets[0].path == shipped
    assert sets[1].created == "2026-11-29T15:30:12+00:00"
    assert sets[1].metrics == {"offensive-zh": {"f1": 0.91}}
    assert "unreadable manifest" in sets[3].problem


def test_new_versions_sort_by_time_and_do_not_collide(root):
    earlier = registry.new_version(root, datetime(2026, 11, 29, 15, 30, 12, tzinfo=UTC))
    later = registry.new_version(root, datetime(2026, 11, 29, 15, 31, tzinfo=UTC))
    assert earlier.startswith("2026-11-29T153012-") and len(earlier) == 24
    assert earlier < later and registry.valid_version(earlier)
    assert registry.new_version(root) != registry.new_version(root)


def test_write_manifest_round_trips(tmp_path):
    registry.write_manifest(tmp_path, {"version": "v1", "created": "2026-11-29T15:30:12+00:00"})
    assert registry.read_manifest(tmp_path)["version"] == "v1"
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_a_running_process_notices_an_activation(root, shipped):
    make_set(root, "v1")
    make_set(root, "v2")
    active = registry.ActiveSet(root, shipped)
    assert active.current() == registry.ActiveChoice("shipped", shipped)
    registry.activate(root, "v1")
    assert active.current() == registry.ActiveChoice("v1", root / "v1")
    registry.activate(root, "v2")  # within the same clock tick: the new inode still shows
    assert active.current().version == "v2"
    registry.activate(root, "shipped")
    assert active.current().path == shipped


def test_an_unchanged_active_file_is_not_read_again(root, shipped, monkeypatch):
    make_set(root, "v1")
    registry.activate(root, "v1")
    active = registry.ActiveSet(root, shipped)
    assert active.current().version == "v1"
    reads = []
    monkeypatch.setattr(registry, "active_version", lambda r: reads.append(r) or "v1")
    for _ in range(3):
        active.current()
    assert reads == []
    os.utime(root / "ACTIVE", ns=(0, 0))
    active.current()
    assert reads == [root]


# --- The command ----------------------------------------------------------------------------


def run(*args: str) -> dict:
    out = io.StringIO()
    call_command("moderation", *args, stdout=out)
    return json.loads(out.getvalue())


def test_versions_and_activate_commands(root, settings):
    settings.NETIZEN_MODERATION_MODELS_DIR = root
    make_set(root, "2026-11-29T153012-ab12cd")

    listed = run("versions")
    assert (listed["active"], listed["problem"], listed["root"]) == ("shipped", "", str(root))
    assert [(s["version"], s["active"]) for s in listed["sets"]] == [
        ("shipped", True),
        ("2026-11-29T153012-ab12cd", False),
    ]
    assert listed["sets"][1]["command"] == "netizen moderation train --with-decisions"

    switched = run("activate", "2026-11-29T153012-ab12cd")
    assert switched == {"active": "2026-11-29T153012-ab12cd", "previous": "shipped"}
    assert run("versions")["active"] == "2026-11-29T153012-ab12cd"
    assert run("activate", "shipped") == {
        "active": "shipped",
        "previous": "2026-11-29T153012-ab12cd",
    }


def test_activate_command_refuses_unknown_and_broken_sets(root, settings):
    settings.NETIZEN_MODERATION_MODELS_DIR = root
    (make_set(root, "v1") / "offensive-zh.json.gz").unlink()
    with pytest.raises(CommandError, match="No model set 'v9'"):
        run("activate", "v9")
    with pytest.raises(CommandError, match="missing file"):
        run("activate", "v1")
    assert run("versions")["active"] == "shipped"


def test_versions_command_says_when_the_active_set_is_gone(root, settings):
    settings.NETIZEN_MODERATION_MODELS_DIR = root
    directory = make_set(root, "v1")
    run("activate", "v1")
    for path in directory.iterdir():
        path.unlink()
    directory.rmdir()
    listed = run("versions")
    assert listed["active"] == "v1" and listed["problem"].endswith("v1: missing")
