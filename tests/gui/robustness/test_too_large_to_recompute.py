"""Above the window's limit the robustness views are not recomputed at all, not even
on request: the button says so and names the command that does it."""

from __future__ import annotations

from tradeoff.gui.document import Document
from tradeoff.gui.document.commands import SetWeight
from tradeoff.gui.robustness import panel as robustness_panel
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path


def test_a_matrix_too_large_for_the_window_is_not_recomputed_even_on_request(
        qtbot, monkeypatch):
    doc = Document(load_matrix(example_path("budapest-summit.toml")))
    view = robustness_panel.RobustnessPanel()
    qtbot.addWidget(view)
    view.show()
    view.follow(doc)  # small: computed at once
    view.sensitivity.select("leverage")
    before = view.sensitivity.current_sweep().current_weight
    work = robustness_panel.live_work(doc.matrix)
    monkeypatch.setattr(robustness_panel, "LIVE_WORK_LIMIT", work // 4)
    monkeypatch.setattr(robustness_panel, "WINDOW_WORK_LIMIT", work // 2)
    doc.push(SetWeight(doc, doc.active_profile_id(), "leverage", 10.0))
    qtbot.waitUntil(lambda: view.out_of_date, timeout=3000)
    button = view.recompute_button
    assert button.isVisible() and not button.isEnabled()
    assert button.text() == "Too large to recompute here"
    assert "tradeoff analyse FILE" in button.toolTip()
    button.click()  # disabled: nothing happens
    qtbot.wait(robustness_panel.REFRESH_DELAY_MS + 100)
    assert view.sensitivity.current_sweep().current_weight == before
    assert view.monte_carlo.matrix is not None  # the Monte Carlo still runs here
    monkeypatch.setattr(robustness_panel, "WINDOW_WORK_LIMIT", work * 2)  # large, not too
    doc.push(SetWeight(doc, doc.active_profile_id(), "leverage", 11.0))
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=3000)
    assert button.text() == "Recompute (out of date)"
    button.click()
    assert view.sensitivity.current_sweep().current_weight != before
    assert not view.out_of_date
    doc.undo_stack.clear()
