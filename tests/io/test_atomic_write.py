"""Every file Tradeoff writes is replaced atomically and durably, by one helper.

The real ``os.fsync`` and ``os.replace`` run; they are wrapped only to record
what was synced and when, so the test sees that the file is synced before it
replaces the old one and that the folder is synced after (without which a
power cut can leave the folder naming the old file, or none).
"""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest

from factories import small_matrix
from tradeoff.io.excel.export import export_workbook
from tradeoff.io.matrix_file import load_matrix, save_matrix

APP = Path(__file__).resolve().parents[2] / "app" / "tradeoff"


@pytest.fixture
def sync_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """('file' | 'dir' | 'replace', detail) in the order they happened."""
    log: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        mode = os.fstat(fd).st_mode
        log.append(("dir" if stat.S_ISDIR(mode) else "file", ""))
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        real_replace(src, dst)
        log.append(("replace", Path(dst).name))

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return log


def test_saving_a_matrix_syncs_the_file_then_replaces_then_syncs_the_folder(tmp_path, sync_log):
    target = tmp_path / "m.toml"
    save_matrix(small_matrix(), target)
    assert sync_log == [("file", ""), ("replace", "m.toml"), ("dir", "")]
    assert load_matrix(target).options == small_matrix().options


def test_the_streamed_workbook_writer_uses_the_same_durable_replace(tmp_path, sync_log):
    export_workbook(small_matrix(), tmp_path / "m.xlsx", analysis=False)
    assert sync_log[-3:] == [("file", ""), ("replace", "m.xlsx"), ("dir", "")]


def test_a_cancelled_workbook_leaves_the_old_file_and_no_temporary_file(tmp_path):
    target = tmp_path / "m.xlsx"
    target.write_bytes(b"previous")
    with pytest.raises(Exception):  # noqa: B017 - whatever the cancellation raises
        export_workbook(small_matrix(), target, analysis=False, should_cancel=lambda: True)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.xlsx"]


def test_permissions_of_the_replaced_file_are_kept(tmp_path):
    target = tmp_path / "m.toml"
    save_matrix(small_matrix(), target)
    target.chmod(0o600)
    save_matrix(small_matrix(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_only_the_atomic_helper_replaces_files():
    callers = []
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("replace", "rename") \
                    and isinstance(node.value, ast.Name) and node.value.id == "os":
                callers.append(path.relative_to(APP).as_posix())
    assert callers == ["io/atomic.py"]
