"""Every scoring method by its short name, with its display name and options.

The short names are those of the command line (``tradeoff score --method``):
``wsm`` is the primary additive value model (a weighted sum of anchored
values); the others are the data-driven cross-checks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods.normalisation import NORMALISATIONS, normalisation_label
from tradeoff.core.methods.promethee import PreferenceFunction, promethee
from tradeoff.core.methods.topsis import topsis
from tradeoff.core.methods.vikor import DEFAULT_V, vikor
from tradeoff.core.methods.wpm import wpm
from tradeoff.core.model import DecisionMatrix, WeightProfile
from tradeoff.core.scoring import ScoreResult, score

PRIMARY = "wsm"
VALUE_FUNCTIONS = "value functions between each criterion's worst and best anchors"


@dataclass(frozen=True)
class MethodSpec:
    """What the app and the command line need to know about one method."""

    key: str
    display_name: str
    reference: str
    normalisations: tuple[str, ...] = ()   # selectable keys; empty when fixed
    default_normalisation: str = ""
    higher_is_better: bool = True
    score_label: str = "total"


@dataclass(frozen=True)
class MethodSettings:
    """The choices a user can make for the cross-check methods."""

    topsis_normalisation: str = "vector"
    vikor_v: float = DEFAULT_V
    promethee_preferences: dict[str, PreferenceFunction] = field(default_factory=dict)


METHODS: dict[str, MethodSpec] = {
    "wsm": MethodSpec("wsm", "Additive value model",
                      "Keeney & Raiffa (1976); Belton & Stewart (2002)",
                      score_label="value"),
    "wpm": MethodSpec("wpm", "Weighted product", "Triantaphyllou (2000), §2.3",
                      score_label="product"),
    "topsis": MethodSpec("topsis", "TOPSIS", "Hwang & Yoon (1981)",
                         normalisations=tuple(NORMALISATIONS), default_normalisation="vector",
                         score_label="closeness"),
    "vikor": MethodSpec("vikor", "VIKOR", "Opricovic & Tzeng (2004)",
                        higher_is_better=False, score_label="Q"),
    "promethee": MethodSpec("promethee", "PROMETHEE II",
                            "Brans & Vincke (1985); Brans & Mareschal (2005)",
                            score_label="net flow"),
}


def method_spec(key: str) -> MethodSpec:
    try:
        return METHODS[key]
    except KeyError:
        raise TradeoffError(f"unknown method {key!r} (choose from {', '.join(METHODS)})") from None


def run_method(key: str, matrix: DecisionMatrix, profile: WeightProfile | str | None = None,
               settings: MethodSettings | None = None,
               progress: Callable[[float], None] | None = None) -> ScoreResult:
    """Score ``matrix`` with the method named ``key`` under ``profile``; ``progress(share)``
    hears how far a long method (PROMETHEE's pair by pair comparisons) has got, and an
    exception it raises stops the method."""
    method_spec(key)
    settings = settings or MethodSettings()
    if key == "wsm":
        return score(matrix, profile)
    if key == "wpm":
        return wpm(matrix, profile)
    if key == "topsis":
        return topsis(matrix, profile, normalisation=settings.topsis_normalisation)
    if key == "vikor":
        return vikor(matrix, profile, v=settings.vikor_v)
    return promethee(matrix, profile, preferences=settings.promethee_preferences,
                     progress=progress)


def normalisation_text(result: ScoreResult) -> str:
    """The normalisation a result was computed with, as shown next to it."""
    text = getattr(result, "normalisation", "")
    return text or VALUE_FUNCTIONS


def higher_is_better(result: ScoreResult) -> bool:
    return bool(getattr(result, "higher_is_better", True))


__all__ = ["METHODS", "PRIMARY", "MethodSettings", "MethodSpec", "method_spec",
           "normalisation_label", "normalisation_text", "run_method"]
