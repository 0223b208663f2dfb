"""Each option's total across the scenarios, one line per option.

matplotlib is imported when the chart is first shown, as the other charts do.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from tradeoff.gui.common.chart_palette import category_colour
from tradeoff.gui.common.lazy_chart import LazyChart


class ScenarioChart(LazyChart):
    placeholder_text = "The chart of totals across the scenarios appears here."
    figure_size = (6, 3)
    minimum_size = (200, 140)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenarios: list[str] = []
        self.series: list[tuple[str, list[float], bool]] = []  # option, totals, minimax

    def set_data(self, scenarios: list[str],
                 series: list[tuple[str, list[float], bool]]) -> None:
        self.scenarios, self.series = scenarios, series
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        QWidget.showEvent(self, event)
        self.ensure_canvas()  # the Scenarios view decides when it is seen

    def draw(self) -> None:
        ax = self.axes
        xs = list(range(len(self.scenarios)))
        for k, (name, totals, chosen) in enumerate(self.series):  # one colour per option
            ax.plot(xs, totals, marker="o", color=category_colour(k),
                    linewidth=2.6 if chosen else 1.4,
                    label=f"{name} (minimax regret)" if chosen else name)
        ax.set_xticks(xs, [s if len(s) <= 22 else s[:21] + "…" for s in self.scenarios])
        ax.set_ylabel("Total value (0 = worst, 1 = best)")
        if self.series:
            ax.legend(fontsize="small", loc="best")
