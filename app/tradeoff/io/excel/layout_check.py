"""Check the layout description a Tradeoff workbook carries before anything relies on it.

The hidden sheet's cell B2 says where the editable tables sit (see
:mod:`tradeoff.io.excel.embed`). A reader can unhide the sheet and change it,
so the whole description is checked first — its shape, every row and column
number and the active-profile cell — and any fault is refused naming that
cell, rather than failing later with an internal error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradeoff.core.errors import Problem, ValidationError
from tradeoff.io.excel.layout import EMBEDDED, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS

LAYOUT_CELL = f"{EMBEDDED}!B2"
# Tradeoff puts every table near the top-left corner of its sheet. The bound
# keeps a tampered description from making the reader walk a million empty rows.
MAX_OFFSET = 1_000
_CELL = re.compile(r"([A-Z]{1,3})([1-9][0-9]{0,6})")


@dataclass(frozen=True)
class ScoresLayout:
    sheet: str
    name_row: int
    worst_row: int
    best_row: int
    first_row: int
    first_col: int


@dataclass(frozen=True)
class WeightsLayout:
    sheet: str
    first_row: int
    first_points_col: int
    nodes: tuple[str, ...]


@dataclass(frozen=True)
class CheckedLayout:
    scores: ScoresLayout
    weights: WeightsLayout
    active_sheet: str
    active_cell: str


def checked_layout(raw: object, source: str) -> CheckedLayout:
    """The layout description, or :class:`ValidationError` naming the hidden cell."""

    def refuse(message: str) -> ValidationError:
        return ValidationError([Problem(LAYOUT_CELL, f"the workbook's layout description is "
                                                     f"damaged: {message}")], source)

    def table(parent: object, key: str, where: str) -> dict[str, object]:
        value = parent.get(key) if isinstance(parent, dict) else None
        if not isinstance(value, dict):
            raise refuse(f"{where}{key!r} must be a table")
        return value

    def text(parent: dict[str, object], key: str, where: str) -> str:
        value = parent.get(key)
        if not isinstance(value, str) or not value:
            raise refuse(f"{where}{key} must be a sheet name")
        return value

    def position(parent: dict[str, object], key: str, where: str) -> int:
        value = parent.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_OFFSET:
            raise refuse(f"{where}{key} must be a whole number from 1 to {MAX_OFFSET:,}, "
                         f"not {value!r}")
        return value

    if not isinstance(raw, dict):
        raise refuse(f"expected a table, found {type(raw).__name__}")
    s = table(raw, "scores", "")
    scores = ScoresLayout(text(s, "sheet", "scores."),
                          *(position(s, k, "scores.") for k in
                            ("name_row", "worst_row", "best_row", "first_row", "first_col")))
    w = table(raw, "weights", "")
    nodes = w.get("nodes")
    if not isinstance(nodes, list) or not all(isinstance(n, str) for n in nodes):
        raise refuse("weights.nodes must be a list of ids")
    if len(nodes) > MAX_SHEET_ROWS:
        raise refuse("weights.nodes lists more rows than a sheet has")
    weights = WeightsLayout(text(w, "sheet", "weights."), position(w, "first_row", "weights."),
                            position(w, "first_points_col", "weights."), tuple(nodes))
    a = table(raw, "active_profile", "")
    cell = a.get("cell")
    match = _CELL.fullmatch(cell) if isinstance(cell, str) else None
    if match is None or int(match[2]) > MAX_SHEET_ROWS or _column(match[1]) > MAX_SHEET_COLUMNS:
        raise refuse(f"active_profile.cell must be a cell address such as B2, not {cell!r}")
    return CheckedLayout(scores, weights, text(a, "sheet", "active_profile."), cell)


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - ord("A") + 1
    return n
