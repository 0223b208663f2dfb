"""What a group of the value tree may be renamed to and moved into, and how its
place is written; shared by the group actions and the rename dialog."""

from __future__ import annotations

from tradeoff.core.edits import group_name_problem
from tradeoff.core.model import DecisionMatrix, Group


def name_problem(matrix: DecisionMatrix, group: Group, name: str) -> str | None:
    """Why ``name`` cannot be the group's new name, or None.

    Keeping the current name is always allowed, so a description can be edited
    even in a file where that name already clashes.
    """
    if name.strip() == group.name:
        return None
    return group_name_problem(matrix, name, group.id)


def possible_parents(matrix: DecisionMatrix, group_id: str) -> list[str]:
    """Groups ``group_id`` could move into: not itself, nor any group below it."""
    below = {group_id}
    grew = True
    while grew:
        grew = False
        for g in matrix.groups:
            if g.parent in below and g.id not in below:
                below.add(g.id)
                grew = True
    return [g.id for g in matrix.groups if g.id not in below]


def group_path_text(matrix: DecisionMatrix, group_id: str) -> str:
    path = [group_id]
    while matrix.group(path[-1]).parent:
        path.append(matrix.group(path[-1]).parent)
    return " › ".join(matrix.group(g).name for g in reversed(path))
