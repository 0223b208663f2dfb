"""SMAA-2 Monte Carlo: exact cases, exact areas, and a slow per-draw loop on the same draws.

No published SMAA-2 result with its full inputs was at hand, so the
acceptabilities are checked against exact values instead: with uniform weights
on three criteria the probability that an option ranks first is the share of
the weight triangle where it wins, computed here by clipping the triangle
(polygon geometry, no sampling).
"""

from __future__ import annotations

import numpy as np
import pytest

from factories import small_matrix
from robustness_factories import numeric_matrix, random_matrix
from tradeoff.core.model import DecisionMatrix, Score
from tradeoff.core.scoring import raw_matrix, score, value_matrix
from tradeoff.core.sensitivity import profile_with_weights
from tradeoff.core.smaa import SmaaCancelled, SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import (
    WeightSampler,
    uniform_weights,
    weights_around,
    weights_from_profiles,
)
from tradeoff.core.smaa_scores import ScoreSampler, score_ranges
from tradeoff.core.weights import normalised_weights


def _binomial_tolerance(p: float, n: int) -> float:
    return 4 * np.sqrt(max(p * (1 - p), 1e-4) / n)


def test_dominant_option_is_first_in_every_draw():
    m = numeric_matrix([[9, 9, 9], [8, 2, 5], [3, 8, 6], [5, 5, 5]], [1, 1, 1],
                       ranges={(1, 0): (6, 9), (2, 1): (6, 9), (3, 2): (4, 8)})
    r = run_smaa(m, SmaaSettings(uniform_weights(3), samples=5000, seed=3))
    assert r.rank_acceptability[0, 0] == 1.0
    assert r.rank_acceptability[1:, 0].tolist() == [0.0, 0.0, 0.0]
    assert r.confidence[0] == 1.0
    assert np.isnan(r.central_weights[1:]).all()


def test_symmetric_pair_splits_first_place_evenly():
    m = numeric_matrix([[10, 0], [0, 10]], [1, 1])
    n = 40_000
    r = run_smaa(m, SmaaSettings(uniform_weights(2), samples=n, seed=11))
    assert abs(r.probability_best[0] - 0.5) <= _binomial_tolerance(0.5, n)
    assert r.pairwise[0, 1] + r.pairwise[1, 0] == pytest.approx(1.0)
    # Option A wins exactly when w0 > 1/2, so its central weight is 3/4 on c0.
    assert r.central_weights[0, 0] == pytest.approx(0.75, abs=0.01)


