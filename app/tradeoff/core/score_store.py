"""The matrix's scores held as arrays, behind the mapping every caller already uses.

A matrix of 100,000 options × 50 criteria has five million cells. Held as one
:class:`~tradeoff.core.model.Score` object each they cost gigabytes and seconds
to turn into numbers; here they are a handful of arrays:

* ``value``, ``low`` and ``high`` as float arrays (NaN where missing), each with
  an int8 array saying what kind of object the cell held (none, int, float,
  level name, anything else), so the exact object comes back: ``7`` stays an
  int, ``7.0`` a float, ``"high"`` a level name;
* rationale, source and distribution in sparse maps, since most cells have none;
* a boolean array saying which cells exist (a cell may exist and be empty).

:class:`ScoreStore` is a ``MutableMapping[(option id, criterion id), Score]``.
Reading a cell builds a :class:`Score` bound to its cell: setting a field on it
writes through, so ``matrix.scores[key].value = 3`` works as it did with a dict.
Replacing or deleting the cell unbinds the old object, as a dict would drop it.
A Score already bound to another cell or store is copied, not moved.

Rows and columns are allocated per option and criterion id on first use and kept
in that order; iteration is row by row in that order. Every write bumps
:attr:`ScoreStore.version` and notes the cell in a bounded journal, so caches of
the value matrix can patch the cells that changed instead of recomputing it
(:mod:`tradeoff.core.value_cache`).
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any

import numpy as np

ScoreValue = float | int | str  # a number, or a level name on a level scale


@dataclass(init=False)
class Score:
    """The score of one option on one criterion, with the reason for it."""

    value: ScoreValue | None = None
    low: ScoreValue | None = None
    high: ScoreValue | None = None
    rationale: str = ""
    source: str = ""
    # How the Monte Carlo draws this score within its range; None leaves it to
    # the run's setting. One of SCORE_DISTRIBUTIONS.
    distribution: str | None = None

    def __init__(self, value: ScoreValue | None = None, low: ScoreValue | None = None,
                 high: ScoreValue | None = None, rationale: str = "", source: str = "",
                 distribution: str | None = None) -> None:
        # The fields go straight into __dict__: a new score is bound to no cell, so
        # the write-through __setattr__ (six calls per score) has nothing to do.
        self.__dict__.update(value=value, low=low, high=high, rationale=rationale,
                             source=source, distribution=distribution)

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        # A score read from a matrix's ScoreStore is bound to its cell: a field set
        # on it is written through, as an edit to a dict's object would show.
        cell = self.__dict__.get("_cell")
        if cell is not None:
            store = cell[0]()  # held weakly: a score kept after its store is gone is plain
            if store is not None:
                store.write_field(cell[1], name, value)

    def __getstate__(self) -> dict[str, Any]:
        # A copy (copy, deepcopy, pickle) is a score of its own, bound to no cell.
        state = dict(self.__dict__)
        state.pop("_cell", None)
        return state

    @property
    def has_range(self) -> bool:
        return self.low is not None or self.high is not None

    @property
    def is_empty(self) -> bool:
        return (self.value is None and not self.has_range and self.distribution is None
                and not self.rationale and not self.source)



NUMERIC_FIELDS = ("value", "low", "high")
TEXT_FIELDS = ("rationale", "source", "distribution")
TEXT_DEFAULTS = {"rationale": "", "source": "", "distribution": None}

# What a numeric field of a cell holds; the float array keeps the number.
NONE, INT, FLOAT, TEXT, OTHER = 0, 1, 2, 3, 4
SWEEP_MIN = 65_536  # handed-out scores tracked before dead references are swept
JOURNAL_LIMIT = 4096  # cells remembered between versions; beyond it a cache rebuilds

Key = tuple[str, str]


@dataclass(frozen=True)
class StoreLayout:
    """A store's arrays as they lie, with the ids of their rows and columns."""

    row_ids: list[str]
    col_ids: list[str]
    present: np.ndarray
    number: dict[str, np.ndarray]
    kind: dict[str, np.ndarray]
    with_distribution: set[tuple[int, int]]


