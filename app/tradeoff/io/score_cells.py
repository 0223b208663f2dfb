"""One score cell of a matrix file, read and written: the base scores and the
scenarios' overrides share the keys value, low, high, distribution, rationale
and source."""

from __future__ import annotations

from typing import Any

from tradeoff.core.model import Score
from tradeoff.io.toml_reader import Reader

CELL_KEYS = {"value", "low", "high", "distribution", "rationale", "source"}


def read_cell(cell: Any, path: str, r: Reader) -> Score:
    """The score at ``path``; a bare number or level name is shorthand for its value."""
    if not isinstance(cell, dict):  # shorthand: `leverage = 7`
        cell = {"value": cell}
    r.keys(cell, path, optional=CELL_KEYS)
    return Score(
        value=r.score_value(cell, "value", path),
        low=r.score_value(cell, "low", path),
        high=r.score_value(cell, "high", path),
        rationale=r.string(cell, "rationale", path),
        source=r.string(cell, "source", path),
        distribution=r.string(cell, "distribution", path, default=None),
    )


def cell_doc(s: Score) -> dict[str, Any]:
    """The cell as a TOML table, empty fields left out."""
    d = {"value": s.value, "low": s.low, "high": s.high, "distribution": s.distribution,
         "rationale": s.rationale, "source": s.source}
    return {k: v for k, v in d.items() if v is not None and v != ""}
