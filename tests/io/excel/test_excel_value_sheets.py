"""The Screening, Value for money and Portfolio sheets, read back from a real workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from factories import small_matrix
from tradeoff.core.errors import TradeoffError
from tradeoff.core.portfolio import best_portfolio, portfolio_inputs
from tradeoff.core.screening import without_screened
from tradeoff.core.value_for_money import value_for_money
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.excel.value_sheets import ValueOptions
from tradeoff.io.matrix_file import load_matrix

CITY = Path(__file__).resolve().parents[3] / "matrices" / "city-capital-programme.toml"


def table(ws, title: str) -> list[list[object]]:
    """The rows under ``title``'s header row, up to the next blank row."""
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r and r[0] == title)
    header = next(i for i in range(start + 1, len(rows)) if rows[i][0] == "Option")
    out = []
    for r in rows[header + 1:]:
        if not r or r[0] is None:
            break
        out.append(r)
    return out


def test_city_workbook_has_the_three_sheets_matching_the_core(tmp_path):
    m = load_matrix(CITY)
    path = tmp_path / "city.xlsx"
    export_workbook(m, path, analysis=False, value_options=ValueOptions("Capital cost", 120))
    wb = openpyxl.load_workbook(path)
    screening = table(wb["Screening"], "Options screened out")
    assert [r[:4] for r in screening] == [
        ["Tram extension to the airport", "Time to complete", "7 years", "5 years"]]
    kept = without_screened(m)
    vfm = value_for_money(kept, None, "capital-cost")
    rows = table(wb["Value for money"], "Benefit against Capital cost")
    assert [r[0] for r in rows] == [p.name for p in vfm.by_ratio()]
    for r, p in zip(rows, vfm.by_ratio(), strict=True):
        assert r[1] == pytest.approx(p.cost) and r[2] == pytest.approx(p.benefit)
        assert r[4] == ("yes" if p.efficient else "no")
        assert (r[5] is None) == p.efficient
    inputs = portfolio_inputs(kept, None, "capital-cost")
    want = best_portfolio(inputs.costs, inputs.benefits, 120)
    chosen = table(wb["Portfolio"], "Chosen within a budget of 120")
    assert [r[0] for r in chosen[:-1]] == [inputs.names[i] for i in want.selected]
    assert chosen[-1][0] == "Total"
    assert chosen[-1][1] == pytest.approx(want.total_cost)
    assert chosen[-1][2] == pytest.approx(want.total_benefit)
    merit = table(wb["Portfolio"], "Order of merit")
    assert len(merit) == 41 and sum(r[7] == "knee" for r in merit) == 1
    # The live model keeps every option, so the workbook imports back whole.
    back = import_matrix(path).matrix
    assert back == m


def test_names_stay_text_and_screened_options_leave_the_analysis_sheets(tmp_path):
    m = small_matrix()
    m.options[1].name = "=SUM(1,2)"  # Beta, screened below
    m.criterion("speed").must_reach = 5
    path = tmp_path / "small.xlsx"
    export_workbook(m, path, value_options=ValueOptions("price"))
    wb = openpyxl.load_workbook(path)
    cell = wb["Screening"]["A7"]
    assert cell.value == "=SUM(1,2)" and cell.data_type == "s"
    assert "Portfolio" not in wb.sheetnames  # no budget given
    methods = [c.value for c in wb["Methods"]["A"] if c.value]
    assert "Alpha" in methods and "=SUM(1,2)" not in methods
    assert [r[0] for r in table(wb["Value for money"], "Benefit against Price")] == [
        "Alpha", "Gamma"]


def test_a_bad_cost_criterion_writes_nothing(tmp_path):
    path = tmp_path / "never.xlsx"
    with pytest.raises(TradeoffError, match="Risk is a level scale"):
        export_workbook(small_matrix(), path, value_options=ValueOptions("risk"))
    with pytest.raises(TradeoffError, match="the budget must be zero or a positive number"):
        export_workbook(small_matrix(), path, value_options=ValueOptions("price", -1))
    assert not path.exists() and not list(tmp_path.iterdir())
