"""Editing scores in the grid: through the delegate, undo/redo, copy and paste."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QMessageBox

from tradeoff.core.scoring import score
from tradeoff.io.matrix_file import dumps


def open_editor(window, row, col):
    view = window.grid
    index = view.matrix_model.index(row, col)
    view.setCurrentIndex(index)
    view.edit(index)
    return view.viewport().findChild(QDoubleSpinBox) or view.viewport().findChild(QComboBox)


def ranking_totals(window) -> dict[str, float]:
    model = window.results_panel.model
    return {model.index(r, 1).data(): float(model.index(r, 2).data())
            for r in range(model.rowCount())}


def test_edit_a_number_through_the_delegate(qtbot, window):
    before = dumps(window.document.matrix)
    editor = open_editor(window, 0, 1)  # Alpha / Speed, scale 0..10
    assert isinstance(editor, QDoubleSpinBox)
    assert (editor.minimum(), editor.maximum()) == (0, 10)
    editor.setValue(9)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    m = window.document.matrix
    qtbot.waitUntil(lambda: m.score("a", "speed").value == 9)
    assert m.score("a", "speed").value == 9
    assert m.score("a", "speed").rationale == "a on speed"  # the reason stays with the cell
    assert window.grid.matrix_model.index(0, 1).data() == "9"
    # Alpha: price 0.6 × 0.5 + speed 0.9 × 0.25 + risk (2/3) × 0.25 = 0.69167 (by hand)
    assert ranking_totals(window)["Alpha"] == pytest.approx(0.692, abs=1e-3)
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert dumps(window.document.matrix) == before
    assert ranking_totals(window)["Alpha"] == pytest.approx(0.617, abs=1e-3)
    window.document.undo_stack.redo()
    assert m.score("a", "speed").value == 9


def test_edit_a_level_through_the_delegate(qtbot, window):
    editor = open_editor(window, 1, 2)  # Beta / Risk, a level scale
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findText("low"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.document.matrix.score("b", "risk").value == "low")
    expected = score(window.document.matrix).totals
    assert ranking_totals(window)["Beta"] == pytest.approx(expected["b"], abs=5e-4)


def test_typing_over_a_cell_outside_the_scale_is_refused(qtbot, window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    model = window.grid.matrix_model
    assert not model.setData(model.index(0, 1), "11")
    assert "outside the scale" in model.last_error
    assert window.document.matrix.score("a", "speed").value == 6


def test_paste_a_block_is_one_undo_step(window):
    m = window.document.matrix
    before = dumps(m)
    window.grid.select_cell(0, 1)
    QGuiApplication.clipboard().setText("7\tlow\n2,5\tvery high\n")
    count = window.document.undo_stack.count()
    assert window.grid.paste()
    assert [m.score(o, c).value for o, c in
            [("a", "speed"), ("a", "risk"), ("b", "speed"), ("b", "risk")]] == \
        [7, "low", 2.5, "very high"]
    assert window.document.undo_stack.count() == count + 1
    window.document.undo_stack.undo()
    assert dumps(m) == before


def test_a_bad_block_names_the_cell_and_changes_nothing(window, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    before = dumps(window.document.matrix)
    window.grid.select_cell(0, 1)
    assert not window.grid.paste("7\tlow\nfast\thigh\n")
    assert dumps(window.document.matrix) == before
    assert "row 2, column 1" in shown[0] and "Beta / Speed" in shown[0]
    assert "not a number" in shown[0]
    assert not window.grid.paste("7\t8\t9\t10\n")  # wider than the matrix
    assert "room for only" in shown[1]


def test_one_value_fills_the_selection(window):
    view = window.grid
    view.select_cell(0, 1)
    view.selectionModel().select(
        view.matrix_model.index(2, 1),
        view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(
        view.matrix_model.index(1, 1),
        view.selectionModel().SelectionFlag.Select)
    assert view.paste("4\n")
    assert [window.document.matrix.score(o, "speed").value for o in "abc"] == [4, 4, 4]


def test_copy_gives_tab_separated_text(window):
    view = window.grid
    view.select_cell(0, 0)
    view.selectionModel().select(view.matrix_model.index(1, 2),
                                 view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(view.matrix_model.index(0, 2),
                                 view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(view.matrix_model.index(1, 0),
                                 view.selectionModel().SelectionFlag.Select)
    view.copy_selection()
    assert QGuiApplication.clipboard().text() == "40\tmedium\n20\thigh\n"


def test_copy_then_paste_round_trips(window):
    view = window.grid
    view.select_cell(2, 0)
    view.copy_selection()
    view.select_cell(0, 0)
    assert view.paste()
    assert window.document.matrix.score("a", "price").value == 70


def test_delete_clears_values_but_keeps_the_reason(qtbot, window):
    window.grid.select_cell(1, 1)
    window.grid.setFocus()
    qtbot.keyClick(window.grid, Qt.Key.Key_Delete)
    s = window.document.matrix.score("b", "speed")
    assert s.value is None and s.rationale == "b on speed"
    assert window.grid.matrix_model.index(1, 1).data(Qt.ItemDataRole.UserRole + 2) == "missing"
    assert "missing" in window.banner.text() or window._banner_timer.isActive()
