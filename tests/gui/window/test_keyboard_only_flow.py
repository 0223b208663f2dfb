"""The main flow with the keyboard alone: open the example, change a score, change a
weight, undo, export. Every step is a key event sent to whatever has the focus (or the
open menu or dialog), as a person without a mouse would drive the window."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QSlider

from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import FEATURE_MODULES, MainWindow
from tradeoff.paths import example_matrices

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def bare_window(qtbot, tmp_path: Path):
    create_app()
    window = MainWindow(autosave_folder=tmp_path / "autosave")
    window.show()
    qtbot.waitExposed(window)
    assert window.install_features() == list(FEATURE_MODULES)
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
          window=None) -> None:
    target = (QApplication.activePopupWidget() or QApplication.activeModalWidget()
              or QApplication.focusWidget() or window)
    QTest.keyClick(target, key, modifiers)


def test_open_score_weigh_undo_and_export_without_a_mouse(bare_window, qtbot, tmp_path,
                                                          monkeypatch):
    w = bare_window
    # File › Open Example › (the Budapest matrix), by Alt+F, X and the arrow keys.
    budapest = [p.name for p in example_matrices()].index("budapest-summit.toml")
    press(Qt.Key.Key_F, ALT, w)
    press(Qt.Key.Key_X)
    for _ in range(budapest):
        press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Return)
    assert w.windowTitle().startswith("budapest-summit.toml")
    # The offscreen platform leaves the closed menu as the active window; a desktop
    # hands activation back to the main window when a menu closes.
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    m = w.document.matrix

    # Ctrl+1, then the arrow keys to a numeric score of the first option; type a new one.
    QTest.keyClick(w, Qt.Key.Key_1, CTRL)
    grid = w.grid
    assert QApplication.focusWidget() is grid
    column = next(j for j, c in enumerate(m.criteria) if not c.levels)
    grid.select_cell(0, column + 1 if column + 1 < len(m.criteria) else column)
    if grid.current_cell() != (0, column):
        press(Qt.Key.Key_Left)
    assert grid.current_cell() == (0, column)
    criterion, option = m.criteria[column], m.options[0]
    new = 2 if m.score(option.id, criterion.id).value != 2 else 3
    press(Qt.Key.Key_F2)  # the cell's editor, its text selected
    editor = QApplication.focusWidget()
    assert editor is not grid
    press(Qt.Key.Key_A, CTRL)
    QTest.keyClicks(editor, str(new))
    press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: m.score(option.id, criterion.id).value == new)
    assert QApplication.focusWidget() is grid  # the focus stays where the user can see it

    # Ctrl+2 puts the keyboard in the weights panel; Tab to the first slider, one arrow up.
    press(Qt.Key.Key_2, CTRL, w)
    assert w.weights_panel.isAncestorOf(QApplication.focusWidget())
    stops = []
    for _ in range(12):
        if isinstance(QApplication.focusWidget(), QSlider):
            break
        press(Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    slider = QApplication.focusWidget()
    assert isinstance(slider, QSlider), [type(s).__name__ for s in stops]
    row = next(r for r in w.weights_panel.rows if r.slider is slider)
    before = w.document.active_profile().weights[row.node_id]
    press(Qt.Key.Key_Right)
    assert w.document.active_profile().weights[row.node_id] > before

    # Ctrl+Z takes the weight back.
    press(Qt.Key.Key_Z, CTRL)
    assert w.document.active_profile().weights[row.node_id] == before

    # Ctrl+E, type a file name into the dialog, Return: the workbook is written.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _typed_save_name)
    target = tmp_path / "keyboard.xlsx"
    _TYPED.append(str(target))
    press(Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(target.exists, timeout=30_000)  # written whole, then renamed into place
    wb = openpyxl.load_workbook(target, read_only=True)
    assert "Scores" in wb.sheetnames


_TYPED: list[str] = []


def _typed_save_name(parent, caption, directory, filter_):
    """Qt's own save dialog, driven by keys: type the name, press Return."""
    dialog = QFileDialog(parent, caption, directory, filter_)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.show()
    QApplication.processEvents()
    name_box = dialog.findChild(QLineEdit, "fileNameEdit")
    name_box.setFocus()
    name_box.selectAll()
    QTest.keyClicks(name_box, _TYPED.pop())
    QTest.keyClick(name_box, Qt.Key.Key_Return)
    return (dialog.selectedFiles()[0] if dialog.result() else "", filter_)
