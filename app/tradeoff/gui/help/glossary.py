"""The terms the app uses, defined once: for Help › Glossary, the analysis views'
What's This? text and the user guide's glossary page (which imports this module).

Plain data, no Qt, so the guide can be built without a display.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One glossary entry; ``guide`` is the guide page (and anchor) that says more."""

    name: str
    definition: str
    guide: str


GLOSSARY: tuple[Term, ...] = (
    Term("Additive value model",
         "The primary scoring method (multi-attribute value theory). Each score is turned "
         "into a value between 0 (the criterion's worst anchor) and 1 (its best); an "
         "option's total is the sum of weight × value over the criteria, with the weights "
         "normalised to add up to 1. Because the anchors are fixed, adding or removing an "
         "option never changes another option's total.",
         "building-a-matrix.html#scales-and-anchors"),
    Term("Anchors",
         "The worst and best scores of a criterion's scale, worth 0 and 1. They are chosen, "
         "not taken from the options: a scale of 0–10 points, or 24 months (worst) to 0 "
         "months (best). For a cost criterion the best anchor lies below the worst.",
         "building-a-matrix.html#scales-and-anchors"),
    Term("Value function",
         "How a score between the anchors becomes a value between 0 and 1: a straight line "
         "by default, or a piecewise-linear curve through points you give (for diminishing "
         "returns, or a threshold that matters).",
         "building-a-matrix.html#scales-and-anchors"),
    Term("Weight profile",
         "A named set of weights, one per perspective (a stakeholder, a scenario of "
         "priorities). Weights are typed in any positive units and shown normalised.",
         "weighting.html"),
    Term("Swing",
         "The change from a criterion's worst anchor to its best. Swing weighting asks which "
         "swing matters most, gives it 100 points, and rates each other swing against it; "
         "so a weight answers 'how much is going from worst to best on this worth?', which "
         "depends on the anchors, as it should.",
         "weighting.html#swing-weighting"),
    Term("Consistency ratio",
         "For AHP pairwise comparisons: how far the judgements contradict one another (A is "
         "twice B, B twice C, but A only equal to C), compared with random judgements. Above "
         "0.10 the judgements are worth revisiting; the dialog names the one to look at first.",
         "weighting.html#ahp-pairwise-comparisons"),
    Term("Margin",
         "An option's lead over the option ranked just below it, in total value (0–1).",
         "first-decision.html#read-the-grid-and-the-ranking"),
    Term("Change point",
         "A weight at which the ranking changes when one criterion's weight is moved and the "
         "others keep their proportions. The interval between the nearest change points "
         "around the current weight is where the winner stays first.",
         "how-sure.html#weight-sensitivity"),
    Term("Score flip",
         "The smallest change to one score, in its own units or levels, that would make "
         "another option win. A flip that needs a score beyond the anchors is impossible.",
         "how-sure.html#the-flip-test"),
    Term("Rank acceptability",
         "From the Monte Carlo (SMAA-2): the share of draws of weights and uncertain scores "
         "in which an option takes a given rank. The rank-1 acceptability is how often it "
         "comes out best.",
         "how-sure.html#monte-carlo"),
    Term("Central weights",
         "From the Monte Carlo: the average of the weights in the draws where an option "
         "comes out best: the typical preferences that would choose it.",
         "how-sure.html#monte-carlo"),
    Term("Confidence factor",
         "From the Monte Carlo: how often an option still comes out best with its central "
         "weights when only the uncertain scores are drawn. Low means its wins depend on "
         "lucky scores as much as on preferences.",
         "how-sure.html#monte-carlo"),
    Term("Tornado",
         "Which single score range moves the winner's margin most: each bar runs from the "
         "margin at the low end of a range to the margin at its high end, longest on top.",
         "how-sure.html#tornado"),
    Term("Efficient frontier",
         "With one criterion taken as a cost: the options that no other option beats on "
         "both cost and benefit (the total over the other criteria). An option off the "
         "frontier is dominated: another gives more benefit for no more cost.",
         "command-line.html#value-for-money-and-portfolios"),
    Term("Scenario",
         "A state of the world in which some scores differ from the base case. Weights are "
         "values, not states of the world, so a scenario never changes them.",
         "how-sure.html#scenarios-and-regret"),
    Term("Regret",
         "In a scenario, how far an option's total falls short of that scenario's best "
         "option. The minimax-regret choice is the option whose worst regret over the "
         "scenarios is smallest: the choice one is least likely to be sorry for.",
         "how-sure.html#scenarios-and-regret"),
)


def term(name: str) -> Term:
    """The entry called ``name`` (any case)."""
    for t in GLOSSARY:
        if t.name.casefold() == name.casefold():
            return t
    raise KeyError(name)
