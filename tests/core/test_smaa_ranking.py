"""Ranking the Monte Carlo's draws by integer keys gives the plain index sort's ranking.

The keys stand in for an index sort of the totals; the draws found tied must be
the very same ones (they are recounted from their totals), and every other draw
ordered exactly alike.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.core import smaa_ranking
from tradeoff.core.smaa_ranking import TIE


def _assert_same_ranking(totals: np.ndarray) -> np.ndarray:
    """The keys' ranking against the index sort's; returns which draws are tied."""
    n = totals.shape[1]
    bits = max(1, (n - 1).bit_length())
    want_order, want_ranks, want_tied = smaa_ranking._by_index_sort(totals)
    order, ranks, tied = smaa_ranking._by_keys(totals, float(totals.min()), bits)
    np.testing.assert_array_equal(tied, want_tied)
    clear = ~want_tied
    np.testing.assert_array_equal(ranks[clear], want_ranks[clear])
    np.testing.assert_array_equal(order[clear], want_order[clear])
    assert ranks.dtype == want_ranks.dtype
    return want_tied


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 300), st.integers(1, 60), st.integers(0, 10_000),
       st.sampled_from([1.0, 1e3]), st.sampled_from([0.0, -0.7]))
def test_keys_rank_as_the_index_sort_with_ties_near_ties_and_spread(n, draws, seed, scale,
                                                                    shift):
    rng = np.random.default_rng(seed)
    totals = (rng.random((draws, n)) + shift) * scale
    # pairs at, just inside and just outside the tie tolerance, and exact ties
    gaps = rng.choice([0.0, 0.5 * TIE, TIE, 1.000001 * TIE, 1.5 * TIE, 2 * TIE, 3 * TIE, 0.1],
                      size=draws)
    totals[:, -1] = totals[:, 0] + gaps
    _assert_same_ranking(totals)


def test_coarse_totals_with_many_exact_ties_are_found_tied():
    rng = np.random.default_rng(3)
    totals = np.round(rng.random((400, 6)) * 20) / 20
    tied = _assert_same_ranking(totals)
    assert tied.any() and not tied.all()


def test_a_gap_just_over_the_tolerance_is_no_tie_and_just_under_is():
    base = np.array([[0.3, 0.6, 0.9]] * 2)
    base[0, 2] = base[0, 1] + 1.01 * TIE
    base[1, 2] = base[1, 1] + 0.99 * TIE
    assert _assert_same_ranking(base).tolist() == [False, True]


@pytest.mark.parametrize("totals", [
    np.array([[0.0, 1e6, 5.0], [3.0, 2.0, 1.0]]),  # too widely spread for the keys
    np.array([[0.2, np.nan, 0.5], [0.1, 0.3, 0.2]]),  # not finite
    np.array([[0.2, np.inf, 0.5], [0.1, 0.3, 0.2]]),
])
def test_totals_the_keys_cannot_hold_are_ranked_by_the_index_sort(totals):
    got = smaa_ranking.rank_shares(totals)
    want = smaa_ranking._by_index_sort(totals)
    for a, b in zip(got, want, strict=True):
        np.testing.assert_array_equal(a, b)


def test_many_options_keep_ranks_in_wider_integers():
    rng = np.random.default_rng(5)
    totals = rng.random((20, 700))
    _assert_same_ranking(totals)
    assert smaa_ranking.rank_shares(totals)[1].dtype == np.uint16
