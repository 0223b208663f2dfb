"""The dialog that renames, describes and moves one group of the value tree
(Matrix › Rename Group, or a double-click on the group's box in the band).
A module of its own so that it, and Qt's dialog classes, load when first opened."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tradeoff.core.model import DecisionMatrix, Group
from tradeoff.gui.common.typed_text import typed_text
from tradeoff.gui.matrix.group_rules import group_path_text, name_problem, possible_parents


class GroupRenameDialog(QDialog):
    """Name, description and place of one group; refuses a name another group or
    criterion has, and offers as parents only groups that are not below it."""

    def __init__(self, matrix: DecisionMatrix, group: Group,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Rename group {group.name}")
        self.matrix, self.group = matrix, group
        self.name = QLineEdit(group.name)
        self.name.selectAll()
        self.description = QPlainTextEdit(group.description)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText("What the criteria in this group have in common")
        self.inside = QComboBox()
        self.inside.addItem("(the top level)", None)
        for g in possible_parents(matrix, group.id):
            self.inside.addItem(group_path_text(matrix, g), g)
        self.inside.setCurrentIndex(max(self.inside.findData(group.parent), 0))
        self.inside.setToolTip("Moving a group makes its weight count against its new "
                               "siblings")
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b")
        self.name.textEdited.connect(lambda _t: self.problem.clear())  # being fixed
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Description:", self.description)
        form.addRow("&Inside:", self.inside)
        form.addRow(self.problem)
        form.addRow(buttons)
        self.resize(420, 220)

    def values(self) -> tuple[str, str, str | None]:
        """Name and description as typed (trimmed where changed), and the chosen parent."""
        return (typed_text(self.name.text(), self.group.name),
                typed_text(self.description.toPlainText(), self.group.description),
                self.inside.currentData())

    def _try_accept(self) -> None:
        problem = name_problem(self.matrix, self.group, self.name.text())
        if problem:
            self.problem.setText(f"Please choose another name: {problem}.")
            self.name.setFocus()
            return
        self.accept()
