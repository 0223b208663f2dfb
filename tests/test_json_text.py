"""The fast indented JSON writer gives json.dumps(indent=2)'s text exactly."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tradeoff.commands.json_text import dumps_indented

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=6))
keys = st.one_of(st.text(max_size=5), st.integers(-3, 3), st.booleans(), st.none(),
                 st.floats(-2, 2, allow_nan=False))
documents = st.recursive(scalars, lambda kids: st.one_of(
    st.lists(kids, max_size=5), st.tuples(kids, kids),
    st.dictionaries(keys, kids, max_size=5)), max_leaves=40)


@settings(max_examples=400, deadline=None)
@given(documents, st.booleans())
def test_same_text_as_json_dumps_with_an_indent(doc, ensure_ascii):
    assert dumps_indented(doc, ensure_ascii=ensure_ascii) == json.dumps(
        doc, indent=2, ensure_ascii=ensure_ascii)


def test_a_score_report_shape():
    doc = {"ranking": [{"option": "Ünïcode", "contributions": {"a": 0.1, "b": 1e-05},
                        "dominated_by": [], "details": {}}], "issues": []}
    assert dumps_indented(doc, ensure_ascii=False) == json.dumps(doc, indent=2,
                                                                 ensure_ascii=False)
