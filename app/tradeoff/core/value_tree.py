"""Walks of the value tree (groups of criteria) that stay linear in its size.

Every walk here visits each group a bounded number of times: parents are
looked up in a dictionary built once, paths are memoised, and one colouring
pass finds cycles. Nesting is capped at :data:`MAX_GROUP_DEPTH` levels, far
more than any analysis needs, so that a small file cannot make a command walk
long chains over and over.
"""

from __future__ import annotations

from tradeoff.core.errors import Problem
from tradeoff.core.model import DecisionMatrix

MAX_GROUP_DEPTH = 32  # levels of groups above a criterion; the file format documents it


def parents(m: DecisionMatrix) -> dict[str, str | None]:
    """Each group's parent (None: the top level)."""
    return {g.id: g.parent for g in m.groups}


def children_index(m: DecisionMatrix) -> dict[str | None, list[str]]:
    """Every parent's direct members, groups first (as ``DecisionMatrix.children``)."""
    index: dict[str | None, list[str]] = {}
    for g in m.groups:
        index.setdefault(g.parent, []).append(g.id)
    for c in m.criteria:
        index.setdefault(c.group, []).append(c.id)
    return index


def group_paths(m: DecisionMatrix) -> dict[str, list[str]]:
    """Each group's path of group ids from the top level down to itself.

    Memoised, so each group is visited once. A parent that is unknown, or a
    cycle, ends the path there (check_matrix reports both).
    """
    up = parents(m)
    paths: dict[str, list[str]] = {}
    for start in up:
        chain: list[str] = []
        on_chain: set[str] = set()
        node: str | None = start
        while node is not None and node in up and node not in paths and node not in on_chain:
            on_chain.add(node)
            chain.append(node)
            node = up[node]
        path = paths[node] if node is not None and node in paths else []
        for gid in reversed(chain):
            path = [*path, gid]
            paths[gid] = path
    return paths


def criterion_paths(m: DecisionMatrix) -> dict[str, list[str]]:
    """Each criterion's groups from the top level down to its own group."""
    paths = group_paths(m)
    return {c.id: list(paths.get(c.group, [])) if c.group is not None else []
            for c in m.criteria}


def subtree_height(m: DecisionMatrix, group_id: str) -> int:
    """Levels of groups from ``group_id`` (1) down to its deepest subgroup."""
    group_ids = {g.id for g in m.groups}
    index = {parent: [k for k in kids if k in group_ids]
             for parent, kids in children_index(m).items()}
    height, level, seen = 0, [group_id], {group_id}
    while level:
        height += 1
        level = [k for g in level for k in index.get(g, []) if k not in seen]
        seen.update(level)
    return height


def tree_problems(m: DecisionMatrix) -> list[Problem]:
    """Unknown parents, cycles (each reported once) and nesting beyond the cap."""
    problems: list[Problem] = []
    up = parents(m)
    position = {g.id: i for i, g in enumerate(m.groups)}
    for i, g in enumerate(m.groups):
        if g.parent is not None and g.parent not in up:
            problems.append(Problem(f"groups[{i}].parent", f"unknown group {g.parent!r}"))
    # Levels from the top (a top-level group is 1); 0 marks a group on or below a cycle.
    depth: dict[str, int] = {}
    too_deep: list[str] = []
    for start in up:
        chain: list[str] = []
        on_chain: dict[str, int] = {}
        node: str | None = start
        while node is not None and node in up and node not in depth and node not in on_chain:
            on_chain[node] = len(chain)
            chain.append(node)
            node = up[node]
        if node is not None and node in on_chain:  # the walk came back to itself
            loop = chain[on_chain[node]:]
            first = min(loop, key=position.__getitem__)
            names = " → ".join(repr(x) for x in loop[:5]) + (" → …" if len(loop) > 5 else "")
            problems.append(Problem(f"groups[{position[first]}].parent",
                                    f"group {first!r} is its own ancestor (a cycle of "
                                    f"{len(loop)} groups: {names})"))
            depth.update(dict.fromkeys(chain, 0))
            continue
        base = depth.get(node, 0) if node is not None else 0
        if node is not None and node in depth and base == 0:  # hangs below a cycle
            depth.update(dict.fromkeys(chain, 0))
            continue
        for gid in reversed(chain):
            base += 1
            depth[gid] = base
            if base == MAX_GROUP_DEPTH + 1:
                too_deep.append(gid)
    for gid in too_deep:
        problems.append(Problem(f"groups[{position[gid]}].parent",
                                f"group {gid!r} is nested {MAX_GROUP_DEPTH + 1} levels deep; a "
                                f"value tree may have at most {MAX_GROUP_DEPTH} levels of groups"))
    return problems
