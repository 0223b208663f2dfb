"""Scenario overrides when options and criteria are added, removed and duplicated in the
real window (offscreen): a removed item's overrides come back only by undoing the
removal, never on a new item that happens to get the same id, and a duplicate carries
its source's overrides in every scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tradeoff.core.model import Criterion, Score
from tradeoff.core.validate import check_matrix
from tradeoff.gui.document.commands import InsertCriterion, RemoveCriterion, SetScore
from tradeoff.io.matrix_file import dumps, load_matrix
from tradeoff.paths import example_path

SITES = example_path("site-selection.toml")


@pytest.fixture
def sites(window):
    """The window on the site-selection example (four scenarios, overrides of rent)."""
    assert window.files.open_path(SITES, ask=False)
    return window


def add_option(window, name: str) -> str:
    """Matrix › Add Option with ``name`` typed in its dialog; returns the new option's id."""
    def fill(dialog: QDialog) -> None:
        dialog.name.setText(name)
        dialog.accept()

    m = window.document.matrix
    window.grid.select_cell(len(m.options) - 1, 0)
    when_modal(fill)
    window.actions["add_option"].trigger()
    return m.options[-1].id


def overrides_of(m, item_id: str) -> dict:
    return {(s.id, k): v for s in m.scenarios for k, v in s.scores.items() if item_id in k}


def type_in(window, option_id: str, criterion_id: str, text: str) -> None:
    m = window.document.matrix
    index = window.grid.model().index(m.option_index(option_id), m.criterion_index(criterion_id))
    assert window.grid.model().setData(index, text, Qt.ItemDataRole.EditRole)


def test_a_new_option_never_inherits_the_overrides_of_a_removed_one(sites, tmp_path):
    doc = sites.document
    m = doc.matrix
    annex = add_option(sites, "Annex")
    doc.select_scenario("energy-prices")
    type_in(sites, annex, "rent", "38")
    doc.push(SetScore(doc, annex, "rent", Score(value=38, rationale="old boiler")))
    assert m.find_scenario("energy-prices").scores[(annex, "rent")].value == 38
    sites.grid.select_cell(m.option_index(annex), 0)
    sites.actions["remove_option"].trigger()
    assert overrides_of(m, annex) == {}
    assert sites.files.save_to(tmp_path / "saved.toml")
    again = add_option(sites, "Annex")
    assert again == annex  # the same name gives the same id
    assert overrides_of(m, annex) == {}
    row, col = m.option_index(annex), m.criterion_index("rent")
    assert not doc.is_overridden(row, col)
    assert doc.view().score(annex, "rent").value is None
    assert sites.grid.model().index(row, col).data() in (None, "")
    assert sites.files.save_to(tmp_path / "again.toml")
    saved = load_matrix(tmp_path / "again.toml")
    assert all(k[0] != annex for s in saved.scenarios for k in s.scores)
    # undoing back past the removal still brings the removed option's override back
    doc.undo_stack.undo()  # the second Annex
    doc.undo_stack.undo()  # the removal
    back = m.find_scenario("energy-prices").scores[(annex, "rent")]
    assert (back.value, back.rationale) == (38, "old boiler")
    assert doc.view().score(annex, "rent").value == 38
    doc.undo_stack.redo()  # removed again: the file stays valid
    assert overrides_of(m, annex) == {} and check_matrix(m) == []


def test_a_new_criterion_never_inherits_the_overrides_of_a_removed_one(sites):
    doc = sites.document
    m = doc.matrix
    kept = overrides_of(m, "rent")
    assert kept  # the example overrides rent in several scenarios
    doc.push(RemoveCriterion(doc, "rent"))
    assert overrides_of(m, "rent") == {} and check_matrix(m) == []
    fresh = Criterion("rent", "Rent", worst=0, best=10)  # a different scale, same id
    doc.push(InsertCriterion(doc, 0, fresh))
    assert overrides_of(m, "rent") == {}
    assert check_matrix(m) == []
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert overrides_of(m, "rent") == kept


