"""Spreadsheet-style copy and paste of score blocks as tab-separated text.

A pasted block is checked whole before anything changes: one bad cell
rejects the paste with a message naming the cell, and a good block is one
undo step.
"""

from __future__ import annotations

import csv
import io

from PySide6.QtGui import QUndoCommand

from tradeoff.core.model import DecisionMatrix, Score
from tradeoff.gui.common.cell_values import (
    CellValueError,
    dropped_note,
    edit_text,
    parse_score_text,
    with_value,
)
from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import set_scores


class PasteError(ValueError):
    """A block that cannot be pasted; the message names the cell and the reason."""


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text, read as Excel and LibreOffice write it.

    The csv module's tab dialect: a cell holding a line break, a tab or a
    quote comes quoted ("two\nlines"), so it stays one cell of one row. The
    trailing line end spreadsheets add is not a row.
    """
    if not text:
        return []
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))
    return [row if row else [""] for row in rows]


def block_to_tsv(matrix: DecisionMatrix, rows: list[int], columns: list[int]) -> str:
    """The scores of ``rows`` × ``columns`` as tab-separated text, as a spreadsheet copies."""
    out = io.StringIO()
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    for r in rows:
        oid = matrix.options[r].id
        writer.writerow([edit_text(matrix.score(oid, matrix.criteria[c].id).value)
                         for c in columns])
    return out.getvalue()


def paste_command(doc: Document, text: str, top: int, left: int,
                  fill_rows: int = 1, fill_columns: int = 1) -> QUndoCommand:
    """One undo command writing the block in ``text`` with its top-left at (top, left).

    A single value pasted into a larger selection fills the selection
    (``fill_rows`` × ``fill_columns``), as spreadsheets do. Raises PasteError.
    """
    m = doc.view()  # in a scenario, the cells pasted over are its own
    block = parse_tsv(text)
    if not block:
        raise PasteError("the clipboard holds no cells to paste")
    if len(block) == 1 and len(block[0]) == 1 and (fill_rows > 1 or fill_columns > 1):
        block = [[block[0][0]] * fill_columns for _ in range(fill_rows)]
    height, width = len(block), max(len(row) for row in block)
    if top + height > len(m.options) or left + width > len(m.criteria):
        raise PasteError(
            f"the pasted block is {height} row(s) × {width} column(s), but from "
            f"{m.options[top].name} / {m.criteria[left].name} there is room for only "
            f"{len(m.options) - top} × {len(m.criteria) - left}")
    cells: dict[tuple[str, str], Score | None] = {}
    dropped = 0
    for i, row in enumerate(block):
        option = m.options[top + i]
        for j, text_cell in enumerate(row):
            criterion = m.criteria[left + j]
            try:
                value = parse_score_text(criterion, text_cell)
            except CellValueError as e:
                raise PasteError(f"row {i + 1}, column {j + 1} of the pasted block "
                                 f"({option.name} / {criterion.name}): {e}") from None
            old = m.score(option.id, criterion.id)
            if value != old.value:
                own = _own_score(doc, top + i, left + j, old)
                new = cells[(option.id, criterion.id)] = with_value(criterion, own, value)
                dropped += bool(dropped_note(criterion, own, new))
    # Ranges (or log-normal draws) the pasted values no longer fit are dropped; the
    # undo step's name, shown in the status bar, says how many.
    note = f"; {dropped} cell(s) lost a range or draw their new value falls outside " \
        "(Undo restores them)" if dropped else ""
    return set_scores(doc, cells, f"Paste {height} × {width} cells{note}")


def _own_score(doc: Document, row: int, col: int, shown: Score) -> Score:
    """What an edit of a cell starts from: the cell as shown, except that in a scenario
    a cell it does not override yet starts a new override from an empty score (the base
    cell's range, reason and source are not the scenario's), as typing in the grid does."""
    if doc.scenario() is not None and not doc.is_overridden(row, col):
        return Score()
    return shown


def clear_command(doc: Document, cells: list[tuple[int, int]]) -> QUndoCommand:
    """Clear the values (and ranges) of the cells; rationale and source stay."""
    m = doc.view()
    changes: dict[tuple[str, str], Score | None] = {}
    for r, c in cells:
        option, criterion = m.options[r], m.criteria[c]
        old = m.score(option.id, criterion.id)
        if old.value is not None or old.has_range:
            changes[(option.id, criterion.id)] = with_value(criterion, _own_score(doc, r, c, old),
                                                            None)
    return set_scores(doc, changes, f"Clear {len(changes)} cell(s)")
