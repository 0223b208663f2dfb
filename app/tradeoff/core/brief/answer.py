"""The question and the answer, and why: the recommendation, its margin and its reasons.

The recommendation is the option ranked first by :func:`tradeoff.core.scoring.score`;
the reasons are the criteria whose contributions separate it from the runner-up,
largest difference first, until they cover the margin.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from tradeoff.core.brief.document import Bullets, Paragraph, Quote, Table
from tradeoff.core.brief.text import QUOTE_CHARS, join, sentence, share, shorten, total
from tradeoff.core.errors import WeightError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.printed_numbers import decimals_apart
from tradeoff.core.scoring import ScoreResult, score

MAX_REASONS = 4  # criteria named in "why", at most
MIN_REASONS = 2


@dataclass
class Standing:
    """The ranking the brief argues from: ranked options best first, ties in matrix order."""

    result: ScoreResult
    order: list[str]
    tied: list[str]  # the options sharing first place (one when there is no tie)

    @property
    def first(self) -> str:
        return self.order[0]

    @property
    def second(self) -> str:
        return self.order[1]

    @property
    def margin(self) -> float:
        totals = self.result.totals
        return float(totals[self.first] - totals[self.second])

    @cached_property
    def decimals(self) -> dict[str, int]:
        """Option id → decimals of its total and its lead, as the ranking table prints
        them: options ranked apart never print alike (three decimals unless they would)."""
        totals = self.result.totals
        return dict(zip(totals.index, decimals_apart(totals.to_numpy(dtype=float)).tolist(),
                        strict=True))

    def total_of(self, option_id: str) -> str:
        return total(float(self.result.totals[option_id]), self.decimals[option_id])

    def lead(self, x: float) -> str:
        """The first option's lead, or a part of it, as the lead is printed."""
        return total(x, self.decimals[self.first])


def standing(matrix: DecisionMatrix, profile: WeightProfile) -> Standing | str:
    """The ranking, or the reason there is no recommendation (a sentence)."""
    if len(matrix.options) == 0:
        return "There is no recommendation: the matrix has no options yet."
    if len(matrix.criteria) == 0:
        return "There is no recommendation: the matrix has no criteria to judge the options on."
    if len(matrix.options) == 1:
        return (f"There is no recommendation: {matrix.options[0].name} is the only option, "
                "so there is nothing to compare it with. Add at least one alternative.")
    try:
        result = score(matrix, profile)
    except WeightError as e:
        return f"There is no recommendation: the weights cannot be used ({e})."
    ranks = result.ranks
    ranked = [o.id for o in matrix.options if ranks[o.id] == ranks[o.id]]
    if len(ranked) < 2:
        missing = sum(1 for i in result.issues if i.kind == "missing")
        cells = len(matrix.options) * len(matrix.criteria)
        who = ("no option has" if not ranked
               else f"only {matrix.option(ranked[0]).name} has")
        return (f"There is no recommendation: {who} a score on every criterion "
                f"({missing} of {cells} cells are empty), and at least two scored options "
                "are needed to compare.")
    position = {oid: i for i, oid in enumerate(ranked)}
    order = sorted(ranked, key=lambda o: (ranks[o], position[o]))
    tied = [o for o in order if ranks[o] == 1]
    return Standing(result, order, tied)


def no_weights_reason(matrix: DecisionMatrix) -> str:
    return ("There is no recommendation: the matrix has no weight profile, so nothing says "
            "how much each criterion matters. Add a profile with weights.")


def recommendation(matrix: DecisionMatrix, profile: WeightProfile, s: Standing) -> str:
    """The answer in one sentence: the option, its total and its margin (or the tie)."""
    name = {o.id: o.name for o in matrix.options}
    lens = f"Under the {profile.name} weights"
    if len(s.tied) > 1:
        return (f"{lens}, {join([name[o] for o in s.tied])} tie for first place with a total "
                f"of {s.total_of(s.first)} each (out of 1): the analysis does not "
                "separate them.")
    return (f"{lens}, the recommendation is {name[s.first]}, with a total of "
            f"{s.total_of(s.first)} (out of 1), {s.lead(s.margin)} ahead of the "
            f"runner-up, {name[s.second]} ({s.total_of(s.second)}).")


def left_out(matrix: DecisionMatrix, s: Standing) -> str:
    """A sentence naming options that could not be ranked (a missing score), or ''."""
    unranked = [o for o in matrix.options if o.id not in s.order]
    if not unranked:
        return ""
    missing: dict[str, list[str]] = {}
    for issue in s.result.issues:
        if issue.kind == "missing":
            missing.setdefault(issue.option, []).append(matrix.criterion(issue.criterion).name)
    parts = [f"{o.name} (no score on {join(missing.get(o.id, []))})" for o in unranked]
    return sentence(f"not ranked because a score is missing: {join(parts)}")


