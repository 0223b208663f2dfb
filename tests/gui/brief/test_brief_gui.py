"""The brief in the app: the headline above the results follows the sliders, and
File › Export Brief… previews and writes the same brief the command line does."""

from __future__ import annotations

import pytest

from tradeoff import cli
from tradeoff.core.brief import headline
from tradeoff.gui.brief.dialog import ExportBriefDialog
from tradeoff.gui.document.commands import SetWeight


def label(window):
    return window.results_panel.findChild(object, "brief_headline")


def open_dialog(qtbot, window) -> ExportBriefDialog:
    window.actions["export_brief"].trigger()
    dialog = window.findChild(ExportBriefDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.up_to_date, timeout=30_000)
    return dialog


def test_headline_is_the_briefs_first_two_sentences_and_follows_a_slider(qtbot, wired):
    doc = wired.document
    shown = label(wired)
    assert shown is not None and shown.isVisible()
    expected = headline(doc.matrix, doc.active_profile())
    assert shown.text() == " ".join(expected)
    assert shown.text().startswith("Under the Balanced weights, the recommendation is Pause "
                                   "for deliverables, with a total of 0.620")
    assert "Monte Carlo" not in shown.text()  # no run is current: no share claimed
    row = next(r for r in wired.weights_panel.rows if r.node_id == "leverage")
    row.slider.sliderPressed.emit()
    for position in range(row.slider.value(), row.slider.maximum() + 1, 100):
        row.slider.setValue(position)  # each step of a drag re-words the headline
        assert shown.text() == " ".join(headline(doc.matrix, doc.active_profile()))
    row.slider.sliderReleased.emit()
    assert "the recommendation is Calibrated pressure" in shown.text()  # leverage outweighs
    doc.undo_stack.undo()
    assert shown.text() == " ".join(expected)


def test_headline_adds_the_monte_carlo_share_only_while_the_run_is_current(qtbot, wired):
    panel = wired.docks["Robustness"].widget()
    panel.monte_carlo.samples.setValue(2000)
    with qtbot.waitSignal(panel.monte_carlo.result_ready, timeout=30_000) as blocker:
        panel.monte_carlo.start()
    run = blocker.args[0]
    doc = wired.document
    share = run.probability_best[run.options.index("pause-for-deliverables")]
    assert label(wired).text().endswith(
        f"it ranks first in {share * 100:.1f} % of 2,000 Monte Carlo draws.")
    doc.push(SetWeight(doc, "balanced", "leverage", 2.0))
    assert "Monte Carlo" not in label(wired).text()  # that run describes other weights
    panel.shutdown()


def test_dialog_previews_and_exports_what_the_command_line_writes(qtbot, wired, tmp_path):
    dialog = open_dialog(qtbot, wired)
    assert "the recommendation is Pause for deliverables" in dialog.preview.toPlainText()
    dialog.profile.setCurrentIndex(dialog.profile.findText("Kyiv"))
    dialog.samples.setValue(0)
    qtbot.waitUntil(lambda: dialog.up_to_date, timeout=30_000)
    text = dialog.preview.toPlainText()
    assert "Under the Kyiv weights, the recommendation is Harder line" in text
    assert "Monte Carlo draws" not in text
    ours = tmp_path / "app.md"
    with qtbot.waitSignal(dialog.exported):
        assert dialog.export_to(str(ours))
    theirs = tmp_path / "cli.md"
    assert cli.main(["brief", str(wired.document.path), "-o", str(theirs), "--profile", "Kyiv",
                     "--samples", "0"]) == 0
    assert ours.read_bytes() == theirs.read_bytes()
    dialog.reject()


def test_leaving_sections_out_and_choosing_a_scenario(qtbot, wired, tmp_path):
    dialog = open_dialog(qtbot, wired)
    dialog.samples.setValue(0)
    dialog.sections["appendix"].setChecked(False)
    dialog.scenario.setCurrentIndex(dialog.scenario.findData("moscow-resists"))
    qtbot.waitUntil(lambda: dialog.up_to_date, timeout=30_000)
    out = tmp_path / "resists.html"
    assert dialog.export_to(str(out))
    html = out.read_text(encoding="utf-8")
    assert "Moscow resists a ceasefire" in html and "the recommendation is Harder line" in html
    assert "Appendix" not in html
    dialog.reject()


