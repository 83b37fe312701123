"""The production server as documented: `gunicorn 'skill_web.app:create_app()'` from the repository
root, settings from gunicorn.conf.py (gevent workers with read deadlines:
skill_web/gevent_worker.py).

Real gunicorn on 127.0.0.1, real sockets: malformed HTTP is answered 400 with JSON and never
logged as an error, and 80 slow clients do not stop /healthz or a signed request from being
answered within a second (the one timing bound in the suite: issue #12 asks for it). The
certificate authority is generated here; the server reads its chain through
ALEXA_CERT_FETCHER=tests.pki:fetch_from_env, so nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import selectors
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.pki import CERT_URL, TestPKI, alexa_timestamp, make_pki
from tests.support import ROOT, SKILL_ID, launch
from tests.web_support import GUNICORN_READY, Server, gunicorn_argv

pytest.importorskip("gevent")
gunicorn = pytest.importorskip("gunicorn")

# 30 s as issue #12 asks; SLOW_CLIENT_SECONDS=5 makes a quick local run.
SLOW_SECONDS = float(os.environ.get("SLOW_CLIENT_SECONDS", "30"))
HEADER_TRICKLERS = BODY_TRICKLERS = 40
TRICKLE_EVERY = 2.0  # one byte every 2 s per connection, as in the attack review


def documented_command() -> list[str]:
    """`gunicorn 'skill_web.app:create_app()'`, on a free loopback port."""
    return gunicorn_argv("skill_web.app:create_app()")


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return make_pki()


@pytest.fixture(scope="module")
def server_env(pki: TestPKI, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    work = tmp_path_factory.mktemp("web_server")
    (work / "roots.pem").write_bytes(pki.root_pem)
    (work / "chain.pem").write_bytes(pki.chain_pem)
    return {
        "ALEXA_SKILL_IDS": SKILL_ID,
        "ALEXA_TRUST_STORE": str(work / "roots.pem"),
        "ALEXA_CERT_FETCHER": "tests.pki:fetch_from_env",
        "TEST_CERT_URL": CERT_URL,
        "TEST_CERT_CHAIN": str(work / "chain.pem"),
        "LOG_LEVEL": "INFO",
        "WEB_CONCURRENCY": "2",
    }


@pytest.fixture
def server(server_env: dict[str, str]) -> Iterator[Server]:
    proc = Server(documented_command(), GUNICORN_READY, server_env)
    try:
        yield proc
    finally:
        assert proc.stop() == 0


def assert_no_errors_logged(server: Server) -> None:
    text = "".join(server.lines)
    assert "[ERROR]" not in text and "Traceback" not in text, text[-3000:]
    assert not [line for line in server.logged() if line["level"] in ("ERROR", "CRITICAL")]


def exchange(port: int, data: bytes, *, shut: bool = False) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes, read the answer until the server closes; (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        if shut:
            sock.shutdown(socket.SHUT_WR)
        raw = b""
        while chunk := sock.recv(65536):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in header_lines)}
    length = int(headers.get("content-length", len(body)))
    return int(status_line.split()[1]), headers, body[:length]


# ------------------------------------------------------------------------- malformed HTTP


POST = b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
CHUNKED = POST + b"Transfer-Encoding: chunked\r\n\r\n"
MALFORMED = [
    pytest.param(CHUNKED + b"zz\r\nhello\r\n0\r\n\r\n", False, id="bad-chunk-size"),
    pytest.param(CHUNKED + b"-5\r\nhello\r\n0\r\n\r\n", False, id="negative-chunk-size"),
    pytest.param(CHUNKED + b"5;\x01x\r\nhello\r\n0\r\n\r\n", False, id="bad-chunk-extension"),
    pytest.param(CHUNKED + b"5;a\rb\r\nhello\r\n0\r\n\r\n", False, id="bare-cr-in-extension"),
    pytest.param(CHUNKED + b"5\r\nhelloXX0\r\n\r\n", False, id="missing-chunk-terminator"),
    pytest.param(CHUNKED + b"10\r\nabc", True, id="truncated-chunked-body"),
    pytest.param(CHUNKED + b"5\r\nhello\r\n", True, id="no-last-chunk"),
    pytest.param(POST + b'Content-Length: 100\r\n\r\n{"version":"1.0"}', True, id="truncated-body"),
    pytest.param(POST + b"Content-Length: abc\r\n\r\n{}", False, id="bad-content-length"),
    pytest.param(POST + b"Content-Length: -1\r\n\r\n{}", False, id="negative-content-length"),
    pytest.param(
        POST + b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", False, id="two-lengths"
    ),
    pytest.param(
        POST + b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        False,
        id="length-and-chunked",
    ),
]


def test_malformed_bodies_are_400_json_and_not_errors(server: Server) -> None:
    """Every case in one server run (a start costs seconds): each is the client's fault."""
    for case in MALFORMED:
        data, shut = case.values
        status, headers, body = exchange(server.port, data, shut=shut)
        assert status == 400, (case.id, status, body)
        assert headers["content-type"] == "application/json", case.id
        assert json.loads(body) == {"error": "bad request", "reason": "malformed_http"}, case.id
    assert exchange(server.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[
        0
    ] == 200  # fmt: skip
    time.sleep(0.3)  # let the log lines of the last requests arrive
    assert_no_errors_logged(server)
    app_lines = [line for line in server.logged() if line.get("event") == "request"]
    assert {line["reason"] for line in app_lines if line["status"] == 400} == {"malformed_http"}
    assert {line["level"] for line in app_lines} <= {"INFO", "DEBUG"}


# ------------------------------------------------------------------------- Expect: 100-continue


def _first_answer(sock: socket.socket) -> bytes:
    """Bytes up to the end of the first answer's head (a 100 Continue is a head of its own)."""
    raw = b""
    while b"\r\n\r\n" not in raw:
        chunk = sock.recv(4096)
        if not chunk:
            break
        raw += chunk
    return raw


def test_expect_100_continue_is_answered_only_when_the_body_is_wanted(
    server: Server, pki: TestPKI
) -> None:
    """A body over the limit is refused at once, without inviting it first; a body that fits
    gets its 100 Continue, then the skill's answer, on one connection."""
    too_big = POST + b"Expect: 100-continue\r\nContent-Length: 200000\r\n\r\n"
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(too_big)
        head = _first_answer(sock)
    assert head.startswith(b"HTTP/1.1 413 "), head

    env = launch()
    env["request"]["timestamp"] = alexa_timestamp(datetime.now(UTC))
    headers, body = pki.signed(env)
    fits = (
        b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
        + "".join(f"{k}: {v}\r\n" for k, v in headers.items()).encode()
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
    )  # fmt: skip
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(fits)
        assert _first_answer(sock) == b"HTTP/1.1 100 Continue\r\n\r\n"
        sock.sendall(body)
        assert _first_answer(sock).startswith(b"HTTP/1.1 200 ")
    time.sleep(0.3)
    assert_no_errors_logged(server)


# --------------------------------------------------------------------------- slow clients


@dataclass
class Trickler:
    """Connections that send a request one byte every TRICKLE_EVERY seconds, reconnecting when
    the server cuts them (what an attacker would do), all from one thread."""

    port: int
    payloads: list[bytes]
    stop: threading.Event = field(default_factory=threading.Event)
    cut: dict[str, int] = field(default_factory=lambda: {"header": 0, "body": 0})
    answers: dict[int, int] = field(default_factory=dict)  # status -> count

    def _open(self, index: int) -> tuple[socket.socket, int]:
        sock = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        sock.setblocking(False)
        payload = self.payloads[index]
        sent = 0
        if b"\r\n\r\n" in payload:  # a body trickler: the headers go at once
            sent = payload.index(b"\r\n\r\n") + 4
            self._send_all(sock, payload[:sent])
        return sock, sent

    @staticmethod
    def _send_all(sock: socket.socket, data: bytes) -> None:
        sock.setblocking(True)
        sock.sendall(data)
        sock.setblocking(False)

    def run(self) -> None:
        sel = selectors.DefaultSelector()
        state: dict[int, tuple[socket.socket, int]] = {}
        for i in range(len(self.payloads)):
            sock, sent = self._open(i)
            state[i] = (sock, sent)
            sel.register(sock, selectors.EVENT_READ, i)
        next_tick = time.monotonic()
        try:
            while not self.stop.is_set():
                for key, _ in sel.select(timeout=0.1):
                    i = key.data
                    sock, _sent = state[i]
                    try:
                        data = sock.recv(4096)
                    except OSError:
                        data = b""
                    if data.startswith(b"HTTP/1.1 "):
                        status = int(data.split()[1])
                        self.answers[status] = self.answers.get(status, 0) + 1
                    kind = "body" if b"Content-Length: 1000" in self.payloads[i] else "header"
                    self.cut[kind] += 1
                    sel.unregister(sock)
                    sock.close()
                    sock, sent = self._open(i)
                    state[i] = (sock, sent)
                    sel.register(sock, selectors.EVENT_READ, i)
                if time.monotonic() >= next_tick:
                    next_tick += TRICKLE_EVERY
                    for i, (sock, sent) in list(state.items()):
                        payload = self.payloads[i]
                        if sent < len(payload):
                            try:
                                sock.send(payload[sent : sent + 1])
                                state[i] = (sock, sent + 1)
                            except OSError:
                                pass  # the server closed it: the select above reopens it
        finally:
            for sock, _ in state.values():
                sock.close()
            sel.close()


def _probe(port: int, request: bytes) -> tuple[int, float]:
    """One request on a fresh connection, 1 s allowed in all; (status, seconds) or (0, s)."""
    t0 = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0) as sock:
            sock.sendall(request)
            raw = b""
            while b"\r\n\r\n" not in raw or len(raw.partition(b"\r\n\r\n")[2]) < _length(raw):
                chunk = sock.recv(65536)
                if not chunk or time.monotonic() - t0 > 1.0:
                    break
                raw += chunk
        status = int(raw.split()[1]) if raw.startswith(b"HTTP/1.1 ") else 0
    except OSError:
        status = 0
    return status, time.monotonic() - t0


