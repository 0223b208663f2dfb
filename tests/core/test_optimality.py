"""Potential optimality and best attainable rank, checked against brute force and the LP dual."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.optimize import linprog

from factories import small_matrix
from tradeoff.core.optimality import (
    best_attainable_rank,
    matrix_optimality,
    potential_optimality,
)
from tradeoff.core.scoring import competition_ranks, value_matrix
from tradeoff.core.smaa_sampling import (
    WeightSampler,
    bounded_weights,
    ranked_weights,
    uniform_weights,
    weights_from_profiles,
)
from tradeoff.core.weight_regions import regions_for
from tradeoff.io.matrix_file import load_matrix

BUDAPEST = "matrices/budapest-summit.toml"


def full_lp(v: np.ndarray, a: int) -> float:
    """t* = max over the simplex of min_b w·(v_a − v_b), every rival at once (no tricks)."""
    n, m = v.shape
    diff = v[a] - np.delete(v, a, axis=0)
    res = linprog(np.r_[np.zeros(m), -1.0], A_ub=np.hstack([-diff, np.ones((n - 1, 1))]),
                  b_ub=np.zeros(n - 1), A_eq=np.r_[np.ones(m), 0.0][None, :], b_eq=[1.0],
                  bounds=[(0, 1)] * m + [(None, None)], method="highs")
    return -res.fun


def sampled_first(v: np.ndarray, spec, draws: int = 50_000, seed: int = 7) -> np.ndarray:
    """Which options lead outright under some of many sampled admissible weights."""
    w = WeightSampler(spec, np.random.default_rng(seed)).draw(draws)
    totals = w @ v.T
    order = np.sort(totals, axis=1)
    leads = totals - order[:, -2:-1]  # minus the second best: > 0 only for a clear winner
    return (leads > 1e-9).any(axis=0)


def check_verdicts(v: np.ndarray, spec) -> list:
    """Every verdict carries a proof that holds: an admissible witness or a beating blend."""
    results = potential_optimality(v, spec)
    regions = regions_for(spec)
    for a, r in enumerate(results):
        if r.potentially_optimal:
            assert any(reg.contains(r.witness) for reg in regions)
            totals = v @ r.witness
            assert totals[a] >= np.delete(totals, a).max() - 1e-9
        elif len(regions) == 1:  # a union of regions has no single certificate
            shares = np.array(list(r.beaten_by.values()))
            assert shares.sum() == pytest.approx(1, abs=1e-7) and (shares >= 0).all()
    return results


@pytest.mark.parametrize("seed", range(12))
def test_matches_the_full_lp_and_brute_force_on_small_random_cases(seed):
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(2, 14)), int(rng.integers(2, 6))
    v = rng.random((n, m))
    if seed % 3 == 0:
        v = np.round(v * 4) / 4  # ties and equal columns
    results = check_verdicts(v, uniform_weights(m))
    first = sampled_first(v, uniform_weights(m))
    for a, r in enumerate(results):
        assert r.potentially_optimal == (full_lp(v, a) >= -1e-9)
        if first[a]:  # sampling can only confirm winners, never rule one out
            assert r.potentially_optimal


def test_thin_corner_winner_is_found_where_sampling_misses_it():
    # E leads only where w3 < 2δ(w1 + w2) and |w1 − w2| < 2δ: a sliver of the simplex
    # near (0.5, 0.5, 0), about δ² of its area. 50,000 uniform draws miss it.
    delta = 0.001
    v = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [0.5, 0.5, 0.5],
                  [0.5 + delta, 0.5 + delta, 0.0]])
    assert not sampled_first(v, uniform_weights(3))[4]
    result = check_verdicts(v, uniform_weights(3))[4]
    assert result.potentially_optimal and not result.only_tied
    w = result.witness
    assert w[2] < 2 * delta and abs(w[0] - w[1]) < 2 * delta
    assert full_lp(v, 4) == pytest.approx(result.lead, abs=1e-9)  # the LP's best lead


def test_dual_blend_is_a_valid_certificate_and_strong_duality_holds():
    # Two criteria, w = (x, 1 − x): A = x, B = 1 − x, C = 0.4 never exceeds max(x, 1 − x).
    v = np.array([[1.0, 0.0], [0.0, 1.0], [0.4, 0.4], [0.3, 0.3]])
    res = check_verdicts(v, uniform_weights(2))
    assert [r.potentially_optimal for r in res] == [True, True, False, False]
    c = res[2]
    # The half-and-half blend of A and B, (0.5, 0.5), beats C by 0.1 on every criterion.
    assert c.beaten_by == pytest.approx({0: 0.5, 1: 0.5}, abs=1e-9)
    assert c.shortfall == pytest.approx(0.1, abs=1e-9)
    assert -c.shortfall == pytest.approx(full_lp(v, 2), abs=1e-9)  # primal = dual
    # On random cases: the blend beats the option under every admissible weight
    # vector (each criterion alone, for the simplex) by at least the shortfall,
    # and −shortfall is at least the full LP's optimum (the relaxation's bound).
    rng = np.random.default_rng(3)
    for _ in range(20):
        v = rng.random((int(rng.integers(3, 25)), 3))
        for a, r in enumerate(potential_optimality(v, uniform_weights(3))):
            if r.potentially_optimal:
                continue
            blend = sum(share * v[b] for b, share in r.beaten_by.items())
            assert (blend - v[a]).min() >= r.shortfall - 1e-9
            assert full_lp(v, a) == pytest.approx(-r.shortfall, abs=1e-7)


def test_bounds_and_ranking_narrow_the_weights():
    v = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.6, 0.6, 0.0]])
    everyone = [r.potentially_optimal for r in check_verdicts(v, uniform_weights(3))]
    assert everyone == [True, True, True, True]  # D leads at (0.5, 0.5, 0) with 0.6
    # Criterion 3 at least 40 %: D's 0.6·(w1 + w2) ≤ 0.36 < C's w3, so D never leads.
    spec = bounded_weights(np.array([0, 0, 0.4]), np.array([1, 1, 1]))
    assert [r.potentially_optimal for r in check_verdicts(v, spec)] == [True, True, True, False]
    # Criterion 1 ranked above 2 above 3: B leads A only if w2 > w1, C only if w3 > w1;
    # where w1 = w2, D's 1.2·w1 is ahead.
    spec = ranked_weights([[0], [1], [2]], 3)
    verdicts = check_verdicts(v, spec)
    assert [r.potentially_optimal for r in verdicts] == [True, False, False, True]
    first = sampled_first(v, spec)
    assert all(r.potentially_optimal or not f for r, f in zip(verdicts, first, strict=True))
    # Profiles without spread are points: only their winners.
    spec = weights_from_profiles(np.array([[0.5, 0.5, 0.0], [0.2, 0.2, 0.6]]))
    assert [r.potentially_optimal for r in check_verdicts(v, spec)] == [False, False, True, True]


@pytest.mark.parametrize("seed", range(6))
def test_random_bounds_and_rankings_agree_with_sampling(seed):
    rng = np.random.default_rng(100 + seed)
    n, m = int(rng.integers(4, 12)), 4
    v = rng.random((n, m))
    spec = (bounded_weights(np.array([0.1, 0, 0.05, 0]), np.array([0.6, 0.5, 1, 0.4]))
            if seed % 2 else ranked_weights([[2], [0, 3], [1]], m))
    verdicts = check_verdicts(v, spec)
    first = sampled_first(v, spec)
    for r, f in zip(verdicts, first, strict=True):
        assert r.potentially_optimal or not f


def test_best_attainable_rank_by_hand_and_against_sampling():
    v = np.array([[1.0, 0.0], [0.0, 1.0], [0.4, 0.4], [0.3, 0.3]])
    # C ties B at x = 0.6 (rank 2); D is always behind C and behind A or B (rank 3).
    assert best_attainable_rank(v, uniform_weights(2)) == {0: 1, 1: 1, 2: 2, 3: 3}
    rng = np.random.default_rng(9)
    for _ in range(5):
        v = rng.random((9, 3))
        exact = best_attainable_rank(v, uniform_weights(3))
        w = WeightSampler(uniform_weights(3), rng).draw(20_000)
        sampled = np.array([competition_ranks(t) for t in np.round(w @ v.T, 12)]).min(axis=0)
        for a in range(9):
            assert exact[a] <= sampled[a]  # never worse than a rank actually seen …
            assert exact[a] >= sampled[a] - 1  # … and sampling comes within one here


def test_matrix_level_on_budapest_and_a_missing_score():
    m = load_matrix(BUDAPEST)
    out = matrix_optimality(m, uniform_weights(len(m.criteria)))
    values = value_matrix(m)
    ids = [o.id for o in m.options]
    for oid, r in out.options.items():
        if r.potentially_optimal:
            totals = values @ r.witness
            assert totals[ids.index(oid)] >= totals.max() - 1e-9
            assert out.best_rank[oid] == 1
            assert set(out.witness_weights(oid)) == {c.id for c in m.criteria}
        else:
            assert out.best_rank[oid] > 1 and out.blends[oid]
    small = small_matrix()
    del small.scores[("b", "speed")]
    out = matrix_optimality(small, uniform_weights(3))
    assert out.left_out == ["b"] and set(out.options) == {"a", "c"}
