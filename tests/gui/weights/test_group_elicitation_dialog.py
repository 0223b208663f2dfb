"""Weights › Combine Participants…, driven offscreen on the real window and dialog.

Expected weights are worked out by hand in each test's comments: every
participant's weights are divided by their own total, then the shares are
averaged (Forman & Peniwati 1998, "AIP"); AHP ratios are combined pair by pair
by their geometric mean (Aczél & Saaty 1983).
"""

from __future__ import annotations

import copy
import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from factories import small_matrix
from tradeoff.core.model import Criterion, DecisionMatrix, Option, WeightProfile
from tradeoff.gui.weights import feature as feature_elicitation
from tradeoff.gui.weights.group_elicitation_dialog import BAD_ENTRY, ParticipantsDialog
from tradeoff.io.matrix_file import load_matrix, save_matrix


@pytest.fixture
def window(window):
    """The main window on the small matrix, with the Weights menu's elicitation entries."""
    feature_elicitation.install(window)
    return window


def open_from_menu(window) -> ParticipantsDialog:
    window.actions["group_weights"].trigger()
    shown = [d for d in window.findChildren(ParticipantsDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def preview(dialog: ParticipantsDialog) -> list[str]:
    m = dialog.preview_model
    return [m.data(m.index(r, 1)) for r in range(m.rowCount())]


def fill(dialog: ParticipantsDialog, rows: list[list[str]]) -> None:
    """Type each participant's entries (row by row) into the table model."""
    model = dialog.table_model
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts, start=1):
            assert model.setData(model.index(r, c), text)


def type_into(qtbot, dialog: ParticipantsDialog, row: int, column: int, text: str) -> None:
    """Type into a cell through the table's own editor, as a user does."""
    index = dialog.table_model.index(row, column)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the table commits the entry once Qt is idle
    qtbot.waitUntil(lambda: dialog.table.indexWidget(index) is None)
    assert dialog.isVisible()  # Return ends the cell's edit, it does not press OK


def names(dialog: ParticipantsDialog) -> list[str]:
    return list(dialog.table_model.names)


def cells(dialog: ParticipantsDialog) -> list[list[str]]:
    m = dialog.table_model
    return [[m.data(m.index(r, c)) for c in range(1, m.columnCount())]
            for r in range(m.rowCount())]


def test_menu_entry_opens_the_dialog_on_the_active_profile(window, qtbot, qtmodeltester):
    action = window.actions["group_weights"]
    assert action in window.menus["Weights"].actions()
    assert action.text() == "Combine &Participants…" and action.isEnabled()
    dialog = open_from_menu(window)
    assert dialog.isModal() and dialog.profile.id == window.document.active_profile_id()
    qtmodeltester.check(dialog.table_model)
    qtmodeltester.check(dialog.preview_model)
    assert dialog.level is None and dialog.items == ["money", "quality"]
    assert names(dialog) == ["Participant 1", "Participant 2"]
    model = dialog.table_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Participant", "Money", "Quality"]
    assert not dialog.ok_button.isEnabled()  # nothing typed yet
    assert dialog.message.text() == "Type each participant's entries into the table."
    dialog.reject()


def test_two_participants_combined_in_the_preview_and_in_the_profile_as_one_undo_step(
        window, qtbot):
    doc = window.document
    before = copy.deepcopy(doc.active_profile())
    steps = doc.undo_stack.count()
    dialog = open_from_menu(window)
    # A weighs Money:Quality 1:1 → .5/.5; B 3:1 → .75/.25; the mean is .625/.375.
    type_into(qtbot, dialog, 0, 1, "1")
    type_into(qtbot, dialog, 0, 2, "1")
    type_into(qtbot, dialog, 1, 1, "3")
    type_into(qtbot, dialog, 1, 2, "1")
    assert cells(dialog) == [["1", "1"], ["3", "1"]]
    assert preview(dialog) == ["62.5 %", "37.5 %"]
    assert dialog.ok_button.isEnabled()
    assert "2 participants" in dialog.message.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    profile = doc.active_profile()
    assert profile.weights["money"] == pytest.approx(62.5)
    assert profile.weights["quality"] == pytest.approx(37.5)
    assert {k: profile.weights[k] for k in ("price", "speed", "risk")} == {
        "price": 1, "speed": 1, "risk": 1}  # the level below is not touched
    assert profile.method == "group"
    assert profile.elicitation["_root"] == {
        "method": "group", "aggregation": "mean-of-weights",
        "participants": [{"name": "Participant 1", "weights": {"money": 1.0, "quality": 1.0}},
                         {"name": "Participant 2", "weights": {"money": 3.0, "quality": 1.0}}]}
    assert doc.undo_stack.count() == steps + 1
    assert "group" in window.weights_panel.method_label.text()
    doc.undo_stack.undo()
    assert doc.active_profile() == before
    doc.undo_stack.redo()
    assert doc.active_profile() == profile


def test_return_in_a_cell_commits_it_and_leaves_the_dialog_open(window, qtbot):
    doc = window.document
    steps = doc.undo_stack.count()
    dialog = open_from_menu(window)
    fill(dialog, [["1", "1"], ["3", "1"]])
    assert dialog.ok_button.isEnabled() and dialog.ok_button.isDefault()
    # B now weighs 1:3 → .25/.75; with A's .5/.5 the mean is .375/.625.
    type_into(qtbot, dialog, 1, 1, "1")
    type_into(qtbot, dialog, 1, 2, "3")
    assert preview(dialog) == ["37.5 %", "62.5 %"]
    assert doc.undo_stack.count() == steps
    dialog.reject()


def start_typing(qtbot, dialog: ParticipantsDialog, row: int, column: int, text: str) -> None:
    """Type into a cell's editor and leave it open, as when OK is clicked next."""
    index = dialog.table_model.index(row, column)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.indexWidget(index)
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_ok_takes_the_entry_still_being_typed(window, qtbot):
    doc = window.document
    dialog = open_from_menu(window)
    fill(dialog, [["1", "1"], ["3", "1"]])
    start_typing(qtbot, dialog, 1, 1, "1")  # B becomes 1:1, so both weigh .5/.5
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    profile = doc.active_profile()
    assert profile.weights["money"] == pytest.approx(50.0)
    assert profile.elicitation["_root"]["participants"][1]["weights"] == {
        "money": 1.0, "quality": 1.0}


def test_ok_with_a_bad_entry_still_being_typed_stays_open(window, qtbot):
    doc = window.document
    before = copy.deepcopy(doc.matrix)
    dialog = open_from_menu(window)
    fill(dialog, [["1", "1"], ["3", "1"]])
    start_typing(qtbot, dialog, 0, 2, "-4")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not dialog.ok_button.isEnabled()
    assert dialog.message.text().startswith("Participant 1's weight for Quality: -4 is "
                                            "negative")
    assert doc.matrix == before
    dialog.reject()


def test_three_participants_on_a_lower_level(window, qtbot):
    doc = window.document
    dialog = open_from_menu(window)
    dialog.level_box.setCurrentIndex(dialog.level_box.findData("quality"))
    assert dialog.items == ["speed", "risk"] and dialog.table_model.columnCount() == 3
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert names(dialog) == ["Participant 1", "Participant 2", "Participant 3"]
    # Speed:Risk  A 1:1 → .5/.5; B 3:1 → .75/.25; C blank:2 → 0/1.
    # Mean: Speed (.5 + .75 + 0)/3 = 41.67 %, Risk (.5 + .25 + 1)/3 = 58.33 %.
    fill(dialog, [["1", "1"], ["3", "1"], ["", "2"]])
    assert preview(dialog) == ["41.7 %", "58.3 %"]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    profile = doc.active_profile()
    assert profile.weights["speed"] == pytest.approx(100 * 1.25 / 3, abs=1e-5)
    assert profile.weights["risk"] == pytest.approx(100 * 1.75 / 3, abs=1e-5)
    assert profile.weights["money"] == 1 and profile.weights["quality"] == 1
    assert list(profile.elicitation) == ["quality"]


@pytest.mark.parametrize(("row", "column", "text", "message"), [
    (1, 2, "-2", "Participant 2's weight for Quality: -2 is negative"),
    (0, 1, "two", "Participant 1's weight for Money: “two” is not a number"),
    (1, 1, "0", "Participant 2's weights are all zero or blank"),
])
def test_bad_entries_disable_ok_and_name_the_participant_and_item(
        window, qtbot, row, column, text, message):
    dialog = open_from_menu(window)
    fill(dialog, [["1", "1"], ["3", ""]])
    assert dialog.ok_button.isEnabled()
    model = dialog.table_model
    model.setData(model.index(row, column), text)
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text().startswith(message)
    assert preview(dialog) == ["—", "—"]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # a disabled OK does nothing
    model.setData(model.index(row, column), "1")
    assert dialog.ok_button.isEnabled()
    dialog.reject()


def test_a_bad_cell_is_highlighted_with_its_problem(window, qtbot):
    dialog = open_from_menu(window)
    model = dialog.table_model
    fill(dialog, [["1", "x"], ["3", "1"]])
    bad, good = model.index(0, 2), model.index(0, 1)
    assert model.data(bad, Qt.ItemDataRole.BackgroundRole) == BAD_ENTRY
    assert model.data(bad, Qt.ItemDataRole.ToolTipRole) == "“x” is not a number"
    assert model.data(good, Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(good, Qt.ItemDataRole.ToolTipRole) is None
    dialog.reject()


def test_participants_are_added_renamed_and_removed(window, qtbot, qtmodeltester):
    dialog = open_from_menu(window)
    model = dialog.table_model
    fill(dialog, [["1", "1"], ["3", "1"]])
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert names(dialog) == ["Participant 1", "Participant 2", "Participant 3"]
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text().startswith("Participant 3's weights are all zero or blank")
    qtmodeltester.check(model)
    # Rename Participant 1 through the Rename button and the table's editor.
    dialog.table.setCurrentIndex(model.index(0, 1))
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    editor = dialog.table.indexWidget(model.index(0, 0))
    assert isinstance(editor, QLineEdit) and editor.text() == "Participant 1"
    editor.selectAll()
    qtbot.keyClicks(editor, "Ann")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.indexWidget(model.index(0, 0)) is None)
    assert names(dialog) == ["Ann", "Participant 2", "Participant 3"]
    model.setData(model.index(2, 0), "Ann")
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text().startswith("Two participants are called “Ann”")
    model.setData(model.index(2, 0), "")
    assert dialog.message.text().startswith("The participant in row 3 has no name")
    # Removing the empty third row makes the input valid again.
    dialog.table.setCurrentIndex(model.index(2, 1))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert names(dialog) == ["Ann", "Participant 2"]
    assert dialog.ok_button.isEnabled() and preview(dialog) == ["62.5 %", "37.5 %"]
    dialog.table.setCurrentIndex(model.index(0, 1))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert names(dialog) == ["Participant 2"] and cells(dialog) == [["3", "1"]]
    assert preview(dialog) == ["75.0 %", "25.0 %"]  # one participant: 3/4, 1/4
    assert not dialog.remove_button.isEnabled()  # the last participant stays
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert names(dialog) == ["Participant 2", "Participant 3"]  # no clash with a taken name
    dialog.reject()


def test_reopening_shows_the_stored_participants(window, qtbot, tmp_path):
    doc = window.document
    dialog = open_from_menu(window)
    model = dialog.table_model
    model.setData(model.index(0, 0), "Ann")
    model.setData(model.index(1, 0), "Ben")
    fill(dialog, [["2", "2"], ["1.5", "0.5"]])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    again = open_from_menu(window)
    assert again is not dialog
    assert names(again) == ["Ann", "Ben"] and cells(again) == [["2", "2"], ["1.5", "0.5"]]
    assert again.aggregation == "mean-of-weights"
    assert preview(again) == ["62.5 %", "37.5 %"]
    again.reject()
    # Saved and loaded from disk, the participants are still there.
    path = tmp_path / "group.toml"
    save_matrix(doc.matrix, path)
    loaded = ParticipantsDialog(load_matrix(path), doc.active_profile_id())
    qtbot.addWidget(loaded)
    assert names(loaded) == ["Ann", "Ben"] and cells(loaded) == [["2", "2"], ["1.5", "0.5"]]


def test_cancel_leaves_the_document_alone(window, qtbot):
    doc = window.document
    before = copy.deepcopy(doc.matrix)
    steps = doc.undo_stack.count()
    dialog = open_from_menu(window)
    fill(dialog, [["1", "1"], ["3", "1"]])
    dialog.reject()
    assert doc.matrix == before and doc.undo_stack.count() == steps


# -- AHP judgements combined by their geometric mean ------------------------------------
def three_item_matrix() -> DecisionMatrix:
    crits = [Criterion(k, k.upper(), worst=0, best=10) for k in ("a", "b", "c")]
    return DecisionMatrix(criteria=crits, options=[Option("x", "X")],
                          profiles=[WeightProfile("p", "Panel", {c.id: 1 for c in crits})])


def test_ahp_judgements_combined_by_geometric_mean(qtbot, qtmodeltester):
    """Ann: a = 2b, a = 4c, b = 2c; Ben: a = 8b, a = 8c, b = c (both consistent).
    Geometric means 4, √32, √2 are consistent too (4 · √2 = √32), so the
    priorities are ∝ (√32, √2, 1): 70.1 %, 17.5 %, 12.4 %, and CR = 0."""
    m = three_item_matrix()
    dialog = ParticipantsDialog(m, "p")
    qtbot.addWidget(dialog)
    fill(dialog, [["1", "1", "1"], ["3", "1", "2"]])
    dialog.aggregation_box.setCurrentIndex(dialog.aggregation_box.findData(
        "geometric-mean-of-judgements"))
    qtmodeltester.check(dialog.table_model)
    model = dialog.table_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, 4)] == [
        "A : B", "A : C", "B : C"]
    assert cells(dialog) == [["", "", ""], ["", "", ""]]
    assert dialog.message.text() == "Type each participant's entries into the table."
    fill(dialog, [["2", "", ""], ["", "", ""]])
    assert dialog.message.text() == "Participant 2 has judged no pair; enter at least one ratio"
    fill(dialog, [["2", "4", "2"], ["8", "8", "1"]])
    total = math.sqrt(32) + math.sqrt(2) + 1
    assert preview(dialog) == [f"{100 * w / total:.1f} %" for w in (math.sqrt(32),
                                                                      math.sqrt(2), 1)]
    assert preview(dialog) == ["70.1 %", "17.5 %", "12.4 %"]
    assert "consistency ratio 0.000" in dialog.message.text()
    # The weights typed before switching are kept apart from the ratios.
    dialog.aggregation_box.setCurrentIndex(0)
    assert cells(dialog) == [["1", "1", "1"], ["3", "1", "2"]]
    dialog.aggregation_box.setCurrentIndex(1)
    assert cells(dialog) == [["2", "4", "2"], ["8", "8", "1"]]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    profile = dialog.updated_profile()
    assert profile.method == "group"
    record = profile.elicitation["_root"]
    assert record["aggregation"] == "geometric-mean-of-judgements"
    assert record["participants"][1] == {"name": "Participant 2", "judgements": [
        {"row": "a", "col": "b", "value": 8.0}, {"row": "a", "col": "c", "value": 8.0},
        {"row": "b", "col": "c", "value": 1.0}]}
    m.profiles[0] = profile
    again = ParticipantsDialog(m, "p")
    qtbot.addWidget(again)
    assert again.aggregation == "geometric-mean-of-judgements"
    assert cells(again) == [["2", "4", "2"], ["8", "8", "1"]]


