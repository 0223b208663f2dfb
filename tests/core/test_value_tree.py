"""The value tree: walks stay linear, one cycle check, and nesting is capped at 32 levels.

A chain of 3,000 nested groups used to take ~90 s to validate (each group's
ancestors were searched for by a scan of every group); a file that small must
not tie up any command. The subprocess tests bound each command with a
timeout far above the time it takes (a hang guard, not a speed figure; the
figures come from benchmarks/bench_value_tree.py).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factories import small_matrix
from tradeoff.core.edits import regroup, update_group
from tradeoff.core.model import Criterion, DecisionMatrix, Group, Option, Score, WeightProfile
from tradeoff.core.validate import check_matrix
from tradeoff.core.value_tree import (
    MAX_GROUP_DEPTH,
    children_index,
    criterion_paths,
    subtree_height,
    tree_problems,
)
from tradeoff.core.weights import normalised_weights

HANG_GUARD_S = 60


def tree_matrix(n: int, kind: str) -> DecisionMatrix:
    """``n`` groups in a chain, a cycle or side by side, with a criterion under the last."""
    groups = []
    for i in range(n):
        if kind == "chain":
            parent = f"g{i - 1}" if i else None
        elif kind == "cycle":
            parent = f"g{(i - 1) % n}"
        else:
            parent = None
        groups.append(Group(f"g{i}", f"G{i}", parent=parent))
    criteria = [Criterion("c", "C", worst=0, best=10, group=f"g{n - 1}"),
                Criterion("d", "D", worst=0, best=10)]
    weights = {f"g{i}": 1.0 for i in range(n)} | {"c": 1.0, "d": 1.0}
    return DecisionMatrix(groups=groups, criteria=criteria,
                          options=[Option("a", "A"), Option("b", "B")],
                          scores={("a", "c"): Score(1), ("a", "d"): Score(2),
                                  ("b", "c"): Score(3), ("b", "d"): Score(4)},
                          profiles=[WeightProfile("p", "P", weights)])


def test_a_tree_32_levels_deep_is_sound_and_weighs_like_a_flat_one():
    m = tree_matrix(MAX_GROUP_DEPTH, "chain")
    assert check_matrix(m) == []
    # Every group holds one member besides the chain below it, so c's weight is 1/2 of the top.
    assert list(normalised_weights(m)) == pytest.approx([0.5, 0.5])


def test_33_levels_are_refused_naming_the_group_that_goes_too_deep():
    problems = [str(p) for p in check_matrix(tree_matrix(MAX_GROUP_DEPTH + 1, "chain"))]
    assert problems == ["groups[32].parent: group 'g32' is nested 33 levels deep; a value tree "
                        "may have at most 32 levels of groups"]


def test_a_long_cycle_is_reported_once():
    problems = [p for p in check_matrix(tree_matrix(1000, "cycle")) if "cycle" in p.message]
    assert len(problems) == 1
    assert problems[0].path == "groups[0].parent"
    assert "a cycle of 1000 groups" in problems[0].message


def test_a_group_hanging_below_a_cycle_is_not_reported_again():
    m = tree_matrix(3, "cycle")
    m.groups.append(Group("below", "Below", parent="g1"))
    m.profiles[0].weights["below"] = 1
    assert len(tree_problems(m)) == 1


def tree_file(n: int, kind: str) -> str:
    """A matrix file with ``n`` groups in a chain, a cycle or side by side."""
    lines = ["format = 1", "[matrix]", 'title = "deep"', ""]
    for i in range(n):
        parent = f"g{(i - 1) % n}" if kind == "cycle" or (kind == "chain" and i) else None
        lines += ["[[groups]]", f'id = "g{i}"', f'name = "G{i}"',
                  f'parent = "{parent}"' if parent else "", ""]
    lines += ["[[criteria]]", 'id = "c"', 'name = "C"', f'group = "g{n - 1}"', "worst = 0",
              "best = 10", "", "[[criteria]]", 'id = "d"', 'name = "D"', "worst = 0",
              "best = 10", "", "[[options]]", 'id = "a"', 'name = "A"', "", "[[options]]",
              'id = "b"', 'name = "B"', "", "[scores.a]", "c = { value = 1 }",
              "d = { value = 2 }", "", "[scores.b]", "c = { value = 3 }", "d = { value = 1 }",
              "", "[[profiles]]", 'id = "p"',
              'name = "P"', "[profiles.weights]", *[f"g{i} = 1" for i in range(n)], "c = 1",
              "d = 1"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("kind", ["chain", "cycle"])
def test_a_3000_group_tree_does_not_tie_up_the_commands(tmp_path: Path, kind: str):
    path = tmp_path / f"{kind}.toml"
    path.write_text(tree_file(3000, kind), encoding="utf-8")
    for command in ("validate", "score", "analyse"):
        done = subprocess.run([sys.executable, "-m", "tradeoff", command, str(path)],
                              capture_output=True, text=True, timeout=HANG_GUARD_S)
        assert done.returncode == 2, (command, done.stderr)
        assert ("nested 33 levels deep" if kind == "chain" else "a cycle of 3000 groups") \
            in done.stderr


def test_a_file_of_3000_side_by_side_groups_is_analysed(tmp_path: Path):
    # Sound, so every analysis runs; a sweep per group used to re-walk the whole tree.
    path = tmp_path / "flat.toml"
    path.write_text(tree_file(3000, "flat"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "tradeoff", "analyse", str(path)],
                          capture_output=True, text=True, timeout=HANG_GUARD_S)
    assert done.returncode == 0, done.stderr
    assert "Ranking" in done.stdout or "rank" in done.stdout.lower()


def test_moving_a_group_that_would_nest_too_deep_is_refused_and_changes_nothing():
    m = tree_matrix(MAX_GROUP_DEPTH, "chain")
    m.groups.append(Group("top", "Top"))
    m.profiles[0].weights["top"] = 1
    with pytest.raises(ValueError, match="33 levels of groups deep; it may have at most 32"):
        update_group(m, "g0", parent="top")
    with pytest.raises(ValueError, match="at most 32"):
        regroup(m, {}, {"g0": "top"})
    assert m.group("g0").parent is None
    assert subtree_height(m, "g0") == MAX_GROUP_DEPTH


@st.composite
def trees(draw: st.DrawFn) -> DecisionMatrix:
    """Random sound trees: each group hangs under an earlier one or the top level."""
    n = draw(st.integers(0, 12))
    groups = [Group(f"g{i}", f"G{i}", parent=draw(st.sampled_from([None, *[f"g{j}" for j
                                                                          in range(i)]])))
              for i in range(n)]
    k = draw(st.integers(1, 8))
    ids = [None, *[g.id for g in groups]]
    criteria = [Criterion(f"c{j}", f"C{j}", worst=0, best=1, group=draw(st.sampled_from(ids)))
                for j in range(k)]
    order = draw(st.permutations(groups))
    return DecisionMatrix(groups=list(order), criteria=criteria)


@given(trees())
@settings(max_examples=150, deadline=None)
def test_memoised_paths_and_the_child_index_agree_with_the_plain_walks(m: DecisionMatrix):
    paths = criterion_paths(m)
    assert paths == {c.id: m.group_path(c.id) for c in m.criteria}
    index = children_index(m)
    for parent in [None, *[g.id for g in m.groups]]:
        assert index.get(parent, []) == m.children(parent)
    assert tree_problems(m) == []


def test_the_small_matrix_weights_are_unchanged():
    # Hand-computed in tests/core/test_scoring.py: groups 1:1, criteria 1:1 under each.
    assert list(normalised_weights(small_matrix())) == pytest.approx([0.5, 0.25, 0.25])
