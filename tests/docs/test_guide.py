"""The user guide cannot rot: it builds without a warning, every example in it
runs, its generated sections follow the program, its pictures exist."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DOCS = REPO / "docs"
sys.path.insert(0, str(REPO))

from scripts.guide.generated import expand, glossary, schema, shortcuts  # noqa: E402
from scripts.guide.run_blocks import FENCE, GuideError, run_page  # noqa: E402

PAGES = sorted(DOCS.glob("*.md"))


def test_the_guide_builds_strict_and_offline(tmp_path):
    site = tmp_path / "site"
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                        str(site)], cwd=REPO, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "WARNING" not in r.stderr
    pages = {p.name for p in site.glob("*.html")}
    assert {f"{p.stem}.html" for p in PAGES} <= pages
    for page in site.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        # Nothing fetched from the web: the guide opens offline from the installed package.
        assert not re.search(r'<(script|link|img)[^>]+(src|href)="(https?:)?//', text), page.name
    api = (site / "api-reference.html").read_text(encoding="utf-8")
    assert "with_weights" in api and "rank_acceptability" in api  # from the docstrings


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_example_on_the_page_runs(page):
    source = page.read_text(encoding="utf-8")
    built = run_page(expand(source, page.name), page.name)
    assert "<!-- = " not in built and "<!-- generated:" not in built
    blocks = [m["info"].split()[0] for m in FENCE.finditer(source) if m["info"].strip()]
    for language in blocks:
        assert language in {"python", "console", "toml"}


def test_every_page_runs_something_or_is_generated():
    quiet = [p.name for p in PAGES
             if not FENCE.search(p.read_text(encoding="utf-8"))
             and "<!-- generated:" not in p.read_text(encoding="utf-8")
             and ":::" not in p.read_text(encoding="utf-8")]
    assert set(quiet) <= {"index.md"}


def test_a_failing_example_stops_the_page():
    with pytest.raises(GuideError, match="ZeroDivisionError"):
        run_page("```python\n1 / 0\n```\n", "bad.md")
    with pytest.raises(GuideError, match="exited 2"):
        run_page("```console\n$ tradeoff score nowhere.toml\n```\n", "bad.md")
    with pytest.raises(GuideError, match="only '\\$ tradeoff"):
        run_page("```console\n$ rm -rf /\n```\n", "bad.md")
    with pytest.raises(GuideError, match="the guide uses"):
        run_page("```bash\nmake run\n```\n", "bad.md")
    with pytest.raises(GuideError, match="does not read"):
        run_page("```toml\nformat = 1\n[matrix]\nfoo = 1\n```\n", "bad.md")


def test_output_is_the_programs():
    built = run_page("```python\nprint(6 * 7)\n```\n\nThe answer: <!-- = 6 * 7 -->.\n", "x.md")
    assert "```text\n42\n```" in built and "The answer: 42." in built


def test_shortcuts_come_from_the_module_that_declares_them():
    from tradeoff.gui.common.shortcuts import SHORTCUTS

    table = shortcuts()
    assert len(table.splitlines()) == len(SHORTCUTS) + 2
    # Labels are the menus' own words, taken from the real window.
    assert "| Add Option | `Ctrl+Shift+O` |" in table
    assert "| Export to Excel | `Ctrl+E` |" in table
    assert "| User Guide | `F1` |" in table


def test_the_file_format_comes_from_the_schema():
    import json

    doc = json.loads((REPO / "resources" / "matrix.schema.json").read_text(encoding="utf-8"))
    text = schema()
    for key in doc["properties"]:
        assert f"### `{key}`" in text
    for key in doc["$defs"]["criterion"]["properties"]:
        assert f"| `{key}` |" in text
    assert "The score that is worth 0." in text


def test_the_glossary_page_has_every_term_and_its_links_resolve():
    from tradeoff.gui.help.glossary import GLOSSARY

    text = glossary()
    for term in GLOSSARY:
        assert f"**{term.name}**" in text
        page, _, anchor = term.guide.partition("#")
        source = (DOCS / page.replace(".html", ".md")).read_text(encoding="utf-8")
        headings = [re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-")
                    for h in re.findall(r"^#+ (.+)$", source, re.M)]
        assert not anchor or anchor in headings, term.guide


def test_every_picture_the_guide_uses_exists_and_every_picture_is_used():
    used = {m for p in PAGES for m in re.findall(r"\]\((images/[^)]+)\)",
                                                 p.read_text(encoding="utf-8"))}
    assert used
    for image in used:
        assert (DOCS / image).is_file(), image
    on_disk = {f"images/{p.name}" for p in (DOCS / "images").glob("*.png")}
    assert on_disk == used


def test_the_readmes_python_example_runs():
    from scripts.guide.run_blocks import scratch_folder

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks
    with scratch_folder() as folder:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})
        assert (folder / "cautious.xlsx").is_file()
