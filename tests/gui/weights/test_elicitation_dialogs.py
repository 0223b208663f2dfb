"""The swing, rank and AHP dialogs, driven offscreen like a user drives them."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox

from factories import small_matrix
from tradeoff.core.elicitation.records import ElicitationOutcome, apply_outcome
from tradeoff.core.elicitation.swing import swing_weights
from tradeoff.core.model import Criterion, DecisionMatrix, Option, WeightProfile
from tradeoff.gui.weights.ahp_dialog import AhpDialog
from tradeoff.gui.weights.elicitation_dialogs import RankDialog, SwingDialog
from tradeoff.io.matrix_file import load_matrix, save_matrix


def click_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def preview(dialog) -> list[str]:
    m = dialog.preview_model
    return [m.data(m.index(r, 1)) for r in range(m.rowCount())]


def test_swing_dialog_gives_points_over_total_and_stores_them(qtbot, qtmodeltester, tmp_path):
    m = small_matrix()
    dialog = SwingDialog(m, "even")
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.preview_model)
    assert dialog.level is None and list(dialog.spins) == ["money", "quality"]
    dialog.findChild(QDoubleSpinBox, "points_quality").setValue(40)
    assert preview(dialog) == ["71.4 %", "28.6 %"]  # 100/140 and 40/140
    click_ok(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.outcome().weights == pytest.approx({"money": 100 / 140, "quality": 40 / 140})
    profile = dialog.updated_profile()
    assert profile.method == "swing"
    assert profile.elicitation["_root"] == {"method": "swing",
                                            "points": {"money": 100.0, "quality": 40.0}}
    assert m.profile("even").method == "direct"  # the dialog never edits the matrix itself
    # Saved, reopened from disk: the dialog shows the judgements made.
    m.profiles[0] = profile
    save_matrix(m, tmp_path / "m.toml")
    again = SwingDialog(load_matrix(tmp_path / "m.toml"), "even")
    qtbot.addWidget(again)
    assert again.findChild(QDoubleSpinBox, "points_quality").value() == 40
    assert again.findChild(QDoubleSpinBox, "points_money").value() == 100


def test_swing_dialog_needs_a_top_swing_of_100(qtbot):
    dialog = SwingDialog(small_matrix(), "even")
    qtbot.addWidget(dialog)
    for spin in dialog.spins.values():
        spin.setValue(60)
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text().startswith("Give the most valued swing 100 points")
    assert preview(dialog) == ["—", "—"]


def test_swing_dialog_switches_level_and_describes_each_swing(qtbot):
    dialog = SwingDialog(small_matrix(), "quality")
    qtbot.addWidget(dialog)
    dialog.level_box.setCurrentIndex(1)
    assert dialog.level == "quality" and list(dialog.spins) == ["speed", "risk"]
    assert dialog.findChild(QDoubleSpinBox, "points_risk") is not None
    texts = [w.text() for w in dialog.inputs.findChildren(type(dialog.message))]
    assert "Risk from very high to low" in texts
    dialog.spins["risk"].setValue(25)
    click_ok(qtbot, dialog)
    new = dialog.updated_profile()
    assert new.weights["speed"] == 80 and new.weights["risk"] == 20
    assert new.weights["money"] == 1 and new.weights["quality"] == 3


def test_rank_dialog_orders_and_weighs_by_the_chosen_formula(qtbot, qtmodeltester):
    m = small_matrix()
    dialog = RankDialog(m, "even")
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.order_list.model())
    assert dialog.order() == ["money", "quality"]
    assert preview(dialog) == ["75.0 %", "25.0 %"]  # ROC for two: 3/4, 1/4
    dialog.order_list.setCurrentRow(1)
    qtbot.mouseClick(dialog.findChild(type(dialog.ok_button), "up"), Qt.MouseButton.LeftButton)
    assert dialog.order() == ["quality", "money"]
    dialog.formula.setCurrentIndex(dialog.formula.findData("rank-sum"))
    assert preview(dialog) == ["33.3 %", "66.7 %"]  # money second: 1/3; quality first: 2/3
    click_ok(qtbot, dialog)
    profile = dialog.updated_profile()
    assert profile.method == "rank-sum"
    assert profile.elicitation["_root"]["ranks"] == {"quality": 1, "money": 2}
    m.profiles[0] = profile
    again = RankDialog(m, "even")
    qtbot.addWidget(again)
    assert again.order() == ["quality", "money"]
    assert again.formula.currentData() == "rank-sum"


def leader_matrix() -> DecisionMatrix:
    names = ["Experience", "Education", "Charisma", "Age"]
    crits = [Criterion(n.lower(), n, worst=0, best=10) for n in names]
    return DecisionMatrix(criteria=crits, options=[Option("tom", "Tom")],
                          profiles=[WeightProfile("p", "Board", {c.id: 1 for c in crits})])


LEADER = {("experience", "education"): 4, ("experience", "charisma"): 3,
          ("experience", "age"): 7, ("education", "charisma"): 1 / 3,
          ("education", "age"): 3, ("charisma", "age"): 5}


def choose(combo: QComboBox, value: float | None) -> None:
    for i in range(combo.count()):
        data = combo.itemData(i)
        if (data is None and value is None) or (
                data is not None and value is not None and math.isclose(data, value)):
            combo.setCurrentIndex(i)
            return
    raise AssertionError(f"no entry {value}")


def test_ahp_dialog_reproduces_the_leader_example_and_reopens_it(qtbot):
    """Criteria judgements of the Wikipedia "choosing a leader" AHP example
    (see tests/core/elicitation): weights .547, .127, .270, .056, CR well under 0.10."""
    m = leader_matrix()
    dialog = AhpDialog(m, "p")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()  # nothing judged yet links the items
    assert dialog.message.text() == ("Judge the pairs: at least 3 that link every item are "
                                     "needed")
    for (a, b), value in LEADER.items():
        choose(dialog.pairs[(a, b)], value)
    assert preview(dialog) == ["54.8 %", "12.7 %", "27.0 %", "5.6 %"]
    assert dialog.message.text().startswith("Consistency ratio 0.044")
    combo = dialog.pairs[("experience", "education")]
    assert combo.currentText() == "Experience: moderately to strongly more important (4)"
    click_ok(qtbot, dialog)
    profile = dialog.updated_profile()
    assert profile.method == "ahp"
    record = profile.elicitation["_root"]
    assert record["priority"] == "eigenvector" and len(record["judgements"]) == 6
    m.profiles[0] = profile
    again = AhpDialog(m, "p")
    qtbot.addWidget(again)
    assert {pair: c.currentData() for pair, c in again.pairs.items()} == pytest.approx(LEADER)


def test_ahp_dialog_warns_and_highlights_the_judgement_to_revisit(qtbot):
    dialog = AhpDialog(leader_matrix(), "p")
    qtbot.addWidget(dialog)
    for pair, value in LEADER.items():
        choose(dialog.pairs[pair], value)
    choose(dialog.pairs[("charisma", "age")], 1 / 9)  # reverses a strong judgement
    text = dialog.message.text()
    assert "above 0.10" in text and "starting with Charisma against Age" in text
    assert dialog.pairs[("charisma", "age")].styleSheet() != ""
    assert dialog.pairs[("experience", "age")].styleSheet() == ""
    assert dialog.ok_button.isEnabled()  # a warning, not a refusal


def test_ahp_dialog_accepts_blanks_that_keep_items_linked(qtbot):
    dialog = AhpDialog(leader_matrix(), "p")
    qtbot.addWidget(dialog)
    for pair in [("experience", "education"), ("education", "charisma"), ("charisma", "age")]:
        choose(dialog.pairs[pair], 2)
    assert dialog.ok_button.isEnabled()
    assert "3 pair(s) not judged" in dialog.message.text()
    assert preview(dialog) == ["53.3 %", "26.7 %", "13.3 %", "6.7 %"]  # 8 : 4 : 2 : 1
    choose(dialog.pairs[("education", "charisma")], None)
    assert not dialog.ok_button.isEnabled()
    assert dialog.message.text().startswith("The judgements leave Charisma unlinked to "
                                            "Experience")


def test_dialog_on_a_matrix_with_nothing_to_weigh(qtbot):
    m = leader_matrix()
    m.criteria = m.criteria[:1]
    dialog = SwingDialog(m, "p")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "Nothing to weigh" in dialog.message.text()
    assert dialog.updated_profile() is None


def test_swing_dialog_keeps_stored_points_the_boxes_cannot_show(qtbot):
    # Points written by another tool (or the file by hand) need not be whole numbers.
    m = small_matrix()
    points = {"money": 100.0, "quality": 37.5}
    m.profiles[0] = apply_outcome(m.profile("even"), ElicitationOutcome(
        None, "swing", swing_weights(points), {"points": points}))
    dialog = SwingDialog(m, "even")
    qtbot.addWidget(dialog)
    assert preview(dialog) == ["72.7 %", "27.3 %"]  # 100/137.5 and 37.5/137.5
    click_ok(qtbot, dialog)
    assert dialog.outcome().weights == pytest.approx({"money": 100 / 137.5,
                                                      "quality": 37.5 / 137.5}, abs=1e-12)
    assert dialog.updated_profile().elicitation["_root"]["points"] == points
    # A box the user changes is taken as shown.
    again = SwingDialog(m, "even")
    qtbot.addWidget(again)
    again.findChild(QDoubleSpinBox, "points_quality").setValue(40)
    click_ok(qtbot, again)
    assert again.outcome().record["points"] == {"money": 100.0, "quality": 40.0}
