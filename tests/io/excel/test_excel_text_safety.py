"""Nothing a user typed becomes a formula in the exported workbook.

openpyxl (and pandas.to_excel, which uses it) turns any string that begins
with ``=`` into a live formula. The export writes every piece of user text as
an inline string, and gives text that begins like a formula Excel's
quote-prefix flag. These tests read the package's XML directly: a cell is a
formula exactly when it has an ``<f>`` element.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from defusedxml import ElementTree as SafeET

from excel_cases import HOSTILE, hostile_matrix
from factories import small_matrix
from tradeoff.core.model import Option, Score
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.excel.importer import import_matrix
from tradeoff.io.excel.xlsx_stream import sheet_parts
from tradeoff.io.safe_text import MAX_CELL_CHARS, cell_text, needs_quote_prefix

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def cells(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(sheet, cell, formula text or None, inline text or None) for every cell."""
    out = []
    with zipfile.ZipFile(path) as package:
        for title, part in sheet_parts(package).items():
            for c in SafeET.fromstring(package.read(part)).iter(f"{MAIN}c"):
                f = c.find(f"{MAIN}f")
                t = c.find(f"{MAIN}is/{MAIN}t")
                out.append((title, c.get("r"), None if f is None else f.text or "",
                            None if t is None else t.text or ""))
    return out


@pytest.fixture(scope="module")
def hostile_workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.xlsx"
    export_workbook(hostile_matrix(), path)
    return path


def test_the_check_finds_a_formula_that_plain_openpyxl_writes(tmp_path):
    """The default behaviour the export guards against, seen by the same check."""
    naive = tmp_path / "naive.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=1+1"  # an option name, written the obvious way
    wb.save(naive)
    assert [(f, t) for _s, _r, f, t in cells(naive)] == [("1+1", None)]


def test_hostile_text_is_never_a_formula(hostile_workbook):
    found = cells(hostile_workbook)
    formula_texts = [f for _s, _r, f, _t in found if f is not None]
    for text in HOSTILE:
        body = text.lstrip("=+-@\t\r")
        assert not any(f == body or f == text[1:] for f in formula_texts), text
    texts = [t for _s, _r, _f, t in found if t is not None]
    for text in [*HOSTILE, "=A1", "-B2", "@C3", "=profile", "+group", "=bad", "=TITLE()",
                 "-description", "=source()", "=unit", "=1/0"]:
        assert text in texts, text
    # No formula refers to a function or program that only hostile text names.
    assert not any("HYPERLINK" in f or "cmd|" in f for f in formula_texts)


def test_hostile_text_reads_back_as_text_with_a_quote_prefix(hostile_workbook):
    wb = openpyxl.load_workbook(hostile_workbook)
    scores = wb[L.SCORES]
    for i, text in enumerate(HOSTILE):
        cell = scores.cell(L.SCORES_FIRST_ROW + i, 1)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    assert (scores["B1"].value, scores["B1"].data_type, scores["B1"].quotePrefix) == \
        ("=A1", "s", True)
    level = scores.cell(L.SCORES_FIRST_ROW, 4)
    assert (level.value, level.data_type, level.quotePrefix) == ("=bad", "s", True)
    assert wb[L.NOTES]["F2"].value == HOSTILE[0] and wb[L.NOTES]["F2"].data_type == "s"
    plain = wb[L.SCORES]["A1"]  # our own label: no prefix needed
    assert (plain.value, plain.quotePrefix) == ("Option", False)


def test_hostile_workbook_imports_back_unchanged(hostile_workbook):
    assert import_matrix(hostile_workbook).matrix == hostile_matrix()


def test_control_characters_and_very_long_text_do_not_break_the_file(tmp_path):
    m = small_matrix()
    m.options[0] = Option("a", "Al\x01pha\x0b")
    long_text = "why " * 10_000
    m.scores[("a", "price")] = Score(value=40, rationale=long_text, source="\x00src")
    path = tmp_path / "odd.xlsx"
    export_workbook(m, path)
    wb = openpyxl.load_workbook(path)
    assert wb[L.SCORES]["A6"].value == "Al\ufffdpha\ufffd"
    shown = wb[L.NOTES]["F2"].value
    assert len(shown) == MAX_CELL_CHARS and shown.endswith("[…]")
    # The exact text travels in the matrix document inside the workbook.
    back = import_matrix(path).matrix
    assert back.options[0].name == "Al\x01pha\x0b"
    assert back.scores[("a", "price")].rationale == long_text
    assert back.scores[("a", "price")].source == "\x00src"


@pytest.mark.parametrize("text, prefixed", [
    ("=1", True), ("+1", True), ("-1", True), ("@x", True), ("\tx", True), ("\rx", True),
    ("x=1", False), (" =1", False), ("", False), ("1", False),
])
def test_which_text_needs_a_quote_prefix(text, prefixed):
    assert needs_quote_prefix(text) is prefixed


def test_cell_text_keeps_tabs_and_line_breaks_and_replaces_what_xml_forbids():
    assert cell_text("a\tb\nc\rd") == "a\tb\nc\rd"
    assert cell_text("a\x00b\x1fc\ud800") == "a\ufffdb\ufffdc\ufffd"
