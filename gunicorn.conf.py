"""Production settings for the web service; gunicorn reads this file from the working directory.

    ALEXA_SKILL_IDS=amzn1.ask.skill.YOUR-ID gunicorn 'skill.web:create_app()'

run from the repository root. Command-line flags override what is set here. Why these values:
docs/web-service.md (slow clients, deadlines, when to put a buffering proxy in front).
"""

import os

wsgi_app = "skill.web:create_app()"  # so a bare `gunicorn` serves the skill too
# bind: gunicorn's default, 127.0.0.1:8000 (or 0.0.0.0:$PORT); pass --bind to change it.

# gevent: a connection waiting for bytes holds a greenlet, not a thread. The subclass adds the
# body deadline and answers gunicorn's own errors as JSON (skill/gevent_worker.py).
worker_class = "skill.gevent_worker.DeadlineGeventWorker"
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

# Request size limits (gunicorn's defaults, stated): the body limit (128 KiB) is skill.web's.
limit_request_line = 4094
limit_request_fields = 50
limit_request_field_size = 8190

# skill.web writes one JSON line per request to stderr; gunicorn logs its start and workers.
loglevel = "info"
accesslog = None
