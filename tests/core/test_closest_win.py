"""The smallest weight change that puts an option first, against hand cases and sampling."""

from __future__ import annotations

import numpy as np
import pytest

from tradeoff.core.closest_win import closest_wins
from tradeoff.core.smaa_sampling import WeightSampler, bounded_weights, uniform_weights
from tradeoff.core.weight_regions import regions_for


def test_two_criteria_by_hand():
    # w = (x, 1 − x): A = x, B = 1 − x, C = 0.4 (never first); reference x = 0.7.
    v = np.array([[1.0, 0.0], [0.0, 1.0], [0.4, 0.4]])
    got = closest_wins(v, uniform_weights(2), np.array([0.7, 0.3]))
    assert got[0].shift == pytest.approx(0) and got[0].weights == pytest.approx([0.7, 0.3])
    assert got[1].shift == pytest.approx(0.2)  # B needs x ≤ 0.5: move 0.2 of the weight
    assert got[1].weights == pytest.approx([0.5, 0.5])
    assert dict(got[1].moves(np.array([0.7, 0.3]))) == pytest.approx({0: -0.2, 1: 0.2})
    assert got[2] is None


@pytest.mark.parametrize("seed", range(5))
def test_no_sampled_weights_put_an_option_first_with_a_smaller_change(seed):
    rng = np.random.default_rng(seed)
    v = rng.random((7, 3))
    spec = (uniform_weights(3) if seed % 2 else
            bounded_weights(np.array([0.1, 0.0, 0.0]), np.array([0.8, 0.6, 0.7])))
    w0 = np.array([0.5, 0.3, 0.2])
    got = closest_wins(v, spec, w0)
    draws = WeightSampler(spec, rng).draw(40_000)
    totals = draws @ v.T
    first = totals >= totals.max(axis=1, keepdims=True) - 1e-12
    moved = 0.5 * np.abs(draws - w0).sum(axis=1)
    region = regions_for(spec)[0]
    for a, win in got.items():
        if win is None:
            assert not first[:, a].any()
            continue
        assert region.contains(win.weights)
        t = v @ win.weights
        assert t[a] >= t.max() - 1e-9  # the weights found do put it first …
        if first[:, a].any():  # … and no sampled weights that do are closer
            assert moved[first[:, a]].min() >= win.shift - 1e-9