def test_cancel_stops_the_monte_carlo_and_export_waits_for_a_current_preview(qtbot, wired):
    dialog = open_dialog(qtbot, wired)
    dialog.samples.setValue(1_000_000)
    dialog.rebuild()
    assert dialog.cancel_button.isEnabled() and not dialog.export_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Cancelled"), timeout=30_000)
    assert not dialog.up_to_date and not dialog.export_button.isEnabled()
    assert not dialog.export_to("/nonexistent/never-written.md")
    dialog.reject()


@pytest.mark.parametrize("name, words", [("brief.txt", "use .html, .pdf, .docx or .md"),
                                         ("folder.pdf", "that is a folder")])
def test_export_errors_are_shown_with_the_command_lines_words(qtbot, wired, tmp_path, name,
                                                              words):
    (tmp_path / "folder.pdf").mkdir()
    dialog = open_dialog(qtbot, wired)
    target = tmp_path / name
    assert not dialog.export_to(str(target))
    assert dialog.error_box is not None and dialog.error_box.isVisible()
    assert str(target) in dialog.error_box.text() and words in dialog.error_box.text()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "autosave") == ["folder.pdf"]
    dialog.error_box.close()
    dialog.reject()


def test_an_exported_brief_says_what_the_weights_now_say(qtbot, wired, tmp_path):
    doc = wired.document
    doc.push(SetWeight(doc, "balanced", "leverage", 10.0))
    dialog = open_dialog(qtbot, wired)
    out = tmp_path / "after.md"
    assert dialog.export_to(str(out))
    text = out.read_text(encoding="utf-8")
    first = headline(doc.matrix, doc.active_profile())[0]
    assert f"**{first}**" in text and "Harder line" in first
    dialog.reject()


def test_preview_shows_hostile_names_as_text(qtbot):
    from factories import small_matrix
    from tradeoff.gui.document import Document

    m = small_matrix()
    m.options[2].name = "<script>alert(1)</script> *Gamma* | [x](http://example.invalid)"
    dialog = ExportBriefDialog(Document(m))
    qtbot.addWidget(dialog)
    dialog.samples.setValue(0)
    qtbot.waitUntil(lambda: dialog.up_to_date, timeout=30_000)
    text = dialog.preview.toPlainText()
    assert ("the recommendation is <script>alert(1)</script> *Gamma* | "
            "[x](http://example.invalid)") in text
    # a bare address may show as a link (as on a wiki), but the preview follows none
    assert not dialog.preview.openLinks() and not dialog.preview.openExternalLinks()
    dialog.reject()


def test_headline_and_dialog_follow_the_scenario_selected_in_the_window(qtbot, wired):
    doc = wired.document
    doc.select_scenario("moscow-resists")
    shown = label(wired).text()
    assert shown.startswith("Under the Balanced weights, the recommendation is Harder line")
    assert shown == " ".join(headline(doc.view(), doc.active_profile()))
    dialog = open_dialog(qtbot, wired)
    assert dialog.scenario.currentData() == "moscow-resists"
    assert "— Moscow resists a ceasefire" in dialog.preview.toPlainText()
    dialog.reject()
    doc.select_scenario(None)
    assert "recommendation is Pause for deliverables" in label(wired).text()


def test_on_a_large_matrix_the_headline_waits_for_the_drag_to_pause(qtbot):
    import numpy as np

    from robustness_factories import random_matrix
    from tradeoff.gui.brief.headline import LIVE_CELLS, HeadlineLabel
    from tradeoff.gui.document import Document

    m = random_matrix(np.random.default_rng(3), 150, 15)
    assert len(m.options) * len(m.criteria) > LIVE_CELLS
    doc = Document(m)
    shown = HeadlineLabel(doc)
    qtbot.addWidget(shown)
    before = " ".join(headline(doc.view(), doc.active_profile()))
    qtbot.waitUntil(lambda: shown.text() == before)  # worded on a worker thread
    profile = doc.active_profile()
    doc.push(SetWeight(doc, profile.id, m.criteria[0].id, 1000.0))
    assert shown.text() == before  # not on every step of a drag on 2,250 cells
    expected = " ".join(headline(doc.view(), doc.active_profile()))
    assert expected != before
    qtbot.waitUntil(lambda: shown.text() == expected, timeout=5_000)
    doc.undo_stack.clear()


