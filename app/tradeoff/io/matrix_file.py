"""Tradeoff matrix files: TOML, with a format version, read strictly, written atomically.

Layout (format 1)::

    format = 1
    [matrix]            title, description, author, sources, created, modified, active_profile
    [[groups]]          id, name, parent?, description?
    [[criteria]]        id, name, worst, best, direction?, unit?, description?, group?,
                        levels? = [{name, position}], value_function? = [[score, value], …],
                        promethee? = {function, q?, p?, s?}, must_reach?
    [[options]]         id, name, description?
    [scores.OPTION.CRITERION]   value, low?, high?, distribution?, rationale?, source?
    [[profiles]]        id, name, description?, method?, weights = {id = points}, elicitation?
    [[scenarios]]       id, name, description?, probability?, scores.OPTION.CRITERION = {…}
                        (see :mod:`tradeoff.io.scenario_file`)

``promethee`` is the criterion's own PROMETHEE II preference function, one of
usual, u-shape, v-shape, level, linear, gaussian, with exactly the thresholds
that kind reads (u-shape q; v-shape p; level and linear q and p; gaussian s),
each a difference between two scores in the criterion's units (on a level
scale, between level positions). ``must_reach`` is a must-have threshold, a
score (a level name on a level scale): options worse than it are screened out.

Every rejection names the file, the key path and the problem.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

# tomllib (the fallback reader, 2 ms) and tomli_w (the writer) are imported where
# they are used: opening a valid file at start-up needs neither.
try:  # the compiled TOML parser, when installed (a dependency; tomllib stands in)
    import rtoml
except ImportError:  # pragma: no cover - a build without it still reads every file
    rtoml = None

from tradeoff.core.errors import Problem, ValidationError
from tradeoff.core.model import (
    Criterion,
    DecisionMatrix,
    Direction,
    Group,
    Level,
    Metadata,
    Option,
    Score,
    WeightProfile,
)
from tradeoff.core.preference_functions import KINDS, THRESHOLDS, PreferenceFunction
from tradeoff.core.score_store import INT
from tradeoff.core.validate import check_matrix
from tradeoff.io.atomic import atomic_write_bytes
from tradeoff.io.scenario_file import read_scenarios, scenarios_doc
from tradeoff.io.score_cells import cell_doc, read_cell
from tradeoff.io.toml_reader import Reader, kind_of, number_problem

FORMAT_VERSION = 1
MAX_FILE_BYTES = 50 * 1024 * 1024


def load_matrix(path: str | os.PathLike[str]) -> DecisionMatrix:
    """Read and validate a matrix file. Raises ValidationError naming the file."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError([Problem("", f"the file is {size / 1e6:.0f} MB; matrix files "
                                               f"are limited to {MAX_FILE_BYTES // 10**6} MB")],
                                  str(p))
        data = p.read_bytes()
    except OSError as e:
        raise ValidationError([Problem("", f"cannot read the file: {e.strerror or e}")],
                              str(p)) from e
    try:
        text = data.decode("utf-8-sig")  # Windows editors may start the file with a BOM
    except UnicodeDecodeError as e:
        raise ValidationError([Problem("", f"not UTF-8 text (byte {e.start}); is this a "
                                           "Tradeoff matrix file?")], str(p)) from e
    return loads(text, source=str(p))


def loads(text: str, source: str | None = None) -> DecisionMatrix:
    """Parse and validate matrix TOML text."""
    doc = parse_toml(text, source)
    reader = Reader()
    matrix = _read_document(doc, reader)
    problems = list(reader.problems)
    # Report the structural and the semantic mistakes in one pass, but not twice.
    echoes = _echoes(reader, matrix)
    problems += [p for p in check_matrix(matrix) if not echoes(p)]
    if problems:
        raise ValidationError(problems, source)
    return matrix


