"""The Value-for-money view: benefit against a chosen cost criterion, the efficient
frontier drawn, and a table of benefit per unit of cost with each option's gap to
the frontier. Options failing a must-have are left out, as in the ranking.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.screening import without_screened
from tradeoff.core.value_for_money import ValueForMoney, value_for_money
from tradeoff.gui.common.when_seen import RecomputeWhenSeen
from tradeoff.gui.document import Document
from tradeoff.gui.value.canvas import ChartCanvas, SavesChart
from tradeoff.gui.value.vfm_table import HEADERS, VfmTableModel


def cost_candidates(matrix: DecisionMatrix) -> list[tuple[str, str]]:
    """(id, name) of the numeric criteria, cost criteria first: what may be the x-axis."""
    numeric = [c for c in matrix.criteria if not c.is_level_scale]
    numeric.sort(key=lambda c: c.best > c.worst)  # cost direction (best below worst) first
    return [(c.id, c.name) for c in numeric]


class CostChooser(QComboBox):
    """The cost criterion, kept when the criteria change if it still exists."""

    def fill(self, matrix: DecisionMatrix) -> None:
        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        for cid, name in cost_candidates(matrix):
            self.addItem(name, cid)
        index = self.findData(current)
        self.setCurrentIndex(index if index >= 0 else 0)
        self.blockSignals(False)


# Options above which the view is not worked out in the window on every change: at
# 10,000 options the frontier takes 0.03 s and the chart about a tenth of a second.
LIVE_LIMIT = 20_000


class ValueView(SavesChart, RecomputeWhenSeen, QWidget):
    message = Signal(str)
    CHART_FILE = "value-for-money.png"

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.result: ValueForMoney | None = None
        self.cost_box = CostChooser()
        self.cost_box.setAccessibleName("Cost criterion")
        self.cost_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cost_box.currentIndexChanged.connect(self.recompute)
        self.save_button = QPushButton("Save Chart…")
        self.save_button.clicked.connect(self.save_chart_dialog)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.chart = ChartCanvas(self._draw)
        self.model = VfmTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Value for money by option")
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrows move between cells
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        # Fitted to the rows on screen: fitting to every row reads each of thousands.
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        top = QHBoxLayout()
        top.addWidget(QLabel("Cost:"))
        top.addWidget(self.cost_box, 1)
        top.addWidget(self.save_button)
        split = QSplitter()
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(split, 1)
        self._stale = True
        for signal in (document.changed, document.weights_changed, document.replaced):
            signal.connect(self.schedule)


    def recompute(self) -> None:
        self._stale = False
        matrix = self.document.matrix
        self.cost_box.fill(matrix)
        cost = self.cost_box.currentData()
        self.result = None
        if len(matrix.options) > LIVE_LIMIT:
            self.note.setText(
                f"Value for money is worked out here for up to {LIVE_LIMIT:,} options; this "
                f"matrix has {len(matrix.options):,}. `tradeoff value FILE --cost CRITERION` "
                "gives it, with the chart (--chart OUT.png).")
        elif cost is None:
            self.note.setText("Value for money needs a criterion with a numeric scale as the "
                              "cost.")
        else:
            try:
                self.result = value_for_money(without_screened(matrix), None, cost)
            except (TradeoffError, KeyError) as e:
                self.note.setText(str(e.args[0]) if e.args else str(e))
            else:
                self.note.setText(_note(self.result, matrix))
        self._fill_table()
        self.chart.ensure_canvas()
        self.chart.refresh()

    def _fill_table(self) -> None:
        self.model.set_result(self.result)

    def _draw(self, figure) -> None:
        from tradeoff.io.value_charts import draw_value_for_money

        axes = figure.add_subplot()
        if self.result is not None:
            draw_value_for_money(axes, self.result)



def _note(vfm: ValueForMoney, matrix: DecisionMatrix) -> str:
    names = {c.id: c.name for c in matrix.criteria}
    shares = ", ".join(f"{names[c]} {w:.0%}" for c, w in vfm.benefit_weights.items())
    off = sum(not p.efficient for p in vfm.points)
    text = (f"Benefit (0–100) weighs the other criteria: {shares}. "
            f"{len(vfm.frontier)} on the frontier (bold), {off} off it.")
    if vfm.left_out:
        text += f" {len(vfm.left_out)} left out for a missing score."
    return text
