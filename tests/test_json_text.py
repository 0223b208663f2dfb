"""The fast indented JSON writer gives json.dumps(indent=2)'s text exactly."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.commands.common import clean
from tradeoff.commands.json_text import dumps_indented

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(),
                    st.text(max_size=6), st.floats().map(np.float64),
                    st.integers(-5, 5).map(np.int64), st.booleans().map(np.bool_))
keys = st.one_of(st.text(max_size=5), st.integers(-3, 3), st.booleans(), st.none(),
                 st.floats(-2, 2, allow_nan=False))
documents = st.recursive(scalars, lambda kids: st.one_of(
    st.lists(kids, max_size=5), st.tuples(kids, kids),
    st.dictionaries(keys, kids, max_size=5),
    st.lists(st.floats(), max_size=6)), max_leaves=40)


@settings(max_examples=400, deadline=None)
@given(documents, st.booleans())
def test_same_text_as_json_dumps_of_the_cleaned_document(doc, ensure_ascii):
    """NaN and infinities become null and numpy scalars plain ones, as clean() does."""
    assert dumps_indented(doc, ensure_ascii=ensure_ascii) == json.dumps(
        clean(doc), indent=2, ensure_ascii=ensure_ascii)


def test_a_score_report_shape():
    doc = {"ranking": [{"option": "Ünïcode", "contributions": {"a": 0.1, "b": 1e-05},
                        "dominated_by": [], "details": {}}], "issues": []}
    assert dumps_indented(doc, ensure_ascii=False) == json.dumps(doc, indent=2,
                                                                 ensure_ascii=False)
