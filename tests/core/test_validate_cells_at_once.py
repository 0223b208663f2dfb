"""Checking score cells as arrays finds exactly what checking each cell finds."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.core import validate
from tradeoff.core.model import Criterion, DecisionMatrix, Level, Option, Score

LEVELS = [Level("low", 1), Level("high", 2)]
CRITERIA = [Criterion("up", "Up", worst=0, best=10), Criterion("down", "Down", worst=5, best=-5),
            Criterion("lv", "Levels", worst=1, best=2, levels=list(LEVELS))]
numbers = st.one_of(st.integers(-20, 20), st.floats(allow_nan=True, allow_infinity=True),
                    st.floats(-12, 12), st.sampled_from(["low", "high", "odd"]), st.booleans())
maybe = st.one_of(st.none(), numbers)
cells = st.builds(Score, value=maybe, low=maybe, high=maybe,
                  distribution=st.sampled_from([None, None, "pert", "normal", "lognormal", "x"]),
                  rationale=st.sampled_from(["", "r"]))
keys = st.tuples(st.sampled_from(["a", "b", "c", "ghost"]),
                 st.sampled_from(["up", "down", "lv", "nowhere"]))


def one_by_one(m: DecisionMatrix, allow_missing: bool) -> list:
    """The rules applied to every cell, as the checker did before it used arrays."""
    crits, opts = {c.id: c for c in m.criteria}, {o.id for o in m.options}
    found = []
    for (oid, cid), s in m.scores.items():
        found += validate._check_cell(crits, opts, oid, cid, s, "scores")
    if not allow_missing:
        for o in m.options:
            for c in m.criteria:
                s = m.scores.get((o.id, c.id))
                if s is None or s.value is None:
                    found.append(validate.Problem(f"scores.{o.id}.{c.id}", "missing score"))
    return found


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, cells, max_size=14), st.booleans())
def test_array_check_equals_the_cell_by_cell_check(scores, allow_missing):
    m = DecisionMatrix(criteria=list(CRITERIA),
                       options=[Option(x, x.upper()) for x in ("a", "b", "c")], scores=scores)
    assert validate._check_scores(m, allow_missing) == one_by_one(m, allow_missing)


def test_a_plain_number_off_the_scale_is_still_found():
    m = DecisionMatrix(criteria=list(CRITERIA), options=[Option("a", "A")],
                       scores={("a", "up"): Score(value=11), ("a", "down"): Score(value=math.inf)})
    paths = [p.path for p in validate._check_scores(m, allow_missing=True)]
    assert paths == ["scores.a.up", "scores.a.down"]
