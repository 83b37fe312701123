"""The local NLU against the real interaction model, and against small models made to probe
one rule each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from skill.answers import TOPIC_MEANINGS, meaning
from skill.handlers.intents import OUT_OF_SCOPE_INTENTS
from skill_tools.model import ModelError, model_path
from skill_tools.simulator.nlu import FALLBACK, NEAR_THRESHOLD, NLU, RouteKind, load_nlu
from skill_tools.simulator.nlu_match import Match
from skill_tools.simulator.nlu_words import BUILTIN_PHRASES, drop_fillers, spoken_form, stem

MODEL = json.loads(model_path("en-US").read_text(encoding="utf-8"))
PHRASES = yaml.safe_load((Path(__file__).parent / "nlu_phrases.yaml").read_text())
nlu = load_nlu(model_path("en-US"))


def _intents() -> list[dict[str, Any]]:
    return MODEL["interactionModel"]["languageModel"]["intents"]


def tiny(intents: list[dict[str, Any]], types: list[Any] | None = None, **extra: Any) -> NLU:
    """A model with just these intents (plus whatever `extra` adds at interactionModel level)."""
    lm = {"invocationName": "tiny helper", "intents": intents, "types": types or []}
    return NLU({"interactionModel": {"languageModel": lm, **extra}})


# -- the real model -----------------------------------------------------------------------


ANSWER_TYPES = ("CrampFrequency",)  # slot types whose resolved ids the skill acts on
# Round 45: every answer phrase in every sample was 100,000 phrases, half of CI's time; each
# phrase now goes in every tenth sample (over ten samples each) and the first sample has them all.
ANSWER_STRIDE = 10


def test_the_real_model_has_no_sample_listed_for_two_intents() -> None:
    assert nlu.conflicts == []


@pytest.mark.parametrize(
    ("intent", "sample"),
    [(i["name"], s) for i in _intents() for s in i.get("samples", []) if "{" not in s],
)
def test_every_literal_sample_reaches_its_own_intent_exactly(intent: str, sample: str) -> None:
    match = nlu.resolve(sample)
    assert (match.intent, match.method) == (intent, "exact")


LITERAL_SAMPLES = {spoken_form(s) for i in _intents() for s in i.get("samples", []) if "{" not in s}


BUILTIN_EXAMPLES = {
    "AMAZON.DATE": "tomorrow", "AMAZON.TIME": "ten", "AMAZON.DURATION": "an hour",
    "AMAZON.FirstName": "martha",
}


def _slot_phrases() -> list[tuple[str, str, str, str, str, str]]:
    """(intent, utterance, slot, heard, id, sample): for the answer types, the first sample
    using the slot with every value and each other with every tenth (ANSWER_STRIDE); for
    vocabulary types (names of remedies, leg parts, times of night...) the first
    sample using the slot with every phrase of the type, and each other sample with one
    phrase, which proves the same at a fraction of the cases. The sample's other slots hold
    the first value of their type."""
    types = {t["name"]: t for t in MODEL["interactionModel"]["languageModel"]["types"]}
    out = []
    for intent in _intents():
        slots = {s["name"]: types[s["type"]] for s in intent.get("slots", []) if s["type"] in types}
        # Built-in slots (a reminder's day or time) hold a phrase Alexa understands.
        builtins = {
            s["name"]: BUILTIN_EXAMPLES[s["type"]]
            for s in intent.get("slots", [])
            if s["type"] not in types
        }
        seen: set[str] = set()
        for k, sample in enumerate(intent.get("samples", [])):
            for name, slot_type in slots.items():
                if "{" + name + "}" not in sample:
                    continue
                every = name not in seen
                answers = slot_type["name"] in ANSWER_TYPES
                seen.add(name)
                others = sample
                for other, example in builtins.items():
                    others = others.replace("{" + other + "}", example)
                for other, other_type in slots.items():
                    if other != name:
                        first = other_type["values"][0]["name"]["value"]
                        others = others.replace("{" + other + "}", first)
                cases = [
                    (phrase, v["id"])
                    for v in slot_type["values"]
                    for phrase in [v["name"]["value"], *v["name"].get("synonyms", [])]
                ]
                if every:
                    chosen = cases
                elif answers:  # each answer phrase in every ANSWER_STRIDE-th sample
                    chosen = [c for j, c in enumerate(cases) if (j - k) % ANSWER_STRIDE == 0]
                else:
                    chosen = [cases[k % len(cases)]]
                for phrase, value_id in chosen:
                    utterance = others.replace("{" + name + "}", phrase)
                    out.append((intent["name"], utterance, name, phrase, value_id, sample))
    return out


def _slot_groups() -> dict[tuple[str, str], list[tuple[str, str, str, str]]]:
    """_slot_phrases() by (intent, slot): one test each, every phrase checked (tens of
    thousands of single-phrase tests cost more in pytest's bookkeeping than in matching)."""
    groups: dict[tuple[str, str], list[tuple[str, str, str, str]]] = {}
    for intent, utterance, slot, heard, value_id, sample in _slot_phrases():
        groups.setdefault((intent, slot), []).append((utterance, heard, value_id, sample))
    return groups


def _another_full_reading(match: Match, sample: str) -> bool:
    """True when another sample says the same words with every slot resolved ("what causes
    {varicose} behind my knee" with "those knotted veins", where the phrase came from "what
    causes those {varicose} ..."; "can {condition} make my leg cramp" with "spider veins", a
    sample of another intent with its {varicose}): a real ambiguity, read another way."""
    resolved = all(f.status == "ER_SUCCESS_MATCH" for f in match.slots.values() if f.value)
    return match.method == "exact" and match.sample != sample and resolved


def _same_check_answer(topic: str, value_id: str) -> bool:
    """True when a topic the phrase also reads as answers the check as the value does ("my
    leg cramps when she walks": the walking topic, or a walking answer): the skill takes
    either as that answer (skill/answers.py TOPIC_MEANINGS)."""
    said = TOPIC_MEANINGS.get(topic)
    return said is not None and said == meaning(value_id, said.question)


SLOT_GROUPS = _slot_groups()


@pytest.mark.parametrize(("intent", "slot"), list(SLOT_GROUPS), ids="-".join)
def test_every_slot_sample_with_every_synonym_resolves_like_alexa(intent: str, slot: str) -> None:
    wrong = []
    for utterance, heard, value_id, sample in SLOT_GROUPS[(intent, slot)]:
        match = nlu.resolve(utterance)
        if match.intent != intent and not _same_check_answer(match.intent, value_id):
            if not _another_full_reading(match, sample):
                wrong.append((utterance, match.intent))
            continue
        if match.intent != intent:
            continue
        if spoken_form(utterance) in LITERAL_SAMPLES:
            continue  # "why do my legs cramp at night" is also a sample of its own: no slot
        fill = match.slots[slot]
        expected = (spoken_form(heard), "ER_SUCCESS_MATCH", value_id)
        got = (fill.value, fill.status, fill.resolved)
        if got != expected and not _another_full_reading(match, sample):
            wrong.append((utterance, got))
    assert wrong == []


@pytest.mark.parametrize(
    ("intent", "phrase"), [(i, p) for i, ps in PHRASES["near"].items() for p in ps]
)
def test_phrases_close_to_a_sample_reach_the_right_intent(intent: str, phrase: str) -> None:
    assert nlu.resolve(phrase).intent == intent


@pytest.mark.parametrize(
    ("intent", "phrase"), [(i, p) for i, ps in PHRASES["classifier"].items() for p in ps]
)
def test_phrases_far_from_every_sample_but_clear_in_their_words_are_classified(
    intent: str, phrase: str
) -> None:
    match = nlu.resolve(phrase)
    assert (match.intent, match.method) == (intent, "classifier")
    assert nlu.score(phrase)[0][0] < nlu.threshold  # no near match: the classifier's own work


@pytest.mark.parametrize("phrase", PHRASES["nonsense"])
def test_phrases_close_to_no_sample_become_fallback(phrase: str) -> None:
    """Fallback, or an out-of-scope question's carrier with an unknown subject ("what is
    love" fills {treatment} with no match): the skill answers that "not covered" too."""
    match = nlu.resolve(phrase)
    if match.method == "open_slot":
        assert match.intent in OUT_OF_SCOPE_INTENTS
        assert all(f.status == "ER_SUCCESS_NO_MATCH" for f in match.slots.values() if f.value)
    else:
        assert (match.intent, match.method) == (FALLBACK, "fallback")


@pytest.mark.parametrize(
    "phrase",
    ["no stop, I don't want a reminder", "that's everything I wanted to know", "stop the check"],
)
def test_leaving_the_check_then_refusing_or_closing_asks_for_nothing_more(phrase: str) -> None:
    """Only a request said after "stop" outweighs it: not a refusal, not a closing remark."""
    assert nlu.resolve(phrase).intent not in {"SetReminderIntent", "TellMeMoreIntent"}


def test_near_phrases_are_really_not_samples() -> None:
    """Otherwise the near-match tests above would prove nothing about the near match."""
    near = [p for ps in PHRASES["near"].values() for p in ps]
    samples = {spoken_form(s) for i in _intents() for s in i.get("samples", [])}
    assert not [p for p in near if spoken_form(p) in samples]


def test_matching_ignores_case_punctuation_and_spacing() -> None:
    for text in ("WHY do my legs cramp at night?!", "  why, do my legs  cramp at NIGHT. "):
        assert nlu.resolve(text).method == "exact"
        assert nlu.resolve(text).intent == "LegCrampsAtNightIntent"


def test_contractions_match_either_way() -> None:
    assert nlu.resolve("I am not sure").intent == "NotSureIntent"  # sample: "i'm not sure"
    assert nlu.resolve("I’d say most nights").slots["frequency"].resolved == "OFTEN"
    assert spoken_form("What's the vein center's website?") == "what is the vein center website"


def test_spanish_words_in_english_are_read_as_an_english_recogniser_writes_them() -> None:
    """Round 40, a landscaper: "la pierna de mi esposa", "dolor de pecho", "calambres" fell
    back; "mi" alone is still the Jamaican English "i"."""
    assert spoken_form("la pierna de mi esposa is swollen") == "the leg de my wife is swollen"
    assert spoken_form("I got dolor de pecho") == "i got chest pain"
    assert spoken_form("mis calambres a veces") == "mis cramps sometimes"
    assert spoken_form("mi cyaan sleep") == "i can not sleep"


def test_the_article_named_before_the_topic_is_a_carrier() -> None:
    """Round 40 (left from round 39): near the help sample "what does the article say"."""
    match = nlu.resolve("does the article say anything about potassium")
    assert match.intent != "AMAZON.HelpIntent" and match.method == "carrier", match
    assert nlu.resolve("what does the article say").intent == "AMAZON.HelpIntent"


def test_a_value_that_is_no_synonym_fills_the_slot_with_no_match() -> None:
    match = nlu.resolve("they happen every solstice")
    fill = match.slots["frequency"]
    assert (match.intent, match.method) == ("CrampFrequencyIntent", "open_slot")
    assert (fill.value, fill.status, fill.resolved) == (
        "every solstice",
        "ER_SUCCESS_NO_MATCH",
        None,
    )


def test_a_near_match_keeps_the_slot_value_heard() -> None:
    match = nlu.resolve("they happen every night now")
    assert match.method == "near"
    assert match.slots["frequency"].value == "every night"
    assert match.slots["frequency"].resolved == "OFTEN"


@pytest.mark.parametrize(
    ("phrase", "not_this"),
    [
        ("that's not right", "that's right"),  # round 10: a yes
        ("i'd never say they wake me up", "i'd say {answer}"),  # "never" is a slot value too
        ("i would hardly say they don't not wake me up", "i'd say {answer}"),
    ],
)
def test_a_near_match_never_drops_a_not_the_sample_lacks(phrase: str, not_this: str) -> None:
    assert nlu.resolve(phrase).sample != not_this


@pytest.mark.parametrize(
    ("phrase", "not_this"),
    [  # round 11: each was near its sample with the "not" left out
        ("i am sure", "NotSureIntent"),
        ("i'm sure about that", "NotSureIntent"),
        ("usually", "AMAZON.NoIntent"),
        ("as such", "AMAZON.NoIntent"),
    ],
)
def test_a_near_match_never_drops_a_not_the_phrase_lacks(phrase: str, not_this: str) -> None:
    assert nlu.resolve(phrase).intent != not_this


@pytest.mark.parametrize(
    ("phrase", "slot", "value"),
    [  # round 10: said to "would you like a reminder?", each was a plain yes or fell back
        ("yes, at 3 pm on friday", "time", "15:00"),
        ("yes tomorrow at noon", "time", "12:00"),
        ("in about an hour", "duration", "PT1H"),
        ("could you make it thursday instead", "day", None),
        ("tomorrow morning is fine", "day", None),
        ("yeah, remind me friday at noon", "time", "12:00"),
        ("yes, but make it monday at ten", "time", None),
        ("yes please, and saturday at eleven works for the reminder", "day", None),
        ("remind me to phone the vein people this weekend", "day", None),  # round 11
        ("remind me in three days at ten in the morning", "duration", "P3D"),  # fell back
        ("give me a nudge in a week or so", "duration", "P1W"),
        ("remind me tonight at eight to call the vein place", "time", "20:00"),
        ("yes please, around 10", "time", "10:00"),  # round 12: a plain yes
        ("remind me to call them on thursday afternoon", "time", "AF"),  # the afternoon lost
    ],
)
def test_a_day_or_time_said_to_the_reminder_offer_is_the_reminder_s(
    phrase: str, slot: str, value: str | None
) -> None:
    match = nlu.resolve(phrase)
    assert match.intent == "SetReminderIntent"
    assert match.slots[slot].value is not None
    assert value is None or match.slots[slot].value == value


def test_a_slot_value_s_word_is_never_corrected_to_another_word() -> None:
    """Round 10: "quite" (of the value "quite often") became "quiet", a Stop sample, and
    "yes quite frequently", asked how often, ended the session."""
    for said in ("yes quite frequently", "no quite rarely"):
        assert nlu.resolve(said).intent != "AMAZON.StopIntent", said


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        ("no chest pain or anything, just cramps in my calves at night", "LegCrampsAtNightIntent"),
        (
            "I'm not having trouble breathing, I just want to know about varicose veins",
            "VaricoseVeinsIntent",
        ),
        ("my chest doesn't hurt, I just get cramps when I walk", "CrampsWhenWalkingIntent"),
        # round 12: a denial in other words, or the question's subject before "just"
        (
            "no chest pain or anything like that, my calves just cramp up in bed",
            "LegCrampsAtNightIntent",
        ),
        ("nothing's swollen, it just cramps at night", "LegCrampsAtNightIntent"),
    ],
)
def test_a_denial_before_a_question_is_the_question(phrase: str, intent: str) -> None:
    """Round 11: the denial won (or nothing did), and what the user asked was lost."""
    assert nlu.resolve(phrase).intent == intent


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        ("I had a stroke in 2019 and now my legs cramp at night, why", "LegCrampsAtNightIntent"),
        (
            "I had chest pain last year but now my calves cramp when I walk",
            "CrampsWhenWalkingIntent",
        ),
    ],
)
def test_a_sign_in_the_past_then_a_question_now_is_the_question(phrase: str, intent: str) -> None:
    """Round 13: 911 (the sign's words, with "now" in the phrase), and the session ended."""
    assert nlu.resolve(phrase).intent == intent


