"""A plain options × criteria table (from a worksheet or a CSV file) read as a matrix.

Layout::

    option    | Price | Speed | Risk        <- first row: a label, then criterion names
    weight    | 2     | 1     | 1           <- optional rows, in any order, before the options
    direction | cost  |       | cost           (benefit or cost; empty means benefit)
    worst     | 100   | 0     | 10             (empty: taken from the data)
    best      | 0     | 10    | 0
    unit      | k€    | km/h  |
    Alpha     | 40    | 6     | 4           <- then one row per option
    Beta      | 20    | 3     | 7

Every rejection names the cell (``Sheet1!C4: 'abc' is not a number``); every
guess the import makes (anchors from the data, equal weights) is returned as a
warning.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tradeoff.core.errors import Problem, ValidationError
from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Direction,
    Metadata,
    Option,
    Score,
    WeightProfile,
    make_id,
)
from tradeoff.core.validate import check_matrix
from tradeoff.io.excel.xlsx_stream import col

# Larger sheets are refused before they are read in full.
MAX_ROWS = 100_000
MAX_COLUMNS = 1_000
MAX_CELLS = 2_000_000
MAX_PROBLEMS = 20  # report this many at once; the rest after those are fixed

SETTING_ROWS = {"weight": "weight", "weights": "weight", "direction": "direction",
                "worst": "worst", "best": "best", "unit": "unit", "units": "unit"}
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_COMMA_NUMBER = re.compile(r"^[+-]?\d+,\d+$")
# One separator after one to three digits (not a lone 0) and before exactly three:
# "1.000" or "1,000". In a decimal-comma file either could group thousands.
_GROUPED_OR_DECIMAL = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")


class ErrorValue(str):
    """A spreadsheet error such as ``#DIV/0!`` (as opposed to text that looks like one)."""


@dataclass
class ImportResult:
    matrix: DecisionMatrix
    warnings: list[str] = field(default_factory=list)
    kind: str = "plain sheet"


def sheet_prefix(sheet: str) -> str:
    """``Sheet1!``, with the name quoted as Excel does when it needs it ("" for no sheet)."""
    if not sheet:
        return ""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", sheet):
        return f"{sheet}!"
    return "'" + sheet.replace("'", "''") + "'!"


def cell_ref(sheet: str, row: int, column: int) -> str:
    """``Sheet1!C4`` (just ``C4`` when ``sheet`` is empty, as for a CSV file)."""
    return f"{sheet_prefix(sheet)}{col(column)}{row}"


def check_size(sheet: str, rows: int, columns: int) -> None:
    """Refuse a sheet beyond the documented limits, saying which limit."""
    where = sheet or "the file"
    if rows > MAX_ROWS:
        raise ValidationError([Problem(where, f"more than {MAX_ROWS:,} rows; the import is "
                                              f"limited to {MAX_ROWS:,}")])
    if columns > MAX_COLUMNS:
        raise ValidationError([Problem(where, f"more than {MAX_COLUMNS:,} columns; the import "
                                              f"is limited to {MAX_COLUMNS:,}")])
    if rows * columns > MAX_CELLS:
        raise ValidationError([Problem(where, f"{rows:,} rows × {columns:,} columns is more than "
                                              f"{MAX_CELLS:,} cells; the import is limited "
                                              f"to {MAX_CELLS:,}")])


def is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Problems:
    def __init__(self, sheet: str) -> None:
        self.sheet = sheet
        self.items: list[Problem] = []

    def add(self, row: int, column: int, message: str) -> None:
        self.items.append(Problem(cell_ref(self.sheet, row, column), message))
        if len(self.items) >= MAX_PROBLEMS:
            self.raise_if_any()

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)


