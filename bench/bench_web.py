"""Cost of hosting Leg Cramp Helper as a web service, measured in one run.

1. In process (a direct WSGI call into skill_web.app, no sockets): the same requests with request
   verification on (certificate already cached) and off, alternating. Goal: verification adds
   at most 30% (ratio <= 1.30).
2. Load on loopback: gunicorn (2 workers x 4 threads, gthread) serving Leg Cramp Helper with
   verification on, and the ask-sdk-core hello-world skill served the same way (skill_web.app,
   verification off; bench/web_apps.py), driven alternately by a keep-alive client with 4
   threads for a fixed number of requests. Goals: zero errors, and at least 90% of the
   hello-world baseline's requests per second.
3. The production server (issue #12): gunicorn with the repository's gunicorn.conf.py (gevent
   workers with read deadlines) against the former gthread setup (2 workers x 4 threads), both
   serving Leg Cramp Helper with verification on, driven alternately the same way. Goal: at
   least 90% of the gthread setup's requests per second, zero errors.

Everything stays on 127.0.0.1 and stops by itself: fixed request counts, a time cap per round,
servers stopped at the end. The certificate authority is generated here (tests/pki.py).

    python bench/bench_web.py [--quick]
"""

from __future__ import annotations

import contextlib
import http.client
import importlib.util
import io
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import json  # noqa: E402

from skill_tools.cli_args import OneLineParser, prog  # noqa: E402
from skill_web.app import create_app  # noqa: E402
from skill_web.settings import Settings  # noqa: E402
from skill_web.verification import RequestVerifier  # noqa: E402
from tests.pki import (  # noqa: E402
    CERT_URL,
    DictFetcher,
    FixedClock,
    TestPKI,
    alexa_timestamp,
    make_pki,
)
from tests.support import SKILL_ID, frequency_slot, intent, launch  # noqa: E402

WORKERS, THREADS, CLIENT_THREADS = 2, 4, 4
Request = tuple[dict[str, str], bytes]


# ------------------------------------------------------------------------------------ requests


def stamped(env: dict[str, Any], now: datetime) -> dict[str, Any]:
    env["request"]["timestamp"] = alexa_timestamp(now)
    return env


def check_mix(now: datetime) -> list[dict[str, Any]]:
    """Requests a real check is made of: open, start the check, answer, ask a question."""
    return [
        stamped(launch(), now),
        stamped(intent("SymptomCheckIntent"), now),
        stamped(
            intent(
                "CrampFrequencyIntent",
                {"pending": "check", "answers": {}},
                frequency_slot("most nights", "OFTEN"),
            ),
            now,
        ),
        stamped(intent("LegCrampsAtNightIntent"), now),
    ]


def signed(pki: TestPKI, events: list[dict[str, Any]]) -> list[Request]:
    return [pki.signed(env) for env in events]


def unsigned(requests: list[Request]) -> list[Request]:
    return [({"Content-Type": "application/json"}, body) for _, body in requests]


# ----------------------------------------------------------------------------------- in process


