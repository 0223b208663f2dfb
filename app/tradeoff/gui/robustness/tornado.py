"""Tornado chart: how far each score range moves the winner's margin over the runner-up.

Each bar runs from the margin with the cell at its low end to the margin at
its high end, widest first (top). Bars that cross zero (the vertical line)
are ranges that alone could hand the lead to another option.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from tradeoff.core.model import DecisionMatrix
from tradeoff.core.palette import ROSE as CAN_FLIP
from tradeoff.core.palette import TEAL as CANNOT_FLIP
from tradeoff.core.tornado import Tornado, tornado
from tradeoff.gui.robustness.charts import LazyChart, shorten
from tradeoff.gui.robustness.recompute import outcome

MAX_BARS = 15


class TornadoChart(LazyChart):
    """The tornado of one matrix and profile; the widest ``MAX_BARS`` bars are drawn."""

    placeholder_text = "The tornado chart appears here."

    def __init__(self, matrix: DecisionMatrix | None = None, profile_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: Tornado | None = None
        self.labels: list[str] = []
        self.bars: Any = None
        self.error = ""
        self.matrix: DecisionMatrix | None = None
        if matrix is not None:
            self.set_matrix(matrix, profile_id)

    def set_matrix(self, matrix: DecisionMatrix, profile_id: str | None = None) -> None:
        self.show_result(matrix, outcome(lambda: tornado(matrix, matrix.profile(profile_id))))

    def show_result(self, matrix: DecisionMatrix, result: Tornado | str) -> None:
        """Show the tornado worked out for ``matrix`` (or why there is none)."""
        self.matrix = matrix
        if isinstance(result, str):
            self.result, self.error = None, result
        else:
            self.result, self.error = result, ""
        shown = self.result.bars[:MAX_BARS] if self.result else []
        self.labels = [f"{shorten(matrix.option(b.option).name, 22)} · "
                       f"{shorten(matrix.criterion(b.criterion).name, 22)}" for b in shown]
        self.refresh()

    def draw(self) -> None:
        ax, t = self.axes, self.result
        self.bars = None
        shown = [b for b in (t.bars if t else [])[:MAX_BARS]]
        if not shown:
            text = self.error or "No score has a low/high range"
            ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes)
            return
        y = list(range(len(shown)))[::-1]  # widest at the top
        left = [min(b.margin_at_low, b.margin_at_high) for b in shown]
        width = [b.swing for b in shown]
        colours = [CAN_FLIP if b.can_flip else CANNOT_FLIP for b in shown]
        self.bars = ax.barh(y, width, left=left, color=colours, height=0.6)
        ax.axvline(0, color="black", linewidth=1)
        ax.axvline(t.base_margin, color="0.4", linestyle="--", linewidth=1,
                   label=f"margin now {t.base_margin:.3f}")
        ax.set_yticks(y, self.labels, fontsize="small")
        winner = self.matrix.option(t.winner).name if self.matrix and t.winner else ""
        ax.set_xlabel(f"Margin of {shorten(winner)} over the runner-up (below 0: it loses)")
        ax.grid(True, axis="x", alpha=0.3)
        ax.legend(fontsize="small", loc="best")
