"""The weighted product model against Triantaphyllou's example, and its refusals."""

from __future__ import annotations

import pytest
from mcda_tables import table_matrix

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods import wpm
from tradeoff.core.model import Criterion, Level, Score

TRIANTAPHYLLOU = [[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]]


def test_triantaphyllou_2000_ratios():
    """Triantaphyllou, E. (2000), *Multi-Criteria Decision Making Methods: A
    Comparative Study*, Kluwer, §2.3 (the WPM example also in Triantaphyllou &
    Mann 1989): three alternatives, four benefit criteria, weights 0.20, 0.15,
    0.40, 0.25. Published ratios R(A1/A2) = 1.007, R(A1/A3) = 1.067,
    R(A2/A3) = 1.059, so A1 > A2 > A3.
    """
    m = table_matrix(TRIANTAPHYLLOU, "bbbb", [0.20, 0.15, 0.40, 0.25])
    result = wpm(m)
    p = result.totals
    assert p["a1"] / p["a2"] == pytest.approx(1.007, abs=5e-4)
    assert p["a1"] / p["a3"] == pytest.approx(1.067, abs=5e-4)
    assert p["a2"] / p["a3"] == pytest.approx(1.059, abs=5e-4)
    assert list(result.ranking().index) == ["a1", "a2", "a3"]


def test_total_is_the_product_of_the_factors_shown():
    result = wpm(table_matrix(TRIANTAPHYLLOU, "bbcb", [0.20, 0.15, 0.40, 0.25]))
    factors = result.contributions().to_numpy()
    assert factors.prod(axis=1) == pytest.approx(result.totals.to_numpy())
    # cost criterion: r = min / x, so the cheapest (15) gets 1 and 30 gets 0.5
    assert result.values()["c3"].to_numpy() == pytest.approx([1.0, 0.75, 0.5])


def test_cost_criterion_enters_with_a_negative_exponent_in_the_ratios():
    """Two options, one benefit (x) and one cost (y) criterion, weights 0.5 each:
    P(A1)/P(A2) = (x1/x2)^0.5 · (y1/y2)^−0.5 = (4/1)^0.5 · (4/1)^−0.5 = 1: a tie."""
    result = wpm(table_matrix([[4, 4], [1, 1]], "bc", [1, 1]))
    assert result.totals["a1"] == pytest.approx(result.totals["a2"])
    assert list(result.ranks) == [1, 1]


def test_zero_or_negative_number_is_refused_naming_the_cell():
    m = table_matrix([[0, 5], [3, -2], [4, 4]], "bb", [1, 1])
    with pytest.raises(TradeoffError) as err:
        wpm(m)
    text = str(err.value)
    assert "A1 scores 0 on C1" in text and "A2 scores -2 on C2" in text


def test_level_scales_count_from_one_at_their_lowest_level():
    """low/medium/high at positions 0/1/2 enter as 1/2/3: with one level criterion
    the scores are (x / max) = 1/3, 2/3, 1 for low, medium, high."""
    m = table_matrix([[1], [2], [3]], "b", [1])
    levels = [Level("low", 0), Level("medium", 1), Level("high", 2)]
    m.criteria.append(Criterion("grade", "Grade", worst=0, best=2, levels=levels))
    m.profiles[0].weights["grade"] = 1
    for oid, level in zip(("a1", "a2", "a3"), ("low", "medium", "high"), strict=True):
        m.scores[(oid, "grade")] = Score(value=level)
    result = wpm(m)
    assert result.values()["grade"].to_numpy() == pytest.approx([1 / 3, 2 / 3, 1.0])
    assert "level scales counted from 1" in result.normalisation
