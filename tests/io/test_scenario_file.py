"""Scenarios in matrix files: every field round-trips, and each bad scenario is
refused by ``tradeoff validate`` with exit status 2 and the key path."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from factories import small_matrix
from tradeoff.core.errors import ValidationError
from tradeoff.core.model import Scenario, Score
from tradeoff.io.matrix_file import dumps, load_matrix, loads, save_matrix, to_document
from tradeoff.paths import example_matrices


def with_scenarios():
    m = small_matrix()
    m.scenarios = [
        Scenario("dear", "Gamma gets dear", description="Prices rise.\nSecond line.",
                 scores={("c", "price"): Score(value=90, low=80, high=95, distribution="pert",
                                               rationale="supplier notice", source="letter"),
                         ("a", "risk"): Score(value="high", low="medium", high="very high")}),
        Scenario("fast", "Beta speeds up", scores={("b", "speed"): Score(value=6.5)}),
        Scenario("none", "Nothing changes"),
    ]
    return m


def test_every_field_round_trips():
    m = with_scenarios()
    m.scenarios[0].probability, m.scenarios[1].probability = 0.25, 0.75
    m.scenarios[2].probability = 0.0
    again = loads(dumps(m))
    assert again.scenarios == m.scenarios
    assert loads(dumps(again)) == again


def test_round_trip_without_probabilities():
    m = with_scenarios()
    assert loads(dumps(m)).scenarios == m.scenarios
    assert "probability" not in dumps(m)


def test_a_matrix_without_scenarios_is_written_as_before():
    m = small_matrix()
    assert "scenarios" not in to_document(m)
    assert "scenarios" not in dumps(m)


@pytest.mark.parametrize("path", example_matrices(), ids=lambda p: p.name)
def test_examples_survive_a_save_and_load(path, tmp_path):
    m = load_matrix(path)
    out = tmp_path / path.name
    save_matrix(m, out, touch_modified=False)
    assert load_matrix(out) == m


BASE = small_matrix()


def document(scenarios: str) -> str:
    return dumps(BASE) + "\n" + textwrap.dedent(scenarios)


BAD = {
    "unknown option": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        [scenarios.scores.zeta.price]
        value = 10
        """, "scenarios[0].scores.zeta", "unknown option 'zeta'"),
    "unknown criterion": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        [scenarios.scores.a.colour]
        value = 10
        """, "scenarios[0].scores.a.colour", "unknown criterion 'colour'"),
    "value off the scale": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        [scenarios.scores.a.speed]
        value = 11
        """, "scenarios[0].scores.a.speed", "above the scale's best anchor 10"),
    "not one of the levels": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        [scenarios.scores.a.risk]
        value = "extreme"
        """, "scenarios[0].scores.a.risk", "'extreme' is not a level of this scale"),
    "probability above 1": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        probability = 1.5
        """, "scenarios[0].probability", "not a probability between 0 and 1"),
    "negative probability": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        probability = -0.2
        [[scenarios]]
        id = "t"
        name = "T"
        probability = 1.2
        """, "scenarios[0].probability", "not a probability between 0 and 1"),
    "probability on some scenarios only": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        probability = 1
        [[scenarios]]
        id = "t"
        name = "T"
        """, "scenarios[1].probability", "either every scenario has a probability or none"),
    "probabilities not summing to 1": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        probability = 0.5
        [[scenarios]]
        id = "t"
        name = "T"
        probability = 0.4
        """, "scenarios", "the probabilities sum to 0.9, not 1"),
    "duplicate ids": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        [[scenarios]]
        id = "s"
        name = "T"
        """, "scenarios[1].id", "duplicate id 's'"),
    "no name": ("""
        [[scenarios]]
        id = "s"
        """, "scenarios[0].name", "required key is missing"),
    "a blank name": ("""
        [[scenarios]]
        id = "s"
        name = "  "
        """, "scenarios[0].name", "the name is empty"),
    "probability as text": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        probability = "likely"
        """, "scenarios[0].probability", "must be a number between 0 and 1"),
    "unknown key in an override": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        [scenarios.scores.a.speed]
        value = 5
        weight = 2
        """, "scenarios[0].scores.a.speed.weight", "unknown key"),
    "weights in a scenario": ("""
        [[scenarios]]
        id = "s"
        name = "S"
        weights = {speed = 3}
        """, "scenarios[0].weights", "unknown key"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_scenarios_are_refused_with_the_key_path(case):
    text, path, message = BAD[case]
    with pytest.raises(ValidationError) as e:
        loads(document(text))
    found = [p for p in e.value.problems if p.path == path]
    assert found, [str(p) for p in e.value.problems]
    assert message in found[0].message


def test_probabilities_within_a_millionth_of_1_are_accepted():
    m = loads(document("""
        [[scenarios]]
        id = "s"
        name = "S"
        probability = 0.3333333
        [[scenarios]]
        id = "t"
        name = "T"
        probability = 0.6666664
        """))
    assert [s.probability for s in m.scenarios] == [0.3333333, 0.6666664]


@pytest.mark.parametrize("case", ["unknown option", "probabilities not summing to 1",
                                  "duplicate ids", "no name"])
def test_validate_exits_2_naming_the_key(case, tmp_path):
    text, path, message = BAD[case]
    f = tmp_path / "bad.toml"
    f.write_text(document(text), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "tradeoff.cli", "validate", str(f)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2
    assert f"{f}: {path}: " in r.stderr and message in r.stderr
    assert "Traceback" not in r.stderr


def test_validate_counts_the_scenarios(tmp_path):
    f = tmp_path / "ok.toml"
    save_matrix(with_scenarios(), f)
    r = subprocess.run([sys.executable, "-m", "tradeoff.cli", "validate", str(f)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "3 scenarios" in r.stdout
