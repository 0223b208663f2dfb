"""What the Matrix menu's actions need of the score grid.

The actions are given the grid by the window that assembles both rooms; this
protocol names the part of it they use, so the Matrix room never imports the grid.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QHeaderView, QMenu


class GridAccess(Protocol):
    context_menu: QMenu

    def current_cell(self) -> tuple[int, int] | None: ...

    def selected_rows(self) -> list[int]: ...

    def select_cell(self, row: int, column: int) -> None: ...

    def selectionModel(self) -> QItemSelectionModel: ...

    def horizontalHeader(self) -> QHeaderView: ...

    def verticalHeader(self) -> QHeaderView: ...
