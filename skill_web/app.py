"""Host the skill as a web service: a Flask application factory and `python -m skill_tools serve`.

`POST /` takes an Alexa request, checks it (signature, certificate, timestamp, skill id: see
skill_web/verification.py) on the raw body bytes, and answers with what the same skill object as
the Lambda entry point returns. `GET /healthz` is for load balancers; `GET /metrics`, only
when METRICS_ENDPOINT=1, serves Prometheus figures (skill_web/metrics.py, private networks).
Every refusal is a short JSON error that reaches no handler; every request leaves one JSON log
line that never carries what the user said.

Production runs the factory under gunicorn from the repository root,
`gunicorn 'skill_web.app:create_app()'`, with the settings in gunicorn.conf.py (gevent workers with
read deadlines: see docs/web-service.md).
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import signal
import socket
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response, g, request
from werkzeug.exceptions import ClientDisconnected, HTTPException, RequestEntityTooLarge

from skill import metrics
from skill_tools.cli_args import OneLineParser, port_number
from skill_web.verification import (
    RequestVerifier,
    VerificationError,
    check_skill_id,
    parse_envelope,
)

__all__ = ["MAX_BODY_BYTES", "ConfigError", "JsonLogFormatter", "create_app", "main"]

MAX_BODY_BYTES = 128 * 1024
LOGGER_NAME = "skill.web"  # under the "skill" logger, so one handler takes both
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5000
_FALSE = frozenset({"0", "false", "no", "off"})
_TRUE = frozenset({"1", "true", "yes", "on"})
_MAX_DETAIL = 300

log = logging.getLogger(LOGGER_NAME)

Handle = Callable[[Any, Any], Any]


class ConfigError(ValueError):
    """A setting (argument or environment variable) that cannot be used; says which one."""


# ------------------------------------------------------------------------------------ settings


def _parse_bool(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{name} must be one of 1/0, true/false, yes/no, on/off (got {value!r})")


def _parse_skill_ids(value: str | Iterable[str]) -> frozenset[str]:
    items = value.split(",") if isinstance(value, str) else value
    return frozenset(item.strip() for item in items if item.strip())


def _load_fetcher(spec: str) -> Callable[[str], bytes]:
    """``module:function`` -> that function, e.g. a fetcher that goes through an egress proxy."""
    module_name, _, attr = spec.partition(":")
    try:
        fetcher = getattr(importlib.import_module(module_name.strip()), attr.strip())
    except (ImportError, AttributeError, ValueError) as exc:
        raise ConfigError(
            f"ALEXA_CERT_FETCHER must name a function as module:function (got {spec!r}: {exc})"
        ) from exc
    if not callable(fetcher):
        raise ConfigError(f"ALEXA_CERT_FETCHER: {spec} is not callable")
    return fetcher


def _load_trust_store(path: str) -> list[Any]:
    """Roots from a PEM bundle, e.g. only Amazon Root CA 1 to pin Alexa's chain."""
    from cryptography import x509

    try:
        with open(path, "rb") as fh:
            roots = x509.load_pem_x509_certificates(fh.read())
    except OSError as exc:
        raise ConfigError(f"ALEXA_TRUST_STORE: cannot read {path}: {exc.strerror}") from exc
    except ValueError as exc:
        raise ConfigError(
            f"ALEXA_TRUST_STORE: {path} is not a PEM certificate bundle, or one of its "
            "certificates does not parse"
        ) from exc
    if not roots:
        raise ConfigError(f"ALEXA_TRUST_STORE: {path} holds no certificate")
    return roots


