"""`netizen moderation <action>`: build and inspect the screening models.

Actions:

* ``train``: train the shipped models (Chinese offensive language on COLD, English spam on
  YouTube comments) and write them to the models directory; prints a JSON summary per model
  (rows, data hashes, dev metrics, model size) on stdout.
* ``evaluate``: run the whole screening pipeline over each dataset's held-out split (those
  present in ``--data-dir``, Chinese ones in Traditional characters too) and the functional
  cases; prints accuracy, precision, recall, F1 and ROC-AUC per split, language and label.
* ``ceilings``: each recipe trained on the very dataset it is scored on (COLD, SWSR,
  Davidson's hate speech), rows scored held out: how far a model of this kind goes there,
  to weigh the cross-dataset targets against.
* ``versions``: the model sets (shipped, and trained into NETIZEN_MODERATION_MODELS_DIR),
  each with its manifest's creation time and metrics, and which one screening uses.
* ``activate VERSION``: make that set the one screening uses (``shipped`` goes back);
  running processes notice without a restart (see :mod:`netizen.moderation.registry`).

Each action is one function in :data:`ACTIONS` and one subparser in ``add_arguments``; stdout
carries the JSON and nothing else.
"""

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netizen.moderation import registry
from netizen.moderation.classifiers import (
    MODELS_DIR,
    OFFENSIVE_ZH,
    OFFENSIVE_ZH_FILE,
    SPAM_EN,
    SPAM_EN_FILE,
    models_dir,
    use_models,
)
from netizen.moderation.verdict import HATE_SPEECH, SPAM


def train(
    *, data_dir: Path, output: Path | None, seed: int | None, with_decisions: bool, **options: Any
) -> dict:
    """Every shipped model whose data is present; a model without its data is reported as
    skipped, and missing data for all of them is an error.

    With ``--with-decisions``, moderators' decisions join the training data and the models
    go to a new set under NETIZEN_MODERATION_MODELS_DIR (not activated: compare it with
    ``evaluate --version`` first); models that could not be retrained are copied from the
    set in use, so the new set is complete.
    """
    from netizen.moderation import training

    command = "netizen moderation train"
    if data_dir != settings.NETIZEN_DATASETS:
        command += f" --data-dir {data_dir}"
    if seed is not None:
        command += f" --seed {seed}"
    extra: list = []
    decisions: dict[str, Any] | None = None
    if with_decisions:
        from netizen.discussion.training_data import learned_from_decisions

        command += " --with-decisions"
        extra, decisions = learned_from_decisions()
    root = registry.configured_root()
    version = registry.new_version(root) if with_decisions and output is None else None
    target = output or (registry.set_dir(root, version) if version else MODELS_DIR)
    target.mkdir(parents=True, exist_ok=True)
    models: dict[str, Any] = {}
    for name, (recipe, config) in recipes(training).items():
        if seed is not None:
            config = replace(config, seed=seed)
        try:
            models[name] = recipe(data_dir, target, config, command=command, extra=extra)
        except training.TrainingError as error:
            models[name] = {"skipped": str(error)}
    if all("skipped" in summary for summary in models.values()):
        raise CommandError("; ".join(summary["skipped"] for summary in models.values()))
    result: dict[str, Any] = {"command": command, "models": models, "decisions": decisions}
    if version:
        complete_set(target, models)
        registry.write_manifest(target, manifest(target, version, command, models, decisions))
        result["version"] = version
        result["next"] = f"netizen moderation evaluate --version {version}"
    return result


def recipes(training: Any) -> dict[str, tuple[Callable[..., dict], Any]]:
    """The shipped models' training recipes, by model name."""
    return {
        OFFENSIVE_ZH: (training.train_offensive_zh, training.TrainConfig()),
        SPAM_EN: (training.train_spam_en, training.SPAM_EN_CONFIG),
    }


# The shipped linear models: file, policy label and language (obscenity-en comes from the
# installed alt-profanity-check, so a set never holds it).
SET_MODELS = {
    OFFENSIVE_ZH: (OFFENSIVE_ZH_FILE, HATE_SPEECH, "zh"),
    SPAM_EN: (SPAM_EN_FILE, SPAM, "en"),
}


def complete_set(target: Path, models: dict[str, Any]) -> None:
    """Copy the files of models that were not retrained from the set in use."""
    source = models_dir()
    for name, (file, _label, _language) in SET_MODELS.items():
        if "skipped" in models.get(name, {}):
            shutil.copyfile(source / file, target / file)
            models[name]["copied_from"] = str(source)


