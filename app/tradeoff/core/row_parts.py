"""Row-wise array work shared out over a few threads.

numpy lets go of the interpreter lock inside its loops, so blocks of rows worked
on threads run side by side, and beside Python work on the calling thread. Only
work where every row's result depends on that row alone is shared out this way,
so the numbers are the same on one thread or many: a row's sum adds the same
numbers in the same order whichever block it is in.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from tradeoff.core.smaa_threads import default_threads

SHARED_FROM = 1_000_000  # cells below which one thread is quicker than starting several

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _workers() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(default_threads(), thread_name_prefix="rows")
        return _pool


def start_row_blocks[R](rows: int, cells: int, job: Callable[[slice], R]
                     ) -> Callable[[], list[R]]:
    """Start ``job(block)`` for blocks of rows covering ``range(rows)``, on worker
    threads when the work (``cells`` numbers) is large enough to gain from them, and
    return the wait for their results, in block order. The caller may do other work
    before waiting; with one block, the job runs at once, here."""
    threads = default_threads() if cells >= SHARED_FROM else 1
    if threads < 2 or rows < 2 * threads:
        done = [job(slice(0, rows))]
        return lambda: done
    bounds = [rows * part // threads for part in range(threads + 1)]
    pool = _workers()
    futures = [pool.submit(job, slice(a, b))
               for a, b in itertools.pairwise(bounds)]
    # result() re-raises here an error raised in any block
    return lambda: [f.result() for f in futures]


def in_row_blocks[R](rows: int, cells: int, job: Callable[[slice], R]) -> list[R]:
    """:func:`start_row_blocks` and wait: the results of the blocks in order."""
    return start_row_blocks(rows, cells, job)()
