"""A plain options × criteria table, from a workbook the user made or from a CSV file."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tradeoff.core.errors import ValidationError
from tradeoff.core.model import Direction
from tradeoff.core.scoring import score
from tradeoff.io.excel.importer import import_matrix

# The layout the README documents.
README_TABLE = [
    ["option", "Price", "Speed", "Risk"],
    ["weight", 2, 1, 1],
    ["direction", "cost", None, "cost"],
    ["worst", 100, 0, 10],
    ["best", 0, 10, 0],
    ["unit", "k€", "km/h", None],
    ["Alpha", 40, 6, 4],
    ["Beta", 20, 3, 7],
]


def workbook(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def csv_file(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_the_documented_layout_gives_the_documented_matrix(tmp_path):
    result = import_matrix(workbook(tmp_path / "plain.xlsx", README_TABLE))
    m = result.matrix
    assert result.warnings == [] and result.kind == "plain sheet"
    assert [(c.name, c.direction, c.worst, c.best, c.unit) for c in m.criteria] == [
        ("Price", Direction.COST, 100, 0, "k€"), ("Speed", Direction.BENEFIT, 0, 10, "km/h"),
        ("Risk", Direction.COST, 10, 0, "")]
    assert [o.name for o in m.options] == ["Alpha", "Beta"]
    assert m.profile().weights == {"price": 2, "speed": 1, "risk": 1}
    # By hand: Alpha 0.5·0.6 + 0.25·0.6 + 0.25·0.6 = 0.6; Beta 0.5·0.8 + 0.25·0.3 + 0.25·0.3.
    totals = score(m).totals
    assert totals["alpha"] == pytest.approx(0.6)
    assert totals["beta"] == pytest.approx(0.55)


def test_csv_with_the_same_table_gives_the_same_matrix(tmp_path):
    from_xlsx = import_matrix(workbook(tmp_path / "plain.xlsx", README_TABLE)).matrix
    text = "\n".join(",".join("" if v is None else str(v) for v in row) for row in README_TABLE)
    result = import_matrix(csv_file(tmp_path / "plain.csv", text + "\n"))
    assert result.kind == "CSV file" and result.warnings == []
    for part in ("criteria", "options", "scores", "profiles", "active_profile"):
        assert getattr(result.matrix, part) == getattr(from_xlsx, part), part


def test_missing_anchors_weights_and_directions_are_filled_in_and_reported(tmp_path):
    rows = [["Option", "Range", "Price"], ["direction", None, "cost"],
            ["A", 300, 20], ["B", 450, 35], ["C", 380, 25]]
    result = import_matrix(workbook(tmp_path / "few.xlsx", rows))
    rng, price = result.matrix.criteria
    assert (rng.worst, rng.best, rng.direction) == (300, 450, Direction.BENEFIT)
    assert (price.worst, price.best, price.direction) == (35, 20, Direction.COST)
    assert result.matrix.profile().weights == {"range": 1, "price": 1}
    assert result.warnings == [
        "Range: no worst or best anchor given; taken from the data (300 worst … 450 best), "
        "so adding options later may need new anchors",
        "Price: no worst or best anchor given; taken from the data (35 worst … 20 best), "
        "so adding options later may need new anchors",
        "no 'weight' row: every criterion weighs the same",
    ]
    no_direction = import_matrix(workbook(tmp_path / "nodir.xlsx", [rows[0], *rows[2:]]))
    assert "no 'direction' row: every criterion is a benefit (higher is better)" in \
        no_direction.warnings


def test_one_anchor_given_and_the_other_from_the_data(tmp_path):
    rows = [["option", "X"], ["worst", 0], ["A", 3], ["B", 8]]
    result = import_matrix(workbook(tmp_path / "one.xlsx", rows))
    x = result.matrix.criteria[0]
    assert (x.worst, x.best) == (0, 8)
    assert result.warnings[0].startswith("X: no best anchor given; taken from the data")


def test_the_table_may_start_anywhere_and_carry_spacers_and_odd_labels(tmp_path):
    rows = [[], [None], ["Options", "A", None, "B", None], ["WEIGHT:", 1, None, 3],
            ["Units", "m", None, "s"], [2024, "5", None, 2.5], ["x", 7, None, "1e1"], [],
            ["unit", 1, None, 1]]  # after the options a row labelled "unit" is an option
    m = import_matrix(workbook(tmp_path / "odd.xlsx", rows)).matrix
    assert [c.name for c in m.criteria] == ["A", "B"]
    assert [o.name for o in m.options] == ["2024", "x", "unit"]
    assert [c.unit for c in m.criteria] == ["m", "s"]
    assert m.scores[("2024", "a")].value == 5 and m.scores[("x", "b")].value == 10.0
    assert m.profile().weights == {"a": 1, "b": 3}


def test_a_missing_score_stays_missing(tmp_path):
    rows = [["option", "X", "Y"], ["worst", 0, 0], ["best", 10, 10], ["A", 3, None],
            ["B", 8, 4]]
    m = import_matrix(workbook(tmp_path / "gap.xlsx", rows)).matrix
    assert ("a", "y") not in m.scores
    assert score(m).ranks.isna().tolist() == [True, False]


def test_a_named_sheet_is_read_and_a_hidden_first_sheet_skipped(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Notes"
    wb.active["A1"] = "nothing here"
    wb.active.sheet_state = "hidden"
    data = wb.create_sheet("Data")
    for row in README_TABLE:
        data.append(row)
    other = wb.create_sheet("Other data")
    for row in [["option", "Q"], ["A", 1], ["B", 2]]:
        other.append(row)
    wb.save(tmp_path / "sheets.xlsx")
    assert [c.name for c in import_matrix(tmp_path / "sheets.xlsx").matrix.criteria] == \
        ["Price", "Speed", "Risk"]
    assert [c.name for c in import_matrix(tmp_path / "sheets.xlsx",
                                          sheet="Other data").matrix.criteria] == ["Q"]
    with pytest.raises(ValidationError, match=r"no sheet named 'Nope' \(sheets: Notes, Data, "
                                              r"Other data\)"):
        import_matrix(tmp_path / "sheets.xlsx", sheet="Nope")


def test_semicolons_with_decimal_commas(tmp_path):
    text = "option;Cost;Comfort\nweight;1;2,5\nA;12,5;3\nB;10;4,25\n"
    m = import_matrix(csv_file(tmp_path / "eu.csv", text)).matrix
    assert m.scores[("a", "cost")].value == 12.5 and m.scores[("b", "comfort")].value == 4.25
    assert m.profile().weights == {"cost": 1, "comfort": 2.5}


def test_tabs_a_byte_order_mark_and_quoted_names(tmp_path):
    text = '\ufeffoption\t"Price, total"\tSpeed\n"Alpha ""A"""\t1\t2\nBeta\t3\t4\n'
    m = import_matrix(csv_file(tmp_path / "tabs.tsv", text)).matrix
    assert [c.name for c in m.criteria] == ["Price, total", "Speed"]
    assert [o.name for o in m.options] == ['Alpha "A"', "Beta"]


