"""Property-based fuzzing of the Lambda handler with generated envelopes, valid and hostile.

Properties, for every envelope:
- `handle_event` never raises;
- it returns a response that passes `skill_tools.response_checks.check_response`;
- text from the request is never spoken back unescaped: the SSML parses, has one <speak>,
  and no element or attribute carries the canary that every injected tag holds;
- no log line carries the canary (logs never hold utterances, slots or attributes).

The envelopes are raw dicts on purpose: the point is input Alexa's SDK types would not build.
CI generates 2,200 envelopes (derandomized, see tests/conftest.py) after the pinned ones
(FOUND_*: failures found earlier). The long run gives the combined test 100,000:
    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py -q \
        -p no:logging --hypothesis-show-statistics
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from skill.app import handle_event
from skill.conversation import Pending
from skill.triage import QUESTIONS, Answer
from skill_tools.response_checks import check_response, parse_ssml
from tests.support import MODEL

LANGUAGE_MODEL = MODEL["interactionModel"]["languageModel"]
MODEL_INTENTS = [i["name"] for i in LANGUAGE_MODEL["intents"]]
TOPICS = [n for n in MODEL_INTENTS if not n.startswith("AMAZON.")]
SLOT_PHRASES = [
    phrase
    for t in LANGUAGE_MODEL.get("types", [])
    for v in t["values"]
    for phrase in [v["name"]["value"], *v["name"].get("synonyms", [])]
]
UNKNOWN_INTENTS = ["UnknownIntent", "AMAZON.PauseIntent", "AMAZON.ScrollDownIntent", ""]
UNHANDLED_TYPES = [
    "CanFulfillIntentRequest",
    "Alexa.Presentation.APL.UserEvent",
    "System.ExceptionEncountered",
    "AudioPlayer.PlaybackStarted",
    "PlaybackController.PlayCommandIssued",
    "Connections.Response",
    "Display.ElementSelected",
    "Messaging.MessageReceived",
    "Dialog.InputRequest",
]

CANARY = "zqcanary"
MARKERS = [
    f'<audio src="https://{CANARY}.invalid/x.mp3"/>',
    f"<speak>{CANARY}</speak>",
    f"</speak><{CANARY}>",
    f'<amazon:effect name="whispered">{CANARY}</amazon:effect>',
    f'"><{CANARY} a="',
    f"<![CDATA[{CANARY}]]>",
    f"]]>{CANARY}",
    f"&{CANARY};",
    "&amp;",
    "&#0;",
    "<!--",
    "<?xml version='1.0'?>",
    f"<!DOCTYPE x [<!ENTITY {CANARY} 'y'>]>",
    "\x00",
    "\x0b",
    "\ud800",
    "'\"",
]
TAG_MARKERS = [m for m in MARKERS if "<" in m and CANARY in m]

# -- strategies ------------------------------------------------------------------------------


def weighted(*options: tuple[int, st.SearchStrategy]) -> st.SearchStrategy:
    """Pick a strategy with these relative weights. (st.one_of would flatten nested one_ofs
    into their branches and merge repeated ones, so a many-branched `junk` would crowd out
    the strategy beside it.)"""
    pool = [strategy for weight, strategy in options for _ in range(weight)]
    return st.sampled_from(range(len(pool))).flatmap(lambda i: pool[i])


def of_length(chunks: list[str], low: int, high: int) -> st.SearchStrategy:
    """Text of `low` to `high` characters made of one repeated chunk (cheap to generate)."""
    return st.builds(
        lambda chunk, n: (chunk * n)[:n], st.sampled_from(chunks), st.integers(low, high)
    )


LONG_CHUNKS = [*MARKERS, "a", "often ", "&", "é", "<"]
hostile_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(MARKERS),
    st.lists(st.one_of(st.sampled_from(MARKERS), st.text(max_size=8)), max_size=6).map("".join),
    of_length(LONG_CHUNKS, 1000, 8000),  # long, up to the longest speech Alexa takes
    of_length(LONG_CHUNKS, 8001, 40_000),  # oversized
)
junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    hostile_text,
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


def maybe(strategy: st.SearchStrategy) -> st.SearchStrategy:
    """Usually the strategy, one time in four something of the wrong type."""
    return weighted((3, strategy), (1, junk))


answers = st.dictionaries(  # JSON object keys are always text
    weighted((3, st.sampled_from(QUESTIONS)), (1, hostile_text)),
    maybe(st.sampled_from([a.value for a in Answer])),
    max_size=5,
)
last = st.fixed_dictionaries(
    {}, optional={"speech": maybe(hostile_text), "reprompt": maybe(hostile_text)}
)
state_keys = {
    "pending": maybe(st.sampled_from([p.value for p in Pending])),
    "topic": maybe(st.sampled_from(TOPICS)),
    "answers": maybe(answers),  # includes check states that cannot exist
    "pad": hostile_text,  # oversized
}
attributes = weighted(
    (2, st.fixed_dictionaries({}, optional={**state_keys, "last": maybe(last)})),
    (1, st.fixed_dictionaries({"last": last}, optional=state_keys)),  # forged text to repeat
    (1, junk),
)
session = st.fixed_dictionaries(
    {},
    optional={
        "new": maybe(st.booleans()),
        "sessionId": maybe(st.just("amzn1.echo-api.session.fuzz")),
        "application": maybe(st.just({"applicationId": "amzn1.ask.skill.fuzz"})),
        "user": maybe(st.just({"userId": "amzn1.ask.account.fuzz"})),
        "attributes": attributes,
    },
)
resolution = st.fixed_dictionaries(
    {
        "authority": maybe(st.just("amzn1.er-authority.echo-sdk.fuzz.CrampFrequency")),
        "status": maybe(
            st.fixed_dictionaries(
                {"code": maybe(st.sampled_from(["ER_SUCCESS_MATCH", "ER_SUCCESS_NO_MATCH"]))}
            )
        ),
    },
    optional={
        "values": maybe(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "value": maybe(
                            st.fixed_dictionaries(
                                {
                                    "name": maybe(hostile_text),
                                    "id": maybe(
                                        st.sampled_from(["OFTEN", "RARELY"]) | hostile_text
                                    ),
                                }
                            )
                        )
                    }
                ),
                max_size=2,
            )
        )
    },
)
slot = st.fixed_dictionaries(
    {"name": maybe(st.just("frequency"))},
    optional={
        "value": maybe(st.one_of(st.sampled_from(SLOT_PHRASES), hostile_text)),
        "confirmationStatus": maybe(st.just("NONE")),
        "resolutions": maybe(
            st.fixed_dictionaries(
                {"resolutionsPerAuthority": maybe(st.lists(resolution, max_size=2))}
            )
        ),
    },
)
slots = weighted(
    (3, st.fixed_dictionaries({"frequency": slot})),
    (1, st.dictionaries(hostile_text, slot, max_size=2)),
    (1, junk),
)
intent_name = weighted(
    (4, st.sampled_from(MODEL_INTENTS)), (1, st.sampled_from(UNKNOWN_INTENTS)), (1, junk)
)
intent = st.fixed_dictionaries(
    {"name": intent_name},
    optional={"confirmationStatus": maybe(st.just("NONE")), "slots": slots},
)
common = {
    "requestId": maybe(st.just("amzn1.echo-api.request.fuzz")),
    "timestamp": maybe(st.just("2026-11-25T10:00:00Z")),
    "locale": weighted(
        (3, st.just("en-US")), (1, st.sampled_from(["en-GB", "de-DE", ""])), (1, junk)
    ),
}
intent_request = st.fixed_dictionaries(
    {"type": st.just("IntentRequest"), "intent": maybe(intent)},
    optional={**common, "dialogState": maybe(st.just("STARTED"))},
)
launch_request = st.fixed_dictionaries({"type": st.just("LaunchRequest")}, optional=common)
ended_request = st.fixed_dictionaries(
    {"type": st.just("SessionEndedRequest")},
    optional={
        **common,
        "reason": maybe(st.sampled_from(["USER_INITIATED", "ERROR", "EXCEEDED_MAX_REPROMPTS"])),
        "error": maybe(st.fixed_dictionaries({"type": hostile_text, "message": hostile_text})),
    },
)
unhandled_request = st.fixed_dictionaries(
    {"type": weighted((3, st.sampled_from(UNHANDLED_TYPES)), (1, hostile_text))},
    optional={
        **common,
        "intent": maybe(intent),
        "arguments": maybe(st.lists(hostile_text, max_size=3)),
        "error": maybe(st.fixed_dictionaries({"type": hostile_text, "message": hostile_text})),
        "cause": maybe(st.fixed_dictionaries({"requestId": hostile_text})),
    },
)
SYSTEM = {
    "application": {"applicationId": "amzn1.ask.skill.fuzz"},
    "user": {"userId": "amzn1.ask.account.fuzz"},
    "device": {"deviceId": "d", "supportedInterfaces": {}},
    "apiEndpoint": "http://127.0.0.1:9",  # Alexa API calls go nowhere but loopback
    "apiAccessToken": "fuzz",
}
CONSENTED = {**SYSTEM, "user": {**SYSTEM["user"], "permissions": {"consentToken": "fuzz"}}}
SCREEN = {
    **SYSTEM,
    "device": {"deviceId": "d", "supportedInterfaces": {"Alexa.Presentation.APL": {}}},
}
context = st.sampled_from([{"System": s} for s in (SYSTEM, CONSENTED, SCREEN)])


def envelopes(request: st.SearchStrategy) -> st.SearchStrategy:
    return st.fixed_dictionaries(
        {"version": maybe(st.just("1.0")), "request": maybe(request)},
        optional={"session": maybe(session), "context": maybe(context)},
    )


any_request = weighted(
    (3, intent_request), (1, launch_request), (1, ended_request), (1, unhandled_request)
)
any_event = weighted((6, envelopes(any_request)), (1, junk))


def well_formed(request: dict[str, Any], attrs: Any) -> dict[str, Any]:
    """An envelope as Alexa sends it, but for the session attributes."""
    request = {"requestId": "r", "timestamp": "2026-11-25T10:00:00Z", "locale": "en-US", **request}
    return {
        "version": "1.0",
        "session": {"new": False, "sessionId": "s", "attributes": attrs},
        "context": {"System": SCREEN},
        "request": request,
    }


state_reading_request = weighted(
    (
        6,
        st.sampled_from(MODEL_INTENTS).map(
            lambda n: {"type": "IntentRequest", "intent": {"name": n}}
        ),
    ),
    (1, st.just({"type": "LaunchRequest"})),
)


# Failures the fuzzer has found, pinned so CI always tries them (docs/certification.md).
REPEAT = {"type": "IntentRequest", "intent": {"name": "AMAZON.RepeatIntent"}}
FOUND_FORGED_ATTRIBUTES = [
    {"last": {"speech": "a\x01b"}},  # a control character: not XML
    {"last": {"speech": "a\ud800b"}},  # a lone surrogate: not encodable
    {"last": {"speech": "\x0b" * 10}},  # only whitespace: empty speech
    {"last": {"speech": "&" * 2000}},  # 2,000 characters escape to 10,000
    {"last": {"speech": "é" * 4000, "reprompt": "é" * 4000}},  # over 24 KB as JSON
]
FOUND_EVENTS = [
    {"version": "1.0", "request": {"type": "SessionEndedRequest"}},  # no session
    {
        **well_formed({"type": "SessionEndedRequest", "reason": "USER_INITIATED"}, {}),
        "context": None,
    },
    well_formed({"type": "System.ExceptionEncountered", "error": {"type": "INVALID_RESPONSE"}}, {}),
    # a silent answer that echoes 25 KB of forged attributes back is still over 24 KB
    well_formed({"type": "System.ExceptionEncountered"}, {"pad": "x" * 25_000}),
]


# -- the properties ----------------------------------------------------------------------------


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def captured_logs() -> Iterator[list[str]]:
    """Every log message, at every level, while the block runs."""
    handler, root, skill_log = _Records(), logging.getLogger(), logging.getLogger("skill")
    level = skill_log.level
    root.addHandler(handler)
    skill_log.setLevel(logging.DEBUG)
    try:
        yield handler.messages
    finally:
        root.removeHandler(handler)
        skill_log.setLevel(level)


def request_type(event: Any) -> str | None:
    request = event.get("request") if isinstance(event, dict) else None
    kind = request.get("type") if isinstance(request, dict) else None
    return kind if isinstance(kind, str) else None


def spoken_ssml(out: dict[str, Any]) -> Iterator[str]:
    response = out.get("response") or {}
    for speech in (
        response.get("outputSpeech"),
        (response.get("reprompt") or {}).get("outputSpeech"),
    ):
        if isinstance(speech, dict) and speech.get("type") == "SSML":
            yield speech["ssml"]


def violations(event: Any, out: Any, logs: list[str]) -> list[str]:
    """Every way the answer `out` to `event` (with these log lines) breaks the properties."""
    found = check_response(out, request_type(event))
    if found:
        return found
    for ssml in spoken_ssml(out):
        doc = parse_ssml(ssml)  # check_response has shown it parses
        if [tag for tag, _ in doc.elements].count("speak") != 1:
            found.append(f"<speak> inside <speak>: {ssml!r}")
        for tag, attrs in doc.elements:
            if CANARY in tag or any(CANARY in k or CANARY in v for k, v in attrs.items()):
                found.append(f"request markup became an element <{tag}>")
        found += [f"unescaped {m!r} in speech" for m in TAG_MARKERS if m in ssml]
    if any(CANARY in m for m in logs):
        found.append("request text reached the logs")
    return found


def assert_safe(event: Any) -> None:
    with captured_logs() as logs:
        out = handle_event(event, None)  # never raises: an exception fails the test here
    assert violations(event, out, logs) == []


COMBINED_EXAMPLES = max(1200, settings.default.max_examples)  # the long profile: 100,000


def pinned(events: list[Any]) -> Any:
    """Decorate a one-argument fuzz test with these events as explicit examples."""

    def decorate(test: Any) -> Any:
        for event in reversed(events):
            test = example(event)(test)
        return test

    return decorate


@settings(max_examples=COMBINED_EXAMPLES)
@given(any_event)
@pinned(FOUND_EVENTS)
def test_handler_survives_any_envelope(event: Any) -> None:
    assert_safe(event)


@settings(max_examples=400)
@given(envelopes(intent_request))
def test_hostile_intents_and_slots(event: Any) -> None:
    assert_safe(event)


def pinned_attributes(test: Any) -> Any:
    for attrs in reversed(FOUND_FORGED_ATTRIBUTES):
        test = example(REPEAT, attrs)(test)
    return test


@settings(max_examples=400)
@given(state_reading_request, attributes)
@pinned_attributes
def test_forged_session_attributes(request: dict[str, Any], attrs: Any) -> None:
    assert_safe(well_formed(request, attrs))


@settings(max_examples=200)
@given(envelopes(st.one_of(unhandled_request, ended_request)))
@pinned(FOUND_EVENTS)
def test_request_types_the_skill_does_not_handle(event: Any) -> None:
    assert_safe(event)


def answer(ssml: str, end: bool = True) -> dict[str, Any]:
    return {
        "version": "1.0",
        "response": {"outputSpeech": {"type": "SSML", "ssml": ssml}, "shouldEndSession": end},
    }


def test_the_properties_can_fail() -> None:
    """Each property catches the failure it is there for."""
    event = {"request": {"type": "IntentRequest"}}
    assert violations(event, answer("<speak>Goodbye.</speak>"), ["session ended"]) == []
    for marker in TAG_MARKERS:  # every injected tag, spoken back raw
        assert violations(event, answer(f"<speak>You said {marker}</speak>"), [])
    assert violations(event, answer("<speak>a <speak>b</speak></speak>"), [])
    assert violations(event, answer("<speak>You said &</speak>"), [])
    assert violations(event, answer("<speak>ok</speak>"), [f"slot was {CANARY}"])
    silent = {"request": {"type": "SessionEndedRequest"}}
    assert violations(silent, answer("<speak>Bye.</speak>"), [])


def test_the_log_capture_sees_the_skills_logs() -> None:
    """The log property is only worth something if the skill's log lines reach it."""
    with captured_logs() as logs:
        handle_event({"version": "1.0"}, None)  # not a request: the skill logs the failure
    assert logs
