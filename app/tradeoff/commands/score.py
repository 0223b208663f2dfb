"""``tradeoff score FILE``: rank the options under a weight profile, by any method."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

import numpy as np

from tradeoff.commands.common import (
    add_scenario_option,
    apply_scenario,
    fmt_number,
    format_table,
    json_rows,
    load,
    one_line,
    pick_profile,
    print_json,
    unique_names,
)
from tradeoff.commands.weight_options import add_weight_options, admissible_spec
from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.normalisation import NORMALISATIONS
from tradeoff.core.methods.registry import (
    METHODS,
    PRIMARY,
    MethodSettings,
    method_spec,
    normalisation_text,
    run_method,
)
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.preference_functions import RUN_PREFERENCES, run_preferences
from tradeoff.core.printed_numbers import decimals_apart
from tradeoff.core.scoring import ScoreResult, score
from tradeoff.core.screening import screen, without_screened


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "score", help="rank the options of a matrix",
        description="Score a matrix with the additive value model (wsm, the default) or one "
                    "of the cross-check methods.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--profile", help="weight profile name or id (default: the active one)")
    p.add_argument("--method", choices=list(METHODS), default=PRIMARY,
                   help="wsm additive value model, wpm weighted product, topsis, vikor, "
                        "promethee (PROMETHEE II)")
    add_method_options(p)
    add_scenario_option(p)
    add_weight_options(p, "potential optimality (could an option rank first?)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=run)


def add_method_options(p: argparse.ArgumentParser) -> None:
    """The cross-check methods' settings, shared with ``tradeoff crosscheck``."""
    p.add_argument("--normalisation", choices=list(NORMALISATIONS),
                   help="TOPSIS normalisation (default: vector)")
    p.add_argument("--v", type=float, metavar="V",
                   help="VIKOR weight of the majority strategy, 0…1 (default: 0.5)")
    p.add_argument("--preference", choices=list(RUN_PREFERENCES),
                   help="PROMETHEE preference function for the criteria without one of "
                        "their own in the matrix file (default: range)")


def settings_from_args(args: argparse.Namespace, matrix: DecisionMatrix,
                       method: str | None) -> MethodSettings:
    """Method settings from the options, refusing options the method does not use."""
    return method_settings(matrix, method, normalisation=args.normalisation, v=args.v,
                           preference=args.preference)


def method_settings(matrix: DecisionMatrix, method: str | None, *,
                    normalisation: str | None = None, v: float | None = None,
                    preference: str | None = None) -> MethodSettings:
    """The cross-check methods' settings, refusing one that ``method`` does not use
    (``method`` None: every method runs, as in ``crosscheck`` and ``export``)."""
    given = {"normalisation": normalisation, "v": v, "preference": preference}
    choices = {"normalisation": NORMALISATIONS, "preference": RUN_PREFERENCES}
    for option, allowed in choices.items():
        if given[option] is not None and given[option] not in allowed:
            raise TradeoffError(f"--{option}: no choice {given[option]!r} (choose from "
                                f"{', '.join(allowed)})")
    used = {"normalisation": "topsis", "v": "vikor", "preference": "promethee"}
    if method is not None:
        for option, owner in used.items():
            if given[option] is not None and owner != method:
                raise TradeoffError(f"--{option} applies to --method {owner}, not {method}")
    if v is not None and not 0 <= v <= 1:  # NaN fails this too
        # crosscheck and export would only note it beside an empty VIKOR column
        raise TradeoffError(f"--v weighs VIKOR's majority strategy and must lie between 0 and "
                            f"1, not {v:g}")
    preferences = run_preferences([c.id for c in matrix.criteria], preference or "range")
    return MethodSettings(
        topsis_normalisation=normalisation or "vector",
        vikor_v=0.5 if v is None else v,
        promethee_preferences=preferences)


def score_by(matrix: DecisionMatrix, profile: WeightProfile, method: str,
             settings: MethodSettings) -> ScoreResult:
    """The ranking by ``method`` (a key of METHODS): the additive value model or a
    cross-check method."""
    if method not in METHODS:
        raise TradeoffError(f"--method: no method {method!r} (choose from "
                            f"{', '.join(METHODS)})")
    if method == PRIMARY:
        return score(matrix, profile)
    return run_method(method, matrix, profile, settings)


def run(args: argparse.Namespace) -> int:
    matrix = apply_scenario(load(args.file), args.scenario)
    profile = pick_profile(matrix, args.profile)
    settings = settings_from_args(args, matrix, args.method)
    # Screened options (failing a must-have) leave the ranking; they are listed apart.
    screened, kept = screen(matrix), without_screened(matrix)
    spec = admissible_spec(args, matrix, profile) if matrix.criteria else None
    result = score_by(kept, profile, args.method, settings)
    if args.format == "csv":
        write_csv(kept, result)
        return 0
    # Potential optimality is a property of the additive value model. (Imported here:
    # its LP solver, scipy, takes a third of a second that the Python API need not pay.)
    from tradeoff.commands import standing as standing_report

    extra = standing_report.standing(matrix, kept, screened,
                                     spec if args.method == PRIMARY else None, profile)
    if args.format == "json":
        out = as_json(kept, result, profile.name)
        for entry in out["ranking"]:
            entry |= standing_report.option_json(extra, entry["id"])
        print_json(out | standing_report.top_json(extra))
    else:
        text = as_text(kept, result, profile.name)
        more = standing_report.as_text(extra)
        print(f"{text}\n\n{more}" if more else text)
    return 0