def test_a_sign_said_after_a_denial_is_still_the_emergency() -> None:
    said = "no chest pain, but my calf is suddenly swollen red and painful"
    assert nlu.resolve(said).intent == "EmergencyIntent"


@pytest.mark.parametrize(
    "phrase",
    [
        "what do strokes feel like",
        "could varicose veins cause a heart attack",
        "how would i know if leg swelling is serious",
        "what should i do if my calf gets hot and swollen",
        "i had chest pain a few years ago, can that cause cramps",
    ],
)
def test_a_question_about_a_sign_is_no_report_of_one(phrase: str) -> None:
    """Round 12: questions about a stroke or chest pain got 911, and the session ended."""
    assert nlu.resolve(phrase).intent != "EmergencyIntent"


@pytest.mark.parametrize(
    "phrase",
    [
        "am i having a stroke",
        "is this a stroke",
        "could i be having a heart attack",
        "what does it mean when my calf is red and swollen",
        "is it bad that my chest hurts",
        "why can't i breathe",
    ],
)
def test_a_question_that_reports_a_sign_is_still_the_emergency(phrase: str) -> None:
    assert nlu.resolve(phrase).intent == "EmergencyIntent"


@pytest.mark.parametrize(
    ("phrase", "intent", "value"),
    [
        ("a few times a week, no wait, more like a few times a month", None, "RARELY"),
        ("every night, I mean hardly ever", "CrampFrequencyIntent", "SELDOM"),
        ("hardly ever, or rather a couple times a week", "CrampFrequencyIntent", "OFTEN"),
        ("no wait, yes", "AMAZON.YesIntent", None),
        ("yes, no wait, no", "AMAZON.NoIntent", None),
        ("no, scratch that, yes", "AMAZON.YesIntent", None),
    ],
)
def test_an_answer_corrected_in_the_same_breath_is_the_second(
    phrase: str, intent: str | None, value: str | None
) -> None:
    """Round 12: the first answer's value was taken ("a few times a week, no wait, ...")."""
    found = nlu.resolve(phrase)
    if intent is not None:
        assert found.intent == intent
    if value is not None:
        assert found.slots["frequency"].resolved == value


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        ("my dad's been getting a lot of cramps lately, what could cause that", None),
        ("i would not say most nights", None),
        ("a handful of times since christmas", "CrampFrequencyIntent"),
    ],
)
def test_one_answer_named_in_a_long_phrase_is_that_answer_unless_asked_or_denied(
    phrase: str, intent: str | None
) -> None:
    """Round 12: "oh goodness, most nights, I'd say maybe five nights out of seven" fell
    back; a question or a "not" around the value keeps it from being the answer."""
    found = nlu.resolve(phrase)
    assert (found.method == "answer_value") == (intent is not None)
    assert intent is None or found.intent == intent


