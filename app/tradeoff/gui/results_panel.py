"""The results panel: the ranking table beside the contribution chart, both live."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.errors import WeightError
from tradeoff.gui.document import Document
from tradeoff.gui.icons import icon
from tradeoff.gui.results_chart import ContributionChart
from tradeoff.gui.results_model import RankingModel


class ResultsPanel(QWidget):
    """Re-scores on every document change; the value matrix is cached by the Document."""

    message = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = RankingModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # long names are elided, rows stay one line high
        self.table.setAccessibleName("Ranking")
        header = self.table.horizontalHeader()
        # Fixed widths: resizing to contents would re-measure every row on each slider step.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        digits = self.fontMetrics().horizontalAdvance("0.0000") + 16
        for col, width in ((0, self.fontMetrics().horizontalAdvance("Rank") + 16), (2, digits),
                           (3, digits)):
            header.resizeSection(col, width)
        self.chart = ContributionChart()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        save = QToolButton()
        save.setIcon(icon("save_chart"))
        save.setToolTip("Save the chart as PNG or SVG…")
        save.setAccessibleName("Save chart")
        save.clicked.connect(self.save_chart_dialog)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(save)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.table.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 18)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([360, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.last_update_ms = 0.0
        doc.changed.connect(self.recompute)
        self.recompute()

    def show_chart(self) -> None:
        """Create the matplotlib chart (called once the window is on screen)."""
        self.chart.ensure_canvas()
        self.recompute()

    def recompute(self) -> None:
        started = time.perf_counter()
        m = self.doc.matrix
        profile = self.doc.active_profile()
        names = [o.name for o in m.options]
        try:
            totals = self.doc.totals()
        except WeightError as e:
            self.model.clear()
            self.title.setText(f"No ranking: {e}")
            self.chart.set_data([], [], np.zeros((0, 0)), np.zeros(0))
            return
        self.model.set_results(names, totals.totals, totals.ranks, totals.margins)
        self.chart.set_data(names, [c.name for c in m.criteria], totals.contributions,
                            totals.totals)
        self.title.setText(f"Ranking under “{profile.name if profile else '—'}” · "
                           "additive value model")
        self.last_update_ms = (time.perf_counter() - started) * 1000

    def save_chart_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save chart", "ranking.png",
                                              "PNG image (*.png);;SVG drawing (*.svg)")
        if path:
            self.save_chart(Path(path))

    def save_chart(self, path: Path) -> None:
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        self.chart.save(path)
        self.message.emit(f"Chart saved to {path}")