def _length(raw: bytes) -> int:
    head = raw.partition(b"\r\n\r\n")[0].lower()
    for line in head.split(b"\r\n"):
        if line.startswith(b"content-length:"):
            return int(line.split(b":")[1])
    return 0


@pytest.mark.slow
def test_80_slow_clients_do_not_stall_the_documented_server(server: Server, pki: TestPKI) -> None:
    """40 connections trickle headers and 40 trickle bodies, one byte every 2 s each, for 30 s.
    Meanwhile /healthz and a signed request, once a second, are each answered within 1 s."""
    env = launch()
    env["request"]["timestamp"] = alexa_timestamp(datetime.now(UTC))  # valid for 150 s
    headers, body = pki.signed(env)
    signed = (
        b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + "".join(f"{k}: {v}\r\n" for k, v in headers.items()).encode()
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    health = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    for _ in range(10):  # both workers booted, each with the certificate fetched
        assert exchange(server.port, signed)[0] == 200

    slow_headers = POST + b"X-Slow: " + b"a" * 4000  # never reaches the end of its headers
    slow_body = POST + b"Content-Length: 1000\r\n\r\n" + b" " * 1000
    trickler = Trickler(
        server.port, [slow_headers] * HEADER_TRICKLERS + [slow_body] * BODY_TRICKLERS
    )
    thread = threading.Thread(target=trickler.run, daemon=True)
    thread.start()
    probes: list[tuple[str, int, float]] = []
    end = time.monotonic() + SLOW_SECONDS
    try:
        time.sleep(min(3.0, SLOW_SECONDS / 3))  # every slow connection is open and waiting
        while time.monotonic() < end:
            tick = time.monotonic()
            for name, request in (("healthz", health), ("signed", signed)):
                status, seconds = _probe(server.port, request)
                probes.append((name, status, seconds))
            time.sleep(max(0.0, 1.0 - (time.monotonic() - tick)))
    finally:
        trickler.stop.set()
        thread.join(10)

    late = [p for p in probes if p[1] != 200 or p[2] >= 1.0]
    assert len(probes) >= 2 * int(SLOW_SECONDS * 0.5)
    assert late == [], f"{len(late)} of {len(probes)} probes late or failed: {late[:5]}"
    if SLOW_SECONDS >= 15:  # the deadlines fired: slow connections were cut, not served forever
        assert trickler.cut["header"] >= HEADER_TRICKLERS  # header deadline: 5 s
        assert trickler.cut["body"] >= BODY_TRICKLERS  # body deadline: 10 s
        assert trickler.answers.get(408, 0) >= BODY_TRICKLERS
    time.sleep(0.3)
    assert_no_errors_logged(server)
    timeouts = [line for line in server.logged() if line.get("reason") == "body_timeout"]
    assert all(line["status"] == 408 for line in timeouts)
    if SLOW_SECONDS >= 15:  # each 408 counted above left its line
        assert len(timeouts) >= BODY_TRICKLERS


def test_gunicorn_conf_is_what_the_documented_command_uses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The settings issue #12 asks for, read the way gunicorn reads them."""
    from gunicorn.config import Config

    # The file sets SKILL_SESSION_KEY in the environment it runs in: here, a copy.
    monkeypatch.setattr(os, "environ", {**os.environ, "PORT": "", "SKILL_SESSION_KEY": ""})

    cfg = Config()
    path = ROOT / "gunicorn.conf.py"
    namespace: dict[str, Any] = {"__file__": str(path)}
    exec(compile(path.read_text(), str(path), "exec"), namespace)  # noqa: S102 - our own file
    for key, value in namespace.items():
        if key in cfg.settings:
            cfg.set(key, value)
    assert cfg.worker_class_str == "skill_web.gevent_worker.DeadlineGeventWorker"
    assert cfg.keepalive > 0  # at 0 the gevent worker reads headers without a deadline
    assert cfg.worker_connections >= 2 * (HEADER_TRICKLERS + BODY_TRICKLERS)
    assert 0 < cfg.graceful_timeout <= 30
    assert cfg.wsgi_app == "skill_web.app:create_app()"
    assert cfg.bind == ["127.0.0.1:8000"]
    if "control_socket_disable" in cfg.settings:  # gunicorn 25.1+
        assert cfg.control_socket_disable  # no socket shared under $HOME between servers
    assert len(os.environ["SKILL_SESSION_KEY"]) == 64
