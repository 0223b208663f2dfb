"""The Screening, Value for money and Portfolio sheets: fixed numbers computed at export.

**Screening** (when a criterion has a must-have threshold) lists each option
that fails one, with the reason; those options are left out of the Methods,
Sensitivity and Uncertainty sheets, of value for money and of the portfolio.
**Value for money** (when a cost criterion is chosen) lists every option's
cost, benefit (0–100, the other criteria), benefit per unit cost, whether it
is on the efficient frontier and what it needs to reach it. **Portfolio**
(when a budget is given too) lists the chosen options and their totals, then
the order of merit with its knee.

The sheets are stacks of titled tables laid out as the Sensitivity sheet is
(:class:`tradeoff.io.excel.analysis_sheets.ReportSheet`), every name written as text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl import Workbook

from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.portfolio import best_portfolio, merit_order, portfolio_inputs
from tradeoff.core.robustness_report import ReportTable
from tradeoff.core.screening import screen, without_screened
from tradeoff.core.value_for_money import value_for_money
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.analysis import AnalysisLimits
from tradeoff.io.excel.analysis_sheets import SHEET_TITLES, ReportSheet
from tradeoff.io.excel.style import Styles
from tradeoff.io.excel.xlsx_stream import SheetRows

SCREENING_SHEET = "Screening"
VALUE_SHEET = "Value for money"
PORTFOLIO_SHEET = "Portfolio"
SHEET_TITLES.update({
    SCREENING_SHEET: "Screening: options that fail a must-have and are left out of the ranking",
    VALUE_SHEET: "Value for money: benefit against cost, and the efficient frontier",
    PORTFOLIO_SHEET: "Portfolio: the options that give the most benefit within the budget",
})


@dataclass(frozen=True)
class ValueOptions:
    """Which criterion is the cost, and the portfolio's budget (None: no Portfolio sheet)."""

    cost: str
    budget: float | None = None


@dataclass
class _Content:
    """What :class:`ReportSheet` reads: the profile, the limits and the tables by sheet."""

    profile_name: str
    tables: dict[str, list[ReportTable]]
    sheet_notes: dict[str, list[str]] = field(default_factory=dict)
    limits: AnalysisLimits = field(default_factory=AnalysisLimits)


def value_tables(matrix: DecisionMatrix, profile: WeightProfile,
                 options: ValueOptions | None) -> dict[str, list[ReportTable]]:
    """The tables of each sheet (a sheet with no tables is not written)."""
    out: dict[str, list[ReportTable]] = {}
    failures = screen(matrix)
    if failures:
        out[SCREENING_SHEET] = [ReportTable(
            "Options screened out", ["Option", "Criterion", "Score", "Must reach", "Reason"],
            [[matrix.option(s.option).name, matrix.criterion(s.criterion).name,
              matrix.criterion(s.criterion).format_value(s.score),
              matrix.criterion(s.criterion).format_value(s.threshold), s.describe(matrix)]
             for s in failures],
            note="An option scoring worse than a criterion's must-have threshold is left out "
                 "of the analyses; the Summary and Values sheets still list it.")]
    if options is None:
        return out
    kept = without_screened(matrix)
    vfm = value_for_money(kept, profile, options.cost)
    unit = f" ({vfm.unit})" if vfm.unit else ""
    out[VALUE_SHEET] = [ReportTable(
        f"Benefit against {vfm.cost_name}",
        ["Option", f"{vfm.cost_name}{unit}", "Benefit (0–100)", "Benefit per unit cost",
         "On the frontier", "Benefit to reach it", f"or cost to shed{unit}"],
        [[p.name, p.cost, p.benefit, p.ratio, p.efficient,
          None if p.efficient else p.benefit_gap, None if p.efficient else p.cost_gap]
         for p in vfm.by_ratio()],
        note="Benefit is the additive total over the other criteria, their weights rescaled "
             "to sum to 1: " + ", ".join(f"{kept.criterion(c).name} {w:.0%}"
                                         for c, w in vfm.benefit_weights.items()) + ".")]
    if options.budget is None:
        return out
    inputs = portfolio_inputs(kept, profile, options.cost)
    chosen = best_portfolio(inputs.costs, inputs.benefits, options.budget, names=inputs.names)
    merit = merit_order(inputs.costs, inputs.benefits)
    picked = set(chosen.selected)
    knee = merit.order[merit.knee] if merit.knee is not None else None
    out[PORTFOLIO_SHEET] = [
        ReportTable(f"Chosen within a budget of {options.budget:g}",
                    ["Option", "Cost", "Benefit"],
                    [[inputs.names[i], float(inputs.costs[i]), float(inputs.benefits[i])]
                     for i in chosen.selected]
                    + [["Total", chosen.total_cost, chosen.total_benefit]],
                    note=f"{len(picked)} of {len(inputs.names)} options, the most benefit the "
                         "budget can buy (an exact mixed-integer programme)."),
        ReportTable("Order of merit", ["Option", "Cost", "Benefit", "Benefit per unit cost",
                                       "Cumulative cost", "Cumulative benefit", "Chosen",
                                       "Knee"],
                    [[inputs.names[i], float(inputs.costs[i]), float(inputs.benefits[i]),
                      float(inputs.benefits[i] / inputs.costs[i]) if inputs.costs[i] > 0
                      else None, float(c), float(b), i in picked,
                      "knee" if i == knee else None]
                     for i, c, b in zip(merit.order, merit.cumulative_cost,
                                        merit.cumulative_benefit, strict=True)],
                    note="Options by benefit per unit cost; the knee is where each unit of "
                         "cost starts to buy markedly less benefit."),
    ]
    return out


def add_value_sheets(wb: Workbook, tables: dict[str, list[ReportTable]], profile_name: str,
                     st: Styles) -> list[SheetRows]:
    """Create the sheets (before the hidden sheet) and return their rows to stream."""
    content = _Content(profile_name, tables)
    sheets = []
    for title in (SCREENING_SHEET, VALUE_SHEET, PORTFOLIO_SHEET):
        if title not in tables:
            continue
        position = wb.sheetnames.index(L.EMBEDDED) if L.EMBEDDED in wb.sheetnames \
            else len(wb.sheetnames)
        report = ReportSheet(title, content)  # type: ignore[arg-type]
        report.frame(wb.create_sheet(title, position))
        sheets.append(SheetRows(title, report.rows(st), report.row_count, report.last_cell))
    return sheets

