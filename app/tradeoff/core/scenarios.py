"""Scenarios: the recommendation as a contingent strategy.

A scenario is a state of the world in which some scores differ from the base
case (:class:`~tradeoff.core.model.Scenario`). Weights are values, not states
of the world, so a scenario never changes them.

The pieces, all pure functions of their arguments:

``scenario_view(matrix, scenario)``
    The base matrix with one scenario's overrides applied: an ordinary
    :class:`~tradeoff.core.model.DecisionMatrix` (with no scenarios of its
    own) that scoring, every cross-check method, sensitivity, the flip test,
    the Monte Carlo and the tornado accept without knowing scenarios exist.
    ``scenario`` may be a Scenario, its id or name, or None for the base case.
    The view shares the criteria, options and unchanged score objects with
    ``matrix``: read it, do not edit it.

``analyse_scenarios(matrix, profile=None) -> ScenarioAnalysis``
    Everything an adviser says across the named scenarios (the base case is
    scored beside them but not counted):

    * ``outcomes``: per scenario, its :class:`ScoreResult` (ranking, totals,
      margins) and ``winners`` (option ids; more than one on a tie);
    * ``totals``: options × scenario ids, on the 0..1 scale of ``score``;
    * ``regret``, ``max_regret``, ``minimax`` (option ids, several on a tie):
      see :mod:`tradeoff.core.regret`;
    * ``expected``: Σ probability × total per option, or None when the
      scenarios carry no probabilities;
    * ``signposts``: for every pair of scenarios whose winners differ, the
      overridden cells that move the margin between the two winners most,
      largest first — the judgements to watch.

``scenario_weights(matrix)``
    The probability of each scenario for drawing one in a Monte Carlo: the
    given probabilities, or equal shares when none are given.

Every number comes from :func:`tradeoff.core.scoring.score` on the views, so
the app, the CLI and the workbook cannot disagree.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, Scenario, ScoreValue, WeightProfile
from tradeoff.core.regret import expected_totals, max_regret, minimax_regret, regret_table
from tradeoff.core.scoring import (
    RANK_DECIMALS,
    ScoreResult,
    competition_ranks,
    margins,
    raw_matrix,
    score,
    value_matrix,
)
from tradeoff.core.weights import normalised_weights

BASE_CASE = "Base case"  # how the base matrix is named beside the scenarios
PROBABILITY_TOLERANCE = 1e-6  # probabilities must sum to 1 within this


def scenario_view(matrix: DecisionMatrix,
                  scenario: Scenario | str | None) -> DecisionMatrix:
    """``matrix`` with ``scenario``'s overrides applied (None: the base matrix itself)."""
    if scenario is None:
        return matrix
    if not isinstance(scenario, Scenario):
        try:
            scenario = matrix.find_scenario(scenario)
        except KeyError as e:
            raise TradeoffError(str(e.args[0])) from e
    scores = matrix.scores.copy()  # arrays copied; no cell becomes an object
    # An override naming an option or criterion the matrix lacks has no cell to
    # replace (check_matrix reports it; removing an item takes its overrides out).
    options, criteria = {o.id for o in matrix.options}, {c.id for c in matrix.criteria}
    for k, s in scenario.scores.items():
        if k[0] in options and k[1] in criteria:
            scores[k] = replace(s)  # a copy: the view is a snapshot, not bound to the file
    title = f"{matrix.metadata.title} — {scenario.name}"
    return replace(matrix, scores=scores, scenarios=[],
                   metadata=replace(matrix.metadata, title=title))


def scenario_weights(matrix: DecisionMatrix) -> np.ndarray:
    """Each scenario's probability, or equal shares when the matrix gives none."""
    n = len(matrix.scenarios)
    probs = [s.probability for s in matrix.scenarios]
    if n and all(p is not None for p in probs):
        return np.array(probs, dtype=float)
    return np.full(n, 1.0 / n) if n else np.zeros(0)


def has_probabilities(matrix: DecisionMatrix) -> bool:
    return bool(matrix.scenarios) and all(s.probability is not None for s in matrix.scenarios)


