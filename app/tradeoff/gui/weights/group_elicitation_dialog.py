"""Weights › Combine Participants…: several people's inputs made into one level's weights.

One row per participant, one column per criterion or group of the chosen
level of the value tree. Each participant gives either

* weights in any positive units, combined as the arithmetic mean of the
  normalised weights (Forman & Peniwati 1998, "AIP"), or
* AHP ratios, one column per pair, combined pair by pair by their geometric
  mean before the priorities are derived (principal eigenvector; Aczél &
  Saaty 1983, "AIJ").

The combined weights show as they are typed. A bad entry is highlighted in
the table and named, with its participant, under the preview; OK stays off
until every entry reads. The participants and their entries are stored in the
profile's elicitation record (see core.elicitation.group.group_outcome), so
reopening the dialog on that profile shows them again.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.elicitation.ahp import ahp
from tradeoff.core.elicitation.group import (
    entered_judgements,
    entered_weights,
    geometric_mean_judgements,
    group_outcome,
    judgement_text,
    parse_judgement,
    parse_weight,
    stored_participants,
)
from tradeoff.core.elicitation.records import ElicitationOutcome
from tradeoff.core.number_text import exact_text
from tradeoff.gui.common.roles import ALIGN, BACKGROUND, DISPLAY, EDIT, TOOLTIP
from tradeoff.gui.weights.elicitation_dialogs import ElicitationDialog

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
BAD_ENTRY = QBrush(QColor(192, 57, 43, 90))
Key = str | tuple[str, str]      # an item id (weights) or a pair of item ids (judgements)
MEAN_OF_WEIGHTS, MEAN_OF_JUDGEMENTS = "mean-of-weights", "geometric-mean-of-judgements"
CHOICES = {MEAN_OF_WEIGHTS: "Weights: arithmetic mean of the normalised weights",
           MEAN_OF_JUDGEMENTS: "AHP ratios: geometric mean of the judgements"}
HINTS = {
    MEAN_OF_WEIGHTS: "One row per participant. Type each participant's weights in any "
                     "positive units (a blank counts as 0); each row is normalised to 100 % "
                     "before the rows are averaged. Double-click a name to rename.",
    MEAN_OF_JUDGEMENTS: "One row per participant, one column per pair. Type how many times "
                        "as important the first item of the pair is as the second, on "
                        "Saaty's scale 1/9 to 9 (3, or 1/3 when the second matters more); "
                        "leave a pair blank if not judged. Double-click a name to rename.",
}


class ParticipantTableModel(QAbstractTableModel):
    """Participants (rows) × entries (columns), each cell the text as typed.

    Cells keep the text rather than a number so that a bad entry stays on
    screen, highlighted with its problem as a tooltip, until it is corrected.
    Weights (keyed by item id) and ratios (keyed by pair) live side by side in
    each participant's entries, so switching the aggregation loses neither.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.entries: list[dict[Key, str]] = []
        self.keys: list[Key] = []
        self.headers: list[str] = []
        self.header_tips: list[str] = []
        self.parse: Callable[[str], Any] = parse_weight
        self.locale = QLocale()  # the application's: what the user types numbers in

    def set_columns(self, keys: list[Key], headers: list[str], tips: list[str],
                    parse: Callable[[str], Any]) -> None:
        """Show other entries (weights per item, or ratios per pair)."""
        self.beginResetModel()
        self.keys, self.headers, self.header_tips = list(keys), list(headers), list(tips)
        self.parse = parse
        self.endResetModel()

    def add_participant(self, name: str, entries: dict[Key, str] | None = None) -> int:
        row = len(self.names)
        self.beginInsertRows(NO_PARENT, row, row)
        self.names.append(name)
        self.entries.append(dict(entries or {}))
        self.endInsertRows()
        return row

    def remove_participant(self, row: int) -> None:
        self.beginRemoveRows(NO_PARENT, row, row)
        del self.names[row], self.entries[row]
        self.endRemoveRows()

    def next_name(self) -> str:
        """The first "Participant n" not yet taken."""
        n = len(self.names) + 1
        while f"Participant {n}" in self.names:
            n += 1
        return f"Participant {n}"

    def rows(self) -> list[tuple[str, dict[Key, str]]]:
        """Each participant's name and entries per shown column, numbers written the
        way the core reads them (the user types them in their own locale)."""
        return [(name, {k: self.plain(entries.get(k, "")) for k in self.keys})
                for name, entries in zip(self.names, self.entries, strict=True)]

    def problem(self, row: int, column: int) -> str | None:
        """What is wrong with a cell's entry, or None if it reads."""
        try:
            self.parse(self.plain(self.entries[row].get(self.keys[column - 1], "")))
        except ValueError as e:
            return str(e)
        return None

    def plain(self, text: str) -> str:
        """``text`` with each number (either side of a ratio's "/") read in the locale
        and written with a "." decimal point; text the locale cannot read is kept as
        typed, so "2.5" still reads under a comma locale and a bad entry keeps its words."""
        parts = text.split("/")
        out = []
        for part in parts:
            value, ok = self.locale.toDouble(part.strip())
            out.append(exact_text(value) if ok and part.strip() else part.strip())
        return "/".join(out)

    def local(self, value: float) -> str:
        """A stored number as the user reads and types it (locale decimal point), with
        every digit it has: the text reads back as exactly the stored number."""
        return self.locale.toString(float(value), "g",
                                    QLocale.FloatingPointPrecisionOption.FloatingPointShortest)

    # -- Qt overrides ------------------------------------------------------------------
    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else 1 + len(self.keys)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == 0:
            return self.names[row] if role in (DISPLAY, EDIT) else None
        if role in (DISPLAY, EDIT):
            return self.entries[row].get(self.keys[column - 1], "")
        if role == ALIGN:
            return RIGHT
        if role == BACKGROUND:
            return BAD_ENTRY if self.problem(row, column) else None
        if role == TOOLTIP:
            return self.problem(row, column)
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        if not index.isValid() or role != EDIT:
            return False
        text = "" if value is None else str(value).strip()
        if index.column() == 0:
            self.names[index.row()] = text
        else:
            self.entries[index.row()][self.keys[index.column() - 1]] = text
        self.dataChanged.emit(index, index, [DISPLAY, EDIT, BACKGROUND, TOOLTIP])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == DISPLAY else None
        if role == DISPLAY:
            return "Participant" if section == 0 else self.headers[section - 1]
        if role == TOOLTIP and section > 0:
            return self.header_tips[section - 1]
        return None


