"""The main window's actions, menus and toolbar.

A mixin of :class:`~tradeoff.gui.window.main_window.MainWindow`, kept apart so the
window's module holds its layout and state and this one what the user can invoke
and where it is listed. Feature modules add to the menus through ``menu(name)``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

from tradeoff.gui.common import settings
from tradeoff.gui.common.icons import icon
from tradeoff.gui.common.shortcuts import shortcut_list
from tradeoff.gui.window.dock_actions import dock_view_action
from tradeoff.version import APP_NAME

MENU_ORDER = ["File", "Edit", "Matrix", "Weights", "Analysis", "View", "Help"]


class MenusMixin:
    """Builds ``self.actions``, ``self.menus`` and the toolbar of a QMainWindow.

    Expects the window's ``files``, ``grid``, ``document``, ``matrix_actions``,
    ``weights_panel``, ``cell_panel``, ``results_panel``, ``docks`` and ``menus``,
    and its ``_focus``, ``_toggle_dark`` and ``about`` slots.
    """

    def menu(self, name: str) -> QMenu:
        """The menu called ``name`` ("File", "Analysis", …), created if it does not exist."""
        if name not in self.menus:
            menu = QMenu(f"&{name}", self)
            menu.setObjectName(f"menu_{name.lower()}")
            later = [n for n in MENU_ORDER[MENU_ORDER.index(name) + 1:] if n in self.menus] \
                if name in MENU_ORDER else ["Help"] if "Help" in self.menus else []
            before = self.menus[later[0]].menuAction() if later else None
            if before is not None:
                self.menuBar().insertMenu(before, menu)
            else:
                self.menuBar().addMenu(menu)
            self.menus[name] = menu
        return self.menus[name]

    def add_action(self, name: str, text: str, slot, icon_name: str | None = None,
                   shortcut_name: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut_name:
            action.setShortcuts(shortcut_list(shortcut_name))
        action.triggered.connect(slot)
        self.actions[name] = action
        return action

    # -- building ---------------------------------------------------------------------------
    def _build_actions(self) -> None:
        f, g, d = self.files, self.grid, self.document
        self.add_action("new", "&New", f.new, "new", "new")
        self.add_action("open", "&Open…", f.open_dialog, "open", "open")
        self.add_action("save", "&Save", f.save, "save", "save")
        self.add_action("save_as", "Save &As…", f.save_as, "save_as", "save_as")
        self.add_action("close", "&Close", f.close_document, "close", "close")
        self.add_action("quit", "&Quit", self.close, "quit", "quit")
        undo = d.undo_stack.createUndoAction(self, "&Undo")
        undo.setIcon(icon("undo"))
        undo.setShortcuts(shortcut_list("undo"))
        redo = d.undo_stack.createRedoAction(self, "&Redo")
        redo.setIcon(icon("redo"))
        redo.setShortcuts(shortcut_list("redo"))
        self.actions["undo"], self.actions["redo"] = undo, redo
        for name, text, slot in [("copy", "&Copy", g.copy_selection),
                                 ("paste", "&Paste", lambda: g.paste()),
                                 ("clear", "C&lear Cells", g.clear_selection)]:
            action = self.add_action(name, text, slot, name, name)
            # Only while the grid has focus, so text fields keep their own copy/paste.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            g.addAction(action)
        self.actions.update(self.matrix_actions.actions)
        for name, text in [("add_profile", "&Add Profile…"), ("duplicate_profile",
                           "&Duplicate Profile"), ("rename_profile", "&Rename Profile…"),
                           ("delete_profile", "D&elete Profile")]:
            # Looked up when used: the panels may be built after the menus.
            method = name.split("_")[0] + "_profile"
            slot = lambda _c=False, m=method: getattr(self.weights_panel, m)()  # noqa: E731
            self.add_action(name, text, slot, None,
                            "add_profile" if name == "add_profile" else None)
        self.add_action("save_chart", "Save &Chart…",
                        lambda: self.results_panel.save_chart_dialog(), "save_chart")
        dark = self.add_action("dark_palette", "&Dark Palette", self._toggle_dark)
        dark.setCheckable(True)
        dark.setChecked(settings.read(settings.DARK_PALETTE))
        self.add_action("about", f"&About {APP_NAME}", self.about, "about")
        # Named in the View menu, so the keys out of the grid (Tab leaves it too) are found.
        for name, text, target in [("focus_grid", "Go to Score &Grid", lambda: self.grid),
                                   ("focus_weights", "Go to &Weights", lambda: self.weights_panel),
                                   ("focus_cell", "Go to &Cell Details", lambda: self.cell_panel),
                                   ("focus_results", "Go to &Results",
                                    lambda: self.results_panel.table)]:
            action = self.add_action(name, text, lambda _c=False, t=target: self._focus(t()),
                                     None, name)
            self.addAction(action)

    def _build_menus(self) -> None:
        a = self.actions
        for name in MENU_ORDER:
            self.menu(name)
        file_menu = self.menus["File"]
        file_menu.addActions([a["new"], a["open"]])
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.examples_menu = file_menu.addMenu("Open E&xample")
        file_menu.addSeparator()
        file_menu.addActions([a["save"], a["save_as"]])
        self.file_export_separator = file_menu.addSeparator()  # Import/Export go here
        file_menu.addActions([a["close"], a["quit"]])
        edit = self.menus["Edit"]
        edit.addActions([a["undo"], a["redo"]])
        edit.addSeparator()
        edit.addActions([a["copy"], a["paste"], a["clear"]])
        matrix = self.menus["Matrix"]
        names = list(self.matrix_actions.actions)
        matrix.addActions([a[n] for n in names[:6]])
        matrix.addSeparator()
        matrix.addActions([a[n] for n in names[6:]])
        self.menus["Weights"].addActions([a["add_profile"], a["duplicate_profile"],
                                          a["rename_profile"], a["delete_profile"]])
        self.menus["Analysis"].addAction(a["save_chart"])
        view = self.menus["View"]
        for dock in self.docks.values():
            view.addAction(dock_view_action(dock, self))
        self.view_docks_end = view.addSeparator()  # docks added later go before it
        view.addActions([a["focus_grid"], a["focus_weights"], a["focus_cell"],
                         a["focus_results"]])
        view.addSeparator()
        view.addAction(a["dark_palette"])
        self.menus["Help"].addAction(a["about"])
        menu = self.grid.context_menu
        menu.addActions([a["copy"], a["paste"], a["clear"]])
        menu.addSeparator()
        menu.addActions([a[n] for n in names[:6]])
        menu.addSeparator()
        menu.addActions([a[n] for n in names[6:]])

    def _build_toolbar(self) -> None:
        bar = QToolBar("Main toolbar", self)
        bar.setObjectName("toolbar_main")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        a = self.actions
        bar.addActions([a["new"], a["open"], a["save"]])
        bar.addSeparator()
        bar.addActions([a["undo"], a["redo"]])
        bar.addSeparator()
        bar.addActions([a["add_option"], a["add_criterion"], a["remove_option"]])
        self.addToolBar(bar)
        self.toolbar = bar
