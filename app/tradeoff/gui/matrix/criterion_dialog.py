"""The criterion dialog: name, unit, description, direction, anchors, levels,
value function, group and PROMETHEE preference function of one criterion (a column).

The dialog checks the criterion with the same rules a matrix file obeys, and
refuses a scale on which an existing score of the column (a base score or a
scenario's override) would no longer fit, so everything the editor accepts can
be saved and opened again. A field the user leaves alone keeps its exact
value: pressing OK after editing the description changes nothing else.
"""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.edits import group_name_problem
from tradeoff.core.model import Criterion, DecisionMatrix, Direction, Level
from tradeoff.core.preference_functions import (
    KINDS,
    THRESHOLD_NAMES,
    THRESHOLDS,
    PreferenceFunction,
)
from tradeoff.core.validate import check_criterion
from tradeoff.gui.common.cell_values import (
    decimals_to_show,
    number_text,
    parse_score_text,
    range_problem,
)
from tradeoff.gui.common.typed_text import typed_text
from tradeoff.gui.document.level_rename import criterion_cells, renamed_levels, renamed_score

NO_GROUP = "(no group)"
RUN_SETTING = "The run's setting"
KIND_LABELS = {"usual": "Usual", "u-shape": "U-shape", "v-shape": "V-shape", "level": "Level",
               "linear": "Linear", "gaussian": "Gaussian"}
THRESHOLD_TIPS = {
    "q": "Indifference threshold q: a difference up to q counts as no preference",
    "p": "Preference threshold p: a difference beyond p counts as strict preference",
    "s": "Gaussian parameter s: the difference at which preference reaches about 0.39",
}


def parse_levels(text: str) -> list[Level]:
    """Levels from lines ``name`` or ``name = position``; bare names count 0, 1, 2, …"""
    levels: list[Level] = []
    for n, line in enumerate(x.strip() for x in text.splitlines() if x.strip()):
        name, _, position = line.partition("=")
        try:
            pos = float(position) if position.strip() else float(n)
        except ValueError:
            raise ValueError(f"level line {n + 1}: {position.strip()!r} is not a number") from None
        levels.append(Level(name.strip(), int(pos) if pos.is_integer() else pos))
    return levels


def parse_points(text: str) -> list[tuple[float, float]]:
    """Value function points from ``score: value`` pairs separated by commas or lines."""
    points = []
    for item in (x.strip() for x in text.replace("\n", ",").split(",")):
        if not item:
            continue
        score_text, sep, value_text = item.partition(":")
        try:
            if not sep:
                raise ValueError
            points.append((float(score_text), float(value_text)))
        except ValueError:
            raise ValueError(f"{item!r} is not a 'score: value' pair") from None
    return points


class ExactNumberBox(QDoubleSpinBox):
    """A number box that gives back the number it was given, digit for digit, unless
    the user changes it (the box itself holds a limited number of decimals)."""

    def __init__(self, value: float, minimum: float = -1e9, at_least: int = 3) -> None:
        super().__init__()
        self.setDecimals(decimals_to_show(value, at_least, 6))
        self.setRange(min(minimum, value), max(1e9, value))
        self.setValue(value)
        self.original, self.shown = value, self.value()

    def exact_value(self) -> float:
        return self.original if self.value() == self.shown else _tidy(self.value())


