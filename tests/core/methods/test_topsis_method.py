"""TOPSIS against two published worked examples, and its edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from mcda_tables import table_matrix

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods import topsis
from tradeoff.core.model import Score


def test_tzeng_huang_2011_four_alternatives_vector_normalisation():
    """Tzeng, G.-H. & Huang, J.-J. (2011), *Multiple Attribute Decision Making:
    Methods and Applications*, CRC Press, TOPSIS numerical example: four
    alternatives, three benefit criteria, weights 0.3/0.4/0.3, vector
    normalisation; published relative closeness 0.5037, 0.6581, 0.7482, 0.3340.
    """
    m = table_matrix([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], "bbb", [0.3, 0.4, 0.3])
    result = topsis(m, normalisation="vector")
    assert result.totals.to_numpy() == pytest.approx([0.5037, 0.6581, 0.7482, 0.3340], abs=1e-4)
    assert list(result.ranks) == [3, 2, 1, 4]
    assert result.normalisation.startswith("vector")


FIGHTERS = [  # max speed (Mach), ferry range (NM), payload (lb), cost ($M), reliability, agility
    [2.0, 1500, 20000, 5.5, 5, 9],
    [2.5, 2700, 18000, 6.5, 3, 5],
    [1.8, 2000, 21000, 4.5, 7, 7],
    [2.2, 1800, 20000, 5.0, 5, 5],
]


def test_hwang_yoon_1981_fighter_aircraft():
    """Hwang, C.-L. & Yoon, K. (1981), *Multiple Attribute Decision Making*,
    Springer, the fighter-aircraft example used throughout the book: four
    aircraft, six criteria (acquisition cost a cost criterion; reliability and
    manoeuvrability on the 1–9 interval scale), weights 0.2, 0.1, 0.1, 0.1, 0.2,
    0.3. Published closeness C*(A1) = 0.643 and C*(A2) = 0.268, and the
    preference order A1 > A3 > A4 > A2.
    """
    m = table_matrix(FIGHTERS, "bbbcbb", [0.2, 0.1, 0.1, 0.1, 0.2, 0.3])
    result = topsis(m)
    assert result.totals["a1"] == pytest.approx(0.643, abs=1e-3)
    assert result.totals["a2"] == pytest.approx(0.268, abs=1e-3)
    assert list(result.ranking().index) == ["a1", "a3", "a4", "a2"]


def test_contributions_are_weighted_normalised_values_and_distances_rebuild_closeness():
    m = table_matrix(FIGHTERS, "bbbcbb", [0.2, 0.1, 0.1, 0.1, 0.2, 0.3])
    result = topsis(m)
    col = np.array([r[0] for r in FIGHTERS], dtype=float)
    assert result.values()["c1"].to_numpy() == pytest.approx(col / np.sqrt(np.sum(col ** 2)))
    assert result.contributions()["c1"].to_numpy() == pytest.approx(
        0.2 * col / np.sqrt(np.sum(col ** 2)))
    d_plus, d_minus = result.details["distance to ideal"], result.details["distance to anti-ideal"]
    assert result.totals.to_numpy() == pytest.approx((d_minus / (d_plus + d_minus)).to_numpy())


def test_min_max_normalisation_by_hand():
    """Two options, two benefit criteria, equal weights. Min–max maps each column
    to {0, 1}: A1 = (1, 0), A2 = (0, 1); weighted (0.5, 0) and (0, 0.5); the ideal
    is (0.5, 0.5) and the anti-ideal (0, 0), so both options sit 0.5 from each:
    closeness 0.5 and a tie. Vector normalisation breaks the tie (A2 is further
    ahead on C2 than A1 is on C1)."""
    m = table_matrix([[4, 10], [2, 30]], "bb", [1, 1])
    result = topsis(m, normalisation="minmax")
    assert result.totals.to_numpy() == pytest.approx([0.5, 0.5])
    assert list(result.ranks) == [1, 1]
    assert result.normalisation.startswith("min–max")
    assert list(topsis(m, normalisation="vector").ranks) == [2, 1]


def test_constant_criterion_changes_nothing_and_is_reported():
    base = table_matrix([[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]], "bbb", [0.3, 0.4, 0.3])
    with_constant = table_matrix([[5, 8, 4, 3], [7, 6, 8, 3], [8, 8, 6, 3], [7, 4, 6, 3]],
                                 "bbbc", [0.3, 0.4, 0.3, 0.0])
    for how in ("vector", "minmax", "sum", "max"):
        assert topsis(with_constant, normalisation=how).totals.to_numpy() == pytest.approx(
            topsis(base, normalisation=how).totals.to_numpy())
    issues = topsis(with_constant).issues
    assert [i.kind for i in issues] == ["constant"]
    assert "C4" in issues[0].message


def test_option_with_missing_score_is_left_out_and_the_rest_scored_among_themselves():
    rows = [[5, 8, 4], [7, 6, 8], [8, 8, 6], [7, 4, 6]]
    m = table_matrix(rows, "bbb", [0.3, 0.4, 0.3])
    m.scores[("a4", "c2")] = Score()
    result = topsis(m)
    without = topsis(table_matrix(rows[:3], "bbb", [0.3, 0.4, 0.3]))
    assert result.totals.to_numpy()[:3] == pytest.approx(without.totals.to_numpy())
    assert np.isnan(result.totals["a4"]) and np.isnan(result.ranks["a4"])
    (issue,) = result.issues
    assert issue.kind == "missing" and "A4 has no score on C2" in issue.message


def test_single_option_ties_with_itself_at_one_half():
    result = topsis(table_matrix([[3, 4]], "bc", [1, 1]))
    assert result.totals["a1"] == 0.5
    assert result.ranks["a1"] == 1


def test_sum_normalisation_refuses_negative_scores_naming_the_criterion():
    m = table_matrix([[-1, 2], [3, 4]], "bb", [1, 1])
    with pytest.raises(TradeoffError, match="C1 has -1"):
        topsis(m, normalisation="sum")
    assert list(topsis(m, normalisation="vector").ranks) == [2, 1]


def test_unknown_normalisation_is_refused():
    with pytest.raises(TradeoffError, match="unknown normalisation 'zscore'"):
        topsis(table_matrix([[1, 2], [3, 4]], "bb", [1, 1]), normalisation="zscore")
