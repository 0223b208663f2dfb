"""The weights panel with its sliders, and the elicitation dialogs
(swing, ranking, AHP, combining participants)."""
