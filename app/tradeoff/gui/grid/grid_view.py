"""The score grid: a table view with the group header, the scale-aware delegate,
spreadsheet copy/paste and a context menu filled by the main window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from tradeoff.gui.document import Document
from tradeoff.gui.grid.delegates import ScoreDelegate
from tradeoff.gui.grid.group_header import GroupHeaderView
from tradeoff.gui.grid.matrix_model import MatrixModel
from tradeoff.gui.grid.tsv import PasteError, block_to_tsv, clear_command, paste_command

MIN_COLUMN_WIDTH = 90
MAX_COLUMN_WIDTH = 200
ONE_LINE_WIDTH = 110  # a criterion name wider than this wraps rather than widen its column
OPTION_NAME_CHARS = 26  # the option names' column stops about this wide; longer names elide
# Rows a column's width is fitted to (the visible ones first): Qt would otherwise ask
# about 1,000 rows of every column, seconds of work when a large matrix opens.
FIT_ROWS = 100


class MatrixView(QTableView):
    """Options × criteria, edited in place; emits ``message`` for the status bar."""

    message = Signal(str)
    error = Signal(str)  # a refused edit or paste, to be shown to the user

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.matrix_model = MatrixModel(doc)
        self.setHorizontalHeader(GroupHeaderView(lambda: self.doc.matrix, self))
        self.setModel(self.matrix_model)
        self.setItemDelegate(ScoreDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setAlternatingRowColors(False)
        # Arrows move between cells; Tab and Shift+Tab leave the grid, so it is no trap.
        self.setTabKeyNavigation(False)
        self.setAccessibleName("Score grid")
        self.setAccessibleDescription("Options in rows, criteria in columns; arrow keys move, "
                                      "typing or F2 edits, Tab leaves the grid")
        self.setWordWrap(False)
        self.setCornerButtonEnabled(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setMinimumSectionSize(60)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self._fit_rows_to_font()
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.context_menu = QMenu(self)  # the main window adds its actions
        self.customContextMenuRequested.connect(self._show_menu)
        self.horizontalHeader().customContextMenuRequested.connect(
            lambda p: self._header_menu(self.horizontalHeader(), p))
        self.verticalHeader().customContextMenuRequested.connect(
            lambda p: self._header_menu(self.verticalHeader(), p))
        # A resized column may need more or fewer header lines; re-lay out once, later.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self.updateGeometries)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._relayout.start())
        doc.replaced.connect(self.fit_columns)
        doc.criteria_inserted.connect(lambda _i: self.fit_columns())
        doc.tree_changed.connect(self.horizontalHeader().viewport().update)

    # -- layout -------------------------------------------------------------------------
    def _fit_rows_to_font(self) -> None:
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        # Long option names would otherwise take the room of two criteria on a small
        # screen; the full name stays in the row's tooltip and the Results table.
        self.verticalHeader().setMaximumWidth(
            self.fontMetrics().averageCharWidth() * OPTION_NAME_CHARS + 24)

    def changeEvent(self, event: QEvent) -> None:
        # A larger system or application font makes taller rows, not clipped text.
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._fit_rows_to_font()
        super().changeEvent(event)

    def fit_columns(self) -> None:
        """Columns wide enough for their values and for the header's longest word;
        long criterion names wrap onto more lines instead of widening the column."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        for col in range(header.count()):
            text = str(self.matrix_model.headerData(col, Qt.Orientation.Horizontal) or "")
            longest_word = max((metrics.horizontalAdvance(w) for w in text.split()), default=0)
            one_line = metrics.horizontalAdvance(text.replace("\n", " "))
            wanted = max(self.sizeHintForColumn(col), longest_word,
                         min(one_line, ONE_LINE_WIDTH)) + 20
            header.resizeSection(col, min(max(wanted, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH))
        header.updateGeometry()
        self.updateGeometries()

    # -- selection helpers ---------------------------------------------------------------
    def current_cell(self) -> tuple[int, int] | None:
        index = self.currentIndex()
        return (index.row(), index.column()) if index.isValid() else None

    def selected_cells(self) -> list[tuple[int, int]]:
        return sorted({(i.row(), i.column()) for i in self.selectedIndexes()})

    def selected_rows(self) -> list[int]:
        cells = self.selected_cells()
        if cells:
            return sorted({r for r, _ in cells})
        cell = self.current_cell()
        return [cell[0]] if cell else []

    def selected_columns(self) -> list[int]:
        cells = self.selected_cells()
        if cells:
            return sorted({c for _, c in cells})
        cell = self.current_cell()
        return [cell[1]] if cell else []

    def select_cell(self, row: int, column: int) -> None:
        index = self.matrix_model.index(row, column)
        self.setCurrentIndex(index)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- clipboard ------------------------------------------------------------------------
    def copy_selection(self) -> None:
        cells = self.selected_cells()
        if not cells:
            return
        rows = sorted({r for r, _ in cells})
        cols = sorted({c for _, c in cells})
        QGuiApplication.clipboard().setText(block_to_tsv(self.doc.view(), rows, cols))
        self.message.emit(f"Copied {len(rows)} × {len(cols)} cells")

    def paste(self, text: str | None = None) -> bool:
        """Paste ``text`` (default: the clipboard) at the selection; False if refused."""
        text = QGuiApplication.clipboard().text() if text is None else text
        cells = self.selected_cells() or ([self.current_cell()] if self.current_cell() else [])
        if not cells:
            self.error.emit("Select the cell where the pasted block should start.")
            return False
        top, left = min(r for r, _ in cells), min(c for _, c in cells)
        rows = max(r for r, _ in cells) - top + 1
        cols = max(c for _, c in cells) - left + 1
        try:
            command = paste_command(self.doc, text, top, left, rows, cols)
        except PasteError as e:
            self.error.emit(f"Nothing was pasted: {e}.")
            return False
        if command.kids:
            self.doc.push(command)
        self.message.emit(command.text())
        return True

    def clear_selection(self) -> None:
        command = clear_command(self.doc, self.selected_cells())
        if command.kids:
            self.doc.push(command)

    # -- events ---------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter moves down after an edit, as in a spreadsheet.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.state() != QAbstractItemView.State.EditingState:
            cell = self.current_cell()
            if cell and cell[0] + 1 < self.matrix_model.rowCount():
                self.select_cell(cell[0] + 1, cell[1])
                return
        super().keyPressEvent(event)

    def commitData(self, editor: QWidget) -> None:
        self.matrix_model.last_error = self.matrix_model.last_notice = ""
        super().commitData(editor)
        if self.matrix_model.last_error:
            self.error.emit(self.matrix_model.last_error)
        elif self.matrix_model.last_notice:
            self.message.emit(self.matrix_model.last_notice)

    def _show_menu(self, pos: QPoint) -> None:
        if self.context_menu.actions():
            self.context_menu.popup(self.viewport().mapToGlobal(pos))

    def _header_menu(self, header: QHeaderView, pos: QPoint) -> None:
        section = header.logicalIndexAt(pos)
        if section >= 0:
            cell = self.current_cell() or (0, 0)
            if header.orientation() == Qt.Orientation.Horizontal:
                self.select_cell(cell[0], section)
            else:
                self.select_cell(section, cell[1])
        if self.context_menu.actions():
            self.context_menu.popup(header.viewport().mapToGlobal(pos))
