"""The cross-check: every method's ranking, Kendall's τ against the primary model."""

from __future__ import annotations

import math
import tracemalloc

import numpy as np
import pytest
from mcda_tables import table_matrix

from factories import small_matrix
from tradeoff.core.errors import TradeoffError
from tradeoff.core.methods import METHODS, MethodSettings, crosscheck, kendall_tau_b, run_method
from tradeoff.core.methods.registry import method_spec, normalisation_text
from tradeoff.core.model import Score
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path


def test_kendall_tau_b_by_counting_pairs():
    """x = 1 2 3 4, y = 1 3 2 4: of the 6 pairs only (2, 3) is discordant,
    so τ = (5 − 1)/6 = 2/3. With a tie, x = 1 1 3 and y = 1 2 3: the pairs give
    0, +1, +1; x leaves 2 pairs untied, y 3, so τ_b = 2/√6 (Kendall 1945)."""
    assert kendall_tau_b([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(2 / 3)
    assert kendall_tau_b([1, 1, 3], [1, 2, 3]) == pytest.approx(2 / math.sqrt(6))
    assert kendall_tau_b([1, 2, 3], [3, 2, 1]) == pytest.approx(-1)
    assert math.isnan(kendall_tau_b([1, 1, 1], [1, 2, 3]))
    assert math.isnan(kendall_tau_b([1, float("nan")], [1, 2]))


def test_budapest_example_gives_a_full_cross_check_table():
    m = load_matrix(example_path("budapest-summit.toml"))
    cc = crosscheck(m)
    assert [o.key for o in cc.outcomes] == list(METHODS)
    assert all(o.error is None for o in cc.outcomes), [o.error for o in cc.outcomes]
    ranks = cc.ranks_frame()
    assert ranks.shape == (len(m.options), len(METHODS))
    assert set(ranks.min()) == {1.0}
    summary = cc.summary_frame()
    assert summary.loc["Additive value model", "kendall tau"] == 1.0
    assert summary.loc["TOPSIS", "normalisation"].startswith("vector")
    for o in cc.outcomes:
        assert -1.0 <= o.tau <= 1.0


def test_differences_from_the_primary_ranking_are_flagged():
    """small_matrix: the additive model ranks Gamma, Alpha, Beta (see
    test_scoring.py); TOPSIS on the raw scores ranks Alpha first."""
    cc = crosscheck(small_matrix())
    assert cc.rank("c", "wsm") == 1 and cc.rank("a", "topsis") == 1
    assert cc.differs("a", "topsis") and cc.differs("c", "topsis")
    assert not cc.differs("a", "wsm")
    assert set(cc.differing_options()) >= {"a", "c"}


def test_a_method_that_cannot_run_is_kept_with_its_reason():
    m = table_matrix([[0, 2], [3, 1], [2, 2]], "bb", [1, 1])
    cc = crosscheck(m)
    wpm = cc.outcome("wpm")
    assert wpm.result is None and "A1 scores 0 on C1" in wpm.error
    assert math.isnan(wpm.tau)
    assert cc.outcome("topsis").result is not None
    assert "A1 scores 0" in cc.summary_frame().loc["Weighted product", "note"]


def test_settings_reach_the_methods():
    m = table_matrix([[4, 10], [2, 30]], "bb", [1, 1])
    cc = crosscheck(m, settings=MethodSettings(topsis_normalisation="minmax", vikor_v=1.0))
    assert cc.outcome("topsis").normalisation.startswith("min–max")
    assert cc.outcome("vikor").result.extras["v"] == 1.0


def test_vikor_ranks_run_the_right_way_round():
    """A1 is better on both criteria, so every method must rank it first,
    VIKOR included although its Q is lower-is-better."""
    m = table_matrix([[5, 1], [3, 2], [1, 3]], "bc", [1, 1])
    cc = crosscheck(m)
    for o in cc.outcomes:
        assert o.result.ranks["a1"] == 1, o.key
        assert o.tau == pytest.approx(1.0)
    assert cc.outcome("vikor").result.totals["a1"] == 0.0


def test_missing_score_leaves_option_unranked_everywhere():
    m = small_matrix()
    m.scores[("b", "speed")] = Score()
    cc = crosscheck(m)
    for o in cc.outcomes:
        if o.result is not None:
            assert math.isnan(o.result.ranks["b"]), o.key


def test_registry_names_methods_and_refuses_unknown_ones():
    assert method_spec("vikor").higher_is_better is False
    assert "anchors" in normalisation_text(run_method("wsm", small_matrix()))
    with pytest.raises(TradeoffError, match="unknown method 'electre'"):
        run_method("electre", small_matrix())


def _tau_by_pairs(x: list[float], y: list[float]) -> float:
    """τ-b counted pair by pair, the definition (Kendall 1945, 'The treatment of ties')."""
    n = len(x)
    conc = disc = tx = ty = 0
    for i in range(n):
        for j in range(i + 1, n):
            a, b = (x[i] > x[j]) - (x[i] < x[j]), (y[i] > y[j]) - (y[i] < y[j])
            conc += a * b > 0
            disc += a * b < 0
            tx += a == 0 and b != 0
            ty += b == 0 and a != 0
    return (conc - disc) / math.sqrt((conc + disc + tx) * (conc + disc + ty))


def test_kendall_tau_b_matches_pair_counting_with_ties():
    rng = np.random.default_rng(7)
    for _ in range(30):
        n = int(rng.integers(3, 40))
        x, y = rng.integers(1, 6, n).tolist(), rng.integers(1, 6, n).tolist()
        if len(set(x)) > 1 and len(set(y)) > 1:
            assert kendall_tau_b(x, y) == pytest.approx(_tau_by_pairs(x, y))


def test_kendall_tau_b_matches_scipy_on_large_rankings_with_ties():
    from scipy.stats import kendalltau  # the reference implementation, as a test oracle

    rng = np.random.default_rng(11)
    for n in (2, 3, 17, 1000, 4097):
        x = rng.integers(0, max(2, n // 3), n).astype(float)
        y = x + rng.integers(-3, 4, n)
        expected = kendalltau(x, y, variant="b").statistic
        if math.isnan(expected):
            assert math.isnan(kendall_tau_b(x, y))
        else:
            assert kendall_tau_b(x, y) == pytest.approx(expected, abs=1e-12)
    ranks = rng.permutation(500).astype(float)
    assert kendall_tau_b(ranks, ranks) == 1.0 and kendall_tau_b(ranks, -ranks) == -1.0


def test_kendall_tau_b_of_3000_options_stays_in_linear_memory():
    # Pairwise arrays need 3,000² × 8 bytes = 72 MB each (3.3 GB at 10,000 options); a
    # merge-sort count needs a few arrays of n. The 20 MB bound is generous.
    rng = np.random.default_rng(3)
    x = rng.permutation(3_000).astype(float)
    y = x + rng.normal(0, 500, x.size)
    tracemalloc.start()
    tau = kendall_tau_b(x, y)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 20_000_000
    assert 0.5 < tau < 1.0
