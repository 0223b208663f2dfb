"""The tornado chart: bars from the margin at each range's low end to its high end."""

from __future__ import annotations

import pytest

from factories import small_matrix
from robustness_factories import numeric_matrix
from tradeoff.gui.robustness.tornado import TornadoChart


def test_bars_widest_first_with_hand_computed_ends(qtbot):
    m = numeric_matrix([[9, 4], [6, 6], [0, 0]], [1, 1],
                       ranges={(0, 0): (7, 10), (1, 1): (5, 9)})
    chart = TornadoChart(m, "p")
    qtbot.addWidget(chart)
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.ready
    patches = list(chart.bars)
    # Top bar (largest y) is B's range on C1: margins 0.10 at 5, -0.10 at 9.
    top, second = sorted(patches, key=lambda p: -p.get_y())
    assert (top.get_x(), top.get_width()) == pytest.approx((-0.10, 0.20))
    assert (second.get_x(), second.get_width()) == pytest.approx((-0.05, 0.15))
    assert chart.labels == ["O1 · C1", "O0 · C0"]
    assert "Margin of O0 over the runner-up" in chart.axes.get_xlabel()


def test_matrix_without_ranges_says_so(qtbot):
    chart = TornadoChart(small_matrix(), "even")
    qtbot.addWidget(chart)
    chart.ensure_canvas()
    assert chart.bars is None
    assert [t.get_text() for t in chart.axes.texts] == ["No score has a low/high range"]
