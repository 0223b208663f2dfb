"""The README's promises: its example file loads, its two commands exist."""

from __future__ import annotations

import re
from pathlib import Path

from tradeoff.core.scoring import score
from tradeoff.io.matrix_file import loads

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text()


def test_readme_toml_example_is_a_valid_matrix():
    (block,) = re.findall(r"```toml\n(.*?)```", README, flags=re.S)
    m = loads(block, source="README example")
    result = score(m)
    assert not result.issues
    stated = re.search(r"\*\*(\w+)\*\* comes out ahead with a total of\s+([\d.]+)\s+against "
                       r"(\w+)'s ([\d.]+)", README)
    assert stated, "the README states the example's winner after the example"
    winner, total, runner_up, runner_up_total = stated.groups()
    names = {o.id: o.name for o in m.options}
    assert names[result.winner] == winner
    assert round(result.totals[result.winner], 2) == float(total)
    loser = next(o for o in m.options if o.id != result.winner)
    assert loser.name == runner_up
    assert round(result.totals[loser.id], 2) == float(runner_up_total)


def test_readme_gives_make_run_and_make_test_and_makefile_has_them():
    assert "make run" in README and "make test" in README
    makefile = (REPO / "Makefile").read_text()
    assert re.search(r"^run:", makefile, flags=re.M)
    assert re.search(r"^test:", makefile, flags=re.M)
    assert "make test" in (REPO / ".ci" / "run").read_text()


def test_python_version_file_selects_312_or_newer():
    major, minor = (REPO / ".python-version").read_text().strip().split(".")[:2]
    assert (int(major), int(minor)) >= (3, 12)
