"""The sign rules on their own (skill_tools/simulator/nlu_signs.py); through the matcher,
with the real model, in test_nlu.py and tests/test_safety.py."""

from __future__ import annotations

import pytest

from skill_tools.simulator.nlu_signs import (
    asks_about,
    denies,
    had_it_earlier,
    history_then_now,
    told_before_asking,
)
from skill_tools.simulator.nlu_words import spoken_form, stem

SIGNS = frozenset(
    stem(w) for w in ("chest", "pain", "swollen", "red", "breath", "trouble", "breathing")
)


def _stems(text: str) -> list[str]:
    return [stem(w) for w in spoken_form(text).split()]


@pytest.mark.parametrize(
    ("phrase", "denied"),
    [
        ("i do not have chest pain", True),
        ("no chest pain or trouble breathing", True),
        ("my chest pain is fine", True),
        ("no, i have chest pain", False),
        ("i do not know, i have chest pain", False),
        ("i am not having chest pain now but earlier today i did", False),
        ("i do not have chest pain but my dad did last year", True),
        ("i do not have any pain in my chest", True),
        # round 18: "my" opens a new clause the "not" does not reach
        ("i do not feel well my chest pain is back", False),
    ],
)
def test_a_sign_is_denied_only_when_the_denial_reaches_it(phrase: str, denied: bool) -> None:
    words = frozenset({stem("chest"), stem("pain")})
    assert denies(_stems(phrase), words, SIGNS) is denied


def test_a_word_said_twice_is_read_where_it_reports_the_sign() -> None:
    """Round 18: "i don't feel right, my face feels numb" took its first "feel" as denied."""
    words = frozenset(stem(w) for w in ("face", "feels", "numb"))
    assert not denies(_stems("i do not feel right my face feels numb"), words, SIGNS)
    assert denies(_stems("my face does not feel numb"), words, SIGNS)


def test_each_word_of_a_sign_may_be_denied_on_its_own_even_by_a_fine_after_it() -> None:
    """Round 13: "yes, and i can breathe fine and no chest pain" was "pain when i breathe"."""
    words = frozenset({stem("pain"), stem("breathe")})
    assert denies(_stems("yes and i can breathe fine and no chest pain"), words, SIGNS)
    assert not denies(_stems("i can breathe fine but there is pain"), words, SIGNS)
    assert not denies(_stems("pain when i breathe"), words, SIGNS)


@pytest.mark.parametrize(
    ("phrase", "asked"),
    [
        ("can leg cramps cause a stroke", True),
        ("how do i know if chest pain is serious", True),
        ("should i call nine one one if my leg swells up", True),
        ("i used to get chest pains", True),
        # round 13
        ("can you overdose on magnesium", True),
        ("should i go to the emergency room for a charley horse", True),
        ("my leg swelled up after surgery last year but it is fine now", True),
        ("my dad died of a heart attack are vein problems hereditary", True),
        ("can you call for help", False),
        ("should i go to the emergency room my calf is swollen", False),
        ("is this a stroke", False),
        ("why can not i breathe", False),
        ("what if my leg is swollen and red right now", False),
        ("my chest hurts", False),
        ("can not think straight all of a sudden", False),
        # round 36: a stroke's signs that passed are still the emergency; long ago they are not
        ("my left arm went numb for a bit this morning but it is fine now", False),
        ("my face drooped for a minute yesterday but it went away", False),
        ("his arm went weak and his face looked droopy but he is fine now", False),
        ("my face drooped years ago but it went away", True),
        ("my foot went numb from sitting but it is fine now", True),
        # round 40: an age is history, a reading is not (the fallback)
        ("my dad had a stroke at forty", True),
        ("his sugar is down at forty and he is all sweaty", False),
        # round 42: a question whose last few words name what it asks about (911, it ended)
        ("do cramps mean i got a blood clot", True),
        ("should i call an ambulance for a bad leg cramp", True),
        ("do my cramps mean i am having a heart attack my chest hurts and i feel sick", False),
        ("should i call an ambulance for a swollen red leg that hurts so bad", False),
        # round 44: whom it would happen to, asked about; a sign over "now" (911, it ended)
        ("can leg cramps give my grandpa a heart attack", True),
        ("the cramps give my husband chest pain", False),
        ("i cannot breathe from the pain for one minute now it is ok", True),
        ("he had chest pain last week now he is fine", True),
        ("i cannot breathe now it is worse", False),
        # round 46: a worry that ends the phrase asks; a sign told after it does not
        ("i have spider veins on my thighs am i gonna have a stroke or something", True),
        ("am i going to have a stroke my face is drooping", False),
        ("am i gonna have a stroke or something my speech is all slurred", False),
    ],
)
def test_a_question_about_a_sign_is_told_from_a_report_of_one(phrase: str, asked: bool) -> None:
    assert asks_about(spoken_form(phrase)) is asked


def test_having_had_it_needs_a_turn_and_no_more_than_when() -> None:
    assert had_it_earlier(_stems("now but earlier today i did"))
    assert not had_it_earlier(_stems("now and earlier today i did"))
    assert not had_it_earlier(_stems("but i did have a clot years ago"))
    # round 13: the other way round, none before but some now
    assert had_it_earlier(_stems("this morning but i do now"))
    assert had_it_earlier(_stems("before but now it is really bad"))
    assert not had_it_earlier(_stems("before but now it is just cramps"))


def test_history_then_now_cuts_only_where_the_rest_speaks_of_something_else() -> None:
    said = spoken_form("i had a stroke in 2019 and now my legs cramp")
    assert history_then_now(said) == ("i had a stroke in two zero one nine", "my legs cramp")
    assert history_then_now("i had a stroke last year but now my calves cramp") is not None
    assert history_then_now("i had a stroke last year and now it is happening again") is None
    assert history_then_now("my legs cramp now and then") is None
    assert history_then_now("i had a stroke last year and now") is None
    assert history_then_now("i used to have chest pains but now it is just leg cramps")


def test_a_sign_told_before_a_question_about_it_is_what_was_told() -> None:
    """Round 42: "my chest hurts and i can't breathe, is this an emergency" got the fallback
    (a question about a sign, the rule read), with only its 911 line."""
    said = "my chest hurts and i can not breathe is this an emergency"
    assert told_before_asking(said) == "my chest hurts and i can not breathe"
    assert told_before_asking("is this an emergency") is None
    assert told_before_asking("what should i do if my leg swells") is None
    # round 46: what is told before a worry that ends the phrase is read on its own
    said = spoken_form("my face is drooping am i gonna have a stroke or something")
    assert told_before_asking(said) == "my face is drooping"
