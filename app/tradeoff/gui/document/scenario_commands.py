"""Undo commands for scenarios: add, remove, change (name, description,
probability) and revert overridden cells to the base score. Score overrides
themselves are :class:`~tradeoff.gui.document.commands.SetScore` made while a
scenario is shown."""

from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand

from tradeoff.core.model import Scenario
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import Macro, SetScore


class InsertScenario(QUndoCommand):
    def __init__(self, doc: Document, index: int, scenario: Scenario, text: str = "",
                 parent: Macro | None = None) -> None:
        super().__init__(text or f"Add scenario {scenario.name}")
        if parent is not None:
            parent.kids.append(self)
        self.doc, self.index, self.scenario = doc, index, copy.deepcopy(scenario)

    def redo(self) -> None:
        self.doc.insert_scenario(self.index, copy.deepcopy(self.scenario))

    def undo(self) -> None:
        self.doc.remove_scenario(self.scenario.id)


class RemoveScenario(QUndoCommand):
    def __init__(self, doc: Document, scenario_id: str, text: str = "",
                 parent: Macro | None = None) -> None:
        super().__init__(text or "Delete scenario")
        if parent is not None:
            parent.kids.append(self)
        self.doc, self.scenario_id = doc, scenario_id
        self.index, self.removed = 0, None
        self.was_shown = False

    def redo(self) -> None:
        self.was_shown = self.doc.scenario_id == self.scenario_id
        self.index, self.removed = self.doc.remove_scenario(self.scenario_id)

    def undo(self) -> None:
        self.doc.insert_scenario(self.index, self.removed)
        if self.was_shown:
            self.doc.select_scenario(self.scenario_id)


class ReplaceScenario(QUndoCommand):
    """Change a scenario's name, description or probability; its overrides stay."""

    def __init__(self, doc: Document, scenario_id: str, text: str = "",
                 parent: Macro | None = None, **fields: object) -> None:
        super().__init__(text or "Change scenario")
        if parent is not None:
            parent.kids.append(self)
        self.doc, self.scenario_id, self.new = doc, scenario_id, fields
        self.old: dict[str, object] = {}

    def _apply(self, fields: dict[str, object]) -> dict[str, object]:
        live = self.doc.matrix.find_scenario(self.scenario_id)
        before = {k: getattr(live, k) for k in fields}
        changed = copy.copy(live)  # the same overrides dict: they are not part of the change
        for k, v in fields.items():
            setattr(changed, k, v)
        self.doc.replace_scenario(changed)
        return before

    def redo(self) -> None:
        self.old = self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


def set_probabilities(doc: Document, probabilities: dict[str, float | None],
                      text: str = "Set scenario probabilities") -> Macro:
    """One undo step giving every scenario its probability (None: no probabilities)."""
    macro = Macro(text)
    for s in doc.matrix.scenarios:
        if s.id in probabilities and probabilities[s.id] != s.probability:
            ReplaceScenario(doc, s.id, parent=macro, probability=probabilities[s.id])
    return macro


def revert_to_base(doc: Document, scenario_id: str, cells: list[tuple[str, str]]) -> Macro:
    """One undo step removing the scenario's overrides of ``cells``."""
    scenario = doc.matrix.find_scenario(scenario_id)
    overridden = [cell for cell in cells if cell in scenario.scores]
    macro = Macro(f"Revert {len(overridden)} cell(s) to the base case")
    for oid, cid in overridden:
        SetScore(doc, oid, cid, None, parent=macro).scenario_id = scenario_id
    return macro
