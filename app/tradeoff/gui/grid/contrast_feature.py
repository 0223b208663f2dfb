"""View › High Contrast: stronger grid tints and a thick outline round the current cell.

Kept in settings; until the user chooses, the system's contrast preference decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from tradeoff.gui.common.contrast import high_contrast, set_high_contrast

if TYPE_CHECKING:
    from tradeoff.gui.common.host import WindowHost


def install(window: WindowHost) -> None:
    menu = window.menu("View")
    action = QAction("&High Contrast", menu)
    action.setCheckable(True)
    action.setChecked(high_contrast())

    def toggle(on: bool) -> None:
        set_high_contrast(on)
        grid = getattr(window, "grid", None)
        if isinstance(grid, QWidget):
            grid.viewport().update()  # the tints are asked for again as the cells repaint

    action.toggled.connect(toggle)
    # Right after Dark Palette, its neighbour in meaning.
    entries = menu.actions()
    dark = window.actions.get("dark_palette")
    at = entries.index(dark) + 1 if dark in entries else len(entries)
    if at < len(entries):
        menu.insertAction(entries[at], action)
    else:
        menu.addAction(action)
    window.actions["high_contrast"] = action
