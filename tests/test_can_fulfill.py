"""Name-free interaction: CanFulfillIntentRequest answers, through the Lambda handler."""

from __future__ import annotations

import json

import pytest

from lambda_function import lambda_handler
from skill.content import load
from skill_tools.response_checks import check_response
from tests.support import ROOT, envelope

MANIFEST = json.loads((ROOT / "interaction_model" / "skill.json").read_text("utf-8"))


def ask(name: str, slots: dict | None = None) -> dict:
    intent: dict = {"name": name, "confirmationStatus": "NONE"}
    if slots:
        intent["slots"] = slots
    event = envelope({"type": "CanFulfillIntentRequest", "intent": intent}, new=True)
    response = lambda_handler(event, None)
    assert check_response(response, request_type="CanFulfillIntentRequest") == []
    return response["response"]["canFulfillIntent"]


@pytest.mark.parametrize(
    "name", [*load().topics, "SymptomCheckIntent", "ContactClinicIntent", "SetReminderIntent"]
)
def test_what_the_skill_is_for_is_a_yes(name: str) -> None:
    assert ask(name)["canFulfill"] == "YES"


@pytest.mark.parametrize(
    "name",
    [
        "EmergencyIntent",  # Alexa's own emergency handling serves this better than a skill
        "RemediesIntent",  # the skill would only say it is out of scope
        "AMAZON.YesIntent",
        "CheckAnswerIntent",  # only means something inside the check
        "NoSuchIntent",
    ],
)
def test_what_the_skill_would_not_answer_is_a_no(name: str) -> None:
    assert ask(name)["canFulfill"] == "NO"


def _slot(value: str, matched: bool, name: str = "frequency") -> dict:
    code = "ER_SUCCESS_MATCH" if matched else "ER_SUCCESS_NO_MATCH"
    resolution: dict = {"authority": "amzn1.er-authority.x", "status": {"code": code}}
    if matched:
        resolution["values"] = [{"value": {"name": value, "id": "X"}}]
    return {
        "name": name,
        "value": value,
        "confirmationStatus": "NONE",
        "resolutions": {"resolutionsPerAuthority": [resolution]},
    }


def test_slots_are_judged_from_entity_resolution() -> None:
    matched = ask("CrampFrequencyIntent", {"frequency": _slot("most nights", True)})
    assert matched["slots"]["frequency"] == {"canUnderstand": "YES", "canFulfill": "YES"}
    unknown = ask("CrampFrequencyIntent", {"frequency": _slot("twice a fortnight", False)})
    assert unknown["slots"]["frequency"] == {"canUnderstand": "MAYBE", "canFulfill": "NO"}
    assert unknown["canFulfill"] == "NO"


def test_a_topic_s_vocabulary_slots_are_judged_the_same_way() -> None:
    """ "why do my calves cramp in bed": the topic is fulfilled when its words resolve."""
    slots = {
        "legPart": _slot("calves", True, "legPart"),
        "nightTime": _slot("in bed", True, "nightTime"),
    }
    heard = ask("LegCrampsAtNightIntent", slots)
    assert heard["canFulfill"] == "YES"
    assert heard["slots"]["legPart"] == {"canUnderstand": "YES", "canFulfill": "YES"}
    slots["legPart"] = _slot("elbows", False, "legPart")
    unknown = ask("LegCrampsAtNightIntent", slots)
    assert unknown["slots"]["legPart"] == {"canUnderstand": "MAYBE", "canFulfill": "NO"}
    assert unknown["canFulfill"] == "NO"


def test_a_reminder_s_day_and_time_are_judged_by_whether_the_skill_can_use_them() -> None:
    def builtin(name: str, value: str) -> dict:
        return {name: {"name": name, "value": value, "confirmationStatus": "NONE"}}

    asked = ask("SetReminderIntent", {**builtin("day", "2026-12-07"), **builtin("time", "10:00")})
    assert asked["canFulfill"] == "YES"
    assert asked["slots"]["day"] == {"canUnderstand": "YES", "canFulfill": "YES"}
    week = ask("SetReminderIntent", builtin("day", "2026-W50"))  # "next week": its Monday
    assert week["slots"]["day"] == {"canUnderstand": "YES", "canFulfill": "YES"}
    decade = ask("SetReminderIntent", builtin("day", "202X"))  # "this decade": no day to use
    assert decade["slots"]["day"] == {"canUnderstand": "MAYBE", "canFulfill": "NO"}


def test_a_malformed_can_fulfill_request_is_a_no_without_speech() -> None:
    event = {"version": "1.0", "request": {"type": "CanFulfillIntentRequest"}}
    response = lambda_handler(event, None)
    assert response["response"] == {"canFulfillIntent": {"canFulfill": "NO"}}


def test_the_manifest_declares_the_interface() -> None:
    interfaces = MANIFEST["manifest"]["apis"]["custom"]["interfaces"]
    assert {"type": "CAN_FULFILL_INTENT_REQUEST"} in interfaces
