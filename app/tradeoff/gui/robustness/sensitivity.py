"""One-way weight sensitivity in the window: a line chart per criterion or group, and the table.

:class:`SensitivityChart` draws every option's total against the swept weight
(0..100 %), a dashed line at the current weight, the band within which the
current winner stays first, and a marker at every exact change point (filled
where the winner changes). :class:`StabilityTable` lists every criterion and
group with its current weight and stability intervals. :class:`SensitivityPanel`
puts the two together with a chooser and lists the chosen sweep's change points.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from tradeoff.core.model import DecisionMatrix
from tradeoff.core.robustness_report import change_point_table, stability_table
from tradeoff.core.sensitivity import Sweep, all_sweeps
from tradeoff.gui.common.chart_palette import category_colour
from tradeoff.gui.robustness.charts import LazyChart, percent_axis, shorten
from tradeoff.gui.robustness.models import ReportTableModel, report_view
from tradeoff.gui.robustness.recompute import outcome


class SensitivityChart(LazyChart):
    """Totals of every option as straight lines in one criterion's (or group's) weight."""

    placeholder_text = "The sensitivity chart appears here."

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sweep: Sweep | None = None
        self.names: dict[str, str] = {}
        self.lines: list[Any] = []
        self.current_line: Any = None
        self.markers: Any = None  # change points, one marker each
        self.marker_weights: list[float] = []

    def set_sweep(self, sweep: Sweep | None, names: dict[str, str]) -> None:
        self.sweep, self.names = sweep, dict(names)
        self.refresh()

    def draw(self) -> None:
        ax, s = self.axes, self.sweep
        self.lines, self.current_line, self.markers, self.marker_weights = [], None, None, []
        if s is None or not s.options:
            ax.text(0.5, 0.5, "Nothing to sweep", ha="center", va="center",
                    transform=ax.transAxes)
            return
        ends = s.totals_at([0.0, 1.0])  # straight lines: two points say it all
        shown = drawn_lines(s)
        on_chart = set(shown)
        for k in shown:
            oid = s.options[k]
            (line,) = ax.plot([0, 1], ends[:, k], label=shorten(self.names.get(oid, oid)),
                              color=category_colour(k),
                              linewidth=2.2 if oid == s.winner else 1.3)
            self.lines.append(line)
        if len(shown) < len(s.options):
            ax.set_title(f"The leaders: {len(shown)} of {len(s.options):,} options",
                         fontsize="small")
        lo, hi = s.winner_interval
        ax.axvspan(lo, hi, color="0.5", alpha=0.12, lw=0, label="winner stays first")
        self.current_line = ax.axvline(s.current_weight, color="0.2", linestyle="--",
                                       linewidth=1, label=f"now {s.current_weight:.0%}")
        xs, ys, filled = [], [], []
        for p in s.change_points:
            totals = s.totals_at(p.weight)
            # (the leader's line when only the leader's changes were worked out)
            k = s.options.index(p.pairs[0][0] if p.pairs else p.winners_after[0])
            if k not in on_chart:
                continue  # between lines not drawn
            xs.append(p.weight)
            ys.append(float(totals[k]))
            filled.append(p.winner_changes)
        if xs:
            colours = ["black" if f else "white" for f in filled]
            self.markers = ax.scatter(xs, ys, s=36, c=colours, edgecolors="black", zorder=5,
                                      label="ranking changes (filled: new winner)")
            self.marker_weights = xs
        ax.set_xlim(0, 1)
        ax.set_xlabel(f"Weight of {shorten(s.name, 32)}", fontsize="small")
        ax.set_ylabel("Total value", fontsize="small")
        ax.tick_params(labelsize="small")
        percent_axis(ax.xaxis)
        ax.grid(True, alpha=0.3)
        # Beside the axes, never over the lines (the constrained layout makes room for it).
        self.figure.legend(*ax.get_legend_handles_labels(), fontsize="x-small",
                           loc="outside right upper", frameon=False)


MAX_LINES = 25  # options drawn when there are more: the leaders, now and at each change


def drawn_lines(s: Sweep) -> list[int]:
    """The options whose lines are drawn: all of them, or with more than MAX_LINES, those
    first at a change point, then the best at the current weight, up to MAX_LINES."""
    n = len(s.options)
    if n <= MAX_LINES:
        return list(range(n))
    at = {oid: k for k, oid in enumerate(s.options)}
    picked = dict.fromkeys(at[o] for p in s.change_points
                           for o in (*p.winners_before, *p.winners_after))
    for k in np.argsort(-s.totals_at(s.current_weight), kind="stable").tolist():
        if len(picked) >= MAX_LINES:
            break
        picked.setdefault(k)
    return sorted(picked)


class StabilityTable(QWidget):
    """Every criterion and group: weight now, and how far it can move."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReportTableModel(self)
        self.view = report_view(self.model, self)
        self.view.setAccessibleName("Weight stability")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def set_sweeps(self, matrix: DecisionMatrix, sweeps: list[Sweep]) -> None:
        table = stability_table(matrix, sweeps)
        # A weight whose winner interval is narrow (less than 5 points either way) stands out.
        fragile = {(r, -1) for r, s in enumerate(sweeps)
                   if min(s.current_weight - s.winner_interval[0],
                          s.winner_interval[1] - s.current_weight) < 0.05}
        self.model.set_table(table, fragile)


