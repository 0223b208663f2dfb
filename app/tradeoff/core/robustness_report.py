"""The robustness results as plain tables: one source for the CLI, the GUI and the workbook.

:func:`robustness_sheets` gives both sheets by name, running the default
Monte Carlo when no result is passed. :func:`sensitivity_tables` gives the
*Sensitivity* sheet (weight stability, change points, score flips,
stakeholder comparison); :func:`uncertainty_tables` the *Uncertainty* sheet
(Monte Carlo settings, rank acceptabilities, central weights, pairwise
winning probabilities, tornado). Each table is a title, a header row and rows
of plain Python values (str, float, int or None), so a writer needs no
knowledge of the analyses. Shares and weights are fractions 0..1 (format them
as percentages); scores are in the criterion's own units or level names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tradeoff.core.errors import TradeoffError
from tradeoff.core.flip import flip_table
from tradeoff.core.model import Criterion, DecisionMatrix, ScoreValue, WeightProfile
from tradeoff.core.printed_numbers import decimals_from_zero
from tradeoff.core.sensitivity import Sweep, all_sweeps
from tradeoff.core.smaa import SmaaResult, SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import spec_for_matrix
from tradeoff.core.stakeholders import compare_profiles
from tradeoff.core.tornado import tornado

Cell = str | float | int | None

# The Monte Carlo an export or ``tradeoff analyse`` runs when not told otherwise:
# around the profile ± 20 %, 10,000 draws, seed 1, triangular score ranges.
DEFAULT_SAMPLES = 10_000
DEFAULT_SEED = 1
DEFAULT_SPREAD = 0.2
SENSITIVITY_SHEET, UNCERTAINTY_SHEET = "Sensitivity", "Uncertainty"


@dataclass
class ReportTable:
    """A titled block of rows. ``percent`` lists the columns holding shares 0..1."""

    title: str
    headers: list[str]
    rows: list[list[Cell]]
    percent: set[int] = field(default_factory=set)
    note: str = ""


def default_smaa_settings(matrix: DecisionMatrix, profile: WeightProfile) -> SmaaSettings:
    """The Monte Carlo settings used when none are given (the CLI's defaults)."""
    spec = spec_for_matrix(matrix, profile, "profile", DEFAULT_SPREAD)
    return SmaaSettings(spec, samples=DEFAULT_SAMPLES, seed=DEFAULT_SEED)


def robustness_sheets(matrix: DecisionMatrix, profile: WeightProfile,
                      result: SmaaResult | None = None, spread: float | None = DEFAULT_SPREAD,
                      run_monte_carlo: bool = True) -> dict[str, list[ReportTable]]:
    """Contents of the workbook's Sensitivity and Uncertainty sheets, by sheet name.

    Pass the ``result`` (and its ``spread``) the window shows so the workbook
    matches it; without one, the default Monte Carlo is run (unless
    ``run_monte_carlo`` is False, or fewer than two options have every score,
    in which case the Uncertainty sheet holds the tornado only).
    """
    if result is None and run_monte_carlo:
        try:
            result = run_smaa(matrix, default_smaa_settings(matrix, profile))
        except TradeoffError:
            result = None
        spread = DEFAULT_SPREAD
    return {SENSITIVITY_SHEET: sensitivity_tables(matrix, profile),
            UNCERTAINTY_SHEET: uncertainty_tables(matrix, profile, result, spread)}


def sensitivity_tables(matrix: DecisionMatrix, profile: WeightProfile) -> list[ReportTable]:
    """Weight stability, change points, score flips and the stakeholder comparison."""
    sweeps = all_sweeps(matrix, profile)
    tables = [stability_table(matrix, sweeps), change_point_table(matrix, sweeps),
              flip_report(matrix, profile)]
    if len(matrix.profiles) > 1:
        tables.append(stakeholder_table(matrix))
    return tables


def uncertainty_tables(matrix: DecisionMatrix, profile: WeightProfile,
                       result: SmaaResult | None, spread: float | None = None
                       ) -> list[ReportTable]:
    """Monte Carlo results (when a run is given) and the tornado of score ranges."""
    tables: list[ReportTable] = []
    if result is not None:
        tables += [smaa_settings_table(matrix, result, profile, spread),
                   acceptability_table(matrix, result), central_weight_table(matrix, result),
                   pairwise_table(matrix, result)]
    tables.append(tornado_table(matrix, profile))
    return tables


def _namer(matrix: DecisionMatrix) -> Callable[[str | None], str]:
    """Option names by id through one look-up table: a table may name thousands of
    options, and :meth:`DecisionMatrix.option` searches the list each time."""
    names = {o.id: o.name for o in matrix.options}
    return lambda option_id: names[option_id] if option_id else ""


def stability_table(matrix: DecisionMatrix, sweeps: list[Sweep]) -> ReportTable:
    name = _namer(matrix)
    rows: list[list[Cell]] = []
    for s in sweeps:
        rows.append([s.name, s.kind, s.current_weight, *s.winner_interval, *s.ranking_interval,
                     len(s.change_points), len(s.winner_change_points)])
    winner = name(sweeps[0].winner) if sweeps else ""
    who = winner or "the winner"
    return ReportTable(
        "Weight stability",
        ["Criterion or group", "Kind", "Weight now", "Winner first from", "Winner first to",
         "Ranking same from", "Ranking same to", "Ranking changes", "Winner changes"],
        rows, percent={2, 3, 4, 5, 6},
        note=(f"How far each normalised weight can move, the others keeping their "
              f"proportions, before {who} stops ranking first (or the ranking changes)."))


def change_point_table(matrix: DecisionMatrix, sweeps: list[Sweep]) -> ReportTable:
    rows: list[list[Cell]] = []
    # Change points grow with options² × criteria: look names up by id, not by search.
    name = {o.id: o.name for o in matrix.options}
    for s in sweeps:
        for p in s.change_points:
            swaps = "; ".join(f"{name[a]} ↔ {name[b]}" for a, b in p.pairs)
            rows.append([s.name, p.weight,
                         ", ".join(name[o] for o in p.winners_before),
                         ", ".join(name[o] for o in p.winners_after),
                         "yes" if p.winner_changes else "no", swaps])
    return ReportTable("Change points",
                       ["Criterion or group", "At weight", "First below", "First above",
                        "Winner changes", "Options that swap"], rows, percent={1},
                       note="Exact weights at which two options' totals cross.")


def flip_report(matrix: DecisionMatrix, profile: WeightProfile, *,
                possible_only: bool = False) -> ReportTable:
    """The score-flip table; ``possible_only`` keeps only the flips that can change the
    winner (see :func:`~tradeoff.core.flip.flip_table`), what a large matrix needs."""
    name = _namer(matrix)
    rows: list[list[Cell]] = []
    for f in flip_table(matrix, profile, possible_only=possible_only):
        crit = matrix.criterion(f.criterion)
        unit = "levels" if crit.is_level_scale else crit.unit
        rows.append([name(f.option), crit.name, f.direction,
                     crit.format_value(f.current, exact=True),
                     _score_text(crit, f.new_value),
                     f.change, unit, f.relative, name(f.new_winner),
                     f.describe(matrix)])
    return ReportTable(
        "Score-flip test",
        ["Option", "Criterion", "Change", "Score now", "Flips beyond", "By", "Unit",
         "Share of scale", "New winner", "In words"],
        rows, percent={7},
        note=("The smallest change to one score that makes another option win, "
              "smallest first (by share of the scale between its anchors)."))


def stakeholder_table(matrix: DecisionMatrix) -> ReportTable:
    name = _namer(matrix)
    comparison = compare_profiles(matrix)
    names = [p.name for p in matrix.profiles]
    rows: list[list[Cell]] = []
    for oid, ranks in comparison.ranks.iterrows():
        cells = [None if r != r else int(r) for r in ranks]
        rows.append([name(str(oid)), *cells,
                     "disagree" if comparison.is_disagreement(str(oid)) else ""])
    return ReportTable("Stakeholder comparison (rank under each profile)",
                       ["Option", *names, "Profiles"], rows,
                       note="Options whose rank differs between profiles are marked "
                            "'disagree'.")


def smaa_settings_table(matrix: DecisionMatrix, result: SmaaResult, profile: WeightProfile,
                        spread: float | None) -> ReportTable:
    bounds: list[list[Cell]] = [
        [f"Weight of {matrix.criterion(cid).name}",
         f"{low * 100:g} % … {high * 100:g} %"]
        for cid, (low, high) in result.weight_bounds.items()]
    rows: list[list[Cell]] = [
        ["Draws", result.samples], ["Seed", result.seed], ["Score sampler", result.stream],
        ["Weights drawn", result.weight_mode], *bounds,
        ["Around profile", "—" if result.weight_mode in ("uniform", "bounds") else profile.name],
        # as given (a spread of 0.4 % is not "±0%", weights held fixed)
        ["Spread", "—" if spread is None else f"±{spread * 100:g}%"],
        ["Score distribution", result.distribution_text],
        ["Cells with a range", result.uncertain_cells],
    ]
    return ReportTable("Monte Carlo (SMAA-2) settings", ["Setting", "Value"], rows,
                       note="Rerunning with the same seed and settings gives the same numbers "
                            "(with the same score sampler: an earlier version's differs).")


def acceptability_table(matrix: DecisionMatrix, result: SmaaResult) -> ReportTable:
    name = _namer(matrix)
    n = len(result.options)
    rows: list[list[Cell]] = []
    for i, oid in enumerate(result.options):
        rows.append([name(oid), *map(float, result.rank_acceptability[i]),
                     _float(result.confidence[i])])
    note = ("Share of draws in which each option takes each rank; "
            "Rank 1 is the probability of being best.")
    if result.left_out:  # say so, or the option silently drops out of the table
        note += (" Left out because a score is missing: "
                 f"{', '.join(name(o) for o in result.left_out)}.")
    return ReportTable("Rank acceptability",
                       ["Option", *[f"Rank {r + 1}" for r in range(n)], "Confidence factor"],
                       rows, percent=set(range(1, n + 2)), note=note)


def central_weight_table(matrix: DecisionMatrix, result: SmaaResult) -> ReportTable:
    name = _namer(matrix)
    crits = [matrix.criterion(c).name for c in result.criteria]
    rows = [[name(oid), *[_float(w) for w in result.central_weights[i]]]
            for i, oid in enumerate(result.options)]
    return ReportTable("Central weights", ["Option", *crits], rows,
                       percent=set(range(1, len(crits) + 1)),
                       note="Mean weights of the draws in which the option ranks first "
                            "(empty when it never does).")


def pairwise_table(matrix: DecisionMatrix, result: SmaaResult) -> ReportTable:
    name = _namer(matrix)
    names = [name(o) for o in result.options]
    rows = [[names[i], *map(float, result.pairwise[i])] for i in range(len(names))]
    return ReportTable("Pairwise winning probability", ["Row ranks above column", *names], rows,
                       percent=set(range(1, len(names) + 1)))


def tornado_table(matrix: DecisionMatrix, profile: WeightProfile) -> ReportTable:
    name = _namer(matrix)
    t = tornado(matrix, profile)
    rows: list[list[Cell]] = []
    for b in t.bars:
        crit = matrix.criterion(b.criterion)
        rows.append([name(b.option), crit.name, crit.format_value(b.low, exact=True),
                     crit.format_value(b.high, exact=True), b.margin_at_low, b.margin_at_high,
                     b.swing,
                     "yes" if b.can_flip else "no"])
    return ReportTable(
        "Tornado: winner's margin over the runner-up",
        ["Option", "Criterion", "Low", "High", "Margin at low", "Margin at high", "Swing",
         "Can flip"], rows,
        note=_tornado_note(matrix, t.winner, t.base_margin))


def _tornado_note(matrix: DecisionMatrix, winner: str | None, margin: float) -> str:
    name = _namer(matrix)
    if not winner or margin != margin:  # NaN: fewer than two options have every score
        return ("No tornado: it needs a winner and a runner-up, i.e. at least two options "
                "with every score filled in.")
    return (f"Winner {name(winner)}, margin {margin:.{decimals_from_zero(margin, 4)}f}. "
            "Each score range moved to "
            "its ends one at a time, largest swing first.")


def _score_text(crit: Criterion, value: ScoreValue | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, float):
        value = round(value, 3)
    return crit.format_value(value, exact=True)


def _float(x: float) -> float | None:
    return None if x != x else float(x)
