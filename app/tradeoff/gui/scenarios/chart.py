"""Each option's total across the scenarios, one line per option.

matplotlib is imported when the chart is first shown, as the other charts do.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tradeoff.gui.common.chart_palette import apply_palette, category_colour
from tradeoff.gui.common.text_scale import points


class ScenarioChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel("The chart of totals across the scenarios appears here.")
        self._layout.addWidget(self.placeholder)
        self.figure: Any = None
        self.canvas: Any = None
        self.axes: Any = None
        self.scenarios: list[str] = []
        self.series: list[tuple[str, list[float], bool]] = []  # option, totals, minimax
        self.draws = 0

    def set_data(self, scenarios: list[str],
                 series: list[tuple[str, list[float], bool]]) -> None:
        self.scenarios, self.series = scenarios, series
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_canvas()

    def _plot(self) -> None:
        ax = self.axes
        ax.clear()
        xs = list(range(len(self.scenarios)))
        for k, (name, totals, chosen) in enumerate(self.series):  # one colour per option
            ax.plot(xs, totals, marker="o", color=category_colour(k),
                    linewidth=2.6 if chosen else 1.4,
                    label=f"{name} (minimax regret)" if chosen else name)
        ax.set_xticks(xs, [s if len(s) <= 22 else s[:21] + "…" for s in self.scenarios])
        ax.set_ylabel("Total value (0 = worst, 1 = best)")
        if self.series:
            ax.legend(fontsize="small", loc="best")

    def ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(6, 3), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(200, 140)
        self.axes = self.figure.add_subplot(111)
        self._layout.removeWidget(self.placeholder)
        self.placeholder.deleteLater()
        self._layout.addWidget(self.canvas)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                            QEvent.Type.ApplicationFontChange):
            self.refresh()

    def refresh(self) -> None:
        if self.canvas is None:
            return
        from matplotlib import rc_context

        with rc_context({"font.size": points(10)}):  # text follows the application font
            self._plot()
        apply_palette(self.figure, self.palette())
        self.canvas.draw_idle()
        self.draws += 1
