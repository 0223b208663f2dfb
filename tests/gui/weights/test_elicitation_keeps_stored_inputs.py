"""Reopening an elicitation dialog on stored inputs and pressing OK changes nothing:
inputs the dialog's own widgets cannot show exactly are kept as stored, and shown
as they are, unless the user changes them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from factories import small_matrix
from tradeoff.core.elicitation.ahp import ahp
from tradeoff.core.elicitation.group import group_outcome
from tradeoff.core.elicitation.rank_weights import rank_weights
from tradeoff.core.elicitation.records import ElicitationOutcome, apply_outcome
from tradeoff.core.elicitation.swing import swing_weights
from tradeoff.core.model import Criterion, DecisionMatrix, Option, WeightProfile
from tradeoff.gui.weights.ahp_dialog import AhpDialog
from tradeoff.gui.weights.elicitation_dialogs import RankDialog, SwingDialog
from tradeoff.gui.weights.group_elicitation_dialog import ParticipantsDialog
from tradeoff.io.matrix_file import dumps, loads


def three_criteria() -> DecisionMatrix:
    crits = [Criterion(k, k.capitalize(), worst=0, best=10) for k in ("cost", "risk", "time")]
    return DecisionMatrix(criteria=crits, options=[Option("a", "A")],
                          profiles=[WeightProfile("p", "Board", {c.id: 1 for c in crits})])


def with_ahp_record(m: DecisionMatrix, judgements: list[dict]) -> DecisionMatrix:
    """The matrix as a file would hold it with these AHP judgements (written by hand or
    by another tool), read back through the file format."""
    record = {"priority": "eigenvector", "judgements": judgements}
    m.profiles[0] = apply_outcome(m.profile("p"), ElicitationOutcome(
        None, "ahp", {"cost": 0.5, "risk": 0.3, "time": 0.2}, record))
    return loads(dumps(m))


def test_ahp_judgements_off_saaty_s_steps_are_shown_and_kept_as_stored(qtbot):
    judgements = [{"row": "cost", "col": "risk", "value": 2.5},
                  {"row": "cost", "col": "time", "value": 4.0},
                  {"row": "time", "col": "risk", "value": 0.6}]  # stored the other way round
    m = with_ahp_record(three_criteria(), judgements)
    dialog = AhpDialog(m, "p")
    qtbot.addWidget(dialog)
    combo = dialog.pairs[("cost", "risk")]
    assert combo.currentData() == 2.5  # not Saaty's nearest step, 3 (or 2)
    assert "2.5" in combo.currentText()
    assert dialog.pairs[("risk", "time")].currentData() == pytest.approx(1 / 0.6)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    kept = dialog.updated_profile()
    stored = {(j["row"], j["col"]): j["value"] for j in kept.elicitation["_root"]["judgements"]}
    assert stored[("cost", "risk")] == 2.5 and stored[("cost", "time")] == 4.0
    assert stored[("risk", "time")] == pytest.approx(1 / 0.6, rel=1e-15)
    exact = ahp(["cost", "risk", "time"], {("cost", "risk"): 2.5, ("cost", "time"): 4.0,
                                           ("time", "risk"): 0.6}, "eigenvector")
    assert dialog.outcome().weights == pytest.approx(exact.weights, rel=1e-12)


def test_a_changed_judgement_is_taken_and_the_stored_one_stays_on_offer(qtbot):
    m = with_ahp_record(three_criteria(), [{"row": "cost", "col": "risk", "value": 2.5},
                                           {"row": "cost", "col": "time", "value": 4.0}])
    dialog = AhpDialog(m, "p")
    qtbot.addWidget(dialog)
    combo = dialog.pairs[("cost", "risk")]
    combo.setCurrentIndex(combo.findData(3.0))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = {(j["row"], j["col"]): j["value"]
              for j in dialog.updated_profile().elicitation["_root"]["judgements"]}
    assert stored[("cost", "risk")] == 3.0


def with_group_record(m: DecisionMatrix, aggregation: str, participants: dict) -> DecisionMatrix:
    m.profiles[0] = apply_outcome(m.profile("p"), group_outcome(
        None, ["cost", "risk", "time"], aggregation, participants))
    return loads(dumps(m))


def test_participants_weights_come_back_with_every_digit(qtbot):
    # Weights worked out elsewhere (a third, a spreadsheet's 0.1 + 0.2) and a big number.
    ann = {"cost": 1 / 3, "risk": 0.1 + 0.2, "time": 1234567890123.0}
    ben = {"cost": 2.0, "risk": 1.0, "time": 1.0}
    m = with_group_record(three_criteria(), "mean-of-weights", {"Ann": ann, "Ben": ben})
    before = m.profile("p").elicitation["_root"]
    dialog = ParticipantsDialog(m, "p")
    qtbot.addWidget(dialog)
    model = dialog.table_model
    shown = [model.locale.toDouble(model.index(0, c).data())[0] for c in (1, 2, 3)]
    assert shown == [1 / 3, 0.1 + 0.2, 1234567890123.0]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.updated_profile().elicitation["_root"] == before


def test_a_typed_weight_keeps_every_digit_typed(qtbot):
    m = three_criteria()
    dialog = ParticipantsDialog(m, "p")
    qtbot.addWidget(dialog)
    model = dialog.table_model
    for c, text in enumerate(["1234567890123", "1", "1"], start=1):
        model.setData(model.index(0, c), text)
        model.setData(model.index(1, c), "1")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    people = dialog.outcome().record["participants"]
    assert people[0]["weights"]["cost"] == 1234567890123.0  # not 1234567890120


def test_participants_judgements_between_steps_come_back_exactly(qtbot):
    judgements = {("cost", "risk"): 2.123456789012345, ("cost", "time"): 4.0,
                  ("risk", "time"): 1 / 3}
    m = with_group_record(three_criteria(), "geometric-mean-of-judgements",
                          {"Ann": judgements, "Ben": {("cost", "risk"): 3.0},
                           "Cy": {("risk", "time"): 0.3333333333}})  # near 1/3, not 1/3
    before = m.profile("p").elicitation["_root"]
    dialog = ParticipantsDialog(m, "p")
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.updated_profile().elicitation["_root"] == before


def test_swing_starts_from_the_level_s_weights_when_none_were_elicited(qtbot):
    """Profile "Quality first" weighs Money 1 and Quality 3 at the top level, typed in:
    OK alone keeps those shares (it made both swings 100, so 50 % each)."""
    m = small_matrix()
    dialog = SwingDialog(m, "quality")
    qtbot.addWidget(dialog)
    assert {k: s.text() for k, s in dialog.spins.items()} == {"money": "33.3333",
                                                               "quality": "100"}
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome().weights == pytest.approx({"money": 0.25, "quality": 0.75},
                                                     rel=1e-15)
    weights = dialog.updated_profile().weights
    assert weights["money"] / weights["quality"] == pytest.approx(1 / 3, rel=1e-12)
    assert {k: weights[k] for k in ("price", "speed", "risk")} == {"price": 1, "speed": 2,
                                                                    "risk": 1}


def test_ranking_starts_in_the_order_the_weights_give(qtbot):
    """Money 1, Quality 3: Quality first, so OK alone does not turn the weights round."""
    m = small_matrix()
    dialog = RankDialog(m, "quality")
    qtbot.addWidget(dialog)
    assert dialog.order() == ["quality", "money"]
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    weights = dialog.outcome().weights
    assert weights["quality"] > weights["money"]


def test_ranks_stored_with_a_tie_are_kept_until_the_list_is_reordered(qtbot):
    """A file ranks Cost first and Risk and Time alike; the list shows them one under
    the other, but OK alone must not rank them apart."""
    m = three_criteria()
    record = {"ranks": {"cost": 1, "risk": 2, "time": 2}}
    m.profiles[0] = apply_outcome(m.profile("p"), ElicitationOutcome(
        None, "roc", rank_weights(record["ranks"], "roc"), record))
    m = loads(dumps(m))
    dialog = RankDialog(m, "p")
    qtbot.addWidget(dialog)
    assert dialog.order() == ["cost", "risk", "time"]
    assert "Ranked alike as stored: Risk, Time" in dialog.message.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome().record == {"ranks": {"cost": 1, "risk": 2, "time": 2}}
    weights = dialog.outcome().weights
    assert weights["risk"] == weights["time"] == pytest.approx((5 / 18 + 2 / 18) / 2)
    # Reordered, the list's order is taken.
    again = RankDialog(m, "p")
    qtbot.addWidget(again)
    again.order_list.setCurrentRow(2)
    again.move_current(-1)
    assert again.message.text() == ""
    qtbot.mouseClick(again.ok_button, Qt.MouseButton.LeftButton)
    assert again.outcome().record == {"ranks": {"cost": 1, "time": 2, "risk": 3}}


def test_swing_with_an_item_added_since_starts_from_the_weights(qtbot):
    """Money 100 and Quality 40 points were elicited; a criterion added since at the top
    level came in with weight 1. OK alone keeps its small weight (its box started at 100,
    which made it the most valued swing)."""
    m = small_matrix()
    points = {"money": 100.0, "quality": 40.0}
    m.profiles[0] = apply_outcome(m.profile("even"), ElicitationOutcome(
        None, "swing", swing_weights(points), {"points": points}))
    m.criteria.append(Criterion("eco", "Eco", worst=0, best=10))
    m.profile("even").weights["eco"] = 1.0
    before = {k: m.profile("even").weights[k] for k in ("money", "quality", "eco")}
    dialog = SwingDialog(m, "even")
    qtbot.addWidget(dialog)
    assert dialog.spins["eco"].text() == "1.4" and dialog.spins["money"].text() == "100"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    total = sum(before.values())
    assert dialog.outcome().weights == pytest.approx({k: w / total for k, w in before.items()},
                                                     rel=1e-12)


def test_swing_points_show_the_decimals_they_have(qtbot):
    """Points written as 37.5 show as 37.5, not 38 beside a preview worked out from 37.5."""
    m = small_matrix()
    points = {"money": 100.0, "quality": 37.5}
    m.profiles[0] = apply_outcome(m.profile("even"), ElicitationOutcome(
        None, "swing", swing_weights(points), {"points": points}))
    dialog = SwingDialog(m, "even")
    qtbot.addWidget(dialog)
    assert dialog.spins["quality"].value() == 37.5 and dialog.spins["quality"].text() == "37.5"
    dialog.spins["quality"].setValue(12.25)  # a changed box takes what is typed
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome().record["points"] == {"money": 100.0, "quality": 12.25}

