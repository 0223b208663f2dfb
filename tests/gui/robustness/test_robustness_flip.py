"""The score-flip table: smallest flip first, sensitive rows highlighted, sentence as tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factories import small_matrix
from robustness_factories import numeric_matrix
from tradeoff.gui.robustness.flip import TEXT_COLUMN, FlipTable
from tradeoff.gui.robustness.models import FLAGGED_ROLE, SORT_ROLE

TOOLTIP = Qt.ItemDataRole.ToolTipRole


def test_hand_computed_flips_in_order(qtbot, qtmodeltester):
    # A = 0.65 beats B = 0.60 by 0.05: one point on either criterion flips it.
    table = FlipTable(numeric_matrix([[9, 4], [6, 6], [0, 0]], [1, 1]), "p")
    qtbot.addWidget(table)
    qtmodeltester.check(table.model)
    model = table.model
    assert model.rowCount() == 6
    shares = [model.index(r, 7).data(SORT_ROLE) for r in range(model.rowCount())]
    assert shares[:4] == pytest.approx([0.1] * 4) and shares[4:] == [None, None]
    assert all(type(s) is float for s in shares[:4])  # plain values, ready for any writer
    assert [model.index(r, 7).data() for r in (0, 5)] == ["10.0%", "—"]
    assert all(model.index(r, 0).data(FLAGGED_ROLE) for r in range(4))
    assert not model.index(5, 0).data(FLAGGED_ROLE)
    assert table.view.isColumnHidden(TEXT_COLUMN)
    assert "would make O1 the winner" in model.index(0, 1).data(TOOLTIP)
    assert table.summary.text().startswith("Smallest flip: more than 1 on C")


def test_small_matrix_lists_every_cell(qtbot):
    table = FlipTable(small_matrix(), "even")
    qtbot.addWidget(table)
    assert table.model.rowCount() == 9
    headers = [table.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(table.model.columnCount())]
    assert headers[:4] == ["Option", "Criterion", "Change", "Score now"]


def test_unknown_profile_shows_why(qtbot):
    table = FlipTable(small_matrix(), "nobody")
    qtbot.addWidget(table)
    assert table.model.rowCount() == 0
    assert table.summary.text().startswith("No flip test:")


def test_one_level_step_is_flagged_even_on_a_short_scale(qtbot):
    table = FlipTable(small_matrix(), "even")
    qtbot.addWidget(table)
    model = table.model
    for r in range(model.rowCount()):
        unit, by = model.index(r, 6).data(SORT_ROLE), model.index(r, 5).data(SORT_ROLE)
        share = model.index(r, 7).data(SORT_ROLE)
        expected = share is not None and (share < 0.2 or (unit == "levels" and abs(by) == 1))
        assert model.index(r, 0).data(FLAGGED_ROLE) == expected
    level_rows = [r for r in range(model.rowCount())
                  if model.index(r, 6).data(SORT_ROLE) == "levels"]
    assert any(model.index(r, 0).data(FLAGGED_ROLE) for r in level_rows)
