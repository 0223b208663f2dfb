"""Bad workbooks and CSV files are refused with a message that names the sheet and cell.

Includes hostile files: a "billion laughs" XML bomb (refused by defusedxml
before any entity is expanded), a zip bomb, and a sheet of a million rows.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree as DefusedET

from tradeoff.core.errors import ValidationError
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.sheet_import import MAX_COLUMNS, MAX_ROWS

BOMB_DTD = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def workbook(path: Path, rows: list[list[object]], title: str = "Sheet1",
             merge: str | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def rewrite_part(path: Path, part: str, change) -> Path:
    """Replace one part of a package (a crafted file, as an attacker would make it)."""
    with zipfile.ZipFile(path) as package:
        members = {i.filename: package.read(i) for i in package.infolist()}
    members[part] = change(members[part].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return path


def refused(path: Path, **kwargs: object) -> str:
    with pytest.raises(ValidationError) as caught:
        import_matrix(path, **kwargs)
    return str(caught.value)


GOOD = [["option", "Price", "Speed"], ["weight", 1, 2], ["Alpha", 1, 2], ["Beta", 3, 4]]


@pytest.mark.parametrize("rows, message", [
    ([["option", "Price", "Speed"], ["weight", 1, 2], ["Alpha", 1, 2], ["Beta", 3, "abc"]],
     "Sheet1!C4: 'abc' is not a number"),
    ([["option", "X"], ["A", 1], ["a", 2]], "Sheet1!A3: duplicate option name 'a' (also on row 2)"),
    ([["option", "X", "x "], ["A", 1, 2]], "Sheet1!C1: duplicate criterion name 'x' (also in "
                                           "column B)"),
    ([["option", "X", "Y"], ["A", None, 1], ["B", None, 2]],
     "Sheet1!B1: 'X' has no scores and no worst/best"),
    ([["option", "X"], ["A", None], ["worst", None]], "no numeric data"),
    ([["option"], ["A"]], "Sheet1!B1: no criterion names in the first row"),
    ([["option", "X", "Y"]], "no options: the sheet has a header row but no rows of scores"),
    ([], "Sheet1: the sheet is empty"),
    ([["option", "X"], ["A", "#DIV/0!"], ["B", 1]], "Sheet1!B2: the cell holds the error #DIV/0!"),
    ([["option", "X"], ["A", dt.date(2024, 5, 1)], ["B", 1]],
     "Sheet1!B2: a date or time, not a number"),
    ([["option", "X"], ["A", True], ["B", 1]], "Sheet1!B2: TRUE is not a number"),
    ([["option", "X"], ["direction", "up"], ["A", 1], ["B", 2]],
     "Sheet1!B2: 'up' is not 'benefit' or 'cost'"),
    ([["option", "X"], ["weight", -2], ["A", 1], ["B", 2]], "Sheet1!B2: -2 is negative"),
    ([["option", "X"], ["A", 5], ["B", 5]], "Sheet1!B1: every option scores 5 on 'X'"),
    ([["option", "X"], ["worst", 10], ["best", 0], ["A", 5]],
     "Sheet1!B3: best (0) is below worst (10) but no direction is given"),
    ([["option", "X"], ["worst", 0], ["best", 100], ["A", 120]],
     "Sheet1!B4: 120 is above the scale's best anchor 100"),
    ([["option", "X", None, "Z"], ["A", 1, 5, 2]], "Sheet1!C1: a column of scores has no "
                                                   "criterion name"),
    ([["option", "X"], [None, 1]], "Sheet1!A2: a row of scores has no option name"),
    ([["option", "X"], ["weight", 1], ["weight", 2], ["A", 1]],
     "Sheet1!A3: a second 'weight' row (the first is row 2)"),
])
def test_bad_tables_name_the_cell(tmp_path, rows, message):
    text = refused(workbook(tmp_path / "bad.xlsx", rows))
    assert message in text
    assert text.startswith(str(tmp_path / "bad.xlsx"))


def test_every_fault_is_reported_at_once_and_a_quoted_sheet_name(tmp_path):
    rows = [["option", "X", "Y"], ["A", "one", 2], ["B", 3, "two"]]
    text = refused(workbook(tmp_path / "many.xlsx", rows, title="My data"))
    assert "'My data'!B2: 'one' is not a number" in text
    assert "'My data'!C3: 'two' is not a number" in text


def test_merged_header_cells_are_refused(tmp_path):
    rows = [["option", "Cost", None, "Speed"], [None, "capex", "opex", None], ["A", 1, 2, 3]]
    text = refused(workbook(tmp_path / "merged.xlsx", rows, merge="B1:C1"))
    assert "Sheet1!B1:C1: merged cells (B1:C1)" in text


def _with_computed_value(path: Path, ref: str, value: str, kind: str = "") -> Path:
    """The workbook with the formula in ``ref`` given a computed value (and a type),
    as a spreadsheet writes it on saving."""
    out = path.with_name(f"{ref}-{path.name}")
    cell = re.compile(rf'<c r="{ref}"([^>]*)>(<f>.*?</f>)\s*<v\s*(?:/>|></v>)\s*</c>')
    typed = f' t="{kind}"' if kind else ""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data, found = cell.subn(rf'<c r="{ref}"\1{typed}>\2<v>{value}</v></c>',
                                        data.decode())
                assert found == 1
            target.writestr(info, data)
    return out


def test_a_formula_without_a_computed_value_is_refused(tmp_path):
    # openpyxl writes formulas without their values; read values-only they were
    # empty cells, so Beta's price (2 in a spreadsheet) went missing without a word.
    rows = [["option", "Price", "Speed"], ["Alpha", 1, 2], ["Beta", "=1+1", 4], ["Gamma", 3, 1]]
    text = refused(workbook(tmp_path / "formulas.xlsx", rows))
    assert "Sheet1!B3: 1 formula cell (B3) without a computed value" in text


def test_formulas_with_their_computed_values_are_read(tmp_path):
    rows = [["option", "Price", "Speed"], ["Alpha", 1, 2], ["Beta", "=1+1", '=""'],
            ["Gamma", 3, 1]]
    path = workbook(tmp_path / "formulas.xlsx", rows)
    path = _with_computed_value(path, "B3", "2")
    # A formula whose result is empty text is a blank cell, as the spreadsheet shows it.
    path = _with_computed_value(path, "C3", "", kind="str")
    m = import_matrix(path).matrix
    assert m.scores[("beta", "price")].value == 2
    assert ("beta", "speed") not in m.scores


@pytest.mark.timeout(30)
def test_a_sheet_of_a_million_rows_is_refused_before_it_is_read(tmp_path):
    path = workbook(tmp_path / "tall.xlsx", GOOD)
    wb = openpyxl.load_workbook(path)
    wb.active["A1000000"] = "far down"
    wb.save(path)
    assert f"Sheet1: more than {MAX_ROWS:,} rows" in refused(path)
    # Without the size the sheet declares, counting the rows stops at the limit.
    no_size = rewrite_part(path, "xl/worksheets/sheet1.xml",
                           lambda xml: re.sub(r"<dimension [^>]*/>", "", xml))
    assert f"Sheet1: more than {MAX_ROWS:,} rows" in refused(no_size)


def test_too_many_columns_are_refused(tmp_path):
    row = ["option", *[f"c{j}" for j in range(MAX_COLUMNS + 1)]]
    assert f"more than {MAX_COLUMNS:,} columns" in refused(workbook(tmp_path / "wide.xlsx",
                                                                    [row, ["A"]]))


@pytest.mark.timeout(30)
@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml",
                                  "[Content_Types].xml"])
def test_a_billion_laughs_workbook_is_refused(tmp_path, part):
    path = workbook(tmp_path / "bomb.xlsx", GOOD)

    def add_bomb(xml: str) -> str:
        body = re.sub(r"^<\?xml[^>]*\?>\s*", "", xml)
        body = re.sub(r"(<sheetData>)", r"\1<row r='99'><c r='A99' t='inlineStr'><is><t>"
                                        r"&lol9;</t></is></c></row>", body, count=1)
        return BOMB_DTD + body

    rewrite_part(path, part, add_bomb)
    assert "a possible 'billion laughs' XML bomb); refused" in refused(path)


def test_openpyxl_parses_with_defusedxml():
    import openpyxl.reader.excel
    import openpyxl.reader.strings
    import openpyxl.worksheet._reader
    import openpyxl.xml.functions

    assert openpyxl.DEFUSEDXML is True
    assert openpyxl.xml.functions.fromstring is DefusedET.fromstring
    assert openpyxl.reader.excel.fromstring is DefusedET.fromstring
    assert openpyxl.worksheet._reader.iterparse is DefusedET.iterparse
    assert openpyxl.reader.strings.iterparse is DefusedET.iterparse


@pytest.mark.timeout(60)
@pytest.mark.parametrize("part", ["xl/workbook.xml", "[Content_Types].xml"])
def test_a_bomb_is_refused_when_openpyxl_was_imported_first_with_lxml(tmp_path, part):
    """A notebook may import openpyxl (with lxml, which python-docx installs) before
    Tradeoff can ask it for defusedxml; the import still refuses the bomb cleanly."""
    path = workbook(tmp_path / "bomb.xlsx", GOOD)
    rewrite_part(path, part, lambda xml: BOMB_DTD + re.sub(r"^<\?xml[^>]*\?>\s*", "", xml))
    code = ("import openpyxl, openpyxl.xml as x\n"
            "assert x.LXML, 'lxml is not in use: this case needs it'\n"
            "from tradeoff.core.errors import ValidationError\n"
            "from tradeoff.io.excel.importer import import_matrix\n"
            "import sys\n"
            "try:\n"
            "    import_matrix(sys.argv[1])\n"
            "except ValidationError as e:\n"
            "    print(e)\n")
    env = {k: v for k, v in os.environ.items() if k != "OPENPYXL_LXML"}
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                          text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "a possible 'billion laughs' XML bomb); refused" in done.stdout


def test_without_defusedxml_in_use_no_workbook_is_read(tmp_path):
    path = workbook(tmp_path / "good.xlsx", GOOD)
    env = dict(os.environ, OPENPYXL_DEFUSEDXML="False")
    done = subprocess.run([sys.executable, "-m", "tradeoff.cli", "import", str(path), "-o",
                           str(tmp_path / "out.toml")], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert done.returncode == 2
    assert "needs the defusedxml package" in done.stderr
    assert not (tmp_path / "out.toml").exists()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = workbook(tmp_path / "zipbomb.xlsx", GOOD)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/media/padding.bin", bytes(40 * 2**20))
    assert "xl/media/padding.bin: unpacks to 42 MB" in refused(path)


@pytest.mark.parametrize("name, content, message", [
    ("not.xlsx", b"option,X\nA,1\n", "not an Excel workbook (.xlsx): the file is not a zip"),
    ("old.xls", b"\xd0\xcf\x11\xe0", "old-style .xls workbooks cannot be read"),
    ("data.json", b"{}", "unknown file type '.json'"),
    ("nul.csv", b"option,X\x00\n", "this is not a text file"),
    ("empty.csv", b"", "the file: the sheet is empty"),
    ("quote.csv", b'option,X\nA,"1\n', "not valid CSV"),
])
def test_files_that_are_not_tables(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    assert message in refused(path)


def test_a_csv_of_too_many_rows_is_refused(tmp_path):
    path = tmp_path / "tall.csv"
    path.write_text("option,X\n" + "A,1\n" * MAX_ROWS)
    assert f"more than {MAX_ROWS:,} rows" in refused(path)


def test_a_csv_cell_is_named_by_column_and_record(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("option,X,Y\nweight,1,1\nA,1,2\nB,3,abc\n")
    assert refused(path) == f"{path}: C4: 'abc' is not a number"
