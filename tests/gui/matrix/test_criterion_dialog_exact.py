"""The criterion dialog changes only what the user edits: anchors, level
positions, value-function points and the must-have keep their exact stored
numbers; scenario overrides are checked like base scores; a renamed level is
carried into every score that names it, in one undo step."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from gui_helpers import when_modal
from PySide6.QtWidgets import QDialog

from factories import small_matrix
from tradeoff.core.model import Criterion, Direction, Level, Scenario, Score
from tradeoff.core.validate import check_matrix
from tradeoff.gui.matrix.criterion_dialog import CriterionDialog
from tradeoff.io.matrix_file import dumps, load_matrix

REPO = Path(__file__).resolve().parents[3]


def ok_after_description_edit(matrix, criterion):
    dialog = CriterionDialog(matrix, criterion, "Edit")
    dialog.description.setPlainText(f"{criterion.description} (edited)".strip())
    dialog._try_accept()
    return dialog.result_criterion(), dialog.problems.text()


def test_published_anchors_survive_an_unrelated_edit(qapp):
    # The benefit-risk example's anchors carry four decimals (21.2916, 0.9765, ...).
    m = load_matrix(REPO / "matrices" / "antidepressants-benefit-risk.toml")
    for c in m.criteria:
        result, problems = ok_after_description_edit(m, c)
        assert problems == ""
        assert result == replace(c, description=f"{c.description} (edited)".strip())


AWKWARD = [
    Criterion("rent", "Rent", worst=40.0, best=14.9995, unit="k€", direction=Direction.COST,
              value_points=[(14.9995, 1.0), (27.123456, 0.4), (40.0, 0.0)], must_reach=37.4999),
    Criterion("area", "Area", worst=0, best=5_000_000, must_reach=1_234_567.5),
    Criterion("far", "Far", worst=-3e9, best=2.5e12),  # beyond what the box can hold
    Criterion("tiny", "Tiny", worst=0.0000123, best=0.0000456),
    Criterion("looks", "Looks", worst=0, best=3, must_reach="adequate",
              levels=[Level("poor", 0), Level("adequate", 1.0000001), Level("good", 2),
                      Level("excellent", 3)]),
]


@pytest.mark.parametrize("criterion", AWKWARD, ids=lambda c: c.id)
def test_stored_numbers_survive_an_unrelated_edit(qapp, criterion):
    m = small_matrix()
    m.criteria.append(criterion)
    result, problems = ok_after_description_edit(m, criterion)
    assert problems == ""
    assert result == replace(criterion, description="(edited)")


def test_an_edited_anchor_and_must_have_are_taken(qapp):
    m = small_matrix()
    rent = AWKWARD[0]
    m.criteria.append(rent)
    dialog = CriterionDialog(m, rent, "Edit")
    dialog.best.setValue(12.5)
    assert dialog.points.text() == "14.9995: 1, 27.123456: 0.4, 40: 0"
    dialog.points.setText("12.5: 1, 27.123456: 0.4, 40: 0")
    dialog.must_reach.setText("1234.5 k€")
    dialog._try_accept()
    assert "outside the scale" in dialog.problems.text()  # 1234.5 is not on 12.5 … 40
    dialog.must_reach.setText("30.25")
    dialog._try_accept()
    result = dialog.result_criterion()
    assert (result.worst, result.best, result.must_reach) == (40.0, 12.5, 30.25)
    assert result.value_points == [(12.5, 1), (27.123456, 0.4), (40, 0)]


def with_scenario(m, overrides):
    m.scenarios.append(Scenario("storm", "Storm season", scores=overrides))
    return m


def test_a_scale_that_strands_a_scenario_override_is_refused(qapp):
    # Every base score of Speed (6, 3, 9) fits 2 … 10; Beta's override of 1 does not.
    m = with_scenario(small_matrix(), {("b", "speed"): Score(1)})
    dialog = CriterionDialog(m, m.criterion("speed"), "Edit")
    dialog.worst.setValue(2)
    dialog._try_accept()
    assert dialog.result_criterion() is None
    text = dialog.problems.text()
    assert "Beta" in text and "Storm season" in text and "outside the scale" in text


def test_a_removed_level_still_used_by_an_override_is_refused(qapp):
    m = with_scenario(small_matrix(), {("c", "risk"): Score("very high")})
    dialog = CriterionDialog(m, m.criterion("risk"), "Edit")
    dialog.levels.setPlainText("low = 0\nmedium = 1\nhigh = 2")
    dialog.worst.setValue(2)
    dialog._try_accept()
    assert dialog.result_criterion() is None
    assert "Gamma in scenario “Storm season”" in dialog.problems.text()
    assert "'very high' is not a level" in dialog.problems.text()


def test_a_renamed_level_follows_into_scores_overrides_and_must_have(window):
    doc = window.document
    m = doc.matrix
    with_scenario(m, {("b", "risk"): Score("medium", rationale="storm damage")})
    m.criteria[2] = replace(m.criterion("risk"), must_reach="medium")
    before = dumps(m)
    window.grid.select_cell(0, 2)

    def fill(dialog: QDialog) -> None:
        dialog.levels.setPlainText("low = 0\nmoderate = 1\nhigh = 2\nvery high = 3")
        dialog._try_accept()
        if dialog.result_criterion() is None:  # refused: close it, so the test can fail
            dialog.reject()

    when_modal(fill)
    window.actions["edit_criterion"].trigger()
    assert [lv.name for lv in m.criterion("risk").levels] == \
        ["low", "moderate", "high", "very high"]
    assert m.score("a", "risk") == Score("moderate", rationale="a on risk", source="test")
    assert m.find_scenario("storm").scores[("b", "risk")] == \
        Score("moderate", rationale="storm damage")
    assert m.criterion("risk").must_reach == "moderate"
    assert check_matrix(m) == []
    doc.undo_stack.undo()  # one step takes back the scale and every renamed score
    assert dumps(m) == before
    doc.undo_stack.redo()
    assert m.score("a", "risk").value == "moderate"
