"""Recalculate workbooks with headless LibreOffice, for tests that check exported formulas.

``soffice --convert-to xlsx`` opens each workbook, computes every formula and
saves a copy with the computed values cached, which openpyxl then reads with
``data_only=True``. Each run uses a private LibreOffice profile (so parallel
runs do not clash and the user's own profile is never touched), set to
recalculate every formula on loading. Converting many workbooks in one call
pays LibreOffice's start-up once.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

# LibreOffice's "recalculation on file load" settings: 0 = always recalculate.
_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
  <prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    """The LibreOffice executable, or None when LibreOffice is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(workbooks: list[Path], out_dir: Path, profile_dir: Path,
                timeout: float = 600) -> dict[Path, Path]:
    """Recalculated copies of ``workbooks`` (their names must differ), keyed by input path."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    names = [w.name for w in workbooks]
    if len(set(names)) != len(names):
        raise ValueError("workbooks to recalculate together need different file names")
    user = profile_dir / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_RECALC_ALWAYS, encoding="utf-8")
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [exe, f"-env:UserInstallation={profile_dir.resolve().as_uri()}", "--headless",
               "--norestore", "--nologo", "--calc", "--convert-to", "xlsx",
               "--outdir", str(out_dir), *(str(w) for w in workbooks)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    results = {w: out_dir / w.name for w in workbooks}
    missing = [str(w) for w, out in results.items() if not out.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice did not convert {', '.join(missing)} "
                           f"(exit {done.returncode}): {done.stderr.strip()}")
    return results
