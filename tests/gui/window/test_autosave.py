"""Autosave: a copy beside, never over, the user's file; offered back after a crash."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from tradeoff.gui.window.app import offer_restore
from tradeoff.gui.window.autosave import find_orphans
from tradeoff.io.matrix_file import load_matrix


def test_modified_document_is_copied_not_saved(window, small_file):
    saver = window.autosaver
    original = small_file.read_bytes()
    assert saver.save_now() is None  # nothing to do while unmodified
    window.grid.matrix_model.setData(window.grid.matrix_model.index(0, 1), "8")
    saver.save_now().join(5)
    assert small_file.read_bytes() == original
    assert load_matrix(saver.matrix_path).score("a", "speed").value == 8
    note = json.loads(saver.note_path.read_text())
    assert note["original"] == str(small_file.resolve())
    assert find_orphans(saver.folder) == []  # this process is alive: not an orphan
    window.document.undo_stack.setClean()
    window.close()
    assert not saver.matrix_path.exists() and not saver.note_path.exists()


def test_copy_of_a_dead_process_is_offered_back(window, tmp_path, monkeypatch):
    saver = window.autosaver
    window.grid.matrix_model.setData(window.grid.matrix_model.index(0, 1), "1")
    saver.save_now().join(5)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)
    crashed = saver.folder / f"autosave-{pid}"
    saver.matrix_path.rename(crashed.with_suffix(".toml"))
    note = json.loads(saver.note_path.read_text())
    note["pid"] = pid
    crashed.with_suffix(".json").write_text(json.dumps(note))
    saver.note_path.unlink()
    window.document.undo_stack.undo()
    window.document.undo_stack.setClean()
    assert [c.matrix_path for c in find_orphans(saver.folder)] == [crashed.with_suffix(".toml")]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert offer_restore(window)
    assert window.document.matrix.score("a", "speed").value == 1
    assert window.document.modified  # restored work still needs saving
    assert find_orphans(saver.folder) == []
