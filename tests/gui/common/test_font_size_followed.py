"""A larger application font (the system's, or one the user sets) gives taller grid
rows and larger chart text, at once, without restarting."""

from __future__ import annotations

from pathlib import Path

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


def _grows_with_the_font(qtbot, sizes) -> None:
    before = sizes()
    original = QApplication.font()
    bigger = QApplication.font()
    bigger.setPointSizeF(max(original.pointSizeF(), 9.0) * 1.6)
    try:
        QApplication.setFont(bigger)
        qtbot.waitUntil(lambda: all(a > b * 1.3 for a, b in zip(sizes(), before, strict=True)))
    finally:
        QApplication.setFont(original)


def test_the_scenario_chart_text_follows_the_application_font(qtbot):
    from tradeoff.gui.scenarios.chart import ScenarioChart

    chart = ScenarioChart()
    qtbot.addWidget(chart)
    chart.ensure_canvas()
    chart.set_data(["Base", "Dry"], [("A", [0.2, 0.4], True), ("B", [0.5, 0.1], False)])
    _grows_with_the_font(qtbot, lambda: (
        chart.axes.yaxis.label.get_fontsize(),
        chart.axes.get_legend().get_texts()[0].get_fontsize()))


def test_the_value_for_money_chart_text_follows_the_application_font(qtbot):
    from tradeoff.core.screening import without_screened
    from tradeoff.core.value_for_money import value_for_money
    from tradeoff.gui.value.canvas import ChartCanvas
    from tradeoff.io.matrix_file import load_matrix
    from tradeoff.io.value_charts import draw_value_for_money

    city = Path(__file__).resolve().parents[3] / "matrices" / "city-capital-programme.toml"
    vfm = value_for_money(without_screened(load_matrix(city)), None, "capital-cost")
    canvas = ChartCanvas(lambda fig: draw_value_for_money(fig.add_subplot(), vfm))
    qtbot.addWidget(canvas)
    canvas.ensure_canvas()
    _grows_with_the_font(qtbot, lambda: (
        canvas.figure.axes[0].xaxis.label.get_fontsize(),
        canvas.figure.axes[0].texts[0].get_fontsize(),
        canvas.figure.axes[0].get_legend().get_texts()[0].get_fontsize()))
