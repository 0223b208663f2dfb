"""The Document's scenario state and edits: which scenario is shown, and the
add / remove / rename / probability changes the Scenarios dialog makes (each
called by an undo command in :mod:`tradeoff.gui.document.scenario_commands`).

A plain mixin of :class:`~tradeoff.gui.document.document.Document`; it uses
the document's matrix, caches and signals.
"""

from __future__ import annotations

from typing import Any

from tradeoff.core import edits
from tradeoff.core.edits import ScenarioCells
from tradeoff.core.model import Scenario


class ScenarioEdits:
    """Scenario methods of the Document (see the module docstring)."""

    matrix: Any
    scenario_id: str | None
    cells_changed: Any
    weights_changed: Any
    changed: Any
    scenarios_changed: Any
    scenario_selected: Any

    def _invalidate_values(self) -> None: ...  # provided by the Document

    def take_overrides(self, item_id: str, axis: int) -> ScenarioCells:
        """Take out every scenario's overrides of an option (``OPTION_AXIS``) or a
        criterion (``CRITERION_AXIS``) about to be removed. The removing undo command
        keeps them and gives them back on its undo only, so a later item that happens
        to get the same id starts with none."""
        taken = edits.take_overrides(self.matrix, item_id, axis)
        if taken:
            self._invalidate_values()
            self.scenarios_changed.emit()
        return taken

    def _drop_overrides(self, item_id: str, axis: int) -> None:
        """Overrides of an item just removed have no cell: drop them, so the file stays
        valid (an undo that wants them took them first)."""
        if edits.take_overrides(self.matrix, item_id, axis):
            self.scenarios_changed.emit()

    def _put_overrides(self, overrides: ScenarioCells | None) -> None:
        if overrides:
            edits.put_overrides(self.matrix, overrides)
            self.scenarios_changed.emit()

    def scenario(self) -> Scenario | None:
        """The selected scenario, or None for the base case."""
        for s in self.matrix.scenarios:
            if s.id == self.scenario_id:
                return s
        return None

    def is_overridden(self, row: int, col: int) -> bool:
        scenario = self.scenario()
        return scenario is not None and (
            self.matrix.options[row].id, self.matrix.criteria[col].id) in scenario.scores

    def select_scenario(self, scenario_id: str | None) -> None:
        """Show the matrix as it stands in another scenario (None: the base case)."""
        if scenario_id == self.scenario_id:
            return
        self.scenario_id = scenario_id
        self._refresh_view()
        self.scenario_selected.emit()

    def _refresh_view(self) -> None:
        self._invalidate_values()
        rows, cols = len(self.matrix.options), len(self.matrix.criteria)
        if rows and cols:
            self.cells_changed.emit(0, 0, rows - 1, cols - 1)
        self.weights_changed.emit()
        self.changed.emit()

    def insert_scenario(self, index: int, scenario: Scenario) -> None:
        self.matrix.scenarios.insert(index, scenario)
        self.scenarios_changed.emit()

    def remove_scenario(self, scenario_id: str) -> tuple[int, Scenario]:
        index = [s.id for s in self.matrix.scenarios].index(scenario_id)
        removed = self.matrix.scenarios.pop(index)
        if scenario_id == self.scenario_id:
            self.scenario_id = None
            self._refresh_view()
            self.scenario_selected.emit()
        self.scenarios_changed.emit()
        return index, removed

    def replace_scenario(self, scenario: Scenario) -> Scenario:
        """Put ``scenario`` in place of the one with its id (name, description, probability)."""
        index = [s.id for s in self.matrix.scenarios].index(scenario.id)
        old = self.matrix.scenarios[index]
        self.matrix.scenarios[index] = scenario
        if scenario.id == self.scenario_id:
            self._refresh_view()
        self.scenarios_changed.emit()
        return old

