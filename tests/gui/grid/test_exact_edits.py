"""Showing a score for editing and leaving it must not change it: the cell panel,
the grid's editor and copy/paste keep stored numbers exactly, digit for digit,
unless the user changes them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox

from tradeoff.core.model import Score
from tradeoff.gui.common.cell_values import edit_text, number_text, parse_number_text
from tradeoff.gui.document import commands
from tradeoff.io.matrix_file import dumps

# Numbers that six significant digits (or two decimals) would round.
AWKWARD = [27.123456, 25.0000004, 29.87654321, 1234567.89, 1 / 3 * 60, 0.1 + 0.2,
           1.0898, 36.125, 0.00001234, -4.5e-5, 2.5e-300, 1e20]


@pytest.mark.parametrize("x", [*AWKWARD, 0.125, -36.125, 1234.125, 999.999])
def test_number_text_reads_back_exactly(x):
    text = number_text(x)
    assert float(text) == x
    for name in ("en_US", "de_DE", "fr_FR", "C"):  # as typed or pasted back in any locale
        assert parse_number_text(text, QLocale(name)) == x
    if 1e-6 <= abs(x) < 1e16:
        assert "e" not in text.lower()  # ordinary magnitudes are written out


def test_edit_text_of_whole_numbers_and_levels():
    assert [edit_text(v) for v in (None, 3, 3.0, 1234567.0, "high")] == \
        ["", "3", "3", "1234567", "high"]
    assert edit_text(1234567.89) == "1234567.89"
    assert edit_text(36.125) == "36.1250"  # not a thousands grouping


def _set(doc, option, criterion, score):
    doc.push(commands.SetScore(doc, option, criterion, score))


def test_editing_only_the_rationale_keeps_value_low_and_high(window):
    doc, m = window.document, window.document.matrix
    _set(doc, "a", "speed", Score(6.123456, 5.0000004, 8.87654321, "quote"))
    window.grid.select_cell(0, 1)
    panel = window.cell_panel
    assert (panel.value.currentText(), panel.low.text(), panel.high.text()) == \
        ("6.123456", "5.0000004", "8.87654321")
    panel.rationale.setPlainText("quote from the lab, 3 Dec")
    panel.commit()
    assert m.score("a", "speed") == Score(6.123456, 5.0000004, 8.87654321,
                                          "quote from the lab, 3 Dec")


def test_editing_only_the_high_keeps_the_value(window):
    doc, m = window.document, window.document.matrix
    _set(doc, "a", "price", Score(61234.567891, rationale="offer"))
    doc.matrix.criteria[0].worst = 100000  # a scale wide enough for the number
    window.grid.select_cell(0, 0)
    panel = window.cell_panel
    assert panel.value.currentText() == "61234.567891"
    panel.high.setText("70000")
    panel.commit()
    assert m.score("a", "price") == Score(61234.567891, high=70000, rationale="offer")


def test_copy_and_paste_back_changes_nothing(window):
    doc, m = window.document, window.document.matrix
    _set(doc, "a", "speed", Score(6.123456, rationale="quote"))
    _set(doc, "b", "speed", Score(1 / 3 * 20))
    _set(doc, "c", "speed", Score(6.125))
    view = window.grid
    view.select_cell(0, 1)
    for row in (1, 2):
        view.selectionModel().select(view.matrix_model.index(row, 1),
                                     view.selectionModel().SelectionFlag.Select)
    view.copy_selection()
    assert QGuiApplication.clipboard().text() == f"6.123456\n{1 / 3 * 20!r}\n6.1250\n"
    before = dumps(m)
    view.select_cell(0, 1)
    view.paste()
    assert dumps(m) == before
    assert [m.score(o, "speed").value for o in "abc"] == [6.123456, 1 / 3 * 20, 6.125]


def _open_editor(window, row, col):
    view = window.grid
    index = view.matrix_model.index(row, col)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.viewport().findChild(QDoubleSpinBox) or view.viewport().findChild(QComboBox)
    assert editor is not None
    return editor


def _leave(qtbot, window, editor, key=Qt.Key.Key_Return):
    qtbot.keyClick(editor, key)
    qtbot.waitUntil(lambda: window.grid.viewport().findChild(QDoubleSpinBox) is None)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Tab])
def test_opening_the_editor_and_leaving_keeps_the_score_and_its_range(qtbot, window, key):
    doc, m = window.document, window.document.matrix
    _set(doc, "a", "speed", Score(6.125, 6.124, 6.126, "measured"))
    _set(doc, "b", "speed", Score(1.0898))
    steps = doc.undo_stack.count()
    for row in (0, 1):
        editor = _open_editor(window, row, 1)
        assert isinstance(editor, QDoubleSpinBox)
        _leave(qtbot, window, editor, key)
    assert m.score("a", "speed") == Score(6.125, 6.124, 6.126, "measured")
    assert m.score("b", "speed") == Score(1.0898)
    assert doc.undo_stack.count() == steps


def test_opening_an_empty_cell_and_leaving_keeps_it_empty(qtbot, window):
    doc, m = window.document, window.document.matrix
    _set(doc, "c", "speed", None)
    editor = _open_editor(window, 2, 1)
    _leave(qtbot, window, editor)
    assert m.scores.get(("c", "speed")) is None, m.scores.get(("c", "speed"))


def test_a_typed_value_is_still_written(qtbot, window):
    doc, m = window.document, window.document.matrix
    _set(doc, "c", "speed", None)
    editor = _open_editor(window, 2, 1)
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor.lineEdit(), "7.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ("c", "speed") in m.scores)
    assert m.score("c", "speed").value == 7.5


def test_a_stepped_value_is_still_written(qtbot, window):
    m = window.document.matrix
    editor = _open_editor(window, 0, 1)  # Alpha / Speed is 6, steps of 1
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: m.score("a", "speed").value == 7)
    assert m.score("a", "speed").rationale == "a on speed"
