"""The chart's re-sort when a drag pauses: names and bars move, the figure is not rebuilt."""

from __future__ import annotations

import numpy as np

from robustness_factories import random_matrix
from tradeoff.core.scoring import score
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetWeight
from tradeoff.gui.results.results_chart import CHART_TOP, shorten
from tradeoff.gui.results.results_panel import ResultsPanel


def test_a_pause_resorts_names_and_bars_without_a_full_redraw(qtbot):
    matrix = random_matrix(np.random.default_rng(4), 20, 5)
    doc = Document(matrix)
    panel = ResultsPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.show_chart()
    qtbot.waitUntil(lambda: panel.chart.ready)
    chart = panel.chart
    profile = doc.matrix.profile()
    before = list(chart.shown_order)
    weight = profile.weights["c0"] * 20
    doc.push(SetWeight(doc, profile.id, "c0", weight, merge_key=("c0", 0)))
    assert chart.shown_order == before  # during the drag the bars stay where they are
    full = chart.full_draws
    qtbot.waitUntil(lambda: chart.shown_order != before, timeout=3000)
    assert chart.full_draws == full  # the re-sort did not lay the figure out again
    totals = score(doc.matrix).totals.to_numpy()
    want = [doc.matrix.options[i].name for i in np.argsort(-totals, kind="stable")]
    assert [label.get_text() for label in chart.name_labels] == [shorten(n) for n in want]
    widths = chart.bar_widths().sum(axis=1)
    np.testing.assert_allclose(widths, totals, atol=1e-9)
    # the axis's own labels only reserve room: they are transparent
    from matplotlib.colors import to_rgba

    assert all(to_rgba(t.get_color())[3] == 0 for t in chart.axes.get_yticklabels())


def test_a_long_list_shows_the_leaders_and_says_so(qtbot):
    matrix = random_matrix(np.random.default_rng(6), CHART_TOP + 15, 4)
    panel = ResultsPanel(Document(matrix))
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.show_chart()
    qtbot.waitUntil(lambda: panel.chart.ready)
    chart = panel.chart
    totals = score(matrix).totals.to_numpy()
    leaders = list(np.argsort(-totals, kind="stable")[:CHART_TOP])
    assert chart.shown_order == leaders
    assert len(chart.name_labels) == CHART_TOP
    assert chart.axes.get_title(loc="left") == f"The top {CHART_TOP} of {CHART_TOP + 15} options"
    widths = chart.bar_widths().sum(axis=1)
    np.testing.assert_allclose(widths[leaders], totals[leaders], atol=1e-9)
    assert not widths[np.setdiff1d(np.arange(CHART_TOP + 15), leaders)].any()
