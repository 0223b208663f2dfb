"""The brief's statements: the answer, ties, the reasons, and the cases with no recommendation."""

from __future__ import annotations

import pytest

from factories import small_matrix
from robustness_factories import numeric_matrix
from tradeoff.core.brief import BriefOptions, build_brief, headline
from tradeoff.core.brief.document import Bullets, Paragraph, Table
from tradeoff.core.brief.text import shorten
from tradeoff.core.model import Option, WeightProfile
from tradeoff.core.scoring import score
from tradeoff.core.smaa import SmaaCancelled
from tradeoff.io.matrix_file import load_matrix
from tradeoff.paths import example_path


def texts(brief) -> str:
    out = []
    for s in brief.sections:
        for b in s.blocks:
            if isinstance(b, Paragraph):
                out.append(b.lead + b.gap + b.text)
            elif isinstance(b, Bullets):
                out += [p.lead + p.gap + p.text for p, _ in b.items]
    return "\n".join(out)


def test_shorten_cuts_at_a_word_boundary_with_an_ellipsis():
    text = "The pause lowers the temperature on both sides of the negotiating table"
    short = shorten(text, 30)
    assert short == "The pause lowers the…"
    assert len(short) <= 30 and text.startswith(short[:-1])
    assert shorten("short text", 30) == "short text"
    assert shorten("Antidisestablishmentarianism forever", 10) == "Antidisestablishmentarianism…"
    assert shorten("line\nbreaks   and\ttabs", 100) == "line breaks and tabs"


def test_small_matrix_answer_matches_hand_scored_totals():
    m = small_matrix()
    result = score(m, "even")
    brief = build_brief(m, m.profile("even"), BriefOptions(samples=0))
    first = result.ranking().iloc[0]
    second = result.ranking().iloc[1]
    assert brief.recommended == first["option"]
    assert brief.headline[0] == (
        f"Under the Even weights, the recommendation is {first['option']}, with a total of "
        f"{first['total']:.3f} (out of 1), {first['margin']:.3f} ahead of the runner-up, "
        f"{second['option']} ({second['total']:.3f}).")
    assert [s.key for s in brief.sections] == ["answer", "why", "sure", "uncertainties",
                                               "assumptions", "charts", "appendix"]


def test_a_tie_is_stated_as_a_tie():
    m = numeric_matrix([[10, 0], [0, 10], [2, 2]], [50, 50])
    brief = build_brief(m, m.profile(), BriefOptions(samples=0))
    assert brief.recommended is None
    assert ("P weights, O0 and O1 tie for first place with a total of 0.500 each"
            in brief.headline[0])
    assert "favours one of them" in texts(brief)


def test_one_option_has_no_recommendation():
    m = small_matrix()
    m.options = m.options[:1]
    brief = build_brief(m, m.profile(), BriefOptions(samples=100))
    assert brief.recommended is None
    assert brief.headline == ("There is no recommendation: Alpha is the only option, so there "
                              "is nothing to compare it with. Add at least one alternative.",)
    assert "why" not in {s.key for s in brief.sections}


def test_no_weights_has_no_recommendation():
    m = small_matrix()
    m.profiles, m.active_profile = [], None
    brief = build_brief(m, None)
    assert brief.recommended is None
    assert "no weight profile" in brief.headline[0]
    assert headline(m, None) == brief.headline


def test_all_zero_weights_have_no_recommendation():
    m = small_matrix()
    zero = WeightProfile("zero", "Zero", dict.fromkeys(m.profile().weights, 0.0))
    m.profiles.append(zero)
    brief = build_brief(m, zero, BriefOptions(samples=100))
    assert brief.recommended is None
    assert brief.headline[0].startswith("There is no recommendation: the weights cannot be used")


def test_no_scores_has_no_recommendation_and_says_how_many_are_empty():
    m = small_matrix()
    m.scores.clear()
    brief = build_brief(m, m.profile(), BriefOptions(samples=100))
    assert brief.recommended is None
    assert brief.headline[0] == ("There is no recommendation: no option has a score on every "
                                 "criterion (9 of 9 cells are empty), and at least two scored "
                                 "options are needed to compare.")
    appendix = next(s for s in brief.sections if s.key == "appendix")
    table = appendix.blocks[0]
    assert isinstance(table, Table) and {c for r in table.rows for c in r[1:]} == {"—"}


def test_an_unscored_option_is_named_and_left_out():
    m = small_matrix()
    m.options.append(Option("d", "Delta"))
    brief = build_brief(m, m.profile(), BriefOptions(samples=200))
    assert "Not ranked because a score is missing: Delta (no score on Price, Speed and Risk)" \
        in texts(brief)


