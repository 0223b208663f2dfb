"""Tradeoff: a desktop decision-matrix tool, and its Python API.

>>> import tradeoff
>>> m = tradeoff.load("matrices/budapest-summit.toml")
>>> m.score().index[0]
'Pause for deliverables'

``load``, ``Matrix``, ``Analysis``, ``ScenarioComparison`` and ``MatrixError`` load
on first use, so ``import tradeoff`` stays cheap for the app's start-up (pandas is
not imported until the API is).
"""

from __future__ import annotations

from tradeoff.version import APP_NAME, __version__

TYPE_CHECKING = False  # not typing's: importing typing would double the cost of this module
if TYPE_CHECKING:
    from typing import Any

    from tradeoff.api import Analysis, Matrix, MatrixError, ScenarioComparison, load

__all__ = ["APP_NAME", "Analysis", "Matrix", "MatrixError", "ScenarioComparison",
           "__version__", "load"]
_API = frozenset({"Analysis", "Matrix", "MatrixError", "ScenarioComparison", "load"})


def __getattr__(name: str) -> Any:
    if name in _API:
        from tradeoff import api

        return getattr(api, name)
    raise AttributeError(f"module 'tradeoff' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
