"""The Value-for-money table as an item model: one row per option, best benefit per
unit of cost first, the efficient ones in bold.

Each cell's text is made when the view asks for it, so 10,000 options cost a list
of points rather than 50,000 widget items.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from tradeoff.core.number_text import cost_text
from tradeoff.core.value_for_money import ValueForMoney, VfmPoint
from tradeoff.gui.common.roles import DISPLAY, FONT, TOOLTIP

HEADERS = ["Option", "Cost", "Benefit", "Benefit per cost", "To reach the frontier"]
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
BOLD = QFont()
BOLD.setBold(True)


class VfmTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.points: list[VfmPoint] = []
        self.unit = ""

    def set_result(self, result: ValueForMoney | None) -> None:
        self.beginResetModel()
        self.points = result.by_ratio() if result is not None else []
        self.unit = result.unit if result is not None else ""
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.points)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role not in (DISPLAY, FONT, TOOLTIP):
            return None
        p = self.points[index.row()]
        if role == FONT:
            return BOLD if p.efficient else None
        text = self._text(p, index.column())
        if role == TOOLTIP:  # the widest column is cut off in a narrow dock
            return text if index.column() in (0, len(HEADERS) - 1) else None
        return text

    def _text(self, p: VfmPoint, column: int) -> str:
        if column == 0:
            return p.name
        if column == 1:
            return f"{cost_text(p.cost)} {self.unit}".strip()  # 1234567, not 1.23457e+06
        if column == 2:
            return f"{p.benefit:.1f}"
        if column == 3:
            return "—" if p.ratio is None else f"{p.ratio:.3g}"
        return p.describe(self.unit)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None
