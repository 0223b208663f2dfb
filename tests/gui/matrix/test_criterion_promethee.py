"""The criterion dialog's PROMETHEE preference row: choose, check, undo, results."""

from __future__ import annotations

from dataclasses import replace

import pytest
from gui_helpers import when_modal
from PySide6.QtWidgets import QDialog

from tradeoff.core.methods.promethee import promethee
from tradeoff.core.preference_functions import PreferenceFunction
from tradeoff.io.matrix_file import dumps, loads


def edit_speed(window, fill) -> dict[str, str]:
    """Open the criterion dialog on Speed (column 1) and run ``fill`` on it."""
    seen: dict[str, str] = {}

    def handle(dialog: QDialog) -> None:
        fill(dialog)
        seen["problems"] = dialog.problems.text()
        if dialog.isVisible():
            dialog.reject()

    window.grid.select_cell(0, 1)
    when_modal(handle)
    window.actions["edit_criterion"].trigger()
    return seen


def choose(dialog: QDialog, kind: str | None, **thresholds: float) -> None:
    row = dialog.promethee
    row.kind.setCurrentIndex(row.kind.findData(kind))
    for name, value in thresholds.items():
        row.boxes[name].setValue(value)


def shown_ranking(window) -> dict[str, float]:
    model = window.results_panel.model
    return {model.index(r, 1).data(): float(model.index(r, 2).data())
            for r in range(model.rowCount())}


def test_a_chosen_function_is_used_by_the_results_and_undone(window, qtmodeltester):
    m, stack = window.document.matrix, window.document.undo_stack
    before = dumps(m)
    window.results_panel.set_method("promethee")
    assert "v-shape, p = range of scores" in window.results_panel.title.text()

    def fill(dialog: QDialog) -> None:
        assert dialog.promethee.kind.currentText() == "The run's setting"
        choose(dialog, "linear", q=1, p=3)
        dialog._try_accept()

    edit_speed(window, fill)
    assert m.criterion("speed").promethee == PreferenceFunction("linear", q=1, p=3)
    title = window.results_panel.title.text()
    assert "Speed: linear (q = 1, p = 3)" in title and "others: v-shape" in title
    # the same flows as the core computes with the function passed as the run's setting
    plain = loads(before)
    expected = promethee(plain, preferences={"speed": PreferenceFunction("linear", q=1, p=3)})
    names = {o.id: o.name for o in plain.options}
    assert shown_ranking(window) == {names[o]: pytest.approx(round(v, 3), abs=1e-9)
                                     for o, v in expected.totals.items()}
    qtmodeltester.check(window.results_panel.model)
    assert 'function = "linear"' in dumps(m)

    stack.undo()
    assert m.criterion("speed").promethee is None
    assert dumps(m) == before
    assert "Speed: linear" not in window.results_panel.title.text()
    stack.redo()
    assert m.criterion("speed").promethee == PreferenceFunction("linear", q=1, p=3)


@pytest.mark.parametrize(("kind", "shown"), [
    (None, set()), ("usual", set()), ("u-shape", {"q"}), ("v-shape", {"p"}),
    ("level", {"q", "p"}), ("linear", {"q", "p"}), ("gaussian", {"s"}),
])
def test_only_the_thresholds_the_kind_reads_are_shown(window, kind, shown):
    seen = {}

    def fill(dialog: QDialog) -> None:
        choose(dialog, kind)
        seen["boxes"] = {n for n, box in dialog.promethee.boxes.items() if box.isVisible()}
        seen["labels"] = {n for n, label in dialog.promethee.labels.items()
                          if label.isVisible()}

    edit_speed(window, fill)
    assert seen["boxes"] == shown and seen["labels"] == shown


