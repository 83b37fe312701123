"""`python -m skill_tools <command>`: the developer's tools, one module each.

Each command lives in its own module with a `main(argv) -> int`; this file only dispatches,
so a tool's import cost is paid only when that tool runs.
"""

from __future__ import annotations

import importlib
import sys

from skill_tools.cli_args import DEV

COMMANDS = {
    "simulate": ("skill_tools.simulator.cli", "talk to the skill offline, or replay one"),
    "serve": ("skill_web.devserver", "run the skill as a web service (Flask, for development)"),
    "package": ("skill_tools.packaging", "build dist/lambda.zip for AWS Lambda"),
    "samples": ("skill_tools.samples", "write the interaction model JSON from its templates"),
    "check": ("skill_tools.lint", "lint the interaction model and content for certification"),
    "console": ("skill_tools.console.cli", "clinic console: talk, review every answer"),
}


def usage() -> str:
    lines = [
        "usage: python -m skill_tools <command> [options]   (or: python3 dev.py <command> ...)",
        "",
        "`<command> --help` shows the command's own options.",
        "",
        "commands:",
    ]
    lines += [f"  {name:<10} {help_}" for name, (_, help_) in COMMANDS.items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help", "help"):
        print(usage())
        return 0
    if args[0] not in COMMANDS:
        print(f"{DEV}: unknown command '{args[0]}' (try: {', '.join(COMMANDS)})", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDS[args[0]][0])
    return int(module.main(args[1:]) or 0)


if __name__ == "__main__":
    sys.exit(main())
