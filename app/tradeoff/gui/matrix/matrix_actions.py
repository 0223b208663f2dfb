"""Menu and keyboard actions that change the matrix's shape: add, remove, duplicate,
edit and reorder options and criteria. Each pushes one undo command."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from tradeoff.core.edits import (
    CRITERION_AXIS,
    OPTION_AXIS,
    copied_overrides,
    criterion_scores,
    option_scores,
)
from tradeoff.core.model import Criterion, Group, Option, make_id
from tradeoff.gui.common.icons import icon
from tradeoff.gui.common.shortcuts import shortcut_list
from tradeoff.gui.document import commands
from tradeoff.gui.document.level_rename import ReplaceCriterionRenamingLevels, renamed_levels

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from tradeoff.gui.document import Document
    from tradeoff.gui.matrix.grid_access import GridAccess


class MatrixActions:
    """Creates the actions (``self.actions[name]``) and carries them out."""

    def __init__(self, doc: Document, grid: GridAccess, parent: QWidget) -> None:
        self.parent = parent
        self.doc = doc
        self.grid = grid
        spec = [
            ("add_option", "Add &Option…", "add_option", self.add_option),
            ("duplicate_option", "D&uplicate Option", "duplicate", self.duplicate_option),
            ("edit_option", "&Edit Option…", "edit", self.edit_option),
            ("remove_option", "&Remove Option", "remove", self.remove_option),
            ("move_option_up", "Move Option &Up", "move_up", lambda: self.move_option(-1)),
            ("move_option_down", "Move Option &Down", "move_down",
             lambda: self.move_option(1)),
            ("add_criterion", "Add &Criterion…", "add_criterion", self.add_criterion),
            ("duplicate_criterion", "Duplicate Crite&rion", "duplicate",
             self.duplicate_criterion),
            ("edit_criterion", "Edit Cr&iterion…", "edit", self.edit_criterion),
            ("remove_criterion", "Remove Criteri&on", "remove", self.remove_criterion),
            ("move_criterion_left", "Move Criterion &Left", "move_left",
             lambda: self.move_criterion(-1)),
            ("move_criterion_right", "Move Criterion Ri&ght", "move_right",
             lambda: self.move_criterion(1)),
        ]
        self.actions: dict[str, QAction] = {}
        for name, text, icon_name, slot in spec:
            action = QAction(icon(icon_name), text, parent)
            action.setShortcuts(shortcut_list(name))
            action.triggered.connect(slot)
            self.actions[name] = action
        self.grid.verticalHeader().sectionDoubleClicked.connect(self._edit_option_at)
        self.grid.horizontalHeader().sectionDoubleClicked.connect(self._edit_criterion_at)
        self.doc.changed.connect(self.update_enabled)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self.update_enabled())
        self.doc.replaced.connect(self._watch_selection)
        self.update_enabled()

    def _watch_selection(self) -> None:
        self.update_enabled()

    def update_enabled(self) -> None:
        m = self.doc.matrix
        cell = self.grid.current_cell()
        row = cell[0] if cell else None
        col = cell[1] if cell else None
        a = self.actions
        for name in ("duplicate_option", "edit_option", "remove_option"):
            a[name].setEnabled(row is not None)
        for name in ("duplicate_criterion", "edit_criterion", "remove_criterion"):
            a[name].setEnabled(col is not None)
        a["move_option_up"].setEnabled(row is not None and row > 0)
        a["move_option_down"].setEnabled(row is not None and row < len(m.options) - 1)
        a["move_criterion_left"].setEnabled(col is not None and col > 0)
        a["move_criterion_right"].setEnabled(col is not None and col < len(m.criteria) - 1)

    # -- options ---------------------------------------------------------------------------
    def _current_row(self) -> int | None:
        cell = self.grid.current_cell()
        return cell[0] if cell else None

    def _current_column(self) -> int | None:
        cell = self.grid.current_cell()
        return cell[1] if cell else None

    def _free_name(self, base: str, names: set[str]) -> str:
        name, n = base, 2
        while name in names:
            name = f"{base} {n}"
            n += 1
        return name

    def add_option(self) -> None:
        # The dialogs load when first asked for: start-up does not wait for them.
        from tradeoff.gui.matrix.option_dialog import OptionDialog

        m = self.doc.matrix
        name = self._free_name(f"Option {len(m.options) + 1}", {o.name for o in m.options})
        dialog = OptionDialog(Option("new", name), "Add option", self.parent)
        if not dialog.exec():
            return
        name, description = dialog.values()
        row = self._current_row()
        index = len(m.options) if row is None else row + 1
        option = Option(make_id(name, m.all_ids()), name, description)
        self.doc.push(commands.InsertOption(self.doc, index, option))
        self.grid.select_cell(index, self._current_column() or 0)

    def duplicate_option(self) -> None:
        row = self._current_row()
        if row is None:
            return
        m = self.doc.matrix
        source = m.options[row]
        name = self._free_name(f"{source.name} (copy)", {o.name for o in m.options})
        copy = Option(make_id(name, m.all_ids()), name, source.description)
        # The copy differs from the base case wherever its source does, in every scenario.
        self.doc.push(commands.InsertOption(
            self.doc, row + 1, copy, option_scores(m, source.id),
            text=f"Duplicate option {source.name}",
            overrides=copied_overrides(m, source.id, copy.id, OPTION_AXIS)))
        self.grid.select_cell(row + 1, self._current_column() or 0)

    def _edit_option_at(self, row: int) -> None:
        self.grid.select_cell(row, self._current_column() or 0)
        self.edit_option()

    def edit_option(self) -> None:
        row = self._current_row()
        if row is None:
            return
        from tradeoff.gui.matrix.option_dialog import OptionDialog

        option = self.doc.matrix.options[row]
        dialog = OptionDialog(option, f"Edit option {option.name}", self.parent)
        if dialog.exec():
            name, description = dialog.values()
            if (name, description) != (option.name, option.description):
                self.doc.push(commands.UpdateOption(self.doc, option.id, name, description))

    def remove_option(self) -> None:
        rows = self.grid.selected_rows()
        if not rows:
            return
        m = self.doc.matrix
        ids = [m.options[r].id for r in rows]
        if len(ids) == 1:
            self.doc.push(commands.RemoveOption(self.doc, ids[0]))
        else:
            parent = commands.Macro(f"Remove {len(ids)} options")
            for oid in ids:
                commands.RemoveOption(self.doc, oid, parent=parent)
            self.doc.push(parent)

    def move_option(self, step: int) -> None:
        row, col = self._current_row(), self._current_column()
        m = self.doc.matrix
        if row is None or not 0 <= row + step < len(m.options):
            return
        self.doc.push(commands.MoveOption(self.doc, m.options[row].id, row + step))
        self.grid.select_cell(row + step, col or 0)

    # -- criteria ----------------------------------------------------------------------------
    def _run_criterion_dialog(self, criterion: Criterion, title: str
                              ) -> tuple[Criterion, Group | None] | None:
        from tradeoff.gui.matrix.criterion_dialog import CriterionDialog

        dialog = CriterionDialog(self.doc.matrix, criterion, title, self.parent)
        if not dialog.exec():
            return None
        result = dialog.result_criterion()
        if result is None:
            return None
        new_group = None
        if dialog.new_group_name:
            new_group = Group(make_id(dialog.new_group_name, self.doc.matrix.all_ids()),
                              dialog.new_group_name)
            result = replace(result, group=new_group.id)
        return result, new_group

    def add_criterion(self) -> None:
        m = self.doc.matrix
        col = self._current_column()
        name = self._free_name(f"Criterion {len(m.criteria) + 1}", {c.name for c in m.criteria})
        group = m.criteria[col].group if col is not None else None
        draft = Criterion("\x00new", name, worst=0, best=10, group=group)
        outcome = self._run_criterion_dialog(draft, "Add criterion")
        if outcome is None:
            return
        criterion, new_group = outcome
        criterion = replace(criterion, id=make_id(criterion.name, m.all_ids() | (
            {new_group.id} if new_group else set())))
        index = len(m.criteria) if col is None else col + 1
        parent = commands.Macro(f"Add criterion {criterion.name}")
        if new_group is not None:
            commands.InsertGroup(self.doc, new_group, parent=parent)
        commands.InsertCriterion(self.doc, index, criterion, parent=parent)
        self.doc.push(parent)
        self.grid.select_cell(self._current_row() or 0, index)

    def duplicate_criterion(self) -> None:
        col = self._current_column()
        if col is None:
            return
        m = self.doc.matrix
        source = m.criteria[col]
        name = self._free_name(f"{source.name} (copy)", {c.name for c in m.criteria})
        copy = replace(source, id=make_id(name, m.all_ids()), name=name,
                       levels=list(source.levels), value_points=list(source.value_points))
        weights = {p.id: p.weights.get(source.id, 1.0) for p in m.profiles}
        self.doc.push(commands.InsertCriterion(
            self.doc, col + 1, copy, criterion_scores(m, source.id), weights,
            text=f"Duplicate criterion {source.name}",
            overrides=copied_overrides(m, source.id, copy.id, CRITERION_AXIS)))
        self.grid.select_cell(self._current_row() or 0, col + 1)

    def _edit_criterion_at(self, col: int) -> None:
        self.grid.select_cell(self._current_row() or 0, col)
        self.edit_criterion()

    def edit_criterion(self) -> None:
        col = self._current_column()
        if col is None:
            return
        criterion = self.doc.matrix.criteria[col]
        outcome = self._run_criterion_dialog(criterion, f"Edit criterion {criterion.name}")
        if outcome is None:
            return
        edited, new_group = outcome
        if edited == criterion:
            return
        parent = commands.Macro(f"Edit criterion {edited.name}")
        if new_group is not None:
            commands.InsertGroup(self.doc, new_group, parent=parent)
        renames = renamed_levels(criterion, edited)
        if renames:  # the scores naming a renamed level follow it, in the same step
            ReplaceCriterionRenamingLevels(self.doc, edited, renames, parent=parent)
        else:
            commands.ReplaceCriterion(self.doc, edited, parent=parent)
        self.doc.push(parent)

    def remove_criterion(self) -> None:
        col = self._current_column()
        if col is None:
            return
        self.doc.push(commands.RemoveCriterion(self.doc, self.doc.matrix.criteria[col].id))

    def move_criterion(self, step: int) -> None:
        row, col = self._current_row(), self._current_column()
        m = self.doc.matrix
        if col is None or not 0 <= col + step < len(m.criteria):
            return
        self.doc.push(commands.MoveCriterion(self.doc, m.criteria[col].id, col + step))
        self.grid.select_cell(row or 0, col + step)
