"""Tornado: swings of the winner's margin, by hand and re-scored cell by cell."""

from __future__ import annotations

import numpy as np
import pytest

from factories import small_matrix
from robustness_factories import numeric_matrix, random_matrix
from tradeoff.core.model import DecisionMatrix, Score
from tradeoff.core.scoring import score
from tradeoff.core.tornado import tornado


def test_hand_computed_bars_largest_swing_first():
    # Weights 50/50 on 0..10: A = 0.65 wins over B = 0.60 by 0.05.
    m = numeric_matrix([[9, 4], [6, 6], [0, 0]], [1, 1],
                       ranges={(0, 0): (7, 10), (1, 1): (5, 9), (2, 0): (0, 10)})
    t = tornado(m, m.profile())
    assert t.winner == "o0" and t.base_margin == pytest.approx(0.05)
    assert [(b.option, b.criterion) for b in t.bars] == [("o1", "c1"), ("o0", "c0"),
                                                          ("o2", "c0")]
    b_c1, a_c0, c_c0 = t.bars
    # B at 5 → 0.55, at 9 → 0.75: margins 0.10 and -0.10.
    assert (b_c1.margin_at_low, b_c1.margin_at_high) == pytest.approx((0.10, -0.10))
    # A at 7 → 0.55, at 10 → 0.70: margins -0.05 and 0.10.
    assert (a_c0.margin_at_low, a_c0.margin_at_high) == pytest.approx((-0.05, 0.10))
    assert b_c1.swing == pytest.approx(0.2) and a_c0.swing == pytest.approx(0.15)
    assert b_c1.can_flip and a_c0.can_flip
    # C at its best is still behind B: the lead does not move.
    assert c_c0.swing == pytest.approx(0.0) and not c_c0.can_flip


def _margin_by_rescoring(m: DecisionMatrix, option: str, criterion: str, value: object,
                         winner: str) -> float:
    old = m.scores[(option, criterion)]
    m.scores[(option, criterion)] = Score(value)
    try:
        totals = score(m).totals
    finally:
        m.scores[(option, criterion)] = old
    return float(totals[winner] - totals.drop(winner).max())


@pytest.mark.parametrize("seed", range(3))
def test_every_bar_matches_rescoring_the_matrix(seed):
    m = random_matrix(np.random.default_rng(seed), n=4, m=3, ranged=0.6)
    t = tornado(m, m.profile())
    assert t.bars
    for b in t.bars:
        assert b.margin_at_low == pytest.approx(
            _margin_by_rescoring(m, b.option, b.criterion, b.low, t.winner), abs=1e-12)
        assert b.margin_at_high == pytest.approx(
            _margin_by_rescoring(m, b.option, b.criterion, b.high, t.winner), abs=1e-12)
    swings = [b.swing for b in t.bars]
    assert swings == sorted(swings, reverse=True)


def test_level_ranges_and_one_sided_ranges():
    m = small_matrix()
    m.scores[("c", "risk")] = Score("low", high="high")  # low end missing: the value stands in
    t = tornado(m, m.profile())
    (bar,) = t.bars
    assert (bar.low, bar.high) == ("low", "high")
    assert bar.margin_at_low == pytest.approx(t.base_margin)
    # Gamma's risk at "high" (value 1/3) costs it 0.25 × 2/3 of its total.
    assert bar.margin_at_high == pytest.approx(0.625 - 0.25 * 2 / 3 - 0.6166666666666667)


def test_no_ranges_no_bars():
    m = small_matrix()
    assert tornado(m, m.profile()).bars == []


@pytest.mark.parametrize("seed", range(4))
def test_bars_of_many_options_match_rescoring_the_runner_up_and_the_rest(seed):
    # The margins come from the best and second best of the other options: the
    # runner-up's own bars need the second best, everyone else's the best.
    m = random_matrix(np.random.default_rng(40 + seed), n=15, m=4, ranged=0.5)
    m.scores[("o3", "c1")] = Score(None, 2, 8)  # no value: o3 is not ranked, so no bar
    totals = score(m).totals
    first, runner_up = totals.sort_values(ascending=False).index[:2]
    for option in (first, runner_up):  # a range on each (the totals stay as they are)
        v = m.scores[(option, "c2")].value
        m.scores[(option, "c2")] = Score(v, max(0.0, v - 4), min(10.0, v + 4))
    t = tornado(m, m.profile())
    assert t.winner == first
    assert {b.option for b in t.bars} >= {first, runner_up}
    assert "o3" not in {b.option for b in t.bars}
    for b in t.bars:
        assert b.margin_at_low == pytest.approx(
            _margin_by_rescoring(m, b.option, b.criterion, b.low, t.winner), abs=1e-12)
        assert b.margin_at_high == pytest.approx(
            _margin_by_rescoring(m, b.option, b.criterion, b.high, t.winner), abs=1e-12)
