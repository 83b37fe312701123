"""A local stand-in for the Alexa APIs a skill calls: Settings (time zone) and Reminders.

It listens on 127.0.0.1 only, records every call, and can be told to fail (an HTTP status)
or to stall (a delay), so tests and the simulator can exercise every path of the reminder
without an Amazon account or a network.
"""

from __future__ import annotations

import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TIME_ZONE_PATH = re.compile(r"^/v2/devices/(?P<device>[^/]+)/settings/System\.timeZone$")
REMINDERS_PATH = "/v1/alerts/reminders"


@dataclass
class RecordedCall:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class FakeAlexaApi:
    """Start with `with FakeAlexaApi() as api:`; point apiEndpoint at `api.url`."""

    time_zone: str = "America/New_York"
    reminder_status: int = 201
    time_zone_status: int = 200
    delay: float = 0.0  # seconds before answering any call
    host: str = "127.0.0.1"
    port: int = 0
    calls: list[RecordedCall] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._server: ThreadingHTTPServer | None = None
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake Alexa API is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def reminders(self) -> list[RecordedCall]:
        return [c for c in self.calls if c.path == REMINDERS_PATH and c.method == "POST"]

    def start(self) -> FakeAlexaApi:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _record(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else None
                except ValueError:
                    body = raw.decode("utf-8", "replace")
                with api._lock:
                    api.calls.append(
                        RecordedCall(self.command, self.path, dict(self.headers), body)
                    )
                if api.delay:
                    time.sleep(api.delay)

            def _send(self, status: int, payload: Any) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test): nothing to answer

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                self._record()
                if TIME_ZONE_PATH.match(self.path):
                    if api.time_zone_status == 200:
                        self._send(200, api.time_zone)
                    else:
                        self._send(api.time_zone_status, {"message": "settings unavailable"})
                else:
                    self._send(404, {"message": "not found"})

            def do_POST(self) -> None:  # noqa: N802
                self._record()
                if self.path != REMINDERS_PATH:
                    self._send(404, {"message": "not found"})
                elif 200 <= api.reminder_status < 300:
                    token = str(uuid.uuid4())
                    now = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())
                    self._send(
                        api.reminder_status,
                        {
                            "alertToken": token,
                            "createdTime": now,
                            "updatedTime": now,
                            "status": "ON",
                            "version": "1",
                            "href": f"{REMINDERS_PATH}/{token}",
                        },
                    )
                else:
                    self._send(api.reminder_status, {"code": "ERROR", "message": "fake failure"})

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeAlexaApi:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
