"""The Monte Carlo on several threads, and the score draws that make that possible.

Score draws come in fixed blocks, each from its own child stream, so the
figures must not depend on how many threads share the work or in what order
the blocks are drawn; the triangular draws (two 16-bit uniforms, Stein &
Keblis 2009) must follow the triangular distribution; and the confidence pass
that screens in single precision must judge as the double-precision totals do.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from robustness_factories import numeric_matrix, random_matrix
from tradeoff.core import smaa, smaa_confidence, smaa_tally
from tradeoff.core.model import Score
from tradeoff.core.scoring import raw_matrix, value_matrix
from tradeoff.core.smaa import SmaaCancelled, SmaaSettings, run_smaa
from tradeoff.core.smaa_sampling import uniform_weights, weights_around
from tradeoff.core.smaa_scores import STREAM, ScoreSampler, score_ranges, uncentred
from tradeoff.core.smaa_tally import TIE
from tradeoff.core.smaa_threads import Scratch


def _ranged(n: int = 30, m: int = 6, seed: int = 4):
    return random_matrix(np.random.default_rng(seed), n, m, ranged=0.8)


def _same(a, b) -> None:
    for name in ("rank_acceptability", "central_weights", "confidence", "pairwise",
                 "probability_first"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)
    assert a.pairwise_rows == b.pairwise_rows and a.rank_rows == b.rank_rows


@pytest.mark.parametrize("leaders", [None, 5])
def test_one_thread_and_several_give_the_very_same_figures(leaders, monkeypatch):
    # small parts, blocks and pair batches: many of each per chunk for the threads
    monkeypatch.setattr(smaa, "PART_ELEMENTS", 1 << 12)
    monkeypatch.setattr(ScoreSampler, "BLOCK_ELEMENTS", 1 << 10)
    monkeypatch.setattr(smaa_tally, "PAIR_ROWS", 300)
    matrix = _ranged()
    for j, kind in enumerate(("normal", "pert")):  # other kinds mixed in, drawn alike
        s = matrix.scores[(f"o{j}", "c0")]
        matrix.scores[(f"o{j}", "c0")] = Score(s.value, s.value - 1, s.value + 1,
                                               distribution=kind)
    runs = [run_smaa(matrix, SmaaSettings(uniform_weights(6), samples=7000, seed=9, chunk=3000,
                                          threads=threads, pairwise_leaders=leaders,
                                          confidence_samples=2500))
            for threads in (1, 2, 3)]
    for other in runs[1:]:
        _same(runs[0], other)
    assert runs[0].stream == STREAM


def test_blocks_drawn_in_any_order_give_the_numbers_of_one_draw():
    matrix = _ranged(12, 5)
    rows = list(range(12))
    raw = raw_matrix(matrix)
    ranges = score_ranges(matrix, rows, raw, value_matrix(matrix, raw))
    whole = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(3))
    parts = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(3))
    for sampler in (whole, parts):
        sampler.BLOCK_ELEMENTS = 100  # many small blocks
        sampler.PIECE_ELEMENTS = 70
    want = np.concatenate([whole.draw(45), whole.draw(30)])
    plan = parts.plan(45, 20) + parts.plan(30, 9)
    drawn = {i: parts.draw_planned(p) for i, p in reversed(list(enumerate(plan)))}
    np.testing.assert_array_equal(np.concatenate([drawn[i] for i in range(len(plan))]), want)


def test_another_seed_gives_other_draws():
    matrix = _ranged(6, 3)
    raw = raw_matrix(matrix)
    ranges = score_ranges(matrix, list(range(6)), raw, value_matrix(matrix, raw))
    a = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(1)).draw(50)
    b = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(2)).draw(50)
    assert not np.array_equal(a, b)


@pytest.mark.parametrize(("low", "value", "high"), [(2, 5, 9), (0, 0.4, 10), (3, 8.5, 9),
                                                     (1, 1, 4), (6, 9, 9)])
def test_triangular_draws_follow_the_triangular_distribution(low, value, high):
    matrix = numeric_matrix([[value, 5.0], [5.0, 5.0]], [1, 1], {(0, 0): (low, high)})
    raw = raw_matrix(matrix)
    ranges = score_ranges(matrix, [0, 1], raw, value_matrix(matrix, raw))
    sampler = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(11))
    # values on the 0..10 scale are score / 10; back to scores for scipy
    scores = (sampler.draw(40_000)[:, 0].astype(np.float64) + value / 10) * 10
    assert low <= scores.min() and scores.max() <= high + 1e-5
    c = (value - low) / (high - low)
    assert stats.kstest(scores, stats.triang(c, loc=low, scale=high - low).cdf).pvalue > 0.01
    # and the test can tell: the same draws against a triangle peaked elsewhere fail it
    wrong = min(1.0, c + 0.1) if c < 0.9 else c - 0.1
    assert stats.kstest(scores, stats.triang(wrong, loc=low,
                                             scale=high - low).cdf).pvalue < 1e-6


def test_acceptabilities_agree_with_inverse_cdf_draws_within_monte_carlo_error():
    matrix = random_matrix(np.random.default_rng(5), 4, 3, ranged=1.0)
    n, samples = 4, 40_000
    result = run_smaa(matrix, SmaaSettings(uniform_weights(3), samples=samples, seed=3))
    # the same model drawn the textbook way: scipy's triangular, uniform weights
    rng = np.random.default_rng(77)
    raw = raw_matrix(matrix)
    ranges = score_ranges(matrix, list(range(n)), raw, value_matrix(matrix, raw))
    values = np.broadcast_to(value_matrix(matrix, raw), (samples, n, 3)).copy()
    for c in range(ranges.count):
        lo, mode, hi = ranges.low[c], ranges.mode[c], ranges.high[c]
        draws = stats.triang.rvs((mode - lo) / (hi - lo), loc=lo, scale=hi - lo,
                                 size=samples, random_state=rng)
        values[:, ranges.option[c], ranges.criterion[c]] = draws / 10
    weights = rng.dirichlet(np.ones(3), samples)
    totals = np.einsum("dij,dj->di", values, weights)
    ranks = np.argsort(np.argsort(-totals, axis=1), axis=1)
    reference = np.stack([np.bincount(ranks[:, i], minlength=n) for i in range(n)]) / samples
    # two independent estimates: their difference has twice the variance of one
    se = np.sqrt(2 * reference * (1 - reference) / samples) + 1e-9
    assert np.all(np.abs(result.rank_acceptability - reference) < 4.5 * se + 1e-4)


def test_uncentred_draws_on_uncentred_values_give_the_same_totals():
    matrix = _ranged(8, 4)
    raw = raw_matrix(matrix)
    base = value_matrix(matrix, raw)
    ranges = score_ranges(matrix, list(range(8)), raw, base)
    sampler = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(6))
    (blocks,) = sampler.plan(20, 20)
    centred = np.tile(base, (20, 1, 1))
    plain = np.tile(uncentred(base, sampler), (20, 1, 1))
    for first, drawn in sampler.pieces(blocks):
        centred[first:first + len(drawn), ranges.option, ranges.criterion] += drawn
    for first, drawn in sampler.pieces(blocks, centred=False):
        plain[first:first + len(drawn), ranges.option, ranges.criterion] += drawn
    assert sampler.offsets.any()
    np.testing.assert_allclose(plain, centred, atol=1e-6)


def test_single_precision_screen_judges_as_double_precision_totals():
    """Copies of an option tie exactly; every draw is judged as the definition reads."""
    matrix = random_matrix(np.random.default_rng(2), 9, 4, ranged=0.6)
    for j in range(4):
        for copy in ("o1", "o2"):
            matrix.scores[(copy, f"c{j}")] = matrix.scores[("o0", f"c{j}")]
        matrix.scores[("o0", f"c{j}")] = Score(9.0)
        matrix.scores[("o1", f"c{j}")] = Score(9.0)
    raw = raw_matrix(matrix)
    base = value_matrix(matrix, raw)
    ranges = score_ranges(matrix, list(range(9)), raw, base)
    central = np.random.default_rng(1).dirichlet(np.ones(4), 9)
    judged = np.arange(9)
    keep = np.ones(ranges.count, bool)
    sampler = ScoreSampler(matrix, ranges, "triangular", np.random.default_rng(4))
    judge = smaa_confidence._Judge(uncentred(base, sampler), central, judged, judged,
                                   ranges, keep)
    (blocks,) = sampler.plan(300, 300)
    drawn = sampler.draw_planned(blocks)
    got = sum(judge.wins(piece.copy(), Scratch())
              for _, piece in sampler.pieces(blocks, centred=False))
    values = np.tile(base, (300, 1, 1))
    values[:, ranges.option, ranges.criterion] += drawn.astype(np.float64)
    totals = values @ central.T  # (draws, options, judged)
    best = totals.max(axis=1)
    top = totals >= best[:, None, :] - TIE
    want = (top[:, judged, judged] / top.sum(axis=1)).sum(axis=0)
    np.testing.assert_allclose(got, want, atol=1e-9)
    assert got[0] == pytest.approx(got[1]) and 0 < got[0] < 300


def test_cancel_stops_a_threaded_run_before_the_next_chunk():
    matrix = _ranged()
    asked = []

    def cancel_after_two() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(SmaaCancelled):
        run_smaa(matrix, SmaaSettings(weights_around(np.full(6, 1 / 6), 0.3), samples=50_000,
                                      seed=1, chunk=1000, threads=2),
                 cancelled=cancel_after_two)
    assert len(asked) == 3


def test_scratch_lends_the_same_memory_again():
    scratch = Scratch()
    a = scratch.get("x", (4, 5), np.float32)
    b = scratch.get("x", (2, 3), np.float32)
    assert np.shares_memory(a, b) and b.shape == (2, 3)
    assert not np.shares_memory(a, scratch.get("y", (4, 5), np.float32))
    assert scratch.get("x", (10, 10), np.float32).shape == (10, 10)
