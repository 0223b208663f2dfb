"""The Python API: bad input raises MatrixError with the command line's message,
nothing is changed in place, files written read back, ``import tradeoff`` stays cheap."""

from __future__ import annotations

import copy
import doctest
import subprocess
import sys

import pandas as pd
import pytest

import tradeoff
from tradeoff import cli
from tradeoff.api import analysis, matrix
from tradeoff.io.matrix_file import load_matrix, to_document
from tradeoff.paths import example_path

BUDAPEST = example_path()


@pytest.fixture
def m():
    return tradeoff.load(BUDAPEST)


def cli_error(capsys, *args: str) -> str:
    """What the command line prints for a mistake, without its ``tradeoff CMD: `` prefix."""
    assert cli.main(list(args)) == 2
    err = capsys.readouterr().err.strip()
    return err.split(": ", 1)[1]


def test_matrix_error_is_a_value_error():
    assert issubclass(tradeoff.MatrixError, ValueError)


def test_a_bad_file_raises_the_cli_message_with_its_key_path(capsys, tmp_path):
    text = BUDAPEST.read_text(encoding="utf-8").replace("worst = 0\nbest = 10",
                                                        "worst = 0\nbest = 0", 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(tradeoff.MatrixError) as caught:
        tradeoff.load(bad)
    assert "criteria[0]" in str(caught.value)
    assert str(caught.value) == cli_error(capsys, "score", str(bad))


def test_a_missing_file_names_it(capsys, tmp_path):
    with pytest.raises(tradeoff.MatrixError, match="cannot read the file") as caught:
        tradeoff.load(tmp_path / "nowhere.toml")
    assert str(caught.value) == cli_error(capsys, "score", str(tmp_path / "nowhere.toml"))


def test_an_unknown_profile_gets_the_cli_message(capsys, m):
    with pytest.raises(tradeoff.MatrixError) as caught:
        m.score(profile="nobody")
    assert str(caught.value) == cli_error(capsys, "score", str(BUDAPEST), "--profile", "nobody")
    assert "profiles:" in str(caught.value)


def test_settings_the_method_does_not_use_get_the_cli_message(capsys, m):
    with pytest.raises(tradeoff.MatrixError) as caught:
        m.score(method="wsm", v=0.3)
    assert str(caught.value) == cli_error(capsys, "score", str(BUDAPEST), "--v", "0.3")


@pytest.mark.parametrize(("kwargs", "flags"), [
    ({"samples": 0}, ["--samples", "0"]),
    ({"seed": -1}, ["--seed", "-1"]),
    ({"spread": -5}, ["--spread", "-5"]),
    ({"weights": "bounds"}, ["--weights", "bounds"]),
    ({"weights": "bounds", "bounds": {"Nothing": (1, 2)}},
     ["--weights", "bounds", "--bound", "Nothing=1:2"]),
])
def test_bad_monte_carlo_settings_get_the_cli_message(capsys, m, kwargs, flags):
    with pytest.raises(tradeoff.MatrixError) as caught:
        m.analyse(**kwargs)
    assert str(caught.value) == cli_error(capsys, "analyse", str(BUDAPEST), *flags)


def test_unknown_method_and_weight_mode_are_named(m):
    with pytest.raises(tradeoff.MatrixError, match=r"no method 'ahp'.*wsm, wpm"):
        m.score(method="ahp")
    with pytest.raises(tradeoff.MatrixError, match="--weights: no choice 'flat'"):
        m.analyse(weights="flat")


def test_bad_weights_name_the_key_path(m):
    with pytest.raises(tradeoff.MatrixError,
                       match=r"profiles\[0\]\.weights\.escalation-risk: -3 is negative"):
        m.with_weights({"Escalation risk": -3}, profile="balanced")
    with pytest.raises(tradeoff.MatrixError, match="no criterion or group named 'Speed'"):
        m.with_weights({"Speed": 3})


def test_bad_scores_name_the_key_path(m):
    with pytest.raises(tradeoff.MatrixError,
                       match=r"scores\.harder-line\.escalation-risk: 'extreme' is not a level"):
        m.with_scores({("Harder line", "Escalation risk"): "extreme"})
    with pytest.raises(tradeoff.MatrixError, match="no option named 'Nobody'"):
        m.with_scores({("Nobody", "Escalation risk"): "low"})


def test_nothing_changes_in_place(m):
    before = to_document(m.to_model())
    weights = {"Escalation risk": 30, "Leverage on Moscow": 5}
    weights_copy = dict(weights)
    scores = m.scores_frame().head(2).copy()
    scores.iloc[:, 0] = [1, 9]
    scores_copy = scores.copy()
    heavier = m.with_weights(weights)
    rescored = m.with_scores(scores)
    m.score(), m.weights(), m.values_frame(), m.analyse(samples=200), m._repr_html_()
    assert to_document(m.to_model()) == before
    assert weights == weights_copy
    pd.testing.assert_frame_equal(scores, scores_copy)
    assert heavier.weights()["Escalation risk"] > m.weights()["Escalation risk"]
    assert rescored.scores_frame().iloc[:2, 0].tolist() == [1, 9]
    assert m.scores_frame().iloc[:2, 0].tolist() != [1, 9]


def test_the_model_handed_in_is_not_shared(m):
    model = load_matrix(BUDAPEST)
    kept = copy.deepcopy(model)
    wrapped = tradeoff.Matrix(model)
    model.options[0].name = "Renamed outside"
    assert wrapped.options[0] == kept.options[0].name


def test_with_weights_reranks_as_a_profile_would(m):
    heavier = m.with_weights({"Escalation risk": 40}, profile="balanced")
    w = heavier.weights("balanced")
    assert w.sum() == pytest.approx(1.0)
    assert w["Escalation risk"] > w["Leverage on Moscow"]
    assert heavier.score("balanced").index[0] != m.score("balanced").index[0] or \
        heavier.score("balanced")["total"].tolist() != m.score("balanced")["total"].tolist()


def test_save_and_to_excel_write_files_that_read_back(m, tmp_path):
    from tradeoff.io.excel.importer import import_matrix

    m.save(tmp_path / "copy.toml")
    again = tradeoff.load(tmp_path / "copy.toml")
    pd.testing.assert_frame_equal(again.score(), m.score())
    m.to_excel(tmp_path / "out.xlsx", analysis=False)
    back = import_matrix(tmp_path / "out.xlsx").matrix
    pd.testing.assert_frame_equal(tradeoff.Matrix(back).score(), m.score())


def test_bad_file_names_are_refused_and_nothing_is_written(m, tmp_path):
    with pytest.raises(tradeoff.MatrixError, match=r"must end in \.xlsx"):
        m.to_excel(tmp_path / "out.csv")
    with pytest.raises(tradeoff.MatrixError, match=r"must end in \.toml"):
        m.save(tmp_path / "out.txt")
    with pytest.raises(tradeoff.MatrixError, match="cannot write the file"):
        m.save(tmp_path / "no-such-folder" / "out.toml")
    assert list(tmp_path.iterdir()) == []


def test_from_frame_reads_as_import_does():
    df = pd.DataFrame({"Price": [40, 20, 30], "Speed": [6, 3, 9]},
                      index=["Alpha", "Beta", "Gamma"])
    kept = df.copy()
    m = tradeoff.Matrix.from_frame(df, directions={"Price": "cost"},
                                   weights={"Price": 2, "Speed": 1})
    pd.testing.assert_frame_equal(df, kept)
    # Anchors from the data: Price 40 (worst) … 20 (best), Speed 3 … 9.
    assert any("from the data" in note for note in m.notes)
    values = m.values_frame()
    assert values.loc["Beta", "Price"] == pytest.approx(1.0)
    assert values.loc["Gamma", "Speed"] == pytest.approx(1.0)
    assert m.weights().to_dict() == pytest.approx({"Price": 2 / 3, "Speed": 1 / 3})
    # Beta: 2/3 × 1 + 0; Gamma: 2/3 × 0.5 + 1/3 × 1.
    assert m.score()["total"].to_dict() == pytest.approx(
        {"Gamma": 2 / 3, "Beta": 2 / 3, "Alpha": 1 / 3 * 0.5})


def test_from_frame_refuses_text_and_unknown_columns():
    df = pd.DataFrame({"Price": [40, "cheap"]}, index=["Alpha", "Beta"])
    with pytest.raises(tradeoff.MatrixError, match=r"scores\['Beta', 'Price'\]: 'cheap'"):
        tradeoff.Matrix.from_frame(df)
    with pytest.raises(tradeoff.MatrixError, match="direction: no column named 'Cost'"):
        tradeoff.Matrix.from_frame(df.iloc[:1], directions={"Cost": "cost"})


def test_repr_html_shows_the_scored_table_escaped(m):
    html = m.with_scores({}).__class__(
        _renamed(m.to_model(), "<b>Harder</b> line"))._repr_html_()
    assert "&lt;b&gt;Harder&lt;/b&gt; line" in html and "<b>Harder</b>" not in html
    assert "<table" in html and "Budapest summit" in html


def _renamed(model, name):
    model.options[0].name = name
    return model


def test_import_tradeoff_loads_neither_pandas_nor_qt():
    code = ("import sys, tradeoff; "
            "print(sorted(m for m in ('pandas', 'numpy', 'PySide6') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert r.stdout.strip() == "[]"
    assert "load" in dir(tradeoff)


@pytest.mark.parametrize("module", [tradeoff, matrix, analysis], ids=lambda m: m.__name__)
def test_docstring_examples_run(module, monkeypatch):
    monkeypatch.chdir(BUDAPEST.parents[1])
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    if module is not analysis:
        assert result.attempted > 0


def test_a_new_score_keeps_a_range_that_holds_it_and_drops_one_that_does_not(m):
    # Harder line on leverage: 8 within 5…9.
    inside = m.with_scores({("Harder line", "Leverage on Moscow"): 6})
    outside = m.with_scores({("Harder line", "Leverage on Moscow"): 2})
    cell = lambda x: x.to_model().score("harder-line", "leverage")  # noqa: E731
    assert (cell(inside).low, cell(inside).value, cell(inside).high) == (5, 6, 9)
    assert (cell(outside).low, cell(outside).value, cell(outside).high) == (None, 2, None)
    assert cell(outside).rationale == cell(m).rationale != ""
    assert inside.notes == [] and "scores.harder-line.leverage" in outside.notes[0]
