"""AHP pairwise comparisons: priorities, consistency, and the judgement to revisit.

Orientation: a judgement ``(i, j) = a`` says that i is *a* times as important
as j (so ``(i, j) = 3`` favours i, and ``(j, i) = 1/3`` says the same). Values
come from Saaty's 1–9 scale and its reciprocals.

Priorities (Saaty, T. L. 1980, *The Analytic Hierarchy Process*, McGraw-Hill):

* ``eigenvector``: the principal right eigenvector of the comparison matrix,
  A w = λ_max w, normalised to sum 1.
* ``geometric``: the normalised geometric means of the rows (Crawford, G. &
  Williams, C. 1985, "A note on the analysis of subjective judgement
  matrices", J. Math. Psych. 29, 387–405), i.e. the logarithmic least-squares
  solution.

Consistency: CI = (λ_max − n)/(n − 1) and CR = CI / RI with Saaty's random
indices (RANDOM_INDEX, tabulated for n ≤ 10; CR is not given beyond). Above
CR = 0.10 the judgements should be revisited; the one most at odds with the
priorities, the largest |ln(a_ij · w_j / w_i)|, is named with the value the
other judgements imply for it.

Blank judgements: allowed as long as the judgements still link every item to
every other, directly or through others. The eigenvector then follows Harker,
P. T. (1987), "Incomplete pairwise comparisons in the analytic hierarchy
process", Mathematical Modelling 9(11), 837–848: a blank a_ij becomes 0 and
each diagonal entry 1 + the number of blanks in its row. The geometric option
solves the logarithmic least-squares problem over the given judgements only
(Bozóki, S., Fülöp, J. & Rónyai, L. 2010, "On optimal completion of incomplete
pairwise comparison matrices", Math. Comput. Modelling 52, 318–333). For the
consistency ratio each blank is filled with w_i/w_j; with Harker's method the
completed matrix has the same λ_max, so CR reads as usual (with fewer
judgements it is easier to keep low, so treat it as a lower bound).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from tradeoff.core.errors import TradeoffError

SAATY_SCALE: dict[int, str] = {
    1: "equally important",
    2: "equally to moderately more important",
    3: "moderately more important",
    4: "moderately to strongly more important",
    5: "strongly more important",
    6: "strongly to very strongly more important",
    7: "very strongly more important",
    8: "very to extremely strongly more important",
    9: "extremely more important",
}

# Saaty (1980), random consistency index of matrices of order n.
RANDOM_INDEX: dict[int, float] = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24,
                                  7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49}
CR_THRESHOLD = 0.10
PRIORITY_METHODS = {"eigenvector": "principal eigenvector", "geometric": "geometric mean of rows"}

Judgements = dict[tuple[str, str], float]


@dataclass(frozen=True)
class Judgement:
    """A given judgement next to the ratio the priorities imply for it."""

    row: str
    col: str
    given: float      # how much more important row is than col, as judged
    implied: float    # w_row / w_col from the priorities

    @property
    def error(self) -> float:
        return abs(math.log(self.given / self.implied))


@dataclass
class AhpResult:
    """Priorities of a set of pairwise comparisons and how consistent they are."""

    items: list[str]
    weights: dict[str, float]
    method: str
    lambda_max: float
    ci: float
    ri: float | None
    cr: float | None
    blanks: int                              # judgements left blank (of n(n−1)/2)
    most_inconsistent: Judgement | None
    completed: np.ndarray                    # blanks filled with w_i/w_j

    @property
    def acceptable(self) -> bool:
        return self.cr is None or self.cr <= CR_THRESHOLD

    def warning(self, names: dict[str, str] | None = None) -> str | None:
        """A message when CR is above 0.10, naming the judgement to revisit first."""
        if self.acceptable or self.most_inconsistent is None:
            return None
        names = names or {}
        j = self.most_inconsistent
        row, col = names.get(j.row, j.row), names.get(j.col, j.col)
        return (f"The consistency ratio is {self.cr:.3f}, above {CR_THRESHOLD:.2f}: revisit the "
                f"judgements, starting with {row} against {col} (given "
                f"{format_ratio(j.given)}, while the other judgements imply about "
                f"{format_ratio(j.implied)}).")


def format_ratio(value: float) -> str:
    """A ratio as Saaty's scale writes it: 3, 1/5, or 2.4 when it is between steps."""
    if value >= 1:
        return f"{value:.2g}" if abs(value - round(value)) > 1e-9 else str(round(value))
    inverse = 1 / value
    return f"1/{round(inverse)}" if abs(inverse - round(inverse)) < 1e-9 else f"{value:.2g}"


