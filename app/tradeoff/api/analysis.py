"""The result of :meth:`tradeoff.Matrix.analyse`: robustness tables as DataFrames.

Every number comes from the report ``tradeoff analyse --format json`` prints
(:func:`tradeoff.commands.analyse.as_json`), so the notebook, the command line
and the workbook agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

FLIP_COLUMNS = ["option", "criterion", "direction", "current", "possible", "flips_beyond",
                "change", "share_of_scale", "new_winner", "text"]
STABILITY_COLUMNS = ["weight", "winner_low", "winner_high", "ranking_low", "ranking_high"]


@dataclass(frozen=True, repr=False)
class Analysis:
    """How robust the ranking is: weight stability, score flips and Monte Carlo (SMAA-2).

    Attributes:
        winner: the option ranked first under the profile (None on a tie or with no scores).
        rank_acceptability: options × ranks (1, 2, …): the share of Monte Carlo draws in
            which each option takes each rank; each row sums to 1.
        stability: one row per criterion: its normalised ``weight``, and the interval
            ``winner_low``…``winner_high`` of that weight (the others keeping their
            proportions) within which the winner stays first, and
            ``ranking_low``…``ranking_high`` within which the whole ranking holds.
        flips: the smallest single score change that would unseat the winner, one row per
            option and criterion where one exists, smallest share of the scale first.
        probability_best: the share of draws in which each option ranks first.
        confidence: each option's confidence factor: how often it ranks first with its
            central weights (NaN for an option never first).
        central_weights: options × criteria: the average weights that make each option
            first (NaN for an option never first).
        samples, seed: the Monte Carlo run; the same seed gives the same numbers.
        report: everything, as ``tradeoff analyse --format json`` prints it.
    """

    report: dict[str, Any]

    @property
    def winner(self) -> str | None:
        return self.report["winner"]

    @property
    def samples(self) -> int:
        return int(self.report["monte_carlo"]["samples"])

    @property
    def seed(self) -> int:
        return int(self.report["monte_carlo"]["seed"])

    @property
    def rank_acceptability(self) -> pd.DataFrame:
        shares = self.report["rank_acceptability"]
        ranks = len(next(iter(shares.values()), []))
        frame = pd.DataFrame.from_dict(shares, orient="index",
                                       columns=pd.RangeIndex(1, ranks + 1, name="rank"))
        frame.index.name = "option"
        return frame

    @property
    def probability_best(self) -> pd.Series:
        return self._series(self.report["probability_best"], "probability_best")

    @property
    def confidence(self) -> pd.Series:
        return self._series(self.report["confidence_factors"], "confidence")

    @property
    def central_weights(self) -> pd.DataFrame:
        frame = pd.DataFrame.from_dict(self.report["central_weights"], orient="index")
        frame.index.name, frame.columns.name = "option", "criterion"
        return frame.astype(float)

    @property
    def stability(self) -> pd.DataFrame:
        rows = {name: [s["weight"], *s["winner_interval"], *s["ranking_interval"]]
                for name, s in self.report["stability"].items()}
        frame = pd.DataFrame.from_dict(rows, orient="index", columns=STABILITY_COLUMNS)
        frame.index.name = "criterion"
        return frame.astype(float)

    @property
    def flips(self) -> pd.DataFrame:
        return pd.DataFrame(self.report["flips"], columns=FLIP_COLUMNS)

    @staticmethod
    def _series(data: dict[str, float], name: str) -> pd.Series:
        series = pd.Series(data, name=name, dtype=float)
        series.index.name = "option"
        return series

    def __repr__(self) -> str:
        return (f"<tradeoff.Analysis of {self.report['matrix']!r}: winner "
                f"{self.winner!r}, {self.samples:,} draws, seed {self.seed}>")

    def _repr_html_(self) -> str:
        """The rank acceptabilities, as a notebook shows them."""
        from html import escape

        head = (f"<p><b>{escape(str(self.report['matrix']))}</b> · profile "
                f"{escape(str(self.report['profile']))} · winner "
                f"{escape(str(self.winner))} · {self.samples:,} draws, seed {self.seed}</p>")
        table = self.rank_acceptability.to_html(float_format=lambda x: f"{x:.1%}")
        return head + table
