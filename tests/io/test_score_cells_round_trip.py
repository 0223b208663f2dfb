"""Every kind of score cell comes back from a file as it went in, whichever path the
reader and writer take (bare numbers into the arrays, ranges, tables, level names)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Direction,
    Level,
    Option,
    Score,
    WeightProfile,
)
from tradeoff.io.matrix_file import dumps, loads

LEVELS = [Level("low", 0), Level("mid", 1), Level("high", 2)]
CRITERIA = [Criterion("n", "Numbers", worst=-100, best=100),
            Criterion("c", "Cost", worst=100, best=-100, direction=Direction.COST),
            Criterion("l", "Levels", worst=0, best=2, levels=list(LEVELS))]
numbers = st.one_of(st.integers(-90, 90), st.floats(-90, 90, allow_nan=False))


@st.composite
def cell(draw, criterion: Criterion) -> Score | None:
    if draw(st.integers(0, 5)) == 0:
        return None
    if criterion.levels:
        names = st.sampled_from([lv.name for lv in LEVELS])
        return Score(value=draw(names), rationale=draw(st.sampled_from(["", "because\r\nso"])))
    value = draw(numbers)
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return Score(value=value)
    if kind == 1:  # a range: low ≤ value ≤ high
        return Score(value=value, low=value - draw(st.integers(0, 5)),
                     high=value + draw(st.floats(0, 5)))
    if kind == 2:
        return Score(value=value, rationale="why", source="p. 2", distribution="pert",
                     low=value - 1, high=value + 1)
    return Score(value=value, rationale=draw(st.text(max_size=8)))


@st.composite
def matrices(draw) -> DecisionMatrix:
    n = draw(st.integers(1, 8))
    m = DecisionMatrix(criteria=list(CRITERIA), options=[Option(f"o{i}", f"O{i}")
                                                          for i in range(n)],
                       profiles=[WeightProfile("w", "W", {c.id: 1.0 for c in CRITERIA})])
    for o in m.options:
        for c in CRITERIA:
            s = draw(cell(c))
            if s is not None:
                m.scores[(o.id, c.id)] = s
    return m


@settings(max_examples=150, deadline=None)
@given(matrices())
def test_cells_round_trip_exactly(m):
    back = loads(dumps(m))
    assert dict(back.scores) == dict(m.scores)
    for key, s in m.scores.items():
        assert type(back.scores[key].value) is type(s.value)
    assert dumps(back) == dumps(m)
