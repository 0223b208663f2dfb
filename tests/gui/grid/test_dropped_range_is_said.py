"""A typed or pasted value outside the cell's low/high range drops that range (a range
must hold its value); the user is told in the status bar and in the undo step's name,
and undo brings the range back."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from tradeoff.core.model import Score
from tradeoff.gui.document import commands


def _ranged(window) -> None:
    doc = window.document
    doc.push(commands.SetScore(doc, "a", "speed", Score(6, 5, 8, "a on speed", "test")))


def test_typing_outside_the_range_says_the_range_was_dropped(window):
    _ranged(window)
    model = window.grid.matrix_model
    assert model.setData(model.index(0, 1), "9")
    assert window.document.matrix.score("a", "speed") == Score(9, None, None, "a on speed",
                                                               "test")
    assert "range (low 5, high 8) was dropped" in model.last_notice
    assert "Alpha / Speed" in model.last_notice
    undo_text = window.document.undo_stack.undoText()
    assert "range (low 5, high 8) was dropped" in undo_text
    window.document.undo_stack.undo()
    assert window.document.matrix.score("a", "speed") == Score(6, 5, 8, "a on speed", "test")


def test_the_grid_shows_the_note_in_the_status_bar(qtbot, window):
    _ranged(window)
    view = window.grid
    index = view.matrix_model.index(0, 1)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index) or view.viewport().focusWidget()
    editor.setValue(9)
    view.commitData(editor)
    assert "was dropped" in window.statusBar().currentMessage()
    assert window.document.matrix.score("a", "speed").low is None


def test_a_value_inside_the_range_keeps_it_and_says_nothing(window):
    _ranged(window)
    model = window.grid.matrix_model
    assert model.setData(model.index(0, 1), "7")
    assert window.document.matrix.score("a", "speed") == Score(7, 5, 8, "a on speed", "test")
    assert model.last_notice == ""
    assert "dropped" not in window.document.undo_stack.undoText()


def test_a_paste_counts_the_cells_that_lost_a_range(window):
    _ranged(window)
    doc = window.document
    doc.push(commands.SetScore(doc, "b", "speed", Score(4, 3, 5)))
    window.grid.select_cell(0, 1)
    QGuiApplication.clipboard().setText("9\n4.5\n")  # Alpha leaves its range, Beta stays in
    assert window.grid.paste()
    assert doc.matrix.score("a", "speed").low is None
    assert doc.matrix.score("b", "speed") == Score(4.5, 3, 5)
    assert "1 cell(s) lost a range" in doc.undo_stack.undoText()
    assert "lost a range" in window.statusBar().currentMessage()
    doc.undo_stack.undo()
    assert doc.matrix.score("a", "speed").high == 8
