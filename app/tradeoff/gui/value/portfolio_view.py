"""The Portfolio view: a budget slider and the best set of options within it.

Moving the slider re-solves the portfolio (an exact MILP) and updates the
selection, its totals and the charts live: value for money with the chosen
options ringed, and the order-of-merit curve with its knee, the best benefit at
each budget and the budget line. Options failing a must-have are not candidates.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.errors import TradeoffError
from tradeoff.core.number_text import cost_text
from tradeoff.core.portfolio import (
    BudgetCurve,
    MeritCurve,
    Portfolio,
    PortfolioInputs,
    best_portfolio,
    budget_curve,
    merit_order,
    portfolio_inputs,
)
from tradeoff.core.screening import without_screened
from tradeoff.core.value_for_money import ValueForMoney, value_for_money
from tradeoff.gui.common.cell_values import decimals_to_show
from tradeoff.gui.common.when_seen import RecomputeWhenSeen
from tradeoff.gui.document import Document
from tradeoff.gui.value.canvas import ChartCanvas, SavesChart
from tradeoff.gui.value.vfm_view import CostChooser

BUDGET_DECIMALS = 2  # the budget box's at least; a budget is chosen as shown
MAX_BUDGET_DECIMALS = 6
SLIDER_STEPS = 1000
CURVE_STEPS = 20
HEADERS = ["Option", "Cost", "Benefit", "Merit", "Chosen", "Must fund", "Never fund"]
MUST, NEVER = 5, 6  # the checkable columns
# Candidates above which no portfolio is chosen in the window: each budget is an exact
# MILP, and the curve solves CURVE_STEPS of them — seconds at 500 options, minutes at
# 5,000 — on the GUI thread.
LIVE_LIMIT = 500


class PortfolioView(SavesChart, RecomputeWhenSeen, QWidget):
    message = Signal(str)
    CHART_FILE = "portfolio.png"

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.inputs: PortfolioInputs | None = None
        self.vfm: ValueForMoney | None = None
        self.merit: MeritCurve | None = None
        self.curve: BudgetCurve | None = None
        self.chosen: Portfolio | None = None
        self.top = 0.0  # the cost of every candidate together: the slider's end
        # The budget as the user set it, an amount of money: edits elsewhere never move
        # it (only a total cost below it caps it, and the summary says so).
        self.budget: float | None = None
        # As many as the costs have (2 at least): costs of 0.004 M€ each need a budget
        # finer than 0.01 M€, which would fund all of them or none.
        self.decimals = BUDGET_DECIMALS
        self.include_ids: set[str] = set()  # option ids ticked "Must fund"
        self.exclude_ids: set[str] = set()  # … and "Never fund"
        self._rows: list[int] = []  # table row → index into inputs
        self.cost_box = CostChooser()
        self.cost_box.setAccessibleName("Cost criterion")
        self.cost_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.cost_box.currentIndexChanged.connect(self.recompute)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setAccessibleName("Budget")
        self.slider.valueChanged.connect(self._slider_moved)
        self.budget_box = QDoubleSpinBox()
        self.budget_box.setDecimals(BUDGET_DECIMALS)
        self.budget_box.setAccessibleName("Budget")
        self.budget_box.valueChanged.connect(self._budget_typed)
        self.save_button = QPushButton("Save Chart…")
        self.save_button.clicked.connect(self.save_chart_dialog)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Portfolio projects")
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrows move between cells
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.itemChanged.connect(self._constraint_toggled)
        self.chart = ChartCanvas(self._draw)
        row = QHBoxLayout()
        row.addWidget(QLabel("Cost:"))
        row.addWidget(self.cost_box)
        row.addWidget(QLabel("Budget:"))
        row.addWidget(self.slider, 1)
        row.addWidget(self.budget_box)
        row.addWidget(self.save_button)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)  # the two charts need the room
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self._stale = True
        for signal in (document.changed, document.weights_changed, document.replaced):
            signal.connect(self.schedule)
        document.replaced.connect(self._forget_budget)

    def _forget_budget(self) -> None:
        self.budget = None  # another matrix: start again from a third of its total cost


    # -- data ------------------------------------------------------------------------------
    def recompute(self) -> None:
        """New candidates, merit order and budget curve; the budget stays as set."""
        self._stale = False
        matrix = self.document.matrix
        self.cost_box.fill(matrix)
        cost = self.cost_box.currentData()
        self.inputs = self.vfm = self.merit = self.curve = self.chosen = None
        try:
            if len(matrix.options) > LIVE_LIMIT:
                raise TradeoffError(
                    f"A portfolio is chosen here for up to {LIVE_LIMIT:,} options; this matrix "
                    f"has {len(matrix.options):,}, too many to solve exactly for each budget "
                    "as the slider moves. `tradeoff portfolio FILE --cost CRITERION --budget "
                    "B` chooses it.")
            if cost is None:
                raise TradeoffError("a portfolio needs a criterion with a numeric scale as "
                                    "the cost")
            kept = without_screened(matrix)
            self.inputs = portfolio_inputs(kept, None, cost)
            self.vfm = value_for_money(kept, None, cost)
            self.merit = merit_order(self.inputs.costs, self.inputs.benefits)
            include, exclude = self._fixed()
            self.curve = budget_curve(self.inputs.costs, self.inputs.benefits, CURVE_STEPS,
                                      include=include, exclude=exclude)
        except (TradeoffError, KeyError) as e:
            self.inputs = None
            self.summary.setText(str(e.args[0]) if e.args else str(e))
        self.top = float(np.clip(self.inputs.costs, 0, None).sum()) if self.inputs else 0.0
        # The budget kept from before shows as set, too, even if the costs are coarser now.
        amounts = [*(self.inputs.costs if self.inputs else []),
                   *([] if self.budget is None else [self.budget])]
        self.decimals = max([BUDGET_DECIMALS] + [
            decimals_to_show(float(x), BUDGET_DECIMALS, MAX_BUDGET_DECIMALS) for x in amounts])
        self.budget_box.blockSignals(True)
        self.budget_box.setDecimals(self.decimals)
        self.budget_box.setRange(0.0, max(self.top, 0.0))
        self.budget_box.blockSignals(False)
        if self.budget is None:
            self.set_budget(round(self.top / 3, self.decimals))
        else:
            self.set_budget(min(self.budget, self.top), capped=self.budget > self.top)

    def set_budget(self, budget: float, capped: bool = False) -> None:
        """Move the slider and the box to ``budget`` and choose the portfolio for it.

        ``capped``: the budget the user set is more than every candidate costs
        together; it is shown as that total (and the summary says so) but kept, so
        it comes back when the total grows again.
        """
        if not capped:
            self.budget = budget
        for widget, value in ((self.slider, self._to_steps(budget)), (self.budget_box, budget)):
            widget.blockSignals(True)
            widget.setValue(value)
            widget.blockSignals(False)
        self._choose(budget)
        if capped:
            self.summary.setText(f"{self.summary.text()} (the budget set, "
                                 f"{self.budget:,.{self.decimals}f}, is more than every "
                                 "candidate costs together)")

    def _to_steps(self, budget: float) -> int:
        return round(SLIDER_STEPS * budget / self.top) if self.top > 0 else 0

    def _slider_moved(self, steps: int) -> None:
        # Rounded as the box shows it, so the portfolio is chosen for the number seen.
        budget = round(self.top * steps / SLIDER_STEPS, self.decimals)
        self.budget = budget
        self.budget_box.blockSignals(True)
        self.budget_box.setValue(budget)
        self.budget_box.blockSignals(False)
        self._choose(budget)

    def _budget_typed(self, budget: float) -> None:
        self.budget = budget
        self.slider.blockSignals(True)
        self.slider.setValue(self._to_steps(budget))
        self.slider.blockSignals(False)
        self._choose(budget)

    def _choose(self, budget: float) -> None:
        self.chosen = None
        if self.inputs is not None:
            try:
                include, exclude = self._fixed()
                self.chosen = best_portfolio(self.inputs.costs, self.inputs.benefits, budget,
                                             include=include, exclude=exclude,
                                             names=self.inputs.names)
            except TradeoffError as e:
                self.summary.setText(str(e))
            else:
                self.summary.setText(self._summary_text())
        self._fill_table()
        self.chart.ensure_canvas()
        self.chart.refresh()

    def _fixed(self) -> tuple[set[int], set[int]]:
        """Indices of the options ticked "Must fund" and "Never fund" (still candidates)."""
        ids = self.inputs.ids if self.inputs else []
        return ({i for i, o in enumerate(ids) if o in self.include_ids},
                {i for i, o in enumerate(ids) if o in self.exclude_ids})

    def set_fixed(self, option_id: str, include: bool = False, exclude: bool = False) -> None:
        """Tick an option's "Must fund" or "Never fund" (or neither) and choose again."""
        self.include_ids.discard(option_id)
        self.exclude_ids.discard(option_id)
        if include:
            self.include_ids.add(option_id)
        elif exclude:
            self.exclude_ids.add(option_id)
        self.recompute()

    def _constraint_toggled(self, item: QTableWidgetItem) -> None:
        if item.column() not in (MUST, NEVER) or self.inputs is None:
            return
        option = self.inputs.ids[self._rows[item.row()]]
        ticked = item.checkState() == Qt.CheckState.Checked
        self.set_fixed(option, include=ticked and item.column() == MUST,
                       exclude=ticked and item.column() == NEVER)

    def selected_names(self) -> list[str]:
        if self.chosen is None or self.inputs is None:
            return []
        return [self.inputs.names[i] for i in self.chosen.selected]

    def _summary_text(self) -> str:
        p, inputs = self.chosen, self.inputs
        unit = self.vfm.unit if self.vfm else ""
        d = self.decimals
        text = (f"Budget {p.budget:,.{d}f} {unit}: fund {len(p.selected)} of "
                f"{len(inputs.names)} options, costing {p.total_cost:,.{d}f} {unit}, with total "
                f"benefit {p.total_benefit:.1f}.")
        if self.merit is not None and self.merit.knee is not None:
            k = self.merit.knee
            text += (f" The order of merit bends after {inputs.names[self.merit.order[k]]} "
                     f"(at {self.merit.cumulative_cost[k]:,.{d}f} {unit}).")
        poor = [q.name for q in self.vfm.points if not q.efficient] if self.vfm else []
        if poor:
            text += f" Off the value-for-money frontier: {len(poor)}."
        return text

    def _fill_table(self) -> None:
        inputs = self.inputs
        order = list(self.merit.order) if self.merit is not None else []
        picked = set(self.chosen.selected) if self.chosen else set()
        self._rows = order
        self.table.blockSignals(True)  # filling is not the user ticking a box
        self.table.setRowCount(len(order))
        for r, i in enumerate(order):
            cells = [inputs.names[i], cost_text(inputs.costs[i]),
                     f"{inputs.benefits[i]:.1f}",
                     str(r + 1), "✓" if i in picked else ""]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if i in picked:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(r, c, item)
            for c, fixed in ((MUST, self.include_ids), (NEVER, self.exclude_ids)):
                box = QTableWidgetItem()
                box.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                box.setCheckState(Qt.CheckState.Checked if inputs.ids[i] in fixed
                                  else Qt.CheckState.Unchecked)
                self.table.setItem(r, c, box)
        self.table.blockSignals(False)

    # -- chart -----------------------------------------------------------------------------
    def _draw(self, figure) -> None:
        from tradeoff.io.value_charts import draw_merit_curve, draw_value_for_money

        left, right = figure.subplots(1, 2)
        if self.vfm is None or self.inputs is None or self.merit is None:
            return
        chosen = ({self.inputs.ids[i] for i in self.chosen.selected} if self.chosen
                  else set())
        draw_value_for_money(left, self.vfm, selected=chosen, max_labels=0)
        draw_merit_curve(right, self.merit, self.inputs.names, curve=self.curve,
                         budget=self.chosen.budget if self.chosen else None,
                         cost_name=self.vfm.cost_name)
