"""Reading cell values from a read-only openpyxl worksheet.

Shared by the plain-sheet import and the re-import of Tradeoff's own
workbooks, so that neither has to import the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tradeoff.io.sheet_import import ErrorValue


def sheet_values(ws: Any, *, min_row: int = 1, max_row: int | None = None,
                 max_col: int | None = None) -> Iterator[list[object]]:
    """Rows of a read-only worksheet as Python values; errors as :class:`ErrorValue`."""
    for row in ws.iter_rows(min_row=min_row, max_row=max_row, max_col=max_col):
        values: list[object] = []
        for cell in row:
            value = cell.value
            if getattr(cell, "data_type", None) == "e" and value is not None:
                value = ErrorValue(value)
            values.append(value)
        yield values
