"""Potential optimality: could an option rank first under *any* admissible weights?

For option *a* with values ``v_a`` (each criterion's value function applied,
0…1) and the admissible weights ``W`` (see :mod:`tradeoff.core.weight_regions`:
the simplex, optionally narrowed by per-criterion bounds or a ranking of the
criteria — the same information the Monte Carlo accepts), solve the linear
programme::

    t* = max  t   over w ∈ W, t free
         s.t. w · (v_a − v_b) ≥ t   for every other option b

*a* is **potentially optimal** when ``t* ≥ 0``: some admissible weight vector
makes its total at least every other total, so it ranks first (ties share the
better rank). Otherwise it is **never first under any admissible weights**,
and the LP dual says why: multipliers ``λ_b ≥ 0`` summing to 1 such that the
blend ``Σ λ_b v_b`` of other options outscores *a* under every admissible
weight vector, by at least ``−t*`` (Hazen, G. B. (1986), "Partial
information, dominance, and potential optimality in multiattribute utility
theory", Operations Research 34(2), 296–310; the LP form as in Mármol, A. M.
et al. (2002), EJOR 136, and in Salo & Hämäläinen's PRIME, IEEE SMC-A 31(6), 2001).
Solved exactly with SciPy's HiGHS (:func:`scipy.optimize.linprog`); the
decision does not depend on sampling.

Speed: a sample of admissible weights first finds many winners, each proven
by its own weight vector (checked exactly). The rest are solved in one
batched LP against a few strong competitors (the options that beat *a* where
it does best): a relaxation, so ``t* < 0`` there already proves "never
first" and its dual is a valid certificate; a solution with ``t* ≥ 0`` is
checked against every option and, if some beats it, those join the LP and it
is solved again (constraint generation). An option that wins only in a thin
corner of the simplex, which sampling misses, is found by the LP.

Best attainable rank: the smallest rank an option takes under any admissible
weights, by a mixed-integer programme (:func:`scipy.optimize.milp`): one
binary per rival, 1 when that rival may outscore the option.

API (pure; ``values`` is options × criteria without missing cells):

* :func:`potential_optimality` → one :class:`Optimality` per row;
* :func:`best_attainable_rank` → an int per row asked for;
* :func:`matrix_optimality` → the same keyed by option id for a matrix,
  leaving out options with a missing score.

For "how far would the weights have to move for it to win?", see
:func:`tradeoff.core.closest_win.closest_wins`; for "another option is at least
as good on everything", :mod:`tradeoff.core.dominance`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix
from tradeoff.core.scoring import RANK_DECIMALS, competition_ranks, value_matrix
from tradeoff.core.smaa_sampling import WeightSampler, WeightSpec
from tradeoff.core.solver_output import quiet_solver
from tradeoff.core.weight_regions import WeightRegion, regions_for

TOL = 1e-9  # leads within this of 0 are ties (totals are 0…1)
HINT_DRAWS = 1000  # admissible weight vectors tried before any LP
SEED_RIVALS = 16  # competitors each option's first LP starts with
ADD_RIVALS = 10  # violated competitors added per round
MAX_ROUNDS = 60
TILTS = (1.0, 2.0, 4.0)  # how hard hint weights lean towards an option's strengths
BATCH = 128  # options per LP call
BEST_RANK_OPTIONS = 30  # matrix_optimality computes best ranks up to this many options
RANK_TIME_LIMIT = 2.0  # seconds per option's MILP
# Presolve costs more than it saves on these small block-diagonal LPs.
HIGHS = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10,
         "presolve": False}


@dataclass(frozen=True)
class Optimality:
    """Whether one option can rank first, with the proof either way.

    ``witness`` (flat weights in criteria order) makes it first when it is
    potentially optimal, ``lead`` being its total minus the best other total
    there (0: it only ties for first). When it is never first, ``beaten_by``
    maps row indices of other options to shares (summing to 1) of a blend
    that outscores it under every admissible weight vector by at least
    ``shortfall``; a single option with share 1 beats it outright.
    """

    potentially_optimal: bool
    witness: np.ndarray | None = None
    lead: float | None = None
    beaten_by: dict[int, float] = field(default_factory=dict)
    shortfall: float | None = None

    @property
    def only_tied(self) -> bool:
        """True when it can at best tie for first, never lead on its own."""
        return self.potentially_optimal and self.lead is not None and self.lead <= TOL


def potential_optimality(values: np.ndarray, spec: WeightSpec, seed: int = 0
                         ) -> list[Optimality]:
    """Potential optimality of every row of ``values`` under the weights ``spec`` allows.

    ``seed`` only chooses which witness is reported when there are many; the
    verdicts do not depend on it.
    """
    v = np.asarray(values, float)
    n = v.shape[0]
    if v.ndim != 2 or v.shape[1] != spec.criteria:
        raise TradeoffError("the values need one column per criterion of the weight spec")
    if not np.isfinite(v).all():
        raise TradeoffError("potential optimality needs every score; leave out options with "
                            "a missing score")
    regions = regions_for(spec)
    out: dict[int, Optimality] = {}
    if n == 1:
        w = _feasible_point(regions[0])
        return [Optimality(True, w, np.inf)]
    hints = _hints(v, spec, regions, seed)
    out.update(_winners(v, hints))
    pending = [a for a in range(n) if a not in out]
    certificates: dict[int, Optimality] = {}
    for region in regions:
        if not pending:
            break
        found, refused = _solve(v, pending, region, hints)
        out.update(found)
        for a, cert in refused.items():
            certificates.setdefault(a, cert)
        pending = [a for a in pending if a not in found]
    for a in pending:  # never first in any region: keep the proof (of the first region)
        out[a] = certificates[a] if len(regions) == 1 else Optimality(False)
    return [out[a] for a in range(n)]


def _hints(v: np.ndarray, spec: WeightSpec, regions: list[WeightRegion], seed: int
           ) -> np.ndarray:
    """Admissible weight vectors worth trying before any LP.

    Draws from the spec (as the Monte Carlo makes them), each criterion alone,
    and for each option weights tilted towards the criteria where it stands
    out (``w ∝ exp(β z)``, z its standardised values): these find most of the
    options that can win, cheaply. Only vectors inside a region are kept.
    """
    drawn = WeightSampler(spec, np.random.default_rng(seed)).draw(HINT_DRAWS)
    spread = v.std(axis=0)
    z = (v - v.mean(axis=0)) / np.where(spread > 0, spread, 1.0)
    tilted = [np.exp(beta * (z - z.max(axis=1, keepdims=True))) for beta in TILTS]
    extra = np.vstack([np.eye(v.shape[1]), *tilted])
    extra /= extra.sum(axis=1, keepdims=True)
    inside = np.array([any(r.contains(w) for r in regions) for w in extra], dtype=bool) \
        if spec.mode != "uniform" else np.ones(len(extra), dtype=bool)
    return np.vstack([drawn, extra[inside]])


def _winners(v: np.ndarray, hints: np.ndarray) -> dict[int, Optimality]:
    """Options that lead outright under some hint, each with its best such hint."""
    totals = hints @ v.T  # draws × options
    first = np.argmax(totals, axis=1)
    top = np.take_along_axis(totals, first[:, None], axis=1)[:, 0]
    totals[np.arange(len(first)), first] = -np.inf
    lead = top - totals.max(axis=1)
    clear = np.flatnonzero(lead > TOL)
    clear = clear[np.argsort(-lead[clear], kind="stable")]  # best lead first …
    options, at = np.unique(first[clear], return_index=True)  # … so each keeps its best
    return {int(a): Optimality(True, hints[clear[i]].copy(), float(lead[clear[i]]))
            for a, i in zip(options, at, strict=True)}


def _feasible_point(region: WeightRegion) -> np.ndarray:
    m = region.criteria
    res = _linprog(np.zeros(m), region.order_rows(), np.zeros(len(region.order)),
                   np.ones((1, m)), region.lower, region.upper)
    if res.status != 0:
        raise TradeoffError("no weights satisfy the weight information given")
    return res.x


def _linprog(c, a_ub, b_ub, a_eq, lower, upper):
    return linprog(c, A_ub=a_ub if a_ub.shape[0] else None, b_ub=b_ub if a_ub.shape[0] else None,
                   A_eq=a_eq, b_eq=np.ones(a_eq.shape[0]), bounds=np.c_[lower, upper],
                   method="highs", options=HIGHS)


def _solve(v: np.ndarray, pending: list[int], region: WeightRegion, hints: np.ndarray
           ) -> tuple[dict[int, Optimality], dict[int, Optimality]]:
    """Constraint generation over one region for the options not yet decided."""
    n = v.shape[0]
    # Seed rivals: the options that beat a under the hint where a does best.
    totals = hints @ v.T
    gap = totals[:, pending] - totals.max(axis=1, keepdims=True)
    best_hint = hints[np.argmax(gap, axis=0)]
    rivals: dict[int, list[int]] = {}
    for k, a in enumerate(pending):
        at = v @ best_hint[k]
        at[a] = -np.inf
        rivals[a] = [int(b) for b in _top(at, SEED_RIVALS) if b != a]
    found: dict[int, Optimality] = {}
    refused: dict[int, Optimality] = {}
    todo = list(pending)
    for _ in range(MAX_ROUNDS):
        if not todo:
            break
        results = []
        for start in range(0, len(todo), BATCH):  # small batches: HiGHS's work per
            # iteration grows with the LP, while each call has a fixed cost
            chunk = todo[start:start + BATCH]
            results += _batch_lp(v, [(a, rivals[a]) for a in chunk], region)
        again = []
        for a, (t, w, duals) in zip(todo, results, strict=True):
            if t < -TOL:
                shares = {b: float(d) for b, d in zip(rivals[a], duals, strict=True) if d > 1e-12}
                refused[a] = Optimality(False, beaten_by=shares, shortfall=float(-t))
                continue
            others = v @ w
            own = others[a]
            others[a] = -np.inf
            lead = float(own - others.max())
            if lead >= t - TOL:  # no option outside the LP does better: t* is exact
                found[a] = Optimality(True, w, lead)
                continue
            beating = _top(others, ADD_RIVALS)
            rivals[a] += [int(b) for b in beating
                          if others[b] > own - t + TOL and int(b) not in rivals[a]]
            again.append(a)
        todo = again
    if todo:
        raise TradeoffError(f"the potential-optimality LP did not settle for {len(todo)} of "
                            f"{n} options")
    return found, refused


def _top(x: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest entries, largest first."""
    if k < x.size:
        part = np.argpartition(-x, k - 1)[:k]
        return part[np.argsort(-x[part], kind="stable")]
    return np.argsort(-x, kind="stable")


