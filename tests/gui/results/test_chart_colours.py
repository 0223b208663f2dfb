"""The results chart's criterion colours stay apart under colour-vision deficiencies,
and the chart follows a palette switch at once.

The simulation is Machado, Oliveira & Fernandes (2009), "A physiologically-based
model for simulation of color vision deficiency", IEEE TVCG 15(6), as colorspacious
implements it; distances are in CAM02-UCS, where about 1 is a just-noticeable
difference. matplotlib's default cycle, which the chart used, comes to 1.6 between
its blue and orange under protanopia.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert
from matplotlib.colors import to_rgb, to_rgba

from tradeoff.gui.common.chart_palette import CATEGORY_COLOURS, category_colour
from tradeoff.gui.window.palette import apply_palette

APART = 10.0  # CAM02-UCS units; a large margin over a just-noticeable difference


def _closest_pair(colours: list[str], deficiency: str | None) -> float:
    rgb = np.array([to_rgb(c) for c in colours])
    if deficiency:
        rgb = np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": deficiency,
                                           "severity": 100}, "sRGB1"), 0, 1)
    jab = cspace_convert(rgb, "sRGB1", "CAM02-UCS")
    return min(float(np.linalg.norm(jab[i] - jab[j]))
               for i, j in itertools.combinations(range(len(colours)), 2))


@pytest.mark.parametrize("deficiency", [None, "protanomaly", "deuteranomaly", "tritanomaly"])
def test_nine_criterion_colours_stay_apart_for_every_common_colour_vision(deficiency):
    # severity 100 of an "-anomaly" is the full deficiency (protanopia, deuteranopia, …)
    assert _closest_pair(list(CATEGORY_COLOURS), deficiency) >= APART


def test_matplotlibs_default_cycle_would_fail_the_same_check():
    from matplotlib import colormaps

    tab10 = [colormaps["tab10"](j) for j in range(9)]
    assert _closest_pair([tuple(c[:3]) for c in tab10], "protanomaly") < APART


def _bar_colours(chart) -> list[tuple[float, ...]]:
    faces = chart.bars.get_facecolors()
    n = len(chart.option_names)
    return [tuple(np.round(faces[j * n], 3)) for j in range(len(chart.criterion_names))]


def test_the_real_chart_draws_each_criterion_in_its_colour_with_whole_names(wired, qtbot):
    chart = wired.results_panel.chart
    qtbot.waitUntil(lambda: chart.ready and chart.bars is not None)
    k = len(chart.criterion_names)
    assert k == 9
    assert _bar_colours(chart) == [tuple(np.round(to_rgba(category_colour(j)), 3))
                                   for j in range(k)]
    legend = [h.get_label().replace("\n", " ") for h in chart.legend_handles]
    assert legend == chart.criterion_names  # nothing cut short


def test_switching_palette_recolours_the_chart_at_once(wired, qtbot):
    chart = wired.results_panel.chart
    qtbot.waitUntil(lambda: chart.ready and chart.bars is not None)
    try:
        apply_palette(True)
        qtbot.waitUntil(lambda: to_rgb(chart.figure.get_facecolor()) == to_rgb("#2b2d30"))
        apply_palette(False)
        light = chart.palette().color(chart.palette().ColorRole.Window).name()
        qtbot.waitUntil(lambda: to_rgb(chart.figure.get_facecolor()) == to_rgb(light))
    finally:
        apply_palette(False)


def test_the_chart_states_the_ranking_in_words_for_screen_readers(wired, qtbot):
    from PySide6.QtGui import QAccessible

    chart = wired.results_panel.chart
    qtbot.waitUntil(lambda: chart.ready and chart.bars is not None)
    interface = QAccessible.queryAccessibleInterface(chart)
    assert interface.text(QAccessible.Text.Name) == "Results chart"
    words = interface.text(QAccessible.Text.Description)
    first = chart.option_names[chart.order[0]]
    assert words.startswith(f"{chart.axis_label}, best first: 1. {first} "
                            f"{chart.totals[chart.order[0]]:.3f}")
    assert all(name in words for name in chart.option_names)
