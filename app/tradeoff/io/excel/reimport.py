"""Read back a workbook that Tradeoff exported: the whole matrix, with the reader's edits.

The hidden sheet carries the matrix document (see :mod:`tradeoff.io.excel.embed`);
the scores, the worst/best anchors, the raw weight points and the active
profile are then read from the visible sheets, so whatever a reader changed
there in Excel or LibreOffice comes back; a number the program only saved with
fewer digits keeps its exact value (:mod:`tradeoff.io.excel.exact_numbers`).
Overrides changed on the Scenarios sheet come back too
(:mod:`tradeoff.io.excel.scenario_reimport`). Every value is checked as it is read,
and a problem names its cell (``Scores!C7: 'abc' is not a number``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tradeoff.core.errors import Problem, ValidationError
from tradeoff.core.model import Criterion, DecisionMatrix, Direction, Score
from tradeoff.core.validate import check_matrix
from tradeoff.io.excel.cells import sheet_values
from tradeoff.io.excel.embed import FIRST_CHUNK_ROW, WORKBOOK_FORMAT
from tradeoff.io.excel.exact_numbers import as_exported
from tradeoff.io.excel.layout import EMBEDDED
from tradeoff.io.excel.layout_check import (
    LAYOUT_CELL,
    ScoresLayout,
    WeightsLayout,
    checked_layout,
)
from tradeoff.io.excel.scenario_reimport import read_overrides
from tradeoff.io.matrix_file import MAX_FILE_BYTES, loads
from tradeoff.io.safe_text import cell_text
from tradeoff.io.sheet_import import (
    MAX_PROBLEMS,
    ImportResult,
    cell_ref,
    is_blank,
    parse_number,
)

MAX_CHUNKS = MAX_FILE_BYTES // 30_000 + 1


class _Reader:
    """Collects problems (with cell names) and warnings while reading."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.warnings: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))
        if len(self.problems) >= MAX_PROBLEMS:
            self.raise_if_any()

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems, self.source)


def read_tradeoff_workbook(wb: Any, source: str, path: Path | None = None) -> ImportResult:
    """The matrix of a workbook Tradeoff exported, with the reader's edits; ``path``,
    the workbook's file, is read again for the Scenarios sheet's formulas."""

    reader = _Reader(source)
    head = list(sheet_values(wb[EMBEDDED], max_row=3, max_col=2))
    try:
        version, layout_text, n_chunks = head[0][1], head[1][1], head[2][1]
        layout = json.loads(layout_text)
    except (IndexError, TypeError, ValueError, RecursionError) as e:
        raise ValidationError([Problem(f"{EMBEDDED}!B1:B3", "the hidden sheet that carries the "
                                                            "matrix is damaged")], source) from e
    if not isinstance(version, int) or version > WORKBOOK_FORMAT:
        raise ValidationError([Problem(f"{EMBEDDED}!B1", f"made by a newer Tradeoff (workbook "
                                                         f"format {version!r}); update Tradeoff "
                                                         "to import it")], source)
    if not isinstance(n_chunks, int) or not 0 < n_chunks <= MAX_CHUNKS:
        raise ValidationError([Problem(f"{EMBEDDED}!B3", "the hidden sheet that carries the "
                                                         "matrix is damaged")], source)
    chunks = sheet_values(wb[EMBEDDED], min_row=FIRST_CHUNK_ROW,
                          max_row=FIRST_CHUNK_ROW + n_chunks - 1, max_col=1)
    text = "".join(str(row[0]) for row in chunks if row and row[0] is not None)
    matrix = loads(text, source=f"{source} (the matrix in its hidden {EMBEDDED!r} sheet)")
    refs: dict[str, str] = {}
    checked = checked_layout(layout, source)
    sheets = {}
    for name in (checked.scores.sheet, checked.weights.sheet, checked.active_sheet):
        if name not in wb.sheetnames:
            raise ValidationError([Problem(LAYOUT_CELL, f"the workbook's {name!r} sheet is "
                                                        "missing")], source)
        sheets[name] = wb[name]
    _read_scores(sheets[checked.scores.sheet], checked.scores, matrix, reader, refs)
    _read_weights(sheets[checked.weights.sheet], checked.weights, matrix, reader, refs)
    _read_active(sheets[checked.active_sheet], checked.active_cell, matrix, reader)
    read_overrides(wb, matrix, lambda c, cell, ref: _scale_value(c, cell, ref, reader), refs,
                   path=path, warnings=reader.warnings, problem=reader.problem)
    reader.raise_if_any()
    problems = [Problem(_cell_for(p.path, refs), p.message) for p in check_matrix(matrix)]
    if problems:
        raise ValidationError(problems[:MAX_PROBLEMS], source)
    return ImportResult(matrix, reader.warnings, kind="Tradeoff workbook")