@pytest.mark.parametrize(
    "phrase", ["they cramp, I mean, really bad at night", "I wait for them to pass"]
)
def test_a_correction_word_outside_answers_corrects_nothing(phrase: str) -> None:
    assert nlu.resolve(phrase).method != "correction"


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [  # round 13: the clots and strokes reply ("years"), or the fallback
        ("I'm 91 years old and my calves cramp every night", "LegCrampsAtNightIntent"),
        ("my mother is 99 and her legs cramp, what causes it", "CrampCausesIntent"),
        ("hurry up, what are varicose veins", "VaricoseVeinsIntent"),
    ],
)
def test_an_age_or_a_hurry_said_first_is_no_part_of_the_question(phrase: str, intent: str) -> None:
    assert nlu.resolve(phrase).intent == intent


@pytest.mark.parametrize(
    "phrase", ["i'd like to know about varicose veins", "i want to know about varicose veins"]
)
def test_wanting_to_know_about_a_topic_is_being_told_about_it(phrase: str) -> None:
    """Round 11: "i would like to know" lost its "like" as a filler, and "about ..." alone
    matched no sample ("i'd like to know about varicose veins" was what a leg cramp is)."""
    assert nlu.resolve(phrase).intent == "VaricoseVeinsIntent"


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [  # round 38, new users: each fell back
        ("why do my calves cramp in the middle of the night, mostly the left one",
         "LegCrampsAtNightIntent"),
        ("what's their address, I might swing by with the rig", "ClinicLogisticsIntent"),
        ("are varicose veins hereditary? my mother had terrible ones", "RiskFactorsIntent"),
    ],
)
def test_a_question_then_a_remark_of_the_asker_s_own_is_the_question(
    phrase: str, intent: str
) -> None:
    assert nlu.resolve(phrase).intent == intent


