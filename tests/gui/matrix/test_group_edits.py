"""Renaming and deleting groups of the value tree from the menus and the group band, with undo."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

import pytest
from gui_helpers import when_modal
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QHelpEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox, QToolTip

from factories import small_matrix
from tradeoff.core.model import Group
from tradeoff.core.weights import normalised_weights
from tradeoff.gui.document import commands
from tradeoff.gui.grid.group_header import group_runs
from tradeoff.gui.matrix.group_rename_dialog import GroupRenameDialog
from tradeoff.io.matrix_file import dumps, save_matrix


@pytest.fixture
def nested(window, tmp_path: Path):
    """The window on small_matrix with Speed one level deeper: Quality › Pace › Speed.

    Profile "even": money 1 : quality 1, pace 1 : risk 1 under Quality; profile
    "quality": money 1 : quality 3, pace 2 : risk 1. Profile "even" also keeps
    elicitation records for the top level, for Quality and for Money.
    """
    m = small_matrix()
    m.groups.append(Group("pace", "Pace", parent="quality"))
    m.criterion("speed").group = "pace"
    for p in m.profiles:
        p.weights["pace"] = 2 if p.id == "quality" else 1
    even = m.profile("even")
    even.elicitation = {"_root": {"method": "swing", "points": {"money": 100, "quality": 100}},
                        "quality": {"method": "swing", "points": {"pace": 100, "risk": 100}},
                        "money": {"method": "swing"}}
    even.method = "swing"
    path = tmp_path / "nested.toml"
    save_matrix(m, path, touch_modified=False)
    assert window.files.open_path(path, ask=False)
    return window


def answer_question(seen: list[str], button=QMessageBox.StandardButton.Yes):
    """Handle the next confirmation box: note what it says, then press ``button``."""
    def handle(box: QMessageBox) -> None:
        seen.extend([box.text(), box.informativeText()])
        box.button(button).click()
    when_modal(handle)


def band_point(window, column: int) -> QPoint:
    header = window.grid.horizontalHeader()
    return QPoint(header.sectionViewportPosition(column) + 5, 3)


def weight_rows(window) -> list[tuple[str, str]]:
    return [(row.node_id, row.percent.text()) for row in window.weights_panel.rows]


# -- rename -----------------------------------------------------------------------------------
def test_rename_group_from_the_matrix_menu_then_undo_and_redo(window):
    m, stack = window.document.matrix, window.document.undo_stack
    before = copy.deepcopy(m)
    window.grid.select_cell(0, 1)  # Speed, in Quality
    assert window.actions["rename_group"] in window.menu("Matrix").actions()

    def fill(dialog: GroupRenameDialog) -> None:
        assert dialog.name.text() == "Quality"
        dialog.name.setText("  Performance ")
        dialog.description.setPlainText("How well it works")
        dialog.ok_button.click()

    when_modal(fill)
    window.actions["rename_group"].trigger()
    assert m.groups[1] == Group("quality", "Performance", None, "How well it works")
    assert stack.count() == 1 and stack.undoText() == "Rename group Quality to Performance"
    assert [label for _, _, label in group_runs(m)] == ["Money", "Performance"]
    labels = [row.label.text() for row in window.weights_panel.rows if row.is_group]
    assert labels == ["Money", "Performance"]
    stack.undo()
    assert m == before
    assert [row.label.text() for row in window.weights_panel.rows if row.is_group] == [
        "Money", "Quality"]
    stack.redo()
    assert m.group("quality").name == "Performance"
    assert m.criterion("speed").group == "quality"


def test_a_clashing_name_is_refused_and_nothing_changes(window):
    m, stack = window.document.matrix, window.document.undo_stack
    before = copy.deepcopy(m)
    window.grid.select_cell(0, 1)
    shown: list[str] = []

    def clash(dialog: GroupRenameDialog) -> None:
        dialog.name.setText("price")
        dialog.ok_button.click()
        shown.append(dialog.problem.text())
        shown.append(str(dialog.isVisible()))
        dialog.reject()

    when_modal(clash)
    window.actions["rename_group"].trigger()
    assert shown == ["Please choose another name: a criterion is already called “Price”.",
                     "True"]
    assert m == before and stack.count() == 0
    actions = window.group_actions
    assert actions.apply_rename("quality", "MONEY", "") == \
        "another group is already called “Money”"
    assert "not changed" in window.statusBar().currentMessage()
    assert actions.apply_rename("quality", "   ", "") == "the name is empty"
    assert m == before and stack.count() == 0
    assert actions.apply_rename("quality", "quality", "") is None  # its own name, another case
    assert m.group("quality").name == "quality" and stack.count() == 1


# -- delete -----------------------------------------------------------------------------------
def test_delete_a_group_with_criteria_and_a_subgroup_as_one_undo_step(nested):
    window = nested
    m, stack = window.document.matrix, window.document.undo_stack
    before = copy.deepcopy(m)
    before_text = dumps(m)
    before_weights = {p.id: normalised_weights(m, p) for p in m.profiles}
    assert weight_rows(window) == [("money", "50.0 %"), ("price", "50.0 %"),
                                   ("quality", "50.0 %"), ("pace", "25.0 %"),
                                   ("speed", "25.0 %"), ("risk", "25.0 %")]
    window.grid.select_cell(0, 2)  # Risk, directly in Quality
    seen: list[str] = []
    answer_question(seen)
    window.actions["delete_group"].trigger()

    assert seen == ["Delete group “Quality”?",
                    "Its 1 criterion and 1 group move to the top level. Its weight in 2 "
                    "profiles is dropped; its members take over its share, so every criterion "
                    "keeps its normalised weight. Stored elicitation judgements for this level "
                    "and the one above no longer apply and are dropped from 1 profile. "
                    "Undo brings everything back."]
    assert stack.count() == 1 and stack.undoText() == "Delete group Quality"
    assert [g.id for g in m.groups] == ["money", "pace"]
    assert m.group("pace").parent is None
    assert [c.group for c in m.criteria] == ["money", "pace", None]
    assert all("quality" not in p.weights for p in m.profiles)
    # Quality's points pass to its members by their shares: by hand, "even" gives
    # Pace and Risk 1 × 1/2 each, "quality" gives Pace 3 × 2/3 = 2 and Risk 3 × 1/3 = 1.
    assert m.profile("even").weights == pytest.approx(
        {"money": 1, "price": 1, "speed": 1, "risk": 0.5, "pace": 0.5})
    assert m.profile("quality").weights == pytest.approx(
        {"money": 1, "price": 1, "speed": 2, "risk": 1, "pace": 2})
    for p in m.profiles:
        weights = normalised_weights(m, p)
        assert weights.sum() == pytest.approx(1.0)
        assert list(weights) == pytest.approx(list(before_weights[p.id]))
    assert list(before_weights["quality"]) == pytest.approx([0.25, 0.5, 0.25])  # by hand
    assert m.profile("even").elicitation == {"money": {"method": "swing"}}
    assert m.profile("even").method == "swing"
    # The band, the weights panel and the results show the flatter tree.
    assert [label for _, _, label in group_runs(m)] == ["Money", "Pace", ""]
    assert weight_rows(window) == [("money", "50.0 %"), ("price", "50.0 %"),
                                   ("pace", "25.0 %"), ("speed", "25.0 %"),
                                   ("risk", "25.0 %")]
    assert window.document.weights() == pytest.approx(before_weights["even"])
    after = copy.deepcopy(m)

    stack.undo()
    assert m == before
    assert dumps(m) == before_text
    assert [row.node_id for row in window.weights_panel.rows] == [
        "money", "price", "quality", "pace", "speed", "risk"]
    assert [label for _, _, label in group_runs(m)] == ["Money", "Quality › Pace", "Quality"]
    stack.redo()
    assert m == after


def test_cancelling_the_question_changes_nothing(window):
    m = window.document.matrix
    before = copy.deepcopy(m)
    window.grid.select_cell(0, 0)
    seen: list[str] = []
    answer_question(seen, QMessageBox.StandardButton.Cancel)
    window.actions["delete_group"].trigger()
    assert seen[0] == "Delete group “Money”?"
    assert seen[1].startswith("Its 1 criterion moves to the top level. Its weight in 2 "
                              "profiles is dropped;")
    assert m == before and window.document.undo_stack.count() == 0


def test_nested_groups_are_chosen_from_a_list(nested):
    window = nested
    m = window.document.matrix
    window.grid.select_cell(0, 1)  # Speed: in Pace, inside Quality
    offered: list[list[str]] = []

    def rename(dialog: GroupRenameDialog) -> None:
        dialog.name.setText("Performance")
        dialog.ok_button.click()

    def choose(dialog: QInputDialog) -> None:
        offered.append(dialog.comboBoxItems())
        dialog.setTextValue("Quality")
        when_modal(rename)
        dialog.accept()

    when_modal(choose)
    window.actions["rename_group"].trigger()
    assert offered == [["Quality › Pace", "Quality"]]
    assert [g.name for g in m.groups] == ["Money", "Performance", "Pace"]


def test_menu_actions_need_a_grouped_criterion_or_an_empty_group(window):
    doc = window.document
    price = doc.matrix.criterion("price")
    doc.push(commands.ReplaceCriterion(doc, replace(price, group=None)))
    rename, delete = window.actions["rename_group"], window.actions["delete_group"]
    for menu in (window.menu("Matrix"), window.grid.context_menu):
        assert rename in menu.actions() and delete in menu.actions()
    window.grid.select_cell(1, 0)  # Price, now in no group; Money is left empty
    assert window.group_actions.candidate_groups() == ["money"]
    assert rename.isEnabled() and delete.isEnabled()  # no column shows Money: the menu does
    seen: list[str] = []
    answer_question(seen)
    delete.trigger()
    assert seen[0] == "Delete group “Money”?"
    assert "It has no criteria or groups in it." in seen[1]
    assert "members take over" not in seen[1]
    assert [g.id for g in doc.matrix.groups] == ["quality"]
    assert not rename.isEnabled() and not delete.isEnabled()  # nothing left to act on here
    window.grid.select_cell(1, 1)
    assert rename.isEnabled() and delete.isEnabled()
    window.grid.select_cell(1, 0)
    doc.undo_stack.undo()
    doc.undo_stack.undo()  # Price back in Money, the same cell still current
    assert window.group_actions.candidate_groups() == ["money"]


# -- the group band ---------------------------------------------------------------------------
def test_right_click_on_the_band_offers_that_group(nested, qtbot):
    window = nested
    header = window.grid.horizontalHeader()
    point = band_point(window, 1)
    assert header.group_at(point) == "pace"
    assert header.group_at(QPoint(point.x(), header.band_height() + 4)) is None
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              header.viewport().mapToGlobal(point))
    with qtbot.waitSignal(header.group_menu_requested) as blocker:
        QApplication.sendEvent(header.viewport(), event)
    assert blocker.args[0] == "pace"
    menu = window.group_actions.band_menu
    assert menu is not None and menu.isVisible()
    menu.close()

    menu = window.group_actions.build_band_menu("pace")
    assert [a.text() for a in menu.actions()] == [
        "Rename Group “Pace”…", "Delete Group “Pace”…", "",
        "Rename Group “Quality”…", "Delete Group “Quality”…"]
    seen: list[str] = []
    answer_question(seen)
    menu.actions()[4].trigger()
    assert seen[0] == "Delete group “Quality”?"
    assert [g.id for g in window.document.matrix.groups] == ["money", "pace"]


def test_band_menu_renames_and_a_double_click_opens_the_dialog(window, qtbot):
    m = window.document.matrix
    menu = window.group_actions.build_band_menu("money")
    assert [a.text() for a in menu.actions()] == ["Rename Group “Money”…",
                                                  "Delete Group “Money”…"]
    when_modal(lambda d: (d.name.setText("Cost & time"), d.ok_button.click()))
    menu.actions()[0].trigger()
    assert m.group("money").name == "Cost & time"
    assert window.group_actions.build_band_menu("money").actions()[0].text() == \
        "Rename Group “Cost && time”…"  # shown with a literal '&', not a mnemonic

    titles: list[str] = []
    when_modal(lambda d: (titles.append(d.windowTitle()), d.reject()))
    header = window.grid.horizontalHeader()
    qtbot.mouseDClick(header.viewport(), Qt.MouseButton.LeftButton, pos=band_point(window, 2))
    assert titles == ["Rename group Quality"]
    assert window.document.undo_stack.count() == 1


def test_the_band_tooltip_names_the_group_path_and_description(nested, qtbot):
    window = nested
    window.document.matrix.group("pace").description = "How fast the work gets done."
    header = window.grid.horizontalHeader()
    assert header.group_tooltip("pace").splitlines() == [
        "Quality › Pace", "How fast the work gets done.",
        "Right-click to rename or delete; double-click to rename."]
    point = band_point(window, 1)
    event = QHelpEvent(QEvent.Type.ToolTip, point, header.viewport().mapToGlobal(point))
    QApplication.sendEvent(header.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text().startswith("Quality › Pace")
    QToolTip.hideText()


def test_the_criterion_dialog_matches_group_names_as_rename_does(window):
    from tradeoff.gui.matrix.criterion_dialog import CriterionDialog
    m = window.document.matrix
    dialog = CriterionDialog(m, m.criterion("speed"), "Edit criterion", window)
    dialog.group.setCurrentText(" quality ")  # the existing Quality, whatever the case
    assert dialog.chosen_group() == ("quality", None)
    assert dialog.check() == []
    dialog.group.setCurrentText("Price")  # a new group may not take a criterion's name
    assert dialog.check() == ["the new group: a criterion is already called “Price”"]
    dialog.group.setCurrentText("Quality")
    dialog.name.setText("money")  # nor a criterion a group's
    assert dialog.check() == ["a group is already called “Money”"]
    dialog.reject()


def test_a_group_moves_inside_another_and_back_with_undo(nested):
    window = nested
    doc, m = window.document, window.document.matrix
    before = dumps(m)
    dialog = GroupRenameDialog(m, m.group("pace"), window)
    offered = [dialog.inside.itemText(i) for i in range(dialog.inside.count())]
    assert offered == ["(the top level)", "Money", "Quality"]  # not itself
    dialog.reject()
    dialog = GroupRenameDialog(m, m.group("quality"), window)
    # Quality holds Pace: it may not move inside it.
    assert [dialog.inside.itemData(i) for i in range(dialog.inside.count())] == [None, "money"]
    dialog.reject()
    assert window.group_actions.apply_rename("pace", "Pace", "", None) is None
    assert m.group("pace").parent is None
    assert doc.undo_stack.undoText() == "Move group Pace into the top level"
    weights = normalised_weights(m, m.profile())
    assert weights.sum() == pytest.approx(1.0)
    assert window.group_actions.apply_rename("quality", "Quality", "", "pace") is None
    assert m.group("quality").parent == "pace"
    problem = window.group_actions.apply_rename("pace", "Pace", "", "quality")
    assert problem == "a group cannot move inside itself or a group below it"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert dumps(m) == before
