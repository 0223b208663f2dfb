"""``tradeoff scenarios FILE``: which option in which world, which is safest, what to watch.

Scores every scenario of the matrix under one weight profile and prints the
contingent recommendation: the winner in each scenario and by how much, the
regret table with the minimax-regret choice, expected totals when the
scenarios carry probabilities, and the signposts. Totals are on the 0..1
scale of ``tradeoff score``. ``--format json`` keys are documented in
:func:`as_json`.
"""

from __future__ import annotations

import argparse
import math
from typing import Any

import numpy as np

from tradeoff.commands.common import (
    fmt_number,
    format_table,
    load,
    one_line,
    pick_profile,
    print_json,
    unique_names,
)
from tradeoff.core.model import DecisionMatrix, ScoreValue, WeightProfile
from tradeoff.core.printed_numbers import decimals_apart, decimals_from_zero
from tradeoff.core.scenarios import BASE_CASE, ScenarioAnalysis, ScenarioOutcome, analyse_scenarios

SIGNPOST_CELLS = 3  # cells the table shows per pair of scenarios (JSON has all)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "scenarios", help="the winner in each scenario, regret and what to watch",
        description="Score every scenario of the matrix: each scenario's ranking and winner, "
                    "each option's regret (how far it falls behind the best in each scenario) "
                    "and the option with the smallest worst-case regret, expected totals when "
                    "the scenarios have probabilities, and the signposts: the overridden "
                    "scores that decide between two scenarios' winners.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--profile", help="weight profile name or id (default: the active one)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    matrix = load(args.file)
    profile = pick_profile(matrix, args.profile)
    analysis = analyse_scenarios(matrix, profile)
    if args.format == "json":
        print_json(as_json(matrix, profile, analysis))
    else:
        print(as_text(matrix, profile, analysis))
    return 0


def _ranking(outcome: ScenarioOutcome, names: dict[str, str]) -> list[dict[str, Any]]:
    return [{"option": names[str(oid)], "score": row["total"],
             "rank": None if row["rank"] != row["rank"] else int(row["rank"])}
            for oid, row in outcome.result.ranking().iterrows()]


def as_json(matrix: DecisionMatrix, profile: WeightProfile, a: ScenarioAnalysis) -> dict:
    """The analysis keyed by display names (a shared name is followed by its id).

    ``scenarios``: in file order, ``{"id", "name", "probability" (null when
    none), "winner" (the first of a tie), "winners", "margin", "ranking":
    [{"option", "score", "rank"}]}``; ``base``: the same for the base case;
    ``regret``: option → {scenario name → regret}; ``max_regret``: option →
    number; ``minimax_regret``: option names (several on a tie);
    ``expected``: option → expected total, or null without probabilities;
    ``signposts``: ``[{"from", "to", "from_winner", "to_winner",
    "margin_change", "cells": [{"option", "criterion", "base", "override",
    "from_value", "to_value", "overridden_in", "effect"}]}]``, cells largest
    effect first; ``effect`` is the change in ``to_winner``'s lead over
    ``from_winner`` when the cell moves from its ``from`` to its ``to`` score.
    """
    names = unique_names(matrix.options)
    crits = unique_names(matrix.criteria)
    snames = unique_names(matrix.scenarios)

    def outcome_json(o: ScenarioOutcome) -> dict[str, Any]:
        return {"id": o.id, "name": snames[o.id] if o.id else o.name,
                "probability": None if o.scenario is None else o.scenario.probability,
                "winner": names[o.winners[0]] if o.winners else None,
                "winners": [names[w] for w in o.winners], "margin": o.margin,
                "ranking": _ranking(o, names)}

    base = outcome_json(a.base)
    del base["probability"]
    return {
        "matrix": matrix.metadata.title, "profile": profile.name, "base": base,
        "scenarios": [outcome_json(o) for o in a.outcomes],
        "regret": {names[oid]: {snames[s]: a.regret.at[oid, s] for s in a.regret.columns}
                   for oid in a.regret.index},
        "max_regret": {names[oid]: v for oid, v in a.max_regret.items()},
        "minimax_regret": [names[o] for o in a.minimax],
        "expected": None if a.expected is None else
        {names[oid]: v for oid, v in a.expected.items()},
        "signposts": [{
            "from": snames[s.from_scenario], "to": snames[s.to_scenario],
            "from_winner": names[s.from_winner], "to_winner": names[s.to_winner],
            "margin_change": s.margin_change,
            "cells": [{"option": names[c.option], "criterion": crits[c.criterion],
                       "base": c.base, "override": c.override, "from_value": c.from_value,
                       "to_value": c.to_value,
                       "overridden_in": [snames[x] for x in c.overridden_in],
                       "effect": c.effect} for c in s.cells],
        } for s in a.signposts],
    }


