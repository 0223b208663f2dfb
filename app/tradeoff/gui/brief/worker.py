"""Builds a brief on a worker thread: the Monte Carlo inside it can take seconds.

The worker works on its own copy of the matrix, reports ``progress(done, total)``
from the Monte Carlo and ends with exactly one of ``finished(brief)``,
``failed(message)`` or ``cancelled()``; Cancel sets a flag the Monte Carlo
checks between chunks of draws.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from tradeoff.core.brief import BriefOptions, build_brief
from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.scenarios import scenario_view
from tradeoff.core.smaa import SmaaCancelled


class BriefWorker(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, matrix: DecisionMatrix, profile_id: str | None, scenario: str | None,
                 options: BriefOptions) -> None:
        super().__init__()
        self.matrix, self.profile_id, self.scenario = matrix, profile_id, scenario
        self.options = options
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the run to stop at the next chunk of draws (safe from any thread)."""
        self._stop.set()

    @Slot()
    def run(self) -> None:
        try:
            matrix = scenario_view(self.matrix, self.scenario)
            profile = None
            if matrix.profiles:
                profile = matrix.profile(self.profile_id)
            brief = build_brief(matrix, profile, self.options, progress=self.progress.emit,
                                cancelled=self._stop.is_set)
        except SmaaCancelled:
            self.cancelled.emit()
        except (TradeoffError, KeyError) as e:
            self.failed.emit(str(e))
        except Exception as e:  # shown in the dialog, never lost in the thread
            self.failed.emit(f"internal error: {type(e).__name__}: {e}")
        else:
            self.finished.emit(brief)
