"""The results panel: the ranking table beside the contribution chart, both live.

A method selector switches both between the additive value model (the
default, re-scored from the Document's cached value matrix so a slider drag
stays cheap) and the cross-check methods (TOPSIS, VIKOR, …), which are
recomputed in full on each change; the line above the table names the method
and the normalisation it uses, and TOPSIS's normalisation can be chosen there.
The selector is filled once the window is on screen (:meth:`ResultsPanel.show_chart`),
so the methods' modules never slow the start.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.errors import TradeoffError, WeightError
from tradeoff.core.screening import without_screened
from tradeoff.gui.common import dialogs
from tradeoff.gui.common.icons import icon
from tradeoff.gui.document import Document
from tradeoff.gui.results import standing_aside as aside  # its limit read when used
from tradeoff.gui.results.results_chart import ContributionChart
from tradeoff.gui.results.results_model import TOTAL_TIP, RankingModel

# core.methods.registry.PRIMARY, named here so that start-up need not load the methods.
ADDITIVE = "wsm"
# PROMETHEE II compares every pair of options on a criterion whose preference function
# has a jump or a curve: the differences it works out one pair at a time that it may
# follow live (500 options × 20 such criteria: about 0.05 s per edit). With the
# default v-shape it sorts each criterion instead, and follows any size.
PAIRWISE_LIVE_WORK = 500 * 500 * 20
STANDING_DELAY_MS = 400


class ResultsPanel(QWidget):
    """Re-scores on every document change; the value matrix is cached by the Document."""

    message = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = RankingModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrows move between rows
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
        digits = self.fontMetrics().horizontalAdvance("-0.0000") + 16
        verdict = self.fontMetrics().horizontalAdvance("Could it win?") + 16
        for col, width in ((0, self.fontMetrics().horizontalAdvance("Rank") + 16), (2, digits),
                           (3, digits), (4, verdict)):
            header.resizeSection(col, width)
        self.chart = ContributionChart()
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.method_box = QComboBox()
        self.method_box.setObjectName("method")
        self.method_box.setAccessibleName("Scoring method")
        self.method_box.setToolTip("The method the ranking and the chart show")
        self.normalisation_box = QComboBox()
        self.normalisation_box.setObjectName("normalisation")
        self.normalisation_box.setAccessibleName("Normalisation")
        self.normalisation_box.setToolTip("TOPSIS's normalisation of each criterion's scores")
        self.normalisation_box.hide()  # only TOPSIS offers a choice
        self.preference_box = QComboBox()
        self.preference_box.setObjectName("preference")
        self.preference_box.setAccessibleName("PROMETHEE preference function")
        self.preference_box.setToolTip("PROMETHEE's preference function for the criteria "
                                       "without one of their own (set in the criterion dialog)")
        self.preference_box.addItem("V-shape over the range", "range")
        self.preference_box.addItem("Usual: any difference", "usual")
        self.preference_box.hide()  # only PROMETHEE reads it
        self.method_label = QLabel("Me&thod:")
        self.method_label.setBuddy(self.method_box)
        for widget in (self.method_label, self.method_box):
            widget.hide()  # until enable_methods() fills the box
        save = QToolButton()
        save.setIcon(icon("save_chart"))
        save.setToolTip("Save the chart as PNG or SVG…")
        save.setAccessibleName("Save chart")
        save.clicked.connect(self.save_chart_dialog)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.method_label)
        top.addWidget(self.method_box)
        # Each method's own setting, labelled, shown only while that method is.
        self.normalisation_label = QLabel("Normalisation:")
        self.normalisation_label.setBuddy(self.normalisation_box)
        self.preference_label = QLabel("Preference:")
        self.preference_label.setBuddy(self.preference_box)
        for label in (self.normalisation_label, self.preference_label):
            label.hide()
        top.addWidget(self.normalisation_label)
        top.addWidget(self.normalisation_box)
        top.addWidget(self.preference_label)
        top.addWidget(self.preference_box)
        top.addWidget(save)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.table.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 18)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([360, 640])
        # The first split follows the panel's width (see resizeEvent) until the user
        # moves it or a saved one is restored.
        self._split_chosen = False
        self.splitter.splitterMoved.connect(self.keep_split)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_split)
        self.splitter.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.last_update_ms = 0.0
        doc.changed.connect(self.recompute)
        # "Could it win?" needs an LP per option: worked out once edits pause.
        self._standing_timer = QTimer(self)
        self._standing_timer.setSingleShot(True)
        self._standing_timer.setInterval(STANDING_DELAY_MS)
        self._standing_timer.timeout.connect(self.update_standing)
        self.standing_aside = aside.StandingAside(self)
        self.standing_aside.ready.connect(self._standing_ready)
        self.standing_aside.failed.connect(self._standing_failed)
        doc.changed.connect(self._standing_timer.start)
        doc.weights_changed.connect(self._standing_timer.start)  # the closest wins move
        doc.replaced.connect(lambda: self.model.set_standing({}))
        doc.replaced.connect(self._standing_timer.start)  # a matrix just opened gets it too
        self.method_box.currentIndexChanged.connect(self._method_chosen)
        self.normalisation_box.currentIndexChanged.connect(lambda _i: self.recompute())
        self.preference_box.currentIndexChanged.connect(lambda _i: self.recompute())
        self.recompute()
        self._standing_timer.start()  # the column is filled for the matrix shown at start

    @property
    def method(self) -> str:
        """The key of the method shown (``wsm``, ``topsis``…; see core.methods.registry)."""
        return self.method_box.currentData() or ADDITIVE

    def set_method(self, key: str) -> None:
        self.enable_methods()
        self.method_box.setCurrentIndex(self.method_box.findData(key))

    def method_settings(self):  # a core.methods.registry.MethodSettings
        from tradeoff.core.methods.registry import MethodSettings
        from tradeoff.core.preference_functions import run_preferences

        preferences = run_preferences([c.id for c in self.doc.matrix.criteria],
                                      self.preference_box.currentData())
        return MethodSettings(topsis_normalisation=self.normalisation_box.currentData(),
                              promethee_preferences=preferences)

    def enable_methods(self) -> None:
        """Fill and show the method selector (once; loads the scoring methods)."""
        if self.method_box.count():
            return
        from tradeoff.core.methods.normalisation import NORMALISATIONS
        from tradeoff.core.methods.registry import METHODS

        for box in (self.method_box, self.normalisation_box):
            box.blockSignals(True)
        for key, spec in METHODS.items():
            self.method_box.addItem(spec.display_name, key)
            self.method_box.setItemData(self.method_box.count() - 1, spec.reference,
                                        Qt.ItemDataRole.ToolTipRole)
        for key, text in NORMALISATIONS.items():
            self.normalisation_box.addItem(text.split(" (")[0], key)
        for box in (self.method_box, self.normalisation_box):
            box.blockSignals(False)
        # Wide enough for any method's score name ("Closeness", "Net flow") and its numbers.
        digits = max(self.fontMetrics().horizontalAdvance(text) for text in
                     ["-0.0000", *(m.score_label.capitalize() for m in METHODS.values())]) + 16
        header = self.table.horizontalHeader()
        for col in (2, 3):
            header.resizeSection(col, digits)
        for widget in (self.method_label, self.method_box):
            widget.show()
        self.recompute()

    def _method_chosen(self, _index: int) -> None:
        from tradeoff.core.methods.registry import METHODS

        topsis_like = bool(METHODS[self.method].normalisations)
        for widget in (self.normalisation_label, self.normalisation_box):
            widget.setVisible(topsis_like)
        for widget in (self.preference_label, self.preference_box):
            widget.setVisible(self.method == "promethee")
        self.recompute()

    def show_chart(self) -> None:
        """Create the matplotlib chart and the method selector (once the window is on screen)."""
        self.chart.ensure_canvas()
        self.enable_methods()
        self.recompute()

    def recompute(self) -> None:
        started = time.perf_counter()
        if self.method == ADDITIVE:
            self._show_additive()
        else:
            self._show_method(self.method)
        self.last_update_ms = (time.perf_counter() - started) * 1000

    def _no_ranking(self, error: Exception) -> None:
        self.model.clear()
        self.title.setText(f"No ranking: {error}")
        self.chart.set_data([], [], np.zeros((0, 0)), np.zeros(0))

    def _heading(self, method: str, normalisation: str) -> str:
        profile = self.doc.active_profile()
        return (f"Ranking under “{profile.name if profile else '—'}”{self._scenario_text()}"
                f" · Method: {method} "
                f"({normalisation})")

    def _scenario_text(self) -> str:
        """' in “Moscow resists”' while a scenario is shown, nothing for the base case."""
        scenario = self.doc.scenario()
        return "" if scenario is None else f" in “{scenario.name}”"

    def _additive_heading(self) -> str:
        if not self.method_box.count():  # before the methods are loaded: the short form
            profile = self.doc.active_profile()
            return (f"Ranking under “{profile.name if profile else '—'}”"
                    f"{self._scenario_text()} · additive value model")
        from tradeoff.core.methods.registry import METHODS, VALUE_FUNCTIONS

        return self._heading(METHODS[ADDITIVE].display_name, VALUE_FUNCTIONS)

    def _show_additive(self) -> None:
        """The primary model from the Document's cached values: cheap enough for a drag."""
        m = self.doc.view()
        names = [o.name for o in m.options]
        try:
            totals = self.doc.totals()
        except WeightError as e:
            self._no_ranking(e)
            return
        self.model.set_score_label("Total", TOTAL_TIP)
        self.model.set_notes(self._screened_notes())
        self.model.set_results(names, totals.totals, totals.ranks, totals.margins)
        self.chart.set_data(names, [c.name for c in m.criteria], totals.contributions,
                            totals.totals)
        self.title.setText(self._additive_heading())

    def _screened_notes(self) -> dict[int, str]:
        view = self.doc.view()
        return {row: "Screened out, not ranked: " + "; ".join(s.describe(view) for s in fails)
                for row, fails in self.doc.screened().items()}

    def update_standing(self) -> None:
        """Fill the "Could it win?" column (potential optimality and dominance)."""
        from tradeoff.gui.results.standing import LIVE_LIMIT, standing_texts

        if self.method != ADDITIVE:  # the column speaks of the additive value model
            self.model.set_standing({})
            return
        try:
            reference = self.doc.weights()
        except TradeoffError:
            reference = None
        view, screened = self.doc.view(), set(self.doc.screened())
        ranked = len(view.options) - len(screened)
        if aside.AT_ONCE_LIMIT < ranked <= LIVE_LIMIT:
            # Seconds of LPs: worked out aside; until then the column says so rather than
            # showing the answer for the matrix as it was.
            self.model.set_standing({i: aside.PENDING for i in range(len(view.options))
                                     if i not in screened})
            self.standing_aside.request(view, screened, reference)
            return
        try:
            self.model.set_standing(standing_texts(view, screened, reference))
        except TradeoffError as e:
            self._standing_failed(str(e))

    def _standing_ready(self, texts: dict[int, tuple[str, str]]) -> None:
        if self.method == ADDITIVE:
            self.model.set_standing(texts)

    def _standing_failed(self, message: str) -> None:
        self.model.set_standing({})
        self.message.emit(f"Could not work out which options could win: {message}")

    def shutdown(self) -> None:
        """Stop the "Could it win?" column's work under way (the window is closing)."""
        self._standing_timer.stop()
        self.standing_aside.shutdown()

    def _show_method(self, key: str) -> None:
        """A cross-check method, recomputed in full (a few ms for a matrix of this size)."""
        from tradeoff.core.methods.promethee import pairs_compared
        from tradeoff.core.methods.registry import METHODS, normalisation_text, run_method

        m, spec = without_screened(self.doc.view()), METHODS[key]  # screened: not ranked
        self.model.set_standing({})
        self.model.set_notes({})
        try:
            settings = self.method_settings()
            if key == "promethee" and pairs_compared(
                    m, settings.promethee_preferences) > PAIRWISE_LIVE_WORK:
                raise TradeoffError(
                    f"{spec.display_name} compares every pair of {len(m.options):,} options on "
                    "the criteria with a stepped or gaussian preference function, too slow to "
                    "follow edits live; the Cross-check dock (Recompute) and the Excel "
                    "export's Methods sheet have it")
            result = run_method(key, m, self.doc.active_profile_id(), settings)
        except (TradeoffError, KeyError) as e:
            self._no_ranking(e)
            return
        table = result.table
        totals = table[("total", "")].to_numpy(dtype=float)
        better = "higher" if spec.higher_is_better else "lower"
        label = spec.score_label[0].upper() + spec.score_label[1:]
        self.model.set_score_label(label, f"{spec.display_name} {spec.score_label}: "
                                          f"{better} is better")
        self.model.set_results(table[("name", "")].tolist(), totals,
                               table[("rank", "")].to_numpy(dtype=float),
                               table[("margin", "")].to_numpy(dtype=float),
                               higher_is_better=spec.higher_is_better)
        self.chart.set_data(table[("name", "")].tolist(), [label], totals[:, None], totals,
                            higher_is_better=spec.higher_is_better,
                            axis_label=f"{spec.display_name} {spec.score_label} "
                                       f"({better} is better)",
                            legend_title=None)
        # PROMETHEE compares through preference functions rather than rescaled scores.
        what = "preference functions" if key == "promethee" else "normalisation"
        self.title.setText(self._heading(spec.display_name,
                                         f"{what}: {normalisation_text(result)}"))

    # The chart's share of the first split: what it needs for its names, bars and legend;
    # the ranking table takes the rest, within these bounds.
    CHART_ROOM, TABLE_WIDEST = 640, 520

    def keep_split(self, *_: object) -> None:
        """Keep the table and chart's split as it is from now on (moved by the user, or
        restored from the settings)."""
        self._split_chosen = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.splitter and event.type() == QEvent.Type.Resize \
                and not self._split_chosen:
            # after the splitter has shared out its new width itself
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    def _fit_split(self) -> None:
        """A fixed first width cut option names to a few letters however wide the
        window: the width the chart does not need gives them room."""
        width = self.splitter.width()
        if width <= 0 or self._split_chosen:
            return
        least = max(self.table.minimumWidth(), min(360, int(width * 0.45)))
        table = max(least, min(width - self.CHART_ROOM, self.TABLE_WIDEST))
        self.splitter.setSizes([table, max(1, width - table)])

    def save_chart_dialog(self) -> None:
        path, _ = dialogs.QFileDialog.getSaveFileName(self, "Save chart", "ranking.png",
                                                      "PNG image (*.png);;SVG drawing (*.svg)")
        if path:
            self.save_chart(Path(path))

    def save_chart(self, path: Path) -> None:
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        self.chart.save(path)
        self.message.emit(f"Chart saved to {path}")