def parse_number(value: object, *, comma_decimal: bool = False) -> float | int | str:
    """A cell as a number, or a message saying why it is not one."""
    if isinstance(value, ErrorValue):
        return f"the cell holds the error {value}"
    if isinstance(value, bool):
        return f"{'TRUE' if value else 'FALSE'} is not a number"
    if isinstance(value, dt.date | dt.datetime | dt.time | dt.timedelta):
        return "a date or time, not a number"
    if isinstance(value, int | float):
        return value if math.isfinite(value) else f"{value} is not a finite number"
    text = str(value).strip()
    if comma_decimal and _GROUPED_OR_DECIMAL.match(text):
        grouped = int(text.replace(".", "").replace(",", ""))
        decimal = f"{float(text.replace(',', '.')):g}".replace(".", ",")  # as the file writes it
        return (f"{text!r} could mean {grouped} (thousands grouped) or {decimal}; "
                f"write {grouped} or {decimal}")
    if _NUMBER.match(text):
        number = float(text)
        if not math.isfinite(number):
            return f"{text!r} is too large"
        return int(text) if text.lstrip("+-").isdigit() else number
    if comma_decimal and _COMMA_NUMBER.match(text):
        return float(text.replace(",", "."))
    return f"{_shorten(text)!r} is not a number"


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _name(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_grid(rows: Iterable[Sequence[object]], sheet: str, title: str, *,
               comma_decimal: bool = False, description: str = "") -> ImportResult:
    """Read a plain table; ``sheet`` names the sheet in messages ("" for a CSV file)."""
    grid = _collect(rows, sheet)
    problems = _Problems(sheet)
    header_at = next((r for r, row in enumerate(grid) if any(not is_blank(v) for v in row)), None)
    if header_at is None:
        raise ValidationError([Problem(sheet or "the file", "the sheet is empty")])
    header = grid[header_at]
    body = grid[header_at + 1:]
    columns = _criterion_columns(header, body, header_at + 1, problems)
    settings: dict[str, tuple[int, Sequence[object]]] = {}
    options: list[tuple[int, str, Sequence[object]]] = []
    seen_options: dict[str, int] = {}
    for offset, row in enumerate(body):
        r = header_at + 2 + offset
        if all(is_blank(v) for v in row):
            continue
        first = row[0] if row else None
        label = _name(first).casefold().rstrip(":").strip() if not is_blank(first) else ""
        if not options and label in SETTING_ROWS:
            key = SETTING_ROWS[label]
            if key in settings:
                problems.add(r, 1, f"a second {key!r} row (the first is row {settings[key][0]})")
            settings[key] = (r, row)
            continue
        if is_blank(first):
            problems.add(r, 1, "a row of scores has no option name")
            continue
        if isinstance(first, ErrorValue):
            problems.add(r, 1, f"the cell holds the error {first}")
            continue
        name = _name(first)
        if name.casefold() in seen_options:
            problems.add(r, 1, f"duplicate option name {name!r} (also on row "
                               f"{seen_options[name.casefold()]})")
            continue
        seen_options[name.casefold()] = r
        options.append((r, name, row))
    problems.raise_if_any()
    if not columns:
        raise ValidationError([Problem(cell_ref(sheet, header_at + 1, 2),
                                       "no criterion names in the first row")])
    if not options:
        raise ValidationError([Problem(sheet or "the file", "no options: the sheet has a header "
                                                            "row but no rows of scores")])
    return _build(columns, settings, options, sheet, title, description, comma_decimal)


def _collect(rows: Iterable[Sequence[object]], sheet: str) -> list[list[object]]:
    grid: list[list[object]] = []
    width = 0
    for row in rows:
        cells = list(row)
        while cells and is_blank(cells[-1]):
            cells.pop()
        grid.append(cells)
        width = max(width, len(cells))
        check_size(sheet, len(grid), width)
    while grid and not grid[-1]:
        grid.pop()
    return grid


def _criterion_columns(header: Sequence[object], body: list[list[object]], header_row: int,
                       problems: _Problems) -> list[tuple[int, str]]:
    """(1-based column, name) of each criterion; empty spacer columns are skipped."""
    out: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    # Rows may run on past the last name (trailing blanks are trimmed from each
    # row), and scores out there must not be dropped without a word.
    width = max([len(header), *(len(row) for row in body)])
    for c in range(2, width + 1):
        value = _cell(header, c)
        if is_blank(value):
            if any(len(row) >= c and not is_blank(row[c - 1]) for row in body):
                problems.add(header_row, c, "a column of scores has no criterion name")
            continue
        if isinstance(value, ErrorValue):
            problems.add(header_row, c, f"the cell holds the error {value}")
            continue
        name = _name(value)
        if name.casefold() in seen:
            problems.add(header_row, c, f"duplicate criterion name {name!r} (also in column "
                                        f"{col(seen[name.casefold()])})")
            continue
        seen[name.casefold()] = c
        out.append((c, name))
    return out


def _cell(row: Sequence[object], c: int) -> object:
    return row[c - 1] if len(row) >= c else None


def _build(columns: list[tuple[int, str]], settings: dict[str, tuple[int, Sequence[object]]],
           options: list[tuple[int, str, Sequence[object]]], sheet: str, title: str,
           description: str, comma_decimal: bool) -> ImportResult:
    problems = _Problems(sheet)
    warnings: list[str] = []
    taken: set[str] = set()
    matrix = DecisionMatrix(metadata=Metadata(title=title, description=description,
                                              created=dt.date.today().isoformat()))
    for _r, name, _row in options:
        matrix.options.append(Option(make_id(name, taken), name))
        taken.add(matrix.options[-1].id)
    weights: dict[str, float] = {}
    refs: dict[str, str] = {}  # TOML key paths → cells, to word validation messages
    ids: list[str] = []
    data: list[list[float]] = []
    for c, name in columns:  # first every score, so that faults are named cell by cell
        cid = make_id(name, taken)
        taken.add(cid)
        ids.append(cid)
        data.append(_column_scores(matrix, cid, c, options, sheet, problems, refs,
                                   comma_decimal))
    problems.raise_if_any()
    if not matrix.scores:
        raise ValidationError([Problem(sheet or "the file", "no numeric data: every score cell "
                                                            "is empty")])
    for j, ((c, name), cid) in enumerate(zip(columns, ids, strict=True)):
        criterion = _criterion(cid, name, c, data[j], settings, problems, warnings,
                               comma_decimal)
        anchor_row = settings["worst"][0] if "worst" in settings else 1
        refs[f"criteria[{j}]"] = cell_ref(sheet, anchor_row, c)
        if "weight" in settings:
            refs[f"profiles[0].weights.{cid}"] = cell_ref(sheet, settings["weight"][0], c)
        if criterion is not None:
            matrix.criteria.append(criterion)
        weights[cid] = _weight(settings, c, name, problems, warnings, comma_decimal)
    problems.raise_if_any()
    if "weight" not in settings:
        warnings.append("no 'weight' row: every criterion weighs the same")
    if "direction" not in settings:
        warnings.append("no 'direction' row: every criterion is a benefit (higher is better)")
    matrix.profiles.append(WeightProfile(make_id("imported", taken), "Imported", weights))
    matrix.active_profile = matrix.profiles[0].id
    mapped = [Problem(refs.get(p.path, p.path), p.message) for p in check_matrix(matrix)]
    if mapped:
        raise ValidationError(mapped[:MAX_PROBLEMS])
    return ImportResult(matrix, warnings)


def _column_scores(matrix: DecisionMatrix, cid: str, c: int,
                   options: list[tuple[int, str, Sequence[object]]], sheet: str,
                   problems: _Problems, refs: dict[str, str], comma_decimal: bool) -> list[float]:
    """Read one criterion's scores into ``matrix``; returns the numbers read."""
    data: list[float] = []
    for i, (r, _option_name, row) in enumerate(options):
        value = _cell(row, c)
        oid = matrix.options[i].id
        refs[f"scores.{oid}.{cid}"] = cell_ref(sheet, r, c)
        if is_blank(value):
            continue
        number = parse_number(value, comma_decimal=comma_decimal)
        if isinstance(number, str):
            problems.add(r, c, number)
            continue
        matrix.scores.put((oid, cid), Score(value=number))  # copied in, nothing to bind
        data.append(float(number))
    return data


def _setting(settings: dict[str, tuple[int, Sequence[object]]], key: str,
             c: int) -> tuple[int, object]:
    if key not in settings:
        return 0, None
    r, row = settings[key]
    return r, _cell(row, c)


def _criterion(cid: str, name: str, c: int, data: list[float],
               settings: dict[str, tuple[int, Sequence[object]]], problems: _Problems,
               warnings: list[str], comma_decimal: bool) -> Criterion | None:
    r, text = _setting(settings, "direction", c)
    direction = Direction.BENEFIT
    if not is_blank(text):
        word = _name(text).casefold()
        if word not in ("benefit", "cost"):
            problems.add(r, c, f"{_shorten(_name(text))!r} is not 'benefit' or 'cost'")
            return None
        direction = Direction(word)
    anchors: dict[str, float] = {}
    for key in ("worst", "best"):
        r, value = _setting(settings, key, c)
        if is_blank(value):
            continue
        number = parse_number(value, comma_decimal=comma_decimal)
        if isinstance(number, str):
            problems.add(r, c, number)
            return None
        anchors[key] = float(number)
    if len(anchors) == 2 and is_blank(text) and anchors["best"] < anchors["worst"]:
        problems.add(_setting(settings, "best", c)[0], c,
                     f"best ({anchors['best']:g}) is below worst ({anchors['worst']:g}) but no "
                     "direction is given, which means benefit; write 'cost' in the direction row")
        return None
    if len(anchors) < 2:
        if not data:
            problems.add(1, c, f"{name!r} has no scores and no worst/best anchors")
            return None
        low, high = min(data), max(data)
        worst, best = (low, high) if direction is Direction.BENEFIT else (high, low)
        missing = [k for k in ("worst", "best") if k not in anchors]
        anchors = {"worst": worst, "best": best} | anchors
        if anchors["worst"] == anchors["best"]:
            problems.add(1, c, f"every option scores {low:g} on {name!r}; add 'worst' and "
                               "'best' rows to give its scale")
            return None
        warnings.append(f"{name}: no {' or '.join(missing)} anchor given; taken from the data "
                        f"({anchors['worst']:g} worst … {anchors['best']:g} best), so adding "
                        "options later may need new anchors")
    _r, unit = _setting(settings, "unit", c)
    return Criterion(cid, name, worst=anchors["worst"], best=anchors["best"],
                     direction=direction, unit="" if is_blank(unit) else _name(unit))


def _weight(settings: dict[str, tuple[int, Sequence[object]]], c: int, name: str,
            problems: _Problems, warnings: list[str], comma_decimal: bool) -> float:
    r, value = _setting(settings, "weight", c)
    if "weight" not in settings:
        return 1.0
    if is_blank(value):
        warnings.append(f"{name}: no weight given; it weighs 1")
        return 1.0
    number = parse_number(value, comma_decimal=comma_decimal)
    if isinstance(number, str):
        problems.add(r, c, number)
        return 1.0
    if number < 0:
        problems.add(r, c, f"{number:g} is negative; weights are zero or positive")
    return number
