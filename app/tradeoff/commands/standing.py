"""What ``score`` says beside the ranking: screened options, dominance, potential optimality.

Screened options (failing a must-have) are listed apart and take no part in
the ranking; among the rest, each option gets the options that dominate it
and, for the additive value model, whether any admissible weights put it
first (with a witness weight vector) and its best attainable rank.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tradeoff.commands.common import one_line, unique_names
from tradeoff.core.dominance import dominance
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.printed_numbers import MOVE_TOL, share_text, signed_share_text
from tradeoff.core.scoring import value_matrix
from tradeoff.core.screening import ScreenedOut
from tradeoff.core.smaa_sampling import WeightSpec
from tradeoff.core.weights import normalised_weights

if TYPE_CHECKING:
    from tradeoff.core.closest_win import ClosestWin
    from tradeoff.core.optimality import MatrixOptimality

CLOSEST_WIN_OPTIONS = 200  # one LP per option with every rival: up to this many options
# Dominance compares every pair and potential optimality solves LPs: on very large
# matrices they are left out of 'score' (which must stay quick) and say so.
DOMINANCE_OPTIONS = 2_000
OPTIMALITY_OPTIONS = 1_000


@dataclass
class Standing:
    """Screening, dominance and (optionally) potential optimality of one matrix."""

    matrix: DecisionMatrix  # the whole matrix, screened options included
    screened: list[ScreenedOut]
    dominated_by: dict[str, list[str]] | None  # option id → ids (None: not worked out)
    optimality: MatrixOptimality | None
    spec: WeightSpec | None
    closest: dict[str, ClosestWin] = field(default_factory=dict)  # option id → closest win
    reference: Any = None  # the profile's flat weights the closest wins start from
    skipped: list[str] = field(default_factory=list)  # what was left out, as sentences
    names: dict[str, str] = field(default_factory=dict)  # option id → unique display name
    crits: dict[str, str] = field(default_factory=dict)  # criterion id → unique name

    def __post_init__(self) -> None:
        # Worked out once: option_json runs once per option of a possibly huge matrix.
        self.names = unique_names(self.matrix.options)
        self.crits = unique_names(self.matrix.criteria)


def standing(matrix: DecisionMatrix, kept: DecisionMatrix, screened: list[ScreenedOut],
             spec: WeightSpec | None, profile: WeightProfile | None = None) -> Standing:
    """``kept`` is ``matrix`` without its screened options; ``spec`` None skips optimality.

    With ``profile``, each option that can win also gets the admissible weights
    closest to the profile's that put it first (up to CLOSEST_WIN_OPTIONS options).
    """
    n = len(kept.options)
    optimality = None
    if spec is not None and 0 < n <= OPTIMALITY_OPTIONS:
        # Imported only when worked out: its LP solver (scipy) takes about a third of
        # a second to load, which a large matrix's quick 'score' need not pay.
        from tradeoff.core.optimality import matrix_optimality

        optimality = matrix_optimality(kept, spec)
    closest: dict[str, ClosestWin] = {}
    reference = normalised_weights(kept, profile) if profile is not None else None
    if optimality is not None and profile is not None \
            and len(optimality.options) <= CLOSEST_WIN_OPTIONS:
        from tradeoff.core.closest_win import closest_wins

        ids = list(optimality.options)
        values = value_matrix(kept)[[kept.option_index(o) for o in ids]]
        wins = closest_wins(values, spec, reference,
                            [i for i, o in enumerate(ids)
                             if optimality.options[o].potentially_optimal])
        closest = {ids[i]: w for i, w in wins.items() if w is not None}
    dominated = dominance(kept) if n <= DOMINANCE_OPTIONS else None
    return Standing(matrix, screened, dominated, optimality,
                    spec if optimality is not None or not n else None, closest, reference,
                    skipped=_skipped(n, spec))


def _skipped(n: int, spec: WeightSpec | None) -> list[str]:
    out = []
    if n > DOMINANCE_OPTIONS:
        out.append(f"dominance is not worked out for more than {DOMINANCE_OPTIONS:,} options")
    if spec is not None and n > OPTIMALITY_OPTIONS:
        out.append(f"potential optimality is not worked out for more than "
                   f"{OPTIMALITY_OPTIONS:,} options")
    return out


def option_json(s: Standing, option_id: str) -> dict[str, Any]:
    """The per-option keys added to a ranking entry."""
    names, crits = s.names, s.crits
    out: dict[str, Any] = {"dominated_by": None if s.dominated_by is None else
                           [names[o] for o in s.dominated_by.get(option_id, [])]}
    if s.optimality is None:
        return out
    verdict = s.optimality.options.get(option_id)
    if verdict is None:  # a missing score: not judged
        out |= {"potentially_optimal": None, "witness_weights": None, "best_rank": None}
        return out
    witness = s.optimality.witness_weights(option_id)
    near = s.closest.get(option_id)
    if near is not None:
        out["closest_win"] = {"weight_shift": near.shift, "weights": {
            crits[c]: float(w) for c, w in zip(s.optimality.criteria, near.weights,
                                                strict=True)}}
    out |= {
        "potentially_optimal": verdict.potentially_optimal,
        "only_tied": verdict.only_tied,
        "witness_weights": None if witness is None else {crits[c]: w for c, w in witness.items()},
        "witness_lead": verdict.lead,
        "best_rank": s.optimality.best_rank.get(option_id),
    }
    if not verdict.potentially_optimal:
        out["beaten_by_blend"] = {names[o]: share for o, share
                                  in s.optimality.blends.get(option_id, {}).items()}
        out["shortfall"] = verdict.shortfall
    return out


def top_json(s: Standing) -> dict[str, Any]:
    """Top-level keys: the screened options and the admissible weights judged."""
    names = unique_names(s.matrix.options)
    crits = unique_names(s.matrix.criteria)
    out: dict[str, Any] = {"screened_out": [
        {"option": names[x.option], "criterion": crits[x.criterion], "score": x.score,
         "threshold": x.threshold, "reason": x.describe(s.matrix)} for x in s.screened]}
    if s.spec is not None:
        from tradeoff.core.weight_regions import describe_spec

        out["admissible_weights"] = {"mode": s.spec.mode, "text": describe_spec(s.spec)}
    if s.skipped:
        out["not_worked_out"] = s.skipped
    return out


def as_text(s: Standing) -> str:
    """Lines for the terminal after the ranking table ('' when there is nothing to say)."""
    names = {o.id: o.name for o in s.matrix.options}
    blocks = []
    if s.screened:
        blocks.append("Screened out (fail a must-have; not ranked):\n" + "\n".join(
            f"  - {one_line(x.describe(s.matrix))}" for x in s.screened))
    dominated = {o: by for o, by in (s.dominated_by or {}).items() if by}
    if dominated:
        blocks.append("Dominated (another option is at least as good on every criterion):\n"
                      + "\n".join(f"  - {one_line(names[o])}: by "
                                  f"{', '.join(one_line(names[b]) for b in by)}"
                                  for o, by in dominated.items()))
    if s.optimality is not None and s.spec is not None:
        from tradeoff.core.weight_regions import describe_spec

        never = s.optimality.never_first()
        where = describe_spec(s.spec)
        if never:
            lines = []
            for o in never:
                rank = s.optimality.best_rank.get(o)
                why = blend_text(s.optimality.blends.get(o, {}), names)
                lines.append(f"  - {one_line(names[o])}"
                             + (f" (best rank {rank})" if rank else "")
                             + (f": {why} scores higher under every such weighting" if why
                                else ""))
            blocks.append(f"Never first under {where}:\n" + "\n".join(lines))
        else:
            blocks.append(f"Every ranked option can come first under {where}.")
        moves = [(o, w) for o, w in s.closest.items() if w.shift > 1e-9]
        if moves:
            crit_names = {c.id: c.name for c in s.matrix.criteria}
            lines = [f"  - {one_line(names[o])}: {share_text(w.shift, at_least=0)} of the "
                     "weight moves "
                     f"({_moves_text(w, s, crit_names)})"
                     for o, w in sorted(moves, key=lambda ow: ow[1].shift)]
            blocks.append("Smallest change of weights that puts each other option first:\n"
                          + "\n".join(lines))
    if s.skipped:
        blocks.append("Left out on a matrix this large: " + "; ".join(s.skipped) + ".")
    return "\n\n".join(blocks)


def blend_text(blend: dict[str, float], names: dict[str, str]) -> str:
    """``Pause`` or ``a blend of 92 % Pause and 8 % Calibrated pressure``."""
    parts = sorted(blend.items(), key=lambda kv: -kv[1])
    if not parts:
        return ""
    if len(parts) == 1:
        return one_line(names[parts[0][0]])
    shares = [f"{share_text(share, at_least=0)} {one_line(names[o])}" for o, share in parts]
    return "a blend of " + ", ".join(shares[:-1]) + " and " + shares[-1]



def _moves_text(win: ClosestWin, s: Standing, crit_names: dict[str, str]) -> str:
    """``Leverage +8 %, Cohesion −5 %`` (the largest moves first, at most four)."""
    return ", ".join(f"{one_line(crit_names[s.optimality.criteria[j]])} "
                     f"{signed_share_text(d, at_least=0)}"
                     for j, d in win.moves(s.reference, tol=MOVE_TOL)[:4])
