"""Matrix files: strict reading with exact messages, lossless round trips, atomic saves."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from factories import small_matrix
from tradeoff.core.errors import ValidationError
from tradeoff.core.preference_functions import PreferenceFunction
from tradeoff.io import matrix_file
from tradeoff.io.matrix_file import dumps, load_matrix, loads, save_matrix
from tradeoff.paths import example_matrices

GOOD = """\
format = 1

[matrix]
title = "Lunch"
active_profile = "p"

[[groups]]
id = "g"
name = "Taste and price"

[[criteria]]
id = "taste"
name = "Taste"
group = "g"
worst = 0
best = 10

[[criteria]]
id = "price"
name = "Price"
group = "g"
direction = "cost"
unit = "€"
worst = 20
best = 5

[[criteria]]
id = "queue"
name = "Queue"
direction = "cost"
levels = [{ name = "short", position = 0 }, { name = "long", position = 1 }]
worst = "long"
best = "short"

[[options]]
id = "pizza"
name = "Pizza"

[[options]]
id = "salad"
name = "Salad"

[scores.pizza.taste]
value = 8
low = 7
high = 9
rationale = "Everyone likes it"
source = "Team poll"

[scores.pizza]
price = 12
queue = "long"

[scores.salad]
taste = 5
price = 9
queue = "short"

