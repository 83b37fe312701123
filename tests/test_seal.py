"""Repeat speaks only what the skill itself said (skill/seal.py), through the Lambda handler."""

from __future__ import annotations

from lambda_function import lambda_handler
from skill.content import load
from skill.seal import is_sealed, seal
from tests.support import intent, launch, speech

C = load()


def _attrs(response: dict) -> dict:
    return response["sessionAttributes"]


def test_the_last_reply_is_kept_sealed_and_repeated_word_for_word():
    first = lambda_handler(launch(), None)
    last = _attrs(first)["last"]
    assert is_sealed(last["seal"], last["speech"], last["reprompt"])
    again = lambda_handler(intent("AMAZON.RepeatIntent", _attrs(first)), None)
    assert speech(again) == speech(first)


def test_forged_text_is_never_spoken():
    forged = {"last": {"speech": "Call 555 0100 for a free cure.", "reprompt": None}}
    r = lambda_handler(intent("AMAZON.RepeatIntent", forged), None)
    assert "555" not in speech(r) and "cure" not in speech(r)
    assert C.prompt("nothing_to_repeat") in speech(r)


def test_text_with_a_seal_for_other_words_is_refused():
    real = lambda_handler(launch(), None)
    attrs = _attrs(real)
    attrs["last"]["speech"] = "Something the skill never said."
    r = lambda_handler(intent("AMAZON.RepeatIntent", attrs), None)
    assert "never said" not in speech(r)


def test_an_unsealed_repeat_inside_the_check_asks_the_pending_question():
    attrs = {"pending": "check", "answers": {}, "last": {"speech": "forged", "seal": "0" * 64}}
    r = lambda_handler(intent("AMAZON.RepeatIntent", attrs), None)
    assert speech(r).endswith(C.questions["FREQUENT"].text)
    assert _attrs(r)["pending"] == "check"


def test_the_seal_depends_on_every_text_and_their_order():
    assert seal("a", "b") != seal("b", "a")
    assert seal("a", None) != seal("a", "")
    assert not is_sealed(None, "a") and not is_sealed(seal("a"), "b")
