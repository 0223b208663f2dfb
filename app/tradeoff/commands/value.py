"""``tradeoff value FILE --cost CRITERION``: benefit against cost and the efficient frontier.

Benefit is the additive total over the criteria other than the cost (0–100);
options failing a must-have are left out. ``--format json`` keys are listed
in :func:`as_json`; ``--chart OUT.png|OUT.svg`` also saves the chart.
"""

from __future__ import annotations

import argparse
from typing import Any

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
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.number_text import cost_text
from tradeoff.core.screening import screen, without_screened
from tradeoff.core.value_for_money import ValueForMoney, value_for_money


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "value", help="value for money: benefit against cost, with the efficient frontier",
        description="Plot each option's benefit (the total over the other criteria, 0-100) "
                    "against one criterion taken as its cost; list the efficient frontier, "
                    "how far each other option is from it and the benefit per unit of cost.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--cost", required=True, metavar="CRITERION",
                   help="the criterion (name or id) that is the cost; it needs a numeric scale")
    p.add_argument("--profile", help="weight profile name or id (default: the active one)")
    add_scenario_option(p)
    p.add_argument("--chart", metavar="OUT.png|OUT.svg", help="also save the chart")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    matrix = apply_scenario(load(args.file), args.scenario)
    profile = pick_profile(matrix, args.profile)
    kept = without_screened(matrix)
    vfm = value_for_money(kept, profile, args.cost)
    if args.chart:
        save_chart(vfm, args.chart)
    if args.format == "json":
        print_json(as_json(matrix, profile, vfm))
    else:
        print(as_text(matrix, profile, vfm))
    return 0


def save_chart(vfm: ValueForMoney, path: str, selected: set[str] | None = None) -> None:
    from pathlib import Path

    from tradeoff.io.value_charts import draw_value_for_money, new_figure, save_figure

    fig = new_figure()
    draw_value_for_money(fig.add_subplot(), vfm, selected=selected)
    with writing(Path(path)):
        save_figure(fig, path)


def as_json(matrix: DecisionMatrix, profile: WeightProfile, vfm: ValueForMoney) -> dict:
    """``options``: per option ``cost``, ``benefit`` (0–100), ``efficient``, ``benefit_gap``
    and ``cost_gap`` (what it needs to reach the frontier) and ``benefit_per_cost``;
    ``frontier``: the efficient options, cheapest first; ``screened_out``: options failing
    a must-have (left out); ``left_out``: options with a missing score."""
    names = unique_names(matrix.options)
    crits = unique_names(matrix.criteria)
    return {
        "matrix": matrix.metadata.title, "profile": profile.name,
        "cost_criterion": crits[vfm.cost_criterion], "unit": vfm.unit,
        "benefit_weights": {crits[c]: w for c, w in vfm.benefit_weights.items()},
        "options": [{"option": names[p.option], "id": p.option, "cost": p.cost,
                     "benefit": p.benefit, "efficient": p.efficient,
                     "benefit_gap": p.benefit_gap, "cost_gap": p.cost_gap,
                     "benefit_per_cost": p.ratio} for p in vfm.by_ratio()],
        "frontier": [names[p.option] for p in vfm.frontier],
        "screened_out": sorted({names[s.option] for s in screen(matrix)}),
        "left_out": [names[o] for o in vfm.left_out],
    }


def as_text(matrix: DecisionMatrix, profile: WeightProfile, vfm: ValueForMoney) -> str:
    rows: list[list[Any]] = []
    for p in vfm.by_ratio():
        rows.append([p.name, cost_text(p.cost), f"{p.benefit:.1f}",
                     "—" if p.ratio is None else f"{p.ratio:.3g}",
                     "yes" if p.efficient else "",
                     "" if p.efficient else f"+{p.benefit_gap:.1f}",
                     "" if p.efficient else f"−{cost_text(p.cost_gap)}"])
    unit = f" ({vfm.unit})" if vfm.unit else ""
    table = format_table([
        "Option", f"{vfm.cost_name}{unit}", "Benefit", "Benefit per cost", "Frontier",
        "Benefit to reach it", "or cost to shed"], rows, right={1, 2, 3, 5, 6})
    head = (f"{one_line(matrix.metadata.title)}\nProfile: {one_line(profile.name)} · "
            f"cost: {one_line(vfm.cost_name)}; benefit: the other criteria, 0–100")
    text = f"{head}\n{table}"
    screened = sorted({s.option for s in screen(matrix)})
    if screened:
        text += ("\n\nLeft out (fail a must-have): "
                 + ", ".join(one_line(matrix.option(o).name) for o in screened))
    if vfm.left_out:
        text += ("\nLeft out (a score is missing): "
                 + ", ".join(one_line(matrix.option(o).name) for o in vfm.left_out))
    return text
