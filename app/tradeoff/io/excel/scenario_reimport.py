"""Read back the scenario overrides a reader changed on an exported Scenarios sheet.

The overrides travel in the hidden sheet with the rest of the matrix; each
scenario block on the Scenarios sheet shows them as plain (shaded) cells, the
other cells being formulas over the Scores sheet. A changed override cell
comes back as that override's new score; an emptied one as a missing score in
that scenario. The positions are those :class:`ScenarioSheet` wrote, which
depend only on the options, criteria and scenarios of the matrix.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tradeoff.core.model import Criterion, DecisionMatrix, ScoreValue
from tradeoff.io.excel.cells import sheet_values
from tradeoff.io.excel.layout import build_layout
from tradeoff.io.excel.scenario_sheet import SCENARIOS, ScenarioSheet
from tradeoff.io.excel.xlsx_stream import col

# Reads one cell on a criterion's scale (reporting a problem with ``ref``).
ScaleValue = Callable[[Criterion, object, str], ScoreValue | None]


def read_overrides(wb: Any, m: DecisionMatrix, scale_value: ScaleValue,
                   refs: dict[str, str]) -> None:
    """Take each override's value from the Scenarios sheet, if the workbook has one."""
    if not m.scenarios or SCENARIOS not in wb.sheetnames or not m.options or not m.criteria:
        return
    sheet = ScenarioSheet(build_layout(m, 1))
    rows = list(sheet_values(wb[SCENARIOS], max_row=sheet.row_count,
                             max_col=sheet.n_columns))
    for k, scenario in enumerate(m.scenarios):
        for i, o in enumerate(m.options):
            r = sheet.block_row(k, i)
            row = rows[r - 1] if r <= len(rows) else []
            for j, c in enumerate(m.criteria):
                score = scenario.scores.get((o.id, c.id))
                if score is None:
                    continue
                column = sheet.score_col(j)
                ref = f"{SCENARIOS}!{col(column)}{r}"
                refs[f"scenarios[{k}].scores.{o.id}.{c.id}"] = ref
                score.value = scale_value(c, row[column - 1] if column <= len(row) else None,
                                          ref)