def test_ahp_ratios_accept_fractions_and_name_bad_ones(qtbot):
    dialog = ParticipantsDialog(three_item_matrix(), "p")
    qtbot.addWidget(dialog)
    dialog.aggregation_box.setCurrentIndex(1)
    # Ann: a:b = 1/2 and b:c = 1/2 (c matters most); Ben leaves a:c only, 1/4.
    # Ann's ratios alone give c = 2b = 4a; Ben's a:c = 1/4 agrees, so w ∝ (1, 2, 4).
    fill(dialog, [["1/2", "", "1/2"], ["", "1/4", ""]])
    assert preview(dialog) == ["14.3 %", "28.6 %", "57.1 %"]
    model = dialog.table_model
    model.setData(model.index(1, 2), "12")
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text() == ("Participant 2's judgement of A against C: 12 is off "
                                     "Saaty's scale; use 1/9 to 9")
    assert model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole) == BAD_ENTRY
    # Nobody links C to the others: the combined ratios cannot place it.
    fill(dialog, [["1/2", "", ""], ["3", "", ""]])
    assert dialog.message.text().startswith("The judgements leave C unlinked to A")
    assert not dialog.ok_button.isEnabled()
    dialog.aggregation_box.setCurrentIndex(0)
    assert cells(dialog) == [["", "", ""], ["", "", ""]]  # the weights, kept apart


