"""File › Export to Excel… and File › Import…, run off the GUI thread with a progress dialog.

:class:`ExcelActions` owns the two QActions; the main window adds them to its
File menu and connects :attr:`ExcelActions.imported` to whatever opens an
imported matrix. Each export or import runs in an :class:`ExcelJob` on its own
QThread behind a window-modal :class:`QProgressDialog` with a Cancel button:
the window keeps painting, and because the dialog is window-modal the
document cannot change while the export reads it. Cancel sets a flag the
export checks between rows; a cancelled export leaves no file behind.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from tradeoff.core.errors import TradeoffError, ValidationError
from tradeoff.core.model import DecisionMatrix

Work = Callable[[Callable[[float], None], Callable[[], bool]], object]
PROGRESS_STEPS = 1000
EXPORT_FILTER = "Excel workbook (*.xlsx)"
IMPORT_FILTER = ("Workbooks and CSV files (*.xlsx *.xlsm *.csv *.tsv *.txt);;"
                 "Excel workbooks (*.xlsx *.xlsm);;CSV files (*.csv *.tsv *.txt);;All files (*)")
MAX_PROBLEMS_SHOWN = 12


def error_text(error: Exception) -> str:
    """A user-facing message: every problem of a ValidationError on its own line."""
    if isinstance(error, ValidationError) and error.problems:
        lines = str(error).splitlines()
        if len(lines) > MAX_PROBLEMS_SHOWN:
            lines = [*lines[:MAX_PROBLEMS_SHOWN], f"… and {len(lines) - MAX_PROBLEMS_SHOWN} more"]
        return "\n".join(lines)
    return str(error)


class JobCancelled(Exception):
    """Raised by a job's work when it sees the cancel flag."""


class ExcelJob(QObject):
    """One export or import; lives on a worker thread and ends with exactly one signal."""

    progress = Signal(int)  # 0 … PROGRESS_STEPS
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self._stop = threading.Event()
        self._last_step = -1

    def cancel(self) -> None:
        """Ask the job to stop at its next check (safe from any thread)."""
        self._stop.set()

    def _report(self, fraction: float) -> None:
        step = int(PROGRESS_STEPS * min(max(fraction, 0.0), 1.0))
        if step != self._last_step:  # one signal per visible step, not per row
            self._last_step = step
            self.progress.emit(step)

    @Slot()
    def run(self) -> None:
        from tradeoff.io.excel.export import ExportCancelled

        try:
            result = self.work(self._report, self._stop.is_set)
        except (ExportCancelled, JobCancelled):
            self.cancelled.emit()
        except TradeoffError as e:
            self.failed.emit(error_text(e))
        except Exception as e:  # reported to the user, never lost in the thread
            self.failed.emit(f"internal error: {type(e).__name__}: {e}")
        else:
            self.finished.emit(result)