def _batch_lp(v: np.ndarray, jobs: list[tuple[int, list[int]]], region: WeightRegion
              ) -> list[tuple[float, np.ndarray, np.ndarray]]:
    """Solve the (independent) LPs of several options as one block-diagonal LP.

    Per block, variables (w, t): min −t, t − w·(v_a − v_b) ≤ 0 per rival b,
    the region's order rows, Σw = 1. Returns (t*, w*, λ) per job, λ the
    duals of the rival rows (shares of the blend that beats a).
    """
    m = v.shape[1]
    k = len(jobs)
    order = region.order_rows().tocoo()
    per_order = order.shape[0]
    rows, cols, vals, spans = [], [], [], []
    row = 0
    for job, (a, rivals) in enumerate(jobs):
        r = len(rivals)
        base = job * (m + 1)
        # t − w·(v_a − v_b) ≤ 0 for each rival b
        rows += [np.repeat(np.arange(row, row + r), m), np.arange(row, row + r)]
        cols += [np.tile(np.arange(base, base + m), r), np.full(r, base + m)]
        vals += [(v[rivals] - v[a]).ravel(), np.ones(r)]
        spans.append((row, row + r))
        row += r
        if per_order:  # the region's order rows, on this block's weights
            rows.append(order.row + row)
            cols.append(order.col + base)
            vals.append(order.data)
            row += per_order
    a_ub = sparse.csr_array((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))),
                            shape=(row, k * (m + 1)))
    eq_cols = (np.arange(k)[:, None] * (m + 1) + np.arange(m)).ravel()
    a_eq = sparse.csr_array((np.ones(k * m), (np.repeat(np.arange(k), m), eq_cols)),
                            shape=(k, k * (m + 1)))
    c = np.tile(np.r_[np.zeros(m), -1.0], k)
    lower = np.tile(np.r_[region.lower, -np.inf], k)
    upper = np.tile(np.r_[region.upper, np.inf], k)
    res = linprog(c, A_ub=a_ub, b_ub=np.zeros(row), A_eq=a_eq, b_eq=np.ones(k),
                  bounds=np.c_[lower, upper], method="highs", options=HIGHS)
    if res.status == 2:
        raise TradeoffError("no weights satisfy the weight information given")
    if res.status != 0:
        raise TradeoffError(f"the potential-optimality LP failed: {res.message}")
    x = res.x.reshape(k, m + 1)
    duals = -np.asarray(res.ineqlin.marginals)
    return [(float(x[i, m]), np.clip(x[i, :m], 0, None), duals[s:e])
            for i, (s, e) in enumerate(spans)]


