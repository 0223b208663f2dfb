"""Weight samplers (smaa_sampling) and score samplers (smaa_scores) of the Monte Carlo,
against distributions known in closed form."""

from __future__ import annotations

import numpy as np
import pytest

from factories import small_matrix
from robustness_factories import numeric_matrix
from tradeoff.core.errors import TradeoffError
from tradeoff.core.scoring import raw_matrix, value_matrix
from tradeoff.core.smaa_sampling import (
    BoxSampler,
    WeightSampler,
    bounded_weights,
    ranked_weights,
    spec_for_matrix,
    tiers_from_weights,
    uniform_weights,
    weights_around,
    weights_from_profiles,
)
from tradeoff.core.smaa_scores import ScoreSampler, score_ranges


def rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def test_uniform_weights_have_the_dirichlet_marginals():
    w = WeightSampler(uniform_weights(3), rng()).draw(100_000)
    assert w.sum(axis=1) == pytest.approx(np.ones(len(w)))
    assert (w >= 0).all()
    # On the 3-simplex one weight has density 2(1 - x): mean 1/3, P(w < 1/2) = 3/4.
    assert w.mean(axis=0) == pytest.approx([1 / 3] * 3, abs=0.005)
    assert (w[:, 0] < 0.5).mean() == pytest.approx(0.75, abs=0.005)


def test_ranked_weights_keep_the_order_and_shuffle_within_a_tier():
    spec = ranked_weights([[2], [0, 3], [1]], 4)
    w = WeightSampler(spec, rng()).draw(20_000)
    assert (w[:, 2] >= w[:, [0, 3]].max(axis=1)).all()
    assert (w[:, [0, 3]].min(axis=1) >= w[:, 1]).all()
    # Within the tier neither order is preferred.
    assert (w[:, 0] > w[:, 3]).mean() == pytest.approx(0.5, abs=0.02)
    # The most important of 3 weights drawn uniformly has mean (1 + 1/2 + 1/3 + 1/4)/4 for 4.
    assert w[:, 2].mean() == pytest.approx((1 + 1 / 2 + 1 / 3 + 1 / 4) / 4, abs=0.005)


def test_ranking_must_name_every_criterion_once():
    with pytest.raises(TradeoffError, match="exactly once"):
        ranked_weights([[0], [0, 1]], 3)


def test_upper_bound_by_rejection_matches_the_conditional_density():
    # Three criteria, w0 ≤ 1/2: w0 has density ∝ (1 - x) on [0, 1/2], mean 2/9.
    spec = bounded_weights(np.zeros(3), np.array([0.5, 1, 1]))
    sampler = WeightSampler(spec, rng(1))
    assert sampler._boxes[0].method == "rejection"
    w = sampler.draw(100_000)
    assert w.sum(axis=1) == pytest.approx(np.ones(len(w)))
    assert w[:, 0].max() <= 0.5
    assert w[:, 0].mean() == pytest.approx(2 / 9, abs=0.003)


def test_wide_bounds_on_many_criteria_use_hit_and_run_and_match_the_density():
    # Eight criteria, w0 ≤ 0.3: w0 has density ∝ (1 - x)^6 on [0, 0.3].
    upper = np.ones(8)
    upper[0] = 0.3
    box = BoxSampler(np.zeros(8), upper, rng(2))
    assert box.method == "hit-and-run"
    norm = 1 - 0.7 ** 7
    mean = (1 - 0.7 ** 7 * (1 + 7 * 0.3)) / (8 * norm)  # ∫ x (1-x)^6 / ∫ (1-x)^6 on [0, 0.3]
    # The very first draws come one per chain: burn-in must already have
    # carried every chain away from the common starting point (w0 ≈ 0.04).
    assert box.draw(2000)[:, 0].mean() == pytest.approx(mean, abs=0.01)
    w = box.draw(60_000)
    assert w.sum(axis=1) == pytest.approx(np.ones(len(w)))
    assert (w >= 0).all() and w[:, 0].max() <= 0.3
    assert w[:, 0].mean() == pytest.approx(mean, abs=0.005)
    assert (w[:, 0] < 0.1).mean() == pytest.approx((1 - 0.9 ** 7) / norm, abs=0.02)
    # The unbounded criteria are exchangeable.
    assert w[:, 1:].mean(axis=0) == pytest.approx([w[:, 1:].mean()] * 7, abs=0.01)


