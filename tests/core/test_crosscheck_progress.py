"""The cross-check reports how far it has got and stops when asked, within a block of
PROMETHEE's pair by pair rows; reporting changes none of its numbers."""

from __future__ import annotations

import numpy as np
import pytest

from tradeoff.core.methods.crosscheck import PROGRESS_STEPS, CrossCheckCancelled, crosscheck
from tradeoff.core.methods.promethee import ROW_BLOCK, pairs_compared
from tradeoff.core.model import Criterion, DecisionMatrix, Option, Score, WeightProfile
from tradeoff.core.preference_functions import PreferenceFunction


def _matrix(options: int = 3 * ROW_BLOCK, criteria: int = 3) -> DecisionMatrix:
    rng = np.random.default_rng(11)
    m = DecisionMatrix(
        criteria=[Criterion(f"c{j}", f"C{j}", worst=0, best=10,
                            promethee=PreferenceFunction("gaussian", s=1.5) if j else None)
                  for j in range(criteria)],
        options=[Option(f"o{i}", f"O{i}") for i in range(options)],
        profiles=[WeightProfile("p", "P", {f"c{j}": 1.0 for j in range(criteria)})],
        active_profile="p")
    for i in range(options):
        for j in range(criteria):
            m.scores[(f"o{i}", f"c{j}")] = Score(float(rng.integers(0, 11)))
    return m


def test_progress_rises_to_the_end_and_changes_no_number():
    m = _matrix()
    seen: list[tuple[int, int]] = []
    reported = crosscheck(m, progress=lambda done, total: seen.append((done, total)))
    plain = crosscheck(m)
    assert {total for _, total in seen} == {PROGRESS_STEPS}
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[0] == 0 and done[-1] == PROGRESS_STEPS
    # PROMETHEE's two gaussian criteria report each block of rows: 3 blocks each
    promethee_steps = [d for d in done if 4 * PROGRESS_STEPS // 5 < d < PROGRESS_STEPS]
    assert len(promethee_steps) >= 2 * 3
    for a, b in zip(reported.outcomes, plain.outcomes, strict=True):
        assert a.key == b.key
        if a.result is not None:
            assert np.array_equal(a.result.totals.to_numpy(), b.result.totals.to_numpy(),
                                  equal_nan=True)


def test_a_cancel_inside_promethee_stops_within_a_block():
    m = _matrix()
    asked = 0

    def cancelled() -> bool:
        nonlocal asked
        asked += 1
        return asked > 6  # five methods started, PROMETHEE's first criterion done

    with pytest.raises(CrossCheckCancelled):
        crosscheck(m, cancelled=cancelled)
    assert asked == 7


def test_pairs_compared_counts_only_the_criteria_compared_pair_by_pair():
    m = _matrix(options=50, criteria=4)  # c0 the default v-shape, c1..c3 gaussian
    assert pairs_compared(m) == 50 * 50 * 3
    assert pairs_compared(m, {"c0": PreferenceFunction("level", q=1, p=2)}) == 50 * 50 * 4
    for c in m.criteria:
        c.promethee = PreferenceFunction("linear", q=0.5, p=2)  # a ramp: one sort each
    assert pairs_compared(m) == 0
