"""`netizen moderation <action>`: build and inspect the screening models.

Actions:

* ``train``: train the Chinese offensive-language model on COLD and write it to the models
  directory; prints a JSON summary (rows, data hashes, dev metrics, model size) on stdout.

Each action is one function in :data:`ACTIONS` and one subparser in ``add_arguments``; stdout
carries the JSON and nothing else.
"""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netizen.moderation.classifiers import MODELS_DIR


def train(*, data_dir: Path, output: Path, seed: int | None, **options: Any) -> dict:
    from netizen.moderation import training

    config = training.TrainConfig()
    if seed is not None:
        config = training.TrainConfig(seed=seed)
    command = "netizen moderation train"
    if data_dir != settings.NETIZEN_DATASETS:
        command += f" --data-dir {data_dir}"
    if seed is not None:
        command += f" --seed {seed}"
    try:
        return training.train_offensive_zh(data_dir, output, config, command=command)
    except training.TrainingError as error:
        raise CommandError(str(error)) from error


ACTIONS: dict[str, Callable[..., dict]] = {
    "train": train,
}


class Command(BaseCommand):
    help = "Build the screening models. Actions: " + ", ".join(ACTIONS)
    # Training needs no database or URLs; it must run while the site is misconfigured too.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        trainer = actions.add_parser(
            "train", help="train the Chinese offensive-language model on COLD"
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

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        result = ACTIONS[action](**options)
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
