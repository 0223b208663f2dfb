"""The Value-for-money and Portfolio views on the city capital programme example, offscreen."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from tradeoff.core.model import Score
from tradeoff.core.portfolio import best_portfolio, portfolio_inputs
from tradeoff.core.screening import without_screened
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetScore, SetWeight
from tradeoff.gui.value.portfolio_view import SLIDER_STEPS, PortfolioView
from tradeoff.gui.value.vfm_view import ValueView
from tradeoff.io.matrix_file import load_matrix

CITY = Path(__file__).resolve().parents[3] / "matrices" / "city-capital-programme.toml"


@pytest.fixture
def document(qtbot):
    return Document(load_matrix(CITY))


def column(table, c: int) -> list[str]:
    model = table.model()
    return [model.index(r, c).data() for r in range(model.rowCount())]


def test_value_view_lists_every_candidate_and_saves_the_chart(qtbot, document, tmp_path):
    view = ValueView(document)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    assert view.cost_box.currentText() == "Capital cost"  # the cost criterion comes first
    assert view.cost_box.count() == 5  # the numeric criteria only
    names = column(view.table, 0)
    assert len(names) == 41 and "Tram extension to the airport" not in names  # screened
    ratios = [float(x) for x in column(view.table, 3)]
    assert ratios == sorted(ratios, reverse=True)
    gaps = column(view.table, 4)
    assert gaps.count("on the frontier") == len(view.result.frontier)
    assert all(g.startswith("needs ") for g in gaps if g != "on the frontier")
    view.save_chart(tmp_path / "vfm.png")
    view.save_chart(tmp_path / "vfm.svg")
    assert (tmp_path / "vfm.png").read_bytes()[:4] == b"\x89PNG"
    assert "Value for money" in (tmp_path / "vfm.svg").read_text()


def test_value_view_follows_an_edit_and_its_undo(qtbot, document):
    view = ValueView(document)
    qtbot.addWidget(view)
    assert view.result is None  # nothing is computed for a view nobody has opened …
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    before = view.result.point("led-streetlights").cost
    document.push(SetScore(document, "led-streetlights", "capital-cost", Score(value=30.0)))
    assert view.result.point("led-streetlights").cost == 30.0
    document.undo_stack.undo()
    assert view.result.point("led-streetlights").cost == before


def test_portfolio_slider_chooses_the_best_set_live(qtbot, document):
    view = PortfolioView(document)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    inputs = portfolio_inputs(without_screened(document.matrix), None, "capital-cost")
    for steps in (0, 150, 400, 700, SLIDER_STEPS):
        view.slider.setValue(steps)  # as a drag does, one step at a time
        budget = round(view.top * steps / SLIDER_STEPS, 2)  # as the box shows it
        assert view.budget_box.value() == budget == view.chosen.budget
        want = best_portfolio(inputs.costs, inputs.benefits, budget)
        assert view.chosen.total_benefit == pytest.approx(want.total_benefit)
        assert view.chosen.total_cost <= budget + 1e-9
        ticked = [n for n, mark in zip(column(view.table, 0), column(view.table, 4),
                                       strict=True) if mark == "✓"]
        assert sorted(ticked) == sorted(view.selected_names())
        assert f"fund {len(want.selected)} of 41 options" in view.summary.text()
    assert view.chosen.total_cost == pytest.approx(np.sum(inputs.costs))  # everything fits


def test_portfolio_budget_box_moves_the_slider_and_keeps_its_amount_on_edits(qtbot, document,
                                                                              tmp_path):
    view = PortfolioView(document)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    view.budget_box.setValue(120.0)
    assert view.slider.value() == round(SLIDER_STEPS * 120 / view.top)
    assert view.chosen.budget == pytest.approx(120.0)
    chosen = view.selected_names()
    assert "Sprinklers in four care homes" in chosen  # the best benefit per cost
    document.push(SetScore(document, "care-home-sprinklers", "duration", Score(value=6)))
    assert "Sprinklers in four care homes" not in view.selected_names()  # now screened out
    # The total cost fell (an option left), but the budget is an amount, not a share.
    assert view.budget_box.value() == 120.0 == view.chosen.budget
    view.save_chart(tmp_path / "portfolio.svg")
    assert "Order of merit" in (tmp_path / "portfolio.svg").read_text()


def test_views_are_in_the_analysis_menu(wired, qtbot):
    for key, title in (("value_for_money", "Value for money"), ("portfolio", "Portfolio")):
        wired.actions[key].trigger()
        dock = wired.docks[title]
        qtbot.waitUntil(lambda d=dock: not d.visibleRegion().isEmpty())
        qtbot.waitUntil(lambda d=dock: not d.widget()._stale)  # computed once seen
    assert wired.docks["Portfolio"].widget().chosen is not None
    wired.raise_dock("Results")  # the layout saved on closing keeps Results in front


def test_must_fund_and_never_fund_ticks_constrain_the_choice(qtbot, document):
    view = PortfolioView(document)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    view.budget_box.setValue(120.0)
    names = column(view.table, 0)
    wall = names.index("Riverside flood defence wall")
    assert "Riverside flood defence wall" not in view.selected_names()
    view.table.item(wall, 5).setCheckState(Qt.CheckState.Checked)  # as a click does
    assert "Riverside flood defence wall" in view.selected_names()
    inputs = portfolio_inputs(without_screened(document.matrix), None, "capital-cost")
    i_wall = inputs.ids.index("riverside-flood-wall")
    i_sprinklers = inputs.ids.index("care-home-sprinklers")
    want = best_portfolio(inputs.costs, inputs.benefits, 120.0, include={i_wall})
    assert view.chosen.total_benefit == pytest.approx(want.total_benefit)
    names = column(view.table, 0)
    row = names.index("Sprinklers in four care homes")
    view.table.item(row, 6).setCheckState(Qt.CheckState.Checked)
    assert "Sprinklers in four care homes" not in view.selected_names()
    want = best_portfolio(inputs.costs, inputs.benefits, 120.0, include={i_wall},
                          exclude={i_sprinklers})
    assert view.chosen.total_benefit == pytest.approx(want.total_benefit)
    view.budget_box.setValue(20.0)  # less than the wall's 24: no portfolio, and why
    assert view.chosen is None
    assert "must be included cost 24 together, over the budget of 20" in view.summary.text()


def test_a_weight_edit_never_moves_the_budget_the_user_typed(qtbot, document):
    """The budget is the user's number: re-weighting re-solves for the same amount."""
    view = PortfolioView(document)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    view.budget_box.setValue(100.0)
    profile = document.active_profile()
    criterion = next(iter(profile.weights))
    document.push(SetWeight(document, profile.id, criterion, profile.weights[criterion] * 2))
    qtbot.waitUntil(lambda: not view._stale)
    assert view.budget_box.value() == 100.0 == view.chosen.budget
    inputs = portfolio_inputs(without_screened(document.matrix), None, "capital-cost")
    want = best_portfolio(inputs.costs, inputs.benefits, 100.0)
    assert view.chosen.total_benefit == pytest.approx(want.total_benefit)