def comparison_matrix(items: list[str], judgements: Judgements,
                      names: dict[str, str] | None = None) -> np.ndarray:
    """The reciprocal matrix of the judgements, 1 on the diagonal, NaN where blank.

    Raises TradeoffError naming a judgement about an unknown item, one off
    Saaty's 1/9…9 range, or two contradictory ones about the same pair
    (by the display ``names`` when given, else by id).
    """
    if len(set(items)) != len(items):
        raise TradeoffError("each item may be compared only once in a set of judgements")
    names = names or {}
    index = {item: k for k, item in enumerate(items)}
    a = np.full((len(items), len(items)), np.nan)
    np.fill_diagonal(a, 1.0)
    for (row, col), value in judgements.items():
        where = f"the judgement {names.get(row, row)} against {names.get(col, col)}"
        if row not in index or col not in index:
            unknown = row if row not in index else col
            raise TradeoffError(f"{where} names {unknown!r}, which is not being compared")
        if row == col:
            raise TradeoffError(f"{where} compares an item with itself")
        if (isinstance(value, bool) or not isinstance(value, int | float)
                or not math.isfinite(value) or not 1 / 9 - 1e-9 <= value <= 9 + 1e-9):
            raise TradeoffError(f"{where} is {value!r}; use Saaty's scale, 1/9 to 9")
        i, j = index[row], index[col]
        if not np.isnan(a[i, j]) and not math.isclose(a[i, j], value, rel_tol=1e-9):
            raise TradeoffError(f"{where} is given twice, as {format_ratio(a[i, j])} and "
                                f"{format_ratio(value)}")
        a[i, j], a[j, i] = value, 1.0 / value
    return a


def _check_connected(items: list[str], a: np.ndarray, names: dict[str, str]) -> None:
    known = ~np.isnan(a)
    reached, frontier = {0}, [0]
    while frontier:
        k = frontier.pop()
        for m in np.flatnonzero(known[k]):
            if int(m) not in reached:
                reached.add(int(m))
                frontier.append(int(m))
    if len(reached) < len(items):
        apart = items[min(set(range(len(items))) - reached)]
        raise TradeoffError(f"the judgements leave {names.get(apart, apart)} unlinked to "
                            f"{names.get(items[0], items[0])}, directly or through other "
                            "items; add a judgement that connects them")


def _eigenvector(a: np.ndarray) -> np.ndarray:
    """Harker's principal eigenvector (plain Saaty when nothing is blank)."""
    blank = np.isnan(a)
    c = np.where(blank, 0.0, a)
    c[np.diag_indices_from(c)] = 1.0 + blank.sum(axis=1)
    values, vectors = np.linalg.eig(c)
    w = np.abs(vectors[:, int(np.argmax(values.real))].real)
    return w / w.sum()


def _log_least_squares(a: np.ndarray) -> np.ndarray:
    """Minimise Σ (ln a_ij − ln w_i + ln w_j)² over the given judgements."""
    known = ~np.isnan(a)
    np.fill_diagonal(known, False)
    laplacian = np.diag(known.sum(axis=1).astype(float)) - known.astype(float)
    b = np.where(known, np.log(np.where(known, a, 1.0)), 0.0).sum(axis=1)
    y = np.linalg.lstsq(laplacian, b, rcond=None)[0]
    w = np.exp(y - y.max())
    return w / w.sum()


def ahp(items: list[str], judgements: Judgements, method: str = "eigenvector",
        names: dict[str, str] | None = None) -> AhpResult:
    """Priorities, consistency and the most inconsistent judgement of a comparison set.

    ``names`` (id → display name) only words the error messages.
    """
    if method not in PRIORITY_METHODS:
        raise TradeoffError(f"unknown priority method {method!r} (choose from "
                            f"{', '.join(PRIORITY_METHODS)})")
    n = len(items)
    names = names or {}
    a = comparison_matrix(items, judgements, names)
    if n == 0:
        return AhpResult([], {}, method, 0.0, 0.0, None, None, 0, None, a)
    _check_connected(items, a, names)
    w = _eigenvector(a) if method == "eigenvector" else _log_least_squares(a)
    ratio = w[:, None] / w[None, :]
    blank = np.isnan(a)
    completed = np.where(blank, ratio, a)
    lambda_max = float(np.max(np.linalg.eigvals(completed).real)) if n > 1 else 1.0
    ci = max((lambda_max - n) / (n - 1), 0.0) if n > 2 else 0.0
    ri = RANDOM_INDEX.get(n)
    cr = (ci / ri if ri else 0.0) if ri is not None else None
    worst: Judgement | None = None
    if n > 2:
        for i, j in zip(*np.triu_indices(n, k=1), strict=True):
            if blank[i, j]:
                continue
            candidate = Judgement(items[i], items[j], float(a[i, j]), float(ratio[i, j]))
            if worst is None or candidate.error > worst.error:
                worst = candidate
    return AhpResult(list(items), {item: float(x) for item, x in zip(items, w, strict=True)},
                     method, lambda_max, ci, ri, cr, int(blank[np.triu_indices(n, k=1)].sum()),
                     worst, completed)
