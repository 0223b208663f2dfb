"""Every chart draws its data in the one colour-vision-safe palette (core.palette),
and the colours each chart shows together stay apart for common colour visions.

Each chart is drawn for real (offscreen Qt, or a plain matplotlib figure for the io
charts) and the colours of its artists are read back. The simulation is Machado,
Oliveira & Fernandes (2009), IEEE TVCG 15(6), as colorspacious implements it;
distances are in CAM02-UCS, where about 1 is a just-noticeable difference.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest
from colorspacious import cspace_convert
from matplotlib.collections import Collection
from matplotlib.colors import to_hex, to_rgba
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from robustness_factories import numeric_matrix
from tradeoff.core import palette
from tradeoff.core.brief.document import Chart
from tradeoff.core.portfolio import budget_curve, merit_order, portfolio_inputs
from tradeoff.core.screening import without_screened
from tradeoff.core.sensitivity import all_sweeps
from tradeoff.core.value_for_money import value_for_money
from tradeoff.io.brief.charts import figure as brief_figure
from tradeoff.io.matrix_file import load_matrix
from tradeoff.io.value_charts import draw_merit_curve, draw_value_for_money, new_figure

REPO = Path(__file__).resolve().parents[3]
BUDAPEST = REPO / "matrices" / "budapest-summit.toml"
CITY = REPO / "matrices" / "city-capital-programme.toml"
APART = 10.0  # CAM02-UCS; the same margin the results chart is held to
DEFICIENCIES = [None, "protanomaly", "deuteranomaly", "tritanomaly"]  # severity 100


def _distance_matrix(colours: list[str], deficiency: str | None) -> float:
    rgb = np.array([to_rgba(c)[:3] for c in colours])
    if deficiency:
        rgb = np.clip(cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": deficiency,
                                           "severity": 100}, "sRGB1"), 0, 1)
    jab = cspace_convert(rgb, "sRGB1", "CAM02-UCS")
    return min(float(np.linalg.norm(jab[i] - jab[j]))
               for i, j in itertools.combinations(range(len(colours)), 2))


def _data_colours(fig) -> set[str]:
    """The chromatic colours the figure's artists draw in (neutral greys are ink and
    paper, which the palette swap recolours; fully transparent fills are nothing)."""
    found: set[str] = set()

    def add(colour) -> None:
        rgba = to_rgba(colour)
        if rgba[3] > 0 and not rgba[0] == rgba[1] == rgba[2]:
            found.add(to_hex(rgba[:3]).upper())

    for ax in fig.axes:
        for artist in ax.get_children():
            if isinstance(artist, Line2D):
                add(artist.get_color())
                add(artist.get_markerfacecolor())
            elif isinstance(artist, Collection):
                for c in [*artist.get_facecolor(), *artist.get_edgecolor()]:
                    add(c)
            elif isinstance(artist, Patch) and artist.get_visible():
                add(artist.get_facecolor())
    return found


def _check(colours: set[str]) -> None:
    allowed = {c.upper() for c in (*palette.CATEGORY_COLOURS, palette.PALE_GREY,
                                   palette.MID_GREY)}
    assert colours, "the chart drew no data colours"
    assert colours <= allowed, f"colours outside the shared palette: {colours - allowed}"
    if len(colours) > 1:
        for deficiency in DEFICIENCIES:
            assert _distance_matrix(sorted(colours), deficiency) >= APART, deficiency


def test_rank_colours_past_the_eighth_rank_are_the_rest():
    assert palette.rank_colours(3) == list(palette.CATEGORY_COLOURS[:3])
    assert palette.rank_colours(10)[8:] == [palette.PALE_GREY] * 2


def test_tornado_chart(qtbot):
    from tradeoff.gui.robustness.tornado import TornadoChart

    m = numeric_matrix([[9, 4], [6, 6], [0, 0]], [1, 1],
                       ranges={(0, 0): (8.8, 9.2), (1, 1): (2, 9)})
    chart = TornadoChart(m, "p")
    qtbot.addWidget(chart)
    chart.ensure_canvas()
    colours = _data_colours(chart.figure)
    assert len(colours) == 2  # one range can flip the winner, one cannot
    _check(colours)


def test_rank_acceptability_chart(qtbot):
    from tradeoff.gui.robustness.smaa import AcceptabilityChart

    chart = AcceptabilityChart()
    qtbot.addWidget(chart)
    chart.ensure_canvas()
    shares = np.full((6, 6), 1 / 6)
    chart.set_result([f"Option {j}" for j in range(6)], shares)
    colours = _data_colours(chart.figure)
    assert len(colours) == 6
    _check(colours)


def test_sensitivity_chart(qtbot):
    from tradeoff.gui.robustness.sensitivity import SensitivityChart

    m = load_matrix(BUDAPEST)
    sweep = all_sweeps(m, m.profiles[0])[0]
    chart = SensitivityChart()
    qtbot.addWidget(chart)
    chart.ensure_canvas()
    chart.set_sweep(sweep, {o.id: o.name for o in m.options})
    colours = _data_colours(chart.figure)
    assert len(colours) == min(len(sweep.options), 9)
    _check(colours)


def test_scenario_chart(qtbot):
    from tradeoff.gui.scenarios.chart import ScenarioChart

    chart = ScenarioChart()
    qtbot.addWidget(chart)
    chart.ensure_canvas()
    chart.set_data(["Base", "Dry", "Wet"],
                   [(f"Option {k}", [0.1 * k, 0.2, 0.3], k == 0) for k in range(5)])
    colours = _data_colours(chart.figure)
    assert len(colours) == 5
    _check(colours)


def test_value_for_money_and_portfolio_charts():
    kept = without_screened(load_matrix(CITY))
    vfm = value_for_money(kept, None, "capital-cost")
    fig = new_figure()
    draw_value_for_money(fig.add_subplot(), vfm, selected={vfm.points[0].option})
    _check(_data_colours(fig))
    inputs = portfolio_inputs(kept, None, "capital-cost")
    merit = merit_order(inputs.costs, inputs.benefits)
    fig = new_figure()
    draw_merit_curve(fig.add_subplot(), merit, inputs.names,
                     curve=budget_curve(inputs.costs, inputs.benefits), budget=120)
    _check(_data_colours(fig))


@pytest.mark.parametrize("series", [4, 9])
def test_brief_chart(series):
    chart = Chart(kind="contributions", title="t", categories=("A", "B", "C"),
                  series=tuple((f"criterion {k}", (0.1, 0.2, 0.05)) for k in range(series)),
                  axis_label="Total")
    colours = _data_colours(brief_figure(chart))
    assert len(colours) == series
    _check(colours)
