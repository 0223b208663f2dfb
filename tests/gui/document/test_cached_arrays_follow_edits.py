"""The Document's kept arrays equal a fresh computation after any edits, undos and redos.

The raw and value arrays are patched per edit (tradeoff.core.value_cache), not
recomputed. A state machine drives random sequences of the app's own undo
commands — score edits (numbers, level names, ranges, clears), options and
criteria added, removed and moved, scales changed, scenario overrides — with
undo and redo in between, and after every step compares the kept arrays, the
totals and the screening with the same computations on a deep copy of the matrix.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from PySide6.QtWidgets import QApplication

from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Level,
    Option,
    Scenario,
    Score,
    WeightProfile,
)
from tradeoff.core.scenarios import scenario_view
from tradeoff.core.scoring import raw_matrix, score, value_matrix
from tradeoff.gui.document import commands as cmd
from tradeoff.gui.document.document import Document

LEVELS = [Level("low", 1), Level("medium", 2), Level("high", 3)]


def starting_matrix() -> DecisionMatrix:
    criteria = [Criterion("c0", "C0", worst=0, best=10),
                Criterion("c1", "C1", worst=100, best=0),
                Criterion("c2", "C2", worst=1, best=3, levels=list(LEVELS)),
                Criterion("c3", "C3", worst=0, best=10, value_points=[(0, 0), (5, 0.8), (10, 1)])]
    options = [Option(f"o{i}", f"O{i}") for i in range(4)]
    m = DecisionMatrix(criteria=criteria, options=options,
                       profiles=[WeightProfile("p", "P", {c.id: 1.0 + k
                                                          for k, c in enumerate(criteria)})])
    for i, o in enumerate(options):
        m.scores[(o.id, "c0")] = Score(value=i * 2)
        m.scores[(o.id, "c1")] = Score(value=float(10 * i + 5), low=float(10 * i), high=60.0)
        m.scores[(o.id, "c2")] = Score(value=LEVELS[i % 3].name, rationale=f"r{i}")
        m.scores[(o.id, "c3")] = Score(value=i + 0.5)
    m.scenarios.append(Scenario("s", "Stressed", scores={("o1", "c0"): Score(value=9)}))
    return m


numbers = st.one_of(st.integers(-5, 120), st.floats(-5, 120, allow_nan=False, width=32))
cell_values = st.one_of(numbers, st.sampled_from(["low", "medium", "high", "unknown"]))


class EditsUndosRedos(RuleBasedStateMachine):
    @initialize()
    def open_document(self):
        QApplication.instance() or QApplication([])
        self.doc = Document(starting_matrix())
        self.made = 0

    # -- edits through the app's undo commands ----------------------------------
    def _option(self, data):
        return data.draw(st.sampled_from(self.doc.matrix.options)).id

    def _criterion(self, data):
        return data.draw(st.sampled_from(self.doc.matrix.criteria)).id

    @precondition(lambda self: self.doc.matrix.options and self.doc.matrix.criteria)
    @rule(data=st.data(), value=cell_values, ranged=st.booleans())
    def set_score(self, data, value, ranged):
        s = Score(value=value, low=value if ranged else None, rationale="typed")
        self.doc.push(cmd.SetScore(self.doc, self._option(data), self._criterion(data), s))

    @precondition(lambda self: self.doc.matrix.options and self.doc.matrix.criteria)
    @rule(data=st.data())
    def clear_score(self, data):
        self.doc.push(cmd.SetScore(self.doc, self._option(data), self._criterion(data), None))

    @precondition(lambda self: self.doc.matrix.options and self.doc.matrix.criteria)
    @rule(data=st.data(), value=numbers)
    def paste_block(self, data, value):
        cells = {(self._option(data), self._criterion(data)): Score(value=value + k)
                 for k in range(3)}
        self.doc.push(cmd.set_scores(self.doc, cells, "Paste"))

    @rule(data=st.data(), value=numbers)
    def add_option(self, data, value):
        self.made += 1
        option = Option(f"n{self.made}", f"New {self.made}")
        index = data.draw(st.integers(0, len(self.doc.matrix.options)))
        scores = {c.id: Score(value=value) for c in self.doc.matrix.criteria[:2]}
        self.doc.push(cmd.InsertOption(self.doc, index, option, scores))

    @precondition(lambda self: self.doc.matrix.options)
    @rule(data=st.data())
    def remove_option(self, data):
        self.doc.push(cmd.RemoveOption(self.doc, self._option(data)))

    @precondition(lambda self: len(self.doc.matrix.options) > 1)
    @rule(data=st.data())
    def move_option(self, data):
        to = data.draw(st.integers(0, len(self.doc.matrix.options) - 1))
        self.doc.push(cmd.MoveOption(self.doc, self._option(data), to))

    @rule(data=st.data(), value=numbers)
    def add_criterion(self, data, value):
        self.made += 1
        criterion = Criterion(f"k{self.made}", f"K{self.made}", worst=0, best=50)
        index = data.draw(st.integers(0, len(self.doc.matrix.criteria)))
        scores = {o.id: Score(value=value) for o in self.doc.matrix.options[::2]}
        self.doc.push(cmd.InsertCriterion(self.doc, index, criterion, scores))

    @precondition(lambda self: len(self.doc.matrix.criteria) > 1)
    @rule(data=st.data())
    def remove_criterion(self, data):
        self.doc.push(cmd.RemoveCriterion(self.doc, self._criterion(data)))

    @precondition(lambda self: len(self.doc.matrix.criteria) > 1)
    @rule(data=st.data())
    def move_criterion(self, data):
        to = data.draw(st.integers(0, len(self.doc.matrix.criteria) - 1))
        self.doc.push(cmd.MoveCriterion(self.doc, self._criterion(data), to))

    @precondition(lambda self: self.doc.matrix.criteria)
    @rule(data=st.data(), worst=st.integers(-10, 10), span=st.integers(-60, 60),
          bent=st.booleans())
    def rescale_criterion(self, data, worst, span, bent):
        c = self.doc.matrix.criterion(self._criterion(data))
        best = worst + (span or 1)
        points = [(worst, 0.0), ((worst + best) / 2, 0.3), (best, 1.0)] if bent else []
        if c.levels:
            new = replace(c, levels=[Level(lv.name, lv.position + 1) for lv in c.levels],
                          worst=c.worst + 1, best=c.best + 1)
        else:
            new = replace(c, worst=float(worst), best=float(best), value_points=points)
        self.doc.push(cmd.ReplaceCriterion(self.doc, new))

    @rule(scenario=st.sampled_from([None, "s"]))
    def look_at(self, scenario):
        if any(s.id == "s" for s in self.doc.matrix.scenarios) or scenario is None:
            self.doc.select_scenario(scenario)

    @precondition(lambda self: self.doc.matrix.options and self.doc.matrix.criteria)
    @rule(data=st.data(), value=numbers)
    def edit_a_read_score_in_place(self, data, value):
        """An edit that bypasses the commands (as a file import does) still shows."""
        key = (self._option(data), self._criterion(data))
        if key in self.doc.matrix.scores:
            self.doc.matrix.scores[key].value = value
            self.doc._invalidate_values()

    @rule()
    def undo(self):
        self.doc.undo_stack.undo()

    @rule()
    def redo(self):
        self.doc.undo_stack.redo()

    # -- the check ---------------------------------------------------------------------
    @invariant()
    def kept_arrays_equal_a_fresh_computation(self):
        fresh = copy.deepcopy(self.doc.matrix)
        view = scenario_view(fresh, self.doc.scenario_id)
        raw, values = self.doc.raw(), self.doc.values()
        assert np.array_equal(raw, raw_matrix(view), equal_nan=True)
        assert np.array_equal(values, value_matrix(view), equal_nan=True)
        if view.options and view.criteria:
            totals = self.doc.totals()
            want = score(view).totals.to_numpy(dtype=float)
            assert np.allclose(totals.totals, want, equal_nan=True, rtol=0, atol=1e-12)


TestEditsUndosRedos = EditsUndosRedos.TestCase
TestEditsUndosRedos.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
