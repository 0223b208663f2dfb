"""The Robustness dock (weight sensitivity, score flips, Monte Carlo, tornado,
stakeholders) stacked with Results, and Analysis menu entries that bring each
view to the front.

The panel follows the document, recomputing shortly after the last edit; the
Monte Carlo runs only when asked, on its own thread, and is stopped when the
window closes. Its charts import matplotlib the first time they are shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from tradeoff.gui.robustness.panel import RobustnessPanel

if TYPE_CHECKING:
    from tradeoff.gui.common.host import WindowHost

DOCK_TITLE = "Robustness"


def install(window: WindowHost) -> RobustnessPanel:
    panel = RobustnessPanel()
    panel.setObjectName("robustness_panel")
    dock = window.add_dock(DOCK_TITLE, panel, Qt.DockWidgetArea.BottomDockWidgetArea,
                           tabify_with="Results")
    dock.visibilityChanged.connect(lambda visible: visible and panel.charts_on_screen())
    panel.follow(window.document)
    menu = window.menu("Analysis")
    menu.addSeparator()
    for name, text, view, tip in [
        ("sensitivity", "Weight &Sensitivity", panel.sensitivity,
         "How far each weight can move before the ranking changes"),
        ("score_flips", "Score &Flips", panel.flips,
         "The smallest change to one score that would change the winner"),
        ("monte_carlo", "&Monte Carlo (SMAA-2)…", panel.monte_carlo,
         "How often each option wins when weights and scores are uncertain"),
        ("tornado", "&Tornado", panel.tornado,
         "Which score ranges move the winner's margin most"),
        ("stakeholders", "Stakeholder &Comparison", panel.stakeholders,
         "The ranking under every weight profile side by side"),
    ]:
        action = QAction(text, window)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False, v=view: show_view(window, panel, v))
        window.actions[name] = action
        menu.addAction(action)
    window.closing.connect(panel.shutdown)
    return panel


def show_view(window: WindowHost, panel: RobustnessPanel, view: QWidget) -> None:
    """Bring the Robustness dock to the front on ``view``'s tab."""
    window.raise_dock(DOCK_TITLE)
    panel.setCurrentWidget(view)
    view.setFocus()
