"""VIKOR against the two published examples of Opricovic & Tzeng, and its edge cases."""

from __future__ import annotations

import numpy as np
import pytest
from mcda_tables import table_matrix

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods import vikor


def test_opricovic_tzeng_2004_two_criteria_example():
    """Opricovic, S. & Tzeng, G.-H. (2004), "Compromise solution by MCDM methods:
    a comparative analysis of VIKOR and TOPSIS", EJOR 156(2), 445–455, numerical
    example (§5): A1 (1, 3000), A2 (2, 3750), A3 (5, 4500), risk to be minimised
    and altitude maximised, equal weights, v = 0.5. Published S = 0.5, 0.375, 0.5;
    R = 0.5, 0.25, 0.5; Q = 1, 0, 1; A2 is the compromise solution.
    """
    m = table_matrix([[1, 3000], [2, 3750], [5, 4500]], "cb", [0.5, 0.5])
    result = vikor(m)
    assert result.details["S"].to_numpy() == pytest.approx([0.5, 0.375, 0.5])
    assert result.details["R"].to_numpy() == pytest.approx([0.5, 0.25, 0.5])
    assert result.totals.to_numpy() == pytest.approx([1.0, 0.0, 1.0])
    assert list(result.ranks) == [2, 1, 2]  # lower Q ranks higher
    compromise = result.extras["compromise"]
    assert compromise.best == "a2"
    assert compromise.acceptable_advantage and compromise.acceptable_stability
    assert compromise.compromise_set == ("a2",)
    assert not result.higher_is_better


HYDRO = [  # Opricovic & Tzeng (2007), six river-basin alternatives, eight criteria
    [4184.3, 2914.0, 407.2, 251.0, 195, 244, 15, 2.41],
    [5211.9, 3630.0, 501.7, 308.3, 282, 346, 21, 1.41],
    [5021.3, 3920.5, 504.0, 278.6, 12, 56, 3, 4.42],
    [5566.1, 3957.9, 559.5, 335.3, 167, 268, 16, 3.36],
    [5060.5, 3293.5, 514.1, 284.2, 69, 90, 7, 4.04],
    [4317.9, 2925.9, 432.8, 239.3, 12, 55, 3, 4.36],
]

PUBLISHED_2007 = {  # weights: (S, R, Q, compromise set)
    (1, 1, 1, 1, 1, 1, 1, 1): ([0.692, 0.700, 0.290, 0.423, 0.280, 0.346],
                               [0.125, 0.125, 0.121, 0.125, 0.067, 0.125],
                               [0.991, 1.000, 0.473, 0.670, 0.000, 0.578], ("a5",)),
    (2, 2, 2, 2, 1, 1, 1, 1): ([0.701, 0.600, 0.386, 0.365, 0.317, 0.459],
                               [0.167, 0.114, 0.161, 0.167, 0.089, 0.167],
                               [1.000, 0.533, 0.552, 0.563, 0.000, 0.686], ("a5",)),
    (1, 1, 1, 1, 2, 2, 2, 2): ([0.683, 0.800, 0.193, 0.480, 0.243, 0.232],
                               [0.113, 0.167, 0.080, 0.122, 0.044, 0.083],
                               [0.684, 1.000, 0.147, 0.554, 0.041, 0.191],
                               ("a5", "a3", "a6")),
    (1, 1, 1, 1, 3.2, 3.2, 3.2, 3.2): ([0.678, 0.857, 0.138, 0.513, 0.222, 0.167],
                                       [0.129, 0.190, 0.057, 0.139, 0.042, 0.060],
                                       [0.668, 1.000, 0.051, 0.588, 0.058, 0.078],
                                       ("a3", "a5", "a6")),
}


@pytest.mark.parametrize("weights", list(PUBLISHED_2007))
def test_opricovic_tzeng_2007_river_basin_example(weights):
    """Opricovic, S. & Tzeng, G.-H. (2007), "Extended VIKOR method in comparison
    with outranking methods", EJOR 178(2), 514–529: six alternatives, eight
    criteria (profit, cost, energy, peak energy, homes relocated, reservoir area,
    villages displaced, environmental grade), v = 0.5, under four of the paper's
    weight sets; S, R and Q as published to three decimals, with the compromise
    set (a single solution when both conditions hold, otherwise every option
    within DQ = 0.2 of the best).
    """
    s, r, q, chosen = PUBLISHED_2007[weights]
    m = table_matrix(HYDRO, "bcbbcccb", list(weights))
    result = vikor(m, v=0.5)
    assert result.details["S"].to_numpy() == pytest.approx(s, abs=1.5e-3)
    assert result.details["R"].to_numpy() == pytest.approx(r, abs=1.5e-3)
    assert result.totals.to_numpy() == pytest.approx(q, abs=1.5e-3)
    assert result.extras["compromise"].compromise_set == chosen
    assert result.extras["compromise"].dq == pytest.approx(0.2)


