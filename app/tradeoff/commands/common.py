"""Helpers shared by the sub-commands: loading a matrix, picking a profile, output."""

from __future__ import annotations

import json
import math
import sys
from typing import Any

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.io.matrix_file import load_matrix


def load(path: str) -> DecisionMatrix:
    return load_matrix(path)


def pick_profile(matrix: DecisionMatrix, name: str | None) -> WeightProfile:
    if name is None:
        try:
            return matrix.profile()
        except KeyError as e:
            raise TradeoffError("the matrix has no weight profiles; add one to score it") from e
    try:
        return matrix.find_profile(name)
    except KeyError as e:
        raise TradeoffError(str(e.args[0])) from e


def clean(value: Any) -> Any:
    """NaN and numpy scalars made JSON-friendly (NaN becomes null)."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def print_json(data: Any) -> None:
    json.dump(clean(data), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def format_table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    """A plain aligned text table."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out)


def fmt_number(x: float, digits: int = 3) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{digits}f}"
