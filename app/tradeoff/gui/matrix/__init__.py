"""The Matrix menu: adding, editing and deleting options, criteria and groups,
with their dialogs."""
