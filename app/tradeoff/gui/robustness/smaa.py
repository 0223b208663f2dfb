"""The Monte Carlo (SMAA-2) panel: settings, Run / Cancel with progress, and the results.

The simulation runs in a :class:`SmaaWorker` on its own QThread so the window
stays responsive; the worker reports ``progress(done, total)`` after each
chunk of draws and ends with exactly one of ``finished(result)``,
``failed(message)`` or ``cancelled()``. Cancel sets a flag the simulation
checks between chunks. The worker computes on a copy of the matrix taken when
Run is pressed, so edits made meanwhile cannot race with it; the result says
which settings produced it.
"""

from __future__ import annotations

import copy
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QThread, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.robustness_report import acceptability_table
from tradeoff.core.smaa import SmaaCancelled, SmaaResult, SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import spec_for_matrix, weights_within
from tradeoff.gui.common.background import BackgroundJob, start_in_thread
from tradeoff.gui.common.chart_palette import rank_colours
from tradeoff.gui.common.seed_box import SeedBox
from tradeoff.gui.robustness.bounds import BoundsTable
from tradeoff.gui.robustness.charts import LazyChart, percent_axis, shorten
from tradeoff.gui.robustness.models import ReportTableModel, report_view

WEIGHT_MODES = [
    ("profile", "Around the profile (± spread)"),
    ("uniform", "Anywhere: no preference information"),
    ("profiles", "One of the stakeholder profiles (± spread)"),
    ("ranking", "Any weights ranking the criteria as the profile does"),
    ("bounds", "Within bounds per criterion (table below)"),
]
PROGRESS_STEPS = 1000


class SmaaWorker(BackgroundJob):
    """Runs one simulation; lives on a worker thread."""

    stopped_by = (SmaaCancelled,)

    def __init__(self, matrix: DecisionMatrix, settings: SmaaSettings) -> None:
        super().__init__()
        self.matrix, self.settings = matrix, settings

    def work(self) -> SmaaResult:
        return run_smaa(self.matrix, self.settings, progress=self.progress.emit,
                        cancelled=self.stopping)


TABLE_MIN_ROWS = 3


class AcceptabilityChart(LazyChart):
    """Rank acceptabilities as stacked horizontal bars: rank 1 first, one bar per option."""

    placeholder_text = "Run the Monte Carlo to see how often each option takes each rank."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.acceptability = np.zeros((0, 0))
        self.segments: list[Any] = []  # one BarContainer per rank

    def set_result(self, names: list[str], acceptability: np.ndarray) -> None:
        self.names, self.acceptability = list(names), np.asarray(acceptability)
        self.refresh()

    def draw(self) -> None:
        ax = self.axes
        self.segments = []
        n = len(self.names)
        if n == 0:
            ax.text(0.5, 0.5, "No results yet", ha="center", va="center",
                    transform=ax.transAxes)
            return
        colours = rank_colours(n)
        y = np.arange(n)[::-1]  # first option at the top
        left = np.zeros(n)
        for r in range(n):
            widths = self.acceptability[:, r]
            self.segments.append(ax.barh(y, widths, left=left, color=colours[r], height=0.65,
                                         label=f"rank {r + 1}"))
            left = left + widths
        ax.set_yticks(y, [shorten(name) for name in self.names], fontsize="small")
        ax.set_xlim(0, 1)
        percent_axis(ax.xaxis)
        ax.set_xlabel("Share of draws")
        # Beside the bars rather than above them: the chart is usually wider than tall.
        self.figure.legend(*ax.get_legend_handles_labels(), fontsize="small",
                           loc="outside right upper", frameon=False)


