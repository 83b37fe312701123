"""The web service's logs: one JSON line per request on stderr, never what the user said.

A request line holds the method, path, status, latency and, once the envelope has parsed, the
request id, type and intent name (`request_summary`): nothing else from the request may reach it.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

__all__ = ["LOGGER_NAME", "JsonLogFormatter", "configure_logging", "log_request", "where"]

LOGGER_NAME = "skill.web"  # under the "skill" logger, so one handler takes both

log = logging.getLogger(LOGGER_NAME)


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


def configure_logging(level: str) -> None:
    """Send the skill's logs to stderr as JSON lines, at ``level`` (a name Settings checked),
    unless the host already set logging up (pytest, an embedding app): then its handlers and
    levels are left alone.

    Gunicorn and the development server leave the root logger bare, so without this the
    request lines would be dropped.
    """
    skill_logger = logging.getLogger("skill")
    ours = any(getattr(h, "_skill_web", False) for h in skill_logger.handlers)
    if not ours:
        if logging.getLogger().handlers:
            return
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonLogFormatter())
        handler._skill_web = True  # type: ignore[attr-defined]  # marks ours: added once
        skill_logger.addHandler(handler)
    skill_logger.setLevel(level)


class _JsonMessage:
    """A log message that is JSON when some handler asks for the text, and free otherwise:
    our formatter reads ``record.fields`` directly, so the line is encoded once."""

    __slots__ = ("fields",)

    def __init__(self, fields: dict[str, Any]) -> None:
        self.fields = fields

    def __str__(self) -> str:
        return json.dumps(self.fields, separators=(",", ":"))


def log_request(level: int, fields: dict[str, Any]) -> None:
    if log.isEnabledFor(level):
        log.log(level, "%s", _JsonMessage(fields), extra={"fields": fields})


def request_summary(envelope: Mapping[str, Any]) -> dict[str, Any]:
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


def where(exc: BaseException) -> str:
    """module:line of the innermost frame, so a 500 can be traced without logging user data."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "?"
    return f"{tb.tb_frame.f_globals.get('__name__', '?')}:{tb.tb_lineno}"
