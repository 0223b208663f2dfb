"""Stakeholder comparison: ranks side by side, differences from the shown profile highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from factories import small_matrix
from tradeoff.core.model import WeightProfile
from tradeoff.gui.robustness.models import BACKGROUND, FLAGGED_ROLE, HIGHLIGHT_BRUSH
from tradeoff.gui.robustness.stakeholders import StakeholderTable


def _matrix():
    m = small_matrix()
    m.profiles.append(WeightProfile("money", "Money first", {
        "money": 3, "quality": 1, "price": 1, "speed": 1, "risk": 1}))
    return m


def test_ranks_side_by_side_with_disagreements_highlighted(qtbot, qtmodeltester):
    # Even and Quality first rank Gamma, Alpha, Beta; Money first ranks Beta, Alpha, Gamma.
    table = StakeholderTable(_matrix(), "even")
    qtbot.addWidget(table)
    model = table.model
    qtmodeltester.check(model)
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Option", "Even (shown)", "Quality first", "Money first", "Profiles"]
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert rows == [["Alpha", "2", "2", "2", ""], ["Beta", "3", "3", "1", "disagree"],
                    ["Gamma", "1", "1", "3", "disagree"]]
    flagged = {(r, c) for r in range(3) for c in range(5)
               if model.index(r, c).data(FLAGGED_ROLE)}
    assert flagged == {(1, 3), (2, 3)}
    assert model.index(1, 3).data(BACKGROUND) == HIGHLIGHT_BRUSH
    assert "disagree on the winner" in table.summary.text()
    assert "Money first: Beta" in table.summary.text()


def test_agreeing_profiles_raise_no_flag(qtbot):
    table = StakeholderTable(small_matrix(), "quality")
    qtbot.addWidget(table)
    model = table.model
    assert not any(model.index(r, c).data(FLAGGED_ROLE)
                   for r in range(model.rowCount()) for c in range(model.columnCount()))
    assert table.summary.text().startswith("All profiles pick the same winner.")
