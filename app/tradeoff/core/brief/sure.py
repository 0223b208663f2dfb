"""How sure, and the key uncertainties: each statement worded from an existing analysis.

The nearest change point comes from :func:`tradeoff.core.sensitivity.all_sweeps`,
the smallest flip from :func:`tradeoff.core.flip.flip_table`, the Monte Carlo
share from a :class:`tradeoff.core.smaa.SmaaResult`, the stakeholder lenses from
:func:`tradeoff.core.stakeholders.compare_profiles` and the key uncertainties
from :func:`tradeoff.core.tornado.tornado`. Nothing is recomputed here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from tradeoff.core.brief.answer import Standing, score_quotes
from tradeoff.core.brief.document import Bullets, Paragraph
from tradeoff.core.brief.text import count, join, share, total
from tradeoff.core.errors import TradeoffError, WeightError
from tradeoff.core.flip import Flip, flip_table
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.printed_numbers import threshold_shares
from tradeoff.core.sensitivity import TIE, Sweep, all_sweeps
from tradeoff.core.smaa import SmaaResult
from tradeoff.core.smaa_sampling import spec_for_matrix, uniform_weights
from tradeoff.core.stakeholders import compare_profiles
from tradeoff.core.tornado import tornado

KEY_UNCERTAINTIES = 3
BEYOND = 1e-6  # how far past a change point the new leader is read off
MC_OPTIONS_NAMED = 3


@dataclass(frozen=True)
class ChangeOfWinner:
    """The weight nearest its current value at which the winner changes."""

    sweep: Sweep
    rises: bool  # True: above ``at``; False: below it
    at: float
    new_winners: tuple[str, ...]

    @property
    def distance(self) -> float:
        return abs(self.at - self.sweep.current_weight)


def nearest_change(matrix: DecisionMatrix, profile: WeightProfile) -> ChangeOfWinner | None:
    """The end of a winner stability interval nearest its weight now; None when none exists.

    The intervals come from the sweeps (without every crossing, which the brief
    does not need); who leads just beyond the end is read off the sweep's lines.
    """
    best: ChangeOfWinner | None = None
    for s in all_sweeps(matrix, profile, change_points=False):
        lo, hi = s.winner_interval
        for rises, at in ((True, hi), (False, lo)):
            if (rises and at >= 1.0) or (not rises and at <= 0.0):
                continue
            change = ChangeOfWinner(s, rises, at, ())
            if best is None or change.distance < best.distance:
                best = change
    if best is None:
        return None
    s = best.sweep
    beyond = min(1.0, best.at + BEYOND) if best.rises else max(0.0, best.at - BEYOND)
    totals = s.totals_at(beyond)
    leaders = np.flatnonzero(totals >= totals.max() - TIE)
    return replace(best, new_winners=tuple(s.options[i] for i in leaders))


def change_clause(change: ChangeOfWinner) -> str:
    """``the weight on A rises above 17.5 % (now 11.1 %)``: the change point rounded
    toward the weight now, with the decimals it takes to print the two apart."""
    s = change.sweep
    what = f"the group {s.name}" if s.kind == "group" else s.name
    move = "rises above" if change.rises else "falls below"
    at, now = threshold_shares(change.at, s.current_weight)
    return f"the weight on {what} {move} {at} (now {now})"


def change_sentence(matrix: DecisionMatrix, change: ChangeOfWinner | None) -> str:
    if change is None:
        return ("No single weight, moved on its own from 0 % to 100 %, would change the "
                "winner.")
    new = join([matrix.option(o).name for o in change.new_winners])
    return f"It holds unless {change_clause(change)}, when {new} would rank first."


def smallest_flip(matrix: DecisionMatrix, profile: WeightProfile) -> Flip | None:
    flips = flip_table(matrix, profile)
    return flips[0] if flips and flips[0].possible else None


def flip_clause(matrix: DecisionMatrix, flip: Flip) -> str:
    """``the score of A on B improves by more than 2.8 months (6 months → beyond 3.2 months)``."""
    option = matrix.option(flip.option).name
    crit = matrix.criterion(flip.criterion)
    now = crit.format_value(flip.current, exact=True)
    verb = "worsens" if flip.direction == "worsen" else "improves"
    if crit.is_level_scale:
        steps = abs(int(flip.change or 0))
        return (f"the score of {option} on {crit.name} {verb} by {count(steps, 'level')} "
                f"({now} → {flip.new_value})")
    size = crit.format_value(round(abs(flip.change or 0.0), 3), exact=True)
    new = crit.format_value(round(float(flip.new_value or 0.0), 3), exact=True)
    return (f"the score of {option} on {crit.name} {verb} by more than {size} "
            f"({now} → beyond {new})")


def flip_sentence(matrix: DecisionMatrix, flip: Flip | None) -> str:
    if flip is None:
        return ("No change to a single score, within the anchors of its scale, would change "
                "the winner.")
    winner = matrix.option(flip.new_winner).name if flip.new_winner else "another option"
    return (f"The smallest single score change that would change the winner: if "
            f"{flip_clause(matrix, flip)}, {winner} would rank first (a change of "
            f"{share(flip.relative or 0.0)} of the scale).")


def weights_drawn(matrix: DecisionMatrix, result: SmaaResult, profile: WeightProfile,
                  spread: float | None) -> str:
    """What the Monte Carlo drew, in words."""
    pm = f" ± {spread * 100:g} %" if spread else ""
    mode = result.weight_mode
    if mode == "profile":
        weights = f"weights drawn around the {profile.name} weights{pm}"
    elif mode == "profiles":
        weights = f"weights drawn around each of the {len(matrix.profiles)} profiles{pm}"
    elif mode == "ranking":
        weights = f"any weights that keep the criteria in the {profile.name} order"
    elif mode == "bounds":
        parts = [f"{matrix.criterion(c).name} {lo * 100:g}–{hi * 100:g} %"
                 for c, (lo, hi) in result.weight_bounds.items()]
        weights = f"weights drawn within bounds ({join(parts)})"
    else:
        weights = "weights drawn anywhere, every weighting equally likely"
    if result.uncertain_cells:
        scores = (f"{count(result.uncertain_cells, 'score')} drawn within their ranges "
                  f"({result.distribution_text})")
    else:
        scores = "scores fixed (none has a range)"
    return f"{weights}; {scores}"


def monte_carlo_sentence(matrix: DecisionMatrix, s: Standing, result: SmaaResult,
                         profile: WeightProfile, spread: float | None) -> str:
    best = {oid: float(result.probability_best[i]) for i, oid in enumerate(result.options)}
    first = matrix.option(s.first).name
    others = sorted((o for o in best if o != s.first and best[o] > 0), key=lambda o: -best[o])
    rest = [f"{matrix.option(o).name} in {share(best[o])}" for o in others[:MC_OPTIONS_NAMED]]
    tail = f"; {join(rest)}" if rest else ""
    return (f"In {result.samples:,} Monte Carlo draws (seed {result.seed}, score sampler "
            f"{result.stream}; "
            f"{weights_drawn(matrix, result, profile, spread)}), {first} ranked first in "
            f"{share(best.get(s.first, 0.0))} of draws{tail}.")


def monte_carlo_short(matrix: DecisionMatrix, s: Standing, result: SmaaResult) -> str:
    shares = dict(zip(result.options, result.probability_best, strict=True))
    return (f"it ranks first in {share(float(shares.get(s.first, 0.0)))} of "
            f"{result.samples:,} Monte Carlo draws")


def optimality_sentence(matrix: DecisionMatrix, profile: WeightProfile,
                        spread: float) -> str | None:
    """Which options could never come first, whatever the weights and near the profile.

    From :func:`tradeoff.core.optimality.matrix_optimality` (exact linear
    programmes): first over every weighting, then within ``spread`` of the
    profile's weights (the Monte Carlo's default region). None when it cannot be judged.
    """
    # scipy (the LP solver) loads only when a whole brief is written, never for the
    # headline the app shows on start-up
    from tradeoff.core.optimality import matrix_optimality

    try:
        anywhere = matrix_optimality(matrix, uniform_weights(len(matrix.criteria)), ranks=False)
        near = matrix_optimality(matrix, spec_for_matrix(matrix, profile, "profile", spread),
                                 ranks=False)
    except TradeoffError:
        return None
    if len(anywhere.options) < 2:
        return None
    name = {o.id: o.name for o in matrix.options}
    never = [o for o, r in anywhere.options.items() if not r.potentially_optimal]
    never_near = [o for o, r in near.options.items()
                  if not r.potentially_optimal and o not in never]
    if never:
        first = (f"Whatever the weights, {join([name[o] for o in never])} could never come "
                 "first: every weighting puts another option ahead.")
    else:
        first = "Every option could come first under some weighting of the criteria."
    pm = f"± {spread * 100:g} %"
    if never_near:
        can = [name[o] for o, r in near.options.items() if r.potentially_optimal]
        return (f"{first} Within {pm} of the {profile.name} weights, with the scores as they "
                f"stand, only {join(can)} could; {join([name[o] for o in never_near])} "
                "could not.")
    if not never:
        return f"{first} That stays so within {pm} of the {profile.name} weights."
    return first


def stakeholder_sentence(matrix: DecisionMatrix) -> str | None:
    """Which option each profile puts first; None with fewer than two profiles."""
    if len(matrix.profiles) < 2:
        return None
    try:
        winners = compare_profiles(matrix).winners
    except WeightError as e:
        return f"The weight profiles cannot all be compared: {e}."
    by_winner: dict[tuple[str, ...], list[str]] = {}
    for p in matrix.profiles:
        by_winner.setdefault(winners[p.id], []).append(p.name)
    if len(by_winner) == 1 and (only := next(iter(by_winner))):
        names = join([matrix.option(o).name for o in only])
        return f"All {len(matrix.profiles)} weight profiles put {names} first."
    parts = []
    for options, profiles in by_winner.items():
        verb = "puts" if len(profiles) == 1 else "put"
        if not options:
            parts.append(f"{join(profiles)} rank no option (a score is missing)")
            continue
        names = join([matrix.option(o).name for o in options])
        tie = " level" if len(options) > 1 else ""
        parts.append(f"{join(profiles)} {verb} {names} first{tie}")
    return f"Of the {len(matrix.profiles)} weight profiles, {join(parts)}."


def uncertainty_blocks(matrix: DecisionMatrix, profile: WeightProfile,
                       quoted: frozenset[tuple[str, str]] = frozenset()) -> list:
    """The tornado's top bars, each with the cell's rationale unless ``quoted`` already
    holds its (option, criterion)."""
    t = tornado(matrix, profile)
    bars = [b for b in t.bars if b.swing > 0][:KEY_UNCERTAINTIES]
    if not bars or t.winner is None:
        return [Paragraph("No score carries a low/high range that moves the lead, so there is "
                          "no score uncertainty to rank.")]
    winner = matrix.option(t.winner).name
    intro = Paragraph(f"The score ranges that move the lead of {winner} (now "
                      f"{total(t.base_margin)}) the most, each taken to both ends of its range "
                      "on its own:")
    items = []
    for b in bars:
        crit = matrix.criterion(b.criterion)
        option = matrix.option(b.option).name
        now = crit.format_value(matrix.score(b.option, b.criterion).value, exact=True)
        lo, hi = sorted((b.margin_at_low, b.margin_at_high))
        flip = (" At one end of the range another option would lead." if b.can_flip else "")
        text = (f": {now} now, between {crit.format_value(b.low, exact=True)} and "
                f"{crit.format_value(b.high, exact=True)}; the lead moves between {total(lo)} and "
                f"{total(hi)} (swing {total(b.swing)}).{flip}")
        if (b.option, b.criterion) in quoted:
            text += " Its rationale is quoted under “Why”."
            quotes: tuple = ()
        else:
            quotes = score_quotes(matrix, b.criterion, [b.option])
        items.append((Paragraph(text, f"{option} on {crit.name}"), quotes))
    return [intro, Bullets(tuple(items))]
