"""`python -m skill_tools console [--host 127.0.0.1] [--port 8765]`: serve the clinic console.

Loopback by default; any other interface works but is warned about, because the console has
no accounts. Exit status: 0 stopped, 1 cannot listen, 2 usage (one line, never a traceback).
"""

from __future__ import annotations

import argparse
import socket
import sys
from typing import Any

from skill_tools.cli_args import OneLineParser, port_number, prog
from skill_tools.console.app import is_loopback
from skill_tools.serving import serve_until_stopped

PROG = prog("console")
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def _host(value: str) -> str:
    if not value.strip() or any(ch.isspace() for ch in value):
        raise argparse.ArgumentTypeError(f"not a host: {value!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    p = OneLineParser(
        prog=PROG,
        allow_abbrev=False,
        description="Serve the clinic console: talk to the skill in a browser and review "
        "every answer against the article. Local only, no account, nothing written to disk.",
    )
    p.add_argument("--host", type=_host, default=DEFAULT_HOST,
                   help="interface to listen on (default 127.0.0.1; anything else is warned "
                   "about: the console has no accounts)")
    p.add_argument("--port", type=port_number, default=DEFAULT_PORT,
                   help="port (default 8765; 0 picks a free one)")
    return p


def exposure_warning(host: str) -> str | None:
    """The warning for a non-loopback bind, or None on loopback."""
    if is_loopback(host):
        return None
    return (
        f"{PROG}: warning: {host} is not loopback: anyone who can reach this "
        "machine can use the console (it has no accounts)"
    )


def make_server(host: str, port: int, app: Any) -> Any:
    """A threaded werkzeug server bound to (host, port); OSError when it cannot listen."""
    from werkzeug.serving import WSGIRequestHandler, select_address_family
    from werkzeug.serving import make_server as werkzeug_server

    class QuietHandler(WSGIRequestHandler):
        """No access log: paths only, but the console has nothing to keep."""

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            pass

    family = select_address_family(host, port)
    listener = socket.create_server((host, port), family=family, backlog=64)
    with listener:
        return werkzeug_server(
            host, port, app, threaded=True, request_handler=QuietHandler, fd=listener.fileno()
        )


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help (0) or a usage error already printed on one line (2)
        return exc.code if isinstance(exc.code, int) else 2

    from skill_tools.console.app import create_app

    warning = exposure_warning(args.host)
    app = create_app({"LOOPBACK_ONLY": warning is None})
    try:
        server = make_server(args.host, args.port, app)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"{PROG}: error: cannot listen on {args.host}:{args.port}: {reason}",
              file=sys.stderr)
        return 1
    if warning:
        print(warning, file=sys.stderr, flush=True)
    return serve_until_stopped(server, PROG, args.host, "Ctrl-C stops; nothing is written to disk")
