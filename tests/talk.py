"""Talking to the skill through the offline simulator, as a person would, for the tests.

One NLU for the whole run; sessions reached by saying things (cached by what was said), then
copied, so each test turn starts from exactly that point of a real conversation.
"""

from __future__ import annotations

import copy
from functools import cache

from skill_tools.model import model_path
from skill_tools.simulator import Simulator, Turn, load_nlu
from skill_tools.simulator.envelopes import DeviceKind, EnvelopeFactory
from skill_tools.simulator.nlu import NLU
from skill_tools.simulator.session import _Open

OFFLINE_API = "http://127.0.0.1:9"  # nothing listens there: no call can leave the machine


@cache
def nlu() -> NLU:
    return load_nlu(model_path("en-US"))


def simulator(device: DeviceKind = DeviceKind.SPEAKER) -> Simulator:
    return Simulator(nlu(), EnvelopeFactory(api_endpoint=OFFLINE_API, device=device))


def play(*utterances: str) -> list[Turn]:
    """A fresh conversation: every turn, in order."""
    sim = simulator()
    turns = [sim.say(u) for u in utterances]
    assert all(t is not None for t in turns), utterances
    return turns  # type: ignore[return-value]


@cache
def session_after(*utterances: str) -> _Open:
    """The open session after saying these, from a fresh start."""
    sim = simulator()
    for utterance in utterances:
        sim.say(utterance)
    assert sim.session is not None, utterances
    return sim.session


def say_after(setup: tuple[str, ...], utterance: str) -> Turn:
    """What the skill answers to `utterance` in the session `setup` leads to."""
    sim = simulator()
    sim.session = copy.deepcopy(session_after(*setup))
    turn = sim.say(utterance)
    assert turn is not None
    return turn