def test_around_a_profile_stays_within_the_spread():
    centre = np.array([0.5, 0.3, 0.2, 0.0])
    w = WeightSampler(weights_around(centre, 0.2), rng(3)).draw(20_000)
    assert w.sum(axis=1) == pytest.approx(np.ones(len(w)))
    assert (w >= centre * 0.8 - 1e-12).all() and (w <= centre * 1.2 + 1e-12).all()
    assert (w[:, 3] == 0).all()
    assert w.mean(axis=0) == pytest.approx(centre, abs=0.003)
    exact = WeightSampler(weights_around(centre, 0.0), rng(3)).draw(5)
    np.testing.assert_allclose(exact, np.tile(centre, (5, 1)))


def test_profiles_are_drawn_equally_often():
    centres = np.array([[0.7, 0.3], [0.2, 0.8]])
    w = WeightSampler(weights_from_profiles(centres), rng(4)).draw(20_000)
    first = (w[:, 0] == 0.7).mean()
    assert ((w[:, 0] == 0.7) | (w[:, 0] == 0.2)).all()
    assert first == pytest.approx(0.5, abs=0.02)


def test_impossible_bounds_are_refused_with_the_reason():
    with pytest.raises(TradeoffError, match=r"lower bounds add up to 120 %"):
        bounded_weights(np.array([0.6, 0.6]), np.array([1.0, 1.0]))


def _sampler(m, distribution):
    raw, values = raw_matrix(m), value_matrix(m)
    cells = score_ranges(m, list(range(len(m.options))), raw, values)
    return ScoreSampler(m, cells, distribution, rng(5)), cells


def test_triangular_and_pert_means_on_a_numeric_scale():
    m = numeric_matrix([[4, 5]], [1, 1], ranges={(0, 0): (2, 9), (0, 1): (0, 10)})
    for distribution, expected in (("triangular", [(2 + 4 + 9) / 3, (0 + 5 + 10) / 3]),
                                   ("pert", [(2 + 4 * 4 + 9) / 6, (0 + 4 * 5 + 10) / 6])):
        sampler, cells = _sampler(m, distribution)
        drawn = sampler.draw(200_000) + cells.base_value  # values 0..1 = score / 10
        assert drawn.mean(axis=0) * 10 == pytest.approx(expected, abs=0.02)
        assert drawn.min() >= 0 and drawn[:, 0].max() <= 0.9 + 1e-6


def test_level_scale_draws_only_real_levels():
    m = small_matrix()
    m.scores[("b", "risk")].low, m.scores[("b", "risk")].high = "low", "very high"
    sampler, cells = _sampler(m, "triangular")
    drawn = sampler.draw(20_000) + cells.base_value
    levels = {round(v, 6) for v in (1.0, 2 / 3, 1 / 3, 0.0)}
    assert {round(float(v), 6) for v in np.unique(drawn)} == levels


def test_cost_scale_draws_in_value_space():
    # Price is a cost on 100 (worst) .. 0 (best): a price range 30..60 is a value range .4...7.
    m = small_matrix()
    m.scores[("a", "price")].low, m.scores[("a", "price")].high = 30, 60
    sampler, cells = _sampler(m, "triangular")
    drawn = sampler.draw(100_000) + cells.base_value
    assert drawn.min() >= 0.4 - 1e-6 and drawn.max() <= 0.7 + 1e-6
    assert drawn.mean() == pytest.approx((0.4 + 0.6 + 0.7) / 3, abs=0.002)


