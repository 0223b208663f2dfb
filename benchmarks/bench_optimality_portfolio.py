"""Potential optimality on 1,000 options × 20 criteria and a portfolio of 200 options.

Prints the median time of:
  potential optimality   tradeoff.core.optimality.potential_optimality on uniform random
                         values (the hardest case: most options can win somewhere), any
                         weights on the simplex; and under a ranking of the criteria
  portfolio              tradeoff.core.portfolio.best_portfolio on 200 options with random
                         costs and benefits and a budget of a third of the total cost
                         (with the cheaper-of-equals second solve); with an at-most-3
                         group constraint; and the 20-budget optimal benefit–cost curve
Targets: under 1 s each (potential optimality for 1,000 × 20, a 200-option portfolio).

Run: .venv/bin/python benchmarks/bench_optimality_portfolio.py [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _timing import emit, median_seconds

from tradeoff.core.optimality import potential_optimality
from tradeoff.core.portfolio import GroupLimit, best_portfolio, budget_curve
from tradeoff.core.smaa_sampling import ranked_weights, uniform_weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true",
                        help="print the figures as one JSON line (for make bench)")
    args = parser.parse_args()
    say = (lambda *a: None) if args.json else print
    figures: dict[str, float] = {}
    rng = np.random.default_rng(2026)
    values = rng.random((1000, 20))
    verdicts = potential_optimality(values, uniform_weights(20))
    can_win = sum(v.potentially_optimal for v in verdicts)
    t = median_seconds(lambda: potential_optimality(values, uniform_weights(20)),
                       repeat=args.repeat)
    figures["optimality_uniform_s"] = t
    say(f"potential optimality 1,000 × 20, any weights:   {t:7.3f} s  "
          f"({can_win} of 1,000 can come first)")
    tiers = [[0, 1], [2, 3, 4], list(range(5, 20))]
    t = median_seconds(lambda: potential_optimality(values, ranked_weights(tiers, 20)),
                       repeat=args.repeat)
    figures["optimality_ranked_s"] = t
    say(f"potential optimality 1,000 × 20, ranked weights: {t:7.3f} s")

    costs = np.round(rng.uniform(0.5, 40, 200), 1)
    benefits = rng.uniform(5, 95, 200)
    budget = costs.sum() / 3
    chosen = best_portfolio(costs, benefits, budget)
    t = median_seconds(lambda: best_portfolio(costs, benefits, budget), repeat=args.repeat)
    figures["portfolio_200_s"] = t
    say(f"portfolio of 200 options:                         {t:7.3f} s  "
          f"({len(chosen.selected)} chosen)")
    group = [GroupLimit(tuple(range(0, 200, 7)), 3)]
    t = median_seconds(lambda: best_portfolio(costs, benefits, budget, groups=group),
                       repeat=args.repeat)
    say(f"portfolio of 200, at most 3 from a group of 29:   {t:7.3f} s")
    t = median_seconds(lambda: budget_curve(costs, benefits, 20), repeat=max(1, args.repeat // 2))
    figures["budget_curve_20_s"] = t
    say(f"optimal benefit–cost curve, 20 budgets:           {t:7.3f} s")

    if args.json:
        emit(figures)


if __name__ == "__main__":
    main()
