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
from functools import partial

import numpy as np

from tradeoff.core.model import DecisionMatrix
from tradeoff.core.smaa_scores import ScoreRanges, ScoreSampler, uncentred
from tradeoff.core.smaa_tally import TIE
from tradeoff.core.smaa_threads import PartPool, Scratch

# (draws, options, judged) totals are built a block at a time, at most this many
# elements, so that many options and draws cannot exhaust memory.
CONFIDENCE_ELEMENTS = 1 << 19
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
                       cancelled: Callable[[], bool] | None = None,
                       pool: PartPool | None = None) -> np.ndarray:
    """Share of ``draws`` score draws in which each option ranks first at its own central
    weights (NaN for an option never first). ``progress(seen)`` after each chunk; the
    parts of a chunk are worked on ``pool``'s threads (here without one)."""
    n = base.shape[0]
    out = np.full(n, np.nan)
    judged = np.flatnonzero(~np.isnan(central).any(axis=1))
    if judged.size == 0:
        return out
    scorer = ScoreSampler(matrix, ranges, distribution, rng) if ranges.count else None
    rivals = _rivals(base, central[judged], judged, ranges, scorer)
    keep = np.isin(ranges.option, rivals) if scorer is not None else np.zeros(0, bool)
    judge = _Judge(uncentred(base, scorer)[rivals], central, judged, rivals, ranges, keep)
    columns = None if keep.all() else np.flatnonzero(keep)
    pool = pool or PartPool(1)
    won = np.zeros(judged.size)
    seen = 0
    while seen < draws:
        if cancelled is not None and cancelled():
            raise Cancelled()
        k = min(chunk, draws - seen)
        if scorer is None:
            jobs = [partial(judge.wins, np.zeros((k, 0), np.float32))]
        else:
            rows_at_once = max(1, DRAWN_ELEMENTS // max(ranges.count, 1))
            jobs = [partial(judge.wins_of_blocks, scorer, blocks, columns)
                    for blocks in scorer.plan(k, rows_at_once)]
        for part_won, _ in pool.ordered((job, None) for job in jobs):
            won += part_won  # in order: the same sums on any number of threads
        seen += k
        if progress is not None:
            progress(seen)
    out[judged] = won / draws
    return out


class _Judge:
    """Each judged option's first places over a part of the score draws.

    The totals of every rival at every judged option's weights are one single
    precision matrix product of (value + drawn change) with the weights: a third
    of the memory traffic of double precision, and the values once instead of a
    fixed part and a change. Single precision only screens: where an option's
    total and the best of the others are within the product's worst rounding
    (twice (criteria + 2) units of float32 in the last place, relative to the
    values; weights add up to 1) of each other, that draw is judged again in
    double precision by :func:`_first_shares`, ties and all, as the totals
    (value + change) are summed in the main pass.
    """

    def __init__(self, sub: np.ndarray, central: np.ndarray, judged: np.ndarray,
                 rivals: np.ndarray, ranges: ScoreRanges, keep: np.ndarray) -> None:
        c, m = sub.shape
        self.sub, self.m = sub, m
        self.base32 = sub.astype(np.float32)
        # each kept cell's place in a draw's (rivals × criteria) values, flattened
        self.cells = np.searchsorted(rivals, ranges.option[keep]) * m + ranges.criterion[keep]
        self.in_order = self.cells.size == c * m and bool(
            (self.cells == np.arange(c * m)).all())
        self.at = np.searchsorted(rivals, judged)  # each judged option among the rivals
        group = max(1, min(judged.size, CONFIDENCE_ELEMENTS // c))
        self.groups = []
        for start in range(0, judged.size, group):
            weights = central[judged[start:start + group]].T  # (criteria, judged)
            self.groups.append((slice(start, start + group), np.ascontiguousarray(weights),
                                np.ascontiguousarray(weights, dtype=np.float32)))
        scale = float(np.abs(sub).max(initial=0)) + float(
            np.abs(np.r_[ranges.low - ranges.mode, ranges.high - ranges.mode]).max(initial=0))
        self.margin = TIE + 4 * (m + 2) * float(np.finfo(np.float32).eps) * (1 + scale)
        self.judged = judged.size

    def wins_of_blocks(self, scorer: ScoreSampler, blocks: list[tuple[int, int]],
                       columns: np.ndarray | None) -> np.ndarray:
        won, scratch = np.zeros(self.judged), Scratch()
        for _, drawn in scorer.pieces(blocks, columns, centred=False):  # while in cache
            won += self.wins(drawn, scratch)
        return won

    def wins(self, drawn: np.ndarray, scratch: Scratch | None = None) -> np.ndarray:
        """Summed first-place shares (judged,) over the draws of ``drawn`` (draws, kept cells)."""
        c = self.sub.shape[0]
        won = np.zeros(self.judged)
        scratch = scratch or Scratch()
        for part, weights, weights32 in self.groups:
            size = weights.shape[1]
            block = max(1, CONFIDENCE_ELEMENTS // (c * size))
            for first in range(0, max(drawn.shape[0], 1), block):
                deltas = drawn[first:first + block]
                won[part] += self._shares(self._values(deltas, scratch), deltas, weights,
                                          weights32, self.at[part], scratch)
        return won

    def _values(self, deltas: np.ndarray, scratch: Scratch) -> np.ndarray:
        """(draws, rivals, criteria) single-precision values with the drawn changes."""
        k = max(deltas.shape[0], 1)
        c, m = self.base32.shape
        values = scratch.get("values", (k, c, m), np.float32)
        if self.in_order:
            return np.add(deltas.reshape(k, c, m), self.base32, out=values)
        values[:] = self.base32
        if self.cells.size:
            values.reshape(k, c * m)[:, self.cells] += deltas
        return values

    def _shares(self, values: np.ndarray, deltas: np.ndarray, weights: np.ndarray,
                weights32: np.ndarray, at: np.ndarray, scratch: Scratch) -> np.ndarray:
        k, c, m = values.shape
        totals = scratch.get("totals", (k, c, weights32.shape[1]), np.float32)
        np.matmul(values.reshape(k * c, m), weights32, out=totals.reshape(k * c, -1))
        columns = np.arange(at.size)
        own = totals[:, at, columns].copy()
        totals[:, at, columns] = -np.inf
        rival = totals.max(axis=1)
        shares = (own > rival + self.margin).sum(axis=0).astype(float)
        close = np.nonzero(np.abs(own - rival) <= self.margin)
        for d in np.unique(close[0]):  # judged again in double precision
            js = close[1][close[0] == d]
            change = np.zeros(self.sub.size)
            if self.cells.size:
                change[self.cells] = deltas[d]
            exact = (self.sub + change.reshape(self.sub.shape)) @ weights[:, js]
            shares[js] += _first_shares(exact[None], at[js])
        return shares


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
