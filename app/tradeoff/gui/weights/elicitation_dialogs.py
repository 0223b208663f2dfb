"""Dialogs that elicit the weights of one level of the value tree.

Each dialog works on a matrix and a weight profile (never changing either),
shows the weights its inputs produce as they are entered, and on OK offers
:meth:`ElicitationDialog.outcome` (the level's weights and the inputs behind
them) and :meth:`ElicitationDialog.updated_profile` (a copy of the profile with
both applied), ready for one ``ReplaceProfile`` undo command. Reopening a
dialog on that profile shows the judgements that were made.

* :class:`SwingDialog`: points 0–100 per swing from worst to best anchor.
* :class:`RankDialog`: an order of importance, weighted by rank-order
  centroid, rank sum or reciprocal rank.
* :class:`~tradeoff.gui.weights.ahp_dialog.AhpDialog` (its own module): Saaty's
  pairwise comparisons, with the consistency ratio and the judgement to revisit
  when it is above 0.10.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.elicitation.rank_weights import RANK_METHODS, rank_weights
from tradeoff.core.elicitation.records import (
    ElicitationOutcome,
    apply_outcome,
    elicitation_levels,
    level_items,
    level_title,
    node_name,
    read_numbers,
    stored_record,
)
from tradeoff.core.elicitation.swing import (
    TOP_POINTS,
    points_from_weights,
    swing_text,
    swing_weights,
)
from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.gui.common.roles import ALIGN, DISPLAY

POINT_DECIMALS = 4  # as the weights panel shows points, at most
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()


class WeightsPreviewModel(QAbstractTableModel):
    """Read-only table of the weights the current inputs give: item, weight in %."""

    HEADERS = ("Criterion or group", "Weight")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, float | None]] = []

    def set_rows(self, rows: list[tuple[str, float | None]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role not in (DISPLAY, ALIGN):
            return None
        name, weight = self.rows[index.row()]
        if role == ALIGN:
            return RIGHT if index.column() == 1 else None
        if index.column() == 0:
            return name
        return "—" if weight is None else f"{100 * weight:.1f} %"

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None


class ElicitationDialog(QDialog):
    """Shared frame: a level chooser, the method's inputs, a preview, OK/Cancel."""

    METHODS: frozenset[str] = frozenset()  # record methods this dialog can reopen
    TITLE = "Elicit weights"
    elicited = Signal(object)      # the ElicitationOutcome, on OK

    def __init__(self, matrix: DecisionMatrix, profile_id: str | None = None,
                 level: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix, self.profile = matrix, matrix.profile(profile_id)
        self.setWindowTitle(f"{self.TITLE} — {self.profile.name}")
        self.levels = elicitation_levels(matrix)
        self._outcome: ElicitationOutcome | None = None
        self._current: ElicitationOutcome | None = None
        self.level_box = QComboBox(objectName="level")
        for p in self.levels:
            self.level_box.addItem(level_title(matrix, p), p)
        self.inputs = QWidget()
        self.inputs_layout = QVBoxLayout(self.inputs)
        self.inputs_layout.setContentsMargins(0, 0, 0, 0)
        self.preview_model = WeightsPreviewModel(self)
        self.preview = QTableView(objectName="preview")
        self.preview.setModel(self.preview_model)
        self.preview.verticalHeader().hide()
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.message = QLabel(objectName="message", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Level:", self.level_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.inputs, 3)
        layout.addWidget(QLabel("Resulting weights (normalised within the level):"))
        layout.addWidget(self.preview, 2)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if level in self.levels:
            self.level_box.setCurrentIndex(self.levels.index(level))
        self.level_box.currentIndexChanged.connect(lambda _i: self._load_level())
        if not self.levels:
            self.message.setText("Nothing to weigh: no level of the value tree has two or more "
                                 "criteria or groups.")
            self.ok_button.setEnabled(False)
        else:
            self._load_level()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def level(self) -> str | None:
        return self.level_box.currentData()

    @property
    def items(self) -> list[str]:
        return level_items(self.matrix, self.level)

    def name(self, node_id: str) -> str:
        return node_name(self.matrix, node_id)

    def record(self) -> dict[str, Any] | None:
        return stored_record(self.profile, self.level, self.METHODS)

    def _load_level(self) -> None:
        while self.inputs_layout.count():
            widget = self.inputs_layout.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)  # off screen at once, deleted when Qt is ready
                widget.deleteLater()
        self.build_inputs(self.items)
        self.refresh()

    def refresh(self) -> None:
        """Recompute the weights from the inputs and show them, or say what is wrong."""
        try:
            self._current = self.compute()
            error = None
        except TradeoffError as e:
            self._current, error = None, str(e)
        weights = self._current.weights if self._current else {}
        self.preview_model.set_rows([(self.name(k), weights.get(k)) for k in self.items])
        if error:
            error = error[0].upper() + error[1:]
        self.message.setText(error or self.note())
        self.ok_button.setEnabled(self._current is not None)

    def accept(self) -> None:
        if self._current is None:
            return
        self._outcome = self._current
        self.elicited.emit(self._outcome)
        super().accept()

    def outcome(self) -> ElicitationOutcome | None:
        """The accepted level weights and inputs (None until OK)."""
        return self._outcome

    def updated_profile(self) -> WeightProfile | None:
        """A copy of the profile with the accepted outcome applied (None until OK)."""
        return None if self._outcome is None else apply_outcome(self.profile, self._outcome)

    # -- for subclasses ----------------------------------------------------------------
    def build_inputs(self, items: list[str]) -> None:
        raise NotImplementedError

    def compute(self) -> ElicitationOutcome:
        raise NotImplementedError

    def note(self) -> str:
        return ""


class SwingPointsBox(QDoubleSpinBox):
    """Swing points, 0–100 (or the stored points, if more), with up to POINT_DECIMALS
    decimals typed or shown and no trailing zeros: 37.5 shows as 37.5, not 38 beside a
    preview worked out from 37.5, and 40 as 40."""

    def __init__(self, points: float) -> None:
        super().__init__()
        self.setDecimals(POINT_DECIMALS)  # before the range, which it rounds
        self.setRange(0, max(TOP_POINTS, points))
        self.setValue(points)

    def textFromValue(self, value: float) -> str:
        locale = self.locale()
        text = locale.toString(value, "f", self.decimals()).replace(locale.groupSeparator(),
                                                                     "")
        point = locale.decimalPoint()
        return text.rstrip("0").removesuffix(point) if point in text else text


class SwingDialog(ElicitationDialog):
    """Swing weighting: the most valued swing gets 100 points, the others 0–100."""

    METHODS = frozenset({"swing"})
    TITLE = "Swing weights"

    def build_inputs(self, items: list[str]) -> None:
        # Without swing points stored for every item of the level (none elicited, or an
        # item added since), the boxes start from the level's weights as they are, so OK
        # alone keeps them rather than making each swing without points worth 100.
        stored = read_numbers(self.record(), "points")
        if not set(items) <= set(stored):
            stored = points_from_weights(self.profile.weights, items) or stored
        box = QWidget()
        grid = QGridLayout(box)
        grid.addWidget(QLabel("<b>Swing from worst to best</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Points</b>"), 0, 1)
        self.spins: dict[str, QDoubleSpinBox] = {}
        # Points with more decimals than a box holds are kept as stored unless the user
        # changes the box, so OK alone never moves a weight.
        self.stored_points: dict[str, tuple[float, float]] = {}
        for row, item in enumerate(items, start=1):
            points = stored.get(item, TOP_POINTS)
            spin = SwingPointsBox(points)
            spin.setObjectName(f"points_{item}")
            if item in stored:
                self.stored_points[item] = (spin.value(), float(stored[item]))
            spin.valueChanged.connect(lambda _v: self.refresh())
            label = QLabel(swing_text(self.matrix, item), wordWrap=True)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0)
            grid.addWidget(spin, row, 1)
            self.spins[item] = spin
        grid.setColumnStretch(0, 1)
        self.inputs_layout.addWidget(QLabel(
            "Picture an option at the worst anchor of every criterion. Give the swing you "
            "would most like to make 100 points, and rate each other swing against it.",
            wordWrap=True))
        self.inputs_layout.addWidget(box)
        self.inputs_layout.addStretch()

    def compute(self) -> ElicitationOutcome:
        points = {item: self._points(item, spin) for item, spin in self.spins.items()}
        return ElicitationOutcome(self.level, "swing", swing_weights(points), {"points": points})


    def _points(self, item: str, spin: QDoubleSpinBox) -> float:
        shown, stored = self.stored_points.get(item, (None, 0.0))
        return stored if spin.value() == shown else float(spin.value())