def test_file_open_forgets_the_overrides_of_options_removed_before(sites):
    doc = sites.document
    m = doc.matrix
    annex = add_option(sites, "Annex")
    doc.select_scenario("energy-prices")
    type_in(sites, annex, "rent", "38")
    sites.grid.select_cell(m.option_index(annex), 0)
    sites.actions["remove_option"].trigger()
    doc.undo_stack.setClean()
    assert sites.files.open_path(SITES, ask=False)  # File › Open
    again = add_option(sites, "Annex")
    assert overrides_of(doc.matrix, again) == {}


@pytest.mark.parametrize("axis", ["option", "criterion"])
def test_a_duplicate_keeps_its_sources_overrides_in_every_scenario(sites, tmp_path: Path, axis):
    doc = sites.document
    m = doc.matrix
    before = dumps(m)
    doc.select_scenario("energy-prices")
    source = "old-town" if axis == "option" else "rent"
    sites.grid.select_cell(m.option_index("old-town"), m.criterion_index("rent"))
    steps = doc.undo_stack.count()
    sites.actions[f"duplicate_{axis}"].trigger()
    assert doc.undo_stack.count() == steps + 1
    copy = (m.options[m.option_index("old-town") + 1].id if axis == "option"
            else m.criteria[m.criterion_index("rent") + 1].id)
    row = copy if axis == "option" else "old-town"
    col = "rent" if axis == "option" else copy
    assert doc.view().score(row, col).value == 35  # as the source in this scenario
    assert doc.is_overridden(m.option_index(row), m.criterion_index(col))
    for s in m.scenarios:
        of_source = {k: v for k, v in s.scores.items() if source in k}
        of_copy = {k: v for k, v in s.scores.items() if copy in k}
        renamed = {tuple(copy if part == source else part for part in k): v
                   for k, v in of_source.items()}
        assert of_copy == renamed, s.id
        assert all(of_copy[k] is not renamed[k] for k in of_copy)  # copies, not shared
    doc.undo_stack.undo()  # one step takes the duplicate and its overrides away
    assert dumps(m) == before
    doc.undo_stack.redo()
    assert doc.view().score(row, col).value == 35
    assert sites.files.save_to(tmp_path / "copy.toml")
    saved = load_matrix(tmp_path / "copy.toml")
    assert saved.find_scenario("energy-prices").scores[(row, col)].value == 35


def test_saving_refuses_an_override_left_off_a_changed_scale_naming_it(sites, tmp_path,
                                                                       monkeypatch):
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from tradeoff.gui.document.commands import ReplaceCriterion

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    doc = sites.document
    m = doc.matrix
    target = tmp_path / "sites.toml"
    assert sites.files.save_to(target)
    before = target.read_bytes()
    # every base rent (at most 31) fits a worst anchor of 33; the override of 35 does not
    doc.push(ReplaceCriterion(doc, replace(m.criterion("rent"), worst=33)))
    assert not sites.files.save_to(target)
    assert target.read_bytes() == before  # the file on disk still opens as it was
    load_matrix(target)
    assert len(shown) == 1
    assert ("35 is above the scale's worst anchor 33 (the override of Old Town loft / Rent "
            "in “Energy prices rise”)") in shown[0]
    assert "scenarios[2].scores.old-town.rent" in shown[0]


def test_a_chart_due_when_another_matrix_opens_out_of_sight_waits_for_it(wired, qtbot):
    from tradeoff.gui.scenarios.view import CHART_DELAY_MS

    view = wired.scenarios.view
    wired.actions["scenarios"].trigger()
    view.refresh()  # the chart is due after a short delay
    assert view._chart_timer.isActive()
    view.hide()  # out of sight when File › Open replaces the matrix
    assert wired.files.open_path(SITES, ask=False)
    qtbot.wait(3 * CHART_DELAY_MS)  # an exception in a due chart would fail the test here
    view.show()
    m = wired.document.matrix
    qtbot.waitUntil(lambda: view.chart.scenarios == [s.name for s in m.scenarios],
                    timeout=3000)
    assert [name.removesuffix(" (minimax regret)") for name, _t, _c in view.chart.series] \
        == [o.name for o in m.options]
