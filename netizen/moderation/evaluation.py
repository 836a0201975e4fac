"""How good screening is, measured the way a moderator meets it: the whole pipeline on each
dataset's held-out split, per label and per language, and on our functional cases.

In-distribution figures (a model tested on its own dataset's dev split) are easy; the figures
that matter are across datasets (a model never trained on SWSR, tested on SWSR) and on the
functional cases, which no model is trained on. Chinese dev splits are also tested after
conversion to Traditional characters, since no labelled Traditional set exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from netizen.moderation import functional
from netizen.moderation.context import Policy, ScreeningContext
from netizen.moderation.datasets import Dataset, available
from netizen.moderation.examples import Example
from netizen.moderation.metrics import binary
from netizen.moderation.normalise import s2t
from netizen.moderation.pipeline import screen
from netizen.moderation.verdict import HATE_SPEECH, LABELS, PERSONAL_ATTACK, Verdict

type Screener = Callable[[str], Verdict]

# Splits scored for each dataset: held-out ones only, never what a model trained on.
HELD_OUT = {"cold": ("dev",), "davidson": ("dev",), "swsr": ("comments",), "youtube_spam": ("dev",)}
# COLD says "offensive or not", SWSR "sexist or not"; screening says whether the abuse is aimed
# at a group or at a person. Either label is a hit.
COMBINED = {"cold": (HATE_SPEECH, PERSONAL_ATTACK), "swsr": (HATE_SPEECH, PERSONAL_ATTACK)}


def batch_policy(policy: Policy) -> Policy:
    """The policy with no per-phase time limit: a batch run measures quality, not latency."""
    return replace(policy, phase_budget_ms=60_000.0)


def pipeline_screener(policy: Policy | None = None) -> Screener:
    context = ScreeningContext(policy=batch_policy(policy or Policy()))
    return lambda text: screen(text, context)


def traditional(examples: list[Example]) -> list[Example]:
    """The examples written in Traditional characters (OpenCC s2t)."""
    convert = s2t().convert
    return [
        replace(e, text=convert(e.text), language="zh-Hant", origin=e.origin + " (s2t)")
        for e in examples
    ]


def score_split(
    examples: list[Example],
    screener: Screener,
    policy: Policy,
    combined: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Per language and per label the source speaks for: the figures at the policy's
    threshold. With ``combined``, one more row, "any of" those labels against "any of" them."""
    verdicts = [screener(example.text) for example in examples]
    report: dict[str, Any] = {}
    for language in sorted({e.language for e in examples}):
        rows = [(e, v) for e, v in zip(examples, verdicts, strict=True) if e.language == language]
        thresholds = policy.thresholds_for(language)
        by_label = {}
        for label in LABELS:
            known = [(e, v) for e, v in rows if e.says(label) is not None]
            if known:
                by_label[label] = binary(
                    [bool(e.says(label)) for e, _ in known],
                    [v.scores.get(label, 0.0) for _, v in known],
                    thresholds.get(label, 0.5),
                )
        if combined:
            name = " or ".join(combined)
            by_label[name] = binary(
                [bool(e.labels & set(combined)) for e, _ in rows],
                [max(v.scores.get(label, 0.0) for label in combined) for _, v in rows],
                min(thresholds.get(label, 0.5) for label in combined),
            )
        report[language] = by_label
    return report


def evaluate_datasets(
    datasets: Iterable[Dataset], screener: Screener, policy: Policy
) -> dict[str, Any]:
    report: dict[str, Any] = {}
    for dataset in datasets:
        combined = COMBINED.get(dataset.name, ())
        for split in HELD_OUT.get(dataset.name, ()):
            examples = dataset.splits[split]
            report[f"{dataset.name}/{split}"] = score_split(examples, screener, policy, combined)
            if any(e.language == "zh-Hans" for e in examples):
                converted = traditional([e for e in examples if e.language == "zh-Hans"])
                report[f"{dataset.name}/{split} (Traditional)"] = score_split(
                    converted, screener, policy, combined
                )
    return report


def evaluate_functional(
    screener: Screener, policy: Policy, path: Path = functional.CASES_FILE
) -> dict[str, Any]:
    """Each behaviour's pass rate per language, and which cases failed (by line)."""

    def flagged(text: str) -> set[str]:
        verdict = screener(text)
        return set(verdict.labels_over(policy.thresholds_for(verdict.language)))

    report: dict[str, Any] = {}
    for (behaviour, language), tally in functional.evaluate(
        functional.load_cases(path), flagged
    ).items():
        report.setdefault(behaviour, {})[language] = {
            "cases": tally.count,
            "passed": tally.passed,
            "accuracy": round(tally.accuracy, 4),
            "failed_lines": [failure.line for failure in tally.failures],
        }
    return report


def evaluate(
    data_dir: Path, policy: Policy | None = None, screener: Screener | None = None
) -> dict[str, Any]:
    """The whole report: held-out dataset splits (those present in ``data_dir``), then the
    functional cases, with the models that were measured."""
    policy = policy or Policy()
    screener = screener or pipeline_screener(policy)
    models = screener("warm-up 预热").models  # Latin and Han: every model runs
    return {
        "models": models,
        "thresholds": {"default": policy.thresholds, **policy.language_thresholds},
        "datasets": evaluate_datasets(available(data_dir), screener, policy),
        "functional": evaluate_functional(screener, policy),
        "functional_holdout": evaluate_functional(screener, policy, functional.HOLDOUT_FILE)
        if functional.HOLDOUT_FILE.is_file()
        else None,
    }


def compare(current: dict[str, Any], candidate: dict[str, Any]) -> dict[str, Any]:
    """Candidate minus current for each dataset figure (accuracy, F1, ROC-AUC) and each
    behaviour's pass rate: what activating the candidate would change."""
    changes: dict[str, Any] = {"datasets": {}, "functional": {}}
    for split, languages in candidate["datasets"].items():
        for language, labels in languages.items():
            for label, figures in labels.items():
                before = current["datasets"].get(split, {}).get(language, {}).get(label)
                if before is None:
                    continue
                changes["datasets"][f"{split} {language} {label}"] = {
                    name: round(figures[name] - before[name], 4)
                    for name in ("accuracy", "f1", "roc_auc")
                    if figures.get(name) is not None and before.get(name) is not None
                }
    for part in ("functional", "functional_holdout"):
        for behaviour, languages in (candidate.get(part) or {}).items():
            for language, figures in languages.items():
                before = (current.get(part) or {}).get(behaviour, {}).get(language)
                if before is not None:
                    changes.setdefault(part, {})[f"{behaviour} {language}"] = round(
                        figures["accuracy"] - before["accuracy"], 4
                    )
    return changes
