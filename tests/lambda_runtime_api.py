"""A small local implementation of the AWS Lambda Runtime API, on 127.0.0.1.

Lambda's runtime interface client (awslambdaric) asks this API for the next invocation, then
posts the function's response or error. Implemented here (API version 2018-06-01): next
invocation, invocation response, invocation error, and init error; enough to run a function
the way Lambda does, one invocation at a time, and read what it answered.
"""

from __future__ import annotations

import contextlib
import json
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIX = "/2018-06-01/runtime"
FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:leg-cramp-helper"


@dataclass
class Outcome:
    """What the function posted for one invocation: its response, or an error."""

    kind: str  # "response" or "error"
    body: bytes
    error_type: str | None = None  # Lambda-Runtime-Function-Error-Type, for errors

    def json(self) -> object:
        return json.loads(self.body)


@dataclass
class RuntimeAPI:
    """The API's state: queued invocations, outcomes by request id, init errors."""

    deadline_ms: int = 8000
    init_errors: list[bytes] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # "METHOD path", in order
    _events: queue.Queue = field(default_factory=queue.Queue)
    _outcomes: dict[str, queue.Queue] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)

    def start(self) -> str:
        """Serve on a free loopback port; returns host:port for AWS_LAMBDA_RUNTIME_API."""
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        host, port = self._server.server_address[:2]
        return f"{host}:{port}"

    def stop(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def invoke(
        self, event: bytes, alive: Callable[[], bool], timeout: float = 120.0
    ) -> Outcome:
        """Queue one invocation and wait for the function's answer to it."""
        request_id = str(uuid.uuid4())
        answer: queue.Queue = queue.Queue(maxsize=1)
        self._outcomes[request_id] = answer
        self._events.put((request_id, event))
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                return answer.get(timeout=0.2)
            except queue.Empty:
                if self.init_errors or not alive():
                    raise RuntimeError(f"the function died: {self.init_errors!r}") from None
        raise TimeoutError(f"no answer to invocation {request_id} in {timeout} s")

    # -- called by the HTTP handler ---------------------------------------------------------

    def _next(self) -> tuple[str, bytes] | None:
        while not self._stop.is_set():
            try:
                return self._events.get(timeout=0.2)
            except queue.Empty:
                continue
        return None

    def _post(self, request_id: str, outcome: Outcome) -> bool:
        answer = self._outcomes.pop(request_id, None)
        if answer is None:
            return False
        answer.put(outcome)
        return True


def _handler_for(api: RuntimeAPI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # quiet: the test reads api.requests

        def _reply(self, status: int, body: bytes = b"{}", headers: dict | None = None) -> None:
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **(headers or {})}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # the function may have been stopped while waiting for its next invocation
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def do_GET(self) -> None:  # noqa: N802
            api.requests.append(f"GET {self.path}")
            if self.path != f"{PREFIX}/invocation/next":
                return self._reply(404, b'{"errorMessage": "not found"}')
            item = api._next()
            if item is None:
                return self._reply(500, b'{"errorMessage": "shutting down"}')
            request_id, event = item
            deadline = int(time.time() * 1000) + api.deadline_ms
            self._reply(
                200,
                event,
                {
                    "Lambda-Runtime-Aws-Request-Id": request_id,
                    "Lambda-Runtime-Deadline-Ms": str(deadline),
                    "Lambda-Runtime-Invoked-Function-Arn": FUNCTION_ARN,
                    "Lambda-Runtime-Trace-Id": f"Root=1-{uuid.uuid4().hex[:8]}-0",
                },
            )

        def do_POST(self) -> None:  # noqa: N802
            api.requests.append(f"POST {self.path}")
            body = self._body()
            if self.path == f"{PREFIX}/init/error":
                api.init_errors.append(body)
                return self._reply(202)
            parts = self.path.removeprefix(f"{PREFIX}/invocation/").split("/")
            if not self.path.startswith(f"{PREFIX}/invocation/") or len(parts) != 2:
                return self._reply(404, b'{"errorMessage": "not found"}')
            request_id, what = parts
            if what == "response":
                outcome = Outcome("response", body)
            elif what == "error":
                error_type = self.headers.get("Lambda-Runtime-Function-Error-Type")
                outcome = Outcome("error", body, error_type)
            else:
                return self._reply(404, b'{"errorMessage": "not found"}')
            if not api._post(request_id, outcome):
                return self._reply(400, b'{"errorMessage": "unknown request id"}')
            self._reply(202, b'{"status": "OK"}')

    return Handler
