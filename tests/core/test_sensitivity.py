"""One-way weight sweeps: exact change points, checked against the scoring function itself."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from factories import small_matrix
from robustness_factories import numeric_matrix, random_matrix
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.scoring import score
from tradeoff.core.sensitivity import all_sweeps, profile_with_weights, sweep
from tradeoff.core.weights import normalised_weights

DELTA = 1e-7  # a step just either side of a change point


def reweighted(matrix: DecisionMatrix, profile: WeightProfile, target: str,
               t: float) -> WeightProfile:
    """The profile with ``target`` (criterion or group) at weight ``t``, written out by hand."""
    w0 = normalised_weights(matrix, profile)
    inside = np.array([c.id == target or target in matrix.group_path(c.id)
                       for c in matrix.criteria])
    now = w0[inside].sum()
    flat = np.where(inside, t * w0 / now, (1 - t) * w0 / (1 - now))
    return profile_with_weights(matrix, flat)


def ranking(matrix: DecisionMatrix, profile: WeightProfile) -> tuple:
    ranks = score(matrix, profile).ranks
    return tuple(ranks.to_numpy())


def winners(matrix: DecisionMatrix, profile: WeightProfile) -> tuple[str, ...]:
    ranks = score(matrix, profile).ranks
    return tuple(str(o) for o in ranks.index[ranks == 1])


def test_two_options_cross_where_hand_arithmetic_says():
    # A = (10, 0), B = (0, 10) on 0..10, weights 60/40: A scores t, B scores 1 - t.
    m = numeric_matrix([[10, 0], [0, 10]], [60, 40])
    s = sweep(m, m.profile(), "c0")
    assert s.current_weight == pytest.approx(0.6)
    assert s.winner == "o0"
    assert [p.weight for p in s.change_points] == pytest.approx([0.5])
    assert s.change_points[0].winners_before == ("o1",)
    assert s.change_points[0].winners_after == ("o0",)
    assert s.winner_interval == pytest.approx((0.5, 1.0))
    assert s.ranking_interval == pytest.approx((0.5, 1.0))


def test_three_options_hand_computed_change_points():
    # Weights 60/40; along c0's weight t: A = 0.2 + 0.6t, B = 0.5, C = 0.7 - 0.6t.
    # C meets B at t = 1/3, A meets C at t = 5/12, A meets B at t = 1/2.
    m = numeric_matrix([[8, 2], [5, 5], [1, 7]], [60, 40])
    s = sweep(m, m.profile(), "c0")
    assert [p.weight for p in s.change_points] == pytest.approx([1 / 3, 5 / 12, 1 / 2])
    assert [p.winner_changes for p in s.change_points] == [True, False, True]
    assert [(p.winners_before, p.winners_after) for p in s.change_points] == [
        (("o2",), ("o1",)), (("o1",), ("o1",)), (("o1",), ("o0",))]
    assert s.change_points[1].pairs == (("o2", "o0"),)
    assert s.winner == "o0" and s.winner_interval == pytest.approx((0.5, 1.0))
    assert s.ranking_interval == pytest.approx((0.5, 1.0))


def _check_sweeps(matrix: DecisionMatrix) -> int:
    """Every change point re-ranks the options, every winner interval ends where it should."""
    profile = matrix.profile()
    checked = 0
    for s in all_sweeps(matrix, profile):
        for p in s.change_points:
            before = reweighted(matrix, profile, s.target, p.weight - DELTA)
            after = reweighted(matrix, profile, s.target, p.weight + DELTA)
            assert ranking(matrix, before) != ranking(matrix, after), (s.target, p.weight)
            assert winners(matrix, before) == p.winners_before
            assert winners(matrix, after) == p.winners_after
            checked += 1
        # Between consecutive change points (and the ends) the ranking holds still.
        edges = [0.0, *[p.weight for p in s.change_points], 1.0]
        for lo, hi in itertools.pairwise(edges):
            inside = [lo + (hi - lo) * f for f in (0.1, 0.5, 0.9)]
            seen = {ranking(matrix, reweighted(matrix, profile, s.target, t)) for t in inside}
            assert len(seen) == 1, (s.target, lo, hi)
        lo, hi = s.winner_interval
        for t in (lo + DELTA, (lo + hi) / 2, hi - DELTA):
            assert s.winner in winners(matrix, reweighted(matrix, profile, s.target, t))
        for t in (lo - DELTA, hi + DELTA):
            if 0 < t < 1:
                assert s.winner not in winners(matrix, reweighted(matrix, profile, s.target, t))
    return checked


def test_change_points_of_the_small_matrix_match_rescoring():
    assert _check_sweeps(small_matrix()) > 0


@pytest.mark.parametrize("seed", range(8))
def test_change_points_of_random_matrices_match_rescoring(seed):
    m = random_matrix(np.random.default_rng(seed), n=4, m=3)
    _check_sweeps(m)


def test_brute_force_sweep_finds_no_change_the_exact_sweep_missed():
    m = random_matrix(np.random.default_rng(42), n=5, m=4)
    profile = m.profile()
    for s in all_sweeps(m, profile):
        grid = np.linspace(0, 1, 401)[1:-1] + 1e-6  # off the round numbers
        ranks = [ranking(m, reweighted(m, profile, s.target, t)) for t in grid]
        points = [p.weight for p in s.change_points]
        for (t0, r0), (t1, r1) in zip(zip(grid, ranks, strict=True),
                                      zip(grid[1:], ranks[1:], strict=True), strict=False):
            crossed = any(t0 < p < t1 for p in points)
            assert crossed == (r0 != r1), (s.target, t0, t1)


def test_group_sweep_keeps_criteria_proportions_inside_the_group():
    m = small_matrix()
    profile = m.profile("quality")
    s = sweep(m, profile, "quality")
    assert s.kind == "group"
    assert s.current_weight == pytest.approx(0.75)
    # At the current weight the lines give back the scored totals.
    totals = score(m, profile).totals
    assert s.totals_at(s.current_weight) == pytest.approx(totals[s.options].to_numpy())
    # At t = 1 only speed and risk count, 2 : 1 as in the profile.
    values = score(m, profile).values()
    expected = (2 * values["speed"] + values["risk"]) / 3
    assert s.totals_at(1.0) == pytest.approx(expected[s.options].to_numpy())


def test_group_holding_every_criterion_cannot_be_swept():
    m = small_matrix()
    m.groups[0].parent = None
    for c in m.criteria:
        c.group = "quality"
    assert sweep(m, m.profile(), "quality") is None


def test_option_with_a_missing_score_sits_out():
    m = small_matrix()
    del m.scores[("b", "speed")]
    s = sweep(m, m.profile(), "price")
    assert s.options == ["a", "c"]


def test_tie_now_pins_the_ranking_interval_to_the_current_weight():
    # A and B tie at 50/50 weights and part either way as c0's weight moves.
    m = numeric_matrix([[10, 0], [0, 10], [1, 1]], [1, 1])
    s = sweep(m, m.profile(), "c0")
    assert s.ranking_interval == pytest.approx((0.5, 0.5))
    assert s.winner == "o0"  # first of the tie in matrix order, as scoring reports it
    assert s.winner_interval == pytest.approx((0.5, 1.0))


def test_zero_weight_criterion_sweeps_from_zero():
    m = numeric_matrix([[10, 0], [0, 10]], [0, 1])
    s = sweep(m, m.profile(), "c0")
    assert s.current_weight == 0
    assert s.winner == "o1"
    assert s.winner_interval == pytest.approx((0.0, 0.5))


def test_profile_with_weights_normalises_back_to_the_flat_weights():
    m = small_matrix()
    flat = np.array([0.2, 0.5, 0.3])
    assert normalised_weights(m, profile_with_weights(m, flat)) == pytest.approx(flat)


@pytest.mark.parametrize("seed", range(5))
def test_winner_interval_ends_where_the_winner_first_loses_first_place(seed):
    # Checked against the scoring function: just inside each end the winner is first,
    # just beyond an end inside (0, 1) another option is.
    m = random_matrix(np.random.default_rng(300 + seed), 60, 5)
    p = m.profile()
    checked = 0
    for s in all_sweeps(m, p, change_points=False):
        low, high = s.winner_interval
        assert low <= s.current_weight <= high
        for t, first in ((low + DELTA, True), (high - DELTA, True),
                         (low - DELTA, False), (high + DELTA, False)):
            if not 0 < t < 1:
                continue
            ranks = score(m, reweighted(m, p, s.target, t)).ranks
            assert (ranks[s.winner] == 1) == first, (s.target, t)
            checked += 1
    assert checked >= 10