@pytest.mark.parametrize(
    "phrase",
    [  # a remark that says what the question is about is part of it, not the asker's own
        "is it my veins that are making my legs cramp",
    ],
)
def test_a_relative_clause_is_no_remark_after_a_question(phrase: str) -> None:
    assert nlu.resolve(phrase).intent != "PersonalDiagnosisIntent"


@pytest.mark.parametrize(
    "phrase",
    [  # round 37, a dairy farmer; round 38
        "weather good for haying tomorrow?",
        "nah just checking what you do",
        "no just curious what this is",
        # round 38, a trucker: a no, and "Take care. Goodbye!"
        "I can't take these cramps no more, every night same thing",
    ],
)
def test_a_question_a_visit_or_a_worn_out_remark_is_no_goodbye(phrase: str) -> None:
    assert nlu.resolve(phrase).intent not in (
        "ThanksIntent", "AMAZON.NoIntent", "AMAZON.StopIntent", "AMAZON.CancelIntent"
    )


@pytest.mark.parametrize(
    "phrase", ["I can't take these cramps no more, every night same thing",
               "I can't take anymore, every night wake up"]
)
def test_a_worn_out_remark_gets_the_struggling_reply(phrase: str) -> None:
    assert nlu.resolve(phrase).intent == "StrugglingIntent"


