"""The decision matrix as plain data: criteria, options, scores, weight profiles.

Nothing here knows about Qt or files. The GUI changes a matrix only through the
mutators in :mod:`tradeoff.core.edits`, so every change can be undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from tradeoff.core.number_text import exact_text, short_number
from tradeoff.core.preference_functions import PreferenceFunction
from tradeoff.core.score_store import Score, ScoreStore, ScoreValue

__all__ = ["Criterion", "DecisionMatrix", "Direction", "Group", "Level", "Metadata", "Option",
           "Scenario", "Score", "ScoreStore", "ScoreValue", "WeightProfile", "make_id"]

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")

# Plural unit words and their singular, for a score of exactly one ("1 point").
SINGULAR_UNITS = {"points": "point", "days": "day", "weeks": "week", "months": "month",
                  "years": "year", "hours": "hour", "minutes": "minute", "people": "person",
                  "units": "unit", "votes": "vote", "sites": "site"}

# How a score is drawn within its low/high range in the Monte Carlo:
# ``triangular`` and ``pert`` take (low, value, high) as the whole range;
# ``normal`` and ``lognormal`` read low/high as the central 95 % interval
# around the value, as a confidence interval is reported.
SCORE_DISTRIBUTIONS = ("triangular", "pert", "normal", "lognormal")


class Direction(StrEnum):
    BENEFIT = "benefit"
    COST = "cost"


@dataclass
class Level:
    """One step of an ordered scale, e.g. ``high`` at position 3."""

    name: str
    position: float


@dataclass
class Group:
    """A named node of the value tree; criteria and groups hang under it."""

    id: str
    name: str
    parent: str | None = None
    description: str = ""


@dataclass
class Criterion:
    """A column of the matrix and the scale its scores are read on.

    ``worst`` and ``best`` are explicit anchors in the scale's own units (for a
    level scale, level positions): value 0 at ``worst``, 1 at ``best``. For a
    cost criterion ``best < worst``. ``value_points`` makes the value function
    piecewise-linear through (score, value) points; empty means linear.
    ``promethee`` is the criterion's own PROMETHEE II preference function, its
    thresholds in the scale's units; None leaves it to the run's setting.
    ``must_reach`` is a must-have threshold (a score, or a level name on a
    level scale): an option worse than it is screened out (see
    :mod:`tradeoff.core.screening`); None means no threshold.
    """

    id: str
    name: str
    worst: float
    best: float
    direction: Direction = Direction.BENEFIT
    unit: str = ""
    description: str = ""
    group: str | None = None
    levels: list[Level] = field(default_factory=list)
    value_points: list[tuple[float, float]] = field(default_factory=list)
    promethee: PreferenceFunction | None = None
    must_reach: ScoreValue | None = None

    @property
    def is_level_scale(self) -> bool:
        return bool(self.levels)

    @property
    def low(self) -> float:
        return min(self.worst, self.best)

    @property
    def high(self) -> float:
        return max(self.worst, self.best)

    def level_position(self, name: str) -> float:
        for level in self.levels:
            if level.name == name:
                return level.position
        raise KeyError(name)

    def level_at(self, position: float) -> str | None:
        for level in self.levels:
            if level.position == position:
                return level.name
        return None

    def to_number(self, value: ScoreValue) -> float:
        """A score on this scale as a number (a level's position for level names)."""
        if isinstance(value, str):
            return self.level_position(value)
        return float(value)

    def format_value(self, value: ScoreValue | None, exact: bool = False) -> str:
        """A score as the user reads it: a level name, or a number with the unit.

        Numbers are shortened for a narrow grid cell (:func:`short_number`: 27.1235,
        1234568); ``exact`` gives every digit (27.123456, 1234567.89), as a report that
        quotes the user's own score must."""
        if value is None:
            return ""
        if isinstance(value, str):
            return value
        text = exact_text(value) if exact else short_number(value)
        if not self.unit:
            return text
        # "1 point", "1 week": common counted units read in the singular for exactly one.
        unit = SINGULAR_UNITS.get(self.unit, self.unit) if text in ("1", "-1") else self.unit
        return f"{text} {unit}"


@dataclass
class Option:
    """A row of the matrix: one of the alternatives being compared."""

    id: str
    name: str
    description: str = ""


@dataclass
class WeightProfile:
    """A named set of weights in any positive units, keyed by criterion or group id.

    ``method`` records how the weights were obtained (``direct`` when typed in);
    ``elicitation`` keeps that method's inputs so its dialog can show them again.
    """

    id: str
    name: str
    weights: dict[str, float] = field(default_factory=dict)
    description: str = ""
    method: str = "direct"
    elicitation: dict[str, Any] = field(default_factory=dict)


@dataclass
class Scenario:
    """A state of the world: some scores differ from the base case.

    ``scores`` holds the overridden cells only, keyed like the matrix's own
    scores; an override replaces the whole base cell (value, range, reason).
    ``probability`` is None unless every scenario of the matrix has one.
    See :mod:`tradeoff.core.scenarios` for the view that applies them.
    """

    id: str
    name: str
    description: str = ""
    probability: float | None = None
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)


