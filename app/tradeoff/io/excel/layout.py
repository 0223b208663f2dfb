"""Where everything sits in the exported workbook: sheets, rows, columns, defined names.

One place decides the positions so that the sheet writers, the formulas that
point across sheets and the importer reading the workbook back all agree.

Sheets (in order): Summary, Scores, Weights, Values, Scales, Notes, and a
hidden ``tradeoff`` sheet that carries the matrix document for re-import.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import Criterion, DecisionMatrix
from tradeoff.core.value_tree import children_index, criterion_paths
from tradeoff.io.excel.xlsx_stream import col

SUMMARY, SCORES, WEIGHTS, VALUES, SCALES, NOTES, EMBEDDED = (
    "Summary", "Scores", "Weights", "Values", "Scales", "Notes", "tradeoff")

# Excel's grid; a matrix that does not fit is refused before anything is written.
MAX_SHEET_ROWS = 1_048_576
MAX_SHEET_COLUMNS = 16_384

# Scores sheet: criterion names, then the rows the plain import layout also uses.
SCORES_NAME_ROW, SCORES_UNIT_ROW, SCORES_DIRECTION_ROW = 1, 2, 3
SCORES_WORST_ROW, SCORES_BEST_ROW, SCORES_FIRST_ROW = 4, 5, 6
# Values sheet: names, numeric anchors, the active weights, then one row per option.
VALUES_NAME_ROW, VALUES_WORST_ROW, VALUES_BEST_ROW, VALUES_WEIGHT_ROW = 1, 2, 3, 4
VALUES_FIRST_ROW = 5
# Scales sheet: one summary row per criterion, then level and value-function tables.
SCALES_HEADER_ROW, SCALES_FIRST_ROW = 3, 4
# Weights sheet: the active profile's number, then a table of value-tree nodes.
ACTIVE_CELL = "B2"
WEIGHTS_MARK_ROW, WEIGHTS_HEADER_ROW, WEIGHTS_FIRST_ROW = 4, 5, 6
WEIGHTS_FIRST_POINTS_COL = 4  # D; columns A–C hold node, kind and parent


@dataclass
class NodeRow:
    """One row of the Weights table: a group or a criterion and its siblings' rows."""

    node_id: str
    name: str
    kind: str  # "group" | "criterion"
    parent: str | None
    row: int
    siblings: tuple[int, int] = (0, 0)  # first and last row of the sibling block


@dataclass
class ScaleBlock:
    """Rows of one criterion's level table and/or value-function points on Scales."""

    levels: tuple[int, int] | None = None  # first and last row of the level table
    points: tuple[int, int] | None = None  # first and last row of the points table


@dataclass
class WorkbookLayout:
    matrix: DecisionMatrix
    active_index: int  # 1-based position of the active profile
    keys: list[str] = field(default_factory=list)  # per criterion, for defined names
    nodes: list[NodeRow] = field(default_factory=list)
    scales: list[ScaleBlock] = field(default_factory=list)

    @property
    def n_options(self) -> int:
        return len(self.matrix.options)

    @property
    def n_criteria(self) -> int:
        return len(self.matrix.criteria)

    @property
    def n_profiles(self) -> int:
        return len(self.matrix.profiles)

    # -- Scores ----------------------------------------------------------------
    def score_ref(self, i: int, j: int) -> str:
        return f"{col(j + 2)}{SCORES_FIRST_ROW + i}"

    @property
    def scores_last_row(self) -> int:
        return SCORES_FIRST_ROW + self.n_options - 1

    # -- Values ----------------------------------------------------------------
    @property
    def values_last_row(self) -> int:
        return VALUES_FIRST_ROW + self.n_options - 1

    def value_col(self, j: int) -> int:
        return j + 2

    def contribution_col(self, j: int) -> int:
        return self.n_criteria + 3 + j

    @property
    def total_col(self) -> int:
        return 2 * self.n_criteria + 4

    @property
    def rank_col(self) -> int:
        return self.total_col + 1

    @property
    def margin_col(self) -> int:
        return self.total_col + 2

    @property
    def rounded_col(self) -> int:
        return self.total_col + 3

    @property
    def order_col(self) -> int:
        return self.total_col + 4

    # -- Weights ---------------------------------------------------------------
    def points_col(self, p: int) -> int:
        """Column of profile ``p``'s raw points (0-based ``p``)."""
        return WEIGHTS_FIRST_POINTS_COL + p

    def weight_col(self, p: int) -> int:
        """Column of profile ``p``'s normalised weights."""
        return WEIGHTS_FIRST_POINTS_COL + self.n_profiles + 1 + p

    @property
    def weights_last_row(self) -> int:
        return WEIGHTS_FIRST_ROW + len(self.nodes) - 1

    def node_row(self, node_id: str) -> int:
        for node in self.nodes:
            if node.node_id == node_id:
                return node.row
        raise KeyError(node_id)

    # -- defined names ---------------------------------------------------------
    def name(self, prefix: str, j: int) -> str:
        """A per-criterion defined name such as ``worst_price``."""
        return f"{prefix}_{self.keys[j]}"


