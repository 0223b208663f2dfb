"""Bundled resources and examples are found from a checkout and from an installed wheel."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tradeoff.paths import example_matrices, example_path, matrices_dir, resources_dir

REPO = Path(__file__).resolve().parents[1]
PROBE = (
    "import sys; from tradeoff.paths import example_path, resource_path, example_matrices;"
    "print(example_path()); print(resource_path('matrix.schema.json'));"
    "print(len(example_matrices()))"
)


def test_checkout_finds_the_repository_folders():
    assert matrices_dir() == REPO / "matrices"
    assert resources_dir() == REPO / "resources"
    assert example_path().is_file()
    assert example_path() in example_matrices()


def test_plain_checkout_without_install_finds_them():
    """PYTHONPATH=app with no install at all: the fallback to the repository folders."""
    r = subprocess.run([sys.executable, "-S", "-c", PROBE], capture_output=True, text=True,
                       env={"PYTHONPATH": str(REPO / "app")}, timeout=60)
    assert r.returncode == 0, r.stderr
    example, schema, count = r.stdout.split("\n")[:3]
    assert Path(example) == REPO / "matrices" / "budapest-summit.toml"
    assert Path(schema) == REPO / "resources" / "matrix.schema.json"
    assert int(count) == len(list((REPO / "matrices").glob("*.toml")))


@pytest.mark.slow
def test_installed_wheel_carries_resources_and_examples(tmp_path):
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "-q", "-w", str(tmp_path / "dist"), str(REPO)],
                       capture_output=True, text=True, timeout=600)
    if r.returncode != 0 and "No module named" in r.stderr:
        r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            str(tmp_path / "dist"), str(REPO)],
                           capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    (wheel,) = (tmp_path / "dist").glob("tradeoff-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tradeoff/matrices/budapest-summit.toml" in names
    assert "tradeoff/resources/matrix.schema.json" in names
    assert not any(n.startswith("tests/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    # Run from an unrelated folder with only the unpacked wheel on the path.
    r = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                       cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
                       timeout=60)
    assert r.returncode == 0, r.stderr
    example, schema, count = r.stdout.split("\n")[:3]
    assert Path(example) == site / "tradeoff" / "matrices" / "budapest-summit.toml"
    assert Path(schema).is_file() and Path(schema).is_relative_to(site)
    assert int(count) == len(list((REPO / "matrices").glob("*.toml")))
    # The command line works from the wheel alone (dependencies from this environment).
    r = subprocess.run([sys.executable, "-m", "tradeoff", "score", str(Path(example)),
                        "--format", "json"], capture_output=True, text=True, cwd=tmp_path,
                       env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert r.returncode == 0, r.stderr
    assert '"ranking"' in r.stdout


def test_every_package_is_listed_for_the_wheel():
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
                 ["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(REPO / "app").parts)
        for p in (REPO / "app" / "tradeoff").rglob("__init__.py")
    }
    assert on_disk - listed == set()