def parse_toml(text: str, source: str | None = None) -> dict[str, Any]:
    """TOML text as a dictionary, with the compiled parser when it is installed.

    rtoml reads a large matrix about eight times faster than tomllib and gives
    the same dictionary for every valid file; whenever it refuses a text, the
    text is parsed again with tomllib, so a faulty file is reported exactly as
    the standard library words it.
    """
    if rtoml is not None:
        try:
            return rtoml.loads(text)
        except Exception:  # any refusal is parsed again below, for tomllib's message
            pass
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ValidationError([Problem("", f"not valid TOML: {e}")], source) from e
    except RecursionError as e:  # tomllib recurses once per level of nesting
        raise ValidationError([Problem("", "arrays or tables are nested too deeply to read "
                                           "(is this a Tradeoff matrix file?)")], source) from e


def _echoes(r: Reader, m: DecisionMatrix) -> Callable[[Problem], bool]:
    """Which rule-breaks only repeat a fault the reader has already reported.

    A faulted key is not reported again; nor is a rule about the table that
    holds a faulted number, whose stand-in 0 would make up a second problem
    (equal anchors, all weights zero). A criterion whose anchor is faulted has
    no scale, so its value function and its scores are not judged against it,
    and a value function missing a faulted point is not judged as a whole.
    """
    shadowed = {p.path for p in r.problems} | {path.rpartition(".")[0]
                                              for path in r.placeholders}
    unscaled: set[str] = set()
    for i, c in enumerate(m.criteria):
        path = f"criteria[{i}]"
        if {f"{path}.worst", f"{path}.best"} & r.placeholders:
            unscaled.add(c.id)
            shadowed.add(f"{path}.value_function")
        if any(p.path.startswith(f"{path}.value_function[") for p in r.problems):
            shadowed.add(f"{path}.value_function")

    def echoes(problem: Problem) -> bool:
        parts = problem.path.split(".")
        return problem.path in shadowed or (
            parts[0] == "scores" and len(parts) > 2 and parts[2] in unscaled)

    return echoes


def _read_document(doc: dict[str, Any], r: Reader) -> DecisionMatrix:
    r.keys(doc, "", required={"format"},
           optional={"matrix", "groups", "criteria", "options", "scores", "profiles",
                     "scenarios"})
    version = doc.get("format")
    if "format" in doc and (isinstance(version, bool) or version != FORMAT_VERSION):
        r.problem("format", f"format {version!r} is not supported (this version of Tradeoff "
                            f"reads format {FORMAT_VERSION})")
        return DecisionMatrix()
    m = DecisionMatrix()
    meta = r.table(doc, "matrix", "matrix")
    if meta is not None:
        r.keys(meta, "matrix", optional={"title", "description", "author", "sources",
                                         "created", "modified", "active_profile"})
        m.metadata = Metadata(
            title=r.string(meta, "title", "matrix", default="Untitled matrix"),
            description=r.string(meta, "description", "matrix"),
            author=r.string(meta, "author", "matrix"),
            sources=r.string_list(meta, "sources", "matrix"),
            created=r.date_text(meta, "created", "matrix"),
            modified=r.date_text(meta, "modified", "matrix"),
        )
        m.active_profile = r.string(meta, "active_profile", "matrix", default=None)
    for path, t in r.array_of_tables(doc, "groups"):
        r.keys(t, path, required={"id", "name"}, optional={"parent", "description"})
        m.groups.append(Group(id=r.string(t, "id", path), name=r.string(t, "name", path),
                              parent=r.string(t, "parent", path, default=None),
                              description=r.string(t, "description", path)))
    for path, t in r.array_of_tables(doc, "criteria"):
        m.criteria.append(_read_criterion(t, path, r))
    for path, t in r.array_of_tables(doc, "options"):
        r.keys(t, path, required={"id", "name"}, optional={"description"})
        m.options.append(Option(id=r.string(t, "id", path), name=r.string(t, "name", path),
                                description=r.string(t, "description", path)))
    _read_scores(doc, m, r)
    for path, t in r.array_of_tables(doc, "profiles"):
        r.keys(t, path, required={"id", "name", "weights"},
               optional={"description", "method", "elicitation"})
        weights = r.table(t, "weights", f"{path}.weights") or {}
        m.profiles.append(WeightProfile(
            id=r.string(t, "id", path), name=r.string(t, "name", path),
            weights={k: r.number(weights, k, f"{path}.weights") for k in weights},
            description=r.string(t, "description", path),
            method=r.string(t, "method", path, default="direct"),
            elicitation=r.table(t, "elicitation", f"{path}.elicitation") or {},
        ))
    m.scenarios = read_scenarios(doc, r)
    return m


