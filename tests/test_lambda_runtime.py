"""The built function, run the way Lambda runs it.

AWS's own runtime interface client (awslambdaric) runs in a separate interpreter that sees only
the standard library, a copy of awslambdaric (Lambda's /var/runtime) and a read-only copy of
the built function (Lambda's /var/task), with the handler string from the template. It talks
to a local Runtime API on 127.0.0.1 (tests/lambda_runtime_api.py). The conversation goes
through the simulator, as from an Echo, and must match the in-process skill turn for turn.

The function folder is `$LAMBDA_BUILD_DIR` when set (CI: `.aws-sam/build/SkillFunction`, what
`sam build` made); otherwise this test builds it with the same Makefile target `sam build` runs.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from skill_tools.simulator import Simulator, load_nlu
from skill_tools.simulator.envelopes import EnvelopeFactory
from skill_tools.simulator.session import in_process_transport
from tests.lambda_runtime_api import RuntimeAPI
from tests.support import ROOT
from tests.test_template import TEMPLATE, _CfnLoader

MODEL = ROOT / "interaction_model" / "interactionModels" / "custom" / "en-US.json"
CONTENT = yaml.safe_load((ROOT / "skill" / "content" / "en-US.yaml").read_text(encoding="utf-8"))
RIC_DISTRIBUTIONS = ("awslambdaric", "simplejson", "snapshot-restore-py")
API_ENDPOINT = "http://127.0.0.1:9"  # Alexa API calls (none expected) go nowhere

# What Lambda's bootstrap does: the function folder and the runtime folder on the path, then
# awslambdaric's main with the handler from _HANDLER.
LAUNCH = (
    "import os, sys; "
    "sys.path[:0] = [os.environ['LAMBDA_TASK_ROOT'], os.environ['LAMBDA_RUNTIME_DIR']]; "
    "from awslambdaric.__main__ import main; main([sys.argv[0], os.environ['_HANDLER']])"
)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="awslambdaric ships Linux wheels only"
)


def handler_from(template: Path) -> str:
    data = yaml.load(template.read_text(encoding="utf-8"), Loader=_CfnLoader)  # noqa: S506
    return data["Resources"]["SkillFunction"]["Properties"]["Handler"]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The built function folder and the handler string of the template it was built from."""
    given = os.environ.get("LAMBDA_BUILD_DIR")
    if given:
        folder = Path(given).resolve()
        assert (folder / "lambda_function.py").is_file(), f"LAMBDA_BUILD_DIR={given}: no build"
        built_template = folder.parent / "template.yaml"  # what `sam build` writes beside it
        return folder, handler_from(built_template if built_template.is_file() else TEMPLATE)
    if shutil.which("make") is None:
        pytest.skip("make is not installed: set LAMBDA_BUILD_DIR to a `sam build` output")
    folder = tmp_path_factory.mktemp("artifacts")
    proc = subprocess.run(
        ["make", "--makefile", "sam/Makefile", "build-SkillFunction", f"ARTIFACTS_DIR={folder}",
         f"PYTHON={sys.executable}"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return folder, handler_from(TEMPLATE)


def runtime_folder(into: Path) -> Path:
    """Lambda's /var/runtime: awslambdaric and its dependencies, copied from this environment."""
    for name in RIC_DISTRIBUTIONS:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            pytest.fail(f"{name} is not installed: python3 dev.py test installs it (dev extra)")
        for file in dist.files or []:
            if file.parts[0] == ".." or ".dist-info" in file.parts[0]:
                continue
            source = Path(dist.locate_file(file))
            if source.is_file():
                (into / file).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, into / file)
    return into


def snapshot(folder: Path) -> dict[str, str]:
    def digest(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""

    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*"))}


def set_writable(folder: Path, writable: bool) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        write = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
        mode = mode | stat.S_IWUSR if writable else mode & ~write
        path.chmod(mode)


class Function:
    """The function process under awslambdaric, and the Runtime API it polls."""

    def __init__(self, process: subprocess.Popen, api: RuntimeAPI) -> None:
        self.process = process
        self.api = api

    def invoke(self, event: bytes) -> Any:
        return self.api.invoke(event, alive=lambda: self.process.poll() is None)

    def transport(self, envelope: dict[str, Any]) -> dict[str, Any]:
        outcome = self.invoke(json.dumps(envelope).encode("utf-8"))
        assert outcome.kind == "response", (outcome.error_type, outcome.body[:500])
        return outcome.json()


@pytest.fixture(scope="module")
def function(
    build: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Function]:
    folder, handler = build
    base = tmp_path_factory.mktemp("lambda")
    task = base / "task"
    shutil.copytree(folder, task, symlinks=True)
    runtime = runtime_folder(base / "runtime")
    set_writable(task, False)
    before = snapshot(task)
    api = RuntimeAPI()
    address = api.start()
    log = (base / "function.log").open("w+b")
    env = {
        "PATH": "/usr/bin:/bin",
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "LAMBDA_TASK_ROOT": str(task),
        "LAMBDA_RUNTIME_DIR": str(runtime),
        "_HANDLER": handler,
        "AWS_LAMBDA_RUNTIME_API": address,
        "AWS_EXECUTION_ENV": "AWS_Lambda_python3.11",
        "AWS_LAMBDA_FUNCTION_NAME": "leg-cramp-helper",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", "-c", LAUNCH], cwd=task, env=env, stdout=log, stderr=log
    )
    try:
        yield Function(process, api)
    finally:
        process.terminate()
        process.wait(timeout=30)
        api.stop()
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
        after = snapshot(task)
        set_writable(task, True)
        # Lambda's /var/task is read-only: the function must not have needed to write there
        # (no bytecode compiled at run time, no content cache written).
        assert after == before, f"the function wrote into its folder:\n{output[-2000:]}"


def conversation(transport: Any, *utterances: str) -> list[Any]:
    sim = Simulator(
        load_nlu(MODEL), EnvelopeFactory(api_endpoint=API_ENDPOINT), transport=transport
    )
    return [sim.say(u) for u in utterances]


def response_of(turn: Any) -> dict[str, Any]:
    response = dict(turn.response["response"])
    return {k: response.get(k) for k in ("outputSpeech", "reprompt", "card", "shouldEndSession")}


SCRIPT = (
    "open leg cramp helper",
    "why do my legs cramp at night",
    "check my symptoms",
    "yes",
    "yes",
)


def test_launch_the_headline_question_and_a_whole_check_under_awslambdaric(
    function: Function,
) -> None:
    turns = conversation(function.transport, *SCRIPT)
    assert [t.request_type for t in turns] == ["LaunchRequest"] + ["IntentRequest"] * 4
    assert [t.intent for t in turns[1:]] == [
        "LegCrampsAtNightIntent", "SymptomCheckIntent", "AMAZON.YesIntent", "AMAZON.YesIntent"
    ]
    assert all(t.response["response"]["shouldEndSession"] is False for t in turns)
    night = turns[1].response["response"]["card"]
    assert night["title"] == CONTENT["topics"]["LegCrampsAtNightIntent"]["title"]
    result = turns[-1].response["response"]["card"]
    sleep = CONTENT["check"]["outcomes"]["see_specialist"]["title_for"]["FREQUENT_SLEEP"]
    assert result["title"] == sleep  # frequent, and disrupting sleep: a consultation
    # Turn for turn what the skill says in process (the simulator's own transport).
    expected = conversation(in_process_transport, *SCRIPT)
    assert [response_of(t) for t in turns] == [response_of(t) for t in expected]


def test_an_event_that_is_not_json_is_an_error_and_the_function_lives_on(
    function: Function,
) -> None:
    outcome = function.invoke(b"{this is not json")
    assert outcome.kind == "error"
    assert outcome.json()["errorType"] == "Runtime.UnmarshalError", outcome.body
    after = function.invoke(json.dumps({"request": "not an envelope"}).encode())
    assert after.kind == "response"


def test_an_event_that_is_not_an_envelope_gets_a_spoken_recovery(function: Function) -> None:
    outcome = function.invoke(b'{"version": "1.0", "request": {"type": 42}}')
    assert outcome.kind == "response", outcome.body
    response = outcome.json()["response"]
    assert response["outputSpeech"]["ssml"].startswith("<speak>")
    # and the next conversation still works: the process survived
    (turn,) = conversation(function.transport, "open leg cramp helper")
    assert turn.response["response"]["shouldEndSession"] is False
