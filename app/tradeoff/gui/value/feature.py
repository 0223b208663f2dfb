"""Wires the Value-for-money and Portfolio views into the window: two docks
stacked with Results, reached from Analysis › Value for Money and Analysis ›
Portfolio Under a Budget."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from tradeoff.gui.value.portfolio_view import PortfolioView
from tradeoff.gui.value.vfm_view import ValueView

if TYPE_CHECKING:
    from tradeoff.gui.common.host import WindowHost

VALUE_DOCK = "Value for money"
PORTFOLIO_DOCK = "Portfolio"


def install(window: WindowHost) -> tuple[ValueView, PortfolioView]:
    value = ValueView(window.document)
    value.setObjectName("value_view")
    portfolio = PortfolioView(window.document)
    portfolio.setObjectName("portfolio_view")
    for view, title in ((value, VALUE_DOCK), (portfolio, PORTFOLIO_DOCK)):
        dock = window.add_dock(title, view, Qt.DockWidgetArea.BottomDockWidgetArea,
                               tabify_with="Results")
        # Raising a stacked tab sends the view no show event: catch up when it is seen.
        dock.visibilityChanged.connect(lambda seen, v=view: seen and v.schedule())
        view.message.connect(window.show_message)
    menu = window.menu("Analysis")
    menu.addSeparator()
    for key, text, tip, title in (
            ("value_for_money", "&Value for Money",
             "Benefit against cost, with the efficient frontier", VALUE_DOCK),
            ("portfolio", "&Portfolio Under a Budget",
             "The best set of options within a budget, chosen live with a slider",
             PORTFOLIO_DOCK)):
        action = QAction(text, window)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False, t=title: window.raise_dock(t))
        window.actions[key] = action
        menu.addAction(action)
    return value, portfolio