def test_ranking_from_a_profile_ties_equal_weights():
    # Quality first: price 1/4, speed 1/2, risk 1/4 → speed, then price and risk tied.
    m = small_matrix()
    spec = spec_for_matrix(m, m.profile("quality"), "ranking")
    assert spec.tiers == [[1], [0, 2]]
    w = WeightSampler(spec, rng(6)).draw(10_000)
    assert (w[:, 1] >= w[:, [0, 2]].max(axis=1)).all()
    # Even weights within a group make one tier per distinct weight: 1/2, then 1/4 twice.
    assert tiers_from_weights(np.array([0.5, 0.25, 0.25])) == [[0], [1, 2]]
    with pytest.raises(TradeoffError, match="unknown weight mode"):
        spec_for_matrix(m, m.profile(), "guess")


def test_normal_reads_low_and_high_as_the_95_percent_interval():
    # Price is a cost on 100 (worst) .. 0 (best); a = 40 ± 19.6 is value 0.6 ± 0.196,
    # so the value has sd 0.1 and 2.5 % of the draws fall beyond each end.
    m = small_matrix()
    s = m.scores[("a", "price")]
    s.low, s.high, s.distribution = 20.4, 59.6, "normal"
    sampler, cells = _sampler(m, "triangular")  # the cell's own setting wins
    drawn = (sampler.draw(400_000) + cells.base_value)[:, 0]
    assert drawn.mean() == pytest.approx(0.6, abs=0.001)
    assert drawn.std() == pytest.approx(0.1, abs=0.001)
    assert (drawn < 0.404).mean() == pytest.approx(0.025, abs=0.002)
    assert (drawn > 0.796).mean() == pytest.approx(0.025, abs=0.002)


def test_lognormal_is_normal_on_the_log_scale_with_the_value_as_median():
    # An odds ratio of 2 with 95 % interval 1 .. 4: log OR ~ N(ln 2, (ln 2 / 1.96)²).
    m = numeric_matrix([[2, 5]], [1, 1], ranges={(0, 0): (1, 4)}, scale=(0, 8))
    m.scores[("o0", "c0")].distribution = "lognormal"
    sampler, cells = _sampler(m, "pert")
    scores = (sampler.draw(400_000) + cells.base_value)[:, 0] * 8  # back to the 0..8 scale
    assert np.median(scores) == pytest.approx(2, abs=0.01)
    assert np.quantile(scores, [0.025, 0.975]) == pytest.approx([1, 4], abs=0.02)
    assert np.log(scores).std() == pytest.approx(np.log(2) / 1.96, abs=0.002)
    assert scores.min() > 0


def test_normal_as_the_run_setting_and_on_a_level_scale():
    m = small_matrix()
    m.scores[("b", "risk")].low, m.scores[("b", "risk")].high = "low", "very high"
    sampler, cells = _sampler(m, "normal")
    drawn = sampler.draw(20_000) + cells.base_value
    assert {round(float(v), 6) for v in np.unique(drawn)} <= {1.0, round(2 / 3, 6),
                                                              round(1 / 3, 6), 0.0}


def test_cells_with_different_distributions_are_drawn_side_by_side():
    m = numeric_matrix([[4, 5, 5]], [1, 1, 1],
                       ranges={(0, 0): (2, 9), (0, 1): (3.04, 6.96), (0, 2): (2.5, 10)})
    m.scores[("o0", "c1")].distribution = "normal"
    m.scores[("o0", "c2")].distribution = "lognormal"
    sampler, cells = _sampler(m, "triangular")
    raw = sampler.draw(300_000)
    drawn = (raw + cells.base_value) * 10
    assert drawn[:, 0].mean() == pytest.approx((2 + 4 + 9) / 3, abs=0.02)  # the run's triangle
    assert drawn[:, 0].min() >= 2 - 1e-5 and drawn[:, 0].max() <= 9 + 1e-5
    assert drawn[:, 1].std() == pytest.approx(1.0, abs=0.01)  # 5 ± 1.96
    assert np.median(drawn[:, 2]) == pytest.approx(5, abs=0.02)
    # Same seed, same draws: a mixed matrix is as reproducible as a plain one.
    assert np.array_equal(_sampler(m, "triangular")[0].draw(300_000), raw)


