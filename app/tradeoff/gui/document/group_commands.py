"""Undo commands for the groups of the value tree: rename one, or delete one.

Deleting a group is a :class:`~tradeoff.gui.document.commands.Macro` run as one undo
step: its criteria and subgroups move up to its parent (or the top level),
every profile trades the group's weight for rescaled member weights (see
:func:`tradeoff.core.edits.ungrouped_profile`), then the emptied group goes.
Each part saves what it replaced, so undo puts back the same objects.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from tradeoff.core.edits import ungrouped_profile
from tradeoff.core.model import DecisionMatrix, Group
from tradeoff.gui.document import Document, commands

KEEP_PARENT = "\x00keep"  # rename_group_command: leave the group where it is

class UpdateGroup(QUndoCommand):
    """Change some of a group's name, description and parent; its id stays."""

    def __init__(self, doc: Document, group_id: str, text: str = "",
                 **fields: str | None) -> None:
        old = doc.matrix.group(group_id)
        super().__init__(text or f"Edit group {old.name}")
        self.doc, self.group_id = doc, group_id
        self.new = dict(fields)
        self.old = {key: getattr(old, key) for key in fields}

    def redo(self) -> None:
        self.doc.update_group(self.group_id, **self.new)

    def undo(self) -> None:
        self.doc.update_group(self.group_id, **self.old)


class Regroup(QUndoCommand):
    """Move criteria into groups and groups under parents, all at once."""

    def __init__(self, doc: Document, criteria: dict[str, str | None],
                 groups: dict[str, str | None], text: str = "Move in the value tree") -> None:
        super().__init__(text)
        self.doc, self.new = doc, (dict(criteria), dict(groups))
        self.old: tuple[dict[str, str | None], dict[str, str | None]] | None = None

    def redo(self) -> None:
        self.old = self.doc.regroup(*self.new)

    def undo(self) -> None:
        assert self.old is not None
        self.doc.regroup(*self.old)


class RemoveGroup(QUndoCommand):
    """Remove a group with no members left; undo puts it back at its place in the list."""

    def __init__(self, doc: Document, group_id: str) -> None:
        super().__init__(f"Remove group {doc.matrix.group(group_id).name}")
        self.doc, self.group_id = doc, group_id
        self.removed: tuple[int, Group, dict[str, float]] | None = None

    def redo(self) -> None:
        self.removed = self.doc.remove_group(self.group_id)

    def undo(self) -> None:
        assert self.removed is not None
        index, group, weights = self.removed
        self.doc.insert_group(index, group, weights)
        # Inserting gives a weight to every profile; one that had none gets none back.
        for profile in self.doc.matrix.profiles:
            if profile.id not in weights:
                self.doc.set_weight(profile.id, group.id, None)


def rename_group_command(doc: Document, group_id: str, name: str, description: str,
                         parent: str | None = KEEP_PARENT) -> UpdateGroup:
    """One undo step giving a group a new name and description, and a new parent when
    ``parent`` is given (None: the top level); the caller checked both."""
    old = doc.matrix.group(group_id)
    fields: dict[str, str | None] = {"name": name, "description": description}
    if parent != KEEP_PARENT and parent != old.parent:
        fields["parent"] = parent
        where = doc.matrix.group(parent).name if parent else "the top level"
        text = f"Move group {old.name} into {where}"
    elif name != old.name:
        text = f"Rename group {old.name} to {name}"
    else:
        text = f"Edit group {old.name}"
    return UpdateGroup(doc, group_id, text, **fields)


def delete_group_command(doc: Document, group_id: str) -> commands.Macro:
    """One undo step dissolving a group into its parent (see the module docstring)."""
    m = doc.matrix
    group = m.group(group_id)
    macro = commands.Macro(f"Delete group {group.name}")
    # The new profiles are worked out while the group still holds its members.
    profiles = [ungrouped_profile(m, p, group_id) for p in m.profiles
                if group_id in p.weights or _has_stale_record(p.elicitation, group)]
    # Members move first, so at every point between the parts each criterion that
    # carries weight still has a weight to carry. They move in one command, so the
    # views rebuild once rather than once per member.
    macro.kids.append(Regroup(doc, {c.id: group.parent for c in m.criteria
                                    if c.group == group_id},
                              {g.id: group.parent for g in m.groups if g.parent == group_id}))
    macro.kids.extend(commands.ReplaceProfile(doc, p) for p in profiles)
    macro.kids.append(RemoveGroup(doc, group_id))
    return macro


def _has_stale_record(elicitation: dict, group: Group) -> bool:
    """Whether a profile keeps judgements that dissolving ``group`` makes stale."""
    # Imported here, not at start-up: the records module loads all of elicitation.
    from tradeoff.core.elicitation.records import level_key

    return level_key(group.id) in elicitation or level_key(group.parent) in elicitation


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def deletion_question(m: DecisionMatrix, group_id: str) -> tuple[str, str]:
    """The question to ask before deleting a group, and what will happen, in words."""
    group = m.group(group_id)
    criteria = sum(c.group == group_id for c in m.criteria)
    subgroups = sum(g.parent == group_id for g in m.groups)
    where = ("the top level" if group.parent is None
             else f"the group “{m.group(group.parent).name}”")
    members = " and ".join(_count(n, one, many) for n, one, many in [
        (criteria, "criterion", "criteria"), (subgroups, "group", "groups")] if n)
    lines = []
    if members:
        verb = "moves" if criteria + subgroups == 1 else "move"
        lines.append(f"Its {members} {verb} to {where}.")
    else:
        lines.append("It has no criteria or groups in it.")
    weighted = sum(group_id in p.weights for p in m.profiles)
    if weighted and members:
        lines.append(f"Its weight in {_count(weighted, 'profile', 'profiles')} is dropped; "
                     "its members take over its share, so every criterion keeps its "
                     "normalised weight.")
    elif weighted:
        lines.append(f"Its weight in {_count(weighted, 'profile', 'profiles')} is dropped; "
                     "no criterion's weight changes.")
    stale = sum(_has_stale_record(p.elicitation, group) for p in m.profiles)
    if stale:
        lines.append(f"Stored elicitation judgements for this level and the one above "
                     f"no longer apply and are dropped from "
                     f"{_count(stale, 'profile', 'profiles')}.")
    lines.append("Undo brings everything back.")
    return f"Delete group “{group.name}”?", " ".join(lines)
