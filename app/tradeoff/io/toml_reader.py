"""Typed reads from a parsed TOML document that collect problems with key paths.

The reader never raises on bad data: it records a Problem and returns a
placeholder, so one pass over a file reports every mistake at once.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import Any

from tradeoff.core.errors import Problem

_MISSING = object()


class Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # Key paths of numbers replaced by a 0 placeholder: rules that compare
        # them (equal anchors, all-zero weights) would only echo the fault.
        self.placeholders: set[str] = set()

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def stand_in(self, path: str, message: str) -> float:
        """Report a number that cannot be used and return the 0 that stands in for it."""
        self.problem(path, message)
        self.placeholders.add(path)
        return 0.0

    def keys(self, table: dict[str, Any], path: str, *, required: set[str] = frozenset(),
             optional: set[str] = frozenset()) -> None:
        for key in sorted(required - table.keys()):
            self.problem(_join(path, key), "required key is missing")
        for key in table:
            if key not in required and key not in optional:
                allowed = ", ".join(sorted(required | optional))
                self.problem(_join(path, key), f"unknown key (allowed here: {allowed})")

    def table(self, parent: dict[str, Any], key: str, path: str) -> dict[str, Any] | None:
        value = parent.get(key, _MISSING)
        if value is _MISSING:
            return None
        if not isinstance(value, dict):
            self.problem(path, f"must be a table, not {kind_of(value)}")
            return None
        return value

    def array_of_tables(self, parent: dict[str, Any], key: str,
                        prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
        value = parent.get(key, [])
        path = _join(prefix, key)
        if not isinstance(value, list):
            self.problem(path, f"must be an array of tables ([[{key}]]), not {kind_of(value)}")
            return
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield f"{path}[{i}]", item
            else:
                self.problem(f"{path}[{i}]", f"must be a table, not {kind_of(item)}")

    def string(self, table: dict[str, Any], key: str, path: str, default: Any = "") -> Any:
        value = table.get(key, _MISSING)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self.problem(_join(path, key), f"must be text, not {kind_of(value)}")
            return default if default is not None else ""
        return value

    def string_list(self, table: dict[str, Any], key: str, path: str) -> list[str]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(_join(path, key), "must be a list of text")
            return []
        return list(value)

    def date_text(self, table: dict[str, Any], key: str, path: str) -> str:
        value = table.get(key, "")
        if isinstance(value, dt.date | dt.datetime):
            return value.isoformat()
        if not isinstance(value, str):
            self.problem(_join(path, key), f"must be a date, not {kind_of(value)}")
            return ""
        return value

    def number(self, table: dict[str, Any], key: str, path: str) -> float:
        value = table.get(key, _MISSING)
        where = _join(path, key)
        if value is _MISSING:
            problem = "required key is missing"
        elif isinstance(value, bool) or not isinstance(value, int | float):
            problem = f"must be a number, not {kind_of(value)}"
        else:
            problem = number_problem(value)
        if problem:
            return self.stand_in(where, problem)
        return value

    def score_value(self, table: dict[str, Any], key: str, path: str) -> float | str | None:
        value = table.get(key)
        if value is None:
            return None
        where = path if key == "value" else _join(path, key)
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.problem(where, f"must be a number or a level name, not {kind_of(value)}")
            return None
        problem = None if isinstance(value, str) else number_problem(value)
        if problem:
            self.problem(where, problem)
            return None
        return value


def number_problem(value: int | float) -> str | None:
    """Why a TOML number cannot be computed with, or None if it can.

    TOML floats may be ``inf`` or ``nan``, and integers have no size limit,
    but every number ends up as a float in the maths.
    """
    try:
        finite = math.isfinite(float(value))
    except OverflowError:  # an integer beyond the float range
        return f"{_digits(value)} is too large to compute with"
    return None if finite else f"{value} is not a finite number"


def _digits(value: int | float) -> str:
    text = str(value)
    digits = len(text.lstrip("-"))
    return text if digits <= 24 else f"{text[:12]}…({digits} digits)"


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def kind_of(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "an array", dict: "a table"}.get(type(value), type(value).__name__)