def test_an_unknown_or_per_cell_only_run_distribution_is_refused():
    m = numeric_matrix([[4, 5]], [1, 1], ranges={(0, 0): (2, 9)})
    with pytest.raises(TradeoffError, match="unknown distribution 'beta'"):
        _sampler(m, "beta")
    with pytest.raises(TradeoffError, match="log-normal distribution is set per cell"):
        _sampler(m, "lognormal")


def test_normal_as_the_run_setting_draws_a_one_sided_range_as_a_triangle():
    # o0/c0: value 2, low 2, high 6: nothing may be drawn below 2; o0/c1 is two-sided.
    m = numeric_matrix([[2, 5]], [1, 1], ranges={(0, 0): (2, 6), (0, 1): (3.04, 6.96)})
    sampler, cells = _sampler(m, "normal")
    assert cells.kinds("normal") == ["triangular", "normal"]
    drawn = (sampler.draw(200_000) + cells.base_value) * 10
    assert drawn[:, 0].min() >= 2 - 1e-5 and drawn[:, 0].mean() == pytest.approx(10 / 3, abs=0.02)
    assert drawn[:, 1].std() == pytest.approx(1.0, abs=0.01)


def test_normal_on_a_level_scale_rounds_to_the_levels_in_the_right_shares():
    # Risk levels very high 0 … low 1 in thirds; b = "high" (position 2 of 0..3 in the
    # scale's own numbers) with low "medium" and high "very high": sd = 1 / 1.96 position.
    m = small_matrix()
    s = m.scores[("b", "risk")]
    s.low, s.high, s.distribution = "medium", "very high", "normal"
    sampler, cells = _sampler(m, "triangular")
    drawn = sampler.draw(200_000)[:, 0] + cells.base_value[0]
    sd = 1 / 1.959963984540054
    from math import erf, sqrt

    def above(x: float) -> float:
        return 0.5 - 0.5 * erf(x / sd / sqrt(2))
    # "very high" is one position above "high": drawn beyond the midpoint 0.5.
    worst = min(np.unique(drawn))
    assert (drawn == worst).mean() == pytest.approx(above(0.5), abs=0.004)


def test_mixed_distributions_on_cost_piecewise_and_level_columns():
    # Each column's draws against a direct numpy draw of the intended distribution,
    # mapped through the value function.
    from tradeoff.core.values import value_function
    m = small_matrix()
    price = m.criterion("price")  # cost, 100 (worst) .. 0 (best)
    price.value_points = [(100, 0.0), (50, 0.7), (0, 1.0)]  # piecewise
    m.scores[("a", "price")].low, m.scores[("a", "price")].high = 20, 80
    m.scores[("a", "price")].distribution = "lognormal"
    m.scores[("a", "speed")].low, m.scores[("a", "speed")].high = 5, 8
    m.scores[("a", "speed")].distribution = "pert"
    m.scores[("b", "price")].low, m.scores[("b", "price")].high = 10, 30
    m.scores[("b", "price")].distribution = "normal"
    sampler, cells = _sampler(m, "triangular")
    drawn = sampler.draw(300_000) + cells.base_value
    rng_ = np.random.default_rng(99)
    z = rng_.standard_normal(300_000)
    expect = {
        ("a", "price"): value_function(price, np.exp(np.log(40) + np.log(4) / 2 / 1.96 * z)),
        ("b", "price"): value_function(price, 20 + 10 / 1.96 * z),
    }
    names = {(int(o), int(c)) for o, c in zip(cells.option, cells.criterion, strict=True)}
    assert names  # the cells are in the sampler
    for col in range(cells.count):
        key = (m.options[int(cells.option[col])].id, m.criteria[int(cells.criterion[col])].id)
        if key in expect:
            q = [0.05, 0.25, 0.5, 0.75, 0.95]
            assert np.quantile(drawn[:, col], q) == pytest.approx(
                np.quantile(expect[key], q), abs=0.004)
