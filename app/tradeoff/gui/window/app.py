"""Start-up: the application object, the palette, the first document, crash recovery.

Only Qt, numpy and the core load before the window is painted; matplotlib
loads just after (the chart fills in a moment later), and openpyxl only when
a workbook is opened or written.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from pathlib import Path

# First of all, before PySide6 (why: see that module).
from tradeoff.gui.window import before_qt  # noqa: F401

# isort: split
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tradeoff.core.errors import TradeoffError
from tradeoff.gui.common import dialogs, settings
from tradeoff.gui.common.icons import icon
from tradeoff.gui.document import Document
from tradeoff.gui.window.autosave import default_folder, find_orphans
from tradeoff.gui.window.main_window import MainWindow
from tradeoff.gui.window.palette import apply_palette
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path, resource_path
from tradeoff.version import APP_NAME, __version__

APP_ICON = "icons/org.tradeoff.Tradeoff.svg"
# The name of resources/org.tradeoff.Tradeoff.desktop without ".desktop": Wayland
# compositors and docks match the running window to its desktop entry (and icon) by it.
DESKTOP_FILE_NAME = "org.tradeoff.Tradeoff"
# Close the window this many milliseconds after it is shown (the packaging smoke test
# starts the app with it, to see it open and quit cleanly without a user).
QUIT_AFTER_VARIABLE = "TRADEOFF_QUIT_AFTER_MS"


def create_app(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        argv if argv is not None else sys.argv[:1])
    app.setApplicationName(settings.APPLICATION)
    app.setOrganizationName(settings.organisation_name())
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
    apply_palette(settings.read(settings.DARK_PALETTE))
    # matplotlib warns when it lays out a chart whose widget has no size yet (a dock
    # not shown, or no screen at all); the layout is redone once it has one.
    warnings.filterwarnings("ignore", message="constrained_layout not applied",
                            category=UserWarning)
    return app


def app_icon() -> QIcon:
    """Tradeoff's own icon from the resources; the theme's generic one if it is missing."""
    found = QIcon(str(resource_path(APP_ICON)))
    # A file that cannot be drawn (no SVG plugin, file missing) still makes a non-null icon.
    return found if not found.pixmap(32, 32).isNull() else icon("app")


def quit_after_ms() -> int | None:
    """The delay asked for by TRADEOFF_QUIT_AFTER_MS, or None (unset or not a number ≥ 0)."""
    text = os.environ.get(QUIT_AFTER_VARIABLE, "").strip()
    try:
        delay = int(text)
    except ValueError:
        return None
    return delay if delay >= 0 else None


def initial_file(path: str | None) -> Path | None:
    """The file to show: the one asked for, else the example the first time, else the last."""
    if path:
        return Path(path)
    if not settings.read(settings.FIRST_START_DONE):
        settings.write(settings.FIRST_START_DONE, True)
        return example_path()
    last = settings.read(settings.LAST_FILE)
    if last and Path(last).is_file():
        return Path(last)
    return example_path() if example_path().is_file() else None


def create_window(path: str | None = None, autosave_folder: Path | None = None) -> MainWindow:
    """The main window on the start-up file (see :func:`initial_file`).

    The file is read before the window is built, so the panels are built once,
    for the real matrix, rather than for an empty one and then again.
    """
    target = initial_file(path)
    matrix = None
    if target is not None:
        try:
            matrix = load_matrix(target)
        except TradeoffError:
            matrix = None  # the window reports it below, through the normal Open path
    document = Document(matrix, target.resolve()) if matrix is not None else None
    window = MainWindow(document=document, autosave_folder=autosave_folder,
                        panels_after_first_paint=True)
    if matrix is not None and target is not None:
        # Written once the window is painted: each settings write is a file sync, and
        # the recent-files menu is not seen before then.
        opened = target.resolve()
        window.after_first_paint(lambda: window.files.remember(opened))
    elif target is None or not window.files.open_path(target, ask=False):
        window.files.new()
    return window


def offer_restore(window: MainWindow, folder: Path | None = None) -> bool:
    """After a crash, offer the newest autosaved copy; True if it was restored."""
    orphans = find_orphans(folder or window.autosaver.folder)
    if not orphans:
        return False
    newest = orphans[0]
    name = newest.original.name if newest.original else "an untitled matrix"
    when = time.strftime("%d %b %H:%M", time.localtime(newest.saved_at))
    answer = dialogs.QMessageBox.question(
        window, "Restore unsaved changes?",
        f"{APP_NAME} did not close normally. Restore the unsaved changes to {name} "
        f"(autosaved {when})?",
        dialogs.QMessageBox.StandardButton.Yes | dialogs.QMessageBox.StandardButton.No)
    restored = False
    if answer == dialogs.QMessageBox.StandardButton.Yes:
        try:
            matrix = load_matrix(newest.matrix_path)
        except TradeoffError as e:
            dialogs.QMessageBox.warning(window, APP_NAME,
                                        f"The autosaved copy cannot be read:\n{e}")
        else:
            window.document.load(matrix, newest.original)
            window.document.undo_stack.resetClean()  # restored work is not saved yet
            window.update_title()
            window.show_message(f"Restored unsaved changes to {name}")
            restored = True
    for orphan in orphans:
        orphan.discard()
    return restored


def run_app(path: str | None = None) -> int:
    """Open the main window (on ``path``, if given) and run until it closes."""
    app = create_app()
    window = create_window(path, default_folder())
    window.show()
    # After the first paint: the panels (queued by the window), the chart (matplotlib),
    # feature modules, crash recovery.
    window.after_first_paint(lambda: window.results_panel.show_chart())
    window.after_first_paint(window.install_features)
    window.after_first_paint(lambda: QTimer.singleShot(50, lambda: offer_restore(window)))
    delay = quit_after_ms()
    if delay is not None:
        # Queued after the chart and the features, so a quick quit still builds them all.
        window.after_first_paint(lambda: QTimer.singleShot(delay, window.close))
    return app.exec()
