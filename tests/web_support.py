"""What the web service's tests share: the verifier/app harness, Amazon's recorded requests
(../shared/vectors), and servers on 127.0.0.1 (in a thread, or a process such as gunicorn).

Used by tests/test_verification.py, tests/test_web.py, tests/test_web_server.py and
tests/test_web_metrics.py; certificates come from tests/pki.py, envelopes from tests/support.py.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import signal
import subprocess
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from flask import Flask
from werkzeug.serving import make_server

from skill_web.app import create_app
from skill_web.settings import Settings
from skill_web.verification import RequestVerifier
from tests.pki import CERT_URL, DictFetcher, FakeMonotonic, FixedClock, TestPKI
from tests.support import ROOT, VECTORS

# ------------------------------------------------------------------------------------ harness


class Recorder:
    """Wraps a skill entry point and remembers what reached it."""

    def __init__(self, inner: Callable[[Any, Any], Any] | None = None) -> None:
        if inner is None:
            from skill.app import answer

            inner = answer
        self.inner = inner
        self.events: list[Any] = []

    def __call__(self, event: Any, context: Any) -> Any:
        self.events.append(event)
        return self.inner(event, context)


@dataclass
class Harness:
    """A RequestVerifier trusting the test PKI, with its fetcher and clocks; ``app`` and
    ``handler`` too when it was built by :func:`web_harness`."""

    verifier: RequestVerifier
    fetcher: DictFetcher
    clock: FixedClock
    monotonic: FakeMonotonic
    app: Flask | None = None
    handler: Recorder | None = None

    def post(self, headers: dict[str, str], body: bytes) -> Any:
        assert self.app is not None, "built without an app: use web_harness"
        return self.app.test_client().post("/", headers=headers, data=body)


def verifier_harness(
    pki: TestPKI,
    now: datetime,
    files: dict[str, bytes | Exception] | None = None,
    **kwargs: Any,
) -> Harness:
    """A verifier for ``skill_ids`` (default none given: pass them) at ``now``, fetching
    ``files`` (default: the test PKI's chain at CERT_URL)."""
    fetcher = DictFetcher(files if files is not None else {CERT_URL: pki.chain_pem})
    clock, monotonic = FixedClock(now), FakeMonotonic()
    kwargs.setdefault("clock", clock)
    kwargs.setdefault("monotonic", monotonic)
    verifier = RequestVerifier(trust_roots=[pki.root], fetcher=fetcher, **kwargs)
    return Harness(verifier, fetcher, clock, monotonic)


def web_harness(
    pki: TestPKI,
    now: datetime,
    files: dict[str, bytes | Exception] | None = None,
    handle: Callable[[Any, Any], Any] | None = None,
    **kwargs: Any,
) -> Harness:
    """:func:`verifier_harness` inside the web app, its skill wrapped in a Recorder."""
    harness = verifier_harness(pki, now, files, **kwargs)
    harness.handler = Recorder(handle)
    harness.app = create_app(Settings(), verifier=harness.verifier, handle=harness.handler)
    return harness


# ---------------------------------------------------------------------- Amazon's own requests


VECTORS_MISSING = f"Alexa test vectors not found at {VECTORS} (set VECTORS_DIR to override)"


def vector_records() -> list[dict[str, Any]]:
    """The manifest's entries; empty when the vectors are absent."""
    manifest = VECTORS / "manifest.json"
    return json.loads(manifest.read_text())["vectors"] if manifest.is_file() else []


def vector_params() -> list[Any]:
    """One pytest param per recorded request, or one skipped param saying where they were sought."""
    records = vector_records()
    if not records:
        return [pytest.param(None, id="no-vectors", marks=pytest.mark.skip(reason=VECTORS_MISSING))]
    return [pytest.param(v, id=v["name"]) for v in records]


def require_vectors() -> Path:
    """The vectors folder, or skip the test."""
    if not (VECTORS / "manifest.json").is_file():
        pytest.skip(VECTORS_MISSING)
    return VECTORS


@dataclass(frozen=True)
class Vector:
    """One recorded Alexa request: its headers and body as sent, and the chain its URL served."""

    record: dict[str, Any]
    headers: dict[str, str]
    body: bytes
    chain: bytes

    @property
    def timestamp(self) -> datetime:
        return datetime.fromisoformat(self.record["request_timestamp"])

    @property
    def cert_url(self) -> str:
        return self.headers["SignatureCertChainUrl"]


def load_vector(record: dict[str, Any]) -> Vector:
    return Vector(
        record,
        json.loads((VECTORS / record["headers"]).read_text()),
        (VECTORS / record["body"]).read_bytes(),
        (VECTORS / record["cert_chain"]).read_bytes(),
    )


def vector_named(name: str) -> Vector:
    require_vectors()
    (record,) = [v for v in vector_records() if v["name"] == name]
    return load_vector(record)


def symantec_g5_root() -> x509.Certificate:
    """The VeriSign G5 root that cert-4/5 chain to; trust stores dropped it, cert-expired has it."""
    certs = x509.load_pem_x509_certificates((VECTORS / "certs/cert-expired.pem").read_bytes())
    (g5,) = [
        c for c in certs if "Primary Certification Authority - G5" in c.subject.rfc4514_string()
    ]
    return g5


# ------------------------------------------------------------------------------------ servers


@contextlib.contextmanager
def serving(app: Flask) -> Iterator[int]:
    """The app on werkzeug's threaded server on 127.0.0.1 (a free port); stopped after."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.port
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def http_request(
    port: int,
    method: str,
    path: str = "/",
    body: Any = None,
    headers: dict[str, str] | None = None,
    *,
    chunked: bool = False,
) -> tuple[int, bytes]:
    """One request on a fresh loopback connection; (status, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        conn.request(method, path, body=body, headers=headers or {}, encode_chunked=chunked)
        answer = conn.getresponse()
        return answer.status, answer.read()
    finally:
        conn.close()


def http_post(
    port: int, body: Any, headers: dict[str, str], *, chunked: bool = False
) -> tuple[int, dict[str, Any]]:
    """POST / and the JSON answer."""
    status, data = http_request(port, "POST", "/", body, headers, chunked=chunked)
    return status, json.loads(data)


def gunicorn_argv(app: str, *extra: str) -> list[str]:
    """`python -m gunicorn ... app` on a free loopback port (gunicorn.conf.py applies)."""
    import sys

    pytest.importorskip("gunicorn")  # gunicorn.conf.py turns its control socket off
    return [sys.executable, "-m", "gunicorn", "--bind", "127.0.0.1:0", *extra, app]


GUNICORN_READY = r"Listening at: http://127\.0\.0\.1:(\d+)"


class Server:
    """A server process whose stderr is collected by a thread (so its pipe never fills)."""

    def __init__(self, argv: list[str], ready: str, env: dict[str, str] | None = None) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            argv, cwd=ROOT, env={**os.environ, **(env or {})}, text=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        self._ready = threading.Event()
        self.port = 0
        pattern = re.compile(ready)
        self._reader = threading.Thread(target=self._read, args=(pattern,), daemon=True)
        self._reader.start()
        if not self._ready.wait(30) or not self.port:
            self.stop()
            raise AssertionError("server did not start:\n" + "".join(self.lines))

    def _read(self, pattern: re.Pattern[str]) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.lines.append(line)
            if not self.port and (match := pattern.search(line)):
                self.port = int(match.group(1))
                self._ready.set()
        self._ready.set()  # the process ended

    def get(self, path: str) -> int:
        return http_request(self.port, "GET", path)[0]

    def logged(self) -> list[dict[str, Any]]:
        """The JSON lines the server wrote so far."""
        return [json.loads(line) for line in self.lines if line.startswith("{")]

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = self.proc.wait(5)
        self._reader.join(5)
        return code
