"""The cross-check worked out on a worker thread, for a matrix too large to follow edits.

PROMETHEE compares every pair of options on a criterion whose preference function
has a jump or a curve (u-shape, level, gaussian): at 10,000 options that is seconds
per criterion, far too long to hold the window. :class:`CrossCheckWorker` runs
:func:`~tradeoff.core.methods.crosscheck.crosscheck` on its own copy of the matrix,
reporting progress and stopping within a block of rows when cancelled.
"""

from __future__ import annotations

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.crosscheck import CrossCheck, CrossCheckCancelled, crosscheck
from tradeoff.core.methods.registry import MethodSettings
from tradeoff.core.model import DecisionMatrix
from tradeoff.gui.common.background import BackgroundJob


class CrossCheckWorker(BackgroundJob):
    """Runs :func:`crosscheck` (see :class:`~tradeoff.gui.common.background.BackgroundJob`)."""

    stopped_by = (CrossCheckCancelled,)

    def __init__(self, matrix: DecisionMatrix, profile_id: str | None,
                 settings: MethodSettings) -> None:
        super().__init__()
        self.matrix, self.profile_id, self.settings = matrix, profile_id, settings

    def work(self) -> CrossCheck:
        try:
            return crosscheck(self.matrix, self.profile_id, self.settings,
                              progress=self.progress.emit, cancelled=self.stopping)
        except KeyError as e:  # an unknown profile: the message the view shows
            raise TradeoffError(str(e.args[0])) from None
