"""`python -m skill_tools serve`: the app on werkzeug's development server (gunicorn in production).

Settings come from the environment, as under gunicorn; ``--no-verify`` turns verification off.
Misuse and bad settings are one line on stderr and exit 2; a port that cannot be bound, exit 1.
"""

from __future__ import annotations

import dataclasses
import socket
import sys

from skill_tools.cli_args import OneLineParser, port_number, prog
from skill_tools.serving import serve_until_stopped
from skill_web.app import create_app
from skill_web.settings import ConfigError, Settings

__all__ = ["main"]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000
PROG = prog("serve")


def _parser() -> OneLineParser:
    parser = OneLineParser(
        prog=PROG,
        description="Serve the skill over HTTP for development. In production run "
        "gunicorn 'skill_web.app:create_app()' (see docs). Settings come from the environment: "
        "ALEXA_SKILL_IDS, ALEXA_VERIFY, ALEXA_TRUST_STORE, ALEXA_CERT_FETCHER, LOG_LEVEL, "
        "METRICS_ENDPOINT, SKILL_SESSION_KEY (docs/web-service.md).",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="interface (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT,
        help="port (default 5000; 0 picks a free one)",
    )  # fmt: skip
    parser.add_argument(
        "--no-verify",
        action="store_true",
        help="skip request verification (local testing only; logs a warning)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help (0) or a usage error already printed on one line (2)
        return exc.code if isinstance(exc.code, int) else 2
    try:
        settings = Settings.from_env()
        if args.no_verify:
            settings = dataclasses.replace(settings, verify=False)
    except ConfigError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2

    from werkzeug.serving import WSGIRequestHandler, make_server, select_address_family

    class QuietHandler(WSGIRequestHandler):
        """Our JSON line is the access log; werkzeug's own line would repeat it."""

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            pass

    # Bind first, so a taken port is one line from us (before the app's start-up warnings),
    # rather than werkzeug's exit.
    try:
        family = select_address_family(args.host, args.port)
        listener = socket.create_server((args.host, args.port), family=family, backlog=128)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"{PROG}: error: cannot listen on {args.host}:{args.port}: {reason}", file=sys.stderr)
        return 1
    with listener:
        try:
            app = create_app(settings)
        except ConfigError as exc:
            print(f"{PROG}: error: {exc}", file=sys.stderr)
            return 2
        server = make_server(
            args.host, args.port, app, threaded=True, request_handler=QuietHandler,
            fd=listener.fileno(),
        )  # fmt: skip
    return serve_until_stopped(
        server, PROG, args.host, "development server; use gunicorn in production"
    )
