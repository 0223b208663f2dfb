"""Atomic file replacement: readers see the old file or the new one, never half of one.

The one helper every writer uses (matrix files, autosaves, workbooks, charts,
briefs). The data go to a temporary file beside the target, which is synced
to disk, given the target's permissions and renamed over it; then the folder
itself is synced, so that after a power cut the folder names the new file and
not a vanished one. On any failure the temporary file is removed and the
previous file is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_file(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file to write; it replaces ``target`` when the block ends without error."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    sync_directory(target.parent)


def atomic_write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``target`` with ``data`` atomically (see :func:`atomic_file`)."""
    with atomic_file(target) as f:
        f.write(data)


def sync_directory(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (where the system allows a folder to be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # Windows cannot open a folder; its rename is already durable
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and network shares) refuse fsync on a folder
    finally:
        os.close(fd)
