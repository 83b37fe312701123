"""Safety through the simulator, on phrasings nobody tuned to the model.

Every emergency phrasing of tests/simulator/safety_phrases.yaml reaches the 911 reply from
five states of the conversation; no plain cramp or vein statement does; every out-of-scope
question gets the honest "not covered" answer with the clinic, never a mishearing apology;
and every turn the skill did not understand carries the 911 line, in speech and reprompt.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from skill.content import OUT_OF_SCOPE_CATEGORIES, load
from skill_tools.simulator import Turn
from tests.talk import say_after, session_after, simulator

PHRASES = yaml.safe_load(
    (Path(__file__).resolve().parent / "simulator" / "safety_phrases.yaml").read_text("utf-8")
)
NINE_ONE_ONE = re.compile(r"\b9 1 1\b")
APOLOGY = re.compile(r"\b(sorry|didn't catch|didn't get|didn't understand)\b", re.IGNORECASE)
CLINIC = "The Vein Center of Maryland"
C = load()

# How to reach each state from a fresh session, and the attribute that proves we are there.
STATES: dict[str, tuple[list[str], str | None]] = {
    "menu": (["open leg cramp helper"], None),
    "mid-check": (["open leg cramp helper", "check my symptoms", "yes"], "check"),
    "after an answer": (["open leg cramp helper", "why do my legs cramp at night"], "more"),
    "after a result": (
        ["open leg cramp helper", "check my symptoms", "no", "no", "no", "no"],
        "offer_contact",
    ),
    "offer pending": (
        ["open leg cramp helper", "how do i contact the vein center"],
        "offer_reminder",
    ),
}


def _snapshot(state: str):
    setup, pending = STATES[state]
    session = session_after(*setup)
    assert session.attributes.get("pending") == pending, (state, session.attributes)
    return session


def say_in(state: str, utterance: str) -> Turn:
    _snapshot(state)
    return say_after(tuple(STATES[state][0]), utterance)


def is_emergency_reply(turn: Turn) -> bool:
    return (
        bool(NINE_ONE_ONE.search(turn.speech))
        and turn.session_ended
        and turn.card is not None
        and "emergency" in turn.card["title"].lower()
    )


@pytest.mark.parametrize("state", list(STATES))
def test_every_emergency_phrasing_reaches_911_from_every_state(state: str) -> None:
    assert len(PHRASES["emergency"]) >= 80
    missed = [p for p in PHRASES["emergency"] if not is_emergency_reply(say_in(state, p))]
    assert missed == [], f"{len(missed)} emergency phrasings missed 911 in state {state!r}"


# Said by a person in crisis: the article has nothing on it, so the way to help comes first.
SELF_HARM = [
    "i want to kill myself",
    "i feel suicidal",
    "i'm thinking about suicide",
    "i want to end my life",
    "i'm going to hurt myself",
]


CRISIS_LINE = re.compile(r"\b9 ?8 ?8\b")


@pytest.mark.parametrize("state", STATES)
def test_self_harm_statements_reach_911_from_every_state(state: str) -> None:
    assert [u for u in SELF_HARM if not is_emergency_reply(say_in(state, u))] == []


@pytest.mark.parametrize("state", ["menu", "mid-check", "after a result"])
def test_thoughts_of_self_harm_get_the_crisis_line_not_the_physical_warning(state: str) -> None:
    """Round 7: "I want to kill myself" got "These signs can be serious", a reply and a card
    written for chest pain and a swollen leg, and no crisis line."""
    despair = [
        *SELF_HARM,
        "what's the point of living",
        "life just isn't worth it anymore",
        "i've been cutting myself again",
        # Round 17: these fell back, got the menu, or got 911 without 988.
        "i'm thinking of taking all my sleeping pills",
        "no one cares if i live or die",
        "i've been really depressed",
        "lately i just feel like giving up",
        "i'm going to swallow every pill in the cabinet",
        "what's the crisis line number",
        "i've been so low lately i can barely get out of bed",
        "i just feel like there's no reason to go on anymore",
        "i took a handful of extra pills on purpose",
        # Round 48, a retired nurse for her diabetic husband, and a new mother: the
        # fallback, or "I need an answer" in the check.
        "my husband keeps saying he's had enough and he might as well just take all his"
        " insulin at once and be done with it",
        "he wants to take all his insulin and not wake up",
        "sometimes I get scary thoughts about hurting the baby, like what if I drop her on"
        " purpose",
        # ... and, checking the fixes, a retired paramedic for a friend: the fallback.
        "my buddy's got his pistol out, says tonight's the night",
        "my buddy keeps talking about eating his gun",
        # Round 46, a gruff 71-year-old living alone and a Spanish speaker: the fallback,
        # "I need an answer" in the check, or 911 with no 988.
        "just let me die",
        "might as well lay down and die",
        "nobody would notice if I croaked",
        "nobody is going to miss me anyway",
        "be nice to just not wake up",
        "heh, maybe I just won't wake up one of these nights, save everybody the trouble",
        "honestly some nights I think better I just don't wake up, you know, no more pain",
        # Round 45, a delivery driver and a retired farmer, widowed: the fallback.
        "been looking at my pills, thinking about taking all of them",
        "i got my dad's old pistol and some nights i think about it",
        "I'm ready to go meet my maker",
        "I'd just as soon not wake up in the morning",
        "Mrs. Alvarez keeps saying she's ready to die, she's tired",  # (a hospice volunteer)
        # Round 10: "I want to end it" ended the session, "I'm ready to end it all" was a yes.
        "i just want to end it",
        "i'm ready to end it all",
        "honestly i don't see the point of anything lately",
        "my mom keeps saying she'd be better off not waking up",
        "i can't go on like this",
        "i've had enough of life",
        "i've been having dark thoughts",
        # Round 15: about a parent these fell back; an overdose thought got the 911 reply.
        "my mum is talking about taking all her pills, she says she's had enough",
        "my legs cramp at night and i've been thinking of overdosing on my sleeping tablets",
        "i swallowed a whole bottle of pills",
        "yes they wake me, and i'm so tired of being here",
        # Round 16: these fell back.
        "i just want to be gone",
        "ask leg cramp helper why i should even bother living",
        "what's the painless way to go",
        "my friend took a bottle of tylenol",
        "i'm so tired of fighting, i'm ready to go",
        "i wish these cramps would just kill me already",
        # Round 44, a housekeeper whose English is her second language: the check's "I need
        # an answer", the fallback, or a goodbye.
        "my husband say maybe he take all his pills and finish",
        "my daughter cry all day, she say everybody better without her",
        "my daughter is very sad since pregnant, she say the baby better without her",
        # ... and new users checking the fixes (a home health aide, a widowed runner): the
        # fallback
        "my client keeps saying she's ready to go be with her husband",
        "since my wife passed I don't see much point in anything",
        "i'm thinking of ending the pain for good, if you know what i mean",
        "how many pills would it take to not wake up",
        "i've been giving my things away, i won't need them soon",
        "my dad took all his sleeping pills",
        "i feel like hurting myself tonight",
        "i'm just so depressed lately",
        # Round 11: these fell back, or got the physical warning (an overdose).
        "sometimes i think about killing myself",
        "my son says he wants to shoot himself",
        "i'm planning to end things this weekend",
        "i'd rather not wake up than deal with these cramps again",
        "i've been thinking about overdosing",
        "i took a whole bottle of my sleeping pills because of the pain",
        # Round 18: a caregiver's report of a wish not to live (the fallback, and in a
        # check "I need an answer").
        "he told me last night he wishes he wouldn't wake up",
        "my dad said he doesn't want to be here anymore",
        # Round 11, seventh new user: fell back, or "start over" for the first.
        "i want it all to be over",
        "honestly some days i wonder why i even bother waking up",
        # Round 38, new users (a restaurant owner whose first language is Korean, a trucker):
        # the fallback, a check answer, or reassurance about cramps.
        "sometime I think better I not wake up",
        "I keep thinking about putting a bullet in my head",
        "they wake me up, I've thought about eating my gun over it",
        "I got my pills lined up on the dash, all of em",
        "every night, and honestly nobody would miss me if I didn't wake up",
        # ... checking the round's fixes (a construction foreman, a widow): the fallback, or
        # a frequency answer.
        "my coworker said he's got a rope and he's done",
        "I still have all of Frank's pills in the cabinet, I've thought about taking them all",
        "I'd just like to go to sleep and be with Frank",
        "my calf cramps are so bad i just want it all to be over",
        "my husband keeps saying he wants to end it",
        # Round 39, new users (a retired nurse, said of her husband; a night-shift guard who
        # lives alone): the fallback or "I need an answer", and the remedies answer.
        "my husband keeps saying we'd all be better off without him",
        "wanna end it",
        "nobody would even notice if i was gone",
        "i wish i could just disappear",
        "i've been stockpiling my pain meds",
        # Round 19, twenty-eighth new user: a passive wish, and "ending it" after an answer
        # (a frequency answer, or "I need an answer").
        "sometimes i wonder if it's even worth waking up",
        "every night, i've been thinking of ending it",
        "honestly it doesn't matter, i won't be here by then",
        # Round 19, twenty-ninth new user: feeling a burden (the menu, or the fallback).
        "i don't want to be a burden anymore",
        "honestly i feel like such a burden to my kids",
        "i'm just a burden to my kids now",  # round 19, a last new user: the fallback
        # Round 20, a new user: self-harm, a wish not to go on, and signs of having decided
        # (the fallback; after a result, a reply about going back to it).
        "i've been hurting myself to feel something",
        "my husband passed last month and i don't really want to go on without him",
        "doesn't matter, i won't need a doctor where i'm going",
        "good, one less thing, i've already made my peace with everything",
        "i probably won't bother, i'm not planning on being here by spring",
        "i've written letters to my kids and given my dog away",
        "what's the point of fixing my legs when nothing else is worth it",
        # Round 20, a third new user: each fell back, was "not sure", or (the pills, asked
        # mid-check) "I need an answer".
        "i've been thinking about just not waking up",
        "honestly some days i feel like the baby would be better off without me",
        "i just want to be with my husband again",
        "man i been drinkin since noon, legs crampin, wife left, job gone, might just drive"
        " into the river tonight haha",
        "i've got a bottle of pills here and i'm thinking about taking them all",
        "i dunno, i'm just tired of everything, you know",
        "i'm giving away everything i own, i won't need it soon",  # round 20: "diagnose"
        "i sleep fine but my wife died in march and i just want to be with her",  # an answer
        # Round 21, new users: grief and a wish not to wake (the fallback, or "I need an
        # answer" in the check).
        "i wish i could just join my husband",
        "life isn't worth it without him",
        "i want to sleep and never wake up",
        # Round 21, a third new user: a widower's words (the fallback, "I need an answer",
        # or "I can't diagnose you").
        "since my wife passed i don't see much reason to keep waking up",
        "i've had enough of this life",
        "there's nothing left for me since margaret died",
        "i wish the good lord would take me tonight",
        "honestly it doesn't matter, i won't be needing my legs much longer",
        "i lie awake wishing i could just be with her again",
        "doesn't matter much, i'll be with my wife soon enough",
        "i don't care anymore, i'm not planning on being around",
        "it hardly matters, i'm just waiting to die",
        "well it doesn't matter, i've decided this will be my last winter",
        "good, then i can stop worrying. not that i'll be here to worry much longer",
        # Round 21, my own probe after the new users (the fallback).
        "my kids would be better off without their old man",
        "i keep thinking everyone would be happier if i was gone",
        "i feel like ending things",
        "sometimes, i also feel like giving up lately",  # an answer of how often
        "i've written my will and said my goodbyes",
        "nobody would notice if i disappeared",
        "i wish i'd never been born",
        "i'm a burden on my daughter",
        # Round 22, a new user: grief, a wish not to wake, being a bother, a gun, pills (the
        # fallback, "I need an answer", a yes, or "I can't diagnose you").
        "since margaret died there's no reason to carry on",
        "there's nothing left for me here",
        "i'm so tired of being a bother to everybody",
        "what's the use, nobody needs me anymore",
        "nobody would miss an old woman like me",
        "i pray every night that i won't wake up",
        "i'd like to just close my eyes and never open them again",
        "i just want to go to sleep forever",
        "i don't want to wake up in the morning anymore",
        "i'm too old for all this, i just want it over",
        "my husband said he's going to use his gun on himself",
        "my dad says he's ready to go and he's stopped eating",
        "yes, and lately i feel like i'd be better off joining my late husband",
        "no, i don't sleep since my wife passed, i just want to join her",
        "no, they don't, but i don't know why i bother waking up anymore",
        "what's the point of fixing my legs, i won't be here next year if i have my way",
        "i've been thinking of taking all my heart pills at once",
        "i'm ready to go be with my wife in heaven",
        "yes please, though honestly i don't plan on being around to go",
        # Round 22, a second new user: grief, plans, a bridge, a car, stockpiled morphine (the
        # fallback, "not sure", a reminder asked for, or recorded as a no in the check).
        "i miss arthur so much i want to go to him",
        "i've written my letters to the kids, i've made my peace, i'm ready to go",
        "i've been looking at the bridge on my walks and thinking about jumping",
        "it doesn't matter, i won't be around for the appointment anyway",
        "what's the use, i'm just an old woman waiting to die, nobody visits",
        "what's the point of calling them, i'll be gone soon, i've decided",
        "ever since bill died i've been thinking i'd be better off joining him",
        "i'm so lonely since doreen went, some nights i pray the lord takes me",
        "i've had it, i'm going to drive my car off the road tonight",
        "no point answering, i won't be here much longer, i'm planning to go",
        "i do, but it hardly matters, i've been stockpiling my morphine for when i've had enough",
        "i keep thinking about how i could do it without the kids finding me",
        "i've took a whole bottle of paracetamol",
        "she's taken all her pills at once, the whole week's worth",
        "i'm not suicidal, but i've been feeling so hopeless",  # a reassurance, then despair
        "life is not worth it for me now since my wife pass away",  # round 22: the fallback
        # Round 22, a third new user: the first ended the session with "take care, goodbye";
        # the rest fell back.
        "grandma took all her pills at once i think",
        "i don't want to wake up anymore",
        "i dont wanna wake up tomorrow",
        "i've been thinking of taking all my pills to end it",
        "no reason to go on since my wife passed",
        "got my old service pistol out tonight and i'm thinking about it",
        "bless your heart, i've just been feeling like i'd rather not be here at all",
        "i don't see a way out anymore",
        "what's the least painful way to die",
        # Round 23, a new user: a gun, no reason to be here (the fallback), a late husband
        # ("I'm ready" was a yes, recorded in the check).
        "i have the gun loaded and ready for tonight",
        "there's no reason for me to be here anymore",
        "i'm ready to go be with my late husband, i'm done here",
        # Round 23, a second new user: the fallback, "Okay" as an answer, or "you're welcome,
        # goodbye".
        "some nights i hope i just don't wake up in the morning",
        "i hope i don't wake up",
        "i wanted to say my goodbyes, i won't be around after this week",
        "i'm saying goodbye for good",
        "i've got my late husband's gun and i've thought about using it on myself",
        # Round 23, my review: near "my husband says he doesn't", a no ("take care, goodbye").
        "my husband keeps saying he doesn't want to wake up",
        # Round 23, a fourth new user: the fallback, or "why".
        "what is the use of living with this pain anymore",
        "my brother says he doesn't see the point in being alive",
        "what's the use of trying",  # no longer near "what's the use of anything"
        # Round 23, a fifth new user: the fallback.
        "i don't see much reason to wake up tomorrow",
        "i been cutting my arms again",
        "my husband keeps talking about his gun and how it would be easier",
        "sometimes i think about stepping in front of a bus",
        # Round 24, a new user: the remedies answer, and the fallback.
        "i keep cutting my arms to make the pain go away",
        "i've been giving away all my stuff since i won't be needing it",
        "my teenage daughter has been cutting her arms",  # a second new user: the fallback
        "there's no point in going on anymore",  # round 25, a new user: the fallback
        # round 25, a third new user: the fallback, or "repeat"
        "this is the last time i'll talk to you, goodbye everyone",
        "this is the last time you'll hear from me",
        # Round 26, a new user: harm to oneself in other words (the fallback, or an answer).
        "my teenage son has been harming himself",
        "i've been harming myself",
        "she cuts herself on purpose",
        "i want to finish my life, i am very tired",  # a second new user: the fallback
        # a third new user, after a reminder was set: the fallback
        "thank you. some days i think he'd be better off without me, i'm so tired",
        # a fifth new user: the fallback
        "what's the point of all this, i'm so tired of being in pain all the time",
        # Round 27, a new user: "myself" written as two words (the fallback).
        "i want to kill my self",
        # a second new user: the thought, then a question (the causes, or the fallback)
        "sometimes i think about ending it all, anyway, why do my legs cramp",
        "why do my legs cramp, i think about ending it all sometimes",
        # Round 41, an emergency-room nurse: the fallback, and (mid-check) "I need an answer
        # to this question first".
        "my son has been giving away his stuff and saying goodbye to his friends",
        "honestly I'm so burnt out I don't care anymore what happens to me",
        # Round 42, a triathlete, of his father after a clot: the fallback.
        "my dad says he might as well go to sleep and not wake up",
        "my mom keeps saying she wishes she hadn't survived the surgery",
        # Round 43, an 80-year-old widower: a gun, a wish to join his wife, "check out" (a
        # cramp answer, the diagnosis answer, the fallback, or the check).
        "been looking at my rifle a lot lately",
        "I keep thinking about my pistol",
        "I've got my gun in the drawer and I've been thinking",
        "I'm ready to go be with my husband",
        "I've had a good run, it's time for me to check out",
        # ... and (checking the fixes) a deer hunter, and a carer for her husband: the
        # fallback, or "that's okay".
        "I keep thinking about eating my shotgun",
        "honestly some days I want to blow my brains out",
        "some days I just want to walk into the woods and not come back",
        "my daughter talks about not waking up",
        "honestly we'd both be better off gone",
        "what if I gave him all his pills at once",
        "I've had thoughts of hurting her",
        # Round 47, a widower by his late wife's name, and a divorced trucker who keeps a gun
        # in his cab: the fallback, a leg-vein answer, or "I need an answer" in the check.
        "I just want to go be with Martha",
        "I miss Martha, I want to go be with her",
        "I'm ready to go be with Bill",
        "it would be better for everyone if I wasn't around",
        "I keep a gun in the truck and some nights it's tempting",
        "some nights I think about driving the rig into a bridge abutment",
        "honestly what's the point of any of it",
        "I don't sleep much anyhow since my wife left, some nights I wonder if it's even worth it",
        "ever since the divorce I don't really see the point of much",
        # ... and, checking the fixes, a Vietnamese speaker: the fallback
        "I don't want live like this no more",
    ]
    for said in despair:
        turn = say_in(state, said)
        assert is_emergency_reply(turn) and CRISIS_LINE.search(turn.speech), said
        assert CRISIS_LINE.search(turn.card["content"]) and "serious" not in turn.speech, said
    # A child's overdose is the emergency (round 26: "my little boy" got the crisis reply).
    physical = (
        "my chest hurts",
        "my calf is swollen and hot after my flight",
        "my son swallowed a whole bottle of my pills",
        "my little boy swallowed a whole bottle of my pills",
        # round 42, a line cook: an accident at work got the crisis line
        "I cut myself on a knife at work and it's bleeding a lot",
        "I cut myself on the barbed wire and it won't stop bleeding",  # a farmer
    )
    for said in physical:
        turn = say_in(state, said)
        assert is_emergency_reply(turn) and not CRISIS_LINE.search(turn.speech), said


@pytest.mark.parametrize("said", ["every single night lately", "a lot lately"])
def test_how_often_said_with_lately_is_an_answer_not_a_crisis(said: str) -> None:
    """Round 10: "every single night lately", asked how often, got the crisis reply (a near
    match to the sample "lately {despair}") and the session ended."""
    turn = say_after(("open leg cramp helper", "check my symptoms"), said)
    assert not CRISIS_LINE.search(turn.speech) and not turn.session_ended
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    ("said", "recorded"),
    [
        # Round 16: near "sometimes {despair}" and "it make me not want to wake up", these
        # got the crisis reply and the session ended.
        ("sometime", {"FREQUENT": "no"}),
        ("it make me wake up", {"FREQUENT": "no", "SLEEP": "yes"}),
        ("yes it make me wake up", {"FREQUENT": "no", "SLEEP": "yes"}),
    ],
)
def test_plain_answers_in_simple_english_are_answers_not_a_crisis(said: str, recorded) -> None:
    setup = ("open leg cramp helper", "check my symptoms")
    if "SLEEP" in recorded:
        setup = (*setup, "no")
    turn = say_after(setup, said)
    assert not CRISIS_LINE.search(turn.speech) and not turn.session_ended
    assert turn.session_attributes["answers"] == recorded


def test_the_emergency_reply_says_why_then_911() -> None:
    speech = say_in("menu", "my calf is swollen and hot after my flight").speech
    why, _, rest = speech.partition(".")
    assert "serious" in why.lower() and "9 1 1" not in why
    assert NINE_ONE_ONE.search(rest)


@pytest.mark.parametrize("state", ["menu", "mid-check", "after a result"])
def test_goodbyes_and_frustration_never_get_the_crisis_line(state: str) -> None:
    """Round 18: "I'm going to go now" was near "i'm going to kill myself now", and "I've had
    enough of these cramps" near "i've had enough of living like this": the crisis line,
    and the session ended."""
    frustrated = (
        "i'm going to go now",
        "i've had enough of these cramps",
        "i'm so tired of living with these cramps, what causes them",  # round 19: 988
        "there's nothing left for me to ask, thanks",  # round 21: a crisis value too wide
        "i'm planning on being around for my grandkids, so what causes cramps",
    )
    for said in frustrated:
        assert not CRISIS_LINE.search(say_in(state, said).speech), said
    for said in ("i'm going to go now", "someone's at the door, i have to go", "i'm off to bed"):
        goodbye = say_in(state, said)  # round 19: the last two got "I need an answer"
        assert goodbye.session_ended and goodbye.intent == "AMAZON.StopIntent", said


def test_plain_cramp_and_vein_statements_never_reach_911() -> None:
    assert len(PHRASES["not_emergency"]) >= 20
    sent = [p for p in PHRASES["not_emergency"] if is_emergency_reply(say_in("menu", p))]
    assert sent == []


@pytest.mark.parametrize("state", list(STATES))
def test_a_denied_sign_or_a_clot_asked_about_never_ends_the_session_with_911(state: str) -> None:
    """Round 10: a sign denied in a longer phrase, or a clot in the family or asked about,
    got the emergency reply from the words it holds, and the session ended."""
    sent = [p for p in PHRASES["denied"] if is_emergency_reply(say_in(state, p))]
    assert sent == []


@pytest.mark.parametrize("state", list(STATES))
def test_saying_it_is_not_an_emergency_names_the_signs_and_goes_on(state: str) -> None:
    """Round 10: after "If this is an emergency, call 9 1 1", "it's not an emergency" got
    the emergency reply, and the session ended; so did "I don't have any chest pain"."""
    before = _snapshot(state).attributes
    denials = ("it's not an emergency", "no, this isn't an emergency", "i don't have chest pain")
    for said in denials:
        turn = say_in(state, said)
        assert not turn.session_ended and NINE_ONE_ONE.search(turn.speech), said
        assert "chest pain" in turn.speech, said  # the signs that would make it one
        assert turn.session_attributes.get("pending") == STATES[state][1], said
        assert turn.session_attributes.get("answers") == before.get("answers"), said
    # A sign said beside a denial is still the emergency.
    denied_and_said = "i don't have chest pain but my leg is suddenly swollen and red"
    assert is_emergency_reply(say_in(state, denied_and_said))


def _out_of_scope() -> list[tuple[str, str]]:
    return [(group, q) for group, qs in PHRASES["out_of_scope"].items() for q in qs]


def test_the_out_of_scope_set_covers_every_group() -> None:
    groups = PHRASES["out_of_scope"]
    assert set(OUT_OF_SCOPE_CATEGORIES) <= set(groups)
    assert len(_out_of_scope()) >= 40


@pytest.mark.parametrize("state", ["menu", "after an answer", "after a result"])
def test_out_of_scope_questions_get_an_honest_answer_with_the_clinic(state: str) -> None:
    wrong = []
    for group, question in _out_of_scope():
        turn = say_in(state, question)
        speech, pending = turn.speech, turn.session_attributes.get("pending")
        if group == "diagnosis":
            # The check is offered as the way to an answer, unless it was just done: then
            # what its result rests on, and the clinic as the next step.
            offer = "contact_or_done" if state == "after a result" else "offer_check"
            honest = "can't diagnose" in speech and pending == offer
        elif group == "complication":  # the signs that need 911, for anyone who has them
            honest = "doesn't cover" in speech and CLINIC in speech and pending == "offer_contact"
            honest = honest and C.safety["warning_signs"] in speech
        elif group == "remedy":  # for their own doctor or pharmacist
            honest = "doesn't cover" in speech and "pharmacist" in speech
            honest = honest and pending == "offer_contact"
        elif group == "remedy_cause":  # the causes the article lists, then whom to ask
            honest = "lists dehydration" in speech and "pharmacist" in speech
            honest = honest and pending == "offer_contact"
        elif group == "symptom":  # a doctor's soon, with the signs that need 911: no offer
            honest = C.out_of_scope["symptom"] in speech and pending is None
        elif group == "cramp_now":  # it passes, and the red flags: no offer mid-cramp
            honest = C.out_of_scope["cramp_now"] in speech and C.safety["red_flag"] in speech
            honest = honest and pending == "anything_else"
        elif group in ("pregnancy", "postpartum"):  # for her doctor or midwife, with the
            # signs that can't wait (no offer of the vein clinic: round 45, a pregnant nurse)
            honest = C.out_of_scope[group] in speech and pending == "anything_else"
        elif group == "medicine":  # the article's "certain medications", named by no one
            honest = "not which ones" in speech and "pharmacist" in speech
            honest = honest and pending == "offer_contact"
        elif group == "booking":  # the clinic books, the skill cannot: how to reach it
            honest = "can't book" in speech and C.contact.booking in speech
            honest = honest and pending == "offer_reminder"
        else:
            honest = "doesn't cover" in speech and CLINIC in speech and pending == "offer_contact"
        if not honest or APOLOGY.search(speech) or turn.session_ended:
            wrong.append((group, question, speech))
    assert wrong == []


UNRELATED = ["tell me a joke", "turn on the lights", "play some music", "who won the game"]


@pytest.mark.parametrize("state", ["menu", "after an answer", "after a result", "offer pending"])
def test_what_the_skill_cannot_answer_gets_no_mishearing_apology(state: str) -> None:
    """Alexa sends what no sample covers to the fallback: the reply says what the skill
    covers, with the way to emergency help, never "sorry, I didn't understand"."""
    for utterance in UNRELATED:
        turn = say_in(state, utterance)
        assert turn.intent == "AMAZON.FallbackIntent", utterance
        assert not APOLOGY.search(turn.speech), (utterance, turn.speech)
        assert C.prompt("fallback") in turn.speech, utterance
        assert NINE_ONE_ONE.search(turn.speech) and not turn.session_ended, utterance


def test_out_of_scope_in_the_check_answers_then_resumes_the_same_question() -> None:
    before = _snapshot("mid-check").attributes
    turn = say_in("mid-check", "do you take medicare")
    assert "doesn't cover" in turn.speech and CLINIC in turn.speech
    assert turn.session_attributes["pending"] == "check"
    assert turn.session_attributes["answers"] == before["answers"]


def test_swollen_ankles_at_the_end_of_the_day_are_not_an_emergency() -> None:
    turn = say_in("menu", "both my ankles swell at the end of the day")
    assert not is_emergency_reply(turn)
    assert "doesn't cover" in turn.speech


# -- the 911 line wherever the skill did not understand ------------------------------------


@pytest.mark.parametrize("state", list(STATES))
def test_every_fallback_carries_the_911_line_in_speech_and_reprompt(state: str) -> None:
    sim = simulator()
    sim.session = copy.deepcopy(_snapshot(state))
    first = sim.say("purple monkey dishwasher")
    second = sim.say("blah blah")
    for turn in (first, second):
        assert turn is not None and turn.intent == "AMAZON.FallbackIntent"
        assert NINE_ONE_ONE.search(turn.speech), turn.speech
        assert turn.reprompt and NINE_ONE_ONE.search(turn.reprompt), turn.reprompt
        assert not turn.session_ended
    # The second miss in a row is shorter and worded differently.
    assert len(second.speech.split()) < len(first.speech.split())
    assert second.speech != first.speech
    # And a miss never changes what the check has recorded.
    if state == "mid-check":
        assert second.session_attributes["answers"] == _snapshot(state).attributes["answers"]


def test_not_sure_to_an_offer_asks_for_yes_or_no_with_the_911_line() -> None:
    turn = say_in("offer pending", "i'm not sure")
    assert "yes or no" in turn.speech.lower()
    assert NINE_ONE_ONE.search(turn.speech) and NINE_ONE_ONE.search(turn.reprompt or "")


def test_the_reassuring_result_ends_with_the_red_flag_line() -> None:
    sim = simulator()
    sim.session = copy.deepcopy(_snapshot("menu"))
    for utterance in ("check my symptoms", "no", "no", "no"):
        sim.say(utterance)
    result = sim.say("no")
    assert result is not None and result.card is not None
    assert result.card["title"] == "May not be cause for concern"
    told = result.card["content"]
    assert re.search(r"suddenly swollen, red and painful, get emergency care\.$", told)


def test_the_crisis_line_can_be_heard_again_in_a_new_session() -> None:
    """Round 17: after the crisis reply ended the session, "ask leg cramp helper what was
    that number again" got "There's nothing to repeat yet", and no number."""
    ended = simulator()
    assert ended.say("open leg cramp helper") is not None
    crisis = ended.say("i want to kill myself")
    assert crisis is not None and crisis.session_ended
    again = ended.say("ask leg cramp helper what was that number again")
    assert again is not None and again.new_session
    assert CRISIS_LINE.search(again.speech) and NINE_ONE_ONE.search(again.speech)


def test_the_emergency_card_names_the_emergency_said() -> None:
    """Round 17: a stroke and an overdose got a card naming only chest pain, breathing and a
    swollen leg."""
    for said, named in (("my dad can't smile on one side", "stroke"),
                        ("i took too many of my pills", "overdose")):  # fmt: skip
        turn = say_in("menu", said)
        assert is_emergency_reply(turn) and named in turn.card["content"], said


def test_the_crisis_reply_sends_anyone_in_danger_to_911_not_only_someone_present() -> None:
    """Round 48, a retired paramedic: "Frank says he's gonna end it tonight, he's at his
    place" got "if you or someone with you is in danger, call 911": Frank is not with him,
    so the 911 line read as not meant for him."""
    turn = say_in("menu", "Frank says he's gonna end it tonight, he's at his place")
    assert CRISIS_LINE.search(turn.speech) and NINE_ONE_ONE.search(turn.speech), turn.speech
    assert "with you" not in turn.speech, turn.speech
