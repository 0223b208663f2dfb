"""``tradeoff portfolio FILE --cost CRITERION --budget B``: the best set of options within budget.

Each option's benefit is its total over the criteria other than the cost
(0–100); the portfolio maximises the summed benefit with the summed cost
within the budget, exactly (a MILP), honouring ``--include``, ``--exclude``
and ``--at-most K OPTION…``. Options failing a must-have are not candidates.
``--format json`` keys are listed in :func:`as_json`.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from tradeoff.commands.common import (
    add_scenario_option,
    apply_scenario,
    format_table,
    load,
    one_line,
    pick_profile,
    print_json,
    writing,
)
from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.number_text import cost_text
from tradeoff.core.portfolio import (
    BudgetCurve,
    GroupLimit,
    MeritCurve,
    Portfolio,
    PortfolioInputs,
    best_portfolio,
    budget_curve,
    merit_order,
    portfolio_inputs,
)
from tradeoff.core.screening import reasons_by_option, without_screened

DEFAULT_STEPS = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "portfolio", help="choose the options that give the most benefit within a budget",
        description="Choose the set of options with the greatest total benefit (the total over "
                    "the criteria other than the cost, 0-100 each) whose total cost is within "
                    "the budget, exactly; with the order-of-merit curve and its knee, and the "
                    "best benefit as the budget grows.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--cost", required=True, metavar="CRITERION",
                   help="the criterion (name or id) that is the cost; it needs a numeric scale")
    p.add_argument("--budget", required=True, metavar="B",
                   help="the most the chosen options may cost together, in the cost's units")
    p.add_argument("--include", action="append", default=[], metavar="OPTION",
                   help="an option (name or id) that must be chosen; repeat for more")
    p.add_argument("--exclude", action="append", default=[], metavar="OPTION",
                   help="an option (name or id) that must not be chosen; repeat for more")
    p.add_argument("--at-most", action="append", default=[], nargs="+",
                   metavar="K OPTION", dest="at_most",
                   help="at most K of the options named after it; repeat for more groups")
    p.add_argument("--profile", help="weight profile name or id (default: the active one)")
    add_scenario_option(p)
    p.add_argument("--steps", type=int, default=DEFAULT_STEPS,
                   help=f"budgets on the optimal benefit-cost curve (default {DEFAULT_STEPS})")
    p.add_argument("--chart", metavar="OUT.png|OUT.svg",
                   help="also save the order-of-merit and optimal-portfolio chart")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=run)


def parse_budget(text: str) -> float:
    try:
        budget = float(text)
    except ValueError:
        raise TradeoffError(f"--budget must be a number, not {text!r}") from None
    if not math.isfinite(budget) or budget < 0:
        raise TradeoffError(f"--budget must be zero or a positive number, not {text}")
    return budget


def find_option(matrix: DecisionMatrix, key: str) -> str:
    """An option's id from its id or name (case-insensitive)."""
    for o in matrix.options:
        if o.id == key:
            return o.id
    for o in matrix.options:
        if o.name.casefold() == key.casefold():
            return o.id
    names = ", ".join(o.name for o in matrix.options) or "none"
    raise TradeoffError(f"no option named {key!r} (options: {names})")


def run(args: argparse.Namespace) -> int:
    budget = parse_budget(args.budget)
    if args.steps < 2:
        raise TradeoffError(f"--steps must be at least 2, not {args.steps}")
    matrix = apply_scenario(load(args.file), args.scenario)
    profile = pick_profile(matrix, args.profile)
    inputs = portfolio_inputs(without_screened(matrix), profile, args.cost)
    include, exclude, groups = constraints(matrix, inputs, args)
    chosen = best_portfolio(inputs.costs, inputs.benefits, budget, include=include,
                            exclude=exclude, groups=groups, names=inputs.names)
    merit = merit_order(inputs.costs, inputs.benefits)
    curve = budget_curve(inputs.costs, inputs.benefits, args.steps, include=include,
                         exclude=exclude, groups=groups)
    if args.chart:
        from tradeoff.io.value_charts import draw_merit_curve, new_figure, save_figure

        fig = new_figure()
        draw_merit_curve(fig.add_subplot(), merit, inputs.names, curve=curve, budget=budget,
                         cost_name=matrix.criterion(_cost_id(matrix, args.cost)).name)
        with writing(Path(args.chart)):
            save_figure(fig, args.chart)
    if args.format == "json":
        print_json(as_json(matrix, profile, inputs, chosen, merit, curve))
    else:
        print(as_text(matrix, profile, inputs, chosen, merit))
    return 0


def _cost_id(matrix: DecisionMatrix, key: str) -> str:
    from tradeoff.core.value_for_money import find_criterion

    return find_criterion(matrix, key).id