@dataclass(frozen=True)
class Reason:
    """One criterion's part in the margin between the first two options."""

    criterion: str
    difference: float  # first's contribution minus second's


def reasons(matrix: DecisionMatrix, s: Standing) -> tuple[list[Reason], Reason | None]:
    """The criteria that carry the margin (largest first) and the runner-up's best criterion.

    Criteria in the first option's favour are taken largest first until they
    add up to the margin (at most :data:`MAX_REASONS`); the counterweight is
    the criterion on which the runner-up gains most, if any.
    """
    contributions = s.result.contributions()
    diff = (contributions.loc[s.first] - contributions.loc[s.second]).to_numpy(dtype=float)
    ids = [c.id for c in matrix.criteria]
    order = np.argsort(-diff, kind="stable")
    chosen: list[Reason] = []
    covered = 0.0
    for j in order:
        if diff[j] <= 0 or len(chosen) == MAX_REASONS:
            break
        # two reasons at least (when there are two), so one big gain does not hide the rest
        if covered >= s.margin > 0 and len(chosen) >= MIN_REASONS:
            break
        chosen.append(Reason(ids[j], float(diff[j])))
        covered += diff[j]
    low = int(np.argmin(diff))
    counter = Reason(ids[low], float(diff[low])) if diff.size and diff[low] < 0 else None
    return chosen, counter


def score_quotes(matrix: DecisionMatrix, criterion: str, options: list[str],
                 limit: int = QUOTE_CHARS) -> tuple[Quote, ...]:
    """Each option's rationale (and source) for its score on ``criterion``, shortened."""
    out = []
    for oid in options:
        cell = matrix.score(oid, criterion)
        if not cell.rationale and not cell.source:
            continue
        who = matrix.option(oid).name
        text = shorten(cell.rationale, limit) if cell.rationale else "(no rationale given)"
        source = f"; source: {shorten(cell.source, 120)}" if cell.source else ""
        out.append(Quote(text, f"{who}{source}"))
    return tuple(out)


def quoted_cells(matrix: DecisionMatrix, s: Standing) -> frozenset[tuple[str, str]]:
    """The (option, criterion) cells whose rationales the Why section quotes."""
    chosen, counter = reasons(matrix, s)
    crits = [r.criterion for r in chosen + ([counter] if counter else [])]
    return frozenset((o, c) for c in crits for o in (s.first, s.second))


def why_blocks(matrix: DecisionMatrix, s: Standing) -> list:
    """The Why section: the reasons as statements with both scores and their rationales."""
    name = {o.id: o.name for o in matrix.options}
    first, second = name[s.first], name[s.second]
    chosen, counter = reasons(matrix, s)
    weights = s.result.weights
    if len(s.tied) > 1:
        intro = (f"{first} and {second} end level; they get there on different criteria. "
                 f"Where {first} gains:")
    else:
        covered = sum(r.difference for r in chosen)
        these = "These criteria" if len(chosen) > 1 else "This criterion"
        if covered >= s.margin:
            cover = (f"{these} add {s.lead(covered)} to it, more than the whole margin; the "
                     f"other criteria on balance take {s.lead(covered - s.margin)} back")
        else:
            cover = f"{these} account for {share(covered / s.margin)} of it"
        intro = (f"{first} leads {second} by {s.lead(s.margin)}. {cover} (differences in "
                 "weighted contribution, largest first):")
    items = []
    for r in chosen + ([counter] if counter else []):
        crit = matrix.criterion(r.criterion)
        a = crit.format_value(matrix.score(s.first, crit.id).value, exact=True)
        b = crit.format_value(matrix.score(s.second, crit.id).value, exact=True)
        if r is counter:
            lead = f"Against: {crit.name}"
            text = (f"(weight {share(float(weights[crit.id]))}): {second} scores {b}, "
                    f"{first} {a}; this takes {s.lead(-r.difference)} off the margin.")
        else:
            lead = crit.name
            text = (f"(weight {share(float(weights[crit.id]))}): {first} scores {a}, "
                    f"{second} {b}; this adds {s.lead(r.difference)} to the margin.")
        items.append((Paragraph(text, lead), score_quotes(matrix, crit.id, [s.first, s.second])))
    return [Paragraph(intro), Bullets(tuple(items))]


def ranking_table(matrix: DecisionMatrix, s: Standing) -> Table:
    ranks, margins = s.result.ranks, s.result.table[("margin", "")]
    rows = []
    for oid in s.order:
        m = float(margins[oid])
        rows.append((str(int(ranks[oid])), matrix.option(oid).name, s.total_of(oid),
                     "—" if m != m else total(m, s.decimals[oid])))
    return Table(("Rank", "Option", "Total", "Lead over next"), tuple(rows),
                 numeric=frozenset({0, 2, 3}))
