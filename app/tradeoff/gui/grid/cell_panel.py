"""The cell details panel: value, low/high range, how the Monte Carlo draws the
score within that range, rationale and source of the selected cell, all
editable; each committed field is one undo step."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.model import Criterion, Score
from tradeoff.gui.common.cell_values import (
    CellValueError,
    edit_text,
    parse_score_text,
    range_problem,
)
from tradeoff.gui.common.secondary_text import secondary
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetScore


class CellPanel(QWidget):
    """Shows and edits one cell: call :meth:`show_cell` when the grid's current cell moves."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.cell: tuple[str, str] | None = None  # (option id, criterion id)
        # The text each number field showed: a field whose text is unchanged keeps the
        # stored number as it is, so editing one field never rewrites the others.
        self.shown: dict[str, str] = {}
        self.heading = QLabel("Select a cell in the matrix.")
        self.heading.setWordWrap(True)
        self.scale = QLabel()
        self.scale.setWordWrap(True)
        secondary(self.scale)
        self.value = QComboBox()
        self.value.setEditable(True)
        self.low = QLineEdit()
        self.high = QLineEdit()
        self.low.setPlaceholderText("optional")
        self.high.setPlaceholderText("optional")
        self.distribution = QComboBox()
        for label, name in DISTRIBUTION_CHOICES:
            self.distribution.addItem(label, name)
        self.distribution.setToolTip(
            "How the Monte Carlo draws this score within its range. Triangular and PERT take "
            "low and high as the whole range; normal and log-normal read them as a 95 % "
            "interval, as a confidence interval is reported.")
        self.rationale = QPlainTextEdit()
        self.rationale.setPlaceholderText("Why this score?")
        self.rationale.setTabChangesFocus(True)
        self.source = QLineEdit()
        self.source.setPlaceholderText("Where it comes from")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        form = QFormLayout()
        form.addRow("Val&ue:", self.value)
        form.addRow("&Low:", self.low)
        form.addRow("Hi&gh:", self.high)
        form.addRow("&Drawn as:", self.distribution)
        form.addRow("&Rationale:", self.rationale)
        form.addRow("&Source:", self.source)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.scale)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        assert self.value.lineEdit() is not None
        self.value.lineEdit().editingFinished.connect(self.commit)
        self.value.activated.connect(lambda _i: self.commit())
        self.distribution.activated.connect(lambda _i: self.commit())
        for edit in (self.low, self.high, self.source):
            edit.editingFinished.connect(self.commit)
        self.rationale.installEventFilter(self)  # commit when focus leaves the text box
        doc.changed.connect(self.refresh)
        doc.replaced.connect(lambda: self.show_cell(None, None))
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.value, self.low, self.high, self.distribution, self.rationale,
                  self.source):
            w.setEnabled(on)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.rationale and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return super().eventFilter(watched, event)

    # -- showing -------------------------------------------------------------------------
    def show_cell(self, row: int | None, column: int | None) -> None:
        m = self.doc.matrix
        if row is None or column is None or row >= len(m.options) or column >= len(m.criteria):
            self.cell = None
        else:
            self.cell = (m.options[row].id, m.criteria[column].id)
        self.error.setText("")  # a refusal concerns the cell it was made on
        self.refresh()

    def refresh(self) -> None:
        m = self.doc.view()
        if self.cell is not None:
            try:
                option, criterion = m.option(self.cell[0]), m.criterion(self.cell[1])
            except KeyError:
                self.cell = None
        if self.cell is None:
            self.heading.setText("Select a cell in the matrix.")
            self.scale.setText("")
            self._set_enabled(False)
            return
        self._set_enabled(True)
        score = m.score(option.id, criterion.id)
        self.heading.setText(f"<b>{option.name}</b> on <b>{criterion.name}</b>")
        self.scale.setText(_scale_text(criterion))
        self.value.blockSignals(True)
        self.value.clear()
        if criterion.is_level_scale:
            self.value.addItem("")
            self.value.addItems([lv.name for lv in
                                 sorted(criterion.levels, key=lambda lv: lv.position)])
        self.value.setCurrentText(edit_text(score.value))
        self.value.blockSignals(False)
        self.low.setText(edit_text(score.low))
        self.high.setText(edit_text(score.high))
        self.shown = self._texts()
        self._show_distribution(criterion, score)
        if self.rationale.toPlainText() != score.rationale:
            self.rationale.setPlainText(score.rationale)
        self.source.setText(score.source)

    def _show_distribution(self, criterion: Criterion, score: Score) -> None:
        self.distribution.blockSignals(True)
        index = self.distribution.findData(score.distribution)
        self.distribution.setCurrentIndex(max(index, 0))
        # A log-normal needs numbers above 0: not offered on a level scale (disabled, so
        # neither the list nor the arrow keys reach it).
        item = self.distribution.model().item(self.distribution.findData("lognormal"))
        item.setEnabled(not criterion.is_level_scale or score.distribution == "lognormal")
        self.distribution.blockSignals(False)

    def _texts(self) -> dict[str, str]:
        return {"value": self.value.currentText(), "low": self.low.text(),
                "high": self.high.text()}

    # -- committing ----------------------------------------------------------------------
    def commit(self) -> None:
        """Push the edited fields as one command, if they changed and fit the scale."""
        if self.cell is None:
            return
        m = self.doc.view()
        option, criterion = m.option(self.cell[0]), m.criterion(self.cell[1])
        old = m.score(option.id, criterion.id)
        texts = self._texts()
        try:
            numbers = {name: getattr(old, name) if text == self.shown.get(name)
                       else parse_score_text(criterion, text) for name, text in texts.items()}
        except CellValueError as e:
            self.error.setText(str(e))
            return
        rationale = self.rationale.toPlainText()
        source = self.source.text()
        new = Score(
            **numbers,
            rationale=old.rationale if rationale == old.rationale else rationale.strip(),
            source=old.source if source == old.source else source.strip(),
            distribution=self.distribution.currentData(),
        )
        problem = range_problem(criterion, new)
        if problem:
            self.error.setText(f"Not saved: {problem}.")
            if range_problem(criterion, replace(new, distribution=old.distribution)) is None:
                # Only the new distribution is wrong: show the stored one again, so the
                # cell's other fields can still be saved.
                self._show_distribution(criterion, old)
            return
        self.error.setText("")
        if new == replace(old):
            return
        self.doc.push(SetScore(self.doc, option.id, criterion.id, new,
                               f"Edit details of {option.name} / {criterion.name}"))


DISTRIBUTION_CHOICES = [
    ("Monte Carlo setting", None),
    ("Triangular: low, value, high", "triangular"),
    ("PERT: low, value, high", "pert"),
    ("Normal: low–high is a 95 % interval", "normal"),
    ("Log-normal: low–high is a 95 % interval", "lognormal"),
]


def _scale_text(c: Criterion) -> str:
    worst = c.level_at(c.worst) if c.is_level_scale else None
    best = c.level_at(c.best) if c.is_level_scale else None
    return (f"Scale: {c.format_value(worst or c.worst)} (worst) → "
            f"{c.format_value(best or c.best)} (best), {c.direction.value}")