@pytest.mark.parametrize(("kind", "thresholds", "message"), [
    ("linear", {"q": 2, "p": 1}, "PROMETHEE p: must be at least q (2)"),
    ("level", {"q": 3, "p": 0.5}, "PROMETHEE p: must be at least q (3)"),
    ("v-shape", {"p": 0}, "PROMETHEE p: a v-shape needs p above 0"),
    ("gaussian", {"s": 0}, "PROMETHEE s: a Gaussian needs a parameter s above 0"),
])
def test_bad_thresholds_get_the_file_s_message_and_change_nothing(window, kind, thresholds,
                                                                  message):
    m, stack = window.document.matrix, window.document.undo_stack
    before, steps = dumps(m), stack.count()

    def fill(dialog: QDialog) -> None:
        choose(dialog, kind, **thresholds)
        dialog._try_accept()

    seen = edit_speed(window, fill)
    assert message in seen["problems"]
    assert dumps(m) == before and stack.count() == steps


def test_an_existing_function_is_shown_and_can_be_handed_back_to_the_run(window):
    m, stack = window.document.matrix, window.document.undo_stack
    m.criteria[1] = replace(m.criteria[1], promethee=PreferenceFunction("u-shape", q=2))
    seen = {}

    def fill(dialog: QDialog) -> None:
        row = dialog.promethee
        seen["kind"] = row.kind.currentData()
        seen["q"] = row.boxes["q"].value()
        choose(dialog, None)
        dialog._try_accept()

    edit_speed(window, fill)
    assert seen == {"kind": "u-shape", "q": 2}
    assert m.criterion("speed").promethee is None
    stack.undo()
    assert m.criterion("speed").promethee == PreferenceFunction("u-shape", q=2)


def test_a_threshold_left_alone_keeps_its_exact_value(window):
    """The boxes show three decimals; OK without a change must not round the file's value."""
    m, stack = window.document.matrix, window.document.undo_stack
    exact = PreferenceFunction("linear", q=0.12345, p=2.5)
    m.criteria[1] = replace(m.criteria[1], promethee=exact)
    steps = stack.count()
    edit_speed(window, lambda dialog: dialog._try_accept())
    assert m.criterion("speed").promethee == exact
    assert stack.count() == steps  # nothing changed, so nothing to undo

    def move_p(dialog: QDialog) -> None:
        dialog.promethee.boxes["p"].setValue(4)
        dialog._try_accept()

    edit_speed(window, move_p)
    assert m.criterion("speed").promethee == PreferenceFunction("linear", q=0.12345, p=4)


def test_a_fine_threshold_is_shown_as_stored_and_a_finer_one_can_be_typed(window):
    """On a fine scale a threshold of 0.0004 is no 0.000: the box shows the digits the
    stored value has, and a change the user types keeps the digits typed."""
    m = window.document.matrix
    fine = PreferenceFunction("linear", q=0.0004, p=0.0015)
    m.criteria[1] = replace(m.criteria[1], promethee=fine)
    seen = {}

    def look(dialog: QDialog) -> None:
        boxes = dialog.promethee.boxes
        seen["shown"] = (boxes["q"].value(), boxes["p"].value())
        seen["text"] = (boxes["q"].text(), boxes["p"].text())
        dialog._try_accept()

    edit_speed(window, look)
    assert seen["shown"] == (0.0004, 0.0015)
    assert [float(t.replace(",", ".")) for t in seen["text"]] == [0.0004, 0.0015]
    assert m.criterion("speed").promethee == fine

    def move_p(dialog: QDialog) -> None:
        dialog.promethee.boxes["p"].setValue(0.0025)
        dialog._try_accept()

    edit_speed(window, move_p)
    assert m.criterion("speed").promethee == PreferenceFunction("linear", q=0.0004, p=0.0025)


def test_thresholds_on_a_fine_scale_are_typed_with_the_digits_they_need(qtbot):
    """A failure rate of 0 to 0.01: a threshold typed as 0.0004 is 0.0004, not 0.000."""
    from factories import small_matrix
    from tradeoff.gui.matrix.criterion_dialog import CriterionDialog

    m = small_matrix()
    m.criteria[1] = replace(m.criteria[1], worst=0, best=0.01)
    dialog = CriterionDialog(m, m.criteria[1], "Edit criterion")
    qtbot.addWidget(dialog)
    choose(dialog, "linear", q=0.0004, p=0.0015)
    assert dialog.promethee.function() == PreferenceFunction("linear", q=0.0004, p=0.0015)
