"""The WSGI apps bench/bench_web.py serves with gunicorn, side by side, the same way.

- ``verified()``: Leg Cramp Helper through skill_web.app with request verification on. It trusts the
  bench's own certificate authority (ALEXA_TRUST_STORE) and reads the signing chain from a file
  (BENCH_CERT_CHAIN for BENCH_CERT_URL) instead of downloading it: the bench stays on loopback.
- ``hello()``: the baseline, the ask-sdk-core hello-world skill (bench/hello_skill.py) served the
  same way (skill_web.app, same request log) with verification off.
- ``hello_bare()``: the same hello world behind the smallest Flask view a sample would write (no
  checks, no log), to show what skill_web.app itself costs.

    PYTHONPATH=<repo root> gunicorn --chdir bench 'web_apps:verified()'
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any


def verified() -> Any:
    from skill_web.app import create_app
    from skill_web.settings import Settings

    url = os.environ["BENCH_CERT_URL"]
    chain = Path(os.environ["BENCH_CERT_CHAIN"]).read_bytes()

    def fetch(wanted: str) -> bytes:
        if wanted != url:
            raise OSError(f"HTTP 404 fetching {wanted}")
        return chain

    # ALEXA_TRUST_STORE, ALEXA_SKILL_IDS from the environment, the fetcher from here
    return create_app(replace(Settings.from_env(), cert_fetcher=fetch))


def hello() -> Any:
    from hello_skill import lambda_handler

    from skill_web.app import create_app
    from skill_web.settings import Settings

    return create_app(replace(Settings.from_env(), verify=False), handle=lambda_handler)


def hello_bare() -> Any:
    from flask import Flask, jsonify, request
    from hello_skill import lambda_handler

    app = Flask(__name__)

    @app.post("/")
    def alexa() -> Any:
        return jsonify(lambda_handler(request.get_json(force=True), None))

    return app
