"""The matrix document carried by an exported workbook, so it imports back whole.

The hidden ``tradeoff`` sheet holds the matrix as Tradeoff TOML (format 1)
split over cells, plus a small JSON description of where the editable values
sit. Everything a reader can change in the visible sheets — scores, the
worst/best anchors, raw weight points and the active profile — is read back
from those sheets; the rest (ids, descriptions, levels, value functions,
ranges, rationales, sources, the value tree, elicitation records) comes from
the document. Score values are left out of the document (they are on the
Scores sheet), except where a score has a low/high range, so that the
document on its own is still a valid matrix, and where a spreadsheet program
would round the value on saving (see :mod:`tradeoff.io.excel.exact_numbers`),
as long as the document stays within a matrix file's size limit.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Collection, Iterator
from typing import Any

import tomli_w

from tradeoff.core.model import DecisionMatrix
from tradeoff.io.excel import layout as L
from tradeoff.io.excel.exact_numbers import rounded_on_saving, rounded_score_values
from tradeoff.io.excel.layout import WorkbookLayout
from tradeoff.io.excel.xlsx_stream import number_xml, row_xml, text_xml
from tradeoff.io.matrix_file import MAX_FILE_BYTES, to_document

MARKER = "Tradeoff workbook"
WORKBOOK_FORMAT = 1
CHUNK_CHARS = 30_000  # below Excel's 32,767 characters per cell
FIRST_CHUNK_ROW = 5
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
MAX_DOCUMENT_CHARS = MAX_FILE_BYTES  # what the import reads back (see reimport.MAX_CHUNKS)


def document_text(matrix: DecisionMatrix) -> str:
    """The matrix as TOML without the score values that the Scores sheet carries.

    Written with every string on one line (escapes instead of raw line breaks),
    so no carriage return or control character reaches the workbook's XML.
    """
    skeleton = copy.copy(matrix)  # shallow: only the scores table is replaced
    details = ((key, matrix.scores[key]) for key in matrix.scores.detailed_keys())
    detailed = {key: s for key, s in details
                if s.rationale or s.source or s.has_range or s.distribution}
    skeleton.scores = detailed
    doc = to_document(skeleton)
    for row in doc.get("scores", {}).values():
        for cell in row.values():
            # Values a spreadsheet program would round on saving travel here exactly.
            if "low" not in cell and "high" not in cell and not rounded_on_saving(
                    cell.get("value")):
                cell.pop("value", None)
    doc["scores"] = {oid: {cid: cell for cid, cell in row.items() if cell}
                     for oid, row in doc.get("scores", {}).items()}
    doc["scores"] = {oid: row for oid, row in doc["scores"].items() if row}
    if not doc["scores"]:
        del doc["scores"]
    text = tomli_w.dumps(doc)
    exact = _bare_values(matrix, detailed.keys())
    # The import reads a document up to a matrix file's size limit; a matrix too
    # large for its exact values to fit goes without them, as before they were added.
    return text + exact if len(text) + len(exact) <= MAX_DOCUMENT_CHARS else text


def _bare_values(matrix: DecisionMatrix, detailed: Collection[tuple[str, str]]) -> str:
    """The exact values that saving would round, of the cells that hold nothing else,
    as ``[scores.OPTION]`` tables of ``criterion = number`` lines: written here, as
    a TOML writer would write them, because a large matrix may have a million and
    the writer takes microseconds each. (A table ``[scores.OPTION]`` may follow the
    tables of its cells that the writer wrote above.)"""
    option_ids = [o.id for o in matrix.options]
    criterion_ids = [c.id for c in matrix.criteria]
    criterion_keys = [_key(cid) for cid in criterion_ids]
    lines: list[str] = []
    row = -1
    for i, j, v in rounded_score_values(matrix):
        if detailed and (option_ids[i], criterion_ids[j]) in detailed:
            continue  # its table above has the value
        if i != row:
            lines.append(f"\n[scores.{_key(option_ids[i])}]")
            row = i
        lines.append(f"{criterion_keys[j]} = {v!r}")
    return "\n".join(lines) + "\n" if lines else ""


def _key(text: str) -> str:
    """``text`` as a TOML key: bare when it can be (a valid id always can)."""
    if _BARE_KEY.fullmatch(text):
        return text
    return tomli_w.dumps({text: 0}).partition(" = ")[0]


def layout_description(layout: WorkbookLayout) -> dict[str, Any]:
    return {
        "format": WORKBOOK_FORMAT,
        "scores": {"sheet": L.SCORES, "name_row": L.SCORES_NAME_ROW,
                   "worst_row": L.SCORES_WORST_ROW, "best_row": L.SCORES_BEST_ROW,
                   "first_row": L.SCORES_FIRST_ROW, "first_col": 2},
        "weights": {"sheet": L.WEIGHTS, "first_row": L.WEIGHTS_FIRST_ROW,
                    "first_points_col": L.WEIGHTS_FIRST_POINTS_COL,
                    "nodes": [n.node_id for n in layout.nodes]},
        "active_profile": {"sheet": L.WEIGHTS, "cell": L.ACTIVE_CELL},
    }


def embedded_rows(layout: WorkbookLayout, text: str) -> tuple[Iterator[str], int]:
    """Rows of the hidden sheet and how many there are."""
    chunks = [text[i:i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)] or [""]
    description = json.dumps(layout_description(layout), ensure_ascii=False)

    def rows() -> Iterator[str]:
        yield row_xml(1, [text_xml("A1", MARKER), number_xml("B1", WORKBOOK_FORMAT)])
        yield row_xml(2, [text_xml("A2", "layout"), text_xml("B2", description)])
        yield row_xml(3, [text_xml("A3", "matrix (TOML), one piece per row below"),
                          number_xml("B3", len(chunks))])
        for k, chunk in enumerate(chunks):
            r = FIRST_CHUNK_ROW + k
            yield row_xml(r, [text_xml(f"A{r}", chunk)])

    return rows(), 3 + len(chunks)
