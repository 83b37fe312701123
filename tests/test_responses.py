"""One response path: every response the skill sends is made in skill/handlers/responses.py.

The malformed-request answers (made outside the SDK's dispatch) and the handlers' answers
must agree, and no other runtime module may build a response or restate the silent types.
"""

from __future__ import annotations

import ast
import json
import logging
from pathlib import Path

import pytest

from skill.app import handle_event
from skill.handlers import responses
from skill.handlers.intents import CatchAllExceptionHandler
from skill_tools import response_checks
from skill_tools.response_checks import check_response
from tests.support import ROOT, intent


def _handler_input(envelope: dict):
    from ask_sdk_core.attributes_manager import AttributesManager
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_model import RequestEnvelope

    env = DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)
    return HandlerInput(request_envelope=env, attributes_manager=AttributesManager(env))


def _spoken(response: dict) -> tuple:
    inner = response["response"]
    return (
        inner["outputSpeech"],
        inner.get("reprompt"),
        inner.get("shouldEndSession"),
        inner.get("card"),
    )


def test_the_recovery_for_a_malformed_request_is_the_handlers_apology(caplog):
    """Same words, same shape: the catch-all handler's reply and the one made without a
    handler come from one Reply through one renderer."""
    from skill.serialization import Serializer

    with caplog.at_level(logging.CRITICAL, logger="skill"):
        malformed = handle_event({"version": "1.0", "request": {"type": "IntentRequest"}})
        handled = CatchAllExceptionHandler().handle(_handler_input(intent("X")), KeyError())
    rendered = {"response": Serializer().serialize(handled)}
    assert _spoken(malformed) == _spoken(rendered)
    assert malformed["sessionAttributes"] == {}  # no session is known: none is kept
    assert check_response(malformed, "IntentRequest") == []


@pytest.mark.parametrize("request_type", sorted(responses.SILENT_REQUEST_TYPES))
def test_a_malformed_silent_request_gets_the_silent_envelope(request_type, caplog):
    with caplog.at_level(logging.CRITICAL, logger="skill"):
        out = handle_event({"request": {"type": request_type}})
    assert out == {"version": "1.0", "sessionAttributes": {}, "response": {}}
    assert check_response(out, request_type) == []


def test_the_response_checks_use_the_runtime_s_silent_types():
    assert response_checks.SILENT_REQUEST_TYPES is responses.SILENT_REQUEST_TYPES


def _names_built_or_assigned(path: Path) -> set[str]:
    """Names a module calls (Response(...), ResponseEnvelope(...)) or assigns at top level."""
    tree = ast.parse(path.read_text("utf-8"))
    called = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assigned = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    return called | assigned


def test_only_the_responses_module_builds_responses_or_names_the_silent_types():
    owners = {}
    for path in sorted((ROOT / "skill").rglob("*.py")):
        found = _names_built_or_assigned(path) & {
            "Response",
            "ResponseEnvelope",
            "ResponseFactory",
            "SILENT_REQUEST_TYPES",
        }
        if found:
            owners[path.relative_to(ROOT).as_posix()] = found
    assert owners == {
        "skill/handlers/responses.py": {
            "Response",
            "ResponseEnvelope",
            "ResponseFactory",
            "SILENT_REQUEST_TYPES",
        }
    }


def test_literal_envelopes_are_not_written_by_hand_in_the_app():
    source = (ROOT / "skill" / "app.py").read_text("utf-8")
    assert '"response"' not in source and '"sessionAttributes"' not in source
