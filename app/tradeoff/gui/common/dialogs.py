"""Qt's dialog classes, set up by PySide6 when a dialog is first opened.

PySide6 sets up a Qt class, with every enum in it, the first time the class is
looked up: QMessageBox, QFileDialog, QInputDialog, QDialog and QDialogButtonBox
together take about 2 ms, and no dialog opens before the window is painted.
The modules the window is built from reach them through this module
(``dialogs.QMessageBox.warning(...)``), so that cost falls on the first dialog,
not on start-up. ``from tradeoff.gui.common.dialogs import QMessageBox`` would
look the class up at once: use the attribute instead.
"""

from __future__ import annotations

from typing import Any

NAMES = frozenset({"QDialog", "QDialogButtonBox", "QFileDialog", "QInputDialog", "QMessageBox"})


def __getattr__(name: str) -> Any:
    if name not in NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from PySide6 import QtWidgets

    return getattr(QtWidgets, name)
