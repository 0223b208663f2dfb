"""Weight elicitation: swing, rank-based, AHP pairwise comparisons and group judgements.

Pure functions that turn an analyst's judgements into normalised weights for
one level of the value tree, plus :mod:`.records`, which stores those
judgements in the weight profile so the matching dialog can show them again.
"""

from tradeoff.core.elicitation.ahp import AhpResult, Judgement, ahp, comparison_matrix
from tradeoff.core.elicitation.group import (
    geometric_mean_judgements,
    group_ahp,
    mean_of_weights,
)
from tradeoff.core.elicitation.rank_weights import RANK_METHODS, position_weights, rank_weights
from tradeoff.core.elicitation.records import (
    ElicitationOutcome,
    apply_outcome,
    elicitation_levels,
    level_items,
    stored_record,
)
from tradeoff.core.elicitation.swing import swing_weights

__all__ = [
    "RANK_METHODS", "AhpResult", "ElicitationOutcome", "Judgement", "ahp", "apply_outcome",
    "comparison_matrix", "elicitation_levels", "geometric_mean_judgements", "group_ahp",
    "level_items", "mean_of_weights", "position_weights", "rank_weights", "stored_record",
    "swing_weights",
]
