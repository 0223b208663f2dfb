"""Renaming a level of a criterion carries the new name into every score that
names it: the base scores and each scenario's overrides, in the same undo step
as the edited criterion, so no cell is left naming a level that is gone."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from tradeoff.core.model import Criterion, DecisionMatrix, Score
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import Macro

# (scenario id or None for the base case, option id) → a score of the edited criterion
CellKey = tuple[str | None, str]


def renamed_levels(old: Criterion, new: Criterion) -> dict[str, str]:
    """Old name → new name for each level that kept its position but not its name
    (a level removed, or whose position also moved, is not a rename)."""
    old_names = {lv.name for lv in old.levels}
    new_names = {lv.name for lv in new.levels}
    renames = {}
    for lv in old.levels:
        if lv.name in new_names:
            continue
        same_place = [n.name for n in new.levels
                      if n.position == lv.position and n.name not in old_names]
        if len(same_place) == 1:
            renames[lv.name] = same_place[0]
    return renames


def renamed_score(score: Score, renames: dict[str, str]) -> Score:
    """``score`` with any renamed level in its value, low or high under its new name."""
    def new(x):
        return renames.get(x, x) if isinstance(x, str) else x
    return replace(score, value=new(score.value), low=new(score.low), high=new(score.high))


def criterion_cells(matrix: DecisionMatrix, criterion_id: str) -> dict[CellKey, Score]:
    """Every score of the criterion: base scores and every scenario's overrides."""
    cells: dict[CellKey, Score] = {
        (None, oid): matrix.scores[(oid, cid)]
        for oid, cid in matrix.scores.criterion_keys(criterion_id)}
    for scenario in matrix.scenarios:
        cells.update({(scenario.id, oid): s for (oid, cid), s in scenario.scores.items()
                      if cid == criterion_id})
    return cells


class ReplaceCriterionRenamingLevels(QUndoCommand):
    """An edited criterion swapped in with its renamed levels carried into its scores."""

    def __init__(self, doc: Document, criterion: Criterion, renames: dict[str, str],
                 parent: Macro | None = None) -> None:
        super().__init__(f"Edit criterion {criterion.name}")
        if parent is not None:
            parent.kids.append(self)
        self.doc, self.new = doc, criterion
        self.old = doc.matrix.criterion(criterion.id)
        self.before = {key: s for key, s in criterion_cells(doc.matrix, criterion.id).items()
                       if renamed_score(s, renames) != s}
        self.after = {key: renamed_score(s, renames) for key, s in self.before.items()}

    def _put(self, cells: dict[CellKey, Score], criterion: Criterion) -> None:
        # Scores first, without signals: the criterion swap below invalidates the document's
        # caches and repaints, and no one may see scores naming levels the scale lacks.
        m = self.doc.matrix
        for (scenario_id, oid), score in cells.items():
            table = m.scores if scenario_id is None else m.find_scenario(scenario_id).scores
            table[(oid, criterion.id)] = replace(score)
        self.doc.replace_criterion(criterion)
        if any(scenario_id is not None for scenario_id, _ in cells):
            self.doc.scenarios_changed.emit()

    def redo(self) -> None:
        self._put(self.after, self.new)

    def undo(self) -> None:
        self._put(self.before, self.old)