def wsgi_call(app: Any, headers: dict[str, str], body: bytes) -> int:
    """One request straight into the WSGI app: what a server would do after parsing HTTP."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "SCRIPT_NAME": "",
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": "application/json",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for name, value in headers.items():
        if name.lower() != "content-type":
            environ["HTTP_" + name.upper().replace("-", "_")] = value
    status: list[str] = []
    chunks = app(environ, lambda s, h, exc_info=None: status.append(s))
    try:
        b"".join(chunks)
    finally:
        getattr(chunks, "close", lambda: None)()
    return int(status[0][:3])


def per_call(fn: Callable[[], Any], n: int, batch: int = 20) -> float:
    """Median seconds per call over n calls, in batches to damp timer noise."""
    samples = []
    for _ in range(max(1, n // batch)):
        t0 = time.perf_counter()
        for _ in range(batch):
            fn()
        samples.append((time.perf_counter() - t0) / batch)
    return statistics.median(samples)


def cycle(app: Any, requests: list[Request]) -> Callable[[], None]:
    """A call that sends the next request of the list each time and insists on a 200."""
    state = {"i": 0}

    def call() -> None:
        headers, body = requests[state["i"] % len(requests)]
        state["i"] += 1
        status = wsgi_call(app, headers, body)
        if status != 200:
            raise SystemExit(f"bench_web: in-process request answered {status}")

    return call


def in_process(pki: TestPKI, n: int, rounds: int) -> float:
    now = datetime.now(UTC)
    on_requests = signed(pki, check_mix(now))
    off_requests = unsigned(on_requests)
    verifier = RequestVerifier(
        skill_ids={SKILL_ID},
        trust_roots=[pki.root],
        fetcher=DictFetcher({CERT_URL: pki.chain_pem}),
        clock=FixedClock(now),
    )
    quiet = Settings(log_level="ERROR")  # the same for both: no request lines
    app_on = create_app(quiet, verifier=verifier)
    app_off = create_app(replace(quiet, verify=False, skill_ids={SKILL_ID}))
    on, off, alone = cycle(app_on, on_requests), cycle(app_off, off_requests), []
    on(), off()  # first calls: fetch and validate the chain once, warm caches
    on_t, off_t = [], []
    for _ in range(rounds):  # alternate, so a noisy machine weighs on both alike
        off_t.append(per_call(off, n))
        on_t.append(per_call(on, n))
        headers, body = on_requests[1]
        alone.append(per_call(lambda h=headers, b=body: verifier.verify(h, b), n))
    a, b, v = min(on_t), min(off_t), min(alone)
    ratio = a / b
    print(f"in process: direct WSGI call, {len(on_requests)}-request check mix, {n} x {rounds}")
    print(f"  {'verification off':<44}{b * 1e6:>9.0f} us/request")
    print(f"  {'verification on, certificate cached':<44}{a * 1e6:>9.0f} us/request")
    print(f"  {'  of which RequestVerifier.verify':<44}{v * 1e6:>9.0f} us/request")
    verdict = "ok" if ratio <= 1.30 else "MISSED"
    print(f"  {'ratio on / off':<44}{ratio:>9.2f}x     goal <= 1.30  {verdict}")
    print(f"  (certificate downloads: {verifier.fetch_count})")
    return ratio


# ---------------------------------------------------------------------------------- load test


@dataclass
class Load:
    requests: int
    errors: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: int) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[p - 1]

    def __add__(self, other: Load) -> Load:
        return Load(
            self.requests + other.requests,
            self.errors + other.errors,
            self.seconds + other.seconds,
            self.latencies + other.latencies,
        )


def drive(port: int, requests: list[Request], total: int, cap_seconds: float) -> Load:
    """Send ``total`` requests (fewer if the time cap is hit) over keep-alive connections."""
    lock = threading.Lock()
    issued = [0]
    errors = [0]
    latencies: list[float] = []
    deadline = time.monotonic() + cap_seconds

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine: list[float] = []
        bad = 0
        try:
            while True:
                with lock:
                    if issued[0] >= total or time.monotonic() > deadline:
                        break
                    k = issued[0]
                    issued[0] += 1
                headers, body = requests[(k + offset) % len(requests)]
                t0 = time.perf_counter()
                try:
                    conn.request("POST", "/", body=body, headers=headers)
                    answer = conn.getresponse()
                    answer.read()
                    ok = answer.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                mine.append(time.perf_counter() - t0)
                bad += not ok
        finally:
            conn.close()
            with lock:
                latencies.extend(mine)
                errors[0] += bad

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENT_THREADS)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Load(len(latencies), errors[0], time.perf_counter() - t0, latencies)


GTHREAD = ["--workers", str(WORKERS), "--threads", str(THREADS), "--worker-class", "gthread"]


@contextlib.contextmanager
def gunicorn(
    spec: str, env: dict[str, str], log: Path, config: Path | None = None, args: list[str] = GTHREAD
) -> Iterator[int]:
    """gunicorn serving ``spec`` on 127.0.0.1 (a free port); yields the port, then stops it.

    ``config`` is the settings file (default: an empty one, so the repository's
    gunicorn.conf.py does not apply); ``args`` the worker settings (default: gthread 2 x 4).
    """
    import gunicorn as gunicorn_pkg

    if config is None:
        config = log.with_name("empty.conf.py")
        config.write_text("")
    argv = [
        sys.executable, "-m", "gunicorn", "--config", str(config), "--chdir", str(ROOT / "bench"),
        "--bind", "127.0.0.1:0", *args, "--log-level", "info",
    ]  # fmt: skip
    if gunicorn_pkg.version_info >= (25, 1):
        argv.append("--no-control-socket")
    full_env = {**os.environ, "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'bench'}", **env}
    with open(log, "w") as sink:
        proc = subprocess.Popen(
            [*argv, spec], cwd=ROOT, env=full_env, stdin=subprocess.DEVNULL,
            stdout=sink, stderr=sink,
        )  # fmt: skip
    try:
        port = 0
        deadline = time.monotonic() + 30
        while not port and time.monotonic() < deadline and proc.poll() is None:
            found = re.search(r"Listening at: http://127\.0\.0\.1:(\d+)", log.read_text())
            port = int(found.group(1)) if found else 0
            time.sleep(0.05)
        if not port:
            raise SystemExit(f"bench_web: gunicorn did not start; see {log}:\n{log.read_text()}")
        yield port
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def wait_until_answering(port: int, requests: list[Request]) -> None:
    """Both workers booted and warm: keep sending until a run of requests all succeed."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if drive(port, requests, 4 * WORKERS * THREADS, 10).errors == 0:
            return
        time.sleep(0.1)
    raise SystemExit("bench_web: server never answered 200")


