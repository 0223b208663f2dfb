"""Screening (must-have thresholds) and dominance on hand-made matrices.

Every expected answer below is worked out by hand from the scores in the test.
"""

from __future__ import annotations

import pytest

from factories import small_matrix
from tradeoff.core.dominance import dominance, raw_dominance
from tradeoff.core.errors import ValidationError
from tradeoff.core.model import Criterion, DecisionMatrix, Direction, Level, Option, Score
from tradeoff.core.screening import screen, screened_ids, without_screened
from tradeoff.core.validate import check_matrix
from tradeoff.io.matrix_file import dumps, loads

LEVELS = [Level("low", 0), Level("medium", 1), Level("high", 2), Level("very high", 3)]


def matrix(cells: dict[tuple[str, str], object], ranges: dict | None = None) -> DecisionMatrix:
    """Options p, q, r, s on Benefit (0–10), Cost (100 worst … 0 best) and Risk (levels, cost)."""
    m = DecisionMatrix(
        criteria=[Criterion("benefit", "Benefit", worst=0, best=10),
                  Criterion("cost", "Cost", worst=100, best=0, direction=Direction.COST),
                  Criterion("risk", "Risk", worst=3, best=0, direction=Direction.COST,
                            levels=LEVELS)],
        options=[Option(o, o.upper()) for o in sorted({k[0] for k in cells})])
    for key, v in cells.items():
        low, high = (ranges or {}).get(key, (None, None))
        m.scores[key] = Score(value=v, low=low, high=high)
    return m


def test_screening_on_numbers_cost_and_levels():
    m = small_matrix()  # Alpha 40/6/medium, Beta 20/3/high, Gamma 70/9/low
    m.criterion("speed").must_reach = 5  # Beta's 3 is below
    m.criterion("price").must_reach = 60  # cost: Gamma's 70 is above (worse)
    m.criterion("risk").must_reach = "high"  # a level: nobody is worse than high
    out = screen(m)
    assert [(s.option, s.criterion, s.score, s.threshold) for s in out] == [
        ("b", "speed", 3, 5), ("c", "price", 70, 60)]
    assert screened_ids(m) == {"b", "c"}
    assert out[0].describe(m) == "Beta scores 3 on Speed, below the required 5"
    assert out[1].describe(m) == "Gamma scores 70 k€ on Price, above the required 60 k€"
    # A score equal to the threshold passes; a stricter level screens Beta's "high".
    m.criterion("speed").must_reach = 3
    m.criterion("risk").must_reach = "medium"
    assert [(s.option, s.criterion) for s in screen(m)] == [("b", "risk"), ("c", "price")]


def test_without_screened_leaves_the_matrix_alone():
    m = small_matrix()
    m.criterion("speed").must_reach = 5
    kept = without_screened(m)
    assert [o.id for o in kept.options] == ["a", "c"]
    assert all(k[0] != "b" for k in kept.scores)
    assert [o.id for o in m.options] == ["a", "b", "c"]  # the original keeps Beta
    m.criterion("speed").must_reach = None
    assert without_screened(m) is m


def test_missing_score_is_not_screened():
    m = small_matrix()
    del m.scores[("b", "speed")]
    m.criterion("speed").must_reach = 5
    assert screened_ids(m) == set()


def test_threshold_round_trips_and_off_scale_is_refused():
    m = small_matrix()
    m.criterion("risk").must_reach = "medium"
    m.criterion("price").must_reach = 60
    back = loads(dumps(m))
    assert back.criterion("risk").must_reach == "medium"
    assert back.criterion("price").must_reach == 60
    m.criterion("speed").must_reach = 11
    assert [(p.path, p.message) for p in check_matrix(m)] == [
        ("criteria[1].must_reach", "11 is above the scale's best anchor 10")]
    text = dumps(small_matrix()).replace('name = "Risk"', 'name = "Risk"\nmust_reach = "huge"')
    with pytest.raises(ValidationError, match=r"criteria\[2\]\.must_reach: 'huge' is not a "
                                              r"level of this scale"):
        loads(text)


