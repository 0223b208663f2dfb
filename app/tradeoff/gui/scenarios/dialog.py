"""The Scenarios dialog: add, rename, describe, duplicate and delete scenarios and
give them probabilities. Every change is one undo step, pushed as it is made."""

from __future__ import annotations

import copy
import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.model import Scenario, make_id
from tradeoff.core.scenarios import PROBABILITY_TOLERANCE
from tradeoff.gui.common.cell_values import number_text
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import Macro
from tradeoff.gui.document.scenario_commands import (
    InsertScenario,
    RemoveScenario,
    ReplaceScenario,
    set_probabilities,
)

NAME, PROBABILITY, OVERRIDES, DESCRIPTION = range(4)
TOLERANCE = PROBABILITY_TOLERANCE  # as the file format allows


class ScenariosDialog(QDialog):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Scenarios")
        self.doc = doc
        self._filling = False
        # What the last fill showed: each scenario's stored probability (by id, in table
        # order) and whether they had probabilities. Entries that read otherwise were
        # typed and not yet applied; a refill (after a rename, say) keeps them.
        self._shown: dict[str, float | None] = {}
        self._shown_with_p = False
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Name", "Probability", "Overridden scores",
                                              "Description"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.itemChanged.connect(self._item_changed)
        self.use_probabilities = QCheckBox("Scenarios have &probabilities (summing to 1)")
        self.use_probabilities.toggled.connect(self._probabilities_toggled)
        self.apply_button = QPushButton("&Apply Probabilities")
        self.apply_button.clicked.connect(self.apply_probabilities)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("add", "A&dd", self.add), ("duplicate", "D&uplicate",
                                                            self.duplicate),
                                ("delete", "De&lete", self.delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("A scenario is a state of the world in which some scores "
                                "differ from the base case. Select it beside the weight "
                                "profile and type the scores that differ."))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        probabilities = QHBoxLayout()
        probabilities.addWidget(self.use_probabilities)
        probabilities.addStretch(1)
        probabilities.addWidget(self.apply_button)
        layout.addLayout(probabilities)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(640, 360)
        doc.scenarios_changed.connect(self.fill)
        self.fill()

    # -- showing ---------------------------------------------------------------------
    def fill(self) -> None:
        typed = self._typed_probabilities()
        switched = self.use_probabilities.isChecked() != self._shown_with_p
        user_switch = self.use_probabilities.isChecked()
        self._filling = True
        scenarios = self.doc.matrix.scenarios
        selected = self.selected_index()
        self.table.setRowCount(len(scenarios))
        with_p = bool(scenarios) and all(s.probability is not None for s in scenarios)
        self._shown = {s.id: s.probability for s in scenarios}
        self._shown_with_p = with_p
        checked = user_switch if switched else with_p
        self.use_probabilities.blockSignals(True)
        self.use_probabilities.setChecked(checked)
        self.use_probabilities.blockSignals(False)
        for i, s in enumerate(scenarios):
            # Text that reads back as exactly the stored probability: showing the table and
            # applying it changes nothing (1/3 shown as 0.333333 would be stored so).
            prob = "" if s.probability is None else number_text(s.probability)
            if s.id in typed and _read(typed[s.id]) != s.probability:
                prob = typed[s.id]
            cells = [s.name, prob, str(len(s.scores)), s.description]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == OVERRIDES or (j == PROBABILITY and not checked):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(i, j, item)
        if selected is not None and selected < len(scenarios):
            self.table.selectRow(selected)
        self._filling = False
        self.buttons["duplicate"].setEnabled(bool(scenarios))
        self.buttons["delete"].setEnabled(bool(scenarios))
        self._check_probabilities()

    def _typed_probabilities(self) -> dict[str, str]:
        """Scenario id → a probability typed since the last fill and not applied."""
        typed = {}
        for row, (sid, shown) in enumerate(self._shown.items()):
            item = self.table.item(row, PROBABILITY)
            if item is not None and _read(item.text()) != shown:
                typed[sid] = item.text()
        return typed

    def selected_index(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        return rows[0].row() if rows else None

    # -- editing ---------------------------------------------------------------------
    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        scenario = self.doc.matrix.scenarios[item.row()]
        text = item.text().strip()
        if item.column() == NAME:
            if not text:
                self.status.setText("A scenario needs a name.")
                self.fill()
            elif text != scenario.name:
                self.doc.push(ReplaceScenario(self.doc, scenario.id,
                                              f"Rename scenario {scenario.name}", name=text))
        elif item.column() == DESCRIPTION and text != scenario.description:
            self.doc.push(ReplaceScenario(self.doc, scenario.id,
                                          f"Describe scenario {scenario.name}",
                                          description=text))
        elif item.column() == PROBABILITY:
            self._check_probabilities()

    def add(self) -> None:
        scenarios = self.doc.matrix.scenarios
        n = len(scenarios) + 1
        names = {s.name for s in scenarios}
        while f"Scenario {n}" in names:
            n += 1
        name = f"Scenario {n}"
        new = Scenario(make_id(name, {s.id for s in scenarios}), name,
                       probability=0.0 if self._in_use() else None)
        self.doc.push(InsertScenario(self.doc, len(scenarios), new))
        self.table.selectRow(len(scenarios) - 1)

    def duplicate(self) -> None:
        index = self.selected_index()
        if index is None:
            index = 0
        source = self.doc.matrix.scenarios[index]
        scenarios = self.doc.matrix.scenarios
        name = f"{source.name} (copy)"
        new = copy.deepcopy(source)
        new.id = make_id(name, {s.id for s in scenarios})
        new.name = name
        new.probability = 0.0 if self._in_use() else None
        self.doc.push(InsertScenario(self.doc, index + 1, new,
                                     f"Duplicate scenario {source.name}"))
        self.table.selectRow(index + 1)

    def delete(self) -> None:
        index = self.selected_index()
        if index is None:
            self.status.setText("Select the scenario to delete.")
            return
        scenarios = self.doc.matrix.scenarios
        gone = scenarios[index]
        macro = Macro(f"Delete scenario {gone.name}")
        RemoveScenario(self.doc, gone.id, parent=macro)
        rest = [s for s in scenarios if s.id != gone.id]
        if self._in_use() and rest and gone.probability:
            # The others keep their proportions and still sum to 1.
            total = math.fsum(s.probability or 0.0 for s in rest)
            shares = {s.id: ((s.probability or 0.0) / total if total else 1 / len(rest))
                      for s in rest}
            macro.kids.extend(set_probabilities(self.doc, shares).kids)
            self.status.setText(f"The other scenarios' probabilities were rescaled to sum "
                                f"to 1 without “{gone.name}”.")
        self.doc.push(macro)

    # -- probabilities -----------------------------------------------------------------
    def _in_use(self) -> bool:
        scenarios = self.doc.matrix.scenarios
        return bool(scenarios) and all(s.probability is not None for s in scenarios)

    def _probabilities_toggled(self, on: bool) -> None:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        self._filling = True
        for i in range(self.table.rowCount()):
            item = self.table.item(i, PROBABILITY)
            item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if on else flags)
            if on and not item.text():
                # Equal shares, written exactly: n × (1/n) is 1 within rounding, far inside
                # the tolerance (a share rounded for show, as 0.333333, would not be).
                item.setText(number_text(1 / self.table.rowCount()))
        self._filling = False
        self._check_probabilities()

    def table_probabilities(self) -> dict[str, float | None] | str:
        """The probabilities typed in the table, or why they cannot be applied."""
        scenarios = self.doc.matrix.scenarios
        if not self.use_probabilities.isChecked():
            return {s.id: None for s in scenarios}
        out: dict[str, float | None] = {}
        for i, s in enumerate(scenarios):
            text = self.table.item(i, PROBABILITY).text().strip().replace(",", ".")
            try:
                p = float(text)
            except ValueError:
                return f"“{s.name}”: {text or 'nothing'} is not a probability"
            if not 0 <= p <= 1 or not math.isfinite(p):
                return f"“{s.name}”: {p:g} is not between 0 and 1"
            out[s.id] = p
        total = math.fsum(v or 0.0 for v in out.values())
        if abs(total - 1) > TOLERANCE:
            return f"The probabilities sum to {total:g}; they must sum to 1."
        return out

    def _check_probabilities(self) -> bool:
        found = self.table_probabilities()
        current = {s.id: s.probability for s in self.doc.matrix.scenarios}
        ok = isinstance(found, dict)
        self.apply_button.setEnabled(ok and found != current)
        if not ok:
            self.status.setText(str(found))
        elif found != current:
            self.status.setText("Press Apply Probabilities to keep them.")
        else:
            self.status.setText("")
        return ok

    def apply_probabilities(self) -> None:
        found = self.table_probabilities()
        if isinstance(found, str):
            self.status.setText(found)
            return
        self.doc.push(set_probabilities(self.doc, found))


def _read(text: str) -> float | str | None:
    """A probability cell's text as a number, None when blank, or the text itself when
    it does not read as a number (so it differs from every stored probability)."""
    text = text.strip()
    if not text:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text
