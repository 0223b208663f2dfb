"""Builds a brief on a worker thread: the Monte Carlo inside it can take seconds.

The worker works on its own copy of the matrix, reports ``progress(done, total)``
from the Monte Carlo and ends with exactly one of ``finished(brief)``,
``failed(message)`` or ``cancelled()``; Cancel sets a flag the Monte Carlo
checks between chunks of draws.
"""

from __future__ import annotations

from tradeoff.core.brief import BriefOptions, build_brief
from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.scenarios import scenario_view
from tradeoff.core.smaa import SmaaCancelled
from tradeoff.gui.common.background import BackgroundJob


class BriefWorker(BackgroundJob):
    stopped_by = (SmaaCancelled,)
    told_as_is = (TradeoffError, KeyError)

    def __init__(self, matrix: DecisionMatrix, profile_id: str | None, scenario: str | None,
                 options: BriefOptions) -> None:
        super().__init__()
        self.matrix, self.profile_id, self.scenario = matrix, profile_id, scenario
        self.options = options

    def work(self) -> object:
        matrix = scenario_view(self.matrix, self.scenario)
        profile = None
        if matrix.profiles:
            profile = matrix.profile(self.profile_id)
        return build_brief(matrix, profile, self.options, progress=self.progress.emit,
                           cancelled=self.stopping)
