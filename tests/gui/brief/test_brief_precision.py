"""Numbers the headline and the ranking table print: options ranked apart never print
the same total or a lead of 0.000, and a weight threshold is never printed on the
wrong side of the change point, nor equal to the weight it is compared with."""

from __future__ import annotations

import re

import pytest

from tradeoff.core.brief.sure import nearest_change
from tradeoff.gui.window.app import create_app
from tradeoff.gui.window.main_window import MainWindow


@pytest.fixture
def featured(qtbot, tmp_path, small_file):
    """The small matrix in a window with every feature (the headline among them)."""
    create_app()
    window = MainWindow(autosave_folder=tmp_path / "autosave")
    assert window.files.open_path(small_file, ask=False)
    window.show()
    qtbot.waitExposed(window)
    window.install_features()
    yield window
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()


def _type(window, row: int, col: int, text: str) -> None:
    model = window.grid.matrix_model
    assert model.setData(model.index(row, col), text), model.last_error


def _table(window) -> list[tuple[str, str, str, str]]:
    model = window.results_panel.model
    return [tuple(model.index(r, c).data() for c in range(4))
            for r in range(model.rowCount())]


def _headline(window) -> str:
    return window.results_panel.findChild(object, "brief_headline").text()


def test_a_lead_below_the_third_decimal_is_printed_not_hidden(featured):
    # Alpha at 6.327 on Speed: Gamma 0.625000, Alpha 0.624842, ranked 1 and 2
    _type(featured, 0, 1, "6.3270")
    (rank1, name1, total1, lead1), (rank2, name2, total2, _lead2), _ = _table(featured)
    assert (rank1, name1, rank2, name2) == ("1", "Gamma", "2", "Alpha")
    assert total1 != total2, "ranked apart, printed equal"
    assert float(lead1) > 0 and float(total1) - float(total2) == pytest.approx(float(lead1))
    text = _headline(featured)
    assert (f"the recommendation is Gamma, with a total of {total1} (out of 1), {lead1} ahead "
            f"of the runner-up, Alpha ({total2})") in text, text
    featured.document.undo_stack.undo()  # back to a lead of 0.008: three decimals again
    assert [row[2] for row in _table(featured)] == ["0.625", "0.617", "0.558"]


def test_a_weight_threshold_is_printed_on_the_safe_side_and_apart_from_now(featured):
    _type(featured, 0, 1, "6.3270")
    doc = featured.document
    change = nearest_change(doc.matrix, doc.active_profile())
    found = re.search(r"the weight on the group Quality (rises above|falls below) "
                      r"([\d.]+) % \(now ([\d.]+) %\)", _headline(featured))
    assert found, _headline(featured)
    move, threshold, now = found.group(1), float(found.group(2)), float(found.group(3))
    assert move == "falls below" and not change.rises
    # "holds unless it falls below X" must hold for every weight at or above X
    assert threshold < now and threshold >= change.at * 100
