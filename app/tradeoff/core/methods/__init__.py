"""Cross-check scoring methods: weighted product, TOPSIS, VIKOR, PROMETHEE II.

Each is a pure function ``(matrix, profile, options) → MethodResult`` with its
formula and reference in its module docstring; :mod:`.registry` names them
for the app and the command line, :mod:`.crosscheck` compares their rankings
with the primary additive value model.
"""

from tradeoff.core.methods.common import MethodResult
from tradeoff.core.methods.crosscheck import CrossCheck, crosscheck, kendall_tau_b
from tradeoff.core.methods.promethee import PreferenceFunction, promethee
from tradeoff.core.methods.registry import METHODS, MethodSettings, method_spec, run_method
from tradeoff.core.methods.topsis import topsis
from tradeoff.core.methods.vikor import Compromise, vikor
from tradeoff.core.methods.wpm import wpm

__all__ = [
    "METHODS", "Compromise", "CrossCheck", "MethodResult", "MethodSettings",
    "PreferenceFunction", "crosscheck", "kendall_tau_b", "method_spec", "promethee",
    "run_method", "topsis", "vikor", "wpm",
]
