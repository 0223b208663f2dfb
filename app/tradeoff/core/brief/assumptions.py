"""Assumptions, charts and the appendix: the weights and where they came from, the anchors,
the sources, the chart data and the scored matrix."""

from __future__ import annotations

from typing import Any

from tradeoff.core.brief.answer import Standing, score_quotes
from tradeoff.core.brief.document import Bullets, Chart, Paragraph, Quote, Table
from tradeoff.core.brief.text import APPENDIX_QUOTE_CHARS, count, join, share, shorten
from tradeoff.core.elicitation.rank_weights import RANK_METHODS
from tradeoff.core.elicitation.records import elicitation_levels, level_title, stored_record
from tradeoff.core.model import Criterion, DecisionMatrix, WeightProfile
from tradeoff.core.smaa import SmaaResult

AHP_CONSISTENT = 0.10  # Saaty's rule of thumb: a consistency ratio above this is suspect
METHOD_WORDS = {"swing": "swing weighting", "ahp": "AHP pairwise comparisons",
                "direct": "typed in as points"}
AGGREGATION_WORDS = {"mean-of-weights": "the mean of their weights",
                     "geometric-mean-of-judgements": "the geometric mean of their AHP "
                                                     "judgements"}


def record_text(record: dict[str, Any]) -> str:
    """How one level's weights were elicited, in words, with the AHP consistency ratio."""
    method = str(record.get("method", "direct"))
    if method in RANK_METHODS:
        text = f"ranking ({RANK_METHODS[method]})"
    elif method == "group":
        people = record.get("participants")
        n = len(people) if isinstance(people, list) else 0
        how = AGGREGATION_WORDS.get(str(record.get("aggregation")), "their inputs")
        text = f"combined from {count(n, 'participant')} by {how}"
    else:
        text = METHOD_WORDS.get(method, method)
    cr = record.get("consistency_ratio")
    if isinstance(cr, int | float) and not isinstance(cr, bool):
        text += f", consistency ratio {cr:.2f}"
        if cr > AHP_CONSISTENT:
            text += f" (above {AHP_CONSISTENT:.2f}: the judgements are not fully consistent)"
    return text


def provenance(matrix: DecisionMatrix, profile: WeightProfile) -> str:
    """Where the profile's weights came from, level by level."""
    levels = []
    typed = []
    for parent in elicitation_levels(matrix):
        record = stored_record(profile, parent)
        title = level_title(matrix, parent)
        if record is None:
            typed.append(title[0].lower() + title[1:])
        else:
            levels.append(f"{title}: {record_text(record)}")
    if not levels:
        return (f"The {profile.name} weights were typed in as points and are shown "
                "normalised (each criterion's share of the total, through the value tree).")
    rest = f"; elsewhere ({join(typed)}) typed in as points" if typed else ""
    return (f"The {profile.name} weights come from {'; '.join(levels)}{rest}. They are shown "
            "normalised (each criterion's share of the total, through the value tree).")


def anchor(crit: Criterion, position: float) -> str:
    if crit.is_level_scale:
        return crit.level_at(position) or f"{position:g}"
    return crit.format_value(position, exact=True)


def value_function_text(crit: Criterion) -> str:
    if crit.value_points:
        return f"piecewise ({len(crit.value_points)} points)"
    return "linear"


