"""File › Export Brief… and the brief's first two sentences above the results.

The headline sits at the top of the Results panel and follows every weight
and score change; when the Robustness panel's Monte Carlo run belongs to the
matrix as it is, the headline adds its share of first places (read through
the Robustness dock's widget, so this room imports no other room).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from tradeoff.core.smaa import SmaaResult
from tradeoff.gui.brief.dialog import ExportBriefDialog
from tradeoff.gui.brief.headline import HeadlineLabel

if TYPE_CHECKING:
    from tradeoff.gui.common.host import WindowHost

ROBUSTNESS_DOCK = "Robustness"


def install(window: WindowHost) -> HeadlineLabel:
    doc = window.document
    label = HeadlineLabel(doc, lambda: current_run(window))
    layout = window.results_panel.layout()
    layout.insertWidget(0, label)
    robustness = _robustness(window)
    monte_carlo = getattr(robustness, "monte_carlo", None)
    if monte_carlo is not None and hasattr(monte_carlo, "result_ready"):
        monte_carlo.result_ready.connect(lambda _result: label.refresh())
    action = QAction("Export &Brief…", window)
    action.setStatusTip("Write the recommendation, its reasons and what would change it as "
                        "a PDF, HTML, Word or Markdown brief")
    action.triggered.connect(lambda: open_dialog(window))
    window.actions["export_brief"] = action
    window.menu("File").insertAction(window.file_export_separator, action)
    return label


def open_dialog(window: WindowHost) -> ExportBriefDialog:
    dialog = ExportBriefDialog(window.document, window)  # type: ignore[arg-type]
    dialog.exported.connect(lambda path: window.show_message(f"Brief written to {path}"))
    dialog.open()
    return dialog


def current_run(window: WindowHost) -> SmaaResult | None:
    """The Robustness panel's Monte Carlo result, if it belongs to the matrix as it is."""
    current = getattr(_robustness(window), "current_monte_carlo", None)
    if not callable(current):
        return None
    run = current(window.document.view(), window.document.active_profile_id())
    return None if run is None else run[0]


def _robustness(window: WindowHost) -> object | None:
    dock = window.docks.get(ROBUSTNESS_DOCK)
    return dock.widget() if dock is not None else None