class SmaaPanel(QWidget):
    """Monte Carlo settings, Run / Cancel, progress, chart and table."""

    result_ready = Signal(object)  # the SmaaResult, once a run completes

    def __init__(self, matrix: DecisionMatrix | None = None, profile_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix = matrix
        self.profile_id = profile_id
        self.result: SmaaResult | None = None
        self._thread: QThread | None = None
        self._worker: SmaaWorker | None = None
        self._snapshot: DecisionMatrix | None = None
        # What the shown result was computed from: (matrix copy, profile id, spread).
        self._result_source: tuple[DecisionMatrix, str | None, float | None] | None = None
        self._run_source: tuple[str | None, float | None] = (None, None)
        self._build()
        self.bounds.set_matrix(matrix)
        self._update_controls()

    # -- construction ---------------------------------------------------------------
    def _build(self) -> None:
        self.mode = QComboBox()
        for key, label in WEIGHT_MODES:
            self.mode.addItem(label, key)
        # Long choices show in full in the open list; the closed box stays narrow.
        self.mode.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mode.setMinimumContentsLength(22)
        self.spread = QDoubleSpinBox()
        self.spread.setRange(0, 100)
        self.spread.setValue(20)
        self.spread.setSuffix(" %")
        self.samples = QSpinBox()
        self.samples.setRange(100, 5_000_000)
        self.samples.setSingleStep(10_000)
        self.samples.setValue(10_000)
        self.samples.setGroupSeparatorShown(True)
        self.seed = SeedBox(1)
        self.seed.setAccessibleName("Seed")
        self.seed.setToolTip("The same seed and settings give the same numbers")
        self.distribution = QComboBox()
        self.distribution.addItem("Triangular (low, value, high)", "triangular")
        self.distribution.addItem("PERT (low, value, high)", "pert")
        self.distribution.addItem("Normal (low–high a 95 % interval)", "normal")
        self.distribution.setToolTip("For cells that do not set their own in the cell details")
        form = QFormLayout()
        form.addRow("Weights", self.mode)
        form.addRow("Spread", self.spread)
        form.addRow("Draws", self.samples)
        form.addRow("Seed", self.seed)
        form.addRow("Ranges drawn as", self.distribution)
        self.run_button = QPushButton("Run")
        self.cancel_button = QPushButton("Cancel")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress_bar, 1)
        self.chart = AcceptabilityChart()
        self.table_model = ReportTableModel(self)
        self.table = report_view(self.table_model, self)
        self.table.setAccessibleName("Monte Carlo rank shares")
        # Never squeezed below a few rows, even in a low dock: the chart gives way first.
        # (The header has no columns yet, so its height is reckoned from the font.)
        table = self.table
        table.setMinimumHeight(
            max(table.horizontalHeader().sizeHint().height(), table.fontMetrics().height() + 8)
            + TABLE_MIN_ROWS * table.verticalHeader().defaultSectionSize()
            + table.horizontalScrollBar().sizeHint().height() + 2 * table.frameWidth())
        # Settings in a column beside the results: the panel usually sits in a wide, low dock.
        controls = QWidget()
        column = QVBoxLayout(controls)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        self.bounds = BoundsTable()
        self.bounds.setAccessibleName("Weight bounds")
        self.bounds.setTabKeyNavigation(False)
        column.addWidget(self.bounds, 4)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addStretch(1)
        # In a low dock the settings scroll rather than squeeze the bounds table flat.
        scroller = QScrollArea()
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop before Run
        scroller.setWidget(controls)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setMinimumWidth(controls.sizeHint().width()
                                 + scroller.verticalScrollBar().sizeHint().width())
        results = QSplitter(Qt.Orientation.Vertical)
        results.addWidget(self.chart)
        results.addWidget(self.table)
        results.setStretchFactor(0, 3)
        results.setStretchFactor(1, 1)
        results.setSizes([300, 100])  # the chart first; the table scrolls
        results.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroller)
        self.splitter.addWidget(results)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.mode.currentIndexChanged.connect(self._update_controls)

    def set_matrix(self, matrix: DecisionMatrix, profile_id: str | None = None) -> None:
        """Use this matrix and profile for the next run (a run under way is not disturbed)."""
        self.matrix, self.profile_id = matrix, profile_id
        self.bounds.set_matrix(matrix)
        self._update_controls()

    @property
    def running(self) -> bool:
        return self._thread is not None

    def result_for(self, matrix: DecisionMatrix, profile_id: str | None
                   ) -> tuple[SmaaResult, float | None] | None:
        """The shown result and its spread, if it was computed from exactly this matrix
        and profile (an export then reports the run the user saw); None otherwise."""
        if self.result is None or self._result_source is None:
            return None
        used, used_profile, spread = self._result_source
        if used_profile != profile_id or used != matrix:
            return None
        return self.result, spread

    def _update_controls(self) -> None:
        self.run_button.setEnabled(not self.running and self.matrix is not None)
        self.cancel_button.setEnabled(self.running)
        self.spread.setEnabled(self.mode.currentData() in ("profile", "profiles"))
        self.bounds.setVisible(self.mode.currentData() == "bounds")
        for w in (self.mode, self.spread, self.samples, self.seed, self.distribution,
                  self.bounds):
            w.setEnabled(not self.running and (w is not self.spread or self.spread.isEnabled()))

    # -- running ------------------------------------------------------------------------
    def settings(self) -> SmaaSettings:
        """The settings the controls describe, for the current matrix and profile."""
        if self.matrix is None:
            raise TradeoffError("there is no matrix to analyse")
        try:
            profile = self.matrix.profile(self.profile_id)
        except KeyError as e:
            raise TradeoffError(str(e.args[0])) from e
        if self.mode.currentData() == "bounds":
            spec = weights_within(self.matrix, self.bounds.bounds().items())
        else:
            spec = spec_for_matrix(self.matrix, profile, self.mode.currentData(),
                                   self.spread.value() / 100)
        return SmaaSettings(spec, samples=self.samples.value(), seed=self.seed.value(),
                            distribution=self.distribution.currentData())

    @Slot()
    def start(self) -> None:
        """Start a run in the background; does nothing while one is under way."""
        if self.running:
            return
        try:
            settings = self.settings()
        except TradeoffError as e:
            self.status.setText(f"Cannot run: {e}")
            return
        self._snapshot = copy.deepcopy(self.matrix)
        around_profiles = self.mode.currentData() in ("profile", "profiles")
        self._run_source = (self._snapshot.profile(self.profile_id).id,
                            self.spread.value() / 100 if around_profiles else None)
        self.progress_bar.setValue(0)
        self.status.setText(f"Running {settings.samples:,} draws…")
        self._worker = SmaaWorker(self._snapshot, settings)
        self._thread = start_in_thread(self, self._worker, self._on_progress,
                                       self._on_finished, self._on_failed, self._on_cancelled)
        self._update_controls()

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.status.setText("Cancelling…")

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setValue(int(PROGRESS_STEPS * done / max(total, 1)))

    @Slot(object)
    def _on_finished(self, result: SmaaResult) -> None:
        self._stop_thread()
        self.result = result
        self._result_source = (self._snapshot, *self._run_source)
        self.progress_bar.setValue(PROGRESS_STEPS)
        used = self._snapshot  # names as they were when the run started
        self.chart.set_result([used.option(o).name for o in result.options],
                              result.rank_acceptability)
        self.table_model.set_table(acceptability_table(used, result))
        left_out = ", ".join(used.option(o).name for o in result.left_out)
        left_out = f" Left out (missing scores): {left_out}." if left_out else ""
        ranges = (f"{result.uncertain_cells} score ranges ({result.distribution_text})"
                  if result.uncertain_cells else "no score ranges")
        self.status.setText(f"{result.samples:,} draws, seed {result.seed}, weights "
                            f"{result.weight_mode}, {ranges} (score sampler "
                            f"{result.stream}).{left_out}")
        self.result_ready.emit(result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.status.setText(f"The Monte Carlo stopped: {message}")

    @Slot()
    def _on_cancelled(self) -> None:
        self._stop_thread()
        self.progress_bar.setValue(0)
        self.status.setText("Cancelled; the previous results (if any) are still shown.")

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._worker.deleteLater()
        self._thread, self._worker = None, None
        self._update_controls()

    # -- shutting down ----------------------------------------------------------------------
    def shutdown(self) -> None:
        """Cancel a run under way and wait for its thread (call before the panel goes)."""
        if self._worker is not None:
            self._worker.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread, self._worker = None, None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