class ScoreStore(MutableMapping[Key, Score]):
    """Score cells keyed by (option id, criterion id), stored column-wise."""

    def __init__(self, cells: Mapping[Key, Score] | Iterable[tuple[Key, Score]] = ()) -> None:
        self._row_of: dict[str, int] = {}
        self._col_of: dict[str, int] = {}
        self._row_ids: list[str] = []
        self._col_ids: list[str] = []
        self._present = np.zeros((0, 0), dtype=bool)
        self._number = {f: np.zeros((0, 0)) for f in NUMERIC_FIELDS}
        self._kind = {f: np.zeros((0, 0), dtype=np.int8) for f in NUMERIC_FIELDS}
        self._objects: dict[str, dict[tuple[int, int], Any]] = {f: {} for f in NUMERIC_FIELDS}
        self._text: dict[str, dict[tuple[int, int], Any]] = {f: {} for f in TEXT_FIELDS}
        self._count = 0
        # The Score objects handed out, so a cell read twice is one object, as in a
        # dict. Plain weak references (no callback, which costs a Python call per
        # score); the dead ones are swept once there are twice as many as live.
        self._live: dict[tuple[int, int], weakref.ref[Score]] = {}
        self._sweep_at = SWEEP_MIN
        self.version = 0
        self._journal: list[tuple[int, int]] = []
        self._journal_from = 0  # the version the journal starts at
        items = cells.items() if isinstance(cells, Mapping) else cells
        for key, score in items:
            if not isinstance(score, Score):
                raise TypeError(f"a score cell holds a Score, not {type(score).__name__}")
            self.put(key, score)  # copied in: a mapping handed over keeps its own objects

    # -- shape ------------------------------------------------------------------
    def _grow(self, rows: int, cols: int) -> None:
        have_r, have_c = self._present.shape
        if rows <= have_r and cols <= have_c:
            return
        new_r = max(rows, have_r * 2 if rows > have_r else have_r, 4)
        new_c = max(cols, have_c * 2 if cols > have_c else have_c, 4)

        def grown(a: np.ndarray, fill: Any) -> np.ndarray:
            out = np.full((new_r, new_c), fill, dtype=a.dtype)
            out[:have_r, :have_c] = a
            return out

        self._present = grown(self._present, False)
        for f in NUMERIC_FIELDS:
            self._number[f] = grown(self._number[f], np.nan)
            self._kind[f] = grown(self._kind[f], NONE)

    def _cell(self, key: Key, create: bool) -> tuple[int, int] | None:
        oid, cid = key
        i, j = self._row_of.get(oid), self._col_of.get(cid)
        if i is not None and j is not None:
            return i, j
        if not create:
            return None
        if i is None:
            i = self._row_of[oid] = len(self._row_ids)
            self._row_ids.append(oid)
        if j is None:
            j = self._col_of[cid] = len(self._col_ids)
            self._col_ids.append(cid)
        self._grow(len(self._row_ids), len(self._col_ids))
        return i, j

    # -- the mapping --------------------------------------------------------------
    def __len__(self) -> int:
        return self._count

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, tuple) or len(key) != 2:
            return False
        cell = self._cell(key, create=False)  # type: ignore[arg-type]
        return cell is not None and bool(self._present[cell])

    def __iter__(self) -> Iterator[Key]:
        rows, cols = np.nonzero(self._present[:len(self._row_ids), :len(self._col_ids)])
        row_ids, col_ids = self._row_ids, self._col_ids
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            yield row_ids[i], col_ids[j]

    def __getitem__(self, key: Key) -> Score:
        cell = self._cell(key, create=False) if isinstance(key, tuple) else None
        if cell is None or not self._present[cell]:
            raise KeyError(key)
        ref = self._live.get(cell)
        live = ref() if ref is not None else None
        if live is not None:
            return live
        score = self._snapshot(cell)
        self._bind(score, cell)
        return score

    def get(self, key: Key, default: Any = None) -> Any:
        # Looked up, not tried: a miss is common (an empty cell) and raising is slow.
        if key in self:
            return self[key]
        return default

    def __setitem__(self, key: Key, score: Score) -> None:
        if not isinstance(score, Score):
            raise TypeError(f"a score cell holds a Score, not {type(score).__name__}")
        cell = self._cell(key, create=True)
        assert cell is not None
        ref = self._live.get(cell)
        old = ref() if ref is not None else None
        if old is not None and old is not score:
            self._unbind(cell)  # it leaves the table, as it would a dict
        self._write(cell, score)
        if score.__dict__.get("_cell") is None:
            self._bind(score, cell)

    def put(self, key: Key, score: Score) -> None:
        """Copy ``score`` into its cell without binding it (for loading files: the
        object is dropped right after, so binding it would be wasted work)."""
        cell = self._cell(key, create=True)
        assert cell is not None
        self._unbind(cell)
        self._write(cell, score)

    def _write(self, cell: tuple[int, int], score: Score) -> None:
        # A cell that is not present holds nothing (deleting clears it), so only
        # the fields a score sets need writing; a present one is cleared first.
        if self._present[cell]:
            self._clear(cell)
        else:
            self._present[cell] = True
            self._count += 1
        fields = score.__dict__
        for f in NUMERIC_FIELDS:
            if fields[f] is not None:
                self._write_number(cell, f, fields[f])
        for f in TEXT_FIELDS:
            v = fields[f]
            if v != TEXT_DEFAULTS[f] or type(v) is not type(TEXT_DEFAULTS[f]):
                self._text[f][cell] = v
        self._changed(cell)

    def __delitem__(self, key: Key) -> None:
        cell = self._cell(key, create=False) if isinstance(key, tuple) else None
        if cell is None or not self._present[cell]:
            raise KeyError(key)
        self._unbind(cell)
        self._clear(cell)
        self._present[cell] = False
        self._count -= 1
        self._changed(cell)

    def clear(self) -> None:
        for cell in list(self._live):
            self._unbind(cell)
        self.__init__()  # type: ignore[misc]

    def copy(self) -> ScoreStore:
        """An independent store with the same cells (arrays copied, no object built)."""
        out = ScoreStore()
        out.__setstate__(self.__getstate__(), copy_arrays=True)
        return out

    def without_options(self, option_ids: Iterable[str]) -> ScoreStore:
        """A copy without the cells of the given options."""
        out = self.copy()
        rows = {out._row_of[oid] for oid in option_ids if oid in out._row_of}
        if not rows:
            return out
        picked = sorted(rows)
        out._count -= int(out._present[picked].sum())
        out._present[picked] = False
        for f in NUMERIC_FIELDS:
            out._number[f][picked] = np.nan
            out._kind[f][picked] = NONE
        for table in (*out._objects.values(), *out._text.values()):
            for cell in [c for c in table if c[0] in rows]:
                del table[cell]
        out._journal.clear()
        out.version += 1
        out._journal_from = out.version
        return out

    def __repr__(self) -> str:
        return f"ScoreStore({len(self)} cells, {len(self._row_ids)} × {len(self._col_ids)})"

    # -- copying and pickling: arrays and maps, never the live objects -----------
    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        del state["_live"]
        return state

    def __setstate__(self, state: dict[str, Any], copy_arrays: bool = False) -> None:
        self.__dict__.update(state)
        if copy_arrays:
            self._row_of, self._col_of = dict(self._row_of), dict(self._col_of)
            self._row_ids, self._col_ids = list(self._row_ids), list(self._col_ids)
            self._present = self._present.copy()
            self._number = {f: a.copy() for f, a in self._number.items()}
            self._kind = {f: a.copy() for f, a in self._kind.items()}
            self._objects = {f: dict(d) for f, d in self._objects.items()}
            self._text = {f: dict(d) for f, d in self._text.items()}
            self._journal = list(self._journal)
        self._live = {}
        self._sweep_at = SWEEP_MIN

    # -- cells as objects ---------------------------------------------------------
    def _snapshot(self, cell: tuple[int, int]) -> Score:
        # Filled in directly: Score's __init__ would go through the write-through
        # __setattr__ six times for an object not yet bound to anything.
        score = object.__new__(Score)
        fields = score.__dict__
        for f in NUMERIC_FIELDS:
            fields[f] = self._read_number(cell, f)
        for f in TEXT_FIELDS:
            fields[f] = self._text[f].get(cell, TEXT_DEFAULTS[f])
        return score

    def _bind(self, score: Score, cell: tuple[int, int]) -> None:
        object.__setattr__(score, "_cell", (weakref.ref(self), cell))
        self._live[cell] = weakref.ref(score)
        if len(self._live) > self._sweep_at:
            self._live = {c: r for c, r in self._live.items() if r() is not None}
            self._sweep_at = max(SWEEP_MIN, 2 * len(self._live))

    def _unbind(self, cell: tuple[int, int]) -> None:
        """The object handed out for ``cell`` (if still alive) no longer writes to it."""
        ref = self._live.pop(cell, None)
        score = ref() if ref is not None else None
        if score is not None:
            object.__setattr__(score, "_cell", None)

    def write_field(self, cell: tuple[int, int], name: str, value: Any) -> None:
        """A bound Score's field was set: keep the arrays in step (called by Score)."""
        if name in self._number:
            self._write_number(cell, name, value)
        elif name in self._text:
            self._write_text(cell, name, value)
        else:
            return
        self._changed(cell)

    def _read_number(self, cell: tuple[int, int], f: str) -> ScoreValue | None:
        kind = self._kind[f][cell]
        if kind == NONE:
            return None
        if kind == INT:
            return int(self._number[f][cell])
        if kind == FLOAT:
            return float(self._number[f][cell])
        return self._objects[f][cell]

    def _write_number(self, cell: tuple[int, int], f: str, v: Any) -> None:
        objects = self._objects[f]
        objects.pop(cell, None)
        t = type(v)
        if v is None:
            kind, number = NONE, math.nan
        elif t is float:
            kind, number = FLOAT, v
        elif t is int and -(2 ** 53) <= v <= 2 ** 53:  # exact as a float
            kind, number = INT, float(v)
        else:
            kind, number = (TEXT if t is str else OTHER), math.nan
            objects[cell] = v
        self._kind[f][cell] = kind
        self._number[f][cell] = number

    def _write_text(self, cell: tuple[int, int], f: str, v: Any) -> None:
        if v == TEXT_DEFAULTS[f] and type(v) is type(TEXT_DEFAULTS[f]):
            self._text[f].pop(cell, None)
        else:
            self._text[f][cell] = v

    def _clear(self, cell: tuple[int, int]) -> None:
        for f in NUMERIC_FIELDS:
            self._write_number(cell, f, None)
        for f in TEXT_FIELDS:
            self._text[f].pop(cell, None)

    # -- change journal -----------------------------------------------------------
    def _changed(self, cell: tuple[int, int]) -> None:
        self.version += 1
        if len(self._journal) < JOURNAL_LIMIT:
            self._journal.append(cell)
        else:  # too many to patch one by one: a cache rebuilds instead
            self._journal.clear()
            self._journal_from = self.version

    def changed_since(self, version: int) -> list[Key] | None:
        """Keys written since ``version``, or None when the journal no longer reaches back."""
        if version < self._journal_from:
            return None
        start = version - self._journal_from
        cells = self._journal[start:]
        if start > len(self._journal):
            return None
        return [(self._row_ids[i], self._col_ids[j]) for i, j in cells]

    # -- whole arrays ---------------------------------------------------------------
    def _index(self, ids: Iterable[str], of: dict[str, int]) -> np.ndarray:
        """Store rows (or columns) of the ids, -1 for an id without one."""
        ids = list(ids)
        allocated = self._row_ids if of is self._row_of else self._col_ids
        if ids == allocated[:len(ids)]:  # the usual case: the matrix's own order
            return np.arange(len(ids), dtype=np.intp)
        return np.fromiter((of.get(x, -1) for x in ids), dtype=np.intp, count=len(ids))

    def _take(self, a: np.ndarray, rows: np.ndarray, cols: np.ndarray, fill: Any,
              copy: bool = True) -> np.ndarray:
        """``a`` at the store rows × columns asked for; ``fill`` where an id is unknown.
        Without ``copy``, the usual case is a read-only view of the store's array."""
        n_r, n_c = len(rows), len(cols)
        if (n_r and rows[0] == 0 and rows[-1] == n_r - 1 and n_c and cols[0] == 0
                and cols[-1] == n_c - 1 and (np.diff(rows) == 1).all()
                and (np.diff(cols) == 1).all()):
            # the usual case: the matrix's own order
            if copy:
                return a[:n_r, :n_c].copy()
            view = a[:n_r, :n_c]
            view.flags.writeable = False
            return view
        out = np.full((n_r, n_c), fill, dtype=a.dtype)
        have_r, have_c = rows >= 0, cols >= 0
        if have_r.any() and have_c.any():
            out[np.ix_(have_r, have_c)] = a[np.ix_(rows[have_r], cols[have_c])]
        return out

    def numbers(self, option_ids: Iterable[str], criterion_ids: Iterable[str],
                field: str = "value", copy: bool = True
                ) -> tuple[np.ndarray, list[tuple[int, int, Any]]]:
        """The field as a float array in the order asked for (NaN where missing or
        not a plain number), and the cells holding anything else — level names and
        other objects — as (row, column, object) for the caller to read.

        Without ``copy`` the array may be a read-only view of the store, valid until
        the next edit: for a caller that reads it at once and keeps nothing of it,
        this spares copying the whole field. It is a fresh array when there are
        other cells to fill in."""
        rows = self._index(option_ids, self._row_of)
        cols = self._index(criterion_ids, self._col_of)
        # The number array is NaN wherever a cell holds no plain int or float.
        out = self._take(self._number[field], rows, cols, np.nan,
                         copy=copy or bool(self._objects[field]))
        others: list[tuple[int, int, Any]] = []
        if self._objects[field]:
            back_r = {int(r): k for k, r in enumerate(rows.tolist()) if r >= 0}
            back_c = {int(c): k for k, c in enumerate(cols.tolist()) if c >= 0}
            for (i, j), v in self._objects[field].items():
                if i in back_r and j in back_c:
                    others.append((back_r[i], back_c[j], v))
            others.sort(key=lambda t: (t[0], t[1]))
        return out, others

    def kinds(self, option_ids: Iterable[str], criterion_ids: Iterable[str],
              field: str = "value") -> np.ndarray:
        """What the field holds per cell, in the order asked for (NONE where missing)."""
        rows = self._index(option_ids, self._row_of)
        cols = self._index(criterion_ids, self._col_of)
        return self._take(self._kind[field], rows, cols, NONE)

    def layout(self) -> StoreLayout:
        """The arrays in the store's own order (rows and columns as allocated), for
        checks that go over every cell at once; read them, never write them."""
        n_r, n_c = len(self._row_ids), len(self._col_ids)
        return StoreLayout(
            list(self._row_ids), list(self._col_ids), self._present[:n_r, :n_c],
            {f: a[:n_r, :n_c] for f, a in self._number.items()},
            {f: a[:n_r, :n_c] for f, a in self._kind.items()},
            set(self._text["distribution"]))

    def value_rows(self, option_ids: Iterable[str], criterion_ids: Iterable[str]
                   ) -> list[list[ScoreValue | None]]:
        """Each cell's value as the object it holds (None where missing), row by row,
        read from the arrays without building a Score per cell."""
        rows = self._index(option_ids, self._row_of)
        cols = self._index(criterion_ids, self._col_of)
        numbers = self._take(self._number["value"], rows, cols, np.nan)
        kinds = self._take(self._kind["value"], rows, cols, NONE)
        out: list[list[Any]] = numbers.tolist()
        for i, j in zip(*np.nonzero(kinds != FLOAT), strict=True):
            kind = kinds[i, j]
            if kind == NONE:
                out[i][j] = None
            elif kind == INT:
                out[i][j] = int(numbers[i, j])
            else:
                out[i][j] = self._objects["value"][(int(rows[i]), int(cols[j]))]
        return out

    def detailed_keys(self) -> list[Key]:
        """Keys of the cells with more than a value — a range, a reason, a source or a
        distribution — in the store's order."""
        n_r, n_c = len(self._row_ids), len(self._col_ids)
        more = (self._kind["low"][:n_r, :n_c] != NONE) | (self._kind["high"][:n_r, :n_c] != NONE)
        more = more.copy()
        for table in self._text.values():
            for cell in table:
                more[cell] = True
        more &= self._present[:n_r, :n_c]
        return [(self._row_ids[i], self._col_ids[j]) for i, j in zip(*np.nonzero(more),
                                                                      strict=True)]

    def option_keys(self, option_id: str) -> list[Key]:
        """Keys of the cells of one option, in the store's order."""
        i = self._row_of.get(option_id)
        if i is None:
            return []
        cols = np.flatnonzero(self._present[i, :len(self._col_ids)])
        return [(option_id, self._col_ids[j]) for j in cols.tolist()]

    def criterion_keys(self, criterion_id: str) -> list[Key]:
        """Keys of the cells of one criterion, in the store's order."""
        j = self._col_of.get(criterion_id)
        if j is None:
            return []
        rows = np.flatnonzero(self._present[:len(self._row_ids), j])
        return [(self._row_ids[i], criterion_id) for i in rows.tolist()]

    def count_values(self, option_ids: Iterable[str], criterion_ids: Iterable[str]) -> int:
        """How many of these cells hold a value."""
        return int((self.kinds(option_ids, criterion_ids) != NONE).sum())

    def value_only(self, option_ids: Iterable[str], criterion_ids: Iterable[str]
                   ) -> np.ndarray:
        """True where a cell exists and holds nothing but a value (no range, no text):
        the cells a file may write in its one-line shorthand."""
        rows = self._index(option_ids, self._row_of)
        cols = self._index(criterion_ids, self._col_of)
        out = np.zeros((len(rows), len(cols)), dtype=bool)
        have_r, have_c = rows >= 0, cols >= 0
        if not have_r.any() or not have_c.any():
            return out
        sub = np.ix_(rows[have_r], cols[have_c])
        simple = self._present[sub] & (self._kind["value"][sub] != NONE)
        simple &= (self._kind["low"][sub] == NONE) & (self._kind["high"][sub] == NONE)
        out[np.ix_(have_r, have_c)] = simple
        back_r = {int(r): k for k, r in enumerate(rows) if r >= 0}
        back_c = {int(c): k for k, c in enumerate(cols) if c >= 0}
        for f in TEXT_FIELDS:
            for (i, j) in self._text[f]:
                if i in back_r and j in back_c:
                    out[back_r[i], back_c[j]] = False
        return out

    def reserve(self, option_ids: Iterable[str], criterion_ids: Iterable[str]) -> None:
        """Give these options and criteria their rows and columns now, in this order
        (which is the order cells are iterated in), before any cell is written."""
        for oid in option_ids:
            if oid not in self._row_of:
                self._row_of[oid] = len(self._row_ids)
                self._row_ids.append(oid)
        for cid in criterion_ids:
            if cid not in self._col_of:
                self._col_of[cid] = len(self._col_ids)
                self._col_ids.append(cid)
        self._grow(len(self._row_ids), len(self._col_ids))

    def put_numbers(self, option_ids: list[str], criterion_ids: list[str],
                    values: list[int | float],
                    lows: list[int | float | None] | None = None,
                    highs: list[int | float | None] | None = None) -> None:
        """Set many cells — cell k is (option_ids[k], criterion_ids[k]) — to plain
        int or float values (and, given, lows and highs; None leaves one out) in one
        pass over the arrays, for loading files. Text goes through :meth:`put`. An
        int beyond a float's exact range is refused."""
        if not values:
            return
        self.reserve(dict.fromkeys(option_ids), dict.fromkeys(criterion_ids))
        row_of, col_of = self._row_of, self._col_of
        rows = np.array([row_of[o] for o in option_ids], dtype=np.intp)
        cols = np.array([col_of[c] for c in criterion_ids], dtype=np.intp)
        for k in np.flatnonzero(self._present[rows, cols]):  # cells written before
            cell = (int(rows[k]), int(cols[k]))
            self._unbind(cell)
            self._clear(cell)
        self._present[rows, cols] = True
        self._count = int(self._present.sum())
        for field, given in (("value", values), ("low", lows), ("high", highs)):
            if given is None:
                continue
            kinds = np.array([NONE if v is None else INT if type(v) is int else FLOAT
                              for v in given], dtype=np.int8)
            numbers = np.array([math.nan if v is None else v for v in given], dtype=float)
            if (np.abs(numbers[kinds == INT]) > 2 ** 53).any():
                raise ValueError("an integer score beyond ±2**53 cannot be held exactly")
            self._kind[field][rows, cols] = kinds
            self._number[field][rows, cols] = numbers
        self.version += 1
        self._journal.clear()  # a bulk change: a cache rebuilds
        self._journal_from = self.version

    def put_value(self, option_id: str, criterion_id: str, value: ScoreValue) -> None:
        """Set a cell to a bare value without building a Score (for loading files)."""
        cell = self._cell((option_id, criterion_id), create=True)
        assert cell is not None
        self._unbind(cell)
        if self._present[cell]:
            self._clear(cell)
        else:
            self._present[cell] = True
            self._count += 1
        self._write_number(cell, "value", value)
        self._changed(cell)
