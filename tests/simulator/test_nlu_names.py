"""skill_tools/simulator/nlu_names.py: the names Alexa's AMAZON.FirstName would hear."""

from __future__ import annotations

from datetime import date

import pytest

from skill_tools.simulator.nlu_names import first_name_value
from tests.talk import nlu

TODAY = date(2026, 12, 7)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("martha", "martha"),
        ("mary ann", "mary ann"),  # two names, as one
        ("her", None),
        ("my wife", None),
        ("will", None),  # an everyday word first, never taken for a name
        ("martha and bill", None),
        ("", None),
    ],
)
def test_only_names_are_a_first_name(words: str, expected: str | None) -> None:
    assert first_name_value(words, TODAY) == expected


@pytest.mark.parametrize(
    ("said", "meant"),
    [  # Round 47: a widower's wish to join his late wife, by her name, fell back.
        ("i just want to go be with martha", "CrisisIntent"),
        ("i'm ready to go be with bill", "CrisisIntent"),
        ("i just want to go be with my friends", "AMAZON.FallbackIntent"),
    ],
)
def test_a_name_fills_a_first_name_slot_as_alexa_would(said: str, meant: str) -> None:
    found = nlu().resolve(said)
    assert found.intent == meant, found
    if meant == "CrisisIntent":
        assert found.slots["lostOne"].value == said.split()[-1]
