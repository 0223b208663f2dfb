"""Where Tradeoff's bundled files live, from a wheel or from a source checkout.

In an installed wheel ``resources/`` and ``matrices/`` travel inside the
package as ``tradeoff.resources`` and ``tradeoff.matrices``; in a checkout (an
editable install or ``PYTHONPATH=app``) they sit at the top of the repository.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parents[2]


def _folder(package: str, checkout_name: str) -> Path:
    try:
        found = importlib.resources.files(package)
    except ModuleNotFoundError:
        found = None
    if found is not None:
        path = Path(str(found))
        if path.is_dir():
            return path
    return _REPO_ROOT / checkout_name


def resources_dir() -> Path:
    """The folder holding icons, the JSON Schema, the desktop file and styles."""
    return _folder("tradeoff.resources", "resources")


def matrices_dir() -> Path:
    """The folder holding the example matrices."""
    return _folder("tradeoff.matrices", "matrices")


def resource_path(name: str) -> Path:
    return resources_dir() / name


def example_path(name: str = "budapest-summit.toml") -> Path:
    return matrices_dir() / name


def example_matrices() -> list[Path]:
    return sorted(matrices_dir().glob("*.toml"))
