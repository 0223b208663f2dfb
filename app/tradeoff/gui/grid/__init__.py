"""The score grid: its item model and view, delegates, the group band above it,
the cell details panel and copy/paste of blocks."""
