"""Rankings under every method side by side, with their agreement with the primary one.

Agreement is Kendall's τ-b between each method's ranks and the primary
model's, over the options both methods rank::

    τ_b = Σ_{i<j} sgn(x_i − x_j) sgn(y_i − y_j) / √(Σ sgn(x_i − x_j)² · Σ sgn(y_i − y_j)²)

i.e. (concordant − discordant pairs) over the geometric mean of the pairs
each ranking does not tie (Kendall, M. G. 1945, "The treatment of ties in
ranking problems", *Biometrika* 33(3), 239–251). τ = 1 is the same order,
−1 the reverse; it is undefined (NaN) with fewer than two common options or
when either ranking ties them all.

A method that cannot run on the matrix (the weighted product on a zero
score, say) is listed with the reason instead of ranks, so one unusable
method never hides the others.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.registry import (
    METHODS,
    PRIMARY,
    MethodSettings,
    normalisation_text,
    run_method,
)
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.scoring import ScoreResult


def kendall_tau_b(x: np.ndarray, y: np.ndarray) -> float:
    """Kendall's τ-b of two rankings (NaN entries are left out pairwise).

    Knight's method (1966, "A computer method for calculating Kendall's tau
    with ungrouped data", JASA 61): sort by x, then count the discordant pairs
    as the inversions a merge sort of y undoes, and the ties from runs of
    equal values. O(n log² n) time and linear memory; comparing every pair
    would build n × n arrays (3 GB for 10,000 options). Integer counts keep
    identical rankings at exactly 1.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = ~(np.isnan(x) | np.isnan(y))
    x, y = x[keep], y[keep]
    n = x.size
    if n < 2:
        return float("nan")
    order = np.lexsort((y, x))  # by x, ties in x by y: no inversion inside a tie of x
    xs, ys = x[order], y[order]
    pairs = n * (n - 1) // 2
    tied_x, tied_y = _tied_pairs(xs), _tied_pairs(np.sort(y))
    tied_both = _tied_pairs_joint(xs, ys)
    denominator = (pairs - tied_x) * (pairs - tied_y)
    if denominator == 0:
        return float("nan")  # a constant ranking has no order to agree with
    ranks = np.unique(ys, return_inverse=True)[1].astype(np.int64)
    discordant = _inversions(ranks)
    numerator = pairs - tied_x - tied_y + tied_both - 2 * discordant
    return float(numerator / math.sqrt(denominator)) if numerator * numerator != denominator \
        else float(np.sign(numerator))


