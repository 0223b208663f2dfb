"""A read-only Qt table model over a core :class:`ReportTable`, shared by the robustness views.

The robustness tables (weight stability, score flips, stakeholder ranks, rank
acceptabilities) are built once in :mod:`tradeoff.core.robustness_report`, so
the window shows exactly what the CLI prints and the workbook holds. This
model only formats: shares as percentages, numbers right-aligned, and rows
(or single cells) flagged by the view drawn with a highlight brush and bold.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from tradeoff.core.printed_numbers import share_text
from tradeoff.core.robustness_report import ReportTable
from tradeoff.gui.common.roles import ALIGN, BACKGROUND, DISPLAY, FONT, TOOLTIP, USER

SORT_ROLE = USER + 1  # the raw value, for sorting and tests
FLAGGED_ROLE = USER + 2  # True where the view highlights
_ROLES = frozenset({DISPLAY, TOOLTIP, BACKGROUND, FONT, ALIGN, SORT_ROLE, FLAGGED_ROLE})
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
HIGHLIGHT_BRUSH = QBrush(QColor(230, 120, 0, 110))  # reads on light and dark palettes
BOLD = QFont()
BOLD.setBold(True)
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


def format_cell(value: object, percent: bool) -> str:
    """A report value as text: shares as percentages, other numbers to 4 significant digits."""
    if value is None:
        return "—"
    if isinstance(value, float):
        if math.isnan(value):
            return "—"
        return share_text(value) if percent else f"{value:.4g}"
    return str(value)


class ReportTableModel(QAbstractTableModel):
    """Rows and columns of one report table; ``flagged`` cells are highlighted.

    ``flagged`` holds (row, column) pairs; a column of -1 flags the whole row.
    ``tooltip_column`` names a column whose text becomes every cell's tooltip.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.table = ReportTable("", [], [])
        self.flagged: set[tuple[int, int]] = set()
        self.tooltip_column: int | None = None

    def set_table(self, table: ReportTable, flagged: set[tuple[int, int]] | None = None,
                  tooltip_column: int | None = None) -> None:
        self.beginResetModel()
        self.table = table
        self.flagged = set(flagged or ())
        self.tooltip_column = tooltip_column
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.table.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def is_flagged(self, row: int, column: int) -> bool:
        return (row, column) in self.flagged or (row, -1) in self.flagged

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        value = self.table.rows[row][col]
        if role == DISPLAY:
            return format_cell(value, col in self.table.percent)
        if role == SORT_ROLE:
            return value
        if role == ALIGN:
            return RIGHT if isinstance(value, int | float) else LEFT
        if role == FLAGGED_ROLE:
            return self.is_flagged(row, col)
        if role in (BACKGROUND, FONT):
            if not self.is_flagged(row, col):
                return None
            return HIGHLIGHT_BRUSH if role == BACKGROUND else BOLD
        if role == TOOLTIP and self.tooltip_column is not None:
            return str(self.table.rows[row][self.tooltip_column] or "")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.table.headers):
            return self.table.headers[section]
        return None


def report_view(model: ReportTableModel, parent: QWidget | None = None,
                hidden: tuple[int, ...] = ()) -> QTableView:
    """A compact, read-only table view for a report model."""
    view = QTableView(parent)
    view.setModel(model)
    view.setTabKeyNavigation(False)  # Tab moves on to the next control; arrows move in it
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    model.modelReset.connect(lambda: _after_reset(view, hidden))
    return view


def _after_reset(view: QTableView, hidden: tuple[int, ...]) -> None:
    for col in range(view.model().columnCount()):
        view.setColumnHidden(col, col in hidden)
    view.resizeColumnsToContents()
