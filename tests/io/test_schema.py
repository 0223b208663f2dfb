"""The JSON Schema of the matrix file format agrees with the reader and the examples.

No JSON Schema library is a dependency, so a small checker below implements
exactly the keywords the schema uses; it raises on any other keyword, so a
constraint can never be ignored silently. Three kinds of test keep the schema
honest: every example file validates; at every table the schema names the same
allowed and required keys as the reader (probed through ``loads`` and its
error messages); and a set of broken documents is rejected by both.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from tradeoff.core.errors import Problem, ValidationError
from tradeoff.core.model import ID_PATTERN, Direction
from tradeoff.core.preference_functions import KINDS
from tradeoff.io.matrix_file import loads

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO_ROOT / "resources" / "matrix.schema.json"
EXAMPLES = sorted((REPO_ROOT / "matrices").glob("*.toml"))


# -- a minimal JSON Schema checker (draft 2020-12 subset) --------------------
_ANNOTATIONS = {"$schema", "$id", "$comment", "$defs", "title", "description", "default"}
_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "number": lambda x: isinstance(x, int | float) and not isinstance(x, bool),
    "integer": lambda x: isinstance(x, int) and not isinstance(x, bool),
    "boolean": lambda x: isinstance(x, bool),
}


def _same(a: Any, b: Any) -> bool:
    """JSON equality: 1 equals 1.0, but true is not 1."""
    return a == b and isinstance(a, bool) == isinstance(b, bool)


def schema_errors(instance: Any, schema: dict[str, Any], root: dict[str, Any],
                  path: str = "$") -> list[str]:
    """Every way ``instance`` breaks ``schema``, each as 'path: reason'."""
    errors: list[str] = []
    for keyword, arg in schema.items():
        if keyword in _ANNOTATIONS:
            continue
        check = _KEYWORDS.get(keyword)
        if check is None:
            raise NotImplementedError(f"the test checker does not implement {keyword!r}")
        errors += [f"{path}: {e}" if not e.startswith("$") else e
                   for e in check(instance, arg, schema, root, path)]
    return errors


def _ref(x: Any, arg: Any, _s: dict, root: dict, path: str) -> list[str]:
    assert arg.startswith("#/"), "only local references are used"
    target: Any = root
    for part in arg[2:].split("/"):
        target = target[part]
    return schema_errors(x, target, root, path)


def _type(x: Any, arg: Any, *_: Any) -> list[str]:
    kinds = [arg] if isinstance(arg, str) else arg
    return [] if any(_TYPES[k](x) for k in kinds) else [f"is not of type {arg}"]


def _properties(x: Any, arg: Any, _s: dict, root: dict, path: str) -> list[str]:
    if not isinstance(x, dict):
        return []
    return [e for k, sub in arg.items() if k in x
            for e in schema_errors(x[k], sub, root, f"{path}.{k}")]


def _additional(x: Any, arg: Any, schema: dict, root: dict, path: str) -> list[str]:
    if not isinstance(x, dict):
        return []
    extra = [k for k in x if k not in schema.get("properties", {})]
    if arg is False:
        return [f"unknown key {k!r}" for k in extra]
    return [e for k in extra for e in schema_errors(x[k], arg, root, f"{path}.{k}")]


def _property_names(x: Any, arg: Any, _s: dict, root: dict, path: str) -> list[str]:
    if not isinstance(x, dict):
        return []
    return [e for k in x for e in schema_errors(k, arg, root, f"{path}[name {k!r}]")]


def _dependent_required(x: Any, arg: Any, *_: Any) -> list[str]:
    if not isinstance(x, dict):
        return []
    return [f"{k!r} needs {need!r}" for k, needs in arg.items() if k in x
            for need in needs if need not in x]


def _prefix_items(x: Any, arg: Any, _s: dict, root: dict, path: str) -> list[str]:
    if not isinstance(x, list):
        return []
    return [e for i, (item, sub) in enumerate(zip(x, arg, strict=False))
            for e in schema_errors(item, sub, root, f"{path}[{i}]")]


def _items(x: Any, arg: Any, schema: dict, root: dict, path: str) -> list[str]:
    if not isinstance(x, list):
        return []
    start = len(schema.get("prefixItems", []))
    return [e for i, item in enumerate(x[start:], start)
            for e in schema_errors(item, arg, root, f"{path}[{i}]")]


def _one_of(x: Any, arg: Any, _s: dict, root: dict, path: str) -> list[str]:
    branch_errors = [schema_errors(x, sub, root, path) for sub in arg]
    passing = sum(not errors for errors in branch_errors)
    if passing == 1:
        return []
    why = "; ".join(e for errors in branch_errors for e in errors)
    detail = f" ({why})" if why else ""
    return [f"matches {passing} of the oneOf branches, not exactly 1{detail}"]


def _when(kind: str, test: Callable[[Any, Any], bool],
          message: str) -> Callable[..., list[str]]:
    """A keyword that applies only to instances of one JSON type."""
    def check(x: Any, arg: Any, *_: Any) -> list[str]:
        if not _TYPES[kind](x) or test(x, arg):
            return []
        return [message.format(arg=arg, x=x)]
    return check


_KEYWORDS: dict[str, Callable[..., list[str]]] = {
    "$ref": _ref,
    "type": _type,
    "const": lambda x, arg, *_: [] if _same(x, arg) else [f"is not {arg!r}"],
    "enum": lambda x, arg, *_: [] if any(_same(x, a) for a in arg) else [f"not one of {arg}"],
    "required": lambda x, arg, *_: ([f"missing key {k!r}" for k in arg if k not in x]
                                    if isinstance(x, dict) else []),
    "properties": _properties,
    "additionalProperties": _additional,
    "propertyNames": _property_names,
    "dependentRequired": _dependent_required,
    "prefixItems": _prefix_items,
    "items": _items,
    "oneOf": _one_of,
    "pattern": _when("string", lambda x, a: re.search(a, x) is not None,
                     "{x!r} does not match {arg!r}"),
    "minimum": _when("number", lambda x, a: x >= a, "{x} is below {arg}"),
    "exclusiveMinimum": _when("number", lambda x, a: x > a, "{x} is not above {arg}"),
    "maximum": _when("number", lambda x, a: x <= a, "{x} is above {arg}"),
    "minItems": _when("array", lambda x, a: len(x) >= a, "has fewer than {arg} items"),
    "maxItems": _when("array", lambda x, a: len(x) <= a, "has more than {arg} items"),
}


# -- helpers -------------------------------------------------------------------
@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def as_json(doc: dict[str, Any]) -> Any:
    """A parsed TOML document as JSON would carry it: dates become ISO text."""
    def iso(value: object) -> str:
        if isinstance(value, dt.date | dt.datetime | dt.time):
            return value.isoformat()
        raise TypeError(type(value).__name__)
    return json.loads(json.dumps(doc, default=iso))


def reader_problems(doc: dict[str, Any]) -> list[Problem]:
    """What ``loads`` says about ``doc``; an empty list when it accepts it."""
    try:
        loads(tomli_w.dumps(doc))
    except ValidationError as e:
        return e.problems
    return []


def node(schema: dict[str, Any], pointer: str) -> dict[str, Any]:
    target: Any = schema
    for part in pointer.split("/")[1:]:
        target = target[int(part)] if isinstance(target, list) else target[part]
    return target


def minimal_document() -> dict[str, Any]:
    """A small document that uses every table of the format, valid for reader and schema."""
    return {
        "format": 1,
        "matrix": {"title": "t", "created": "2026-01-01", "active_profile": "p"},
        "groups": [{"id": "g", "name": "G"}],
        "criteria": [
            {"id": "c", "name": "C", "group": "g", "worst": "bad", "best": "good",
             "levels": [{"name": "bad", "position": 0}, {"name": "good", "position": 1}]},
            {"id": "n", "name": "N", "group": "g", "direction": "cost", "worst": 10,
             "best": 0, "value_function": [[0, 1.0], [4, 0.5], [10, 0.0]],
             "promethee": {"function": "linear", "q": 1, "p": 3}},
        ],
        "options": [{"id": "o", "name": "O"}],
        "scores": {"o": {"c": {"value": "good", "low": "bad", "rationale": "r", "source": "s"},
                         "n": 3}},
        "profiles": [{"id": "p", "name": "P", "weights": {"g": 1, "c": 1, "n": 2}}],
        "scenarios": [{"id": "s", "name": "S", "description": "d", "probability": 1,
                       "scores": {"o": {"n": {"value": 5, "rationale": "r"}, "c": "bad"}}}],
    }


# Each table of the format: the reader's key path, where it sits in
# minimal_document(), and the schema node that describes it.
TABLES: list[tuple[str, Callable[[dict[str, Any]], dict[str, Any]], str]] = [
    ("", lambda d: d, "#"),
    ("matrix", lambda d: d["matrix"], "#/$defs/matrix"),
    ("groups[0]", lambda d: d["groups"][0], "#/$defs/group"),
    ("criteria[0]", lambda d: d["criteria"][0], "#/$defs/criterion"),
    ("criteria[0].levels[0]", lambda d: d["criteria"][0]["levels"][0], "#/$defs/level"),
    ("options[0]", lambda d: d["options"][0], "#/$defs/option"),
    ("scores.o.c", lambda d: d["scores"]["o"]["c"], "#/$defs/score_cell/oneOf/1"),
    ("profiles[0]", lambda d: d["profiles"][0], "#/$defs/profile"),
    ("scenarios[0]", lambda d: d["scenarios"][0], "#/$defs/scenario"),
    ("scenarios[0].scores.o.n", lambda d: d["scenarios"][0]["scores"]["o"]["n"],
     "#/$defs/score_cell/oneOf/1"),
]


def _key_path(prefix: str, key: str) -> str:
    return f"{prefix}.{key}" if prefix else key


# -- tests -----------------------------------------------------------------------
def test_schema_is_draft_2020_12_json_and_every_keyword_is_checked(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # Walking the examples reaches most of the schema; this walks all of it, so a
    # keyword the checker does not implement fails here rather than passing unseen.
    def walk(sub: Any) -> None:
        if isinstance(sub, dict):
            assert set(sub) - _ANNOTATIONS - set(_KEYWORDS) == set()
            for key, value in sub.items():
                if key in ("properties", "$defs", "dependentRequired"):
                    for child in value.values():
                        walk(child)
                elif key not in ("const", "enum", "default", "description", "title"):
                    walk(value)
        elif isinstance(sub, list):
            for child in sub:
                walk(child)
    walk(schema)


def test_schema_enumerations_match_the_model(schema):
    assert schema["$defs"]["id"]["pattern"] == ID_PATTERN.pattern
    direction = schema["$defs"]["criterion"]["properties"]["direction"]
    assert set(direction["enum"]) == {d.value for d in Direction}
    assert direction["default"] == Direction.BENEFIT.value


def test_there_are_examples_to_check():
    assert {p.name for p in EXAMPLES} >= {"budapest-summit.toml", "supplier-selection.toml"}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_matches_the_schema(path, schema):
    doc = as_json(tomllib.loads(path.read_text(encoding="utf-8")))
    assert schema_errors(doc, schema, schema) == []


def test_minimal_document_is_accepted_by_reader_and_schema(schema):
    doc = minimal_document()
    assert reader_problems(doc) == []
    assert schema_errors(as_json(doc), schema, schema) == []


@pytest.mark.parametrize("prefix, locate, pointer", TABLES, ids=[t[0] or "top" for t in TABLES])
def test_schema_allows_exactly_the_keys_the_reader_allows(prefix, locate, pointer, schema):
    doc = minimal_document()
    locate(doc)["zz_unknown"] = "x"
    where = _key_path(prefix, "zz_unknown")
    messages = [p.message for p in reader_problems(doc) if p.path == where]
    assert len(messages) == 1, f"the reader did not reject {where}"
    allowed = re.fullmatch(r"unknown key \(allowed here: (.*)\)", messages[0])
    assert allowed, messages[0]
    reader_keys = set(allowed.group(1).split(", "))
    table = node(schema, pointer)
    assert set(table["properties"]) == reader_keys
    assert table["additionalProperties"] is False
    # and the schema itself rejects the stray key
    assert any("zz_unknown" in e for e in schema_errors(as_json(doc), schema, schema))


@pytest.mark.parametrize("prefix, locate, pointer", TABLES, ids=[t[0] or "top" for t in TABLES])
def test_schema_requires_exactly_the_keys_the_reader_requires(prefix, locate, pointer, schema):
    doc = minimal_document()
    locate(doc).clear()
    lead = f"{prefix}." if prefix else ""
    missing = {p.path.removeprefix(lead) for p in reader_problems(doc)
               if p.message == "required key is missing" and p.path.startswith(lead)
               and "." not in p.path.removeprefix(lead)}
    assert set(node(schema, pointer).get("required", [])) == missing


BROKEN: dict[str, Callable[[dict[str, Any]], None]] = {
    "format 2": lambda d: d.update(format=2),
    "format missing": lambda d: d.pop("format"),
    "bad option id": lambda d: d["options"][0].update(id="-o"),
    "blank option name": lambda d: d["options"][0].update(name="  "),
    "unknown direction": lambda d: d["criteria"][1].update(direction="down"),
    "level without position": lambda d: d["criteria"][0]["levels"][0].pop("position"),
    "three-number point": lambda d: d["criteria"][1]["value_function"].append([5, 0.3, 1]),
    "true as a score": lambda d: d["scores"]["o"].update(n=True),
    "list as a score": lambda d: d["scores"]["o"].update(n=[1, 2]),
    "range without value": lambda d: d["scores"]["o"].update(n={"low": 1, "high": 4}),
    "number as rationale": lambda d: d["scores"]["o"]["c"].update(rationale=5),
    "negative weight": lambda d: d["profiles"][0]["weights"].update(n=-1),
    "text as weight": lambda d: d["profiles"][0]["weights"].update(n="heavy"),
    "sources not a list": lambda d: d["matrix"].update(sources="article"),
    "profile without weights": lambda d: d["profiles"][0].pop("weights"),
    "unknown preference function": lambda d: d["criteria"][1]["promethee"].update(
        function="sigmoid"),
    "negative threshold": lambda d: d["criteria"][1]["promethee"].update(q=-1),
    "threshold the kind lacks": lambda d: d["criteria"][1]["promethee"].pop("p"),
    "threshold the kind does not read": lambda d: d["criteria"][1]["promethee"].update(s=2),
    "v-shape with p of 0": lambda d: d["criteria"][1].update(
        promethee={"function": "v-shape", "p": 0}),
    "gaussian with s of 0": lambda d: d["criteria"][1].update(
        promethee={"function": "gaussian", "s": 0}),
    "scenario probability above 1": lambda d: d["scenarios"][0].update(probability=1.5),
    "scenario without a name": lambda d: d["scenarios"][0].pop("name"),
    "scenario with a blank name": lambda d: d["scenarios"][0].update(name=" "),
    "scenario probability as text": lambda d: d["scenarios"][0].update(probability="high"),
    "unknown key in an override": lambda d: d["scenarios"][0]["scores"]["o"]["n"].update(
        weight=3),
}


@pytest.mark.parametrize("kind", KINDS)
def test_each_preference_function_has_the_keys_the_reader_asks_for(kind, schema):
    """The promethee table's keys depend on its function: one oneOf branch per kind."""
    doc = minimal_document()
    doc["criteria"][1]["promethee"] = {"function": kind, "zz_unknown": 1}
    where = "criteria[1].promethee."
    problems = {p.path.removeprefix(where): p.message for p in reader_problems(doc)
                if p.path.startswith(where)}
    allowed = re.fullmatch(r"unknown key \(allowed here: (.*)\)", problems.pop("zz_unknown"))
    assert allowed
    required = {key for key, message in problems.items() if message == "required key is missing"}
    branches = [b for b in schema["$defs"]["promethee"]["oneOf"]
                if b["properties"]["function"]["const"] == kind]
    assert len(branches) == 1
    assert set(branches[0]["properties"]) == set(allowed.group(1).split(", "))
    assert set(branches[0]["required"]) == required | {"function"}
    assert branches[0]["additionalProperties"] is False


@pytest.mark.parametrize("mutate", BROKEN.values(), ids=BROKEN.keys())
def test_broken_documents_are_rejected_by_reader_and_schema(mutate, schema):
    doc = minimal_document()
    mutate(doc)
    assert reader_problems(doc), "the reader accepted it"
    assert schema_errors(as_json(doc), schema, schema), "the schema accepted it"


def test_checker_reports_where_the_example_breaks(schema):
    doc = as_json(tomllib.loads(EXAMPLES[0].read_text(encoding="utf-8")))
    first_option = doc["options"][0]["id"]
    first_criterion = doc["criteria"][0]["id"]
    doc["scores"][first_option][first_criterion]["note"] = "x"
    errors = schema_errors(doc, schema, schema)
    assert len(errors) == 1
    assert errors[0].startswith(f"$.scores.{first_option}.{first_criterion}: matches 0 of the "
                                "oneOf branches")
    assert "unknown key 'note'" in errors[0]
