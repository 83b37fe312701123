"""The held-out evaluation set (eval_phrases.yaml) through the simulator.

Phrasings nobody tuned to the model: at least 95% reach the intent their label means, and
the check takes people's own answers ("every night", "they wake me up", "a few") as the
answer they mean, while fragments ("huh", "hmm") are never recorded. bench/bench_nlu.py
reports the same figures, with the share an exact-match matcher would get.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from skill import triage
from skill.simulator import Simulator, Turn, load_nlu
from skill.simulator.envelopes import EnvelopeFactory
from skill.simulator.nlu import model_path, normalise
from skill.simulator.session import _Open
from skill.triage import Answer

HERE = Path(__file__).resolve().parent
EVAL = yaml.safe_load((HERE / "eval_phrases.yaml").read_text("utf-8"))
OFFLINE_API = "http://127.0.0.1:9"

# What each label means: the intents that serve it. "stop" may also be Alexa's own "exit".
LABELS: dict[str, frozenset[str]] = {
    "night_cramps": frozenset({"LegCrampsAtNightIntent"}),
    "what_are_cramps": frozenset({"WhatAreLegCrampsIntent"}),
    "cramp_causes": frozenset({"CrampCausesIntent"}),
    "cramps_and_vein_disease": frozenset({"CrampsAndVeinDiseaseIntent"}),
    "cramps_when_walking": frozenset({"CrampsWhenWalkingIntent"}),
    "how_leg_veins_work": frozenset({"HowLegVeinsWorkIntent"}),
    "venous_insufficiency": frozenset({"VenousInsufficiencyIntent"}),
    "varicose_veins": frozenset({"VaricoseVeinsIntent"}),
    "vein_diagnosis": frozenset({"VeinDiagnosisIntent"}),
    "when_to_see_specialist": frozenset({"WhenToSeeSpecialistIntent"}),
    "start_check": frozenset({"SymptomCheckIntent"}),
    "contact_clinic": frozenset({"ContactClinicIntent", "ClinicPhoneIntent"}),
    "set_reminder": frozenset({"SetReminderIntent"}),
    "tell_me_more": frozenset({"TellMeMoreIntent", "WhyIntent"}),
    "not_sure": frozenset({"NotSureIntent"}),
    "help": frozenset({"AMAZON.HelpIntent"}),
    "stop": frozenset({"AMAZON.StopIntent", "AMAZON.CancelIntent", "SessionEndedRequest"}),
    "repeat": frozenset({"AMAZON.RepeatIntent"}),
    "start_over": frozenset({"AMAZON.StartOverIntent"}),
    "yes": frozenset({"AMAZON.YesIntent"}),
    "no": frozenset({"AMAZON.NoIntent"}),
    "finished": frozenset(
        {"AMAZON.NoIntent", "AMAZON.StopIntent", "ThanksIntent", "SessionEndedRequest"}
    ),
    "why_result": frozenset({"WhyIntent", "TellMeMoreIntent"}),
}
# The check state in which each question is the one being asked.
BEFORE = {
    "FREQUENT": {},
    "SLEEP": {"FREQUENT": "yes"},
    "WALKING": {"FREQUENT": "no", "SLEEP": "no"},
    "VARICOSE": {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"},
}
QUESTIONS = tuple(BEFORE)


@cache
def _nlu():
    return load_nlu(model_path("en-US"))


def say_in_session(utterance: str, attributes: dict) -> Turn:
    sim = Simulator(_nlu(), EnvelopeFactory(api_endpoint=OFFLINE_API))
    sim.session = _Open("amzn1.echo-api.session.eval", dict(attributes))
    turn = sim.say(utterance)
    assert turn is not None
    return turn


def understood(turn: Turn) -> str:
    return turn.intent or turn.request_type


def intent_results() -> list[tuple[str, str, Turn]]:
    return [
        (label, phrase, say_in_session(phrase, {}))
        for label, phrases in EVAL["intents"].items()
        for phrase in phrases
    ]


def test_the_set_is_large_labelled_and_held_out() -> None:
    phrases = [p for ps in EVAL["intents"].values() for p in ps]
    assert len(phrases) >= 300 and set(EVAL["intents"]) == set(LABELS)
    model = _nlu()
    samples = {normalise(s) for i in _intents(model) for s in i}
    assert not [p for p in phrases if normalise(p) in samples]


def _intents(model) -> list[list[str]]:
    import json

    raw = json.loads(model_path("en-US").read_text("utf-8"))
    return [i.get("samples", []) for i in raw["interactionModel"]["languageModel"]["intents"]]


def test_at_least_95_percent_reach_the_intent_they_mean() -> None:
    results = intent_results()
    missed = [
        (label, p, understood(t)) for label, p, t in results if understood(t) not in LABELS[label]
    ]
    accuracy = 1 - len(missed) / len(results)
    assert accuracy >= 0.95, f"{accuracy:.1%}; missed: {missed}"


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_check_takes_answers_in_people_s_own_words(question: str) -> None:
    said = EVAL["check_answers"][question]
    wrong = []
    total = 0
    for meant, phrases in said.items():
        for phrase in phrases:
            total += 1
            turn = say_in_session(phrase, {"pending": "check", "answers": BEFORE[question]})
            recorded = _recorded(turn, question)
            if recorded != meant:
                wrong.append((phrase, meant, recorded, understood(turn)))
    assert 1 - len(wrong) / total >= 0.95, wrong


def _recorded(turn: Turn, question: str) -> str | None:
    """The answer the check recorded for `question` in this turn (None: nothing)."""
    attrs = turn.session_attributes
    if attrs.get("pending") == "check":
        return attrs.get("answers", {}).get(question)
    # The check ended with this answer: find the answer whose result this is.
    result = attrs.get("result")
    for answer in Answer if result else ():
        answers = {**BEFORE[question], question: answer}
        if triage.next_question(answers) is None and list(triage.classify(answers)) == result:
            return answer.value
    return None


@pytest.mark.parametrize("question", QUESTIONS)
def test_unclear_fragments_are_never_recorded_and_the_question_comes_again(question: str) -> None:
    text = None
    for fragment in EVAL["check_answers"]["unclear"]:
        turn = say_in_session(fragment, {"pending": "check", "answers": BEFORE[question]})
        assert turn.session_attributes.get("answers") == BEFORE[question], fragment
        assert turn.session_attributes.get("pending") == "check", fragment
        text = text or turn.speech
        assert not turn.session_ended, fragment
    assert text is not None