@pytest.mark.parametrize("phrase", ["thanks, I wrote it down"])
def test_a_thanks_then_a_remark_is_the_thanks(phrase: str) -> None:
    """Round 38, a widow, to the offer of a reminder: the fallback, and the offer again."""
    assert nlu.resolve(phrase).intent == "ThanksIntent"


def test_asking_the_skill_to_call_the_clinic_sets_no_reminder() -> None:
    assert nlu.resolve("can you call them for me").intent == "BookForMeIntent"


def test_every_declared_slot_is_present_even_when_empty() -> None:
    match = nlu.resolve("they happen")  # a carrier phrase without a value
    assert match.intent == "CrampFrequencyIntent"
    assert match.slots["frequency"].value is None
    assert nlu.resolve("stop").slots == {}


def test_score_lists_samples_best_first() -> None:
    scores = nlu.score("why do legs cramp at night")
    assert scores[0][1] == "LegCrampsAtNightIntent"
    assert scores == sorted(scores, key=lambda s: -s[0])
    assert nlu.threshold == NEAR_THRESHOLD


@given(st.text(max_size=80))
def test_any_text_resolves_to_a_declared_intent_and_never_raises(text: str) -> None:
    match = nlu.resolve(text)
    assert match.intent in nlu.intents
    assert set(match.slots) == {name for name, _ in nlu.intents[match.intent]}
    route, said = nlu.route(text), spoken_form(text)
    if route.kind in (RouteKind.LAUNCH, RouteKind.ONE_SHOT):  # only by the skill's name
        assert "leg cramp helper" in said
    if route.kind in (RouteKind.ONE_SHOT, RouteKind.IN_SKILL):  # the words, not other ones
        assert route.text and route.text in said
    else:
        assert route.text == ""


@given(st.text(max_size=60))
def test_the_spoken_form_is_idempotent(text: str) -> None:
    once = spoken_form(text)
    assert spoken_form(once) == once
    assert drop_fillers(drop_fillers(once)) == drop_fillers(once)


def test_stem_meets_word_forms() -> None:
    assert stem("walking") == stem("walk")
    assert stem("veins") == stem("vein")
    assert stem("diagnosed") == stem("diagnose") == stem("diagnoses")
    assert stem("yes") == "yes"


# -- built-in intents -----------------------------------------------------------------------

