"""The app (or a piece of it) started in a process of its own, as a user starts it:
offscreen, in test mode, with settings in a folder of the test's own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_app_code(code: str, config: Path, *args: str, **env_extra: str
                 ) -> subprocess.CompletedProcess:
    """``python -c code args…`` with the settings kept in ``config``; the parent's
    XDG folders are left out so no test reads or writes the user's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(QT_QPA_PLATFORM="offscreen", TRADEOFF_TEST_MODE="1",
               XDG_CONFIG_HOME=str(config), **env_extra)
    return subprocess.run([sys.executable, "-c", code, *args], env=env,
                          capture_output=True, text=True, timeout=120)
