"""The main window: the score grid in the middle, weights and cell details on the
right, results below; menus, toolbar, status bar and the message banner.

Extension points (see the package docstring): :meth:`MainWindow.menu` gives a
menu by name, :meth:`MainWindow.add_dock` adds a panel and
:meth:`MainWindow.raise_dock` brings one to the front, ``window.actions``
holds every action by name, ``window.document`` signals every change and
``window.closing`` is emitted when the window is about to close, so background
work can stop.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from tradeoff.gui.common import dialogs, settings
from tradeoff.gui.common.icons import icon
from tradeoff.gui.document import Document
from tradeoff.gui.grid.grid_view import MatrixView
from tradeoff.gui.matrix.group_actions import GroupActions
from tradeoff.gui.matrix.matrix_actions import MatrixActions
from tradeoff.gui.window.autosave import Autosaver
from tradeoff.gui.window.dock_actions import bring_forward, dock_view_action, first_focusable
from tradeoff.gui.window.files import FileController
from tradeoff.gui.window.menus import MenusMixin
from tradeoff.gui.window.messages import document_messages, only_notes
from tradeoff.gui.window.narrow import let_combos_shrink
from tradeoff.gui.window.palette import apply_palette
from tradeoff.version import APP_NAME

# Modules under tradeoff.gui that add features to the window: each may define
# ``install(window)``, called once the window is on screen (see install_features).
# Their order is the order of their menu entries and of the tabs beside Results.
FEATURE_MODULES = ("grid.contrast_feature", "excel.feature", "weights.feature", "results.feature",
                   "robustness.feature", "brief.feature", "scenarios.feature",
                   "value.feature", "help.feature")  # help last: it explains the others
log = logging.getLogger("tradeoff.gui")
DEFAULT_SIZE = (1280, 800)
SCREEN_SHARE = 0.9  # of a larger screen, on first start


def first_start_size() -> tuple[int, int]:
    """1280 × 800, or most of a larger screen; never more than the screen has room for."""
    w, h = DEFAULT_SIZE
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return w, h
    available = screen.availableGeometry()
    w = max(w, int(available.width() * SCREEN_SHARE))
    h = max(h, int(available.height() * SCREEN_SHARE))
    return min(w, available.width()), min(h, available.height())


# The banner: amber for problems to look at, a quiet blue for information.
# The text keeps the palette's colour: a style sheet would otherwise paint it black,
# which on the dark palette's tinted banner reads at about 2:1.
BANNER_WARNING = ("QFrame { background: rgba(230, 150, 0, 40); "
                  "color: palette(window-text); }")
BANNER_NOTE = "QFrame { background: rgba(70, 130, 200, 30); color: palette(window-text); }"

class MainWindow(MenusMixin, QMainWindow):
    # The user confirmed closing (unsaved changes dealt with): stop background work now.
    closing = Signal()
    # Whether the window has been painted once; what waits for that (see after_first_paint).
    # Class-level defaults: Qt sends events while __init__ is still running.
    painted = False
    _after_paint: tuple[Callable[[], object], ...] = ()

    def __init__(self, document: Document | None = None, autosave_folder=None,
                 panels_after_first_paint: bool = False) -> None:
        """``panels_after_first_paint``: the docks open empty and their panels (weights,
        cell details, results) are built once the window has been painted, so the grid
        shows sooner (start-up asks for it; see :meth:`build_panels`)."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.document = document or Document(parent=self)
        self.document.setParent(self)
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.broken_features: dict[str, str] = {}  # feature module → why it did not load

        self.grid = MatrixView(self.document)
        self.banner_is_note: bool | None = None  # the banner's style, once first shown
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_frame = QFrame()
        self.banner_frame.setFrameShape(QFrame.Shape.StyledPanel)
        banner_layout = QHBoxLayout(self.banner_frame)
        banner_layout.setContentsMargins(8, 4, 8, 4)
        self.banner_icon = QLabel()
        banner_layout.addWidget(self.banner_icon, 0, Qt.AlignmentFlag.AlignTop)
        banner_layout.addWidget(self.banner, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.banner_frame)
        layout.addWidget(self.grid, 1)
        self.setCentralWidget(central)

        # The docks are laid out now, empty; build_panels fills them.
        self.panels_built = False
        self.add_dock("Weights", QWidget(), Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_dock("Cell details", QWidget(), Qt.DockWidgetArea.RightDockWidgetArea)
        self.add_dock("Results", QWidget(), Qt.DockWidgetArea.BottomDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        self.autosaver = Autosaver(self.document, autosave_folder,
                                   settings.read(settings.AUTOSAVE_SECONDS), self)
        self.autosaver.status.connect(lambda text: self.statusBar().showMessage(text, 30_000))
        self.files = FileController(self.document, self, self.show_message, self.autosaver)
        self.matrix_actions = MatrixActions(self.document, self.grid, self)
        self._build_actions()
        self._build_menus()
        # adds itself to the Matrix and grid menus
        self.group_actions = GroupActions(self.document, self.grid, self, self.menu("Matrix"),
                                          self.show_message)
        self.actions.update(self.group_actions.actions)
        self._build_toolbar()
        self.files.attach_menus(self.recent_menu, self.examples_menu)

        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.setInterval(120)  # coalesce a slider drag into one banner update
        self._banner_timer.timeout.connect(self.update_banner)
        self.document.changed.connect(self._banner_timer.start)
        self.document.path_changed.connect(self.update_title)
        self.document.undo_stack.cleanChanged.connect(self._clean_changed)
        self.document.replaced.connect(self._document_replaced)
        self.grid.message.connect(self.show_message)
        self.grid.error.connect(self.show_error)
        self._restore_layout()
        self.grid.fit_columns()
        self._document_replaced()  # a document passed in was loaded before the views existed
        self.update_title()
        self.update_banner()
        self.statusBar().showMessage("Ready", 3000)
        if panels_after_first_paint:
            self.after_first_paint(self.build_panels)  # first in the queue: features use them
        else:
            self.build_panels()

    def build_panels(self) -> None:
        """Build the weights, cell details and results panels into their docks (once)."""
        if self.panels_built:
            return
        # Read here, not at the top of the module: a start-up that builds them after the
        # first paint loads their modules (and the Qt classes they use) only then.
        from tradeoff.gui.grid.cell_panel import CellPanel
        from tradeoff.gui.results.results_panel import ResultsPanel
        from tradeoff.gui.weights.weights_panel import WeightsPanel

        self.weights_panel = WeightsPanel(self.document)
        self.cell_panel = CellPanel(self.document)
        self.results_panel = ResultsPanel(self.document)
        for title, panel in (("Weights", self.weights_panel), ("Cell details", self.cell_panel),
                             ("Results", self.results_panel)):
            placeholder = self.docks[title].widget()
            self.docks[title].setWidget(panel)
            placeholder.deleteLater()
        self.panels_built = True
        # When a matrix is opened the cell panel lets go of its cell and the window then
        # selects the first one; slots run in the order connected, so the window's goes
        # after the panels'.
        self.document.replaced.disconnect(self._document_replaced)
        self.document.replaced.connect(self._document_replaced)
        self.grid.selectionModel().currentChanged.connect(self._show_cell)
        self._show_cell(self.grid.currentIndex())
        self.results_panel.message.connect(self.show_message)
        self.closing.connect(self.results_panel.shutdown)
        self.setTabOrder(self.grid, self.weights_panel)
        self.setTabOrder(self.weights_panel, self.cell_panel)
        self.setTabOrder(self.cell_panel, self.results_panel)
        splitter = settings.read(settings.RESULTS_SPLITTER)
        if not splitter.isEmpty():
            self.results_panel.splitter.restoreState(splitter)
            self.results_panel.keep_split()

    def _show_cell(self, current, _previous=None) -> None:
        if current.isValid():
            self.cell_panel.show_cell(current.row(), current.column())
        else:
            self.cell_panel.show_cell(None, None)

    # -- extension points -------------------------------------------------------------------
    def add_dock(self, title: str, widget: QWidget,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
                 tabify_with: str | None = None) -> QDockWidget:
        """Add a panel as a dock; its toggle appears in the View menu.

        A dock added after the saved layout was restored (a feature's) goes back
        where the user left it; the first time, it goes to ``area``, stacked as a
        tab with the dock titled ``tabify_with`` if given.
        """
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{title.lower().replace(' ', '_')}")
        dock.setWidget(widget)
        if not self.restoreDockWidget(dock):
            self.addDockWidget(area, dock)
            if tabify_with in self.docks:
                self.tabifyDockWidget(self.docks[tabify_with], dock)
            # Shown now, not when the layout next runs: a window closed at once would
            # otherwise save the new dock as hidden, and it would stay hidden.
            dock.show()
        self.docks[title] = dock
        if "View" in self.menus:
            self.menus["View"].insertAction(self.view_docks_end, dock_view_action(dock, self))
        return dock

    def after_first_paint(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the window has been painted for the first time (soon, if
        it has been already). A zero-delay timer is not enough: it fires before the
        first paint, so start-up would wait for whatever it runs."""
        if self.painted:
            QTimer.singleShot(0, self, callback)
        else:
            self._after_paint = (*self._after_paint, callback)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            for callback in self._after_paint:  # in order, once this paint has finished
                QTimer.singleShot(0, self, callback)
            self._after_paint = ()
        return handled

    def raise_dock(self, title: str) -> QDockWidget:
        """Show the dock called ``title`` and bring it to the front of its tab stack."""
        dock = self.docks[title]
        dock.show()
        dock.raise_()
        return dock

    def install_features(self) -> list[str]:
        """Let each feature module add its menus and docks; returns those installed.

        Called after the first paint, so a feature's imports never slow the start.
        The docks they stack with Results open behind it: Results stays in front.
        """
        self.build_panels()  # features add to them (done already after a first paint)
        installed = []
        for name in FEATURE_MODULES:
            try:
                module = importlib.import_module(f"tradeoff.gui.{name}")
            except ImportError as e:  # a broken installation is shown, not hidden
                log.error("the %s feature could not be loaded", name, exc_info=True)
                self.broken_features[name] = f"{type(e).__name__}: {e}"
                continue
            install = getattr(module, "install", None)
            if callable(install):
                install(self)
                installed.append(name)
        if not self.docks["Results"].isHidden():
            self.docks["Results"].raise_()
        let_combos_shrink(self)
        if self.broken_features:
            self.statusBar().showMessage(
                f"Part of {APP_NAME} could not be loaded ({', '.join(self.broken_features)}); "
                "Help › About says why.", 30_000)
        return installed

    # -- state shown ------------------------------------------------------------------------------
    def _clean_changed(self, _clean: bool) -> None:
        self.update_title()

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.document.display_name()}[*] — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def update_banner(self) -> None:
        lines = document_messages(self.document)
        self.banner.setText("\n".join(lines))
        self.banner_frame.setVisible(bool(lines))
        note = only_notes(lines)
        if note != self.banner_is_note:  # restyle only when the kind of message changes
            self.banner_is_note = note
            self.banner_icon.setPixmap(icon("information" if note else "warning").pixmap(16, 16))
            self.banner_frame.setStyleSheet(BANNER_NOTE if note else BANNER_WARNING)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 5000)

    def show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)
        dialogs.QMessageBox.warning(self, APP_NAME, text)

    def _document_replaced(self) -> None:
        if self.grid.matrix_model.rowCount() and self.grid.matrix_model.columnCount():
            self.grid.select_cell(0, 0)
        self.update_title()

    def _focus(self, widget: QWidget) -> None:
        """Ctrl+1…4: the grid, or a panel brought to the front of its tab stack first."""
        for dock in self.docks.values():
            if dock.widget() is widget or dock.isAncestorOf(widget):
                # A panel itself takes no keys: the focus goes to its first control.
                bring_forward(dock, first_focusable(widget) or widget)
                return
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _toggle_dark(self, on: bool) -> None:
        settings.write(settings.DARK_PALETTE, on)
        apply_palette(on)

    def about(self) -> None:
        from tradeoff.gui.window.about_dialog import show_about  # read only when asked for

        show_about(self, self.broken_features)

    # -- window state ---------------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = settings.read(settings.GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            w, h = first_start_size()
            self.resize(w, h)
            self.resizeDocks([self.docks["Weights"], self.docks["Cell details"]],
                             [max(330, w // 4)] * 2, Qt.Orientation.Horizontal)
            self.resizeDocks([self.docks["Weights"], self.docks["Cell details"]],
                             [h * 48 // 100, h * 32 // 100], Qt.Orientation.Vertical)
            # The bottom docks (results, cross-check, robustness) get about 40 % of the height.
            self.resizeDocks([self.docks["Results"]], [h * 40 // 100], Qt.Orientation.Vertical)
        state = settings.read(settings.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)

    def save_layout(self) -> None:
        settings.write(settings.GEOMETRY, self.saveGeometry())
        settings.write(settings.WINDOW_STATE, self.saveState())
        if self.panels_built:  # else the saved one stands
            settings.write(settings.RESULTS_SPLITTER, self.results_panel.splitter.saveState())
        settings.write(settings.LAST_FILE, str(self.document.path or ""))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.closing.emit()
        self.save_layout()
        self.autosaver.discard()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            if self.banner_is_note is not None:  # palette(window-text) is read when set
                self.banner_frame.setStyleSheet(BANNER_NOTE if self.banner_is_note
                                                else BANNER_WARNING)
            if self.panels_built and self.results_panel.chart.ready:
                self.results_panel.chart.redraw()
