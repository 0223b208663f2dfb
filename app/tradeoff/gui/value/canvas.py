"""A matplotlib canvas built the first time its view draws on screen, or saves.

matplotlib is imported only then, so the views cost nothing at start-up.
:meth:`ChartCanvas.refresh` redraws through a callback on the figure and
recolours it to the widget's palette; :meth:`ChartCanvas.save` writes PNG or SVG.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QVBoxLayout, QWidget

from tradeoff.core.errors import TradeoffError
from tradeoff.gui.common.chart_palette import apply_palette
from tradeoff.gui.common.text_scale import points


class ChartCanvas(QWidget):
    def __init__(self, draw: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draw = draw  # draw(figure): fills a cleared figure
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel("The chart appears here.")
        self._layout.addWidget(self.placeholder)
        self.figure: Any = None
        self.canvas: Any = None
        self.draws = 0

    def ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(6, 4), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumSize(240, 160)
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

        # Sizes are relative ("small"): they follow the application's font size.
        with rc_context({"font.size": points(10)}):
            self.figure.clear()
            self._draw(self.figure)
        apply_palette(self.figure, self.palette())
        self.canvas.draw_idle()
        self.draws += 1

    def save(self, path: Path) -> None:
        """PNG or SVG by the suffix (PNG when it is neither)."""
        from tradeoff.io.value_charts import save_figure

        self.ensure_canvas()
        if path.suffix.lower() not in (".png", ".svg"):
            path = path.with_suffix(".png")
        save_figure(self.figure, path)


class SavesChart:
    """Save Chart… for a view with a ``chart`` (ChartCanvas) and a ``message`` signal;
    ``CHART_FILE`` is the file name offered."""

    CHART_FILE = "chart.png"

    def save_chart_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save chart", self.CHART_FILE,  # type: ignore[arg-type]
            "PNG image (*.png);;SVG drawing (*.svg)")
        if path:
            self.save_chart(Path(path))

    def save_chart(self, path: Path) -> None:
        try:
            self.chart.save(path)  # type: ignore[attr-defined]
        except (TradeoffError, OSError) as e:
            self.message.emit(f"Could not save the chart: {e}")  # type: ignore[attr-defined]
        else:
            self.message.emit(f"Chart saved to {path}")  # type: ignore[attr-defined]
