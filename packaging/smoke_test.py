"""Smoke test of the standalone build: run the bundled executable the ways a user does.

    python3 packaging/smoke_test.py [dist/Tradeoff/Tradeoff]      (``make package-test``)

Each check prints one PASS, SKIP or FAIL line; a SKIP always says why. The
figures (bundle size, start-up times) are printed at the end. Exits 1 if any
check failed. Uses the standard library only: it tests the bundle, not the
development environment, and never imports tradeoff.

Every run of the bundle gets a throwaway HOME and XDG folders, so it neither
reads nor changes the user's settings, autosaves or caches.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_EXE = REPO / "dist" / "Tradeoff" / "Tradeoff"
EXAMPLE = "budapest-summit.toml"
GUI_TIMEOUT_S = 60
# The environment variable run_app honours to close its window after a delay (ms).
QUIT_AFTER = "TRADEOFF_QUIT_AFTER_MS"

failures: list[str] = []
figures: list[str] = []


def report(status: str, check: str, detail: str = "") -> None:
    print(f"{status:4}  {check}" + (f": {detail}" if detail else ""), flush=True)
    if status == "FAIL":
        failures.append(check)


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "QT_", "TRADEOFF_", "PYTHON", "MPL"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_RUNTIME_DIR=str(home / "runtime"), TRADEOFF_TEST_MODE="1")
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(extra)
    return env


def run(exe: Path, args: list[str], home: Path, cwd: Path, timeout: float = 120,
        **extra_env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd,
                          env=isolated_env(home, **extra_env), timeout=timeout)


def expected_version() -> str | None:
    """The version written in the checkout's app/tradeoff/__init__.py, if there is one."""
    init = REPO / "app" / "tradeoff" / "__init__.py"
    if not init.is_file():
        return None
    found = re.search(r'^__version__\s*=\s*"([^"]+)"', init.read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else None


def check_version(exe: Path, home: Path, work: Path) -> None:
    r = run(exe, ["--version"], home, work)
    want = expected_version()
    if r.returncode != 0 or not r.stdout.startswith("tradeoff "):
        report("FAIL", "--version", f"exit {r.returncode}: {r.stdout.strip()} {r.stderr.strip()}")
    elif want is not None and r.stdout.split()[-1] != want:
        report("FAIL", "--version", f"prints {r.stdout.strip()!r}, the source says {want}")
    else:
        report("PASS", "--version", r.stdout.strip())


def check_bundled_files(bundle: Path) -> Path | None:
    package = bundle / "_internal" / "tradeoff"
    example = package / "matrices" / EXAMPLE
    needed = [example, package / "resources" / "LICENSE.txt",
              package / "resources" / "NOTICES.md",
              package / "resources" / "icons" / "org.tradeoff.Tradeoff.svg",
              bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so",
              bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms" /
              "libqoffscreen.so"]
    missing = [str(p.relative_to(bundle)) for p in needed if not p.exists()]
    unwanted = [name for name in ("QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtQuick",
                                  "QtQml")
                if any(bundle.rglob(f"*{name}*"))]
    if any(bundle.rglob("tkinter")) or any(bundle.rglob("_tkinter*")):
        unwanted.append("tkinter")
    if missing or unwanted:
        report("FAIL", "bundled files", f"missing {missing}, unexpectedly present {unwanted}")
    else:
        report("PASS", "bundled files", "examples, licence, notices, icon, xcb and offscreen "
                                        "plugins present; no WebEngine, 3D, Multimedia, QML, tk")
    return example if example.is_file() else None


def check_score(exe: Path, example: Path, home: Path, work: Path) -> None:
    r = run(exe, ["score", str(example), "--format", "json"], home, work)
    try:
        ranking = json.loads(r.stdout)["ranking"] if r.returncode == 0 else []
    except (ValueError, KeyError):
        ranking = []
    if r.returncode != 0 or not ranking:
        report("FAIL", "score", f"exit {r.returncode}: {r.stderr.strip()[:500]}")
        return
    first = min(ranking, key=lambda entry: entry["rank"])
    report("PASS", "score", f"{len(ranking)} options ranked, first: {first['option']} "
                            f"({first['score']:.3f})")


def check_export(exe: Path, example: Path, home: Path, work: Path) -> None:
    help_text = run(exe, ["--help"], home, work).stdout
    if not re.search(r"^\s+export\s", help_text, re.M):
        report("SKIP", "export to Excel", "this build has no 'export' sub-command yet")
        return
    export_help = run(exe, ["export", "--help"], home, work).stdout
    target = work / "example.xlsx"
    if "--output" in export_help:
        args = ["export", str(example), "--output", str(target)]
    elif re.search(r"(^|\s)-o[\s,]", export_help):
        args = ["export", str(example), "-o", str(target)]
    else:
        args = ["export", str(example), str(target)]
    r = run(exe, args, home, work, timeout=300)
    if r.returncode != 0 or not target.is_file():
        report("FAIL", "export to Excel", f"{' '.join(args)} → exit {r.returncode}: "
                                          f"{r.stderr.strip()[:500]}")
        return
    try:
        with zipfile.ZipFile(target) as book:
            names = book.namelist()
            text = "".join(book.read(n).decode("utf-8", "replace") for n in names
                           if n.startswith("xl/") and n.endswith(".xml"))
    except zipfile.BadZipFile:
        report("FAIL", "export to Excel", f"{target.name} is not a workbook")
        return
    sheets = [n for n in names if n.startswith("xl/worksheets/sheet")]
    has_formulas = "<f>" in text or "<f " in text
    if "xl/workbook.xml" not in names or not sheets or "Holding pattern" not in text:
        report("FAIL", "export to Excel", f"{target.name} lacks the workbook, its sheets or "
                                          "the example's options")
    else:
        report("PASS", "export to Excel", f"{len(sheets)} sheets, "
                                          f"{'with' if has_formulas else 'WITHOUT'} formulas, "
                                          f"{target.stat().st_size // 1024} KB")


def run_app_honours_quit_after() -> bool | None:
    """Whether the checkout's run_app reads TRADEOFF_QUIT_AFTER_MS (None: no checkout here)."""
    app = REPO / "app" / "tradeoff" / "gui" / "app.py"
    return QUIT_AFTER in app.read_text(encoding="utf-8") if app.is_file() else None


def stop(process: subprocess.Popen[str]) -> str:
    """Stop a GUI that did not quit by itself; return what it wrote to stderr."""
    process.send_signal(signal.SIGTERM)
    try:
        _, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    return err


def problems_in(stderr: str) -> list[str]:
    markers = ("Traceback", "Could not load the Qt platform plugin", "Aborted",
               "Segmentation fault", "core dumped")
    return [line for line in stderr.splitlines() if any(m in line for m in markers)]


def check_gui_offscreen(exe: Path, example: Path, home: Path, work: Path, label: str) -> None:
    """Start the app offscreen on the example; it should close itself and exit 0."""
    supported = run_app_honours_quit_after()
    # Without the quit hook, a few seconds alive without an error is all there is to see.
    wait_s = GUI_TIMEOUT_S if supported is not False else 10
    env = isolated_env(home, QT_QPA_PLATFORM="offscreen", **{QUIT_AFTER: "0"})
    start = time.perf_counter()
    process = subprocess.Popen([str(exe), str(example)], cwd=work, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _, err = process.communicate(timeout=wait_s)
        elapsed = time.perf_counter() - start
    except subprocess.TimeoutExpired:
        err = stop(process)
        trouble = problems_in(err)
        if trouble:
            report("FAIL", f"GUI offscreen ({label})", "; ".join(trouble[:3]))
        elif supported:
            report("FAIL", f"GUI offscreen ({label})",
                   f"still running after {wait_s} s although {QUIT_AFTER}=0 was set")
        else:
            report("SKIP", f"GUI offscreen ({label}) clean quit",
                   f"run_app does not handle {QUIT_AFTER} yet; the app started and ran "
                   f"{wait_s} s without error, then was stopped with SIGTERM")
        return
    trouble = problems_in(err)
    if process.returncode != 0 or trouble:
        report("FAIL", f"GUI offscreen ({label})",
               f"exit {process.returncode}; " + "; ".join(trouble[:3] or err.splitlines()[-3:]))
        return
    report("PASS", f"GUI offscreen ({label})", f"opened the example and quit cleanly (exit 0) "
                                                f"in {elapsed:.2f} s")
    figures.append(f"offscreen start → window → quit, {label}: {elapsed:.2f} s")


def _mapped_tradeoff_window(display: str) -> bool:
    """Whether a viewable top-level window titled '… — Tradeoff' is on the X display."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                          env={**os.environ, "DISPLAY": display}, timeout=10).stdout
    for window_id in re.findall(r"^\s+(0x[0-9a-f]+) \"[^\"]*— Tradeoff\"", tree, re.M):
        info = subprocess.run(["xwininfo", "-id", window_id], capture_output=True, text=True,
                              env={**os.environ, "DISPLAY": display}, timeout=10).stdout
        if "IsViewable" in info:
            return True
    return False


def check_gui_x11(exe: Path, example: Path, home: Path, work: Path) -> None:
    """Under Xvfb, on the xcb plugin: time from launch until the main window is on screen."""
    if not (shutil.which("Xvfb") and shutil.which("xwininfo")):
        report("SKIP", "GUI on X11 (xcb)", "Xvfb or xwininfo is not installed")
        return
    display = f":{os.getpid() % 400 + 100}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["xwininfo", "-root"], capture_output=True,
                             env={**os.environ, "DISPLAY": display}).returncode != 0:
            if time.monotonic() > deadline or xvfb.poll() is not None:
                report("SKIP", "GUI on X11 (xcb)", "Xvfb did not start")
                return
            time.sleep(0.05)
        quit_after = "1000" if run_app_honours_quit_after() else None
        env = isolated_env(home, DISPLAY=display, QT_QPA_PLATFORM="xcb",
                           **({QUIT_AFTER: quit_after} if quit_after else {}))
        start = time.perf_counter()
        process = subprocess.Popen([str(exe), str(example)], cwd=work, env=env, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        shown_after = None
        while time.perf_counter() - start < GUI_TIMEOUT_S and process.poll() is None:
            if _mapped_tradeoff_window(display):
                shown_after = time.perf_counter() - start
                break
            time.sleep(0.02)
        if quit_after:
            try:
                _, err = process.communicate(timeout=GUI_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                err = stop(process)
        else:
            err = stop(process)
        trouble = problems_in(err)
        if shown_after is None or trouble:
            report("FAIL", "GUI on X11 (xcb)", f"no main window appeared; exit "
                                               f"{process.returncode}; " + "; ".join(trouble[:3]))
            return
        figures.append(f"X11 (Xvfb) start → main window mapped: {shown_after:.2f} s")
        if quit_after and process.returncode == 0:
            report("PASS", "GUI on X11 (xcb)", f"main window on screen after {shown_after:.2f} s;"
                                               " quit cleanly")
        elif quit_after:
            report("FAIL", "GUI on X11 (xcb)", f"window shown after {shown_after:.2f} s but exit "
                                               f"{process.returncode}")
        else:
            report("PASS", "GUI on X11 (xcb)", f"main window on screen after {shown_after:.2f} s "
                                               "(stopped with SIGTERM: no quit hook yet)")
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=10)


def main(argv: list[str]) -> int:
    exe = Path(argv[1]).resolve() if len(argv) > 1 else DEFAULT_EXE
    if not (exe.is_file() and os.access(exe, os.X_OK)):
        print(f"smoke_test: no executable at {exe}; run `make package` first", file=sys.stderr)
        return 2
    bundle = exe.parent
    size = subprocess.run(["du", "-sh", str(bundle)], capture_output=True, text=True).stdout
    figures.append(f"bundle size: {size.split()[0] if size else '?'} ({bundle})")
    with tempfile.TemporaryDirectory(prefix="tradeoff-smoke-") as tmp:
        home, work = Path(tmp) / "home", Path(tmp) / "work"
        home.mkdir()
        work.mkdir()  # an unrelated working folder: nothing is found relative to the source tree
        check_version(exe, home, work)
        example = check_bundled_files(bundle)
        if example is None:
            report("FAIL", "example", "the bundled example is missing; later checks skipped")
        else:
            check_score(exe, example, home, work)
            check_export(exe, example, home, work)
            # First with an empty cache (matplotlib builds its font list), then warm.
            check_gui_offscreen(exe, example, home, work, "first start")
            check_gui_offscreen(exe, example, home, work, "second start")
            check_gui_x11(exe, example, home, work)
    print()
    for figure in figures:
        print(f"      {figure}")
    print(f"\n{'FAILED: ' + ', '.join(failures) if failures else 'All checks passed or skipped.'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