def _read_criterion(t: dict[str, Any], path: str, r: Reader) -> Criterion:
    r.keys(t, path, required={"id", "name", "worst", "best"},
           optional={"direction", "unit", "description", "group", "levels", "value_function",
                     "promethee", "must_reach"})
    levels: list[Level] = []
    for lpath, lv in r.array_of_tables(t, "levels", prefix=path):
        r.keys(lv, lpath, required={"name", "position"})
        levels.append(Level(r.string(lv, "name", lpath), r.number(lv, "position", lpath)))
    direction_text = r.string(t, "direction", path, default="benefit")
    try:
        direction = Direction(direction_text)
    except ValueError:
        r.problem(f"{path}.direction", f"{direction_text!r} is not 'benefit' or 'cost'")
        direction = Direction.BENEFIT
    anchors = {}
    for key in ("worst", "best"):
        raw = t.get(key)
        if levels and isinstance(raw, str):
            match = [lv.position for lv in levels if lv.name == raw]
            # Kept with a stand-in anchor (not dropped), so that later criteria keep
            # their key paths and its scores are not reported as unknown.
            anchors[key] = match[0] if match else r.stand_in(
                f"{path}.{key}", f"{raw!r} is not one of the levels")
        else:
            anchors[key] = r.number(t, key, path)
    points = []
    raw_points = t.get("value_function", [])
    if not isinstance(raw_points, list):
        r.problem(f"{path}.value_function", "must be an array of [score, value] points, "
                                            f"not {kind_of(raw_points)}")
        raw_points = []
    for i, pt in enumerate(raw_points):
        if (not isinstance(pt, list) or len(pt) != 2
                or not all(isinstance(x, int | float) and not isinstance(x, bool) for x in pt)):
            r.problem(f"{path}.value_function[{i}]", "each point is [score, value]")
            continue
        problem = next(filter(None, map(number_problem, pt)), None)
        if problem:
            r.problem(f"{path}.value_function[{i}]", problem)
            continue
        points.append((pt[0], pt[1]))
    return Criterion(
        id=r.string(t, "id", path), name=r.string(t, "name", path),
        worst=anchors["worst"], best=anchors["best"], direction=direction,
        unit=r.string(t, "unit", path), description=r.string(t, "description", path),
        group=r.string(t, "group", path, default=None), levels=levels, value_points=points,
        promethee=_read_promethee(t, path, r, level_scale=bool(levels)),
        must_reach=r.score_value(t, "must_reach", path),
    )


