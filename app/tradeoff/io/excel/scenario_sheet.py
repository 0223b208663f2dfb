"""The Scenarios sheet: each scenario's totals, regret and maximum regret as live formulas.

At the top, one row per option: the base-case total (from Values), each
scenario's total, each scenario's regret (the best total in that scenario
minus the option's), the maximum regret, a mark on the minimax-regret choice
(every option on a tie) and, when the scenarios have probabilities, the
expected total; under it the winner of each scenario. Below, one block per
scenario: its scores — an overridden score is written as a number or level
(shaded, a reader may change it), every other one follows the Scores sheet —
their values by the same value functions as the Values sheet, and the total
by SUMPRODUCT with the active profile's weights. So changing a weight, a
base score or an override in the workbook updates every scenario, the regret
and the minimax choice, as :func:`tradeoff.core.scenarios.analyse_scenarios`
computes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from tradeoff.core.model import Scenario, Score
from tradeoff.core.scoring import RANK_DECIMALS
from tradeoff.io.excel import formulas as F
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.grid import value_formula
from tradeoff.io.excel.layout import WorkbookLayout
from tradeoff.io.excel.style import Styles, TextStyle
from tradeoff.io.excel.xlsx_stream import (
    SheetRows,
    col,
    formula_xml,
    number_xml,
    row_xml,
    text_xml,
)

SCENARIOS = "Scenarios"
OVERRIDE_FILL = PatternFill("solid", start_color="E6DDF5")  # a scenario's own score
WINNER_FONT = Font(bold=True, color="1B5E20")
MINIMAX = "minimax"
NOTE = ("Live formulas over each scenario's scores and the active profile's weights (Weights "
        "sheet). Shaded scores are the scenario's own; the others follow the Scores sheet. "
        "Regret = the best total in the scenario − the option's total; the minimax-regret "
        "choice has the smallest maximum regret.")
PROBABILITY_ROW, HEADER_ROW, FIRST_ROW = 3, 4, 5


@dataclass(frozen=True)
class OverrideStyles:
    number: int
    text: TextStyle


def follow_formula(i: int, j: int) -> str:
    """The formula of a score a scenario does not override: option ``i``'s score on
    criterion ``j`` in the Scores sheet (empty where that is empty)."""
    base = f"{L.SCORES}!{col(j + 2)}{L.SCORES_FIRST_ROW + i}"
    return F.blank_if_empty(base, base)


def ordered_row(r: int, cells: list[tuple[int, str]]) -> str:
    """A row whose cells were built out of column order (spreadsheets need them in order)."""
    return row_xml(r, [xml for _c, xml in sorted(cells, key=lambda pair: pair[0])])


def register_override_styles(wb: Workbook) -> OverrideStyles:
    scratch = wb.create_sheet("scenario-styles-scratch")
    number, text, quoted = scratch["A1"], scratch["A2"], scratch["A3"]
    for cell in (number, text, quoted):
        cell.fill = OVERRIDE_FILL
    quoted.quotePrefix = True
    ids = OverrideStyles(number.style_id, TextStyle(text.style_id, quoted.style_id))
    wb.remove(scratch)
    return ids


class ScenarioSheet:
    """Positions and rows of the Scenarios sheet for one layout."""

    def __init__(self, layout: WorkbookLayout) -> None:
        self.layout = layout
        self.scenarios: list[Scenario] = layout.matrix.scenarios
        self.n, self.s, self.c = layout.n_options, len(self.scenarios), layout.n_criteria
        self.last_row = FIRST_ROW + self.n - 1
        self.winner_row = self.last_row + 1
        self.with_probabilities = bool(self.scenarios) and all(
            sc.probability is not None for sc in self.scenarios)
        self.first_block = self.winner_row + 3

    # -- columns of the summary ----------------------------------------------
    BASE_COL = 2

    def total_col(self, k: int) -> int:
        return 3 + k

    def regret_col(self, k: int) -> int:
        return 3 + self.s + k

    @property
    def max_regret_col(self) -> int:
        return 3 + 2 * self.s

    @property
    def minimax_col(self) -> int:
        return self.max_regret_col + 1

    @property
    def expected_col(self) -> int:
        return self.max_regret_col + 2

    # -- a scenario's block -----------------------------------------------------
    def block_top(self, k: int) -> int:
        return self.first_block + k * (self.n + 3)

    def block_row(self, k: int, i: int) -> int:
        return self.block_top(k) + 2 + i

    def score_col(self, j: int) -> int:
        return 2 + j

    def value_col(self, j: int) -> int:
        return 3 + self.c + j

    @property
    def block_total_col(self) -> int:
        return 4 + 2 * self.c

    @property
    def n_columns(self) -> int:
        summary = self.expected_col if self.with_probabilities else self.minimax_col
        return max(summary, self.block_total_col)

    @property
    def row_count(self) -> int:
        return self.block_top(self.s - 1) + 1 + self.n

    @property
    def last_cell(self) -> str:
        return f"{col(self.n_columns)}{self.row_count}"

    def total_range(self, k: int) -> str:
        letter = col(self.total_col(k))
        return f"{letter}${FIRST_ROW}:{letter}${self.last_row}"

    # -- the frame: widths, panes, highlights -------------------------------------
    def frame(self, ws: Worksheet) -> None:
        ws.column_dimensions["A"].width = 30
        for c in range(2, self.n_columns + 1):
            ws.column_dimensions[col(c)].width = 14
        ws.freeze_panes = f"B{FIRST_ROW}"
        for k in range(self.s):
            letter = col(self.total_col(k))
            top = f"{letter}{FIRST_ROW}"
            rule = FormulaRule(formula=[f'AND({top}<>"",{top}=MAX({self.total_range(k)}))'],
                               font=WINNER_FONT)
            ws.conditional_formatting.add(f"{top}:{letter}{self.last_row}", rule)
        mark = f"{col(self.minimax_col)}{FIRST_ROW}"
        ws.conditional_formatting.add(
            f"A{FIRST_ROW}:A{self.last_row}",
            FormulaRule(formula=[f'${col(self.minimax_col)}{FIRST_ROW}="{MINIMAX}"'],
                        font=WINNER_FONT))
        ws.conditional_formatting.add(
            f"{mark}:{col(self.minimax_col)}{self.last_row}",
            FormulaRule(formula=[f'{mark}="{MINIMAX}"'], font=WINNER_FONT))

    # -- rows ----------------------------------------------------------------------
    def rows(self, st: Styles, ov: OverrideStyles) -> Iterator[str]:
        yield row_xml(1, [text_xml("A1", SCENARIOS, st.title.plain)])
        yield row_xml(2, [text_xml("A2", NOTE, st.helper_text.plain)])
        yield from self._summary(st)
        for k, scenario in enumerate(self.scenarios):
            yield from self._block(k, scenario, st, ov)

    def _summary(self, st: Styles) -> Iterator[str]:
        if self.with_probabilities:
            cells = [text_xml(f"A{PROBABILITY_ROW}", "Probability", st.label.plain)]
            for k, sc in enumerate(self.scenarios):
                cells.append(number_xml(f"{col(self.total_col(k))}{PROBABILITY_ROW}",
                                        float(sc.probability or 0.0), st.input_number))
            yield row_xml(PROBABILITY_ROW, cells)
        head = [(1, text_xml(f"A{HEADER_ROW}", "Option", st.header.plain)),
                (self.BASE_COL, text_xml(f"{col(self.BASE_COL)}{HEADER_ROW}",
                                         "Base case (not counted)", st.header.plain))]
        for k, sc in enumerate(self.scenarios):
            head.append((self.total_col(k), text_xml(f"{col(self.total_col(k))}{HEADER_ROW}",
                                                     sc.name, st.header.plain,
                                                     st.header.quoted)))
            head.append((self.regret_col(k), text_xml(f"{col(self.regret_col(k))}{HEADER_ROW}",
                                                      f"Regret: {sc.name}", st.header.plain,
                                                      st.header.quoted)))
        head.append((self.max_regret_col, text_xml(f"{col(self.max_regret_col)}{HEADER_ROW}",
                                                   "Max regret", st.header.plain)))
        head.append((self.minimax_col, text_xml(f"{col(self.minimax_col)}{HEADER_ROW}",
                                                "Minimax regret", st.header.plain)))
        if self.with_probabilities:
            head.append((self.expected_col, text_xml(f"{col(self.expected_col)}{HEADER_ROW}",
                                                     "Expected total", st.header.plain)))
        yield ordered_row(HEADER_ROW, head)
        first_regret, last_regret = col(self.regret_col(0)), col(self.regret_col(self.s - 1))
        max_col = col(self.max_regret_col)
        max_range = f"${max_col}${FIRST_ROW}:${max_col}${self.last_row}"
        for i in range(self.n):
            r = FIRST_ROW + i
            cells = [(1, formula_xml(f"A{r}", f"{L.SCORES}!$A{L.SCORES_FIRST_ROW + i}",
                                     st.text.plain)),
                     (self.BASE_COL, formula_xml(f"{col(self.BASE_COL)}{r}",
                                                 f"INDEX(totals,{i + 1})", st.total))]
            for k in range(self.s):
                block_total = f"{col(self.block_total_col)}{self.block_row(k, i)}"
                total = f"{col(self.total_col(k))}{r}"
                cells.append((self.total_col(k), formula_xml(total, block_total, st.total)))
                cells.append((self.regret_col(k), formula_xml(
                    f"{col(self.regret_col(k))}{r}",
                    F.blank_if_empty(total, f"MAX({self.total_range(k)})-{total}"), st.total)))
            regrets = f"{first_regret}{r}:{last_regret}{r}"
            cells.append((self.max_regret_col, formula_xml(
                f"{max_col}{r}", f'IF(COUNT({regrets})<{self.s},"",MAX({regrets}))', st.total)))
            mine = f"{max_col}{r}"
            cells.append((self.minimax_col, formula_xml(
                f"{col(self.minimax_col)}{r}",
                F.blank_if_empty(mine, f'IF(ROUND({mine},{RANK_DECIMALS})=ROUND(MIN('
                                       f'{max_range}),{RANK_DECIMALS}),"{MINIMAX}","")'),
                st.text.plain)))
            if self.with_probabilities:
                totals = f"{col(self.total_col(0))}{r}:{col(self.total_col(self.s - 1))}{r}"
                probs = (f"${col(self.total_col(0))}${PROBABILITY_ROW}:"
                         f"${col(self.total_col(self.s - 1))}${PROBABILITY_ROW}")
                cells.append((self.expected_col, formula_xml(
                    f"{col(self.expected_col)}{r}",
                    f'IF(COUNT({totals})<{self.s},"",SUMPRODUCT({totals},{probs}))',
                    st.total)))
            yield ordered_row(r, cells)
        winners = [text_xml(f"A{self.winner_row}", "Winner", st.label.plain)]
        for k in range(self.s):
            rng = self.total_range(k)
            winners.append(formula_xml(
                f"{col(self.total_col(k))}{self.winner_row}",
                f'IFERROR(INDEX($A${FIRST_ROW}:$A${self.last_row},MATCH(MAX({rng}),{rng},0)),"")',
                st.label.plain))
        yield row_xml(self.winner_row, winners)

    def _block(self, k: int, scenario: Scenario, st: Styles,
               ov: OverrideStyles) -> Iterator[str]:
        m = self.layout.matrix
        top = self.block_top(k)
        yield row_xml(top, [text_xml(f"A{top}", f"Scenario: {scenario.name}", st.label.plain,
                                     st.label.quoted)])
        head = [(1, text_xml(f"A{top + 1}", "Option", st.header.plain))]
        for j in range(self.c):
            name = f"{L.SCORES}!{col(j + 2)}$1"
            head.append((self.score_col(j), formula_xml(f"{col(self.score_col(j))}{top + 1}",
                                                        name, st.header.plain)))
            head.append((self.value_col(j), formula_xml(f"{col(self.value_col(j))}{top + 1}",
                                                        f'"Value: "&{name}', st.header.plain)))
        head.append((self.block_total_col, text_xml(f"{col(self.block_total_col)}{top + 1}",
                                                    "Total", st.header.plain)))
        yield ordered_row(top + 1, head)
        for i, o in enumerate(m.options):
            r = self.block_row(k, i)
            cells = [(1, formula_xml(f"A{r}", f"{L.SCORES}!$A{L.SCORES_FIRST_ROW + i}",
                                     st.text.plain))]
            for j, c in enumerate(m.criteria):
                ref = f"{col(self.score_col(j))}{r}"
                cells.append((self.score_col(j), self._score_xml(
                    ref, scenario.scores.get((o.id, c.id)), i, j, ov)))
                cells.append((self.value_col(j), formula_xml(
                    f"{col(self.value_col(j))}{r}", value_formula(self.layout, j, ref),
                    st.value)))
            values = f"{col(self.value_col(0))}{r}:{col(self.value_col(self.c - 1))}{r}"
            cells.append((self.block_total_col, formula_xml(
                f"{col(self.block_total_col)}{r}", F.total(values, self.c, "weights"),
                st.total)))
            yield ordered_row(r, cells)

    @staticmethod
    def _score_xml(ref: str, cell: Score | None, i: int, j: int, ov: OverrideStyles) -> str:
        """An override as itself (shaded); any other score as the Scores sheet's."""
        if cell is None:
            return formula_xml(ref, follow_formula(i, j))
        if isinstance(cell.value, str):
            return text_xml(ref, cell.value, ov.text.plain, ov.text.quoted)
        if cell.value is not None:
            return number_xml(ref, cell.value, ov.number)
        return f'<c r="{ref}" s="{ov.number}"/>'  # overridden as missing


def add_scenario_sheet(wb: Workbook, layout: WorkbookLayout, st: Styles) -> list[SheetRows]:
    """Create the Scenarios sheet (before the hidden sheet) when the matrix has scenarios."""
    if not layout.matrix.scenarios:
        return []
    sheet = ScenarioSheet(layout)
    ov = register_override_styles(wb)
    position = wb.sheetnames.index(L.EMBEDDED) if L.EMBEDDED in wb.sheetnames \
        else len(wb.sheetnames)
    sheet.frame(wb.create_sheet(SCENARIOS, position))
    return [SheetRows(SCENARIOS, sheet.rows(st, ov), sheet.row_count, sheet.last_cell)]