class ScenarioOutcome:
    """One scenario scored (``scenario`` None for the base case).

    ``totals``, ``ranks`` and ``margins`` are arrays in matrix order, and
    ``values`` the value matrix (options × criteria), computed as
    :func:`~tradeoff.core.scoring.score` computes them; ``winners`` are the
    option ids ranked first (several on a tie). ``result``, the full
    :class:`ScoreResult` table, is built the first time it is asked for: a view
    that re-scores on every slider step does not pay for it.
    """

    def __init__(self, scenario: Scenario | None, view: DecisionMatrix,
                 profile: WeightProfile, weights: np.ndarray) -> None:
        self.scenario, self.view, self.profile = scenario, view, profile
        self.raw = raw_matrix(view)
        self.values = value_matrix(view, self.raw)
        # The same arithmetic as score(): the total is the sum of the contributions.
        self.totals = (self.values * weights).sum(axis=1)
        self.ranks = competition_ranks(self.totals)
        self.margins = margins(self.totals)
        ids = [o.id for o in view.options]
        self.winners = [ids[i] for i in np.flatnonzero(self.ranks == 1)]
        self._result: ScoreResult | None = None

    @property
    def result(self) -> ScoreResult:
        if self._result is None:
            self._result = score(self.view, self.profile, self.raw)
        return self._result

    @property
    def id(self) -> str | None:
        return None if self.scenario is None else self.scenario.id

    @property
    def name(self) -> str:
        return BASE_CASE if self.scenario is None else self.scenario.name

    @property
    def margin(self) -> float:
        """The winner's lead over the runner-up (0 on a tie, NaN with one option)."""
        if len(self.winners) > 1:
            return 0.0
        if not self.winners:
            return float("nan")
        return float(self.margins[self.view.option_index(self.winners[0])])


@dataclass(frozen=True)
class SignpostCell:
    """One overridden cell and how far it moves the margin between two winners.

    ``from_value`` and ``to_value`` are the cell's scores in the two scenarios
    (the base score where a scenario leaves it alone); ``overridden_in`` names
    the scenario ids that override it. ``effect`` is the change, in total
    points (0..1), of ``to_winner``'s lead over ``from_winner`` when the cell
    moves from its ``from`` score to its ``to`` score: positive cells favour
    ``to_winner``.
    """

    option: str
    criterion: str
    base: ScoreValue | None
    from_value: ScoreValue | None
    to_value: ScoreValue | None
    overridden_in: tuple[str, ...]
    effect: float
    to_scenario: str = ""  # the id of the scenario the cell moves to

    @property
    def override(self) -> ScoreValue | None:
        """The overriding score: the ``to`` scenario's when it overrides, else the ``from``'s."""
        return self.to_value if self.to_overrides else self.from_value

    @property
    def to_overrides(self) -> bool:
        return len(self.overridden_in) == 2 or self.overridden_in[-1] == self.to_scenario


@dataclass(frozen=True)
class Signpost:
    """What separates two scenarios with different winners."""

    from_scenario: str
    to_scenario: str
    from_winner: str
    to_winner: str
    cells: tuple[SignpostCell, ...]

    @property
    def margin_change(self) -> float:
        """How much ``to_winner``'s lead over ``from_winner`` grows from one to the other."""
        return float(sum(c.effect for c in self.cells))


@dataclass
class ScenarioAnalysis:
    """Results across the scenarios under one profile (see the module docstring)."""

    profile: str
    base: ScenarioOutcome
    outcomes: list[ScenarioOutcome]
    totals: pd.DataFrame  # options × scenario ids
    regret: pd.DataFrame  # options × scenario ids
    max_regret: pd.Series
    minimax: list[str]
    expected: pd.Series | None
    signposts: list[Signpost]

    def outcome(self, scenario_id: str) -> ScenarioOutcome:
        for o in self.outcomes:
            if o.id == scenario_id:
                return o
        raise KeyError(scenario_id)