def _read_promethee(t: dict[str, Any], path: str, r: Reader, *,
                    level_scale: bool) -> PreferenceFunction | None:
    """The criterion's own preference function: a kind and exactly the thresholds it reads."""
    where = f"{path}.promethee"
    raw = r.table(t, "promethee", where)
    if raw is None:
        return None
    faults = len(r.problems)
    kind = raw.get("function")
    if "function" in raw and not isinstance(kind, str):
        r.string(raw, "function", where)  # says what it is instead of text
    elif kind is not None and kind not in KINDS:
        r.problem(f"{where}.function", f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    known = isinstance(kind, str) and kind in KINDS
    # Until the kind is known, any of the thresholds may be there.
    needed = THRESHOLDS[kind] if known else ("q", "p", "s")
    r.keys(raw, where, required={"function"} | (set(needed) if known else set()),
           optional=set(needed))
    thresholds = {}
    for name in needed:
        if level_scale and isinstance(raw.get(name), str):
            r.problem(f"{where}.{name}", "must be a number of level positions (a difference "
                                         f"between two levels), not text {raw[name]!r}")
        elif name in raw:
            thresholds[name] = r.number(raw, name, where)
    if len(r.problems) > faults:
        return None  # a stand-in would only make up a second fault
    function = PreferenceFunction(kind, **thresholds)
    for key, message in function.problems():
        r.problem(f"{where}.{key}", message)
    return None if len(r.problems) > faults else function


BIG = 2 ** 53  # integers a float holds exactly; larger ones go the long way
_RANGE_KEYS = {"value", "low", "high"}


def _plain(x: object) -> bool:
    """A finite float, or an int a float holds exactly (not a bool, not text)."""
    t = type(x)
    return (t is float and math.isfinite(x)) or (t is int and -BIG <= x <= BIG)  # type: ignore[operator, arg-type]


def _read_scores(doc: dict[str, Any], m: DecisionMatrix, r: Reader) -> None:
    scores = r.table(doc, "scores", "scores") or {}
    # Plain numbers — the shorthand, or a value with a low and a high — are how a
    # large matrix is written: gathered and put into the score arrays at once, with
    # no object per cell. Anything else is read field by field.
    bare: tuple[list[str], list[str], list[Any]] = ([], [], [])
    ranged: tuple[list[str], list[str], list[Any], list[Any], list[Any]] = ([], [], [], [], [])
    cells: list[tuple[tuple[str, str], Score]] = []
    columns: dict[str, None] = {}
    isfinite = math.isfinite
    for oid, row in scores.items():
        row_path = f"scores.{oid}"
        if not isinstance(row, dict):
            r.problem(row_path, "must be a table of criterion scores")
            continue
        columns.update(dict.fromkeys(row))
        for cid, cell in row.items():
            t = type(cell)
            if (t is float and isfinite(cell)) or (t is int and -BIG <= cell <= BIG):
                bare[0].append(oid)
                bare[1].append(cid)
                bare[2].append(cell)
            elif (t is dict and cell.keys() <= _RANGE_KEYS and "value" in cell
                  and all(_plain(v) for v in cell.values())):
                for out, v in zip(ranged, (oid, cid, cell["value"], cell.get("low"),
                                           cell.get("high")), strict=True):
                    out.append(v)
            else:
                cells.append(((oid, cid), read_cell(cell, f"{row_path}.{cid}", r)))
    # Rows and columns are placed in the file's order first, so the cells come
    # back in that order whichever way each was written.
    m.scores.reserve(list(scores), list(columns))
    m.scores.put_numbers(*bare)
    m.scores.put_numbers(*ranged)
    for key, score in cells:
        m.scores.put(key, score)


# -- writing ---------------------------------------------------------------
def dumps(m: DecisionMatrix) -> str:
    """The matrix as TOML text (format 1).

    Text with line breaks is written as multi-line strings, which read well
    in a diff, unless some text holds a carriage return: the TOML writer turns
    CR LF inside a multi-line string into LF, so such a file is written with
    every string on one line (escaped) and each text comes back byte for byte.
    """
    doc = to_document(m)
    # The score rows of a large matrix are mostly bare numbers: only their tables
    # (cells with a reason, a source or a range) can hold text.
    rest = {k: v for k, v in doc.items() if k != "scores"}
    cells = (cell for row in doc.get("scores", {}).values() for cell in row.values()
             if type(cell) is dict or type(cell) is str)
    carriage_return = _holds_carriage_return(rest) or any(map(_holds_carriage_return, cells))
    import tomli_w

    return tomli_w.dumps(doc, multiline_strings=not carriage_return)


def _holds_carriage_return(value: object) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_holds_carriage_return(k) or _holds_carriage_return(v)
                   for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_holds_carriage_return(v) for v in value)
    return False


