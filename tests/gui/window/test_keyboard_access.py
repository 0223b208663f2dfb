"""Keyboard access to the window: menus by Alt+letter, out of the grid by Tab, every panel
by the View menu and Ctrl+1…4, with the focus where the user can see it."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget


def _mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&\s])", text.replace("&&", ""))
    return found[1].casefold() if found else None


def test_mnemonics_in_the_window_do_not_clash_with_the_menus_or_each_other(wired):
    menus = [_mnemonic(a.text()) for a in wired.menuBar().actions()]
    assert len(set(menus)) == len(menus)
    used: dict[str, str] = {m: f"menu {m}" for m in menus if m}
    for widget in wired.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        else:
            continue
        key = _mnemonic(text) if not text.startswith("<") else None
        if key:
            assert key not in used, f"{text!r} takes Alt+{key.upper()} from {used[key]}"
            used[key] = repr(text)


def test_alt_letters_open_their_menus_wherever_the_focus_is(wired, qtbot):
    for letter, title in (("V", "&View"), ("H", "&Help"), ("M", "&Matrix")):
        for start in (wired.grid, wired.cell_panel.value, wired.results_panel.table):
            start.setFocus()
            QTest.keyClick(start, getattr(Qt.Key, f"Key_{letter}"),
                           Qt.KeyboardModifier.AltModifier)
            popup = QApplication.activePopupWidget()
            assert popup is not None and popup.title() == title, (letter, start)
            popup.close()


def test_tab_leaves_the_grid_and_arrows_stay_in_it(wired, qtbot):
    grid = wired.grid
    grid.setFocus()
    grid.select_cell(0, 0)
    QTest.keyClick(grid, Qt.Key.Key_Right)
    assert grid.current_cell() == (0, 1) and QApplication.focusWidget() is grid
    QTest.keyClick(grid, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not grid
    assert grid.current_cell() == (0, 1)


def test_focus_keys_are_named_in_the_view_menu(wired):
    texts = {a.text().replace("&", ""): a.shortcut().toString()
             for a in wired.menu("View").actions()}
    assert texts["Go to Score Grid"] == "Ctrl+1" and texts["Go to Results"] == "Ctrl+4"


def test_view_robustness_brings_the_panel_forward_and_never_hides_it_unseen(wired, qtbot):
    robustness = wired.docks["Robustness"]
    action = next(a for a in wired.menu("View").actions() if a.text() == "Robustness")
    wired.raise_dock("Results")
    qtbot.waitUntil(lambda: robustness.visibleRegion().isEmpty())  # behind Results
    action.trigger()
    qtbot.waitUntil(lambda: not robustness.visibleRegion().isEmpty())
    assert not robustness.isHidden() and action.isChecked()
    assert robustness.isAncestorOf(QApplication.focusWidget())  # the keyboard is inside it
    action.trigger()  # in front: now it hides
    assert robustness.isHidden() and not action.isChecked()
    action.trigger()
    assert not robustness.isHidden()


def test_ctrl_4_shows_the_results_table_even_when_robustness_is_in_front(wired, qtbot):
    results = wired.docks["Results"]
    wired.raise_dock("Robustness")
    qtbot.waitUntil(lambda: results.visibleRegion().isEmpty())
    QTest.keySequence(wired, "Ctrl+4")
    qtbot.waitUntil(lambda: not results.visibleRegion().isEmpty())
    assert QApplication.focusWidget() is wired.results_panel.table
    assert wired.results_panel.table.isVisible()
