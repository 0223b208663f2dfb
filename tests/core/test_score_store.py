"""The column-wise score store behaves as the dict of Score objects it replaces."""

from __future__ import annotations

import copy
import math
import pickle

import numpy as np
import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tradeoff.core.model import DecisionMatrix, Score
from tradeoff.core.score_store import JOURNAL_LIMIT, ScoreStore


def test_every_kind_of_value_comes_back_as_the_object_written():
    store = ScoreStore()
    cells = {
        ("a", "x"): Score(value=7),
        ("a", "y"): Score(value=7.0, low=6, high=8.5, distribution="pert"),
        ("b", "x"): Score(value="high", low="medium", rationale="why", source="p. 3"),
        ("b", "y"): Score(value=np.float64(2.5)),
        ("c", "x"): Score(value=True),
        ("c", "y"): Score(value=2 ** 60),  # beyond a float's exact integers
        ("d", "x"): Score(),
    }
    for key, s in cells.items():
        store[key] = copy.copy(s)
    for key, s in cells.items():
        got = store[key]
        assert got == s
        assert type(got.value) is type(s.value)
        assert type(got.low) is type(s.low)
    assert len(store) == len(cells)
    assert dict(store) == cells


def test_a_field_set_on_a_read_score_is_written_through():
    m = DecisionMatrix(scores={("a", "x"): Score(value=1)})
    cell = m.scores[("a", "x")]
    cell.value = 5
    cell.rationale = "new reason"
    cell = None  # nothing held but the arrays
    assert m.scores[("a", "x")] == Score(value=5, rationale="new reason")
    assert m.scores.numbers(["a"], ["x"])[0][0, 0] == 5


def test_a_score_put_in_is_bound_as_a_dict_would_share_it():
    store = ScoreStore()
    s = Score(value=1)
    store[("a", "x")] = s
    s.value = 2
    assert store[("a", "x")].value == 2


def test_a_replaced_or_removed_score_no_longer_writes_to_the_cell():
    store = ScoreStore({("a", "x"): Score(value=1)})
    old = store[("a", "x")]
    store[("a", "x")] = Score(value=2)
    old.value = 99
    assert store[("a", "x")].value == 2
    popped = store.pop(("a", "x"))
    assert popped == Score(value=2)
    popped.value = 50
    assert ("a", "x") not in store
    assert math.isnan(store.numbers(["a"], ["x"])[0][0, 0])


def test_a_score_bound_elsewhere_is_copied_not_moved():
    first, second = ScoreStore(), ScoreStore()
    s = Score(value=1)
    first[("a", "x")] = s
    second[("a", "x")] = s
    s.value = 3
    assert first[("a", "x")].value == 3
    assert second[("a", "x")].value == 1


def test_copies_are_independent_of_the_original():
    store = ScoreStore({("a", "x"): Score(value=1, rationale="r")})
    for other in (store.copy(), copy.deepcopy(store), pickle.loads(pickle.dumps(store))):
        other[("a", "x")].value = 2
        other[("b", "y")] = Score(value=3)
        assert store[("a", "x")] == Score(value=1, rationale="r")
        assert ("b", "y") not in store
        assert other[("a", "x")].value == 2
    copied = copy.deepcopy(store[("a", "x")])
    copied.value = 9
    assert store[("a", "x")].value == 1


def test_numbers_in_any_order_with_unknown_ids_and_level_names():
    store = ScoreStore({("a", "x"): Score(value=1), ("b", "x"): Score(value="high"),
                        ("b", "y"): Score(value=2.5)})
    numbers, others = store.numbers(["b", "zz", "a"], ["y", "x", "nope"])
    assert np.array_equal(numbers, [[2.5, np.nan, np.nan], [np.nan] * 3,
                                    [np.nan, 1.0, np.nan]], equal_nan=True)
    assert others == [(0, 1, "high")]


def test_value_only_marks_the_cells_a_file_writes_in_shorthand():
    store = ScoreStore({("a", "x"): Score(value=1), ("a", "y"): Score(value=1, rationale="r"),
                        ("b", "x"): Score(value=1, low=0), ("b", "y"): Score(rationale="r")})
    assert store.value_only(["a", "b"], ["x", "y"]).tolist() == [[True, False], [False, False]]


