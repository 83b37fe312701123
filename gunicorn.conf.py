"""Production settings for the web service; gunicorn reads this file from the working directory.

    ALEXA_SKILL_IDS=amzn1.ask.skill.YOUR-ID gunicorn 'skill_web.app:create_app()'

run from the repository root. Command-line flags override what is set here. Why these values:
docs/web-service.md (slow clients, deadlines, when to put a buffering proxy in front).
"""

import os

wsgi_app = "skill_web.app:create_app()"  # so a bare `gunicorn` serves the skill too
# bind: gunicorn's default, 127.0.0.1:8000 (or 0.0.0.0:$PORT); pass --bind to change it.

# gevent: a connection waiting for bytes holds a greenlet, not a thread. The subclass adds the
# body deadline and answers gunicorn's own errors as JSON (skill_web/gevent_worker.py).
worker_class = "skill_web.gevent_worker.DeadlineGeventWorker"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))  # one per core: the work is CPU-bound
worker_connections = 1000  # open connections per worker; past it, new ones wait in the backlog
backlog = 1024

# Deadlines. In the gevent worker one timer of `keepalive` seconds bounds both the idle wait for
# the next request on a kept-alive connection and the arrival of a request line and headers,
# however slowly they trickle: it is the header deadline. The body deadline (10 s for the whole
# body) is DeadlineGeventWorker.body_timeout. keepalive must stay above 0: at 0 gunicorn reads
# the headers without any deadline.
keepalive = 5
timeout = 30  # a worker that stops answering the arbiter for this long is restarted
graceful_timeout = 10  # on SIGTERM, requests in flight get this long to finish

# Request size limits (gunicorn's defaults, stated): the body limit (128 KiB) is skill_web.app's.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

# skill_web.app writes one JSON line per request to stderr; gunicorn logs its start and workers.
loglevel = "info"
accesslog = None

# GET /metrics (METRICS_ENDPOINT=1): each worker is its own process, so prometheus_client's
# multiprocess mode keeps every worker's counts in files in PROMETHEUS_MULTIPROC_DIR, set here in
# the arbiter before any worker starts; /metrics in any worker adds them all up.
_metrics_dir: str | None = None


def on_starting(server):  # noqa: ARG001 - gunicorn's hook signature
    global _metrics_dir
    if os.environ.get("METRICS_ENDPOINT", "0").strip().lower() not in ("1", "true", "yes", "on"):
        return
    existing = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if existing:  # given: start from zero, as a restarted server should
        os.makedirs(existing, exist_ok=True)
        for name in os.listdir(existing):
            if name.endswith(".db"):
                os.remove(os.path.join(existing, name))
        return
    import tempfile

    _metrics_dir = tempfile.mkdtemp(prefix="skill-prometheus-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_dir


def child_exit(server, worker):  # noqa: ARG001
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


def on_exit(server):  # noqa: ARG001
    if _metrics_dir is not None:
        import shutil

        shutil.rmtree(_metrics_dir, ignore_errors=True)
