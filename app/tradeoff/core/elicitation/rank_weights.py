"""Weights from a ranking alone: rank-order centroid, rank sum, reciprocal rank.

When an analyst can say which criterion matters more but not by how much,
these surrogate weights turn the order into numbers (rank 1 = most important,
n criteria)::

    rank-order centroid  w_i = (1/n) Σ_{k=i..n} 1/k
                         Barron, F. H. & Barrett, B. E. (1996), "Decision quality
                         using ranked attribute weights", Management Science
                         42(11), 1515–1523.
    rank sum             w_i = 2 (n + 1 − i) / (n (n + 1))
    reciprocal rank      w_i = (1/i) / Σ_{k=1..n} 1/k
                         both Stillwell, W. G., Seaver, D. A. & Edwards, W. (1981),
                         "A comparison of weight approximation techniques in
                         multiattribute utility decision making", Organizational
                         Behavior and Human Performance 28(1), 62–77.

Ties: criteria ranked equal occupy consecutive positions and share the mean of
those positions' weights, so the weights still sum to 1 and tied criteria
weigh the same.
"""

from __future__ import annotations

import math

import numpy as np

from tradeoff.core.errors import TradeoffError

RANK_METHODS: dict[str, str] = {
    "roc": "rank-order centroid",
    "rank-sum": "rank sum",
    "reciprocal": "reciprocal rank",
}


def position_weights(n: int, method: str) -> np.ndarray:
    """Weights of positions 1..n under ``method`` (most important first)."""
    if method not in RANK_METHODS:
        raise TradeoffError(f"unknown rank weighting {method!r} (choose from "
                            f"{', '.join(RANK_METHODS)})")
    if n < 1:
        return np.zeros(0)
    positions = np.arange(1, n + 1, dtype=float)
    if method == "roc":
        tail = np.cumsum((1.0 / positions)[::-1])[::-1]    # Σ_{k=i..n} 1/k
        return tail / n
    if method == "rank-sum":
        return 2.0 * (n + 1 - positions) / (n * (n + 1))
    inverse = 1.0 / positions
    return inverse / inverse.sum()


def rank_weights(ranks: dict[str, float], method: str = "roc") -> dict[str, float]:
    """Weights (summing to 1) for items ranked 1 = most important; ties share.

    ``ranks`` maps item ids to ranks; only their order matters, so 1, 2, 2, 4
    and 1, 2, 2, 3 mean the same. Raises TradeoffError naming an item whose rank
    is not a finite number.
    """
    for item, rank in ranks.items():
        if isinstance(rank, bool) or not isinstance(rank, int | float) or not math.isfinite(rank):
            raise TradeoffError(f"the rank of {item!r} must be a number, not {rank!r}")
    items = sorted(ranks, key=lambda k: ranks[k])
    w = position_weights(len(items), method)
    out: dict[str, float] = {}
    start = 0
    while start < len(items):
        stop = start
        while stop + 1 < len(items) and ranks[items[stop + 1]] == ranks[items[start]]:
            stop += 1
        shared = float(w[start:stop + 1].mean())
        for item in items[start:stop + 1]:
            out[item] = shared
        start = stop + 1
    return {item: out[item] for item in ranks}