def test_a_windows_1252_file_is_read_and_the_import_says_so(tmp_path):
    result = import_matrix(csv_file(tmp_path / "cp.csv", "option,Coût\nÉté,1\nHiver,2\n",
                                    encoding="cp1252"))
    assert [o.name for o in result.matrix.options] == ["Été", "Hiver"]
    assert result.warnings[0] == "the file is not UTF-8; it was read as Windows-1252 text"


def test_names_beginning_like_formulas_are_imported_as_names(tmp_path):
    text = 'option,=SUM(A1),+x\n"=cmd|\' /C calc\'!A0",1,2\n@me,3,4\n'
    m = import_matrix(csv_file(tmp_path / "hostile.csv", text)).matrix
    assert [c.name for c in m.criteria] == ["=SUM(A1)", "+x"]
    assert [o.name for o in m.options] == ["=cmd|' /C calc'!A0", "@me"]


@pytest.mark.parametrize("text", ["1.000", "12.500", "1,000", "-250,000"])
def test_a_semicolon_file_refuses_a_number_whose_separator_could_group_thousands(tmp_path, text):
    """In a semicolon (decimal-comma) file, "1.000" is 1000 to the person who wrote it
    and 1 to a dot-decimal reader; "1,000" is 1 or 1000 the other way round. Neither
    guess may change a number silently: the import names the cell instead."""
    path = csv_file(tmp_path / "eu.csv", f"option;Cost;Comfort\nA;{text};3\nB;10;4\n")
    with pytest.raises(ValidationError, match=rf"B2.*{re.escape(repr(text))}.*thousands"):
        import_matrix(path)


@pytest.mark.parametrize(("text", "value"), [("0,250", 0.25), ("12,5", 12.5), ("1000", 1000),
                                             ("1,0001", 1.0001), ("0.5", 0.5)])
def test_a_semicolon_file_still_reads_numbers_that_cannot_be_grouped(tmp_path, text, value):
    path = csv_file(tmp_path / "eu.csv", f"option;Cost;Comfort\nA;{text};3\nB;10;4\n")
    assert import_matrix(path).matrix.scores[("a", "cost")].value == value


def test_a_file_that_splits_alike_at_commas_and_at_semicolons_is_refused(tmp_path):
    """Semicolons with decimal commas, one comma on every line: read at the commas,
    as the sniffer preferred, "A;1,5" was option "A;1" scoring 5 and "B;2,25" was
    "B;2" scoring 25, with no word of it."""
    path = csv_file(tmp_path / "eu.csv", "option;Cost, total\nA;1,5\nB;2,25\n")
    with pytest.raises(ValidationError, match="the separator is unclear: every line splits "
                                              "into 2 columns at commas and into 2 at "
                                              "semicolons"):
        import_matrix(path)


def test_a_comma_in_a_semicolon_files_header_alone_is_no_ambiguity(tmp_path):
    path = csv_file(tmp_path / "eu.csv", "option;Cost, total\nA;1,5\nB;2\n")
    m = import_matrix(path).matrix
    assert [c.name for c in m.criteria] == ["Cost, total"]
    assert [s.value for s in m.scores.values()] == [1.5, 2]
