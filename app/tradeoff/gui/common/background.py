"""Work that takes seconds, done on a worker thread while the window stays usable.

A :class:`BackgroundJob` says what to work out in :meth:`~BackgroundJob.work`,
reporting ``progress(done, total)`` and asking :meth:`~BackgroundJob.stopping`
between pieces; it ends with exactly one of ``finished(result)``,
``failed(message)`` or ``cancelled()``. :func:`start_in_thread` moves it to a
QThread of its own and connects its signals. The Monte Carlo, the brief and
the robustness views' recomputation all run this way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from tradeoff.core.errors import TradeoffError


class BackgroundJob(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    # What work() raises when it stops on request.
    stopped_by: tuple[type[BaseException], ...] = ()
    # Errors whose message is the user's to read as it is (bad input, not a defect).
    told_as_is: tuple[type[BaseException], ...] = (TradeoffError,)

    def __init__(self) -> None:
        super().__init__()
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next check (safe from any thread)."""
        self._stop.set()

    def stopping(self) -> bool:
        return self._stop.is_set()

    def work(self) -> Any:
        raise NotImplementedError

    @Slot()
    def run(self) -> None:
        try:
            result = self.work()
        except self.stopped_by:
            self.cancelled.emit()
        except self.told_as_is as e:
            self.failed.emit(str(e))
        except Exception as e:  # shown where the work was asked for, never lost in the thread
            self.failed.emit(f"internal error: {type(e).__name__}: {e}")
        else:
            self.finished.emit(result)


def start_in_thread(parent: QObject, job: BackgroundJob,
                    progress: Callable[[int, int], None], finished: Callable[[Any], None],
                    failed: Callable[[str], None], cancelled: Callable[[], None]) -> QThread:
    """Run ``job`` on a new QThread (a child of ``parent``), its signals to these slots."""
    thread = QThread(parent)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.progress.connect(progress)
    job.finished.connect(finished)
    job.failed.connect(failed)
    job.cancelled.connect(cancelled)
    thread.start()
    return thread


def end_thread(job: BackgroundJob | None, thread: QThread | None) -> None:
    """Disconnect ``job``'s signals (a result still on its way is dropped) and wait for
    ``thread`` to finish. Call after :meth:`BackgroundJob.cancel` to stop a run, or once
    its result has arrived."""
    if job is not None:
        for signal in (job.progress, job.finished, job.failed, job.cancelled):
            signal.disconnect()
    if thread is not None:
        thread.quit()
        thread.wait()
