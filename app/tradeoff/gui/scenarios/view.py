"""The Scenarios view (Analysis › Scenarios): which option wins in which world,
which is safest across them, and what to watch for.

Options × scenarios with totals and ranks (each scenario's winner
highlighted), the regret table with each option's maximum regret and the
minimax-regret choice, expected totals when the scenarios have probabilities,
a chart of each option's total across the scenarios, and the signposts. It
recomputes from :func:`tradeoff.core.scenarios.analyse_scenarios` whenever a
score, a scenario or a weight changes, so it follows a weight slider as it moves;
while it is out of sight (a tab behind Results) it waits until it is shown.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tradeoff.core.errors import TradeoffError
from tradeoff.core.printed_numbers import decimals_apart, decimals_from_zero
from tradeoff.core.scenarios import BASE_CASE, ScenarioAnalysis, analyse_scenarios
from tradeoff.gui.document import Document
from tradeoff.gui.scenarios.chart import ScenarioChart

WINNER_BRUSH = QBrush(QColor(46, 160, 67, 90))
BOLD = QFont()
BOLD.setBold(True)
CHART_DELAY_MS = 40  # the chart redraws when a drag pauses; the tables follow every step


class ScenariosView(QWidget):
    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.analysis: ScenarioAnalysis | None = None
        self.stale = True  # the document changed while the view was out of sight
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals = QTableWidget()
        self.totals.setObjectName("scenario_totals")
        self.regret = QTableWidget()
        self.regret.setObjectName("scenario_regret")
        for table, name in ((self.totals, "Totals by scenario"),
                            (self.regret, "Regret by scenario")):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.setAccessibleName(name)
            table.setTabKeyNavigation(False)  # Tab moves on; arrows move between cells
        self.signposts = QTextBrowser()
        self.signposts.setObjectName("scenario_signposts")
        self.signposts.setAccessibleName("Signposts")
        self.chart = ScenarioChart()
        tabs = QTabWidget()
        tabs.setAccessibleName("Scenario views")
        tabs.addTab(self.totals, "Totals")
        tabs.addTab(self.regret, "Regret")
        tabs.addTab(self.chart, "Chart")
        tabs.addTab(self.signposts, "Signposts")
        self.tabs = tabs
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(tabs)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self._chart_timer = QTimer(self)
        self._chart_timer.setSingleShot(True)
        self._chart_timer.setInterval(CHART_DELAY_MS)
        self._chart_timer.timeout.connect(self._draw_chart)
        for signal in (doc.changed, doc.weights_changed, doc.scenarios_changed,
                       doc.replaced):
            signal.connect(self.refresh)
        self.refresh()

    # -- computing ---------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.came_into_sight()

    def came_into_sight(self) -> None:
        """Catch up with the changes made while out of sight (its tab was raised)."""
        if self.stale:
            self.refresh(force=True)

    @property
    def out_of_sight(self) -> bool:
        # A dock tab behind another counts as visible, with nothing of it on screen.
        return not self.isVisible() or self.visibleRegion().isEmpty()

    def refresh(self, force: bool = False) -> None:
        if self.out_of_sight and not force:
            self.stale = True
            # A chart still due would draw the last analysis against the changed matrix
            # (after File › Open, one whose scenarios it does not know).
            self._chart_timer.stop()
            return
        self.stale = False
        m = self.doc.matrix
        try:
            self.analysis = analyse_scenarios(m, self.doc.active_profile_id()) \
                if m.scenarios and m.profiles else None
            why = "" if m.scenarios else ("This matrix has no scenarios yet: add them with "
                                          "Scenarios… beside the weight profile.")
        except (TradeoffError, KeyError) as e:
            self.analysis, why = None, f"No scenario analysis: {e}"
        if self.analysis is None:
            self.summary.setText(why or "No scenario analysis.")
            for table in (self.totals, self.regret):
                table.clear()
                table.setRowCount(0)
                table.setColumnCount(0)
            self.signposts.clear()
            self.chart.set_data([], [])
            return
        self._fill_summary(self.analysis)
        self._fill_totals(self.analysis)
        self._fill_regret(self.analysis)
        self._fill_signposts(self.analysis)
        self._chart_timer.start()

    def _draw_chart(self) -> None:
        a = self.analysis
        if a is None:
            return
        m = self.doc.matrix
        series = [(o.name, [float(a.totals.at[o.id, s.id]) for s in m.scenarios],
                   o.id in a.minimax) for o in m.options]
        self.chart.set_data([s.name for s in m.scenarios], series)

    # -- showing -----------------------------------------------------------------------
    def _names(self) -> dict[str, str]:
        return {o.id: o.name for o in self.doc.matrix.options}

    def _fill_summary(self, a: ScenarioAnalysis) -> None:
        names = self._names()
        profile = self.doc.active_profile()
        lines = [f"Under “{profile.name if profile else '—'}”:"]
        for o in a.outcomes:
            if not o.winners:
                lines.append(f"If {o.name}: no option has every score.")
            elif len(o.winners) > 1:
                lines.append(f"If {o.name}: {' and '.join(names[w] for w in o.winners)} tie.")
            else:
                decimals = decimals_apart(o.totals)[o.view.option_index(o.winners[0])]
                lines.append(f"If {o.name}: {names[o.winners[0]]} "
                             f"(margin {o.margin:.{decimals}f}).")
        if a.minimax:
            worst = float(a.max_regret[a.minimax[0]])
            tie = " (a tie)" if len(a.minimax) > 1 else ""
            lines.append(f"Safest across scenarios (minimax regret): "
                         f"{' and '.join(names[o] for o in a.minimax)}{tie}, at most "
                         f"{worst:.{decimals_from_zero(worst)}f} behind the best.")
        if a.expected is not None and a.expected.notna().any():
            best = a.expected.idxmax()
            decimals = decimals_apart(a.expected.to_numpy(dtype=float))[
                a.expected.index.get_loc(best)]
            lines.append(f"Highest expected total: {names[best]} "
                         f"({a.expected[best]:.{decimals}f}).")
        self.summary.setText("\n".join(lines))

    def _fill_totals(self, a: ScenarioAnalysis) -> None:
        m = self.doc.matrix
        heads = [BASE_CASE] + [o.name for o in a.outcomes]
        if a.expected is not None:
            heads.append("Expected")
        t = self.totals
        t.clear()
        t.setRowCount(len(m.options))
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        t.setVerticalHeaderLabels([o.name for o in m.options])
        for k, outcome in enumerate([a.base, *a.outcomes]):
            decimals = decimals_apart(outcome.totals)  # ranked apart, shown apart
            for i, o in enumerate(m.options):
                total, rank = outcome.totals[i], outcome.ranks[i]
                text = "—" if math.isnan(rank) else f"{total:.{decimals[i]}f} ({int(rank)})"
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if o.id in outcome.winners:
                    item.setBackground(WINNER_BRUSH)
                    item.setFont(BOLD)
                    item.setToolTip(f"Wins in {outcome.name}")
                t.setItem(i, k, item)
        if a.expected is not None:
            expected = a.expected[[o.id for o in m.options]].to_numpy(dtype=float)
            decimals = decimals_apart(expected)
            for i, value in enumerate(expected):
                t.setItem(i, len(heads) - 1, QTableWidgetItem(
                    "—" if math.isnan(value) else f"{value:.{decimals[i]}f}"))
        t.resizeColumnsToContents()

    def _fill_regret(self, a: ScenarioAnalysis) -> None:
        m = self.doc.matrix
        heads = [o.name for o in a.outcomes] + ["Max regret"]
        t = self.regret
        t.clear()
        t.setRowCount(len(m.options))
        t.setColumnCount(len(heads))
        t.setHorizontalHeaderLabels(heads)
        t.setVerticalHeaderLabels([o.name for o in m.options])
        ids = [o.id for o in m.options]
        table = np.column_stack([a.regret.loc[ids, [s.id for s in m.scenarios]].to_numpy(
            dtype=float), a.max_regret[ids].to_numpy(dtype=float)])
        # regrets a column tells apart (from each other and from none) are shown apart
        decimals = np.column_stack([decimals_apart(np.append(column, 0.0))[:-1]
                                    for column in table.T])
        for i, o in enumerate(m.options):
            values = table[i].tolist()
            for k, value in enumerate(values):
                item = QTableWidgetItem("—" if math.isnan(value) else
                                        f"{value:.{decimals[i, k]}f}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if o.id in a.minimax:
                    item.setFont(BOLD)
                    if k == len(values) - 1:
                        item.setBackground(WINNER_BRUSH)
                        item.setToolTip("The minimax-regret choice: the smallest worst case")
                t.setItem(i, k, item)
        t.resizeColumnsToContents()

    def _fill_signposts(self, a: ScenarioAnalysis) -> None:
        m = self.doc.matrix
        names = self._names()
        scen = {s.id: s.name for s in m.scenarios}
        if not a.signposts:
            self.signposts.setPlainText("Every scenario has the same winner: nothing to "
                                        "watch for.")
            return
        parts = ["<p>The overridden scores that move the margin between two scenarios' "
                 "winners most, largest first — what to watch for.</p>"]
        for post in a.signposts:
            items = []
            for c in post.cells[:5]:
                crit = m.criterion(c.criterion)
                favours = names[post.to_winner] if c.effect > 0 else names[post.from_winner]

                def fmt(v: object, crit=crit) -> str:
                    return "—" if v is None else crit.format_value(v)
                items.append(f"<li>{_esc(names[c.option])} on {_esc(crit.name)}: "
                             f"{_esc(fmt(c.from_value))} → {_esc(fmt(c.to_value))} (base "
                             f"{_esc(fmt(c.base))}); "
                             f"{abs(c.effect):.{decimals_from_zero(c.effect)}f} toward "
                             f"{_esc(favours)}</li>")
            parts.append(f"<p><b>{_esc(scen[post.from_scenario])}</b> "
                         f"({_esc(names[post.from_winner])}) vs "
                         f"<b>{_esc(scen[post.to_scenario])}</b> "
                         f"({_esc(names[post.to_winner])}):</p><ul>{''.join(items)}</ul>")
        self.signposts.setHtml("".join(parts))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
