"""`netizen moderation <action>`: build and inspect the screening models.

Actions:

* ``train``: train the shipped models (Chinese offensive language on COLD, English spam on
  YouTube comments) and write them to the models directory; prints a JSON summary per model
  (rows, data hashes, dev metrics, model size) on stdout.
* ``evaluate``: run the whole screening pipeline over each dataset's held-out split (those
  present in ``--data-dir``, Chinese ones in Traditional characters too) and the functional
  cases; prints accuracy, precision, recall, F1 and ROC-AUC per split, language and label.
* ``versions``: the model sets (shipped, and trained into NETIZEN_MODERATION_MODELS_DIR),
  each with its manifest's creation time and metrics, and which one screening uses.
* ``activate VERSION``: make that set the one screening uses (``shipped`` goes back);
  running processes notice without a restart (see :mod:`netizen.moderation.registry`).

Each action is one function in :data:`ACTIONS` and one subparser in ``add_arguments``; stdout
carries the JSON and nothing else.
"""

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netizen.moderation import registry
from netizen.moderation.classifiers import MODELS_DIR


def train(*, data_dir: Path, output: Path, seed: int | None, **options: Any) -> dict:
    """Every shipped model whose data is present; a model without its data is reported as
    skipped, and missing data for all of them is an error."""
    from netizen.moderation import training

    command = "netizen moderation train"
    if data_dir != settings.NETIZEN_DATASETS:
        command += f" --data-dir {data_dir}"
    if seed is not None:
        command += f" --seed {seed}"
    recipes = {
        "offensive-zh": (training.train_offensive_zh, training.TrainConfig()),
        "spam-en": (training.train_spam_en, training.SPAM_EN_CONFIG),
    }
    models: dict[str, Any] = {}
    for name, (recipe, config) in recipes.items():
        if seed is not None:
            config = replace(config, seed=seed)
        try:
            models[name] = recipe(data_dir, output, config, command=command)
        except training.TrainingError as error:
            models[name] = {"skipped": str(error)}
    if all("skipped" in summary for summary in models.values()):
        raise CommandError("; ".join(summary["skipped"] for summary in models.values()))
    return {"command": command, "models": models}


def evaluate(*, data_dir: Path, **options: Any) -> dict:
    from netizen.discussion.screening import policy
    from netizen.moderation.evaluation import evaluate as run

    return {
        "command": "netizen moderation evaluate",
        "data_dir": str(data_dir),
        **run(data_dir, policy()),
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
    "versions": versions,
    "activate": activate,
}


class Command(BaseCommand):
    help = "Build the screening models. Actions: " + ", ".join(ACTIONS)
    # Training needs no database or URLs; it must run while the site is misconfigured too.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        trainer = actions.add_parser(
            "train", help="train the shipped models (COLD Chinese offensive language, English spam)"
        )
        trainer.add_argument(
            "--data-dir",
            type=Path,
            default=settings.NETIZEN_DATASETS,
            help="folder holding cold/train.csv and cold/dev.csv "
            f"(default: NETIZEN_DATASETS, now {settings.NETIZEN_DATASETS})",
        )
        trainer.add_argument(
            "--output",
            type=Path,
            default=MODELS_DIR,
            help=f"folder to write the model to (default {MODELS_DIR})",
        )
        trainer.add_argument(
            "--seed", type=int, default=None, help="random seed (default: the recipe's own)"
        )
        evaluator = actions.add_parser(
            "evaluate", help="measure screening on held-out data and the functional cases"
        )
        evaluator.add_argument(
            "--data-dir",
            type=Path,
            default=settings.NETIZEN_DATASETS,
            help="folder holding the datasets; those missing are left out "
            f"(default: NETIZEN_DATASETS, now {settings.NETIZEN_DATASETS})",
        )
        actions.add_parser("versions", help="list the model sets and which one is active")
        activating = actions.add_parser("activate", help="make a model set the one screening uses")
        activating.add_argument(
            "version", help=f"a version from `versions`, or {registry.SHIPPED!r}"
        )

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        result = ACTIONS[action](**options)
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
