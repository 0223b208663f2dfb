"""A larger application font (the system's, or one the user sets) gives taller grid
rows and larger chart text, at once, without restarting."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def _chart_sizes(chart) -> tuple[float, float]:
    ax = chart.figure.axes[0]
    return ax.xaxis.label.get_fontsize(), chart.name_labels[0].get_fontsize()


def test_a_larger_application_font_enlarges_grid_rows_and_chart_text(wired, qtbot):
    chart = wired.results_panel.chart
    qtbot.waitUntil(lambda: chart.ready and chart.bars is not None)
    grid = wired.grid
    row_before = grid.rowHeight(0)
    axis_before, name_before = _chart_sizes(chart)
    original = QApplication.font()
    bigger = QApplication.font()
    bigger.setPointSizeF(max(original.pointSizeF(), 9.0) * 1.6)
    try:
        QApplication.setFont(bigger)
        qtbot.waitUntil(lambda: grid.rowHeight(0) > row_before * 1.3)
        qtbot.waitUntil(lambda: _chart_sizes(chart)[0] > axis_before * 1.3)
        assert _chart_sizes(chart)[1] > name_before * 1.3
    finally:
        QApplication.setFont(original)
    qtbot.waitUntil(lambda: grid.rowHeight(0) == row_before)


def test_the_analysis_charts_text_follows_the_application_font(qtbot):
    from robustness_factories import numeric_matrix
    from tradeoff.gui.robustness.tornado import TornadoChart

    m = numeric_matrix([[9, 4], [6, 6], [0, 0]], [1, 1], ranges={(0, 0): (7, 10)})
    chart = TornadoChart(m, "p")
    qtbot.addWidget(chart)
    chart.ensure_canvas()

    def sizes() -> tuple[float, float]:
        ax = chart.axes
        return ax.xaxis.label.get_fontsize(), ax.get_yticklabels()[0].get_fontsize()

    before = sizes()
    original = QApplication.font()
    bigger = QApplication.font()
    bigger.setPointSizeF(max(original.pointSizeF(), 9.0) * 1.6)
    try:
        QApplication.setFont(bigger)
        qtbot.waitUntil(lambda: sizes()[0] > before[0] * 1.3)
        assert sizes()[1] > before[1] * 1.3
    finally:
        QApplication.setFont(original)
