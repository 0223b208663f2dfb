"""Mutators: the only way the editor changes a matrix.

Each mutator does one change and returns what its undo needs, so a GUI undo
command is a thin pair of calls. They keep the matrix consistent (removing a
criterion removes its scores and weights) and never touch the file system.
"""

from __future__ import annotations

import copy
import math
from dataclasses import replace
from typing import TypeGuard

from tradeoff.core.model import Criterion, DecisionMatrix, Group, Option, Score, WeightProfile
from tradeoff.core.value_tree import MAX_GROUP_DEPTH, group_paths, parents, subtree_height


def set_score(m: DecisionMatrix, option_id: str, criterion_id: str,
              score: Score | None) -> Score | None:
    """Put ``score`` in a cell (None or an empty score clears it); return the old one."""
    key = (option_id, criterion_id)
    old = m.scores.get(key)
    if score is None or score.is_empty:
        m.scores.pop(key, None)
    else:
        m.scores[key] = replace(score)
    return old


# -- options ---------------------------------------------------------------
def insert_option(m: DecisionMatrix, index: int, option: Option,
                  scores: dict[str, Score] | None = None) -> None:
    m.options.insert(index, option)
    for cid, s in (scores or {}).items():
        m.scores[(option.id, cid)] = s


def remove_option(m: DecisionMatrix, option_id: str) -> tuple[int, Option, dict[str, Score]]:
    index = m.option_index(option_id)
    option = m.options.pop(index)
    scores = {cid: m.scores.pop((oid, cid)) for (oid, cid) in m.scores.option_keys(option_id)}
    return index, option, scores


def option_scores(m: DecisionMatrix, option_id: str) -> dict[str, Score]:
    return {cid: replace(m.scores[(oid, cid)]) for oid, cid in m.scores.option_keys(option_id)}


def move_option(m: DecisionMatrix, option_id: str, new_index: int) -> int:
    old = m.option_index(option_id)
    m.options.insert(new_index, m.options.pop(old))
    return old


def update_option(m: DecisionMatrix, option_id: str, **fields: str) -> Option:
    """Change name/description; return the option as it was."""
    i = m.option_index(option_id)
    old = m.options[i]
    m.options[i] = replace(old, **fields)
    return old


# -- criteria --------------------------------------------------------------
def insert_criterion(m: DecisionMatrix, index: int, criterion: Criterion,
                     scores: dict[str, Score] | None = None,
                     weights: dict[str, float] | None = None,
                     default_weight: float = 1.0) -> None:
    """Add a criterion; profiles not named in ``weights`` give it ``default_weight``."""
    m.criteria.insert(index, criterion)
    for oid, s in (scores or {}).items():
        m.scores[(oid, criterion.id)] = s
    for p in m.profiles:
        p.weights[criterion.id] = (weights or {}).get(p.id, default_weight)


def remove_criterion(m: DecisionMatrix, criterion_id: str
                     ) -> tuple[int, Criterion, dict[str, Score], dict[str, float]]:
    index = m.criterion_index(criterion_id)
    criterion = m.criteria.pop(index)
    scores = {oid: m.scores.pop((oid, cid))
              for (oid, cid) in m.scores.criterion_keys(criterion_id)}
    weights = {p.id: p.weights.pop(criterion_id) for p in m.profiles
               if criterion_id in p.weights}
    return index, criterion, scores, weights


def criterion_scores(m: DecisionMatrix, criterion_id: str) -> dict[str, Score]:
    return {oid: replace(m.scores[(oid, cid)])
            for oid, cid in m.scores.criterion_keys(criterion_id)}


def move_criterion(m: DecisionMatrix, criterion_id: str, new_index: int) -> int:
    old = m.criterion_index(criterion_id)
    m.criteria.insert(new_index, m.criteria.pop(old))
    return old


def replace_criterion(m: DecisionMatrix, criterion: Criterion) -> Criterion:
    """Swap in an edited criterion with the same id; return the old one."""
    i = m.criterion_index(criterion.id)
    old = m.criteria[i]
    m.criteria[i] = criterion
    return old


# -- groups ----------------------------------------------------------------
def insert_group(m: DecisionMatrix, index: int, group: Group,
                 weights: dict[str, float] | None = None, default_weight: float = 1.0) -> None:
    m.groups.insert(index, group)
    for p in m.profiles:
        p.weights[group.id] = (weights or {}).get(p.id, default_weight)


def remove_group(m: DecisionMatrix, group_id: str) -> tuple[int, Group, dict[str, float]]:
    """Remove an empty group (move its members out first)."""
    if m.children(group_id):
        raise ValueError(f"group {group_id!r} still has members")
    index = [g.id for g in m.groups].index(group_id)
    group = m.groups.pop(index)
    weights = {p.id: p.weights.pop(group_id) for p in m.profiles if group_id in p.weights}
    return index, group, weights


