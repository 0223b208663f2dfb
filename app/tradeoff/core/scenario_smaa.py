"""The Monte Carlo (SMAA-2) with the state of the world drawn too.

Each draw first picks a scenario — in proportion to the scenarios'
probabilities, or with equal chances when the matrix gives none — and then
weights and scores as :func:`tradeoff.core.smaa.run_smaa` does. Drawing the
scenario first and the rest given it is the same as splitting the draws among
the scenarios by a multinomial draw and running each scenario's view with its
share, which is how it is computed: the tallies of the parts, added, are the
tallies of the whole.

Rank acceptabilities and pairwise winning shares are exact mixtures. The
central weight vector of an option is the mean of the weights of the draws in
which it ranks first, over all scenarios; its confidence factor is the
mixture of the per-scenario confidence factors weighted by how often the
option ranks first in each (each scenario's own central weights, not the
pooled ones, are held fixed there).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.scenarios import scenario_view, scenario_weights
from tradeoff.core.smaa import SmaaResult, SmaaSettings, run_smaa


def scenario_draws(matrix: DecisionMatrix, samples: int, seed: int) -> np.ndarray:
    """How many of ``samples`` draws fall to each scenario (a multinomial draw)."""
    rng = np.random.default_rng([seed, 0x5CE4A])  # a stream apart from the run's own
    return rng.multinomial(samples, scenario_weights(matrix))


def run_smaa_over_scenarios(matrix: DecisionMatrix, settings: SmaaSettings) -> SmaaResult:
    """SMAA-2 over the scenarios of ``matrix``, each draw in one scenario.

    The result reads like :func:`run_smaa`'s; its ``seed`` is the one given
    (or drawn), from which the split among scenarios and each part's seed follow.
    """
    if not matrix.scenarios:
        raise TradeoffError("the matrix has no scenarios to draw")
    seed = settings.seed if settings.seed is not None else int(
        np.random.SeedSequence().generate_state(1)[0])
    counts = scenario_draws(matrix, settings.samples, seed)
    parts: list[tuple[int, SmaaResult]] = []
    for k, (scenario, n) in enumerate(zip(matrix.scenarios, counts, strict=True)):
        if n == 0:
            continue
        # each part's whole rank table: the parts' tables are added up below
        part = run_smaa(scenario_view(matrix, scenario),
                        replace(settings, samples=int(n), seed=seed + 1 + k, rank_table=True))
        parts.append((int(n), part))
    first = parts[0][1]
    if any(p.options != first.options for _n, p in parts):
        raise TradeoffError("the scenarios leave out different options (a score is missing in "
                            "some scenarios only); fill it in to draw across scenarios")
    total = sum(n for n, _p in parts)
    ranks = sum(n * p.rank_acceptability for n, p in parts) / total
    pairwise, pairwise_rows = _mixed_pairwise(parts, total)
    firsts = [n * p.rank_acceptability[:, 0] for n, p in parts]  # draws each option wins
    first_total = sum(firsts)
    with np.errstate(invalid="ignore", divide="ignore"):
        central = sum(np.nan_to_num(p.central_weights) * f[:, None]
                      for f, (_n, p) in zip(firsts, parts, strict=True)) / first_total[:, None]
        confidence = sum(np.nan_to_num(p.confidence) * f
                         for f, (_n, p) in zip(firsts, parts, strict=True)) / first_total
    never = first_total == 0
    central[never] = np.nan
    confidence[never] = np.nan
    cells: dict[str, int] = {}
    for _n, p in parts:
        for kind, count in p.cell_distributions.items():
            cells[kind] = max(cells.get(kind, 0), count)
    return replace(first, samples=total, seed=seed, rank_acceptability=ranks, pairwise=pairwise,
                   pairwise_rows=pairwise_rows, probability_first=ranks[:, 0],
                   central_weights=central, confidence=np.asarray(confidence, dtype=float),
                   uncertain_cells=max(p.uncertain_cells for _n, p in parts),
                   cell_distributions=cells)


def _mixed_pairwise(parts: list[tuple[int, SmaaResult]], total: int
                    ) -> tuple[np.ndarray, list[int] | None]:
    """The pairwise winning shares of the mixture, and the rows they cover.

    With every option's pairs tallied, the mixture of the tables. With the leaders'
    pairs only (many options), each scenario has leaders of its own, and a pair's
    share in the mixture is known only where every scenario tallied it: the table
    covers the options that lead in every scenario (in the first scenario's order),
    never a sum of tables whose rows stand for different options."""
    rows_of = [p.pairwise_rows for _n, p in parts]
    if all(rows is None for rows in rows_of):
        return sum(n * p.pairwise for n, p in parts) / total, None
    every = set.intersection(*(set(range(len(p.options))) if rows is None else set(rows)
                               for rows, (_n, p) in zip(rows_of, parts, strict=True)))
    first_rows = rows_of[0] if rows_of[0] is not None else range(len(parts[0][1].options))
    common = [r for r in first_rows if r in every]
    mixed = np.zeros((len(common), len(common)))
    for rows, (n, p) in zip(rows_of, parts, strict=True):
        at = list(common) if rows is None else [rows.index(r) for r in common]
        mixed += n * p.pairwise[np.ix_(at, at)]
    return mixed / total, common
