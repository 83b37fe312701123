"""What every developer command shares on its command line: misuse is one line and exit 2.

argparse prints the usage and the message; the house rule is a one-line message and status 2,
so every tool (`python -m skill_tools <command>`) builds its parser from OneLineParser. Every
tool names itself the way the docs run it, through dev.py: `prog("check")` is `dev.py check`,
the prefix of its usage line and of every message it prints (`dev.py check: error: ...`).
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

DEV = "dev.py"  # dev.py's own messages start `dev.py:`; a tool's, `dev.py <command>:`


def prog(command: str) -> str:
    """A tool's name in its usage line and message prefix: the command as typed via dev.py."""
    return f"{DEV} {command}"


class OneLineParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def port_number(value: str) -> int:
    """An argparse type: a TCP port, 0 (pick a free one) to 65535."""
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535, got {port}")
    return port
