"""Text comes back from a saved matrix file byte for byte, carriage returns included.

Windows clipboards and files bring CR LF line ends; the TOML writer turned
them into LF inside multi-line strings, so a save silently changed the text.
"""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from factories import small_matrix
from tradeoff.core.model import Score
from tradeoff.io.matrix_file import dumps, load_matrix, loads, save_matrix

LINE_ENDS = ["A\r\nB", "x\ry", "line one\r\nline two\r\n", "mixed\r\n\n\r end", "\r"]


def test_carriage_returns_in_every_kind_of_text_survive_a_save(tmp_path):
    m = small_matrix()
    m.options[0].name = "Alpha\r\nplan"
    m.options[1].description = "x\ry\r\nz\n"
    m.criteria[0].description = "cost\r\nin k€"
    m.metadata.description = "Two\r\nlines"
    m.scores[("a", "speed")] = Score(5, rationale="first\r\nsecond", source="memo\r")
    save_matrix(m, tmp_path / "m.toml", touch_modified=False)
    back = load_matrix(tmp_path / "m.toml")
    assert back.options[0].name == "Alpha\r\nplan"
    assert back.options[1].description == "x\ry\r\nz\n"
    assert back.criteria[0].description == "cost\r\nin k€"
    assert back.metadata.description == "Two\r\nlines"
    assert back.score("a", "speed").rationale == "first\r\nsecond"
    assert back.score("a", "speed").source == "memo\r"
    assert back == m


def test_plain_line_breaks_are_still_written_as_readable_multi_line_text():
    m = small_matrix()
    m.options[1].description = "first line\nsecond line"
    assert '"""\nfirst line\nsecond line"""' in dumps(m)


@given(st.text(alphabet=string.ascii_letters + "\r\n\t €", min_size=1, max_size=30)
       .filter(lambda s: s.strip()))
@settings(max_examples=200, deadline=None)
def test_load_save_load_is_stable_for_any_line_ends(text):
    m = small_matrix()
    m.options[0].description = text
    m.scores[("b", "price")] = Score(10, rationale=text)
    once = loads(dumps(m))
    assert once.options[0].description == text
    assert once.score("b", "price").rationale == text
    assert dumps(once) == dumps(m)