def manifest(
    target: Path, version: str, command: str, models: dict, decisions: dict | None
) -> dict:
    return {
        "version": version,
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "command": command,
        "models": {
            name: {
                "file": file,
                "label": label,
                "language": language,
                "sha256": registry.sha256_file(target / file),
            }
            for name, (file, label, language) in SET_MODELS.items()
        },
        "data": {name: summary.get("data") for name, summary in models.items()},
        "metrics": {name: summary.get("dev") for name, summary in models.items()},
        "decisions": decisions,
    }


def ceilings(*, data_dir: Path, **options: Any) -> dict:
    """In-domain figures of the project's recipes (see :mod:`netizen.moderation.ceilings`)."""
    from netizen.moderation.ceilings import ceilings as measured

    command = "netizen moderation ceilings"
    return {"command": command, "data_dir": str(data_dir), **measured(data_dir)}


def evaluate(*, data_dir: Path, version: str | None, **options: Any) -> dict:
    """The set in use measured; with ``--version``, that set too, and the differences."""
    from netizen.discussion.screening import policy
    from netizen.moderation.evaluation import compare
    from netizen.moderation.evaluation import evaluate as run

    command = "netizen moderation evaluate"
    report: dict[str, Any] = {"command": command, "data_dir": str(data_dir)}
    current = run(data_dir, policy())
    if version is None:
        return {**report, **current}
    try:
        directory = registry.set_dir(registry.configured_root(), version)
        registry.check_set(directory)
    except registry.RegistryError as error:
        raise CommandError(str(error)) from error
    with use_models(directory):
        candidate = run(data_dir, policy())
    return {
        **report,
        "command": f"{command} --version {version}",
        "current": current,
        "candidate": {"version": version, **candidate},
        "differences": compare(current, candidate),
        "activate": f"netizen moderation activate {version}",
    }


def versions(**options: Any) -> dict:
    root = registry.configured_root()
    try:
        active = registry.active_version(root)
        sets = registry.list_sets(root, shipped_dir=MODELS_DIR)
    except registry.RegistryError as error:
        raise CommandError(str(error)) from error
    listed = {found.version: found for found in sets}
    # A set deleted after activation: screening fails closed, and this says why.
    problem = listed[active].problem if active in listed else f"{root / active}: missing"
    return {
        "root": str(root),
        "active": active,
        "problem": problem,
        "sets": [found.to_dict() for found in sets],
    }


def activate(*, version: str, **options: Any) -> dict:
    root = registry.configured_root()
    try:
        previous = registry.active_version(root)
    except registry.RegistryError:
        previous = None  # a damaged ACTIVE file is what activating repairs
    try:
        active = registry.activate(root, version)
    except registry.RegistryError as error:
        raise CommandError(str(error)) from error
    return {"active": active, "previous": previous}


ACTIONS: dict[str, Callable[..., dict]] = {
    "train": train,
    "evaluate": evaluate,
    "ceilings": ceilings,
    "versions": versions,
    "activate": activate,
}


def add_data_dir(parser: CommandParser, what: str) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=settings.NETIZEN_DATASETS,
        help=f"{what} (default: NETIZEN_DATASETS, now {settings.NETIZEN_DATASETS})",
    )


class Command(BaseCommand):
    help = "Build the screening models. Actions: " + ", ".join(ACTIONS)
    # Training needs no database or URLs; it must run while the site is misconfigured too.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        trainer = actions.add_parser(
            "train", help="train the shipped models (COLD Chinese offensive language, English spam)"
        )
        add_data_dir(trainer, "folder holding cold/, youtube_spam/ and tatoeba_cmn_eng/")
        trainer.add_argument(
            "--output",
            type=Path,
            default=None,
            help=f"folder to write the models to (default: {MODELS_DIR}; with "
            "--with-decisions, a new set under NETIZEN_MODERATION_MODELS_DIR)",
        )
        trainer.add_argument(
            "--seed", type=int, default=None, help="random seed (default: the recipe's own)"
        )
        trainer.add_argument(
            "--with-decisions",
            action="store_true",
            help="add moderators' decisions to the training data, into a new model set",
        )
        evaluator = actions.add_parser(
            "evaluate", help="measure screening on held-out data and the functional cases"
        )
        add_data_dir(evaluator, "folder holding the datasets; those missing are left out")
        evaluator.add_argument(
            "--version",
            default=None,
            help="also measure this trained set and show what activating it would change",
        )
        ceiling = actions.add_parser(
            "ceilings",
            help="train each recipe on the dataset it is scored on: how far it goes there",
        )
        add_data_dir(ceiling, "folder holding cold/, swsr/ and davidson_hate_offensive/")
        actions.add_parser("versions", help="list the model sets and which one is active")
        activating = actions.add_parser("activate", help="make a model set the one screening uses")
        activating.add_argument(
            "version", help=f"a version from `versions`, or {registry.SHIPPED!r}"
        )

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        result = ACTIONS[action](**options)
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
