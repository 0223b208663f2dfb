"""The core at the edges of the number range and of the matrix's shape.

Huge anchors, weights and scores must either be computed correctly or be
refused with a message; a tie among many options must not exhaust memory; an
analysis that leaves an option out must say so.
"""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from robustness_factories import numeric_matrix
from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.normalisation import normalise
from tradeoff.core.model import Criterion, DecisionMatrix, Direction, Option, WeightProfile
from tradeoff.core.robustness_report import acceptability_table
from tradeoff.core.scoring import score
from tradeoff.core.smaa import SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import spec_for_matrix, uniform_weights
from tradeoff.core.validate import check_criterion
from tradeoff.core.weights import normalised_weights


def test_anchors_too_far_apart_to_subtract_are_refused():
    # best - worst is 3e308, beyond the largest float: every value would be 0 or NaN.
    c = Criterion("x", "X", worst=-1.5e308, best=1.5e308)
    assert [str(p) for p in check_criterion(c, "criteria[0]")] == [
        "criteria[0]: the anchors -1.5e+308 and 1.5e+308 are too far apart to compute with; "
        "choose a smaller unit"]


def test_anchors_far_apart_but_within_range_are_scored():
    m = numeric_matrix([[1e299], [-5e299]], [1], scale=(-1e300, 1e300))
    assert check_criterion(m.criteria[0], "criteria[0]") == []
    # (1e299 + 1e300) / 2e300 and (-5e299 + 1e300) / 2e300, by hand
    assert score(m, "p").totals.tolist() == pytest.approx([0.55, 0.25], rel=1e-12)


def test_weights_whose_sum_overflows_keep_their_proportions():
    m = numeric_matrix([[10, 0], [0, 10]], [1e308, 1.5e308])
    # 1e308 : 1.5e308 is 2 : 3, so 0.4 and 0.6 (the sum, 2.5e308, is not a float)
    assert normalised_weights(m, m.profiles[0]).tolist() == pytest.approx([0.4, 0.6])
    assert score(m, "p").totals.tolist() == pytest.approx([0.4, 0.6])


def test_vector_normalisation_of_huge_scores_keeps_the_column():
    # 3 : 4 on a 3-4-5 triangle; squaring 3e300 overflows, so the column used to vanish.
    out = normalise(np.array([[3e300], [4e300]]), "vector", ["X"])
    assert out[:, 0].tolist() == pytest.approx([0.6, 0.8])


def test_sum_normalisation_of_huge_scores_keeps_the_column():
    out = normalise(np.array([[1.5e308], [1.5e308], [3e307]]), "sum", ["X"])
    # 1.5 : 1.5 : 0.3 of a total 3.3
    assert out[:, 0].tolist() == pytest.approx([1.5 / 3.3, 1.5 / 3.3, 0.3 / 3.3])


def test_a_matrix_without_criteria_has_no_weights_to_draw():
    m = DecisionMatrix(options=[Option("a", "A"), Option("b", "B")],
                       profiles=[WeightProfile("p", "P", {})])
    for mode in ("uniform", "profile", "profiles"):
        with pytest.raises(TradeoffError, match="no criteria"):
            spec_for_matrix(m, m.profiles[0], mode, 0.2)


def test_a_tie_among_many_options_stays_within_a_small_memory_budget():
    # Two identical options tie in every draw; ties are recounted with arrays of
    # draws × options × options, which at 120 options and 2,000 draws would be
    # 230 MB each if the draws were not taken a slice at a time.
    rng = np.random.default_rng(5)
    scores = np.round(rng.uniform(0, 10, (120, 3)), 1)
    scores[1] = scores[0]
    m = numeric_matrix(scores.tolist(), [1, 1, 1])
    settings = SmaaSettings(uniform_weights(3), samples=2000, seed=2, confidence_samples=10)
    tracemalloc.start()
    try:
        result = run_smaa(m, settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 250e6  # about 70 MB in slices; 730 MB in one piece
    # The twins split what they win: same shares for every rank.
    assert result.rank_acceptability[0] == pytest.approx(result.rank_acceptability[1])
    assert result.rank_acceptability.sum(axis=1) == pytest.approx(np.ones(120))


def test_pairwise_tallies_over_many_options_stay_within_a_small_memory_budget():
    # "Who ranks above whom" compares every pair in every draw: 2,000 draws of
    # 300 options are 180 MB of booleans if not taken a slice at a time.
    rng = np.random.default_rng(7)
    m = numeric_matrix(rng.uniform(0, 10, (300, 3)).tolist(), [1, 1, 1])
    settings = SmaaSettings(uniform_weights(3), samples=2000, seed=2, confidence_samples=10)
    tracemalloc.start()
    try:
        result = run_smaa(m, settings)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 120e6  # about 40 MB in slices; 200 MB in one piece
    # i above k and k above i share every draw between them (no ties here)
    together = result.pairwise + result.pairwise.T
    assert together[~np.eye(300, dtype=bool)] == pytest.approx(1.0)


def test_the_acceptability_table_names_the_options_it_leaves_out():
    m = numeric_matrix([[9, 1], [5, 5], [1, 9]], [1, 1])
    m.options[1].name = "Beta"
    m.scores[("o1", "c0")].value = None
    result = run_smaa(m, SmaaSettings(uniform_weights(2), samples=200, seed=1))
    table = acceptability_table(m, result)
    assert [row[0] for row in table.rows] == ["O0", "O2"]
    assert table.note.endswith("Left out because a score is missing: Beta.")


def test_a_cost_criterion_with_anchors_too_far_apart_is_refused_too():
    c = Criterion("x", "X", worst=1e308, best=-1e308, direction=Direction.COST)
    assert check_criterion(c, "criteria[0]")[0].message.startswith("the anchors 1e+308 and")
