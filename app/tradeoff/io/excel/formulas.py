"""Formula text for the exported workbook, matching the core's arithmetic.

Only functions that Excel 2007 and LibreOffice both know without a prefix are
used (IF, IFERROR, INDEX, MATCH, MIN, COUNT, COUNTIF, SUM, SUMPRODUCT, ROUND,
RANK), so no formula needs an ``_xlfn.`` name and none shows ``#NAME?``.

The rules mirror :mod:`tradeoff.core`:

* value, linear: ``(x − worst) / (best − worst)`` (core/values.py);
* value, piecewise-linear: interpolation between the points sorted by score,
  the end segments extended beyond the first and last point (never clipped);
* a level scale reads a level's position, then applies the value function;
* weight of a node: its share of its siblings' raw points × its parent's
  weight (core/weights.py); siblings that all weigh zero share nothing;
* total: ``SUMPRODUCT(values, weights)``, none while any score is missing;
* rank: ``RANK`` of the total rounded to 12 decimals, so ties share the better
  rank exactly as ``competition_ranks`` does;
* margin: lead over the option placed just below in the ranking.
"""

from __future__ import annotations

from tradeoff.core.scoring import RANK_DECIMALS

# MATCH(…, 0) treats these as wildcards in the looked-up text (Excel, LibreOffice).
_WILDCARDS = set("*?~")


def blank_if_empty(ref: str, expression: str) -> str:
    """``expression`` where ``ref`` holds a score, empty text where it is empty."""
    return f'IF({ref}="","",{expression})'


def linear_value(x: str, worst: str, best: str) -> str:
    return f"({x}-{worst})/({best}-{worst})"


def piecewise_value(x: str, xs: str, vs: str, n_points: int) -> str:
    """Interpolation through ``n_points`` points (``xs`` ascending, ``vs`` their values).

    The segment is the last point at or below ``x`` (the first segment below the
    first point, the last segment above the last point), as in ``np.interp``
    with the end segments extended.
    """
    k = f"MIN(IFERROR(MATCH({x},{xs},1),1),{n_points - 1})"
    x0, x1 = f"INDEX({xs},{k})", f"INDEX({xs},{k}+1)"
    v0, v1 = f"INDEX({vs},{k})", f"INDEX({vs},{k}+1)"
    return f"{v0}+({x}-{x0})*({v1}-{v0})/({x1}-{x0})"


def has_wildcards(level_names: list[str]) -> bool:
    return any(_WILDCARDS & set(name) for name in level_names)


def level_lookup(ref: str, names: str, results: str, exact: bool) -> str:
    """The entry of ``results`` on the row whose level name equals the text in ``ref``.

    MATCH is short and readable but treats ``*``, ``?`` and ``~`` in the text
    as wildcards; ``exact`` switches to a SUMPRODUCT comparison for scales
    whose level names contain them. An unknown level gives empty text, as the
    core treats it as a missing score.
    """
    if not exact:
        return f'IFERROR(INDEX({results},MATCH({ref},{names},0)),"")'
    return (f'IF(SUMPRODUCT(--({names}={ref}))=0,"",'
            f"SUMPRODUCT(({names}={ref})*{results}))")


def contribution(value_ref: str, weight: str) -> str:
    return blank_if_empty(value_ref, f"{value_ref}*{weight}")


def total(values_range: str, n_criteria: int, weights: str) -> str:
    return f'IF(COUNT({values_range})<{n_criteria},"",SUMPRODUCT({values_range},{weights}))'


def rounded_total(total_ref: str) -> str:
    return blank_if_empty(total_ref, f"ROUND({total_ref},{RANK_DECIMALS})")


def rank(rounded_ref: str, rounded_range: str) -> str:
    return blank_if_empty(rounded_ref, f"RANK({rounded_ref},{rounded_range})")


def ranking_order(rank_ref: str, earlier_ranks: str | None, n_earlier: int | str,
                  ranks: str) -> str:
    """A unique position 1…n in the ranking: by rank, ties and unranked options in
    matrix order, unranked options after all ranked ones.

    ``earlier_ranks`` is the rank column above this row (None on the first row).
    """
    if earlier_ranks is None:
        return f'IF({rank_ref}="",COUNT({ranks})+1,{rank_ref})'
    unranked_before = f"{n_earlier}-COUNT({earlier_ranks})"
    return (f'IF({rank_ref}="",COUNT({ranks})+1+{unranked_before},'
            f"{rank_ref}+COUNTIF({earlier_ranks},{rank_ref}))")


def margin(total_ref: str, order_ref: str, totals: str, orders: str, ranks: str) -> str:
    """Lead over the option placed next in the ranking; empty for the last ranked.

    Tied totals that differ in their last bits may be placed either way round;
    MAX keeps such a lead at 0 rather than showing -0.0000.
    """
    return (f'IF(OR({total_ref}="",{order_ref}>=COUNT({ranks})),"",'
            f"MAX(0,{total_ref}-INDEX({totals},MATCH({order_ref}+1,{orders},0))))")


def sibling_share(points_ref: str, siblings_range: str) -> str:
    """A node's share of its siblings' raw points (all zero: no share)."""
    return f"IF(SUM({siblings_range})=0,0,{points_ref}/SUM({siblings_range}))"


def node_weight(points_ref: str, siblings_range: str, parent_weight_ref: str | None) -> str:
    share = sibling_share(points_ref, siblings_range)
    return share if parent_weight_ref is None else f"{share}*{parent_weight_ref}"
