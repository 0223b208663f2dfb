"""A cross-check too large to follow edits is worked out on a worker thread: the
window stays usable, a progress bar shows how far it has got, Cancel stops it within
a block of PROMETHEE's rows and leaves the table as it was, and an edit made while it
runs marks the new table out of date."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tradeoff.core.methods.crosscheck import crosscheck
from tradeoff.core.model import Criterion, DecisionMatrix, Option, Score, WeightProfile
from tradeoff.core.preference_functions import PreferenceFunction
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetWeight
from tradeoff.gui.results import crosscheck_view
from tradeoff.gui.results.crosscheck_view import CrossCheckView, rank_table


def _matrix(options: int, criteria: int, gaussian: bool) -> DecisionMatrix:
    """Random scores; with ``gaussian``, every criterion compares each pair of options."""
    rng = np.random.default_rng(7)
    function = PreferenceFunction("gaussian", s=2.0) if gaussian else None
    m = DecisionMatrix(
        criteria=[Criterion(f"c{j}", f"C{j}", worst=0, best=10, promethee=function)
                  for j in range(criteria)],
        options=[Option(f"o{i}", f"O{i}") for i in range(options)],
        profiles=[WeightProfile("p", "P", {f"c{j}": float(j + 1) for j in range(criteria)})],
        active_profile="p")
    for i in range(options):
        for j in range(criteria):
            m.scores[(f"o{i}", f"c{j}")] = Score(float(np.round(rng.uniform(0, 10), 2)))
    return m


@pytest.fixture
def large(qtbot, monkeypatch):
    """A followed document above the live limit (lowered so a small one counts)."""
    monkeypatch.setattr(crosscheck_view, "LIVE_OPTION_LIMIT", 10)

    def make(options: int = 40, criteria: int = 4, gaussian: bool = True):
        view = CrossCheckView()
        qtbot.addWidget(view)
        doc = Document(_matrix(options, criteria, gaussian), parent=view)
        view.follow(doc)
        view.show()
        qtbot.waitExposed(view)
        return view, doc
    return make


def test_recompute_runs_aside_and_gives_the_table_computed_directly(qtbot, large):
    view, doc = large()
    assert view.model.rowCount() == 0 and view.recompute_button.isVisible()
    qtbot.mouseClick(view.recompute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.recomputing, timeout=30_000)
    expected = crosscheck(doc.matrix, "p", view.settings())
    assert np.array_equal(rank_table(view.current), rank_table(expected), equal_nan=True)
    assert [o.tau for o in view.current.outcomes] == pytest.approx(
        [o.tau for o in expected.outcomes], nan_ok=True)
    assert view.recompute_button.text() == "Recompute"
    assert view.progress_bar.isHidden()


def test_progress_is_shown_and_cancel_keeps_the_table(qtbot, large):
    view, _doc = large(options=4000, criteria=6)  # PROMETHEE pair by pair: about a second
    qtbot.mouseClick(view.recompute_button, Qt.MouseButton.LeftButton)
    assert view.recomputing and view.recompute_button.text() == "Cancel"
    assert view.progress_bar.isVisible()
    seen: list[int] = []
    view.progress_bar.valueChanged.connect(seen.append)
    into_promethee = 4 * view.progress_bar.maximum() // 5  # the last of five methods
    qtbot.waitUntil(lambda: view.progress_bar.value() > into_promethee, timeout=30_000)
    assert view.recomputing, "finished before it could be cancelled: make the matrix larger"
    qtbot.mouseClick(view.recompute_button, Qt.MouseButton.LeftButton)
    assert not view.recomputing
    assert view.current is None and view.model.rowCount() == 0  # what it showed: nothing
    assert view.recompute_button.text() == "Recompute (out of date)"
    assert seen == sorted(seen) and len(set(seen)) > 3  # moved forward, step by step


def test_an_edit_while_it_runs_marks_the_new_table_out_of_date(qtbot, large):
    view, doc = large()
    qtbot.mouseClick(view.recompute_button, Qt.MouseButton.LeftButton)
    doc.push(SetWeight(doc, "p", "c0", 50.0))
    qtbot.waitUntil(lambda: not view.recomputing, timeout=30_000)
    assert view.current is not None
    qtbot.waitUntil(lambda: view.recompute_button.text() == "Recompute (out of date)",
                    timeout=2000)
    qtbot.wait(crosscheck_view.REFRESH_DELAY_MS + 100)
    assert not view.recomputing  # an edit does not start one by itself


def test_a_changed_setting_recomputes_aside(qtbot, large):
    view, doc = large(gaussian=False)
    view.v_box.setValue(0.2)  # VIKOR's v
    assert view.recomputing  # started on the worker, not worked out here
    qtbot.waitUntil(lambda: not view.recomputing, timeout=30_000)
    expected = crosscheck(doc.matrix, "p", view.settings())
    assert np.array_equal(rank_table(view.current), rank_table(expected), equal_nan=True)


def test_closing_stops_a_recompute_under_way(qtbot, large):
    view, _doc = large(options=4000, criteria=6)
    qtbot.mouseClick(view.recompute_button, Qt.MouseButton.LeftButton)
    assert view.recomputing
    view.shutdown()
    assert not view.recomputing and view._thread is None
