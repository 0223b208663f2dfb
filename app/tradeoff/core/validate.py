"""Rules a decision matrix must keep, each broken rule reported with its key path.

The key paths are those of the TOML file format (``scores.harder-line.leverage``),
so a message points at the line to fix whether the matrix came from a file or
from the editor.
"""

from __future__ import annotations

import itertools
import math

import numpy as np

from tradeoff.core.errors import Problem, WeightError
from tradeoff.core.model import (
    ID_PATTERN,
    SCORE_DISTRIBUTIONS,
    Criterion,
    DecisionMatrix,
    Direction,
    Score,
)
from tradeoff.core.score_store import FLOAT, INT, NONE, StoreLayout
from tradeoff.core.value_tree import tree_problems
from tradeoff.core.weights import normalised_weights


def check_matrix(m: DecisionMatrix, *, allow_missing: bool = True) -> list[Problem]:
    """Every rule ``m`` breaks; an empty list means the matrix is sound."""
    problems: list[Problem] = []
    problems += _check_ids(m)
    problems += _check_groups(m)
    for i, c in enumerate(m.criteria):
        problems += check_criterion(c, f"criteria[{i}]", m)
    problems += _check_scores(m, allow_missing)
    problems += _check_scenarios(m)
    # Normalising weights walks the value tree, which is only safe once it is sound.
    problems += _check_profiles(m, tree_is_sound=not problems)
    return problems


def _check_ids(m: DecisionMatrix) -> list[Problem]:
    problems: list[Problem] = []
    # Criteria and groups share one namespace because both are keys of a
    # profile's weights table; options and profiles each have their own.
    namespaces = [[("groups", m.groups), ("criteria", m.criteria)],
                  [("options", m.options)], [("profiles", m.profiles)]]
    for namespace in namespaces:
        seen: dict[str, str] = {}
        for kind, items in namespace:
            for i, item in enumerate(items):
                path = f"{kind}[{i}].id"
                if not ID_PATTERN.match(item.id):
                    problems.append(Problem(path, f"{item.id!r} is not a valid id (letters, "
                                                  "digits, '-' and '_', starting with a letter "
                                                  "or digit)"))
                if item.id in seen:
                    problems.append(Problem(path, f"duplicate id {item.id!r} (already used by "
                                                  f"{seen[item.id]})"))
                else:
                    seen[item.id] = f"{kind}[{i}]"
                if not item.name.strip():
                    problems.append(Problem(f"{kind}[{i}].name", "the name is empty"))
    return problems


def _check_groups(m: DecisionMatrix) -> list[Problem]:
    problems = tree_problems(m)
    group_ids = {g.id for g in m.groups}
    for i, c in enumerate(m.criteria):
        if c.group is not None and c.group not in group_ids:
            problems.append(Problem(f"criteria[{i}].group", f"unknown group {c.group!r}"))
    return problems


def check_criterion(c: Criterion, path: str, m: DecisionMatrix | None = None) -> list[Problem]:
    """The rules of one criterion's scale and value function."""
    problems: list[Problem] = []
    for name in ("worst", "best"):
        v = getattr(c, name)
        if not isinstance(v, int | float) or not math.isfinite(v):
            problems.append(Problem(f"{path}.{name}", f"{v!r} is not a finite number"))
    if problems:
        return problems
    if c.worst == c.best:
        problems.append(Problem(path, f"worst and best anchors are both {c.worst:g}; "
                                      "they must differ"))
    elif not math.isfinite(c.best - c.worst):
        # Every value is (score - worst) / (best - worst): an infinite span makes it 0 or NaN.
        problems.append(Problem(path, f"the anchors {c.worst:g} and {c.best:g} are too far "
                                      "apart to compute with; choose a smaller unit"))
    elif c.direction is Direction.BENEFIT and c.best < c.worst:
        problems.append(Problem(path, f"a benefit criterion needs best ({c.best:g}) above "
                                      f"worst ({c.worst:g}); use direction = \"cost\" to "
                                      "reverse it"))
    elif c.direction is Direction.COST and c.best > c.worst:
        problems.append(Problem(path, f"a cost criterion needs best ({c.best:g}) below "
                                      f"worst ({c.worst:g})"))
    if c.levels:
        names = [lv.name for lv in c.levels]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            problems.append(Problem(f"{path}.levels", f"duplicate level names: {', '.join(dupes)}"))
        positions = [lv.position for lv in c.levels]
        if len(set(positions)) != len(positions):
            problems.append(Problem(f"{path}.levels", "two levels share a position"))
    if c.value_points:
        problems += _check_points(c, path)
    if c.must_reach is not None:
        problems += _check_value(c, c.must_reach, f"{path}.must_reach")
    return problems