def as_json(matrix: DecisionMatrix, result: ScoreResult, profile_name: str) -> dict:
    names = unique_names(matrix.criteria)  # keys of "weights" and "contributions"
    ranking_frame = result.ranking()
    # Whole columns in ranking order, turned into Python numbers once (no per-cell look-ups).
    at = result.table.index.get_indexer(ranking_frame.index)
    contrib = result.contributions()
    keys = [names[c] for c in contrib.columns]
    contributions = json_rows(contrib.to_numpy(dtype=float)[at])
    details = getattr(result, "details", None)
    detail_keys = [] if details is None or details.empty else list(details.columns)
    detail_rows = json_rows(details.to_numpy(dtype=float)[at]) if detail_keys else []
    totals = json_rows(ranking_frame[["total", "margin"]].to_numpy(dtype=float))
    ranks = ranking_frame["rank"].to_numpy(dtype=float)
    ranking = []
    for i, (oid, option) in enumerate(zip(ranking_frame.index, ranking_frame["option"],
                                          strict=True)):
        rank = ranks[i]
        entry = {"option": option, "id": oid, "score": totals[i][0],
                 "rank": None if rank != rank else int(rank), "margin": totals[i][1],
                 "contributions": dict(zip(keys, contributions[i], strict=True))}
        if detail_keys:
            entry["details"] = dict(zip(detail_keys, detail_rows[i], strict=True))
        ranking.append(entry)
    out: dict[str, Any] = {
        "matrix": matrix.metadata.title, "profile": profile_name, "method": result.method,
        "normalisation": normalisation_text(result),
        "higher_is_better": bool(getattr(result, "higher_is_better", True)),
        "weights": {names[c]: w for c, w in result.weights.items()},
        "ranking": ranking,
        "issues": [i.message for i in result.issues],
    }
    compromise = getattr(result, "extras", {}).get("compromise")
    if compromise is not None:
        out["compromise"] = {
            "acceptable_advantage": compromise.acceptable_advantage,
            "acceptable_stability": compromise.acceptable_stability,
            "compromise_set": [matrix.option(o).name for o in compromise.compromise_set],
            "summary": compromise.describe({o.id: o.name for o in matrix.options}),
        }
    return out


def write_csv(matrix: DecisionMatrix, result: ScoreResult) -> None:
    contrib = result.contributions()
    w = csv.writer(sys.stdout, lineterminator="\n")
    names = unique_names(matrix.criteria)  # a script reading columns by name needs each once
    w.writerow(["rank", "option", "total", "margin", *[names[c.id] for c in matrix.criteria]])
    for oid, row in result.ranking().iterrows():
        rank = "" if row["rank"] != row["rank"] else int(row["rank"])
        w.writerow([rank, row["option"], _num(row["total"]), _num(row["margin"]),
                    *[_num(contrib.at[oid, c.id]) for c in matrix.criteria]])


def _num(x: float) -> str:
    return "" if x != x else repr(float(x))


def as_text(matrix: DecisionMatrix, result: ScoreResult, profile_name: str) -> str:
    key = getattr(result, "key", "") or PRIMARY
    spec = method_spec(key)
    score_head = spec.score_label.capitalize() if key != PRIMARY else "Total"
    if not spec.higher_is_better:
        score_head += " (lower is better)"
    ranking = result.ranking()
    totals = ranking["total"].to_numpy(dtype=float)
    # Options ranked apart print apart, and a lead that ranks them apart prints above zero.
    decimals = decimals_apart(totals, order=np.flatnonzero(~np.isnan(totals)))
    rows = []
    for (_oid, row), digits in zip(ranking.iterrows(), decimals, strict=True):
        rank = "—" if row["rank"] != row["rank"] else str(int(row["rank"]))
        rows.append([rank, row["option"], fmt_number(row["total"], digits),
                     fmt_number(row["margin"], digits)])
    head = (f"{one_line(matrix.metadata.title)}\nProfile: {one_line(profile_name)} · "
            f"Method: {result.method}\nNormalisation: {normalisation_text(result)}\n")
    text = head + format_table(["Rank", "Option", score_head, "Margin"], rows, right={0, 2, 3})
    compromise = getattr(result, "extras", {}).get("compromise")
    if compromise is not None:
        text += "\n\nCompromise: " + one_line(
            compromise.describe({o.id: o.name for o in matrix.options}))
    if result.issues:
        text += "\n\nWarnings:\n" + "\n".join(f"  - {one_line(i.message)}"
                                              for i in result.issues)
    return text
