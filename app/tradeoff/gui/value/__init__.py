"""Value for money and portfolios under a budget: the analysis views of
:mod:`tradeoff.core.value_for_money` and :mod:`tradeoff.core.portfolio`."""
