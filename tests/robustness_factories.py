"""Matrices for the robustness tests: scores given as a plain table, no value tree."""

from __future__ import annotations

import numpy as np

from tradeoff.core.model import Criterion, DecisionMatrix, Option, Score, WeightProfile


def numeric_matrix(scores: list[list[float]], weights: list[float],
                   ranges: dict[tuple[int, int], tuple[float, float]] | None = None,
                   scale: tuple[float, float] = (0, 10)) -> DecisionMatrix:
    """Options × benefit criteria on one 0..10 scale, one profile "p" with ``weights``.

    ``ranges`` maps (option index, criterion index) to a (low, high) range.
    """
    n, m = len(scores), len(scores[0])
    worst, best = scale
    matrix = DecisionMatrix(
        criteria=[Criterion(f"c{j}", f"C{j}", worst=worst, best=best) for j in range(m)],
        options=[Option(f"o{i}", f"O{i}") for i in range(n)],
        profiles=[WeightProfile("p", "P", {f"c{j}": float(w) for j, w in enumerate(weights)})],
        active_profile="p",
    )
    for i in range(n):
        for j in range(m):
            low, high = (ranges or {}).get((i, j), (None, None))
            matrix.scores[(f"o{i}", f"c{j}")] = Score(float(scores[i][j]), low, high)
    return matrix


def random_matrix(rng: np.random.Generator, n: int, m: int,
                  ranged: float = 0.0) -> DecisionMatrix:
    """Random scores on 0..10 (one decimal) and weights; a ``ranged`` share of cells get ranges."""
    scores = np.round(rng.uniform(0, 10, (n, m)), 1)
    weights = np.round(rng.uniform(0.5, 5, m), 2)
    ranges = {}
    for i in range(n):
        for j in range(m):
            if rng.random() < ranged:
                ranges[(i, j)] = (max(0.0, scores[i, j] - rng.uniform(0.5, 3)),
                                  min(10.0, scores[i, j] + rng.uniform(0.5, 3)))
    return numeric_matrix(scores.tolist(), weights.tolist(), ranges)


def one_pair_swapped() -> DecisionMatrix:
    """30 options that every method orders alike, but for the last two: the weighted
    product puts the balanced O28 (5, 5) above O29 (6, 4.05), the additive model below."""
    steps = [k for k in np.linspace(1, 9.5, 40).round(2) if not 4.5 < k < 5.5][:28]
    return numeric_matrix([[float(k), float(k)] for k in steps] + [[5.0, 5.0], [6.0, 4.05]],
                          [1.0, 1.0])

