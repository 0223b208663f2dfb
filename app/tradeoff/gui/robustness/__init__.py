"""The Robustness panel and each of its analysis views: sensitivity, flip test,
Monte Carlo (SMAA), tornado and stakeholder profiles."""
