"""Regression guard: some Qt for Python / Python pairings corrupt the refcount of None.

Painting item views returns None from data() thousands of times per repaint
(every role a model does not serve). With an affected pairing each of those
returns drops one reference too many from None, until the interpreter aborts
("deallocating None"). Filling a big QTableWidget and repainting a model-backed
QTableView many times makes that show up within a second, so an unsafe
pairing fails here rather than in an analyst's hands.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QTableView, QTableWidget, QTableWidgetItem

ROWS, COLUMNS = 1000, 20
REPAINTS = 200


class SparseModel(QAbstractTableModel):
    """Answers only the display role, returning None for every other one."""

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return f"{index.row()},{index.column()}"


def test_none_survives_heavy_table_painting(qtbot):
    before = sys.getrefcount(None)
    widget = QTableWidget(ROWS, COLUMNS)
    qtbot.addWidget(widget)
    for r in range(ROWS):
        for c in range(COLUMNS):
            widget.setItem(r, c, QTableWidgetItem(f"{r * c}"))
    widget.resize(900, 700)
    widget.show()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(SparseModel())
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    for i in range(REPAINTS):
        view.scrollTo(view.model().index((i * 37) % ROWS, i % COLUMNS))
        view.viewport().repaint()
        if i % 20 == 0:
            widget.viewport().repaint()
    after = sys.getrefcount(None)
    # None is immortal on 3.12+ (a huge constant count); on older versions the count
    # moves with ordinary use but never falls by thousands unless it is corrupted.
    assert after >= before - 1000, f"refcount of None fell from {before} to {after}"
    assert view.model().index(ROWS - 1, COLUMNS - 1).data() == f"{ROWS - 1},{COLUMNS - 1}"
