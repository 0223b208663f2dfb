"""The exported workbook's structure, read back with openpyxl and as raw XML."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree as SafeET

from excel_cases import missing_and_ties_matrix, piecewise_matrix, random_matrix
from factories import small_matrix
from tradeoff.core.errors import TradeoffError, WeightError
from tradeoff.core.model import DecisionMatrix, Score
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.export import ExportCancelled, export_workbook

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# Functions that Excel 2007 and LibreOffice both read without an _xlfn. prefix.
CLASSIC_FUNCTIONS = {"IF", "IFERROR", "INDEX", "MATCH", "MIN", "MAX", "COUNT", "COUNTIF", "SUM",
                     "SUMIF", "SUMPRODUCT", "ROUND", "RANK", "OR", "COLUMN", "ISNUMBER"}


@pytest.fixture
def small_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "small.xlsx"
    export_workbook(small_matrix(), path, source_name="small.toml")
    return path


def sheet_xml(path: Path) -> dict[str, bytes]:
    """Each worksheet's XML, by sheet title."""
    from tradeoff.io.excel.xlsx_stream import sheet_parts

    with zipfile.ZipFile(path) as package:
        return {title: package.read(part) for title, part in sheet_parts(package).items()}


def formulas(path: Path) -> list[tuple[str, str, str]]:
    """(sheet, cell, formula) for every formula cell in the file."""
    found = []
    for title, xml in sheet_xml(path).items():
        for cell in SafeET.fromstring(xml).iter(f"{MAIN}c"):
            f = cell.find(f"{MAIN}f")
            if f is not None:
                found.append((title, cell.get("r"), f.text or ""))
    return found


def test_sheets_are_in_order_and_the_matrix_sheet_is_hidden(small_workbook):
    wb = openpyxl.load_workbook(small_workbook)
    assert wb.sheetnames == ["Summary", "Scores", "Weights", "Values", "Scales", "Notes",
                             "Methods", "Sensitivity", "Uncertainty", "tradeoff"]
    assert [ws.sheet_state for ws in wb.worksheets] == ["visible"] * 9 + ["hidden"]


def test_formulas_use_only_classic_functions(tmp_path):
    path = tmp_path / "piecewise.xlsx"
    export_workbook(piecewise_matrix(), path)
    used = set()
    for _sheet, _cell, text in formulas(path):
        used |= set(re.findall(r"([A-Z][A-Z0-9.]*)\(", text))
        assert "_xlfn" not in text
    assert used <= CLASSIC_FUNCTIONS, used - CLASSIC_FUNCTIONS
    assert {"SUMPRODUCT", "RANK", "MATCH", "INDEX"} <= used


def test_every_value_total_and_rank_is_a_formula(small_workbook):
    wb = openpyxl.load_workbook(small_workbook)
    values = wb[L.VALUES]
    for row in values.iter_rows(min_row=L.VALUES_FIRST_ROW, max_row=L.VALUES_FIRST_ROW + 2,
                                min_col=2, max_col=values.max_column):
        for cell in row:
            assert cell.value is None or cell.data_type == "f", cell.coordinate
    assert values["J5"].value.startswith("=IF(COUNT(B5:D5)<3")
    assert "SUMPRODUCT(B5:D5,weights)" in values["J5"].value
    summary_totals = [c.value for c in wb[L.SUMMARY]["C"] if isinstance(c.value, str)
                      and c.value.startswith("=")]
    assert summary_totals and all("INDEX(totals," in v for v in summary_totals)