class RankDialog(ElicitationDialog):
    """Rank-based weights: drag the items into order of importance, pick the formula."""

    METHODS = frozenset(RANK_METHODS)
    TITLE = "Weights from a ranking"

    def build_inputs(self, items: list[str]) -> None:
        record = self.record()
        ranks = read_numbers(record, "ranks")
        # Stored ranks of every item are kept, ties and all (a file may rank two items
        # alike; the list cannot show it), until the user reorders the list.
        self.stored_ranks = ({k: record["ranks"][k] for k in items}  # type: ignore[index]
                             if set(items) <= set(ranks) else {})
        if not ranks:  # none stored: most important first, as the level's weights have it
            points = points_from_weights(self.profile.weights, items)
            ranks = {k: -p for k, p in points.items()}  # more points, earlier
        order = sorted(items, key=lambda k: (ranks.get(k, len(items) + 1), items.index(k)))
        self.shown_order = order
        self.formula = QComboBox(objectName="formula")
        for key, text in RANK_METHODS.items():
            self.formula.addItem(text, key)
        if record is not None:
            self.formula.setCurrentIndex(list(RANK_METHODS).index(record["method"]))
        self.formula.currentIndexChanged.connect(lambda _i: self.refresh())
        self.order_list = QListWidget(objectName="order")
        self.order_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for item in order:
            entry = QListWidgetItem(self.name(item))
            entry.setData(Qt.ItemDataRole.UserRole, item)
            self.order_list.addItem(entry)
        self.order_list.model().rowsMoved.connect(lambda *_a: self.refresh())
        up, down = QPushButton("Move &up", objectName="up"), QPushButton("Move &down",
                                                                            objectName="down")
        up.clicked.connect(lambda: self.move_current(-1))
        down.clicked.connect(lambda: self.move_current(+1))
        buttons = QHBoxLayout()
        buttons.addWidget(up)
        buttons.addWidget(down)
        buttons.addStretch()
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow("&Formula:", self.formula)
        layout.addLayout(form)
        layout.addWidget(QLabel("Most important first:"))
        layout.addWidget(self.order_list)
        layout.addLayout(buttons)
        self.inputs_layout.addWidget(box)

    def move_current(self, step: int) -> None:
        row = self.order_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.order_list.count():
            return
        entry = self.order_list.takeItem(row)
        self.order_list.insertItem(target, entry)
        self.order_list.setCurrentRow(target)
        self.refresh()

    def order(self) -> list[str]:
        return [self.order_list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.order_list.count())]

    def note(self) -> str:
        ranks = self.stored_ranks
        if not ranks or self.order() != self.shown_order or len(set(ranks.values())) == len(ranks):
            return ""
        tied = [self.name(k) for k in self.shown_order
                if list(ranks.values()).count(ranks[k]) > 1]
        return (f"Ranked alike as stored: {', '.join(tied)}. Moving an item ranks every "
                "item apart.")

    def compute(self) -> ElicitationOutcome:
        order = self.order()
        ranks = (self.stored_ranks if self.stored_ranks and order == self.shown_order
                 else {item: k + 1 for k, item in enumerate(order)})
        method = self.formula.currentData()
        return ElicitationOutcome(self.level, method, rank_weights(ranks, method),
                                  {"ranks": ranks})
