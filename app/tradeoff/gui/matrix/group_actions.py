"""Renaming and deleting groups of the value tree, from the Matrix menu and the group band.

The menu's actions work on the group of the current column's criterion (and
ask which one when that group sits inside others), so the keyboard reaches
every group; a right-click on a group's box in the band over the criterion
names offers the same for that group and the groups around it, and a
double-click on the box renames it. Each change is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from tradeoff.gui.common import dialogs
from tradeoff.gui.common.icons import icon
from tradeoff.gui.common.typed_text import typed_text
from tradeoff.gui.document.group_commands import (
    KEEP_PARENT,
    delete_group_command,
    deletion_question,
    rename_group_command,
)
from tradeoff.gui.matrix.group_rules import name_problem, possible_parents

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from tradeoff.gui.document import Document
    from tradeoff.gui.matrix.grid_access import GridAccess


class GroupActions:
    """The Rename Group and Delete Group actions (``self.actions``) and the band's menu."""

    def __init__(self, doc: Document, grid: GridAccess, parent: QWidget, matrix_menu: QMenu,
                 show_message: Callable[[str], None]) -> None:
        self.parent = parent
        self.doc = doc
        self.grid = grid
        self.show_message = show_message
        self.actions: dict[str, QAction] = {}
        for name, text, icon_name, slot in [
            ("rename_group", "Re&name Group…", "edit", self.rename_current_group),
            ("delete_group", "Delete Grou&p…", "remove", self.delete_current_group),
        ]:
            action = QAction(icon(icon_name), text, parent)
            action.setStatusTip("Acts on the group of the current column's criterion")
            action.triggered.connect(slot)
            self.actions[name] = action
        for menu in (matrix_menu, self.grid.context_menu):
            menu.addSeparator()
            menu.addActions(list(self.actions.values()))
        header = self.grid.horizontalHeader()
        header.group_menu_requested.connect(self.show_band_menu)
        header.group_double_clicked.connect(self.rename_group)
        self.band_menu: QMenu | None = None  # the last one shown, kept while it is open
        # Only the value tree decides what can be acted on: not every weight or score
        # change (a slider drag) needs to ask again.
        self.doc.tree_changed.connect(self.update_enabled)
        self.doc.replaced.connect(self.update_enabled)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self.update_enabled())
        self.update_enabled()

    # -- which group ---------------------------------------------------------------------
    def current_groups(self) -> list[str]:
        """Groups around the current column's criterion, innermost first."""
        cell = self.grid.current_cell()
        m = self.doc.matrix
        if cell is None or not 0 <= cell[1] < len(m.criteria):
            return []
        try:
            return list(reversed(m.group_path(m.criteria[cell[1]].id)))
        except KeyError:  # a criterion naming an unknown group has none to act on
            return []

    def empty_groups(self) -> list[str]:
        """Groups with no criterion anywhere below them: no column or band box shows them,
        so the menu offers them too."""
        m = self.doc.matrix
        used: set[str] = set()
        for c in m.criteria:
            try:
                used.update(m.group_path(c.id))
            except KeyError:
                continue
        return [g.id for g in m.groups if g.id not in used]

    def candidate_groups(self) -> list[str]:
        """What the menu's Rename and Delete can act on: the current column's groups,
        innermost first, then any empty groups."""
        around = self.current_groups()
        return around + [g for g in self.empty_groups() if g not in around]

    def update_enabled(self) -> None:
        has_group = bool(self.candidate_groups())
        for action in self.actions.values():
            action.setEnabled(has_group)

    def _choose_group(self, title: str) -> str | None:
        """The only candidate group, or the one the user picks from a list of them."""
        groups = self.candidate_groups()
        if len(groups) < 2:
            return groups[0] if groups else None
        m = self.doc.matrix
        empty = set(self.empty_groups())
        labels = []
        for g in groups:
            path = [g]
            while m.group(path[-1]).parent:
                path.append(m.group(path[-1]).parent)
            label = " › ".join(m.group(p).name for p in reversed(path))
            labels.append(label + (" (no criteria)" if g in empty else ""))
        # Two groups may share a name and a path: their ids tell them apart.
        labels = [f"{label} [{g}]" if labels.count(label) > 1 else label
                  for label, g in zip(labels, groups, strict=True)]
        chosen, ok = dialogs.QInputDialog.getItem(self.parent, title, "Which group?", labels, 0,
                                                  False)
        return groups[labels.index(chosen)] if ok and chosen in labels else None

    def rename_current_group(self) -> None:
        group_id = self._choose_group("Rename group")
        if group_id is not None:
            self.rename_group(group_id)

    def delete_current_group(self) -> None:
        group_id = self._choose_group("Delete group")
        if group_id is not None:
            self.delete_group(group_id)

    # -- the band's menu -------------------------------------------------------------------
    def band_actions(self, group_id: str) -> list[QAction | None]:
        """Rename and Delete for the group and each group around it; None is a separator."""
        m = self.doc.matrix
        out: list[QAction | None] = []
        node: str | None = group_id
        seen: set[str] = set()
        while node is not None and node not in seen:
            seen.add(node)
            name = m.group(node).name.replace("&", "&&")  # a literal '&', not a mnemonic
            if out:
                out.append(None)
            for text, slot in [(f"Rename Group “{name}”…", self.rename_group),
                               (f"Delete Group “{name}”…", self.delete_group)]:
                action = QAction(text, self.parent)
                action.triggered.connect(lambda _checked=False, g=node, s=slot: s(g))
                out.append(action)
            node = m.group(node).parent
        return out

    def build_band_menu(self, group_id: str) -> QMenu:
        menu = QMenu(self.grid)
        for action in self.band_actions(group_id):
            if action is None:
                menu.addSeparator()
            else:
                action.setParent(menu)  # goes when the menu goes
                menu.addAction(action)
        return menu

    def show_band_menu(self, group_id: str, global_pos: QPoint) -> None:
        if self.band_menu is not None:
            self.band_menu.deleteLater()
        self.band_menu = self.build_band_menu(group_id)
        self.band_menu.popup(global_pos)

    # -- carrying out --------------------------------------------------------------------
    def rename_group(self, group_id: str) -> None:
        # The dialog, and Qt's dialog classes, load when a group is first renamed.
        from tradeoff.gui.matrix.group_rename_dialog import GroupRenameDialog

        group = self.doc.matrix.group(group_id)
        dialog = GroupRenameDialog(self.doc.matrix, group, self.parent)
        accepted, (name, description, parent) = dialog.exec(), dialog.values()
        dialog.deleteLater()
        if accepted:
            self.apply_rename(group_id, name, description, parent)

    def apply_rename(self, group_id: str, name: str, description: str,
                     parent: str | None = KEEP_PARENT) -> str | None:
        """Rename, describe and (given ``parent``, None for the top level) move a group
        as one undo step; returns why not, if refused."""
        group = self.doc.matrix.group(group_id)
        name, description = typed_text(name, group.name), typed_text(description,
                                                                     group.description)
        parent = group.parent if parent == KEEP_PARENT else parent
        problem = name_problem(self.doc.matrix, group, name)
        if problem is None and parent not in (None, *possible_parents(self.doc.matrix,
                                                                       group_id)):
            problem = "a group cannot move inside itself or a group below it"
        if problem:
            self.show_message(f"The group was not changed: {problem}.")
            return problem
        if (name, description, parent) != (group.name, group.description, group.parent):
            self.doc.push(rename_group_command(self.doc, group_id, name, description,
                                               parent))
        return None

    def delete_group(self, group_id: str) -> None:
        question, details = deletion_question(self.doc.matrix, group_id)
        button = dialogs.QMessageBox.StandardButton
        box = dialogs.QMessageBox(dialogs.QMessageBox.Icon.Question, "Delete group", question,
                                  button.Yes | button.Cancel, self.parent)
        box.setInformativeText(details)
        box.setDefaultButton(button.Yes)
        box.exec()
        confirmed = box.standardButton(box.clickedButton()) == button.Yes
        box.deleteLater()
        if confirmed:
            self.doc.push(delete_group_command(self.doc, group_id))
