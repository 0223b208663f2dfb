"""The chart's re-sort when a drag pauses: names and bars move, the figure is not rebuilt."""

from __future__ import annotations

import numpy as np

from robustness_factories import random_matrix
from tradeoff.core.scoring import score
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetWeight
from tradeoff.gui.results.results_chart import CHART_TOP, ContributionChart, shorten
from tradeoff.gui.results.results_panel import ResultsPanel


def _shown_chart(qtbot, doc: Document) -> ContributionChart:
    """The results panel of ``doc``, shown with its chart drawn."""
    panel = ResultsPanel(doc)
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    panel.show_chart()
    qtbot.waitUntil(lambda: panel.chart.ready)
    return panel.chart


def _chart_resorted_after_a_pause(qtbot) -> tuple[Document, ContributionChart]:
    """A chart of 20 options after a weight change that reorders them, once the
    drag has paused and the chart has re-sorted (checked: without a full redraw)."""
    doc = Document(random_matrix(np.random.default_rng(4), 20, 5))
    chart = _shown_chart(qtbot, doc)
    profile = doc.matrix.profile()
    before = list(chart.shown_order)
    weight = profile.weights["c0"] * 20
    doc.push(SetWeight(doc, profile.id, "c0", weight, merge_key=("c0", 0)))
    assert chart.shown_order == before  # during the drag the bars stay where they are
    full = chart.full_draws
    qtbot.waitUntil(lambda: chart.shown_order != before, timeout=3000)
    assert chart.full_draws == full  # the re-sort did not lay the figure out again
    return doc, chart


def test_a_pause_resorts_names_and_bars_without_a_full_redraw(qtbot):
    doc, chart = _chart_resorted_after_a_pause(qtbot)
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
    chart = _shown_chart(qtbot, Document(matrix))
    totals = score(matrix).totals.to_numpy()
    leaders = list(np.argsort(-totals, kind="stable")[:CHART_TOP])
    assert chart.shown_order == leaders
    assert len(chart.name_labels) == CHART_TOP
    assert chart.axes.get_title(loc="left") == f"The top {CHART_TOP} of {CHART_TOP + 15} options"
    widths = chart.bar_widths().sum(axis=1)
    np.testing.assert_allclose(widths[leaders], totals[leaders], atol=1e-9)
    assert not widths[np.setdiff1d(np.arange(CHART_TOP + 15), leaders)].any()


def test_after_a_resort_each_name_is_drawn_once_and_whole(qtbot):
    """Each name's strip holds as much ink as the same strip in a full redraw: a name
    drawn over another (about twice the ink) or cut short (less) fails."""
    _, chart = _chart_resorted_after_a_pause(qtbot)
    full = chart.full_draws
    resorted = np.asarray(chart.canvas.buffer_rgba())[..., :3].astype(int)
    chart.redraw()
    assert chart.full_draws == full + 1
    redrawn = np.asarray(chart.canvas.buffer_rgba())[..., :3].astype(int)
    left = int(np.ceil(chart.axes.bbox.x0))
    paper = redrawn[2, 2]

    def ink(pixels: np.ndarray, top: int, bottom: int) -> float:
        return float(np.abs(pixels[top:bottom, :left] - paper).sum())

    rows, height = len(chart.name_labels), redrawn.shape[0]
    for row in range(rows):
        y = rows - 1 - row  # row 0, the best, at the top; strips half a row either side
        lower, upper = chart.axes.transData.transform([(0, y - 0.5), (0, y + 0.5)])[:, 1]
        top, bottom = height - int(np.ceil(upper)), height - int(np.floor(lower))
        want = ink(redrawn, top, bottom)
        assert want > 0
        assert abs(ink(resorted, top, bottom) / want - 1) < 0.02, chart.name_labels[row].get_text()


def test_a_slider_step_moves_the_bars_in_place_without_new_paths(qtbot):
    """The bars' paths are kept from step to step (new ones per step made garbage
    whose collection held single steps for 70–90 ms), and still show the new totals."""
    doc = Document(random_matrix(np.random.default_rng(9), 30, 6))
    chart = _shown_chart(qtbot, doc)
    paths = list(chart.bars.get_paths())
    profile = doc.matrix.profile()
    for step in range(1, 4):
        doc.push(SetWeight(doc, profile.id, "c1", profile.weights["c1"] * (1 + step),
                           merge_key=("c1", 0)))
        assert chart.bars.get_paths() == paths  # the same objects
        totals = score(doc.matrix).totals.to_numpy()
        shown = chart.shown_order
        np.testing.assert_allclose(chart.bar_widths().sum(axis=1)[shown], totals[shown],
                                   atol=1e-9)
