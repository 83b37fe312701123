"""`python -m skill_tools console`: loopback by default, a warning otherwise, one-line usage errors.

Real processes and real sockets on this machine; nothing connects beyond 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator

import pytest

import dev
from skill_tools.__main__ import COMMANDS
from skill_tools.console import cli, create_app


@contextlib.contextmanager
def console(*args: str) -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    """Run the console; yield it once it says where it listens, with its stderr lines so far."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "skill_tools", "console", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: list[str] = []
    try:
        assert proc.stderr is not None
        for line in proc.stderr:  # the process ends (EOF) if it cannot start
            lines.append(line.rstrip("\n"))
            if line.startswith("dev.py console: listening on"):
                break
        yield proc, lines
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _port(lines: list[str]) -> int:
    m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", lines[-1])
    assert m, lines
    return int(m.group(1))


def _get(port: int, path: str = "/") -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    finally:
        conn.close()


def test_by_default_it_binds_loopback():
    args = cli.build_parser().parse_args([])
    assert (args.host, args.port) == ("127.0.0.1", 8765)
    server = cli.make_server(args.host, 0, create_app())
    try:
        assert server.socket.getsockname()[0] == "127.0.0.1"
    finally:
        server.server_close()


def test_the_command_serves_the_console_on_loopback_without_a_warning():
    with console("--port", "0") as (proc, lines):
        assert len(lines) == 1, lines  # the listening line only: no warning
        port = _port(lines)
        assert _get(port, "/") == 200
        assert _get(port, "/content") == 200
    assert proc.returncode == 0


def test_a_non_loopback_host_is_served_with_a_warning():
    with console("--host", "0.0.0.0", "--port", "0") as (proc, lines):
        assert any(
            line.startswith("dev.py console: warning:") and "not loopback" in line for line in lines
        ), lines
        m = re.search(r"listening on http://0\.0\.0\.0:(\d+)/", lines[-1])
        assert m, lines
        assert _get(int(m.group(1))) == 200  # via 127.0.0.1; the Host check is off here
    assert proc.returncode == 0


@pytest.mark.parametrize(
    ("host", "warned"),
    [("127.0.0.1", False), ("localhost", False), ("::1", False), ("127.0.0.2", False),
     ("0.0.0.0", True), ("::", True), ("192.168.1.20", True), ("clinic-pc", True)],
)
def test_which_hosts_are_warned_about(host, warned):
    assert (cli.exposure_warning(host) is not None) == warned


@pytest.mark.parametrize(
    "args",
    [["--port", "abc"], ["--port", "70000"], ["--port", "-1"], ["--bogus"], ["--host", ""],
     ["--host", "a b"], ["extra"], ["--port"]],
)
def test_misuse_exits_2_with_one_line(args, capsys):
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("dev.py console: error:"), err


def test_misuse_through_the_real_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "skill_tools", "console", "--port", "nope"],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--port" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_taken_port_is_one_line_and_exit_1(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert cli.main(["--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot listen" in err


def test_console_is_one_more_command():
    assert "console" in COMMANDS
    assert dev.COMMANDS["console"][0] == ["-m", "skill_tools", "console"]
