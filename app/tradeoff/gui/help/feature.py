"""The Help menu's guide, glossary and legend, and What's This? on the analysis views.

Installed last, so the views of the other rooms exist: they are found by their
dock titles and tab names through the window, never by importing their rooms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTabWidget, QWhatsThis, QWidget

from tradeoff.gui.common.shortcuts import shortcut_list
from tradeoff.gui.help.glossary_dialog import GlossaryDialog
from tradeoff.gui.help.guide import NOT_BUILT, open_page
from tradeoff.gui.help.legend import legend_html
from tradeoff.gui.help.legend_dialog import LegendDialog
from tradeoff.gui.help.whats_this import VIEWS, whats_this_html

if TYPE_CHECKING:
    from tradeoff.gui.common.host import WindowHost


def install(window: WindowHost) -> list[str]:
    """Add the Help entries; return the views that got What's This? text."""
    menu = window.menu("Help")
    first = menu.actions()[0] if menu.actions() else None

    def place(action: QAction) -> None:
        """Before the menu's first entry (About), so the help comes first."""
        if first is None:
            menu.addAction(action)
        else:
            menu.insertAction(first, action)

    def add(name: str, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, menu)
        if shortcut:
            action.setShortcuts(shortcut_list(shortcut))
        action.triggered.connect(slot)
        window.actions[name] = action
        place(action)
        return action

    add("user_guide", "&User Guide", lambda: show_guide(window), "user_guide")
    add("glossary", "&Glossary", lambda: show_glossary(window))
    add("grid_legend", "Grid &Legend", lambda: show_legend(window))
    whats_this = QWhatsThis.createAction(menu)
    whats_this.setShortcuts(shortcut_list("whats_this"))
    window.actions["whats_this"] = whats_this
    place(whats_this)
    if first is not None:
        menu.insertSeparator(first)
    return explain_views(window)


def show_guide(window: WindowHost) -> bool:
    if open_page():
        return True
    window.show_message(NOT_BUILT)
    return False


def show_glossary(window: WindowHost) -> GlossaryDialog:
    dialog = GlossaryDialog(window)  # type: ignore[arg-type]
    dialog.show()
    return dialog


def show_legend(window: WindowHost) -> LegendDialog:
    dialog = LegendDialog(window)  # type: ignore[arg-type]
    dialog.show()
    return dialog


def explain_views(window: WindowHost) -> list[str]:
    """What's This? text on every analysis view the window has, and the legend on the grid."""
    done = []
    grid = getattr(window, "grid", None)
    if isinstance(grid, QWidget):
        grid.setWhatsThis(legend_html())
        done.append("grid")
    for title, dock in window.docks.items():
        widget = dock.widget()
        if title in VIEWS and widget is not None:
            widget.setWhatsThis(whats_this_html(title))
            done.append(title)
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                tab, page = widget.tabText(i).replace("&", ""), widget.widget(i)
                key = tab[:1].upper() + tab[1:]
                for name in VIEWS:
                    if name.casefold() == key.casefold() and isinstance(page, QWidget):
                        page.setWhatsThis(whats_this_html(name))
                        done.append(name)
    return done
