"""Charts take the palette's colours: readable under the dark palette, unchanged in hue."""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from PySide6.QtGui import QColor, QPalette

from factories import small_matrix
from tradeoff.core.sensitivity import sweep
from tradeoff.gui.common.chart_palette import apply_palette
from tradeoff.gui.robustness.sensitivity import SensitivityChart

DARK_WINDOW, DARK_TEXT = "#2b2d30", "#e6e6e6"


def dark() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor(DARK_WINDOW))
    p.setColor(QPalette.ColorRole.WindowText, QColor(DARK_TEXT))
    p.setColor(QPalette.ColorRole.Mid, QColor("#5a5d60"))
    return p


def rgb(colour) -> tuple[float, ...]:
    return tuple(round(c, 3) for c in to_rgba(colour)[:3])


def test_neutral_colours_map_onto_the_palette_and_data_colours_stay():
    fig = Figure()
    ax = fig.add_subplot()
    (data_line,) = ax.plot([0, 1], [0, 1], color="tab:blue", marker="o",
                           markerfacecolor="white", markeredgecolor="black")
    grey_line = ax.axvline(0.5, color="0.2")
    label = ax.text(0.5, 0.5, "note")
    ax.set_xlabel("Weight")
    apply_palette(fig, dark())
    assert rgb(fig.get_facecolor()) == rgb(DARK_WINDOW) == rgb(ax.get_facecolor())
    assert rgb(label.get_color()) == rgb(DARK_TEXT) == rgb(ax.xaxis.label.get_color())
    assert rgb(data_line.get_color()) == rgb("tab:blue")
    assert rgb(data_line.get_markeredgecolor()) == rgb(DARK_TEXT)
    assert rgb(data_line.get_markerfacecolor()) == rgb(DARK_WINDOW)  # "open" stays open
    # 0.2 grey sits a fifth of the way from the text colour to the background.
    expected = np.array(to_rgba(DARK_TEXT)[:3]) * 0.8 + np.array(to_rgba(DARK_WINDOW)[:3]) * 0.2
    assert to_rgba(grey_line.get_color())[:3] == pytest.approx(tuple(expected))
    tick = ax.xaxis.get_major_ticks()[0]
    assert rgb(tick.label1.get_color()) == rgb(DARK_TEXT)


def test_a_robustness_chart_follows_a_palette_change(qtbot):
    m = small_matrix()
    chart = SensitivityChart()
    qtbot.addWidget(chart)
    chart.ensure_canvas()
    chart.set_sweep(sweep(m, m.profile(), "price"), {o.id: o.name for o in m.options})
    light_background = rgb(chart.figure.get_facecolor())
    before = chart.draws
    chart.setPalette(dark())
    assert chart.draws > before  # the palette change redrew it
    assert rgb(chart.figure.get_facecolor()) == rgb(DARK_WINDOW) != light_background
    legend_texts = [t.get_color() for t in chart.figure.legends[0].get_texts()] \
        if chart.figure.legends else [t.get_color() for t in chart.axes.get_legend().get_texts()]
    assert {rgb(c) for c in legend_texts} == {rgb(DARK_TEXT)}
