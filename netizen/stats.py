"""Small statistics shared by the benchmarks and the moderation queue's health figures."""

import math
from collections.abc import Sequence


def percentile[T](sorted_values: Sequence[T], percent: float) -> T:
    """The nearest-rank ``percent`` percentile (0–100) of values sorted in ascending order.

    Nearest rank picks the smallest value with at least ``percent`` per cent of the values at or
    below it, so the answer is always one of the measured values, never an interpolation
    between two. That keeps a "p95 of 3 h" something that really happened, works for any
    ordered values (seconds, timedeltas) without arithmetic on them, and reads the same in
    every report that uses it. Raises IndexError when there are no values.
    """
    rank = max(1, math.ceil(percent * len(sorted_values) / 100))
    return sorted_values[rank - 1]