def _check_points(c: Criterion, path: str) -> list[Problem]:
    pts = sorted(c.value_points)
    where = f"{path}.value_function"
    if len(pts) < 2:
        return [Problem(where, "needs at least two points")]
    xs = [p[0] for p in pts]
    if len(set(xs)) != len(xs):
        return [Problem(where, "two points share a score")]
    if xs[0] != c.low or xs[-1] != c.high:
        return [Problem(where, f"points must start and end at the anchors "
                               f"{c.low:g} and {c.high:g}, not {xs[0]:g} and {xs[-1]:g}")]
    vals = dict(pts)
    if vals[c.worst] != 0 or vals[c.best] != 1:
        return [Problem(where, "the value must be 0 at the worst anchor and 1 at the best")]
    seq = [p[1] for p in pts] if c.best > c.worst else [p[1] for p in reversed(pts)]
    if any(b < a for a, b in itertools.pairwise(seq)):
        return [Problem(where, "values must rise steadily from worst to best")]
    return []


def _check_scores(m: DecisionMatrix, allow_missing: bool) -> list[Problem]:
    problems: list[Problem] = []
    crits = {c.id: c for c in m.criteria}
    opts = {o.id for o in m.options}
    store = m.scores
    for oid, cid in _cells_to_check(m, store.layout()):
        problems += _check_cell(crits, opts, oid, cid, store[(oid, cid)], "scores")
    if not allow_missing:
        missing = store.kinds([o.id for o in m.options], [c.id for c in m.criteria]) == NONE
        for i, j in zip(*np.nonzero(missing), strict=True):
            problems.append(Problem(f"scores.{m.options[i].id}.{m.criteria[j].id}",
                                    "missing score"))
    return problems


def _cells_to_check(m: DecisionMatrix, a: StoreLayout) -> list[tuple[str, str]]:
    """The cells that may break a rule, in the store's order: all but those whose
    value, low and high are plain numbers on a numeric scale of a known criterion
    and option, in order and within its anchors, with no distribution named.
    Those pass every rule of :func:`_check_cell`, so a large matrix is checked
    with array operations and only the rest one by one."""
    crits = {c.id: c for c in m.criteria}
    options = {o.id for o in m.options}
    known_row = np.fromiter((r in options for r in a.row_ids), dtype=bool, count=len(a.row_ids))
    # NaN (every cell checked one by one) for a level scale, and for anchors a float
    # does not hold exactly: integers beyond 2**53 (numpy would keep those beyond
    # 64 bits as objects, which np.isnan refuses).
    scaled = [crits[c] if c in crits and not crits[c].levels
              and _float_exact(crits[c].low) and _float_exact(crits[c].high) else None
              for c in a.col_ids]
    lows = np.array([np.nan if c is None else c.low for c in scaled], dtype=float)
    highs = np.array([np.nan if c is None else c.high for c in scaled], dtype=float)
    with np.errstate(invalid="ignore"):
        ok = known_row[:, None] & ~np.isnan(lows)[None, :]
        for f in ("value", "low", "high"):
            kind, x = a.kind[f], a.number[f]
            number = (kind == INT) | (kind == FLOAT)
            within = (x >= lows) & (x <= highs)  # False for NaN and infinities beyond
            ok &= (kind == NONE) | (number & within)
        value = a.number["value"]
        ok &= (a.kind["value"] != NONE) | ((a.kind["low"] == NONE) & (a.kind["high"] == NONE))
        ok &= ~(a.number["low"] > value) & ~(a.number["high"] < value)
    for cell in a.with_distribution:
        ok[cell] = False
    rows, cols = np.nonzero(a.present & ~ok)
    return [(a.row_ids[i], a.col_ids[j]) for i, j in zip(rows.tolist(), cols.tolist(),
                                                           strict=True)]