def test_opening_a_large_matrix_words_the_headline_once_and_hides_the_old_one(
        qtbot, monkeypatch):
    import numpy as np

    from robustness_factories import random_matrix
    from tradeoff.gui.brief import headline as headline_module
    from tradeoff.gui.brief.headline import LIVE_CELLS, HeadlineLabel
    from tradeoff.gui.document import Document

    small = random_matrix(np.random.default_rng(4), 5, 4)
    doc = Document(small)
    shown = HeadlineLabel(doc)
    qtbot.addWidget(shown)
    assert shown.text()
    worded = []
    real = headline_module.headline
    monkeypatch.setattr(headline_module, "headline",
                        lambda *a, **k: worded.append(1) or real(*a, **k))
    large = random_matrix(np.random.default_rng(5), 150, 15)
    assert len(large.options) * len(large.criteria) > LIVE_CELLS
    doc.load(large, None)  # replaced, scenario_selected, weights_changed, changed …
    assert shown.text() == ""  # the small matrix's recommendation is not left standing
    expected = " ".join(real(doc.view(), doc.active_profile()))
    qtbot.waitUntil(lambda: shown.text() == expected, timeout=5_000)
    qtbot.wait(headline_module.PAUSE_MS * 2)
    assert len(worded) == 1  # one wording for the whole burst of signals
    doc.undo_stack.clear()


def test_a_large_matrix_is_worded_off_the_gui_thread_and_a_stale_wording_is_dropped(
        qtbot, monkeypatch):
    import threading

    import numpy as np

    from robustness_factories import random_matrix
    from tradeoff.gui.brief import headline as headline_module
    from tradeoff.gui.brief.headline import HeadlineLabel
    from tradeoff.gui.document import Document

    threads, go_on = [], threading.Event()
    real = headline_module.headline

    def slow_first(*a, **k):
        threads.append(threading.current_thread())
        if len(threads) == 1:
            go_on.wait(10)  # the first wording is still running when the weights change
        return real(*a, **k)

    monkeypatch.setattr(headline_module, "headline", slow_first)
    doc = Document(random_matrix(np.random.default_rng(6), 150, 15))
    shown = HeadlineLabel(doc)
    qtbot.addWidget(shown)
    assert shown.busy and shown.text() == ""  # the window did not wait for it
    profile = doc.active_profile()
    doc.push(SetWeight(doc, profile.id, doc.matrix.criteria[0].id, 1000.0))
    final = " ".join(real(doc.view(), doc.active_profile()))
    qtbot.waitUntil(lambda: len(threads) == 2, timeout=5_000)  # worded again after the pause
    go_on.set()  # now the first, out-of-date wording ends too
    qtbot.waitUntil(lambda: not shown.busy, timeout=5_000)
    qtbot.wait(headline_module.POLL_MS * 4)
    assert shown.text() == final
    assert threading.main_thread() not in threads
    doc.undo_stack.clear()


def test_a_seed_past_2_31_gives_the_command_line_s_brief(qtbot, wired, tmp_path):
    from PySide6.QtCore import Qt

    dialog = open_dialog(qtbot, wired)
    dialog.samples.setValue(500)
    dialog.seed.selectAll()
    qtbot.keyClicks(dialog.seed, "3000000000")
    qtbot.keyClick(dialog.seed, Qt.Key.Key_Tab)
    assert dialog.seed.value() == 3_000_000_000
    qtbot.waitUntil(lambda: dialog.up_to_date, timeout=30_000)
    ours = tmp_path / "app.md"
    assert dialog.export_to(str(ours))
    theirs = tmp_path / "cli.md"
    assert cli.main(["brief", str(wired.document.path), "-o", str(theirs), "--samples", "500",
                     "--seed", "3000000000"]) == 0
    assert ours.read_bytes() == theirs.read_bytes()
    dialog.reject()
