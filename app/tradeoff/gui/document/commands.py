"""Undo commands: one per user action, each a thin pair of calls into the Document.

Compound edits (a paste, adding a criterion in a new group) are a :class:`Macro`
of commands, so they undo as one step. Weight changes from a
slider drag or a run of spin-box steps carry the same ``merge_key`` and merge
into one step.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtGui import QUndoCommand

from tradeoff.core.edits import CRITERION_AXIS, OPTION_AXIS, ScenarioCells
from tradeoff.core.model import Criterion, DecisionMatrix, Group, Option, Score, WeightProfile
from tradeoff.gui.document import Document

SET_WEIGHT_ID = 1001


class Macro(QUndoCommand):
    """Several commands that undo and redo as one step (redo in order, undo reversed).

    The children are plain Python-owned commands run by this one, rather than
    Qt child commands: Qt would own and delete their C++ side while Python still
    holds the redo/undo overrides, which crashes when the stack is cleared.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.kids: list[QUndoCommand] = []

    def redo(self) -> None:
        for kid in self.kids:
            kid.redo()

    def undo(self) -> None:
        for kid in reversed(self.kids):
            kid.undo()


def _adopt(parent: Macro | None, child: QUndoCommand) -> None:
    if parent is not None:
        parent.kids.append(child)


class SetScore(QUndoCommand):
    """A score edit; while a scenario is shown, an edit of that scenario's override
    (the scenario is fixed when the command is made, so undo reaches the same cell)."""

    def __init__(self, doc: Document, option_id: str, criterion_id: str, score: Score | None,
                 text: str = "", parent: Macro | None = None) -> None:
        super().__init__(text or "Edit score")
        _adopt(parent, self)
        self.doc, self.option_id, self.criterion_id = doc, option_id, criterion_id
        self.scenario_id = doc.scenario_id
        self.new = replace(score) if score is not None else None
        self.old: Score | None = None

    def redo(self) -> None:
        self.old = self.doc.set_score(self.option_id, self.criterion_id, self.new,
                                      self.scenario_id)

    def undo(self) -> None:
        self.doc.set_score(self.option_id, self.criterion_id, self.old, self.scenario_id)


def set_scores(doc: Document, cells: dict[tuple[str, str], Score | None],
               text: str) -> Macro:
    """One undo step setting many cells (paste, clear)."""
    parent = Macro(text)
    for (oid, cid), s in cells.items():
        SetScore(doc, oid, cid, s, parent=parent)
    return parent


# -- options -------------------------------------------------------------------
class InsertOption(QUndoCommand):
    """Add an option; ``overrides`` (scenario id → cells) are its scenarios' scores,
    as a duplicate copies its source's. Nothing else comes with it: a removed option's
    overrides come back only by undoing that removal."""

    def __init__(self, doc: Document, index: int, option: Option,
                 scores: dict[str, Score] | None = None, text: str = "",
                 overrides: ScenarioCells | None = None) -> None:
        super().__init__(text or f"Add option {option.name}")
        self.doc, self.index, self.option = doc, index, option
        self.scores = dict(scores or {})
        self.overrides = overrides or {}

    def redo(self) -> None:
        self.doc.insert_option(self.index, self.option,
                               {k: replace(s) for k, s in self.scores.items()},
                               self.overrides)

    def undo(self) -> None:
        self.doc.remove_option(self.option.id)


class RemoveOption(QUndoCommand):
    """Remove an option; its base scores and every scenario's overrides of it are
    kept here, and only this command's undo gives them back."""

    def __init__(self, doc: Document, option_id: str,
                 parent: Macro | None = None) -> None:
        name = doc.matrix.option(option_id).name
        super().__init__(f"Remove option {name}")
        _adopt(parent, self)
        self.doc, self.option_id = doc, option_id
        self.removed: tuple[int, Option, dict[str, Score]] | None = None
        self.overrides: ScenarioCells = {}

    def redo(self) -> None:
        self.overrides = self.doc.take_overrides(self.option_id, OPTION_AXIS)
        self.removed = self.doc.remove_option(self.option_id)

    def undo(self) -> None:
        assert self.removed is not None
        index, option, scores = self.removed
        self.doc.insert_option(index, option, scores, self.overrides)


class MoveOption(QUndoCommand):
    def __init__(self, doc: Document, option_id: str, new_index: int) -> None:
        super().__init__(f"Move option {doc.matrix.option(option_id).name}")
        self.doc, self.option_id, self.new_index = doc, option_id, new_index
        self.old_index = doc.matrix.option_index(option_id)

    def redo(self) -> None:
        self.doc.move_option(self.option_id, self.new_index)

    def undo(self) -> None:
        self.doc.move_option(self.option_id, self.old_index)