def analyse_scenarios(matrix: DecisionMatrix,
                      profile: WeightProfile | str | None = None) -> ScenarioAnalysis:
    """Score every scenario under ``profile`` and compare them (see the module docstring).

    Raises TradeoffError when the matrix has no scenarios, and WeightError
    for unusable weights.
    """
    if not matrix.scenarios:
        raise TradeoffError("the matrix has no scenarios")
    if not isinstance(profile, WeightProfile):
        profile = matrix.profile(profile)
    weights = normalised_weights(matrix, profile)
    base = ScenarioOutcome(None, matrix, profile, weights)
    outcomes = [ScenarioOutcome(s, scenario_view(matrix, s), profile, weights)
                for s in matrix.scenarios]
    ids = [s.id for s in matrix.scenarios]
    totals = pd.DataFrame({s: o.totals for s, o in zip(ids, outcomes, strict=True)},
                          index=pd.Index([o.id for o in matrix.options], name="option"),
                          columns=pd.Index(ids, name="scenario"), dtype=float)
    regret = regret_table(totals)
    worst = max_regret(regret)
    expected = None
    if has_probabilities(matrix):
        expected = expected_totals(totals, pd.Series(scenario_weights(matrix), index=ids))
    return ScenarioAnalysis(
        profile=profile.id, base=base, outcomes=outcomes, totals=totals, regret=regret,
        max_regret=worst, minimax=minimax_regret(worst), expected=expected,
        signposts=signposts(matrix, outcomes,
                            pd.Series(weights, index=[c.id for c in matrix.criteria])))


def signposts(matrix: DecisionMatrix, outcomes: list[ScenarioOutcome],
              weights: pd.Series) -> list[Signpost]:
    """For each pair of scenarios (in file order) whose winners differ, the cells to watch.

    Only cells of the two winners can move the margin between them in an
    additive model, and only cells some scenario of the pair overrides differ
    between the two; their effects add up exactly to the change in margin.
    """
    out: list[Signpost] = []
    rows = {o.id: i for i, o in enumerate(matrix.options)}
    cols = {c.id: j for j, c in enumerate(matrix.criteria)}
    w = {c: float(x) for c, x in weights.items()}
    for a, b in itertools.combinations(outcomes, 2):
        if not a.winners or not b.winners or set(a.winners) == set(b.winners):
            continue
        wa = a.winners[0]
        wb = next((x for x in b.winners if x != wa), None)
        if wb is None or a.scenario is None or b.scenario is None:
            continue
        cells = _cells(matrix, a, b, (wa, wb), (a.values, b.values), w, (rows, cols))
        out.append(Signpost(a.scenario.id, b.scenario.id, wa, wb, cells))
    return out


def _cells(matrix: DecisionMatrix, a: ScenarioOutcome, b: ScenarioOutcome,
           winners: tuple[str, str], values: tuple[np.ndarray, np.ndarray],
           weights: dict[str, float], index: tuple[dict[str, int], dict[str, int]]
           ) -> tuple[SignpostCell, ...]:
    assert a.scenario is not None and b.scenario is not None
    wa, wb = winners
    va, vb = values
    rows, cols = index
    keys = [k for k in {**a.scenario.scores, **b.scenario.scores} if k[0] in (wa, wb)]
    cells = []
    for oid, cid in keys:
        if cid not in cols or oid not in rows:
            continue
        i, j = rows[oid], cols[cid]
        sign = 1.0 if oid == wb else -1.0
        effect = sign * weights[cid] * (vb[i, j] - va[i, j])
        if not np.isfinite(effect) or round(effect, RANK_DECIMALS) == 0:
            continue
        base = matrix.scores.get((oid, cid))
        cells.append(SignpostCell(
            option=oid, criterion=cid, base=None if base is None else base.value,
            from_value=_value(matrix, a.scenario, oid, cid),
            to_value=_value(matrix, b.scenario, oid, cid),
            overridden_in=tuple(s.id for s in (a.scenario, b.scenario)
                                if (oid, cid) in s.scores),
            effect=effect, to_scenario=b.scenario.id))
    cells.sort(key=lambda c: (-abs(c.effect), rows[c.option], cols[c.criterion]))
    return tuple(cells)


def _value(matrix: DecisionMatrix, scenario: Scenario, oid: str, cid: str) -> ScoreValue | None:
    cell = scenario.scores.get((oid, cid)) or matrix.scores.get((oid, cid))
    return None if cell is None else cell.value