def test_why_covers_the_margin_largest_difference_first():
    m = load_matrix(example_path())
    brief = build_brief(m, m.profile(), BriefOptions(samples=0))
    why = next(s for s in brief.sections if s.key == "why")
    result = score(m, m.profile())
    contrib = result.contributions()
    diff = (contrib.loc["pause-for-deliverables"] - contrib.loc["calibrated-pressure"])
    names = {c.id: c.name for c in m.criteria}
    expected = [names[c] for c in diff.sort_values(ascending=False, kind="stable").index[:2]]
    bullets = next(b for b in why.blocks if isinstance(b, Bullets))
    leads = [p.lead for p, _ in bullets.items]
    assert leads[:2] == expected
    assert leads[-1] == f"Against: {names[diff.idxmin()]}"
    # each reason quotes both options' rationales, shortened at a word boundary
    for _, quotes in bullets.items:
        assert len(quotes) == 2
        for q in quotes:
            assert len(q.text) <= 181


def test_headline_adds_the_monte_carlo_share_only_from_a_given_run():
    m = load_matrix(example_path())
    plain = headline(m, m.profile())
    assert "Monte Carlo" not in plain[1]
    assert plain[1].startswith("It holds unless the weight on ")
    from tradeoff.core.brief import monte_carlo

    run = monte_carlo(m, m.profile(), 1000, 3)
    with_run = headline(m, m.profile(), run)
    share = run.probability_best[run.options.index("pause-for-deliverables")]
    assert with_run[1].endswith(f"it ranks first in {share * 100:.1f} % of 1,000 Monte Carlo "
                                "draws.")


def test_sections_can_be_left_out_but_not_the_answer():
    m = small_matrix()
    brief = build_brief(m, m.profile(), BriefOptions(samples=0, sections=frozenset({"why"})))
    assert [s.key for s in brief.sections] == ["answer", "why"]


def test_the_monte_carlo_can_be_cancelled():
    m = load_matrix(example_path())
    with pytest.raises(SmaaCancelled):
        build_brief(m, m.profile(), BriefOptions(samples=50_000), cancelled=lambda: True)


def test_provenance_names_ahp_with_its_consistency_ratio():
    m = small_matrix()
    p = m.profile()
    p.elicitation = {"_root": {"method": "ahp", "consistency_ratio": 0.1234,
                               "judgements": []},
                     "quality": {"method": "group", "aggregation": "mean-of-weights",
                                 "participants": [{"name": "A"}, {"name": "B"}]}}
    brief = build_brief(m, p, BriefOptions(samples=0))
    text = texts(brief)
    assert "Top level: AHP pairwise comparisons, consistency ratio 0.12 (above 0.10" in text
    assert "Under Quality: combined from 2 participants by the mean of their weights" in text


def test_nearest_change_names_the_leader_the_full_sweep_finds_there():
    from tradeoff.core.brief.sure import nearest_change
    from tradeoff.core.sensitivity import all_sweeps

    for profile in ("balanced", "kyiv", "washington"):
        m = load_matrix(example_path())
        p = m.profile(profile)
        change = nearest_change(m, p)
        full = next(s for s in all_sweeps(m, p) if s.target == change.sweep.target)
        point = next(pt for pt in full.change_points
                     if pt.winner_changes and abs(pt.weight - change.at) < 1e-9)
        expected = point.winners_after if change.rises else point.winners_before
        assert change.new_winners == expected, profile
        assert change.sweep.change_points == []  # the fast sweep skips the crossings


def test_an_option_no_weighting_puts_first_is_named():
    # O1 is beaten on both criteria by O0: no weights can put it first. O2 wins only when
    # C0 weighs almost nothing, far outside ± 20 % of the 50/50 profile.
    m = numeric_matrix([[9, 6], [2, 1], [0, 10]], [50, 50])
    text = texts(build_brief(m, m.profile(), BriefOptions(samples=0)))
    assert ("Whatever the weights, O1 could never come first: every weighting puts another "
            "option ahead. Within ± 20 % of the P weights, with the scores as they stand, "
            "only O0 could; O2 could not.") in text


def test_the_monte_carlo_runs_only_for_the_sections_that_show_it():
    m = small_matrix()

    def charts(sections):
        brief = build_brief(m, m.profile(), BriefOptions(samples=300, sections=sections))
        return [b.kind for s in brief.sections if s.key == "charts" for b in s.blocks]

    assert charts(frozenset({"charts"})) == ["contributions", "acceptability"]
    assert charts(frozenset({"why", "charts"})) == ["contributions", "acceptability"]
    assert charts(frozenset({"why"})) == []
    seen = []
    build_brief(m, m.profile(), BriefOptions(samples=300, sections=frozenset({"why"})),
                progress=lambda done, total: seen.append(done))
    assert seen == []  # no section shows it: no draws at all