class JobRunner(QObject):
    """Runs an :class:`ExcelJob` on a QThread behind a progress dialog with Cancel."""

    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, label: str, work: Work) -> None:
        super().__init__(parent)
        self.dialog = QProgressDialog(label, "Cancel", 0, PROGRESS_STEPS, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(400)  # quick jobs finish without a flash of a dialog
        self.thread = QThread(self)
        self.job = ExcelJob(work)
        self.job.moveToThread(self.thread)
        self.thread.started.connect(self.job.run)
        self.job.progress.connect(self.dialog.setValue)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self.dialog.canceled.connect(self.cancel)
        self.done = False

    def start(self) -> None:
        self.dialog.setValue(0)
        self.thread.start()

    @property
    def running(self) -> bool:
        return self.thread.isRunning() and not self.done

    @Slot()
    def cancel(self) -> None:
        self.job.cancel()
        self.dialog.setLabelText("Cancelling…")

    def wait(self) -> None:
        """Cancel and wait for the thread (when the window closes mid-job)."""
        self.job.cancel()
        self._stop_thread()

    def _stop_thread(self) -> None:
        self.done = True
        self.thread.quit()
        self.thread.wait()
        self.dialog.reset()
        self.dialog.hide()

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self._stop_thread()
        self.finished.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.failed.emit(message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._stop_thread()
        self.cancelled.emit()


class ExcelActions(QObject):
    """Export to Excel and Import, for one window.

    ``matrix`` returns the open document's matrix; ``source_path`` its file
    (shown on the workbook's Summary); ``profile_id`` the profile the workbook
    should open with (None: the matrix's active profile); ``analysis`` the
    analyses the window shows, as keyword arguments of
    :func:`~tradeoff.io.excel.export.export_workbook` (``smaa_result`` and
    ``smaa_spread`` for the Monte Carlo run on screen, ``method_settings`` for
    the cross-check), so the workbook's analysis sheets match what the user saw.
    """

    exported = Signal(str)  # the workbook written
    imported = Signal(object)  # an ImportResult: matrix, warnings, kind
    failed = Signal(str)

    def __init__(self, parent: QWidget, matrix: Callable[[], DecisionMatrix],
                 source_path: Callable[[], Path | None] = lambda: None,
                 profile_id: Callable[[], str | None] = lambda: None,
                 show_messages: bool = True,
                 analysis: Callable[[], dict[str, Any]] = dict) -> None:
        super().__init__(parent)
        self.window = parent
        self.matrix, self.source_path, self.profile_id = matrix, source_path, profile_id
        self.analysis = analysis
        self.show_messages = show_messages
        self.runner: JobRunner | None = None
        self.message_box: QMessageBox | None = None
        self.export_action = QAction("Export to &Excel…", self)
        self.export_action.setStatusTip("Write a workbook whose formulas still calculate")
        self.export_action.triggered.connect(self.export_dialog)
        self.import_action = QAction("&Import from Excel or CSV…", self)
        self.import_action.setStatusTip("Read a matrix from a workbook or a CSV file")
        self.import_action.triggered.connect(self.import_dialog)

    # -- export ------------------------------------------------------------------
    @Slot()
    def export_dialog(self) -> None:
        source = self.source_path()
        suggested = source.with_suffix(".xlsx") if source else Path("matrix.xlsx")
        name, _filter = QFileDialog.getSaveFileName(self.window, "Export to Excel",
                                                    str(suggested), EXPORT_FILTER)
        if name:
            path = Path(name)
            self.export_to(path if path.suffix.casefold() == ".xlsx"
                           else path.with_name(path.name + ".xlsx"))

    def export_to(self, path: Path) -> JobRunner | None:
        """Export in the background to ``path``; returns the runner (None if one is busy)."""
        from tradeoff.io.excel.export import export_workbook

        matrix, source, profile = self.matrix(), self.source_path(), self.profile_id()
        shown = self.analysis()

        def work(progress: Callable[[float], None], should_cancel: Callable[[], bool]) -> str:
            export_workbook(matrix, path, profile=profile,
                            source_name=source.name if source else None,
                            progress=progress, should_cancel=should_cancel, **shown)
            return str(path)

        return self._run("Export to Excel", f"Writing {path.name}…", work, self.exported)

    # -- import ------------------------------------------------------------------
    @Slot()
    def import_dialog(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self.window, "Import a matrix", "",
                                                    IMPORT_FILTER)
        if name:
            self.import_from(Path(name))

    def import_from(self, path: Path, sheet: str | None = None) -> JobRunner | None:
        from tradeoff.io.excel.importer import import_matrix

        def work(_progress: Callable[[float], None], should_cancel: Callable[[], bool]) -> object:
            result = import_matrix(path, sheet=sheet)
            if should_cancel():  # reading cannot stop half-way; its result is dropped instead
                raise JobCancelled
            return result

        return self._run("Import", f"Reading {path.name}…", work, self.imported)

    # -- running -----------------------------------------------------------------
    def _run(self, title: str, label: str, work: Work, done: Signal) -> JobRunner | None:
        if self.runner is not None and self.runner.running:
            return None
        runner = JobRunner(self.window, title, label, work)
        runner.finished.connect(done.emit)
        runner.failed.connect(lambda message: self._failed(title, message))
        self.runner = runner
        runner.start()
        return runner

    def _failed(self, title: str, message: str) -> None:
        self.failed.emit(message)
        if self.show_messages:
            self.message_box = QMessageBox(QMessageBox.Icon.Warning, f"{title} failed", message,
                                           QMessageBox.StandardButton.Ok, self.window)
            self.message_box.open()  # not exec(): the event loop keeps running

    def shutdown(self) -> None:
        """Cancel a job under way and wait for its thread (call when the window closes)."""
        if self.runner is not None and self.runner.running:
            self.runner.wait()
