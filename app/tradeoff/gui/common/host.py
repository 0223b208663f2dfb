"""What a feature module sees of the main window when it installs itself.

Each room's ``feature.install(host)`` adds its menus, docks and actions through
this protocol; the window implements it. Rooms therefore never import the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

if TYPE_CHECKING:
    from tradeoff.gui.document import Document


class FilesAccess(Protocol):
    def maybe_save(self) -> bool: ...


class WindowHost(Protocol):
    """The main window, as the rooms' feature modules use it."""

    document: Document
    actions: dict[str, QAction]
    docks: dict[str, QDockWidget]
    file_export_separator: QAction
    files: FilesAccess
    # The Results panel (built by the window from the results room); features in
    # that room know its type, others use only QWidget's methods.
    results_panel: Any
    # The Weights panel (its add_beside_profile puts a widget in the profile's row)
    # and the score grid (a QTableView), built by the window from their rooms.
    weights_panel: Any
    grid: Any

    @property
    def closing(self) -> SignalInstance: ...

    def menu(self, name: str) -> QMenu: ...

    def add_dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea,
                 tabify_with: str | None = None) -> QDockWidget: ...

    def raise_dock(self, title: str) -> QDockWidget: ...

    def show_message(self, text: str) -> None: ...

    def show_error(self, text: str) -> None: ...

    def update_title(self) -> None: ...
