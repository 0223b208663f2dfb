"""Stakeholder comparison: each option's rank under every weight profile, side by side.

A rank that differs from the rank under the reference profile (the one the
window is showing) is highlighted, and the last column says which options the
profiles disagree on; the line above names each profile's winner.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.robustness_report import ReportTable
from tradeoff.core.stakeholders import StakeholderComparison, compare_profiles
from tradeoff.gui.robustness.models import ReportTableModel, report_view
from tradeoff.gui.robustness.recompute import outcome


class StakeholderTable(QWidget):
    """Options × profiles (ranks), disagreements with the reference profile highlighted."""

    def __init__(self, matrix: DecisionMatrix | None = None, profile_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReportTableModel(self)
        self.view = report_view(self.model, self)
        self.view.setAccessibleName("Stakeholder comparison")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.comparison: StakeholderComparison | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        if matrix is not None:
            self.set_matrix(matrix, profile_id)

    def set_matrix(self, matrix: DecisionMatrix, profile_id: str | None = None) -> None:
        self.show_comparison(matrix, profile_id, outcome(lambda: compare_profiles(matrix)))

    def show_comparison(self, matrix: DecisionMatrix, profile_id: str | None,
                        comparison: StakeholderComparison | str) -> None:
        """Show the comparison worked out for ``matrix`` (or why there is none), the
        profile ``profile_id`` as the reference."""
        try:
            if isinstance(comparison, str):
                raise TradeoffError(comparison)
            reference = matrix.profile(profile_id).id
            self.comparison = c = comparison
        except (KeyError, TradeoffError) as e:
            self.comparison = None
            self.model.set_table(ReportTable("Stakeholder comparison", [], []))
            self.summary.setText(f"No comparison: {e}")
            return
        profiles = list(c.ranks.columns)
        names = {p.id: p.name for p in matrix.profiles}
        option_names = {o.id: o.name for o in matrix.options}
        # Whole arrays, not a pandas look-up per cell: the table may have 10,000 rows.
        ranks = c.ranks.to_numpy()
        base = ranks[:, profiles.index(reference)][:, None]
        differs = ranks != base  # (a missing rank differs from any, as before)
        flagged = {(int(r), int(k) + 1) for r, k in zip(*np.nonzero(differs), strict=True)}
        rows = [[option_names[str(oid)], *[None if v != v else int(v) for v in row],
                 "disagree" if c.is_disagreement(str(oid)) else ""]
                for oid, row in zip(c.ranks.index, ranks.tolist(), strict=True)]
        headers = ["Option", *[names[p] + (" (shown)" if p == reference else "")
                               for p in profiles], "Profiles"]
        self.model.set_table(ReportTable("Stakeholder comparison", headers, rows), flagged)
        winners = "; ".join(f"{names[p]}: {', '.join(matrix.option(o).name for o in w)}"
                            for p, w in c.winners.items())
        verdict = "All profiles pick the same winner." if c.winner_agreed else \
            "The profiles disagree on the winner."
        self.summary.setText(f"{verdict} Winners — {winners}.")
