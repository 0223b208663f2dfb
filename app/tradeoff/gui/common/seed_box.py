"""A box for a Monte Carlo seed that takes any whole number from 0 up, as the command
line's ``--seed`` does.

A spin box stops at 2**31 - 1 and refuses the digit typed past it, so a seed copied
from a report of ``tradeoff analyse`` (3000000000, say) would silently become another
(300000000), and the run would not reproduce the report's numbers.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

MAX_DIGITS = 40  # far beyond any seed anyone types; numpy takes them all


class SeedBox(QLineEdit):
    """Digits only; :meth:`value` is the seed shown. Left empty, it shows the last seed
    again when the user leaves it."""

    valueChanged = Signal(object)  # the new seed (a Python int: it may pass 2**63)

    def __init__(self, value: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(str(value), parent)
        self.setValidator(QRegularExpressionValidator(
            QRegularExpression(rf"\d{{1,{MAX_DIGITS}}}"), self))
        self._value = value
        self.textChanged.connect(self._read)
        self.editingFinished.connect(lambda: self.setText(str(self._value)))

    def value(self) -> int:
        return self._value

    def setValue(self, value: int) -> None:
        self.setText(str(value))

    def _read(self, text: str) -> None:
        if not self.hasAcceptableInput():
            return  # emptied while typing: the last seed stands
        value = int(text)
        if value != self._value:
            self._value = value
            self.valueChanged.emit(value)
