"""Request envelopes: what the SDK deserialises, shaped the way Alexa sends them."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import IntentRequest, LaunchRequest, RequestEnvelope, SessionEndedRequest

from skill_tools.model import model_path
from skill_tools.simulator.envelopes import (
    DEFAULT_API_ENDPOINT,
    DEFAULT_SKILL_ID,
    DeviceKind,
    EnvelopeFactory,
    SessionInfo,
    new_session_id,
)
from skill_tools.simulator.nlu import load_nlu

nlu = load_nlu(model_path("en-US"))
NOW = datetime(2026, 11, 25, 10, 0, 0, tzinfo=UTC)
NEW = SessionInfo("amzn1.echo-api.session.1", True)
OPEN = SessionInfo("amzn1.echo-api.session.1", False, {"pending": "check"})


def sdk(envelope: dict) -> RequestEnvelope:
    return DefaultSerializer().deserialize(json.dumps(envelope), RequestEnvelope)


def test_a_launch_starts_a_new_session_without_attributes() -> None:
    env = EnvelopeFactory(clock=lambda: NOW).launch(NEW)
    parsed = sdk(env)
    assert isinstance(parsed.request, LaunchRequest)
    assert parsed.session.new is True and parsed.session.attributes is None
    assert parsed.request.timestamp == NOW
    assert env["request"]["locale"] == "en-US"
    assert env["session"]["application"]["applicationId"] == DEFAULT_SKILL_ID
    assert env["context"]["System"]["application"]["applicationId"] == DEFAULT_SKILL_ID


def test_a_request_in_a_session_carries_its_attributes() -> None:
    env = EnvelopeFactory().intent(OPEN, nlu.resolve("yes"))
    parsed = sdk(env)
    assert isinstance(parsed.request, IntentRequest)
    assert parsed.request.intent.name == "AMAZON.YesIntent"
    assert env["session"]["new"] is False
    assert env["session"]["attributes"] == {"pending": "check"}


def test_every_request_gets_a_fresh_id_and_token_but_the_same_user_and_device() -> None:
    factory = EnvelopeFactory()
    a, b = factory.launch(NEW), factory.launch(NEW)
    assert a["request"]["requestId"] != b["request"]["requestId"]
    assert a["request"]["requestId"].startswith("amzn1.echo-api.request.")
    assert a["context"]["System"]["apiAccessToken"] != b["context"]["System"]["apiAccessToken"]
    sa, sb = a["context"]["System"], b["context"]["System"]
    assert sa["user"] == sb["user"]
    assert sa["device"]["deviceId"] == sb["device"]["deviceId"]
    assert a["session"]["user"]["userId"] == sa["user"]["userId"]
    assert new_session_id() != new_session_id()


def test_a_matched_slot_carries_entity_resolution_as_alexa_fills_it() -> None:
    factory = EnvelopeFactory(skill_id="amzn1.ask.skill.abc")
    slot = factory.intent(OPEN, nlu.resolve("most nights"))["request"]["intent"]["slots"][
        "frequency"
    ]
    authority = slot["resolutions"]["resolutionsPerAuthority"][0]
    assert slot["value"] == "most nights"
    assert slot["confirmationStatus"] == "NONE"
    assert authority["authority"] == (
        "amzn1.er-authority.echo-sdk.amzn1.ask.skill.abc.CrampFrequency"
    )
    assert authority["status"] == {"code": "ER_SUCCESS_MATCH"}
    assert authority["values"] == [{"value": {"name": "often", "id": "OFTEN"}}]
    assert slot["slotValue"]["type"] == "Simple"
    assert slot["slotValue"]["resolutions"] == slot["resolutions"]


def test_an_unmatched_slot_says_no_match_and_lists_no_values() -> None:
    env = EnvelopeFactory().intent(OPEN, nlu.resolve("they happen every solstice"))
    slot = env["request"]["intent"]["slots"]["frequency"]
    authority = slot["resolutions"]["resolutionsPerAuthority"][0]
    assert authority["status"] == {"code": "ER_SUCCESS_NO_MATCH"}
    assert "values" not in authority
    parsed = sdk(env).request.intent.slots["frequency"].resolutions.resolutions_per_authority
    assert parsed[0].status.code.value == "ER_SUCCESS_NO_MATCH"


def test_an_empty_slot_is_sent_with_its_name_only() -> None:
    env = EnvelopeFactory().intent(OPEN, nlu.resolve("they happen"))
    assert env["request"]["intent"]["slots"] == {
        "frequency": {"name": "frequency", "confirmationStatus": "NONE"},
        "hedge": {"name": "hedge", "confirmationStatus": "NONE"},
        "otherAnswer": {"name": "otherAnswer", "confirmationStatus": "NONE"},
        "relative": {"name": "relative", "confirmationStatus": "NONE"},
        "varicose": {"name": "varicose", "confirmationStatus": "NONE"},
    }


def test_a_speaker_declares_no_screen() -> None:
    env = EnvelopeFactory(device=DeviceKind.SPEAKER).launch(NEW)
    assert env["context"]["System"]["device"]["supportedInterfaces"] == {}
    assert "Viewport" not in env["context"]


def test_a_screen_declares_apl_and_a_viewport() -> None:
    env = EnvelopeFactory(device=DeviceKind.SCREEN).launch(NEW)
    apl = env["context"]["System"]["device"]["supportedInterfaces"]["Alexa.Presentation.APL"]
    assert apl["runtime"]["maxVersion"]
    assert env["context"]["Viewport"]["pixelWidth"] > 0
    parsed = sdk(env)
    assert parsed.context.system.device.supported_interfaces.alexa_presentation_apl is not None
    assert parsed.context.viewport.shape.value == "RECTANGLE"


def test_the_api_endpoint_is_configurable() -> None:
    assert EnvelopeFactory().launch(NEW)["context"]["System"]["apiEndpoint"] == DEFAULT_API_ENDPOINT
    env = EnvelopeFactory(api_endpoint="http://127.0.0.1:8123").launch(NEW)
    assert env["context"]["System"]["apiEndpoint"] == "http://127.0.0.1:8123"


def test_session_ended_says_the_user_ended_it() -> None:
    env = EnvelopeFactory().session_ended(OPEN)
    parsed = sdk(env)
    assert isinstance(parsed.request, SessionEndedRequest)
    assert env["request"]["reason"] == "USER_INITIATED"
    assert env["session"]["new"] is False
