"""Fast worksheet cells for the Excel export: openpyxl builds the package, rows stream in.

openpyxl serialises each cell through a generic XML writer at ~8 µs a cell and
writes numbers with 16 significant digits (one short of a round trip for
some doubles). A 10,000 × 50 matrix becomes about 1.5 million cells (scores,
values, contributions), so the export lets openpyxl write everything that
is not a cell value — styles, column widths, frozen panes, data validation,
conditional formats, comments, charts, defined names, hidden sheets — and then
copies its package into the final file, replacing each worksheet's
``<sheetData>`` with rows produced here as plain strings.

The cells written here follow ECMA-376 Part 1, §18.3.1.4 (``c``) and
§18.3.1.73 (``row``): numbers as ``<v>`` in shortest round-trip form, text as
inline strings (never formulas: see :mod:`tradeoff.io.safe_text`) and formulas
as ``<f>`` without a cached value, so a spreadsheet computes them on opening.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree as SafeET
from openpyxl.utils import get_column_letter

from tradeoff.io.atomic import atomic_file
from tradeoff.io.safe_text import cell_text, needs_quote_prefix, xml_escape_text

ProgressCallback = Callable[[float], None]
CancelCheck = Callable[[], bool]

_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_DATA = re.compile(r"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.DOTALL)
_DIMENSION = re.compile(r"<dimension ref=\"[^\"]*\"\s*/>")
_FLUSH_CHARS = 1 << 18  # write to the zip in chunks of about 256 KB


class ExportCancelled(Exception):
    """The caller asked the export to stop; no file was written."""


def col(index: int) -> str:
    """Column letter of a 1-based column index (1 → A)."""
    return get_column_letter(index)


def number_xml(ref: str, value: float | int, style: int = 0) -> str:
    """A number cell, written exactly (shortest round-trip form)."""
    if isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"{ref}: {value!r} is not a finite number")
    text = repr(int(value)) if isinstance(value, int) else repr(float(value))
    return f'<c r="{ref}" s="{style}"><v>{text}</v></c>' if style else \
        f'<c r="{ref}"><v>{text}</v></c>'


def text_xml(ref: str, value: str, style: int = 0, quoted_style: int | None = None) -> str:
    """A text cell: always an inline string, never a formula.

    ``quoted_style`` is the same style with ``quotePrefix`` set, used when the
    text begins like a formula so that editing it in Excel keeps it text.
    """
    clean = cell_text(value)
    if quoted_style is not None and needs_quote_prefix(clean):
        style = quoted_style
    s = f' s="{style}"' if style else ""
    return (f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">'
            f"{xml_escape_text(clean)}</t></is></c>")


def formula_xml(ref: str, formula: str, style: int = 0) -> str:
    """A formula cell (``formula`` without the leading ``=``), computed on opening."""
    escaped = formula.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f'<c r="{ref}" s="{style}"><f>{escaped}</f></c>' if style else \
        f'<c r="{ref}"><f>{escaped}</f></c>'


def blank_xml(ref: str, style: int) -> str:
    """An empty cell that carries a style (an input cell waiting for a value)."""
    return f'<c r="{ref}" s="{style}"/>'


def row_xml(row: int, cells: Iterable[str]) -> str:
    return f'<row r="{row}">{"".join(cells)}</row>'


@dataclass
class SheetRows:
    """The rows of one worksheet: ``rows`` yields complete ``<row>`` strings in order."""

    title: str
    rows: Iterator[str]
    row_count: int
    last_cell: str  # bottom-right cell of the used range, for <dimension>


def sheet_parts(package: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet titles → part names inside the package (from workbook.xml and its rels)."""
    workbook = SafeET.fromstring(package.read("xl/workbook.xml"))
    rels = SafeET.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "")
               for r in rels.iter(f"{{{_PKG_REL_NS}}}Relationship")}
    parts: dict[str, str] = {}
    for sheet in workbook.iter(f"{{{_MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
        parts[sheet.get("name", "")] = target.lstrip("/") if target.startswith("/") \
            else f"xl/{target}"
    return parts


def write_package(skeleton: bytes, sheets: list[SheetRows], target: Path, *,
                  progress: ProgressCallback | None = None,
                  should_cancel: CancelCheck | None = None,
                  done_before: float = 0.0) -> None:
    """Copy the openpyxl ``skeleton`` to ``target`` with each sheet's rows streamed in.

    The file is built under a temporary name beside ``target`` and moved into
    place only when complete, so a failure or a cancellation leaves any
    previous file untouched and no partial file behind. ``progress`` receives
    fractions from ``done_before`` up to 1.
    """
    target = Path(target)
    total_rows = max(1, sum(s.row_count for s in sheets))
    ticker = _Ticker(progress, should_cancel, done_before, total_rows)
    with atomic_file(target) as raw, \
            zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as out, \
            zipfile.ZipFile(io.BytesIO(skeleton)) as package:
        parts = sheet_parts(package)
        streamed = {parts[s.title]: s for s in sheets}
        for info in package.infolist():
            if info.filename in streamed:
                _write_sheet(package.read(info).decode("utf-8"), streamed[info.filename],
                             out, info, ticker)
            else:
                out.writestr(info, package.read(info))
    if progress is not None:
        progress(1.0)


def _write_sheet(frame: str, sheet: SheetRows, out: zipfile.ZipFile, info: zipfile.ZipInfo,
                 ticker: _Ticker) -> None:
    match = _SHEET_DATA.search(frame)
    if match is None:  # openpyxl always writes one; anything else is a bug here
        raise RuntimeError(f"worksheet {sheet.title!r} has no <sheetData> to fill")
    head = _DIMENSION.sub(f'<dimension ref="A1:{sheet.last_cell}"/>', frame[:match.start()], 1)
    # Opened by name, the member takes the archive's compression and level.
    with out.open(info.filename, "w") as stream:
        stream.write(head.encode("utf-8"))
        stream.write(b"<sheetData>")
        buffer: list[str] = []
        size = 0
        for row in sheet.rows:
            buffer.append(row)
            size += len(row)
            ticker.tick()
            if size >= _FLUSH_CHARS:
                stream.write("".join(buffer).encode("utf-8"))
                buffer.clear()
                size = 0
        stream.write("".join(buffer).encode("utf-8"))
        stream.write(b"</sheetData>")
        stream.write(frame[match.end():].encode("utf-8"))


class _Ticker:
    """Counts streamed rows; reports progress and checks for cancellation now and then."""

    def __init__(self, progress: ProgressCallback | None, should_cancel: CancelCheck | None,
                 start: float, total: int) -> None:
        self.progress = progress
        self.should_cancel = should_cancel
        self.start = start
        self.total = total
        self.done = 0
        self.every = max(1, min(500, total // 100))

    def tick(self) -> None:
        self.done += 1
        if self.done % self.every:
            return
        if self.should_cancel is not None and self.should_cancel():
            raise ExportCancelled
        if self.progress is not None:
            self.progress(self.start + (1.0 - self.start) * self.done / self.total)
