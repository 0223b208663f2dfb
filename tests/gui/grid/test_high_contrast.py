"""View › High Contrast: stronger grid tints and a thick focus outline, kept in settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from tradeoff.gui.common import contrast, settings
from tradeoff.gui.common.roles import BACKGROUND


@pytest.fixture
def contrast_off():
    contrast.set_high_contrast(False)
    yield
    contrast.set_high_contrast(False)


def _focused_cell(window) -> QImage:
    grid = window.grid
    index = grid.matrix_model.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(grid.viewport())
    option.rect = QRect(0, 0, 80, 28)
    option.state |= QStyle.StateFlag.State_HasFocus
    image = QImage(80, 28, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    grid.itemDelegateForIndex(index).paint(painter, option, index)
    painter.end()
    return image


def test_high_contrast_strengthens_tints_and_focus_outline_and_is_kept(wired, contrast_off):
    window = wired
    action = window.actions["high_contrast"]
    view = window.menu("View")
    assert action in view.actions() and action.isCheckable() and not action.isChecked()
    model = window.grid.matrix_model
    cells = [(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    before = {rc: model.index(*rc).data(BACKGROUND).color().alpha() for rc in cells}
    text = window.grid.palette().color(QPalette.ColorRole.Text)
    assert _focused_cell(window).pixelColor(1, 14) != text
    action.trigger()
    assert contrast.high_contrast() and settings.read(settings.HIGH_CONTRAST) is True
    after = {rc: model.index(*rc).data(BACKGROUND).color().alpha() for rc in cells}
    assert all(after[rc] > before[rc] for rc in cells)
    outline = _focused_cell(window)
    assert all(outline.pixelColor(x, y) == text for x, y in [(1, 14), (40, 1), (78, 14)])
    action.trigger()
    assert settings.read(settings.HIGH_CONTRAST) is False
    assert {rc: model.index(*rc).data(BACKGROUND).color().alpha() for rc in cells} == before


def test_the_users_choice_outlasts_the_system_preference(contrast_off, monkeypatch):
    monkeypatch.setattr(contrast, "system_prefers_high_contrast", lambda: True)
    contrast._state["on"] = None
    assert contrast.high_contrast() is False  # the user said no (the fixture stored it)
    settings.qsettings().remove(settings.HIGH_CONTRAST.key)
    contrast._state["on"] = None
    assert contrast.high_contrast() is True  # nobody said: the system decides
