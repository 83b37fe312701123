"""Request envelopes for tests, as Alexa sends them (raw dicts: tests also send broken ones)."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from skill_tools.model import model_path, read_json

ROOT = Path(__file__).resolve().parents[1]  # the project folder
# Amazon's certificate chains and signed requests (../shared/vectors), or VECTORS_DIR.
VECTORS = Path(os.environ.get("VECTORS_DIR") or ROOT.parent / "shared" / "vectors")
SKILL_ID = "amzn1.ask.skill.test"
# The deployed interaction model (the whole document), read the way the tools read it.
MODEL = read_json(model_path())


def envelope(
    request: dict[str, Any],
    attributes: dict[str, Any] | None = None,
    *,
    new: bool = False,
    locale: str = "en-US",
) -> dict[str, Any]:
    request = {
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),  # as Alexa sends it
        "locale": locale,
        **request,
    }
    app = {"applicationId": SKILL_ID}
    user = {"userId": "amzn1.ask.account.test"}
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": "amzn1.echo-api.session.test",
            "application": app,
            "attributes": attributes or {},
            "user": user,
        },
        "context": {"System": {"application": app, "user": user, "device": {"deviceId": "d"}}},
        "request": request,
    }


def launch(**kw: Any) -> dict[str, Any]:
    return envelope({"type": "LaunchRequest"}, new=True, **kw)


def intent(
    name: str,
    attributes: dict[str, Any] | None = None,
    slots: dict[str, Any] | None = None,
    **kw: Any,
) -> dict[str, Any]:
    req: dict[str, Any] = {
        "type": "IntentRequest",
        "intent": {"name": name, "confirmationStatus": "NONE"},
    }
    if slots is not None:
        req["intent"]["slots"] = slots
    return envelope(req, attributes, **kw)


def frequency_slot(heard: str, value_id: str | None) -> dict[str, Any]:
    """A `frequency` slot filled the way Alexa's entity resolution fills it."""
    return custom_slot("frequency", "CrampFrequency", heard, value_id)


def custom_slot(name: str, slot_type: str, heard: str, value_id: str | None) -> dict[str, Any]:
    """A custom slot filled the way Alexa's entity resolution fills it (no id: no match)."""
    authority = f"amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.{slot_type}"
    if value_id is None:
        resolution = {"authority": authority, "status": {"code": "ER_SUCCESS_NO_MATCH"}}
    else:
        resolution = {
            "authority": authority,
            "status": {"code": "ER_SUCCESS_MATCH"},
            "values": [{"value": {"name": value_id.lower(), "id": value_id}}],
        }
    return {
        name: {
            "name": name,
            "value": heard,
            "confirmationStatus": "NONE",
            "resolutions": {"resolutionsPerAuthority": [resolution]},
        }
    }


def ssml(response: dict[str, Any]) -> str:
    """The response's speech as sent: SSML markup."""
    return response["response"]["outputSpeech"]["ssml"]


def spoken(markup: str) -> str:
    """What an SSML document says: parsed as XML (so malformed markup fails the test), tags
    dropped, entities decoded, whitespace collapsed. Independent of skill.speech on purpose."""
    return " ".join("".join(ElementTree.fromstring(markup).itertext()).split())


def speech(response: dict[str, Any]) -> str:
    """The response's speech as the user hears it: plain text."""
    return spoken(ssml(response))


def reprompt(response: dict[str, Any]) -> str | None:
    """The reprompt as the user hears it, or None when there is none."""
    r = response["response"].get("reprompt")
    return spoken(r["outputSpeech"]["ssml"]) if r else None


def with_screen(env: dict[str, Any]) -> dict[str, Any]:
    """The same envelope from an Echo Show: the device declares APL and has a viewport."""
    env["context"]["System"]["device"]["supportedInterfaces"] = {
        "Alexa.Presentation.APL": {"runtime": {"maxVersion": "2023.3"}}
    }
    env["context"]["Viewport"] = {"shape": "RECTANGLE", "pixelWidth": 1280, "pixelHeight": 800}
    return env


def with_alexa_api(env: dict[str, Any], url: str, *, consent: bool = True) -> dict[str, Any]:
    """Point the envelope's Alexa API at `url`, with or without reminders permission."""
    system = env["context"]["System"]
    system["apiEndpoint"] = url
    system["apiAccessToken"] = "test-access-token"
    if consent:
        system["user"] = {**system["user"], "permissions": {"consentToken": "test-consent"}}
    return env