def verifying_env(pki: TestPKI, work: Path) -> dict[str, str]:
    """The environment of a server that verifies against the generated PKI (files in `work`)."""
    (work / "roots.pem").write_bytes(pki.root_pem)
    (work / "chain.pem").write_bytes(pki.chain_pem)
    return {
        "ALEXA_TRUST_STORE": str(work / "roots.pem"),
        "ALEXA_SKILL_IDS": SKILL_ID,
        "LOG_LEVEL": "INFO",
        "BENCH_CERT_URL": CERT_URL,
        "BENCH_CERT_CHAIN": str(work / "chain.pem"),
    }


def load_test(pki: TestPKI, total: int, rounds: int, cap: float, warmup: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(prefix="bench_web_") as tmp:
        work = Path(tmp)
        env = verifying_env(pki, work)
        # Signed now; each phase is capped far inside Alexa's 150-second timestamp window.
        now = datetime.now(UTC)
        ours_launch = signed(pki, [stamped(launch(), now)])
        ours_mix = signed(pki, check_mix(now))
        hello_launch = unsigned(ours_launch)
        with (
            gunicorn("web_apps:hello()", {"LOG_LEVEL": "INFO"}, work / "hello.log") as hello_port,
            gunicorn("web_apps:verified()", env, work / "ours.log") as ours_port,
            gunicorn("web_apps:hello_bare()", {}, work / "bare.log") as bare_port,
        ):
            runs = [
                ("hello world, skill_web.app, verification off", hello_port, hello_launch),
                ("ours, skill_web.app, verification on", ours_port, ours_launch),
                ("ours, verification on, check mix", ours_port, ours_mix),
                ("hello world, bare Flask view (info)", bare_port, hello_launch),
            ]
            for _, port, requests in runs:
                wait_until_answering(port, requests)
                drive(port, requests, warmup, cap)
            results: dict[str, Load] = {}
            round_ratios: list[float] = []
            for _ in range(rounds):  # many short rounds, alternating: noise weighs on all alike
                this_round = {}
                for name, port, requests in runs:
                    load = this_round[name] = drive(port, requests, total, cap)
                    results[name] = results[name] + load if name in results else load
                hello, ours = this_round[runs[0][0]], this_round[runs[1][0]]
                round_ratios.append(ours.rps / hello.rps if hello.rps else 0.0)
        logged = [
            json.loads(line)
            for line in (work / "ours.log").read_text().splitlines()
            if line.startswith("{")
        ]
    requests_logged = sum(1 for line in logged if line.get("event") == "request")
    print()
    print(
        f"load on 127.0.0.1: gunicorn {WORKERS} workers x {THREADS} threads (gthread), "
        f"client {CLIENT_THREADS} threads keep-alive, {total} requests x {rounds} rounds"
    )
    print(
        f"  {'server (LaunchRequest unless said)':<46}{'requests':>9}{'req/s':>9}"
        f"{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
    )
    for name, load in results.items():
        print(
            f"  {name:<46}{load.requests:>9}{load.rps:>9.0f}{load.percentile(50) * 1e3:>9.2f}"
            f"{load.percentile(99) * 1e3:>9.2f}{load.errors:>8}"
        )
    base, ours = results[runs[0][0]], results[runs[1][0]]
    overall = ours.rps / base.rps if base.rps else 0.0
    ratio = statistics.median(round_ratios)  # robust to a burst of other work on the machine
    errors = sum(load.errors for load in results.values())
    print(
        f"  throughput ours / hello world: median of rounds {ratio:.2f} "
        f"(range {min(round_ratios):.2f}-{max(round_ratios):.2f}, all requests {overall:.2f})"
        f"   goal >= 0.90  {'ok' if ratio >= 0.90 else 'MISSED'}"
    )
    print(f"  errors: {errors}   goal 0  {'ok' if errors == 0 else 'MISSED'}")
    print(f"  (our server logged {requests_logged} JSON request lines, warm-up included)")
    return ratio, errors


def production_vs_gthread(
    pki: TestPKI, total: int, rounds: int, cap: float, warmup: int
) -> tuple[float, int]:
    """gunicorn.conf.py (gevent, deadlines) against the former gthread 2 x 4, both verifying."""
    with tempfile.TemporaryDirectory(prefix="bench_web_prod_") as tmp:
        work = Path(tmp)
        env = verifying_env(pki, work)
        now = datetime.now(UTC)
        mix = signed(pki, check_mix(now))
        conf = ROOT / "gunicorn.conf.py"
        with (
            gunicorn("web_apps:verified()", env, work / "gthread.log") as gthread_port,
            gunicorn("web_apps:verified()", env, work / "gevent.log", conf, []) as gevent_port,
        ):
            runs = [
                ("gthread 2 x 4 (before #12)", gthread_port),
                ("gunicorn.conf.py: gevent 2 workers", gevent_port),
            ]
            for _, port in runs:
                wait_until_answering(port, mix)
                drive(port, mix, warmup, cap)
            results: dict[str, Load] = {}
            ratios: list[float] = []
            for _ in range(rounds):
                this_round = {name: drive(port, mix, total, cap) for name, port in runs}
                for name, load in this_round.items():
                    results[name] = results[name] + load if name in results else load
                base, new = (this_round[name] for name, _ in runs)
                ratios.append(new.rps / base.rps if base.rps else 0.0)
    print()
    print(
        f"production server on 127.0.0.1: ours, verification on, check mix; client "
        f"{CLIENT_THREADS} threads keep-alive, {total} requests x {rounds} rounds"
    )
    print(f"  {'server':<46}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, load in results.items():
        print(
            f"  {name:<46}{load.requests:>9}{load.rps:>9.0f}{load.percentile(50) * 1e3:>9.2f}"
            f"{load.percentile(99) * 1e3:>9.2f}{load.errors:>8}"
        )
    ratio = statistics.median(ratios)
    errors = sum(load.errors for load in results.values())
    print(
        f"  throughput gevent / gthread: median of rounds {ratio:.2f} "
        f"(range {min(ratios):.2f}-{max(ratios):.2f})"
        f"   goal >= 0.90  {'ok' if ratio >= 0.90 else 'MISSED'}"
    )
    print(f"  errors: {errors}   goal 0  {'ok' if errors == 0 else 'MISSED'}")
    return ratio, errors


def main() -> int:
    ap = OneLineParser(prog=prog("bench web"), description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="fewer requests (a smoke run)")
    args = ap.parse_args()
    n, rounds = (400, 3) if args.quick else (3000, 5)
    total, load_rounds, cap, warmup = (200, 3, 10.0, 100) if args.quick else (800, 9, 10.0, 500)
    pki = make_pki()
    in_process(pki, n, rounds)
    if importlib.util.find_spec("gunicorn") is None:
        print("bench_web: gunicorn is not installed (pip install '.[web]'): no load test")
        return 1
    load_test(pki, total, load_rounds, cap, warmup)
    if importlib.util.find_spec("gevent") is None:
        print("bench_web: gevent is not installed (pip install '.[web]'): no production test")
        return 1
    production_vs_gthread(pki, total, load_rounds, cap, warmup)
    return 0


if __name__ == "__main__":
    sys.exit(main())