class PrometheeRow(QWidget):
    """The criterion's own PROMETHEE preference function: a kind and the thresholds it reads.

    Only the thresholds the chosen kind reads are shown, each with the decimals its
    stored value needs and at least ``at_least`` (a q of 0.0004 on a scale of 0 to
    0.01 neither shows nor is typed as 0.000). A threshold the user leaves as it was
    keeps its exact value.
    """

    def __init__(self, function: PreferenceFunction | None, at_least: int = 3,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = function
        self.kind = QComboBox()
        self.kind.setAccessibleName("PROMETHEE preference function")
        self.kind.setToolTip("How PROMETHEE II turns a difference between two scores on this "
                             "criterion into a preference; the run's setting applies when "
                             "none is chosen")
        self.kind.addItem(RUN_SETTING, None)
        for kind in KINDS:
            self.kind.addItem(KIND_LABELS[kind], kind)
        self.kind.setCurrentIndex(max(self.kind.findData(function.kind if function else None), 0))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind, 1)
        self.boxes: dict[str, ExactNumberBox] = {}
        self.labels: dict[str, QLabel] = {}
        for name in ("q", "p", "s"):
            box = ExactNumberBox(getattr(function, name) if function else 0, minimum=0,
                                 at_least=at_least)
            # Narrower than the range's widest number, so the row fits beside its label.
            box.setMinimumWidth(box.fontMetrics().horizontalAdvance("00000.000") + 32)
            box.setAccessibleName(f"PROMETHEE {THRESHOLD_NAMES[name]} {name}")
            box.setToolTip(f"{THRESHOLD_TIPS[name]}; a difference between two scores in the "
                           "criterion's units (on a level scale, between level positions)")
            label = QLabel(f"&{name}:")
            label.setBuddy(box)
            layout.addWidget(label)
            layout.addWidget(box)
            self.boxes[name], self.labels[name] = box, label
        self.setFocusProxy(self.kind)  # the form label's shortcut lands on the kind
        # One line high: spare height in the dialog must not push the row below its label.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.kind.currentIndexChanged.connect(self._show_thresholds)
        self._show_thresholds()

    def _show_thresholds(self) -> None:
        needed = THRESHOLDS.get(self.kind.currentData() or "", ())
        for name, box in self.boxes.items():
            box.setVisible(name in needed)
            self.labels[name].setVisible(name in needed)

    def function(self) -> PreferenceFunction | None:
        """The function as entered; None leaves the criterion to the run's setting."""
        kind = self.kind.currentData()
        if kind is None:
            return None
        return PreferenceFunction(kind, **{name: self.boxes[name].exact_value()
                                           for name in THRESHOLDS[kind]})

    def problems(self) -> list[str]:
        """The matrix file's messages for the same faults, e.g. 'p: must be at least q (2)'."""
        function = self.function()
        if function is None:
            return []
        return [f"PROMETHEE {key}: {message}" for key, message in function.problems()]


