"""MkDocs hook: fill in the generated sections and run every example of a page.

Named in mkdocs.yml (``hooks:``); ``make docs`` builds with ``--strict``, so a
failing example, a broken link or a missing image stops the build.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from scripts.guide.generated import expand  # noqa: E402
from scripts.guide.run_blocks import run_page  # noqa: E402


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    name = page.file.src_uri
    return run_page(expand(markdown, name), name)
