"""Autosave on a large matrix: the tick copies the matrix (arrays, no per-cell objects)
and the text is made on the writer thread, so the window does not stop for seconds."""

from __future__ import annotations

import threading

from factories import small_matrix
from tradeoff.core.model import Option, Score
from tradeoff.gui.common.snapshot import snapshot
from tradeoff.gui.window import autosave
from tradeoff.io.matrix_file import dumps, load_matrix


def test_the_copy_is_untouched_by_later_edits():
    m = small_matrix()
    before = dumps(m)
    copy = snapshot(m)
    m.scores[("a", "speed")] = Score(1.5, 1, 2, rationale="changed")
    m.scores[("b", "speed")].value = 4  # written through the cell's Score
    m.options.append(Option("d", "Delta"))
    m.profiles[0].weights["speed"] = 9.0
    m.criteria[1].name = "Renamed"
    assert dumps(copy) == before
    assert dumps(m) != before


def test_the_text_is_made_on_the_writer_thread(window, monkeypatch):
    saver, model = window.autosaver, window.grid.matrix_model
    made_on = []
    real = autosave.dumps
    monkeypatch.setattr(autosave, "dumps",
                        lambda m: made_on.append(threading.current_thread()) or real(m))
    model.setData(model.index(0, 1), "8")
    saver.save_now().join(5)
    assert made_on and threading.main_thread() not in made_on
    assert load_matrix(saver.matrix_path).score("a", "speed").value == 8
    window.document.undo_stack.setClean()


def test_a_copy_still_being_made_when_the_file_is_saved_is_not_written(window, monkeypatch):
    saver, model = window.autosaver, window.grid.matrix_model
    go_on = threading.Event()
    real = autosave.dumps
    monkeypatch.setattr(autosave, "dumps", lambda m: go_on.wait(10) and real(m))
    monkeypatch.setattr(autosave, "DISCARD_WAIT_S", 0.1)
    model.setData(model.index(0, 1), "8")
    writer = saver.save_now()
    assert window.files.save()  # saving discards the copy while it is still being made
    go_on.set()
    writer.join(10)
    assert not saver.matrix_path.exists() and not saver.note_path.exists()