class UpdateOption(QUndoCommand):
    def __init__(self, doc: Document, option_id: str, name: str, description: str) -> None:
        super().__init__(f"Edit option {name}")
        self.doc, self.option_id = doc, option_id
        self.new = {"name": name, "description": description}
        old = doc.matrix.option(option_id)
        self.old = {"name": old.name, "description": old.description}

    def redo(self) -> None:
        self.doc.update_option(self.option_id, **self.new)

    def undo(self) -> None:
        self.doc.update_option(self.option_id, **self.old)


# -- criteria and groups ------------------------------------------------------------
class InsertGroup(QUndoCommand):
    def __init__(self, doc: Document, group: Group, parent: Macro | None = None) -> None:
        super().__init__(f"Add group {group.name}")
        _adopt(parent, self)
        self.doc, self.group = doc, group

    def redo(self) -> None:
        self.doc.insert_group(len(self.doc.matrix.groups), self.group, None)

    def undo(self) -> None:
        self.doc.remove_group(self.group.id)


class InsertCriterion(QUndoCommand):
    """Add a criterion; ``overrides`` as for :class:`InsertOption`."""

    def __init__(self, doc: Document, index: int, criterion: Criterion,
                 scores: dict[str, Score] | None = None,
                 weights: dict[str, float] | None = None, text: str = "",
                 parent: Macro | None = None,
                 overrides: ScenarioCells | None = None) -> None:
        super().__init__(text or f"Add criterion {criterion.name}")
        _adopt(parent, self)
        self.doc, self.index, self.criterion = doc, index, criterion
        self.scores = dict(scores or {})
        self.weights = dict(weights) if weights is not None else None
        self.overrides = overrides or {}

    def redo(self) -> None:
        self.doc.insert_criterion(self.index, self.criterion,
                                  {k: replace(s) for k, s in self.scores.items()},
                                  self.weights, self.overrides)

    def undo(self) -> None:
        self.doc.remove_criterion(self.criterion.id)


class RemoveCriterion(QUndoCommand):
    """Remove a criterion; as :class:`RemoveOption`, its overrides come back on undo only."""

    def __init__(self, doc: Document, criterion_id: str) -> None:
        super().__init__(f"Remove criterion {doc.matrix.criterion(criterion_id).name}")
        self.doc, self.criterion_id = doc, criterion_id
        self.removed: tuple[int, Criterion, dict[str, Score], dict[str, float]] | None = None
        self.overrides: ScenarioCells = {}

    def redo(self) -> None:
        self.overrides = self.doc.take_overrides(self.criterion_id, CRITERION_AXIS)
        self.removed = self.doc.remove_criterion(self.criterion_id)

    def undo(self) -> None:
        assert self.removed is not None
        index, criterion, scores, weights = self.removed
        self.doc.insert_criterion(index, criterion, scores, weights, self.overrides)


class MoveCriterion(QUndoCommand):
    def __init__(self, doc: Document, criterion_id: str, new_index: int) -> None:
        super().__init__(f"Move criterion {doc.matrix.criterion(criterion_id).name}")
        self.doc, self.criterion_id, self.new_index = doc, criterion_id, new_index
        self.old_index = doc.matrix.criterion_index(criterion_id)

    def redo(self) -> None:
        self.doc.move_criterion(self.criterion_id, self.new_index)

    def undo(self) -> None:
        self.doc.move_criterion(self.criterion_id, self.old_index)


class ReplaceCriterion(QUndoCommand):
    """An edited criterion (name, scale, value function, group) swapped in whole."""

    def __init__(self, doc: Document, criterion: Criterion,
                 parent: Macro | None = None) -> None:
        super().__init__(f"Edit criterion {criterion.name}")
        _adopt(parent, self)
        self.doc, self.new = doc, criterion
        self.old: Criterion | None = None

    def redo(self) -> None:
        self.old = self.doc.replace_criterion(self.new)

    def undo(self) -> None:
        assert self.old is not None
        self.doc.replace_criterion(self.old)


# -- weights and profiles -------------------------------------------------------------
def weight_level(matrix: DecisionMatrix, node_id: str) -> str | None:
    """The level of the value tree a criterion or group is weighed in (its parent group)."""
    for c in matrix.criteria:
        if c.id == node_id:
            return c.group
    for g in matrix.groups:
        if g.id == node_id:
            return g.parent
    return None


