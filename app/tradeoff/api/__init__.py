"""The Python API: ``tradeoff.load``, ``tradeoff.Matrix``, ``tradeoff.MatrixError``.

It calls the same functions as the ``tradeoff`` command line, so a notebook,
a script, the app and the workbook give the same numbers.
"""

from tradeoff.api.analysis import Analysis
from tradeoff.api.errors import MatrixError
from tradeoff.api.matrix import Matrix, load
from tradeoff.api.scenarios import ScenarioComparison

__all__ = ["Analysis", "Matrix", "MatrixError", "ScenarioComparison", "load"]
