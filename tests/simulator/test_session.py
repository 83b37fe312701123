"""The session driver: session ids, `new`, attributes carried, ends, and both transports."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skill_tools.model import model_path
from skill_tools.simulator.envelopes import DeviceKind, EnvelopeFactory
from skill_tools.simulator.nlu import load_nlu
from skill_tools.simulator.session import HttpTransport, Simulator, SimulatorError
from tests.simulator.conftest import Server

nlu = load_nlu(model_path("en-US"))


def simulator(**kw: Any) -> tuple[Simulator, list[str]]:
    notes: list[str] = []
    return Simulator(nlu, on_note=notes.append, **kw), notes


def test_one_session_id_new_only_first_and_attributes_carried() -> None:
    sim, _ = simulator()
    turns = [sim.say(u) for u in ("open leg cramp helper", "check my symptoms", "often")]
    assert all(t is not None for t in turns)
    assert len({t.session_id for t in turns}) == 1
    assert [t.request["session"]["new"] for t in turns] == [True, False, False]
    for before, after in zip(turns, turns[1:], strict=False):
        assert after.request["session"]["attributes"] == before.response["sessionAttributes"]
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes"}
    assert [t.number for t in turns] == [1, 2, 3]


def test_a_response_that_ends_the_session_makes_the_next_turn_a_new_session() -> None:
    sim, _ = simulator()
    first = sim.say("open leg cramp helper")
    stop = sim.say("stop")
    assert stop.session_ended and stop.end_session is True and not sim.in_session
    again = sim.say("open leg cramp helper")
    assert again.new_session and again.session_id != first.session_id
    assert again.request["session"].get("attributes") is None


def test_exit_sends_session_ended_and_closes_the_session() -> None:
    sim, notes = simulator()
    sim.say("open leg cramp helper")
    sim.say("check my symptoms")
    turn = sim.say("exit")
    assert turn.request_type == "SessionEndedRequest"
    assert turn.request["request"]["reason"] == "USER_INITIATED"
    assert turn.request["session"]["attributes"]["pending"] == "check"
    assert turn.end_session is True and turn.speech == "" and turn.ssml is None
    assert not sim.in_session
    assert sim.say("quit") is None
    assert notes == ["no session is open: nothing to exit"]


def test_a_one_shot_always_opens_a_new_session() -> None:
    sim, _ = simulator()
    launch = sim.say("open leg cramp helper")
    shot = sim.say("ask leg cramp helper why do my legs cramp at night")
    assert shot.new_session and shot.session_id != launch.session_id
    assert shot.intent == "LegCrampsAtNightIntent"
    assert shot.request["session"]["new"] is True


def test_a_phrase_without_invocation_outside_a_session_is_a_noted_one_shot() -> None:
    sim, notes = simulator()
    turn = sim.say("why do my legs cramp at night")
    assert turn.new_session and turn.intent == "LegCrampsAtNightIntent"
    assert notes == [
        'no session was open: sent as "ask leg cramp helper why do my legs cramp at night"'
    ]


def test_require_invocation_sends_nothing_without_it() -> None:
    sim, notes = simulator(require_invocation=True)
    assert sim.say("why do my legs cramp at night") is None
    assert sim.turns == 0 and "open leg cramp helper" in notes[0]


def test_blank_utterances_send_nothing() -> None:
    sim, notes = simulator()
    assert sim.say("") is None and sim.say("   ") is None
    assert sim.turns == 0 and notes == []


def test_turn_reads_speech_reprompt_and_card_as_plain_text() -> None:
    sim, _ = simulator()
    sim.say("open leg cramp helper")
    turn = sim.say("what are varicose veins")
    assert turn.ssml.startswith("<speak>") and "<" not in turn.speech
    assert turn.reprompt and turn.card["title"] == "Varicose veins"
    record = turn.to_json()
    assert list(record) == [
        "turn", "utterance", "request_type", "intent", "slots", "speech", "ssml",
        "reprompt", "card", "end_session", "session_attributes",
    ]


@settings(max_examples=50)
@given(st.lists(st.text(max_size=40), max_size=4))
def test_any_utterances_give_turns_or_nothing_never_an_exception(said: list[str]) -> None:
    sim, _ = simulator()
    for text in ["open leg cramp helper", *said]:
        turn = sim.say(text)
        assert turn is None or turn.to_json()["turn"] == sim.turns


def _no_should_end(envelope: dict[str, Any]) -> dict[str, Any]:
    """A skill that answers without shouldEndSession, to see what each device does with it."""
    return {"version": "1.0", "response": {"outputSpeech": {"type": "PlainText", "text": "Hi"}}}


@pytest.mark.parametrize(("device", "open_after"), [("speaker", False), ("screen", True)])
def test_no_should_end_session_closes_on_a_speaker_and_stays_on_a_screen(
    device: str, open_after: bool
) -> None:
    sim = Simulator(nlu, EnvelopeFactory(device=DeviceKind(device)), _no_should_end)
    turn = sim.say("open leg cramp helper")
    assert turn.end_session is None and turn.speech == "Hi" and turn.ssml is None
    assert sim.in_session is open_after


def test_an_answer_that_is_not_an_alexa_response_is_a_runtime_error() -> None:
    sim = Simulator(nlu, transport=lambda env: {"hello": "world"})
    with pytest.raises(SimulatorError, match="not an Alexa response"):
        sim.say("open leg cramp helper")


# -- over HTTP -----------------------------------------------------------------------------


def test_http_gives_the_same_conversation_as_in_process(skill_server: Server) -> None:
    said = ["open leg cramp helper", "check my symptoms", "rarely", "no", "no", "no"]
    local, _ = simulator()
    remote = Simulator(nlu, transport=HttpTransport(skill_server.url, timeout=5))
    for utterance in said:
        a, b = local.say(utterance), remote.say(utterance)
        assert a.request_type == b.request_type and a.intent == b.intent
        assert (a.speech, a.card, a.end_session) == (b.speech, b.card, b.end_session)
    assert b.card["title"] == "May not be cause for concern"
    assert len(skill_server.received) == len(said)
    assert skill_server.headers[0]["Content-Type"] == "application/json"


def test_http_to_a_closed_port_is_a_one_line_error(closed_port_url: str) -> None:
    with pytest.raises(SimulatorError, match="did not answer") as err:
        HttpTransport(closed_port_url, timeout=2)({"request": {}})
    assert "\n" not in str(err.value)


def test_http_answering_not_json_is_an_error(text_server: Server) -> None:
    with pytest.raises(SimulatorError, match="not JSON"):
        HttpTransport(text_server.url, timeout=2)({"request": {}})


def test_http_error_status_is_an_error(error_server: Server) -> None:
    with pytest.raises(SimulatorError, match="HTTP 500"):
        HttpTransport(error_server.url, timeout=2)({"request": {}})


def test_http_silence_times_out(silent_server: Server) -> None:
    with pytest.raises(SimulatorError, match="did not answer"):
        HttpTransport(silent_server.url, timeout=0.3)({"request": {}})
