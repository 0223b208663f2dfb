"""File › Import… and File › Export to Excel… in the main window.

The export writes the workbook for the open document under the active
profile and names the source file on its Summary. Its analysis sheets follow
what the window shows: the Methods sheet uses the cross-check's settings
(TOPSIS normalisation, VIKOR's v), and the Uncertainty sheet reports the
Robustness panel's Monte Carlo run when that run still belongs to the matrix
as it is (otherwise the export makes its own default run).

An import opens the matrix it reads as a new, unsaved, untitled document
(after the usual unsaved-changes prompt for the current one) and lists the
import's warnings, such as anchors taken from the data. The import is read
completely first: if it fails, or the user cancels the prompt, the open
document stays exactly as it was.

openpyxl is imported only when an export or import runs, never by install().
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tradeoff.gui.common.shortcuts import shortcut_list
from tradeoff.gui.excel.actions import ExcelActions
from tradeoff.version import APP_NAME

if TYPE_CHECKING:
    from tradeoff.gui.common.host import WindowHost

MAX_WARNINGS_SHOWN = 12


def install(window: WindowHost) -> ExcelActions:
    doc = window.document
    excel = ExcelActions(window, matrix=lambda: doc.matrix, source_path=lambda: doc.path,
                         profile_id=doc.active_profile_id,
                         analysis=lambda: analysis_shown(window))
    excel.setObjectName("excel_actions")
    excel.export_action.setShortcuts(shortcut_list("export_excel"))
    excel.import_action.setShortcuts(shortcut_list("import_matrix"))
    window.actions["export_excel"] = excel.export_action
    window.actions["import_matrix"] = excel.import_action
    file_menu = window.menu("File")
    file_menu.insertAction(window.file_export_separator, excel.import_action)
    file_menu.insertAction(window.file_export_separator, excel.export_action)
    excel.exported.connect(lambda path: window.show_message(f"Exported to {path}"))
    excel.imported.connect(lambda result: open_imported(window, result))
    window.closing.connect(excel.shutdown)
    return excel


def analysis_shown(window: WindowHost) -> dict[str, Any]:
    """Keyword arguments for export_workbook that make its analysis sheets match the window.

    ``method_settings`` from the cross-check panel; ``smaa_result`` and
    ``smaa_spread`` from the Robustness panel's Monte Carlo, if it was run on
    the matrix as it is now (a run made before the latest edit describes
    another matrix and is left out).
    """
    shown: dict[str, Any] = {}
    crosscheck = _dock_widget(window, "Cross-check")
    settings = getattr(crosscheck, "settings", None)
    if callable(settings):
        shown["method_settings"] = settings()
    robustness = _dock_widget(window, "Robustness")
    current = getattr(robustness, "current_monte_carlo", None)
    run = current(window.document.matrix, window.document.active_profile_id()) \
        if callable(current) else None
    if run is not None:
        shown["smaa_result"], shown["smaa_spread"] = run
    return shown


def _dock_widget(window: WindowHost, title: str) -> object | None:
    dock = window.docks.get(title)
    return dock.widget() if dock is not None else None


def open_imported(window: WindowHost, result: Any) -> bool:
    """Show an ImportResult's matrix as a new untitled document; False if the user declined."""
    if not window.files.maybe_save():
        window.show_message("Import not opened: the current matrix was kept")
        return False
    doc = window.document
    doc.load(result.matrix, None)
    doc.undo_stack.resetClean()  # imported, never saved: closing it asks first
    window.update_title()
    window.show_message(f"Imported a matrix from a {result.kind}; save it to keep it")
    if result.warnings:
        show_warnings(window, list(result.warnings))
    return True


def show_warnings(window: WindowHost, warnings: list[str]) -> QMessageBox:
    """The import's warnings in a window-modal box that does not block the event loop."""
    shown = warnings[:MAX_WARNINGS_SHOWN]
    if len(warnings) > MAX_WARNINGS_SHOWN:
        shown.append(f"… and {len(warnings) - MAX_WARNINGS_SHOWN} more")
    box = QMessageBox(QMessageBox.Icon.Information, f"{APP_NAME}: import notes",
                      "The matrix was imported. Please check:",
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("import_warnings")
    box.setInformativeText("\n".join(f"• {w}" for w in shown))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
