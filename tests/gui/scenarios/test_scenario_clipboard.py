"""Paste and clear while a scenario is shown, in the real window (offscreen): a cell the
scenario does not override yet starts a new override from an empty score, as typing
does, so the base cell's reason, source and range never pass for the scenario's own."""

from __future__ import annotations

import pytest

from tradeoff.core.model import Score
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path


@pytest.fixture
def sites(window):
    assert window.files.open_path(example_path("site-selection.toml"), ask=False)
    return window


def select(window, option_id: str, criterion_id: str) -> None:
    m = window.document.matrix
    window.grid.select_cell(m.option_index(option_id), m.criterion_index(criterion_id))


def test_a_paste_makes_a_new_override_of_the_value_alone(sites):
    doc = sites.document
    m = doc.matrix
    base = m.score("riverside", "commute")
    assert base.rationale and base.source and base.has_range  # so each could leak
    doc.select_scenario("energy-prices")
    select(sites, "riverside", "commute")
    assert sites.grid.paste("33\n")
    assert m.find_scenario("energy-prices").scores[("riverside", "commute")] == Score(value=33)
    assert m.score("riverside", "commute") == base  # the base cell is untouched
    doc.undo_stack.undo()
    assert ("riverside", "commute") not in m.find_scenario("energy-prices").scores


def test_a_paste_over_an_override_keeps_its_own_reason_and_range(sites):
    doc = sites.document
    m = doc.matrix
    own = m.find_scenario("tram-extension").scores[("riverside", "commute")]
    doc.select_scenario("tram-extension")
    select(sites, "riverside", "commute")
    assert sites.grid.paste("25\n")
    now = m.find_scenario("tram-extension").scores[("riverside", "commute")]
    assert (now.value, now.low, now.high) == (25, own.low, own.high)
    assert (now.rationale, now.source) == (own.rationale, own.source)


def test_a_paste_in_the_base_case_keeps_the_cells_reason(sites):
    m = sites.document.matrix
    base = m.score("riverside", "commute")
    select(sites, "riverside", "commute")
    assert sites.grid.paste("40\n")
    now = m.score("riverside", "commute")
    assert now.value == 40 and (now.rationale, now.source) == (base.rationale, base.source)


def test_clearing_a_cell_in_a_scenario_overrides_it_as_missing_with_nothing_else(
        sites, tmp_path):
    doc = sites.document
    m = doc.matrix
    doc.select_scenario("energy-prices")
    select(sites, "riverside", "commute")
    sites.grid.clear_selection()
    assert m.find_scenario("energy-prices").scores[("riverside", "commute")] == Score()
    assert doc.view().score("riverside", "commute").value is None
    assert m.score("riverside", "commute").value == 41  # the base keeps its score
    assert sites.files.save_to(tmp_path / "cleared.toml")
    back = load_matrix(tmp_path / "cleared.toml")
    assert back.find_scenario("energy-prices").scores[("riverside", "commute")] == Score()
