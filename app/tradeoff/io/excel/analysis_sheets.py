"""The Methods, Sensitivity and Uncertainty sheets: frames (openpyxl) and rows (streamed).

**Methods** lists every option (best first under the primary method) with its
rank under each scoring method side by side; above the ranks, each method's
normalisation, its Kendall's τ against the primary method and why it could
not run, if it could not. A rank that differs from the primary method's is
shaded. **Sensitivity** and **Uncertainty** are stacks of tables, each a bold
title, a note, a header row and data rows, with a blank row between tables.

Every number here was computed at export (see :mod:`tradeoff.io.excel.analysis`)
and is written as a value, not a formula; the second row of each sheet says so.
All text — option, criterion and profile names included — is written with the
same text-safe writers as the other sheets, so it can never become a formula.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from tradeoff.core.methods.crosscheck import CrossCheck
from tradeoff.core.robustness_report import ReportTable
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.analysis import (
    METHODS_SHEET,
    SENSITIVITY_SHEET,
    UNCERTAINTY_SHEET,
    AnalysisContent,
)
from tradeoff.io.excel.style import Styles
from tradeoff.io.excel.xlsx_stream import SheetRows, col, number_xml, row_xml, text_xml

# A rank that differs from the primary method's.
DIFFERS_FILL = PatternFill("solid", start_color="FCE4D6")
TAU_FORMAT = "0.000"
NAME_WIDTH = 34
METHOD_WIDTH = 20
EMPTY = "—"  # shown for a statistic that is undefined (τ of a method that did not run)

SHEET_TITLES = {
    METHODS_SHEET: "Methods: the ranking under every scoring method",
    SENSITIVITY_SHEET: "Sensitivity: how far weights and scores can move before the "
                       "recommendation changes",
    UNCERTAINTY_SHEET: "Uncertainty: rank acceptability when weights and scores are uncertain",
}


def fixed_numbers_note(profile_name: str) -> str:
    return (f"Computed by Tradeoff at export for profile {profile_name!r}; fixed numbers, not "
            "recalculated when weights or scores change in this workbook (the Summary and "
            "Values sheets are).")


@dataclass(frozen=True)
class AnalysisStyles:
    rank: int  # a rank (general number format)
    differs: int  # a rank that differs from the primary method's: shaded
    tau: int  # Kendall's τ


def register_analysis_styles(wb: Workbook) -> AnalysisStyles:
    """Register the styles these sheets add to the export's own (see io.excel.style)."""
    scratch = wb.create_sheet("analysis-styles-scratch")
    rank, differs, tau = scratch["A1"], scratch["A2"], scratch["A3"]
    rank.number_format = "General"
    differs.number_format = "General"
    differs.fill = DIFFERS_FILL
    tau.number_format = TAU_FORMAT
    ids = AnalysisStyles(rank.style_id, differs.style_id, tau.style_id)
    wb.remove(scratch)
    return ids


def add_analysis_sheets(wb: Workbook, content: AnalysisContent, st: Styles) -> list[SheetRows]:
    """Create the three sheets (before the hidden sheet) and return their rows to stream."""
    ast = register_analysis_styles(wb)
    position = wb.sheetnames.index(L.EMBEDDED) if L.EMBEDDED in wb.sheetnames \
        else len(wb.sheetnames)
    methods = MethodsSheet(content)
    ws = wb.create_sheet(METHODS_SHEET, position)
    methods.frame(ws)
    sheets = [SheetRows(METHODS_SHEET, methods.rows(st, ast), methods.row_count,
                        methods.last_cell)]
    for k, title in enumerate((SENSITIVITY_SHEET, UNCERTAINTY_SHEET)):
        report = ReportSheet(title, content)
        ws = wb.create_sheet(title, position + 1 + k)
        report.frame(ws)
        sheets.append(SheetRows(title, report.rows(st), report.row_count, report.last_cell))
    return sheets