def update_group(m: DecisionMatrix, group_id: str, **fields: str | None) -> Group:
    """Change a group's name, description or parent (keeping its id); return it as it was.

    A new parent must be another group that is not below this one, so the value
    tree never gains a cycle (ValueError otherwise).
    """
    old = m.group(group_id)
    if fields.get("parent") is not None:
        _check_parent(m, group_id, str(fields["parent"]))
    m.groups[m.groups.index(old)] = replace(old, **fields)
    return old


def regroup(m: DecisionMatrix, criteria: dict[str, str | None],
            groups: dict[str, str | None]) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """Put criteria in groups and groups under parents (None: the top level) in one go.

    Returns the old assignments in the same form, so passing them back undoes
    the change. A move that would make the value tree a cycle or name an
    unknown group raises ValueError and leaves the matrix as it was.
    """
    known = {g.id for g in m.groups}
    unknown = sorted({str(x) for x in [*criteria.values(), *groups.values()]
                      if x is not None and x not in known})
    if unknown:
        raise ValueError(f"unknown group {unknown[0]!r}")
    old_criteria = {cid: m.criterion(cid).group for cid in criteria}
    old_groups = {gid: m.group(gid).parent for gid in groups}
    _set_parents(m, groups)
    try:  # checked on the tree as it would be, so a set of moves is judged as a whole
        for gid, parent in groups.items():
            if parent is not None:
                _check_parent(m, gid, parent)
    except ValueError:
        _set_parents(m, old_groups)
        raise
    for cid, group_id in criteria.items():
        i = m.criterion_index(cid)
        m.criteria[i] = replace(m.criteria[i], group=group_id)
    return old_criteria, old_groups


def _set_parents(m: DecisionMatrix, parents: dict[str, str | None]) -> None:
    index = {g.id: i for i, g in enumerate(m.groups)}
    for gid, parent in parents.items():
        m.groups[index[gid]] = replace(m.groups[index[gid]], parent=parent)


def _check_parent(m: DecisionMatrix, group_id: str, parent: str) -> None:
    if parent not in {g.id for g in m.groups}:
        raise ValueError(f"unknown group {parent!r}")
    up = parents(m)
    seen: set[str] = set()
    node: str | None = parent
    while node is not None and node not in seen:
        if node == group_id:
            raise ValueError(f"group {group_id!r} cannot sit under itself or its own subgroup")
        seen.add(node)
        node = up.get(node)
    levels = len(group_paths(m)[parent]) + subtree_height(m, group_id)
    if levels > MAX_GROUP_DEPTH:
        raise ValueError(f"the value tree would be {levels} levels of groups deep; it may have "
                         f"at most {MAX_GROUP_DEPTH}")


def group_name_problem(m: DecisionMatrix, name: str, group_id: str | None = None) -> str | None:
    """Why ``name`` cannot name the group ``group_id`` (None: a new group), or None.

    Groups and criteria stand side by side in the weights panel and in the band
    over the grid, and the criterion dialog finds a group by its name, so a group
    needs a name no other group or criterion has. Case is ignored, as the sheet
    importer ignores it when it refuses two criteria of the same name.
    """
    wanted = name.strip().casefold()
    if not wanted:
        return "the name is empty"
    for g in m.groups:
        if g.id != group_id and g.name.strip().casefold() == wanted:
            return f"another group is already called “{g.name}”"
    for c in m.criteria:
        if c.name.strip().casefold() == wanted:
            return f"a criterion is already called “{c.name}”"
    return None


def ungrouped_profile(m: DecisionMatrix, profile: WeightProfile, group_id: str) -> WeightProfile:
    """A copy of ``profile`` for the matrix once ``group_id`` is dissolved into its parent.

    The group's weight leaves the profile. Its members join the parent's level,
    where their points would otherwise be read against the group's siblings on
    a scale they were never given for; so each member takes the group's points
    times its share within the group, and every criterion keeps its normalised
    weight. Where the group's level cannot be normalised (a missing or invalid
    weight, all zero under a weighted group) the members keep their points.
    The elicitation records of the group's level and of its parent's level no
    longer describe these weights and are dropped. Call it while the group still
    holds its members: it reads who they are from the matrix.
    """
    group = m.group(group_id)
    taken_over = _members_points(m, profile, group_id)
    weights = {k: taken_over.get(k, w) for k, w in profile.weights.items() if k != group_id}
    elicitation, method = dict(profile.elicitation), profile.method
    # Imported here, not at start-up: the records module loads all of elicitation.
    from tradeoff.core.elicitation.records import level_key, profile_method

    stale = {level_key(group.parent), level_key(group_id)} & set(elicitation)
    if stale:
        for key in stale:
            del elicitation[key]
        method = profile_method(elicitation)
    return replace(profile, weights=weights, elicitation=copy.deepcopy(elicitation),
                   method=method)


