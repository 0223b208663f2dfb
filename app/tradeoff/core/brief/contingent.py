"""The scenarios section: the contingent recommendation, the minimax-regret choice and
the signposts to watch, worded from :func:`tradeoff.core.scenarios.analyse_scenarios`."""

from __future__ import annotations

from tradeoff.core.brief.document import Bullets, Paragraph
from tradeoff.core.brief.text import join, total
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.scenarios import ScenarioAnalysis, analyse_scenarios

SIGNPOSTS_SHOWN = 3  # pairs of scenarios with different winners
CELLS_PER_SIGNPOST = 1  # the cell that moves the margin most


def _names(matrix: DecisionMatrix, ids: list[str]) -> str:
    return join([matrix.option(o).name for o in ids]) if ids else "no option (a score is missing)"


def contingent_sentence(matrix: DecisionMatrix, analysis: ScenarioAnalysis) -> str:
    """``If A: X; if B: Y.`` — the winner in each scenario, ties named as ties."""
    parts = []
    for k, outcome in enumerate(analysis.outcomes):
        winners = _names(matrix, outcome.winners)
        tie = " (tied)" if len(outcome.winners) > 1 else ""
        parts.append(f"{'If' if k == 0 else 'if'} {outcome.name}: {winners}{tie}")
    return "; ".join(parts) + "."


def minimax_sentence(matrix: DecisionMatrix, analysis: ScenarioAnalysis) -> str:
    if not analysis.minimax:
        return "No option has a total in every scenario, so there is no minimax-regret choice."
    first = analysis.minimax[0]
    worst = float(analysis.max_regret[first])
    where = str(analysis.regret.loc[first].idxmax())
    scenario = next(o.name for o in analysis.outcomes if o.id == where)
    if worst == 0:
        return (f"{_names(matrix, analysis.minimax)} comes first in every scenario: the "
                "recommendation does not depend on which world arrives.")
    return (f"The choice that loses least in the worst case (minimax regret) is "
            f"{_names(matrix, analysis.minimax)}: it is never more than {total(worst)} behind "
            f"the best option, the most in “{scenario}”.")


def expected_sentence(matrix: DecisionMatrix, analysis: ScenarioAnalysis) -> str | None:
    if analysis.expected is None:
        return None
    best = str(analysis.expected.idxmax())
    return (f"Weighted by the scenarios' probabilities, {matrix.option(best).name} has the "
            f"highest expected total ({total(float(analysis.expected[best]))}).")


def signpost_items(matrix: DecisionMatrix, analysis: ScenarioAnalysis) -> list:
    names = {o.id: o.name for o in analysis.outcomes if o.id is not None}
    items = []
    for post in analysis.signposts[:SIGNPOSTS_SHOWN]:
        cells = []
        for cell in post.cells[:CELLS_PER_SIGNPOST]:
            crit = matrix.criterion(cell.criterion)
            towards = post.to_winner if cell.effect > 0 else post.from_winner
            cells.append(f"{matrix.option(cell.option).name} on {crit.name} "
                         f"({crit.format_value(cell.from_value, exact=True)} → "
                         f"{crit.format_value(cell.to_value, exact=True)}, "
                         f"{total(abs(cell.effect))} toward "
                         f"{matrix.option(towards).name})")
        lead = f"{names[post.from_scenario]} or {names[post.to_scenario]}?"
        text = (f"{matrix.option(post.from_winner).name} or "
                f"{matrix.option(post.to_winner).name}: watch {join(cells)}.")
        items.append((Paragraph(text, lead), ()))
    return items


def scenario_blocks(matrix: DecisionMatrix, profile: WeightProfile) -> list:
    """The section's blocks; empty when the matrix has no scenarios."""
    if not matrix.scenarios:
        return []
    analysis = analyse_scenarios(matrix, profile)
    blocks: list = [Paragraph(contingent_sentence(matrix, analysis)),
                    Paragraph(minimax_sentence(matrix, analysis))]
    if (expected := expected_sentence(matrix, analysis)) is not None:
        blocks.append(Paragraph(expected))
    items = signpost_items(matrix, analysis)
    if items:
        blocks.append(Paragraph("Signposts: the judgements that separate scenarios with "
                                "different winners, the cells that move the margin most:"))
        blocks.append(Bullets(tuple(items)))
    return blocks
