"""How many decimals a printed total or weight threshold needs so that the text
never contradicts the numbers behind it.

Totals are shown with three decimals, but two options can be ranked apart by
less than 0.0005: printed alike, with a lead of "0.000", they would read as a
tie that the ranking does not make. A weight threshold rounded to the nearest
0.1 % can land on the weight it is compared with ("falls below 50.0 % (now
50.0 %)"), or past the change point, where the claim "it holds until then" is
no longer true.
"""

from __future__ import annotations

import math

import numpy as np

from tradeoff.core.scoring import RANK_DECIMALS

TOTAL_DECIMALS = 3  # what totals and leads get when three are enough
SHARE_DECIMALS = 1  # percentages, likewise
MAX_SHARE_DECIMALS = 6
# A weight move smaller than this is the solver's rounding noise: not worth a word. (The
# larger default of ClosestWin.moves leaves out moves that a whole percentage shows as 0 %.)
MOVE_TOL = 1e-9


def decimals_apart(totals: np.ndarray, at_least: int = TOTAL_DECIMALS,
                   order: np.ndarray | None = None) -> np.ndarray:
    """Decimals for each total (and its lead over the next) such that totals the ranking
    separates print differently, their order reads right and each lead prints above
    zero: ``at_least`` for most, more only for totals that lie close to a neighbour.

    Totals equal to :data:`~tradeoff.core.scoring.RANK_DECIMALS` decimals are the ranking's
    ties: they share their decimals, so they print alike. NaN (no total) gets ``at_least``.
    ``order``, the rows with a total in ranking order, saves sorting when it is known.
    """
    t = np.asarray(totals, dtype=float)
    out = np.full(t.shape, at_least, dtype=int)
    if order is None:
        ok = np.flatnonzero(~np.isnan(t))
        order = ok[np.argsort(-t[ok], kind="stable")]
    if order.size < 2:
        return out
    ranked = np.round(t[order], RANK_DECIMALS)
    gaps = np.abs(ranked[:-1] - ranked[1:])
    # Two totals more than 10^-d apart print on different d-decimal steps in the right
    # order (each is off by half a step at most), and their lead prints as one step at least.
    with np.errstate(divide="ignore"):
        needed = np.where(gaps > 0, np.floor(-np.log10(np.where(gaps > 0, gaps, 1.0))) + 1, 0)
    needed = np.clip(needed, at_least, RANK_DECIMALS).astype(int)
    ties = gaps == 0
    needed[ties] = at_least
    per_row = np.full(order.size, at_least, dtype=int)
    per_row[:-1] = needed  # the gap below each total
    per_row[1:] = np.maximum(per_row[1:], needed)  # and the gap above it
    # a run of tied totals shares the most decimals any of them needs
    starts = np.flatnonzero(np.concatenate(([True], ~ties)))
    per_row = np.repeat(np.maximum.reduceat(per_row, starts), np.diff(np.append(starts,
                                                                               order.size)))
    out[order] = per_row
    return out


def threshold_shares(at: float, now: float) -> tuple[str, str]:
    """A weight's change point ``at`` and its value ``now`` (both 0..1) as percentages
    printed apart: ``("17.5 %", "11.1 %")``.

    The change point is rounded toward ``now``, so "it holds unless the weight rises
    above X" stays true for every weight up to X; decimals are added (one at least)
    until the two texts differ.
    """
    rises = at > now
    for decimals in range(SHARE_DECIMALS, MAX_SHARE_DECIMALS + 1):
        step = 10.0 ** decimals
        scaled = at * 100 * step
        # the small allowance keeps a change point of exactly 17.5 % from printing 17.4 %
        edge = (math.floor(scaled + 1e-6) if rises else math.ceil(scaled - 1e-6)) / step
        edge_text, now_text = f"{edge:.{decimals}f}", f"{now * 100:.{decimals}f}"
        apart = float(edge_text) > float(now_text) if rises else \
            float(edge_text) < float(now_text)
        if apart:
            break
    return f"{edge_text} %", f"{now_text} %"


def share_decimals(x: float, at_least: int = SHARE_DECIMALS) -> int:
    """Decimals for the share ``x`` (0..1) as a percentage such that it reads 0 or 100
    only when it is exactly so: one, unless it lies within half a step of an end; then
    as many as show its first digit that differs, up to :data:`MAX_SHARE_DECIMALS`.

    Judged on the number, not on a text, so a spreadsheet that rounds halves its own
    way shows the same as Python prints.
    """
    if not 0 < x < 1:  # NaN too
        return at_least
    gap = min(x, 1 - x) * 100
    for decimals in range(at_least, MAX_SHARE_DECIMALS + 1):
        if gap > 0.500001 * 10.0 ** -decimals:
            return decimals
    return MAX_SHARE_DECIMALS


def share_text(x: float, space: str = "", at_least: int = SHARE_DECIMALS) -> str:
    """The share ``x`` (0..1) as a percentage that reads 0 or 100 only when it is exactly
    so: ``"99.98%"``, not ``"100.0%"``, for an option that lost 2 draws in 10,000.

    :func:`share_decimals` decimals, and where even those would round to an end, a bound
    (``"<0.000001%"``). ``space`` goes between the number and the sign; ``at_least``
    decimals are shown (0: ``"8%"``).
    """
    x += 0.0  # -0.0 reads as 0.0
    decimals = share_decimals(x, at_least)
    text = f"{x:.{decimals}%}"[:-1]
    if 0 < x < 1 and float(text) in (0.0, 100.0):
        bound = f"<{0:.{MAX_SHARE_DECIMALS - 1}f}1" if x < 0.5 else \
            f">99.{'9' * MAX_SHARE_DECIMALS}"
        return f"{bound}{space}%"
    return f"{text}{space}%"


def signed_share_text(x: float, at_least: int = SHARE_DECIMALS) -> str:
    """A change of share (-1..1) as :func:`share_text` words it, with its sign: ``"+8%"``."""
    return ("+" if x > 0 else "-" if x < 0 else "") + share_text(abs(x), at_least=at_least)


def decimals_from_zero(x: float, at_least: int = TOTAL_DECIMALS) -> int:
    """Decimals for a lead, a regret or a change ``x`` that print it as zero only when the
    ranking counts it as none (below 10^-RANK_DECIMALS): "margin 0.000" would read as a
    tie that the ranking does not make."""
    return int(decimals_apart(np.array([abs(x), 0.0]), at_least)[0])


def fixed_text(x: float, decimals: int = TOTAL_DECIMALS) -> str:
    """``x`` with ``decimals`` decimals; a value the ranking counts as zero (a net flow of
    -1e-17 left by the arithmetic) reads 0.000, never -0.000."""
    if round(x, RANK_DECIMALS) == 0:
        x = 0.0
    return f"{x:.{decimals}f}"


def correlation_text(x: float, decimals: int = 2) -> str:
    """A statistic of -1..1 (Kendall's τ) that reads 1 or -1 only when exactly so: one
    pair of 30 options ranked the other way round gives τ = 0.9954, "1.00" to two
    decimals, which says "the same order"."""
    for places in range(decimals, RANK_DECIMALS + 1):
        text = f"{x + 0.0:.{places}f}"
        if abs(x) == 1 or abs(float(text)) != 1:
            break
    return text