def test_dominance_plain_values_with_cost_and_levels():
    # P beats Q everywhere (more benefit, lower cost, lower risk): Q is dominated.
    # R equals P except a higher cost: dominated by P. S trades off: dominated by nobody.
    m = matrix({("p", "benefit"): 8, ("p", "cost"): 30, ("p", "risk"): "low",
                ("q", "benefit"): 6, ("q", "cost"): 40, ("q", "risk"): "medium",
                ("r", "benefit"): 8, ("r", "cost"): 35, ("r", "risk"): "low",
                ("s", "benefit"): 9, ("s", "cost"): 90, ("s", "risk"): "high"})
    assert dominance(m) == {"p": [], "q": ["p", "r"], "r": ["p"], "s": []}


def test_identical_options_do_not_dominate_each_other():
    cells = {("p", "benefit"): 5, ("p", "cost"): 50, ("p", "risk"): "low"}
    cells |= {("q", c): v for (_, c), v in cells.items()}
    assert dominance(matrix(cells)) == {"p": [], "q": []}


def test_dominance_with_ranges_is_for_certain_only():
    cells = {("p", "benefit"): 8, ("p", "cost"): 30, ("p", "risk"): "low",
             ("q", "benefit"): 6, ("q", "cost"): 40, ("q", "risk"): "medium"}
    # Q's benefit might reach 9, above P's 8: no longer dominated for certain …
    m = matrix(cells, {("q", "benefit"): (5, 9)})
    assert dominance(m)["q"] == []
    assert raw_dominance(m)["q"] == ["p"]  # … though its point estimate is
    # … and P's cost might rise to 45 (above Q's best case 40): uncertain again.
    m = matrix(cells, {("p", "cost"): (25, 45)})
    assert dominance(m)["q"] == []
    # Ranges that do not overlap keep the dominance certain, levels included: Q's risk
    # may be "low", but that only equals P's, and Q is surely worse on benefit and cost.
    m = matrix(cells, {("p", "cost"): (25, 38), ("q", "cost"): (39, 60),
                       ("q", "risk"): ("low", "high")})
    assert dominance(m)["q"] == ["p"]
    # If P's risk might be "medium", Q's possible "low" would beat it: not certain.
    m = matrix(cells, {("p", "cost"): (25, 38), ("q", "cost"): (39, 60),
                       ("p", "risk"): ("low", "medium"), ("q", "risk"): ("low", "high")})
    assert dominance(m)["q"] == []


def test_equal_best_and_worst_cases_need_one_strict_gap():
    # Touching ranges: Q's best case equals P's worst case on every criterion.
    cells = {("p", "benefit"): 7, ("p", "cost"): 30, ("p", "risk"): "low",
             ("q", "benefit"): 5, ("q", "cost"): 50, ("q", "risk"): "low"}
    m = matrix(cells, {("p", "benefit"): (6, 8), ("q", "benefit"): (4, 6),
                       ("p", "cost"): (20, 45), ("q", "cost"): (45, 60)})
    assert dominance(m)["q"] == []  # no criterion where P is surely strictly better
    m.scores[("p", "risk")] = Score(value="low")
    m.scores[("q", "risk")] = Score(value="medium")
    assert dominance(m)["q"] == ["p"]


def test_missing_score_takes_no_part_and_subset_restricts():
    m = matrix({("p", "benefit"): 8, ("p", "cost"): 30, ("p", "risk"): "low",
                ("q", "benefit"): 6, ("q", "cost"): 40, ("q", "risk"): "medium",
                ("r", "benefit"): 5, ("r", "cost"): 50})
    assert dominance(m) == {"p": [], "q": ["p"], "r": []}
    assert dominance(m, ["q", "r"]) == {"q": [], "r": []}
