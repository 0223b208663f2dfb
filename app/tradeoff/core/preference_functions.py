"""PROMETHEE preference functions: Brans's six generalised criteria and their thresholds.

A criterion may carry its own preference function (``Criterion.promethee``),
saved in the matrix file; PROMETHEE II (:mod:`tradeoff.core.methods.promethee`)
uses it in place of the run's setting. This module is kept apart from the
methods package so that the model, the file reader and the criterion dialog
can use it without loading every scoring method.

The six generalised criteria (Brans & Vincke 1985, Table 1), with q the
indifference threshold, p the preference threshold and s the Gaussian
parameter, for a difference d > 0 between two scores (P = 0 when d ≤ 0):

* ``usual``     P = 1
* ``u-shape``   P = 0 if d ≤ q, else 1
* ``v-shape``   P = d / p if d ≤ p, else 1
* ``level``     P = 0 if d ≤ q, ½ if q < d ≤ p, else 1
* ``linear``    P = 0 if d ≤ q, (d − q)/(p − q) if q < d ≤ p, else 1
* ``gaussian``  P = 1 − exp(−d² / 2s²)

Thresholds are differences between two scores in the criterion's own units
(on a level scale, between level positions). ``level`` and ``linear`` accept
p = q, where they become a step at q, as a u-shape is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from tradeoff.core.errors import TradeoffError

KINDS = ("usual", "u-shape", "v-shape", "level", "linear", "gaussian")
# The thresholds each kind reads; a matrix file gives exactly these.
THRESHOLDS: dict[str, tuple[str, ...]] = {
    "usual": (), "u-shape": ("q",), "v-shape": ("p",), "level": ("q", "p"),
    "linear": ("q", "p"), "gaussian": ("s",),
}
THRESHOLD_NAMES = {"q": "indifference threshold", "p": "preference threshold",
                   "s": "Gaussian parameter"}


@dataclass(frozen=True)
class PreferenceFunction:
    """One of Brans's six generalised criteria with its thresholds."""

    kind: str = "usual"
    q: float = 0.0   # indifference threshold (u-shape, level, linear)
    p: float = 0.0   # preference threshold (v-shape, level, linear)
    s: float = 0.0   # Gaussian parameter

    @property
    def thresholds(self) -> dict[str, float]:
        """The thresholds this kind reads, by name, in the order q, p, s."""
        return {name: getattr(self, name) for name in THRESHOLDS.get(self.kind, ())}

    def problems(self) -> list[tuple[str, str]]:
        """What is wrong, as (key, message) pairs: ``function``, ``q``, ``p`` or ``s``.

        The file reader puts the key path in front of each message and the
        criterion dialog the key, so both say the same thing.
        """
        if self.kind not in KINDS:
            return [("function", f"unknown kind {self.kind!r} (choose from "
                                 f"{', '.join(KINDS)})")]
        found = []
        for name, value in self.thresholds.items():
            if not math.isfinite(value):
                found.append((name, f"{value} is not a finite number"))
            elif value < 0:
                found.append((name, f"must not be negative ({value:g}): it is a difference "
                                    "between two scores"))
        if found:
            return found
        if self.kind == "v-shape" and self.p <= 0:
            found.append(("p", "a v-shape needs p above 0"))
        if self.kind in ("level", "linear") and self.p < self.q:
            found.append(("p", f"must be at least q ({self.q:g})"))
        if self.kind == "gaussian" and self.s <= 0:
            found.append(("s", "a Gaussian needs a parameter s above 0"))
        return found

    def check(self, criterion: str) -> None:
        """Raise TradeoffError naming the criterion if the thresholds do not fit the kind."""
        found = self.problems()
        if found:
            text = "; ".join(message if key == "function" else f"{key}: {message}"
                             for key, message in found)
            raise TradeoffError(f"PROMETHEE preference function for {criterion}: {text}")

    def __call__(self, d: np.ndarray) -> np.ndarray:
        """P(d) for an array of differences (0 wherever d ≤ 0)."""
        d = np.asarray(d, dtype=float)
        pos = d > 0
        if self.kind == "usual":
            out = pos.astype(float)
        elif self.kind == "u-shape":
            out = (d > self.q).astype(float)
        elif self.kind == "v-shape":
            out = np.clip(d / self.p, 0.0, 1.0)
        elif self.kind == "level":
            out = np.where(d > self.p, 1.0, np.where(d > self.q, 0.5, 0.0))
        elif self.kind == "linear" and self.p > self.q:
            out = np.clip((d - self.q) / (self.p - self.q), 0.0, 1.0)
        elif self.kind == "linear":  # p = q: the ramp has no width, a step at q
            out = (d > self.q).astype(float)
        else:
            out = 1.0 - np.exp(-(d * d) / (2.0 * self.s * self.s))
        return np.where(pos, out, 0.0)

    def describe(self) -> str:
        """E.g. ``linear (q = 1, p = 3)``, as the results name the function used."""
        extra = ", ".join(f"{name} = {value:g}" for name, value in self.thresholds.items())
        return f"{self.kind} ({extra})" if extra else self.kind


# The run's setting, for the criteria without a function of their own.
RUN_PREFERENCES = {"range": "v-shape with p = the range of each criterion's scores",
                   "usual": "usual criterion: any difference is a strict preference"}


def run_preferences(criterion_ids: list[str], setting: str) -> dict[str, PreferenceFunction]:
    """The per-criterion functions a run setting stands for ({} is PROMETHEE's default,
    a v-shape over each criterion's range); a criterion's own function still comes first."""
    if setting not in RUN_PREFERENCES:
        raise ValueError(f"unknown PROMETHEE setting {setting!r}")
    if setting == "usual":
        return {cid: PreferenceFunction("usual") for cid in criterion_ids}
    return {}
