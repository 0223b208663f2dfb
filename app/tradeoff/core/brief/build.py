"""Assemble the brief from the analyses: :func:`build_brief` for a whole brief,
:func:`headline` for its first two sentences alone (cheap enough for a slider)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from tradeoff.core.brief.answer import (
    Standing,
    left_out,
    no_weights_reason,
    quoted_cells,
    ranking_table,
    recommendation,
    standing,
    why_blocks,
)
from tradeoff.core.brief.assumptions import (
    acceptability_chart,
    appendix_blocks,
    assumption_blocks,
    contributions_chart,
)
from tradeoff.core.brief.contingent import scenario_blocks
from tradeoff.core.brief.document import SECTION_KEYS, SECTION_TITLES, Brief, Paragraph, Section
from tradeoff.core.brief.sure import (
    change_clause,
    change_sentence,
    flip_clause,
    flip_sentence,
    monte_carlo_sentence,
    monte_carlo_short,
    nearest_change,
    optimality_sentence,
    smallest_flip,
    stakeholder_sentence,
    uncertainty_blocks,
)
from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.robustness_report import DEFAULT_SPREAD, default_smaa_settings
from tradeoff.core.smaa import CancelCheck, ProgressCallback, SmaaResult, run_smaa


@dataclass
class BriefOptions:
    """What goes into a brief. ``samples`` 0 (or None with ``smaa`` None) skips the Monte Carlo."""

    samples: int = 10_000
    seed: int = 1
    sections: frozenset[str] = frozenset(SECTION_KEYS)
    smaa: SmaaResult | None = None  # a run already made (the window's), used as it is
    spread: float | None = DEFAULT_SPREAD  # the spread that run used, for its description


def monte_carlo(matrix: DecisionMatrix, profile: WeightProfile, samples: int, seed: int,
                progress: ProgressCallback | None = None,
                cancelled: CancelCheck | None = None) -> SmaaResult | None:
    """The default Monte Carlo (around the profile ± 20 %) with ``samples`` draws and ``seed``.

    None when it cannot run (fewer than two fully scored options).
    """
    settings = replace(default_smaa_settings(matrix, profile), samples=samples, seed=seed)
    try:
        return run_smaa(matrix, settings, progress, cancelled)
    except TradeoffError:
        return None


def headline(matrix: DecisionMatrix, profile: WeightProfile | None,
             smaa: SmaaResult | None = None, how_sure: bool = True) -> tuple[str, ...]:
    """The brief's first two sentences: the recommendation with its margin, and how sure.

    No Monte Carlo is run: its share is added only when ``smaa`` (a current run) is given.
    ``how_sure=False`` gives the recommendation alone (the sweeps and the flip test grow
    with options² × criteria).
    """
    if profile is None:
        return (no_weights_reason(matrix),)
    s = standing(matrix, profile)
    if isinstance(s, str):
        return (s,)
    if not how_sure:
        return (recommendation(matrix, profile, s),)
    return (recommendation(matrix, profile, s), how_sure_short(matrix, profile, s, smaa))


def how_sure_short(matrix: DecisionMatrix, profile: WeightProfile, s: Standing,
                   smaa: SmaaResult | None) -> str:
    if len(s.tied) > 1:
        parts = ["Any change of weight or score that favours one of them decides it"]
    else:
        change = nearest_change(matrix, profile)
        flip = smallest_flip(matrix, profile)
        unless = [c for c in (change and change_clause(change),
                              flip and flip_clause(matrix, flip)) if c]
        parts = [f"It holds unless {' or '.join(unless)}" if unless else
                 "No single weight or score change would alter it"]
    if smaa is not None and s.first in smaa.options:
        parts.append(monte_carlo_short(matrix, s, smaa))
    return "; ".join(parts) + "."


def build_brief(matrix: DecisionMatrix, profile: WeightProfile | None,
                options: BriefOptions | None = None,
                progress: ProgressCallback | None = None,
                cancelled: CancelCheck | None = None) -> Brief:
    """The whole brief. Runs the Monte Carlo unless ``options`` carries a run or 0 samples.

    ``cancelled`` stops the Monte Carlo with :class:`~tradeoff.core.smaa.SmaaCancelled`.
    """
    options = options or BriefOptions()
    meta = matrix.metadata
    subtitle = "Weights: " + (profile.name if profile else "none") + \
        " · Method: additive value model"
    intro = [Paragraph(meta.description)] if meta.description.strip() else []
    if profile is None:
        return _no_recommendation(matrix, None, subtitle, intro, no_weights_reason(matrix),
                                  options.sections)
    s = standing(matrix, profile)
    if isinstance(s, str):
        return _no_recommendation(matrix, profile, subtitle, intro, s, options.sections)
    smaa = options.smaa
    if smaa is None and options.samples and {"sure", "charts"} & options.sections:
        smaa = monte_carlo(matrix, profile, options.samples, options.seed, progress, cancelled)
    spread = options.spread if options.smaa is not None else DEFAULT_SPREAD
    first_two = (recommendation(matrix, profile, s), how_sure_short(matrix, profile, s, smaa))
    answer = [*intro, *(Paragraph(sentence, key=True) for sentence in first_two)]
    if note := left_out(matrix, s):
        answer.append(Paragraph(note))
    answer.append(ranking_table(matrix, s))
    sure = [Paragraph(sentence) for sentence in _sure_sentences(matrix, profile, s, smaa, spread)]
    charts = [contributions_chart(matrix, s)]
    if smaa is not None:
        charts.append(acceptability_chart(matrix, smaa))
    content = {
        "answer": answer, "why": why_blocks(matrix, s), "sure": sure,
        "scenarios": scenario_blocks(matrix, profile) if "scenarios" in options.sections else [],
        "uncertainties": uncertainty_blocks(matrix, profile, quoted_cells(matrix, s)
                                            if "why" in options.sections else frozenset()),
        "assumptions": assumption_blocks(matrix, profile, s), "charts": charts,
        "appendix": appendix_blocks(matrix, s),
    }
    return Brief(meta.title, subtitle, first_two, _sections(content, options.sections),
                 recommended=None if len(s.tied) > 1 else matrix.option(s.first).name)


def _sure_sentences(matrix: DecisionMatrix, profile: WeightProfile, s: Standing,
                    smaa: SmaaResult | None, spread: float | None) -> list[str]:
    out = []
    if len(s.tied) > 1:
        out.append("Because the leaders tie, any change of weight or score that favours one "
                   "of them decides between them.")
    else:
        out.append(change_sentence(matrix, nearest_change(matrix, profile)))
        out.append(flip_sentence(matrix, smallest_flip(matrix, profile)))
    if smaa is not None:
        out.append(monte_carlo_sentence(matrix, s, smaa, profile, spread))
    if (reach := optimality_sentence(matrix, profile, DEFAULT_SPREAD)) is not None:
        out.append(reach)
    if (lenses := stakeholder_sentence(matrix)) is not None:
        out.append(lenses)
    return out


def _sections(content: dict[str, list], wanted: Iterable[str]) -> list[Section]:
    wanted = set(wanted) | {"answer"}  # the answer is the brief: always there
    return [Section(key, SECTION_TITLES[key], content[key])
            for key in SECTION_KEYS if key in wanted and content.get(key)]


def _no_recommendation(matrix: DecisionMatrix, profile: WeightProfile | None, subtitle: str,
                       intro: list, reason: str, wanted: Iterable[str]) -> Brief:
    content: dict[str, list] = {"answer": [*intro, Paragraph(reason, key=True)]}
    if profile is not None and matrix.criteria:
        try:
            content["assumptions"] = assumption_blocks(matrix, profile, None)
        except TradeoffError:
            pass
    if matrix.options and matrix.criteria:
        content["appendix"] = appendix_blocks(matrix, None)
    return Brief(matrix.metadata.title, subtitle, (reason,), _sections(content, wanted))