def test_contributions_sum_to_s_and_peak_at_r():
    result = vikor(table_matrix(HYDRO, "bcbbcccb", [1] * 8))
    contributions = result.contributions().to_numpy()
    assert contributions.sum(axis=1) == pytest.approx(result.details["S"].to_numpy())
    assert contributions.max(axis=1) == pytest.approx(result.details["R"].to_numpy())


def test_v_moves_q_between_group_utility_and_regret():
    m = table_matrix(HYDRO, "bcbbcccb", [1] * 8)
    s = vikor(m).details["S"].to_numpy()
    q_all_majority = vikor(m, v=1.0).totals.to_numpy()
    assert q_all_majority == pytest.approx((s - s.min()) / (s.max() - s.min()))
    with pytest.raises(TradeoffError, match=r"between 0 and 1, not 1\.5"):
        vikor(m, v=1.5)


def test_failed_advantage_brings_every_option_within_dq_into_the_set():
    """Hand example: A1 = (10, 0), A2 = (0, 10), A3 = (6, 6), benefit criteria,
    weights 0.8/0.2. d: A1 (0, 1), A2 (1, 0), A3 (0.4, 0.4); w·d: A1 (0, 0.2),
    A2 (0.8, 0), A3 (0.32, 0.08). S = 0.2, 0.8, 0.4; R = 0.2, 0.8, 0.32.
    With v = 0.5, Q = 0, 1, 0.5·(0.2/0.6) + 0.5·(0.12/0.6) = 0.2667. A1 leads by
    0.2667 < DQ = 0.5 (m = 3), so C1 fails: the compromise set is A1, A3."""
    result = vikor(table_matrix([[10, 0], [0, 10], [6, 6]], "bb", [0.8, 0.2]))
    assert result.totals.to_numpy() == pytest.approx([0.0, 1.0, 0.4 / 1.5])
    c = result.extras["compromise"]
    assert not c.acceptable_advantage and c.acceptable_stability
    assert c.compromise_set == ("a1", "a3")


def test_constant_criterion_contributes_nothing_and_single_option_has_q_zero():
    m = table_matrix([[1, 3000, 7], [2, 3750, 7], [5, 4500, 7]], "cbb", [0.5, 0.5, 1.0])
    result = vikor(m)
    assert result.values()["c3"].to_numpy() == pytest.approx([0, 0, 0])
    assert [i.kind for i in result.issues] == ["constant"]
    single = vikor(table_matrix([[1, 2]], "bb", [1, 1]))
    assert single.totals["a1"] == 0 and single.ranks["a1"] == 1
    assert np.isnan(single.extras["compromise"].dq)


def test_failed_stability_gives_the_two_best_as_compromise():
    """Hand example, three benefit criteria on 0–10 with equal weights (1/3):
    X (10, 10, 1), Y (3, 3, 3), Z (9, 9, 2.9), W (0, 0, 10), U (1, 1, 0).
    Every column runs from 0 to 10, so d = (10 − x)/10:
        X d = (0, 0, .9)     S = .3      R = .3
        Y d = (.7, .7, .7)   S = .7      R = .23333
        Z d = (.1, .1, .71)  S = .30333  R = .23667
        W d = (1, 1, 0)      S = .66667  R = .33333
        U d = (.9, .9, 1)    S = .93333  R = .33333
    Q (v = .5): Z = .5·(.00333/.63333) + .5·(.00333/.1) = .01930,
    Y = .5·(.4/.63333) = .31579, X = .5·(.06667/.1) = .33333.
    Z leads Y by .29649 ≥ DQ = .25 (C1 holds) but is best by neither S (X) nor
    R (Y), so C2 fails and the compromise set is Z and Y."""
    rows = [[10, 10, 1], [3, 3, 3], [9, 9, 2.9], [0, 0, 10], [1, 1, 0]]
    m = table_matrix(rows, "bbb", [1, 1, 1], options=list("XYZWU"))
    result = vikor(m)
    assert result.details["S"].to_numpy()[:3] == pytest.approx([0.3, 0.7, 0.91 / 3])
    assert result.totals[["z", "y", "x"]].to_numpy() == pytest.approx(
        [0.01930, 0.31579, 1 / 3], abs=1e-5)
    c = result.extras["compromise"]
    assert c.acceptable_advantage and not c.acceptable_stability
    assert c.compromise_set == ("z", "y")
    assert c.describe({o.id: o.name for o in m.options}) == (
        "no single compromise (acceptable stability not met); compromise set: Z, Y")
