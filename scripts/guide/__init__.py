"""Tools that build the user guide in docs/: generated sections and screenshots."""