def test_same_seed_same_numbers_other_seed_other_numbers():
    m = random_matrix(np.random.default_rng(5), n=4, m=3, ranged=0.5)
    spec = uniform_weights(3)
    a = run_smaa(m, SmaaSettings(spec, samples=3000, seed=21, chunk=700))
    b = run_smaa(m, SmaaSettings(spec, samples=3000, seed=21, chunk=700))
    c = run_smaa(m, SmaaSettings(spec, samples=3000, seed=22, chunk=700))
    for field in ("rank_acceptability", "central_weights", "confidence", "pairwise"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    assert not np.array_equal(a.rank_acceptability, c.rank_acceptability)


@pytest.mark.parametrize("mode", ["uniform", "profile", "profiles"])
def test_acceptabilities_sum_to_one_by_option_and_by_rank(mode):
    m = small_matrix()
    m.scores[("a", "speed")] = Score(6, 3, 9)
    m.scores[("b", "risk")] = Score("high", "medium", "very high")
    flat = np.array([normalised_weights(m, p) for p in m.profiles])
    spec = {"uniform": uniform_weights(3), "profile": weights_around(flat[0], 0.3),
            "profiles": weights_from_profiles(flat, 0.1)}[mode]
    r = run_smaa(m, SmaaSettings(spec, samples=4000, seed=2, distribution="pert"))
    assert r.rank_acceptability.sum(axis=1) == pytest.approx(np.ones(3), abs=1e-12)
    assert r.rank_acceptability.sum(axis=0) == pytest.approx(np.ones(3), abs=1e-12)
    off = ~np.eye(3, dtype=bool)
    assert (r.pairwise + r.pairwise.T)[off] == pytest.approx(np.ones(6))


def test_without_uncertainty_the_result_is_the_deterministic_ranking():
    m = small_matrix()
    profile = m.profile("quality")
    spec = weights_around(normalised_weights(m, profile), 0.0)
    r = run_smaa(m, SmaaSettings(spec, samples=500, seed=1))
    ranks = score(m, profile).ranks.loc[r.options].to_numpy().astype(int)
    expected = np.zeros((3, 3))
    expected[np.arange(3), ranks - 1] = 1.0
    np.testing.assert_array_equal(r.rank_acceptability, expected)
    assert r.confidence[ranks == 1].tolist() == [1.0]


def test_a_tie_without_uncertainty_shares_the_ranks_it_spans():
    m = numeric_matrix([[10, 0], [0, 10], [2, 2]], [1, 1])
    r = run_smaa(m, SmaaSettings(weights_around(np.array([0.5, 0.5]), 0.0), samples=100,
                                 seed=1))
    np.testing.assert_array_equal(r.rank_acceptability,
                                  [[0.5, 0.5, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 1.0]])
    assert r.pairwise[0, 1] == 0.5 and r.pairwise[0, 2] == 1.0


# -- exact areas on the weight triangle ----------------------------------------
def _clip(polygon: list[tuple[float, float]], a: float, b: float,
          c: float) -> list[tuple[float, float]]:
    """Sutherland–Hodgman: the part of ``polygon`` where a·x + b·y + c ≥ 0."""
    out: list[tuple[float, float]] = []
    for k, p in enumerate(polygon):
        q = polygon[(k + 1) % len(polygon)]
        fp, fq = a * p[0] + b * p[1] + c, a * q[0] + b * q[1] + c
        if fp >= 0:
            out.append(p)
        if (fp >= 0) != (fq >= 0):
            s = fp / (fp - fq)
            out.append((p[0] + s * (q[0] - p[0]), p[1] + s * (q[1] - p[1])))
    return out


def _area(polygon: list[tuple[float, float]]) -> float:
    return 0.5 * abs(sum(p[0] * q[1] - q[0] * p[1]
                         for p, q in zip(polygon, polygon[1:] + polygon[:1], strict=True)))


def _exact_first_and_last(values: np.ndarray, i: int) -> tuple[float, float]:
    """Shares of the weight triangle where option ``i`` ranks first, and last.

    Weights (x, y, 1 - x - y) are uniform on the triangle x, y ≥ 0, x + y ≤ 1.
    """
    first = last = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)]
    for k in range(len(values)):
        if k == i:
            continue
        d = values[i] - values[k]  # option i minus option k; linear in the weights
        first = _clip(first, d[0] - d[2], d[1] - d[2], d[2])
        last = _clip(last, d[2] - d[0], d[2] - d[1], -d[2])
    return _area(first) / 0.5, _area(last) / 0.5


def test_rank_acceptabilities_match_exact_areas_on_the_weight_triangle():
    m = numeric_matrix([[9, 2, 5], [4, 8, 3], [3, 4, 9], [6, 6, 6]], [1, 1, 1])
    values = value_matrix(m)
    n = 200_000
    r = run_smaa(m, SmaaSettings(uniform_weights(3), samples=n, seed=7))
    for i in range(4):
        first, last = _exact_first_and_last(values, i)
        assert abs(r.rank_acceptability[i, 0] - first) <= _binomial_tolerance(first, n), i
        assert abs(r.rank_acceptability[i, 3] - last) <= _binomial_tolerance(last, n), i
    assert sum(_exact_first_and_last(values, i)[0] for i in range(4)) == pytest.approx(1.0)


# -- the same draws, one at a time -----------------------------------------------
def _tally_one_draw(ranks: list[int], w: np.ndarray, counts, first_w, above) -> None:
    n = len(ranks)
    for i in range(n):
        counts[i][ranks[i] - 1] += 1
        if ranks[i] == 1:
            first_w[i] += w
        for k in range(n):
            if ranks[i] < ranks[k]:
                above[i][k] += 1