# ------------------------------------------------------------------------------------- logging


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, then the record's structured fields.

    Request lines carry their fields in ``record.fields``; any other record (e.g. the skill's
    own error lines) is wrapped as ``message``.
    """

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            line.update(fields)
        else:
            line["message"] = record.getMessage()
        return json.dumps(line, separators=(",", ":"), default=str)


def _configure_logging(level: str) -> None:
    """Send the skill's logs to stderr as JSON lines, at ``level``, unless the host already
    set logging up (pytest, an embedding app): then its handlers and levels are left alone.

    Gunicorn and the development server leave the root logger bare, so without this the
    request lines would be dropped.
    """
    numeric = logging.getLevelName(level.strip().upper())
    if not isinstance(numeric, int):
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR (got {level!r})")
    skill_logger = logging.getLogger("skill")
    ours = any(getattr(h, "_skill_web", False) for h in skill_logger.handlers)
    if not ours:
        if logging.getLogger().handlers:
            return
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonLogFormatter())
        handler._skill_web = True  # type: ignore[attr-defined]  # marks ours: added once
        skill_logger.addHandler(handler)
    skill_logger.setLevel(numeric)


class _JsonMessage:
    """A log message that is JSON when some handler asks for the text, and free otherwise:
    our formatter reads ``record.fields`` directly, so the line is encoded once."""

    __slots__ = ("fields",)

    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields

    def __str__(self) -> str:
        return json.dumps(self.fields, separators=(",", ":"))


def _log_request(level: int, fields: dict[str, Any]) -> None:
    if log.isEnabledFor(level):
        log.log(level, "%s", _JsonMessage(fields), extra={"fields": fields})


def _request_summary(envelope: Mapping[str, Any]) -> dict[str, Any]:
    """Request id, type and intent name: the only parts of a request the logs may hold."""
    req = envelope.get("request")
    req = req if isinstance(req, Mapping) else {}
    intent = req.get("intent")
    name = intent.get("name") if isinstance(intent, Mapping) else None
    return {
        "request_id": req.get("requestId"),
        "request_type": req.get("type"),
        "intent": name if isinstance(name, str) else None,
    }


def _where(exc: BaseException) -> str:
    """module:line of the innermost frame, so a 500 can be traced without logging user data."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "?"
    return f"{tb.tb_frame.f_globals.get('__name__', '?')}:{tb.tb_lineno}"


# ------------------------------------------------------------------------------------- the app


def _json(payload: Mapping[str, Any], status: int) -> Response:
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return Response(body, status=status, mimetype="application/json")


