"""The robustness views' figures worked out on a worker thread, for a large matrix.

:func:`compute_views` runs the core analyses behind the weight-sensitivity,
score-flip, tornado and stakeholder views, one after another, reporting
``progress(done, total)`` after each and stopping between them when asked;
:class:`RecomputeWorker` runs it on a QThread so the window stays responsive.
A very large matrix is worked out in the compact form the command line's
``analyse`` report uses (:mod:`tradeoff.commands.analyse_compact`): only the
change points where the leader changes, and only the flips that can change
the winner; every pair of lines would take minutes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.robustness_report import ReportTable, flip_report
from tradeoff.core.sensitivity import Sweep, all_sweeps
from tradeoff.core.stakeholders import StakeholderComparison, compare_profiles
from tradeoff.core.tornado import Tornado, tornado
from tradeoff.gui.common.background import BackgroundJob

STEPS = 4  # sweeps, flips, tornado, stakeholders


class Cancelled(Exception):
    """Raised between the views when the cancel check says stop."""


@dataclass
class Computed:
    """Each view's figures, or the message saying why there are none."""

    profile_id: str | None
    compact: bool
    sweeps: list[Sweep] | str
    flips: ReportTable | str
    tornado: Tornado | str
    comparison: StakeholderComparison | str


def outcome[T](work: Callable[[], T]) -> T | str:
    """``work()``, or the message of the bad input it refused (what a view shows then)."""
    try:
        return work()
    except (KeyError, TradeoffError) as e:
        return str(e)


def compute_views(matrix: DecisionMatrix, profile_id: str | None, compact: bool,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> Computed:
    """The four views' figures for ``matrix`` under the profile (the active one if None)."""
    steps = [
        lambda p: all_sweeps(matrix, p, winner_only=compact),
        lambda p: flip_report(matrix, p, possible_only=compact),
        lambda p: tornado(matrix, p),
        lambda p: compare_profiles(matrix),
    ]
    results: list[object] = []
    for done, step in enumerate(steps):
        if cancelled is not None and cancelled():
            raise Cancelled()
        results.append(outcome(lambda step=step: step(matrix.profile(profile_id))))
        if progress is not None:
            progress(done + 1, STEPS)
    return Computed(profile_id, compact, *results)  # type: ignore[arg-type]


class RecomputeWorker(BackgroundJob):
    """Runs :func:`compute_views` on its own copy of the matrix (see
    :class:`~tradeoff.gui.common.background.BackgroundJob`)."""

    stopped_by = (Cancelled,)

    def __init__(self, matrix: DecisionMatrix, profile_id: str | None, compact: bool) -> None:
        super().__init__()
        self.matrix, self.profile_id, self.compact = matrix, profile_id, compact

    def work(self) -> Computed:
        return compute_views(self.matrix, self.profile_id, self.compact, self.progress.emit,
                             self.stopping)