def test_weights_only_matches_a_per_draw_loop_over_the_scorer():
    m = small_matrix()
    samples, chunk, seed = 240, 80, 17
    r = run_smaa(m, SmaaSettings(uniform_weights(3), samples=samples, seed=seed, chunk=chunk))
    weight_rng, _, _ = np.random.default_rng(seed).spawn(3)
    sampler = WeightSampler(uniform_weights(3), weight_rng)
    counts, above = np.zeros((3, 3)), np.zeros((3, 3))
    first_w = np.zeros((3, 3))
    for _ in range(samples // chunk):
        for w in sampler.draw(chunk):
            ranks = score(m, profile_with_weights(m, w)).ranks.astype(int).tolist()
            _tally_one_draw(ranks, w, counts, first_w, above)
    np.testing.assert_array_equal(r.rank_acceptability, counts / samples)
    np.testing.assert_array_equal(r.pairwise, above / samples)
    wins = counts[:, 0]
    for i in np.flatnonzero(wins):
        np.testing.assert_allclose(r.central_weights[i], first_w[i] / wins[i], rtol=1e-12)


def _loop_totals(base: np.ndarray, w: np.ndarray, deltas: np.ndarray, cells) -> list[float]:
    totals = [sum(float(w[j]) * float(base[i, j]) for j in range(base.shape[1]))
              for i in range(base.shape[0])]
    for c in range(len(deltas)):
        i, j = int(cells.option[c]), int(cells.criterion[c])
        totals[i] += float(w[j]) * float(deltas[c])
    return totals


def _loop_ranks(totals: list[float]) -> list[int]:
    return [1 + sum(other > t for other in totals) for t in totals]


@pytest.mark.parametrize("distribution", ["triangular", "pert"])
def test_scores_and_weights_match_a_plain_python_loop(distribution):
    m: DecisionMatrix = random_matrix(np.random.default_rng(8), n=4, m=3, ranged=0.7)
    samples, chunk, seed = 900, 300, 5
    spec = uniform_weights(3)
    r = run_smaa(m, SmaaSettings(spec, samples=samples, seed=seed, chunk=chunk,
                                 distribution=distribution, confidence_samples=600))
    weight_rng, score_rng, confidence_rng = np.random.default_rng(seed).spawn(3)
    values = value_matrix(m)
    cells = score_ranges(m, list(range(4)), raw_matrix(m), values)
    weights, scores = WeightSampler(spec, weight_rng), ScoreSampler(m, cells, distribution,
                                                                    score_rng)
    counts, above, first_w = np.zeros((4, 4)), np.zeros((4, 4)), np.zeros((4, 3))
    for _ in range(samples // chunk):
        for w, d in zip(weights.draw(chunk), scores.draw(chunk), strict=True):
            ranks = _loop_ranks(_loop_totals(values, w, d, cells))
            _tally_one_draw(ranks, w, counts, first_w, above)
    np.testing.assert_array_equal(r.rank_acceptability, counts / samples)
    np.testing.assert_array_equal(r.pairwise, above / samples)
    # Confidence: every option judged on the same score draws at its central weights.
    conf_scores = ScoreSampler(m, cells, distribution, confidence_rng)
    central = [first_w[i] / counts[i, 0] if counts[i, 0] else None for i in range(4)]
    won = np.zeros(4)
    for _ in range(600 // chunk):
        for d in conf_scores.draw(chunk):
            for i in range(4):
                if central[i] is not None:
                    won[i] += _loop_ranks(_loop_totals(values, central[i], d, cells))[i] == 1
    for i in range(4):
        if central[i] is None:
            assert np.isnan(r.confidence[i])
        else:
            assert r.confidence[i] == won[i] / 600


def test_progress_reaches_the_end_and_cancel_stops_the_run():
    m = random_matrix(np.random.default_rng(1), n=4, m=3, ranged=0.5)
    seen: list[tuple[int, int]] = []
    run_smaa(m, SmaaSettings(uniform_weights(3), samples=5000, seed=1, chunk=1000),
             progress=lambda done, total: seen.append((done, total)))
    dones = [d for d, _ in seen]
    assert dones == sorted(dones) and dones[-1] == seen[-1][1]
    asked = []

    def cancel_after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(SmaaCancelled):
        run_smaa(m, SmaaSettings(uniform_weights(3), samples=5000, seed=1, chunk=1000),
                 cancelled=cancel_after_two)
    assert len(asked) == 3


def test_an_option_with_a_missing_score_is_left_out():
    m = small_matrix()
    del m.scores[("b", "speed")]
    r = run_smaa(m, SmaaSettings(uniform_weights(3), samples=500, seed=1))
    assert r.options == ["a", "c"] and r.left_out == ["b"]
    assert r.rank_acceptability.shape == (2, 2)


def test_many_options_match_a_plain_python_loop():
    # 200 options: ranks are held in 16-bit integers; the tallies must not notice.
    m = random_matrix(np.random.default_rng(12), n=200, m=4)
    samples, seed = 60, 3
    r = run_smaa(m, SmaaSettings(uniform_weights(4), samples=samples, seed=seed))
    weight_rng, _, _ = np.random.default_rng(seed).spawn(3)
    values = value_matrix(m)
    counts, above, first_w = np.zeros((200, 200)), np.zeros((200, 200)), np.zeros((200, 4))
    for w in WeightSampler(uniform_weights(4), weight_rng).draw(samples):
        totals = values @ w
        assert len(set(np.round(totals, 12))) == 200  # no ties: plain ranks
        ranks = (1 + (totals[None, :] > totals[:, None]).sum(axis=1)).tolist()
        counts[np.arange(200), np.array(ranks) - 1] += 1
        first_w[ranks.index(1)] += w
        above += np.array(ranks)[:, None] < np.array(ranks)[None, :]
    np.testing.assert_array_equal(r.rank_acceptability, counts / samples)
    np.testing.assert_array_equal(r.pairwise, above / samples)
