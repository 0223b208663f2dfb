"""File › Import and File › Export to Excel: the actions and their background work."""
