"""`GET /metrics` for the web service: the skill's counters, request latency and status counts,
in Prometheus text format. Off unless METRICS_ENDPOINT=1; for a private network only.

The counters are skill/metrics.py's vocabulary, so the web service and Lambda report the same
figures under the same names (snake case here: TopicAnswered -> skill_topic_answered_total).
HTTP figures are labelled by a closed set of paths and methods, never the raw path.

Gunicorn runs several worker processes, each with its own memory: with PROMETHEUS_MULTIPROC_DIR
set (gunicorn.conf.py sets it), prometheus_client keeps each worker's counts in files there and
`/metrics`, answered by any one worker, adds them all up (its multiprocess mode).
"""

from __future__ import annotations

import os
import re
from functools import cache
from typing import Any

from skill import metrics

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
PATHS = frozenset({"/", "/healthz", "/metrics"})
METHODS = frozenset({"GET", "POST", "HEAD"})
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def multiprocess() -> bool:
    return bool(os.environ.get(MULTIPROC_ENV))


class Figures:
    """The process's Prometheus metric objects, made once (see `figures()`)."""

    def __init__(self) -> None:
        from prometheus_client import CollectorRegistry, Counter, Histogram

        # In multiprocess mode values go to files and are read back by MultiProcessCollector;
        # registering them as well would count them twice.
        self.registry = None if multiprocess() else CollectorRegistry()
        reg: Any = self.registry
        self.skill: dict[str, Any] = {}
        for name, dim in metrics.COUNTERS.items():
            labels = [dim[0]] if dim else []
            counter = Counter(
                f"skill_{snake(name)}", f"Skill counter {name} (docs/operations.md)", labels,
                registry=reg,
            )  # fmt: skip
            for value in sorted(dim[1]) if dim else ():
                counter.labels(value)  # every series exists from the start, at 0
            self.skill[name] = counter
        self.requests = Counter(
            "http_requests", "HTTP requests answered, by path, method and status",
            ["path", "method", "status"], registry=reg,
        )  # fmt: skip
        self.latency = Histogram(
            "http_request_duration_seconds", "Time to answer an HTTP request, by path",
            ["path"], buckets=BUCKETS, registry=reg,
        )  # fmt: skip

    def record_counts(self, counts: metrics.Counts) -> None:
        for key, n in counts.items():
            counter = self.skill[key.name]
            (counter.labels(key.value) if key.value is not None else counter).inc(n)

    def record_request(self, path: str, method: str, status: int, seconds: float) -> None:
        path = path if path in PATHS else "other"
        method = method if method in METHODS else "other"
        self.requests.labels(path, method, str(status)).inc()
        self.latency.labels(path).observe(seconds)

    def record_refusal(self, status: int) -> None:
        """An answer the server wrote before any app ran: no path or method it could trust."""
        self.requests.labels("other", "other", str(status)).inc()

    def exposition(self) -> bytes:
        from prometheus_client import CollectorRegistry, generate_latest

        if self.registry is not None:
            return generate_latest(self.registry)
        from prometheus_client import multiprocess as mp

        registry = CollectorRegistry()
        mp.MultiProcessCollector(registry)
        return generate_latest(registry)


_made: Figures | None = None


@cache
def figures() -> Figures:
    """One set per process: prometheus_client refuses two metrics of one name in a registry,
    and in multiprocess mode every app in the process writes the same files anyway."""
    global _made
    _made = Figures()
    return _made


def record_refusal(status: int) -> None:
    """Count an answer gunicorn wrote itself (skill_web/gevent_worker.py), if this process's
    app serves /metrics; otherwise there is nothing to count into."""
    if _made is not None:
        _made.record_refusal(status)
