"""Tallying Monte Carlo draws: rank counts, first places with their weights and
pairwise wins, with ties shared equally (SMAA-2, Lahdelma & Salminen 2001).

Kept apart from :mod:`tradeoff.core.smaa`, which draws and drives the run, so
each stays short enough to read in one sitting.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from tradeoff.core.scoring import RANK_DECIMALS

TIE = 10.0 ** -RANK_DECIMALS
PAIR_ELEMENTS = 20_000_000
TIE_ELEMENTS = 2_000_000
GROUPED_TIES_ABOVE = 200  # options; beyond, tied draws are tallied by tie groups


@dataclass
class Tally:
    """Running sums over the draws."""

    ranks: np.ndarray
    first_weights: np.ndarray
    first_count: np.ndarray
    above: np.ndarray


def rank_shares(totals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per draw: the options best first, each option's 0-based rank, and whether it has a tie.

    Returns ``(order, ranks, tied)``; ranks are only meaningful where
    ``tied`` is False. The sort need not be stable: tied draws are recounted.
    """
    order = np.argsort(-totals, axis=1)
    ordered = np.take_along_axis(totals, order, axis=1)
    tied = (ordered[:, :-1] - ordered[:, 1:] <= TIE).any(axis=1)
    n = totals.shape[1]
    # The smallest integers that hold the ranks: they gather and compare fastest.
    small = np.int8 if n <= 127 else np.int16 if n <= 32767 else np.int32
    ranks = np.empty(order.shape, dtype=small)
    np.put_along_axis(ranks, order, np.arange(totals.shape[1], dtype=small)[None, :], axis=1)
    return order, ranks, tied


def tied_shares(totals: np.ndarray) -> np.ndarray:
    """Shares (draws, options, ranks) with tied options splitting the ranks they span."""
    diff = totals[:, None, :] - totals[:, :, None]  # [d, i, k] = total_k - total_i
    better = (diff > TIE).sum(axis=2)
    level = (np.abs(diff) <= TIE).sum(axis=2)
    r = np.arange(totals.shape[1])[None, None, :]
    span = (r >= better[:, :, None]) & (r < (better + level)[:, :, None])
    return span / level[:, :, None]


def tally_draws(totals: np.ndarray, weights: np.ndarray, tally: Tally, pairs: bool = True) -> None:
    n = totals.shape[1]
    order, ranks, tied = rank_shares(totals)
    clear = None if not tied.any() else ~tied  # None: every draw is clear (the usual case)
    if clear is None or clear.any():
        rc = ranks if clear is None else ranks[clear]
        wc = weights if clear is None else weights[clear]
        first = order[:, 0] if clear is None else order[clear, 0]
        cells = (np.arange(n)[None, :] * n + rc).ravel()
        tally.ranks += np.bincount(cells, minlength=n * n).reshape(n, n)
        tally.first_count += np.bincount(first, minlength=n)
        for j in range(wc.shape[1]):
            tally.first_weights[:, j] += np.bincount(first, weights=wc[:, j], minlength=n)
        # In a draw without ties exactly one of each pair ranks above the other,
        # so counting the pairs i < k once gives the other half by subtraction.
        # Each slice gathers both sides of every pair: budget their bytes too.
        first_of_pair, second_of_pair = np.triu_indices(n, 1) if pairs else (None, None)
        step = max(1, PAIR_ELEMENTS // (n * n * rc.itemsize))
        for start in range(0, rc.shape[0] if pairs else 0, step):
            part = rc[start:start + step]
            wins = np.count_nonzero(part[:, first_of_pair] < part[:, second_of_pair], axis=0)
            tally.above[first_of_pair, second_of_pair] += wins
            tally.above[second_of_pair, first_of_pair] += part.shape[0] - wins
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
            tally.ranks += shares.sum(axis=0)
            tally.first_count += shares[:, :, 0].sum(axis=0)
            tally.first_weights += shares[:, :, 0].T @ weights[part]
            if not pairs:
                continue
            gap = t[:, :, None] - t[:, None, :]
            tally.above += (gap > TIE).sum(axis=0) + 0.5 * ((np.abs(gap) <= TIE).sum(axis=0)
                                                          - np.eye(n) * t.shape[0])


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
    tally.ranks[single, starts[alone]] += 1
    for start, size in zip(starts[~alone].tolist(), sizes[~alone].tolist(), strict=True):
        members = order[start:start + size]
        tally.ranks[np.ix_(members, np.arange(start, start + size))] += 1.0 / size
    first = order[:sizes[0]]
    tally.first_count[first] += 1.0 / sizes[0]
    tally.first_weights[first] += weights[None, :] / sizes[0]
