"""The AHP dialog: pairwise comparisons of criteria on Saaty's 1–9 scale, with the
consistency ratio shown as the answers come in."""

from __future__ import annotations

import itertools
import math
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.elicitation.ahp import PRIORITY_METHODS, SAATY_SCALE, Judgements, ahp
from tradeoff.core.elicitation.records import (
    ElicitationOutcome,
    judgements_record,
    read_judgements,
)
from tradeoff.core.errors import TradeoffError
from tradeoff.gui.weights.elicitation_dialogs import ElicitationDialog


def scale_choices(row_name: str, col_name: str) -> list[tuple[str, float | None]]:
    """The comparison box's entries: blank, then row 9 … 2, equal, col 2 … 9."""
    choices: list[tuple[str, float | None]] = [("— not judged —", None)]
    choices += [(f"{row_name}: {SAATY_SCALE[n]} ({n})", float(n)) for n in range(9, 1, -1)]
    choices.append((f"{SAATY_SCALE[1].capitalize()} (1)", 1.0))
    choices += [(f"{col_name}: {SAATY_SCALE[n]} ({n})", 1.0 / n) for n in range(2, 10)]
    return choices


def stored_choice(choices: list[tuple[str, float | None]], value: float,
                  row_name: str, col_name: str) -> int:
    """The entry for a stored judgement. One between Saaty's steps (2.5, say, written
    by hand or by another tool) gets an entry of its own, in its place on the scale,
    so the box shows it and OK keeps it rather than moving it to the nearest step."""
    for k, (_text, step) in enumerate(choices):
        if step is not None and math.isclose(step, value, rel_tol=1e-12):
            return k
    more, times = (row_name, value) if value >= 1 else (col_name, 1 / value)
    k = next((k for k in range(1, len(choices)) if choices[k][1] < value), len(choices))
    choices.insert(k, (f"{more}: {times:.4g} times as important (as stored)", value))
    return k


class AhpDialog(ElicitationDialog):
    """Saaty's pairwise comparisons, each pair judged on the 1–9 verbal scale."""

    METHODS = frozenset({"ahp"})
    TITLE = "AHP pairwise comparisons"
    HIGHLIGHT = "QComboBox { background-color: rgba(230, 120, 0, 110); }"

    def build_inputs(self, items: list[str]) -> None:
        record = self.record()
        stored = read_judgements(record.get("judgements") if record else None)
        self.priority = QComboBox(objectName="priority")
        for key, text in PRIORITY_METHODS.items():
            self.priority.addItem(text, key)
        if record is not None and record.get("priority") in PRIORITY_METHODS:
            self.priority.setCurrentIndex(list(PRIORITY_METHODS).index(record["priority"]))
        self.priority.currentIndexChanged.connect(lambda _i: self.refresh())
        grid_box = QWidget()
        grid = QGridLayout(grid_box)
        self.pairs: dict[tuple[str, str], QComboBox] = {}
        for row, (a, b) in enumerate(itertools.combinations(items, 2)):
            combo = QComboBox(objectName=f"pair_{a}__{b}")
            choices = scale_choices(self.name(a), self.name(b))
            given = stored.get((a, b)) or (1 / stored[(b, a)] if (b, a) in stored else None)
            current = stored_choice(choices, given, self.name(a), self.name(b)) if given else 0
            for text, value in choices:
                combo.addItem(text, value)
            combo.setCurrentIndex(current)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
            combo.setAccessibleName(f"{self.name(a)} compared with {self.name(b)}")
            grid.addWidget(QLabel(self.name(a), wordWrap=True), row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(QLabel(self.name(b), wordWrap=True), row, 2)
            self.pairs[(a, b)] = combo
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(self.pairs), 1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(grid_box)
        form = QFormLayout()
        form.addRow("&Priorities by:", self.priority)
        self.inputs_layout.addWidget(QLabel(
            "For each pair, say which matters more and by how much. Leave a pair not judged "
            "if unsure; the others must still link every item.", wordWrap=True))
        container = QWidget()
        container_layout = QVBoxLayout(container)
        container_layout.setContentsMargins(0, 0, 0, 0)
        container_layout.addLayout(form)
        container_layout.addWidget(scroll)
        self.inputs_layout.addWidget(container)
        self.result = None

    def judgements(self) -> Judgements:
        return {pair: combo.currentData() for pair, combo in self.pairs.items()
                if combo.currentData() is not None}

    def compute(self) -> ElicitationOutcome:
        judgements = self.judgements()
        if not judgements:
            raise TradeoffError(f"judge the pairs: at least {len(self.items) - 1} that link "
                                "every item are needed")
        method = self.priority.currentData()
        self.result = ahp(self.items, judgements, method,
                          {k: self.name(k) for k in self.items})
        record: dict[str, Any] = {"priority": method,
                                  "judgements": judgements_record(judgements)}
        if self.result.cr is not None:
            record["consistency_ratio"] = round(self.result.cr, 6)
        return ElicitationOutcome(self.level, "ahp", self.result.weights, record)

    def refresh(self) -> None:
        self.result = None
        super().refresh()
        worst = self.result.most_inconsistent if self.result and self.result.warning() else None
        for pair, combo in self.pairs.items():
            combo.setStyleSheet(self.HIGHLIGHT if worst and pair == (worst.row, worst.col)
                                else "")

    def note(self) -> str:
        r = self.result
        if r is None:
            return ""
        names = {k: self.name(k) for k in self.items}
        if r.cr is None:
            text = (f"Consistency index {r.ci:.3f} (Saaty's ratio is tabulated for up to 10 "
                    "items only).")
        else:
            text = r.warning(names) or f"Consistency ratio {r.cr:.3f} (acceptable up to 0.10)."
        if r.blanks:
            text += f" {r.blanks} pair(s) not judged; they are filled in from the others."
        return text
