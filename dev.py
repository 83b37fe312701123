#!/usr/bin/env python3
"""One entry point that sets itself up: `python3 dev.py simulate` or `python3 dev.py test`.

It creates `.venv/` beside this file on first use (Python 3.11+, nothing else needed),
installs the project with its dev extras, and re-installs only when pyproject.toml changes.
Then it replaces itself with the command (os.execv), so Ctrl-C and SIGTERM reach the tool,
not a wrapper that would leave a server behind.
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
BASE_EXTRAS = ("dev", "web")

# name: (what runs in .venv's python, one line on what it does, extra extras it needs)
COMMANDS: dict[str, tuple[list[str], str, tuple[str, ...]]] = {
    "simulate": (["-m", "skill_tools", "simulate"], "talk to the skill in a terminal", ()),
    "test": (["-m", "pytest"], "run the whole test suite (what CI runs); pytest options", ()),
    "lint": (["-m", "ruff", "check", "."], "ruff over the whole project", ()),
    "samples": (["-m", "skill_tools", "samples"], "write the model JSON from its templates", ()),
    "check": (["-m", "skill_tools", "check"], "lint the interaction model for certification", ()),
    "package": (["-m", "skill_tools", "package"], "build dist/lambda.zip for AWS Lambda", ()),
    "serve": (["-m", "skill_tools", "serve"], "run the skill as a web service (development)", ()),
    "gunicorn": (["-m", "gunicorn"], "run the web service in production (gunicorn.conf.py)", ()),
    "console": (["-m", "skill_tools", "console"], "clinic console in a browser", ()),
    "bench": (["bench/run.py"], "run the benchmarks, each against its own baseline", ()),
    "sam": (["-m", "samcli"], "AWS SAM CLI: sam build, validate --lint, deploy", ("deploy",)),
}


def usage() -> str:
    lines = [
        "usage: python3 dev.py <command> [args...]",
        "",
        "Sets up .venv on first use (Python 3.11+), then runs the command in it.",
        "`python3 dev.py <command> --help` shows the command's own options.",
        "",
        "commands:",
    ]
    lines += [f"  {name:<10} {help_}" for name, (_, help_, _) in COMMANDS.items()]
    return "\n".join(lines)


def _installed() -> tuple[str, set[str]]:
    """The pyproject.toml hash and the extras .venv was last installed with."""
    if not (PY.exists() and STAMP.exists()):
        return "", set()
    digest, _, extras = STAMP.read_text().strip().partition(" ")
    return digest, set(filter(None, extras.split(",")))


def _ensure_env(extras: tuple[str, ...] = ()) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit("dev.py: Python 3.11 or newer is needed")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    digest, have = _installed()
    need = set(BASE_EXTRAS) | set(extras)
    if digest == wanted and need <= have:
        return
    need |= have  # never drop an extra someone installed (e.g. deploy)
    if not PY.exists():
        print("dev.py: creating .venv ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print(f"dev.py: installing the project with [{','.join(sorted(need))}] ...", file=sys.stderr)
    subprocess.run(
        [str(PY), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-e", f"{ROOT}[{','.join(sorted(need))}]"],
        check=True,
    )
    STAMP.write_text(f"{wanted} {','.join(sorted(need))}")


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if argv[0] not in COMMANDS:
        print(f"dev.py: unknown command '{argv[0]}' (try: python3 dev.py --help)", file=sys.stderr)
        return 2
    args, _, extras = COMMANDS[argv[0]]
    _ensure_env(extras)
    os.chdir(ROOT)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(PY, [str(PY), *args, *argv[1:]])
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
