"""The "Could it win?" column: potential optimality and dominance, worded per option.

Computed after edits settle (not on every slider step: neither depends on the
weights), on a worker thread above a few hundred options
(:mod:`tradeoff.gui.results.standing_aside`), and only up to :data:`LIVE_LIMIT`
options: an LP per option and a dominance check of every pair take about ten
seconds at 5,000 options (``tradeoff score`` has it for any size).
"""

from __future__ import annotations

import numpy as np

from tradeoff.core.model import DecisionMatrix
from tradeoff.core.printed_numbers import MOVE_TOL, share_text, signed_share_text

LIVE_LIMIT = 5_000
CLOSEST_LIMIT = 60  # the smallest weight change is worked out up to this many options


def standing_texts(view: DecisionMatrix, screened_rows: set[int],
                   reference: np.ndarray | None = None) -> dict[int, tuple[str, str]]:
    """Row of ``view`` → (cell text, tooltip) for each ranked option.

    With ``reference`` (the profile's normalised weights), an option that can win
    is explained by the smallest change of weights that puts it first.
    """
    from tradeoff.core.dominance import dominance
    from tradeoff.core.optimality import matrix_optimality
    from tradeoff.core.smaa_sampling import uniform_weights

    rows = {o.id: i for i, o in enumerate(view.options)}
    names = {o.id: o.name for o in view.options}
    kept_ids = [o.id for i, o in enumerate(view.options) if i not in screened_rows]
    if not kept_ids or not view.criteria:
        return {}
    if len(kept_ids) > LIVE_LIMIT:
        tip = (f"Not worked out live for more than {LIVE_LIMIT} options; "
               "`tradeoff score FILE --format json` gives it")
        return {rows[o]: ("", tip) for o in kept_ids}
    from tradeoff.core.screening import without_screened

    kept = without_screened(view)
    optimality = matrix_optimality(kept, uniform_weights(len(view.criteria)))
    dominated = dominance(kept)
    crit = {c.id: c.name for c in view.criteria}
    closest = _closest(kept, optimality, reference)
    out: dict[int, tuple[str, str]] = {}
    for oid in kept_ids:
        verdict = optimality.options.get(oid)
        by = dominated.get(oid, [])
        if verdict is None:
            out[rows[oid]] = ("—", "Not judged: a score is missing")
            continue
        if verdict.potentially_optimal:
            text = "only ties" if verdict.only_tied else "yes"
            near = closest.get(oid)
            if near is not None and near.shift <= 1e-9:
                tip = "It comes first under the current weights."
            elif near is not None:
                moves = ", ".join(f"{crit[optimality.criteria[j]]} "
                                  f"{signed_share_text(d, at_least=0)}"
                                  for j, d in near.moves(reference, tol=MOVE_TOL)[:4])
                tip = (f"It comes first if {share_text(near.shift, at_least=0)} of the "
                       f"weight moves: {moves}.")
            else:
                weights = optimality.witness_weights(oid) or {}
                top = sorted(weights.items(), key=lambda kv: -kv[1])[:4]
                tip = ("It can come first: for example with weights "
                       + ", ".join(f"{crit[c]} {w:.0%}" for c, w in top if w >= 0.005) + ".")
            if verdict.only_tied:
                tip += " At best it ties for first."
        else:
            text = "never"
            rank = optimality.best_rank.get(oid)
            blend = optimality.blends.get(oid, {})
            parts = sorted(blend.items(), key=lambda kv: -kv[1])
            who = (names[parts[0][0]] if len(parts) == 1 else "a blend of " + ", ".join(
                f"{share_text(share, at_least=0)} {names[o]}" for o, share in parts)) \
                if parts else "others"
            tip = (f"Never first under any weights: {who} scores higher under every "
                   "weighting" + (f"; its best possible rank is {rank}" if rank else "") + ".")
        if by:
            text += " · dominated"
            tip += " Dominated by " + ", ".join(names[b] for b in by) + (
                ": at least as good on every criterion and better on one.")
        out[rows[oid]] = (text, tip)
    return out


def _closest(kept: DecisionMatrix, optimality, reference: np.ndarray | None) -> dict:
    """Option id → its closest win from ``reference`` (small matrices only)."""
    if reference is None or len(optimality.options) > CLOSEST_LIMIT:
        return {}
    from tradeoff.core.closest_win import closest_wins
    from tradeoff.core.scoring import value_matrix
    from tradeoff.core.smaa_sampling import uniform_weights

    ids = list(optimality.options)
    values = value_matrix(kept)[[kept.option_index(o) for o in ids]]
    wins = closest_wins(values, uniform_weights(len(kept.criteria)), reference,
                        [i for i, o in enumerate(ids) if optimality.options[o].potentially_optimal])
    return {ids[i]: w for i, w in wins.items() if w is not None}
