"""Elicitation results stored in a weight profile, so a dialog can show them again.

Weights are elicited one level of the value tree at a time: the criteria and
groups directly under the root, or those under one group. A profile keeps one
record per level in ``WeightProfile.elicitation``, keyed by the group id
(``_root`` for the top level, which no id can clash with because ids start
with a letter or digit)::

    [profiles.elicitation._root]
    method = "ahp"
    priority = "eigenvector"
    judgements = [{row = "cost", col = "risk", value = 3.0}, …]
    consistency_ratio = 0.04

    [profiles.elicitation.quality]
    method = "swing"
    points = {speed = 100.0, risk = 40.0}

Everything stored is plain TOML (strings, numbers, lists, tables), and the
readers here skip anything malformed in a hand-edited file rather than fail:
the dialog then simply starts from defaults for what it could not read.

``WeightProfile.method`` names the method when every stored level used the
same one, ``mixed`` when they differ, ``direct`` when nothing is stored.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, replace
from typing import Any

from tradeoff.core.elicitation.ahp import Judgements
from tradeoff.core.model import DecisionMatrix, WeightProfile

ROOT = "_root"
POINTS_SCALE = 100.0  # elicited weights are stored as points summing to 100 per level


@dataclass(frozen=True)
class ElicitationOutcome:
    """What an elicitation produced for one level: weights and the inputs behind them."""

    level: str | None             # group id, or None for the top level
    method: str                   # swing | roc | rank-sum | reciprocal | ahp | group
    weights: dict[str, float]     # normalised over the level's items
    record: dict[str, Any]        # the inputs, TOML-friendly (without "method")


def level_key(parent: str | None) -> str:
    return ROOT if parent is None else parent


def level_items(matrix: DecisionMatrix, parent: str | None) -> list[str]:
    """The groups and criteria directly under ``parent`` that carry weight.

    A group with no criteria anywhere below it carries none (see
    core.weights.node_shares), so it is not offered for weighting.
    """
    live = {g for c in matrix.criteria for g in matrix.group_path(c.id)}
    group_ids = {g.id for g in matrix.groups}
    return [k for k in matrix.children(parent) if k not in group_ids or k in live]


def elicitation_levels(matrix: DecisionMatrix) -> list[str | None]:
    """Levels with at least two items to weigh against each other, top level first."""
    candidates: list[str | None] = [None, *[g.id for g in matrix.groups]]
    return [p for p in candidates if len(level_items(matrix, p)) >= 2]


def level_title(matrix: DecisionMatrix, parent: str | None) -> str:
    return "Top level" if parent is None else f"Under {matrix.group(parent).name}"


def node_name(matrix: DecisionMatrix, node_id: str) -> str:
    try:
        return matrix.criterion(node_id).name
    except KeyError:
        return matrix.group(node_id).name


def profile_method(elicitation: dict[str, Any]) -> str:
    methods = {r.get("method") for r in elicitation.values() if isinstance(r, dict)}
    methods.discard(None)
    if not methods:
        return "direct"
    return methods.pop() if len(methods) == 1 else "mixed"


def apply_outcome(profile: WeightProfile, outcome: ElicitationOutcome) -> WeightProfile:
    """A copy of ``profile`` with the level's weights and record replaced.

    The level's weights are stored as points summing to 100; weights of other
    levels are untouched, since each level is normalised on its own.
    """
    weights = dict(profile.weights)
    for item, w in outcome.weights.items():
        weights[item] = round(w * POINTS_SCALE, 6)
    elicitation = copy.deepcopy(profile.elicitation)
    elicitation[level_key(outcome.level)] = {"method": outcome.method,
                                             **copy.deepcopy(outcome.record)}
    return replace(profile, weights=weights, elicitation=elicitation,
                   method=profile_method(elicitation))


def forget_level(profile: WeightProfile, parent: str | None) -> WeightProfile:
    """A copy of ``profile`` without the level's record (after its weights are typed in)."""
    elicitation = copy.deepcopy(profile.elicitation)
    elicitation.pop(level_key(parent), None)
    return replace(profile, elicitation=elicitation, method=profile_method(elicitation))


def stored_record(profile: WeightProfile, parent: str | None,
                  methods: set[str] | frozenset[str] | None = None) -> dict[str, Any] | None:
    """The level's stored record, if any (and if its method is one of ``methods``)."""
    record = profile.elicitation.get(level_key(parent))
    if not isinstance(record, dict):
        return None
    if methods is not None and record.get("method") not in methods:
        return None
    return record


def _number(x: Any) -> float | None:
    ok = isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)
    return float(x) if ok else None


def read_numbers(record: dict[str, Any] | None, key: str) -> dict[str, float]:
    """A ``{id = number}`` table from a record, skipping non-numbers."""
    table = record.get(key) if record else None
    if not isinstance(table, dict):
        return {}
    return {k: v for k, x in table.items() if (v := _number(x)) is not None}


def judgements_record(judgements: Judgements) -> list[dict[str, Any]]:
    return [{"row": row, "col": col, "value": float(v)} for (row, col), v in judgements.items()]


def read_judgements(entries: Any) -> Judgements:
    """Judgements from a stored list of ``{row, col, value}`` tables, skipping bad ones."""
    out: Judgements = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict):
            continue
        row, col, value = entry.get("row"), entry.get("col"), _number(entry.get("value"))
        if isinstance(row, str) and isinstance(col, str) and value is not None and value > 0:
            out[(row, col)] = value
    return out
