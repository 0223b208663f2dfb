"""Value for money (frontier, gaps) and portfolios under a budget (MILP vs exhaustive search)."""

from __future__ import annotations

import numpy as np
import pytest

from factories import small_matrix
from tradeoff.core.errors import TradeoffError
from tradeoff.core.portfolio import (
    GroupLimit,
    best_portfolio,
    budget_curve,
    knee_index,
    merit_order,
    portfolio_inputs,
)
from tradeoff.core.value_for_money import frontier_gaps, value_for_money


def direct_frontier(c: np.ndarray, b: np.ndarray) -> tuple[list[bool], list[float], list[float]]:
    """The definitions, pair by pair, in plain Python."""
    eff, bgap, cgap = [], [], []
    for i in range(len(c)):
        dominated = any(c[k] <= c[i] and b[k] >= b[i] and (c[k] < c[i] or b[k] > b[i])
                        for k in range(len(c)))
        eff.append(not dominated)
        bgap.append(0.0 if not dominated else max(b[k] for k in range(len(c)) if c[k] <= c[i])
                    - b[i])
        cgap.append(0.0 if not dominated else c[i] - min(c[k] for k in range(len(c))
                                                          if b[k] >= b[i]))
    return eff, bgap, cgap


@pytest.mark.parametrize("seed", range(8))
def test_frontier_and_gaps_match_a_direct_computation(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 40))
    c = rng.integers(0, 12, n).astype(float)  # repeated costs and benefits on purpose
    b = rng.integers(0, 12, n).astype(float) * 5
    eff, bgap, cgap = frontier_gaps(c, b)
    want = direct_frontier(c, b)
    assert eff.tolist() == want[0]
    assert bgap.tolist() == pytest.approx(want[1])
    assert cgap.tolist() == pytest.approx(want[2])


def test_value_for_money_on_a_hand_made_matrix():
    # small_matrix: Price (cost, 100 → 0 k€) is the cost; benefit is Speed and Risk,
    # weights ½ · ½ each under "even", so benefit = 100 · (speed value + risk value) / 2:
    #   Alpha 40 k€, (0.6 + 2/3)/2 = 63.33;  Beta 20 k€, (0.3 + 1/3)/2 = 31.67;
    #   Gamma 70 k€, (0.9 + 1)/2 = 95.
    vfm = value_for_money(small_matrix(), "even", "Price")
    got = {p.name: (p.cost, round(p.benefit, 2), p.efficient) for p in vfm.points}
    assert got == {"Alpha": (40, 63.33, True), "Beta": (20, 31.67, True),
                   "Gamma": (70, 95.0, True)}
    assert vfm.benefit_weights == pytest.approx({"speed": 0.5, "risk": 0.5})
    assert [p.name for p in vfm.frontier] == ["Beta", "Alpha", "Gamma"]
    assert [p.name for p in vfm.by_ratio()] == ["Alpha", "Beta", "Gamma"]  # 1.58, 1.58, 1.36
    m = small_matrix()
    m.scores[("a", "price")].value = 75  # Alpha now dearer than Gamma and worse: off it
    alpha = value_for_money(m, "even", "price").point("a")
    assert not alpha.efficient
    assert alpha.benefit_gap == pytest.approx(95 - 63.3333, abs=1e-3)
    assert alpha.cost_gap == pytest.approx(75 - 70)
    assert alpha.describe("k€") == "needs 31.7 more benefit or 5 k€ less cost"


def test_value_for_money_refuses_a_level_scale_or_an_unknown_criterion():
    with pytest.raises(TradeoffError, match=r"Risk is a level scale .* a cost needs a numeric"):
        value_for_money(small_matrix(), None, "risk")
    with pytest.raises(TradeoffError, match=r"no criterion named 'Colour' \(criteria: Price"):
        value_for_money(small_matrix(), None, "Colour")


def exhaustive(c, b, budget, include=(), exclude=(), groups=()):
    """The best benefit over every subset (2^n of them), in numpy."""
    n = len(c)
    bits = ((np.arange(2 ** n)[:, None] >> np.arange(n)) & 1).astype(bool)
    ok = bits.astype(float) @ c <= budget + 1e-9
    for i in include:
        ok &= bits[:, i]
    for i in exclude:
        ok &= ~bits[:, i]
    for g in groups:
        ok &= bits[:, list(g.members)].sum(axis=1) <= g.limit
    if not ok.any():
        return None
    return float((bits[ok].astype(float) @ b).max())


