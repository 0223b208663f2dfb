"""A screen reader's view of the window: every control the keyboard can reach has a name.

Walks the fully wired window (every dock shown, every tab visited) and asks Qt's
accessibility layer — what a screen reader reads — for each focusable widget's
name. The inner line edit of a spin box or an editable combo box, and a combo
box's pop-up list, are read as part of their owner and are skipped.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QTabWidget, QWidget


def _owned_part(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractSpinBox | QComboBox)


def test_every_focusable_widget_has_an_accessible_name(wired, qtbot):
    for dock in wired.docks.values():
        dock.show()
    for tabs in wired.findChildren(QTabWidget):
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
    qtbot.wait(50)
    unnamed = []
    for widget in wired.findChildren(QWidget):
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.window() is not wired:
            continue
        if _owned_part(widget):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            parent = widget.parentWidget()
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r} in "
                           f"{type(parent).__name__} {parent.objectName()!r}")
    assert unnamed == []


def test_the_score_grid_exposes_its_headers_and_cell_text(wired):
    grid = QAccessible.queryAccessibleInterface(wired.grid)
    assert grid.text(QAccessible.Text.Name) == "Score grid"
    assert grid.role() == QAccessible.Role.Table
    m = wired.document.matrix
    children = [grid.child(k) for k in range(grid.childCount())]
    headers = [c.text(QAccessible.Text.Name) for c in children
               if c.role() == QAccessible.Role.ColumnHeader]
    assert [h.split("\n")[0] for h in headers] == [c.name for c in m.criteria]
    rows = [c.text(QAccessible.Text.Name) for c in children
            if c.role() == QAccessible.Role.RowHeader]
    assert rows == [o.name for o in m.options]
    cells = [c.text(QAccessible.Text.Name) for c in children if c.role() == QAccessible.Role.Cell]
    first = m.options[0]
    assert cells[:len(m.criteria)] == [c.format_value(m.score(first.id, c.id).value)
                                       for c in m.criteria]
