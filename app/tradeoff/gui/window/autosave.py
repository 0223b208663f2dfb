"""Nothing lost: while the document is modified, a copy is written every minute to
the user's data folder (never over the user's own file); a normal close deletes
it, so a copy found at start-up means the app did not close normally.

Each running app writes its own pair of files (``autosave-PID.toml`` and a
``.json`` note with the original path), so two windows never overwrite each
other's copy and a copy whose process still runs is not offered for restore.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from tradeoff.core.model import DecisionMatrix
from tradeoff.gui.common.snapshot import snapshot
from tradeoff.gui.document import Document
from tradeoff.io.atomic import atomic_write_bytes
from tradeoff.io.matrix_file import dumps

log = logging.getLogger("tradeoff.autosave")
RETRY_S = 10  # a failed copy is tried again this soon, not only at the next minute
DISCARD_WAIT_S = 5  # how long a save or a close waits for a copy being written


def default_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".local/share/Tradeoff") / "autosave"


@dataclass(frozen=True)
class AutosaveCopy:
    """A copy left behind by an app that did not close normally."""

    matrix_path: Path
    original: Path | None
    saved_at: float
    note_path: Path

    def discard(self) -> None:
        for p in (self.matrix_path, self.note_path):
            p.unlink(missing_ok=True)


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_orphans(folder: Path) -> list[AutosaveCopy]:
    """Copies whose app is no longer running, newest first."""
    found: list[AutosaveCopy] = []
    if not folder.is_dir():
        return found
    for note in folder.glob("autosave-*.json"):
        try:
            info = json.loads(note.read_text("utf-8"))
            pid = int(info["pid"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        matrix = note.with_suffix(".toml")
        if _pid_alive(pid) or not matrix.exists():
            continue
        original = Path(info["original"]) if info.get("original") else None
        found.append(AutosaveCopy(matrix, original, float(info.get("saved_at", 0)), note))
    return sorted(found, key=lambda c: -c.saved_at)


class Autosaver(QObject):
    """Writes the document's copy on a timer, off the GUI thread.

    A copy that cannot be written (a full disk, a folder gone) is reported
    once — ``status`` carries a sentence for the status bar, and the log gets
    the reason — then tried again after :data:`RETRY_S` seconds and on every
    tick until it works, which is reported once too. Each write replaces the
    previous copy atomically, so a failed write leaves the last good copy.
    """

    status = Signal(str)
    _written = Signal(str)  # from the writer thread: "" on success, else the reason

    def __init__(self, doc: Document, folder: Path | None = None, interval_s: int = 60,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.folder = folder or default_folder()
        stem = f"autosave-{os.getpid()}"
        self.matrix_path = self.folder / f"{stem}.toml"
        self.note_path = self.folder / f"{stem}.json"
        self.timer = QTimer(self)
        self.timer.setInterval(max(interval_s, 1) * 1000)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()
        self._writer: threading.Thread | None = None
        self._lock = threading.Lock()
        self._discards = 0  # a copy started before the latest discard is not written
        self.failing = False
        self.retry_s = RETRY_S
        self._retry = QTimer(self, singleShot=True)  # one pending retry, however many failures
        self._retry.timeout.connect(self.save_now)
        self._written.connect(self._after_write)

    def save_now(self) -> threading.Thread | None:
        """Write a copy if the document is modified; returns the writer thread."""
        if not self.doc.modified:
            return None
        # Copied here, where the model lives; written out as text on the thread, which
        # takes seconds on a 10,000-option matrix.
        matrix = snapshot(self.doc.matrix)
        note = json.dumps({"pid": os.getpid(), "saved_at": time.time(),
                           "original": str(self.doc.path) if self.doc.path else ""})
        thread = threading.Thread(target=self._write, args=(matrix, note, self._discards),
                                  daemon=True)
        thread.start()
        self._writer = thread
        return thread

    def _write(self, matrix: DecisionMatrix, note: str, discards: int) -> None:
        try:
            text = dumps(matrix).encode("utf-8")
        except Exception as e:  # said in the window; never an exception lost in a thread
            log.exception("the autosave copy could not be made")
            self._written.emit(f"the copy could not be made ({type(e).__name__}: {e})")
            return
        with self._lock:
            if discards != self._discards:
                return  # saved or closed meanwhile: this copy is out of date
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(self.matrix_path, text)
                atomic_write_bytes(self.note_path, note.encode("utf-8"))
            except OSError as e:  # said once in the window; never an exception in a thread
                self._written.emit(f"{e.strerror or e} ({e.filename or self.folder})")
                return
        self._written.emit("")

    def _after_write(self, error: str) -> None:
        """On the GUI thread: report a change between working and failing, retry a failure."""
        if error:
            if not self.failing:
                self.failing = True
                log.warning("cannot write the autosave copy to %s: %s", self.folder, error)
                self.status.emit(f"Autosave failed: {error}. The open matrix is unaffected; "
                                 f"trying again every {self.retry_s} s — save it to keep it "
                                 "safe.")
            self._retry.start(self.retry_s * 1000)
        elif self.failing:
            self.failing = False
            log.info("autosave copy written again to %s", self.folder)
            self.status.emit("Autosave works again.")

    def discard(self) -> None:
        """Delete this app's copy (after a save or a normal close)."""
        if self._writer is not None:
            self._writer.join(timeout=DISCARD_WAIT_S)
        with self._lock:
            self._discards += 1  # a copy still being made is then not written
            for p in (self.matrix_path, self.note_path):
                p.unlink(missing_ok=True)