def best_attainable_rank(values: np.ndarray, spec: WeightSpec, rows: list[int] | None = None,
                         time_limit: float = RANK_TIME_LIMIT) -> dict[int, int]:
    """The best rank each row in ``rows`` (default all) can take under admissible weights.

    Mixed-integer programme per option *a*: minimise Σ z_b over binaries z_b
    and weights w ∈ W with ``w·(v_b − v_a) ≤ M_b z_b`` (``M_b`` the largest
    gain of b over a on any criterion), so that a rival with z_b = 0 does not
    outscore *a*; the rank is 1 + Σ z. The weights found are checked by
    ranking them directly, and that rank (attainable for certain) is returned;
    if ``time_limit`` (seconds per option) cuts a search short, it is the
    best rank found, which a longer search might still improve.
    """
    v = np.asarray(values, float)
    n = v.shape[0]
    rows = list(range(n)) if rows is None else rows
    regions = regions_for(spec)
    out: dict[int, int] = {}
    for a in rows:
        best = n
        for region in regions:
            best = min(best, _rank_milp(v, a, region, time_limit))
        out[a] = best
    return out


def _rank_milp(v: np.ndarray, a: int, region: WeightRegion, time_limit: float) -> int:
    n, m = v.shape
    diff = v - v[a]  # rows: rivals' gains over a per criterion
    rivals = [b for b in range(n) if b != a and diff[b].max() > TOL]
    if not rivals:
        return 1
    big = diff[rivals].max(axis=1)
    k = len(rivals)
    # variables: w (m), z (k)
    gains = sparse.hstack([sparse.csr_array(diff[rivals]), sparse.diags_array(-big)])
    order = sparse.hstack([region.order_rows(), sparse.csr_array((len(region.order), k))])
    total = sparse.csr_array(np.r_[np.ones(m), np.zeros(k)][None, :])
    constraints = [LinearConstraint(gains, -np.inf, 0.0),
                   LinearConstraint(total, 1.0, 1.0)]
    if region.order:
        constraints.append(LinearConstraint(order, -np.inf, 0.0))
    with quiet_solver():
        res = milp(np.r_[np.zeros(m), np.ones(k)], constraints=constraints,
                   integrality=np.r_[np.zeros(m), np.ones(k)],
                   bounds=Bounds(np.r_[region.lower, np.zeros(k)],
                                 np.r_[region.upper, np.ones(k)]),
                   options={"time_limit": time_limit})
    if res.x is None:
        return n
    w = np.clip(res.x[:m], 0, None)
    w = w / w.sum()
    totals = np.round(v @ w, RANK_DECIMALS)
    return int(competition_ranks(totals)[a])


