"""SMAA-2 confidence factors: how often each option ranks first at its central weights.

Kept apart from :mod:`tradeoff.core.smaa`, which runs the main pass that finds
the central weights. Every option is judged on the same score draws (common
random numbers), so their confidence factors differ by their weights, not by
sampling luck.

Two things keep the pass short without changing a result:

* When every uncertain cell has a bounded distribution (triangular, PERT),
  an option whose highest possible total at a judged option's weights is
  below that option's lowest possible total can never come near it; such
  options are left out of the comparison altogether (on a large matrix most are).
* Only the best of the *other* options is needed to tell whether the judged
  option is first; the number of options tied at the top is counted only
  where the two are within the tie tolerance.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tradeoff.core.model import DecisionMatrix
from tradeoff.core.smaa_layout import CellLayout
from tradeoff.core.smaa_scores import ScoreRanges, ScoreSampler
from tradeoff.core.smaa_tally import TIE

# (draws, options, judged) totals are built a block at a time, at most this many
# elements, so that many options and draws cannot exhaust memory.
CONFIDENCE_ELEMENTS = 1 << 18
DRAWN_ELEMENTS = 1 << 21  # score draws (draws × cells) held at a time
# Drawn changes are single precision: an option is left out only when it falls
# short by more than this (relative to the size of the values) on top of the tie.
ROUNDING = 1e-5


class Cancelled(Exception):
    """The cancel check said stop (turned into SmaaCancelled by the caller)."""


def confidence_factors(base: np.ndarray, central: np.ndarray, ranges: ScoreRanges,
                       matrix: DecisionMatrix, distribution: str, rng: np.random.Generator,
                       draws: int, chunk: int,
                       progress: Callable[[int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> np.ndarray:
    """Share of ``draws`` score draws in which each option ranks first at its own central
    weights (NaN for an option never first). ``progress(seen)`` after each chunk."""
    n = base.shape[0]
    out = np.full(n, np.nan)
    judged = np.flatnonzero(~np.isnan(central).any(axis=1))
    if judged.size == 0:
        return out
    scorer = ScoreSampler(matrix, ranges, distribution, rng) if ranges.count else None
    rivals = _rivals(base, central[judged], judged, ranges, scorer)
    keep = np.isin(ranges.option, rivals) if scorer is not None else np.zeros(0, bool)
    every_cell = bool(keep.all())
    layout = _layout(ranges, keep, rivals, base.shape[1]) if keep.any() else None
    sub = base[rivals]
    at = np.searchsorted(rivals, judged)  # each judged option's place among the rivals
    c = rivals.size
    group = max(1, min(judged.size, CONFIDENCE_ELEMENTS // c))
    groups = []
    for start in range(0, judged.size, group):
        weights = central[judged[start:start + group]].T  # (criteria, judged)
        # C order: a transposed operand slows the threaded matrix product down severalfold
        groups.append((slice(start, start + group), sub @ weights,
                       np.ascontiguousarray(weights, dtype=np.float32)))
    won = np.zeros(judged.size)
    seen = 0
    while seen < draws:
        if cancelled is not None and cancelled():
            raise Cancelled()
        k = min(chunk, draws - seen)
        rows_at_once = max(1, DRAWN_ELEMENTS // max(ranges.count, 1))
        parts = scorer.parts(k, rows_at_once, None if every_cell else np.flatnonzero(keep)) \
            if scorer is not None else [None]
        for drawn in parts:
            rows = drawn.shape[0] if drawn is not None else k
            for part, fixed, weights32 in groups:
                block = max(1, CONFIDENCE_ELEMENTS // (c * fixed.shape[1]))
                for first in range(0, rows, block):
                    totals = np.empty((min(block, rows - first), c, fixed.shape[1]))
                    totals[:] = fixed
                    if layout is not None and drawn is not None:
                        shift = layout.shift_fixed(drawn[first:first + block], weights32)
                        layout.add(totals, shift)
                    won[part] += _first_shares(totals, at[part])
        seen += k
        if progress is not None:
            progress(seen)
    out[judged] = won / draws
    return out


def _first_shares(totals: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For each judged option (axis 2), its summed share of first place over the draws
    (axis 0): 1 when first alone, 1/m when first with m − 1 others within the tie."""
    columns = np.arange(at.size)
    own = totals[:, at, columns].copy()
    totals[:, at, columns] = -np.inf
    rival = totals.max(axis=1)  # the best of the others
    shares = (own > rival + TIE).sum(axis=0).astype(float)
    near = np.nonzero(np.abs(own - rival) <= TIE)  # tied at the top: count who shares it
    if near[0].size:
        d, j = near
        best = np.maximum(own[d, j], rival[d, j])
        others = (totals[d, :, j] >= (best - TIE)[:, None]).sum(axis=1)
        np.add.at(shares, j, 1.0 / (1 + others))
    return shares


def _rivals(base: np.ndarray, central: np.ndarray, judged: np.ndarray, ranges: ScoreRanges,
            scorer: ScoreSampler | None) -> np.ndarray:
    """The options that could come within the tie of a judged option at its central
    weights in some draw (the judged options among them), in index order."""
    n, m = base.shape
    if scorer is None:
        return np.arange(n)
    low, high = np.zeros((n, m)), np.zeros((n, m))
    low[ranges.option, ranges.criterion] = scorer.delta_low
    high[ranges.option, ranges.criterion] = scorer.delta_high
    weights = central.T
    fixed = base @ weights
    with np.errstate(invalid="ignore"):  # an unbounded cell at weight 0: NaN, kept below
        top = fixed + high @ weights
        bottom = fixed + low @ weights
    finite = np.concatenate([np.abs(base).ravel(), np.abs(low[np.isfinite(low)]),
                             np.abs(high[np.isfinite(high)])])
    margin = TIE + ROUNDING * (1 + finite.max(initial=0))
    own_bottom = bottom[judged, np.arange(judged.size)]
    near = ~(top < own_bottom[None, :] - margin)  # NaN (unbounded) counts as near
    near[judged, np.arange(judged.size)] = True
    return np.flatnonzero(near.any(axis=1))


def _layout(ranges: ScoreRanges, keep: np.ndarray, rivals: np.ndarray,
            criteria: int) -> CellLayout:
    """The layout of the rivals' ranged cells, options numbered among the rivals."""
    kept = ScoreRanges(np.searchsorted(rivals, ranges.option[keep]), ranges.criterion[keep],
                       ranges.low[keep], ranges.mode[keep], ranges.high[keep],
                       ranges.base_value[keep])
    return CellLayout(kept, rivals.size, criteria)