# -- Methods ---------------------------------------------------------------------
class MethodsSheet:
    """Options × methods ranks under a header block of per-method facts."""

    def __init__(self, content: AnalysisContent) -> None:
        self.content = content
        self.cc: CrossCheck = content.methods
        self.notes = [fixed_numbers_note(content.profile_name),
                      f"A shaded rank differs from the {self.primary_name}'s. Kendall's τ "
                      f"compares each method's ranking with the {self.primary_name}'s: 1 is the "
                      "same order, −1 the reverse.", *content.methods_notes]
        self.header_row = 2 + len(self.notes) + 1
        self.first_option_row = self.header_row + 4
        self.ranks = rank_matrix(self.cc)
        self.order = self._option_order()

    @property
    def primary_name(self) -> str:
        return self.cc.primary.display_name

    @property
    def n_columns(self) -> int:
        return len(self.cc.outcomes) + 2

    @property
    def row_count(self) -> int:
        return self.first_option_row - 1 + len(self.order)

    @property
    def last_cell(self) -> str:
        return f"{col(self.n_columns)}{self.row_count}"

    def _option_order(self) -> list[int]:
        """Option indices best first under the primary method; unranked last, matrix order."""
        primary = self.ranks[:, 0]
        return sorted(range(len(primary)),
                      key=lambda i: (math.isnan(primary[i]), 0 if math.isnan(primary[i])
                                     else primary[i], i))

    def frame(self, ws: Worksheet) -> None:
        ws.column_dimensions["A"].width = NAME_WIDTH
        for k in range(len(self.cc.outcomes)):
            ws.column_dimensions[col(k + 2)].width = METHOD_WIDTH
        ws.column_dimensions[col(self.n_columns)].width = 40
        ws.freeze_panes = f"B{self.first_option_row}"

    def rows(self, st: Styles, ast: AnalysisStyles) -> Iterator[str]:
        cc, outcomes = self.cc, self.cc.outcomes
        yield row_xml(1, [text_xml("A1", SHEET_TITLES[METHODS_SHEET], st.title.plain)])
        for k, note in enumerate(self.notes):
            yield row_xml(2 + k, [text_xml(f"A{2 + k}", note, st.text.plain, st.text.quoted)])
        h = self.header_row
        last = col(self.n_columns)
        yield row_xml(h, [text_xml(f"A{h}", "Option", st.header.plain),
                          *(text_xml(f"{col(k + 2)}{h}", m.display_name, st.header.plain)
                            for k, m in enumerate(outcomes)),
                          text_xml(f"{last}{h}", "Ranked differently by", st.header.plain)])
        facts = (("Normalisation", lambda m: m.normalisation),
                 (f"Kendall's τ against the {self.primary_name}", None),
                 ("Note", lambda m: m.error or ""))
        for k, (label, text_of) in enumerate(facts):
            r = h + 1 + k
            cells = [text_xml(f"A{r}", label, st.label.plain)]
            for j, m in enumerate(outcomes):
                ref = f"{col(j + 2)}{r}"
                if text_of is None:
                    cells.append(number_xml(ref, m.tau, ast.tau) if math.isfinite(m.tau)
                                 else text_xml(ref, EMPTY, st.text.plain))
                elif text_of(m):
                    cells.append(text_xml(ref, text_of(m), st.wrapped.plain, st.wrapped.quoted))
            yield row_xml(r, cells)
        compared = [m.result is not None for m in outcomes]
        compared[0] = False  # the primary method is the reference
        for n, i in enumerate(self.order):
            r = self.first_option_row + n
            cells = [text_xml(f"A{r}", cc.option_names[i], st.label.plain, st.label.quoted)]
            differing = []
            primary = self.ranks[i, 0]
            for j, m in enumerate(outcomes):
                rank = self.ranks[i, j]
                if math.isnan(rank):
                    continue
                # as CrossCheck.differs: a rank where the primary method has none differs too
                differs = compared[j] and rank != primary
                if differs:
                    differing.append(m.display_name)
                value = int(rank) if rank == int(rank) else float(rank)
                cells.append(number_xml(f"{col(j + 2)}{r}", value,
                                        ast.differs if differs else ast.rank))
            if differing:
                cells.append(text_xml(f"{last}{r}", ", ".join(differing), st.text.plain))
            yield row_xml(r, cells)


def rank_matrix(cc: CrossCheck) -> np.ndarray:
    """Options × methods (primary first): ``cc.ranks_frame()``'s numbers, NaN for no rank.

    Gathered a column at a time, as ``ranks_frame`` looks each cell up on its own
    (half a second for 10,000 options).
    """
    out = np.full((len(cc.option_ids), len(cc.outcomes)), np.nan)
    for j, m in enumerate(cc.outcomes):
        if m.ranks is not None:
            out[:, j] = m.ranks.reindex(cc.option_ids).to_numpy(dtype=float)
    return out