BARE_BUILTINS = [{"name": name, "samples": []} for name in BUILTIN_PHRASES]


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        ("yeah", "AMAZON.YesIntent"),
        ("yep", "AMAZON.YesIntent"),
        ("sure", "AMAZON.YesIntent"),
        ("nope", "AMAZON.NoIntent"),
        ("no", "AMAZON.NoIntent"),
        ("stop", "AMAZON.StopIntent"),
        ("cancel", "AMAZON.CancelIntent"),
        ("never mind", "AMAZON.CancelIntent"),
        ("help", "AMAZON.HelpIntent"),
        ("what can I say", "AMAZON.HelpIntent"),
        ("repeat", "AMAZON.RepeatIntent"),
        ("say that again", "AMAZON.RepeatIntent"),
        ("start over", "AMAZON.StartOverIntent"),
        ("restart", "AMAZON.StartOverIntent"),
        ("go home", "AMAZON.NavigateHomeIntent"),
        ("main menu", "AMAZON.NavigateHomeIntent"),
    ],
)
def test_built_in_intents_need_no_samples(phrase: str, intent: str) -> None:
    assert tiny(BARE_BUILTINS).resolve(phrase).intent == intent


def test_a_built_in_intent_the_model_does_not_declare_is_never_reached() -> None:
    model = tiny([{"name": "AMAZON.StopIntent", "samples": []}])
    assert model.resolve("go home").intent == FALLBACK
    assert model.resolve("stop").intent == "AMAZON.StopIntent"


def test_the_model_samples_win_over_built_in_phrases() -> None:
    model = tiny([*BARE_BUILTINS, {"name": "MenuIntent", "samples": ["menu"]}])
    assert model.resolve("menu").intent == "MenuIntent"


# -- slot types and entity resolution ------------------------------------------------------


def test_a_type_of_plain_yes_and_no_words_is_not_tagged_for_the_near_match() -> None:
    """With such a {reply} type tagged, "yeah sure" and "not really sure" were one phrase
    to the near match, and "yeah sure" became not sure."""
    replies = [
        {
            "name": "Reply",
            "values": [
                {"id": "YES", "name": {"value": "yes", "synonyms": ["yeah"]}},
                {"id": "NO", "name": {"value": "no", "synonyms": ["not really"]}},
            ],
        }
    ]
    model = tiny(
        [
            {"name": "AMAZON.YesIntent", "samples": ["yeah okay sure"]},
            {"name": "NotSureIntent", "samples": ["not really sure"]},
            {"name": "AnswerIntent", "slots": [{"name": "reply", "type": "Reply"}],
             "samples": ["{reply} i guess maybe"]},
        ],
        replies,
    )
    found = model.resolve("yeah sure")
    assert (found.intent, found.method) == ("AMAZON.YesIntent", "near")
    assert model.resolve("no i guess maybe").slots["reply"].value == "no"


COLOURS = [
    {
        "name": "Colour",
        "values": [
            {"id": "RED", "name": {"value": "red", "synonyms": ["crimson", "dark"]}},
            {"id": "BLUE", "name": {"value": "blue", "synonyms": ["navy", "dark"]}},
        ],
    }
]
PAINT = {
    "name": "PaintIntent",
    "slots": [{"name": "colour", "type": "Colour"}, {"name": "count", "type": "AMAZON.NUMBER"}],
    "samples": ["paint it {colour}", "paint {count} walls {colour}"],
}


def test_a_synonym_shared_by_two_values_resolves_to_both() -> None:
    fill = tiny([PAINT], COLOURS).resolve("paint it dark").slots["colour"]
    assert fill.status == "ER_SUCCESS_MATCH"
    assert fill.matches == (("RED", "red"), ("BLUE", "blue"))


def test_a_built_in_slot_type_takes_any_words_without_resolutions() -> None:
    match = tiny([PAINT], COLOURS).resolve("paint three walls navy")
    count, colour = match.slots["count"], match.slots["colour"]
    assert (count.value, count.status, count.matches) == ("three", None, ())
    assert (colour.value, colour.resolved) == ("navy", "BLUE")


CAUSES = {
    "name": "CausesIntent",
    "samples": ["what causes leg cramps", "why do my calves cramp", "what gives people cramps"],
}
VALVES = {"name": "ValvesIntent", "samples": ["how do vein valves work", "what do valves do"]}
CHEST = {"name": "EmergencyIntent", "samples": ["my chest hurts", "i can not breathe"]}


def test_the_classifier_takes_a_phrase_the_near_match_cannot_when_its_words_are_clear() -> None:
    model = tiny([CAUSES, VALVES, CHEST])
    match = model.resolve("could alcohol be what causes my calves to cramp")
    assert (match.intent, match.method) == ("CausesIntent", "classifier")
    assert model.score("could alcohol be what causes my calves to cramp")[0][0] < NEAR_THRESHOLD


@pytest.mark.parametrize(
    "phrase",
    [
        "what about the weather",  # only "what" was taught: says nothing of the skill
        "why what cramps",  # question words and one telling word
        "cramps",  # one telling word is not enough
        "valves cramp",  # two telling words, but no intent was taught both
        "alcohol beer wine spirits cause cramps",  # more unknown words than known ones
    ],
)
def test_the_classifier_stays_silent_on_thin_or_foreign_evidence(phrase: str) -> None:
    assert tiny([CAUSES, VALVES, CHEST]).resolve(phrase).method == "fallback"


