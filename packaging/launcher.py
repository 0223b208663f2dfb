"""Entry point of the standalone build: the same ``tradeoff`` command a wheel installs.

With no arguments (a double-click, a menu entry) it opens the desktop app;
with a file it opens that file; with a sub-command it runs the command line.
"""

import sys

from tradeoff.cli import main

if __name__ == "__main__":
    sys.exit(main())