@pytest.mark.parametrize("seed", range(10))
def test_portfolio_matches_exhaustive_search(seed):
    rng = np.random.default_rng(seed)
    n = 18 if seed < 4 else int(rng.integers(1, 14))
    c = rng.integers(1, 50, n).astype(float)
    b = np.round(rng.random(n) * 100, 1)
    budget = float(rng.uniform(0.2, 0.7) * c.sum())
    include = {int(rng.integers(n))} if seed % 3 == 1 else set()
    exclude = {int(i) for i in rng.choice(n, size=min(2, n - 1), replace=False)} - include \
        if seed % 2 else set()
    groups = [GroupLimit(tuple(range(0, n, 2)), max(1, n // 4))] if seed % 4 == 2 else []
    want = exhaustive(c, b, budget, include, exclude, groups)
    p = best_portfolio(c, b, budget, include=include, exclude=exclude, groups=groups)
    assert p.total_benefit == pytest.approx(want, abs=1e-6)
    assert p.total_cost == pytest.approx(c[list(p.selected)].sum()) and p.total_cost <= budget
    assert include <= set(p.selected) and not exclude & set(p.selected)
    for g in groups:
        assert len(set(g.members) & set(p.selected)) <= g.limit


def test_equal_benefit_prefers_the_cheaper_portfolio():
    c, b = np.array([10.0, 6.0, 4.0]), np.array([50.0, 25.0, 25.0])
    p = best_portfolio(c, b, 10)  # {0} and {1, 2} both give 50 for 10; …
    assert p.total_benefit == 50
    p = best_portfolio(np.array([10.0, 5.0, 4.0]), b, 10)  # … {1, 2} now costs 9
    assert p.selected == (1, 2) and p.total_cost == 9


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"budget": -1}, "the budget must be zero or a positive number, not -1"),
    ({"budget": float("nan")}, "the budget must be zero or a positive number"),
    ({"budget": 10, "include": {0, 1}}, "the options that must be included cost 15 "
                                        "together, over the budget of 10"),
    ({"budget": 30, "include": {0}, "exclude": {0}}, "A is both included and excluded"),
    ({"budget": 30, "include": {0, 1}, "groups": [GroupLimit((0, 1, 2), 1, "roads")]},
     r"2 must-include options \(A, B\) are in a group allowing at most 1 \(roads\)"),
])
def test_infeasible_or_bad_portfolios_say_why(kwargs, message):
    c, b = np.array([10.0, 5.0, 7.0]), np.array([1.0, 2.0, 3.0])
    budget = kwargs.pop("budget")
    with pytest.raises(TradeoffError, match=message):
        best_portfolio(c, b, budget, names=["A", "B", "C"], **kwargs)


def test_merit_order_and_knee():
    # Ratios 10, 5, 4, 1, 0.5 (the free option first); the knee is where the ratio falls.
    c = np.array([10.0, 10.0, 0.0, 10.0, 10.0, 10.0])
    b = np.array([100.0, 50.0, 3.0, 40.0, 10.0, 5.0])
    curve = merit_order(c, b)
    assert curve.order == (2, 0, 1, 3, 4, 5)
    assert curve.cumulative_cost.tolist() == [0, 10, 20, 30, 40, 50]
    assert curve.cumulative_benefit.tolist() == [3, 103, 153, 193, 203, 208]
    # scaled: x = 0, .2, .4, .6, .8, 1; y/208 = .014, .495, .736, .928, .976, 1;
    # y − x = .014, .295, .336, .328, .176, 0: the knee is the third point (x = .4)
    assert curve.knee == 2
    assert knee_index(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 3.0])) is None  # straight


def test_budget_curve_rises_and_matches_single_solves():
    rng = np.random.default_rng(5)
    c, b = rng.integers(1, 30, 12).astype(float), rng.random(12) * 100
    curve = budget_curve(c, b, steps=7)
    assert curve.budgets[0] == 0 and curve.budgets[-1] == pytest.approx(c.sum())
    assert (np.diff(curve.benefits) >= -1e-9).all()
    assert curve.benefits[-1] == pytest.approx(b.sum())
    for budget, p in zip(curve.budgets, curve.portfolios, strict=True):
        assert p.total_benefit == pytest.approx(exhaustive(c, b, budget), abs=1e-6)


def test_portfolio_inputs_from_a_matrix():
    got = portfolio_inputs(small_matrix(), "even", "price")
    assert got.ids == ["a", "b", "c"] and got.costs.tolist() == [40, 20, 70]
    p = best_portfolio(got.costs, got.benefits, 60)  # Alpha + Beta (60 k€) beat Gamma alone
    assert [got.names[i] for i in p.selected] == ["Alpha", "Beta"]
    assert p.total_benefit == pytest.approx(95.0)


def test_the_gap_is_worded_by_what_it_takes():
    from tradeoff.core.value_for_money import VfmPoint

    def gap(b: float, c: float) -> str:
        return VfmPoint("x", "X", 10, 50, False, b, c, 5).describe("k€")

    assert gap(0, 2.5) == "needs 2.5 k€ less cost"  # as good as a cheaper option
    assert gap(4.25, 0) == "needs 4.2 more benefit"  # as dear as a better one
    assert gap(4.25, 2.5) == "needs 4.2 more benefit or 2.5 k€ less cost"
    assert VfmPoint("x", "X", 1, 1, True, 0, 0, 1).describe() == "on the frontier"
