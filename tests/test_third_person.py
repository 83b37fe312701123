"""skill/third_person.py: the check's words said of someone else."""

from __future__ import annotations

import re

import pytest

from skill.content import load
from skill.third_person import about_them

C = load()
CHECK_WORDS = [
    *(t for q in C.questions.values() for t in (q.text, q.help, q.taken, q.taken_no)),
    *(r for o in C.outcomes.values() for r in o.reasons.values()),
]


@pytest.mark.parametrize("text", CHECK_WORDS)
def test_every_sentence_of_the_check_speaks_of_them(text: str) -> None:
    """Besides what the speaker did ("You said", "You were not sure"): the speaker answers."""
    said = about_them(text)
    asked = re.sub(r"^You (said|were) ", "", said)
    assert not re.search(r"\byour?\b", asked, re.IGNORECASE), said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Do you get frequent leg cramps?", "Do they get frequent leg cramps?"),
        ("You said you don't have varicose veins.", "You said they don't have varicose veins."),
        ("your cramping occurs when you walk", "their cramping occurs when they walk"),
        ("I can't diagnose you.", "I can't diagnose them."),
        # Said to the caregiver: left alone.
        ("If you are worried, call them.", "If you are worried, call them."),
    ],
)
def test_the_swaps(text: str, expected: str) -> None:
    assert about_them(text) == expected