def assumption_blocks(matrix: DecisionMatrix, profile: WeightProfile, s: Standing | None) -> list:
    blocks: list = [Paragraph(provenance(matrix, profile))]
    if profile.description:
        blocks.append(Quote(shorten(profile.description), f"{profile.name} profile"))
    rows = []
    for crit in matrix.criteria:
        w = share(float(s.result.weights[crit.id])) if s is not None else "—"
        group = matrix.group(crit.group).name if crit.group else ""
        rows.append((crit.name, group, w, anchor(crit, crit.worst), anchor(crit, crit.best),
                     value_function_text(crit)))
    if rows:
        blocks.append(Table(("Criterion", "Group", "Weight", "Worst (0)", "Best (1)",
                             "Value function"), tuple(rows), numeric=frozenset({2}),
                            caption="Weights (normalised) and each criterion's anchors: a "
                                    "score at the worst anchor is worth 0, at the best 1."))
    sources = [src for src in matrix.metadata.sources if src.strip()]
    cited = sum(1 for key in matrix.scores.detailed_keys()  # only those can cite one
                if matrix.scores[key].source.strip())
    if sources:
        blocks.append(Paragraph(f"The matrix rests on {count(len(sources), 'source')}; "
                                f"{cited} of its {len(matrix.scores)} scores also cite a "
                                "source of their own:"))
        blocks.append(Bullets(tuple((Paragraph(shorten(src, 300)), ()) for src in sources)))
    else:
        blocks.append(Paragraph(f"The matrix lists no sources; {cited} of its "
                                f"{len(matrix.scores)} scores cite a source of their own."))
    return blocks


def contributions_chart(matrix: DecisionMatrix, s: Standing) -> Chart:
    contributions = s.result.contributions()
    series = tuple((c.name, tuple(float(contributions.at[o, c.id]) for o in s.order))
                   for c in matrix.criteria)
    return Chart("contributions", "What each criterion contributes to each option's total",
                 tuple(matrix.option(o).name for o in s.order), series,
                 "Contribution to the total (out of 1)")


def acceptability_chart(matrix: DecisionMatrix, result: SmaaResult) -> Chart:
    n = len(result.options)
    order = sorted(range(n), key=lambda i: (-float(result.rank_acceptability[i, 0]), i))
    series = tuple((f"Rank {r + 1}", tuple(float(result.rank_acceptability[i, r]) for i in order))
                   for r in range(n))
    return Chart("acceptability",
                 f"Share of {result.samples:,} Monte Carlo draws in which each option takes "
                 "each rank", tuple(matrix.option(result.options[i]).name for i in order),
                 series, "Share of draws", percent=True)


def cell_text(crit: Criterion, matrix: DecisionMatrix, option: str) -> str:
    cell = matrix.score(option, crit.id)
    if cell.value is None:
        return "—"
    text = crit.format_value(cell.value, exact=True)
    if cell.has_range:
        low = crit.format_value(cell.low if cell.low is not None else cell.value, exact=True)
        high = crit.format_value(cell.high if cell.high is not None else cell.value, exact=True)
        text += f" ({low} … {high})"
    return text


def appendix_blocks(matrix: DecisionMatrix, s: Standing | None) -> list:
    """The scored matrix: criteria down, options across, then totals and ranks."""
    options = s.order + [o.id for o in matrix.options if o.id not in s.order] if s else [
        o.id for o in matrix.options]
    headers = ("Criterion", "Weight", *(matrix.option(o).name for o in options))
    rows = []
    for crit in matrix.criteria:
        w = share(float(s.result.weights[crit.id])) if s is not None else "—"
        rows.append((crit.name, w, *(cell_text(crit, matrix, o) for o in options)))
    if s is not None:
        totals, ranks = s.result.totals, s.result.ranks
        rows.append(("Total", "", *(s.total_of(o) if totals[o] == totals[o] else "—"
                                    for o in options)))
        rows.append(("Rank", "", *(str(int(ranks[o])) if ranks[o] == ranks[o] else "—"
                                   for o in options)))
    blocks: list = [Table(headers, tuple(rows), numeric=frozenset({1}),
                          caption="Scores in each criterion's own units or levels; a range "
                                  "(low … high) where the score is uncertain.")]
    quoted = []
    for crit in matrix.criteria:
        quotes = score_quotes(matrix, crit.id, options, APPENDIX_QUOTE_CHARS)
        if quotes:
            quoted.append((Paragraph("", crit.name), quotes))
    if quoted:
        blocks.append(Paragraph("The reasons given for the scores:"))
        blocks.append(Bullets(tuple(quoted)))
    return blocks
