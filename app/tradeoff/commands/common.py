"""Helpers shared by the sub-commands: loading a matrix, picking a profile, output."""

from __future__ import annotations

import codecs
import math
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tradeoff.commands.json_text import dumps_indented
from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.printed_numbers import fixed_text
from tradeoff.io.matrix_file import load_matrix

# C0 and C1 control characters and DEL (a CR LF pair counts as one line break).
_CONTROL = re.compile("\r\n|[\x00-\x1f\x7f-\x9f]")


def load(path: str) -> DecisionMatrix:
    return load_matrix(path)


@contextmanager
def writing(target: Path) -> Iterator[None]:
    """Turn a failure to write ``target`` into a message that names it (exit status 2).

    The writers build their file under a temporary name, so the system's own
    message would name that instead of the file the user asked for.
    """
    try:
        yield
    except OSError as e:
        if not target.parent.is_dir():
            why = f"the folder {target.parent} does not exist"
        elif target.is_dir():
            why = "that is a folder"
        else:
            why = e.strerror or str(e)
        raise TradeoffError(f"{target}: cannot write the file: {why}") from e


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


def unique_names(items: Iterable[Any]) -> dict[str, str]:
    """Display names by id, each name that is shared followed by its id: ``Alpha (a2)``.

    JSON objects keyed by name would otherwise keep only the last of two
    options (or criteria, or profiles) that share a name.
    """
    items = list(items)
    counts = Counter(item.name for item in items)
    return {item.id: item.name if counts[item.name] == 1 else f"{item.name} ({item.id})"
            for item in items}


def clean(value: Any) -> Any:
    """NaN and numpy scalars made JSON-friendly (NaN becomes null)."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        if all(type(v) is float for v in value):  # the bulk of a large report: be quick
            return [v if math.isfinite(v) else None for v in value]
        return [clean(v) for v in value]
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def json_rows(block: Any) -> list[list[float | None]]:
    """A 2-D float array as lists of Python floats, NaN and infinities as None, in one
    pass over the whole array (never cell by cell through pandas)."""
    import numpy as np

    block = np.asarray(block, dtype=float)
    rows = block.tolist()
    for i in np.flatnonzero(~np.isfinite(block).all(axis=1)) if block.size else []:
        rows[i] = [v if math.isfinite(v) else None for v in rows[i]]
    return rows


def print_json(data: Any) -> None:
    # \u escapes keep the JSON valid (and every name intact) on a non-UTF-8 stdout.
    # One write of the whole text: json.dump would make millions of small writes.
    text = dumps_indented(data, ensure_ascii=not _writes_utf8(sys.stdout))  # cleans as it goes
    sys.stdout.write(text + "\n")


def _writes_utf8(stream: Any) -> bool:
    try:
        return codecs.lookup(stream.encoding or "ascii").name == "utf-8"
    except LookupError:
        return False


def format_table(headers: list[str], rows: list[list[str]], right: set[int] = frozenset()) -> str:
    """A plain text table, aligned as a terminal shows it.

    Each cell is put on one line (a name with a line break or a tab would
    otherwise break the columns) and measured in terminal columns: wide
    characters such as emoji and CJK take two, combining marks and format
    characters none.
    """
    headers = [one_line(h) for h in headers]
    rows = [[one_line(c) for c in r] for r in rows]
    widths = [max(display_width(h), *(display_width(r[i]) for r in rows)) if rows
              else display_width(h) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        padded = []
        for i, (c, w) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (w - display_width(c))
            padded.append(pad + c if i in right else c + pad)
        return "  ".join(padded).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out)


def one_line(text: str) -> str:
    """``text`` for one table cell: line breaks and tabs as spaces, other control
    characters (which a terminal would act on) as U+FFFD."""
    return _CONTROL.sub(lambda m: " " if m.group() in ("\r\n", *"\t\n\r\v\f") else "\ufffd", text)


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Cf", "Me", "Mn"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def fmt_number(x: float, digits: int = 3) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else \
        fixed_text(x, digits)


def add_scenario_option(p: Any, *, allow_all: bool = False) -> None:
    """``--scenario ID|NAME``: run on that scenario's view of the matrix."""
    extra = ("; 'all' draws the scenario in the Monte Carlo too, in proportion to the "
             "probabilities (equally without)") if allow_all else ""
    p.add_argument("--scenario", metavar="ID|NAME",
                   help=f"score the matrix as it stands in this scenario (default: the base "
                        f"case){extra}")


def apply_scenario(matrix: DecisionMatrix, key: str | None) -> DecisionMatrix:
    """The matrix as it stands in scenario ``key`` (id or name), or itself for None."""
    if key is None:
        return matrix
    from tradeoff.core.scenarios import scenario_view

    try:
        return scenario_view(matrix, matrix.find_scenario(key))
    except KeyError as e:
        raise TradeoffError(str(e.args[0])) from e
