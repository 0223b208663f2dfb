"""All robustness views in one tabbed widget, for a dock or a tab of the main window.

Tabs: weight sensitivity (chart, stability table, change points), score
flips, Monte Carlo (SMAA-2), tornado, stakeholder comparison. Give it a
matrix and profile with :meth:`RobustnessPanel.set_matrix`, or let it follow a
gui Document with :meth:`RobustnessPanel.follow`; it recomputes shortly after
the last change rather than on every keystroke. The Monte Carlo is never
rerun on its own (it can take seconds); after an edit its results are marked
as belonging to the matrix as it was.

The views run on the GUI thread, and the weight sweeps grow with the square
of the number of options (500 options × 20 criteria take some 20 s). For a
matrix above :data:`LIVE_WORK_LIMIT` the panel therefore stops following each
edit and offers a Recompute button in the corner of its tabs instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QTabWidget, QToolButton, QWidget

from tradeoff.core.model import DecisionMatrix
from tradeoff.core.screening import without_screened  # screened options: not ranked
from tradeoff.core.smaa import SmaaResult
from tradeoff.gui.robustness.charts import LazyChart
from tradeoff.gui.robustness.flip import FlipTable
from tradeoff.gui.robustness.sensitivity import SensitivityPanel
from tradeoff.gui.robustness.smaa import SmaaPanel
from tradeoff.gui.robustness.stakeholders import StakeholderTable
from tradeoff.gui.robustness.tornado import TornadoChart

REFRESH_DELAY_MS = 250
# Option pairs × weighted nodes (criteria and groups) above which the views are not
# recomputed after every edit: about 0.2 s of weight sweeps on a 2-core machine.
LIVE_WORK_LIMIT = 30_000
# Above this the Recompute button is not offered either: the sweeps would hold the
# window for minutes (400 options × 50 criteria took 38 s here, 1,000 more than two).
WINDOW_WORK_LIMIT = 1_000_000
TOO_LARGE_TIP = ("This matrix is too large to recompute these views in the window (the weight "
                 "sweeps grow with the square of the number of options). `tradeoff analyse "
                 "FILE` works them out, with progress; the Monte Carlo tab runs here.")
RECOMPUTE_TIP = ("This matrix is too large to recompute after every edit; press to bring the "
                 "sensitivity, flips, tornado and stakeholder views up to date (may take a "
                 "while)")


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
        self._too_large = False  # the views are out of date and cannot be recomputed here
        self.recompute_button.clicked.connect(lambda: self._pull_document(force=True))
        self.recompute_button.hide()
        self.setCornerWidget(self.recompute_button, Qt.Corner.TopRightCorner)
        if matrix is not None:
            self.set_matrix(matrix, profile_id)

    def set_matrix(self, matrix: DecisionMatrix, profile_id: str | None = None) -> None:
        """Recompute every view (the Monte Carlo only takes the matrix for its next run)."""
        for view in (self.sensitivity, self.flips, self.tornado, self.stakeholders):
            view.set_matrix(matrix, profile_id)
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
        return (self.recompute_button.isEnabled() or self._too_large) \
            and not self.recompute_button.isHidden()

    def _pull_document(self, force: bool = False) -> None:
        doc = self._document
        if doc is None:
            return
        work = live_work(doc.matrix)
        large = work > LIVE_WORK_LIMIT
        self._too_large = work > WINDOW_WORK_LIMIT
        self.recompute_button.setVisible(large)
        if self._too_large or (large and not force):
            # The Monte Carlo only takes the matrix (cheap); the rest waits for the button.
            self.monte_carlo.set_matrix(without_screened(doc.view()), doc.active_profile_id())
            self.recompute_button.setEnabled(not self._too_large)
            self.recompute_button.setText("Too large to recompute here" if self._too_large
                                          else "Recompute (out of date)")
            self.recompute_button.setToolTip(TOO_LARGE_TIP if self._too_large
                                             else RECOMPUTE_TIP)
            return
        self.recompute_button.setEnabled(False)
        self.recompute_button.setText("Recompute")
        self.set_matrix(without_screened(doc.view()), doc.active_profile_id())

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
        """Stop a Monte Carlo run under way (call when the window closes)."""
        self.timer.stop()
        self.monte_carlo.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
