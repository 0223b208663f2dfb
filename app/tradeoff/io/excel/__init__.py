"""Excel workbooks in and out: the live-formula export, its sheets and styles,
plain-sheet import and the re-import of Tradeoff's own workbooks."""
