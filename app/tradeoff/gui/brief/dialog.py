"""File › Export Brief…: the brief's options beside a live preview, then a file in any format.

The options are the weight profile, the scenario (or the base case), the
sections to include and the Monte Carlo's draws and seed. Each change rebuilds
the brief on a worker thread (the Monte Carlo can take seconds) with progress
and Cancel; the preview shows the brief as Markdown, so it reads as the file
will. Export writes the brief the preview shows, in the format the file name's
extension names; a file that cannot be written is reported in a message box
with the same words the command line uses, and nothing is left behind.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QThread, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.brief import SECTION_KEYS, SECTION_TITLES, Brief, BriefOptions
from tradeoff.core.errors import TradeoffError
from tradeoff.gui.brief.worker import BriefWorker
from tradeoff.gui.common.background import start_in_thread
from tradeoff.gui.common.seed_box import SeedBox
from tradeoff.gui.document import Document
from tradeoff.io.brief import write_brief
from tradeoff.io.brief.markdown import to_markdown
from tradeoff.version import APP_NAME

DEFAULT_SAMPLES = 10_000
MAX_SAMPLES = 1_000_000
PAUSE_MS = 300  # options settle this long before the brief is rebuilt
PROGRESS_STEPS = 1000
FILTERS = {"PDF (*.pdf)": ".pdf", "HTML (*.html)": ".html", "Word (*.docx)": ".docx",
           "Markdown (*.md)": ".md"}


class ExportBriefDialog(QDialog):
    """Options on the left, the preview on the right, Export and Close below."""

    exported = Signal(str)  # the path written

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Brief")
        self.setObjectName("export_brief_dialog")
        self.doc = doc
        self.brief: Brief | None = None
        self._shown: tuple | None = None  # the options the preview was built with
        self._thread: QThread | None = None
        self._worker: BriefWorker | None = None
        self._running: tuple | None = None
        self.error_box: QMessageBox | None = None
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.rebuild)
        for box in (self.profile, self.scenario):
            box.currentIndexChanged.connect(self._options_changed)
        for spin in (self.samples, self.seed):
            spin.valueChanged.connect(self._options_changed)
        for check in self.sections.values():
            check.toggled.connect(self._options_changed)
        self.rebuild()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        m = self.doc.matrix
        self.profile = QComboBox()
        self.profile.setObjectName("brief_profile")
        for p in m.profiles:
            self.profile.addItem(p.name, p.id)
        active = self.doc.active_profile_id()
        if active is not None:
            self.profile.setCurrentIndex(max(self.profile.findData(active), 0))
        self.scenario = QComboBox()
        self.scenario.setObjectName("brief_scenario")
        self.scenario.addItem("Base case (and every scenario side by side)", None)
        for s in m.scenarios:
            self.scenario.addItem(s.name, s.id)
        self.scenario.setCurrentIndex(max(self.scenario.findData(self.doc.scenario_id), 0))
        self.scenario.setEnabled(bool(m.scenarios))
        self.samples = QSpinBox()
        self.samples.setObjectName("brief_samples")
        self.samples.setRange(0, MAX_SAMPLES)
        self.samples.setSingleStep(1000)
        self.samples.setGroupSeparatorShown(True)
        self.samples.setValue(DEFAULT_SAMPLES)
        self.samples.setSpecialValueText("no Monte Carlo")
        self.seed = SeedBox(1)
        self.seed.setObjectName("brief_seed")
        self.seed.setAccessibleName("Seed")
        form = QFormLayout()
        form.addRow("&Weights:", self.profile)
        form.addRow("S&cenario:", self.scenario)
        form.addRow("Monte Carlo &draws:", self.samples)
        form.addRow("S&eed:", self.seed)
        group = QGroupBox("Sections")
        group_layout = QVBoxLayout(group)
        self.sections: dict[str, QCheckBox] = {}
        for key in SECTION_KEYS:
            if key == "answer":
                continue  # the answer is the brief: always there
            check = QCheckBox(SECTION_TITLES[key])
            check.setObjectName(f"brief_section_{key}")
            check.setChecked(True)
            self.sections[key] = check
            group_layout.addWidget(check)
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel Monte Carlo")
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(group)
        left_layout.addWidget(self.progress)
        left_layout.addWidget(self.cancel_button)
        left_layout.addWidget(self.status)
        left_layout.addStretch(1)
        self.preview = QTextBrowser()
        self.preview.setObjectName("brief_preview")
        self.preview.setAccessibleName("Preview of the brief")
        self.preview.setOpenLinks(False)  # nothing in a brief links anywhere
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 620])
        self.export_button = QPushButton("&Export…")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export_dialog)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.resize(980, 680)

    # -- options ---------------------------------------------------------------------------
    def options(self) -> tuple:
        """What the controls ask for: (profile id, scenario id, BriefOptions)."""
        chosen = frozenset({"answer", *(k for k, c in self.sections.items() if c.isChecked())})
        return (self.profile.currentData(), self.scenario.currentData(),
                BriefOptions(samples=self.samples.value(), seed=self.seed.value(),
                             sections=chosen))

    @property
    def up_to_date(self) -> bool:
        return self.brief is not None and self._shown == self.options()

    def _options_changed(self) -> None:
        self._update_controls()
        self._timer.start()

    def _update_controls(self) -> None:
        self.export_button.setEnabled(self.up_to_date and self._thread is None)
        self.cancel_button.setEnabled(self._thread is not None)

    # -- the worker ------------------------------------------------------------------------
    @Slot()
    def rebuild(self) -> None:
        """Build the brief for the options shown, replacing a build under way."""
        self._abandon()
        wanted = self.options()
        profile_id, scenario, options = wanted
        self._running = wanted
        self.progress.setValue(0)
        draws = f" with {options.samples:,} Monte Carlo draws" if options.samples else ""
        self.status.setText(f"Writing the brief{draws}…")
        self._worker = BriefWorker(copy.deepcopy(self.doc.matrix), profile_id, scenario, options)
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
        self.progress.setValue(int(PROGRESS_STEPS * done / max(total, 1)))

    @Slot(object)
    def _on_finished(self, brief: Brief) -> None:
        self._stop_thread()
        self.brief, self._shown = brief, self._running
        self.preview.setMarkdown(to_markdown(brief))
        self.progress.setValue(PROGRESS_STEPS)
        self.status.setText("The preview shows the brief as it will be exported.")
        self._update_controls()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.status.setText(f"The brief could not be written: {message}")
        self._update_controls()

    @Slot()
    def _on_cancelled(self) -> None:
        self._stop_thread()
        self.progress.setValue(0)
        self.status.setText("Cancelled. Fewer draws (or none) give a brief sooner.")
        self._update_controls()

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread, self._worker = None, None

    def _abandon(self) -> None:
        """Stop a build under way without showing its result."""
        if self._worker is not None:
            for signal in (self._worker.finished, self._worker.failed, self._worker.cancelled,
                           self._worker.progress):
                signal.disconnect()
            self._worker.cancel()
        self._stop_thread()

    # -- exporting -------------------------------------------------------------------------
    def suggested_path(self) -> str:
        stem = Path(self.doc.path).stem if self.doc.path else "brief"
        folder = Path(self.doc.path).parent if self.doc.path else Path.home()
        return str(folder / f"{stem}-brief.pdf")

    @Slot()
    def export_dialog(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(self, "Export Brief", self.suggested_path(),
                                                   ";;".join(FILTERS))
        if not path:
            return
        if not Path(path).suffix and chosen in FILTERS:
            path += FILTERS[chosen]
        self.export_to(path)

    def export_to(self, path: str) -> bool:
        """Write the brief the preview shows to ``path``; a message box says what went wrong."""
        if not self.up_to_date or self.brief is None:
            return False
        try:
            write_brief(self.brief, path)
        except TradeoffError as e:
            self.error_box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME}: Export Brief",
                                         str(e), QMessageBox.StandardButton.Ok, self)
            self.error_box.setObjectName("brief_export_error")
            self.error_box.open()
            return False
        self.status.setText(f"Written to {path}")
        self.exported.emit(path)
        return True

    # -- closing ---------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self._timer.stop()
        self._abandon()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self._abandon()
        super().closeEvent(event)
