"""All robustness views in one tabbed widget, for a dock or a tab of the main window.

Tabs: weight sensitivity (chart, stability table, change points), score
flips, Monte Carlo (SMAA-2), tornado, stakeholder comparison. Give it a
matrix and profile with :meth:`RobustnessPanel.set_matrix`, or let it follow a
gui Document with :meth:`RobustnessPanel.follow`; it recomputes shortly after
the last change rather than on every keystroke. The Monte Carlo is never
rerun on its own (it can take seconds); after an edit its results are marked
as belonging to the matrix as it was.

The weight sweeps grow with the square of the number of options (500 options
× 20 criteria take some 20 s). For a matrix above :data:`LIVE_WORK_LIMIT` the
panel therefore stops following each edit and offers a Recompute button in the
corner of its tabs instead, which works the views out on a worker thread with a
progress bar and Cancel (:mod:`tradeoff.gui.robustness.recompute`); above
:data:`WINDOW_WORK_LIMIT` in the compact form the command line's report uses.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QTabWidget, QToolButton, QWidget

from tradeoff.core.model import DecisionMatrix
from tradeoff.core.screening import without_screened  # screened options: not ranked
from tradeoff.core.smaa import SmaaResult
from tradeoff.gui.common.background import end_thread, start_in_thread
from tradeoff.gui.common.snapshot import snapshot
from tradeoff.gui.robustness.charts import LazyChart
from tradeoff.gui.robustness.flip import FlipTable
from tradeoff.gui.robustness.recompute import STEPS, Computed, RecomputeWorker, compute_views
from tradeoff.gui.robustness.sensitivity import SensitivityPanel
from tradeoff.gui.robustness.smaa import SmaaPanel
from tradeoff.gui.robustness.stakeholders import StakeholderTable
from tradeoff.gui.robustness.tornado import TornadoChart

REFRESH_DELAY_MS = 250
# Option pairs × weighted nodes (criteria and groups) above which the views are not
# recomputed after every edit: about 0.2 s of weight sweeps on a 2-core machine.
LIVE_WORK_LIMIT = 30_000
# Above this much work the views are worked out in compact form: every crossing of
# every pair of lines would take minutes (and list more change points than anyone reads).
WINDOW_WORK_LIMIT = 1_000_000
RECOMPUTE_TIP = ("This matrix is too large to recompute after every edit; press to bring the "
                 "sensitivity, flips, tornado and stakeholder views up to date (worked out "
                 "in the background; the window stays usable)")


def live_work(matrix: DecisionMatrix) -> int:
    """The size of a recomputation: option pairs × criteria and groups (the sweeps' work)."""
    n = len(matrix.options)
    return n * (n - 1) // 2 * max(len(matrix.criteria) + len(matrix.groups), 1)


class RobustnessPanel(QTabWidget):
    """Sensitivity, flips, Monte Carlo, tornado and stakeholders for one matrix and profile."""

    def __init__(self, matrix: DecisionMatrix | None = None, profile_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Robustness analyses")
        self.sensitivity = SensitivityPanel()
        self.flips = FlipTable()
        self.monte_carlo = SmaaPanel()
        self.tornado = TornadoChart()
        self.stakeholders = StakeholderTable()
        self.addTab(self.sensitivity, "Weight sensitivity")
        self.addTab(self.flips, "Score flips")
        self.addTab(self.monte_carlo, "Monte Carlo")
        self.addTab(self.tornado, "Tornado")
        self.addTab(self.stakeholders, "Stakeholders")
        self._document: Any = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REFRESH_DELAY_MS)
        self.timer.timeout.connect(self._pull_document)
        self.recompute_button = QToolButton()
        self.recompute_button.setObjectName("recompute")
        self.recompute_button.setText("Recompute")
        self.recompute_button.setToolTip(RECOMPUTE_TIP)
        self.recompute_button.clicked.connect(self._recompute_clicked)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, STEPS)
        self.progress_bar.setFormat("%v of %m views")
        self.progress_bar.setAccessibleName("Recompute progress")
        self.progress_bar.setMaximumWidth(160)
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress_bar)
        row.addWidget(self.recompute_button)
        self.progress_bar.hide()
        self.recompute_button.hide()
        self.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self._stale = False  # a large matrix changed since its views were worked out
        self._thread: QThread | None = None
        self._worker: RecomputeWorker | None = None
        self._source: DecisionMatrix | None = None  # the copy the worker reads
        self._stale_at_start = False
        if matrix is not None:
            self.set_matrix(matrix, profile_id)

    def set_matrix(self, matrix: DecisionMatrix, profile_id: str | None = None) -> None:
        """Recompute every view (the Monte Carlo only takes the matrix for its next run)."""
        self._show(matrix, compute_views(matrix, profile_id, compact=False))
        had_result = self.monte_carlo.result is not None
        self.monte_carlo.set_matrix(matrix, profile_id)
        if had_result and not self.monte_carlo.running:
            self.monte_carlo.status.setText(
                "The matrix or weights changed since this run: press Run to update.")

    def follow(self, document: Any) -> None:
        """Track a gui Document: recompute shortly after it changes or is replaced."""
        self._document = document
        for signal in (document.changed, document.replaced, document.weights_changed):
            signal.connect(self.timer.start)
        # Bounds typed for one matrix mean nothing for another that shares criterion ids.
        document.replaced.connect(self.monte_carlo.bounds.clear_bounds)
        self._pull_document()

    @property
    def out_of_date(self) -> bool:
        """True while a large matrix has changed since the views were last computed."""
        return self._stale and not self.recompute_button.isHidden()

    @property
    def recomputing(self) -> bool:
        return self._worker is not None

    def _pull_document(self, force: bool = False) -> None:
        doc = self._document
        if doc is None:
            return
        work = live_work(doc.matrix)
        large = work > LIVE_WORK_LIMIT
        self.recompute_button.setVisible(large)
        if large and not force:
            # The Monte Carlo only takes the matrix (cheap); the rest waits for the button.
            self.monte_carlo.set_matrix(without_screened(doc.view()), doc.active_profile_id())
            self._stale = True
            if not self.recomputing:
                self.recompute_button.setText("Recompute (out of date)")
            return
        if large:
            self._start(without_screened(doc.view()), doc.active_profile_id(),
                        compact=work > WINDOW_WORK_LIMIT)
            return
        self.cancel_recompute()
        self._stale = False
        self.recompute_button.setText("Recompute")
        self.set_matrix(without_screened(doc.view()), doc.active_profile_id())

    # -- large matrices: the views worked out on a worker thread ----------------------------
    def _recompute_clicked(self) -> None:
        if self.recomputing:
            self.cancel_recompute()
        else:
            self._pull_document(force=True)

    def _start(self, matrix: DecisionMatrix, profile_id: str | None, compact: bool) -> None:
        self.cancel_recompute()
        self._source = snapshot(matrix)  # edits made meanwhile cannot reach it
        self._stale_at_start = self._stale
        self._stale = False  # an edit from now on makes it stale again
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.recompute_button.setText("Cancel")
        self.recompute_button.setToolTip("Stop working out the views; they keep what they "
                                         "showed")
        self._worker = RecomputeWorker(self._source, profile_id, compact)
        self._thread = start_in_thread(self, self._worker, self._on_progress,
                                       self._on_finished, self._on_failed, self._on_cancelled)

    def cancel_recompute(self) -> None:
        """Stop a recomputation under way before its next view; the views keep what they
        showed."""
        if self._worker is not None:
            self._worker.cancel()
            self._finish_thread()
            self._stale = self._stale or self._stale_at_start
            self.recompute_button.setText("Recompute (out of date)")

    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(done)

    def _on_finished(self, computed: Computed) -> None:
        matrix = self._source
        self._finish_thread()
        if matrix is None:
            return
        self._show(matrix, computed)
        self.recompute_button.setText("Recompute (out of date)" if self._stale
                                      else "Recompute")

    def _show(self, matrix: DecisionMatrix, computed: Computed) -> None:
        """Each view shows its figures, worked out here or on the worker thread."""
        self.sensitivity.show_sweeps(matrix, computed.sweeps, computed.compact)
        self.flips.show_table(computed.flips, computed.compact)
        self.tornado.show_result(matrix, computed.tornado)
        self.stakeholders.show_comparison(matrix, computed.profile_id, computed.comparison)

    def _on_failed(self, message: str) -> None:
        self._finish_thread()
        self._stale = True
        self.recompute_button.setText("Recompute (out of date)")
        self.sensitivity.message.setText(f"The views could not be worked out: {message}")

    def _on_cancelled(self) -> None:
        self._finish_thread()

    def _finish_thread(self) -> None:
        worker, thread = self._worker, self._thread
        self._worker = self._thread = None
        end_thread(worker, thread)
        self.progress_bar.hide()
        self.recompute_button.setToolTip(RECOMPUTE_TIP)

    def charts_on_screen(self) -> None:
        """Build the current tab's charts if they are on screen (call when the panel's
        dock tab is raised: that sends its widgets no show event)."""
        for chart in self.currentWidget().findChildren(LazyChart):
            chart.build_when_on_screen()

    def current_monte_carlo(self, matrix: DecisionMatrix, profile_id: str | None
                            ) -> tuple[SmaaResult, float | None] | None:
        """The Monte Carlo result shown and its spread, if it belongs to this matrix as it is."""
        return self.monte_carlo.result_for(matrix, profile_id)

    def shutdown(self) -> None:
        """Stop a Monte Carlo run or a recomputation under way (call when the window
        closes)."""
        self.timer.stop()
        self.cancel_recompute()
        self.monte_carlo.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
