"""Errors the core raises. Each one says what is wrong and where."""

from __future__ import annotations

from dataclasses import dataclass


class TradeoffError(Exception):
    """Base class for problems caused by the user's input (exit status 2 in the CLI)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a matrix: a dotted key path and a message."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class ValidationError(TradeoffError):
    """A matrix (or a matrix file) breaks one or more rules."""

    def __init__(self, problems: list[Problem], source: str | None = None) -> None:
        self.problems = list(problems)
        self.source = source
        super().__init__(self._format())

    def _format(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        lines = [f"{prefix}{p}" for p in self.problems]
        return "\n".join(lines)


class WeightError(TradeoffError):
    """Weights that cannot be normalised (negative, or all zero)."""