def test_levels_keep_their_own_participants(qtbot):
    m = small_matrix()
    dialog = ParticipantsDialog(m, "even", level="quality")
    qtbot.addWidget(dialog)
    model = dialog.table_model
    model.setData(model.index(0, 0), "Cas")
    fill(dialog, [["1", "3"], ["1", "1"]])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    m.profiles[0] = dialog.updated_profile()
    again = ParticipantsDialog(m, "even")
    qtbot.addWidget(again)
    assert again.level is None and names(again) == ["Participant 1", "Participant 2"]
    again.level_box.setCurrentIndex(again.level_box.findData("quality"))
    assert names(again) == ["Cas", "Participant 2"] and cells(again) == [["1", "3"],
                                                                          ["1", "1"]]


@pytest.mark.parametrize("count", [2, 8])
def test_the_dialog_widens_to_show_every_column_up_to_most_of_the_screen(qtbot, count):
    crits = [Criterion(f"c{k}", f"A criterion with a long name {k}", worst=0, best=10)
             for k in range(count)]
    m = DecisionMatrix(criteria=crits, options=[Option("x", "X")],
                       profiles=[WeightProfile("p", "Panel", {c.id: 1 for c in crits})])
    dialog = ParticipantsDialog(m, "p")
    qtbot.addWidget(dialog)
    dialog.show()
    header = dialog.table.horizontalHeader()
    last = dialog.table.model().columnCount() - 1
    fits = header.sectionViewportPosition(last) + header.sectionSize(last) \
        <= dialog.table.viewport().width()
    most_of_screen = dialog.width() >= int(dialog.screen().availableGeometry().width() * 0.8)
    assert fits if count == 2 else most_of_screen