class CriterionDialog(QDialog):
    """Edit a copy of ``criterion``; :meth:`result` gives the edited criterion."""

    def __init__(self, matrix: DecisionMatrix, criterion: Criterion, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.matrix, self.original = matrix, criterion
        c = criterion
        self.name = QLineEdit(c.name)
        self.unit = QLineEdit(c.unit)
        self.unit.setPlaceholderText("e.g. k€, days, % — blank for a plain score")
        self.description = QPlainTextEdit(c.description)
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(70)
        self.direction = QComboBox()
        self.direction.addItem("Benefit — more is better", Direction.BENEFIT.value)
        self.direction.addItem("Cost — less is better", Direction.COST.value)
        self.direction.setCurrentIndex(0 if c.direction is Direction.BENEFIT else 1)
        self.worst, self.best = ExactNumberBox(c.worst), ExactNumberBox(c.best)
        for box in (self.worst, self.best):
            box.setToolTip("On a level scale, the anchor is a level's position "
                           "(e.g. 3 for “very high = 3”)")
        self.levels = QPlainTextEdit("\n".join(
            f"{lv.name} = {number_text(lv.position)}"
            for lv in sorted(c.levels, key=lambda x: x.position)))
        self.levels.setTabChangesFocus(True)
        self.levels.setPlaceholderText("blank for a numeric scale; else one level per line,\n"
                                       "e.g.  low = 0 / medium = 1 / high = 2")
        self.levels.setMaximumHeight(90)
        self.points = QLineEdit(", ".join(f"{number_text(x)}: {number_text(v)}"
                                          for x, v in c.value_points))
        self.points.setPlaceholderText("blank for linear; e.g. 0: 0, 5: 0.8, 10: 1")
        self.group = QComboBox()
        self.group.setEditable(True)
        self.group.addItem(NO_GROUP, None)
        for g in matrix.groups:
            self.group.addItem(g.name, g.id)
        self.group.setCurrentIndex(max(self.group.findData(c.group), 0))
        self.group.setToolTip("Pick a group, or type a new name to create one")
        self.promethee = PrometheeRow(c.promethee, threshold_decimals(c))
        self.must_reach = QLineEdit("" if c.must_reach is None else (
            c.must_reach if isinstance(c.must_reach, str) else number_text(c.must_reach)))
        self.must_reach.setPlaceholderText("blank for none; a score (or level) an option must "
                                           "reach")
        self.must_reach.setToolTip("A must-have: options scoring worse than this are screened "
                                   "out — dimmed in the grid and left out of the ranking")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #c0392b")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._try_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Unit:", self.unit)
        form.addRow("&Description:", self.description)
        form.addRow("Di&rection:", self.direction)
        form.addRow("&Worst anchor (value 0):", self.worst)
        form.addRow("&Best anchor (value 1):", self.best)
        form.addRow("&Levels:", self.levels)
        form.addRow("Value &function:", self.points)
        form.addRow("&Group:", self.group)
        form.addRow("PR&OMETHEE preference:", self.promethee)
        form.addRow("&Must reach:", self.must_reach)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(480, 520)
        # What the text fields showed: one left as it was keeps the stored value exactly.
        self.shown_text = self._texts()
        self._result: Criterion | None = None
        self.new_group_name: str | None = None

    def chosen_group(self) -> tuple[str | None, str | None]:
        """(existing group id, new group name): at most one is set."""
        text = self.group.currentText().strip()
        if not text or text == NO_GROUP:
            return None, None
        wanted = text.casefold()  # "quality" picks the existing "Quality", not a twin
        for g in self.matrix.groups:
            if g.name.strip().casefold() == wanted:
                return g.id, None
        return None, text

    def _texts(self) -> dict[str, str]:
        return {"levels": self.levels.toPlainText(), "points": self.points.text(),
                "must_reach": self.must_reach.text()}

    def _unchanged(self, field: str) -> bool:
        return self._texts()[field] == self.shown_text[field]

    def build(self) -> Criterion:
        """The criterion as entered (ValueError for unreadable levels or points)."""
        group_id, new_name = self.chosen_group()
        o = self.original
        candidate = replace(
            o,
            name=typed_text(self.name.text(), o.name), unit=typed_text(self.unit.text(), o.unit),
            description=typed_text(self.description.toPlainText(), o.description),
            direction=Direction(self.direction.currentData()),
            worst=self.worst.exact_value(), best=self.best.exact_value(),
            levels=list(o.levels) if self._unchanged("levels")
            else parse_levels(self.levels.toPlainText()),
            value_points=list(o.value_points) if self._unchanged("points")
            else parse_points(self.points.text()),
            group=group_id if new_name is None else "\x00new",  # filled in by the caller
            promethee=self.promethee.function(),
        )
        return replace(candidate, must_reach=self.threshold(candidate))

    def threshold(self, candidate: Criterion) -> float | int | str | None:
        """The must-have as entered: None when blank, a level name on a level scale."""
        if self._unchanged("must_reach"):
            kept = self.original.must_reach
            if isinstance(kept, str):
                return renamed_levels(self.original, candidate).get(kept, kept)
            return kept
        text = self.must_reach.text().strip()
        if not text:
            return None
        if candidate.levels:
            return text  # the scale's rules check that it is one of the levels
        try:
            return parse_score_text(candidate, text)  # read as a score typed in the grid
        except ValueError as e:
            raise ValueError(f"the must-have threshold: {e}") from None

    def check(self) -> list[str]:
        try:
            candidate = self.build()
        except ValueError as e:
            return [str(e)]
        problems = [] if candidate.name else ["the name is empty"]
        problems += [str(p).removeprefix("criterion: ").removeprefix("criterion.")
                     for p in check_criterion(replace(candidate, group=None), "criterion")]
        problems += self.promethee.problems()
        new_group = self.chosen_group()[1]
        if new_group is not None:
            clash = group_name_problem(self.matrix, new_group)
            if clash:
                problems.append(f"the new group: {clash}")
        elif candidate.name:
            wanted = candidate.name.casefold()  # a group and a criterion side by side
            problems += [f"a group is already called “{g.name}”" for g in self.matrix.groups
                         if g.name.strip().casefold() == wanted]
        if problems:
            return problems
        return self._score_problems(candidate)

    def _score_problems(self, candidate: Criterion) -> list[str]:
        """Base scores and scenario overrides of the column that the edited scale
        would not hold (renamed levels already carried over)."""
        renames = renamed_levels(self.original, candidate)
        scenarios = {s.id: s.name for s in self.matrix.scenarios}
        problems = []
        for (scenario_id, oid), score in criterion_cells(self.matrix, self.original.id).items():
            problem = range_problem(candidate, renamed_score(score, renames))
            if problem:
                where = f"the score of {_option_name(self.matrix, oid)}"
                if scenario_id is not None:
                    where += f" in scenario “{scenarios[scenario_id]}”"
                problems.append(f"{where} would not fit: {problem}")
        return problems

    def _try_accept(self) -> None:
        problems = self.check()
        if problems:
            self.problems.setText("Please fix: " + "; ".join(problems[:4]))
            return
        self._result = self.build()
        self.new_group_name = self.chosen_group()[1]
        self.accept()

    def result_criterion(self) -> Criterion | None:
        return self._result


def _option_name(matrix: DecisionMatrix, option_id: str) -> str:
    try:
        return matrix.option(option_id).name
    except KeyError:
        return option_id


def threshold_decimals(c: Criterion) -> int:
    """Decimals for a PROMETHEE threshold on ``c``'s scale: three significant digits of
    the span between its anchors (3 for a span of 0.1 to 1000, 4 for 0 to 0.01), up to 6."""
    span = abs(c.best - c.worst)
    if not 0 < span < math.inf:
        return 3
    return min(6, max(3, 2 - math.floor(math.log10(span))))


def _tidy(x: float) -> float:
    return int(x) if float(x).is_integer() else x
