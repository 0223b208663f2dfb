"""Σ_b P(a, b) and Σ_b P(b, a) for every option at once, from one sort per criterion.

PROMETHEE compares every pair of options: n² differences per criterion. For the
preference functions that are continuous in the difference — ``usual`` (a step
at 0, which float comparison decides exactly), ``v-shape`` and ``linear`` with
p > q — the sums need no pairs. With the scores sorted and their running sums,
the options b at a difference in each piece of P (nothing, the ramp, full
preference) lie in a contiguous run found by binary search, and the ramp's sum
over a run is its count times a's score less the run's sum of scores:
O(n log n) instead of O(n²).

Where a difference lands within rounding of a threshold the two ways of
computing may put it on either side; a continuous P gives (nearly) the same
value on both, so the results agree to floating-point noise. The functions
with a jump at a threshold (``u-shape``, ``level``, ``linear`` with p = q) and
the ``gaussian`` keep the pairwise sums, where the side is decided exactly as
the definition states.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.preference_functions import PreferenceFunction


def sorted_sums_apply(function: PreferenceFunction) -> bool:
    """Whether :func:`sorted_preference_sums` gives this function's sums."""
    return (function.kind in ("usual", "v-shape")
            or (function.kind == "linear" and function.p > function.q))


def sorted_preference_sums(col: np.ndarray, function: PreferenceFunction
                           ) -> tuple[np.ndarray, np.ndarray]:
    """(given, taken): Σ_b P(g(a) − g(b)) and Σ_b P(g(b) − g(a)) for every a."""
    x = np.asarray(col, dtype=float)
    n = x.size
    s = np.sort(x)
    if function.kind == "usual":  # P = 1 for any d > 0
        given = np.searchsorted(s, x, side="left").astype(float)
        taken = (n - np.searchsorted(s, x, side="right")).astype(float)
        return given, taken
    q = 0.0 if function.kind == "v-shape" else function.q
    p = function.p
    width = p - q
    # Scores centred first, so the running sums stay small and lose little to rounding.
    centre = float(np.median(s)) if n else 0.0
    xc, sc = x - centre, s - centre
    running = np.concatenate(([0.0], np.cumsum(sc)))

    def run_sum(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """How many sorted scores lie in [lo, hi), and their sum."""
        return hi - lo, running[hi] - running[lo]

    # given: b with g(a) − g(b) > p count 1; q < g(a) − g(b) ≤ p follow the ramp
    # ((g(a) − g(b)) − q) / (p − q).
    full = np.searchsorted(s, x - p, side="left")                 # s_b < x − p
    ramp_end = np.maximum(np.searchsorted(s, x - q, side="left"), full)  # s_b < x − q
    count, part = run_sum(full, ramp_end)
    given = full + (count * (xc - q) - part) / width
    # taken: b with g(b) − g(a) > p count 1; q < g(b) − g(a) ≤ p follow the ramp.
    full_from = np.searchsorted(s, x + p, side="right")           # s_b > x + p
    ramp_start = np.minimum(np.searchsorted(s, x + q, side="right"), full_from)  # s_b > x + q
    count, part = run_sum(ramp_start, full_from)
    taken = (n - full_from) + (part - count * (xc + q)) / width
    return np.clip(given, 0.0, None), np.clip(taken, 0.0, None)