def test_the_classifier_never_guesses_when_an_emergency_is_a_likely_meaning() -> None:
    """Loose words near an emergency go to the fallback, which offers 911; they neither
    raise the alarm (only the emergency samples do that) nor reach a topic."""
    model = tiny([CAUSES, VALVES, CHEST])
    match = model.resolve("what causes cramps in my chest")
    assert (match.intent, match.method) == (FALLBACK, "fallback")


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        ("is having varicose veins a big deal", "VaricoseVeinsIntent"),
        ("my legs cramp on walks then feel fine once i stop why", "CrampsWhenWalkingIntent"),
    ],
)
def test_everyday_words_of_emergency_samples_are_no_alarm_on_their_own(
    phrase: str, intent: str
) -> None:
    """Round 18: "big" and "feel" sent these to the fallback."""
    assert NLU(MODEL).resolve(phrase).intent == intent


def test_fallback_sensitivity_in_the_model_moves_the_threshold() -> None:
    high = tiny(BARE_BUILTINS, modelConfiguration={"fallbackIntentSensitivity": {"level": "HIGH"}})
    low = tiny(BARE_BUILTINS, modelConfiguration={"fallbackIntentSensitivity": {"level": "LOW"}})
    assert low.threshold < NEAR_THRESHOLD < high.threshold
    assert NLU(MODEL, threshold=0.99).resolve("why do legs get crampy at night").intent == FALLBACK
    phrase = PHRASES["classifier"]["CrampCausesIntent"][0]  # the classifier moves with it
    assert NLU(MODEL, threshold=0.99).resolve(phrase).intent == FALLBACK


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ({}, "no interactionModel"),
        ({"interactionModel": {"languageModel": {"intents": []}}}, "invocationName"),
        (
            {
                "interactionModel": {
                    "languageModel": {
                        "invocationName": "x",
                        "intents": [{"name": "A", "samples": ["say {thing}"]}],
                    }
                }
            },
            "undeclared slot 'thing'",
        ),
    ],
)
def test_a_broken_model_is_refused_with_a_reason(model: dict[str, Any], message: str) -> None:
    with pytest.raises(ModelError, match=message):
        NLU(model)


def test_an_unreadable_model_file_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="cannot read"):
        load_nlu(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ModelError, match="not valid JSON") as err:
        load_nlu(bad)
    assert "\n" not in str(err.value)


# -- invocation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "kind", "text"),
    [
        ("open leg cramp helper", RouteKind.LAUNCH, ""),
        ("Alexa, open Leg Cramp Helper.", RouteKind.LAUNCH, ""),
        ("start leg cramp helper", RouteKind.LAUNCH, ""),
        ("launch the leg cramp helper skill", RouteKind.LAUNCH, ""),
        ("ask leg cramp helper", RouteKind.LAUNCH, ""),
        ("ask leg cramp helper about", RouteKind.LAUNCH, ""),
        ("Alexa, leg cramp helper", RouteKind.LAUNCH, ""),  # round 20: "Goodbye" (a one-shot)
        ("leg cramp helper", RouteKind.LAUNCH, ""),
        (
            "ask leg cramp helper why do my legs cramp at night",
            RouteKind.ONE_SHOT,
            "why do my legs cramp at night",
        ),
        ("ask leg cramp helper to check my symptoms", RouteKind.ONE_SHOT, "check my symptoms"),
        ("ask leg cramp helper about varicose veins", RouteKind.ONE_SHOT, "varicose veins"),
        ("ask leg cramp helper for the website", RouteKind.ONE_SHOT, "the website"),
        ("tell leg cramp helper I have chest pain", RouteKind.ONE_SHOT, "i have chest pain"),
        ("open leg cramp helper and check my symptoms", RouteKind.ONE_SHOT, "check my symptoms"),
        ("check my symptoms using leg cramp helper", RouteKind.ONE_SHOT, "check my symptoms"),
        ("exit", RouteKind.EXIT, ""),
        ("Quit!", RouteKind.EXIT, ""),
        ("exit leg cramp helper", RouteKind.EXIT, ""),
        ("stop", RouteKind.IN_SKILL, "stop"),
        ("start over", RouteKind.IN_SKILL, "start over"),
        ("   ", RouteKind.EMPTY, ""),
        ("Alexa", RouteKind.EMPTY, ""),
    ],
)
def test_route_tells_invocations_from_utterances(said: str, kind: RouteKind, text: str) -> None:
    route = nlu.route(said)
    assert (route.kind, route.text) == (kind, text)


