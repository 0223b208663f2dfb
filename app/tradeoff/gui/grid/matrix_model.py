"""The score grid's item model: a thin adapter over the Document's matrix.

Rows are options, columns criteria. ``data()`` returns early for roles it does
not serve and reads the cached value matrix for the tint, because Qt asks
about every visible cell once per role on each repaint.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from tradeoff.core.model import Score
from tradeoff.gui.common.cell_marks import (
    SCREENED_TEXT_RGB,
    STRONG_WARNING_RGBA,
    TINT_RGB,
    TINT_STEPS,
    WARNING_RGBA,
    tint_alpha,
)
from tradeoff.gui.common.cell_values import (
    CellValueError,
    checked_number,
    dropped_note,
    parse_score_text,
    with_value,
)
from tradeoff.gui.common.contrast import high_contrast
from tradeoff.gui.common.roles import ALIGN, BACKGROUND, DISPLAY, EDIT, FONT, TOOLTIP, USER
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetScore

NOTE_ROLE = USER + 1  # True when the cell has a range or a rationale
STATE_ROLE = USER + 2  # "ok" | "missing" | "outside"
OVERRIDE_ROLE = USER + 3  # True when the shown scenario overrides the cell's base score
FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_CELL_ROLES = frozenset({DISPLAY, EDIT, TOOLTIP, BACKGROUND, ALIGN, NOTE_ROLE, STATE_ROLE,
                         FONT, OVERRIDE_ROLE, FOREGROUND})
SCREENED_BRUSH = QBrush(QColor(*SCREENED_TEXT_RGB))  # a screened option's row is dimmed
DOMINATED_FONT = QFont()
DOMINATED_FONT.setItalic(True)
OVERRIDE_FONT = QFont()
OVERRIDE_FONT.setBold(True)
OVERRIDE_FONT.setItalic(True)

TINT_BRUSHES = [QBrush(QColor(*TINT_RGB, tint_alpha(i))) for i in range(TINT_STEPS + 1)]
WARNING_BRUSH = QBrush(QColor(*WARNING_RGBA))
STRONG_TINT_BRUSHES = [QBrush(QColor(*TINT_RGB, tint_alpha(i, strong=True)))
                       for i in range(TINT_STEPS + 1)]
STRONG_WARNING_BRUSH = QBrush(QColor(*STRONG_WARNING_RGBA))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTRE = int(Qt.AlignmentFlag.AlignCenter)
Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
# Every cell's flags, combined once: Qt asks for them about each visible cell on a repaint.
CELL_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable


# How the tooltip says a cell's range is read, by the distribution the cell names.
RANGE_DRAWN_AS = {"normal": " (95 % interval of a normal)",
                  "lognormal": " (95 % interval of a log-normal)",
                  "pert": " (PERT)", "triangular": " (triangular)"}

class MatrixModel(QAbstractTableModel):
    """Options × criteria of a :class:`Document`; edits become undo commands."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.doc = doc
        self.last_error = ""  # why the last setData() was refused, for the status bar
        self.last_notice = ""  # what the last setData() dropped besides, for the status bar
        self._value_only: np.ndarray | None = None
        self._value_only_key: tuple | None = None
        d = doc
        d.replaced.connect(self._reset)
        d.cells_changed.connect(self._cells_changed)
        d.options_about_to_insert.connect(
            lambda i: self.beginInsertRows(QModelIndex(), i, i))
        d.options_inserted.connect(lambda _i: self._end(self.endInsertRows))
        d.options_about_to_remove.connect(
            lambda i: self.beginRemoveRows(QModelIndex(), i, i))
        d.options_removed.connect(lambda _i: self._end(self.endRemoveRows))
        d.options_about_to_move.connect(
            lambda a, b: self.beginMoveRows(QModelIndex(), a, a, QModelIndex(), _qt_dest(a, b)))
        d.options_moved.connect(lambda _a, _b: self._end(self.endMoveRows))
        d.option_changed.connect(
            lambda i: self.headerDataChanged.emit(Qt.Orientation.Vertical, i, i))
        d.criteria_about_to_insert.connect(
            lambda i: self.beginInsertColumns(QModelIndex(), i, i))
        d.criteria_inserted.connect(lambda _i: self._end(self.endInsertColumns))
        d.criteria_about_to_remove.connect(
            lambda i: self.beginRemoveColumns(QModelIndex(), i, i))
        d.criteria_removed.connect(lambda _i: self._end(self.endRemoveColumns))
        d.criteria_about_to_move.connect(
            lambda a, b: self.beginMoveColumns(QModelIndex(), a, a, QModelIndex(),
                                               _qt_dest(a, b)))
        d.criteria_moved.connect(lambda _a, _b: self._end(self.endMoveColumns))
        d.criterion_changed.connect(self._column_changed)

    # -- shape ---------------------------------------------------------------------
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.doc.matrix.options)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.doc.matrix.criteria)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    # -- cells -----------------------------------------------------------------------
    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # Qt asks this for every visible cell and role on each repaint: the common roles
        # are answered from the document's arrays, and a cell's Score object is built
        # only for what the arrays cannot say (a level name, a range, a note, an edit).
        if role not in _CELL_ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == FOREGROUND:
            return SCREENED_BRUSH if row in self.doc.screened() else None
        if role in (FONT, OVERRIDE_ROLE):
            overridden = self.doc.is_overridden(row, col)
            return overridden if role == OVERRIDE_ROLE else (OVERRIDE_FONT if overridden
                                                             else None)
        if role == BACKGROUND:
            value = self.doc.values()[row, col]
            if math.isnan(value) or value < -1e-9 or value > 1 + 1e-9:
                return STRONG_WARNING_BRUSH if high_contrast() else WARNING_BRUSH
            tints = STRONG_TINT_BRUSHES if high_contrast() else TINT_BRUSHES
            return tints[round(value * TINT_STEPS)]
        if role == STATE_ROLE:
            value = self.doc.values()[row, col]
            if math.isnan(value):
                return "missing"
            return "outside" if value < -1e-9 or value > 1 + 1e-9 else "ok"
        m = self.doc.view()
        criterion = m.criteria[col]
        if role == ALIGN:
            return CENTRE if criterion.is_level_scale else RIGHT
        if role == DISPLAY and not criterion.is_level_scale:
            number = self.doc.raw()[row, col]
            if number == number:  # a number (not NaN): shown as format_value shows it
                return criterion.format_value(float(number))
        if role == NOTE_ROLE and self._value_only_cells()[row, col]:
            return False  # a bare value: no range, no reason
        score = m.scores.get((m.options[row].id, criterion.id))
        if role == DISPLAY:
            return criterion.format_value(score.value) if score is not None else ""
        if role == NOTE_ROLE:
            return score is not None and (score.has_range or bool(score.rationale))
        if role == EDIT:
            return score.value if score is not None else None
        return self._tooltip(row, col, score)  # TOOLTIP

    def _value_only_cells(self) -> np.ndarray:
        """Options × criteria, True where a cell holds a bare value; kept until the
        scores, the scenario shown or the shape change."""
        m = self.doc.view()
        key = (m, getattr(m.scores, "version", None), len(m.options), len(m.criteria))
        if self._value_only is None or self._value_only_key != key:
            value_only = getattr(m.scores, "value_only", None)
            if value_only is None:  # a plain mapping of scores: every cell is asked
                cells = np.zeros((len(m.options), len(m.criteria)), dtype=bool)
            else:
                cells = value_only([o.id for o in m.options], [c.id for c in m.criteria])
            self._value_only, self._value_only_key = cells, key
        return self._value_only

    def _tooltip(self, row: int, col: int, score: Score | None) -> str:
        m = self.doc.matrix
        criterion, option = m.criteria[col], m.options[row]
        lines = [f"<b>{_esc(option.name)}</b> on <b>{_esc(criterion.name)}</b>"]
        lines += [f"<i>Screened out: {_esc(s.describe(self.doc.view()))}.</i>"
                  for s in self.doc.screened().get(row, [])]
        scenario = self.doc.scenario()
        if scenario is not None and self.doc.is_overridden(row, col):
            base = m.score(option.id, criterion.id)
            shown = criterion.format_value(base.value) if base.value is not None else "no score"
            lines.append(f"<i>Overridden in “{_esc(scenario.name)}”; base case: "
                         f"{_esc(shown)}.</i>")
        if score is None or score.value is None:
            lines.append("<i>No score yet.</i>")
        else:
            value = self.doc.values()[row, col]
            lines.append(f"Score: {_esc(criterion.format_value(score.value))} "
                         f"(value {value:.2f} on 0–1)")
            if value < -1e-9 or value > 1 + 1e-9:
                lines.append("<i>Outside the scale's anchors.</i>")
            if score.has_range:
                lines.append(f"Range: {_esc(criterion.format_value(score.low))} … "
                             f"{_esc(criterion.format_value(score.high))}"
                             f"{RANGE_DRAWN_AS.get(score.distribution or '', '')}")
        if score is not None and score.rationale:
            lines.append(f"<p>{_esc(score.rationale)}</p>")
        if score is not None and score.source:
            lines.append(f"Source: {_esc(score.source)}")
        return "<br>".join(lines)

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if role != EDIT or not index.isValid():
            return False
        m = self.doc.view()
        option, criterion = m.options[index.row()], m.criteria[index.column()]
        try:
            if isinstance(value, int | float) and not isinstance(value, bool):
                parsed = checked_number(criterion, float(value))
            else:
                parsed = parse_score_text(criterion, str(value if value is not None else ""))
        except CellValueError as e:
            self.last_error = f"{option.name} / {criterion.name}: {e}"
            return False
        old = m.score(option.id, criterion.id)
        if parsed == old.value:
            return True
        if self.doc.scenario() is not None and not self.doc.is_overridden(index.row(),
                                                                          index.column()):
            old = Score()  # a new override: the base cell's range and reason are not its own
        new = with_value(criterion, old, parsed)
        # A range (or log-normal draw) the new value no longer fits is dropped: said in
        # the status bar and in the undo step's name, which brings it back.
        note = dropped_note(criterion, old, new)
        self.last_notice = f"{option.name} / {criterion.name}: {note} (Undo restores it)" \
            if note else ""
        self.doc.push(SetScore(self.doc, option.id, criterion.id, new,
                               f"Score {option.name} on {criterion.name}"
                               + (f" ({note})" if note else "")))
        return True

    # -- headers -------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        m = self.doc.matrix
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(m.criteria):
                return None
            c = m.criteria[section]
            if role == DISPLAY:
                return f"{c.name}\n({c.unit})" if c.unit else c.name
            if role == TOOLTIP:
                scale = (f"{c.format_value(c.level_at(c.worst) or c.worst)} (worst) → "
                         f"{c.format_value(c.level_at(c.best) or c.best)} (best)")
                text = f"<b>{_esc(c.name)}</b> — {c.direction.value}, {_esc(scale)}"
                return text + (f"<br>{_esc(c.description)}" if c.description else "")
            return None
        if section >= len(m.options):
            return None
        if role == DISPLAY:
            return m.options[section].name
        if role == TOOLTIP:
            o = m.options[section]
            screened = "".join(f"<br><i>Screened out: {_esc(s.describe(self.doc.view()))}; "
                               "not ranked.</i>" for s in self.doc.screened().get(section, []))
            by = self.doc.dominated().get(section)
            dominated = (f"<br><i>Dominated by {_esc(', '.join(by))}: at least as good on "
                         "every criterion and better on one.</i>") if by else ""
            return f"<b>{_esc(o.name)}</b>" + (f"<br>{_esc(o.description)}"
                                               if o.description else "") + screened + dominated
        if role == FOREGROUND:
            return SCREENED_BRUSH if section in self.doc.screened() else None
        if role == FONT:  # a dominated option's name is set in italics
            return DOMINATED_FONT if section in self.doc.dominated() else None
        return None

    # -- change notifications ---------------------------------------------------------------
    def _reset(self) -> None:
        self._value_only = None
        self.beginResetModel()
        self.endResetModel()

    def _end(self, finish) -> None:
        self._value_only = None  # rows or columns moved, came or went
        finish()

    def _cells_changed(self, top: int, left: int, bottom: int, right: int) -> None:
        if any(c.must_reach is not None for c in self.doc.matrix.criteria):
            # a score may pass or fail a must-have: its whole row dims or not
            left, right = 0, self.columnCount() - 1
        if self.rowCount():  # any option may become (or stop being) dominated: names' fonts
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
        self.dataChanged.emit(self.index(top, left), self.index(bottom, right))

    def _column_changed(self, col: int) -> None:
        # A new scale changes every cell's value, so the whole column repaints; a new
        # must-have threshold may dim or restore whole rows, so those repaint too.
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, col, col)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)


def _qt_dest(old: int, new: int) -> int:
    """Qt's beginMove destination is the index *before* removal; list moves use after."""
    return new + 1 if new > old else new


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
