"""Response checks: each one fires on a bad response, and the skill's real responses pass them."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from skill.app import handle_event
from skill_tools.response_checks import (
    ALLOWED_TAGS,
    MAX_RESPONSE_BYTES,
    SsmlError,
    check_response,
    parse_ssml,
)
from tests.support import MODEL, envelope, frequency_slot, intent, launch


def ssml(text: str) -> dict[str, str]:
    return {"type": "SSML", "ssml": text}


def good_response() -> dict[str, Any]:
    """An open-session answer with a card, as the skill shapes it."""
    return {
        "version": "1.0",
        "sessionAttributes": {"pending": "more"},
        "response": {
            "outputSpeech": ssml("<speak>Leg cramps are common. Want to hear more?</speak>"),
            "reprompt": {"outputSpeech": ssml("<speak>Want to hear more?</speak>")},
            "card": {"type": "Simple", "title": "Leg cramps", "content": "They are common."},
            "shouldEndSession": False,
        },
    }


def closing_response() -> dict[str, Any]:
    return {
        "version": "1.0",
        "response": {
            "outputSpeech": {"type": "PlainText", "text": "Goodbye."},
            "shouldEndSession": True,
        },
    }


def speak(text: str) -> Callable[[dict[str, Any]], None]:
    return lambda r: r["response"]["outputSpeech"].__setitem__("ssml", text)


def response(**changes: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(r: dict[str, Any]) -> None:
        for key, value in changes.items():
            if value is None:
                r["response"].pop(key, None)
            else:
                r["response"][key] = value

    return mutate


GOOD_SSML = [
    "<speak>Plain words.</speak>",
    "<speak>It&apos;s 5 &lt; 6 &amp; fine</speak>",
    '<speak><amazon:effect name="whispered">a secret</amazon:effect></speak>',
    '<speak><p><s>One.</s><s>Two.</s></p><break time="1s"/><say-as interpret-as="digits">12'
    "</say-as></speak>",
    '<speak><audio src="https://example.com/a.mp3"/></speak>',  # an audio clip is not silence
    '<speak><voice name="Kendra"><lang xml:lang="en-GB">hello</lang></voice></speak>',
]


@pytest.mark.parametrize("text", GOOD_SSML)
def test_valid_ssml_passes(text: str) -> None:
    r = good_response()
    speak(text)(r)
    assert check_response(r) == []


def test_good_and_closing_responses_pass() -> None:
    assert check_response(good_response()) == []
    assert check_response(closing_response()) == []


BAD: dict[str, tuple[Callable[[dict[str, Any]], Any], str]] = {
    # SSML parses as XML
    "unescaped ampersand": (speak("<speak>salt & pepper</speak>"), "not well-formed"),
    "unclosed tag": (speak("<speak><s>hello</speak>"), "not well-formed"),
    "unescaped markup": (speak("<speak>a <b</speak>"), "not well-formed"),
    "text outside speak": (speak("<speak>hi</speak> there"), "not well-formed"),
    "control character": (speak("<speak>a\x01b</speak>"), "not well-formed"),
    "lone surrogate": (speak("<speak>a\ud800b</speak>"), "not valid Unicode"),
    "doctype": (
        speak('<!DOCTYPE speak [<!ENTITY x "y">]><speak>&x;</speak>'),
        "DOCTYPE",
    ),
    # root is <speak>
    "no speak root": (speak("<p>hello</p>"), "root is <p>"),
    "plain text as ssml": (speak("hello"), "not well-formed"),
    # only Alexa's tags
    "html tag": (speak("<speak><b>bold</b></speak>"), "does not support: b"),
    "polly mark tag": (speak('<speak><mark name="x"/>hi</speak>'), "does not support: mark"),
    "script tag": (
        speak("<speak>hi<script>x</script></speak>"),
        "does not support: script",
    ),
    # 8,000 characters of speech
    "speech too long": (speak("<speak>" + "a" * 7990 + "</speak>"), "over 8000"),
    "plain text too long": (
        lambda r: r["response"].__setitem__(
            "outputSpeech", {"type": "PlainText", "text": "a" * 8001}
        ),
        "over 8000",
    ),
    "reprompt too long": (
        lambda r: r["response"]["reprompt"]["outputSpeech"].__setitem__(
            "ssml", "<speak>" + "b" * 8000 + "</speak>"
        ),
        "reprompt: 8015 characters",
    ),
    # card title plus content at most 8,000
    "card too long": (
        lambda r: r["response"]["card"].update(title="t" * 10, content="c" * 7991),
        "title plus content is 8001",
    ),
    "standard card too long": (
        response(card={"type": "Standard", "title": "t", "text": "x" * 8000}),
        "title plus content is 8001",
    ),
    # whole response at most 24 KB
    "response too large": (
        lambda r: r.__setitem__("sessionAttributes", {"blob": "x" * MAX_RESPONSE_BYTES}),
        "bytes, over 24576",
    ),
    "response too large by multibyte text": (
        lambda r: r.__setitem__("sessionAttributes", {"blob": "é" * 4100}),  # \u00e9 in JSON
        "bytes, over 24576",
    ),
    # a reprompt exactly when the session stays open
    "open session without reprompt": (response(reprompt=None), "no reprompt"),
    "reprompt but session ends": (response(shouldEndSession=True), "does not stay open"),
    "reprompt and no shouldEndSession": (response(shouldEndSession=None), "does not stay open"),
    "shouldEndSession not a boolean": (response(shouldEndSession="false"), "true or false"),
    # speech never empty
    "no speech": (response(outputSpeech=None), "no outputSpeech"),
    "empty ssml": (speak("<speak>  </speak>"), "speech is empty"),
    "empty element": (speak("<speak><s></s><break/></speak>"), "speech is empty"),
    "empty plain text": (
        response(outputSpeech={"type": "PlainText", "text": " "}),
        "speech is empty",
    ),
    "empty reprompt": (
        lambda r: r["response"]["reprompt"]["outputSpeech"].__setitem__("ssml", "<speak/>"),
        "reprompt: speech is empty",
    ),
    "reprompt without speech": (response(reprompt={}), "reprompt: no outputSpeech"),
    # shape
    "unknown speech type": (response(outputSpeech={"type": "Audio"}), "PlainText or SSML"),
    "ssml missing": (response(outputSpeech={"type": "SSML"}), "without ssml"),
    "no response object": (lambda r: r.pop("response"), "missing response"),
    "no version": (lambda r: r.pop("version"), "missing version"),
    "attributes not an object": (
        lambda r: r.__setitem__("sessionAttributes", ["x"]),
        "sessionAttributes must be an object",
    ),
}


@pytest.mark.parametrize("defect", BAD)
def test_each_check_fires_on_a_bad_response(defect: str) -> None:
    mutate, expected = BAD[defect]
    r = good_response()
    mutate(r)
    problems = check_response(r)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("request_type", ["SessionEndedRequest", "System.ExceptionEncountered"])
def test_silent_requests_must_get_no_speech(request_type: str) -> None:
    silent = {"version": "1.0", "sessionAttributes": {}, "response": {}}
    assert check_response(silent, request_type) == []
    assert "no outputSpeech" in " ".join(check_response(silent))  # any other request: speak
    for key in ("outputSpeech", "reprompt", "card"):
        spoken = copy.deepcopy(silent)
        spoken["response"][key] = good_response()["response"][key]
        problems = check_response(spoken, request_type)
        assert problems == [f"response: a {request_type} must not be answered with {key}"]


@pytest.mark.parametrize("envelope_", [None, [], "x", {"version": "1.0", "response": set()}])
def test_non_envelopes_are_reported_not_raised(envelope_: Any) -> None:
    assert check_response(envelope_)


def test_limits_are_inclusive() -> None:
    r = good_response()
    speak("<speak>" + "a" * (8000 - 15) + "</speak>")(r)
    r["response"]["card"].update(title="t", content="c" * 7999)
    assert check_response(r) == []


def test_parse_ssml_without_namespace_declarations() -> None:
    doc = parse_ssml('<speak>hi <amazon:emotion name="excited">x</amazon:emotion></speak>')
    assert [tag for tag, _ in doc.elements] == ["speak", "amazon:emotion"]
    assert doc.root == "speak" and doc.text == "hi x"
    with pytest.raises(SsmlError):
        parse_ssml("<speak>&bogus;</speak>")
    assert {"speak", "audio", "amazon:effect"} <= ALLOWED_TAGS and "mark" not in ALLOWED_TAGS


# -- the skill's own responses, for every intent of the model in several states -------------

INTENTS = [i["name"] for i in MODEL["interactionModel"]["languageModel"]["intents"]]
LAST = {"speech": "Earlier words.", "reprompt": "Earlier question?"}
STATES: dict[str, dict[str, Any]] = {
    "fresh": {},
    "menu": {"last": LAST},
    "more pending": {"pending": "more", "topic": "LegCrampsAtNightIntent", "last": LAST},
    "offer check": {"pending": "offer_check", "topic": "CrampCausesIntent"},
    "offer contact": {"pending": "offer_contact"},
    "check, first question": {"pending": "check", "answers": {}, "last": LAST},
    "check, second question": {"pending": "check", "answers": {"FREQUENT": "yes"}},
    "check, late": {"pending": "check", "answers": {"FREQUENT": "no", "SLEEP": "unsure"}},
}


def slots_for(name: str) -> dict[str, Any] | None:
    return frequency_slot("most nights", "OFTEN") if name == "CrampFrequencyIntent" else None


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("name", INTENTS)
def test_every_intent_in_every_state_answers_within_the_checks(name: str, state: str) -> None:
    event = intent(name, copy.deepcopy(STATES[state]), slots_for(name))
    assert check_response(handle_event(event, None), "IntentRequest") == []


def test_launch_and_session_end_pass_the_checks() -> None:
    assert check_response(handle_event(launch(), None), "LaunchRequest") == []
    ended = envelope({"type": "SessionEndedRequest", "reason": "USER_INITIATED"})
    assert check_response(handle_event(ended, None), "SessionEndedRequest") == []
