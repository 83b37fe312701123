"""`GET /metrics` on the web service, over real HTTP on 127.0.0.1: the skill's counters, status
counts and latency in Prometheus text format; off unless enabled; summed over gunicorn workers."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

pytest.importorskip("prometheus_client")
from prometheus_client.parser import text_string_to_metric_families  # noqa: E402

from skill_web.app import create_app  # noqa: E402
from skill_web.settings import Settings  # noqa: E402
from tests.support import intent, launch  # noqa: E402
from tests.web_support import GUNICORN_READY, Server, http_request, serving  # noqa: E402


def request(port: int, method: str, path: str, body: Any = None) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    return http_request(port, method, path, data, {"Content-Type": "application/json"})


def samples(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    status, body = request(port, "GET", "/metrics")
    assert status == 200
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(body.decode())
        for s in family.samples
    }


@pytest.fixture
def served(request: pytest.FixtureRequest) -> Iterator[int]:
    app = create_app(Settings(verify=False, metrics_endpoint=request.param))
    with serving(app) as port:
        yield port


@pytest.mark.parametrize("served", [True], indirect=True)
def test_counters_status_and_latency(served: int) -> None:
    before = samples(served)
    assert request(served, "POST", "/", launch())[0] == 200
    assert request(served, "POST", "/", intent("EmergencyIntent", new=True))[0] == 200
    assert request(served, "POST", "/", b"not json".decode())[0] == 400
    after = samples(served)

    def delta(name: str, **labels: str) -> float:
        key = (name, tuple(sorted(labels.items())))
        return after.get(key, 0) - before.get(key, 0)

    assert delta("skill_session_started_total") == 2
    assert delta("skill_turn_total") == 2
    assert delta("skill_emergency_redirected_total") == 1
    assert delta("skill_check_completed_total", outcome="see_specialist") == 0  # exists, at 0
    assert ("skill_check_completed_total", (("outcome", "probably_fine"),)) in after
    assert delta("http_requests_total", path="/", method="POST", status="200") == 2
    assert delta("http_requests_total", path="/", method="POST", status="400") == 1
    assert delta("http_request_duration_seconds_count", path="/") == 3
    # Only closed-set labels: no raw path, no ids.
    assert request(served, "GET", "/no/such/amzn1.ask.account.x")[0] == 404
    text = request(served, "GET", "/metrics")[1].decode()
    assert 'path="other"' in text and "amzn1" not in text


@pytest.mark.parametrize("served", [False], indirect=True)
def test_off_unless_enabled(served: int) -> None:
    assert request(served, "GET", "/metrics")[0] == 404
    assert request(served, "POST", "/", launch())[0] == 200


def test_the_environment_turns_it_on() -> None:
    on = Settings.from_env({"ALEXA_VERIFY": "0", "METRICS_ENDPOINT": "1"})
    assert create_app(on).test_client().get("/metrics").status_code == 200
    off = Settings.from_env({"ALEXA_VERIFY": "0"})
    assert create_app(off).test_client().get("/metrics").status_code == 404


def gunicorn_with_metrics(tmp_path: Any, workers: int) -> Server:
    """The documented gunicorn command with /metrics on, counting into `tmp_path`."""
    from tests.test_web_server import documented_command

    env = {
        "ALEXA_VERIFY": "0", "METRICS_ENDPOINT": "1", "WEB_CONCURRENCY": str(workers),
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "LOG_LEVEL": "WARNING",
    }  # fmt: skip
    return Server(documented_command(), GUNICORN_READY, env)


def test_gunicorn_workers_are_summed(tmp_path: Any) -> None:
    """Workers share their counts: whichever answers /metrics reports every worker's requests,
    a stopped worker's included."""
    pytest.importorskip("gevent")

    server = gunicorn_with_metrics(tmp_path, workers=2)
    try:
        def batch(size: int = 40) -> int:
            with ThreadPoolExecutor(8) as pool:
                codes = list(pool.map(lambda _: request(server.port, "POST", "/", launch())[0],
                                      range(size)))
            assert codes == [200] * size
            return size

        # One worker may take every request of a batch (the kernel picks who accepts), so
        # stop the one that answered: gunicorn starts another, whose counts must add up with
        # what the stopped one left behind.
        n = batch()
        served = list(tmp_path.glob("counter_*.db"))
        if len(served) == 1:
            os.kill(int(served[0].stem.split("_")[1]), signal.SIGTERM)
        deadline = time.monotonic() + 30
        while len(list(tmp_path.glob("counter_*.db"))) < 2 and time.monotonic() < deadline:
            n += batch(8)
        assert len(list(tmp_path.glob("counter_*.db"))) == 2  # one file per worker process
        for _ in range(4):  # several reads, from either worker: each sees the sum
            got = samples(server.port)
            assert got[("skill_session_started_total", ())] == n
            key = ("http_requests_total", (("method", "POST"), ("path", "/"), ("status", "200")))
            assert got[key] == n
    finally:
        assert server.stop() == 0


def test_gunicorns_own_refusals_are_counted(tmp_path: Any) -> None:
    """A request gunicorn refuses before the app runs (a bad Content-Length) is a 400 in
    /metrics too, labelled path="other", method="other": its request line may not have parsed."""
    pytest.importorskip("gevent")
    from tests.test_web_server import exchange

    server = gunicorn_with_metrics(tmp_path, workers=1)
    try:
        bad = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}"
        assert exchange(server.port, bad)[0] == 400
        assert exchange(server.port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", shut=True)[
            0
        ] == 200  # fmt: skip
        got = samples(server.port)
        def count(method: str, path: str, status: str) -> float | None:
            labels = (("method", method), ("path", path), ("status", status))
            return got.get(("http_requests_total", labels))

        assert count("other", "other", "400") == 1
        assert count("GET", "/healthz", "200") == 1
    finally:
        assert server.stop() == 0
