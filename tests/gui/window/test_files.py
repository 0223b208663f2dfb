"""Files: open (good and bad), save and reopen, the unsaved-changes prompt, the title."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import when_modal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tradeoff.gui.common import settings
from tradeoff.io.matrix_file import dumps, load_matrix, to_document

Button = QMessageBox.StandardButton


def test_title_shows_name_and_modified_marker(window, small_file):
    assert window.windowTitle().startswith(f"{small_file.name}[*]")
    assert not window.isWindowModified()
    window.grid.matrix_model.setData(window.grid.matrix_model.index(0, 1), "7")
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()  # back at the saved state


def test_a_bad_file_is_reported_and_the_document_stays(window, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('format = 1\n[[criteria]]\nid = "x"\nname = "X"\nworst = 0\nbest = "ten"\n',
                   encoding="utf-8")
    window.grid.matrix_model.setData(window.grid.matrix_model.index(0, 1), "7")
    before, path = dumps(window.document.matrix), window.document.path
    seen = {}

    def read_and_close(box: QMessageBox) -> None:
        seen["title"], seen["text"] = box.windowTitle(), box.informativeText()
        box.accept()

    when_modal(read_and_close)
    assert not window.files.open_path(bad)
    assert seen["title"] == "Cannot open file"
    assert "criteria[0].best" in seen["text"]
    assert dumps(window.document.matrix) == before
    assert window.document.path == path and window.document.modified


def test_save_and_reopen_round_trip(window, tmp_path, monkeypatch):
    model = window.grid.matrix_model
    model.setData(model.index(1, 1), "4.5")
    window.document.matrix.metadata.title = "Round trip"
    target = tmp_path / "saved"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.save_as()
    saved = target.with_suffix(".toml")
    assert window.document.path == saved.resolve()
    assert not window.document.modified
    assert window.windowTitle().startswith("saved.toml")
    reloaded = load_matrix(saved)
    assert to_document(reloaded) == to_document(window.document.matrix)
    assert reloaded.score("b", "speed").value == 4.5
    assert settings.read(settings.RECENT_FILES)[0] == str(saved.resolve())
    assert window.recent_menu.actions()[0].text().endswith("saved.toml")


def test_unsaved_changes_prompt(window, tmp_path, monkeypatch):
    other = tmp_path / "other.toml"
    other.write_bytes(Path(window.document.path).read_bytes())
    model = window.grid.matrix_model
    model.setData(model.index(0, 1), "2")
    answers = []

    def answer(button):
        def warning(*args, **kwargs):
            answers.append(args[2])
            return button
        monkeypatch.setattr(QMessageBox, "warning", warning)

    answer(Button.Cancel)
    assert not window.files.open_path(other)
    assert window.document.matrix.score("a", "speed").value == 2
    assert "unsaved changes" in answers[0]
    answer(Button.Cancel)
    assert not window.close()  # Quit is cancelled too
    answer(Button.Save)  # saves to its own file, then opens the other one
    original = window.document.path
    assert window.files.open_path(other)
    assert load_matrix(original).score("a", "speed").value == 2
    assert window.document.path == other.resolve()
    model.setData(model.index(0, 1), "3")
    answer(Button.Discard)
    assert window.files.new()
    assert window.document.path is None and not window.document.modified
    assert load_matrix(other).score("a", "speed").value == 6


def test_new_document_is_ready_to_fill(window):
    window.files.new()
    m = window.document.matrix
    assert window.grid.matrix_model.rowCount() == 2 and window.grid.matrix_model.columnCount() == 1
    assert m.active_profile == "default"
    assert window.windowTitle().startswith("Untitled")


def test_saving_refuses_a_matrix_that_could_not_be_reopened(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    window.document.matrix.options[0].name = " "  # only possible by bypassing the editor
    target = tmp_path / "never.toml"
    assert not window.files.save_to(target)
    assert not target.exists()
    assert "options[0].name" in shown[0]


def test_an_example_opens_as_an_unsaved_copy(window, tmp_path, monkeypatch):
    from tradeoff.paths import example_matrices
    examples = example_matrices()
    menu = window.examples_menu
    assert [a.data() for a in menu.actions()] == [str(p) for p in examples]
    assert "Antidepressants benefit risk" in [a.text() for a in menu.actions()]
    source = next(p for p in examples if p.name == "site-selection.toml")
    before = source.read_bytes()
    action = next(a for a in menu.actions() if a.data() == str(source))
    action.trigger()
    doc = window.document
    assert doc.path is None and doc.matrix == load_matrix(source)
    assert window.windowTitle().startswith("site-selection.toml (example copy)")
    suggested = []

    def choose(*args, **kwargs):
        suggested.append(args[2])
        return str(tmp_path / "mine.toml"), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert window.files.save()
    assert Path(suggested[0]).name == "site-selection.toml"  # offered a name, never the source
    assert doc.path == (tmp_path / "mine.toml").resolve()
    assert source.read_bytes() == before


def test_an_example_is_not_opened_over_unsaved_work_without_asking(window):
    from tradeoff.paths import example_matrices
    model = window.grid.matrix_model
    model.setData(model.index(1, 1), "4.5")
    before = dumps(window.document.matrix)
    answer = []
    when_modal(lambda box: (answer.append(box.text()),
                            box.button(QMessageBox.StandardButton.Cancel).click()))
    assert not window.files.open_example(example_matrices()[0])
    assert answer and "unsaved changes" in answer[0]
    assert dumps(window.document.matrix) == before
