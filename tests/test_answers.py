"""skill/answers.py: which heard words speak of oneself, and what a topic said so answers."""

from __future__ import annotations

import pytest

from skill import answers
from skill.triage import Answer


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        (["my legs", "cramp"], True),
        (["when I walk"], True),  # Alexa may send "I" in capitals
        (["while I'm walking"], True),
        (["the legs", "when walking"], False),
        (["cramps", "running"], False),
        ([], False),
        (["mystery"], False),  # a word that starts with "my" is not "my"
    ],
)
def test_about_oneself(heard: list[str], expected: bool) -> None:
    assert answers.about_oneself(heard) is expected


def test_the_walking_topic_answers_the_walking_question() -> None:
    assert answers.TOPIC_MEANINGS["CrampsWhenWalkingIntent"] == answers.Meaning(
        "WALKING", Answer.YES
    )