[[profiles]]
id = "p"
name = "Plain"
weights = { g = 1, taste = 2, price = 1, queue = 1 }
"""


def test_good_file_loads():
    m = loads(GOOD)
    assert [c.id for c in m.criteria] == ["taste", "price", "queue"]
    assert m.score("pizza", "taste").high == 9
    assert m.criterion("queue").worst == 1 and m.criterion("queue").best == 0


PRICE_UNIT = 'unit = "€"\n'
QUEUE_BEST = 'best = "short"\n'
# A criterion's own PROMETHEE preference function: kind, thresholds, level scales.
PROMETHEE_CASES = [
    *[(PRICE_UNIT, f"{PRICE_UNIT}promethee = {table}\n", message) for table, message in [
        ('{ function = "linear", q = 2, p = 1 }',
         "criteria[1].promethee.p: must be at least q (2)"),
        ('{ function = "sigmoid", p = 1 }',
         "criteria[1].promethee.function: unknown kind 'sigmoid' (choose from usual, u-shape, "
         "v-shape, level, linear, gaussian)"),
        ('{ function = "Linear", q = 1, p = 2 }',
         "criteria[1].promethee.function: unknown kind 'Linear' (choose from usual, u-shape, "
         "v-shape, level, linear, gaussian)"),
        ('{ function = "linear", q = 1 }', "criteria[1].promethee.p: required key is missing"),
        ('{ q = 1, p = 2 }', "criteria[1].promethee.function: required key is missing"),
        ('{ function = "usual", q = 1 }',
         "criteria[1].promethee.q: unknown key (allowed here: function)"),
        ('{ function = "v-shape", p = 2, s = 1 }',
         "criteria[1].promethee.s: unknown key (allowed here: function, p)"),
        ('{ function = "u-shape", q = -1 }',
         "criteria[1].promethee.q: must not be negative (-1): it is a difference between two "
         "scores"),
        ('{ function = "v-shape", p = 0 }', "criteria[1].promethee.p: a v-shape needs p above 0"),
        ('{ function = "gaussian", s = 0 }',
         "criteria[1].promethee.s: a Gaussian needs a parameter s above 0"),
        ('{ function = "gaussian", s = inf }',
         "criteria[1].promethee.s: inf is not a finite number"),
        ('{ function = "level", q = 1, p = "3" }',
         "criteria[1].promethee.p: must be a number, not text"),
        ('{ function = 4 }', "criteria[1].promethee.function: must be text, not a number"),
        ('"linear"', "criteria[1].promethee: must be a table, not text"),
    ]],
    (QUEUE_BEST, f'{QUEUE_BEST}promethee = {{ function = "u-shape", q = "short" }}\n',
     "criteria[2].promethee.q: must be a number of level positions (a difference between two "
     "levels), not text 'short'"),
]

CASES = [
    # (replace this, with this, exact message expected)
    ("value = 8\n", "value = 12\n",
     "scores.pizza.taste: 12 is above the scale's best anchor 10"),
    ("price = 12\n", "price = 25\n",
     "scores.pizza.price: 25 is above the scale's worst anchor 20"),
    ("queue = \"long\"\n", "queue = \"medium\"\n",
     "scores.pizza.queue: 'medium' is not a level of this scale (short, long)"),
    ("taste = 5\n", "taste = \"five\"\n",
     "scores.salad.taste: 'five' is not a number"),
    ("rationale = \"Everyone likes it\"", "ratonale = \"typo\"",
     "scores.pizza.taste.ratonale: unknown key (allowed here: distribution, high, low, "
     "rationale, source, value)"),
    ("rationale = \"Everyone likes it\"", "distribution = \"beta\"",
     "scores.pizza.taste.distribution: unknown distribution 'beta' "
     "(use triangular, pert, normal or lognormal)"),
    ("rationale = \"Everyone likes it\"", "distribution = 3",
     "scores.pizza.taste.distribution: must be text, not a number"),
    ("queue = \"long\"\n", "queue = { value = \"long\", distribution = \"lognormal\" }\n",
     "scores.pizza.queue.distribution: a log-normal distribution needs a numeric scale, "
     "not levels"),
    ("taste = 5\n", "taste = { value = 0, high = 2, distribution = \"lognormal\" }\n",
     "scores.salad.taste.distribution: a log-normal distribution needs scores above 0, "
     "and the value is 0"),
    ("taste = 5\n", "taste = { value = 5, high = 7, distribution = \"normal\" }\n",
     "scores.salad.taste.distribution: a normal distribution reads low and high as a 95 % "
     "interval around the value, so it needs a low below and a high above the value"),
    ("taste = 5\n", "taste = { value = 5, low = 5, high = 7, distribution = \"lognormal\" }\n",
     "scores.salad.taste.distribution: a log-normal distribution reads low and high as a 95 % "
     "interval around the value, so it needs a low below and a high above the value"),
    ("format = 1", "format = 7",
     "format: format 7 is not supported (this version of Tradeoff reads format 1)"),
    ("id = \"salad\"", "id = \"pizza\"",
     "options[1].id: duplicate id 'pizza' (already used by options[0])"),
    ("direction = \"cost\"\nunit", "unit",
     "criteria[1]: a benefit criterion needs best (5) above worst (20); use direction = "
     "\"cost\" to reverse it"),
    ("worst = 0\nbest = 10", "worst = 10\nbest = 10",
     "criteria[0]: worst and best anchors are both 10; they must differ"),
    ("weights = { g = 1, taste = 2, price = 1, queue = 1 }",
     "weights = { g = 1, taste = 0, price = 0, queue = 0 }",
     "profiles[0].weights: profile 'Plain': all weights under group 'g' are zero; give at "
     "least one a positive weight"),
    ("weights = { g = 1, taste = 2, price = 1, queue = 1 }",
     "weights = { g = 0, taste = 0, price = 0, queue = 0 }",
     "profiles[0].weights: profile 'Plain': all weights are zero; give at least one a "
     "positive weight"),
    ("weights = { g = 1, taste = 2, price = 1, queue = 1 }",
     "weights = { g = 1, taste = 2, price = -1, queue = 1 }",
     "profiles[0].weights.price: -1 is negative; weights are zero or positive"),
    ("weights = { g = 1, taste = 2, price = 1, queue = 1 }",
     "weights = { g = 1, taste = 2, queue = 1 }",
     "profiles[0].weights: no weight for 'price'"),
    ("group = \"g\"\nworst = 0", "group = \"nope\"\nworst = 0",
     "criteria[0].group: unknown group 'nope'"),
    ("low = 7", "low = 8.5",
     "scores.pizza.taste.low: low (8.5) is above the value (8)"),
    ("active_profile = \"p\"", "active_profile = \"q\"",
     "matrix.active_profile: unknown profile 'q'"),
    ("id = \"taste\"", "id = \"bad id!\"",
     "criteria[0].id: 'bad id!' is not a valid id (letters, digits, '-' and '_', starting "
     "with a letter or digit)"),
    ("title = \"Lunch\"", "title = 3",
     "matrix.title: must be text, not a number"),
    ("[[options]]\nid = \"salad\"", "[[options]]\nid = \"salad\"\ncolour = \"green\"",
     "options[1].colour: unknown key (allowed here: description, id, name)"),
    *PROMETHEE_CASES,
]


@pytest.mark.parametrize(("old", "new", "message"), CASES, ids=[c[2][:40] for c in CASES])
def test_bad_input_gets_an_exact_message(old, new, message):
    assert old in GOOD, "the test case must change the good file"
    text = GOOD.replace(old, new, 1)
    with pytest.raises(ValidationError) as info:
        loads(text, source="lunch.toml")
    assert f"lunch.toml: {message}" in str(info.value).splitlines()


@pytest.mark.parametrize(("old", "new", "message"), PROMETHEE_CASES,
                         ids=[c[2][:40] for c in PROMETHEE_CASES])
def test_a_faulty_preference_function_is_reported_once(old, new, message):
    """No second message made up from a stand-in threshold or a dropped table."""
    with pytest.raises(ValidationError) as info:
        loads(GOOD.replace(old, new, 1), source="lunch.toml")
    assert [str(p) for p in info.value.problems] == [message]


def test_missing_file_and_broken_toml_and_binary_name_the_file(tmp_path):
    with pytest.raises(ValidationError, match=r"nope\.toml: cannot read the file"):
        load_matrix(tmp_path / "nope.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\n[matrix\n")
    with pytest.raises(ValidationError, match=r"broken\.toml: not valid TOML"):
        load_matrix(broken)
    binary = tmp_path / "picture.toml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    with pytest.raises(ValidationError, match=r"picture\.toml: not UTF-8 text"):
        load_matrix(binary)


def test_every_problem_is_reported_at_once():
    text = GOOD.replace("taste = 5", "taste = 11").replace("price = 9", "price = 3")
    with pytest.raises(ValidationError) as info:
        loads(text)
    paths = [p.path for p in info.value.problems]
    assert paths == ["scores.salad.taste", "scores.salad.price"]


@pytest.mark.parametrize("path", example_matrices(), ids=lambda p: p.name)
def test_every_example_round_trips_losslessly(path, tmp_path):
    original = load_matrix(path)
    out = tmp_path / path.name
    save_matrix(original, out, touch_modified=False)
    again = load_matrix(out)
    assert again == original
    assert dumps(again) == dumps(original)


def test_code_built_matrix_round_trips(tmp_path):
    m = small_matrix()
    m.profiles[0].elicitation = {"method": "swing", "order": ["price", "speed", "risk"]}
    save_matrix(m, tmp_path / "small.toml")
    again = load_matrix(tmp_path / "small.toml")
    assert again == m
    assert again.metadata.modified  # saving stamps the date


def test_there_are_example_matrices():
    names = {p.name for p in example_matrices()}
    assert "budapest-summit.toml" in names
    assert len(names) >= 2


def test_save_is_atomic_when_the_write_fails(tmp_path, monkeypatch):
    target = tmp_path / "keep.toml"
    save_matrix(small_matrix(), target)
    before = target.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(matrix_file.os, "replace", full_disk)
    m = small_matrix()
    m.metadata.title = "Changed"
    with pytest.raises(OSError):
        save_matrix(m, target)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.toml"]  # no temp file left


def test_save_keeps_file_permissions(tmp_path):
    target = tmp_path / "shared.toml"
    save_matrix(small_matrix(), target)
    os.chmod(target, 0o600)
    save_matrix(small_matrix(), target)
    assert (target.stat().st_mode & 0o777) == 0o600


def test_hostile_text_survives_a_round_trip(tmp_path):
    m = small_matrix()
    m.options[0].name = '=HYPERLINK("http://x","y") """ \\ \t\n [scores]'
    m.scores[("a", "speed")].rationale = "line one\nline two ''' \"\"\" \x7f"
    save_matrix(m, tmp_path / "h.toml")
    assert load_matrix(tmp_path / "h.toml") == m


