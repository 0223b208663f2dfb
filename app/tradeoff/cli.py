"""The ``tradeoff`` command: sub-commands for scripts, the desktop app otherwise.

Bad input exits with status 2 and a short message on stderr; an internal
error exits 1 (set TRADEOFF_DEBUG=1 to see its traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
import traceback

from tradeoff.core.errors import TradeoffError
from tradeoff.version import __version__

# Sub-command modules under tradeoff.commands, in the order --help lists them.
COMMANDS = ["validate", "score", "crosscheck", "analyse", "scenarios", "value", "portfolio",
            "brief", "export", "import_matrix"]
# Sub-commands named after a Python keyword live in a module with another name.
COMMAND_NAMES = {"import_matrix": "import"}
# Control characters other than tab and line feed (each problem is one line).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradeoff",
        description="Tradeoff: score options against weighted criteria. "
                    "Without a sub-command, opens the desktop app (on FILE if given).")
    parser.add_argument("--version", action="version", version=f"tradeoff {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"tradeoff.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    names = {COMMAND_NAMES.get(c, c) for c in COMMANDS}
    if not argv or (argv[0] not in names and not argv[0].startswith("-")):
        return gui_main(argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return gui_main([])
    _tolerate_narrow_encodings()
    try:
        status = int(args.func(args) or 0)
        if sys.stdout is not None:  # None in a windowed build, which has no console
            sys.stdout.flush()  # so that a full disk is reported here, not at exit
        return status
    except TradeoffError as e:
        print(f"tradeoff {args.command}: {_printable(str(e))}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as e:  # the system refused a read or a write: not a fault in Tradeoff
        where = f"{e.filename}: " if e.filename else ""
        print(f"tradeoff {args.command}: {where}{e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # an internal error, not the user's fault
        if os.environ.get("TRADEOFF_DEBUG"):
            traceback.print_exc()
        print(f"tradeoff {args.command}: internal error: {type(e).__name__}: {e}\n"
              "Please report this; set TRADEOFF_DEBUG=1 to see the traceback.", file=sys.stderr)
        return 1


def _printable(message: str) -> str:
    """A message as text a terminal shows rather than obeys: control characters
    from names in the file (an escape sequence, a carriage return) become U+FFFD."""
    return _CONTROL.sub("\ufffd", message)


def _tolerate_narrow_encodings() -> None:
    """Write characters the terminal's encoding lacks as escapes instead of failing.

    Output redirected to a file on Windows, or ``PYTHONIOENCODING=ascii``, has no
    room for names in other scripts or for the τ and — of the tables.
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def gui_main(argv: list[str] | None = None) -> int:
    """Start the desktop app, on the file given (if any)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) > 1:
        print("tradeoff: give at most one FILE to open (see tradeoff --help)", file=sys.stderr)
        return 2
    from tradeoff.gui.window.app import run_app  # Qt loads only when the window is wanted

    return run_app(argv[0] if argv else None)


if __name__ == "__main__":
    sys.exit(main())