def test_a_budget_above_every_cost_is_shown_capped_and_comes_back(qtbot, document):
    view = PortfolioView(document)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    top = view.top
    view.budget_box.setValue(top)
    document.push(SetScore(document, "care-home-sprinklers", "duration", Score(value=6)))
    qtbot.waitUntil(lambda: not view._stale)
    assert view.top < top and view.budget_box.value() == pytest.approx(view.top)
    assert "is more than every candidate costs together" in view.summary.text()
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: not view._stale)
    assert view.budget_box.value() == pytest.approx(top)


def _generated(options: int) -> Document:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
    from large_matrix import build

    return Document(build(options, 4))


def test_above_the_live_limit_the_portfolio_view_says_where_to_get_it(qtbot, monkeypatch):
    from tradeoff.gui.value import portfolio_view

    solved = []
    for name in ("best_portfolio", "budget_curve"):
        real = getattr(portfolio_view, name)
        monkeypatch.setattr(portfolio_view, name,
                            lambda *a, _real=real, **k: solved.append(1) or _real(*a, **k))
    document = _generated(portfolio_view.LIVE_LIMIT + 1)
    view = PortfolioView(document)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    assert "tradeoff portfolio FILE" in view.summary.text()
    assert f"{portfolio_view.LIVE_LIMIT + 1:,}" in view.summary.text()
    assert view.table.rowCount() == 0 and view.chosen is None
    view.slider.setValue(SLIDER_STEPS // 2)  # the slider chooses nothing either
    assert solved == [] and view.chosen is None
    document.load(_generated(portfolio_view.LIVE_LIMIT).matrix, None)  # at the limit: live
    qtbot.waitUntil(lambda: view.chosen is not None, timeout=60_000)
    assert solved and view.table.rowCount() == portfolio_view.LIVE_LIMIT


def test_above_the_live_limit_the_value_view_says_where_to_get_it(qtbot, monkeypatch):
    from tradeoff.gui.value import vfm_view

    monkeypatch.setattr(vfm_view, "LIVE_LIMIT", 50)  # the real limit is 20,000 options
    document = _generated(vfm_view.LIVE_LIMIT + 1)
    view = ValueView(document)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    assert "tradeoff value FILE" in view.note.text()
    assert view.result is None and view.model.rowCount() == 0


def test_the_value_view_shows_ten_thousand_options_row_by_row(qtbot):
    """The table is a model over the points: every option is a row, the frontier bold,
    in the order of benefit per cost, and only the rows on screen are ever read."""
    from tradeoff.core.value_for_money import value_for_money
    from tradeoff.gui.value.vfm_table import BOLD

    document = _generated(10_000)
    view = ValueView(document)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale, timeout=30_000)
    model = view.model
    assert model.rowCount() == 10_000
    expected = value_for_money(without_screened(document.matrix), None,
                               view.cost_box.currentData()).by_ratio()
    assert column(view.table, 0) == [p.name for p in expected]
    bold = [r for r in range(model.rowCount())
            if model.index(r, 0).data(Qt.ItemDataRole.FontRole) == BOLD]
    assert [expected[r].option for r in bold] == [p.option for p in expected if p.efficient]
    assert len(bold) == len(view.result.frontier) > 0
    view.table.scrollToBottom()
    last = model.index(model.rowCount() - 1, 4)
    assert view.table.visualRect(last).isValid()
    assert last.data() == expected[-1].describe(view.result.unit)
