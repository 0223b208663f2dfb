"""``tradeoff analyse FILE``: how robust is the recommendation?

Prints the weight stability intervals, the score-flip test, the tornado of
score ranges, the stakeholder comparison and the Monte Carlo (SMAA-2) rank
acceptabilities. ``--format json`` gives the same for scripts; its keys are
documented in :func:`as_json`.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from tradeoff.commands.analyse_compact import (
    COMPACT_ABOVE,
    LEADERS,
    compact_json,
    stability_json,
    write_tables,
)
from tradeoff.commands.common import (
    add_scenario_option,
    apply_scenario,
    format_table,
    load,
    one_line,
    pick_profile,
    print_json,
    unique_names,
    writing,
)
from tradeoff.core.errors import TradeoffError
from tradeoff.core.flip import flip_table
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.printed_numbers import share_text
from tradeoff.core.robustness_report import (
    DEFAULT_SAMPLES,
    DEFAULT_SEED,
    DEFAULT_SPREAD,
    ReportTable,
    sensitivity_tables,
    uncertainty_tables,
)
from tradeoff.core.scenario_smaa import run_smaa_over_scenarios, scenario_draws
from tradeoff.core.screening import without_screened
from tradeoff.core.sensitivity import Sweep, all_sweeps
from tradeoff.core.smaa import SmaaResult, SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import parse_bound, spec_for_matrix, weights_within
from tradeoff.core.smaa_scores import DISTRIBUTIONS
from tradeoff.core.stakeholders import compare_profiles
from tradeoff.core.tornado import tornado

DEFAULT_SPREAD_PCT = DEFAULT_SPREAD * 100
WEIGHT_CHOICES = ("profile", "uniform", "profiles", "ranking", "bounds")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "analyse", help="weight stability, score flips and Monte Carlo rank acceptabilities",
        description="How robust is the winner? Weight stability intervals, the smallest single "
                    "score change that flips the winner, and SMAA-2 rank acceptabilities.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--profile", help="weight profile name or id (default: the active one)")
    p.add_argument("--samples", type=int, default=DEFAULT_SAMPLES,
                   help=f"Monte Carlo draws (default {DEFAULT_SAMPLES:,})")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED,
                   help=f"random seed; the same seed gives the same numbers (default "
                        f"{DEFAULT_SEED})")
    p.add_argument("--weights", choices=list(WEIGHT_CHOICES),
                   default="profile",
                   help="profile: around the profile (± --spread); uniform: anywhere on the "
                        "simplex (no preference information); profiles: one of the matrix's "
                        "profiles per draw; ranking: any weights that order the criteria as "
                        "the profile does; bounds: uniform within each --bound "
                        "(default: profile)")
    p.add_argument("--bound", action="append", default=[], metavar="NAME=LOW:HIGH",
                   help="with --weights bounds: keep a criterion's normalised weight between "
                        "LOW and HIGH percent (either may be left empty); repeat for more "
                        "criteria, the others are free")
    p.add_argument("--spread", type=float, default=DEFAULT_SPREAD_PCT, metavar="PCT",
                   help=f"± percentage around each weight for --weights profile or profiles "
                        f"(default {DEFAULT_SPREAD_PCT:g}; 0 keeps the weights fixed)")
    p.add_argument("--distribution", choices=list(DISTRIBUTIONS), default="triangular",
                   help="distribution of a score within its low/high range, for cells that "
                        "name none of their own (default triangular; normal reads low/high "
                        "as a 95%% interval)")
    add_scenario_option(p, allow_all=True)
    p.add_argument("--full", action="store_true",
                   help="with --format json on a matrix of more than "
                        f"{COMPACT_ABOVE} options: every option, every pair and every change "
                        "point (by default the report keeps to the leaders)")
    p.add_argument("--tables", metavar="DIR",
                   help="also write the full tables (rank acceptability, pairwise winning, "
                        "central weights, change points) as CSV files into DIR")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check_run(args.samples, args.seed, args.spread)
    matrix, across = analysed_matrix(load(args.file), args.scenario)
    profile = pick_profile(matrix, args.profile)
    bounds = [parse_bound(b) for b in args.bound]
    compact = len(matrix.options) > COMPACT_ABOVE and not args.full
    # Across scenarios, the Monte Carlo draws the scenario too; the other analyses
    # (stability, flips, tornado, stakeholders) describe the base case.
    result, spread = monte_carlo(matrix, profile, samples=args.samples, seed=args.seed,
                                 weights=args.weights, bounds=bounds, spread=args.spread,
                                 distribution=args.distribution, across_scenarios=across,
                                 pairwise_leaders=LEADERS if compact else None,
                                 rank_table=not compact or bool(args.tables),
                                 progress=args.format == "json" and compact)
    sweeps = all_sweeps(matrix, profile, winner_only=compact) \
        if args.tables or args.format == "json" else None
    if args.tables and sweeps is not None:
        with writing(Path(args.tables) / "rank_acceptability.csv"):
            write_tables(args.tables, matrix, result, sweeps)
    if args.format == "json":
        out = (compact_json(matrix, profile, result, spread, sweeps) if compact
               else as_json(matrix, profile, result, spread, sweeps))
        if across:
            out["monte_carlo"]["scenarios"] = scenario_shares(matrix, args.samples, args.seed)
        print_json(out)
    else:
        text = as_text(matrix, profile, result, spread)
        if across:
            shares = scenario_shares(matrix, args.samples, args.seed)
            text += ("\n\nThe Monte Carlo drew the scenario too (the other tables describe "
                     "the base case): " + "; ".join(f"{one_line(k)} {n:,} draws"
                                                    for k, n in shares.items()))
        print(text)
    return 0


def scenario_shares(matrix: DecisionMatrix, samples: int, seed: int) -> dict:
    """How many draws each scenario got, by name, for ``--scenario all``."""
    counts = scenario_draws(matrix, samples, seed)
    names = unique_names(matrix.scenarios)
    return {names[s.id]: int(n) for s, n in zip(matrix.scenarios, counts, strict=True)}


def analysed_matrix(matrix: DecisionMatrix, key: str | None) -> tuple[DecisionMatrix, bool]:
    """The matrix ``analyse`` reports on: the scenario asked for (see
    :func:`scenario_choice`), without the options screened out by a must-have."""
    matrix, across = scenario_choice(matrix, key)
    return without_screened(matrix), across  # screened options are not ranked


def scenario_choice(matrix: DecisionMatrix, key: str | None) -> tuple[DecisionMatrix, bool]:
    """The matrix ``--scenario key`` asks for, and whether it asks for all of them (then
    the matrix is returned whole, for the Monte Carlo to draw the scenario too)."""
    across = key is not None and key.casefold() == "all" and not any(
        s.id == key or s.name.casefold() == "all" for s in matrix.scenarios)
    if across and not matrix.scenarios:
        raise TradeoffError("--scenario all needs a matrix with scenarios")
    return (matrix, True) if across else (apply_scenario(matrix, key), False)


def check_run(samples: int, seed: int, spread: float) -> None:
    """Refuse a Monte Carlo setting out of range, before any file is read."""
    if samples < 1:
        raise TradeoffError(f"--samples must be at least 1, not {samples}")
    if seed < 0:
        raise TradeoffError(f"--seed must be zero or a positive whole number, not {seed}")
    if not math.isfinite(spread) or spread < 0:
        raise TradeoffError(f"--spread must be zero or a positive percentage, not {spread:g}")


def monte_carlo(matrix: DecisionMatrix, profile: WeightProfile, *, samples: int = DEFAULT_SAMPLES,
                seed: int = DEFAULT_SEED, weights: str = "profile",
                bounds: list[tuple[str, tuple[float | None, float | None]]] | None = None,
                spread: float = DEFAULT_SPREAD_PCT, distribution: str = "triangular",
                across_scenarios: bool = False, pairwise_leaders: int | None = None,
                rank_table: bool = True,
                progress: bool = False) -> tuple[SmaaResult, float | None]:
    """The SMAA-2 run ``analyse`` reports, and the spread (a share) it drew weights within.

    ``weights`` names how weights are drawn (see ``--weights``); ``bounds`` are
    (criterion name or id, (low %, high %)) pairs for ``weights="bounds"``;
    ``spread`` is the ± percentage around the profile; ``across_scenarios`` draws
    one of the matrix's scenarios for each draw too (``--scenario all``);
    ``pairwise_leaders`` tallies pairwise winning among that many leaders only, and
    with ``rank_table`` False keeps their rank acceptabilities alone, not the
    (options × ranks) table; ``progress`` reports the share done on stderr.
    """
    check_run(samples, seed, spread)
    if weights not in WEIGHT_CHOICES:
        raise TradeoffError(f"--weights: no choice {weights!r} (choose from "
                            f"{', '.join(WEIGHT_CHOICES)})")
    if distribution not in DISTRIBUTIONS:
        raise TradeoffError(f"--distribution: no choice {distribution!r} (choose from "
                            f"{', '.join(DISTRIBUTIONS)})")
    if bounds and weights != "bounds":
        raise TradeoffError("--bound needs --weights bounds")
    if weights == "bounds":
        if not bounds:
            raise TradeoffError("--weights bounds needs at least one --bound NAME=LOW:HIGH")
        spec = weights_within(matrix, list(bounds))
    else:
        spec = spec_for_matrix(matrix, profile, weights, spread / 100)
    settings = SmaaSettings(spec, samples=samples, seed=seed, distribution=distribution,
                            pairwise_leaders=pairwise_leaders, rank_table=rank_table)
    result = (run_smaa_over_scenarios(matrix, settings) if across_scenarios
              else run_smaa(matrix, settings, progress=_stderr_progress if progress else None))
    if progress:
        print(file=sys.stderr)
    return result, (spread / 100 if weights in ("profile", "profiles") else None)


def _stderr_progress(done: int, total: int) -> None:
    print(f"\rMonte Carlo {done / max(total, 1):4.0%}", end="", file=sys.stderr, flush=True)


def as_json(matrix: DecisionMatrix, profile: WeightProfile, result: SmaaResult,
            spread: float | None, sweeps: list[Sweep] | None = None) -> dict:
    """Everything ``analyse`` knows, keyed by display names.

    ``stability`` maps each criterion's name to its normalised ``weight``, the
    ``winner_interval`` [low, high] of that weight (others keeping their
    proportions) within which the current winner stays first, the
    ``ranking_interval`` for the whole ranking and the exact ``change_points``;
    ``group_stability`` does the same for groups. ``rank_acceptability`` maps
    each option's name to its shares by rank, rank 1 first. A name shared by two
    options (criteria, groups, profiles) is followed by the id, so no key is lost.
    """
    name = unique_names(matrix.options)
    node = unique_names([*matrix.criteria, *matrix.groups])
    sweeps = all_sweeps(matrix, profile) if sweeps is None else sweeps

    def stability(kind: str) -> dict:
        return stability_json(sweeps, kind, name, node)

    t = tornado(matrix, profile)
    comparison = compare_profiles(matrix)
    pnames = unique_names(matrix.profiles)
    opts = [name[o] for o in result.options]
    crits = [node[c] for c in result.criteria]
    return {
        "matrix": matrix.metadata.title,
        "profile": profile.name,
        "winner": name.get(sweeps[0].winner) if sweeps and sweeps[0].winner else None,
        "stability": stability("criterion"),
        "group_stability": stability("group"),
        "flips": [{"option": name[f.option], "criterion": node[f.criterion],
                   "direction": f.direction, "current": f.current, "possible": f.possible,
                   "flips_beyond": f.new_value, "change": f.change, "share_of_scale": f.relative,
                   "new_winner": name.get(f.new_winner) if f.new_winner else None,
                   "text": f.describe(matrix)} for f in flip_table(matrix, profile)],
        "tornado": {"winner": name.get(t.winner) if t.winner else None,
                    "margin": t.base_margin,
                    "bars": [{"option": name[b.option],
                              "criterion": node[b.criterion],
                              "low": b.low, "high": b.high, "margin_at_low": b.margin_at_low,
                              "margin_at_high": b.margin_at_high, "swing": b.swing}
                             for b in t.bars]},
        "stakeholders": {
            "ranks": {pnames[p]: {name[o]: (None if r != r else int(r))
                                  for o, r in comparison.ranks[p].items()}
                      for p in comparison.ranks.columns},
            "winners": {pnames[p]: [name[o] for o in w] for p, w in comparison.winners.items()},
            "disagreements": [name[o] for o in comparison.disagreeing_options],
        },
        "monte_carlo": {"samples": result.samples, "seed": result.seed,
                        "score_sampler": result.stream,
                        "weights": result.weight_mode, "spread": spread,
                        "bounds": {node[c]: list(b) for c, b in result.weight_bounds.items()},
                        "distribution": result.distribution,
                        "cell_distributions": result.cell_distributions,
                        "uncertain_cells": result.uncertain_cells,
                        "left_out": [name[o] for o in result.left_out]},
        "rank_acceptability": {o: list(map(float, result.rank_acceptability[i]))
                               for i, o in enumerate(opts)},
        "probability_best": {o: float(result.probability_best[i]) for i, o in enumerate(opts)},
        "confidence_factors": {o: result.confidence[i] for i, o in enumerate(opts)},
        "central_weights": {o: dict(zip(crits, map(float, result.central_weights[i]),
                                        strict=True)) for i, o in enumerate(opts)},
        "pairwise_winning": {o: dict(zip(opts, map(float, result.pairwise[i]), strict=True))
                             for i, o in enumerate(opts)},
    }


def as_text(matrix: DecisionMatrix, profile: WeightProfile, result: SmaaResult,
            spread: float | None) -> str:
    """The report tables as aligned text, the same tables the workbook holds."""
    head = f"{one_line(matrix.metadata.title)}\nProfile: {one_line(profile.name)}"
    blocks = [head]
    tables = sensitivity_tables(matrix, profile) + uncertainty_tables(matrix, profile, result,
                                                                      spread)
    for table in tables:
        blocks.append(render(table))
    return "\n\n".join(blocks)


def render(table: ReportTable, max_rows: int = 40) -> str:
    """One report table as text; shares as percentages."""
    rows = []
    for row in table.rows[:max_rows]:
        rows.append([_cell(v, i in table.percent) for i, v in enumerate(row)])
    # Right-aligned where any row has a number: the first row may have none to show.
    numeric = {i for row in table.rows for i, v in enumerate(row) if isinstance(v, int | float)}
    if table.title == "Score-flip test":  # the sentence says it all in a terminal
        keep = [0, 1, 2, 3, 4, 5, 6, 7, 8]
        rows = [[r[i] for i in keep] for r in rows]
        headers = [table.headers[i] for i in keep]
    else:
        headers = table.headers
    text = f"{table.title}\n" + (format_table(headers, rows, right=numeric) if rows
                                 else "(nothing to show)")
    if len(table.rows) > max_rows:
        text += f"\n… and {len(table.rows) - max_rows} more (use --format json for all)"
    if table.note:
        text += f"\n{one_line(table.note)}"
    return text


def _cell(value: object, percent: bool) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        if value != value:
            return "—"
        return share_text(value) if percent else f"{value:.4g}"
    return str(value)
