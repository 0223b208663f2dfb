"""A copy of a matrix for work on another thread, cheap enough to take on every change.

The scores are copied as arrays (no per-cell objects), and the options are shared:
an edit replaces an Option, it never changes one. About 10 ms for 10,000 × 50.
"""

from __future__ import annotations

import copy

from tradeoff.core.model import DecisionMatrix


def snapshot(matrix: DecisionMatrix) -> DecisionMatrix:
    """A copy of ``matrix`` that later edits cannot reach."""
    memo: dict[int, object] = {id(matrix.scores): matrix.scores.copy()}
    for option in matrix.options:
        memo[id(option)] = option
    return copy.deepcopy(matrix, memo)
