"""Statistical classifiers: English obscenity and Chinese offensive language.

Which classifiers run depends on the detected language and on the scripts in the text: ``en``
runs the English model, ``zh`` (``zh-Hans``, ``zh-Hant``) the Chinese one, and a text with
both Latin words and Han characters runs both whatever its detected language; an undetermined
language runs the models whose script appears. Every model that runs is recorded in
``state.models`` with its version, and leaves a flag when it scores at least
:data:`REPORT_AT`, so moderators see moderate scores too; :func:`~netizen.moderation.decide.decide`
applies the policy's thresholds.

A model that cannot be loaded makes this phase raise: the pipeline then marks the screening
unavailable (fail closed) rather than let the comment pass as clean.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from netizen.moderation import classifiers
from netizen.moderation.verdict import Flag

if TYPE_CHECKING:
    from netizen.moderation.pipeline import ScreeningState

PHASE = "classify"
REASON = "classifier"
# Scores from here up are reported as flags; whether they matter is the policy's call.
REPORT_AT = 0.3

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
LATIN_WORD = re.compile(r"[a-z]{2,}", re.IGNORECASE)  # the English model's tokens: 2+ letters


def choose(language: str, text: str) -> list[str]:
    """The names of the classifiers to run on ``text`` detected as ``language``."""
    base = language.split("-")[0].lower()
    chosen = []
    if base == "en" or LATIN_WORD.search(text):
        chosen.append(classifiers.OBSCENITY_EN)
    if base == "zh" or HAN.search(text):
        chosen.append(classifiers.OFFENSIVE_ZH)
    return chosen


def run(state: ScreeningState) -> list[Flag]:
    # The normalised text: case, width, lookalikes and Traditional script already folded.
    text = state.view().text
    flags = []
    for name in choose(state.language, text):
        model = classifiers.get(name)  # raises if the model cannot be loaded
        state.models[model.name] = model.version
        score = model.score(text)
        if score >= REPORT_AT:
            flags.append(
                Flag(
                    label=model.label,
                    score=score,
                    reason=REASON,
                    phase=PHASE,
                    detail=f"{model.name} {score:.2f}",
                )
            )
    return flags