def _members_points(m: DecisionMatrix, profile: WeightProfile, group_id: str) -> dict[str, float]:
    """Points for the group's weighted members at its parent's level (see ungrouped_profile)."""
    group_ids = {g.id for g in m.groups}
    live = {g for c in m.criteria for g in m.group_path(c.id)}
    # As in core.weights.node_shares: a subgroup with no criteria below it carries no weight.
    kids = [k for k in m.children(group_id) if k not in group_ids or k in live]
    raw = [profile.weights.get(k) for k in [group_id, *kids]]
    usable = [float(w) for w in raw if _usable(w)]
    if not kids or len(usable) != len(raw):
        return {}
    group_points, points = usable[0], usable[1:]
    biggest = max(points)
    if biggest <= 0:  # all zero: fine under a zero-weight group, unusable under any other
        return dict.fromkeys(kids, 0.0) if group_points == 0 else {}
    points = [w / biggest for w in points]  # in 0..1, so the sum cannot overflow
    total = sum(points)
    return {k: group_points * (w / total) for k, w in zip(kids, points, strict=True)}


def _usable(w: float | None) -> TypeGuard[float]:
    return (isinstance(w, int | float) and not isinstance(w, bool) and math.isfinite(w)
            and w >= 0)


# -- weights and profiles ----------------------------------------------------
def set_weight(m: DecisionMatrix, profile_id: str, node_id: str, weight: float) -> float | None:
    """Set one raw weight; return the old one."""
    p = m.profile(profile_id)
    old = p.weights.get(node_id)
    p.weights[node_id] = weight
    return old


def set_weights(m: DecisionMatrix, profile_id: str, weights: dict[str, float],
                method: str | None = None) -> WeightProfile:
    """Replace a profile's weights at once (an elicitation result); return the old profile."""
    i = [p.id for p in m.profiles].index(profile_id)
    old = m.profiles[i]
    m.profiles[i] = replace(old, weights=dict(weights), method=method or old.method,
                            elicitation=dict(old.elicitation))
    return old


def replace_profile(m: DecisionMatrix, profile: WeightProfile) -> WeightProfile:
    i = [p.id for p in m.profiles].index(profile.id)
    old = m.profiles[i]
    m.profiles[i] = profile
    return old


def insert_profile(m: DecisionMatrix, index: int, profile: WeightProfile) -> None:
    m.profiles.insert(index, profile)
    if m.active_profile is None:
        m.active_profile = profile.id


def remove_profile(m: DecisionMatrix, profile_id: str) -> tuple[int, WeightProfile]:
    index = [p.id for p in m.profiles].index(profile_id)
    profile = m.profiles.pop(index)
    if m.active_profile == profile_id:
        m.active_profile = m.profiles[0].id if m.profiles else None
    return index, profile


def copy_profile(profile: WeightProfile, new_id: str, new_name: str) -> WeightProfile:
    return replace(profile, id=new_id, name=new_name, weights=dict(profile.weights),
                   elicitation=dict(profile.elicitation))


# -- scenario overrides of a row or column ------------------------------------------------
# Scenario id → that scenario's overridden cells, as (option id, criterion id) → score.
ScenarioCells = dict[str, dict[tuple[str, str], Score]]
OPTION_AXIS, CRITERION_AXIS = 0, 1  # which half of a cell's key names the item


def take_overrides(m: DecisionMatrix, item_id: str, axis: int) -> ScenarioCells:
    """Remove every scenario's overrides of an option's row (``OPTION_AXIS``) or a
    criterion's column (``CRITERION_AXIS``) and return them, for an undo to put back."""
    taken: ScenarioCells = {}
    for s in m.scenarios:
        cells = {k: v for k, v in s.scores.items() if k[axis] == item_id}
        for k in cells:
            del s.scores[k]
        if cells:
            taken[s.id] = cells
    return taken


def put_overrides(m: DecisionMatrix, cells: ScenarioCells) -> None:
    """Give back overrides :func:`take_overrides` returned (copies, so a redo can reuse them)."""
    by_id = {s.id: s for s in m.scenarios}
    for scenario_id, scores in cells.items():
        by_id[scenario_id].scores.update({k: replace(v) for k, v in scores.items()})


def copied_overrides(m: DecisionMatrix, source_id: str, copy_id: str,
                     axis: int) -> ScenarioCells:
    """Every scenario's overrides of ``source_id``'s row or column, keyed for its copy
    ``copy_id`` (a duplicate differs from the base case where its source does)."""
    out: ScenarioCells = {}
    for s in m.scenarios:
        cells = {}
        for key, score in s.scores.items():
            if key[axis] == source_id:
                new_key = (copy_id, key[1]) if axis == OPTION_AXIS else (key[0], copy_id)
                cells[new_key] = replace(score)
        if cells:
            out[s.id] = cells
    return out
