"""What start-up loads before PySide6, and the collector set for the rest of the start.

Imported first by :mod:`tradeoff.gui.window.app`:

* numpy, pandas and the Qt-free part of Tradeoff the first window needs load before
  PySide6 on purpose: once PySide6 is imported it installs an import hook that
  inspects every later module (it reads each one's source), and pandas brings
  hundreds; loading them first saves about 150 ms of start-up, the core and file
  modules about 4 ms more.
* Then the objects made so far are frozen (:func:`gc.freeze`): they live as long as
  the process, and without it the start-up's later allocations (Qt's enums, the
  window) set off a full collection that scans every one of pandas' objects again,
  about 17 ms before the first paint. Later collections skip them too.
"""

from __future__ import annotations

import gc

import numpy  # noqa: F401
import pandas  # noqa: F401

import tradeoff.core.dominance
import tradeoff.core.edits
import tradeoff.core.errors
import tradeoff.core.palette
import tradeoff.core.scoring
import tradeoff.core.screening
import tradeoff.core.value_cache
import tradeoff.io.matrix_file
import tradeoff.paths
import tradeoff.version  # noqa: F401

gc.freeze()
