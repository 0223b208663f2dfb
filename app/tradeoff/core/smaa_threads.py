"""Parts of a Monte Carlo worked on several threads, their results taken in order.

numpy lets go of the interpreter lock inside its loops (random numbers,
arithmetic, sorting, matrix products), so parts of draws worked on threads run
side by side. Results are taken in the order the parts were made, and each part's
random numbers come from its own child stream (see
:class:`tradeoff.core.smaa_scores.ScoreSampler`), so the figures are the same on
one thread or many.
"""

from __future__ import annotations

import math
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import numpy as np

MAX_THREADS = 4  # past a few, the parts are too small to share out


def default_threads() -> int:
    """The cores this process may run on (at most :data:`MAX_THREADS`)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        cores = os.cpu_count() or 1
    return max(1, min(MAX_THREADS, cores))


class PartPool:
    """A few worker threads (none for one: the parts then run where they are asked for)."""

    def __init__(self, threads: int) -> None:
        self.threads = max(1, threads)
        self._executor = ThreadPoolExecutor(self.threads, thread_name_prefix="smaa") \
            if self.threads > 1 else None

    def __enter__(self) -> PartPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._executor is not None:
            # parts not started are dropped (a cancelled run); running ones are short
            self._executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, job: Callable[..., Any], *args: Any) -> Future:
        """``job(*args)`` on a worker (at once, on this thread, without workers)."""
        if self._executor is not None:
            return self._executor.submit(job, *args)
        done: Future = Future()
        done.set_result(job(*args))
        return done

    def ordered(self, jobs: Iterable[tuple[Callable[[], Any], Any]]) -> Iterator[tuple[Any, Any]]:
        """(result, tag) of each (job, tag) in order, with a few jobs under way ahead;
        ``jobs`` is read lazily, so a cancel check in it stops the run promptly."""
        ahead: deque[tuple[Future, Any]] = deque()
        limit = 2 * self.threads
        try:
            for job, tag in jobs:
                ahead.append((self.submit(job), tag))
                while len(ahead) >= limit:
                    future, held = ahead.popleft()
                    yield future.result(), held
            while ahead:
                future, held = ahead.popleft()
                yield future.result(), held
        finally:
            for future, _ in ahead:
                future.cancel()


class Scratch:
    """Arrays reused from one piece of draws to the next, one set per job.

    A fresh array of a few hundred kilobytes per step is handed back to the
    system when freed and faulted in again, page by page, when next asked for;
    threads then queue for the process's page tables and scale poorly (two
    threads gave 1.2× instead of 1.8×). Buffers kept for the job's length do not.
    """

    def __init__(self) -> None:
        self._buffers: dict[str, np.ndarray] = {}

    def get(self, name: str, shape: tuple[int, ...], dtype: type) -> np.ndarray:
        """An uninitialised array of ``shape`` (the same memory as the last ``name``)."""
        size = math.prod(shape)  # np.prod of a tuple costs 10 µs, called 10,000s of times
        buffer = self._buffers.get(name)
        if buffer is None or buffer.size < size or buffer.dtype != dtype:
            buffer = self._buffers[name] = np.empty(size, dtype=dtype)
        return buffer[:size].reshape(shape)
