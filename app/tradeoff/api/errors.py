"""The one error the Python API raises for bad input."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tradeoff.core.errors import TradeoffError


class MatrixError(TradeoffError, ValueError):
    """A bad matrix file or argument.

    The message is the one ``tradeoff`` prints on the command line for the same
    mistake, with the key path of the offending entry, e.g.
    ``matrix.toml: criteria[2].best: must differ from worst``.
    """


@contextmanager
def matrix_errors() -> Iterator[None]:
    """Turn the errors the command line reports (exit status 2) into MatrixError."""
    try:
        yield
    except MatrixError:
        raise
    except TradeoffError as e:
        raise MatrixError(str(e)) from e