class ParticipantsDialog(ElicitationDialog):
    """Combine several participants' weights, or AHP judgements, into one level's weights."""

    METHODS = frozenset({"group"})
    TITLE = "Participants' combined weights"

    def build_inputs(self, items: list[str]) -> None:
        record = self.record()
        self.aggregation_box = QComboBox(objectName="aggregation")
        for key, text in CHOICES.items():
            self.aggregation_box.addItem(text, key)
        if record is not None and record.get("aggregation") in CHOICES:
            self.aggregation_box.setCurrentIndex(list(CHOICES).index(record["aggregation"]))
        self.hint = QLabel(objectName="hint", wordWrap=True)
        container = QWidget()
        self.table_model = ParticipantTableModel(container)  # rebuilt with the level
        self._restore(items, record)
        self.table = QTableView(objectName="participants")
        self.table.setModel(self.table_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(80)  # room to type into a column with a short name
        self.add_button = QPushButton("&Add Participant", objectName="add_participant")
        self.rename_button = QPushButton("Re&name", objectName="rename_participant")
        self.remove_button = QPushButton("Re&move Participant", objectName="remove_participant")
        self.add_button.clicked.connect(self.add_participant)
        self.rename_button.clicked.connect(self.rename_current)
        self.remove_button.clicked.connect(self.remove_current)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        form = QFormLayout()
        form.addRow("&Combine by:", self.aggregation_box)
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.inputs_layout.addWidget(container)
        self.result = None
        self._show_columns()
        self.aggregation_box.currentIndexChanged.connect(lambda _i: self._show_columns())
        for signal in (self.table_model.dataChanged, self.table_model.rowsInserted,
                       self.table_model.rowsRemoved):
            signal.connect(lambda *_a: self.refresh())

    def _restore(self, items: list[str], record: dict[str, Any] | None) -> None:
        """Participants stored for this level, or two blank ones to start from."""
        stored = stored_participants(record)
        for name, weights, judgements in stored:
            model = self.table_model
            entries: dict[Key, str] = {k: model.local(v) for k, v in weights.items()
                                       if k in items}
            for a, b in itertools.combinations(items, 2):
                given = judgements.get((a, b)) or (
                    1 / judgements[(b, a)] if (b, a) in judgements else None)
                if given is not None:
                    entries[(a, b)] = _local_ratio(model, judgement_text(given))
            self.table_model.add_participant(name, entries)
        while not stored and self.table_model.rowCount() < 2:
            self.table_model.add_participant(self.table_model.next_name())

    @property
    def aggregation(self) -> str:
        return self.aggregation_box.currentData()

    def _show_columns(self) -> None:
        items = self.items
        if self.aggregation == MEAN_OF_WEIGHTS:
            keys: list[Key] = list(items)
            headers = [self.name(k) for k in items]
            tips = [f"Weight of {h}, in any positive units" for h in headers]
            parse: Callable[[str], Any] = parse_weight
        else:
            pairs = list(itertools.combinations(items, 2))
            keys = list(pairs)
            headers = [f"{self.name(a)} : {self.name(b)}" for a, b in pairs]
            tips = [f"How many times as important {self.name(a)} is as {self.name(b)} "
                    "(1/9 to 9); blank if not judged" for a, b in pairs]
            parse = parse_judgement
        self.table_model.set_columns(keys, headers, tips, parse)
        self.hint.setText(HINTS[self.aggregation])
        self.refresh()
        self._fit_width()

    def _fit_width(self) -> None:
        """Widen the dialog (within reason) so every column shows without scrolling."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        needed = (self.table.verticalHeader().width() + header.length()
                  + 2 * self.table.frameWidth() + 48)  # the dialog's margins and a scroll bar
        screen = self.screen().availableGeometry().width() if self.screen() else 1200
        self.resize(max(self.width(), min(needed, int(screen * 0.8))), self.height())

    def add_participant(self) -> None:
        row = self.table_model.add_participant(self.table_model.next_name())
        self.table.setCurrentIndex(self.table_model.index(row, 0))

    def rename_current(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            index = self.table_model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def remove_current(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0 and self.table_model.rowCount() > 1:
            self.table_model.remove_participant(row)

    def accept(self) -> None:
        # OK may be pressed while a cell is still being edited (focus does not always leave
        # it first): take that entry, and stay open if it turns out to be bad.
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is not None:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        super().accept()

    def refresh(self) -> None:
        self.result = None
        super().refresh()
        if not any(text.strip() for _name, entries in self.table_model.rows()
                   for text in entries.values()):
            # Nothing typed yet: say what to do rather than report an error.
            self.message.setText("Type each participant's entries into the table.")
        rows = self.table_model.rowCount()
        self.remove_button.setEnabled(rows > 1)
        self.rename_button.setEnabled(rows > 0)

    def compute(self) -> ElicitationOutcome:
        items = self.items
        names = {k: self.name(k) for k in items}
        rows = self.table_model.rows()
        if self.aggregation == MEAN_OF_WEIGHTS:
            weights = entered_weights(rows, items, names)  # type: ignore[arg-type]
            return group_outcome(self.level, items, MEAN_OF_WEIGHTS, weights)
        judgements = entered_judgements(rows, items, names)  # type: ignore[arg-type]
        # Derived here with display names, so an unlinked item is named as the user knows it.
        self.result = ahp(items, geometric_mean_judgements(items, judgements), "eigenvector",
                          names)
        return group_outcome(self.level, items, MEAN_OF_JUDGEMENTS, judgements)

    def _blank_note(self) -> str:
        """Say which blanks count as 0: an item added to the level since the
        participants were stored shows blank, and would otherwise pass unnoticed."""
        blanks = _blank_cells(self.table_model.rows(), {k: self.name(k) for k in self.items})
        if not blanks:
            return ""
        shown = ", ".join(blanks[:4]) + (f" and {len(blanks) - 4} more" if len(blanks) > 4
                                         else "")
        return f" Blank cells count as 0: {shown}."

    def note(self) -> str:
        count = self.table_model.rowCount()
        people = f"{count} participant{'s' if count != 1 else ''}"
        r = self.result
        if self.aggregation == MEAN_OF_WEIGHTS or r is None:
            return (f"Arithmetic mean of the normalised weights of {people} "
                    f"(Forman & Peniwati 1998).{self._blank_note()}")
        text = (f"Priorities of the geometric means of {people}' judgements "
                if count != 1 else f"Priorities of {people}'s judgements ")
        names = {k: self.name(k) for k in self.items}
        if r.cr is None:
            return text + f"(consistency index {r.ci:.3f})."
        return (r.warning(names)
                or text + f"(consistency ratio {r.cr:.3f}, acceptable up to 0.10).")


def _blank_cells(rows: list[tuple[str, dict[Key, str]]], names: dict[str, str]) -> list[str]:
    """"Name: item" for each blank weight of a participant who typed others."""
    out = []
    for name, entries in rows:
        typed = [k for k, text in entries.items() if text.strip()]
        if typed:
            out += [f"{name}: {names.get(str(k), str(k))}" for k, text in entries.items()
                    if not text.strip()]
    return out


def _local_ratio(model: ParticipantTableModel, text: str) -> str:
    """A stored ratio ("3", "1/3", "0.25") with its numbers in the user's locale."""
    return "/".join(model.local(float(part)) for part in text.split("/"))