def _tied_pairs(sorted_values: np.ndarray) -> int:
    """Pairs of equal values in a sorted array."""
    runs = np.diff(np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1], True]))
    return int((runs * (runs - 1) // 2).sum())


def _tied_pairs_joint(xs: np.ndarray, ys: np.ndarray) -> int:
    """Pairs equal in both x and y (the arrays sorted by x, then y)."""
    change = np.r_[True, (xs[1:] != xs[:-1]) | (ys[1:] != ys[:-1]), True]
    runs = np.diff(np.flatnonzero(change))
    return int((runs * (runs - 1) // 2).sum())


def _inversions(ranks: np.ndarray) -> int:
    """Pairs i < j with ranks[i] > ranks[j], by a bottom-up merge sort done in numpy.

    At each level every block of 2w holds two sorted halves; each element of a
    right half counts the elements of its left half above it (one searchsorted
    over all blocks at once, the block number folded into the key), then the
    block is sorted for the next level.
    """
    a, n = ranks.copy(), ranks.size
    total, width = 0, 1
    position = np.arange(n)
    while width < n:
        block = position // (2 * width)
        right = (position // width) % 2 == 1
        key = block * (n + 1) + a
        left_keys, right_keys = key[~right], key[right]  # each ascending: halves are sorted
        left_end = np.searchsorted(left_keys, (block[right] + 1) * (n + 1), side="left")
        total += int((left_end - np.searchsorted(left_keys, right_keys, side="right")).sum())
        a = a[np.argsort(key, kind="stable")]
        width *= 2
    return total


@dataclass
class MethodOutcome:
    """One method's result in the cross-check, or why it could not run."""

    key: str
    display_name: str
    result: ScoreResult | None
    error: str | None
    tau: float

    @property
    def normalisation(self) -> str:
        return normalisation_text(self.result) if self.result is not None else ""

    @property
    def ranks(self) -> pd.Series | None:
        return None if self.result is None else self.result.ranks


@dataclass
class CrossCheck:
    """Every method's ranking of one matrix under one weight profile."""

    option_ids: list[str]
    option_names: list[str]
    profile: str
    outcomes: list[MethodOutcome]

    @property
    def primary(self) -> MethodOutcome:
        return self.outcomes[0]

    def outcome(self, key: str) -> MethodOutcome:
        for o in self.outcomes:
            if o.key == key:
                return o
        raise KeyError(key)

    def rank(self, option_id: str, key: str) -> float:
        ranks = self.outcome(key).ranks
        return float("nan") if ranks is None else float(ranks[option_id])

    def differs(self, option_id: str, key: str) -> bool:
        """True when ``key`` ranks the option differently from the primary method."""
        mine, primary = self.rank(option_id, key), self.rank(option_id, PRIMARY)
        if np.isnan(mine) and np.isnan(primary):
            return False
        return bool(mine != primary)

    def differing_options(self) -> list[str]:
        """Options that some method ranks differently from the primary one."""
        return [o for o in self.option_ids
                if any(self.differs(o, m.key) for m in self.outcomes[1:] if m.result)]

    def ranks_frame(self) -> pd.DataFrame:
        """Options × methods, each cell a rank (NaN where unranked or the method failed)."""
        return pd.DataFrame(
            {m.display_name: [self.rank(o, m.key) for o in self.option_ids]
             for m in self.outcomes},
            index=pd.Index(self.option_names, name="option"))

    def summary_frame(self) -> pd.DataFrame:
        """Per method: normalisation, Kendall's τ against the primary method, any error."""
        return pd.DataFrame(
            {"normalisation": [m.normalisation for m in self.outcomes],
             "kendall tau": [m.tau for m in self.outcomes],
             "note": [m.error or "" for m in self.outcomes]},
            index=pd.Index([m.display_name for m in self.outcomes], name="method"))


class CrossCheckCancelled(Exception):
    """Raised inside :func:`crosscheck` when its cancel check says stop."""


PROGRESS_STEPS = 1000  # what ``progress(done, total)`` counts to


def crosscheck(matrix: DecisionMatrix, profile: WeightProfile | str | None = None,
               settings: MethodSettings | None = None,
               methods: list[str] | None = None,
               progress: Callable[[int, int], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> CrossCheck:
    """Run every method (primary first) and compare each ranking with the primary one.

    Bad weights raise, as they would for the primary model; a method that
    refuses the data is kept with its error message. ``progress(done, total)``
    hears how far the run has got (each method an equal share, PROMETHEE's
    within its own as it goes); ``cancelled()`` is asked as often, and when it
    returns True the run stops with :class:`CrossCheckCancelled`.
    """
    if not isinstance(profile, WeightProfile):
        profile = matrix.profile(profile)
    keys = [PRIMARY] + [k for k in (methods or list(METHODS)) if k != PRIMARY]
    outcomes: list[MethodOutcome] = []
    primary_ranks: np.ndarray | None = None

    def reached(step: int, share: float) -> None:
        if cancelled is not None and cancelled():
            raise CrossCheckCancelled()
        if progress is not None:
            progress(int(PROGRESS_STEPS * (step + share) / len(keys)), PROGRESS_STEPS)

    for step, key in enumerate(keys):
        spec = METHODS[key]
        reached(step, 0.0)
        try:
            result = run_method(key, matrix, profile, settings,
                                progress=lambda share, step=step: reached(step, share))
        except TradeoffError as e:
            if key == PRIMARY:
                raise
            outcomes.append(MethodOutcome(key, spec.display_name, None, str(e), float("nan")))
            continue
        ranks = result.ranks.to_numpy(dtype=float)
        if primary_ranks is None:
            primary_ranks = ranks
        outcomes.append(MethodOutcome(key, spec.display_name, result, None,
                                      kendall_tau_b(primary_ranks, ranks)))
    if progress is not None:
        progress(PROGRESS_STEPS, PROGRESS_STEPS)
    return CrossCheck([o.id for o in matrix.options], [o.name for o in matrix.options],
                      profile.id, outcomes)