def test_without_options_drops_their_cells_only():
    store = ScoreStore({("a", "x"): Score(value="high", rationale="r"),
                        ("b", "x"): Score(value=2)})
    kept = store.without_options(["a"])
    assert dict(kept) == {("b", "x"): Score(value=2)}
    assert len(store) == 2


def test_the_journal_names_written_cells_until_it_overflows():
    store = ScoreStore({("a", "x"): Score(value=1)})
    v = store.version
    store[("a", "y")] = Score(value=2)
    store[("a", "x")].value = 3
    assert store.changed_since(v) == [("a", "y"), ("a", "x")]
    for k in range(JOURNAL_LIMIT + 1):
        store.put_value(f"o{k}", "x", k)
    assert store.changed_since(v) is None
    assert store.changed_since(store.version) == []


def test_a_cell_holds_only_scores():
    with pytest.raises(TypeError, match="holds a Score"):
        ScoreStore()[("a", "x")] = 3  # type: ignore[assignment]


values = st.one_of(st.none(), st.integers(-10, 10), st.floats(-5, 5, allow_nan=False),
                   st.sampled_from(["low", "high"]))
scores = st.builds(Score, value=values, low=values, high=values,
                   rationale=st.sampled_from(["", "why"]), source=st.sampled_from(["", "s"]),
                   distribution=st.sampled_from([None, "pert"]))
keys = st.tuples(st.sampled_from(["a", "b", "c", "d"]), st.sampled_from(["x", "y", "z"]))


class StoreAgainstDict(RuleBasedStateMachine):
    """Any sequence of writes, field edits and deletes leaves the store equal to a dict."""

    def __init__(self) -> None:
        super().__init__()
        self.store, self.model = ScoreStore(), {}

    @rule(key=keys, score=scores)
    def put(self, key, score):
        self.store[key] = copy.copy(score)
        self.model[key] = copy.copy(score)

    @rule(key=keys, field=st.sampled_from(["value", "low", "rationale", "distribution"]),
          value=values)
    def edit_field(self, key, field, value):
        if key not in self.model:
            return
        if field == "rationale":
            value = "" if value is None else str(value)
        if field == "distribution":
            value = None if value is None else "normal"
        setattr(self.store[key], field, value)
        setattr(self.model[key], field, value)

    @rule(key=keys)
    def delete(self, key):
        assert (key in self.store) == (key in self.model)
        if key in self.model:
            del self.store[key]
            del self.model[key]

    @rule()
    def copy_back(self):
        self.store = copy.deepcopy(self.store)

    @invariant()
    def same_as_the_dict(self):
        assert len(self.store) == len(self.model)
        assert dict(self.store) == self.model
        rows, cols = ["a", "b", "c", "d"], ["x", "y", "z"]
        values = self.store.value_rows(rows, cols)
        assert values == [[self.model.get((o, c), Score()).value for c in cols] for o in rows]
        assert [type(v) for row in values for v in row] == \
            [type(self.model.get((o, c), Score()).value) for o in rows for c in cols]
        assert self.store.count_values(rows, cols) == sum(
            s.value is not None for s in self.model.values())
        detailed = {k for k, s in self.model.items()
                    if s.has_range or s.rationale or s.source or s.distribution is not None}
        assert set(self.store.detailed_keys()) == detailed
        for o in rows:
            assert self.store.option_keys(o) == [k for k in self.store if k[0] == o]
        for c in cols:
            assert self.store.criterion_keys(c) == [k for k in self.store if k[1] == c]
        numbers, _ = self.store.numbers(rows, cols)
        for i, o in enumerate(rows):
            for j, c in enumerate(cols):
                v = self.model.get((o, c), Score()).value
                want = float(v) if type(v) in (int, float) else math.nan
                assert numbers[i, j] == want or (math.isnan(want) and math.isnan(numbers[i, j]))


TestStoreAgainstDict = StoreAgainstDict.TestCase
TestStoreAgainstDict.settings = settings(max_examples=60, stateful_step_count=30, deadline=None)
