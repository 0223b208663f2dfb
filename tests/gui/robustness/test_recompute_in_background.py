"""Above the live limit the robustness views are worked out on request on a worker
thread, with progress and Cancel; above the window's limit in compact form (the
leader's change points, the flips that can change the winner)."""

from __future__ import annotations

import numpy as np
import pytest

from tradeoff.core.model import Criterion, DecisionMatrix, Option, Score, WeightProfile
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetWeight
from tradeoff.gui.robustness import panel as robustness_panel
from tradeoff.gui.robustness.sensitivity import MAX_LINES, drawn_lines
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path


@pytest.fixture
def followed(qtbot, monkeypatch):
    """The panel following the example, the limits set so that it counts as large."""
    doc = Document(load_matrix(example_path("budapest-summit.toml")))
    view = robustness_panel.RobustnessPanel()
    qtbot.addWidget(view)
    view.show()
    view.follow(doc)  # small still: computed at once
    view.sensitivity.select("leverage")
    work = robustness_panel.live_work(doc.matrix)
    monkeypatch.setattr(robustness_panel, "LIVE_WORK_LIMIT", work // 4)
    yield doc, view, work
    view.shutdown()
    doc.undo_stack.clear()


def _edit(doc: Document, weight: float) -> None:
    doc.push(SetWeight(doc, doc.active_profile_id(), "leverage", weight))


def test_recompute_runs_in_the_background_and_brings_the_views_up_to_date(followed, qtbot):
    doc, view, _ = followed
    before = view.sensitivity.current_sweep().current_weight
    _edit(doc, 10.0)
    qtbot.waitUntil(lambda: view.out_of_date, timeout=3000)
    button = view.recompute_button
    assert button.isVisible() and button.text() == "Recompute (out of date)"
    assert view.sensitivity.current_sweep().current_weight == before  # not by itself
    button.click()
    assert view.recomputing and button.text() == "Cancel"
    assert not view.progress_bar.isHidden()
    qtbot.waitUntil(lambda: not view.recomputing, timeout=30_000)
    assert view.progress_bar.isHidden() and button.text() == "Recompute"
    assert not view.out_of_date
    sweep = view.sensitivity.current_sweep()
    assert sweep.current_weight != before
    assert not view.sensitivity.compact
    assert any(p.pairs for p in sweep.change_points)  # every crossing, not only the leader's
    assert view.flips.model.rowCount() > 0 and view.stakeholders.comparison is not None


def test_above_the_window_limit_the_views_are_compact_and_say_so(followed, qtbot,
                                                                  monkeypatch):
    doc, view, work = followed
    monkeypatch.setattr(robustness_panel, "WINDOW_WORK_LIMIT", work // 2)
    _edit(doc, 10.0)
    qtbot.waitUntil(lambda: view.out_of_date, timeout=3000)
    view.recompute_button.click()
    qtbot.waitUntil(lambda: not view.recomputing, timeout=30_000)
    sensitivity = view.sensitivity
    assert sensitivity.compact
    sweeps = sensitivity.sweeps
    assert sweeps and all(p.winner_changes for s in sweeps for p in s.change_points)
    assert "only the change points where the leader changes" in sensitivity.message.text()
    assert "only the scores whose change can make another option win" in \
        view.flips.summary.text()
    share = 7  # the flip table's share-of-scale column: every flip listed is possible
    table = view.flips.model.table
    assert table.rows and all(row[share] is not None for row in table.rows)


def test_cancel_keeps_what_the_views_showed_and_they_stay_out_of_date(followed, qtbot):
    doc, view, _ = followed
    before = view.sensitivity.current_sweep().current_weight
    _edit(doc, 10.0)
    qtbot.waitUntil(lambda: view.out_of_date, timeout=3000)
    view.recompute_button.click()
    view.recompute_button.click()  # Cancel, at once
    assert not view.recomputing and view.progress_bar.isHidden()
    qtbot.wait(200)  # nothing the worker sent arrives afterwards
    assert view.sensitivity.current_sweep().current_weight == before
    assert view.out_of_date and view.recompute_button.text() == "Recompute (out of date)"


def test_an_edit_during_a_recompute_leaves_the_views_out_of_date(followed, qtbot):
    doc, view, _ = followed
    _edit(doc, 10.0)
    qtbot.waitUntil(lambda: view.out_of_date, timeout=3000)
    view.recompute_button.click()
    _edit(doc, 12.0)  # after the copy the worker reads was taken
    qtbot.waitUntil(lambda: not view.recomputing, timeout=30_000)
    qtbot.wait(robustness_panel.REFRESH_DELAY_MS + 100)
    assert view.out_of_date and view.recompute_button.text() == "Recompute (out of date)"


def test_the_sensitivity_chart_draws_the_leaders_of_a_large_matrix():
    rng = np.random.default_rng(5)
    criteria = [Criterion(f"c{j}", f"C{j}", worst=0, best=10) for j in range(4)]
    m = DecisionMatrix(criteria=criteria,
                       options=[Option(f"o{i}", f"O{i}") for i in range(300)])
    for o in m.options:
        for c in criteria:
            m.scores[(o.id, c.id)] = Score(value=float(rng.uniform(0, 10)))
    m.profiles.append(WeightProfile("p", "P", {c.id: 1.0 for c in criteria}))
    from tradeoff.core.sensitivity import all_sweeps

    for s in all_sweeps(m, m.profiles[0], winner_only=True):
        shown = drawn_lines(s)
        leaders = {s.options.index(o) for p in s.change_points
                   for o in (*p.winners_before, *p.winners_after)}
        assert leaders <= set(shown)
        assert len(shown) == max(MAX_LINES, len(leaders))
        best_now = int(np.argmax(s.totals_at(s.current_weight)))
        assert best_now in shown
