"""gunicorn.conf.py as gunicorn runs it: real gunicorn processes on 127.0.0.1.

- Without SKILL_SESSION_KEY the master makes one key for all its workers, so a reply sealed
  by one worker is repeated by another.
- A bad setting stops gunicorn with one line naming it, before any worker starts.
- PORT alone binds loopback (gunicorn's own default would be 0.0.0.0); HOST chooses the interface.
- No control socket is left under $HOME for another instance to share.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from skill.content import load
from tests.support import ROOT, intent, launch, speech
from tests.web_support import GUNICORN_READY, Server, gunicorn_argv, http_request

pytest.importorskip("gevent")
pytest.importorskip("gunicorn")

APP = "skill_web.app:create_app()"
TOPIC = "WhatAreLegCrampsIntent"


def _post(port: int, env: dict[str, Any], seq: int) -> dict[str, Any]:
    status, body = http_request(
        port,
        "POST",
        "/",
        json.dumps(env),
        {"Content-Type": "application/json", "X-Seq": str(seq), "Connection": "close"},
    )
    assert status == 200, body
    return json.loads(body)


def test_repeat_works_whichever_worker_answers(tmp_path: Path) -> None:
    """Two workers, no SKILL_SESSION_KEY: the topic's answer is sealed by one worker and repeated
    by the other. The access log names the worker (pid) of each numbered request."""
    access = tmp_path / "access.log"
    argv = gunicorn_argv(
        APP, "--access-logfile", str(access), "--access-logformat", "%(p)s %({x-seq}i)s"
    )
    env = {"ALEXA_VERIFY": "0", "WEB_CONCURRENCY": "2", "SKILL_SESSION_KEY": ""}
    server = Server(argv, GUNICORN_READY, env)
    try:
        first = _post(server.port, launch(), 0)
        answer = _post(server.port, intent(TOPIC, first["sessionAttributes"]), 1)
        said = speech(answer)
        attributes = answer["sessionAttributes"]
        repeats: dict[int, str] = {}
        seq = 2
        while seq < 300:  # until another worker than the topic's answered enough repeats
            again = _post(server.port, intent("AMAZON.RepeatIntent", attributes), seq)
            repeats[seq] = speech(again)
            attributes = again["sessionAttributes"]
            seq += 1
            if seq >= 40 and seq % 10 == 0 and _other_worker_repeats(access, repeats) >= 3:
                break
    finally:
        assert server.stop() == 0
    served = _pids_by_seq(access)
    assert len({served[s] for s in repeats} - {served[1]}) == 1, served  # the other worker
    assert _other_worker_repeats(access, repeats) >= 3
    wrong = {s: text for s, text in repeats.items() if text != said}
    assert not wrong, f"{len(wrong)} of {len(repeats)} repeats differ: {list(wrong.items())[:2]}"
    assert load().prompt("nothing_to_repeat") not in said


def _pids_by_seq(access: Path) -> dict[int, str]:
    time.sleep(0.1)  # the workers write their lines after answering
    rows = (line.split() for line in access.read_text().splitlines())
    return {int(seq): pid for pid, seq in rows if seq.isdigit()}


def _other_worker_repeats(access: Path, repeats: dict[int, str]) -> int:
    served = _pids_by_seq(access)
    topic_pid = served.get(1)
    return sum(1 for s in repeats if served.get(s) not in (None, topic_pid))


# ------------------------------------------------------------------------------ bad settings


BAD = [
    ("ALEXA_VERIFY", "maybe"),
    ("LOG_LEVEL", "loud"),
    ("ALEXA_TRUST_STORE", "/nonexistent/roots.pem"),
    ("PORT", "http"),
    ("WEB_CONCURRENCY", "0"),
    ("WEB_CONCURRENCY", "abc"),  # gunicorn reads this one when imported: dev.py's runner
]


@pytest.mark.parametrize(("name", "value"), BAD, ids=[f"{n}={v}" for n, v in BAD])
def test_a_bad_setting_is_one_line_before_any_worker(
    name: str, value: str, tmp_path: Path
) -> None:
    """What `python3 dev.py gunicorn 'skill_web.app:create_app()'` runs, with one bad value."""
    env = {
        **_clean_environ(),
        "HOME": str(tmp_path),
        "ALEXA_VERIFY": "0",
        name: value,
    }
    done = subprocess.run(
        [sys.executable, "-m", "skill_web.gunicorn_run", APP],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    lines = done.stderr.splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"gunicorn.conf.py: {name}"), lines
    assert value in lines[0]
    assert "Traceback" not in done.stderr and "Booting worker" not in done.stderr


def _clean_environ() -> dict[str, str]:
    import os

    keep = ("PATH", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV", "SYSTEMROOT", "TMPDIR")
    return {k: v for k in keep if (v := os.environ.get(k)) is not None}


# ------------------------------------------------------------------------ where it listens


def _listening(tmp_path: Path, **env: str) -> str:
    """Start gunicorn without --bind (gunicorn.conf.py decides); its "Listening at" address."""
    argv = [sys.executable, "-m", "gunicorn", APP]
    home = tmp_path / f"home-{uuid.uuid4().hex[:8]}"
    home.mkdir()
    settings = {
        "ALEXA_VERIFY": "0", "WEB_CONCURRENCY": "1", "HOME": str(home),
        "XDG_RUNTIME_DIR": "", "HOST": "", **env,
    }  # fmt: skip
    server = Server(argv, r"Listening at: http://[0-9.]+:(\d+)", settings)
    try:
        line = next(x for x in server.lines if "Listening at:" in x)
        address = line.split("Listening at: http://")[1].split()[0]
        host = address.rsplit(":", 1)[0]
        # listening there, and a worker answers (stopped while it boots, gunicorn waits out
        # graceful_timeout for it)
        conn = http.client.HTTPConnection(host, server.port, timeout=10)
        try:
            conn.request("GET", "/healthz")
            assert conn.getresponse().status == 200
        finally:
            conn.close()
    finally:
        assert server.stop() == 0
    assert not (home / ".gunicorn").exists()  # no control socket shared through $HOME
    return address


def test_port_alone_binds_loopback(tmp_path: Path) -> None:
    assert _listening(tmp_path, PORT="0").startswith("127.0.0.1:")


def test_host_chooses_the_interface(tmp_path: Path) -> None:
    assert _listening(tmp_path, HOST="127.0.0.2", PORT="0").startswith("127.0.0.2:")
