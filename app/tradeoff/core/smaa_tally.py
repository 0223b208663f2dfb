"""Tallying Monte Carlo draws: rank counts, first places with their weights and
pairwise wins, with ties shared equally (SMAA-2, Lahdelma & Salminen 2001).

Kept apart from :mod:`tradeoff.core.smaa`, which draws and drives the run, so
each stays short enough to read in one sitting.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field

import numpy as np

from tradeoff.core.smaa_ranking import TIE, rank_shares

TIE_ELEMENTS = 2_000_000
PAIR_ROWS = 8192  # draws whose pairs are counted together
PAIR_JOBS = 4  # pair counts under way on workers at a time
GROUPED_TIES_ABOVE = 200  # options; beyond, tied draws are tallied by tie groups
LANE_WORDS = 128  # comparison words summed whole before their bytes are (< 256 each)


@dataclass
class Tally:
    """Running sums over the draws.

    ``ranks`` is the (options, ranks) table of counts; without it (None, when only
    the leaders' rows are wanted) ``rank_sum`` adds up each option's 0-based rank
    instead (tied options each counting the mean of the ranks they share), which
    is what choosing the leaders needs.
    """

    ranks: np.ndarray | None
    first_weights: np.ndarray
    first_count: np.ndarray
    above: np.ndarray
    rank_sum: np.ndarray | None = None
    # positions of clear draws whose pairs are yet to be counted: counting goes
    # option by option, so it is done for many draws at once (see flush_pairs)
    pending: list[np.ndarray] = field(default_factory=list)
    pending_rows: int = 0
    # Runs a counting job elsewhere (a worker thread) and returns its future; the
    # wins are whole numbers, so they add up to the same whatever the order.
    count_pairs: Callable[..., Future] | None = None
    counting: list[Future] = field(default_factory=list)

    def add_pairs(self, positions: np.ndarray) -> None:
        self.pending.append(positions)
        self.pending_rows += positions.shape[0]
        if self.pending_rows >= PAIR_ROWS:
            self._count_pending()

    def _count_pending(self) -> None:
        if self.pending:
            positions = np.concatenate(self.pending)
            if self.count_pairs is None:
                tally_pairs(positions, self.above)
            else:
                self.counting.append(self.count_pairs(_pair_wins, positions))
                while len(self.counting) > PAIR_JOBS:  # a few (options × options) at most
                    self.above += self.counting.pop(0).result()
        self.pending, self.pending_rows = [], 0

    def flush_pairs(self) -> None:
        """Count the pairs of the draws added so far (call once more at the end)."""
        self._count_pending()
        for future in self.counting:
            self.above += future.result()
        self.counting = []

    def add_ranks(self, shares: np.ndarray) -> None:
        """Add (options, ranks) shares to the table, or their mean ranks to ``rank_sum``."""
        if self.ranks is not None:
            self.ranks += shares
        else:
            self.rank_sum += shares @ np.arange(shares.shape[1])


def tied_shares(totals: np.ndarray) -> np.ndarray:
    """Shares (draws, options, ranks) with tied options splitting the ranks they span."""
    diff = totals[:, None, :] - totals[:, :, None]  # [d, i, k] = total_k - total_i
    better = (diff > TIE).sum(axis=2)
    level = (np.abs(diff) <= TIE).sum(axis=2)
    r = np.arange(totals.shape[1])[None, None, :]
    span = (r >= better[:, :, None]) & (r < (better + level)[:, :, None])
    return span / level[:, :, None]


def tally_draws(totals: np.ndarray, weights: np.ndarray, tally: Tally,
                pairs: bool = True, ranking: tuple | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
    """Add one block of draws (totals (draws, options), weights (draws, criteria));
    ``ranking``: :func:`rank_shares` of the totals when already worked out.

    Returns each option's 0-based position in each draw and which draws have a
    tie (their positions put tied options in no particular order).
    """
    n = totals.shape[1]
    order, ranks, tied = ranking if ranking is not None else rank_shares(totals)
    clear = None if not tied.any() else ~tied  # None: every draw is clear (the usual case)
    if clear is None or clear.any():
        rc = ranks if clear is None else ranks[clear]
        wc = weights if clear is None else weights[clear]
        first = order[:, 0] if clear is None else order[clear, 0]
        if tally.ranks is not None:
            cells = (np.arange(n)[None, :] * n + rc).ravel()
            tally.ranks += np.bincount(cells, minlength=n * n).reshape(n, n)
        else:
            tally.rank_sum += rc.sum(axis=0, dtype=np.int64)
        tally.first_count += np.bincount(first, minlength=n)
        for j in range(wc.shape[1]):
            tally.first_weights[:, j] += np.bincount(first, weights=wc[:, j], minlength=n)
        if pairs:
            tally.add_pairs(rc)
    if clear is not None and not pairs and n > GROUPED_TIES_ABOVE:
        for d in np.flatnonzero(tied):
            tally_tie_groups(totals[d], weights[d], tally)
    elif clear is not None:
        rows = np.flatnonzero(tied)
        step = max(1, TIE_ELEMENTS // (n * n))
        for start in range(0, rows.size, step):
            part = rows[start:start + step]
            t = totals[part]
            shares = tied_shares(t)
            tally.add_ranks(shares.sum(axis=0))
            tally.first_count += shares[:, :, 0].sum(axis=0)
            tally.first_weights += shares[:, :, 0].T @ weights[part]
            if not pairs:
                continue
            gap = t[:, :, None] - t[:, None, :]
            tally.above += (gap > TIE).sum(axis=0) + 0.5 * ((np.abs(gap) <= TIE).sum(axis=0)
                                                          - np.eye(n) * t.shape[0])
    return ranks, tied


def tally_pairs(ranks: np.ndarray, above: np.ndarray) -> None:
    """Add the pairwise wins of draws without ties: ``above[i, k]`` counts the draws
    in which option ``i`` ranks above ``k``, from each draw's 0-based positions.

    Option by option against those after it, over the draws laid out contiguously:
    the comparisons come out as bytes of 0 or 1, read eight at a time as 64-bit
    words. Up to :data:`LANE_WORDS` such words are added as plain integers, each
    byte lane keeping its own count (at most LANE_WORDS, so below 256: no carry
    reaches the next lane), and only those sums are split into bytes and added up.
    One pass that reads the comparisons and writes a word per LANE_WORDS instead
    of a count per word: a third quicker than counting each word's set bits.
    """
    draws, n = ranks.shape
    if draws == 0:
        return
    step = 8 * LANE_WORDS
    width = -(-draws // step) * step
    by_option = np.zeros((n, width), dtype=ranks.dtype)  # padding compares equal: no win
    by_option[:, :draws] = ranks.T
    below = np.empty((n - 1, width), dtype=np.bool_)
    for i in range(n - 1):
        rows = n - 1 - i
        np.greater(by_option[i + 1:], by_option[i], out=below[:rows])  # i above each later k
        lanes = below[:rows].view(np.uint64).reshape(rows, -1, LANE_WORDS).sum(
            axis=2, dtype=np.uint64)
        wins = lanes.view(np.uint8).reshape(rows, -1).sum(axis=1, dtype=np.int64)
        above[i, i + 1:] += wins
        above[i + 1:, i] += draws - wins


def _pair_wins(ranks: np.ndarray) -> np.ndarray:
    n = ranks.shape[1]
    above = np.zeros((n, n))
    tally_pairs(ranks, above)
    return above


def tally_tie_groups(totals: np.ndarray, weights: np.ndarray, tally: Tally) -> None:
    """One draw with a tie, in n log n: consecutive totals closer than the tie
    tolerance form a group whose members share the ranks it spans equally.

    Used for many options without a pairwise tally, where the (options × options)
    comparison of :func:`tied_shares` would take gigabytes for one draw; it agrees
    with it except for a chain of near-ties longer than the tolerance end to end.
    """
    n = totals.size
    order = np.argsort(-totals, kind="stable")
    ordered = totals[order]
    starts = np.flatnonzero(np.r_[True, ordered[:-1] - ordered[1:] > TIE])
    sizes = np.diff(np.r_[starts, n])
    alone = sizes == 1
    single = order[starts[alone]]
    if tally.ranks is None:  # each member counts the mean of the ranks its group spans
        tally.rank_sum[order] += np.repeat(starts + (sizes - 1) / 2, sizes)
    else:
        tally.ranks[single, starts[alone]] += 1
        for start, size in zip(starts[~alone].tolist(), sizes[~alone].tolist(), strict=True):
            members = order[start:start + size]
            tally.ranks[np.ix_(members, np.arange(start, start + size))] += 1.0 / size
    first = order[:sizes[0]]
    tally.first_count[first] += 1.0 / sizes[0]
    tally.first_weights[first] += weights[None, :] / sizes[0]
