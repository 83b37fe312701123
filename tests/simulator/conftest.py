"""Real HTTP servers on 127.0.0.1 for the simulator's endpoint mode.

`skill_server` answers with `skill.app.handle_event`, exactly what a web host runs; the
others misbehave the ways a development server does (down, not JSON, an error, silent).
"""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from skill.app import handle_event


@dataclass
class Server:
    url: str
    received: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)


def _serve(answer: Any) -> Iterator[Server]:
    """Run a server whose POST handler is `answer(server, body_bytes) -> (status, bytes)`."""
    record = Server("")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's naming
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            record.headers.append(dict(self.headers))
            status, payload = answer(record, body)
            if status is None:
                return  # say nothing at all
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    record.url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        yield record
    finally:
        server.shutdown()
        server.server_close()


def _skill(record: Server, body: bytes) -> tuple[int, bytes]:
    envelope = json.loads(body)
    record.received.append(envelope)
    return 200, json.dumps(handle_event(envelope)).encode()


@pytest.fixture
def skill_server() -> Iterator[Server]:
    yield from _serve(_skill)


@pytest.fixture
def text_server() -> Iterator[Server]:
    yield from _serve(lambda record, body: (200, b"<html>hello</html>"))


@pytest.fixture
def error_server() -> Iterator[Server]:
    yield from _serve(lambda record, body: (500, b'{"error": "boom"}'))


@pytest.fixture
def silent_server() -> Iterator[Server]:
    release = threading.Event()

    def hang(record: Server, body: bytes) -> tuple[None, bytes]:
        release.wait(5)
        return None, b""

    try:
        yield from _serve(hang)
    finally:
        release.set()


@pytest.fixture
def closed_port_url() -> str:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
