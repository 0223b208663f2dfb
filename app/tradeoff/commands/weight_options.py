"""``--weights`` and ``--bound``: what is known about the weights, as ``analyse`` reads it.

``score`` and ``value`` judge potential optimality under the admissible
weights these options describe; the modes and the NAME=LOW:HIGH syntax are
those of ``tradeoff analyse`` (see :mod:`tradeoff.core.smaa_sampling`).
"""

from __future__ import annotations

import argparse

from tradeoff.core.errors import TradeoffError
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.smaa_sampling import WeightSpec, parse_bound, spec_for_matrix, weights_within

ADMISSIBLE_MODES = ("uniform", "bounds", "ranking")


def add_weight_options(p: argparse.ArgumentParser, purpose: str) -> None:
    p.add_argument("--weights", choices=list(ADMISSIBLE_MODES), default="uniform",
                   help=f"the admissible weights for {purpose}: uniform: any weights (the "
                        "default); ranking: any weights that order the criteria as the "
                        "profile does; bounds: any weights within each --bound")
    p.add_argument("--bound", action="append", default=[], metavar="NAME=LOW:HIGH",
                   help="with --weights bounds: keep a criterion's normalised weight between "
                        "LOW and HIGH percent (either may be left empty); repeat for more "
                        "criteria, the others are free")


def admissible_spec(args: argparse.Namespace, matrix: DecisionMatrix,
                    profile: WeightProfile) -> WeightSpec:
    """The weight spec the options name, refused with a message when inconsistent."""
    if args.bound and args.weights != "bounds":
        raise TradeoffError("--bound needs --weights bounds")
    if args.weights == "bounds":
        if not args.bound:
            raise TradeoffError("--weights bounds needs at least one --bound NAME=LOW:HIGH")
        return weights_within(matrix, [parse_bound(b) for b in args.bound])
    return spec_for_matrix(matrix, profile, args.weights)
