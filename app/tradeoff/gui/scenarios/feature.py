"""Scenarios in the window: the selector under the weight profile, the Scenarios
dialog (Matrix › Scenarios…), Revert to Base (Edit menu and the grid's context
menu) and the Scenarios view (Analysis › Scenarios), stacked with Results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from tradeoff.gui.document.scenario_commands import revert_to_base
from tradeoff.gui.scenarios.dialog import ScenariosDialog
from tradeoff.gui.scenarios.selector import ScenarioSelector
from tradeoff.gui.scenarios.view import ScenariosView

if TYPE_CHECKING:
    from tradeoff.gui.common.host import WindowHost

DOCK_TITLE = "Scenarios"


class ScenariosFeature:
    """What :func:`install` adds, kept together for the window's lifetime (and tests)."""

    def __init__(self, window: WindowHost) -> None:
        self.window = window
        doc = window.document
        self.dialog: ScenariosDialog | None = None
        self.selector = ScenarioSelector(doc, self.open_dialog)
        window.weights_panel.add_beside_profile(self.selector, stretch=(1,))
        self.view = ScenariosView(doc)
        self.view.setObjectName("scenarios_view")
        dock = window.add_dock(DOCK_TITLE, self.view, Qt.DockWidgetArea.BottomDockWidgetArea,
                               tabify_with="Results")
        # Raising its tab sends the view no show event; the dock says it came into view.
        dock.visibilityChanged.connect(lambda shown: shown and self.view.came_into_sight())

        self.revert = QAction("Re&vert to Base", window)
        self.revert.setStatusTip("Remove the shown scenario's overrides of the selected "
                                 "cells: they take the base case's scores again")
        self.revert.triggered.connect(self.revert_selection)
        window.actions["revert_to_base"] = self.revert
        window.menu("Edit").addAction(self.revert)
        window.grid.context_menu.addSeparator()
        window.grid.context_menu.addAction(self.revert)

        self.edit = QAction("Sce&narios…", window)
        self.edit.setStatusTip("Add, rename, duplicate or delete scenarios; give them "
                               "probabilities")
        self.edit.triggered.connect(self.open_dialog)
        window.actions["edit_scenarios"] = self.edit
        window.menu("Matrix").addSeparator()
        window.menu("Matrix").addAction(self.edit)

        self.show = QAction("&Scenarios", window)
        self.show.setStatusTip("Which option wins in which scenario, regret and signposts")
        self.show.triggered.connect(lambda: window.raise_dock(DOCK_TITLE))
        window.actions["scenarios"] = self.show
        window.menu("Analysis").addAction(self.show)

        doc.scenario_selected.connect(self._update_revert)
        self._update_revert()

    def open_dialog(self) -> None:
        if self.dialog is None:
            self.dialog = ScenariosDialog(self.window.document, self.selector.window())
        self.dialog.fill()
        self.dialog.show()
        self.dialog.raise_()

    def _update_revert(self) -> None:
        self.revert.setEnabled(self.window.document.scenario_id is not None)

    def revert_selection(self) -> None:
        doc = self.window.document
        if doc.scenario_id is None:
            return
        m = doc.matrix
        cells = sorted({(i.row(), i.column())
                        for i in self.window.grid.selectionModel().selectedIndexes()})
        keys = [(m.options[r].id, m.criteria[c].id) for r, c in cells]
        command = revert_to_base(doc, doc.scenario_id, keys)
        if not command.kids:
            self.window.show_message("No overridden score is selected.")
            return
        doc.push(command)


def install(window: WindowHost) -> ScenariosFeature:
    feature = ScenariosFeature(window)
    window.scenarios = feature  # type: ignore[attr-defined]  # kept alive with the window
    return feature
