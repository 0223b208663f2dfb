"""Cell styles of the exported workbook, registered with openpyxl once per export.

Rows are streamed as XML (see :mod:`tradeoff.io.excel.xlsx_stream`), so each cell
refers to a style by its index in the workbook's style table. Styling a
scratch cell through openpyxl's public API registers the style and gives that
index; the scratch sheet is then removed, the style table stays.

Every text style has a twin with ``quotePrefix`` set, used for user text that
begins like a formula.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from tradeoff.core.printed_numbers import MAX_SHARE_DECIMALS, share_decimals

INPUT_FILL = PatternFill("solid", start_color="FFF8E1")  # cells a reader may change
HEADER_FILL = PatternFill("solid", start_color="E8EAF0")
HELPER_FONT = Font(color="808080", italic=True)
ACTIVE_FILL = PatternFill("solid", start_color="D7ECD9")  # the active profile's columns

VALUE_FORMAT = "0.000"
TOTAL_DECIMALS = 4
TOTAL_FORMAT = "0." + "0" * TOTAL_DECIMALS
WEIGHT_FORMAT = "0.0%"


@dataclass(frozen=True)
class TextStyle:
    """A text style and its quote-prefixed twin (for text that begins like a formula)."""

    plain: int
    quoted: int


@dataclass(frozen=True)
class Styles:
    title: TextStyle
    header: TextStyle
    label: TextStyle
    text: TextStyle
    wrapped: TextStyle
    input_text: TextStyle
    input_number: int
    number: int
    value: int
    total: int
    weight: int
    helper: int
    helper_text: TextStyle
    shares: tuple[int, ...]  # a fixed share shown with 1, 2, … decimals

    def share(self, x: float) -> int:
        """The style for the fixed share ``x``: 0.0 % and 100.0 % only when exactly so."""
        return self.shares[share_decimals(x) - 1]


def register_styles(wb: Workbook, total_decimals: int = TOTAL_DECIMALS) -> Styles:
    """Register every style the export uses with ``wb`` and return their indices.

    Totals, margins and regrets show ``total_decimals`` decimals."""
    scratch = wb.create_sheet("styles-scratch")
    row = 0

    def style(*, font: Font | None = None, fill: PatternFill | None = None,
              number_format: str | None = None, alignment: Alignment | None = None,
              border: Border | None = None, quote: bool = False) -> int:
        nonlocal row
        row += 1
        cell = scratch.cell(row=row, column=1)
        if font is not None:
            cell.font = font
        if fill is not None:
            cell.fill = fill
        if number_format is not None:
            cell.number_format = number_format
        if alignment is not None:
            cell.alignment = alignment
        if border is not None:
            cell.border = border
        if quote:
            cell.quotePrefix = True
        return cell.style_id

    def text_style(**kwargs: object) -> TextStyle:
        return TextStyle(style(**kwargs), style(quote=True, **kwargs))  # type: ignore[arg-type]

    header_kwargs = dict(font=Font(bold=True), fill=HEADER_FILL,
                         alignment=Alignment(wrap_text=True, vertical="top"),
                         border=Border(bottom=Side(style="thin", color="9097A8")))
    styles = Styles(
        title=text_style(font=Font(bold=True, size=14)),
        header=text_style(**header_kwargs),
        label=text_style(font=Font(bold=True)),
        text=TextStyle(0, style(quote=True)),
        wrapped=text_style(alignment=Alignment(wrap_text=True, vertical="top")),
        input_text=text_style(fill=INPUT_FILL),
        input_number=style(fill=INPUT_FILL),
        number=style(number_format="General"),
        value=style(number_format=VALUE_FORMAT),
        total=style(number_format="0." + "0" * total_decimals),
        weight=style(number_format=WEIGHT_FORMAT),
        helper=style(font=HELPER_FONT, number_format="General"),
        helper_text=text_style(font=HELPER_FONT),
        shares=tuple(style(number_format="0." + "0" * d + "%")
                     for d in range(1, MAX_SHARE_DECIMALS + 1)),
    )
    wb.remove(scratch)
    return styles