def as_text(matrix: DecisionMatrix, profile: WeightProfile, a: ScenarioAnalysis) -> str:
    """The contingent recommendation, then the tables behind it."""
    names = {o.id: o.name for o in matrix.options}
    blocks = [f"{one_line(matrix.metadata.title)}\nProfile: {one_line(profile.name)}"]
    lines = [f"If {o.name}: {_winner_text(o, names)}" for o in a.outcomes]
    lines.append(f"Base case (not counted): {_winner_text(a.base, names)}")
    if a.minimax:
        worst = float(a.max_regret[a.minimax[0]])
        who = " and ".join(names[o] for o in a.minimax)
        tie = " (a tie)" if len(a.minimax) > 1 else ""
        gap = ("best in every scenario" if worst == 0
               else f"never more than {worst:.{decimals_from_zero(worst)}f} behind the best")
        lines.append(f"Safest across scenarios (minimax regret): {who}{tie}, {gap}")
    if a.expected is not None and a.expected.notna().any():
        best = a.expected.max()
        top = [names[o] for o, v in a.expected.items() if round(v - best, 12) == 0]
        digits = dict(zip(a.expected.index, decimals_apart(a.expected.to_numpy(dtype=float)),
                          strict=True))
        lines.append(f"Highest expected total: {' and '.join(top)} "
                     f"({best:.{digits[a.expected.idxmax()]}f})")
    blocks.append("\n".join(one_line(x) for x in lines))
    blocks.append(_totals_table(matrix, a))
    blocks.append(_regret_table(matrix, a))
    blocks.append(_signposts_text(matrix, a))
    return "\n\n".join(blocks)


def _winner_text(o: ScenarioOutcome, names: dict[str, str]) -> str:
    if not o.winners:
        return "no option has every score"
    if len(o.winners) > 1:
        return " and ".join(names[w] for w in o.winners) + " tie"
    if math.isnan(o.margin):
        return names[o.winners[0]]
    decimals = decimals_apart(o.totals)[o.view.option_index(o.winners[0])]
    return f"{names[o.winners[0]]} (margin {o.margin:.{decimals}f})"


def _totals_table(matrix: DecisionMatrix, a: ScenarioAnalysis) -> str:
    headers = ["Option", BASE_CASE, *[o.name for o in a.outcomes]]
    if a.expected is not None:
        headers.append("Expected")
    # options a column ranks apart print apart
    digits = {id(o): decimals_apart(o.totals) for o in (a.base, *a.outcomes)}
    expected_digits = None if a.expected is None else \
        decimals_apart(a.expected.to_numpy(dtype=float))
    rows = []
    for i, opt in enumerate(matrix.options):
        cells = [opt.name, _total_rank(a.base, i, digits[id(a.base)][i])]
        cells += [_total_rank(o, i, digits[id(o)][i]) for o in a.outcomes]
        if a.expected is not None:
            cells.append(fmt_number(float(a.expected[opt.id]), expected_digits[i]))
        rows.append(cells)
    marks = ["" if o.scenario is None or o.scenario.probability is None
             else f" (p = {o.scenario.probability:g})" for o in a.outcomes]
    if any(marks):
        headers[2:2 + len(marks)] = [h + m for h, m in zip(headers[2:], marks, strict=False)]
    return "Totals (rank) by scenario\n" + format_table(headers, rows,
                                                         right=set(range(1, len(headers))))


def _total_rank(o: ScenarioOutcome, row: int, decimals: int) -> str:
    total, rank = o.totals[row], o.ranks[row]
    if rank != rank:
        return "—"
    return f"{total:.{decimals}f} ({int(rank)})"


def _regret_table(matrix: DecisionMatrix, a: ScenarioAnalysis) -> str:
    headers = ["Option", *[o.name for o in a.outcomes], "Max regret"]
    # regrets a column tells apart (from each other and from the best's 0) print apart
    regret = a.regret.loc[[opt.id for opt in matrix.options], [o.id for o in a.outcomes]]
    digits = np.column_stack([decimals_apart(column) for column in
                              regret.to_numpy(dtype=float).T]) if a.outcomes else None
    worst = a.max_regret[[opt.id for opt in matrix.options]].to_numpy(dtype=float)
    worst_digits = decimals_apart(np.append(worst, 0.0))[:-1]
    rows = []
    for i, opt in enumerate(matrix.options):
        mark = " ← minimax" if opt.id in a.minimax else ""
        rows.append([opt.name, *[fmt_number(float(regret.iat[i, k]), digits[i, k])
                                 for k in range(len(a.outcomes))],
                     fmt_number(float(worst[i]), worst_digits[i]) + mark])
    return ("Regret (how far behind the best option in each scenario)\n"
            + format_table(headers, rows, right=set(range(1, len(headers) - 1))))


def _signposts_text(matrix: DecisionMatrix, a: ScenarioAnalysis) -> str:
    if not a.signposts:
        return "Signposts: every scenario has the same winner; nothing to watch for."
    names = {o.id: o.name for o in matrix.options}
    scen = {s.id: s.name for s in matrix.scenarios}
    out = ["Signposts: what to watch for"]
    for s in a.signposts:
        out.append(one_line(f"  {scen[s.from_scenario]} ({names[s.from_winner]}) vs "
                            f"{scen[s.to_scenario]} ({names[s.to_winner]}):"))
        for c in s.cells[:SIGNPOST_CELLS]:
            crit = matrix.criterion(c.criterion)
            favours = names[s.to_winner] if c.effect > 0 else names[s.from_winner]
            out.append(one_line(
                f"    - {names[c.option]} on {crit.name}: "
                f"{_fmt(crit.format_value, c.from_value)} → {_fmt(crit.format_value, c.to_value)}"
                f" (base {_fmt(crit.format_value, c.base)}); moves the margin "
                f"{abs(c.effect):.{decimals_from_zero(c.effect)}f} toward {favours}"))
        if len(s.cells) > SIGNPOST_CELLS:
            out.append(f"    … and {len(s.cells) - SIGNPOST_CELLS} more "
                       "(use --format json for all)")
    return "\n".join(out)


def _fmt(fmt: Any, value: ScoreValue | None) -> str:
    return "—" if value is None else fmt(value, exact=True)
