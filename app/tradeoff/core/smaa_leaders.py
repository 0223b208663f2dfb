"""The leaders of a Monte Carlo over many options: their rank acceptabilities and
pairwise winning probabilities, without the (options × options) tables.

With thousands of options the full tables are hundreds of megabytes that a
report at that size does not show. The main pass (:mod:`tradeoff.core.smaa`)
keeps each draw's position of every option instead (the smallest integers that
hold them) and the totals of the few draws with a tie; once the leaders are
known, their rows and the pairs among them are counted from that record, as
the full tally would have counted them. When even the record would be too
large the draws are replayed and recorded a part at a time.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.smaa_tally import GROUPED_TIES_ABOVE, TIE

STORED_ELEMENTS = 100_000_000  # draws × options positions kept (200 MB of int16 at most)


def leaders(first_count: np.ndarray, rank_sum: np.ndarray, draws: int, few: int) -> list[int]:
    """The ``few`` options most often first, then by mean rank (best first)."""
    mean_rank = rank_sum / max(draws, 1)
    order = np.lexsort((mean_rank, -first_count))
    return sorted(order[:few].tolist(), key=lambda i: (-first_count[i], mean_rank[i]))


class DrawRecord:
    """Each draw's 0-based position of every option, and the totals of draws with a tie
    (in which tied options' positions are in no particular order)."""

    def __init__(self, draws: int, options: int, dtype: np.dtype) -> None:
        self.positions = np.empty((draws, options), dtype=dtype)
        self.tied_rows: list[np.ndarray] = []
        self.tied_totals: list[np.ndarray] = []
        self.filled = 0

    def add(self, positions: np.ndarray, tied: np.ndarray, totals: np.ndarray) -> None:
        k = positions.shape[0]
        self.positions[self.filled:self.filled + k] = positions
        rows = np.flatnonzero(tied)
        if rows.size:
            self.tied_rows.append(self.filled + rows)
            self.tied_totals.append(totals[rows])
        self.filled += k

    def leader_counts(self, rows: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Rank counts (leaders, ranks) and pairwise wins (leaders, leaders) of ``rows``.

        Ties count as the main tally counts them: tied options share the ranks
        they span (found pairwise up to :data:`GROUPED_TIES_ABOVE` options, by
        runs of near-equal totals beyond), and a pair within the tie tolerance is
        half a win each.
        """
        idx = np.asarray(rows, dtype=int)
        n = self.positions.shape[1]
        done = self.positions[:self.filled]
        clear = np.ones(self.filled, bool)
        for t in self.tied_rows:
            clear[t] = False
        mine = done[:, idx][clear].astype(np.int64)  # (clear draws, leaders)
        ranks = np.stack([np.bincount(mine[:, a], minlength=n) for a in range(idx.size)])
        above = np.zeros((idx.size, idx.size))
        for a in range(idx.size):
            wins = (mine[:, a, None] < mine).sum(axis=0)
            above[a] += wins
        ranks = ranks.astype(float)
        for totals in self.tied_totals:
            for row in totals:
                ranks += _tied_rank_shares(row, idx, n > GROUPED_TIES_ABOVE)
            t = totals[:, idx]
            gap = t[:, :, None] - t[:, None, :]
            above += (gap > TIE).sum(axis=0) + 0.5 * ((np.abs(gap) <= TIE).sum(axis=0)
                                                    - np.eye(idx.size) * t.shape[0])
        return ranks, above


def _tied_rank_shares(totals: np.ndarray, idx: np.ndarray, grouped: bool) -> np.ndarray:
    """The leaders' shares of each rank in one draw with a tie: (leaders, ranks)."""
    n = totals.size
    out = np.zeros((idx.size, n))
    if grouped:  # runs of totals each within the tolerance of the next (tally_tie_groups)
        order = np.argsort(-totals, kind="stable")
        ordered = totals[order]
        starts = np.flatnonzero(np.r_[True, ordered[:-1] - ordered[1:] > TIE])
        ends = np.r_[starts[1:], n]
        where = np.empty(n, dtype=int)
        where[order] = np.arange(n)
        group = np.searchsorted(starts, where[idx], side="right") - 1
        for a, g in enumerate(group):
            out[a, starts[g]:ends[g]] = 1.0 / (ends[g] - starts[g])
        return out
    for a, i in enumerate(idx):  # as tied_shares: those clearly better, those level
        better = int((totals - totals[i] > TIE).sum())
        level = int((np.abs(totals - totals[i]) <= TIE).sum())
        out[a, better:better + level] = 1.0 / level
    return out
