"""The open document: one matrix, its undo stack and its file path.

Widgets never change the matrix directly. Each user action pushes one undo
command (:mod:`tradeoff.gui.document.commands`); the command calls a method here, which
calls the core mutator (:mod:`tradeoff.core.edits`) and announces the change
with signals so item models can emit ``beginInsertRows``/``dataChanged`` and
panels can refresh. "Modified" is simply ``not undo_stack.isClean()``.

The value matrix (0..1 per cell) does not depend on the weights, so it is
cached here and only recomputed when a score or a scale changes: moving a
weight slider costs one small matrix product.

The document also knows which scenario is being looked at (``scenario_id``,
None for the base case). :meth:`Document.view` is the matrix as it stands in
that scenario (:func:`tradeoff.core.scenarios.scenario_view`); the cached
values, the grid, the results and the robustness views read it, and a score
edited while a scenario is selected is written as that scenario's override.
Choosing a scenario changes what is shown, not the file, so it is no undo step.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from tradeoff.core import edits
from tradeoff.core.dominance import dominance
from tradeoff.core.errors import WeightError
from tradeoff.core.model import Criterion, DecisionMatrix, Group, Option, Score, WeightProfile
from tradeoff.core.scoring import competition_ranks, margins
from tradeoff.core.screening import ScreenedOut, reasons_by_option, without_screened
from tradeoff.core.value_cache import ValueCache
from tradeoff.core.weights import node_shares, normalised_weights
from tradeoff.gui.document.scenario_edits import ScenarioEdits

UNTITLED = "Untitled"
DOMINANCE_LIVE_LIMIT = 500  # options; dominance compares every pair, after every edit


class Totals:
    """Scores of every option under the active profile, in matrix order."""

    def __init__(self, contributions: np.ndarray, weights: np.ndarray,
                 left_out: np.ndarray | None = None) -> None:
        self.weights = weights
        self.contributions = contributions
        self.totals = contributions.sum(axis=1) if contributions.size else np.zeros(
            contributions.shape[0])
        if left_out is not None and left_out.any():  # screened out: no total, no rank
            self.totals = np.where(left_out, np.nan, self.totals)
        self.ranks = competition_ranks(self.totals)
        self.margins = margins(self.totals)


class Document(QObject, ScenarioEdits):
    """The matrix being edited, with undo and change signals (see module docstring)."""

    # Anything in the matrix changed (emitted after every edit, undo and redo).
    changed = Signal()
    # The active profile, or a weight in it, changed (results need re-scoring).
    weights_changed = Signal()
    # The profile list changed (added, removed, renamed).
    profiles_changed = Signal()
    # A different matrix was loaded (New / Open): everything must be rebuilt.
    replaced = Signal()
    path_changed = Signal()
    # Fine-grained signals for item models (row = option index, column = criterion index).
    cells_changed = Signal(int, int, int, int)  # top, left, bottom, right
    options_about_to_insert = Signal(int)
    options_inserted = Signal(int)
    options_about_to_remove = Signal(int)
    options_removed = Signal(int)
    options_about_to_move = Signal(int, int)  # from index, to index (list semantics)
    options_moved = Signal(int, int)
    option_changed = Signal(int)
    criteria_about_to_insert = Signal(int)
    criteria_inserted = Signal(int)
    criteria_about_to_remove = Signal(int)
    criteria_removed = Signal(int)
    criteria_about_to_move = Signal(int, int)
    criteria_moved = Signal(int, int)
    criterion_changed = Signal(int)
    # Criteria or groups were added, removed, regrouped or renamed (value tree shape).
    tree_changed = Signal()
    # Scenarios were added, removed, renamed or given probabilities.
    scenarios_changed = Signal()
    # Another scenario (or the base case) was selected.
    scenario_selected = Signal()

    def __init__(self, matrix: DecisionMatrix | None = None, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matrix = matrix if matrix is not None else DecisionMatrix()
        self.path = path
        # What an unsaved document is called, and the file name Save As suggests.
        self.untitled_name = UNTITLED
        self.suggested_file = "matrix.toml"
        self.undo_stack = QUndoStack(self)
        self._value_cache = ValueCache()
        self._arrays: tuple[np.ndarray, np.ndarray] | None = None  # (raw, values) of the view
        self.scenario_id: str | None = None  # the scenario shown; None is the base case
        self._view: DecisionMatrix | None = None
        # A bound method, never a lambda: the stack's destructor clears it and emits
        # indexChanged while this Document is being destroyed. Qt drops a connection
        # to a receiver QObject at that point, but a lambda would still run and emit
        # ``changed`` from a deleted object ("Signal source has been deleted").
        self.undo_stack.indexChanged.connect(self._index_changed)

    def _index_changed(self, _index: int) -> None:
        self.changed.emit()

    # -- state ---------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        return self.path.name if self.path else self.untitled_name

    def load(self, matrix: DecisionMatrix, path: Path | None, *,
             untitled_name: str = "", suggested_file: str = "") -> None:
        """Show another matrix (New / Open): history is cleared, views rebuilt.

        An unsaved one (``path`` None) shows as ``untitled_name`` and Save As
        suggests ``suggested_file``.
        """
        self.undo_stack.clear()
        self.untitled_name = untitled_name or UNTITLED
        self.suggested_file = suggested_file or "matrix.toml"
        self.matrix = matrix
        self.scenario_id = None
        self._invalidate_values()
        self.set_path(path)
        self.replaced.emit()
        self.scenarios_changed.emit()
        self.scenario_selected.emit()
        self.weights_changed.emit()
        self.profiles_changed.emit()
        self.changed.emit()

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.path_changed.emit()

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def push(self, command) -> None:  # a QUndoCommand; typed loosely to avoid a cycle
        self.undo_stack.push(command)

    # -- cached scoring --------------------------------------------------------
    def _invalidate_values(self) -> None:
        # The raw and value arrays are not dropped: the cache patches what the
        # edit changed (see tradeoff.core.value_cache). The analyses are redone.
        self._arrays = None
        self._screened: dict[int, list[ScreenedOut]] | None = None
        self._dominated: dict[int, list[str]] | None = None
        self._view = None

    def view(self) -> DecisionMatrix:
        """The matrix as it stands in the selected scenario (the matrix itself for the base)."""
        if self._view is not None and self._view.active_profile != self.matrix.active_profile:
            self._view = None  # the view shares the profiles, but not the choice among them
        if self._view is None:
            scenario = self.scenario()
            if scenario is None:
                self._view = self.matrix
            else:  # the scenario arithmetic loads when a scenario is first looked at
                from tradeoff.core.scenarios import scenario_view

                self._view = scenario_view(self.matrix, scenario)
        return self._view

    def raw(self) -> np.ndarray:
        """Scores of the view as numbers (NaN where missing); read-only, kept between edits."""
        return self._raw_and_values()[0]

    def values(self) -> np.ndarray:
        """Value 0..1 of every cell of the view (NaN where missing); read-only, kept
        between edits and patched by each one."""
        return self._raw_and_values()[1]

    def _raw_and_values(self) -> tuple[np.ndarray, np.ndarray]:
        if self._arrays is None:
            self._arrays = self._value_cache.arrays(self.view())
        return self._arrays

    def active_profile(self) -> WeightProfile | None:
        try:
            return self.matrix.profile()
        except KeyError:
            return None

    def weights(self) -> np.ndarray:
        """Normalised criterion weights of the active profile (WeightError if unusable)."""
        profile = self.active_profile()
        if profile is None:
            raise WeightError("the matrix has no weight profile")
        return normalised_weights(self.matrix, profile)

    def node_shares(self) -> dict[str, float]:
        profile = self.active_profile()
        return node_shares(self.matrix, profile) if profile else {}

    def totals(self) -> Totals:
        """Contributions, totals, ranks and margins under the active profile; options
        screened out by a must-have get no total and no rank."""
        w = self.weights()
        left_out = np.zeros(len(self.view().options), dtype=bool)
        left_out[list(self.screened())] = True
        return Totals(self.values() * w, w, left_out)

    def dominated(self) -> dict[int, list[str]]:
        """Row → names of the options that dominate it (for certain, score ranges counted),
        among the options not screened out; cached between edits."""
        if getattr(self, "_dominated", None) is None:
            view = self.view()
            if len(view.options) > DOMINANCE_LIVE_LIMIT:  # every pair: too slow to follow edits
                self._dominated = {}
                return self._dominated
            rows = {o.id: i for i, o in enumerate(view.options)}
            names = {o.id: o.name for o in view.options}
            by = dominance(without_screened(view))
            self._dominated = {rows[o]: [names[b] for b in who] for o, who in by.items() if who}
        return self._dominated

    def screened(self) -> dict[int, list[ScreenedOut]]:
        """Row → the must-haves that row's option fails (in the view); cached between edits."""
        if getattr(self, "_screened", None) is None:
            view = self.view()
            rows = {o.id: i for i, o in enumerate(view.options)}
            self._screened = {rows[o]: fails
                              for o, fails in reasons_by_option(view, self.raw()).items()}
        return self._screened

    # -- cells -------------------------------------------------------------------
    def set_score(self, option_id: str, criterion_id: str, score: Score | None,
                  scenario_id: str | None = None) -> Score | None:
        """Set a base score, or with ``scenario_id`` that scenario's override (None
        removes the override: the cell reverts to the base score). Returns the old one."""
        if scenario_id is None:
            old = edits.set_score(self.matrix, option_id, criterion_id, score)
        else:
            overrides = self.matrix.find_scenario(scenario_id).scores
            old = overrides.pop((option_id, criterion_id), None)
            if score is not None:
                overrides[(option_id, criterion_id)] = score
        self._invalidate_values()
        r, c = self.matrix.option_index(option_id), self.matrix.criterion_index(criterion_id)
        self.cells_changed.emit(r, c, r, c)
        if scenario_id is not None:
            self.scenarios_changed.emit()
        return old

    # -- options -----------------------------------------------------------------
    def insert_option(self, index: int, option: Option, scores: dict[str, Score],
                      overrides: edits.ScenarioCells | None = None) -> None:
        """Add an option with its base scores and, given, its scenario overrides."""
        self.options_about_to_insert.emit(index)
        edits.insert_option(self.matrix, index, option, scores)
        self._put_overrides(overrides)
        self._invalidate_values()
        self.options_inserted.emit(index)

    def remove_option(self, option_id: str) -> tuple[int, Option, dict[str, Score]]:
        """Remove an option and its scores; its scenario overrides go too (take them
        first with :meth:`take_overrides` to give them back on undo)."""
        index = self.matrix.option_index(option_id)
        self.options_about_to_remove.emit(index)
        removed = edits.remove_option(self.matrix, option_id)
        self._drop_overrides(option_id, edits.OPTION_AXIS)
        self._invalidate_values()
        self.options_removed.emit(index)
        return removed

    def move_option(self, option_id: str, new_index: int) -> int:
        old = self.matrix.option_index(option_id)
        self.options_about_to_move.emit(old, new_index)
        edits.move_option(self.matrix, option_id, new_index)
        self._invalidate_values()
        self.options_moved.emit(old, new_index)
        return old

    def update_option(self, option_id: str, **fields: str) -> Option:
        old = edits.update_option(self.matrix, option_id, **fields)
        self.option_changed.emit(self.matrix.option_index(option_id))
        return old

    # -- criteria ----------------------------------------------------------------
    def insert_criterion(self, index: int, criterion: Criterion, scores: dict[str, Score],
                         weights: dict[str, float] | None,
                         overrides: edits.ScenarioCells | None = None) -> None:
        """Add a criterion with its base scores, weights and, given, scenario overrides."""
        self.criteria_about_to_insert.emit(index)
        edits.insert_criterion(self.matrix, index, criterion, scores, weights)
        self._put_overrides(overrides)
        self._invalidate_values()
        self.criteria_inserted.emit(index)
        self.tree_changed.emit()
        self.weights_changed.emit()

    def remove_criterion(self, criterion_id: str
                         ) -> tuple[int, Criterion, dict[str, Score], dict[str, float]]:
        index = self.matrix.criterion_index(criterion_id)
        self.criteria_about_to_remove.emit(index)
        removed = edits.remove_criterion(self.matrix, criterion_id)
        self._drop_overrides(criterion_id, edits.CRITERION_AXIS)
        self._invalidate_values()
        self.criteria_removed.emit(index)
        self.tree_changed.emit()
        self.weights_changed.emit()
        return removed

    def move_criterion(self, criterion_id: str, new_index: int) -> int:
        old = self.matrix.criterion_index(criterion_id)
        self.criteria_about_to_move.emit(old, new_index)
        edits.move_criterion(self.matrix, criterion_id, new_index)
        self._invalidate_values()
        self.criteria_moved.emit(old, new_index)
        self.tree_changed.emit()
        self.weights_changed.emit()
        return old

    def replace_criterion(self, criterion: Criterion) -> Criterion:
        old = edits.replace_criterion(self.matrix, criterion)
        self._invalidate_values()
        self.criterion_changed.emit(self.matrix.criterion_index(criterion.id))
        if old.group != criterion.group or old.name != criterion.name:
            self.tree_changed.emit()
        self.weights_changed.emit()
        return old

    # -- groups --------------------------------------------------------------------
    def insert_group(self, index: int, group: Group, weights: dict[str, float] | None) -> None:
        edits.insert_group(self.matrix, index, group, weights)
        self.tree_changed.emit()

    def remove_group(self, group_id: str) -> tuple[int, Group, dict[str, float]]:
        removed = edits.remove_group(self.matrix, group_id)
        self.tree_changed.emit()
        return removed

    def regroup(self, criteria: dict[str, str | None], groups: dict[str, str | None]
                ) -> tuple[dict[str, str | None], dict[str, str | None]]:
        """Move criteria and groups in the value tree at once (one rebuild of the views)."""
        old = edits.regroup(self.matrix, criteria, groups)
        self.tree_changed.emit()
        self.weights_changed.emit()
        return old

    def update_group(self, group_id: str, **fields: str | None) -> Group:
        """Rename, describe or move a group; a move changes the weights' normalisation."""
        old = edits.update_group(self.matrix, group_id, **fields)
        self.tree_changed.emit()
        if old.parent != self.matrix.group(group_id).parent:
            self.weights_changed.emit()
        return old

    # -- weights and profiles ----------------------------------------------------
    def set_weight(self, profile_id: str, node_id: str, weight: float | None) -> float | None:
        profile = self.matrix.profile(profile_id)
        old = profile.weights.get(node_id)
        if weight is None:
            profile.weights.pop(node_id, None)
        else:
            edits.set_weight(self.matrix, profile_id, node_id, weight)
        if profile_id == self.active_profile_id():
            self.weights_changed.emit()
        return old

    def replace_profile(self, profile: WeightProfile) -> WeightProfile:
        old = edits.replace_profile(self.matrix, profile)
        self.profiles_changed.emit()
        self.weights_changed.emit()
        return old

    def insert_profile(self, index: int, profile: WeightProfile) -> None:
        edits.insert_profile(self.matrix, index, profile)
        self.profiles_changed.emit()
        self.weights_changed.emit()

    def remove_profile(self, profile_id: str) -> tuple[int, WeightProfile]:
        removed = edits.remove_profile(self.matrix, profile_id)
        self.profiles_changed.emit()
        self.weights_changed.emit()
        return removed

    def active_profile_id(self) -> str | None:
        profile = self.active_profile()
        return profile.id if profile else None

    def set_active_profile(self, profile_id: str | None) -> str | None:
        old = self.matrix.active_profile
        self.matrix.active_profile = profile_id
        self.profiles_changed.emit()
        self.weights_changed.emit()
        return old