def test_spelling_correction_does_not_depend_on_the_hash_seed() -> None:
    """A word two model words are one edit from ("knees": "keep", "need") once went to
    either, by the order of a set: the same phrase then matched differently run to run."""
    code = (
        "from skill_tools.model import model_path\n"
        "from skill_tools.simulator.nlu import load_nlu\n"
        "nlu = load_nlu(model_path('en-US'))\n"
        "print(sorted(nlu._near_tokens('behind her knees are those varicose veins')[0]))\n"
        # Two samples with the same tokens ("he never say", "he says like {frequency}") once
        # weighed a rounding error apart, in an order the hash seed set (round 14).
        "m = nlu.resolve('he says rarely')\n"
        "print(m.intent, m.sample, m.score)\n"
    )
    root = Path(__file__).resolve().parents[2]
    seen = {
        subprocess.run(
            [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)}, timeout=120,
        ).stdout
        for seed in range(4)
    }
    assert len(seen) == 1, seen


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        ("is there a reason my legs only cramp when i'm asleep", "LegCrampsAtNightIntent"),
        ("do vein issues show up as cramping in the legs", "CrampsAndVeinDiseaseIntent"),
        (
            "is it worth seeing a doctor if cramps wake me up every night",
            "WhenToSeeSpecialistIntent",
        ),
    ],
)
def test_a_loose_near_match_yields_to_a_sure_classifier(phrase: str, intent: str) -> None:
    """Each was near a sample of another intent that left out the word that tells ("asleep",
    "vein issues", "a doctor"): round 19."""
    assert nlu.resolve(phrase).intent == intent


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        (
            "this heat is going to be the death of me, does dehydration cause cramps",
            "CrampCausesIntent",
        ),
        ("my phone is dying so quick question, what causes cramps", "CrampCausesIntent"),
        ("hold that thought, what is venous insufficiency anyway", "VenousInsufficiencyIntent"),
    ],
)
def test_a_question_after_a_preamble_is_the_question(phrase: str, intent: str) -> None:
    """Each got "I can't diagnose you" or "I need an answer" (round 19, a new user)."""
    assert nlu.resolve(phrase).intent == intent


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        ("i've had em for years but what is a cramp really", "WhatAreLegCrampsIntent"),
        (
            "well i've been on my feet all day so how do leg veins work really",
            "HowLegVeinsWorkIntent",
        ),
    ],
)
def test_a_question_close_to_a_sample_after_a_story_is_the_question(
    phrase: str, intent: str
) -> None:
    """Round 21: the question was close to a sample, not one, so the story hid it."""
    assert nlu.resolve(phrase).intent == intent


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        ("what is venous reflux really", "VenousInsufficiencyIntent"),
        ("is a charley horse the same thing as a leg cramp", "WhatAreLegCrampsIntent"),
        ("what exactly happens in a leg cramp", "WhatAreLegCrampsIntent"),
    ],
)
def test_a_sample_about_one_thing_is_not_near_a_phrase_about_another(
    phrase: str, intent: str
) -> None:
    """Round 21: each was nearest a sample that names another thing ("what really is
    {cramp}", "what's {veinProblem}"), for the words around it."""
    assert nlu.resolve(phrase).intent == intent


def test_a_question_that_opens_a_phrase_is_not_cut_short() -> None:
    """ "why do you think i should see a specialist" asks why (after a result), not when."""
    assert nlu.resolve("why do you think i should see a specialist").intent in {
        "WhyIntent",
        "TellMeMoreIntent",
        "NextStepIntent",
    }


@pytest.mark.parametrize(
    "phrase",
    [
        "my calves cramp on my walks then ease off when i stop should i be worried",
        "my leg feels funny what causes leg cramps",
    ],
)
def test_a_question_about_what_came_before_is_not_taken_alone(phrase: str) -> None:
    """ "should i be worried" names nothing: it asks about the walk; "my leg feels funny"
    may be a sign, so the fallback's 911 line must not be lost to the causes answer."""
    assert nlu.resolve(phrase).intent not in {"PersonalDiagnosisIntent", "CrampCausesIntent"}


@pytest.mark.parametrize(
    ("phrase", "intent"),
    [
        ("how do people end up with varicose veins", "VaricoseVeinsIntent"),  # "end": alarm
        ("information on varicose veins", "VaricoseVeinsIntent"),
        ("more about venous insufficiency", "VenousInsufficiencyIntent"),
    ],
)
def test_a_subject_asked_about_on_its_own_reaches_its_topic(phrase: str, intent: str) -> None:
    """Each fell back (round 19)."""
    assert nlu.resolve(phrase).intent == intent


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("explain that a bit more", "TellMeMoreIntent"),
        ("i'd like to hear a bit more about that please", "TellMeMoreIntent"),
    ],
)
def test_one_telling_word_with_all_but_all_the_evidence_is_classified(
    said: str, intent: str
) -> None:
    """Round 22: each fell back; one word the intent was taught was all they said that told.
    With another telling word the intent was not taught, they still fall back ("how do i fix
    my car", tested above)."""
    assert nlu.resolve(said).intent == intent