class SensitivityPanel(QWidget):
    """Chooser, chart, stability table and change points for one matrix and profile."""

    def __init__(self, matrix: DecisionMatrix | None = None, profile_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: DecisionMatrix | None = None
        self.sweeps: list[Sweep] = []
        self.compact = False
        self.chooser = QComboBox()
        self.chooser.setToolTip("The criterion or group whose weight is swept")
        self.chart = SensitivityChart()
        self.stability = StabilityTable()
        self.points_model = ReportTableModel(self)
        self.points_view = report_view(self.points_model, self)
        self.points_view.setAccessibleName("Change points")
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("Sweep the weight of"))
        top.addWidget(self.chooser, 1)
        # Wraps, so the sentence does not set the window's narrowest width.
        top.addWidget(QLabel("from 0 to 100 %, the others keeping their proportions",
                             wordWrap=True), 1)
        # Chart beside the tables: the panel usually sits in a wide, low dock.
        tables = QWidget()
        column = QVBoxLayout(tables)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.message)
        column.addWidget(self.stability, 2)
        column.addWidget(self.points_view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(tables)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.chooser.currentIndexChanged.connect(self._show_current)
        if matrix is not None:
            self.set_matrix(matrix, profile_id)

    def set_matrix(self, matrix: DecisionMatrix, profile_id: str | None = None) -> None:
        """Recompute every sweep for ``matrix`` under the profile (the active one if None)."""
        self.show_sweeps(matrix, outcome(lambda: all_sweeps(matrix, matrix.profile(profile_id))))

    def show_sweeps(self, matrix: DecisionMatrix, sweeps: list[Sweep] | str,
                    compact: bool = False) -> None:
        """Show ``sweeps`` worked out for ``matrix`` (or why there are none); ``compact``:
        they hold only the change points where the leader changes."""
        self.matrix = matrix
        self.compact = compact
        if isinstance(sweeps, str):
            self.sweeps = []
            self.message.setText(f"No sensitivity to show: {sweeps}")
        else:
            self.sweeps = sweeps
            self.message.setText("")
        keep = self.chooser.currentData()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for s in self.sweeps:
            label = s.name if s.kind == "criterion" else f"{s.name} (group)"
            self.chooser.addItem(label, s.target)
        targets = [s.target for s in self.sweeps]
        self.chooser.setCurrentIndex(targets.index(keep) if keep in targets else 0)
        self.chooser.blockSignals(False)
        self.stability.set_sweeps(matrix, self.sweeps)
        self._show_current()

    def select(self, target: str) -> None:
        """Show the sweep of criterion or group ``target``."""
        index = self.chooser.findData(target)
        if index >= 0:
            self.chooser.setCurrentIndex(index)

    def current_sweep(self) -> Sweep | None:
        target = self.chooser.currentData()
        return next((s for s in self.sweeps if s.target == target), None)

    def _show_current(self) -> None:
        names = {o.id: o.name for o in self.matrix.options} if self.matrix else {}
        s = self.current_sweep()
        self.chart.set_sweep(s, names)
        if self.matrix is not None:
            points = change_point_table(self.matrix, [s] if s is not None else [])
            new_winner = {(r, -1) for r, row in enumerate(points.rows) if row[4] == "yes"}
            self.points_model.set_table(points, new_winner)
        if s is not None and s.winner is not None:
            lo, hi = s.winner_interval
            self.message.setText(
                f"{names.get(s.winner, s.winner)} stays first while {s.name} weighs between "
                f"{lo:.1%} and {hi:.1%} (now {s.current_weight:.1%})." + (
                    f" With {len(s.options):,} options only the change points where the "
                    "leader changes are listed; `tradeoff analyse FILE --full` lists every "
                    "one." if self.compact else ""))
