"""`python3 dev.py` behaves like a tool: help, misuse, and signals that reach the real command."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
from types import ModuleType

import pytest

from tests.support import ROOT

DEV = [sys.executable, str(ROOT / "dev.py")]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def import_dev() -> ModuleType:
    sys.path.insert(0, str(ROOT))
    try:
        import dev
    finally:
        sys.path.remove(str(ROOT))
    return dev


@pytest.mark.parametrize("args", [[], ["--help"], ["-h"], ["help"]], ids=str)
def test_help_lists_every_command_with_a_line_and_exits_0(args: list[str]) -> None:
    dev = import_dev()
    proc = run(*DEV, *args)
    assert proc.returncode == 0, proc.stderr
    for name in dev.COMMANDS:
        assert re.search(rf"^  {name} +\S.+$", proc.stdout, re.M), name


def test_the_deploy_tools_get_their_own_venv_and_never_go_into_the_projects() -> None:
    """aws-sam-cli pins python-dateutil<3: installed into .venv it downgraded what the Lambda
    package ships, so the zip depended on whether `dev.py sam` had ever run."""
    dev = import_dev()
    for name, (_, _, env) in dev.COMMANDS.items():
        label, pip_args = dev.install_plan(env)
        if env == dev.VENV:
            assert "deploy" not in label.split(","), name
            assert not any("aws-sam-cli" in arg or "deploy" in arg for arg in pip_args), name
    sam_env = dev.COMMANDS["sam"][2]
    assert sam_env != dev.VENV and dev.python_of(sam_env) != dev.python_of(dev.VENV)
    _, pip_args = dev.install_plan(sam_env)
    assert any(arg.startswith("aws-sam-cli") for arg in pip_args)
    assert "-e" not in pip_args  # the deploy tools only, not the project and its dependencies
    # A .venv an older dev.py filled with the deploy extra is rebuilt, not patched: pip cannot
    # undo the downgrade.
    assert dev.must_recreate(dev.VENV, "deploy,dev,web")
    assert not dev.must_recreate(dev.VENV, "dev,web")
    assert not dev.must_recreate(sam_env, "deploy")


def test_an_unknown_command_is_one_line_and_exit_2() -> None:
    proc = run(*DEV, "frobnicate")
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "frobnicate" in proc.stderr


@pytest.mark.parametrize("module", ["skill_tools", "skill"])  # `skill` points to the tools
@pytest.mark.parametrize("args", [["--help"], []], ids=["--help", "no command"])
def test_python_m_skill_help_exits_0(module: str, args: list[str]) -> None:
    proc = run(sys.executable, "-m", module, *args)
    assert proc.returncode == 0, proc.stderr
    assert "simulate" in proc.stdout and "check" in proc.stdout


@pytest.mark.parametrize("module", ["skill_tools", "skill"])
def test_python_m_skill_unknown_command_is_one_line_and_exit_2(module: str) -> None:
    proc = run(sys.executable, "-m", module, "frobnicate")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def _port_is_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def test_sigterm_to_dev_py_serve_stops_the_server_and_frees_its_port() -> None:
    proc = subprocess.Popen(
        [*DEV, "serve", "--port", "0", "--no-verify"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    found = threading.Event()
    port: list[int] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            match = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if match and not port:
                port.append(int(match[1]))
                found.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert found.wait(120), "the server never said where it listens"
        assert not _port_is_free(port[0])
        proc.send_signal(signal.SIGTERM)  # to the process `python3 dev.py` started as
        assert proc.wait(timeout=30) == 0
        assert _port_is_free(port[0]), "a server survived dev.py and still holds the port"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


TOOLS = ["simulate", "check", "package", "console", "serve"]


@pytest.mark.parametrize(
    "command",
    [
        *TOOLS[:-1],
        "serve",
    ],
)  # fmt: skip
def test_every_tool_names_itself_as_typed_through_dev_py(command: str) -> None:
    """One scheme for every tool's messages: `dev.py <command>: ...`, as the docs run it."""
    proc = run(sys.executable, "-m", "skill_tools", command, "--bogus-option")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith(f"dev.py {command}: error: "), proc.stderr


def test_the_dispatcher_and_bench_name_themselves_the_same_way() -> None:
    proc = run(sys.executable, "-m", "skill_tools", "frobnicate")
    assert proc.stderr.startswith("dev.py: unknown command 'frobnicate'"), proc.stderr
    proc = run(sys.executable, str(ROOT / "bench" / "run.py"), "frobnicate")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1, proc.stderr
    assert proc.stderr.startswith("dev.py bench: error: "), proc.stderr


def test_serve_help_names_every_setting_the_service_reads() -> None:
    from skill.seal import KEY_ENV

    source = (ROOT / "skill_web" / "settings.py").read_text(encoding="utf-8")
    names = {*re.findall(r'env\.get\("([A-Z_]+)"', source), KEY_ENV}
    assert len(names) >= 7, names
    proc = run(sys.executable, "-m", "skill_tools", "serve", "--help")
    assert proc.returncode == 0
    text = " ".join(proc.stdout.split())
    assert sorted(n for n in names if n not in text) == []
