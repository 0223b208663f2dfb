"""Read back the scenario scores a reader changed on an exported Scenarios sheet.

The overrides travel in the hidden sheet with the rest of the matrix; each
scenario block on the Scenarios sheet shows them as plain (shaded) cells, the
other cells being formulas over the Scores sheet. A changed override cell
comes back as that override's new score; an emptied one as a missing score in
that scenario. The positions are those :class:`ScenarioSheet` wrote, which
depend only on the options, criteria and scenarios of the matrix.

A formula cell the reader replaced is not dropped: the sheet shows their number
in that scenario and computes with it, so it becomes a new override (a value
only: the base cell's reason is not the scenario's), and the import says so
in its warnings, naming the cell. A number equal to the base score changes
nothing and makes no override. Telling a typed value from the exported formula
needs the formulas themselves, which the values-only reading of the workbook
does not keep, so the sheet is read a second time for them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl

from tradeoff.core.model import Criterion, DecisionMatrix, Score, ScoreValue
from tradeoff.io.excel.cells import sheet_values
from tradeoff.io.excel.exact_numbers import as_exported
from tradeoff.io.excel.layout import SCORES, build_layout
from tradeoff.io.excel.scenario_sheet import SCENARIOS, ScenarioSheet, follow_formula
from tradeoff.io.excel.xlsx_stream import col

# Reads one cell on a criterion's scale (reporting a problem with ``ref``).
ScaleValue = Callable[[Criterion, object, str], ScoreValue | None]
# Reports a problem with a cell: (cell, message).
Problem = Callable[[str, str], None]


def read_overrides(wb: Any, m: DecisionMatrix, scale_value: ScaleValue,
                   refs: dict[str, str], *, path: Path | None = None,
                   warnings: list[str] | None = None,
                   problem: Problem | None = None) -> None:
    """Take each scenario score from the Scenarios sheet, if the workbook has one.

    ``path`` is the workbook's file, read again for its formulas; without it only
    the cells that were overrides are read.
    """
    if not m.scenarios or SCENARIOS not in wb.sheetnames or not m.options or not m.criteria:
        return
    sheet = ScenarioSheet(build_layout(m, 1))
    rows = _grid(sheet_values(wb[SCENARIOS], max_row=sheet.row_count,
                              max_col=sheet.n_columns), sheet)
    formulas = None
    if path is not None:
        try:
            formulas = _formulas(path, sheet)
        except Exception:  # openpyxl raises many kinds for a damaged package
            if problem is None:
                raise
            problem(f"{SCENARIOS}!A1", "the sheet's formulas cannot be read")
    for k, scenario in enumerate(m.scenarios):
        for i, o in enumerate(m.options):
            r = sheet.block_row(k, i)
            for j, c in enumerate(m.criteria):
                column = sheet.score_col(j)
                ref = f"{SCENARIOS}!{col(column)}{r}"
                key = f"scenarios[{k}].scores.{o.id}.{c.id}"
                cell = rows[r - 1][column - 1]
                score = scenario.scores.get((o.id, c.id))
                if score is not None:
                    refs[key] = ref
                    score.value = as_exported(score.value, scale_value(c, cell, ref))
                    continue
                if formulas is None:
                    continue
                formula = formulas[r - 1][column - 1]
                if formula is not None and _same_formula(formula, follow_formula(i, j)):
                    continue  # still following the Scores sheet
                value = scale_value(c, cell, ref)
                base = m.scores.get((o.id, c.id))
                base_value = base.value if base is not None else None
                if value == base_value:
                    continue  # the base score, typed or computed: nothing changes
                if formula is not None and cell is None and problem is not None:
                    problem(ref, f"holds a formula of its own with no computed value; type "
                                 f"{o.name!r}'s {c.name!r} score in “{scenario.name}” "
                                 "as a value, or open and save the workbook in a "
                                 "spreadsheet first")
                    continue
                refs[key] = ref
                scenario.scores[(o.id, c.id)] = Score(value=value)
                if warnings is not None:
                    warnings.append(_new_override_note(ref, o.name, c, scenario.name, value,
                                                       base_value))


def _grid(values: Any, sheet: ScenarioSheet) -> list[list[object]]:
    """Rows × columns of the sheet, padded with None where the file has no cell."""
    rows = [list(row) for row in values]
    rows += [[] for _ in range(sheet.row_count - len(rows))]
    return [row + [None] * (sheet.n_columns - len(row)) for row in rows]


def _formulas(path: Path, sheet: ScenarioSheet) -> list[list[str | None]]:
    """The formula of every cell of the Scenarios sheet (None where a cell holds none)."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        out = []
        for row in wb[SCENARIOS].iter_rows(max_row=sheet.row_count, max_col=sheet.n_columns):
            out.append([str(getattr(c.value, "text", c.value)) if c.data_type == "f" else None
                        for c in row])
    finally:
        wb.close()
    out += [[] for _ in range(sheet.row_count - len(out))]
    return [row + [None] * (sheet.n_columns - len(row)) for row in out]


def _same_formula(found: str, written: str) -> bool:
    """The formula written on export, as a spreadsheet may save it again (an ``=``,
    ``$`` marks, spaces, quotes around the sheet's name, letter case)."""
    def canonical(text: str) -> str:
        text = re.sub(r"[\s$]", "", text.removeprefix("=")).upper()
        return text.replace(f"'{SCORES.upper()}'!", f"{SCORES.upper()}!")
    return canonical(found) == canonical(written)


def _new_override_note(ref: str, option: str, c: Criterion, scenario: str,
                       value: ScoreValue | None, base: ScoreValue | None) -> str:
    def shown(v: ScoreValue | None) -> str:
        return "no score" if v is None else c.format_value(v)
    return (f"{ref}: {option} / {c.name} in “{scenario}” was typed over the formula that "
            f"follows the base case; it is now this scenario's own score, {shown(value)} "
            f"(the base case has {shown(base)})")