def test_defined_names_point_inside_their_sheets(small_workbook):
    wb = openpyxl.load_workbook(small_workbook)
    names = dict(wb.defined_names.items())
    assert {"active_profile", "weights", "totals", "ranks", "worst_price", "levels_risk",
            "level_values_risk"} <= set(names)
    values: dict[str, list[object]] = {}
    for name, defined in names.items():
        for title, ref in defined.destinations:
            assert title in wb.sheetnames, name
            cells = wb[title][ref.replace("$", "")]
            rows = cells if isinstance(cells, tuple) else ((cells,),)
            values[name] = [c.value for row in rows
                            for c in (row if isinstance(row, tuple) else (row,))]
            assert None not in values[name], name  # every named cell holds something
    assert names["active_profile"].attr_text == "Weights!$B$2"
    assert values["active_profile"] == [1]
    assert values["profile_names"] == ["Even", "Quality first"]
    assert values["levels_risk"] == ["low", "medium", "high", "very high"]
    assert values["positions_risk"] == [0, 1, 2, 3]
    assert values["worst_price"] == ["=Scores!B$4"] and values["best_speed"] == ["=Scores!C$5"]
    assert values["option_names"] == ["=Scores!$A6", "=Scores!$A7", "=Scores!$A8"]
    assert all("active_profile" in str(f) for f in values["weights"])
    assert all(str(f).startswith("=IF(COUNT(") and "SUMPRODUCT(" in str(f)
               for f in values["totals"])


def test_panes_widths_and_number_formats(small_workbook):
    wb = openpyxl.load_workbook(small_workbook)
    assert wb[L.SCORES].freeze_panes == "B6"
    assert wb[L.VALUES].freeze_panes == "B5"
    assert wb[L.WEIGHTS].freeze_panes == "D6"
    assert wb[L.SCORES].column_dimensions["A"].width == 30
    assert wb[L.VALUES]["B5"].number_format == "0.000"
    assert wb[L.VALUES]["J5"].number_format == "0.0000"
    assert wb[L.WEIGHTS]["G8"].number_format == "0.0%"


def test_scores_are_validated_against_their_scale(small_workbook):
    ws = openpyxl.load_workbook(small_workbook)[L.SCORES]
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    price = rules["B6:B8"]
    assert (price.type, price.operator) == ("decimal", "between")
    assert (price.formula1, price.formula2) == ("MIN($B$4,$B$5)", "MAX($B$4,$B$5)")
    risk = rules["D6:D8"]
    assert (risk.type, risk.formula1) == ("list", "levels_risk")


def test_rationales_are_comments_on_the_scores(small_workbook):
    ws = openpyxl.load_workbook(small_workbook)[L.SCORES]
    comment = ws["C7"].comment  # Beta on Speed
    assert comment is not None
    assert "b on speed" in comment.text and "Source: test" in comment.text


def test_values_have_a_colour_scale_and_the_summary_a_bar_chart(small_workbook):
    wb = openpyxl.load_workbook(small_workbook)
    rules = [r for cf in wb[L.VALUES].conditional_formatting for r in cf.rules]
    assert [r.type for r in rules] == ["colorScale"]
    with zipfile.ZipFile(small_workbook) as package:
        charts = [n for n in package.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 1
        chart = package.read(charts[0]).decode()
    assert "<barChart>" in chart and '<barDir val="bar"' in chart
    assert "<cat><strRef><f>'Summary'!$B$13:$B$15</f>" in chart
    assert "<val><numRef><f>'Summary'!$C$13:$C$15</f>" in chart


def test_summary_names_what_was_exported(small_workbook):
    ws = openpyxl.load_workbook(small_workbook)[L.SUMMARY]
    labels = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, 20)}
    assert ws["A1"].value == "Small"
    assert labels["Source file"] == "small.toml"
    assert labels["Active profile"] == "=INDEX(profile_names,active_profile)"
    assert labels["Tradeoff version"]
    assert "Additive value model" in labels["Method"]


def test_missing_scores_are_explained_on_the_summary(tmp_path):
    path = tmp_path / "gaps.xlsx"
    export_workbook(missing_and_ties_matrix(), path)
    ws = openpyxl.load_workbook(path)[L.SUMMARY]
    assert "Missing scores" in [ws.cell(r, 1).value for r in range(1, 20)]


