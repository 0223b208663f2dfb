"""What ``tradeoff analyse --format json`` reports on a large matrix, and ``--tables``.

With hundreds or thousands of options the complete report runs to hundreds of
megabytes (every pairwise probability, every crossing of every pair of lines),
which no reader uses. Above :data:`COMPACT_ABOVE` options the JSON keeps the
same keys but holds what a reader uses at that size: the leaders' rank
acceptabilities, central weights and confidence factors, pairwise winning among
the leaders, the weight change points where the leader changes, the flips
that would change the winner and the score ranges that swing the lead most.
``--full`` gives the complete report at any size; ``--tables DIR`` writes the
full tables that were computed as CSV files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from tradeoff.commands.common import unique_names
from tradeoff.core.flip import flip_table
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.sensitivity import Sweep, all_sweeps
from tradeoff.core.smaa import SmaaResult
from tradeoff.core.stakeholders import compare_profiles
from tradeoff.core.tornado import tornado

COMPACT_ABOVE = 50   # options; up to this many the complete report is small anyway
LEADERS = 10         # options reported in full in the compact report
FLIPS_SHOWN = 100    # the smallest possible flips
TORNADO_SHOWN = 100  # the score ranges that swing the winner's lead the most


def stability_json(sweeps: list[Sweep], kind: str, name: dict[str, str], node: dict[str, str],
                   *, winner_changes_only: bool = False) -> dict:
    """The ``stability`` (or ``group_stability``) section of ``analyse``'s JSON, keyed by
    node name; the compact report keeps only the change points where the leader changes."""
    return {node[s.target]: {
        "weight": s.current_weight,
        "winner_interval": list(s.winner_interval),
        "ranking_interval": list(s.ranking_interval),
        "change_points": [{"weight": p.weight, "winner_changes": p.winner_changes,
                           "first_below": [name[o] for o in p.winners_before],
                           "first_above": [name[o] for o in p.winners_after]}
                          for p in s.change_points
                          if p.winner_changes or not winner_changes_only],
    } for s in sweeps if s.kind == kind}

def leader_rows(result: SmaaResult) -> list[int]:
    """Rows of the leaders: those the Monte Carlo ran the pairwise tally for, else the
    most often first (then by mean rank)."""
    if result.pairwise_rows is not None:
        return list(result.pairwise_rows)
    ra = result.acceptability_of(list(range(len(result.options))))
    mean_rank = ra @ np.arange(ra.shape[1])
    order = np.lexsort((mean_rank, -ra[:, 0]))
    return order[:LEADERS].tolist()


def compact_json(matrix: DecisionMatrix, profile: WeightProfile, result: SmaaResult,
                 spread: float | None, sweeps: list[Sweep] | None = None) -> dict[str, Any]:
    """The analyse report for a large matrix: the keys of the complete one, leaders only.

    ``report`` says what was left out and how to get it.
    """
    name = unique_names(matrix.options)
    node = unique_names([*matrix.criteria, *matrix.groups])
    sweeps = all_sweeps(matrix, profile, winner_only=True) if sweeps is None else sweeps
    rows = leader_rows(result)
    leader_ids = [result.options[i] for i in rows]
    opts = [name[o] for o in leader_ids]
    crits = [node[c] for c in result.criteria]

    def stability(kind: str) -> dict:
        return stability_json(sweeps, kind, name, node, winner_changes_only=True)

    flips = flip_table(matrix, profile, possible_only=True)[:FLIPS_SHOWN]
    t = tornado(matrix, profile)
    comparison = compare_profiles(matrix)
    pnames = unique_names(matrix.profiles)
    ranks = comparison.ranks.loc[[o for o in leader_ids if o in comparison.ranks.index]]
    pairwise = result.pairwise if result.pairwise_rows is not None \
        else result.pairwise[np.ix_(rows, rows)]
    return {
        "matrix": matrix.metadata.title,
        "profile": profile.name,
        "winner": name.get(sweeps[0].winner) if sweeps and sweeps[0].winner else None,
        "report": {
            "scope": "leaders", "options": len(matrix.options), "leaders": opts,
            "note": (f"{len(matrix.options):,} options: per-option figures for the "
                     f"{len(opts)} leaders (most often first in the Monte Carlo), change "
                     f"points where the leader changes, the {FLIPS_SHOWN} smallest flips that "
                     f"change the winner, the {TORNADO_SHOWN} score ranges (of "
                     f"{len(t.bars):,}) that swing the winner's lead the most. --full gives "
                     "everything; --tables DIR writes the full tables as CSV."),
        },
        "stability": stability("criterion"),
        "group_stability": stability("group"),
        "flips": [{"option": name[f.option], "criterion": node[f.criterion],
                   "direction": f.direction, "current": f.current, "possible": f.possible,
                   "flips_beyond": f.new_value, "change": f.change, "share_of_scale": f.relative,
                   "new_winner": name.get(f.new_winner) if f.new_winner else None,
                   "text": f.describe(matrix)} for f in flips],
        "tornado": {"winner": name.get(t.winner) if t.winner else None,
                    "margin": t.base_margin,
                    "bars": [{"option": name[b.option], "criterion": node[b.criterion],
                              "low": b.low, "high": b.high, "margin_at_low": b.margin_at_low,
                              "margin_at_high": b.margin_at_high, "swing": b.swing}
                             for b in t.bars[:TORNADO_SHOWN]]},
        "stakeholders": {
            "ranks": {pnames[p]: {name[o]: (None if r != r else int(r))
                                  for o, r in ranks[p].items()} for p in ranks.columns},
            "winners": {pnames[p]: [name[o] for o in w] for p, w in comparison.winners.items()},
            "disagreements": [name[o] for o in comparison.disagreeing_options
                              if o in set(leader_ids)],
        },
        "monte_carlo": {"samples": result.samples, "seed": result.seed,
                        "score_sampler": result.stream,
                        "weights": result.weight_mode, "spread": spread,
                        "bounds": {node[c]: list(b) for c, b in result.weight_bounds.items()},
                        "distribution": result.distribution,
                        "cell_distributions": result.cell_distributions,
                        "uncertain_cells": result.uncertain_cells,
                        "left_out": [name[o] for o in result.left_out]},
        "rank_acceptability": dict(zip(opts, result.acceptability_of(rows).tolist(),
                                       strict=True)),
        "probability_best": dict(zip(opts, result.probability_best[rows].tolist(), strict=True)),
        "confidence_factors": dict(zip(opts, result.confidence[rows].tolist(), strict=True)),
        "central_weights": {o: dict(zip(crits, row, strict=True)) for o, row in
                            zip(opts, result.central_weights[rows].tolist(), strict=True)},
        "pairwise_winning": {o: dict(zip(opts, row, strict=True))
                             for o, row in zip(opts, pairwise.tolist(), strict=True)},
    }


def write_tables(folder: str, matrix: DecisionMatrix, result: SmaaResult,
                 sweeps: list[Sweep]) -> list[Path]:
    """The full tables of the run as CSV files in ``folder``, each written whole from
    its array and atomically; returns the files written."""
    from tradeoff.io.matrix_file import atomic_write_bytes

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    name = unique_names(matrix.options)
    node = unique_names([*matrix.criteria, *matrix.groups])
    opts = pd.Index([name[o] for o in result.options], name="option")
    n = len(result.options)
    pair_opts = opts if result.pairwise_rows is None else opts[result.pairwise_rows]
    tables = {
        "rank_acceptability.csv": pd.DataFrame(
            result.rank_acceptability, index=opts, columns=[f"rank {r + 1}" for r in range(n)]),
        "options.csv": pd.DataFrame({"probability_best": result.probability_best,
                                     "confidence_factor": result.confidence}, index=opts),
        "central_weights.csv": pd.DataFrame(result.central_weights, index=opts,
                                            columns=[node[c] for c in result.criteria]),
        "pairwise_winning.csv": pd.DataFrame(result.pairwise, index=pair_opts,
                                             columns=list(pair_opts)),
        "change_points.csv": pd.DataFrame(
            [(node[s.target], p.weight, p.winner_changes, " | ".join(name[o] for o in
                                                                  p.winners_before),
              " | ".join(name[o] for o in p.winners_after))
             for s in sweeps for p in s.change_points],
            columns=["criterion or group", "weight", "winner_changes", "first_below",
                     "first_above"]),
    }
    written = []
    for file, frame in tables.items():
        path = target / file
        # every digit (shortest round-trip form), as the JSON report has them
        atomic_write_bytes(path, frame.to_csv().encode("utf-8"))
        written.append(path)
    return written