def _float_exact(x: object) -> bool:
    return type(x) is float or (type(x) is int and -(2 ** 53) <= x <= 2 ** 53)  # type: ignore[operator]


def _check_cell(crits: dict[str, Criterion], opts: set[str], oid: str, cid: str, s: Score,
                prefix: str) -> list[Problem]:
    """The rules of one score cell under ``prefix`` (``scores`` or a scenario's scores)."""
    path = f"{prefix}.{oid}.{cid}"
    if oid not in opts:
        return [Problem(f"{prefix}.{oid}", f"unknown option {oid!r}")]
    if cid not in crits:
        return [Problem(path, f"unknown criterion {cid!r}")]
    c = crits[cid]
    problems: list[Problem] = []
    for field_name in ("value", "low", "high"):
        v = getattr(s, field_name)
        if v is None:
            continue
        key = path if field_name == "value" else f"{path}.{field_name}"
        problems += _check_value(c, v, key)
    if s.value is None and s.has_range:
        problems.append(Problem(path, "a range (low/high) needs a value"))
    problems += _check_range(c, s, path)
    problems += _check_distribution(c, s, path)
    return problems


def _check_scenarios(m: DecisionMatrix) -> list[Problem]:
    """Scenario ids and names, their overrides (as score cells) and their probabilities."""
    problems: list[Problem] = []
    crits = {c.id: c for c in m.criteria}
    opts = {o.id for o in m.options}
    names = {o.id: o.name for o in m.options}
    seen: dict[str, str] = {}
    for i, sc in enumerate(m.scenarios):
        path = f"scenarios[{i}]"
        if not ID_PATTERN.match(sc.id):
            problems.append(Problem(f"{path}.id", f"{sc.id!r} is not a valid id (letters, digits, "
                                                  "'-' and '_', starting with a letter or digit)"))
        if sc.id in seen:
            problems.append(Problem(f"{path}.id", f"duplicate id {sc.id!r} (already used by "
                                                  f"{seen[sc.id]})"))
        else:
            seen[sc.id] = path
        if not sc.name.strip():
            problems.append(Problem(f"{path}.name", "the name is empty"))
        p = sc.probability
        if p is not None and (isinstance(p, bool) or not isinstance(p, int | float)
                              or not math.isfinite(p) or not 0 <= p <= 1):
            problems.append(Problem(f"{path}.probability",
                                    f"{_fmt(p)} is not a probability between 0 and 1"))
        for (oid, cid), s in sc.scores.items():
            found = _check_cell(crits, opts, oid, cid, s, f"{path}.scores")
            if found and oid in names and cid in crits:
                # Say whose override it is: the key path alone names the scenario by
                # its place, and an override left off a scale that changed since is
                # easy to miss in the grid, where the base case is usually shown.
                where = f"the override of {names[oid]} / {crits[cid].name} in “{sc.name}”"
                found = [Problem(q.path, f"{q.message} ({where})") for q in found]
            problems += found
    given = [i for i, sc in enumerate(m.scenarios) if sc.probability is not None]
    if given and len(given) < len(m.scenarios):
        missing = next(i for i in range(len(m.scenarios)) if i not in given)
        problems.append(Problem(f"scenarios[{missing}].probability",
                                "either every scenario has a probability or none has"))
    elif given and not any(q.path.endswith(".probability") for q in problems):
        total = math.fsum(sc.probability or 0.0 for sc in m.scenarios)
        if abs(total - 1) > 1e-6:
            problems.append(Problem("scenarios", f"the probabilities sum to {total:g}, not 1"))
    return problems


def _check_value(c: Criterion, v: object, key: str) -> list[Problem]:
    if c.levels:
        if not isinstance(v, str):
            names = ", ".join(lv.name for lv in c.levels)
            return [Problem(key, f"{v!r} is not a level of this scale ({names})")]
        try:
            c.level_position(v)
        except KeyError:
            names = ", ".join(lv.name for lv in c.levels)
            return [Problem(key, f"{v!r} is not a level of this scale ({names})")]
        x = c.level_position(v)
    else:
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            return [Problem(key, f"{v!r} is not a number")]
        x = v  # compared exactly: float() would round an integer beyond 2**53
    if x > c.high:
        which = "best" if c.best == c.high else "worst"
        return [Problem(key, f"{_fmt(v)} is above the scale's {which} anchor {_fmt(c.high)}")]
    if x < c.low:
        which = "best" if c.best == c.low else "worst"
        return [Problem(key, f"{_fmt(v)} is below the scale's {which} anchor {_fmt(c.low)}")]
    return []


