"""Notes on the robustness tables read as sentences even for degenerate matrices."""

from __future__ import annotations

from factories import small_matrix
from tradeoff.core.robustness_report import tornado_table


def test_tornado_note_for_a_single_option_says_why_there_is_no_tornado():
    m = small_matrix()
    m.options = m.options[:1]
    note = tornado_table(m, m.profile()).note
    assert "nan" not in note
    assert note.startswith("No tornado")


def test_tornado_note_names_the_winner_and_margin():
    m = small_matrix()
    note = tornado_table(m, m.profile()).note
    assert note.startswith("Winner Gamma, margin 0.0083")
