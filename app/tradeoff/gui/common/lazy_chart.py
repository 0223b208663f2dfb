"""A matplotlib canvas that is created only when its chart is first needed.

matplotlib costs a noticeable part of start-up, so charts import it the first
time one of them is shown (or asked to draw), never when their module is
imported. Subclasses implement :meth:`LazyChart.draw` on ``self.axes`` and call
:meth:`LazyChart.refresh` when their data change; the drawn chart then takes the
widget's palette colours. Used by the robustness views and the scenarios chart.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tradeoff.gui.common.chart_palette import apply_palette
from tradeoff.gui.common.text_scale import points

# How long a chart that was shown waits for its layout to give it room on screen.
SETTLE_INTERVAL_MS, SETTLE_TRIES = 25, 20


class LazyChart(QWidget):
    """A placeholder label until the chart is shown; then a FigureCanvasQTAgg."""

    placeholder_text = "The chart appears here."
    figure_size = (6, 3.6)  # inches; the canvas grows to fit its place
    minimum_size = (200, 120)  # small enough for a low dock

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.placeholder_text, wordWrap=True)
        self._layout.addWidget(self.placeholder)
        self.figure: Any = None
        self.canvas: Any = None
        self.axes: Any = None
        self.draws = 0  # full redraws so far (tests and tuning)
        self._settle_tries = 0
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.timeout.connect(self._ensure_if_on_screen)

    @property
    def ready(self) -> bool:
        return self.canvas is not None

    def ensure_canvas(self) -> None:
        """Import matplotlib and build the figure (once)."""
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=self.figure_size, layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(*self.minimum_size)
        self.axes = self.figure.add_subplot(111)
        self._layout.removeWidget(self.placeholder)
        self.placeholder.deleteLater()
        self._layout.addWidget(self.canvas)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.isWindow():
            self.ensure_canvas()
        else:
            self.build_when_on_screen()

    def build_when_on_screen(self) -> None:
        """Build the chart once it really has a visible area on screen.

        A dock stacked behind another tab counts as shown without being seen, and
        raising its tab later sends no new show event: its owner calls this then.
        """
        if self.canvas is None:
            self._settle_tries = SETTLE_TRIES
            self._settle_timer.start(0)  # first look as soon as the show has been handled

    def _ensure_if_on_screen(self) -> None:
        if self.canvas is not None or not self.isVisible():
            return
        if not self.visibleRegion().isEmpty():
            self.ensure_canvas()
        elif self._settle_tries > 0:  # shown, but its layout has not placed it yet
            self._settle_tries -= 1
            self._settle_timer.start(SETTLE_INTERVAL_MS)

    def refresh(self) -> None:
        """Redraw from the current data (only once the canvas exists)."""
        if self.canvas is None:
            return
        from matplotlib import rc_context

        # matplotlib's 10-point default (and "small" and the like) follows the app font.
        with rc_context({"font.size": points(10)}):
            self.axes.clear()
            for legend in list(self.figure.legends):  # figure-level legends outlive clear()
                legend.remove()
            self.draw()
        apply_palette(self.figure, self.palette())  # readable under a dark palette too
        self.canvas.draw_idle()
        self.draws += 1

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange,
                            QEvent.Type.ApplicationFontChange):
            self.refresh()

    def draw(self) -> None:  # pragma: no cover - every chart overrides it
        raise NotImplementedError