def _cell_for(path: str, refs: dict[str, str]) -> str:
    """The cell behind a validation key path, where there is one."""
    for key in (path, path.rsplit(".", 1)[0]):
        if key in refs:
            return refs[key]
    return path


def _rows(ws: Any, last_row: int, last_col: int) -> list[list[object]]:

    rows = list(sheet_values(ws, max_row=last_row, max_col=last_col))
    rows += [[] for _ in range(last_row - len(rows))]
    return [row + [None] * (last_col - len(row)) for row in rows]


def _read_scores(ws: Any, where: ScoresLayout, m: DecisionMatrix, reader: _Reader,
                 refs: dict[str, str]) -> None:
    title = ws.title
    first_row, first_col = where.first_row, where.first_col
    n, k = len(m.options), len(m.criteria)
    rows = _rows(ws, first_row + n, first_col + k)
    name_row = rows[where.name_row - 1]
    extra_col = name_row[first_col + k - 1]
    if not is_blank(extra_col):
        reader.problem(cell_ref(title, where.name_row, first_col + k),
                       f"a criterion {str(extra_col)!r} was added in the workbook; add criteria "
                       "in Tradeoff, or import this sheet on its own as a plain table")
    extra_row = rows[first_row + n - 1][0]
    if not is_blank(extra_row):
        reader.problem(cell_ref(title, first_row + n, 1),
                       f"an option {str(extra_row)!r} was added in the workbook; add options "
                       "in Tradeoff, or import this sheet on its own as a plain table")
    for j, c in enumerate(m.criteria):
        column = first_col + j
        _rename(c, name_row[column - 1], cell_ref(title, where.name_row, column), reader)
        anchors = {}
        for key in ("worst", "best"):
            r = where.worst_row if key == "worst" else where.best_row
            ref = cell_ref(title, r, column)
            refs.setdefault(f"criteria[{j}]", ref)
            anchors[key] = as_exported(getattr(c, key), _scale_value(
                c, rows[r - 1][column - 1], ref, reader, anchor=True))
        if anchors["worst"] is not None and anchors["best"] is not None:
            c.worst = _anchor_number(c, anchors["worst"])
            c.best = _anchor_number(c, anchors["best"])
            c.direction = Direction.COST if c.best < c.worst else Direction.BENEFIT
    for i, o in enumerate(m.options):
        r = first_row + i
        _rename(o, rows[r - 1][0], cell_ref(title, r, 1), reader)
        for j, c in enumerate(m.criteria):
            ref = cell_ref(title, r, first_col + j)
            refs[f"scores.{o.id}.{c.id}"] = ref
            value = _scale_value(c, rows[r - 1][first_col + j - 1], ref, reader)
            score = m.scores.get((o.id, c.id))
            if score is not None:
                score.value = as_exported(score.value, value)
            elif value is not None:
                m.scores[(o.id, c.id)] = Score(value=value)


def _anchor_number(c: Criterion, anchor: float | int | str) -> float | int:
    """The anchor as a number: a level's position, else the number as read. Not
    float(): an integer beyond 2**53 would be rounded."""
    return c.level_position(anchor) if isinstance(anchor, str) else anchor


