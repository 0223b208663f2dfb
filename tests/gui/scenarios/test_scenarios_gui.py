"""Scenarios in the real window (offscreen): the selector, overrides typed in the
grid, Revert to Base, the Scenarios dialog and the Scenarios view, all undoable
and all following the core's numbers."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from tradeoff.core.scenarios import analyse_scenarios, scenario_view
from tradeoff.core.scoring import score
from tradeoff.core.validate import check_matrix
from tradeoff.gui.common.roles import FONT, TOOLTIP
from tradeoff.gui.document.commands import RemoveOption
from tradeoff.gui.grid.matrix_model import OVERRIDE_ROLE
from tradeoff.io.matrix_file import load_matrix


def select(window, scenario_id):
    combo = window.scenarios.selector.combo
    index = 0 if scenario_id is None else combo.findData(scenario_id)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def cell(window, option_id, criterion_id):
    m = window.document.matrix
    return window.grid.model().index(m.option_index(option_id), m.criterion_index(criterion_id))


def results_totals(window) -> dict[str, float]:
    model = window.results_panel.model
    return {model.names[i]: float(model.totals[i]) for i in range(len(model.names))}


def test_selector_lists_the_base_case_and_every_scenario(wired):
    combo = wired.scenarios.selector.combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Base case", "Moscow resists a ceasefire", "Moscow entertains an interim arrangement",
        "Moscow eases pressure on the energy grid", "Moscow escalates and regroups"]
    assert wired.document.scenario_id is None


def test_a_selected_scenario_shows_its_scores_marked_and_results_follow(wired, qtbot):
    doc = wired.document
    select(wired, "moscow-resists")
    assert doc.scenario_id == "moscow-resists"
    overridden = cell(wired, "harder-line", "leverage")
    assert overridden.data() == "9 points"
    assert overridden.data(OVERRIDE_ROLE) is True
    assert overridden.data(FONT).bold() and overridden.data(FONT).italic()
    tip = overridden.data(TOOLTIP)
    assert "base case: 8 points" in tip and "Washington can raise costs" in tip
    plain = cell(wired, "harder-line", "cohesion")
    assert plain.data(OVERRIDE_ROLE) is False and plain.data(FONT) is None
    want = score(scenario_view(doc.matrix, "moscow-resists"))
    names = {o.id: o.name for o in doc.matrix.options}
    assert results_totals(wired) == pytest.approx(
        {names[o]: t for o, t in want.totals.items()})
    assert "in “Moscow resists a ceasefire”" in wired.results_panel.title.text()
    # the robustness and cross-check docks follow after their short delay
    qtbot.waitUntil(lambda: wired.findChild(object, "crosscheck_view").matrix.score(
        "harder-line", "leverage").value == 9, timeout=3000)
    select(wired, None)
    assert cell(wired, "harder-line", "leverage").data() == "8 points"
    assert results_totals(wired) == pytest.approx(
        {names[o]: t for o, t in score(doc.matrix).totals.items()})


def test_typing_in_a_scenario_writes_an_override_in_one_undo_step(wired):
    doc = wired.document
    select(wired, "grid-easing")
    index = cell(wired, "calibrated-pressure", "cohesion")
    assert index.data(OVERRIDE_ROLE) is False
    before = doc.undo_stack.count()
    assert wired.grid.model().setData(index, "3", Qt.ItemDataRole.EditRole)
    assert doc.undo_stack.count() == before + 1
    scenario = doc.matrix.find_scenario("grid-easing")
    override = scenario.scores[("calibrated-pressure", "cohesion")]
    assert override.value == 3 and override.rationale == ""  # the base reason is not its own
    assert doc.matrix.score("calibrated-pressure", "cohesion").value == 7  # base untouched
    assert index.data(OVERRIDE_ROLE) is True and index.data() == "3 points"
    doc.undo_stack.undo()
    assert ("calibrated-pressure", "cohesion") not in scenario.scores
    assert index.data() == "7 points" and index.data(OVERRIDE_ROLE) is False
    doc.undo_stack.redo()
    assert scenario.scores[("calibrated-pressure", "cohesion")].value == 3
    # undo reaches the scenario it was made in, whatever is shown now
    select(wired, None)
    doc.undo_stack.undo()
    assert ("calibrated-pressure", "cohesion") not in scenario.scores


def test_revert_to_base_removes_the_selected_overrides_in_one_step(wired):
    doc = wired.document
    select(wired, "moscow-escalates")
    scenario = doc.matrix.find_scenario("moscow-escalates")
    kept = dict(scenario.scores)
    grid = wired.grid
    grid.selectionModel().clearSelection()
    for oid, cid in [("harder-line", "leverage"), ("calibrated-pressure", "leverage"),
                     ("harder-line", "cohesion")]:  # the last is not overridden
        grid.selectionModel().select(cell(wired, oid, cid),
                                     QItemSelectionModel.SelectionFlag.Select)
    assert wired.actions["revert_to_base"].isEnabled()
    before = doc.undo_stack.count()
    wired.actions["revert_to_base"].trigger()
    assert doc.undo_stack.count() == before + 1
    assert ("harder-line", "leverage") not in scenario.scores
    assert ("calibrated-pressure", "leverage") not in scenario.scores
    assert cell(wired, "harder-line", "leverage").data() == "8 points"
    doc.undo_stack.undo()
    assert scenario.scores == kept
    select(wired, None)
    assert not wired.actions["revert_to_base"].isEnabled()


def test_scenarios_dialog_adds_renames_duplicates_and_deletes_undoably(wired, qtbot):
    doc = wired.document
    wired.actions["edit_scenarios"].trigger()
    dialog = wired.scenarios.dialog
    qtbot.waitExposed(dialog)
    ids = lambda: [s.id for s in doc.matrix.scenarios]  # noqa: E731
    start = ids()
    dialog.add()
    assert len(ids()) == 5 and doc.matrix.scenarios[-1].name == "Scenario 5"
    assert dialog.table.rowCount() == 5
    dialog.table.item(4, 0).setText("Kyiv holds the line")  # typing the new name
    assert doc.matrix.scenarios[-1].name == "Kyiv holds the line"
    combo = wired.scenarios.selector.combo
    assert combo.itemText(5) == "Kyiv holds the line"
    dialog.table.selectRow(0)
    dialog.duplicate()
    copy = doc.matrix.scenarios[1]
    assert copy.name == "Moscow resists a ceasefire (copy)"
    assert copy.scores == doc.matrix.scenarios[0].scores
    assert copy.scores is not doc.matrix.scenarios[0].scores
    dialog.table.selectRow(1)
    dialog.delete()
    assert len(ids()) == 5
    for _ in range(4):  # delete, duplicate, rename, add
        doc.undo_stack.undo()
    assert ids() == start
    assert dialog.table.rowCount() == 4


def test_probabilities_apply_only_when_they_sum_to_one(wired, qtbot):
    doc = wired.document
    wired.actions["edit_scenarios"].trigger()
    dialog = wired.scenarios.dialog
    dialog.use_probabilities.setChecked(True)  # fills equal shares
    assert [dialog.table.item(i, 1).text() for i in range(4)] == ["0.25"] * 4
    dialog.table.item(0, 1).setText("0.4")
    assert not dialog.apply_button.isEnabled()
    assert "sum to 1.15" in dialog.status.text()
    dialog.table.item(1, 1).setText("0.1")
    assert dialog.apply_button.isEnabled()
    before = doc.undo_stack.count()
    dialog.apply_probabilities()
    assert doc.undo_stack.count() == before + 1
    assert [s.probability for s in doc.matrix.scenarios] == [0.4, 0.1, 0.25, 0.25]
    view = wired.scenarios.view
    wired.actions["scenarios"].trigger()  # a view out of sight waits until it is shown
    assert "Highest expected total" in view.summary.text()
    assert view.totals.horizontalHeaderItem(view.totals.columnCount() - 1).text() == "Expected"
    # deleting a scenario rescales the others so the file stays valid
    dialog.table.selectRow(0)
    dialog.delete()
    assert sum(s.probability for s in doc.matrix.scenarios) == pytest.approx(1)
    assert [s.probability for s in doc.matrix.scenarios] == pytest.approx([1 / 6, 5 / 12, 5 / 12])
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert all(s.probability is None for s in doc.matrix.scenarios)


def test_scenarios_view_updates_live_while_a_weight_slider_moves(wired, qtbot):
    doc = wired.document
    view = wired.scenarios.view
    assert view.out_of_sight  # behind Results
    select(wired, "moscow-resists")
    assert view.stale  # so it has not computed a thing
    wired.actions["scenarios"].trigger()
    assert not view.stale

    def shown_totals() -> np.ndarray:
        t = view.totals
        return np.array([[float(t.item(i, k).text().split()[0]) for k in range(t.columnCount())]
                         for i in range(t.rowCount())])

    first = shown_totals()
    a = analyse_scenarios(doc.matrix, doc.active_profile_id())
    assert first[:, 1:] == pytest.approx(a.totals.to_numpy(), abs=5e-4)
    regret = view.regret
    minimax_rows = [i for i in range(regret.rowCount()) if regret.item(i, 0).font().bold()]
    assert [doc.matrix.options[i].id for i in minimax_rows] == a.minimax
    row = next(r for r in wired.weights_panel.rows if r.node_id == "escalation-risk")
    row.slider.sliderPressed.emit()
    for position in range(row.slider.value(), row.slider.maximum(), 40):
        row.slider.setValue(position)  # each step of a drag
        a = analyse_scenarios(doc.matrix, doc.active_profile_id())
        assert shown_totals()[:, 1:] == pytest.approx(a.totals.to_numpy(), abs=5e-4)
    row.slider.sliderReleased.emit()
    assert not np.allclose(shown_totals(), first, atol=5e-4)
    assert f"{float(a.max_regret[a.minimax[0]]):.3f}" in view.summary.text()
    # the chart draws each option's total across the scenarios once the drag pauses
    view.tabs.setCurrentWidget(view.chart)
    qtbot.waitUntil(lambda: view.chart.draws > 0, timeout=5000)
    drawn = view.chart.draws
    row.slider.setValue(row.slider.minimum())
    qtbot.waitUntil(lambda: view.chart.draws > drawn, timeout=5000)
    a = analyse_scenarios(doc.matrix, doc.active_profile_id())
    lines = view.chart.axes.get_lines()
    assert [line.get_label().removesuffix(" (minimax regret)") for line in lines] == \
        [o.name for o in doc.matrix.options]
    for line, o in zip(lines, doc.matrix.options, strict=True):
        assert list(line.get_ydata()) == pytest.approx(a.totals.loc[o.id].tolist())


def test_overrides_survive_save_and_removing_an_option_is_undone_with_them(wired, tmp_path):
    doc = wired.document
    select(wired, "moscow-resists")
    wired.grid.model().setData(cell(wired, "holding-pattern", "leverage"), "4",
                               Qt.ItemDataRole.EditRole)
    path = tmp_path / "saved.toml"
    assert wired.files.save_to(path)  # the window's own save: checked, then written
    saved = load_matrix(path)
    assert saved.find_scenario("moscow-resists").scores[("holding-pattern", "leverage")].value == 4
    doc.push(RemoveOption(doc, "harder-line"))
    assert all(k[0] != "harder-line" for s in doc.matrix.scenarios for k in s.scores)
    assert check_matrix(doc.matrix) == []  # still a file that loads
    assert wired.files.save_to(tmp_path / "without.toml")
    doc.undo_stack.undo()
    assert doc.matrix.find_scenario("moscow-resists").scores[("harder-line", "leverage")].value == 9
