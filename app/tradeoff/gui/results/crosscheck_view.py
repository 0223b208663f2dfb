"""The cross-check panel: each method's ranking side by side with the primary model's.

Rows are options plus a last row with Kendall's τ against the additive value
model; columns are methods. A rank that differs from the additive model's is
highlighted (and bold, so it reads without colour). Each column header's
tooltip, and the line under the table, name the normalisation the method
used; TOPSIS's normalisation and VIKOR's v can be changed here.

The panel computes from a matrix and a profile id (:meth:`CrossCheckView.set_matrix`)
or follows a gui Document (:meth:`CrossCheckView.follow`), recomputing shortly
after each change rather than on every keystroke. Above :data:`LIVE_OPTION_LIMIT` options a
followed document is recomputed only when the user presses Recompute (or changes a
setting), on a worker thread with a progress bar, the button turned into Cancel:
PROMETHEE compares every pair of options on a criterion with a stepped or gaussian
preference function, seconds per criterion at 10,000 options.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QThread,
    QTimer,
)
from PySide6.QtGui import QBrush, QCloseEvent, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.crosscheck import PRIMARY, PROGRESS_STEPS, CrossCheck, crosscheck
from tradeoff.core.methods.normalisation import NORMALISATIONS
from tradeoff.core.methods.registry import METHODS, MethodSettings
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.preference_functions import run_preferences
from tradeoff.core.printed_numbers import correlation_text
from tradeoff.core.screening import without_screened  # screened options: not ranked
from tradeoff.gui.common.background import end_thread, start_in_thread
from tradeoff.gui.common.roles import ALIGN, BACKGROUND, DISPLAY, FONT, TOOLTIP, USER
from tradeoff.gui.common.snapshot import snapshot
from tradeoff.gui.results.crosscheck_worker import CrossCheckWorker

DIFFERS_ROLE = USER + 1   # True where the rank differs from primary
_ROLES = frozenset({DISPLAY, TOOLTIP, BACKGROUND, FONT, ALIGN, DIFFERS_ROLE})
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
DIFFERS_BRUSH = QBrush(QColor(230, 120, 0, 110))
BOLD = QFont()
BOLD.setBold(True)
TAU_LABEL = "Kendall's τ vs additive"
REFRESH_DELAY_MS = 150
# Above this many options a followed document is not recomputed after every edit:
# with gaussian preference functions on 20 criteria, 2,000 options take 0.7 s and
# 10,000 take 18 s (with the default v-shape, 0.1 s at 10,000).
LIVE_OPTION_LIMIT = 500
RECOMPUTE_TIP = ("This matrix is too large to compare the methods after every edit; press to "
                 "bring the table up to date")
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


def rank_table(cc: CrossCheck) -> np.ndarray:
    """Every option's rank under every method (options × methods), NaN where unranked."""
    out = np.full((len(cc.option_ids), len(cc.outcomes)), np.nan)
    for j, method in enumerate(cc.outcomes):
        ranks = method.ranks
        if ranks is not None:
            out[:, j] = ranks.reindex(cc.option_ids).to_numpy(dtype=float)
    return out


