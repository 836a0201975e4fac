"""Binary classification figures, in pure Python so evaluation needs no scikit-learn."""

from __future__ import annotations

from collections.abc import Sequence


def roc_auc(truth: Sequence[bool], scores: Sequence[float]) -> float | None:
    """The chance that a random positive outscores a random negative (ties count half);
    None when one class is absent. Mann-Whitney over ranks, average ranks for ties."""
    positives = sum(truth)
    negatives = len(truth) - positives
    if not positives or not negatives:
        return None
    order = sorted(range(len(scores)), key=scores.__getitem__)
    rank_sum = 0.0
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and scores[order[end + 1]] == scores[order[start]]:
            end += 1
        average_rank = (start + end) / 2 + 1
        rank_sum += average_rank * sum(truth[order[i]] for i in range(start, end + 1))
        start = end + 1
    return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives)


def binary(
    truth: Sequence[bool], scores: Sequence[float], threshold: float
) -> dict[str, float | int | None]:
    """Accuracy, precision, recall and F1 at ``threshold``, ROC-AUC over all thresholds."""
    predicted = [score >= threshold for score in scores]
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    total = len(truth)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    auc = roc_auc(truth, scores)
    return {
        "n": total,
        "positives": tp + fn,
        "accuracy": round((total - fp - fn) / total, 4) if total else None,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "roc_auc": round(auc, 4) if auc is not None else None,
    }