def test_numbers_are_written_exactly(tmp_path):
    m = small_matrix()
    m.scores[("a", "speed")] = Score(value=0.1 + 0.2)  # 0.30000000000000004
    m.profiles[0].weights["speed"] = 1 / 3
    path = tmp_path / "exact.xlsx"
    export_workbook(m, path)
    wb = openpyxl.load_workbook(path)
    assert wb[L.SCORES]["C6"].value == 0.1 + 0.2
    assert wb[L.WEIGHTS]["D9"].value == 1 / 3


def test_cells_are_in_row_and_column_order(tmp_path):
    """Excel rejects a sheet whose rows or cells are out of order."""
    path = tmp_path / "order.xlsx"
    export_workbook(piecewise_matrix(), path)
    for title, xml in sheet_xml(path).items():
        last_row = 0
        for row in SafeET.fromstring(xml).iter(f"{MAIN}row"):
            r = int(row.get("r"))
            assert r > last_row, (title, r)
            last_row = r
            columns = [openpyxl.utils.cell.coordinate_from_string(c.get("r")) for c in row]
            assert all(rr == r for _c, rr in columns), (title, r)
            indices = [openpyxl.utils.column_index_from_string(c) for c, _r in columns]
            assert indices == sorted(set(indices)), (title, r, indices)


def test_progress_rises_to_one(tmp_path):
    seen: list[float] = []
    export_workbook(random_matrix(2000, 10), tmp_path / "big.xlsx", progress=seen.append)
    assert len(seen) > 10
    assert seen == sorted(seen) and seen[-1] == 1.0 and 0 < seen[0] < 0.2


def test_cancelling_writes_nothing_and_keeps_an_existing_file(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the previous export")
    calls = []

    def cancel_after_some_progress() -> bool:
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(ExportCancelled):
        export_workbook(random_matrix(2000, 10), target, should_cancel=cancel_after_some_progress)
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]
    target.unlink()
    with pytest.raises(ExportCancelled):
        export_workbook(small_matrix(), target, should_cancel=lambda: True)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("breakage, message", [
    (lambda m: m.options.clear(), "at least one option"),
    (lambda m: m.criteria.clear(), "at least one option and one criterion"),
    (lambda m: m.profiles.clear(), "^nothing to export: the matrix has no weight profiles$"),
])
def test_matrices_that_cannot_be_exported_are_refused(tmp_path, breakage, message):
    m = small_matrix()
    breakage(m)
    with pytest.raises(TradeoffError, match=message):
        export_workbook(m, tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_unusable_weights_and_missing_folders_are_refused(tmp_path):
    m: DecisionMatrix = small_matrix()
    m.profiles[0].weights.update(money=0, quality=0)
    with pytest.raises(WeightError):
        export_workbook(m, tmp_path / "x.xlsx")
    with pytest.raises(TradeoffError, match="does not exist"):
        export_workbook(small_matrix(), tmp_path / "no-such-folder" / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_the_chosen_profile_is_the_one_the_workbook_opens_with(tmp_path):
    path = tmp_path / "quality.xlsx"
    export_workbook(small_matrix(), path, profile="quality")
    assert openpyxl.load_workbook(path)[L.WEIGHTS][L.ACTIVE_CELL].value == 2
    with pytest.raises(TradeoffError, match="no weight profile"):
        export_workbook(small_matrix(), path, profile="nope")


def test_notes_list_how_each_ranged_score_is_drawn_and_it_imports_back(tmp_path):
    from tradeoff.io.excel.importer import import_matrix
    m = small_matrix()
    s = m.scores[("a", "speed")]
    s.low, s.high, s.distribution = 5, 8, "normal"
    out = tmp_path / "drawn.xlsx"
    export_workbook(m, out, analysis=False)
    ws = openpyxl.load_workbook(out)[L.NOTES]
    assert ws["H1"].value == "Drawn as"
    rows = {(ws.cell(r, 1).value, ws.cell(r, 2).value): ws.cell(r, 8).value
            for r in range(2, ws.max_row + 1)}
    assert rows[("Alpha", "Speed")] == "normal"
    assert rows[("Beta", "Speed")] is None
    back = import_matrix(out).matrix
    assert back.score("a", "speed").distribution == "normal"
    assert back == m
