"""core and io stay free of Qt, so they run headless, in the CLI and in worker threads."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "app" / "tradeoff"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "matplotlib.backends.backend_qtagg")


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", ["core", "io"])
def test_no_qt_import_statement(layer):
    offenders = []
    for path in _modules(layer):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.startswith(QT_MODULES) or name.startswith("tradeoff.gui"):
                    offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno} imports {name}")
    assert offenders == []


def test_importing_core_and_io_loads_no_qt():
    modules = [
        "tradeoff." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for layer in ("core", "io") for p in _modules(layer)
    ]
    modules = [m.removesuffix(".__init__") for m in modules]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "import tradeoff.cli\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == ""
