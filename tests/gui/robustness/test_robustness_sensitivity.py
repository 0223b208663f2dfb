"""The sensitivity panel: chart lines, current weight and change points, stability table."""

from __future__ import annotations

import subprocess
import sys

import pytest

from factories import small_matrix
from tradeoff.gui.robustness.models import BACKGROUND, FLAGGED_ROLE, HIGHLIGHT_BRUSH
from tradeoff.gui.robustness.sensitivity import SensitivityPanel


@pytest.fixture
def panel(qtbot):
    p = SensitivityPanel(small_matrix(), "even")
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_chooser_lists_criteria_then_groups(panel, qtmodeltester):
    labels = [panel.chooser.itemText(i) for i in range(panel.chooser.count())]
    assert labels == ["Price", "Speed", "Risk", "Money (group)", "Quality (group)"]
    qtmodeltester.check(panel.stability.model)
    qtmodeltester.check(panel.points_model)


def test_price_sweep_draws_hand_computed_lines_and_change_points(panel):
    panel.select("price")
    chart = panel.chart
    assert chart.ready and len(chart.lines) == 3
    # At 0 % only quality counts (speed : risk = 1 : 1); at 100 % only price.
    starts = {line.get_label(): line.get_ydata()[0] for line in chart.lines}
    ends = {line.get_label(): line.get_ydata()[1] for line in chart.lines}
    assert starts == pytest.approx({"Alpha": 0.633333, "Beta": 0.316667, "Gamma": 0.95},
                                   abs=1e-6)
    assert ends == pytest.approx({"Alpha": 0.6, "Beta": 0.8, "Gamma": 0.3})
    assert chart.current_line.get_xdata()[0] == pytest.approx(0.5)
    # Gamma meets Alpha at 19/37, Beta meets Gamma at 19/34, Beta meets Alpha at 19/31.
    assert chart.marker_weights == pytest.approx([19 / 37, 19 / 34, 19 / 31])
    filled = [tuple(c) for c in chart.markers.get_facecolors()]
    assert filled[0] == filled[2] != filled[1]  # the first and last hand over the lead
    assert "Gamma stays first while Price weighs between 0.0% and 51.4%" in panel.message.text()


def test_fragile_weight_is_highlighted_in_the_stability_table(panel):
    model = panel.stability.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    price = names.index("Price")
    # Price can rise only 1.4 points before Gamma loses first place.
    assert model.index(price, 0).data(FLAGGED_ROLE) is True
    assert model.index(price, 3).data(BACKGROUND) == HIGHLIGHT_BRUSH
    assert model.index(price, 2).data() == "50.0%"
    assert model.index(price, 4).data() == "51.4%"


def test_changing_profile_keeps_the_chosen_sweep(panel):
    panel.select("speed")
    panel.set_matrix(small_matrix(), "quality")
    assert panel.current_sweep().target == "speed"
    assert panel.chart.current_line.get_xdata()[0] == pytest.approx(0.5)  # 2/3 of 3/4


def test_unknown_profile_says_so_instead_of_failing(qtbot):
    p = SensitivityPanel(small_matrix(), "nobody")
    qtbot.addWidget(p)
    assert p.chooser.count() == 0
    assert "No sensitivity to show" in p.message.text()


def test_robustness_widgets_do_not_import_matplotlib_until_drawn():
    code = ("import sys\n"
            "import tradeoff.gui.robustness.sensitivity, tradeoff.gui.robustness.smaa\n"
            "import tradeoff.gui.robustness.tornado, tradeoff.gui.robustness.flip\n"
            "import tradeoff.gui.robustness.stakeholders\n"
            "print('matplotlib' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "False"


def test_change_point_table_follows_the_chosen_sweep(panel):
    panel.select("price")
    rows = [[panel.points_model.index(r, c).data() for c in (0, 1, 4)]
            for r in range(panel.points_model.rowCount())]
    assert rows == [["Price", "51.4%", "yes"], ["Price", "55.9%", "no"], ["Price", "61.3%", "yes"]]
    assert panel.points_model.index(0, 0).data(FLAGGED_ROLE)
    assert not panel.points_model.index(1, 0).data(FLAGGED_ROLE)
