"""Adding, removing, duplicating, editing and reordering options and criteria, with undo."""

from __future__ import annotations

from gui_helpers import when_modal
from PySide6.QtWidgets import QDialog

from tradeoff.core.scoring import score
from tradeoff.io.matrix_file import dumps


def names(m, kind):
    return [x.name for x in getattr(m, kind)]


def test_add_option_through_its_dialog_then_undo(window):
    m = window.document.matrix
    before = dumps(m)
    window.grid.select_cell(0, 0)

    def fill(dialog: QDialog) -> None:
        dialog.name.setText("Delta")
        dialog.description.setPlainText("A fourth way")
        dialog.accept()

    when_modal(fill)
    window.actions["add_option"].trigger()
    assert names(m, "options") == ["Alpha", "Delta", "Beta", "Gamma"]
    assert m.options[1].description == "A fourth way"
    assert window.grid.matrix_model.rowCount() == 4
    assert "missing" in " ".join(i.kind for i in score(m).issues)
    window.document.undo_stack.undo()
    assert dumps(m) == before
    window.document.undo_stack.redo()
    assert names(m, "options") == ["Alpha", "Delta", "Beta", "Gamma"]


def test_remove_duplicate_and_move_options(window):
    m, stack = window.document.matrix, window.document.undo_stack
    before = dumps(m)
    window.grid.select_cell(1, 0)
    window.actions["duplicate_option"].trigger()
    assert names(m, "options") == ["Alpha", "Beta", "Beta (copy)", "Gamma"]
    assert m.score(m.options[2].id, "price").value == 20
    window.grid.select_cell(2, 0)
    window.actions["move_option_up"].trigger()
    window.actions["move_option_up"].trigger()
    assert names(m, "options") == ["Beta (copy)", "Alpha", "Beta", "Gamma"]
    assert window.grid.matrix_model.headerData(0, window.grid.verticalHeader().orientation()) \
        == "Beta (copy)"
    window.grid.select_cell(3, 0)
    window.actions["remove_option"].trigger()
    assert names(m, "options") == ["Beta (copy)", "Alpha", "Beta"]
    assert ("c", "price") not in m.scores
    for _ in range(4):
        stack.undo()
    assert dumps(m) == before


def test_edit_option_name(window):
    window.grid.select_cell(2, 0)
    when_modal(lambda d: (d.name.setText("Gamma prime"), d.accept()))
    window.actions["edit_option"].trigger()
    assert window.document.matrix.options[2].name == "Gamma prime"
    assert window.results_panel.model.index(0, 1).data() == "Gamma prime"


def test_add_criterion_in_a_new_group_then_undo(window):
    m = window.document.matrix
    before = dumps(m)
    window.grid.select_cell(0, 2)

    def fill(dialog: QDialog) -> None:
        dialog.name.setText("Support")
        dialog.unit.setText("days")
        dialog.worst.setValue(30)
        dialog.best.setValue(1)
        dialog.direction.setCurrentIndex(1)  # cost
        dialog.group.setEditText("Service")
        dialog._try_accept()

    when_modal(fill)
    window.actions["add_criterion"].trigger()
    assert names(m, "criteria") == ["Price", "Speed", "Risk", "Support"]
    support = m.criteria[3]
    assert (support.worst, support.best, support.unit) == (30, 1, "days")
    assert m.group(support.group).name == "Service"
    assert all(support.id in p.weights and support.group in p.weights for p in m.profiles)
    assert window.grid.matrix_model.columnCount() == 4
    assert any(r.node_id == support.id for r in window.weights_panel.rows)
    window.document.undo_stack.undo()
    assert dumps(m) == before
    assert not any(r.node_id == "support" for r in window.weights_panel.rows)


def test_criterion_dialog_refuses_a_scale_that_strands_scores(window):
    window.grid.select_cell(0, 1)
    seen = {}

    def fill(dialog: QDialog) -> None:
        dialog.best.setValue(5)  # Gamma scores 9 on speed
        dialog._try_accept()
        seen["problems"] = dialog.problems.text()
        dialog.reject()

    when_modal(fill)
    window.actions["edit_criterion"].trigger()
    assert "Gamma" in seen["problems"] and "outside the scale" in seen["problems"]
    assert window.document.matrix.criterion("speed").best == 10


def test_edit_criterion_scale_rescores(window):
    m = window.document.matrix
    window.grid.select_cell(0, 1)

    def fill(dialog: QDialog) -> None:
        dialog.best.setValue(20)
        dialog.points.setText("0: 0, 10: 0.8, 20: 1")
        dialog._try_accept()

    when_modal(fill)
    window.actions["edit_criterion"].trigger()
    assert m.criterion("speed").best == 20
    assert m.criterion("speed").value_points == [(0, 0), (10, 0.8), (20, 1)]
    expected = score(m).totals
    model = window.results_panel.model
    shown = {model.index(r, 1).data(): float(model.index(r, 2).data()) for r in range(3)}
    assert shown["Alpha"] == round(expected["a"], 3)
    window.document.undo_stack.undo()
    assert m.criterion("speed").best == 10


def test_remove_and_move_criteria_with_undo(window):
    m, stack = window.document.matrix, window.document.undo_stack
    before = dumps(m)
    window.grid.select_cell(0, 2)
    window.actions["move_criterion_left"].trigger()
    assert names(m, "criteria") == ["Price", "Risk", "Speed"]
    assert window.grid.currentIndex().column() == 1
    window.actions["remove_criterion"].trigger()
    assert names(m, "criteria") == ["Price", "Speed"]
    assert all("risk" not in p.weights for p in m.profiles)
    window.grid.select_cell(0, 1)
    window.actions["duplicate_criterion"].trigger()
    assert names(m, "criteria") == ["Price", "Speed", "Speed (copy)"]
    assert m.profile("quality").weights[m.criteria[2].id] == 2  # weights copied too
    for _ in range(3):
        stack.undo()
    assert dumps(m) == before
    for _ in range(3):
        stack.redo()
    assert names(m, "criteria") == ["Price", "Speed", "Speed (copy)"]


def test_actions_are_disabled_where_they_cannot_apply(window):
    window.grid.select_cell(0, 0)
    assert not window.actions["move_option_up"].isEnabled()
    assert not window.actions["move_criterion_left"].isEnabled()
    assert window.actions["move_option_down"].isEnabled()
