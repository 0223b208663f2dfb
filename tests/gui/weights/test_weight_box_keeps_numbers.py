"""The weight points box holds the stored weight, not the figure it shows: stepping
moves the stored weight by one point, leaving the box untouched changes nothing, and
neither a very large nor a very small weight is shown as something else."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from factories import small_matrix
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow
from tradeoff.io.matrix_file import save_matrix

LARGE, ELICITED, TINY = 2_500_000.0, 0.06271234, 0.00001234


@pytest.fixture
def window(qtbot, tmp_path: Path):
    m = small_matrix()
    profile = m.profiles[0]
    first, second, third = list(profile.weights)[:3]
    profile.weights[first], profile.weights[second], profile.weights[third] = \
        LARGE, ELICITED, TINY
    path = tmp_path / "weights.toml"
    save_matrix(m, path, touch_modified=False)
    create_app()
    w = MainWindow(autosave_folder=tmp_path / "autosave")
    assert w.files.open_path(path, ask=False)
    assert w.document.active_profile_id() == profile.id
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.document.undo_stack.setClean()
    w.close()
    w.deleteLater()


def _row(window, weight: float):
    weights = window.document.active_profile().weights
    return next(r for r in window.weights_panel.rows if weights.get(r.node_id) == weight)


def test_a_weight_above_a_million_shows_whole_and_steps_by_one(window):
    row = _row(window, LARGE)
    assert row.spin.text() == "2500000.0"
    row.spin.setFocus()
    QTest.keyClick(row.spin, Qt.Key.Key_Down)
    assert window.document.active_profile().weights[row.node_id] == LARGE - 1
    QTest.keyClick(row.spin, Qt.Key.Key_Up)
    QTest.keyClick(row.spin, Qt.Key.Key_Up)
    assert window.document.active_profile().weights[row.node_id] == LARGE + 1


def test_a_step_moves_the_stored_weight_not_the_rounded_one(window):
    row = _row(window, ELICITED)
    assert row.spin.text() == "0.0627"
    row.spin.setFocus()
    QTest.keyClick(row.spin, Qt.Key.Key_Up)
    assert window.document.active_profile().weights[row.node_id] == pytest.approx(
        ELICITED + 1, abs=1e-12)


def test_finishing_an_untouched_box_changes_no_weight(window):
    before = dict(window.document.active_profile().weights)
    depth = window.document.undo_stack.count()
    for weight in (LARGE, ELICITED, TINY):
        row = _row(window, weight)
        row.spin.setFocus()
        QTest.keyClick(row.spin, Qt.Key.Key_Return)
        row.spin.clearFocus()
    assert window.document.active_profile().weights == before
    assert window.document.undo_stack.count() == depth


def test_a_tiny_weight_shows_its_first_digits_not_zero(window):
    row = _row(window, TINY)
    assert row.spin.text() == "0.0000123"
    assert row.percent.text() != ""


def test_a_typed_weight_is_taken_as_typed(window):
    row = _row(window, ELICITED)
    row.spin.setFocus()
    row.spin.selectAll()
    QTest.keyClicks(row.spin, "3.25")
    QTest.keyClick(row.spin, Qt.Key.Key_Return)
    assert window.document.active_profile().weights[row.node_id] == 3.25
