"""The Scenarios view never shows a lead, a regret or a change that ranks options apart
as zero, nor totals a scenario ranks apart as equal."""

from __future__ import annotations

import re

import pytest

from robustness_factories import numeric_matrix
from tradeoff.core.model import Scenario, Score
from tradeoff.gui.document import Document
from tradeoff.gui.scenarios.view import ScenariosView


def test_close_leads_and_regrets_show_above_zero(qtbot):
    # O0 leads O1 by 0.00001 in the base case and in "Dry", trails it by 0.00001 in "Wet"
    matrix = numeric_matrix([[5.0001], [5.0], [2.0]], [1.0])
    matrix.scenarios = [
        Scenario("wet", "Wet", probability=0.5, scores={("o0", "c0"): Score(4.9999)}),
        Scenario("dry", "Dry", probability=0.5, scores={("o2", "c0"): Score(3.0)})]
    view = ScenariosView(Document(matrix))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    text = view.summary.text()
    for who, where in (("O1", "Wet"), ("O0", "Dry")):
        margin = re.search(rf"If {where}: {who} \(margin ([\d.]+)\)", text)
        assert margin and float(margin[1]) == pytest.approx(1e-5, rel=0.1), text
    behind = re.search(r"at most ([\d.]+) behind the best", text)
    assert behind and float(behind[1]) == pytest.approx(1e-5, rel=0.1), text
    totals = [[view.totals.item(i, k).text() for k in range(3)] for i in range(2)]
    for k in range(3):  # base case, Wet, Dry: "total (rank)"
        (o0, o0_rank), (o1, o1_rank) = (row[k].split() for row in totals)
        assert o0_rank != o1_rank and (float(o0) > float(o1)) == (o0_rank == "(1)"), totals
    regret = [[float(view.regret.item(i, k).text()) for k in range(3)] for i in range(2)]
    assert regret[0][0] > 0 and regret[1][1] > 0  # O0 in Wet, O1 in Dry
    assert regret[0][2] > 0 and regret[1][2] > 0  # max regret
    moves = re.search(r"\); ([\d.]+) toward O0", view.signposts.toPlainText())
    assert moves and float(moves[1]) == pytest.approx(2e-5, rel=0.1), \
        view.signposts.toPlainText()
