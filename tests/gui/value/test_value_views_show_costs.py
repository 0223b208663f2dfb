"""The Value-for-money and Portfolio views show each cost as it is stored, and let the
budget be set as finely as the costs are given."""

from __future__ import annotations

from dataclasses import replace

from factories import small_matrix
from tradeoff.core.model import Score
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetScore
from tradeoff.gui.value.portfolio_view import PortfolioView
from tradeoff.gui.value.vfm_view import ValueView


def with_prices(worst: float, prices: dict[str, float]) -> Document:
    """The small matrix with Price (a cost, best 0) on a scale up to ``worst``."""
    m = small_matrix()
    m.criteria[0] = replace(m.criteria[0], worst=worst, unit="€")
    for option, price in prices.items():
        m.scores[(option, "price")] = Score(value=price)
    return Document(m)


def shown(qtbot, view):
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view._stale)
    return view


def cost_column(table) -> set[str]:
    model = table.model()
    return {model.index(r, 1).data() for r in range(model.rowCount())}


PRICES = {"a": 1234567, "b": 2500000.5, "c": 987654.25}


def test_value_table_shows_every_digit_of_a_cost(qtbot):
    view = shown(qtbot, ValueView(with_prices(10_000_000, PRICES)))
    assert cost_column(view.table) == {"1234567 €", "2500000.5 €", "987654.25 €"}


def test_portfolio_table_shows_every_digit_of_a_cost(qtbot):
    view = shown(qtbot, PortfolioView(with_prices(10_000_000, PRICES)))
    assert cost_column(view.table) == {"1234567", "2500000.5", "987654.25"}


def test_a_budget_can_be_set_as_finely_as_the_costs_are_given(qtbot):
    # Costs in M€ of a few thousand euros each: a budget rounded to 0.01 M€ would fund
    # everything (0.01) or nothing (0.00).
    view = shown(qtbot, PortfolioView(with_prices(0.01, {"a": 0.004, "b": 0.003, "c": 0.002})))
    assert view.budget_box.value() == 0.003  # a third of 0.009, not 0.00
    assert len(view.chosen.selected) == 1
    view.budget_box.setValue(0.005)
    assert view.chosen.budget == 0.005
    assert sorted(view.selected_names()) == ["Beta", "Gamma"]  # 0.003 + 0.002
    assert "Budget 0.005 €" in view.summary.text()
    assert "costing 0.005 €" in view.summary.text()


def test_a_budget_set_finely_still_shows_as_set_when_the_costs_grow_coarser(qtbot):
    doc = with_prices(10, {"a": 0.004, "b": 0.003, "c": 0.002})
    view = shown(qtbot, PortfolioView(doc))
    view.budget_box.setValue(0.005)
    for option, price in {"a": 4, "b": 3, "c": 2}.items():
        doc.push(SetScore(doc, option, "price", Score(value=price)))
    qtbot.waitUntil(lambda: not view._stale)
    assert view.budget == 0.005 and view.budget_box.value() == 0.005
    assert "Budget 0.005 €" in view.summary.text()
