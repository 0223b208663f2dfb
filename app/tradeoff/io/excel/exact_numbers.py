"""Exported numbers survive a spreadsheet program that saves them with fewer digits.

A double needs up to 17 significant digits to be written exactly. LibreOffice
saves a workbook's numbers with 15 (0.30000000000000004 becomes 0.3, 1/3 becomes
0.333333333333333, 9007199254740993 becomes 9007199254740990) and openpyxl with
16, so a workbook opened and saved again, with nothing edited, would bring every
such number back changed. The export therefore carries the exact number in the
hidden sheet's matrix document, and the import keeps it wherever the cell still
shows that number as such a program writes it: the cell was not edited. A number
that differs otherwise is the reader's edit and is taken as read. (A reader who
types over a number the digits the cell already showed changes nothing, and the
exact number stays.)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from tradeoff.core.model import DecisionMatrix


def _number(x: object) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


def rounded_on_saving(x: object) -> bool:
    """True if ``x`` is a number that a program saving it with 15 significant digits
    could change (16 digits change only numbers that 15 change too)."""
    return _number(x) and float(f"{x:.15g}") != x  # type: ignore[str-format, operator]


def as_exported(exported: Any, read: Any) -> Any:
    """The number ``read`` from a cell where ``exported`` was written: ``exported``
    itself when ``read`` is it as saved with 15 or more significant digits, else ``read``.

    "As saved" is measured, not re-enacted: programs round differently (LibreOffice
    rounds the shortest decimal form half up, so 7.221648081421175 becomes
    7.22164808142118; Python's formatting rounds the binary value, giving …117),
    and a workbook saved by two programs is rounded twice (16 digits, then 15).
    Each stays within 0.55 units of the 15th significant digit (0.6 allows for
    the float arithmetic here). A spreadsheet keeps 15 digits, so the only edit
    that close is one to the 15th digit itself, which a reader who saw the cell
    would hardly make; were it made, the number kept differs from the one typed
    by less than a unit in that digit.
    """
    if not (_number(exported) and _number(read)):
        return read
    if read == exported:
        return exported
    if exported == 0:
        return read
    unit = 10.0 ** (math.floor(math.log10(abs(exported))) - 14)  # the 15th digit's
    return exported if abs(read - exported) <= 0.6 * unit else read


def rounded_score_values(m: DecisionMatrix) -> list[tuple[int, int, float | int]]:
    """(option index, criterion index, value) of every score value that saving could
    change, row by row in the matrix's order."""
    option_ids, criterion_ids = [o.id for o in m.options], [c.id for c in m.criteria]
    numbers, others = m.scores.numbers(option_ids, criterion_ids, copy=False)
    rows, cols = np.nonzero(np.isfinite(numbers) & ~_few_digits(numbers))
    values = numbers[rows, cols].tolist()
    out = [(i, j, v) for i, j, v in zip(rows.tolist(), cols.tolist(), values, strict=True)
           if float(f"{v:.15g}") != v]  # rounded_on_saving, for floats only
    # Integers beyond 2**53 are held as objects, not in the number array.
    bigs = [(i, j, v) for i, j, v in others if rounded_on_saving(v)]
    if bigs:
        out = sorted(out + bigs, key=lambda cell: (cell[0], cell[1]))
    return out


def _few_digits(x: np.ndarray) -> np.ndarray:
    """True where ``x`` certainly has at most 15 significant digits, being the float
    nearest N / 10**d for an integer |N| < 10**15 and d < 10: most typed data, told
    apart at array speed so that only the rest is formatted one by one."""
    out = np.zeros(x.shape, dtype=bool)
    with np.errstate(all="ignore"):
        for d in range(10):
            scale = 10.0 ** d
            scaled = np.rint(x * scale)
            out |= (np.abs(scaled) < 1e15) & (scaled / scale == x)
    return out