def create_app(
    *,
    verifier: RequestVerifier | None = None,
    verify: bool | None = None,
    skill_ids: Iterable[str] | str | None = None,
    handle: Handle | None = None,
    trust_store: str | None = None,
    cert_fetcher: Callable[[str], bytes] | None = None,
    log_level: str | None = None,
    metrics_endpoint: bool | None = None,
    environ: Mapping[str, str] | None = None,
) -> Flask:
    """Build the web app. Arguments win over the environment (``environ``, default os.environ).

    - ``verifier``: a ready RequestVerifier (tests inject a trust store, fetcher and clock).
    - ``verify`` / ``ALEXA_VERIFY``: request verification, on unless explicitly turned off.
    - ``skill_ids`` / ``ALEXA_SKILL_IDS``: accepted application ids (comma-separated); a request
      for any other skill is refused, with or without verification. Empty accepts any skill.
    - ``trust_store`` / ``ALEXA_TRUST_STORE``: PEM bundle of roots (default: certifi's).
    - ``cert_fetcher`` / ``ALEXA_CERT_FETCHER`` (``module:function``): ``url -> PEM bytes`` for
      the default verifier (default: one direct HTTPS GET, 3 s in all, 64 KiB cap); tests serve
      their own certificate authority's chain with it.
    - ``handle``: ``(event, context) -> response dict``; default skill.app.handle_event, the
      skill object the Lambda entry point uses, built once at import.
    - ``log_level`` / ``LOG_LEVEL``: default INFO.
    - ``metrics_endpoint`` / ``METRICS_ENDPOINT``: serve ``GET /metrics`` (Prometheus), off
      unless turned on; it is unauthenticated, so for a private network only.

    Raises ConfigError for a setting that cannot be used.
    """
    env = os.environ if environ is None else environ
    _configure_logging(log_level if log_level is not None else env.get("LOG_LEVEL", "INFO"))

    if verify is None:
        verify = (
            True
            if verifier is not None
            else _parse_bool("ALEXA_VERIFY", env.get("ALEXA_VERIFY", "1"))
        )
    if verifier is not None and not verify:
        raise ConfigError("a verifier was given together with verify=False")
    if verifier is not None and (trust_store is not None or cert_fetcher is not None):
        raise ConfigError("trust_store and cert_fetcher configure the default verifier only")
    accepted = _parse_skill_ids(
        skill_ids if skill_ids is not None else env.get("ALEXA_SKILL_IDS", "")
    )
    if verifier is not None and not accepted:  # the injected verifier's own list counts
        accepted = frozenset(getattr(verifier, "skill_ids", ()))
    if verify and verifier is None:
        store_path = trust_store if trust_store is not None else env.get("ALEXA_TRUST_STORE")
        roots = _load_trust_store(store_path) if store_path else None
        if cert_fetcher is None and env.get("ALEXA_CERT_FETCHER", "").strip():
            cert_fetcher = _load_fetcher(env["ALEXA_CERT_FETCHER"])
        verifier = RequestVerifier(skill_ids=accepted, trust_roots=roots, fetcher=cert_fetcher)
    if metrics_endpoint is None:
        metrics_endpoint = _parse_bool("METRICS_ENDPOINT", env.get("METRICS_ENDPOINT", "0"))
    figures = None
    if metrics_endpoint:
        from skill_web.metrics import figures as make_figures

        figures = make_figures()
    if handle is None:
        from skill.app import handle_event  # builds the skill object, once per process

        handle = handle_event

    if not verify:
        log.warning(
            "request verification is OFF: anyone who can reach this server can send it requests "
            "(use only for local development)"
        )
    if not accepted:
        log.warning("ALEXA_SKILL_IDS is not set: requests for any skill id are accepted")

    app = Flask(__name__)
    # One byte more than allowed: werkzeug stops a chunked body at the limit without an error,
    # so reading limit + 1 is how a body of exactly limit + 1 bytes is told from one that fits.
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES + 1
    app.extensions["skill_web"] = {"verifier": verifier, "skill_ids": accepted, "handle": handle}

    def note(**fields: Any) -> None:
        """Add to this request's log line (which exists even if before_request never ran)."""
        g.setdefault("log", {"method": request.method, "path": request.path}).update(fields)

    def refuse(status: int, error: str, reason: str, detail: str = "") -> Response:
        note(reason=reason, **({"detail": detail[:_MAX_DETAIL]} if detail else {}))
        return _json({"error": error, "reason": reason}, status)

    def body_error(exc: Exception) -> Response:
        """Reading the body failed: 408 past the server's body deadline, else 400.

        werkzeug turns an OSError or ValueError from the server's stream (a deadline, a cut
        connection, a truncated chunked body) into ClientDisconnected; gunicorn's chunk parse
        errors arrive as they are. Only the type is logged: a parse error may quote the body.
        """
        if isinstance(exc, HTTPException) and not isinstance(exc, ClientDisconnected):
            raise exc  # 413 from werkzeug's own limit
        cause = exc.__context__ if isinstance(exc, ClientDisconnected) else exc
        if isinstance(cause, TimeoutError):  # skill_web/gevent_worker.py's body deadline
            note(reason="body_timeout", detail=type(cause).__name__)
            return _json({"error": "request timeout", "reason": "body_timeout"}, 408)
        name = type(cause).__name__ if cause is not None else type(exc).__name__
        return refuse(400, "bad request", "malformed_http", name)

    @app.before_request
    def start_clock() -> None:
        g.t0 = time.perf_counter()
        g.log = {"method": request.method, "path": request.path}

    @app.post("/", provide_automatic_options=False)
    def alexa() -> Response:
        try:
            body = request.get_data(cache=False)  # werkzeug refuses a longer Content-Length (413)
        except Exception as exc:  # noqa: BLE001 - bad chunking, a cut or slow client: theirs
            return body_error(exc)
        if len(body) > MAX_BODY_BYTES:
            raise RequestEntityTooLarge()
        declared = request.content_length
        if declared is not None and len(body) < declared:  # gunicorn hands over a short body
            return refuse(400, "bad request", "malformed_http", "body shorter than Content-Length")
        try:
            if verifier is not None:
                envelope = verifier.verify(request.headers, body)
            else:
                envelope = parse_envelope(body)
            note(**_request_summary(envelope))
            check_skill_id(envelope, accepted)
        except VerificationError as exc:
            return refuse(400, "bad request", exc.reason, getattr(exc, "detail", ""))
        try:
            if figures is None:
                result = handle(envelope, None)
            else:
                with metrics.collect() as counts:
                    result = handle(envelope, None)
                figures.record_counts(counts)
            if not isinstance(result, dict):
                raise TypeError(f"skill returned {type(result).__name__}, not a dict")
            payload = json.dumps(result, separators=(",", ":"), ensure_ascii=False)
        except Exception as exc:  # noqa: BLE001 - the caller gets a generic 500, the log the type
            note(error=type(exc).__name__, where=_where(exc))
            return _json({"error": "internal error"}, 500)
        return Response(payload, status=200, mimetype="application/json")

    @app.get("/healthz")
    def healthz() -> Response:
        return _json({"status": "ok"}, 200)

    if figures is not None:

        @app.get("/metrics")
        def prometheus() -> Response:
            from skill_web.metrics import CONTENT_TYPE

            return Response(figures.exposition(), status=200, content_type=CONTENT_TYPE)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        """404, 405 (keeps Allow), 413 ... as JSON; Flask's HTML pages are not for Alexa."""
        response = exc.get_response()
        code = exc.code or 500
        if code == 500:  # an exception escaped a view: Flask wraps it as InternalServerError
            original = getattr(exc, "original_exception", None) or exc
            note(error=type(original).__name__, where=_where(original))
            error = "internal error"
        else:
            error = (exc.name or "error").lower()
        response.set_data(json.dumps({"error": error}, separators=(",", ":")))
        response.mimetype = "application/json"
        return response

    @app.after_request
    def log_request(response: Response) -> Response:
        note(status=response.status_code)
        fields = g.log
        t0 = g.get("t0")
        if t0 is not None:
            elapsed = time.perf_counter() - t0
            fields["latency_ms"] = round(elapsed * 1000, 2)
            if figures is not None:
                figures.record_request(request.path, request.method, response.status_code, elapsed)
        if response.status_code >= 500:
            level = logging.ERROR
        elif request.path in ("/healthz", "/metrics"):
            level = logging.DEBUG  # load balancers and scrapers ask every few seconds
        else:
            level = logging.INFO
        _log_request(level, {"event": "request", **fields})
        return response

    return app


