"""Import a matrix from an Excel workbook or a CSV file.

A workbook exported by Tradeoff comes back whole (see
:mod:`tradeoff.io.excel.reimport`); any other workbook is read as a plain
options × criteria table (see :mod:`tradeoff.io.sheet_import`) from its first
visible sheet or the sheet named.

Workbooks are untrusted input. Before openpyxl parses anything the package is
checked (size, number of parts, declared uncompressed sizes and compression
ratios, against zip bombs); openpyxl then parses the XML with defusedxml,
which refuses DTDs and entity declarations (against "billion laughs"), and the
import refuses to run if defusedxml is not in use. Sheets are refused beyond
:data:`~tradeoff.io.sheet_import.MAX_ROWS` rows,
:data:`~tradeoff.io.sheet_import.MAX_COLUMNS` columns or
:data:`~tradeoff.io.sheet_import.MAX_CELLS` cells, before they are read in full.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import openpyxl
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET
from openpyxl.utils.exceptions import InvalidFileException

from tradeoff.core.errors import Problem, TradeoffError, ValidationError
from tradeoff.io.csv_import import import_csv
from tradeoff.io.excel.cells import sheet_values
from tradeoff.io.excel.embed import MARKER
from tradeoff.io.excel.layout import EMBEDDED
from tradeoff.io.excel.reimport import read_tradeoff_workbook
from tradeoff.io.excel.xlsx_stream import sheet_parts
from tradeoff.io.sheet_import import (
    ImportResult,
    check_size,
    parse_grid,
    sheet_prefix,
)

MAX_XLSX_BYTES = 200 * 1024 * 1024
MAX_PART_BYTES = 512 * 1024 * 1024  # uncompressed, per part
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # uncompressed, whole package
MAX_PARTS = 10_000
MAX_RATIO = 200  # uncompressed / compressed, for parts over 1 MB
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.DOTALL)
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_TYPE = re.compile(rb"\bt=\"([^\"]*)\"")
_REF = re.compile(rb"\br=\"([A-Z]+[0-9]+)\"")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)\"")

_STREAMED_PARTS = ("xl/worksheets/", "xl/sharedStrings")  # read by defusedxml's iterparse
WORKBOOK_SUFFIXES = {".xlsx", ".xlsm"}
CSV_SUFFIXES = {".csv", ".tsv", ".txt"}


def import_matrix(path: str | os.PathLike[str], *, sheet: str | None = None) -> ImportResult:
    """Read a matrix from ``path`` (.xlsx or .csv). Raises ValidationError naming the cell."""
    p = Path(path)
    suffix = p.suffix.casefold()
    if suffix in CSV_SUFFIXES:
        return import_csv(p)
    if suffix == ".xls":
        raise ValidationError([Problem("", "old-style .xls workbooks cannot be read; save it "
                                           "as .xlsx (Excel Workbook) first")], str(p))
    if suffix not in WORKBOOK_SUFFIXES:
        raise ValidationError([Problem("", f"unknown file type {p.suffix or '(none)'!r}; "
                                           "import .xlsx or .csv files")], str(p))
    return import_workbook(p, sheet=sheet)


def import_workbook(path: Path, *, sheet: str | None = None) -> ImportResult:
    source = str(path)
    require_safe_xml()
    check_package(path)
    try:
        vet_xml(path)
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a damaged package
        raise _read_error(e, source) from e
    try:
        if sheet is None and _is_tradeoff_workbook(wb):
            return read_tradeoff_workbook(wb, source, path)
        ws = _pick_sheet(wb, sheet, source)
        _refuse_hidden_cells(path, ws.title, source)
        try:
            result = parse_grid(_sheet_rows(ws), ws.title, path.stem,
                                description=f"Imported from {path.name}, sheet {ws.title}.")
        except ValidationError as e:
            raise ValidationError(e.problems, source) from e
        except TradeoffError:
            raise
        except Exception as e:
            raise _read_error(e, source) from e
        result.kind = "plain sheet"
        return result
    finally:
        wb.close()


def require_safe_xml() -> None:
    """Refuse to parse workbooks unless openpyxl parses XML with defusedxml."""
    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise TradeoffError("reading workbooks needs the defusedxml package, which guards "
                            "against malicious XML; install it (and do not set "
                            "OPENPYXL_DEFUSEDXML=False)")


def vet_xml(path: Path) -> None:
    """Parse the package's small XML parts with defusedxml before openpyxl does.

    openpyxl reads sheets and shared strings with defusedxml's iterparse, but the
    other parts with lxml if it was imported before tradeoff.io could ask it not
    to; lxml leaves entities unexpanded without refusing them. Vetting here gives
    the same refusal whichever parser openpyxl uses.
    """
    with zipfile.ZipFile(path) as package:
        for info in package.infolist():
            name = info.filename
            if not name.endswith((".xml", ".rels")) or name.startswith(_STREAMED_PARTS):
                continue
            SafeET.fromstring(package.read(name))


def check_package(path: Path) -> None:
    """Refuse files that are too big, not zip packages, or zip bombs — before parsing."""
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ValidationError([Problem("", f"cannot read the file: {e.strerror or e}")],
                              source) from e
    if size > MAX_XLSX_BYTES:
        raise ValidationError([Problem("", f"the file is {size / 1e6:.0f} MB; workbook imports "
                                           f"are limited to {MAX_XLSX_BYTES // 2**20} MB")], source)
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, OSError) as e:
        raise ValidationError([Problem("", "not an Excel workbook (.xlsx): the file is not a "
                                           "zip package")], source) from e
    if len(infos) > MAX_PARTS:
        raise ValidationError([Problem("", f"the package has {len(infos):,} parts; a workbook "
                                           f"is refused above {MAX_PARTS:,}")], source)
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        if (info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES
                or (info.file_size > 2**20 and ratio > MAX_RATIO)):
            raise ValidationError([Problem(info.filename, f"unpacks to {info.file_size / 1e6:,.0f}"
                                                          f" MB ({ratio:,.0f} times its packed "
                                                          "size); refused as a possible zip "
                                                          "bomb")], source)


def _read_error(e: Exception, source: str) -> ValidationError:
    # openpyxl re-raises parse failures as a ValueError; the cause says what happened.
    chain: list[BaseException] = []
    cause: BaseException | None = e
    while cause is not None and cause not in chain:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    if any(isinstance(c, DefusedXmlException) for c in chain):
        message = ("the workbook's XML declares a DTD or entities (a possible 'billion laughs' "
                   "XML bomb); refused")
    elif isinstance(e, zipfile.BadZipFile | KeyError | InvalidFileException):
        message = f"not a readable Excel workbook (.xlsx): {e}"
    elif isinstance(e, ParseError):
        message = f"the workbook is damaged (its XML does not parse: {e})"
    else:
        message = f"cannot read the workbook: {type(e).__name__}: {e}"
    return ValidationError([Problem("", message)], source)


def _is_tradeoff_workbook(wb: Any) -> bool:
    if EMBEDDED not in wb.sheetnames:
        return False
    first = next(wb[EMBEDDED].iter_rows(min_row=1, max_row=1, max_col=1, values_only=True), ())
    return bool(first) and first[0] == MARKER


def _pick_sheet(wb: Any, sheet: str | None, source: str) -> Any:
    if sheet is not None:
        if sheet not in wb.sheetnames:
            names = ", ".join(wb.sheetnames)
            raise ValidationError([Problem("", f"no sheet named {sheet!r} (sheets: {names})")],
                                  source)
        return wb[sheet]
    for ws in wb.worksheets:
        if ws.sheet_state == "visible":
            return ws
    raise ValidationError([Problem("", "the workbook has no visible worksheet")], source)


def _refuse_hidden_cells(path: Path, title: str, source: str) -> None:
    """Refuse what openpyxl's streaming reader would pass over without a word, found
    in the sheet's XML: merged cells (ignored), and formulas with no computed value
    (read as empty cells, so a score the spreadsheet shows would go missing)."""
    with zipfile.ZipFile(path) as package:
        part = sheet_parts(package).get(title)
        if part is None or part not in package.namelist():
            return
        xml = package.read(part)
    merged = _MERGE.findall(xml)
    if merged:
        ranges = ", ".join(m.decode() for m in merged[:3])
        where = f"{sheet_prefix(title)}{merged[0].decode()}"
        raise ValidationError([Problem(where, f"merged cells ({ranges}); unmerge them so that "
                                              "every criterion and option has its own cell")],
                              source)
    uncomputed = _uncomputed_formulas(xml)
    if uncomputed:
        refs = ", ".join(uncomputed[:3]) + (" …" if len(uncomputed) > 3 else "")
        raise ValidationError([Problem(
            f"{sheet_prefix(title)}{uncomputed[0]}",
            f"{len(uncomputed):,} formula cell{'s' if len(uncomputed) > 1 else ''} ({refs}) "
            "without a computed value: the workbook was written by a program that does not "
            "calculate; open it in a spreadsheet and save it, then import again")], source)


def _uncomputed_formulas(xml: bytes) -> list[str]:
    """Cells holding a formula but no value, as a spreadsheet never writes them (a
    formula whose result is empty text is typed ``str`` and is left alone)."""
    if not _FORMULA.search(xml):
        return []
    out = []
    for attributes, content in _CELL.findall(xml):
        if not _FORMULA.search(content):
            continue
        kind = _TYPE.search(attributes)
        if kind is not None and kind.group(1) != b"n":
            continue  # text, a truth value or an error: not a number that went missing
        value = _VALUE.search(content)
        if value is None or not value.group(1).strip():
            ref = _REF.search(attributes)
            out.append(ref.group(1).decode() if ref else "?")
    return out


def _sheet_rows(ws: Any) -> Iterator[list[object]]:
    if ws.max_row is not None and ws.max_column is not None:
        check_size(ws.title, ws.max_row, ws.max_column)  # the size the sheet declares
    ws.reset_dimensions()  # then trust only the cells actually present
    return sheet_values(ws)
