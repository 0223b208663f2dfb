"""The option dialog: name and description of one option (a row)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from tradeoff.core.model import Option
from tradeoff.gui.common.typed_text import typed_text


class OptionDialog(QDialog):
    def __init__(self, option: Option, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.option = option
        self.name = QLineEdit(option.name)
        self.name.selectAll()
        self.description = QPlainTextEdit(option.description)
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText("What this option means in practice")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        form = QFormLayout(self)
        form.addRow("&Name:", self.name)
        form.addRow("&Description:", self.description)
        form.addRow(buttons)
        self.resize(420, 220)

    def values(self) -> tuple[str, str]:
        return (typed_text(self.name.text(), self.option.name),
                typed_text(self.description.toPlainText(), self.option.description))
