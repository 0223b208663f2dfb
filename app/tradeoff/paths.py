"""Where Tradeoff's bundled files live, from a wheel or from a source checkout.

In an installed wheel ``resources/`` and ``matrices/`` travel inside the
package as ``tradeoff.resources`` and ``tradeoff.matrices``; in a checkout (an
editable install or ``PYTHONPATH=app``) they sit at the top of the repository.
"""

from __future__ import annotations

from pathlib import Path

# The installed package's own folder: what importlib.resources.files("tradeoff") gives
# for a package on disk, found without importing importlib.resources (1.5 ms at start-up).
_PACKAGE_DIR = Path(__file__).parent
_REPO_ROOT = Path(__file__).resolve().parents[2]


def _folder(name: str) -> Path:
    # In a wheel the folder sits inside the installed package; in a checkout it
    # does not, and the repository's own folder is the one to use.
    packaged = _PACKAGE_DIR / name
    return packaged if packaged.is_dir() else _REPO_ROOT / name


def resources_dir() -> Path:
    """The folder holding icons, the JSON Schema, the desktop file and styles."""
    return _folder("resources")


def matrices_dir() -> Path:
    """The folder holding the example matrices."""
    return _folder("matrices")


def resource_path(name: str) -> Path:
    return resources_dir() / name


def example_path(name: str = "budapest-summit.toml") -> Path:
    return matrices_dir() / name


def example_matrices() -> list[Path]:
    return sorted(matrices_dir().glob("*.toml"))
