"""Totals and margins in the exported workbook, as a spreadsheet shows them: options
ranked apart show different totals and a margin above zero.

The workbook is recalculated by LibreOffice, so the numbers read back are the ones
its formulas compute, shown through the number format the cells carry.
"""

from __future__ import annotations

import openpyxl
import pytest

from libreoffice import recalculate, soffice
from robustness_factories import numeric_matrix
from tradeoff.core.model import Scenario, Score
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.export import export_workbook

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; "
                                                 "scripts/install-system-deps.sh installs it"),
]


def shown(value: float, number_format: str) -> str:
    """``value`` as a fixed-decimals number format ("0.0000") shows it."""
    whole, _, decimals = number_format.partition(".")
    assert whole == "0" and set(decimals) <= {"0"}, number_format
    return f"{value:.{len(decimals)}f}"


@pytest.fixture(scope="module")
def close_workbook(tmp_path_factory):
    """O0 leads O1 by 0.00001 in the base case; in "Wet" O1 leads O0 by as little."""
    matrix = numeric_matrix([[5.0001], [5.0], [2.0]], [1.0])
    matrix.scenarios = [Scenario("wet", "Wet", scores={("o0", "c0"): Score(4.9999)})]
    folder = tmp_path_factory.mktemp("close")
    path = folder / "close.xlsx"
    export_workbook(matrix, path, analysis=False)
    out = recalculate([path], tmp_path_factory.mktemp("recalculated"),
                      tmp_path_factory.mktemp("lo-profile"))
    return openpyxl.load_workbook(out[path], data_only=True)


def test_the_summary_shows_options_ranked_apart_apart(close_workbook):
    ws = close_workbook[L.SUMMARY]
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "Rank")
    rows = [[ws.cell(row=r, column=c) for c in range(1, 5)] for r in range(head + 1, head + 4)]
    assert [(r[0].value, r[1].value) for r in rows] == [(1, "O0"), (2, "O1"), (3, "O2")]
    assert rows[0][2].value == pytest.approx(0.50001) and rows[1][2].value == pytest.approx(0.5)
    first, second = (shown(r[2].value, r[2].number_format) for r in rows[:2])
    assert float(first) > float(second), (first, second)
    lead = shown(rows[0][3].value, rows[0][3].number_format)
    assert float(lead) > 0, lead


def test_the_values_and_scenario_sheets_show_them_apart_too(close_workbook):
    values = close_workbook[L.VALUES]
    header = {values.cell(row=1, column=c).value: c for c in range(1, values.max_column + 1)}
    total, margin = header["Total"], header["Margin to next"]
    o0, o1 = (values.cell(row=r, column=total) for r in (5, 6))
    lead = values.cell(row=5, column=margin)
    assert float(shown(lead.value, lead.number_format)) > 0
    assert shown(o0.value, o0.number_format) != shown(o1.value, o1.number_format)
    sheet = close_workbook["Scenarios"]
    cells = [c for row in sheet.iter_rows() for c in row
             if isinstance(c.value, float) and c.value == pytest.approx(0.49999)]
    assert cells, "the Wet total of O0 is on the Scenarios sheet"
    wet = cells[0]
    assert float(shown(wet.value, wet.number_format)) < 0.5


def test_a_share_of_draws_shows_as_0_or_100_percent_only_when_it_is(tmp_path):
    # O0 ranks first in nearly every draw around the profile (±20 %, seed 1), not in all
    matrix = numeric_matrix([[9, 1], [1, 9], [4, 4]], [0.5833, 0.4167])
    path = tmp_path / "nearly_sure.xlsx"
    export_workbook(matrix, path)
    ws = openpyxl.load_workbook(path)["Uncertainty"]
    head = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value ==
                "Rank acceptability") + 2
    assert [ws.cell(row=head, column=c).value for c in range(1, 3)] == ["Option", "Rank 1"]
    first = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2) for r in
             range(head + 1, head + 4)}
    assert 0.99 < first["O0"].value < 1 and 0 < first["O1"].value < 0.01  # the case at hand
    assert first["O2"].value == 0
    for cell in first.values():
        text = shown_percent(cell.value, cell.number_format)
        assert (float(text) == 0) == (cell.value == 0), (cell.value, text)
        assert (float(text) == 100) == (cell.value == 1), (cell.value, text)


def shown_percent(value: float, number_format: str) -> str:
    """``value`` as a fixed-decimals percent format ("0.0%") shows it, without the sign."""
    assert number_format.endswith("%"), number_format
    return shown(value * 100, number_format.removesuffix("%"))
