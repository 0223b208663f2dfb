"""Ranking the Monte Carlo's draws: each draw's order of the options, their positions
and whether two totals are within the tie tolerance (see :mod:`tradeoff.core.smaa_tally`).

An index sort of floating-point rows is several times slower than a plain sort
of integers, which numpy does with vector instructions. So the totals are turned
into integer keys: each total's distance from the part's smallest, in steps of
half the tie tolerance, with the option's index in the low bits, and the keys
sorted. The map from total to key never reverses an order (each step of it,
a subtraction, a product and a floor, is monotone), and two totals more than the
tolerance apart are more than two steps apart, so they get keys in their own
order: a draw without a tie is ordered exactly as the totals are. Keys close
together point to draws that may have a tie; only those are checked again on the
totals themselves, as the plain sort checks every draw, so the draws found tied
are the same ones. (Within a tie the order is no matter: such draws are recounted
from their totals.) Totals spread too widely for the keys, or not finite, are
ranked by the plain index sort.
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.scoring import RANK_DECIMALS

TIE = 10.0 ** -RANK_DECIMALS
STEP = TIE / 2  # one unit of a key: two totals a tolerance apart are two units apart
# Keys closer than this many units may hold a tie; the totals are then checked.
NEAR_UNITS = 4
KEY_BITS = 62  # of an int64, leaving the sign and a bit of headroom
# At most this many units from the smallest total: the rounding of the subtraction and
# the product (a unit in the last of 53 bits each) then stays within an eighth of a
# unit, so totals two units apart cannot end up with the same key.
UNIT_BITS = 48


def rank_shares(totals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per draw: the options best first, each option's 0-based rank, and whether it has a tie.

    Returns ``(order, ranks, tied)``; ranks are only meaningful where
    ``tied`` is False. The order of tied options is arbitrary: tied draws are recounted.
    """
    draws, n = totals.shape
    index_bits = max(1, (n - 1).bit_length())
    if draws and n > 1:
        low, high = float(totals.min()), float(totals.max())
        if np.isfinite(low) and np.isfinite(high) and \
                (high - low) / STEP < 2.0 ** min(UNIT_BITS, KEY_BITS - index_bits):
            return _by_keys(totals, low, index_bits)
    return _by_index_sort(totals)


def _rank_type(n: int) -> type:
    # The smallest integers that hold the ranks: they gather and compare fastest.
    return np.uint8 if n <= 255 else np.uint16 if n <= 65535 else np.int32


def _by_keys(totals: np.ndarray, low: float, index_bits: int
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    draws, n = totals.shape
    units = np.subtract(totals, low)  # none below 0: the cast to integers is the floor
    keys = np.multiply(units, 1.0 / STEP, out=np.empty(units.shape, np.int64),
                       casting="unsafe")
    keys <<= index_bits
    keys |= np.arange(n, dtype=np.int64)
    keys.sort(axis=1)  # worst first
    gaps = keys[:, 1:] - keys[:, :-1]
    # keys (NEAR_UNITS + 1) units apart differ by at least that less one index's worth
    maybe = np.flatnonzero((gaps < (NEAR_UNITS + 1) << index_bits).any(axis=1))
    tied = np.zeros(draws, dtype=bool)
    if maybe.size:
        tied[maybe] = _has_tie(totals[maybe])
    ascending = keys
    ascending &= (1 << index_bits) - 1  # the option indices, worst first
    ranks = np.empty((draws, n), dtype=_rank_type(n))
    at = ascending + (np.arange(draws, dtype=np.int64) * n)[:, None]
    ranks.ravel()[at.ravel()] = np.tile(np.arange(n - 1, -1, -1, dtype=ranks.dtype), draws)
    return ascending[:, ::-1], ranks, tied


def _has_tie(totals: np.ndarray) -> np.ndarray:
    ordered = np.sort(totals, axis=1)
    return (ordered[:, 1:] - ordered[:, :-1] <= TIE).any(axis=1)


def _by_index_sort(totals: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    order = np.argsort(totals, axis=1)[:, ::-1]  # no negated copy to sort
    # the sorted totals for the tie check: sorting again (vectorised) is quicker than
    # gathering them through ``order``
    tied = _has_tie(totals)
    ranks = np.empty(order.shape, dtype=_rank_type(totals.shape[1]))
    np.put_along_axis(ranks, order, np.arange(totals.shape[1], dtype=ranks.dtype)[None, :],
                      axis=1)
    return order, ranks, tied
