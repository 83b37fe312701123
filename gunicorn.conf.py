"""Production settings for the web service; gunicorn reads this file from the working directory.

    ALEXA_SKILL_IDS=amzn1.ask.skill.YOUR-ID gunicorn 'skill_web.app:create_app()'

run from the repository root. Command-line flags override what is set here. Why these values:
docs/web-service.md (slow clients, deadlines, when to put a buffering proxy in front).

gunicorn runs this file once in the master, before any worker starts, so it is where the
settings are checked (one line and exit 2 for a bad one, instead of a traceback per worker)
and where the workers' shared session key is made.
"""

import os
import sys


def _stop(message: str) -> None:
    print(f"gunicorn.conf.py: {message}", file=sys.stderr)
    sys.exit(2)


def _whole(name: str, default: str, low: int, high: int) -> int:
    value = os.environ.get(name, "").strip() or default
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        _stop(f"{name} must be a whole number from {low} to {high} (got {value!r})")
    return int(value)


# The app's own settings (skill_web/settings.py), checked here once; each worker reads them
# again in create_app().
try:
    from skill_web.settings import ConfigError, Settings

    Settings.from_env()
except ConfigError as exc:
    _stop(str(exc))

# Repeat speaks only replies sealed with SKILL_SESSION_KEY (skill/seal.py), read when a worker
# imports the skill. Unset, every worker would make its own key and refuse its siblings' seals;
# a key made here, before the workers fork, is shared by all workers of this server (not by
# other hosts or the next start: set the variable for those, docs/deploy.md#the-session-key).
if not os.environ.get("SKILL_SESSION_KEY"):
    os.environ["SKILL_SESSION_KEY"] = os.urandom(32).hex()

wsgi_app = "skill_web.app:create_app()"  # so a bare `gunicorn` serves the skill too
# Loopback unless HOST says otherwise (gunicorn's own default turns to 0.0.0.0 when PORT is
# set); --bind on the command line wins over both.
_host = os.environ.get("HOST", "").strip().strip("[]") or "127.0.0.1"
_port = _whole("PORT", "8000", 0, 65535)  # 0: any free port (the "Listening at" line says it)
bind = [f"[{_host}]:{_port}" if ":" in _host else f"{_host}:{_port}"]  # IPv6 in brackets
# gunicorn 25.1+ opens a control socket, by default one path per user (~/.gunicorn/gunicorn.ctl)
# that two servers would share and the first to stop would delete. Not used here: off.
control_socket_disable = True

# gevent: a connection waiting for bytes holds a greenlet, not a thread. The subclass adds the
# body deadline and answers gunicorn's own errors as JSON (skill_web/gevent_worker.py).
worker_class = "skill_web.gevent_worker.DeadlineGeventWorker"
workers = _whole("WEB_CONCURRENCY", "2", 1, 256)  # one per core: the work is CPU-bound
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
