"""The scenarios room: the scenario selector, the Scenarios dialog, Revert to Base
and the Scenarios analysis view."""
