"""``tradeoff export`` and ``tradeoff import`` on the command line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from tradeoff import cli
from tradeoff.io.excel import layout as L
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_matrices

EXAMPLE = example_matrices()[0]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_export_writes_a_workbook_that_imports_back(tmp_path, capsys):
    workbook, back = tmp_path / "m.xlsx", tmp_path / "back.toml"
    status, out, err = run(capsys, "export", str(EXAMPLE), str(workbook))
    matrix = load_matrix(EXAMPLE)
    assert (status, err) == (0, "")
    assert out.startswith(f"{workbook}: {len(matrix.options)} options × ")
    status, out, err = run(capsys, "import", str(workbook), "-o", str(back))
    assert (status, err) == (0, "")
    assert "(from a Tradeoff workbook)" in out
    imported = load_matrix(back)
    matrix.metadata.modified = imported.metadata.modified  # saving stamps the date
    assert imported == matrix


def test_export_opens_with_the_profile_asked_for(tmp_path, capsys):
    matrix = load_matrix(EXAMPLE)
    last = matrix.profiles[-1]
    status, out, _err = run(capsys, "export", str(EXAMPLE), str(tmp_path / "m.xlsx"),
                            "--profile", last.name.upper())
    assert status == 0 and f"(opens with {last.name!r})" in out
    ws = openpyxl.load_workbook(tmp_path / "m.xlsx")[L.WEIGHTS]
    assert ws[L.ACTIVE_CELL].value == len(matrix.profiles)


def test_export_with_an_unknown_profile_exits_2_and_writes_nothing(tmp_path, capsys):
    target = tmp_path / "m.xlsx"
    status, _out, err = run(capsys, "export", str(EXAMPLE), str(target), "--profile", "nope")
    assert status == 2 and "tradeoff export: no weight profile named 'nope'" in err
    assert not target.exists()


def test_export_needs_an_xlsx_name_and_a_readable_matrix(tmp_path, capsys):
    status, _out, err = run(capsys, "export", str(EXAMPLE), str(tmp_path / "m.xls"))
    assert status == 2 and "the workbook's name must end in .xlsx" in err
    bad = tmp_path / "bad.toml"
    bad.write_text("format = 1\n[matrix]\ntitle = 3\n")
    status, _out, err = run(capsys, "export", str(bad), str(tmp_path / "m.xlsx"))
    assert status == 2 and "matrix.title: must be text" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]


def test_import_of_a_plain_csv_prints_its_guesses(tmp_path, capsys):
    source = tmp_path / "cars.csv"
    source.write_text("option,Range,Price\ndirection,,cost\nA,300,20\nB,450,35\n")
    target = tmp_path / "cars.toml"
    status, out, err = run(capsys, "import", str(source), "-o", str(target))
    assert status == 0
    assert out == f"{target}: 2 options × 2 criteria, 1 profile (from a CSV file)\n"
    assert err.splitlines() == [
        "tradeoff import: note: Range: no worst or best anchor given; taken from the data "
        "(300 worst … 450 best), so adding options later may need new anchors",
        "tradeoff import: note: Price: no worst or best anchor given; taken from the data "
        "(35 worst … 20 best), so adding options later may need new anchors",
        "tradeoff import: note: no 'weight' row: every criterion weighs the same",
    ]
    assert [c.name for c in load_matrix(target).criteria] == ["Range", "Price"]


def test_a_bad_import_exits_2_names_the_cell_and_leaves_the_output_alone(tmp_path, capsys):
    source = tmp_path / "bad.csv"
    source.write_text("option,X,Y\nA,1,2\nB,3,abc\n")
    target = tmp_path / "out.toml"
    target.write_text("previous contents\n")
    status, out, err = run(capsys, "import", str(source), "-o", str(target))
    assert (status, out) == (2, "")
    assert err == f"tradeoff import: {source}: C3: 'abc' is not a number\n"
    assert target.read_text() == "previous contents\n"


def test_import_needs_a_toml_name_and_a_sheet_that_exists(tmp_path, capsys):
    source = tmp_path / "m.xlsx"
    run(capsys, "export", str(EXAMPLE), str(source))
    status, _out, err = run(capsys, "import", str(source), "-o", str(tmp_path / "m.xlsx"))
    assert status == 2 and "the matrix file's name must end in .toml" in err
    status, _out, err = run(capsys, "import", str(source), "-o", str(tmp_path / "m.toml"),
                            "--sheet", "Nope")
    assert status == 2 and "no sheet named 'Nope'" in err
    assert not (tmp_path / "m.toml").exists()


def test_import_of_a_missing_file(tmp_path, capsys):
    status, _out, err = run(capsys, "import", str(tmp_path / "gone.csv"), "-o",
                            str(tmp_path / "m.toml"))
    assert status == 2 and "cannot read the file" in err


def test_help_lists_both_commands(capsys):
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert "export" in out and "import" in out
    with pytest.raises(SystemExit):
        cli.main(["import", "--help"])
    assert "first row a label such as \"option\"" in capsys.readouterr().out


def test_the_example_workbooks_export_from_the_shipped_matrices(tmp_path, capsys):
    for path in example_matrices():
        status, _out, err = run(capsys, "export", str(path), str(tmp_path / f"{path.stem}.xlsx"))
        assert (status, err) == (0, "")
    assert sorted(p.stem for p in Path(tmp_path).iterdir()) == sorted(
        p.stem for p in example_matrices())


def test_an_xml_bomb_exits_2_and_writes_nothing(tmp_path, capsys):
    source = tmp_path / "bomb.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["option", "X"])
    wb.active.append(["A", 1])
    wb.save(source)
    with zipfile.ZipFile(source) as package:
        parts = {i.filename: package.read(i) for i in package.infolist()}
    entities = "".join(f'<!ENTITY e{k} "{f"&e{k - 1};" * 10}">' for k in range(1, 10))
    parts["xl/worksheets/sheet1.xml"] = (
        f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e0 "lol">{entities}]>'
        + parts["xl/worksheets/sheet1.xml"].decode().split("?>", 1)[-1]
        .replace("<sheetData>", "<sheetData><row r='9'><c r='A9' t='inlineStr'><is><t>&e9;"
                                "</t></is></c></row>", 1)).encode()
    with zipfile.ZipFile(source, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    target = tmp_path / "bomb.toml"
    status, out, err = run(capsys, "import", str(source), "-o", str(target))
    assert (status, out) == (2, "")
    assert "'billion laughs' XML bomb); refused" in err
    assert not target.exists()
