"""``tradeoff.Matrix``: a decision matrix for notebooks and scripts.

A Matrix wraps the same model the app edits and calls the same functions as
the ``tradeoff`` command line, so the numbers agree. It is never changed in
place: :meth:`Matrix.with_weights` and :meth:`Matrix.with_scores` return a new
Matrix.
"""

from __future__ import annotations

import copy
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from tradeoff.api.analysis import Analysis
from tradeoff.api.errors import MatrixError, matrix_errors
from tradeoff.api.frames import (
    frame_rows,
    score_frame,
    scores_frame,
    values_frame,
    weights_series,
)
from tradeoff.api.names import find
from tradeoff.api.scenarios import ScenarioComparison
from tradeoff.commands import analyse as analyse_command
from tradeoff.commands.common import apply_scenario, pick_profile
from tradeoff.commands.common import load as load_file
from tradeoff.commands.export import write_workbook
from tradeoff.commands.import_matrix import write_matrix_file
from tradeoff.commands.score import method_settings, score_by
from tradeoff.core.errors import Problem, ValidationError
from tradeoff.core.model import Criterion, DecisionMatrix, Score, WeightProfile
from tradeoff.core.robustness_report import DEFAULT_SAMPLES, DEFAULT_SEED
from tradeoff.core.scoring import value_matrix
from tradeoff.core.screening import screen, without_screened
from tradeoff.core.validate import check_matrix
from tradeoff.core.weights import normalised_weights

PathLike = str | os.PathLike[str]


def load(path: PathLike) -> Matrix:
    """Read a matrix file (``.toml``), checked as ``tradeoff validate`` checks it.

    >>> m = load("matrices/budapest-summit.toml")
    >>> m.title
    'Budapest summit: US policy options'

    Raises :class:`MatrixError` naming the file and the key path of each problem.
    """
    with matrix_errors():
        return Matrix(load_file(os.fspath(path)), source=os.fspath(path))


