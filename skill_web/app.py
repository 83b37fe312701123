"""Host the skill as a web service: the Flask application factory.

`POST /` takes an Alexa request, has the verifier check it (signature, certificate, timestamp,
skill id: skill_web/verification.py) on the raw body bytes, and answers with what the same skill
object as the Lambda entry point returns. `GET /healthz` is for load balancers; `GET /metrics`,
only when METRICS_ENDPOINT=1, serves Prometheus figures (skill_web/metrics.py, private networks).
Every refusal is a short JSON error that reaches no handler; every request leaves one JSON log
line that never carries what the user said (skill_web/logs.py).

Production runs the factory under gunicorn from the repository root,
`gunicorn 'skill_web.app:create_app()'`, with the settings in gunicorn.conf.py (gevent workers with
read deadlines: see docs/web-service.md); `create_app()` then reads its settings from the
environment (skill_web/settings.py). `python -m skill_tools serve` is skill_web/devserver.py.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from flask import Flask, Response, g, request
from werkzeug.exceptions import ClientDisconnected, HTTPException, RequestEntityTooLarge

from skill import metrics
from skill.serialization import BadEnvelope
from skill_web.logs import LOGGER_NAME, configure_logging, log_request, request_summary, where
from skill_web.settings import ConfigError, Settings
from skill_web.verification import VerificationError, Verifier

__all__ = ["MAX_BODY_BYTES", "Handle", "create_app"]

MAX_BODY_BYTES = 128 * 1024
_MAX_DETAIL = 300
_QUIET_PATHS = frozenset({"/healthz", "/metrics"})  # load balancers and scrapers ask often

log = logging.getLogger(LOGGER_NAME)

Handle = Callable[[Any, Any], Any]


def create_app(
    settings: Settings | None = None,
    *,
    verifier: Verifier | None = None,
    handle: Handle | None = None,
) -> Flask:
    """Build the web app from ``settings`` (default: ``Settings.from_env()``).

    - ``verifier``: a ready verifier instead of the one the settings describe (tests inject a
      trust store, fetcher and clock); the settings' verification fields must then be left at
      their defaults, so nothing is configured twice.
    - ``handle``: ``(event, context) -> response dict``; default skill.app.answer, the
      skill object the Lambda entry point uses, built once at import. It may raise
      skill.serialization.BadEnvelope for an event that is not an Alexa request: a 400.

    Raises ConfigError for a setting that cannot be used.
    """
    settings = Settings.from_env() if settings is None else settings
    configure_logging(settings.log_level)
    if verifier is None:
        verifier = settings.make_verifier()
    elif settings.verification_configured():
        raise ConfigError(
            "a verifier was given: verify, skill_ids, trust_roots and cert_fetcher configure "
            "the one create_app builds, so leave them at their defaults"
        )
    if handle is None:
        from skill.app import answer  # builds the skill object, once per process

        handle = answer
    figures = None
    if settings.metrics_endpoint:
        from skill_web.metrics import figures as make_figures

        figures = make_figures()
    _warn_if_open(verifier)

    app = Flask(__name__)
    # One byte more than allowed: werkzeug stops a chunked body at the limit without an error,
    # so reading limit + 1 is how a body of exactly limit + 1 bytes is told from one that fits.
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES + 1
    service = _Service(verifier, handle, figures)
    app.extensions["skill_web"] = service
    app.before_request(_start_clock)
    app.add_url_rule(
        "/", "alexa", service.alexa, methods=["POST"], provide_automatic_options=False
    )
    app.add_url_rule("/healthz", "healthz", _healthz, methods=["GET"])
    if figures is not None:
        app.add_url_rule("/metrics", "metrics", service.prometheus, methods=["GET"])
    app.register_error_handler(HTTPException, _http_error)
    app.after_request(service.log_request)
    return app


def _warn_if_open(verifier: Verifier) -> None:
    if not verifier.checks_signatures:
        log.warning(
            "request verification is OFF: anyone who can reach this server can send it requests "
            "(use only for local development)"
        )
    if not verifier.skill_ids:
        log.warning("ALEXA_SKILL_IDS is not set: requests for any skill id are accepted")


# ------------------------------------------------------------------------------ request helpers


def _json(payload: Mapping[str, Any], status: int) -> Response:
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return Response(body, status=status, mimetype="application/json")


def _note(**fields: Any) -> None:
    """Add to this request's log line (which exists even if before_request never ran)."""
    g.setdefault("log", {"method": request.method, "path": request.path}).update(fields)


def _refuse(status: int, error: str, reason: str, detail: str = "") -> Response:
    _note(reason=reason, **({"detail": detail[:_MAX_DETAIL]} if detail else {}))
    return _json({"error": error, "reason": reason}, status)