@dataclass
class Metadata:
    title: str = "Untitled matrix"
    description: str = ""
    author: str = ""
    sources: list[str] = field(default_factory=list)
    created: str = ""
    modified: str = ""


@dataclass
class DecisionMatrix:
    """Options × criteria with scores, a value tree and weight profiles."""

    metadata: Metadata = field(default_factory=Metadata)
    groups: list[Group] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    scores: dict[tuple[str, str], Score] = field(default_factory=dict)
    profiles: list[WeightProfile] = field(default_factory=list)
    active_profile: str | None = None
    scenarios: list[Scenario] = field(default_factory=list)

    def __setattr__(self, name: str, value: Any) -> None:
        # Scores are always held column-wise (see tradeoff.core.score_store), also
        # when a caller passes or assigns a plain dict.
        if name == "scores" and not isinstance(value, ScoreStore):
            value = ScoreStore(value)
        object.__setattr__(self, name, value)

    # -- lookups -----------------------------------------------------------
    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def option(self, option_id: str) -> Option:
        for o in self.options:
            if o.id == option_id:
                return o
        raise KeyError(option_id)

    def group(self, group_id: str) -> Group:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    def profile(self, profile_id: str | None = None) -> WeightProfile:
        """The named profile, or the active one (or the first) when no id is given."""
        if not self.profiles:
            raise KeyError("the matrix has no weight profiles")
        wanted = profile_id if profile_id is not None else self.active_profile
        if wanted is None:
            return self.profiles[0]
        for p in self.profiles:
            if p.id == wanted:
                return p
        raise KeyError(wanted)

    def find_profile(self, key: str) -> WeightProfile:
        """A profile by id or by name (case-insensitive), for the CLI."""
        for p in self.profiles:
            if key in (p.id,) or p.name.casefold() == key.casefold():
                return p
        names = ", ".join(p.name for p in self.profiles) or "none"
        raise KeyError(f"no weight profile named {key!r} (profiles: {names})")

    def find_scenario(self, key: str) -> Scenario:
        """A scenario by id or by name (case-insensitive), for the CLI."""
        for s in self.scenarios:
            if key == s.id or s.name.casefold() == key.casefold():
                return s
        names = ", ".join(s.name for s in self.scenarios) or "none"
        raise KeyError(f"no scenario named {key!r} (scenarios: {names})")

    def score(self, option_id: str, criterion_id: str) -> Score:
        return self.scores.get((option_id, criterion_id)) or Score()

    def option_index(self, option_id: str) -> int:
        return [o.id for o in self.options].index(option_id)

    def criterion_index(self, criterion_id: str) -> int:
        return [c.id for c in self.criteria].index(criterion_id)

    def all_ids(self) -> set[str]:
        ids = {o.id for o in self.options} | {c.id for c in self.criteria}
        ids |= {g.id for g in self.groups} | {p.id for p in self.profiles}
        return ids

    def children(self, parent: str | None) -> list[str]:
        """Ids of the groups and criteria directly under ``parent`` (None: the root)."""
        kids = [g.id for g in self.groups if g.parent == parent]
        kids += [c.id for c in self.criteria if c.group == parent]
        return kids

    def group_path(self, criterion_id: str) -> list[str]:
        """Group ids from the root down to the criterion's own group."""
        path: list[str] = []
        parent = self.criterion(criterion_id).group
        up = {g.id: g.parent for g in self.groups}  # one pass, not a search per level
        seen: set[str] = set()
        while parent is not None and parent not in seen:
            seen.add(parent)
            path.append(parent)
            if parent not in up:
                raise KeyError(parent)
            parent = up[parent]
        return list(reversed(path))


def make_id(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A readable, unique id derived from a display name (``Harder line`` → ``harder-line``)."""
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "item"
    if not base[0].isalnum():
        base = f"x{base}"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate
