"""Weights in any positive units, normalised through the value tree.

A criterion's effective weight is its share among its siblings times the share
of each group above it among that group's siblings, so group weights and
criterion weights can each be set on their own scale.
"""

from __future__ import annotations

import math

import numpy as np

from tradeoff.core.errors import WeightError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.value_tree import children_index, criterion_paths


def _raw(profile: WeightProfile, node_id: str) -> float:
    w = profile.weights.get(node_id)
    if w is None:
        raise WeightError(f"profile {profile.name!r} has no weight for {node_id!r}")
    if not math.isfinite(w) or w < 0:
        raise WeightError(f"profile {profile.name!r}: weight of {node_id!r} is {w}; "
                          "weights must be zero or positive numbers")
    return float(w)


def node_shares(matrix: DecisionMatrix, profile: WeightProfile) -> dict[str, float]:
    """Each group's and criterion's share among its siblings (0..1)."""
    shares: dict[str, float] = {}
    # A group with no criteria below it carries no weight: leaving it out keeps
    # the effective weights summing to 1 while a value tree is being built.
    live = {g for path in criterion_paths(matrix).values() for g in path}
    group_ids = {g.id for g in matrix.groups}
    members = children_index(matrix)
    parents = [None, *[g.id for g in matrix.groups if g.id in live]]
    for parent in parents:
        kids = [k for k in members.get(parent, []) if k in live or k not in group_ids]
        if not kids:
            continue
        raw = [_raw(profile, k) for k in kids]
        total = sum(raw)
        if math.isinf(total):  # huge points overflow the sum; their shares do not change
            raw = [w / max(raw) for w in raw]
            total = sum(raw)
        if total <= 0 and parent is not None and _raw(profile, parent) == 0:
            shares.update(dict.fromkeys(kids, 0.0))  # a zero-weight group may be all zeros
            continue
        if total <= 0:
            where = "" if parent is None else f" under group {parent!r}"
            raise WeightError(f"profile {profile.name!r}: all weights{where} are zero; "
                              "give at least one a positive weight")
        for k, w in zip(kids, raw, strict=True):
            shares[k] = w / total
    return shares


def normalised_weights(matrix: DecisionMatrix, profile: WeightProfile | None = None) -> np.ndarray:
    """Effective weights of the criteria, in matrix order, summing to 1."""
    profile = profile or matrix.profile()
    if not matrix.criteria:
        return np.zeros(0)
    shares = node_shares(matrix, profile)
    paths = criterion_paths(matrix)
    out = np.empty(len(matrix.criteria))
    for i, c in enumerate(matrix.criteria):
        w = shares[c.id]
        for g in paths[c.id]:
            w *= shares[g]
        out[i] = w
    return out


def group_weight(matrix: DecisionMatrix, profile: WeightProfile, group_id: str) -> float:
    """A group's effective weight: the sum of its criteria's normalised weights."""
    weights = normalised_weights(matrix, profile)
    paths = criterion_paths(matrix)
    return float(sum(w for c, w in zip(matrix.criteria, weights, strict=True)
                     if group_id in paths[c.id]))
