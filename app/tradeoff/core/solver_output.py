"""Keep the MILP solver's own console output off standard output.

SciPy's bundled HiGHS may print diagnostic lines from C++ straight to file
descriptor 1 even with display switched off; in ``tradeoff score --format
json`` that would corrupt the JSON. The solver call runs with descriptor 1
pointed at the null device, and Python's own buffered output is flushed
first so nothing is lost or reordered.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()  # descriptor 1 is shared by every thread


@contextmanager
def quiet_solver() -> Iterator[None]:
    try:
        fd = sys.__stdout__.fileno() if sys.__stdout__ is not None else 1
    except (AttributeError, OSError, ValueError):  # no real stdout (a windowed build)
        yield
        return
    with _LOCK:
        for stream in (sys.stdout, sys.__stdout__):
            if stream is not None:
                try:
                    stream.flush()
                except (OSError, ValueError):
                    pass
        saved = os.dup(fd)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), fd)
            yield
        finally:
            os.dup2(saved, fd)
            os.close(saved)
