#!/usr/bin/env python3
"""One entry point that sets itself up: `python3 dev.py simulate` or `python3 dev.py test`.

It creates `.venv/` beside this file on first use (Python 3.11+, nothing else needed),
installs the project with its dev extras, and re-installs only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-from"

COMMANDS = {
    "simulate": ["-m", "skill", "simulate"],
    "serve": ["-m", "skill", "serve"],
    "check": ["-m", "skill", "check"],
    "package": ["-m", "skill", "package"],
    "console": ["-m", "skill", "console"],
    "test": ["-m", "pytest"],
    "lint": ["-m", "ruff", "check", "."],
    "bench": ["bench/run.py"],
}


def _ensure_env() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit("dev.py: Python 3.11 or newer is needed")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PY.exists():
        print("dev.py: creating .venv ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("dev.py: installing the project and its dev tools ...", file=sys.stderr)
    subprocess.run(
        [str(PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-e", f"{ROOT}[dev,web]"],
        check=True,
    )
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(f"usage: python3 dev.py {{{'|'.join(COMMANDS)}}} [args...]", file=sys.stderr)
        return 2
    _ensure_env()
    cmd = [str(PY), *COMMANDS[argv[0]], *argv[1:]]
    return subprocess.call(cmd, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
