"""The Cross-check dock: the ranking under every scoring method side by side
with Kendall's τ against the additive value model, stacked with Results and
reached from Analysis › Cross-check Methods.

TOPSIS's normalisation is one choice for the whole window: picking it in the
cross-check or beside the results panel's method selector changes both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox

from tradeoff.gui.results.crosscheck_view import CrossCheckView

if TYPE_CHECKING:
    from tradeoff.gui.common.host import WindowHost

DOCK_TITLE = "Cross-check"


def install(window: WindowHost) -> CrossCheckView:
    view = CrossCheckView()
    view.setObjectName("crosscheck_view")
    window.add_dock(DOCK_TITLE, view, Qt.DockWidgetArea.BottomDockWidgetArea,
                    tabify_with="Results")
    view.follow(window.document)
    window.closing.connect(view.shutdown)
    window.results_panel.enable_methods()
    share_choice(view.normalisation_box, window.results_panel.normalisation_box)
    action = QAction("&Cross-check Methods", window)
    action.setStatusTip("The ranking under every scoring method, side by side")
    action.triggered.connect(lambda: show_crosscheck(window, view))
    window.actions["crosscheck"] = action
    menu = window.menu("Analysis")
    menu.addSeparator()
    menu.addAction(action)
    return view


def share_choice(first: QComboBox, second: QComboBox) -> None:
    """Keep two combo boxes with the same items on the same item."""
    second.setCurrentIndex(first.currentIndex())
    # setCurrentIndex to the index already shown emits nothing, so this cannot loop.
    first.currentIndexChanged.connect(second.setCurrentIndex)
    second.currentIndexChanged.connect(first.setCurrentIndex)


def show_crosscheck(window: WindowHost, view: CrossCheckView) -> None:
    window.raise_dock(DOCK_TITLE)
    view.table.setFocus()
