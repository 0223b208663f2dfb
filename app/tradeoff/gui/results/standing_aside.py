"""The "Could it win?" column worked out on a worker thread for a larger matrix.

Up to :data:`AT_ONCE_LIMIT` options the column takes a fraction of a second and is
filled where it is asked for; above, an LP per option (and the dominance check of
every pair) takes seconds, so :class:`StandingAside` works it out on a copy of the
matrix while the window stays usable. A request made while a run is under way is
kept (only the latest) and started when that run ends; the run's own result is then
out of date and is dropped, so the column never shows an answer for an older matrix.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QThread, Signal

from tradeoff.core.model import DecisionMatrix
from tradeoff.gui.common.background import BackgroundJob, end_thread, start_in_thread
from tradeoff.gui.common.snapshot import snapshot

AT_ONCE_LIMIT = 300  # options: up to here the column is worked out where it is asked for
PENDING = ("…", "Working out whether it could come first under some weights…")

Request = tuple[DecisionMatrix, set[int], np.ndarray | None]


class StandingJob(BackgroundJob):
    def __init__(self, view: DecisionMatrix, screened: set[int],
                 reference: np.ndarray | None) -> None:
        super().__init__()
        self.view, self.screened, self.reference = view, screened, reference

    def work(self) -> dict[int, tuple[str, str]]:
        # loaded with the first run, not at start-up (as the panel loads it)
        from tradeoff.gui.results.standing import standing_texts

        return standing_texts(self.view, self.screened, self.reference)


class StandingAside(QObject):
    """Runs :func:`standing_texts` on a worker thread, one run at a time."""

    ready = Signal(object)  # row → (text, tooltip)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: StandingJob | None = None
        self._thread: QThread | None = None
        self._next: Request | None = None

    @property
    def running(self) -> bool:
        return self._job is not None

    def request(self, view: DecisionMatrix, screened: set[int],
                reference: np.ndarray | None) -> None:
        """Work out the column for ``view`` (copied now: later edits cannot reach it)."""
        asked = (snapshot(view), set(screened), reference)
        if self.running:
            self._next = asked  # the run under way answers an older question
            return
        self._start(asked)

    def _start(self, asked: Request) -> None:
        self._job = StandingJob(*asked)
        self._thread = start_in_thread(self, self._job, lambda _d, _t: None, self._finished,
                                       self._failed, self._stop_thread)

    def _finished(self, texts: dict[int, tuple[str, str]]) -> None:
        self._ended(lambda: self.ready.emit(texts))

    def _failed(self, message: str) -> None:
        self._ended(lambda: self.failed.emit(message))

    def _ended(self, tell: Callable[[], None]) -> None:
        """After a run: start the request kept meanwhile (the run's answer is out of
        date), or ``tell`` the answer."""
        self._stop_thread()
        if self._next is not None:
            asked, self._next = self._next, None
            self._start(asked)
            return
        tell()

    def _stop_thread(self) -> None:
        job, thread = self._job, self._thread
        self._job = self._thread = None
        end_thread(job, thread)

    def shutdown(self) -> None:
        """Drop any request and wait for a run under way to end (the window is closing)."""
        self._next = None
        self._stop_thread()
