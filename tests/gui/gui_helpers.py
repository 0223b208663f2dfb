"""Helpers for tests that meet modal dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_modal(handle: Callable[[QWidget], None], tries: int = 50) -> None:
    """Run ``handle(dialog)`` on the next modal dialog, once it is on screen."""
    def attempt(left: int = tries) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            if left:
                QTimer.singleShot(20, lambda: attempt(left - 1))
            return
        handle(dialog)
    QTimer.singleShot(0, attempt)