def _body_error(exc: Exception) -> Response:
    """Reading the body failed: 408 past the server's body deadline, else 400.

    werkzeug turns an OSError or ValueError from the server's stream (a deadline, a cut
    connection, a truncated chunked body) into ClientDisconnected; gunicorn's chunk parse
    errors arrive as they are. Only the type is logged: a parse error may quote the body.
    """
    if isinstance(exc, HTTPException) and not isinstance(exc, ClientDisconnected):
        raise exc  # 413 from werkzeug's own limit
    cause = exc.__context__ if isinstance(exc, ClientDisconnected) else exc
    if isinstance(cause, TimeoutError):  # skill_web/gevent_worker.py's body deadline
        _note(reason="body_timeout", detail=type(cause).__name__)
        return _json({"error": "request timeout", "reason": "body_timeout"}, 408)
    name = type(cause).__name__ if cause is not None else type(exc).__name__
    return _refuse(400, "bad request", "malformed_http", name)


def _read_body() -> bytes | Response:
    """The whole body, at most MAX_BODY_BYTES, or the refusal to send instead."""
    try:
        body = request.get_data(cache=False)  # werkzeug refuses a longer Content-Length (413)
    except Exception as exc:  # noqa: BLE001 - bad chunking, a cut or slow client: theirs
        return _body_error(exc)
    if len(body) > MAX_BODY_BYTES:
        raise RequestEntityTooLarge()
    declared = request.content_length
    if declared is not None and len(body) < declared:  # gunicorn hands over a short body
        return _refuse(400, "bad request", "malformed_http", "body shorter than Content-Length")
    return body


def _start_clock() -> None:
    g.t0 = time.perf_counter()
    g.log = {"method": request.method, "path": request.path}


def _healthz() -> Response:
    return _json({"status": "ok"}, 200)


def _http_error(exc: HTTPException) -> Response:
    """404, 405 (keeps Allow), 413 ... as JSON; Flask's HTML pages are not for Alexa."""
    response = exc.get_response()
    code = exc.code or 500
    if code == 500:  # an exception escaped a view: Flask wraps it as InternalServerError
        original = getattr(exc, "original_exception", None) or exc
        _note(error=type(original).__name__, where=where(original))
        error = "internal error"
    else:
        error = (exc.name or "error").lower()
    response.set_data(json.dumps({"error": error}, separators=(",", ":")))
    response.mimetype = "application/json"
    return response


# ------------------------------------------------------------------------------------ the views


class _Service:
    """The views that need the app's collaborators: the verifier, the skill, the figures."""

    def __init__(self, verifier: Verifier, handle: Handle, figures: Any) -> None:
        self.verifier = verifier
        self.handle = handle
        self.figures = figures

    def alexa(self) -> Response:
        if request.mimetype != "application/json":  # what Alexa sends, charset=utf-8 included
            return _refuse(415, "unsupported media type", "content_type", request.mimetype)
        body = _read_body()
        if isinstance(body, Response):
            return body
        try:
            envelope = self.verifier.verify(request.headers, body)  # skill id included
        except VerificationError as exc:
            return _refuse(400, "bad request", exc.reason, exc.detail)
        _note(**request_summary(envelope))
        try:
            if self.figures is None:
                result = self.handle(envelope, None)
            else:
                with metrics.collect() as counts:
                    result = self.handle(envelope, None)
                self.figures.record_counts(counts)
            if not isinstance(result, dict):
                raise TypeError(f"skill returned {type(result).__name__}, not a dict")
            payload = json.dumps(result, separators=(",", ":"), ensure_ascii=False)
        except BadEnvelope as exc:  # Lambda's rule (skill.app.read_envelope): not a request
            return _refuse(400, "bad request", "bad_body", str(exc))
        except Exception as exc:  # noqa: BLE001 - the caller gets a generic 500, the log the type
            _note(error=type(exc).__name__, where=where(exc))
            return _json({"error": "internal error"}, 500)
        return Response(payload, status=200, mimetype="application/json")

    def prometheus(self) -> Response:
        from skill_web.metrics import CONTENT_TYPE

        return Response(self.figures.exposition(), status=200, content_type=CONTENT_TYPE)

    def log_request(self, response: Response) -> Response:
        """The request's one log line, and its figures when /metrics is on."""
        _note(status=response.status_code)
        fields = g.log
        t0 = g.get("t0")
        if t0 is not None:
            elapsed = time.perf_counter() - t0
            fields["latency_ms"] = round(elapsed * 1000, 2)
            if self.figures is not None:
                self.figures.record_request(
                    request.path, request.method, response.status_code, elapsed
                )
        if response.status_code >= 500:
            level = logging.ERROR
        elif request.path in _QUIET_PATHS:
            level = logging.DEBUG
        else:
            level = logging.INFO
        log_request(level, {"event": "request", **fields})
        return response
