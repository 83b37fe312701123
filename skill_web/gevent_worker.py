"""gunicorn's gevent worker with a deadline on reading a request body, and JSON for the errors
gunicorn answers itself. Named by gunicorn.conf.py; not part of the Lambda package.

Why gevent: a connection waiting for bytes costs a greenlet (a few KiB), not one of a handful of
threads, so clients that trickle a request cannot take every request slot. The stock gevent
worker already bounds the request line and headers by ``keepalive`` seconds (one gevent.Timeout
around reading them, whatever the trickle rate); nothing bounds the body, which the application
reads. This worker gives each request ``body_timeout`` seconds, counted from the end of its
headers, for the whole body: a read still waiting then raises TimeoutError, which skill_web.app
answers with 408, and gunicorn closes the connection because the body was not read to its end.

`Expect: 100-continue`: gunicorn would send "100 Continue" before the app runs, inviting a body
the app may refuse unread (413 for a Content-Length over the limit, 404, 405). Here the 100 goes
out on the body's first read instead; a request answered without reading it closes the connection,
since the client may still send the body it was never invited to send.
"""

from __future__ import annotations

import json
import time
from typing import Any

import gevent
from gunicorn import util
from gunicorn.workers.ggevent import GeventWorker

from skill_web import metrics

__all__ = ["BODY_TIMEOUT", "DeadlineGeventWorker"]

BODY_TIMEOUT = 10.0  # seconds for a whole request body; Alexa's are at most 128 KiB, sent at once


class BodyTimeout(TimeoutError):
    """The request body did not arrive within the worker's deadline."""


class _DeadlineBody:
    """Wraps gunicorn's request Body: every read shares one deadline (gevent.Timeout interrupts a
    read blocked in recv(), however slowly bytes arrive); sends a pending 100 Continue first."""

    def __init__(self, body: Any, seconds: float, req: Any = None, sock: Any = None) -> None:
        self._body = body
        self._seconds = seconds
        self._deadline = time.monotonic() + seconds
        self._expired = False
        self._continue: tuple[Any, Any, bool] | None = None
        if req is not None and getattr(req, "_expected_100_continue", False):
            req._expected_100_continue = False  # gunicorn's wsgi.create would send it now
            self._continue = (req, sock, req.must_close)
            req.must_close = True  # until the body is invited: see the module's docstring

    @property
    def failed(self) -> bool:
        """gunicorn's parser closes the connection after a body whose read raised."""
        return self._expired or bool(getattr(self._body, "failed", False))

    def _call(self, method: str, *args: Any) -> Any:
        if self._continue is not None:
            req, sock, must_close = self._continue
            self._continue = None
            sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
            req.must_close = must_close
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            self._expired = True
            raise BodyTimeout(f"request body not received within {self._seconds:g} s")
        timer = gevent.Timeout(remaining, BodyTimeout)
        timer.start()
        try:
            return getattr(self._body, method)(*args)
        except BodyTimeout:
            self._expired = True
            raise BodyTimeout(f"request body not received within {self._seconds:g} s") from None
        finally:
            timer.close()

    def read(self, size: int | None = None) -> bytes:
        return self._call("read", size)

    def readline(self, size: int | None = None) -> bytes:
        return self._call("readline", size)

    def readlines(self, size: int | None = None) -> list[bytes]:
        return self._call("readlines", size)

    def __iter__(self) -> _DeadlineBody:
        return self

    def __next__(self) -> bytes:
        line = self.readline()
        if not line:
            raise StopIteration
        return line


def _write_json_error(sock: Any, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's error page, as the JSON every other answer of skill_web.app is, counted in
    /metrics like them.

    ``mesg`` is not sent: it may quote the request (a header value, part of the body).
    """
    if 400 <= status_int < 500:
        payload = {"error": reason.lower(), "reason": "malformed_http"}
    else:
        payload = {"error": "internal error"}
    body = json.dumps(payload, separators=(",", ":")).encode()
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\n"
        "Connection: close\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("latin-1")
    util.write_nonblock(sock, head + body)
    metrics.record_refusal(status_int)


class DeadlineGeventWorker(GeventWorker):
    """gunicorn.workers.ggevent.GeventWorker plus ``body_timeout`` and JSON error answers."""

    body_timeout = BODY_TIMEOUT

    def init_process(self) -> None:
        # gunicorn answers what never reaches the app (a bad Content-Length, a bad request line)
        # through util.write_error; in this worker process that answer is JSON.
        util.write_error = _write_json_error
        super().init_process()

    def handle_request(self, listener_name: Any, req: Any, sock: Any, addr: Any) -> Any:
        if getattr(req, "body", None) is not None:
            req.body = _DeadlineBody(req.body, self.body_timeout, req, sock)
        return super().handle_request(listener_name, req, sock, addr)
