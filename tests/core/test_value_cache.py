"""The kept value arrays are patched by each kind of edit, not recomputed whole."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from tradeoff.core import edits
from tradeoff.core.model import Criterion, Option, Score
from tradeoff.core.score_store import JOURNAL_LIMIT
from tradeoff.core.scoring import raw_matrix, value_matrix
from tradeoff.core.value_cache import ValueCache
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path


def fresh(matrix):
    return raw_matrix(matrix), value_matrix(matrix)


def assert_same(cache, matrix):
    raw, values = cache.arrays(matrix)
    want_raw, want_values = fresh(matrix)
    assert np.array_equal(raw, want_raw, equal_nan=True)
    assert np.array_equal(values, want_values, equal_nan=True)


def test_each_edit_kind_is_patched_without_a_whole_recomputation():
    m = load_matrix(example_path("budapest-summit.toml"))
    cache = ValueCache()
    assert_same(cache, m)
    o, c = m.options[0].id, m.criteria[1]
    edits.set_score(m, o, c.id, Score(value=c.worst))
    assert_same(cache, m)
    m.scores[(m.options[1].id, c.id)].value = c.best  # written through a read score
    assert_same(cache, m)
    edits.move_option(m, o, len(m.options) - 1)
    assert_same(cache, m)
    edits.move_criterion(m, c.id, 0)
    assert_same(cache, m)
    edits.insert_option(m, 1, Option("new", "New"), {c.id: Score(value=c.best)})
    assert_same(cache, m)
    edits.remove_option(m, "new")
    assert_same(cache, m)
    edits.replace_criterion(m, replace(c, value_points=[(c.worst, 0.0), (c.best, 1.0)]))
    assert_same(cache, m)
    edits.insert_criterion(m, 2, Criterion("extra", "Extra", worst=0, best=4),
                           {o: Score(value=3)})
    assert_same(cache, m)
    assert cache.rebuilds == 1


def test_a_new_matrix_or_an_overflowing_journal_recomputes_everything():
    m = load_matrix(example_path("budapest-summit.toml"))
    cache = ValueCache()
    assert_same(cache, m)
    other = load_matrix(example_path("budapest-summit.toml"))
    assert_same(cache, other)
    assert cache.rebuilds == 2
    o, c = other.options[0].id, other.criteria[0]
    for k in range(JOURNAL_LIMIT + 1):
        edits.set_score(other, o, c.id, Score(value=c.worst + (k % 2)))
    assert_same(cache, other)
    assert cache.rebuilds == 3


def test_handed_out_arrays_are_read_only_and_keep_their_numbers():
    m = load_matrix(example_path("budapest-summit.toml"))
    cache = ValueCache()
    _raw, values = cache.arrays(m)
    before = values.copy()
    assert not values.flags.writeable
    c = m.criteria[0]
    edits.set_score(m, m.options[0].id, c.id, Score(value=c.best))
    cache.arrays(m)
    assert np.array_equal(values, before, equal_nan=True)
