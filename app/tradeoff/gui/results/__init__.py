"""The results table and contributions chart, and the cross-check view that
ranks the options by other methods."""
