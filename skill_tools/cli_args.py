"""What every developer command shares on its command line: misuse is one line and exit 2.

argparse prints the usage and the message; the house rule is a one-line message and status 2,
so every tool (`python -m skill_tools <command>`) builds its parser from OneLineParser.
"""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn


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
