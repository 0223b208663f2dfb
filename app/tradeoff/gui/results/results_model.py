"""The ranking table's item model: rank, option, total and margin, best first."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tradeoff.core.printed_numbers import decimals_apart, fixed_text
from tradeoff.gui.common.roles import ALIGN, DISPLAY, TOOLTIP, USER

SORT_ROLE = USER + 1  # the unformatted number
HEADERS = ["Rank", "Option", "Total", "Margin", "Could it win?"]
STANDING_TIP = ("Whether any weights at all could put the option first (exact, by linear "
                "programming), and whether another option beats it on every criterion")
TOTAL_TIP = "Weighted sum of values, 0 (worst on everything) … 1 (best)"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


def ranking_order(totals: np.ndarray, higher_is_better: bool = True) -> list[int]:
    """Row indices best first; options without a total (a missing score) come last.

    ``higher_is_better`` is False for a method whose lowest score wins (VIKOR's Q).
    """
    return ranking_rows(totals, higher_is_better).tolist()


def ranking_rows(totals: np.ndarray, higher_is_better: bool = True) -> np.ndarray:
    """:func:`ranking_order` as an array."""
    totals = np.asarray(totals, dtype=float)
    missing = np.isnan(totals)
    key = np.where(missing, 0.0, (-1.0 if higher_is_better else 1.0) * totals)
    # One stable sort (ties keep matrix order), missing totals last: at 10,000 options a
    # sort of Python tuples took a good part of a slider step.
    return np.lexsort((np.arange(len(totals)), key, missing))


class RankingModel(QAbstractTableModel):
    """A read-only view of the latest totals; updated in place when only numbers change."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.totals = np.zeros(0)
        self.ranks = np.zeros(0)
        self.margins = np.zeros(0)
        self.order: list[int] = []
        # per option, of its total and margin: options ranked apart print apart
        self.decimals = np.zeros(0, dtype=int)
        self.total_header = HEADERS[2]
        self.total_tip = TOTAL_TIP
        self.notes: dict[int, str] = {}  # option row → why it has no rank (screened out)
        self.standing: dict[int, tuple[str, str]] = {}  # option row → (text, tooltip)

    def set_score_label(self, header: str, tooltip: str) -> None:
        """Name the score column after the method's score ("Total", "Closeness", "Q"…)."""
        if (header, tooltip) != (self.total_header, self.total_tip):
            self.total_header, self.total_tip = header, tooltip
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 2, 2)

    def set_results(self, names: list[str], totals: np.ndarray, ranks: np.ndarray,
                    margins: np.ndarray, higher_is_better: bool = True) -> None:
        same_shape = len(names) == len(self.names)
        if not same_shape:
            self.beginResetModel()
        self.names, self.totals, self.ranks, self.margins = list(names), totals, ranks, margins
        rows = ranking_rows(totals, higher_is_better)
        self.order = rows.tolist()
        totals = np.asarray(totals, dtype=float)
        self.decimals = decimals_apart(totals, order=rows[~np.isnan(totals[rows])])
        if not same_shape:
            self.endResetModel()
        elif names:
            self.dataChanged.emit(self.index(0, 0), self.index(len(names) - 1, len(HEADERS) - 1))

    def set_notes(self, notes: dict[int, str]) -> None:
        self.notes = notes

    def set_standing(self, standing: dict[int, tuple[str, str]]) -> None:
        """The "Could it win?" column, by option row (computed after edits settle)."""
        self.standing = standing
        if self.order:
            self.dataChanged.emit(self.index(0, 4), self.index(len(self.order) - 1, 4))

    def clear(self) -> None:
        self.set_results([], np.zeros(0), np.zeros(0), np.zeros(0))

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in (DISPLAY, ALIGN, SORT_ROLE, TOOLTIP) or not index.isValid():
            return None
        i = self.order[index.row()]
        col = index.column()
        if role == ALIGN:
            return None if col == 1 else RIGHT
        if col == 4:
            if role == ALIGN:
                return None
            text, tip = self.standing.get(i, ("", ""))
            return (tip or None) if role == TOOLTIP else (None if role == SORT_ROLE else text)
        if role == TOOLTIP:
            if i in self.notes:
                return self.notes[i]
            if math.isnan(self.totals[i]):
                return "No total: this option is missing at least one score."
            return self.names[i] if col == 1 else None  # the whole name, when cut short
        numbers = (self.ranks[i], None, self.totals[i], self.margins[i])
        if role == SORT_ROLE:
            return None if col == 1 else float(numbers[col])
        if col == 1:
            return self.names[i]
        x = numbers[col]
        if math.isnan(x):
            return "—" if col != 3 else ""
        return f"{int(x)}" if col == 0 else fixed_text(x, self.decimals[i])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == DISPLAY:
                return self.total_header if section == 2 else HEADERS[section]
            if role == TOOLTIP:
                return ["1 = best; tied options share a rank", "", self.total_tip,
                        "Lead over the option ranked just below", STANDING_TIP][section] or None
        return None
