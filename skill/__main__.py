"""`python -m skill`: this package is the runtime; it says where the developer tools are.

The tools (simulator, checks, packaging, the web server) are the `skill_tools` package, not
part of what ships to Lambda, so nothing here imports them: this only points the way.
"""

import sys

HELP = """usage: python -m skill_tools <command> [options]   (or: python3 dev.py <command>)

`skill` is the skill's runtime, the package that ships to AWS Lambda; it has no commands.
The developer tools are `python -m skill_tools`: simulate, serve, package, check, console.
`python -m skill_tools --help` says what each one does."""


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(HELP)
        return 0
    print(f"skill: no commands here; try: python -m skill_tools {argv[0]}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
