"""Regret, minimax regret and expected totals, against independent computations.

The worked example is Taylor, B. W., *Introduction to Management Science*
(Pearson), ch. 12 "Decision Analysis": the real-estate investment payoff table
(apartment building 50,000 / 30,000; office building 100,000 / −40,000;
warehouse 30,000 / 10,000 under good and poor economic conditions), whose
minimax-regret decision is the apartment building (maximum regret 50,000) and
whose expected values with probabilities 0.6 / 0.4 are 42,000, 44,000 and
22,000.
"""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Option,
    Scenario,
    Score,
    WeightProfile,
)
from tradeoff.core.regret import expected_totals, max_regret, minimax_regret, regret_table
from tradeoff.core.scenarios import analyse_scenarios

TAYLOR = pd.DataFrame({"good": [50_000.0, 100_000.0, 30_000.0],
                       "poor": [30_000.0, -40_000.0, 10_000.0]},
                      index=["apartment", "office", "warehouse"])


def test_taylor_real_estate_regret_table_and_minimax_choice():
    regret = regret_table(TAYLOR)
    assert regret.to_dict() == {"good": {"apartment": 50_000, "office": 0, "warehouse": 70_000},
                                "poor": {"apartment": 0, "office": 70_000, "warehouse": 20_000}}
    worst = max_regret(regret)
    assert worst.to_dict() == {"apartment": 50_000, "office": 70_000, "warehouse": 70_000}
    assert minimax_regret(worst) == ["apartment"]


def test_taylor_real_estate_expected_values():
    expected = expected_totals(TAYLOR, pd.Series({"good": 0.6, "poor": 0.4}))
    assert expected.to_dict() == pytest.approx(
        {"apartment": 42_000, "office": 44_000, "warehouse": 22_000})


def taylor_matrix(probabilities: tuple[float, float] | None = (0.6, 0.4)) -> DecisionMatrix:
    """The payoff table as a one-criterion matrix: the base is the poor economy,
    the good economy a scenario overriding every payoff, the poor one overriding none."""
    payoff = Criterion("payoff", "Payoff", worst=-40_000, best=100_000, unit="$")
    m = DecisionMatrix(criteria=[payoff],
                       options=[Option(o, o.title()) for o in TAYLOR.index],
                       profiles=[WeightProfile("p", "P", {"payoff": 1})])
    for o in TAYLOR.index:
        m.scores[(o, "payoff")] = Score(value=TAYLOR.at[o, "poor"])
    pg, pp = probabilities or (None, None)
    m.scenarios = [
        Scenario("good", "Good economy", probability=pg,
                 scores={(o, "payoff"): Score(value=TAYLOR.at[o, "good"]) for o in TAYLOR.index}),
        Scenario("poor", "Poor economy", probability=pp),
    ]
    return m


def test_taylor_through_the_matrix_scales_regret_by_the_value_function():
    a = analyse_scenarios(taylor_matrix())
    span = 140_000  # best − worst: totals are (payoff + 40,000) / 140,000
    assert (a.regret * span).round(6).to_dict() == regret_table(TAYLOR).to_dict()
    assert a.minimax == ["apartment"]
    assert (a.expected * span - 40_000).to_dict() == pytest.approx(
        {"apartment": 42_000, "office": 44_000, "warehouse": 22_000})
    assert a.outcome("good").winners == ["office"]
    assert a.outcome("poor").winners == ["apartment"]


def test_no_probabilities_means_no_expected_totals():
    assert analyse_scenarios(taylor_matrix(None)).expected is None


def _independent(totals: list[list[float]]) -> tuple[list[list[float]], list[float], list[int]]:
    """Regret, max regret and the minimax rows by plain loops (no pandas, no numpy)."""
    n, s = len(totals), len(totals[0])
    best = [max(totals[i][j] for i in range(n)) for j in range(s)]
    regret = [[best[j] - totals[i][j] for j in range(s)] for i in range(n)]
    worst = [max(row) for row in regret]
    low = min(worst)
    return regret, worst, [i for i in range(n) if abs(worst[i] - low) < 1e-12]


