"""Above a few hundred options the "Could it win?" column is worked out on a worker
thread: it says it is being worked out (never an answer for the matrix as it was),
then shows what the same computation gives directly; an edit made meanwhile gets its
own answer, and the window closes cleanly with a run under way."""

from __future__ import annotations

import sys
from pathlib import Path

from tradeoff.core.model import Score
from tradeoff.gui.document.commands import SetScore
from tradeoff.gui.results import standing_aside
from tradeoff.gui.results.standing import standing_texts
from tradeoff.gui.results.standing_aside import PENDING

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
from large_matrix import build


def _column(panel) -> dict[int, tuple[str, str]]:
    return dict(panel.model.standing)


def _expected(window) -> dict[int, tuple[str, str]]:
    doc = window.document
    return standing_texts(doc.view(), set(doc.screened()), doc.weights())


def test_a_larger_matrix_is_judged_aside_and_gets_the_direct_answer(window, qtbot):
    window.document.load(build(400, 6), None)
    panel = window.results_panel
    qtbot.waitUntil(lambda: panel.standing_aside.running, timeout=5000)
    assert set(_column(panel).values()) == {PENDING}  # said, not an old answer
    qtbot.waitUntil(lambda: not panel.standing_aside.running
                    and PENDING not in _column(panel).values(), timeout=60_000)
    assert _column(panel) == _expected(window)
    assert {text.split(" ·")[0] for text, _ in _column(panel).values()} <= {
        "yes", "never", "only ties"}


def test_an_edit_while_it_runs_gets_its_own_answer(window, qtbot, monkeypatch):
    monkeypatch.setattr(standing_aside, "AT_ONCE_LIMIT", 2)  # the 3-option matrix goes aside
    panel, doc = window.results_panel, window.document
    qtbot.waitUntil(lambda: PENDING not in _column(panel).values() and len(_column(panel)) == 3,
                    timeout=10_000)
    assert _column(panel) == _expected(window)
    # Beta at 70 k€ is worse than Alpha everywhere: never first, dominated
    doc.push(SetScore(doc, "b", "price", Score(value=70)))
    panel.update_standing()  # at once, not after the pause
    assert panel.standing_aside.running
    doc.push(SetScore(doc, "c", "price", Score(value=71)))  # a second edit meanwhile
    panel.update_standing()
    qtbot.waitUntil(lambda: not panel.standing_aside.running
                    and PENDING not in _column(panel).values(), timeout=10_000)
    assert _column(panel) == _expected(window)  # the latest matrix's answer
    beta = next(r for r, o in enumerate(doc.matrix.options) if o.id == "b")
    assert _column(panel)[beta][0] == "never · dominated"


def test_closing_the_window_with_a_run_under_way(window, qtbot):
    window.document.load(build(400, 6), None)
    panel = window.results_panel
    qtbot.waitUntil(lambda: panel.standing_aside.running, timeout=5000)
    window.document.undo_stack.setClean()
    assert window.close()
    assert not panel.standing_aside.running
