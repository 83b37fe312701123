"""The skill object, built once at import, and the Lambda entry point that uses it.

The SDK's own `SkillBuilder.lambda_handler()` rebuilds the skill and round-trips the event
through json.dumps on every call; ours builds once, deserialises the event as given, and
turns a request that cannot even be deserialised into a spoken recovery, not an exception.
This module only wires: every response is made in skill/handlers/responses.py.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from ask_sdk_core.skill_builder import CustomSkillBuilder
from ask_sdk_model import RequestEnvelope
from ask_sdk_model.request import Request

from skill import metrics
from skill.api_client import UrllibApiClient, api_endpoint_scope
from skill.handlers import EXCEPTION_HANDLERS, HANDLERS
from skill.handlers.responses import without_handler
from skill.logs import get_logger
from skill.serialization import BadEnvelope, Serializer

log = get_logger("skill")


# Per Alexa API call; a reminder makes two (time zone, then the reminder), so the whole
# exchange stays within 2 seconds, far inside Alexa's 8-second limit.
API_TIMEOUT_SECONDS = 1.0


def build_skill() -> Any:
    sb = CustomSkillBuilder(api_client=UrllibApiClient(timeout=API_TIMEOUT_SECONDS))
    for handler in HANDLERS:
        sb.add_request_handler(handler)
    for handler in EXCEPTION_HANDLERS:
        sb.add_exception_handler(handler)
    return sb.create()


skill = build_skill()
serializer = Serializer()


# Request types this SDK can deserialise; Alexa may send newer ones.
KNOWN_REQUEST_TYPES = frozenset(Request.discriminator_value_class_map)


def read_envelope(event: Any) -> RequestEnvelope | None:
    """The rule for what is an Alexa request, for every transport: a JSON object with a
    ``request.type`` and ``context.System`` (Alexa sends both on every request) that the SDK
    deserialises. None for one whose request type is newer than this SDK: Alexa's, not junk.
    Raises BadEnvelope otherwise."""
    if not isinstance(event, dict):
        raise BadEnvelope("not a JSON object")
    request, context = event.get("request"), event.get("context")
    if not isinstance(request, dict) or not isinstance(request.get("type"), str):
        raise BadEnvelope("missing 'request.type'")
    if not isinstance(context, dict) or not isinstance(context.get("System"), dict):
        raise BadEnvelope("missing 'context.System'")
    if request["type"] not in KNOWN_REQUEST_TYPES:
        return None
    try:
        envelope = serializer.envelope_from_dict(event)
    except Exception as exc:  # noqa: BLE001 - the SDK raises several kinds for a bad shape
        raise BadEnvelope(f"does not deserialise ({type(exc).__name__})") from exc
    if envelope is None or envelope.request is None:
        raise BadEnvelope("no request")
    return envelope


def answer(event: Any, context: Any = None) -> dict[str, Any]:
    """Answer one Alexa request given as parsed JSON. An event that is not one raises
    BadEnvelope, so the web service can refuse it (400); nothing else raises: a failure
    outside the handlers is answered with the spoken apology."""
    envelope = read_envelope(event)
    if envelope is None:  # as UnhandledRequestHandler: a spoken recovery, not an error
        log.info("unhandled request type=unknown to the SDK")
        return serializer.serialize(without_handler(None, understood=False))
    try:
        with api_endpoint_scope(event):  # the access token may go to this endpoint only
            response = skill.invoke(request_envelope=envelope, context=context)
        return serializer.serialize(response)
    except Exception as exc:  # noqa: BLE001 - Alexa must always get an answer
        log.error("request failed outside the handlers: %s", type(exc).__name__)
        metrics.count("HandlerError")
        return serializer.serialize(without_handler(event["request"]["type"]))


def handle_event(event: Any, context: Any = None) -> dict[str, Any]:
    """answer() for Lambda, which cannot refuse a request: never raises. Only Alexa can invoke
    the function (template.yaml), so an event it cannot read still counts as an error."""
    try:
        return answer(event, context)
    except BadEnvelope as exc:
        log.error("request is not an Alexa request envelope: %s", exc)
        metrics.count("HandlerError")
        request = event.get("request") if isinstance(event, dict) else None
        kind = request.get("type") if isinstance(request, dict) else None
        return serializer.serialize(without_handler(kind))


METRICS_NAMESPACE = metrics.namespace()  # METRICS_NAMESPACE, read once per process


def lambda_handler(event: Any, context: Any) -> dict[str, Any]:
    """The Lambda entry point: answer, then flush this invocation's counters once to stdout
    as CloudWatch EMF, which Lambda's log stream turns into metrics (no API call, no SDK)."""
    # metrics.collect(), written out: a with-block on a Python class costs about as much
    # per invocation as all the counting in it (docs/performance.md).
    counts: metrics.Counts = {}
    token = metrics.ACTIVE.set(counts)
    try:
        response = handle_event(event, context)
    finally:
        metrics.ACTIVE.reset(token)
    if counts:
        sys.stdout.write(metrics.emf_text(counts, METRICS_NAMESPACE, time.time_ns() // 1_000_000))
        sys.stdout.flush()
    return response
