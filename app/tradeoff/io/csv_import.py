"""Import a plain options × criteria table from a CSV file.

The layout is the one :mod:`tradeoff.io.sheet_import` describes. Commas,
semicolons and tabs are recognised as separators; with semicolons a decimal
comma (``3,5``) is read as a number, as European spreadsheets write it. The
file should be UTF-8; a file that is not is read as Windows-1252 (what Excel
writes as "CSV" on Windows) and the import says so. Cells are named ``C4`` —
column C of the fourth record.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

from tradeoff.core.errors import Problem, ValidationError
from tradeoff.io.sheet_import import MAX_COLUMNS, MAX_ROWS, ImportResult, parse_grid

MAX_CSV_BYTES = 100 * 1024 * 1024
_SNIFF_CHARS = 64 * 1024
_SEPARATORS = ",;\t"
_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs"}


def import_csv(path: str | os.PathLike[str]) -> ImportResult:
    p = Path(path)
    source = str(p)
    try:
        size = p.stat().st_size
        if size > MAX_CSV_BYTES:
            raise ValidationError([Problem("", f"the file is {size / 1e6:.0f} MB; CSV imports "
                                               f"are limited to {MAX_CSV_BYTES // 2**20} MB")],
                                  source)
        data = p.read_bytes()
    except OSError as e:
        raise ValidationError([Problem("", f"cannot read the file: {e.strerror or e}")],
                              source) from e
    if b"\x00" in data[:_SNIFF_CHARS]:
        raise ValidationError([Problem("", "this is not a text file (it contains NUL bytes); "
                                           "is it a workbook saved with the wrong extension?")],
                              source)
    warnings: list[str] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        warnings.append("the file is not UTF-8; it was read as Windows-1252 text")
    dialect = _dialect(text[:_SNIFF_CHARS], complete=len(text) <= _SNIFF_CHARS, source=source)
    try:
        result = parse_grid(_records(text, dialect, source), "", p.stem,
                            comma_decimal=dialect.delimiter == ";",
                            description=f"Imported from {p.name}.")
    except ValidationError as e:
        raise ValidationError(e.problems, source) from e
    result.warnings[:0] = warnings
    result.kind = "CSV file"
    return result


def _dialect(sample: str, *, complete: bool, source: str) -> type[csv.Dialect]:
    """The file's dialect, refused when more than one separator fits.

    The sniffer picks among the separators that split every line into the same
    number of cells, preferring commas. A semicolon file with decimal commas in
    which each line holds equally many commas (a header "Cost, total" and one
    "1,5" per row) fits both, and read at the commas its numbers break in two
    and come back as other numbers (1,5 as 5), so such a file is refused.
    """
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=_SEPARATORS)
    except csv.Error:
        return csv.excel
    if not complete:  # the sample may end inside a line
        sample = sample.rpartition("\n")[0]
    chosen = _columns_if_even(sample, dialect, dialect.delimiter)
    if chosen:
        for rival in _SEPARATORS.replace(dialect.delimiter, ""):
            columns = _columns_if_even(sample, dialect, rival)
            if columns:
                raise ValidationError([Problem("", (
                    f"the separator is unclear: every line splits into {chosen} columns at "
                    f"{_NAMES[dialect.delimiter]} and into {columns} at {_NAMES[rival]}; put "
                    "the cells that hold either in double quotes, or save the file again "
                    "with one separator that no cell holds"))], source)
    return dialect


def _columns_if_even(sample: str, dialect: type[csv.Dialect], separator: str) -> int:
    """How many columns each non-blank line of ``sample`` has when split at
    ``separator``, if that is the same number (above one) for every line; else 0."""
    trial = type("Trial", (dialect,), {"delimiter": separator, "strict": False})
    try:
        counts = {len(record) for record in csv.reader(io.StringIO(sample, newline=""), trial)
                  if any(cell.strip() for cell in record)}
    except csv.Error:
        return 0
    return counts.pop() if len(counts) == 1 and min(counts) > 1 else 0


def _records(text: str, dialect: type[csv.Dialect], source: str) -> Iterator[list[str | None]]:
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    try:
        for n, record in enumerate(reader, start=1):
            if n > MAX_ROWS:
                raise ValidationError([Problem("", f"more than {MAX_ROWS:,} rows; the import is "
                                                   f"limited to {MAX_ROWS:,}")], source)
            if len(record) > MAX_COLUMNS + 1:
                raise ValidationError([Problem(f"row {n}", f"{len(record):,} columns; the import "
                                                           f"is limited to {MAX_COLUMNS:,}")],
                                      source)
            yield [cell if cell.strip() else None for cell in record]
    except csv.Error as e:
        raise ValidationError([Problem(f"line {reader.line_num}", f"not valid CSV: {e}")],
                              source) from e
