"""File › Import… and File › Export to Excel… in the main window.

The export writes the workbook for the open document under the active
profile, names the source file on its Summary, and carries the Monte Carlo
result the Robustness panel shows when that result still belongs to the
matrix as it is, so the workbook's Uncertainty sheet matches what the user saw.

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

from tradeoff import APP_NAME
from tradeoff.gui.excel_actions import ExcelActions
from tradeoff.gui.shortcuts import shortcut_list

if TYPE_CHECKING:
    from tradeoff.gui.main_window import MainWindow

MAX_WARNINGS_SHOWN = 12


def install(window: MainWindow) -> ExcelActions:
    doc = window.document
    excel = ExcelActions(window, matrix=lambda: doc.matrix, source_path=lambda: doc.path,
                         profile_id=doc.active_profile_id,
                         analysis=lambda: monte_carlo_shown(window))
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


def monte_carlo_shown(window: MainWindow) -> dict[str, Any]:
    """The Robustness panel's Monte Carlo, if it was run on the matrix as it is now.

    Returns ``{"result": SmaaResult, "spread": float | None}`` or ``{}``: a run
    made before the latest edit describes another matrix and is left out.
    """
    dock = window.docks.get("Robustness")
    panel = dock.widget() if dock is not None else None
    current = getattr(panel, "current_monte_carlo", None)
    if current is None:
        return {}
    shown = current(window.document.matrix, window.document.active_profile_id())
    if shown is None:
        return {}
    result, spread = shown
    return {"result": result, "spread": spread}


def open_imported(window: MainWindow, result: Any) -> bool:
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


def show_warnings(window: MainWindow, warnings: list[str]) -> QMessageBox:
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