class SetWeight(QUndoCommand):
    """One raw weight; consecutive changes with the same ``merge_key`` merge into one step.

    With ``forget_judgements``, a weight typed in over elicited ones also drops
    the stored judgements of its level (they no longer produce these weights);
    undo brings them back with the old weight.
    """

    def __init__(self, doc: Document, profile_id: str, node_id: str, weight: float,
                 merge_key: object = None, forget_judgements: bool = False) -> None:
        super().__init__("Change weight")
        self.doc, self.profile_id, self.node_id = doc, profile_id, node_id
        self.new = weight
        self.old = doc.matrix.profile(profile_id).weights.get(node_id)
        self.merge_key = merge_key
        self.forget_judgements = forget_judgements
        # The profile's elicitation record and method before this step dropped a level's.
        self.forgotten: tuple[dict[str, Any], str] | None = None

    def id(self) -> int:
        return SET_WEIGHT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (not isinstance(other, SetWeight) or self.merge_key is None
                or other.merge_key != self.merge_key or other.node_id != self.node_id
                or other.profile_id != self.profile_id):
            return False
        self.new = other.new
        if self.forgotten is None:  # the judgements went in a later step of the run
            self.forgotten = other.forgotten
        return True

    def redo(self) -> None:
        self.doc.set_weight(self.profile_id, self.node_id, self.new)
        if not self.forget_judgements:
            return
        # Imported here, not at start-up: only a typed weight needs it.
        from tradeoff.core.elicitation.records import forget_level, stored_record

        profile = self.doc.matrix.profile(self.profile_id)
        level = weight_level(self.doc.matrix, self.node_id)
        if stored_record(profile, level) is not None:
            self.forgotten = (profile.elicitation, profile.method)
            self.doc.replace_profile(forget_level(profile, level))

    def undo(self) -> None:
        self.doc.set_weight(self.profile_id, self.node_id, self.old)
        if self.forgotten is not None:
            elicitation, method = self.forgotten
            profile = self.doc.matrix.profile(self.profile_id)
            self.doc.replace_profile(replace(profile, elicitation=elicitation, method=method))


class InsertProfile(QUndoCommand):
    def __init__(self, doc: Document, profile: WeightProfile, make_active: bool = True,
                 text: str = "") -> None:
        super().__init__(text or f"Add profile {profile.name}")
        self.doc, self.profile, self.make_active = doc, profile, make_active
        self.old_active: str | None = None

    def redo(self) -> None:
        self.doc.insert_profile(len(self.doc.matrix.profiles), self.profile)
        if self.make_active:
            self.old_active = self.doc.set_active_profile(self.profile.id)

    def undo(self) -> None:
        if self.make_active:
            self.doc.set_active_profile(self.old_active)
        self.doc.remove_profile(self.profile.id)


class RemoveProfile(QUndoCommand):
    def __init__(self, doc: Document, profile_id: str) -> None:
        super().__init__(f"Delete profile {doc.matrix.profile(profile_id).name}")
        self.doc, self.profile_id = doc, profile_id
        self.removed: tuple[int, WeightProfile] | None = None
        self.old_active: str | None = None

    def redo(self) -> None:
        self.old_active = self.doc.matrix.active_profile
        self.removed = self.doc.remove_profile(self.profile_id)

    def undo(self) -> None:
        assert self.removed is not None
        index, profile = self.removed
        self.doc.insert_profile(index, profile)
        self.doc.set_active_profile(self.old_active)


class ReplaceProfile(QUndoCommand):
    """Rename a profile or replace all its weights at once (e.g. an elicitation result)."""

    def __init__(self, doc: Document, profile: WeightProfile, text: str = "") -> None:
        super().__init__(text or f"Edit profile {profile.name}")
        self.doc, self.new = doc, profile
        self.old: WeightProfile | None = None

    def redo(self) -> None:
        self.old = self.doc.replace_profile(self.new)

    def undo(self) -> None:
        assert self.old is not None
        self.doc.replace_profile(self.old)


class SetActiveProfile(QUndoCommand):
    def __init__(self, doc: Document, profile_id: str) -> None:
        super().__init__(f"Switch to profile {doc.matrix.profile(profile_id).name}")
        self.doc, self.new = doc, profile_id
        self.old: str | None = None

    def redo(self) -> None:
        self.old = self.doc.set_active_profile(self.new)

    def undo(self) -> None:
        self.doc.set_active_profile(self.old)