@dataclass
class MatrixOptimality:
    """Potential optimality and best ranks of a matrix's options, keyed by option id."""

    options: dict[str, Optimality]
    best_rank: dict[str, int]
    criteria: list[str]  # criterion ids, the order of the witness weights
    left_out: list[str]  # options with a missing score (not judged)
    # never-first options: the blend of option ids (shares) that outscores each everywhere
    blends: dict[str, dict[str, float]] = field(default_factory=dict)

    def witness_weights(self, option_id: str) -> dict[str, float] | None:
        o = self.options.get(option_id)
        if o is None or o.witness is None:
            return None
        return dict(zip(self.criteria, map(float, o.witness), strict=True))

    def never_first(self) -> list[str]:
        """Ids of the judged options that no admissible weights put first."""
        return [o for o, r in self.options.items() if not r.potentially_optimal]


def matrix_optimality(matrix: DecisionMatrix, spec: WeightSpec, *, ranks: bool | None = None,
                      seed: int = 0) -> MatrixOptimality:
    """Potential optimality of the options of ``matrix`` with every score.

    Pass a matrix without screened options to judge only those on the table.
    ``ranks`` also computes each option's best attainable rank (a MILP per
    option that is never first; 1 for the others); by default only for up to
    :data:`BEST_RANK_OPTIONS` options, since the MILPs grow quickly with more.
    """
    values = value_matrix(matrix)
    complete = ~np.isnan(values).any(axis=1)
    ids = [o.id for i, o in enumerate(matrix.options) if complete[i]]
    left_out = [o.id for i, o in enumerate(matrix.options) if not complete[i]]
    crits = [c.id for c in matrix.criteria]
    if not ids:
        return MatrixOptimality({}, {}, crits, left_out)
    v = values[complete]
    results = potential_optimality(v, spec, seed=seed)
    best: dict[str, int] = {}
    if ranks or (ranks is None and len(ids) <= BEST_RANK_OPTIONS):
        never = [i for i, r in enumerate(results) if not r.potentially_optimal]
        found = best_attainable_rank(v, spec, never)
        best = {ids[i]: (1 if r.potentially_optimal else found[i])
                for i, r in enumerate(results)}
    blends = {ids[i]: {ids[b]: share for b, share in r.beaten_by.items()}
              for i, r in enumerate(results) if not r.potentially_optimal}
    return MatrixOptimality(dict(zip(ids, results, strict=True)), best, crits, left_out,
                            blends)