def test_file_too_large_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(matrix_file, "MAX_FILE_BYTES", 100)
    big = tmp_path / "big.toml"
    big.write_text(GOOD)
    with pytest.raises(ValidationError, match="limited to"):
        load_matrix(big)


def test_saved_text_is_stable_and_readable(tmp_path):
    text = dumps(loads(GOOD))
    assert text.startswith("format = 1\n")
    assert "[scores.pizza.taste]" in text
    assert Path is not None


def test_preference_functions_round_trip_losslessly(tmp_path):
    """Every kind with its thresholds, on a numeric and on a level scale, saved and read back."""
    text = (GOOD.replace(PRICE_UNIT, f'{PRICE_UNIT}promethee = {{ function = "linear", q = 1, '
                                     'p = 2.5 }\n')
            .replace(QUEUE_BEST, f'{QUEUE_BEST}promethee = {{ function = "level", q = 0, '
                                 'p = 1 }\n'))
    m = loads(text)
    assert m.criterion("taste").promethee is None
    assert m.criterion("price").promethee == PreferenceFunction("linear", q=1, p=2.5)
    assert m.criterion("queue").promethee == PreferenceFunction("level", q=0, p=1)
    for kind, thresholds in [("usual", {}), ("u-shape", {"q": 2}), ("v-shape", {"p": 0.25}),
                             ("gaussian", {"s": 3})]:
        m.criteria[0].promethee = PreferenceFunction(kind, **thresholds)
        save_matrix(m, tmp_path / "lunch.toml", touch_modified=False)
        again = load_matrix(tmp_path / "lunch.toml")
        assert again == m
        assert dumps(again) == dumps(m)
        saved = tomllib.loads((tmp_path / "lunch.toml").read_text(encoding="utf-8"))
        assert saved["criteria"][0]["promethee"] == {"function": kind, **thresholds}
        assert saved["criteria"][1]["promethee"] == {"function": "linear", "q": 1, "p": 2.5}
    assert "promethee" not in tomllib.loads(dumps(loads(GOOD)))["criteria"][0]