def constraints(matrix: DecisionMatrix, inputs: PortfolioInputs, args: argparse.Namespace
                ) -> tuple[set[int], set[int], list[GroupLimit]]:
    """Indices into ``inputs`` for --include, --exclude and --at-most, refusing the impossible."""
    screened = reasons_by_option(matrix)
    position = {oid: i for i, oid in enumerate(inputs.ids)}

    def index(key: str, flag: str) -> int | None:
        oid = find_option(matrix, key)
        if oid in screened:
            if flag == "--exclude":
                return None  # not a candidate anyway
            raise TradeoffError(f"{flag} {key}: {screened[oid][0].describe(matrix)}, so it is "
                                "screened out and cannot be chosen")
        if oid not in position:
            if flag == "--exclude":
                return None
            raise TradeoffError(f"{flag} {key}: it has a missing score, so its benefit or cost "
                                "is unknown")
        return position[oid]

    include = {i for k in args.include if (i := index(k, "--include")) is not None}
    exclude = {i for k in args.exclude if (i := index(k, "--exclude")) is not None}
    groups = []
    for spec in args.at_most:
        try:
            limit = int(spec[0])
        except ValueError:
            raise TradeoffError(f"--at-most takes a whole number and then options, e.g. "
                                f"--at-most 1 \"Road A\" \"Road B\", not {spec[0]!r}") from None
        if limit < 0 or len(spec) < 2:
            raise TradeoffError("--at-most takes a whole number of 0 or more and then at least "
                                "one option")
        members = [i for k in spec[1:] if (i := index(k, "--at-most")) is not None]
        groups.append(GroupLimit(tuple(members), limit, ", ".join(spec[1:])))
    return include, exclude, groups


def as_json(matrix: DecisionMatrix, profile: WeightProfile, inputs: PortfolioInputs,
            chosen: Portfolio, merit: MeritCurve, curve: BudgetCurve) -> dict:
    """``selected`` (names), ``total_cost``, ``total_benefit``, ``budget``; ``options`` with
    each ``cost``, ``benefit`` and whether ``selected``; ``order_of_merit`` (cumulative cost
    and benefit, best benefit per cost first) and its ``knee`` (the option after which the
    curve bends); ``budget_curve``: the best portfolio at evenly spaced budgets."""
    names = inputs.names
    picked = set(chosen.selected)
    return {
        "matrix": matrix.metadata.title, "profile": profile.name,
        "budget": chosen.budget,
        "selected": [names[i] for i in chosen.selected],
        "total_cost": chosen.total_cost, "total_benefit": chosen.total_benefit,
        "options": [{"option": names[i], "id": inputs.ids[i], "cost": float(inputs.costs[i]),
                     "benefit": float(inputs.benefits[i]), "selected": i in picked}
                    for i in range(len(names))],
        "order_of_merit": [{"option": names[i], "cumulative_cost": float(c),
                            "cumulative_benefit": float(b)} for i, c, b in
                           zip(merit.order, merit.cumulative_cost, merit.cumulative_benefit,
                               strict=True)],
        "knee": None if merit.knee is None else names[merit.order[merit.knee]],
        "budget_curve": [{"budget": float(B), "total_cost": p.total_cost,
                          "total_benefit": p.total_benefit,
                          "selected": [names[i] for i in p.selected]}
                         for B, p in zip(curve.budgets, curve.portfolios, strict=True)],
        "screened_out": sorted({matrix.option(o).name for o in reasons_by_option(matrix)}),
        "left_out": [matrix.option(o).name for o in inputs.left_out],
    }


def as_text(matrix: DecisionMatrix, profile: WeightProfile, inputs: PortfolioInputs,
            chosen: Portfolio, merit: MeritCurve) -> str:
    names = inputs.names
    picked = set(chosen.selected)
    rank_of = {i: r for r, i in enumerate(merit.order, start=1)}
    rows = []
    for i in merit.order:
        ratio = inputs.benefits[i] / inputs.costs[i] if inputs.costs[i] > 0 else math.inf
        rows.append([str(rank_of[i]), names[i], cost_text(inputs.costs[i]),
                     f"{inputs.benefits[i]:.1f}", "—" if math.isinf(ratio) else f"{ratio:.3g}",
                     "yes" if i in picked else ""])
    table = format_table(["Merit", "Option", "Cost", "Benefit", "Benefit per cost", "Chosen"],
                         rows, right={0, 2, 3, 4})
    knee = ("" if merit.knee is None else
            f"\nThe order of merit bends after {one_line(names[merit.order[merit.knee]])} "
            f"(cumulative cost {cost_text(merit.cumulative_cost[merit.knee])}): beyond it "
            "each unit "
            "of cost buys markedly less benefit.")
    return (f"{one_line(matrix.metadata.title)}\nProfile: {one_line(profile.name)} · "
            f"budget {cost_text(chosen.budget)}\n"
            f"Chosen: {len(chosen.selected)} options costing {cost_text(chosen.total_cost)} with "
            f"benefit {chosen.total_benefit:.1f}\n{table}{knee}")