class CrossCheckModel(QAbstractTableModel):
    """Options (+ a τ row) × methods; each cell the option's rank under that method."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.cc: CrossCheck | None = None
        self._ranks = np.zeros((0, 0))  # options × methods, NaN where unranked
        self._primary = 0  # the column of the method the others are compared with

    def set_crosscheck(self, cc: CrossCheck | None) -> None:
        self.beginResetModel()
        self.cc = cc
        # Read once into an array: data() is asked about every visible cell and role
        # on each repaint, and a pandas look-up per question took a tenth of a second.
        self._ranks = rank_table(cc) if cc is not None else np.zeros((0, 0))
        self._primary = next((j for j, m in enumerate(cc.outcomes) if m.key == PRIMARY), 0) \
            if cc is not None else 0
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        if parent.isValid() or self.cc is None:
            return 0
        return len(self.cc.option_ids) + 1

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() or self.cc is None else len(self.cc.outcomes)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid() or self.cc is None:
            return None
        method = self.cc.outcomes[index.column()]
        if role == ALIGN:
            return CENTRE
        if index.row() == len(self.cc.option_ids):
            return self._tau_data(method.tau, role)
        option = self.cc.option_ids[index.row()]
        rank = self._ranks[index.row(), index.column()]
        primary = self._ranks[index.row(), self._primary]
        # As CrossCheck.differs: unranked by both is no difference.
        differs = method.result is not None and not (math.isnan(rank) and math.isnan(primary)) \
            and bool(rank != primary)
        if role == DIFFERS_ROLE:
            return differs
        if role == BACKGROUND:
            return DIFFERS_BRUSH if differs else None
        if role == FONT:
            return BOLD if differs else None
        if role == DISPLAY:
            if method.result is None:
                return "n/a"
            return "—" if math.isnan(rank) else str(int(rank))
        return self._tooltip(option, index.row(), method)

    def _tau_data(self, tau: float, role: int) -> Any:
        if role == DISPLAY:
            return "—" if math.isnan(tau) else correlation_text(tau)
        if role == TOOLTIP:
            return ("Kendall's τ-b between this method's ranking and the additive model's "
                    "(1 = same order, −1 = reversed)")
        return False if role == DIFFERS_ROLE else None

    def _tooltip(self, option: str, row: int, method) -> str:
        assert self.cc is not None
        name = self.cc.option_names[row]
        if method.result is None:
            return f"{method.display_name} could not run: {method.error}"
        score = method.result.totals[option]
        label = METHODS[method.key].score_label
        if math.isnan(score):
            return f"{name} has a missing score, so {method.display_name} leaves it unranked"
        text = f"{name}: {label} {score:.4g} under {method.display_name}"
        primary = self.cc.rank(option, "wsm")
        if self.cc.differs(option, method.key) and not math.isnan(primary):
            text += f" (the additive model ranks it {int(primary)})"
        return text

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if self.cc is None or role not in (DISPLAY, TOOLTIP):
            return None
        if orientation == Qt.Orientation.Vertical:
            names = [*self.cc.option_names, TAU_LABEL]
            return names[section] if 0 <= section < len(names) else None
        if not 0 <= section < len(self.cc.outcomes):
            return None
        method = self.cc.outcomes[section]
        if role == DISPLAY:
            return method.display_name
        spec = METHODS[method.key]
        how = method.error or f"Normalisation: {method.normalisation}"
        better = "higher" if spec.higher_is_better else "lower"
        return f"{spec.display_name} ({spec.reference}); {better} {spec.score_label} is " \
               f"better.\n{how}"


class CrossCheckView(QWidget):
    """The cross-check table with its settings and the normalisations in use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: DecisionMatrix | None = None
        self.profile_id: str | None = None
        self._document = None
        self.current: CrossCheck | None = None
        self.model = CrossCheckModel(self)
        self.table = QTableView(objectName="crosscheck_table")
        self.table.setAccessibleName("Cross-check rankings")
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrows move between cells
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.normalisation_box = QComboBox(objectName="topsis_normalisation")
        for key, text in NORMALISATIONS.items():
            self.normalisation_box.addItem(text, key)
        self.v_box = QDoubleSpinBox(objectName="vikor_v", minimum=0.0, maximum=1.0,
                                    singleStep=0.05, decimals=2, value=0.5)
        self.preference_box = QComboBox(objectName="promethee_preference")
        self.preference_box.addItem("V-shape over the range", "range")
        self.preference_box.addItem("Usual: any difference", "usual")
        self.preference_box.setToolTip("For the criteria without a preference function of "
                                       "their own (set in the criterion dialog)")
        self.normalisations = QLabel(objectName="normalisations", wordWrap=True)
        self.notes = QLabel(objectName="notes", wordWrap=True)
        settings = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        left.addRow("TOPSIS &normalisation:", self.normalisation_box)
        right.addRow("VI&KOR v:", self.v_box)
        left.addRow("PROMETHEE preferen&ce:", self.preference_box)
        settings.addLayout(left)
        settings.addLayout(right)
        self.recompute_button = QPushButton("Recompute", objectName="recompute")
        self.recompute_button.setToolTip(RECOMPUTE_TIP)
        self.recompute_button.clicked.connect(self._recompute_clicked)
        self.recompute_button.hide()
        self.progress_bar = QProgressBar(objectName="crosscheck_progress")
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setAccessibleName("Cross-check progress")
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.hide()
        settings.addWidget(self.progress_bar)
        settings.addWidget(self.recompute_button)
        self._thread: QThread | None = None
        self._worker: CrossCheckWorker | None = None
        self._source: DecisionMatrix | None = None  # the copy the worker reads
        layout = QVBoxLayout(self)
        layout.addLayout(settings)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("Highlighted ranks differ from the additive value model's.",
                                wordWrap=True))
        layout.addWidget(self.normalisations)
        layout.addWidget(self.notes)
        self.timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self.timer.timeout.connect(self._pull_document)
        self.normalisation_box.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.v_box.valueChanged.connect(lambda _v: self._settings_changed())
        self.preference_box.currentIndexChanged.connect(lambda _i: self._settings_changed())

    def settings(self) -> MethodSettings:
        """What the table is computed with (the Excel export's Methods sheet uses it too)."""
        criteria = [c.id for c in self.matrix.criteria] if self.matrix is not None else []
        return MethodSettings(topsis_normalisation=self.normalisation_box.currentData(),
                              vikor_v=self.v_box.value(),
                              promethee_preferences=run_preferences(
                                  criteria, self.preference_box.currentData()))

    def set_matrix(self, matrix: DecisionMatrix | None, profile_id: str | None = None) -> None:
        """Show the cross-check of ``matrix`` under a profile (the active one if None)."""
        self.matrix, self.profile_id = matrix, profile_id
        self.refresh()

    def follow(self, document) -> None:
        """Track a gui Document: recompute shortly after it changes or is replaced."""
        self._document = document
        for signal in (document.changed, document.replaced, document.weights_changed):
            signal.connect(self.timer.start)
        self._pull_document()

    @property
    def recomputing(self) -> bool:
        return self._worker is not None

    def _large(self) -> bool:
        doc = self._document
        return doc is not None and len(doc.matrix.options) > LIVE_OPTION_LIMIT

    def _pull_document(self, force: bool = False) -> None:
        doc = self._document
        if doc is None:
            return
        large = self._large()
        self.recompute_button.setVisible(large)
        if large and not force:
            if not self.recomputing:
                self.recompute_button.setText("Recompute (out of date)")
            self._stale = True
            return
        if large:
            self._start(without_screened(doc.view()), doc.active_profile_id())
            return
        self.cancel_recompute()
        self.recompute_button.setText("Recompute")
        self.set_matrix(without_screened(doc.view()), doc.active_profile_id())

    def _settings_changed(self) -> None:
        # A changed setting is a request to see its effect: for a large document that
        # starts a recomputation on the worker thread rather than holding the window.
        if self._large():
            self._pull_document(force=True)
        else:
            self.refresh()

    # -- large matrices: the table worked out on a worker thread -----------------------------
    _stale = False  # a large document changed since its table was worked out

    def _recompute_clicked(self) -> None:
        if self.recomputing:
            self.cancel_recompute()
        else:
            self._pull_document(force=True)

    def _start(self, matrix: DecisionMatrix, profile_id: str | None) -> None:
        self.cancel_recompute()
        self._source = snapshot(matrix)  # edits made meanwhile cannot reach it
        self.profile_id = profile_id
        self._stale = False  # an edit from now on makes it stale again
        self.progress_bar.setValue(0)
        self.progress_bar.show()
        self.recompute_button.setText("Cancel")
        self.recompute_button.setToolTip("Stop comparing the methods; the table keeps what "
                                         "it showed")
        self._worker = CrossCheckWorker(self._source, profile_id, self.settings())
        self._thread = start_in_thread(self, self._worker, self.progress_bar.setValue,
                                       self._on_finished, self._on_failed, self._finish_thread)

    def cancel_recompute(self) -> None:
        """Stop a recomputation under way (within a block of PROMETHEE's rows); the table
        keeps what it showed."""
        if self._worker is not None:
            self._worker.cancel()
            self._finish_thread()
            self._stale = True
            self.recompute_button.setText("Recompute (out of date)")

    def _on_finished(self, cc: CrossCheck) -> None:
        matrix = self._source
        self._finish_thread()
        if matrix is None:
            return
        self.matrix = matrix
        self._show(cc, "")
        self.recompute_button.setText("Recompute (out of date)" if self._stale
                                      else "Recompute")

    def _on_failed(self, message: str) -> None:
        self._finish_thread()
        self._stale = True
        self.recompute_button.setText("Recompute (out of date)")
        self._show(None, message)

    def _finish_thread(self) -> None:
        worker, thread = self._worker, self._thread
        self._worker = self._thread = None
        end_thread(worker, thread)
        self.progress_bar.hide()
        self.recompute_button.setToolTip(RECOMPUTE_TIP)

    def shutdown(self) -> None:
        """Stop a recomputation under way (call when the window closes)."""
        self.timer.stop()
        self.cancel_recompute()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def refresh(self) -> None:
        cc, error = None, ""
        m = self.matrix
        if m is None or not m.options or not m.criteria or not m.profiles:
            error = "Add options, criteria and a weight profile to compare methods."
        else:
            try:
                cc = crosscheck(m, self.profile_id, self.settings())
            except (TradeoffError, KeyError) as e:
                error = str(e.args[0]) if isinstance(e, KeyError) else str(e)
        self._show(cc, error)

    def _show(self, cc: CrossCheck | None, error: str) -> None:
        """The table of ``cc`` (worked out here or on the worker thread), or ``error``."""
        self.model.set_crosscheck(cc)
        self.current = cc
        if cc is None:
            self.normalisations.setText("")
            self.notes.setText(error)
            return
        self.normalisations.setText("Normalisations: " + "; ".join(
            f"{o.display_name}: {o.normalisation}" for o in cc.outcomes if o.result))
        self.notes.setText("\n".join(self._notes(cc)))

    @staticmethod
    def _notes(cc: CrossCheck) -> list[str]:
        notes = [f"{o.display_name} could not run: {o.error}" for o in cc.outcomes if o.error]
        vikor = next((o for o in cc.outcomes if o.key == "vikor" and o.result), None)
        if vikor is not None:
            names = dict(zip(cc.option_ids, cc.option_names, strict=True))
            notes.append("VIKOR: " + vikor.result.extras["compromise"].describe(names))
        return notes
