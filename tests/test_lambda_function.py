"""The Lambda entry point pauses the cyclic collector while the skill imports, then freezes
what the import made; it leaves the collector as it found it. Each case is a fresh process,
since a module imports once."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.support import ROOT, launch

IMPORT = """
import gc, json, sys
gc.{before}()
import lambda_function
state = {{"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}}
answer = lambda_function.lambda_handler(json.loads(sys.argv[1]), None)
print(json.dumps({{**state, "spoken": answer["response"]["outputSpeech"]["ssml"]}}))
"""


@pytest.mark.parametrize("before", ["enable", "disable"])
def test_the_collector_is_left_as_found_and_the_import_frozen(before: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", IMPORT.format(before=before), json.dumps(launch())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    state = json.loads(proc.stdout.strip().splitlines()[-1])
    assert state["enabled"] is (before == "enable")
    assert state["frozen"] > 10_000  # the SDK's and the skill's modules, classes, functions
    assert state["spoken"].startswith("<speak>")


FIRST_LAUNCH = """
import json, sys
import lambda_function
lambda_function.lambda_handler(json.loads(sys.argv[1]), None)
print(json.dumps(sorted(sys.modules)))
"""

# Modules a cold start answering a LaunchRequest from a device without a screen must not
# load: each is a slice of every cold start (docs/performance.md), and none is needed.
NOT_ON_THE_FIRST_LAUNCH = {
    "yaml": "the content comes from its parsed cache",
    "logging": "loggers import it when something is logged",
    "hashlib": "the seal uses the built-in BLAKE2 (hashlib loads OpenSSL)",
    "hmac": "only a reply that carries a seal is checked",
    "dateutil.parser": "Alexa's ISO timestamps are read with datetime.fromisoformat",
    "skill.screen": "only a device with a screen gets a document",
    "skill.handlers.reminders": "only a reminder request needs the Alexa reminders API",
}


def test_a_cold_launch_loads_only_what_it_needs() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", FIRST_LAUNCH, json.dumps(launch())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = set(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert "skill.app" in loaded
    assert {m: why for m, why in NOT_ON_THE_FIRST_LAUNCH.items() if m in loaded} == {}
