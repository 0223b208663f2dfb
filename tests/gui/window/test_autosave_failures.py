"""A copy that cannot be written is said once (status bar and log), retried, and the last
good copy is kept.

The failure is real: the process's file-size limit is lowered so the next write
fails with EFBIG, as a full disk would fail it.
"""

from __future__ import annotations

import logging
import resource
import signal
from contextlib import contextmanager

from tradeoff.io.matrix_file import load_matrix


@contextmanager
def writes_fail():
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_failing_autosave_is_said_once_retried_and_keeps_the_last_copy(qtbot, window,
                                                                          caplog):
    saver, model = window.autosaver, window.grid.matrix_model
    saver.retry_s = 1
    said: list[str] = []
    saver.status.connect(said.append)
    model.setData(model.index(0, 1), "8")
    saver.save_now().join(5)
    good = saver.matrix_path.read_bytes()
    model.setData(model.index(0, 1), "9")
    with caplog.at_level(logging.WARNING, logger="tradeoff.autosave"), writes_fail():
        saver.save_now().join(5)
        saver.save_now().join(5)  # a second failure is not said again
        qtbot.waitUntil(lambda: saver.failing, timeout=2000)
        qtbot.wait(50)
    assert len(said) == 1 and said[0].startswith("Autosave failed: File too large")
    assert window.statusBar().currentMessage() == said[0]
    assert [r.getMessage() for r in caplog.records if r.name == "tradeoff.autosave"] == \
        [f"cannot write the autosave copy to {saver.folder}: " + said[0].split(": ", 1)[1]
         .split(". The open")[0]]
    assert saver.matrix_path.read_bytes() == good  # the last good copy is intact
    assert sorted(p.name for p in saver.folder.iterdir()) == sorted(
        [saver.matrix_path.name, saver.note_path.name])  # no temporary file left behind
    # Writing works again: the retry (1 s here) writes the copy without waiting a minute.
    qtbot.waitUntil(lambda: not saver.failing, timeout=5000)
    assert said[-1] == "Autosave works again."
    qtbot.waitUntil(lambda: load_matrix(saver.matrix_path).score("a", "speed").value == 9,
                    timeout=3000)