def build_layout(matrix: DecisionMatrix, active_index: int) -> WorkbookLayout:
    """Positions for ``matrix``; refuses matrices that cannot fit on a sheet."""
    if not matrix.options or not matrix.criteria:
        raise TradeoffError("nothing to export: the matrix needs at least one option "
                            "and one criterion")
    if not matrix.profiles:
        raise TradeoffError("nothing to export: the matrix has no weight profiles")
    layout = WorkbookLayout(matrix, active_index)
    if layout.values_last_row > MAX_SHEET_ROWS or layout.scores_last_row > MAX_SHEET_ROWS:
        raise TradeoffError(f"{layout.n_options:,} options do not fit on a worksheet "
                            f"(at most {MAX_SHEET_ROWS - SCORES_FIRST_ROW + 1:,})")
    if layout.order_col > MAX_SHEET_COLUMNS:
        raise TradeoffError(f"{layout.n_criteria:,} criteria do not fit on a worksheet "
                            f"(at most {(MAX_SHEET_COLUMNS - 8) // 2:,})")
    layout.keys = _name_keys(matrix.criteria)
    layout.nodes = _node_rows(matrix)
    placed = {n.node_id for n in layout.nodes}
    stray = [c.name for c in matrix.criteria if c.id not in placed]
    if stray:
        raise TradeoffError(f"the value tree has a cycle above {', '.join(stray)}; "
                            "fix the groups before exporting")
    layout.scales = _scale_blocks(matrix)
    return layout


def _name_keys(criteria: list[Criterion]) -> list[str]:
    """Defined-name suffixes from criterion ids: letters, digits and ``_``, unique
    ignoring case (Excel names are case-insensitive)."""
    keys: list[str] = []
    taken: set[str] = set()
    for j, c in enumerate(criteria):
        base = re.sub(r"[^A-Za-z0-9_]", "_", c.id)[:40] or "c"
        key = base if base.casefold() not in taken else f"{base}_{j + 1}"
        while key.casefold() in taken:
            key += "_"
        taken.add(key.casefold())
        keys.append(key)
    return keys


def _node_rows(matrix: DecisionMatrix) -> list[NodeRow]:
    """Value-tree nodes, siblings in contiguous rows, every parent above its children.

    Groups with no criteria below them carry no weight (as in the core) and
    are left out.
    """
    live = {g for path in criterion_paths(matrix).values() for g in path}
    members = children_index(matrix)
    group_ids = {g.id for g in matrix.groups}
    names = {g.id: g.name for g in matrix.groups} | {c.id: c.name for c in matrix.criteria}
    rows: list[NodeRow] = []
    queue: deque[str | None] = deque([None])
    row = WEIGHTS_FIRST_ROW
    while queue:
        parent = queue.popleft()
        kids = [k for k in members.get(parent, []) if k in live or k not in group_ids]
        first = row
        for kid in kids:
            kind = "group" if kid in group_ids else "criterion"
            rows.append(NodeRow(kid, names[kid], kind, parent, row))
            row += 1
            if kind == "group":
                queue.append(kid)
        for node in rows[first - WEIGHTS_FIRST_ROW:]:
            node.siblings = (first, row - 1)
    return rows


def _scale_blocks(matrix: DecisionMatrix) -> list[ScaleBlock]:
    """Rows of the level and value-function tables below the Scales summary.

    Each table has a title row and a header row above its data rows, and a
    blank row after it.
    """
    row = SCALES_FIRST_ROW + len(matrix.criteria) + 1
    blocks: list[ScaleBlock] = []
    for c in matrix.criteria:
        block = ScaleBlock()
        if c.levels:
            block.levels = (row + 2, row + 1 + len(c.levels))
            row += len(c.levels) + 3
        if c.value_points:
            block.points = (row + 2, row + 1 + len(c.value_points))
            row += len(c.value_points) + 3
        blocks.append(block)
    return blocks
