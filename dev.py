#!/usr/bin/env python3
"""One entry point that sets itself up: `python3 dev.py simulate` or `python3 dev.py test`.

It creates `.venv/` beside this file on first use (Python 3.11+, nothing else needed),
installs the project with its dev extras, and re-installs only when pyproject.toml changes.
The deploy tools (`sam`, the `deploy` extra) get a virtualenv of their own, `.venv-deploy/`:
their pins must never change the dependencies in `.venv` that the Lambda package ships.
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
VENV = ROOT / ".venv"  # the project with BASE_EXTRAS: tests, tools, and what the packager ships
DEPLOY_VENV = ROOT / ".venv-deploy"  # the `deploy` extra alone (aws-sam-cli), not the project
STAMP_NAME = ".installed-from"
BASE_EXTRAS = ("dev", "web")

# name: (what runs in the environment's python, one line on what it does, its environment)
COMMANDS: dict[str, tuple[list[str], str, Path]] = {
    "simulate": (["-m", "skill_tools", "simulate"], "talk to the skill in a terminal", VENV),
    "test": (["-m", "pytest"], "run the whole test suite (what CI runs); pytest options", VENV),
    "lint": (["-m", "ruff", "check", "."], "ruff over the whole project", VENV),
    "samples": (["-m", "skill_tools", "samples"], "write the model JSON from its templates", VENV),
    "check": (["-m", "skill_tools", "check"], "lint the interaction model for certification", VENV),
    "package": (["-m", "skill_tools", "package"], "build dist/lambda.zip for AWS Lambda", VENV),
    "serve": (["-m", "skill_tools", "serve"], "run the skill as a web service (development)", VENV),
    "gunicorn": (
        ["-m", "skill_web.gunicorn_run"],
        "run the web service in production (gunicorn.conf.py)",
        VENV,
    ),
    "console": (["-m", "skill_tools", "console"], "clinic console in a browser", VENV),
    "bench": (["bench/run.py"], "run the benchmarks, each against its own baseline", VENV),
    # sam build runs sam/Makefile, which runs `dev.py package`: the packager still runs in .venv.
    "sam": (["-m", "samcli"], "AWS SAM CLI in .venv-deploy: build, validate, deploy", DEPLOY_VENV),
}


def usage() -> str:
    lines = [
        "usage: python3 dev.py <command> [args...]",
        "",
        "Sets up .venv on first use (Python 3.11+), then runs the command in it.",
        "(sam runs in .venv-deploy of its own, so the deploy tools never touch .venv.)",
        "`python3 dev.py <command> --help` shows the command's own options.",
        "",
        "commands:",
    ]
    lines += [f"  {name:<10} {help_}" for name, (_, help_, _) in COMMANDS.items()]
    return "\n".join(lines)


def python_of(env: Path) -> Path:
    if os.name == "nt":
        return env / "Scripts" / "python.exe"
    return env / "bin" / "python"


def install_plan(env: Path) -> tuple[str, list[str]]:
    """What an environment holds: a label for its stamp, and pip's arguments to install it.

    .venv holds the project with BASE_EXTRAS and nothing else; .venv-deploy only the `deploy`
    extra's requirements (not the project: SAM never imports it), so aws-sam-cli's pins
    (python-dateutil<3, ...) can never downgrade what the Lambda package ships.
    """
    if env == VENV:
        extras = ",".join(BASE_EXTRAS)
        return extras, ["-e", f"{ROOT}[{extras}]"]
    if env == DEPLOY_VENV:
        import tomllib

        pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
        return "deploy", list(pyproject["project"]["optional-dependencies"]["deploy"])
    raise ValueError(f"not an environment dev.py makes: {env}")


def must_recreate(env: Path, installed_label: str) -> bool:
    """True when an environment holds more than it should: pip cannot undo a downgrade.

    Older dev.py versions installed the `deploy` extra into .venv itself; such a .venv is
    rebuilt from scratch rather than patched, so it matches a fresh clone's.
    """
    wanted, _ = install_plan(env)
    have = set(filter(None, installed_label.split(",")))
    return bool(have - set(wanted.split(",")))


def _ensure_env(env: Path) -> Path:
    """Create or update `env` when pyproject.toml changed; return its python."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may be run by an older python3
        sys.exit("dev.py: Python 3.11 or newer is needed")
    py, stamp = python_of(env), env / STAMP_NAME
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    label, pip_args = install_plan(env)
    digest, _, have = stamp.read_text().strip().partition(" ") if stamp.exists() else ("", "", "")
    if py.exists() and digest == wanted and have == label:
        return py
    name = env.name
    if py.exists() and must_recreate(env, have):
        print(f"dev.py: {name} holds [{have}], more than [{label}]: recreating it ...",
              file=sys.stderr)  # fmt: skip
        venv.EnvBuilder(with_pip=True, clear=True).create(env)
    elif not py.exists():
        print(f"dev.py: creating {name} ...", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(env)
    what = f"the project with [{label}]" if env == VENV else f"the {label} tools"
    print(f"dev.py: installing {what} into {name} ...", file=sys.stderr)
    subprocess.run(
        [str(py), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *pip_args],
        check=True,
    )
    stamp.write_text(f"{wanted} {label}")
    return py


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if argv[0] not in COMMANDS:
        print(f"dev.py: unknown command '{argv[0]}' (try: python3 dev.py --help)", file=sys.stderr)
        return 2
    args, _, env = COMMANDS[argv[0]]
    py = _ensure_env(env)
    os.chdir(ROOT)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(py, [str(py), *args, *argv[1:]])
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
