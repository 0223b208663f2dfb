"""The score-flip table: which single judgement the recommendation hinges on.

One row per cell, the smallest flip first ("more than 2.8 months on Time to
effect for Calibrated pressure would make Calibrated pressure the winner").
Rows whose flip needs less than a fifth of the scale, or a single step on a
level scale, are highlighted: those are the judgements worth a second look.
The sentence is each row's tooltip.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tradeoff.core.model import DecisionMatrix
from tradeoff.core.robustness_report import ReportTable, flip_report
from tradeoff.gui.robustness.models import ReportTableModel, report_view
from tradeoff.gui.robustness.recompute import outcome

SENSITIVE_SHARE = 0.2  # a flip within a fifth of the scale is flagged
BY_COLUMN, UNIT_COLUMN, SHARE_COLUMN, TEXT_COLUMN = 5, 6, 7, 9


def _sensitive(row: list) -> bool:
    """A flip within a fifth of the scale, or one level step away."""
    if row[SHARE_COLUMN] is None:
        return False
    one_step = row[UNIT_COLUMN] == "levels" and abs(row[BY_COLUMN]) == 1
    return row[SHARE_COLUMN] < SENSITIVE_SHARE or one_step


class FlipTable(QWidget):
    """Sorted score-flip table for one matrix and profile."""

    def __init__(self, matrix: DecisionMatrix | None = None, profile_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReportTableModel(self)
        self.view = report_view(self.model, self, hidden=(TEXT_COLUMN,))
        self.view.setAccessibleName("Score flips")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        if matrix is not None:
            self.set_matrix(matrix, profile_id)

    def set_matrix(self, matrix: DecisionMatrix, profile_id: str | None = None) -> None:
        self.show_table(outcome(lambda: flip_report(matrix, matrix.profile(profile_id))))

    def show_table(self, table: ReportTable | str, compact: bool = False) -> None:
        """Show the flip table (or why there is none); ``compact``: it holds only the
        flips that can change the winner."""
        if isinstance(table, str):
            self.model.set_table(ReportTable("Score-flip test", [], []))
            self.summary.setText(f"No flip test: {table}")
            return
        sensitive = {(r, -1) for r, row in enumerate(table.rows) if _sensitive(row)}
        self.model.set_table(table, sensitive, tooltip_column=TEXT_COLUMN)
        first = table.rows[0] if table.rows else None
        if first is None or first[SHARE_COLUMN] is None:
            text = "No single score change can change the winner."
        else:
            text = f"Smallest flip: {first[TEXT_COLUMN]}."
        if compact:
            text += (" At this size only the scores whose change can make another option "
                     "win are listed.")
        self.summary.setText(text)
