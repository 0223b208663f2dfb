"""Scenarios in a matrix file: ``[[scenarios]]`` tables, each overriding some scores.

Layout::

    [[scenarios]]               id, name, description?, probability?
    [scenarios.scores.OPTION.CRITERION]   the same keys as a base score cell

Either every scenario has a probability (and they sum to 1) or none has;
:func:`tradeoff.core.validate.check_matrix` checks that and the overrides.
"""

from __future__ import annotations

from typing import Any

from tradeoff.core.model import DecisionMatrix, Scenario
from tradeoff.io.score_cells import cell_doc, read_cell
from tradeoff.io.toml_reader import Reader, number_problem


def read_scenarios(doc: dict[str, Any], r: Reader) -> list[Scenario]:
    out: list[Scenario] = []
    for path, t in r.array_of_tables(doc, "scenarios"):
        r.keys(t, path, required={"id", "name"},
               optional={"description", "probability", "scores"})
        scenario = Scenario(id=r.string(t, "id", path), name=r.string(t, "name", path),
                            description=r.string(t, "description", path),
                            probability=_probability(t, path, r))
        rows = r.table(t, "scores", f"{path}.scores") or {}
        for oid, row in rows.items():
            row_path = f"{path}.scores.{oid}"
            if not isinstance(row, dict):
                r.problem(row_path, "must be a table of criterion scores")
                continue
            for cid, cell in row.items():
                scenario.scores[(oid, cid)] = read_cell(cell, f"{row_path}.{cid}", r)
        out.append(scenario)
    return out


def _probability(t: dict[str, Any], path: str, r: Reader) -> float | None:
    if "probability" not in t:
        return None
    value = t["probability"]
    where = f"{path}.probability"
    if isinstance(value, bool) or not isinstance(value, int | float):
        r.problem(where, "must be a number between 0 and 1")
        return None
    problem = number_problem(value)
    if problem:
        r.problem(where, problem)
        return None
    return value


def scenarios_doc(m: DecisionMatrix) -> list[dict[str, Any]]:
    """The scenarios as TOML tables, overrides in matrix order (so diffs stay readable)."""
    out = []
    for sc in m.scenarios:
        d: dict[str, Any] = {"id": sc.id, "name": sc.name}
        if sc.description:
            d["description"] = sc.description
        if sc.probability is not None:
            d["probability"] = sc.probability
        rows: dict[str, dict[str, Any]] = {}
        order = {(o.id, c.id): (i, j) for i, o in enumerate(m.options)
                 for j, c in enumerate(m.criteria)}
        # Overrides of a removed option or criterion (kept in memory so an undo can
        # bring them back) are not written: the file would not load.
        for (oid, cid), s in sorted(((k, s) for k, s in sc.scores.items() if k in order),
                                    key=lambda kv: order[kv[0]]):
            rows.setdefault(oid, {})[cid] = cell_doc(s)
        if rows:
            d["scores"] = rows
        out.append(d)
    return out
