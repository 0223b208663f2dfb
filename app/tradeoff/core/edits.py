"""Mutators: the only way the editor changes a matrix.

Each mutator does one change and returns what its undo needs, so a GUI undo
command is a thin pair of calls. They keep the matrix consistent (removing a
criterion removes its scores and weights) and never touch the file system.
"""

from __future__ import annotations

from dataclasses import replace

from tradeoff.core.model import Criterion, DecisionMatrix, Group, Option, Score, WeightProfile


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
    scores = {cid: m.scores.pop((oid, cid)) for (oid, cid) in list(m.scores) if oid == option_id}
    return index, option, scores


def option_scores(m: DecisionMatrix, option_id: str) -> dict[str, Score]:
    return {cid: replace(s) for (oid, cid), s in m.scores.items() if oid == option_id}


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
    scores = {oid: m.scores.pop((oid, cid)) for (oid, cid) in list(m.scores)
              if cid == criterion_id}
    weights = {p.id: p.weights.pop(criterion_id) for p in m.profiles
               if criterion_id in p.weights}
    return index, criterion, scores, weights


def criterion_scores(m: DecisionMatrix, criterion_id: str) -> dict[str, Score]:
    return {oid: replace(s) for (oid, cid), s in m.scores.items() if cid == criterion_id}


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
