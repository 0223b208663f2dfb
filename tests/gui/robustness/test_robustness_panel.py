"""The tabbed robustness panel following a real Document through an undoable edit."""

from __future__ import annotations

import pytest

from factories import small_matrix
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetWeight
from tradeoff.gui.robustness.panel import RobustnessPanel


def test_follows_the_document_and_marks_monte_carlo_results_stale(qtbot):
    panel = RobustnessPanel()
    qtbot.addWidget(panel)
    doc = Document(small_matrix(), parent=panel)  # lives and dies with the panel, as in a window
    panel.follow(doc)
    assert [panel.tabText(i) for i in range(panel.count())] == [
        "Weight sensitivity", "Score flips", "Monte Carlo", "Tornado", "Stakeholders"]
    panel.sensitivity.select("price")
    assert panel.sensitivity.current_sweep().current_weight == pytest.approx(0.5)
    panel.monte_carlo.samples.setValue(1000)
    with qtbot.waitSignal(panel.monte_carlo.result_ready, timeout=20_000):
        panel.monte_carlo.start()
    # Money ten times quality: price now weighs 10/11 and Beta (cheapest) wins.
    doc.push(SetWeight(doc, "even", "money", 10.0))
    qtbot.waitUntil(lambda: panel.sensitivity.current_sweep().current_weight
                    == pytest.approx(10 / 11), timeout=3000)
    assert panel.sensitivity.current_sweep().winner == "b"
    assert panel.flips.summary.text().startswith("Smallest flip:")
    assert "changed since this run" in panel.monte_carlo.status.text()
    panel.shutdown()
    assert not panel.monte_carlo.running
    doc.undo_stack.clear()  # an emptied stack sends no signal while the panel is torn down


def test_typed_bounds_survive_edits_but_not_another_matrix(qtbot):
    panel = RobustnessPanel()
    qtbot.addWidget(panel)
    doc = Document(small_matrix(), parent=panel)
    panel.follow(doc)
    bounds = panel.monte_carlo.bounds
    bounds.set_bound("price", "40", "60")
    doc.push(SetWeight(doc, "even", "money", 3.0))  # an edit keeps them
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=3000)
    assert bounds.bounds() == {"price": (0.4, 0.6)}
    doc.load(small_matrix(), None)  # another matrix with the same ids: start afresh
    qtbot.waitUntil(lambda: not panel.timer.isActive(), timeout=3000)
    assert all(bounds.item(r, c).text() == "" for r in range(bounds.rowCount()) for c in (1, 2))
    panel.shutdown()
    doc.undo_stack.clear()
