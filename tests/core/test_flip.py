"""Score-flip test: the flip found is the smallest, checked by brute force with the scorer."""

from __future__ import annotations

import numpy as np
import pytest

from factories import small_matrix
from robustness_factories import numeric_matrix, random_matrix
from tradeoff.core.flip import flip_table
from tradeoff.core.model import DecisionMatrix, Score
from tradeoff.core.scoring import score


def test_hand_computed_flips():
    # Weights 50/50 on 0..10: A = 0.65, B = 0.60, C = 0. The margin 0.05 is worth
    # 0.1 of value (1 point) on either criterion.
    m = numeric_matrix([[9, 4], [6, 6], [0, 0]], [1, 1])
    flips = {(f.option, f.criterion): f for f in flip_table(m, m.profile())}
    assert flips[("o0", "c0")].new_value == pytest.approx(8.0)
    assert flips[("o0", "c0")].change == pytest.approx(-1.0)
    assert flips[("o0", "c1")].new_value == pytest.approx(3.0)
    assert flips[("o1", "c0")].new_value == pytest.approx(7.0)
    assert flips[("o1", "c1")].change == pytest.approx(1.0)
    assert {f.direction for (o, _), f in flips.items() if o == "o0"} == {"worsen"}
    assert {f.new_winner for (o, _), f in flips.items() if o != "o2"} == {"o1"}
    # C would need a value of 1.3 on either criterion: beyond the best anchor.
    assert not flips[("o2", "c0")].possible and not flips[("o2", "c1")].possible
    assert "best score on the scale" in flips[("o2", "c0")].reason
    order = [f.relative for f in flip_table(m, m.profile()) if f.possible]
    assert order == sorted(order)


def _winner(matrix: DecisionMatrix) -> tuple[str, ...]:
    ranks = score(matrix).ranks
    return tuple(str(o) for o in ranks.index[ranks == 1])


def _set(matrix: DecisionMatrix, option: str, criterion: str, value: object) -> None:
    matrix.scores[(option, criterion)] = Score(value)


def _flips_at(matrix: DecisionMatrix, option: str, criterion: str, value: object,
              winner: str) -> bool:
    """True when ``value`` in that one cell makes another option strictly first."""
    old = matrix.scores[(option, criterion)]
    _set(matrix, option, criterion, value)
    try:
        return winner not in _winner(matrix)
    finally:
        matrix.scores[(option, criterion)] = old


def _check_minimal(matrix: DecisionMatrix, grid_points: int = 60) -> int:
    """Brute force every cell: scan from the score to the anchor and compare."""
    winner = _winner(matrix)[0]
    checked = 0
    for f in flip_table(matrix, matrix.profile()):
        crit = matrix.criterion(f.criterion)
        now = crit.to_number(f.current)
        anchor = crit.worst if f.direction == "worsen" else crit.best
        if crit.is_level_scale:
            levels = sorted((lv for lv in crit.levels if crit.low <= lv.position <= crit.high),
                            key=lambda lv: abs(lv.position - now))
            toward = [lv for lv in levels if (lv.position - now) * (anchor - now) > 0]
            first = next((lv.name for lv in toward
                          if _flips_at(matrix, f.option, f.criterion, lv.name, winner)), None)
            assert (first is not None) == f.possible, f
            assert first == f.new_value
            continue
        grid = np.linspace(now, anchor, grid_points + 1)[1:]
        first = next((x for x in grid if _flips_at(matrix, f.option, f.criterion, float(x),
                                                   winner)), None)
        assert (first is not None) == f.possible, f
        if first is None:
            continue
        step = abs(anchor - now) / grid_points
        assert abs(f.change) <= abs(first - now) + 1e-9 <= abs(f.change) + step + 1e-6
        # Just short of the break-even nothing changes; just beyond it the winner does.
        edge, eps = f.new_value, 1e-6 * (crit.high - crit.low)
        toward = np.sign(anchor - now)
        if abs(f.change) > eps:
            assert not _flips_at(matrix, f.option, f.criterion, edge - toward * eps, winner)
        assert _flips_at(matrix, f.option, f.criterion, edge + toward * eps, winner)
        checked += 1
    return checked


def test_flips_of_the_small_matrix_are_minimal():
    # Cost criterion (price), plain benefit (speed), level scale (risk), a value tree.
    assert _check_minimal(small_matrix()) > 0


def test_flips_through_a_piecewise_value_function_with_a_flat_stretch_are_minimal():
    m = numeric_matrix([[9, 4, 5], [6, 6, 6], [5, 5, 9]], [2, 1, 1])
    m.criteria[1].value_points = [(0, 0.0), (4, 0.5), (6, 0.5), (10, 1.0)]
    assert _check_minimal(m, grid_points=100) > 0


@pytest.mark.parametrize("seed", range(4))
def test_flips_of_random_matrices_are_minimal(seed):
    _check_minimal(random_matrix(np.random.default_rng(seed), n=3, m=3))


def test_level_flip_steps_through_levels():
    m = small_matrix()
    flips = [f for f in flip_table(m, m.profile()) if f.criterion == "risk" and f.possible]
    assert flips
    for f in flips:
        assert f.new_value in {lv.name for lv in m.criterion("risk").levels}
        assert float(f.change).is_integer()


def test_zero_weight_criterion_cannot_flip():
    m = numeric_matrix([[9, 4], [6, 6]], [1, 0])
    flips = {(f.option, f.criterion): f for f in flip_table(m, m.profile())}
    assert not flips[("o1", "c1")].possible
    assert "weighs nothing" in flips[("o1", "c1")].reason


def test_tie_for_first_flips_with_no_change():
    m = numeric_matrix([[10, 0], [0, 10]], [1, 1])
    flips = {(f.option, f.criterion): f for f in flip_table(m, m.profile())}
    assert flips[("o0", "c0")].change == pytest.approx(0.0)
    assert flips[("o1", "c0")].change == pytest.approx(0.0)


def test_description_reads_as_a_sentence():
    m = numeric_matrix([[9, 4], [6, 6], [0, 0]], [1, 1])
    text = next(f for f in flip_table(m, m.profile())
                if (f.option, f.criterion) == ("o1", "c0")).describe(m)
    assert text == "more than 1 on C0 for O1 (6 → beyond 7) would make O1 the winner"