# ------------------------------------------------------------------------------------- serving


def main(argv: list[str] | None = None) -> int:
    """`python -m skill_tools serve`: the Flask development server (gunicorn for production)."""
    parser = OneLineParser(
        prog="skill serve",
        description="Serve the skill over HTTP for development. In production run "
        "gunicorn 'skill_web.app:create_app()' (see docs). Settings come from the environment: "
        "ALEXA_SKILL_IDS, ALEXA_VERIFY, ALEXA_TRUST_STORE, LOG_LEVEL.",
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help="interface (default 127.0.0.1)")
    parser.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT,
        help="port (default 5000; 0 picks a free one)",
    )
    parser.add_argument(
        "--no-verify",
        action="store_true",
        help="skip request verification (local testing only; logs a warning)",
    )
    try:
        args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help (0) or a usage error already printed on one line (2)
        return exc.code if isinstance(exc.code, int) else 2

    try:
        app = create_app(verify=False if args.no_verify else None)
    except ConfigError as exc:
        print(f"skill serve: error: {exc}", file=sys.stderr)
        return 2

    from werkzeug.serving import WSGIRequestHandler, make_server, select_address_family

    class QuietHandler(WSGIRequestHandler):
        """Our JSON line is the access log; werkzeug's own line would repeat it."""

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            pass

    try:  # bind here, so a taken port is one line from us rather than werkzeug's exit
        family = select_address_family(args.host, args.port)
        listener = socket.create_server((args.host, args.port), family=family, backlog=128)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(
            f"skill serve: error: cannot listen on {args.host}:{args.port}: {reason}",
            file=sys.stderr,
        )
        return 1
    with listener:
        server = make_server(
            args.host,
            args.port,
            app,
            threaded=True,
            request_handler=QuietHandler,
            fd=listener.fileno(),
        )

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    host = f"[{args.host}]" if ":" in args.host else args.host
    try:  # the line is printed inside: a SIGTERM right after it must still stop cleanly
        print(
            f"skill serve: listening on http://{host}:{server.port}/ "
            "(development server; use gunicorn in production)",
            file=sys.stderr,
            flush=True,
        )
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
