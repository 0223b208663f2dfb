"""Run the guide's code blocks and put what they print beneath them.

Each page is run like a notebook: its ``python`` blocks share one namespace,
in order, in a scratch folder that holds a copy of the example matrices (so
``tradeoff.load("matrices/budapest-summit.toml")`` works and files written by
an example land nowhere near the repository). A block's last expression is
shown as a notebook shows it: its HTML table when it has one, else its repr.
A ``python setup`` block runs but is not shown: it computes the numbers that
``<!-- = expression -->`` puts into the page's text.

``console`` blocks hold ``$ tradeoff …`` lines; each runs through the real
command line and its output is written beneath it. Any other command is an
error, and so is a failing example: the guide cannot show a result the
program does not give.
"""

from __future__ import annotations

import ast
import contextlib
import io
import os
import re
import shlex
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
FENCE = re.compile(r"^```(?P<info>[^\n`]*)\n(?P<body>.*?)^```[ \t]*$", re.M | re.S)
INLINE = re.compile(r"<!-- = (?P<expr>.+?) -->")
RUN_LANGUAGES = {"python", "console"}
# Fences the guide may use: run (python, console) or checked (toml: read as a
# matrix file). Output goes into ``text`` fences, which only this module writes.
ALLOWED_LANGUAGES = RUN_LANGUAGES | {"toml"}


class GuideError(Exception):
    """A guide example failed or used something the guide may not."""


@contextlib.contextmanager
def scratch_folder() -> Iterator[Path]:
    """A temporary working folder with ``matrices/`` holding the examples."""
    old = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="tradeoff-guide-") as tmp:
        shutil.copytree(REPO / "matrices", Path(tmp) / "matrices")
        os.chdir(tmp)
        try:
            yield Path(tmp)
        finally:
            os.chdir(old)


def run_page(markdown: str, page: str) -> str:
    """``markdown`` with every ``python`` and ``console`` block's output beneath it."""
    namespace: dict[str, Any] = {"__name__": "__guide__"}
    out: list[str] = []
    last = 0
    with scratch_folder():
        for match in FENCE.finditer(markdown):
            info = match["info"].strip()
            language = info.split()[0] if info else ""
            if language not in ALLOWED_LANGUAGES:
                raise GuideError(f"{page}: a ```{language or '(no language)'} block: the guide "
                                 f"uses {', '.join(sorted(ALLOWED_LANGUAGES))} blocks")
            out.append(_inline(markdown[last:match.start()], namespace, page))
            last = match.end()
            body = match["body"]
            if language == "python" and info.split()[1:] == ["setup"]:
                _python_output(body, namespace, page)  # run for the page's values, not shown
            elif language == "python":
                out.append(match.group(0) + _python_output(body, namespace, page))
            elif language == "console":
                out.append(_console(body, page))
            else:
                _check_toml(body, page)
                out.append(match.group(0))
        out.append(_inline(markdown[last:], namespace, page))
    return "".join(out)


def _inline(text: str, namespace: dict[str, Any], page: str) -> str:
    """``<!-- = expression -->`` replaced by the expression's value (str)."""
    def value(m: re.Match[str]) -> str:
        try:
            return str(eval(m["expr"], namespace))
        except Exception as e:
            raise GuideError(f"{page}: inline value {m['expr']!r} failed: {e!r}") from e
    return INLINE.sub(value, text)


def _python_output(source: str, namespace: dict[str, Any], page: str) -> str:
    tree = ast.parse(source, filename=page)
    shown = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        shown = ast.Expression(tree.body.pop().value)
    stdout = io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout):
            exec(compile(tree, page, "exec"), namespace)
            value = eval(compile(shown, page, "eval"), namespace) if shown else None
    except Exception as e:
        raise GuideError(f"{page}: this example failed:\n{source}\n{type(e).__name__}: {e}") \
            from e
    parts = []
    if stdout.getvalue():
        parts.append(_text_block(stdout.getvalue()))
    if value is not None:
        html = getattr(value, "_repr_html_", None)
        parts.append(f'\n<div class="output" markdown="0">\n{html()}\n</div>\n' if html
                     else _text_block(repr(value)))
    return "".join(parts)


def _text_block(text: str) -> str:
    return f"\n\n```text\n{text.rstrip()}\n```\n"


def _console(body: str, page: str) -> str:
    from tradeoff import cli

    lines = []
    for line in body.splitlines():
        if not line.strip():
            continue
        if not line.startswith("$ tradeoff "):
            raise GuideError(f"{page}: a console block runs only '$ tradeoff …' lines, "
                             f"not {line!r}")
        stdout, stderr = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            status = cli.main(shlex.split(line[2:])[1:])
        if status != 0:
            raise GuideError(f"{page}: {line[2:]} exited {status}: {stderr.getvalue()}")
        lines.append(line)
        if stdout.getvalue().strip():
            lines.append(stdout.getvalue().rstrip())
    return "```text\n" + "\n".join(lines) + "\n```"


def _check_toml(body: str, page: str) -> None:
    """A TOML example is read as a whole matrix file when it has ``format``, else as TOML."""
    import tomllib

    from tradeoff.core.errors import TradeoffError
    from tradeoff.io.matrix_file import loads

    try:
        if re.search(r"^format\s*=", body, re.M):
            loads(body, source=f"{page} example")
        else:
            tomllib.loads(body)
    except (TradeoffError, tomllib.TOMLDecodeError) as e:
        raise GuideError(f"{page}: a TOML example does not read: {e}") from e