# -- Sensitivity and Uncertainty -------------------------------------------------
@dataclass
class _Block:
    """One table as it is laid out: where it starts and how much of it is shown."""

    table: ReportTable
    title_row: int
    note: str
    rows: list[list[object]]
    columns: int

    @property
    def header_row(self) -> int:
        return self.title_row + (2 if self.note else 1)

    @property
    def last_row(self) -> int:
        return self.header_row + len(self.rows)


class ReportSheet:
    """A stack of :class:`ReportTable` blocks under the sheet's title and notes."""

    def __init__(self, title: str, content: AnalysisContent) -> None:
        self.title = title
        self.notes = [fixed_numbers_note(content.profile_name), *content.sheet_notes.get(title, [])]
        limits = content.limits
        row = 2 + len(self.notes) + 1
        self.blocks: list[_Block] = []
        for table in content.tables.get(title, []):
            block = _shown(table, row, limits.max_table_rows, limits.max_table_columns)
            self.blocks.append(block)
            row = block.last_row + 2

    @property
    def n_columns(self) -> int:
        return max([1, *(b.columns for b in self.blocks)])

    @property
    def row_count(self) -> int:
        return self.blocks[-1].last_row if self.blocks else 1 + len(self.notes)

    @property
    def last_cell(self) -> str:
        return f"{col(self.n_columns)}{self.row_count}"

    def frame(self, ws: Worksheet) -> None:
        widths = [10.0] * self.n_columns
        widths[0] = NAME_WIDTH
        for b in self.blocks:
            for c in range(1, b.columns):
                longest = max([len(b.table.headers[c]),
                               *(len(r[c]) for r in b.rows[:200]
                                 if c < len(r) and isinstance(r[c], str))])
                widths[c] = max(widths[c], min(45.0, longest * 1.1 + 2))
        for c, width in enumerate(widths):
            ws.column_dimensions[col(c + 1)].width = width
        ws.freeze_panes = "B3"  # the sheet's title and the fixed-numbers note, and the names

    def rows(self, st: Styles) -> Iterator[str]:
        yield row_xml(1, [text_xml("A1", SHEET_TITLES[self.title], st.title.plain)])
        for k, note in enumerate(self.notes):
            yield row_xml(2 + k, [text_xml(f"A{2 + k}", note, st.text.plain, st.text.quoted)])
        for b in self.blocks:
            t = b.title_row
            yield row_xml(t, [text_xml(f"A{t}", b.table.title, st.label.plain,
                                       st.label.quoted)])
            if b.note:
                yield row_xml(t + 1, [text_xml(f"A{t + 1}", b.note, st.helper_text.plain,
                                               st.helper_text.quoted)])
            h = b.header_row
            yield row_xml(h, [text_xml(f"{col(c + 1)}{h}", text, st.header.plain,
                                       st.header.quoted)
                              for c, text in enumerate(b.table.headers[:b.columns])])
            for k, values in enumerate(b.rows):
                r = h + 1 + k
                cells = (cell_xml(f"{col(c + 1)}{r}", v, c in b.table.percent, st)
                         for c, v in enumerate(values))
                yield row_xml(r, [c for c in cells if c is not None])


def _shown(table: ReportTable, title_row: int, max_rows: int, max_columns: int) -> _Block:
    """The part of ``table`` a sheet shows, with a note counting what is not shown."""
    columns = min(len(table.headers), max_columns)
    rows = [list(r[:columns]) for r in table.rows[:max_rows]]
    extra = []
    if len(table.rows) > max_rows:
        extra.append(f"The first {max_rows:,} of {len(table.rows):,} rows are shown.")
    if len(table.headers) > max_columns:
        extra.append(f"The first {max_columns:,} of {len(table.headers):,} columns are shown.")
    note = " ".join([table.note, *extra]).strip()
    return _Block(table, title_row, note, rows, columns)


def cell_xml(ref: str, value: object, percent: bool, st: Styles) -> str | None:
    """One report value: text stays text, shares as percentages; None, "" and NaN left empty."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return text_xml(ref, value, st.text.plain, st.text.quoted)
    if isinstance(value, bool):
        return text_xml(ref, "yes" if value else "no", st.text.plain)
    if isinstance(value, numbers.Integral):
        return number_xml(ref, int(value), st.weight if percent else st.number)
    if isinstance(value, numbers.Real):
        x = float(value)
        if math.isnan(x):
            return None
        if math.isinf(x):
            return text_xml(ref, "∞" if x > 0 else "−∞", st.text.plain)
        return number_xml(ref, x, st.share(x) if percent else st.total)
    return text_xml(ref, str(value), st.text.plain, st.text.quoted)