@pytest.mark.parametrize("seed", range(20))
def test_random_tables_agree_with_plain_loops(seed):
    rng = np.random.default_rng(seed)
    n, s = rng.integers(1, 7), rng.integers(1, 5)
    # values on a coarse grid, so ties happen often
    table = (rng.integers(0, 6, size=(n, s)) / 5).tolist()
    frame = pd.DataFrame(table, index=[f"o{i}" for i in range(n)],
                         columns=[f"s{j}" for j in range(s)])
    regret, worst, chosen = _independent(table)
    got = regret_table(frame)
    np.testing.assert_allclose(got.to_numpy(), np.array(regret), atol=1e-12)
    assert max_regret(got).tolist() == pytest.approx(worst)
    assert minimax_regret(max_regret(got)) == [f"o{i}" for i in chosen]
    p = rng.dirichlet(np.ones(s))
    expected = [sum(p[j] * table[i][j] for j in range(s)) for i in range(n)]
    assert expected_totals(frame, pd.Series(p, index=frame.columns)).tolist() == \
        pytest.approx(expected)


def test_a_tie_in_maximum_regret_names_both_options():
    totals = pd.DataFrame({"x": [1.0, 0.6, 0.2], "y": [0.6, 1.0, 0.3]}, index=["a", "b", "c"])
    worst = max_regret(regret_table(totals))
    assert worst.round(12).to_dict() == {"a": 0.4, "b": 0.4, "c": 0.8}
    assert minimax_regret(worst) == ["a", "b"]


def test_a_dominated_option_has_regret_everywhere_and_is_never_chosen():
    totals = pd.DataFrame({"x": [0.9, 0.5, 0.4], "y": [0.7, 0.8, 0.6], "z": [0.5, 0.6, 0.4]},
                          index=["a", "b", "dominated"])
    regret = regret_table(totals)
    assert (regret.loc["dominated"] > 0).all()
    assert all(regret.loc["dominated", s] >= regret.loc["b", s] for s in totals.columns)
    assert "dominated" not in minimax_regret(max_regret(regret))


def test_one_scenario_regret_is_the_gap_to_the_winner():
    totals = pd.DataFrame({"only": [0.3, 0.9, 0.6]}, index=["a", "b", "c"])
    regret = regret_table(totals)
    assert regret["only"].to_dict() == pytest.approx({"a": 0.6, "b": 0.0, "c": 0.3})
    assert minimax_regret(max_regret(regret)) == ["b"]


def test_an_option_without_a_total_takes_no_part():
    totals = pd.DataFrame({"x": [0.5, np.nan, 0.7], "y": [0.9, 0.95, 0.2]}, index=["a", "b", "c"])
    regret = regret_table(totals)
    assert np.isnan(regret.at["b", "x"])
    assert regret.at["a", "y"] == pytest.approx(0.05)  # b's total still sets the best in y
    worst = max_regret(regret)
    assert np.isnan(worst["b"])
    assert minimax_regret(worst) == ["a"]


def test_equal_totals_to_twelve_decimals_have_no_regret():
    totals = pd.DataFrame({"x": [0.1 + 0.2, 0.3]}, index=["a", "b"])
    assert regret_table(totals)["x"].tolist() == [0.0, 0.0]
    assert minimax_regret(max_regret(regret_table(totals))) == ["a", "b"]


def test_every_pair_of_options_orders_by_regret_as_by_total_in_each_scenario():
    rng = np.random.default_rng(5)
    totals = pd.DataFrame(rng.random((6, 4)), index=list("abcdef"), columns=list("wxyz"))
    regret = regret_table(totals)
    for s in totals.columns:
        for a, b in itertools.combinations(totals.index, 2):
            assert (totals.at[a, s] > totals.at[b, s]) == (regret.at[a, s] < regret.at[b, s])
