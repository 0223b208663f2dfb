"""The result of :meth:`tradeoff.Matrix.compare_scenarios`: the recommendation as a
contingent strategy, as ``tradeoff scenarios --format json`` reports it
(:func:`tradeoff.commands.scenarios.as_json`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd


@dataclass(frozen=True, repr=False)
class ScenarioComparison:
    """Every scenario's ranking, each option's regret and the minimax-regret choice.

    Attributes:
        totals: options × scenarios (base case first): each option's total there.
        winners: the option first in each scenario (the first of a tie), base case first.
        regret: options × scenarios: how far each option falls behind the scenario's best.
        max_regret: each option's largest regret over the scenarios.
        minimax_regret: the option(s) whose largest regret is smallest.
        expected: the probability-weighted total of each option, or None when the
            scenarios carry no probabilities.
        report: everything, as ``tradeoff scenarios --format json`` prints it
            (signposts included).
    """

    report: dict[str, Any]

    def _outcomes(self) -> list[dict[str, Any]]:
        return [self.report["base"], *self.report["scenarios"]]

    @property
    def totals(self) -> pd.DataFrame:
        columns = {o["name"]: {r["option"]: r["score"] for r in o["ranking"]}
                   for o in self._outcomes()}
        frame = pd.DataFrame(columns).astype(float)
        frame.index.name, frame.columns.name = "option", "scenario"
        return frame

    @property
    def winners(self) -> pd.Series:
        series = pd.Series({o["name"]: o["winner"] for o in self._outcomes()}, name="winner")
        series.index.name = "scenario"
        return series

    @property
    def regret(self) -> pd.DataFrame:
        frame = pd.DataFrame.from_dict(self.report["regret"], orient="index").astype(float)
        frame.index.name, frame.columns.name = "option", "scenario"
        return frame

    @property
    def max_regret(self) -> pd.Series:
        series = pd.Series(self.report["max_regret"], name="max_regret", dtype=float)
        series.index.name = "option"
        return series

    @property
    def minimax_regret(self) -> list[str]:
        return list(self.report["minimax_regret"])

    @property
    def expected(self) -> pd.Series | None:
        if self.report["expected"] is None:
            return None
        series = pd.Series(self.report["expected"], name="expected", dtype=float)
        series.index.name = "option"
        return series

    def __repr__(self) -> str:
        return (f"<tradeoff.ScenarioComparison of {self.report['matrix']!r}: "
                f"{len(self.report['scenarios'])} scenarios, minimax regret "
                f"{', '.join(self.minimax_regret)}>")

    def _repr_html_(self) -> str:
        return self.regret.assign(max_regret=self.max_regret).to_html(
            float_format=lambda x: f"{x:.3f}")