@pytest.fixture
def german():
    from PySide6.QtCore import QLocale
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    yield
    QLocale.setDefault(before)


def test_numbers_are_read_and_shown_in_the_users_locale(german, qtbot):
    # German: "2,5" is two and a half and "1.000" one thousand.
    m = three_item_matrix()
    dialog = ParticipantsDialog(m, "p")
    qtbot.addWidget(dialog)
    fill(dialog, [["1.000", "500", "500"], ["2,5", "2,5", "5"]])
    # A: 50 / 25 / 25 %; B: 25 / 25 / 50 %; mean 37.5 / 25 / 37.5 %.
    assert preview(dialog) == ["37.5 %", "25.0 %", "37.5 %"]
    assert dialog.ok_button.isEnabled()
    dialog.aggregation_box.setCurrentIndex(dialog.aggregation_box.findData(
        "geometric-mean-of-judgements"))
    fill(dialog, [["0,5", "1/2", "1"], ["0,5", "0,5", "1"]])
    assert dialog.ok_button.isEnabled(), dialog.message.text()
    dialog.accept()
    from tradeoff.core.elicitation.records import apply_outcome
    m.profiles[0] = apply_outcome(m.profile("p"), dialog.outcome())
    again = ParticipantsDialog(m, "p")  # reopened: the stored ratios in the user's notation
    qtbot.addWidget(again)
    assert again.aggregation == "geometric-mean-of-judgements"
    assert [again.table_model.index(0, c).data() for c in range(1, 4)] == ["1/2", "1/2", "1"]
    assert again.table_model.local(2.5) == "2,5"  # stored weights come back as typed here


def test_blank_weights_are_named_as_counting_zero(qtbot):
    m = three_item_matrix()
    dialog = ParticipantsDialog(m, "p")
    qtbot.addWidget(dialog)
    fill(dialog, [["1", "1", "1"], ["2", "", "1"]])
    assert dialog.ok_button.isEnabled()
    assert dialog.message.text().endswith("Blank cells count as 0: Participant 2: B.")
    fill(dialog, [["1", "1", "1"], ["2", "1", "1"]])
    assert "Blank" not in dialog.message.text()
