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

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

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
            self.problem(path, f"must be a table, not {_kind(value)}")
            return None
        return value

    def array_of_tables(self, parent: dict[str, Any], key: str,
                        prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
        value = parent.get(key, [])
        path = _join(prefix, key)
        if not isinstance(value, list):
            self.problem(path, f"must be an array of tables ([[{key}]]), not {_kind(value)}")
            return
        for i, item in enumerate(value):
            if isinstance(item, dict):
                yield f"{path}[{i}]", item
            else:
                self.problem(f"{path}[{i}]", f"must be a table, not {_kind(item)}")

    def string(self, table: dict[str, Any], key: str, path: str, default: Any = "") -> Any:
        value = table.get(key, _MISSING)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self.problem(_join(path, key), f"must be text, not {_kind(value)}")
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
            self.problem(_join(path, key), f"must be a date, not {_kind(value)}")
            return ""
        return value

    def number(self, table: dict[str, Any], key: str, path: str) -> float:
        value = table.get(key, _MISSING)
        where = _join(path, key)
        if value is _MISSING:
            self.problem(where, "required key is missing")
            return 0.0
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(where, f"must be a number, not {_kind(value)}")
            return 0.0
        if not math.isfinite(value):
            self.problem(where, f"{value} is not a finite number")
            return 0.0
        return value

    def score_value(self, table: dict[str, Any], key: str, path: str) -> float | str | None:
        value = table.get(key)
        if value is None:
            return None
        where = path if key == "value" else _join(path, key)
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            self.problem(where, f"must be a number or a level name, not {_kind(value)}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(where, f"{value} is not a finite number")
            return None
        return value


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: object) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "an array", dict: "a table"}.get(type(value), type(value).__name__)