class Matrix:
    """Options × criteria with scores, weight profiles and (optionally) scenarios.

    Profiles, methods and scenarios are named as on the command line (name or
    id). Results are pandas objects labelled by option and criterion names.
    """

    def __init__(self, model: DecisionMatrix, *, source: str | None = None,
                 notes: list[str] | None = None) -> None:
        self._model = copy.deepcopy(model)  # the caller's model stays theirs
        self.source = source
        #: what :meth:`from_frame` assumed (anchors taken from the data, equal weights)
        self.notes: list[str] = list(notes or [])

    # -- building ------------------------------------------------------------
    @classmethod
    def from_frame(cls, frame: pd.DataFrame, *,
                   directions: Mapping[str, str] | None = None,
                   anchors: Mapping[str, tuple[float, float]] | None = None,
                   weights: Mapping[str, float] | None = None,
                   units: Mapping[str, str] | None = None,
                   title: str = "Untitled matrix") -> Matrix:
        """A matrix from a DataFrame of numbers: one row per option, one column per criterion.

        ``directions`` maps a column to ``"benefit"`` (the default) or ``"cost"``;
        ``anchors`` maps it to ``(worst, best)``: without them the scale runs
        from the worst to the best score in the column, and :attr:`notes` says
        so. ``weights`` are in any positive units (equal when not given). The
        rows are read as ``tradeoff import`` reads a sheet, so the rules and
        the messages are the same.

        >>> import pandas as pd
        >>> df = pd.DataFrame({"Price": [40, 20], "Speed": [6, 3]}, index=["Alpha", "Beta"])
        >>> m = Matrix.from_frame(df, directions={"Price": "cost"},
        ...                       anchors={"Price": (100, 0), "Speed": (0, 10)})
        >>> m.score()["rank"].to_dict()
        {'Alpha': 1, 'Beta': 2}
        """
        from tradeoff.io.sheet_import import parse_grid

        anchors = dict(anchors or {})
        for key, pair in anchors.items():
            if not isinstance(pair, tuple | list) or len(pair) != 2:
                raise MatrixError(f"anchors[{key!r}]: give (worst, best), not {pair!r}")
        rows = frame_rows(frame, {
            "weight": weights, "direction": directions,
            "worst": {k: v[0] for k, v in anchors.items()},
            "best": {k: v[1] for k, v in anchors.items()}, "unit": units})
        with matrix_errors():
            result = parse_grid(rows, "", title)
        return cls(result.matrix, notes=result.warnings)

    # -- what it holds ---------------------------------------------------------
    @property
    def title(self) -> str:
        return self._model.metadata.title

    @property
    def options(self) -> list[str]:
        """Option names, in the matrix's order."""
        return [o.name for o in self._model.options]

    @property
    def criteria(self) -> list[str]:
        """Criterion names, in the matrix's order."""
        return [c.name for c in self._model.criteria]

    @property
    def profiles(self) -> list[str]:
        """Weight profile names; the active one is used when none is named."""
        return [p.name for p in self._model.profiles]

    @property
    def scenarios(self) -> list[str]:
        """Scenario names (empty when the matrix has none)."""
        return [s.name for s in self._model.scenarios]

    def to_model(self) -> DecisionMatrix:
        """A copy of the underlying :class:`~tradeoff.core.model.DecisionMatrix`."""
        return copy.deepcopy(self._model)

    def scores_frame(self) -> pd.DataFrame:
        """Options × criteria: scores in their own units, or level names; NaN if missing."""
        return scores_frame(self._model)

    def values_frame(self) -> pd.DataFrame:
        """Options × criteria: each score's value, 0 at the worst anchor, 1 at the best."""
        return values_frame(self._model, value_matrix(self._model))

    def weights(self, profile: str | None = None) -> pd.Series:
        """The profile's weights by criterion, normalised to sum to 1 (groups multiplied out)."""
        with matrix_errors():
            p = pick_profile(self._model, profile)
            return weights_series(self._model, normalised_weights(self._model, p))

    def screened_out(self, scenario: str | None = None) -> pd.DataFrame:
        """The options a must-have threshold (``must_reach``) keeps out of the ranking:
        one row per failed threshold, with the option's score and the threshold."""
        with matrix_errors():
            m = self._view(scenario)
        rows = [{"option": m.option(s.option).name, "criterion": m.criterion(s.criterion).name,
                 "score": s.score, "must_reach": s.threshold} for s in screen(m)]
        return pd.DataFrame(rows, columns=["option", "criterion", "score", "must_reach"])

    # -- results ---------------------------------------------------------------
    def score(self, profile: str | None = None, method: str = "wsm",
              scenario: str | None = None, *, normalisation: str | None = None,
              v: float | None = None, preference: str | None = None) -> pd.DataFrame:
        """The ranking, best first, as ``tradeoff score`` prints it.

        Columns: ``total``, ``rank`` (ties share a rank; empty for an option
        with a missing score), ``margin`` (the lead over the next option), then
        each criterion's contribution to the total (additive model only).
        ``method`` is ``wsm`` (the additive value model), ``wpm``, ``topsis``,
        ``vikor`` or ``promethee``; ``normalisation``, ``v`` and ``preference``
        are the TOPSIS, VIKOR and PROMETHEE settings of the command line. An
        option that fails a criterion's must-have threshold (``must_reach``) is
        left out of the ranking, as on the command line: see :meth:`screened_out`.
        """
        with matrix_errors():
            m = self._view(scenario)
            p = pick_profile(m, profile)
            settings = method_settings(m, method, normalisation=normalisation, v=v,
                                       preference=preference)
            kept = without_screened(m)  # as the command line: screened options are not ranked
            return score_frame(kept, score_by(kept, p, method, settings))

    def analyse(self, samples: int = DEFAULT_SAMPLES, seed: int | None = None,
                weights: str = "profile", *, profile: str | None = None,
                spread: float = analyse_command.DEFAULT_SPREAD_PCT,
                bounds: Mapping[str, tuple[float | None, float | None]] | None = None,
                distribution: str = "triangular", scenario: str | None = None) -> Analysis:
        """How robust the ranking is, as ``tradeoff analyse`` reports it.

        ``weights`` is how the Monte Carlo draws weights: ``profile`` (within
        ± ``spread`` percent of the profile's), ``uniform``, ``profiles``,
        ``ranking`` or ``bounds`` (``bounds`` maps a criterion to its
        (low, high) normalised weight in percent). ``seed`` None uses the
        command line's default seed, so a notebook rerun gives the same numbers.
        ``scenario`` names a scenario (the base case when None), or ``"all"`` to
        draw the scenario in each Monte Carlo draw too, by its probability (the
        other tables then describe the base case).
        """
        with matrix_errors():
            seed = DEFAULT_SEED if seed is None else seed
            analyse_command.check_run(samples, seed, spread)
            m, across = analyse_command.analysed_matrix(self._model, scenario)
            p = pick_profile(m, profile)
            result, share = analyse_command.monte_carlo(
                m, p, samples=samples, seed=seed, weights=weights, bounds=_fractions(bounds),
                spread=spread, distribution=distribution, across_scenarios=across)
            report = analyse_command.as_json(m, p, result, share)
            if across:
                report["monte_carlo"]["scenarios"] = analyse_command.scenario_shares(
                    m, samples, seed)
            return Analysis(report)

    def compare_scenarios(self, profile: str | None = None) -> ScenarioComparison:
        """Every scenario's ranking, regret and the minimax-regret choice, as
        ``tradeoff scenarios`` reports them (the matrix must have scenarios)."""
        from tradeoff.commands import scenarios as scenarios_command
        from tradeoff.core.scenarios import analyse_scenarios

        with matrix_errors():
            p = pick_profile(self._model, profile)
            report = scenarios_command.as_json(self._model, p,
                                               analyse_scenarios(self._model, p))
        return ScenarioComparison(report)

    # -- new matrices ------------------------------------------------------------
    def with_weights(self, weights: Mapping[str, float] | pd.Series,
                     profile: str | None = None) -> Matrix:
        """A new Matrix whose profile has these weights (by criterion or group name or id,
        in any positive units); weights not given are kept. This matrix is unchanged."""
        model = copy.deepcopy(self._model)
        with matrix_errors():
            p = pick_profile(model, profile)
            given = dict(weights.items())
            nodes = [*model.criteria, *model.groups]
            new = dict(p.weights)
            for key, w in given.items():
                new[find(nodes, key, "criterion or group", "criteria and groups")] = _plain(w)
            i = [q.id for q in model.profiles].index(p.id)
            model.profiles[i] = WeightProfile(p.id, p.name, new, p.description, p.method,
                                              dict(p.elicitation))
            _check(model)
        return Matrix(model, source=self.source)

    def with_scores(self, scores: pd.DataFrame | Mapping[tuple[str, str], Any]) -> Matrix:
        """A new Matrix with these cells replaced: a DataFrame (options × criteria, NaN
        leaves a cell as it is) or a dict ``{(option, criterion): score}`` (a level name on
        a level scale). Rationales and sources stay, and so does a low/high range that
        still holds the new score; one that does not is dropped, and :attr:`notes` says so.
        """
        model = copy.deepcopy(self._model)
        cells: dict[tuple[Any, Any], Any]
        if isinstance(scores, pd.DataFrame):
            cells = {(o, c): v for c in scores.columns for o, v in scores[c].items()
                     if not _blank(v)}
        else:
            cells = dict(scores)
        notes = []
        with matrix_errors():
            for (option, criterion), value in cells.items():
                oid = find(model.options, option, "option", "options")
                cid = find(model.criteria, criterion, "criterion", "criteria")
                old, new = model.score(oid, cid), _plain(value)
                cell = Score(new, old.low, old.high, old.rationale, old.source, old.distribution)
                if old.has_range and not _within(model.criterion(cid), cell):
                    cell = Score(new, rationale=old.rationale, source=old.source)
                    notes.append(f"scores.{oid}.{cid}: the range {old.low}…{old.high} does not "
                                 f"hold {new!r}, so the new score has none")
                model.scores[(oid, cid)] = cell
            _check(model)
        return Matrix(model, source=self.source, notes=notes)

    # -- files -----------------------------------------------------------------
    def save(self, path: PathLike) -> None:
        """Write a matrix file (``.toml``), atomically; ``tradeoff`` and the app open it."""
        with matrix_errors():
            write_matrix_file(copy.deepcopy(self._model), Path(path))

    def to_excel(self, path: PathLike, profile: str | None = None, *, analysis: bool = True,
                 normalisation: str | None = None, v: float | None = None,
                 preference: str | None = None) -> None:
        """Write the workbook ``tradeoff export`` writes: live formulas, so a weight
        changed in Excel re-ranks the options, and (unless ``analysis`` is False) the
        methods, sensitivity and Monte Carlo sheets."""
        model = copy.deepcopy(self._model)
        with matrix_errors():
            p = pick_profile(model, profile)
            settings = method_settings(model, None, normalisation=normalisation, v=v,
                                       preference=preference)
            name = Path(self.source).name if self.source else ""
            write_workbook(model, Path(path), p, settings, source_name=name, analysis=analysis)

    # -- display -----------------------------------------------------------------
    def __repr__(self) -> str:
        m = self._model
        return (f"<tradeoff.Matrix {self.title!r}: {len(m.options)} options × "
                f"{len(m.criteria)} criteria, {len(m.profiles)} profiles>")

    def _repr_html_(self) -> str:
        """The scored table under the active profile, as a notebook shows it."""
        from html import escape

        head = f"<p><b>{escape(self.title)}</b></p>"
        try:
            profile = pick_profile(self._model, None).name
            table = self.score().to_html(float_format=lambda x: f"{x:.3f}", na_rep="—")
        except (MatrixError, ValidationError) as e:
            return head + f"<p>{escape(str(e))}</p>"
        return f"{head}<p>Profile: {escape(profile)} · additive value model</p>{table}"

    # -- helpers -------------------------------------------------------------------
    def _view(self, scenario: str | None) -> DecisionMatrix:
        """The matrix as it stands in ``scenario`` (None: the base case)."""
        return apply_scenario(self._model, scenario)


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers, so the file writer and the checks accept them."""
    return value.item() if hasattr(value, "item") else value


def _fractions(bounds: Mapping[str, tuple[float | None, float | None]] | None
               ) -> list[tuple[str, tuple[float | None, float | None]]]:
    """Bounds in percent, as ``--bound NAME=LOW:HIGH`` takes them, as the fractions
    the sampler reads."""
    out = []
    for key, pair in (bounds or {}).items():
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise MatrixError(f"bounds[{key!r}]: give (low, high) in percent, not {pair!r}")
        try:
            low, high = (_percent(x) for x in pair)
        except (TypeError, ValueError):
            raise MatrixError(f"bounds[{key!r}]: {pair!r} are not percentages") from None
        out.append((str(key), (low, high)))
    return out


def _percent(x: Any) -> float | None:
    return None if _blank(x) else float(x) / 100


def _within(criterion: Criterion, cell: Score) -> bool:
    """Whether the cell's low/high range holds its value (False if any is unreadable)."""
    if cell.value is None:
        return False
    try:
        x = criterion.to_number(cell.value)
        low = x if cell.low is None else criterion.to_number(cell.low)
        high = x if cell.high is None else criterion.to_number(cell.high)
    except (KeyError, TypeError, ValueError):
        return False
    return min(low, high) <= x <= max(low, high)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _check(model: DecisionMatrix) -> None:
    problems: list[Problem] = check_matrix(model)
    if problems:
        raise ValidationError(problems)