def _rename(item: Any, cell: object, ref: str, reader: _Reader) -> None:
    """Take a name edited in the workbook; an emptied name is a problem."""
    if is_blank(cell):
        reader.problem(ref, "the name is empty")
        return
    text = str(cell)
    if _lines(text) != _lines(cell_text(item.name)):
        reader.warnings.append(f"{ref}: renamed from {item.name!r} to {text!r}")
        item.name = text


def _lines(text: str) -> str:
    """Text with line ends as an XML parser reports them (a lone CR becomes LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _scale_value(c: Criterion, cell: object, ref: str, reader: _Reader,
                 anchor: bool = False) -> float | int | str | None:
    """A score (or an anchor) read on ``c``'s scale: a number, or a level's name."""
    if is_blank(cell):
        if anchor:
            reader.problem(ref, f"the {c.name!r} anchor is empty")
        return None
    if c.levels:
        if anchor and isinstance(cell, int | float) and not isinstance(cell, bool):
            return cell  # an anchor may be a position rather than a level
        names = [lv.name for lv in c.levels]
        if isinstance(cell, str):
            if cell in names:
                return cell
            folded = [n for n in names if n.casefold() == cell.strip().casefold()]
            if len(folded) == 1:
                return folded[0]
        reader.problem(ref, f"{str(cell)!r} is not a level of {c.name!r} ({', '.join(names)})")
        return None
    number = parse_number(cell)
    if isinstance(number, str):
        reader.problem(ref, number)
        return None
    return number


def _read_weights(ws: Any, where: WeightsLayout, m: DecisionMatrix, reader: _Reader,
                  refs: dict[str, str]) -> None:
    title = ws.title
    nodes = where.nodes
    first_row, first_col = where.first_row, where.first_points_col
    names = {g.id: g.name for g in m.groups} | {c.id: c.name for c in m.criteria}
    if any(node not in names for node in nodes):
        raise ValidationError([Problem(LAYOUT_CELL, "the hidden sheet does not match the "
                                                    "matrix it carries")], reader.source)
    n_prof = len(m.profiles)
    rows = _rows(ws, first_row + len(nodes), first_col + n_prof - 1)
    for k, node in enumerate(nodes):
        r = first_row + k
        label = rows[r - 1][0]
        if label is None or _lines(str(label)) != _lines(cell_text(names[node])):
            reader.problem(cell_ref(title, r, 1), f"expected {names[node]!r} here; rows of the "
                                                  "weights table were moved, inserted or "
                                                  "deleted — undo that and import again")
            continue
        for p, profile in enumerate(m.profiles):
            ref = cell_ref(title, r, first_col + p)
            refs[f"profiles[{p}].weights.{node}"] = ref
            refs.setdefault(f"profiles[{p}].weights", ref)
            number = parse_number(rows[r - 1][first_col + p - 1]) \
                if not is_blank(rows[r - 1][first_col + p - 1]) else f"no weight for {node!r}"
            if isinstance(number, str):
                reader.problem(ref, number)
            elif number < 0:
                reader.problem(ref, f"{number:g} is negative; weights are zero or positive")
            else:
                profile.weights[node] = as_exported(profile.weights.get(node), number)
    if not is_blank(rows[first_row + len(nodes) - 1][0]):
        reader.problem(cell_ref(title, first_row + len(nodes), 1),
                       "a row was added to the weights table; add criteria and groups in "
                       "Tradeoff instead")


def _read_active(ws: Any, active_cell: str, m: DecisionMatrix, reader: _Reader) -> None:
    value = ws[active_cell].value
    ref = f"{ws.title}!{active_cell}"
    n_prof = len(m.profiles)
    number = parse_number(value) if not is_blank(value) else "empty"
    if isinstance(number, str) or number != int(number) or not 1 <= number <= n_prof:
        reader.problem(ref, f"the active profile must be a number from 1 to {n_prof}, not "
                            f"{'empty' if is_blank(value) else repr(value)}")
        return
    if m.active_profile is None and number == 1:
        return  # no active profile means the first one; keep it unset, as it was
    m.active_profile = m.profiles[int(number) - 1].id
