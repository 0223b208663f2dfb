"""Matrix files and plain-table imports at the edges: wrong types, numbers too large, stray cells.

Each case is a file a user could write by hand; each must be refused with a
message that names the key (or cell), never with an internal error, and a
fault must not be echoed by a second, misleading message.
"""

from __future__ import annotations

import pytest

from tradeoff.core.errors import ValidationError
from tradeoff.io.csv_import import import_csv
from tradeoff.io.matrix_file import load_matrix, loads

HEAD = """\
format = 1

[[criteria]]
id = "speed"
name = "Speed"
"""

TAIL = """
[[options]]
id = "a"
name = "Alpha"

[scores.a]
speed = 5

[[profiles]]
id = "p"
name = "P"
weights = { speed = 1 }
"""

HUGE = "9" * 400  # a TOML integer has no size limit, but it becomes a float in the maths


def _problems(text: str) -> list[str]:
    with pytest.raises(ValidationError) as info:
        loads(text)
    return [str(p) for p in info.value.problems]


def test_a_value_function_that_is_not_an_array_is_named():
    text = HEAD + "worst = 0\nbest = 10\nvalue_function = 3\n" + TAIL
    assert _problems(text) == ["criteria[0].value_function: must be an array of [score, value] "
                               "points, not a number"]


@pytest.mark.parametrize("before, after, message", [
    ("best = 10", f"best = {HUGE}",
     "criteria[0].best: 999999999999…(400 digits) is too large to compute with"),
    ("speed = 5", f"speed = {{ value = 5, low = -{HUGE} }}",
     "scores.a.speed.low: -99999999999…(400 digits) is too large to compute with"),
    ("weights = { speed = 1 }", f"weights = {{ speed = {HUGE} }}",
     "profiles[0].weights.speed: 999999999999…(400 digits) is too large to compute with"),
])
def test_an_integer_too_large_for_a_float_is_named(before, after, message):
    text = (HEAD + "worst = 0\nbest = 10\n" + TAIL).replace(before, after)
    assert _problems(text) == [message]


@pytest.mark.parametrize("worst", [-(2 ** 63) - 1, 2 ** 64 + 1])
def test_an_integer_anchor_beyond_64_bits_loads(worst):
    # The lower anchor went into a numpy array of Python ints, which numpy keeps as
    # objects beyond 64 bits: loading ended in a TypeError from np.isnan.
    best, score = (0, -1) if worst < 0 else (2 ** 65, 2 ** 64 + 2)
    text = (HEAD + f"worst = {worst}\nbest = {best}\n" + TAIL).replace("speed = 5",
                                                                         f"speed = {score}")
    m = loads(text)
    assert (m.criteria[0].worst, m.scores[("a", "speed")].value) == (worst, score)


def test_non_finite_value_function_points_are_named():
    text = HEAD + "worst = 0\nbest = 10\nvalue_function = [[0, 0], [nan, 0.5], [10, inf]]\n" + TAIL
    assert _problems(text) == [
        "criteria[0].value_function[1]: nan is not a finite number",
        "criteria[0].value_function[2]: inf is not a finite number",
    ]


def test_a_faulted_anchor_is_not_echoed_as_equal_anchors():
    # The faulted anchor's stand-in 0 equals the other anchor.
    text = HEAD + 'direction = "cost"\nworst = "ten"\nbest = 0\n' + TAIL.replace("speed = 5",
                                                                                 "speed = 0")
    assert _problems(text) == ["criteria[0].worst: must be a number, not text"]


def test_a_faulted_weight_is_not_echoed_as_all_weights_zero():
    text = HEAD + "worst = 0\nbest = 10\n" + TAIL.replace("speed = 1 }", 'speed = "high" }')
    assert _problems(text) == ["profiles[0].weights.speed: must be a number, not text"]


def test_format_true_is_not_format_1():
    assert _problems("format = true\n") == [
        "format: format True is not supported (this version of Tradeoff reads format 1)"]


def test_the_file_name_leads_every_message(tmp_path):
    path = tmp_path / "lunch.toml"
    path.write_text(HEAD + "worst = 0\nbest = 10\nvalue_function = 3\n" + TAIL,
                    encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_matrix(path)
    assert str(info.value).startswith(f"{path}: criteria[0].value_function: ")


def test_scores_beyond_the_last_criterion_name_are_refused(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("option,Speed\nAlpha,1,9\nBeta,2,8\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        import_csv(path)
    assert [str(p) for p in info.value.problems] == [
        "C1: a column of scores has no criterion name"]


def test_a_table_without_stray_cells_still_imports(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("option,Speed,Price\nweight,1,2\nAlpha,1,9\nBeta,2,8\n", encoding="utf-8")
    result = import_csv(path)
    assert [c.name for c in result.matrix.criteria] == ["Speed", "Price"]
    assert result.matrix.profiles[0].weights == {"speed": 1, "price": 2}


def test_an_unknown_level_anchor_keeps_later_criteria_on_their_own_key_paths():
    text = """\
format = 1

[[criteria]]
id = "risk"
name = "Risk"
levels = [{ name = "low", position = 0 }, { name = "high", position = 1 }]
worst = "hgih"
best = "low"
direction = "cost"

[[criteria]]
id = "speed"
name = "Speed"
worst = 5
best = 5

[[options]]
id = "a"
name = "Alpha"

[scores.a]
risk = "high"
speed = 5

[[profiles]]
id = "p"
name = "P"
weights = { risk = 1, speed = 1 }
"""
    assert _problems(text) == [
        "criteria[0].worst: 'hgih' is not one of the levels",
        "criteria[1]: worst and best anchors are both 5; they must differ",
    ]


def test_scores_are_not_judged_against_a_faulted_anchor():
    text = HEAD + 'worst = 0\nbest = "ten"\n' + TAIL
    assert _problems(text) == ["criteria[0].best: must be a number, not text"]


def test_nesting_too_deep_for_the_parser_is_a_message_not_a_crash(tmp_path):
    path = tmp_path / "deep.toml"
    path.write_text("format = 1\n[matrix]\ntitle = " + "[" * 3000 + "]" * 3000 + "\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_matrix(path)
    assert str(info.value) == (f"{path}: arrays or tables are nested too deeply to read "
                               "(is this a Tradeoff matrix file?)")


def test_a_file_saved_with_a_byte_order_mark_reads_as_without(tmp_path):
    plain, marked = tmp_path / "plain.toml", tmp_path / "marked.toml"
    text = HEAD + "worst = 0\nbest = 10\n" + TAIL
    plain.write_text(text, encoding="utf-8")
    marked.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # as Notepad saves "UTF-8"
    assert load_matrix(marked) == load_matrix(plain)
