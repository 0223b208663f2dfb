"""The fully wired window fits half of a 1920-pixel screen (960 px) with every panel open."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

NARROWEST = 960


def test_the_window_can_be_960_pixels_wide(wired, qtbot):
    for dock in wired.docks.values():
        dock.show()
    assert wired.minimumSizeHint().width() <= NARROWEST
    wired.resize(NARROWEST, 720)
    qtbot.waitUntil(lambda: wired.width() == NARROWEST)


def test_a_long_profile_name_does_not_widen_the_window(wired):
    before = wired.minimumSizeHint().width()
    combo = wired.weights_panel.profile_combo
    assert isinstance(combo, QComboBox)
    combo.addItem("A weight profile with a very long name indeed, " * 3)
    assert wired.minimumSizeHint().width() == before