def _check_range(c: Criterion, s: Score, path: str) -> list[Problem]:
    try:
        nums = {k: c.to_number(getattr(s, k)) for k in ("low", "value", "high")
                if getattr(s, k) is not None}
    except (KeyError, TypeError, ValueError):
        return []  # already reported as an unknown level or not a number
    if "low" in nums and "value" in nums and nums["low"] > nums["value"]:
        return [Problem(f"{path}.low", f"low ({_fmt(s.low)}) is above the value ({_fmt(s.value)})")]
    if "high" in nums and "value" in nums and nums["high"] < nums["value"]:
        return [Problem(f"{path}.high",
                        f"high ({_fmt(s.high)}) is below the value ({_fmt(s.value)})")]
    return []


def _check_distribution(c: Criterion, s: Score, path: str) -> list[Problem]:
    problem = distribution_problem(c, s)
    return [Problem(f"{path}.distribution", problem)] if problem else []


def distribution_problem(c: Criterion, s: Score) -> str | None:
    """Why a score cannot be drawn from the distribution it names (None if it can)."""
    if s.distribution is None:
        return None
    if s.distribution not in SCORE_DISTRIBUTIONS:
        names = ", ".join(SCORE_DISTRIBUTIONS[:-1]) + " or " + SCORE_DISTRIBUTIONS[-1]
        return f"unknown distribution {s.distribution!r} (use {names})"
    if s.distribution not in ("normal", "lognormal"):
        return None
    kind = "a normal" if s.distribution == "normal" else "a log-normal"
    if s.distribution == "lognormal" and c.levels:
        return f"{kind} distribution needs a numeric scale, not levels"
    if s.distribution == "lognormal":
        for name in ("low", "value", "high"):
            v = getattr(s, name)
            if isinstance(v, int | float) and not isinstance(v, bool) and v <= 0:
                return f"{kind} distribution needs scores above 0, and the {name} is {_fmt(v)}"
    if s.has_range and s.value is not None:
        try:
            low, value, high = (c.to_number(x) if x is not None else None
                                for x in (s.low, s.value, s.high))
        except (KeyError, TypeError, ValueError):
            return None  # reported as an unknown level or not a number
        if low is None or high is None or not low < value < high:
            return (f"{kind} distribution reads low and high as a 95 % interval around the "
                    "value, so it needs a low below and a high above the value")
    return None


def _check_profiles(m: DecisionMatrix, tree_is_sound: bool) -> list[Problem]:
    problems: list[Problem] = []
    nodes = [c.id for c in m.criteria] + [g.id for g in m.groups]
    known = set(nodes)  # membership in a set: a list search per weight is quadratic
    for i, p in enumerate(m.profiles):
        path = f"profiles[{i}].weights"
        for key, w in p.weights.items():
            if key not in known:
                problems.append(Problem(f"{path}.{key}", "not a criterion or group of this matrix"))
            elif isinstance(w, bool) or not isinstance(w, int | float) or not math.isfinite(w):
                problems.append(Problem(f"{path}.{key}", f"{w!r} is not a number"))
            elif w < 0:
                problems.append(Problem(f"{path}.{key}", f"{_fmt(w)} is negative; weights "
                                                         "are zero or positive"))
        for node in nodes:
            if node not in p.weights:
                problems.append(Problem(path, f"no weight for {node!r}"))
        if tree_is_sound and m.criteria and not any(q.path.startswith(path) for q in problems):
            try:
                normalised_weights(m, p)
            except WeightError as e:
                problems.append(Problem(path, str(e)))
    if m.active_profile is not None and m.active_profile not in {p.id for p in m.profiles}:
        problems.append(Problem("matrix.active_profile", f"unknown profile {m.active_profile!r}"))
    return problems


def _fmt(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return f"{v:g}"
    return str(v)
