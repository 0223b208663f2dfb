"""Where the built user guide is, and opening a page of it in the browser.

``make docs`` builds the guide into ``resources/guide/``, which ships inside the
package (and the standalone build), so it opens from disk, offline.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from tradeoff.paths import resource_path

GUIDE_FOLDER = "guide"
NOT_BUILT = ("The user guide is not built in this copy of Tradeoff; run `make docs` in the "
             "source folder (docs/ holds the same pages as Markdown).")


def guide_folder() -> Path:
    return resource_path(GUIDE_FOLDER)


def page_url(page: str = "index.html", folder: Path | None = None) -> QUrl | None:
    """The guide page ``page`` (``how-sure.html#monte-carlo``) as a file URL, or None
    when the guide is not built."""
    name, _, anchor = page.partition("#")
    path = (folder or guide_folder()) / name
    if not path.is_file():
        return None
    url = QUrl.fromLocalFile(str(path))
    if anchor:
        url.setFragment(anchor)
    return url


def open_page(page: str = "index.html", folder: Path | None = None) -> bool:
    """Open the page in the default browser; False when the guide is not built."""
    url = page_url(page, folder)
    return url is not None and QDesktopServices.openUrl(url)
