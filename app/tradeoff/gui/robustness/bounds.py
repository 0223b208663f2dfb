"""Per-criterion weight bounds for the Monte Carlo: a small table of min % and max %.

Bounds apply to the normalised (flat) criterion weights, as in
``tradeoff analyse --weights bounds --bound NAME=LOW:HIGH``. A blank cell
leaves that end free. Bounds typed for a criterion are kept, by id, when the
matrix changes, so editing the matrix does not wipe them.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix

COLUMNS = ("Criterion", "Min %", "Max %")
VISIBLE_ROWS = 5


class BoundsTable(QTableWidget):
    """One row per criterion: its name, and the min % and max % its weight may take."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self.verticalHeader().hide()
        # Compact rows: the table shares a low dock with the other settings.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.setToolTip("Keep a criterion's normalised weight within these percentages; "
                        "leave a cell blank for no bound")
        self._ids: list[str] = []

    def set_matrix(self, matrix: DecisionMatrix | None) -> None:
        """Show one row per criterion, keeping the bounds already typed (by criterion id)."""
        typed = {cid: (self._text(r, 1), self._text(r, 2)) for r, cid in enumerate(self._ids)}
        criteria = matrix.criteria if matrix is not None else []
        self._ids = [c.id for c in criteria]
        self.setRowCount(len(criteria))
        for r, c in enumerate(criteria):
            name = QTableWidgetItem(c.name)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(r, 0, name)
            low, high = typed.get(c.id, ("", ""))
            self.setItem(r, 1, QTableWidgetItem(low))
            self.setItem(r, 2, QTableWidgetItem(high))
        # Tall enough for a few criteria at once; the settings column scrolls for more.
        shown = min(max(len(criteria), 1), VISIBLE_ROWS)
        self.setMinimumHeight(self.horizontalHeader().sizeHint().height()
                              + shown * self.verticalHeader().defaultSectionSize()
                              + 2 * self.frameWidth())

    def clear_bounds(self) -> None:
        """Forget every typed bound (another matrix was opened)."""
        for r in range(self.rowCount()):
            for column in (1, 2):
                item = self.item(r, column)
                if item is not None:
                    item.setText("")

    def set_bound(self, criterion_id: str, low: str, high: str) -> None:
        r = self._ids.index(criterion_id)
        self.item(r, 1).setText(low)
        self.item(r, 2).setText(high)

    def bounds(self) -> dict[str, tuple[float | None, float | None]]:
        """Criterion id → (lower, upper) as fractions, for the criteria with a bound."""
        out: dict[str, tuple[float | None, float | None]] = {}
        for r, cid in enumerate(self._ids):
            ends = [self._fraction(r, column) for column in (1, 2)]
            if ends[0] is not None or ends[1] is not None:
                out[cid] = (ends[0], ends[1])
        if not out:
            raise TradeoffError("type a min % or max % for at least one criterion in the "
                                "bounds table")
        return out

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def _fraction(self, row: int, column: int) -> float | None:
        text = self._text(row, column).rstrip("%").strip()
        if not text:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            number = math.nan
        if not math.isfinite(number):
            raise TradeoffError(f"{COLUMNS[column]} of {self._text(row, 0)}: "
                                f"{self._text(row, column)!r} is not a percentage") from None
        return number / 100
