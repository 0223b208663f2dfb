"""The sorted frontier (running maxima and minima) gives exactly the figures of
comparing every pair of points, ties and near-ties within the tolerance included."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.core.value_for_money import TOLERANCE, _frontier_gaps_pairwise, frontier_gaps

# Few distinct values, some a tolerance apart, so that ties and near-ties are common.
_values = st.sampled_from([0.0, 1.0, 1.0 + TOLERANCE / 2, 1.0 + 2 * TOLERANCE, 2.5, 3.0, 7.0,
                           -1.0, 100.0])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_values, _values), min_size=1, max_size=30))
def test_sorted_frontier_equals_the_pairwise_comparison(points):
    cost = np.array([p[0] for p in points])
    benefit = np.array([p[1] for p in points])
    got = frontier_gaps(cost, benefit)
    want = _frontier_gaps_pairwise(cost, benefit)
    for g, w in zip(got, want, strict=True):
        assert np.array_equal(g, w), (points, got, want)


def test_random_points_at_size():
    rng = np.random.default_rng(4)
    cost, benefit = rng.integers(0, 50, 3000).astype(float), rng.uniform(0, 100, 3000)
    for g, w in zip(frontier_gaps(cost, benefit), _frontier_gaps_pairwise(cost, benefit),
                    strict=True):
        assert np.array_equal(g, w)


def test_a_missing_figure_keeps_the_pairwise_answer():
    cost, benefit = np.array([1.0, np.nan, 3.0]), np.array([5.0, 9.0, 4.0])
    for g, w in zip(frontier_gaps(cost, benefit), _frontier_gaps_pairwise(cost, benefit),
                    strict=True):
        assert np.array_equal(g, w, equal_nan=True)
