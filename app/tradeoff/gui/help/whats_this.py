"""What's This? text for the analysis views: what the view shows, how to read it, and
the glossary terms it uses (defined once, in :mod:`tradeoff.gui.help.glossary`)."""

from __future__ import annotations

from html import escape

from tradeoff.gui.help.glossary import term

# View (a dock title, or a Robustness tab's title) → (what it shows, the terms it uses).
VIEWS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Results": ("The ranking under the active profile and what makes up each total.",
                ("Additive value model", "Anchors", "Margin")),
    "Cross-check": ("The ranking under every method. Methods that normalise by the options "
                    "present can disagree with the additive model; a disagreement is worth "
                    "understanding, not averaging.", ("Additive value model", "Anchors")),
    "Weight sensitivity": ("Each option's total as one weight moves from 0 to 100 %, the "
                           "others keeping their proportions.", ("Change point",)),
    "Score flips": ("The smallest change to one score that would change the winner, smallest "
                    "first.", ("Score flip",)),
    "Monte Carlo": ("How often each option takes each rank when weights and uncertain "
                    "scores are drawn.", ("Rank acceptability", "Central weights",
                                          "Confidence factor")),
    "Tornado": ("Which score ranges move the winner's margin most.", ("Tornado", "Margin")),
    "Stakeholders": ("The ranking under every weight profile side by side.",
                     ("Weight profile",)),
    "Value for money": ("Each option's benefit (its total over the other criteria) against "
                        "the criterion taken as its cost.", ("Efficient frontier",
                                                            "Additive value model")),
    "Portfolio": ("The set of options with the most benefit whose total cost fits the "
                  "budget, and how the best benefit grows with the budget.",
                  ("Efficient frontier", "Additive value model")),
    "Scenarios": ("Each scenario's ranking, every option's regret and the minimax-regret "
                  "choice.", ("Scenario", "Regret")),
}


def whats_this_html(view: str) -> str:
    intro, terms = VIEWS[view]
    parts = [f"<p><b>{escape(view)}</b>: {escape(intro)}</p>"]
    for name in terms:
        t = term(name)
        parts.append(f"<p><b>{escape(t.name)}</b> — {escape(t.definition)}</p>")
    parts.append("<p><i>Help › Glossary has every term; Help › User Guide says more.</i></p>")
    return "".join(parts)
