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


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        (["his calves", "walking"], True),
        (["my dad's legs"], True),
        (["when She walks"], True),
        (["my legs", "when I walk"], False),
        (["the legs"], False),
        ([], False),
    ],
)
def test_about_someone_else(heard: list[str], expected: bool) -> None:
    assert answers.about_someone_else(heard) is expected


@pytest.mark.parametrize(
    ("heard", "expected"),
    [
        ("for Manny", True),  # round 37: the check asked "do you ...", about the user
        ("for bev", True),
        ("for real", False),
        ("for now", False),
        ("for me", False),
        ("for my", False),
        ("for the hired hand", False),  # no name: the slot's own values say whom
        ("manny", False),
        (None, False),
    ],
)
def test_a_person_heard_as_for_and_a_name_is_someone_else(heard, expected: bool) -> None:
    assert answers.named_someone(heard) is expected


@pytest.mark.parametrize(
    ("value_id", "asked", "expected"),
    [
        ("HAS_VARICOSE", "SLEEP", None),  # "a few", said to the sleep question: no answer
        ("HAS_VARICOSE", "VARICOSE", ("VARICOSE", Answer.YES)),
        ("NEVER", "SLEEP", ("SLEEP", Answer.NO)),
        ("OFTEN", "VARICOSE", None),  # "most nights" says nothing about varicose veins
        ("WITH_WALKING", "FREQUENT", ("WALKING", Answer.YES)),  # kept for later
        ("SPIDER_ONLY", "VARICOSE", ("VARICOSE", Answer.UNSURE)),
    ],
)
def test_what_an_answer_means_depends_on_the_question_asked(value_id, asked, expected) -> None:
    assert answers.meaning(value_id, asked) == expected


@pytest.mark.parametrize(
    ("hedge_id", "answer", "expected"),
    [
        ("NOT", Answer.YES, Answer.NO),  # "I wouldn't say they wake me up"
        ("NOT", Answer.NO, Answer.UNSURE),  # "I wouldn't say they don't wake me up"
        ("DOUBT", Answer.YES, Answer.UNSURE),  # "I can't say they happen when I walk"
        ("DOUBT", Answer.NO, Answer.UNSURE),
        (None, Answer.YES, Answer.YES),
        ("UNKNOWN", Answer.YES, Answer.YES),  # a value the table lacks changes nothing
    ],
)
def test_a_hedge_turns_the_answer_it_qualifies(hedge_id, answer, expected) -> None:
    found = answers.hedged(answers.Meaning("SLEEP", answer), hedge_id)
    assert found == ("SLEEP", expected)
    assert answers.hedged(None, hedge_id) is None


@pytest.mark.parametrize(
    ("heard", "named"),
    [
        ("a clot though", True),
        ("a DVT", True),
        ("a heart attack", True),
        ("the heat", False),
        ("clotted cream", False),
    ],
)
def test_a_complication_is_named_by_its_own_word(heard: str, named: bool) -> None:
    assert answers.names_a_complication(heard) is named