def _scores_doc(m: DecisionMatrix) -> dict[str, dict[str, Any]]:
    """The score cells in matrix order, so diffs stay readable. A bare value is
    written as the shorthand ``criterion = value`` (one line, a third of the size);
    a cell with more keeps its own table. Bare plain numbers — most cells of a large
    matrix — are read from the score arrays, not built into objects one by one."""
    option_ids, criterion_ids = [o.id for o in m.options], [c.id for c in m.criteria]
    store = m.scores
    bare = store.value_only(option_ids, criterion_ids)
    numbers, _ = store.numbers(option_ids, criterion_ids)
    is_int = store.kinds(option_ids, criterion_ids) == INT
    bare &= ~np.isnan(numbers)  # level names and other objects go the long way
    scores: dict[str, dict[str, Any]] = {}
    for i, oid in enumerate(option_ids):
        row: dict[str, Any] = {}
        plain, ints, xs = bare[i].tolist(), is_int[i].tolist(), numbers[i].tolist()
        for j, cid in enumerate(criterion_ids):
            if plain[j]:
                row[cid] = int(xs[j]) if ints[j] else xs[j]
                continue
            s = store.get((oid, cid))
            if s is not None and not s.is_empty:
                cell = cell_doc(s)
                row[cid] = cell["value"] if cell.keys() == {"value"} else cell
        if row:
            scores[oid] = row
    return scores


def to_document(m: DecisionMatrix) -> dict[str, Any]:
    md = m.metadata
    meta: dict[str, Any] = {"title": md.title}
    for key in ("description", "author", "created", "modified"):
        if getattr(md, key):
            meta[key] = getattr(md, key)
    if md.sources:
        meta["sources"] = list(md.sources)
    if m.active_profile is not None:
        meta["active_profile"] = m.active_profile
    doc: dict[str, Any] = {"format": FORMAT_VERSION, "matrix": meta}
    if m.groups:
        doc["groups"] = [_drop_empty({"id": g.id, "name": g.name, "parent": g.parent,
                                      "description": g.description}) for g in m.groups]
    doc["criteria"] = [_criterion_doc(c) for c in m.criteria]
    doc["options"] = [_drop_empty({"id": o.id, "name": o.name, "description": o.description})
                      for o in m.options]
    scores = _scores_doc(m)
    if scores:
        doc["scores"] = scores
    if m.profiles:
        doc["profiles"] = [_profile_doc(p) for p in m.profiles]
    if m.scenarios:
        doc["scenarios"] = scenarios_doc(m)
    return doc


def _criterion_doc(c: Criterion) -> dict[str, Any]:
    d: dict[str, Any] = {"id": c.id, "name": c.name}
    if c.group:
        d["group"] = c.group
    d["direction"] = c.direction.value
    for key in ("unit", "description"):
        if getattr(c, key):
            d[key] = getattr(c, key)
    if c.levels:
        d["levels"] = [{"name": lv.name, "position": lv.position} for lv in c.levels]
        d["worst"] = c.level_at(c.worst) or c.worst
        d["best"] = c.level_at(c.best) or c.best
    else:
        d["worst"], d["best"] = c.worst, c.best
    if c.value_points:
        d["value_function"] = [[x, v] for x, v in c.value_points]
    if c.promethee is not None:
        d["promethee"] = {"function": c.promethee.kind, **c.promethee.thresholds}
    if c.must_reach is not None:
        d["must_reach"] = c.must_reach
    return d


def _profile_doc(p: WeightProfile) -> dict[str, Any]:
    d: dict[str, Any] = {"id": p.id, "name": p.name}
    if p.description:
        d["description"] = p.description
    d["method"] = p.method
    d["weights"] = dict(p.weights)
    if p.elicitation:
        d["elicitation"] = p.elicitation
    return d


def _drop_empty(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None and v != ""}


def save_matrix(m: DecisionMatrix, path: str | os.PathLike[str], *,
                touch_modified: bool = True) -> None:
    """Write atomically (:mod:`tradeoff.io.atomic`): a temporary file, fsync, replace, fsync.

    A crash or a full disk leaves the previous file as it was. The text is
    built (and so checked for unwritable values) before any file is opened.
    """
    if touch_modified:
        today = dt.date.today().isoformat()
        m.metadata.modified = today
        if not m.metadata.created:
            m.metadata.created = today
    text = dumps(m).encode("utf-8")
    atomic_write_bytes(Path(path), text)
