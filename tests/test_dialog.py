"""Natural dialog through the simulator: how people really answer, finish and follow up.

Each test plays what a person says through the offline NLU and the Lambda handler, the way
`python3 dev.py simulate` does, and reads the response as Alexa would receive it.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from skill import triage
from skill.content import load
from skill.third_person import about_them
from skill.triage import Answer
from skill_tools.simulator.envelopes import DeviceKind
from tests.talk import nlu, play, simulator

C = load()
DISCLAIMER = C.safety["disclaimer"]


def test_a_whole_check_in_natural_words_then_why_then_no_thanks() -> None:
    turns = play(
        "open leg cramp helper",
        "can you check my symptoms",
        "a couple of times a week",
        "yes they wake me up",
        "why",
        "no thanks",
    )
    check, frequent, sleep, why, bye = turns[1:]
    assert check.session_attributes["pending"] == "check"
    assert frequent.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert sleep.card is not None
    assert sleep.card["title"] == C.outcomes["see_specialist"].title_for("FREQUENT_SLEEP")
    assert why.intent == "WhyIntent"
    assert C.outcomes["see_specialist"].reasons["FREQUENT_SLEEP"] in why.speech
    assert C.outcomes["see_specialist"].explain in why.speech
    assert why.session_attributes["pending"] == "contact_or_done"
    assert bye.session_ended and "Goodbye" in bye.speech


@pytest.mark.parametrize(
    ("answers", "outcome"),
    [
        (["hardly ever", "no", "only at night", "none"], "probably_fine"),
        (["every night", "i sleep through them", "only when i walk"], "see_specialist"),
        (["not that often", "they keep me up at night", "not when i walk"], "worth_checking"),
        (["once in a while", "i'm not sure", "no idea"], "worth_checking"),
        (["hardly ever", "nope", "no", "yeah a few"], "worth_checking"),
        # Round 11: not sure (the classifier), and the result said so.
        (["no", "no", "no", "i've got a couple of those bulgy veins yes"], "worth_checking"),
    ],
)
def test_the_check_understands_natural_answers(answers: list[str], outcome: str) -> None:
    turns = play("open leg cramp helper", "check my symptoms", *answers)
    last = turns[-1]
    assert last.session_attributes.get("result", [None])[0] == outcome, [t.speech for t in turns]


@pytest.mark.parametrize("fragment", ["huh", "huh?", "what", "hmm", "uh", "wait what", "thanks"])
def test_unclear_turns_in_the_check_re_ask_and_record_nothing(fragment: str) -> None:
    _, _, asked, unclear = play("open leg cramp helper", "check my symptoms", "yes", fragment)
    assert unclear.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert unclear.session_attributes["pending"] == "check"
    assert unclear.speech.endswith(C.questions["SLEEP"].text)
    assert asked.speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize(
    "aside",
    [
        "um, let me think",
        "let me see",
        "uh",
        "hang on, the dog's barking",
        "hold on, my phone's ringing",
    ],
)
def test_a_moment_to_think_in_the_check_gets_the_question_again_without_a_reproach(
    aside: str,
) -> None:
    """Round 23, a new user: each got "I need an answer to this question first"."""
    *_, again = play("open leg cramp helper", "check my symptoms", "yes", aside)
    assert again.speech == C.questions["SLEEP"].text
    assert again.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    ("said", "recorded"),
    [  # round 23: each fell back
        ("well, yes and no", "unsure"),
        ("they're so bad i scream", "yes"),
        ("i don't know, i wake up a lot anyway", "unsure"),  # a doubt, then why
        ("um, i wake up a lot anyway so i can't tell", "unsure"),
        ("i don't know, i take sleeping pills so", "unsure"),
        ("i'm fine, i sleep okay", "no"),  # help, as if asked what the question means
    ],
)
def test_sleep_answers_in_other_words(said: str, recorded: str) -> None:
    *_, told = play("open leg cramp helper", "check my symptoms", "no", said)
    assert told.session_attributes["answers"]["SLEEP"] == recorded


def test_what_was_said_earlier_counts_and_the_check_says_what_it_took() -> None:
    turns = play(
        "open leg cramp helper",
        "i get them when i walk a lot",  # about oneself: the answer slot hears it
        "yes",  # yes to "would you like a quick check?"
        "hardly ever",
        "no",
    )
    spoken = " ".join(t.speech for t in turns)
    assert C.questions["WALKING"].text not in spoken
    assert C.questions["WALKING"].taken in turns[2].speech  # told at once: it settles it
    assert turns[2].session_attributes["result"] == ["see_specialist", "WALKING"]


@pytest.mark.parametrize("often", ["hardly ever", "once in a blue moon"])
def test_how_often_is_no_answer_to_the_varicose_question(often: str) -> None:
    *_, asked, said = play("open leg cramp helper", "check my symptoms", "no", "no", "no", often)
    assert asked.speech.endswith(C.questions["VARICOSE"].text)
    assert said.session_attributes["answers"] == asked.session_attributes["answers"]
    assert said.speech.endswith(C.questions["VARICOSE"].text)  # asked again, nothing recorded
    assert C.questions["VARICOSE"].taken not in said.speech


@pytest.mark.parametrize(
    "before", [("no", "no"), ("no", "no", "no")], ids=["walking asked", "varicose asked"]
)
@pytest.mark.parametrize("often", ["every day", "most nights"])
def test_often_said_to_a_later_question_takes_back_not_often(
    before: tuple[str, ...], often: str
) -> None:
    """ "Every day", said to the walking or varicose question after "no" to how often, is a
    change of mind about how often, said back as one; the question asked records nothing
    (round 37: "actually she does get them a lot, I forgot" got "I need an answer", and the
    result rested on the "no"; before, "every day" was no answer to these questions)."""
    *_, asked, said = play("open leg cramp helper", "check my symptoms", *before, often)
    answers = {**asked.session_attributes["answers"], "FREQUENT": "yes"}
    assert said.session_attributes["answers"] == answers
    assert said.speech.startswith(C.prompt("answer_changed")), said.speech
    assert said.speech.count(C.questions["FREQUENT"].taken) == 1


def test_a_question_about_a_topic_is_not_taken_as_an_answer() -> None:
    turns = play(
        "open leg cramp helper",
        "leg cramps when running",  # a question about exercise cramps, not "I cramp when I walk"
        "no",
        "check my symptoms",
        "no",
        "no",
    )
    assert turns[3].speech.endswith(C.questions["FREQUENT"].text)
    assert C.questions["WALKING"].text in turns[5].speech  # asked, not assumed
    assert C.questions["WALKING"].taken not in " ".join(t.speech for t in turns)


@pytest.mark.parametrize(
    "statement",
    ["my legs cramp when i walk", "my calves cramp while walking", "why do my legs cramp on walks"],
)
def test_a_topic_said_about_oneself_is_not_asked_again(statement: str) -> None:
    turns = play("open leg cramp helper", statement, "check my symptoms")
    assert turns[1].intent == "CrampsWhenWalkingIntent"  # the topic is answered first
    last = turns[-1]
    assert C.questions["WALKING"].taken in last.speech  # says what it took as the answer
    assert C.questions["WALKING"].text not in " ".join(t.speech for t in turns)
    assert last.session_attributes["result"] == ["see_specialist", "WALKING"]


def test_a_topic_said_about_oneself_during_the_check_counts_when_it_resumes() -> None:
    turns = play("open leg cramp helper", "check my symptoms", "my legs cramp when i walk", "yes")
    assert turns[2].session_attributes["noted"] == {"WALKING": "yes"}
    # Back to the check: the walking answer settles it, and the check says what it took.
    assert C.questions["WALKING"].taken in turns[3].speech
    assert turns[3].session_attributes["result"] == ["see_specialist", "WALKING"]


def test_what_was_said_earlier_settles_the_check_without_needless_questions() -> None:
    turns = play("open leg cramp helper", "only when i walk a lot", "check my symptoms")
    last = turns[-1]
    assert last.session_attributes["result"] == ["see_specialist", "WALKING"]
    assert C.questions["WALKING"].taken in last.speech
    for question in C.questions.values():  # no question at all: none could change the result
        assert question.text not in last.speech


@pytest.mark.parametrize("closing", ["no", "nothing", "that's all", "thanks", "i'm good"])
def test_finished_exchanges_end_with_a_short_goodbye(closing: str) -> None:
    turns = play("open leg cramp helper", "what are varicose veins", "no", closing)
    assert turns[-2].speech.endswith(C.prompt("anything_else"))
    last = turns[-1]
    assert last.session_ended and "Goodbye" in last.speech
    assert len(last.speech.split()) <= 8


@pytest.mark.parametrize(
    "closing",
    [
        "no that's all", "that's it thanks", "i'm all set", "ok thanks bye",
        # Round 28, two new users: "you're welcome, what else would you like to know?", or
        # "okay, what else?", or the fallback.
        "thanks", "okay thanks", "appreciate it", "got it, thanks for the help",
        "nothing, thanks", "nothing else", "no more questions", "ok is enough, thank you so much",
        "ok gracias", "that's all i needed, thank you so much", "okay i'm good",
    ],
)
def test_a_closing_said_to_an_offer_ends_the_session(closing: str) -> None:
    """Not "no" to the offer and then "what else?": the user said they are done."""
    turns = play("open leg cramp helper", "how do i contact the vein center", closing)
    assert turns[-2].session_attributes["pending"] == "offer_reminder"
    assert turns[-1].session_ended and "Goodbye" in turns[-1].speech


@pytest.mark.parametrize(
    "closing", ["no that's it thank you", "no thanks i'm done", "you can go now"]
)
def test_a_closing_said_to_a_check_question_ends_the_session_and_records_nothing(
    closing: str,
) -> None:
    """Round 10: "no that's it thank you" at the first question was a no, and the check went
    on to the sleep question."""
    turns = play("open leg cramp helper", "check my symptoms", closing)
    assert turns[-1].session_ended and "Goodbye" in turns[-1].speech
    assert not turns[-1].session_attributes.get("answers")


@pytest.mark.parametrize(
    "leaving",
    ["stop the check", "can we stop the check", "how do i end this check", "quit the quiz"],
)
def test_leaving_the_check_keeps_the_session_and_forgets_its_answers(leaving: str) -> None:
    """Round 10: "stop the check" started a new one, "how do I end this check" fell back."""
    turns = play("open leg cramp helper", "check my symptoms", "yes", leaving)
    assert not turns[-1].session_ended
    assert "stopped the check" in turns[-1].speech
    assert not turns[-1].session_attributes.get("answers")
    assert turns[-1].session_attributes.get("pending") != "check"


def test_continue_in_the_check_says_what_the_question_asks_and_never_escalates() -> None:
    """Round 10: "continue" after an aside in the check was a misunderstanding, and a second
    one a shorter, sterner one. Round 17: a second "continue", after the help, is the
    question alone (it was the help again)."""
    turns = play(
        "open leg cramp helper", "check my symptoms", "how long does a visit take",
        "continue", "continue",
    )  # fmt: skip
    question = C.questions["FREQUENT"].text
    assert turns[-2].speech.endswith(question) and turns[-1].speech == question
    assert not turns[-1].session_attributes.get("misses")
    assert C.questions["FREQUENT"].help in turns[-2].speech


@pytest.mark.parametrize("closing", ["let's stop here", "that's enough for today"])
def test_stopping_here_in_the_check_ends_the_session(closing: str) -> None:
    turns = play("open leg cramp helper", "check my symptoms", "yes", closing)
    assert turns[-1].session_ended and "Goodbye" in turns[-1].speech


def test_a_check_answer_after_the_result_never_contradicts_it() -> None:
    """ "sometimes" after "see a specialist" once got the reassurance for occasional cramps."""
    turns = play("open leg cramp helper", "check my symptoms", "yes", "yes", "sometimes")
    result, said = turns[-2], turns[-1]
    assert result.session_attributes["result"] == ["see_specialist", "FREQUENT_SLEEP"]
    assert C.outcomes["probably_fine"].reasons["NONE"] not in said.speech
    assert said.speech.startswith(C.prompt("answer_after_result"))
    assert said.session_attributes["result"] == result.session_attributes["result"]


def test_a_second_no_to_any_offer_never_loops() -> None:
    for opener in ("what are varicose veins", "how do i contact the vein center", "help"):
        turns = play("open leg cramp helper", opener, "no", "no", "no")
        assert any(t.session_ended for t in turns), [t.speech for t in turns]


@pytest.mark.parametrize(
    "follow_up",
    [
        "what should i do",
        "what now",
        "so what do i do",
        "what do you suggest",
        "how soon should i go",  # round 13: these two fell back
        "can i just wait and see",
    ],
)
def test_what_to_do_after_a_result_is_the_step_it_names_and_what_the_physician_can_do(
    follow_up: str,
) -> None:
    """ "What should I do?" once got the "why" text, which never said to see a specialist."""
    turns = play("open leg cramp helper", "check my symptoms", "no", "no", "yes", follow_up)
    result, told = turns[-2], turns[-1]
    assert result.session_attributes["result"] == ["see_specialist", "WALKING"]
    outcome = C.outcomes["see_specialist"]
    assert told.speech.startswith(outcome.title)  # what to do: "Schedule an evaluation..."
    assert outcome.explain in told.speech  # and what the physician can do
    assert told.speech.endswith(C.prompt("result_next"))
    assert told.session_attributes["pending"] == "contact_or_done"


def test_what_next_after_why_is_the_step_not_the_why_again() -> None:
    """Round 14: "what next", after "why", said the "why" text again."""
    *_, why, then = play(
        "open leg cramp helper", "check my symptoms", "no", "no", "yes", "why", "what next"
    )
    assert then.speech != why.speech
    assert then.speech.startswith(C.outcomes["see_specialist"].title)


def test_tell_me_more_twice_says_that_is_all_not_the_same_again() -> None:
    """Round 14: three "tell me more" said the same thing three times."""
    *_, more, again, third = play(
        "open leg cramp helper",
        "why do my legs cramp at night",
        "tell me more",
        "tell me more",
        "tell me more",
    )
    assert more.speech.startswith(C.topics["LegCrampsAtNightIntent"].more)
    for turn in (again, third):
        assert turn.speech.startswith(C.prompt("no_more_detail")), turn.speech
        assert C.topics["LegCrampsAtNightIntent"].more not in turn.speech


def test_how_often_said_in_a_one_shot_is_not_asked_again_in_the_check() -> None:
    """Round 14: "tell leg cramp helper I have cramps every night" got "Okay.", and the
    check it offered asked how often again."""
    sim = simulator()
    told = sim.say("tell leg cramp helper i have cramps every night")
    check = sim.say("yes")
    assert told is not None and check is not None
    assert C.questions["FREQUENT"].text not in check.speech
    assert C.questions["FREQUENT"].taken in check.speech
    assert check.speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize("said", ["at night", "night"])
def test_when_said_to_a_check_question_sets_no_reminder_and_keeps_the_session(said: str) -> None:
    """Round 14: "at night" set a reminder for 8 in the evening (with the permission), and
    "night" was "night night" and ended the session."""
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.intent != "SetReminderIntent" and not turn.session_ended
    assert "remind" not in turn.speech.lower()
    assert turn.session_attributes.get("answers", {}) == {}


def test_can_you_text_it_to_me_gives_the_details_not_a_reminder() -> None:
    """Round 14: after the contact details, it was a reminder request."""
    *_, turn = play("open leg cramp helper", "how do i contact the clinic", "can you text it to me")
    assert turn.intent == "ContactClinicIntent"


def test_what_the_specialist_will_do_after_a_result_is_how_they_diagnose() -> None:
    """Round 13: "what will the specialist do to me" fell back."""
    told = play(
        "open leg cramp helper",
        "check my symptoms",
        "no",
        "no",
        "yes",
        "what will the specialist do to me",
    )[-1]
    assert C.topics["VeinDiagnosisIntent"].speech in told.speech


def test_what_to_do_after_a_reassuring_result_says_when_to_act() -> None:
    check = ("check my symptoms", "no", "no", "no", "no")
    told = play("open leg cramp helper", *check, "what should i do")[-1]
    assert told.speech.startswith(C.outcomes["probably_fine"].advice)
    assert C.safety["red_flag"] in told.speech


@pytest.mark.parametrize(
    "follow_up",
    [
        "why",
        "tell me more",
        "what does that mean",
        "are you sure",
        "is that normal then",
        "in plain english please",  # round 13: venous insufficiency
        "is that it?",  # round 23: these ended the session, taken as "that's it"
        "is that all",
    ],
)
def test_follow_ups_after_a_result_explain_it(follow_up: str) -> None:
    turns = play("open leg cramp helper", "check my symptoms", "no", "no", "no", "yes", follow_up)
    result, explained = turns[-2], turns[-1]
    assert result.session_attributes["result"] == ["worth_checking", "VARICOSE"]
    outcome = C.outcomes["worth_checking"]
    assert outcome.reasons["VARICOSE"] in explained.speech
    assert outcome.explain in explained.speech
    assert explained.speech.endswith(C.prompt("result_next"))  # the clinic is the next step
    assert explained.session_attributes["pending"] == "contact_or_done"


@pytest.mark.parametrize("said", ["nope, that's all", "nah, that's it"])
def test_a_goodbye_worded_like_is_that_it_still_ends_the_session(said: str) -> None:
    """Round 23: near both "that's all" and "is that all", the first in the model won."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", said)[-1]
    assert turn.session_ended and turn.intent == "AMAZON.StopIntent"


@pytest.mark.parametrize(
    ("reply", "ends", "gives_contact"),
    [("yes", False, True), ("no thanks", True, False), ("thanks", True, False)],
)
def test_after_an_explained_result_yes_gives_the_clinic_and_no_ends(
    reply: str, ends: bool, gives_contact: bool
) -> None:
    turns = play("open leg cramp helper", "check my symptoms", "yes", "yes", "why", reply)
    last = turns[-1]
    assert last.session_ended is ends
    assert (C.contact.speech in last.speech) is gives_contact


@pytest.mark.parametrize("opener", ["what are varicose veins", "how do i contact the vein center"])
def test_a_second_not_sure_to_an_offer_is_taken_as_a_no(opener: str) -> None:
    turns = play("open leg cramp helper", opener, "not sure", "i'm not sure")
    offered, unsure, again = turns[1:]
    assert offered.session_attributes["pending"] != "anything_else"
    assert unsure.session_attributes["pending"] == offered.session_attributes["pending"]
    assert again.session_attributes["pending"] == "anything_else"
    assert again.speech.endswith(C.prompt("anything_else"))


def test_a_yes_with_an_answer_to_a_later_question_counts_both() -> None:
    """ "yes, they wake me up", asked how often, was asked how often again."""
    turns = play("open leg cramp helper", "check my symptoms", "yes they wake me up")
    assert turns[-1].session_attributes["result"] == ["see_specialist", "FREQUENT_SLEEP"]


@pytest.mark.parametrize(
    ("said", "asked_next"),
    [  # round 13: the second answer was lost, and its question came next
        ("yes they're frequent and they wake me up", None),
        ("every night and they wake me up", None),
        ("a few times a week and yes they wake me up", None),
        ("no and they don't wake me up either", "WALKING"),
    ],
)
def test_two_answers_in_one_breath_count_both(said: str, asked_next: str | None) -> None:
    *_, both = play("open leg cramp helper", "check my symptoms", said)
    spoken = both.speech
    assert C.questions["SLEEP"].text not in spoken
    if asked_next is None:
        assert both.session_attributes["result"] == ["see_specialist", "FREQUENT_SLEEP"]
    else:
        assert spoken.endswith(C.questions[asked_next].text)
        assert C.questions["SLEEP"].taken_no in spoken


def test_a_second_answer_to_a_later_question_is_told_back_when_its_turn_comes() -> None:
    *_, both, none = play(
        "open leg cramp helper",
        "check my symptoms",
        "no",
        "no they don't wake me up and they don't happen when i walk",
        "none",
    )
    assert both.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}
    assert C.questions["WALKING"].taken_no in both.speech
    assert both.speech.endswith(C.questions["VARICOSE"].text)
    assert none.session_attributes["result"][0] == "probably_fine"


def test_a_reply_and_varicose_veins_too_counts_both() -> None:
    """Round 14: "yes, and I have varicose veins too" got the varicose veins topic, and the
    yes to how often was lost."""
    *_, said, no, result = play(
        "open leg cramp helper",
        "check my symptoms",
        "no, and i have varicose veins too",
        "no",
        "no",
    )
    assert said.speech.endswith(C.questions["SLEEP"].text)
    assert said.session_attributes["answers"] == {"FREQUENT": "no"}
    assert result.speech.startswith(C.questions["VARICOSE"].taken)
    answers = dict(zip(triage.QUESTIONS, map(Answer, ["no", "no", "no", "yes"]), strict=True))
    assert result.session_attributes["result"] == list(triage.classify(answers))


@pytest.mark.parametrize(
    ("said", "frequent"),
    [  # round 23: each got the varicose veins topic, and how often was lost
        ("every night and i have varicose veins", "yes"),
        ("every night, and yes i have varicose veins", "yes"),
        ("yes and i have varicose veins", "yes"),
        ("hardly ever and i've got bulging veins", "no"),
    ],
)
def test_how_often_and_varicose_veins_in_one_breath_count_both(said: str, frequent: str) -> None:
    *_, both = play("open leg cramp helper", "check my symptoms", said)
    assert both.session_attributes["answers"] == {"FREQUENT": frequent}
    assert both.session_attributes["noted"] == {"VARICOSE": "yes"}
    assert both.speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize(
    ("said", "recorded"),
    [  # round 23, a new user: the clots and strokes reply, a vein topic, or "I need an answer"
        ("i had them stripped years ago", "yes"),
        ("i've got one or two on my ankle i think", "yes"),
        ("my doctor said i have spider veins", "unsure"),  # spider veins are not varicose
        # round 23, a third new user: a yes, not sure, "I need an answer", the topic
        ("i had them stripped years ago, so not anymore", "no"),
        ("i don't think so, my legs look normal", "no"),
        ("a couple on my left calf", "yes"),
        ("my wife says i do have varicose veins", "yes"),
        ("not a single one, my legs are smooth as anything", "no"),  # round 23: not sure
    ],
)
def test_varicose_veins_told_in_other_words_answer_the_varicose_question(
    said: str, recorded: str
) -> None:
    *_, told = play("open leg cramp helper", "check my symptoms", "no", "no", "no", said)
    assert told.session_attributes["answers"]["VARICOSE"] == recorded


@pytest.mark.parametrize(
    "said",
    [  # round 23, a third new user: each was recorded as not sure, and the check moved on
        "frequent how? like per week?",
        "most nights, and when i walk too actually, i have to stop and then it passes",
    ],
)
def test_a_question_back_or_two_answers_are_never_guessed_as_not_sure(said: str) -> None:
    *_, turn = play("open leg cramp helper", "check my symptoms", said)
    assert turn.session_attributes.get("answers", {}).get("FREQUENT") != "unsure"
    assert turn.speech.endswith(C.questions["FREQUENT"].text)


@pytest.mark.parametrize(
    ("said", "question", "recorded"),
    [  # round 23, a last new user: a yes, the fallback
        ("yes, though i'm not really sure it's the walking that does it", "WALKING", "unsure"),
        ("every couple of nights", "FREQUENT", "yes"),
        ("somewhere in between, i can't decide", "FREQUENT", "unsure"),
        ("only when i do long hikes, and a short sit down sorts it out", "WALKING", "yes"),
    ],
)
def test_answers_a_last_new_user_gave(said: str, question: str, recorded: str) -> None:
    before = {"FREQUENT": [], "WALKING": ["no", "no"]}[question]
    *_, told = play("open leg cramp helper", "check my symptoms", *before, said)
    assert told.session_attributes["answers"][question] == recorded


def test_no_sorry_i_misheard_and_an_earlier_answer_corrects_that_answer() -> None:
    """Round 23, a last new user: a no to walking, and the sleep yes stood."""
    *_, corrected = play(
        "open leg cramp helper", "check my symptoms", "no", "yes",
        "no sorry, i misheard, they don't wake me",
    )
    assert corrected.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}


def test_actually_no_and_an_earlier_answer_corrects_that_answer_not_the_one_asked() -> None:
    """Round 23, a new user: asked about walking, this was a no to walking, and the sleep
    answer it takes back stood."""
    *_, corrected = play(
        "open leg cramp helper",
        "check my symptoms",
        "no",
        "yes",
        "actually no they don't wake me up, i just notice them in the morning",
    )
    assert corrected.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    assert corrected.speech.endswith(C.questions["WALKING"].text)


def test_spider_veins_in_the_same_breath_are_not_varicose_veins() -> None:
    *_, both = play("open leg cramp helper", "check my symptoms", "no and i have spider veins too")
    assert both.session_attributes["answers"] == {"FREQUENT": "no"}
    assert "noted" not in both.session_attributes


@pytest.mark.parametrize(
    ("said", "intent"),
    [  # round 23, a new user: each answered about "your cramping"
        ("my mom gets leg cramps every night, should she be worried", "WhenToSeeSpecialistIntent"),
        ("should my wife get checked too", "WhenToSeeSpecialistIntent"),
        ("my dad's legs cramp when he walks", "CrampsWhenWalkingIntent"),
    ],
)
def test_a_question_about_someone_else_is_answered_about_them(said: str, intent: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == intent
    assert about_them(C.topics[intent].speech) in turn.speech
    assert about_them(C.topics[intent].speech) != C.topics[intent].speech


def test_whether_a_grandmother_s_cramps_mean_bad_veins_is_the_cramps_and_veins_answer() -> None:
    """Round 23, a new user, in one breath: the clots and strokes reply."""
    turn = play("ask leg cramp helper whether my grandma's cramps mean she has bad veins")[-1]
    assert turn.intent == "CrampsAndVeinDiseaseIntent"
    assert C.topics["CrampsAndVeinDiseaseIntent"].speech in turn.speech


def test_in_a_check_for_someone_else_what_is_said_of_them_counts() -> None:
    """Round 13: "his calves", in a check for a father, was no answer (not the user's own)."""
    *_, told, resumed = play(
        "open leg cramp helper",
        "check my dad's symptoms",
        "yes",
        "he has to stop walking to the car because of his calves",
        "yes",
    )
    assert told.session_attributes["noted"] == {"WALKING": "yes"}
    assert resumed.session_attributes["result"] == ["see_specialist", "WALKING"]
    assert about_them(C.questions["WALKING"].taken) in resumed.speech


def test_a_question_opening_with_no_does_not_end_the_session() -> None:
    """Round 13: "no point stretching if they still cramp, right?" was a no, and goodbye."""
    asked = play("open leg cramp helper", "no point stretching if they still cramp, right?")[-1]
    assert not asked.session_ended
    assert asked.intent != "AMAZON.NoIntent"


@pytest.mark.parametrize(
    ("setup", "asked", "question"),
    [  # round 13: each was recorded as an answer (a yes, or not sure), some ending the check
        (["no", "no"], "what do you mean brief rest", "WALKING"),
        (["no", "no"], "does running count", "WALKING"),
        ([], "define frequent", "FREQUENT"),
        ([], "how often is too often", "FREQUENT"),
        (["no", "no", "no"], "are spider veins the same thing as varicose veins", "VARICOSE"),
        (["no", "no", "no"], "are spider veins the same as varicose veins", "VARICOSE"),
        ([], "how would i know if they're frequent", "FREQUENT"),  # round 14: not sure
        # round 26, a new user: the varicose veins answer ("what do you mean by {varicose}")
        (["no", "no"], "what do you mean by resolve", "WALKING"),
    ],
)
def test_a_question_about_a_check_question_records_nothing_and_asks_it_again(
    setup: list[str], asked: str, question: str
) -> None:
    *_, before, after = play("open leg cramp helper", "check my symptoms", *setup, asked)
    assert after.session_attributes["answers"] == before.session_attributes["answers"]
    assert after.speech.endswith(C.questions[question].text)


@pytest.mark.parametrize("asked", ["is this going to take long", "how long will this take"])
def test_help_in_the_check_says_how_long_it_takes(asked: str) -> None:
    """Round 14: these got "The clinic's article doesn't cover that" (or insurance, costs,
    hours...), then the question again."""
    *_, before, asked = play("open leg cramp helper", "check my symptoms", "yes", asked)
    assert asked.session_attributes["answers"] == before.session_attributes["answers"]
    assert asked.speech.startswith(C.questions["SLEEP"].help)
    assert C.prompt("check_help_tail") in asked.speech and "four" in C.prompt("check_help_tail")


def test_yes_for_a_relative_to_the_check_offer_asks_about_them() -> None:
    """Round 14: "yes, for my wife though" was a reminder with the day "my wife though"."""
    *_, check = play(
        "open leg cramp helper", "when should i see a vein specialist", "yes, for my wife though"
    )
    assert check.speech.endswith(about_them(C.questions["FREQUENT"].text))


def test_yes_remind_me_on_a_day_in_the_afternoon_keeps_the_afternoon() -> None:
    """Round 14: said to the reminder offer, the afternoon was dropped (9 in the morning)."""
    match = nlu().resolve("yes, remind me friday afternoon")
    assert match.intent == "SetReminderIntent"
    assert match.slots["day"].value and match.slots["time"].value == "AF"


@pytest.mark.parametrize(
    "asked", ["does my mom need to see a vein doctor", "should my dad see a vein doctor"]
)
def test_the_check_offered_after_a_question_about_someone_else_asks_about_them(
    asked: str,
) -> None:
    """Round 14: the offer after "does my mom need to see a vein doctor" started a check
    that asked "Do you get frequent leg cramps?"."""
    *_, check = play("open leg cramp helper", asked, "yes")
    assert check.speech.endswith(about_them(C.questions["FREQUENT"].text))


@pytest.mark.parametrize(
    "said", ["i'm asking for my mother, she gets cramps every night", "my husband has them daily"]
)
def test_how_often_someone_else_cramps_offers_their_check_and_counts_in_it(said: str) -> None:
    """Round 18: the offer was "a quick check of your symptoms", and the check then asked
    the caregiver "Do you get frequent leg cramps?"."""
    offer, check = play(f"ask leg cramp helper {said}", "yes")
    assert offer.speech.endswith(about_them(C.prompt("offer_check")))
    assert about_them(C.questions["FREQUENT"].taken) in check.speech
    assert check.speech.endswith(about_them(C.questions["SLEEP"].text))


def test_what_the_user_said_of_themselves_is_not_counted_in_someone_else_s_check() -> None:
    *_, check = play(  # yes to "want to hear more?", then to the check
        "open leg cramp helper", "my legs cramp when i walk", "my dad gets them often", "yes",
        "yes",
    )
    assert about_them(C.questions["WALKING"].taken) not in check.speech
    assert check.speech.endswith(about_them(C.questions["SLEEP"].text))


def test_the_check_offered_after_a_general_question_asks_about_you() -> None:
    *_, check = play("open leg cramp helper", "when should i see a vein specialist", "yes")
    assert check.speech.endswith(C.questions["FREQUENT"].text)


def test_a_check_for_a_grandchild_asks_about_them() -> None:
    """Round 13: "check my grandson's leg cramps" asked "Do you get frequent leg cramps?"."""
    check = play("open leg cramp helper", "can you check my grandson's leg cramps, he's 12")[-1]
    assert check.speech.endswith(about_them(C.questions["FREQUENT"].text))


def test_can_we_check_a_parent_s_cramps_asks_about_them() -> None:
    """Round 14: "can we check my father's cramps" asked "Do you get frequent leg cramps?"."""
    check = play("open leg cramp helper", "can we check my father's cramps")[-1]
    assert check.speech.endswith(about_them(C.questions["FREQUENT"].text))


def test_a_one_shot_about_the_skill_says_the_disclaimer_once() -> None:
    """Round 14: "ask leg cramp helper who wrote this article" said it twice."""
    turn = simulator().say("ask leg cramp helper who wrote this article")
    assert turn is not None and turn.speech.count("not medical advice") == 1
    assert DISCLAIMER in turn.speech


def test_one_shots_carry_the_disclaimer_and_later_turns_do_not() -> None:
    sim = simulator()
    one_shot = sim.say("ask leg cramp helper why do my legs cramp at night")
    assert one_shot is not None and one_shot.speech.startswith(DISCLAIMER)
    more = sim.say("yes")
    assert more is not None and DISCLAIMER not in more.speech
    emergency = simulator().say("ask leg cramp helper to call an ambulance")
    assert emergency is not None
    assert re.search(r"9 1 1", emergency.speech.split(DISCLAIMER)[0]), "help comes first"
    assert DISCLAIMER in emergency.speech


def test_phone_requests_without_a_number_give_the_website() -> None:
    _, phone = play("open leg cramp helper", "what's your phone number")
    assert "no phone number" in phone.speech and C.clinic.website_spoken in phone.speech
    assert not re.search(r"\d", phone.speech)


@pytest.mark.parametrize(
    "asked", ["what's their email", "can i email them", "do you have an email address"]
)
def test_email_requests_say_there_is_none_and_give_the_website(asked: str) -> None:
    _, email = play("open leg cramp helper", asked)
    assert "no email address" in email.speech and C.clinic.website_spoken in email.speech
    assert "@" not in email.speech and email.session_attributes["pending"] == "offer_reminder"


def test_screen_progress_keeps_its_total() -> None:
    sim = simulator(DeviceKind.SCREEN)
    subtitles = []
    for utterance in ("open leg cramp helper", "check my symptoms", "no", "no", "no"):
        turn = sim.say(utterance)
        assert turn is not None
        for directive in turn.response["response"].get("directives") or []:
            view = directive.get("datasources", {}).get("view", {})
            if view.get("kind") == "question":
                subtitles.append(view["subtitle"])
    assert subtitles == ["Question 1 of 4", "Question 2 of 4", "Question 3 of 4", "Question 4 of 4"]


def test_yes_to_what_else_says_what_can_be_asked() -> None:
    check = ("check my symptoms", "no", "no", "no", "yes")
    turns = play("open leg cramp helper", *check, "no thanks", "yes")
    assert turns[-2].session_attributes["pending"] == "anything_else"
    assert turns[-1].speech == C.prompt("menu")
    assert not turns[-1].session_ended


@pytest.mark.parametrize(
    ("said", "outcome", "reason"),
    [
        ("is it bad if cramps happen most nights", "see_specialist", "FREQUENT_SLEEP"),
        ("i get cramps every night", "see_specialist", "FREQUENT_SLEEP"),
        ("they wake me up", "see_specialist", "FREQUENT_SLEEP"),
        ("hardly ever", "probably_fine", "NONE"),
    ],
)
def test_an_answer_said_outside_the_check_gets_what_the_article_says_about_it(
    said: str, outcome: str, reason: str
) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.speech.startswith(C.outcomes[outcome].reasons[reason]), turn.speech
    assert turn.session_attributes["pending"] == "offer_check"
    if outcome == "probably_fine":  # reassurance always names the signs that need help
        assert C.safety["red_flag"] in turn.speech


def test_repeat_after_a_miss_says_the_last_reply_again_not_the_miss() -> None:
    turns = play("open leg cramp helper", "why do my legs cramp at night", "huh", "repeat")
    assert turns[3].speech == turns[1].speech


def test_a_few_is_an_answer_only_to_the_varicose_question() -> None:
    *_, asked, said = play("open leg cramp helper", "check my symptoms", "yes", "a few")
    assert asked.speech.endswith(C.questions["SLEEP"].text)
    assert said.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert "noted" not in said.session_attributes
    assert C.questions["VARICOSE"].taken not in said.speech
    assert said.speech.endswith(C.questions["SLEEP"].text)


def test_a_no_to_a_later_question_asks_this_one_again_without_an_apology() -> None:
    said = play("open leg cramp helper", "check my symptoms", "they don't wake me up")[-1]
    assert said.speech == f"{C.questions['SLEEP'].taken_no} {C.questions['FREQUENT'].text}"
    assert said.session_attributes["answers"] == {}
    assert said.session_attributes["noted"] == {"SLEEP": "no"}


def test_a_diagnosis_question_right_after_the_result_offers_the_clinic_not_the_check() -> None:
    turns = play(
        "open leg cramp helper", "check my symptoms", "yes", "yes", "do i have vein disease"
    )
    assert turns[-2].session_attributes.get("result")
    assert turns[-1].session_attributes["pending"] == "contact_or_done"  # the clinic, or done


def test_frequent_cramps_alone_are_not_told_they_disrupt_sleep() -> None:
    result = play("open leg cramp helper", "check my symptoms", "yes", "no", "no", "no")[-1]
    assert result.session_attributes["result"] == ["worth_checking", "FREQUENT"]
    assert "disrupt" not in result.speech


@pytest.mark.parametrize(
    ("setup", "said", "question", "recorded"),
    [
        (["yes"], "never", "SLEEP", "no"),  # "never" to "do they disrupt your sleep?"
        (["no", "no", "no"], "just spider veins", "VARICOSE", "unsure"),  # not varicose veins
        (["no", "no", "no"], "i don't have varicose veins", "VARICOSE", "no"),
        (["no", "no"], "yes but they don't go away when i rest", "WALKING", "unsure"),
        (["no", "no"], "they don't happen when i walk", "WALKING", "no"),
        # Hedges: "I think so" once fell back, "probably" was asked again, "might be"
        # became a topic.
        (["yes"], "i think so", "SLEEP", "yes"),
        ([], "probably", "FREQUENT", "yes"),
        ([], "probably not", "FREQUENT", "no"),
        (["no"], "i don't believe so", "SLEEP", "no"),
        (["yes"], "kinda", "SLEEP", "unsure"),
        (["no", "no"], "sorta", "WALKING", "unsure"),
        (["no"], "it might be", "SLEEP", "unsure"),
        # An answer under a hedge (round 10: each was recorded as the answer's yes).
        ([], "it's not that they're frequent", "FREQUENT", "no"),
        ([], "i wouldn't call them frequent", "FREQUENT", "no"),
        (["yes"], "i wouldn't say they wake me up", "SLEEP", "no"),
        (["yes"], "i don't think they bother my sleep", "SLEEP", "no"),
        (["no", "no"], "i wouldn't say my cramps come from walking", "WALKING", "no"),
        (["no", "no"], "i can't say they happen when i walk", "WALKING", "unsure"),
        (["no"], "i'm not sure if they wake me up", "SLEEP", "unsure"),
        (["no", "no"], "not really when i walk", "WALKING", "unsure"),  # round 10: a yes
        # Round 10, fifth new user: each was asked again.
        (["no", "no"], "walking doesn't seem to bring them on", "WALKING", "no"),
        (["no", "no"], "they don't really happen when i'm walking", "WALKING", "no"),
        (["yes"], "uh huh they wake me up a lot", "SLEEP", "yes"),
        (["yes"], "i'm not bothered at night", "SLEEP", "no"),
        (["yes"], "not usually", "SLEEP", "no"),
        (["yes"], "more or less", "SLEEP", "unsure"),
        ([], "every single night without fail", "FREQUENT", "yes"),
        ([], "every other day i'd say", "FREQUENT", "yes"),
        (["no"], "i wouldn't say so", "SLEEP", "no"),  # round 10: a yes, all three
        (["no"], "i wouldn't say that", "SLEEP", "no"),
        (["no"], "i'd say not", "SLEEP", "no"),
        # Round 13, eleventh new user: a topic, the wrong answer, or asked again.
        (["yes"], "i've lost so much sleep, they wake me up constantly", "SLEEP", "yes"),
        (["no", "no", "no"], "i've got some bulgy ropey veins on my calves", "VARICOSE", "yes"),
        ([], "nope they never wake me up", "FREQUENT", "no"),
        ([], "about five times a month", "FREQUENT", "no"),
        ([], "just once, last year", "FREQUENT", "no"),
        ([], "tons", "FREQUENT", "yes"),
        ([], "barely ever to be honest", "FREQUENT", "no"),
        ([], "three nights out of seven", "FREQUENT", "yes"),
        (["yes"], "not really, i fall back asleep fine", "SLEEP", "no"),
        (["no"], "yes, i wake up yelping", "SLEEP", "yes"),
        (["no", "no"], "walking doesn't bother them at all", "WALKING", "no"),
        (["no", "no", "no"], "not a one", "VARICOSE", "no"),
        # Round 13, twelfth new user: a treatment, and the walking topic.
        (["no", "no"], "i can walk for miles without a problem", "WALKING", "no"),
        (["no", "no", "no"], "my legs are smooth, nothing bulging", "VARICOSE", "no"),
        ([], "oh goodness yes", "FREQUENT", "yes"),
        (["no"], "idk", "SLEEP", "unsure"),
        # Round 14: each was asked again ("um kinda": its words are all fillers).
        ([], "um kinda", "FREQUENT", "unsure"),
        (["yes"], "uh sort of", "SLEEP", "unsure"),
        ([], "it's not every night, it's more like a couple times a month", "FREQUENT", "no"),
        ([], "not really, more like once a month", "FREQUENT", "no"),
        (["no", "no"], "my chest is fine, yes they come when i walk", "WALKING", "yes"),
        (["no", "no"], "no chest pain, no they don't happen when i walk", "WALKING", "no"),
        (["yes"], "they wake me up sometimes", "SLEEP", "yes"),  # round 14: unsure
        (["no"], "not usually, maybe once or twice", "SLEEP", "no"),  # not sure
        (["no"], "i don't think so, maybe a couple times", "SLEEP", "no"),
        (["yes"], "yeah they get me up, i have to stand on the cold floor", "SLEEP", "yes"),
        (["yes"], "they get me up", "SLEEP", "yes"),
        # Round 16, twentieth new user: the session ended ("see ya"), thanks, a yes, the
        # walking sign the words deny, and three sleep answers that fell back.
        ([], "ya", "FREQUENT", "yes"),
        (["yes"], "ya", "SLEEP", "yes"),
        (["yes"], "ya, they wake me up", "SLEEP", "yes"),  # the night-cramps topic
        ([], "yes very much", "FREQUENT", "yes"),
        ([], "yeah kinda", "FREQUENT", "unsure"),
        (["no", "no"], "they come when i walk but don't go away when i rest", "WALKING", "unsure"),
        (["no"], "i wake up because of it", "SLEEP", "yes"),
        (["no"], "i cannot sleep because of it", "SLEEP", "yes"),
        (["no"], "they make me wake up at night", "SLEEP", "yes"),
        ([], "i used to but not lately", "FREQUENT", "no"),
        ([], "yes and no", "FREQUENT", "unsure"),
        ([], "two time in one week", "FREQUENT", "yes"),
        (["yes"], "ehh not really", "SLEEP", "no"),
        (["no", "no"], "depends how far i walk", "WALKING", "unsure"),
        (["no", "no", "no"], "just little spider veins", "VARICOSE", "unsure"),
        # a yes the rest of the phrase makes unsure: the unsure is recorded
        (["no", "no", "no"], "i have some, just little spider veins", "VARICOSE", "unsure"),
        # Round 16, twenty-first new user: each recorded the opposite of what was said.
        (
            ["no", "no"],
            "they come when I walk but they don't go away when I rest",
            "WALKING",
            "unsure",
        ),
        (["no", "no"], "only when I'm sprinting, not walking", "WALKING", "no"),
        ([], "I used to get them a lot but not anymore", "FREQUENT", "no"),
        ([], "no cap, every night", "FREQUENT", "yes"),
        # ... and these fell back (or repeated the intro, or ended the session: the last)
        ([], "oh, now and again", "FREQUENT", "no"),
        ([], "not hardly", "FREQUENT", "no"),
        ([], "reckon so", "FREQUENT", "yes"),
        ([], "a fair bit", "FREQUENT", "yes"),
        ([], "lowkey yeah", "FREQUENT", "yes"),
        ([], "si", "FREQUENT", "yes"),
        (["yes"], "she nods yes", "SLEEP", "yes"),
        (["yes"], "he shook his head no", "SLEEP", "no"),
        ([], "I'm so done with this, yes every single night", "FREQUENT", "yes"),
        # Round 16, twenty-second new user: the walking sign, which rest did not ease.
        (
            ["no", "no"],
            "when I walk the dog yeah, but they stay even after I stop",
            "WALKING",
            "unsure",
        ),
        (["no", "no"], "they don't go away when I stop", "WALKING", "unsure"),
        # Round 17: near "some nights yes some nights no", these were not sure.
        (["yes"], "they wake me up some nights", "SLEEP", "yes"),
        (["yes"], "i wake up screaming some nights", "SLEEP", "yes"),
        # Round 17, twenty-second new user: these fell back or got a topic's answer.
        (["yes"], "my wife says i thrash around and it wakes us both up", "SLEEP", "yes"),
        (["no", "no", "no"], "my doctor said i have a few", "VARICOSE", "yes"),
        (["no", "no", "no"], "there are some bumpy blue ones on my calf", "VARICOSE", "yes"),
        # Round 17: taken as cramps with walking (she walks because of them, not the reverse).
        (["yes"], "she's up walking the hall at 3am because of them", "SLEEP", "yes"),
    ],
)
def test_answers_in_people_s_words_are_recorded_as_meant(
    setup: list[str], said: str, question: str, recorded: str
) -> None:
    turns = play("open leg cramp helper", "check my symptoms", *setup, said)
    assert turns[-2].speech.endswith(C.questions[question].text)
    attrs = turns[-1].session_attributes
    if "answers" in attrs:
        assert attrs["answers"][question] == recorded
    else:  # the answer completed the check: the result is the one its answers give
        given = {q: Answer(a) for q, a in zip(triage.QUESTIONS, setup, strict=False)}
        assert attrs["result"] == list(triage.classify({**given, question: Answer(recorded)}))


@pytest.mark.parametrize(
    "said",
    ["pardon", "could you say that again dear", "please say more slow",  # round 21: fallback
     "could you say that a bit slower"],
)
def test_repeat_in_the_check_says_the_question_not_the_intro_again(said: str) -> None:
    """Round 16: each "pardon" replayed "Okay, a quick check. I'll ask up to four..."."""
    turns = play("open leg cramp helper", "check my symptoms", said)
    assert turns[-2].speech != C.questions["FREQUENT"].text
    assert turns[-1].speech == C.questions["FREQUENT"].text
    assert turns[-1].session_attributes["answers"] == {}


@pytest.mark.parametrize("said", ["probably the heat", "probably just old age"])
def test_probably_and_a_cause_is_no_yes_to_a_question(said: str) -> None:
    """Round 16: near the sample "probably", these were a sleep yes, and the result said
    "Severe, frequent cramping that disrupts sleep"."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert "SLEEP" not in turn.session_attributes.get("answers", {})
    assert "result" not in turn.session_attributes


def test_skip_at_the_opening_menu_is_no_goodbye() -> None:
    """Round 16: "skip" at the menu was a no to nothing, and the session ended."""
    turn = play("open leg cramp helper", "skip")[-1]
    assert not turn.session_ended and turn.speech.endswith(C.prompt("menu"))


@pytest.mark.parametrize("said", ["i have a cat", "i have a gun"])
def test_words_that_answer_nothing_at_the_menu_are_not_understood(said: str) -> None:
    """Round 23: heard as an answer whose words are no known answer, they got "Okay" and the
    check was offered."""
    turn = play("open leg cramp helper", said)[-1]
    assert turn.speech.startswith(C.prompt("fallback")), turn.speech
    assert not turn.session_ended and "noted" not in turn.session_attributes


def test_go_back_in_the_check_asks_the_previous_question_again_and_forgets_its_answer() -> None:
    turns = play("open leg cramp helper", "check my symptoms", "yes", "go back", "no", "no")
    back = turns[3]
    assert turns[3].intent == "AMAZON.PreviousIntent"
    assert back.speech.endswith(C.questions["FREQUENT"].text)
    assert back.session_attributes["answers"] == {}
    assert turns[4].session_attributes["answers"] == {"FREQUENT": "no"}


@pytest.mark.parametrize("back", ["go back", "yes go back"])
def test_go_back_tells_back_the_answer_it_forgets(back: str) -> None:
    """Round 43, a new user: the question came again with no word of the answer given, so
    "yes go back" seemed not to have been heard. For someone else, said of them."""
    turns = play("open leg cramp helper", "check my symptoms for my mom", "yes", "no", back)
    taken = about_them(C.questions["SLEEP"].taken_no)
    assert turns[-1].speech.startswith(f"{C.prompt('went_back')} {taken}"), turns[-1].speech
    assert turns[-1].speech.endswith(about_them(C.questions["SLEEP"].text)), turns[-1].speech
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes"}


def test_go_back_after_not_sure_tells_back_no_answer() -> None:
    turn = play("open leg cramp helper", "check my symptoms", "not sure", "go back")[-1]
    assert turn.speech == f"{C.prompt('went_back')} {C.questions['FREQUENT'].text}", turn.speech


def test_go_back_outside_the_check_says_the_last_reply_again() -> None:
    turns = play("open leg cramp helper", "what are varicose veins", "go back")
    assert turns[2].speech == turns[1].speech


def test_thanks_in_the_check_is_welcomed_and_the_question_comes_again() -> None:
    said = play("open leg cramp helper", "check my symptoms", "thanks")[-1]
    assert said.speech == f"{C.prompt('welcome_back')} {C.questions['FREQUENT'].text}"
    assert said.session_attributes["answers"] == {}


def test_a_medicine_question_is_sent_to_the_person_s_own_doctor_or_pharmacist() -> None:
    said = play("open leg cramp helper", "should i stop my statins")[-1]
    assert said.intent == "RemediesIntent"
    assert C.out_of_scope["remedy"] in said.speech
    assert "can answer that" not in said.speech  # not the vein clinic's question


@pytest.mark.parametrize(
    ("said", "slot", "value"),
    [("remind me tonight", "time", "NI"), ("remind me this evening", "time", "EV")],
)
def test_a_reminder_tonight_is_a_time_of_today(said: str, slot: str, value: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == "SetReminderIntent"
    assert turn.slots[slot]["value"] == value


def test_varicose_veins_said_about_oneself_count_in_the_check() -> None:
    turns = play(
        "open leg cramp helper", "i have varicose veins", "check my symptoms", "no", "no", "no"
    )
    assert turns[1].intent == "VaricoseVeinsIntent"
    spoken = " ".join(t.speech for t in turns)
    assert C.questions["VARICOSE"].text not in spoken  # not asked again
    assert C.questions["VARICOSE"].taken in turns[-1].speech  # says what it took
    assert turns[-1].session_attributes["result"] == ["worth_checking", "VARICOSE"]


def test_a_question_about_varicose_veins_is_no_answer_to_the_varicose_question() -> None:
    *_, asked, said = play(
        "open leg cramp helper", "check my symptoms", "no", "no", "no", "what are varicose veins"
    )
    assert asked.speech.endswith(C.questions["VARICOSE"].text)
    assert said.session_attributes["answers"] == asked.session_attributes["answers"]
    assert said.session_attributes["pending"] == "resume_check"


@pytest.mark.parametrize(
    "asked",
    [
        "what do you mean by varicose veins",  # help's general list (round 16)
        "how do i know if i have varicose veins",  # complications (round 16)
        "how can you tell if you've got varicose veins",
    ],
)
def test_what_varicose_veins_are_is_the_varicose_answer(asked: str) -> None:
    said = play("open leg cramp helper", asked)[-1]
    assert said.speech.startswith(C.topics["VaricoseVeinsIntent"].speech)


@pytest.mark.parametrize(
    "asked", ["tell me about spider veins", "what are spider veins", "are thread veins dangerous"]
)
def test_spider_veins_are_not_covered_not_answered_as_varicose_veins(asked: str) -> None:
    """The article speaks of varicose veins only; these once got the varicose answer."""
    said = play("open leg cramp helper", asked)[-1]
    assert C.out_of_scope["condition"] in said.speech
    assert C.topics["VaricoseVeinsIntent"].speech not in said.speech


@pytest.mark.parametrize(
    "asked",
    ["wait what causes these things anyway", "hold on, what causes cramps in the first place"],
)
def test_what_causes_them_asked_mid_check_is_answered_and_the_check_waits(asked: str) -> None:
    """Round 16: "I need an answer to this question first"."""
    *_, before, said = play("open leg cramp helper", "check my symptoms", "yes", asked)
    assert said.speech.startswith(C.topics["CrampCausesIntent"].speech)
    assert said.session_attributes["answers"] == before.session_attributes["answers"]
    assert said.session_attributes["pending"] == "resume_check"


@pytest.mark.parametrize("asked", ["do they have a website", "what's the web site again"])
def test_asked_for_a_website_the_skill_gives_it_without_talk_of_a_phone(asked: str) -> None:
    """Round 16: "do they have a website" began "There's no phone number in this skill";
    "what's the web site again" was "the clinic's article doesn't cover that"."""
    said = play("open leg cramp helper", asked)[-1]
    assert said.speech.startswith(C.contact.speech)


@pytest.mark.parametrize(
    "asked",
    ["what's the recommended potassium supplement dose", "what's the normal range for potassium"],
)
def test_what_s_the_and_a_subject_is_not_the_phone_answer(asked: str) -> None:
    """Round 16: any "what's the ..." filled the phone intent's {channel}: "There's no phone
    number in this skill"."""
    said = play("open leg cramp helper", asked)[-1]
    assert said.speech.startswith(C.out_of_scope["unknown"])
    assert C.prompt("no_phone") not in said.speech


def test_will_the_test_hurt_gets_the_article_s_non_invasive_methods() -> None:
    """Round 16: the fallback."""
    said = play("open leg cramp helper", "will the test hurt")[-1]
    assert said.speech.startswith(C.topics["VeinDiagnosisIntent"].speech)


def test_a_doctor_s_word_about_the_veins_gets_what_the_article_says() -> None:
    """Round 16: "is that right" was a yes to nothing ("I'm not sure what you're agreeing to")."""
    said = play("open leg cramp helper", "my doctor said it's my veins, is that right")[-1]
    assert said.speech.startswith(C.topics["CrampsAndVeinDiseaseIntent"].speech)


def test_what_about_a_topic_after_a_yes_is_that_topic() -> None:
    """Round 16: "actually yeah, what about varicose veins" was a yes, and the menu came."""
    said = play(
        "open leg cramp helper", "what are leg cramps", "no",
        "actually yeah, what about varicose veins",
    )[-1]
    assert said.speech.startswith(C.topics["VaricoseVeinsIntent"].speech)


def test_a_question_about_one_s_wife_is_answered_about_her() -> None:
    """Round 16: "should she see a specialist", said after "my wife", was answered with "your"."""
    said = play(
        "open leg cramp helper",
        "my wife gets cramps whenever she walks, should she see a specialist",
    )[-1]
    assert " their " in said.speech and " your " not in said.speech


@pytest.mark.parametrize(
    "opening",
    [
        (
            "open leg cramp helper",
            "well dear my legs have been giving me trouble, could you check them",
        ),
        ("ask leg cramp helper do a quick cramp check",),
    ],
)
def test_asked_to_check_them_in_plain_words_the_check_starts(opening: tuple[str, ...]) -> None:
    """Round 16: help's list, and the fallback."""
    said = play(*opening)[-1]
    assert said.speech.endswith(C.questions["FREQUENT"].text)


def test_spider_veins_said_to_the_varicose_question_are_not_sure() -> None:
    check = ("check my symptoms", "no", "no", "no")
    turns = play("open leg cramp helper", *check, "i have spider veins")
    assert turns[-2].speech.endswith(C.questions["VARICOSE"].text)
    assert turns[-1].session_attributes["result"] == ["worth_checking", "UNSURE"]


@pytest.mark.parametrize(
    "asked",
    [
        "does alcohol cause leg cramps",
        "can caffeine give you cramps",
        "could stress cause leg cramps",
        "does standing all day cause leg cramps",  # a value of the type (round 7)
        "do leg cramps come from getting older",
        "does cold weather make cramps worse",  # fell back (round 8)
        "do leg cramps get worse in the winter",
        "could smoking be making my leg cramps worse",  # round 8: the list alone
        "do my cramps get worse when it's cold outside",  # round 8: fell back
        "does caffeine cause them",  # round 14: fell back
        "are leg cramps worse as you get older",  # round 23: the list alone
        "is it normal to get leg cramps at my age",
    ],
)
def test_a_cause_the_article_does_not_list_is_said_to_be_unlisted(asked: str) -> None:
    """ "Does alcohol cause leg cramps?" once fell back ("I don't have an answer"); the
    article's list alone would sound like a yes."""
    said = play("open leg cramp helper", asked)[-1]
    assert said.intent == "CrampCausesIntent"
    assert said.speech.startswith(C.prompt("not_listed"))
    assert C.topics["CrampCausesIntent"].speech in said.speech


@pytest.mark.parametrize(
    "asked",
    [
        "can dehydration cause leg cramps",
        "can the pills i take cause cramps",  # round 13: "doesn't list that as a cause"
        "is it just dehydration or something else",  # round 13: the same
        # Round 27, a new user: "not listed", then fatigue in the list.
        "does being really tired make them worse",
        "can being exhausted cause leg cramps",
    ],
)
def test_a_cause_the_article_lists_gets_the_list_alone(asked: str) -> None:
    said = play("open leg cramp helper", asked)[-1]
    assert said.speech.startswith(C.topics["CrampCausesIntent"].speech)


def test_actually_they_come_every_night_said_later_changes_how_often() -> None:
    """Round 16: said to the walking question after a no, it was "answer this first"."""
    changed = play(
        "open leg cramp helper", "check my symptoms", "no", "no",
        "actually they do come pretty much every night",
    )[-1]
    assert changed.speech.startswith(C.prompt("answer_changed"))
    assert changed.session_attributes["answers"]["FREQUENT"] == "yes"


def test_scratch_that_said_to_the_next_question_changes_how_often() -> None:
    """Round 13: "actually scratch that, it's pretty much every night", said to the sleep
    question, was a sleep yes, and how often stayed a no."""
    changed = play(
        "open leg cramp helper",
        "check my symptoms",
        "no",
        "actually scratch that, it's pretty much every night",
    )[-1]
    assert changed.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert changed.speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize(
    "change",
    [
        "wait i meant no",
        "i meant no",
        "change my answer to no",
        "wait i meant the opposite",  # round 16: the question asked again, the yes forgotten
        "sorry i meant the other way around",
        "no i meant the opposite",  # round 16: a no to the next question
    ],
)
def test_changing_the_last_answer_changes_it_and_the_check_goes_on(change: str) -> None:
    """ "Wait, no, actually..." was not understood; only "go back" worked."""
    turns = play("open leg cramp helper", "check my symptoms", "yes", change)
    changed = turns[-1]
    assert changed.speech.startswith(C.prompt("answer_changed"))
    assert changed.session_attributes["answers"] == {"FREQUENT": "no"}
    assert changed.speech.endswith(C.questions["SLEEP"].text)


def test_a_change_said_right_after_the_result_gives_the_result_of_the_answers_now() -> None:
    """Round 16: "wait I meant no" to the answer that settled the result was refused ("say
    start over"), and all four questions had to be answered again."""
    *_, result, changed = play(
        "open leg cramp helper", "check my symptoms", "no", "no", "no", "yes", "wait i meant no"
    )
    assert result.session_attributes["result"] == ["worth_checking", "VARICOSE"]
    assert changed.speech.startswith(C.prompt("result_changed"))
    assert changed.session_attributes["result"] == list(
        triage.classify({q: Answer.NO for q in triage.QUESTIONS})
    )


@pytest.mark.parametrize(
    ("check", "said", "answers_now"),
    [
        # Round 16: "If your answers have changed, say start over".
        (("yes", "yes"), "actually they don't wake me up", {"FREQUENT": "yes", "SLEEP": "no"}),
        (("no", "no", "no", "no"), "wait actually I do have varicose veins", None),
    ],
)
def test_an_answer_changed_in_words_right_after_the_result_is_taken(
    check: tuple[str, ...], said: str, answers_now
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *check, said)[-1]
    if answers_now is None:  # settled again
        assert turn.speech.startswith(C.prompt("result_changed"))
        assert turn.session_attributes["result"] == ["worth_checking", "VARICOSE"]
    else:  # a question it now needs
        assert turn.speech.startswith(C.prompt("answer_changed"))
        assert turn.session_attributes["answers"] == answers_now


def test_a_change_said_later_than_right_after_the_result_is_not_taken() -> None:
    turns = play(
        "open leg cramp helper", "check my symptoms", "yes", "yes", "no", "wait i meant no"
    )
    assert turns[-1].speech.startswith(C.prompt("answer_after_result"))


def test_answers_kept_after_a_result_that_do_not_give_it_are_dropped() -> None:
    """The answers come back from the session, which a client could forge: kept only when
    they give the result said."""
    from skill.conversation import State

    attrs = {"pending": "offer_contact", "result": ["see_specialist", "FREQUENT_SLEEP"]}
    forged = State.from_session({**attrs, "answers": {"FREQUENT": "no"}}, C)
    kept = State.from_session({**attrs, "answers": {"FREQUENT": "yes", "SLEEP": "yes"}}, C)
    assert forged.answers == {} and kept.answers == {"FREQUENT": "yes", "SLEEP": "yes"}


def test_a_phrase_that_answers_nothing_asked_is_asked_again_in_one_breath() -> None:
    """Round 16: said to the sleep question, this got "I need an answer to this question
    first", then the walking result it had noted: 66 words, and the no to sleep lost.
    Since round 18 the walking answer is taken as said (the no to sleep is not heard): with
    frequent cramps it settles the check, in one breath."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "yes",
        "no, but they happen when I walk and stop when I rest",
    )[-1]
    assert len(turn.speech.split()) <= 50
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "WALKING": "yes"}
    assert C.prompt("check_fallback") not in turn.speech


def test_the_opposite_of_an_earlier_answer_turns_that_one_round() -> None:
    turns = play(
        "open leg cramp helper", "check my symptoms", "no", "no",
        "my first answer should be the opposite",
    )
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no"}
    assert turns[-1].speech.startswith(C.prompt("answer_changed"))


def test_asking_to_change_an_answer_goes_back_to_the_question() -> None:
    turns = play("open leg cramp helper", "check my symptoms", "yes", "no", "i made a mistake")
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turns[-1].speech.endswith(C.questions["SLEEP"].text)


def test_a_change_that_names_its_answer_after_the_offer_is_declined_is_taken() -> None:
    """A turn later than right after the result, a change that names its answer is taken
    (round 24: it pointed to start over). A plain "I meant yes" there is a yes to the offer
    just declined (round 21)."""
    check = ("check my symptoms", "no", "no", "no", "no", "no thanks")
    turns = play("open leg cramp helper", *check, "i meant yes for the first one")
    assert turns[-1].speech.startswith(C.prompt("result_changed"))
    assert turns[-1].session_attributes["result"] == ["worth_checking", "FREQUENT"]


@pytest.mark.parametrize(
    ("after", "said", "answers_now"),
    [  # round 24, a new user: "if your answers have changed, say start over"
        ("why", "actually, they don't wake me", {"FREQUENT": "yes", "SLEEP": "no"}),
        ("no", "actually, they don't wake me", {"FREQUENT": "yes", "SLEEP": "no"}),
    ],
)
def test_an_answer_changed_in_words_after_why_or_a_no_is_taken(
    after: str, said: str, answers_now: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", after, said)[-1]
    assert turn.speech.startswith(C.prompt("answer_changed"))
    assert turn.session_attributes["answers"] == answers_now


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("what are very close veins", "VaricoseVeinsIntent"),  # "varicose", misheard
        ("what is vein insufficient", "VenousInsufficiencyIntent"),
        ("tell me about varicose veins instead", "VaricoseVeinsIntent"),
        ("what is a venous duplex ultra sound", "VeinDiagnosisIntent"),
        ("what's their email", "ClinicPhoneIntent"),
        ("how long does a cramp last", "WhatAreLegCrampsIntent"),  # got the diagnosis answer
        # Round 9's new user: fallbacks, or another topic's answer.
        ("can dehydration do that", "CrampCausesIntent"),
        ("my wife says I should get it looked at, should I", "WhenToSeeSpecialistIntent"),
        ("does he need a ultrasound", "VeinDiagnosisIntent"),
        ("is it normal to get charley horses when you get older", "CrampCausesIntent"),
        ("are leg cramps a sign of something serious", "CrampsAndVeinDiseaseIntent"),
    ],
)
def test_what_a_new_user_said_reaches_what_the_article_covers(said: str, intent: str) -> None:
    """Round 6's new user heard "the clinic's article doesn't cover that" for these."""
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == intent
    assert C.out_of_scope["unknown"] not in turn.speech


@pytest.mark.parametrize(
    ("said", "intent"),
    [  # round 23, a new user: each fell back ("I don't have an answer for that one")
        ("i had knee surgery last month, could that cause cramps", "RiskFactorsIntent"),
        ("my legs feel heavy and achy at the end of the day", "OtherConditionsIntent"),
        ("can cramps damage the muscle", "ComplicationsIntent"),
        # (round 39: a cramp under way, which the article says typically resolves)
        ("my leg is really cramping right now what do i do", "CrampNowIntent"),
        (
            "so my grandmother is 82 and her legs cramp, is that a vein thing or just old age",
            "CrampsAndVeinDiseaseIntent",
        ),
    ],
)
def test_questions_that_fell_back_get_their_answer_or_not_covered_with_the_clinic(
    said: str, intent: str
) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == intent and not turn.speech.startswith(C.prompt("fallback"))


@pytest.mark.parametrize(
    ("said", "intent"),
    [  # round 23, a third new user, after a result: the fallback, or treatments
        ("is that a diagnosis", "AboutSkillIntent"),
        ("is the ultrasound invasive", "VeinDiagnosisIntent"),  # "non-invasive methods"
        ("does the duplex test hurt", "TreatmentsIntent"),  # the article says nothing of pain
        ("later alligator", "AMAZON.StopIntent"),
        ("what is the article about", "AMAZON.HelpIntent"),  # "doesn't cover that"
        # round 23, a fourth new user: the fallback, the diagnosis answer, cramps and veins
        ("whats chronic venous insufficiency", "VenousInsufficiencyIntent"),  # typed so
        ("what does vein surgery involve", "TreatmentsIntent"),
        ("whats the connection between calf muscles and veins", "HowLegVeinsWorkIntent"),
        ("are night cramps something to worry about", "WhenToSeeSpecialistIntent"),  # the check
        ("are leg cramps serious", "WhenToSeeSpecialistIntent"),
        ("right, i'm off, thanks", "AMAZON.StopIntent"),  # round 23, a last new user
        ("is that it then", "TellMeMoreIntent"),  # near "is that bad then"
    ],
)
def test_after_a_result_these_reach_what_they_ask(said: str, intent: str) -> None:
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", said)[-1]
    assert turn.intent == intent and not turn.speech.startswith(C.prompt("fallback"))


def test_and_after_an_answer_asks_for_more() -> None:
    """Round 23: "and?" fell back."""
    *_, more = play("open leg cramp helper", "why do my legs cramp at night", "and?")
    assert more.intent == "TellMeMoreIntent"
    assert not more.speech.startswith(C.prompt("fallback"))


def test_not_knowing_what_varicose_veins_look_like_after_a_result_gets_their_answer() -> None:
    """Round 23: "If your answers have changed, say start over"."""
    check = ("check my symptoms", "no", "no", "no", "yes", "no")
    said = play("open leg cramp helper", *check, "i don't know what varicose veins look like")[-1]
    assert said.speech.startswith(C.topics["VaricoseVeinsIntent"].speech)


def test_an_answer_holding_both_yes_and_no_records_nothing() -> None:
    """ "Yes no" was recorded as yes."""
    turns = play("open leg cramp helper", "check my symptoms", "yes no")
    assert turns[-1].session_attributes["answers"] == {}
    assert turns[-1].speech.endswith(C.questions["FREQUENT"].text)


@pytest.mark.parametrize(
    ("said", "recorded"),
    [
        ("yes no wait no", "no"),
        ("a few times a week, no wait, more like a few times a month", "no"),
        ("hardly ever, or rather a couple times a week", "yes"),
    ],
)
def test_an_answer_corrected_in_the_same_breath_records_the_second(
    said: str, recorded: str
) -> None:
    """Round 12: the first answer was recorded ("yes no wait no" recorded nothing, and
    "a few times a week, no wait, ... a month" recorded frequent cramps)."""
    turns = play("open leg cramp helper", "check my symptoms", said)
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": recorded}


@pytest.mark.parametrize("said", ["check my symptoms", "start the check"])
def test_asking_for_the_check_during_it_keeps_the_answers(said: str) -> None:
    """ "Let me see", mid-check, was taken as a request for the check and lost its answers
    (it is now a moment to think: the test below)."""
    turns = play("open leg cramp helper", "check my symptoms", "yes", said)
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turns[-1].speech == f"{C.prompt('back_to_check')} {C.questions['SLEEP'].text}"


def test_an_answer_that_also_names_an_emergency_sign_is_not_taken_as_yes() -> None:
    """ "Yes, and my calf is red and really painful today" was recorded as yes, with no 911."""
    sign = "yes and my calf is red and really painful today"
    turns = play("open leg cramp helper", "check my symptoms", "yes", sign)
    said = turns[-1]
    assert said.session_attributes.get("answers") in ({"FREQUENT": "yes"}, None)
    assert "9 1 1" in said.speech


@pytest.mark.parametrize(
    ("said", "recorded"),
    [("no they're pretty frequent", "yes"), ("yes but only once a month", "no")],
)
def test_how_often_wins_over_the_yes_or_no_it_opens_with(said: str, recorded: str) -> None:
    """ "No, they're pretty frequent" was recorded as no."""
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": recorded}


@pytest.mark.parametrize(
    "asked",
    [
        "can you book me an appointment",
        "can you call them for me",
        "book me in",
        "can you text my daughter the website",  # round 19: "no phone number in this skill"
    ],
)
def test_asking_to_book_or_call_says_the_skill_cannot_then_how_to_reach_the_clinic(
    asked: str,
) -> None:
    """ "Can you book me an appointment" created a reminder; then (round 19) "can you call
    them for me" gave the details as if the skill would call."""
    turn = play("open leg cramp helper", asked)[-1]
    assert C.out_of_scope["booking"] in turn.speech and C.contact.booking in turn.speech
    assert turn.card is not None and turn.card["title"] == C.contact.title
    assert turn.session_attributes["pending"] == "offer_reminder"


def test_thanks_and_goodbye_after_a_result_ends_the_session() -> None:
    check = ("check my symptoms", "yes", "yes")
    turn = play("open leg cramp helper", *check, "great thank you goodbye")[-1]
    assert turn.session_ended


@pytest.mark.parametrize(
    "asked",
    [
        "what can i do about leg cramps",
        "what to do about a charley horse",
        "what helps leg cramps go away",  # round 23: near "go away", a goodbye
    ],
)
def test_what_to_do_about_a_cramp_is_a_remedy_question(asked: str) -> None:
    """ "What can I do about leg cramps" got the help text; "what to do about a charley horse"
    the walking answer ("schedule an evaluation")."""
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.intent == "RemediesIntent"
    assert C.out_of_scope["remedy"] in turn.speech


@pytest.mark.parametrize(
    ("asked", "for_other"),
    [
        ("check the symptoms for my dad", True),
        ("can you check my symptoms for my mom", True),
        ("check my symptoms for me", False),
        ("check my symptoms", False),
        ("i want to check my husband's leg cramps", True),  # round 10: asked "you"
    ],
)
def test_a_check_for_someone_else_says_to_answer_for_them(asked: str, for_other: bool) -> None:
    """A caregiver's check asked "you" with no word that the answers are the other
    person's."""
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.session_attributes["pending"] == "check"
    assert (C.prompt("check_for_other") in turn.speech) is for_other
    asked_them = "Do they get frequent leg cramps?"
    assert turn.speech.endswith(asked_them if for_other else C.questions["FREQUENT"].text)


def test_what_they_say_with_how_often_answers_the_sleep_question() -> None:
    """Round 10: "she says they wake her up sometimes", asked whether they disrupt sleep,
    was taken as "sometimes" alone: not sure."""
    turns = play("open leg cramp helper", "check my mom's symptoms", "yes",
                 "she says they wake her up sometimes")  # fmt: skip
    assert turns[-1].session_attributes["result"] == ["see_specialist", "FREQUENT_SLEEP"]


@pytest.mark.parametrize(
    "said",
    [
        "for my dad actually",
        "this is for my mom",
        "it's for my mother actually",
        "it's my husband's",
    ],
)
def test_saying_mid_check_whom_it_is_for_records_nothing(said: str) -> None:
    """Round 7: "for my dad actually", at the first question, was "not for me" (a No sample)
    and recorded as no; "this is for my mom" got the question's help line. Round 44: whose
    the answers given were is asked; a yes keeps them as theirs."""
    *_, turn, kept = play("open leg cramp helper", "check my symptoms", "yes", said, "yes")
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turn.speech.endswith(C.prompt("whose_answers")), turn.speech
    # round 15: "it's my husband's", no {person} value, was asked again about "you"
    assert kept.speech.startswith(C.prompt("check_for_other"))
    assert kept.speech.endswith(about_them(C.questions["SLEEP"].text))  # round 9
    assert kept.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    ("said", "answers"),
    [
        (("no", "yes", "actually no, they don't wake me up"), {"FREQUENT": "no", "SLEEP": "no"}),
        (("no", "no", "yes they wake me up"), {"FREQUENT": "no", "SLEEP": "yes"}),
        (
            ("no", "no", "oh wait actually yes it does wake me up"),
            {"FREQUENT": "no", "SLEEP": "yes"},
        ),
        (("no", "no", "wait, they do wake me up"), {"FREQUENT": "no", "SLEEP": "yes"}),
    ],
)
def test_an_answer_to_an_earlier_question_changes_that_answer(said, answers) -> None:
    """Round 7: at the walking question, "actually no, they don't wake me up" was recorded
    as walking = no, and the result still said the cramps disrupt sleep. Round 10: "oh wait
    actually yes it does wake me up" was a yes to the walking question."""
    turn = play("open leg cramp helper", "check my symptoms", *said)[-1]
    assert turn.session_attributes["answers"] == answers
    assert turn.speech.startswith(C.prompt("answer_changed"))
    assert turn.speech.endswith(C.questions["WALKING"].text)


def test_a_second_question_between_the_check_s_questions_keeps_the_check() -> None:
    """Round 7: "what are varicose veins", then "how are they treated", mid-check, offered
    the contact details and dropped the answers; "let's go back to the check" restarted it."""
    turns = play(
        "open leg cramp helper", "check my symptoms", "yes",
        "what are varicose veins", "how are they treated", "let's go back to the check",
    )  # fmt: skip
    assert turns[-2].session_attributes["pending"] == "resume_check"
    assert turns[-2].session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turns[-1].speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize(
    "asked",
    [
        "are you a real doctor",
        "are you a doctor",
        "where does this information come from",
        "who are you",
    ],
)
def test_asked_what_it_is_the_skill_says_it_is_not_a_doctor(asked: str) -> None:
    """Round 7: "are you a real doctor" fell back ("I don't have an answer for that one")."""
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.speech.startswith(C.prompt("about")) and "not a person or doctor" in turn.speech
    assert not turn.session_ended


@pytest.mark.parametrize(
    "asked",
    [
        "is this conversation being recorded",
        "does anybody else get to hear what I tell you",
        "are you going to tell my doctor about this",
    ],
)
def test_asked_about_privacy_the_skill_says_it_keeps_nothing(asked: str) -> None:
    """Round 25, a new user: the fallback, "tell me more", and the specialist answer."""
    turn = play("open leg cramp helper", asked)[-1]
    assert "I don't store what you tell me" in turn.speech and not turn.session_ended


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [
        ((), "she gets them all the time", {"FREQUENT": "yes"}),
        (("yes",), "not really, she sleeps fine", {"FREQUENT": "yes", "SLEEP": "no"}),
        (("no", "no"), "only when he's in bed", {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}),
        (("no",), "they wake her up", {"FREQUENT": "no", "SLEEP": "yes"}),
    ],
)
def test_a_check_for_someone_else_takes_answers_about_them(before, said, answers) -> None:
    """Round 7: "she gets them all the time", "he gets them most nights" fell back."""
    turn = play("open leg cramp helper", "check my symptoms for my mom", *before, said)[-1]
    assert turn.session_attributes["answers"] == answers


def test_it_s_my_wife_who_has_them_says_to_answer_for_her() -> None:
    """Round 7: recorded as "not sure" to the question asked."""
    turn = play("open leg cramp helper", "check my symptoms", "it's my wife who has them")[-1]
    assert turn.speech.startswith(C.prompt("check_for_other"))
    assert "answers" not in turn.session_attributes or turn.session_attributes["answers"] == {}


@pytest.mark.parametrize("said", ["actually scratch that", "hang on go back", "i got that wrong"])
def test_taking_back_the_last_answer_asks_it_again(said: str) -> None:
    """Round 7: "scratch that" and "hang on, go back" were not understood."""
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.speech.endswith(C.questions["SLEEP"].text)
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}


def test_a_correction_in_other_words_changes_the_earlier_answer() -> None:
    """Round 7: "sorry, I got that wrong, they do wreck my sleep" got "I can't diagnose you"
    and the earlier no stayed."""
    said = "sorry i got that wrong they do wreck my sleep"
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "yes"}
    assert turn.speech.startswith(C.prompt("answer_changed"))


@pytest.mark.parametrize("hedge", ["i guess not", "i suppose not"])
def test_a_hedged_no_is_recorded_as_no(hedge: str) -> None:
    """Round 7: "I guess not", at the walking question, near-matched "why not" and counted
    as yes (and "schedule an evaluation")."""
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", hedge)[-1]
    assert turn.session_attributes["answers"]["WALKING"] == "no"


@pytest.mark.parametrize(
    ("said", "answers", "next_question"),
    [
        ("change my first answer to no", {"FREQUENT": "no", "SLEEP": "no"}, "WALKING"),
        ("actually the first answer should be no", {"FREQUENT": "no", "SLEEP": "no"}, "WALKING"),
    ],
)
def test_a_correction_that_names_an_earlier_answer_changes_that_one(
    said: str, answers: dict, next_question: str
) -> None:
    """Round 7's new user: "change my first answer to no" changed the last answer."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "no", said)[-1]
    assert turn.speech.startswith(C.prompt("answer_changed"))
    assert turn.session_attributes["answers"] == answers
    assert turn.speech.endswith(C.questions[next_question].text)


def test_changing_the_second_answer_can_settle_the_result() -> None:
    turns = play(
        "open leg cramp helper", "check my symptoms", "yes", "no", "change the second one to yes"
    )
    assert turns[-1].speech.startswith(C.prompt("answer_changed"))
    assert turns[-1].session_attributes["result"] == ["see_specialist", "FREQUENT_SLEEP"]


def test_going_back_to_a_named_question_asks_it_and_forgets_what_came_after() -> None:
    turns = play(
        "open leg cramp helper", "check my symptoms", "yes", "no", "go back to the first question"
    )
    assert turns[-1].speech.endswith(C.questions["FREQUENT"].text)
    assert turns[-1].session_attributes.get("answers", {}) == {}


def test_changing_an_answer_not_yet_given_changes_nothing() -> None:
    turns = play(
        "open leg cramp helper", "check my symptoms", "yes", "change my third answer to yes"
    )
    assert turns[-1].speech.startswith(C.prompt("no_such_answer"))
    assert turns[-1].speech.endswith(C.questions["SLEEP"].text)
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    "asked", ["can we check my wife's symptoms", "check symptoms for my dad", "check her symptoms"]
)
def test_asking_for_a_check_for_someone_else_says_to_answer_for_them(asked: str) -> None:
    """Round 7's new user: these started the check as if for the speaker."""
    turn = play("open leg cramp helper", asked)[-1]
    assert C.prompt("check_for_other") in turn.speech
    assert turn.speech.endswith("Do they get frequent leg cramps?")


@pytest.mark.parametrize(
    "asked",
    [
        "check my mom",
        "can you check my dad",
        "let's check my husband",
        "could we check my grandpa",
        "my husband wants to take the check",
        "i'll answer for him",
    ],
)
def test_asking_to_check_a_relative_starts_the_check_about_them(asked: str) -> None:
    """Round 8 left "check my mom" to the fallback; round 10: it asked "Do you get frequent
    leg cramps?", and "I'll answer for him" fell back."""
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.session_attributes["pending"] == "check"
    assert turn.session_attributes["for_other"] is True
    assert turn.speech.endswith(about_them(C.questions["FREQUENT"].text))


@pytest.mark.parametrize(
    ("said", "recorded"),
    [("he says yes", "yes"), ("she said no", "no"), ("she doesn't know", "unsure")],
)
def test_answers_relayed_from_someone_else_are_recorded(said: str, recorded: str) -> None:
    """Round 7's new user: "he says yes" got "I need an answer to this question first"."""
    turn = play("open leg cramp helper", "check my symptoms for my dad", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": recorded}


@pytest.mark.parametrize(
    "asked", ["is leg swelling a sign of vein disease", "do heavy legs mean i have vein problems"]
)
def test_a_symptom_the_article_does_not_cover_is_not_answered_with_cramps(asked: str) -> None:
    """Round 7's new user: "is leg swelling a sign of vein disease" got the cramps-and-veins
    answer, as if the article said so; it is "not covered", with the red flags."""
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.speech.startswith(C.out_of_scope["condition"])
    assert C.safety["red_flag"] in turn.speech
    assert not turn.session_ended


@pytest.mark.parametrize("said", ["no wait, one more thing", "no hold on, i have another question"])
def test_a_no_taken_back_at_once_does_not_end_the_session(said: str) -> None:
    """Round 8's new user: "no wait, one more thing", asked "what else?", said goodbye."""
    turns = play("open leg cramp helper", "why do my legs cramp at night", "no", said)
    assert turns[-2].session_attributes["pending"] == "anything_else"
    assert not turns[-1].session_ended


@pytest.mark.parametrize(
    ("answers", "step"),
    [(("yes", "yes"), "schedule a comprehensive consultation"),
     (("no", "no", "yes"), "schedule an evaluation")],
)
def test_a_see_a_specialist_result_says_the_step_the_article_names(answers, step) -> None:
    """Round 8's new user: the sleep result said only "a vein specialist can determine the
    underlying cause"; what to do was in the card title alone. Round 26's: "schedule an
    evaluation" is the article's step for cramping with walking only; for severe, frequent
    cramping that disrupts sleep, its step is the clinic's consultation."""
    turn = play("open leg cramp helper", "check my symptoms", *answers)[-1]
    outcome = C.outcomes[triage.Outcome.SEE_SPECIALIST]
    result = turn.session_attributes["result"]
    assert result[0] == triage.Outcome.SEE_SPECIALIST.value
    assert step in turn.speech.lower()
    assert outcome.advice_for(result[1]) in turn.speech
    assert turn.card["title"] == outcome.title_for(result[1])


@pytest.mark.parametrize(
    "said",
    [
        "actually my cramps aren't frequent",
        "actually it's more like once a month",
        "actually, i don't get them that often",
    ],
)
def test_a_later_correction_of_how_often_changes_the_first_answer(said: str) -> None:
    """Round 8's new user: said at the walking question, the first was taken as that answer
    and the result said "You said your cramps are frequent"; the others were not understood."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "no", said)[-1]
    assert turn.speech.startswith(C.prompt("answer_changed"))
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    assert turn.speech.endswith(C.questions["WALKING"].text)


@pytest.mark.parametrize(
    ("question", "said", "recorded"),
    [
        ("SLEEP", "they wake me up something awful", "yes"),
        ("SLEEP", "i'm up three times a night with them", "yes"),
        ("SLEEP", "i can't sleep well because of them", "yes"),
        ("SLEEP", "not really, i sleep through", "no"),
        ("FREQUENT", "twice a week or so", "yes"),
        ("FREQUENT", "not every night but most", "yes"),
        ("WALKING", "not really, mostly when i'm in bed", "no"),  # found writing the note
        # Round 12, ninth new user: a walking yes, and answers asked again.
        ("WALKING", "walking makes them better actually", "no"),
        ("FREQUENT", "zero", "no"),
        ("FREQUENT", "yes, no, i mean yes", "yes"),
        ("SLEEP", "correction, they do wake me up", "yes"),
        ("FREQUENT", "pretty regular", "yes"),
        ("FREQUENT", "two, maybe three a week", "yes"),
        ("FREQUENT", "like three times a night", "yes"),
        ("SLEEP", "she says they don't keep her up", "no"),
        ("WALKING", "i walk fine", "no"),  # round 12, tenth new user: a walking yes
        ("FREQUENT", "they used to be frequent but not anymore", "no"),  # a yes
        # Round 27, a new user: each was asked again, or recorded as something else.
        ("WALKING", "it comes on when i walk but it doesn't go away when i rest", "unsure"),
        ("WALKING", "sort of, but it doesn't go away when i rest", "unsure"),
        ("WALKING", "when i walk, yes, and it goes away if i stop", "yes"),
        ("WALKING", "i have to stop and lean on something till it passes", "yes"),
        ("WALKING", "i'm in a wheelchair", "unsure"),
        ("VARICOSE", "yes, no wait, they're spider veins", "unsure"),
        ("SLEEP", "it's more annoying than anything", "no"),
        ("SLEEP", "i get up and walk it off", "yes"),
        ("FREQUENT", "couple times a week", "yes"),
        ("VARICOSE", "my doctor said i do", "yes"),  # how leg veins work
        # a second new user: each was asked again
        ("SLEEP", "sometimes yes sometimes no", "unsure"),
        ("VARICOSE", "my mother had them but i don't", "no"),
        ("SLEEP", "they wake me up now and then, not every night", "yes"),  # found in the note
        # Round 28, a new user: a no, or asked again.
        ("SLEEP", "he doesn't really say", "unsure"),  # a no
        ("FREQUENT", "it depends on the season really", "unsure"),
        ("FREQUENT", "no actually yes", "yes"),
        ("SLEEP", "no understand, what is varicose", None),  # a no
        ("WALKING", "he doesn't walk much", "unsure"),
        # a learner's words: "maybe later" (the check left), or asked again
        ("FREQUENT", "i have cramp maybe two time in the month", "no"),
        ("FREQUENT", "three time in the week", "yes"),
        ("WALKING", "not when i walk, only in bed", "no"),  # the night answer (a third)
    ],
)
def test_everyday_answers_are_recorded(question: str, said: str, recorded: str | None) -> None:
    """Round 8's, round 12's and round 27's new users: each was asked again, nothing
    recorded (or walking that helps was a walking yes)."""
    from tests.simulator.test_eval import _recorded, say_in_session

    assert _recorded(say_in_session(said, question), question) == recorded


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [
        (("rarely", "no"), "actually they're not that frequent", {"FREQUENT": "no", "SLEEP": "no"}),
        (("no",), "actually they're not that frequent", {"FREQUENT": "no"}),
        # Round 9: this was a yes to the sleep question, and the result cited disrupted sleep.
        (("every single night",), "wait actually it's more like once a week", {"FREQUENT": "yes"}),
    ],
)
def test_how_often_said_again_as_it_was_records_nothing_new(before, said, answers) -> None:
    """Round 8's fifth new user: it was recorded as "not sure" to the question asked, and the
    check ended with "You were not sure about some answers"."""
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"] == answers
    assert turn.session_attributes["pending"] == "check"


def test_how_often_said_later_changes_the_first_answer_when_it_differs() -> None:
    """Round 8: "actually they are pretty frequent", at the walking question, was refused."""
    check = ("check my symptoms", "no", "yes", "actually they are pretty frequent")
    turn = play("open leg cramp helper", *check)[-1]
    assert turn.speech.startswith(C.prompt("answer_changed"))
    assert turn.session_attributes["result"] == ["see_specialist", "FREQUENT_SLEEP"]


@pytest.mark.parametrize(
    ("said", "answers"),
    [
        ("change my second answer", {"FREQUENT": "yes"}),
        ("change my first answer to no", {"FREQUENT": "no", "SLEEP": "yes"}),
    ],
)
def test_a_correction_after_the_result_and_a_no_is_taken(said: str, answers: dict) -> None:
    """Round 8: "change my second answer" after the result repeated the result silently;
    then it pointed to start over, unless said right after the result (round 16). Round 24:
    after the contact details are declined too, the check goes back to that answer."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", "no", said)[-1]
    assert turn.session_attributes["answers"] == answers
    assert turn.session_attributes["pending"] == "check"


@pytest.mark.parametrize(
    ("before", "said", "question", "recorded"),
    [
        (("yes",), "not that bad no", "SLEEP", "no"),  # was "not sure"
        (("no", "no"), "not when i'm walking, no", "WALKING", "no"),  # was "not sure"
        (("no", "no", "no"), "yep big ones", "VARICOSE", ["worth_checking", "VARICOSE"]),
        (
            ("yes",),
            "she's up a couple times a night",
            "SLEEP",
            ["see_specialist", "FREQUENT_SLEEP"],
        ),  # noqa: E501
        ((), "I'd rather not say", "FREQUENT", "unsure"),  # was a guessed "no"
    ],
)
def test_round_9_answers_are_recorded_as_meant(before, said, question, recorded) -> None:
    """`recorded`: the answer, or the result when it was the check's last."""
    turns = play("open leg cramp helper", "check my symptoms", *before, said)
    assert turns[-2].session_attributes["pending"] == "check"
    after = turns[-1].session_attributes
    assert (after["result"] if "result" in after else after["answers"].get(question)) == recorded


def test_a_story_the_check_cannot_place_keeps_the_check_and_its_answers() -> None:
    """Round 9: the classifier guessed "go home" for this, which stopped the check and
    dropped the answers; a guess never reaches an intent that ends or answers anything
    (since round 18 it is the walking topic, and the check waits to be taken up again)."""
    story = (
        "well when I go to the mailbox and back my calves start burning and I gotta stop "
        "and lean on the fence"
    )
    turn = play("open leg cramp helper", "check my symptoms", "yes", story)[-1]
    assert turn.session_attributes["pending"] in ("check", "resume_check")
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_leaving_mid_check_in_everyday_words_ends_the_session() -> None:
    turn = play("open leg cramp helper", "check my symptoms", "I have to run, my ride is here")[-1]
    assert turn.session_ended
    asked = play("open leg cramp helper", "check my symptoms", "do I have to answer all these")[-1]
    assert asked.intent == "AMAZON.HelpIntent"
    assert asked.speech.endswith(C.questions["FREQUENT"].text)


def test_a_no_to_a_later_question_is_kept_and_not_asked_again() -> None:
    """Round 9: "no they don't wake me", asked how often, got "Okay." and was forgotten; the
    sleep question came later all the same."""
    said = play("open leg cramp helper", "check my symptoms", "no they don't wake me", "no")
    noted, after = said[-2:]
    assert noted.speech.startswith(C.questions["SLEEP"].taken_no)
    assert noted.speech.endswith(C.questions["FREQUENT"].text)
    assert after.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    assert after.speech.endswith(C.questions["WALKING"].text)


@pytest.mark.parametrize(
    ("said", "category"),
    [
        ("is it the statin", "medicine"),  # "the article doesn't cover that"
        ("I get cramps in my stomach", "condition"),  # "Okay. Would you like ... contact"
        ("do they do surgery for that", "treatment"),  # the ultrasound answer
    ],
)
def test_round_9_questions_the_article_does_not_answer_say_so(said: str, category: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.speech.startswith(C.out_of_scope[category]), turn.speech


def test_a_frequency_told_as_a_story_answers_the_first_question() -> None:
    """Round 9: "every so often I wake up with one" got the night-cramps answer mid-check."""
    said = "I mean, every so often I wake up with one"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}


@pytest.mark.parametrize("asked", ["what does that mean for me", "tell me more"])
def test_more_about_an_answer_given_mid_check_keeps_the_check_waiting(asked: str) -> None:
    """Round 9: this got "Ask me a question first" and the menu; the check was gone."""
    aside = ("what causes leg cramps", asked, "yes")
    turns = play("open leg cramp helper", "check my symptoms", *aside)
    more, back = turns[-2:]
    assert more.speech.startswith(C.topics["CrampCausesIntent"].more or "")
    assert more.session_attributes["pending"] == "resume_check"
    assert back.speech.endswith(C.questions["FREQUENT"].text)


def test_a_check_for_someone_else_asks_and_tells_back_about_them() -> None:
    """Two rounds of new users: a check for a mother or husband still asked "Do you get..."
    and ended "You said you have varicose veins"."""
    turns = play(
        "open leg cramp helper",
        "check my dad's symptoms",
        "he says no",
        "no",
        "no",
        "help",
        "he has a few",
    )
    first, helped, result = turns[1], turns[-2], turns[-1]
    assert first.speech.endswith("Do they get frequent leg cramps?")
    assert "I'm asking whether they have varicose veins" in helped.speech
    assert helped.speech.endswith("Do they have varicose veins?")
    assert result.speech.startswith("You said they have varicose veins.")
    again = play("open leg cramp helper", "check my dad's symptoms", "start over")[-1]
    assert again.speech.endswith("Do they get frequent leg cramps?")
    mine = play("open leg cramp helper", "check my symptoms")[-1]
    assert mine.speech.endswith(C.questions["FREQUENT"].text) and "they" not in mine.speech


@pytest.mark.parametrize(
    ("said", "recorded"),
    [
        ("she says hardly ever", {"FREQUENT": "no"}),  # round 9: a yes
        ("he says rarely", {"FREQUENT": "no"}),  # round 9: a yes
        ("she says maybe two or three times a month", {"FREQUENT": "no"}),  # "repeat"
    ],
)
def test_how_often_relayed_for_someone_else_is_recorded_as_said(said: str, recorded) -> None:
    turn = play("open leg cramp helper", "can we check my wife's symptoms", said)[-1]
    assert turn.session_attributes["answers"] == recorded


def test_a_sleep_answer_relayed_for_someone_else_is_recorded_as_said() -> None:
    check = ("can we check my wife's symptoms", "she says most nights")
    woke = play("open leg cramp helper", *check, "she says yes they wake her")[-1]
    assert woke.session_attributes["result"] == ["see_specialist", "FREQUENT_SLEEP"]
    slept = play("open leg cramp helper", *check, "she says they don't really wake her")[-1]
    assert slept.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no"}


@pytest.mark.parametrize("said", [
    "back to the questions please", "resume", "go back to the check",
    "let's pick up where we left off",  # round 25: the fallback
])
def test_going_back_to_the_check_in_everyday_words_resumes_it(said: str) -> None:
    """Round 9: these went to the menu (answers lost), the fallback, or the last answer."""
    aside = ("yes", "what causes leg cramps", said)
    turn = play("open leg cramp helper", "check my symptoms", *aside)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turn.speech.endswith(C.questions["SLEEP"].text)


def test_night_cramps_that_wake_you_are_not_taken_as_walking_cramps() -> None:
    """Round 9: the check then said "You said your cramping occurs with walking"."""
    turns = play(
        "open leg cramp helper", "my calves cramp every night and wake me up", "check my symptoms"
    )
    assert turns[1].intent == "LegCrampsAtNightIntent"
    assert C.questions["WALKING"].taken not in turns[-1].speech


def test_skipping_the_check_s_questions_is_no_answer_not_a_no() -> None:
    """Round 9: each "skip" was a no, and four made "may not be cause for concern"."""
    turns = play("open leg cramp helper", "check my symptoms", "skip", "skip this one")
    assert turns[-2].session_attributes["answers"] == {"FREQUENT": "unsure"}
    assert turns[-1].session_attributes["result"][0] != "probably_fine"
    assert turns[-1].speech.startswith(C.outcomes["worth_checking"].reasons["UNSURE"])


def test_skipping_an_offer_declines_it() -> None:
    offer, skipped = play("open leg cramp helper", "what are varicose veins", "skip it")[1:]
    assert offer.session_attributes["pending"] == "more"
    assert skipped.intent == "SkipIntent"
    assert skipped.session_attributes.get("pending") == "anything_else"


def test_varicose_veins_told_at_the_walking_question_are_no_walking_answer() -> None:
    """Found writing round 9's note: "she has a few on her calves", asked about walking,
    near-matched "my legs cramp when I walk", and the result said cramping with walking."""
    check = ("can we check my mom's symptoms", "she says hardly ever", "no")
    turn = play("open leg cramp helper", *check, "she has a few on her calves")[-1]
    assert turn.session_attributes.get("result") != ["see_specialist", "WALKING"]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    told = play("open leg cramp helper", *check, "she doesn't get them walking")[-1]
    assert told.session_attributes["answers"]["WALKING"] == "no"


@pytest.mark.parametrize(
    "said",
    [
        "my legs don't cramp when i walk",
        "i don't get cramps when i walk",
        "i never cramp up when i'm walking",
        "i get no cramps on my walks",
    ],
)
def test_cramps_denied_with_walking_are_a_no_to_the_walking_question(said: str) -> None:
    """Round 10: "my legs don't cramp when I walk" was a yes, and made the walking result."""
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}


@pytest.mark.parametrize(
    ("before", "check"),
    [
        ("my husband's legs cramp when he walks", "check my symptoms"),
        ("my legs cramp at night, not when i walk", "check my symptoms"),
        ("my legs cramp when i walk", "check my symptoms for my mom"),
    ],
)
def test_what_was_said_of_someone_else_is_not_taken_as_an_answer(before: str, check: str) -> None:
    """Round 10: each of these made the walking result with no question asked: a husband's
    cramps counted as the user's own, the user's own as their mother's, and "not when I
    walk" as a yes."""
    turn = play("open leg cramp helper", before, "no", check)[-1]
    assert turn.session_attributes["pending"] == "check"
    assert "WALKING" not in turn.session_attributes.get("noted", {})
    first = C.questions["FREQUENT"].text
    assert turn.speech.endswith((first, about_them(first)))


@pytest.mark.parametrize("asked", ["what's your phone number", "how do i contact the clinic"])
def test_contact_details_mid_check_offer_the_check_back_with_its_answers(asked: str) -> None:
    """Round 10: the contact details mid-check offered a reminder, and the check's answers
    were gone whatever the user said next."""
    turns = play("open leg cramp helper", "check my symptoms", "yes", asked, "yes")
    assert turns[-2].session_attributes["pending"] == "resume_check"
    assert turns[-2].session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turns[-1].speech.endswith(C.questions["SLEEP"].text)


def test_so_i_am_fine_then_after_a_reassuring_result_is_answered_not_a_goodbye() -> None:
    """Round 10: "so I'm fine then?" after the reassuring result got "Take care. Goodbye!"."""
    turns = play("open leg cramp helper", "check my symptoms", "no", "no", "no", "no")
    assert turns[-1].session_attributes["result"][0] == "probably_fine"
    turn = play(*[t.utterance for t in turns], "so i'm fine then")[-1]
    assert not turn.session_ended and turn.intent == "WhyIntent"
    assert C.outcomes[triage.Outcome.PROBABLY_FINE].explain.split(".")[0] in turn.speech


@pytest.mark.parametrize(
    ("said", "recorded"), [("my wife says yes", "yes"), ("my mom says no", "no")]
)
def test_an_answer_relayed_by_name_is_recorded(said: str, recorded: str) -> None:
    """Round 10: "my wife says yes" was "not sure", "my mom says no" fell back."""
    turn = play("open leg cramp helper", "check my wife's symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": recorded}


def test_saying_mid_check_it_is_not_for_me_turns_the_check_to_them() -> None:
    said = "oh it's not for me, it's for my father"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["for_other"] is True
    assert turn.speech.endswith(about_them(C.questions["FREQUENT"].text))


@pytest.mark.parametrize(
    ("asked", "intent"),
    [
        ("what's your name", "AboutSkillIntent"),
        ("do they have an address", "ClinicLogisticsIntent"),
        ("is there a location near baltimore", "ClinicLogisticsIntent"),
        ("this is stupid", "AMAZON.HelpIntent"),
        ("what's the deal with leg cramps", "WhatAreLegCrampsIntent"),
        ("what do vein doctors do", "VeinDiagnosisIntent"),
        ("how long does a visit take", "ClinicLogisticsIntent"),
        ("can you recommend a good vein doctor", "ContactClinicIntent"),
        ("ok whatever, bye", "AMAZON.StopIntent"),
        ("no thanks, goodbye", "AMAZON.StopIntent"),
        ("um, i guess so", "AMAZON.YesIntent"),
        ("yes, and now my calf is red and really painful", "EmergencyIntent"),
    ],
)
def test_what_a_tenth_round_user_asked_reaches_the_intent_that_answers_it(
    asked: str, intent: str
) -> None:
    """Round 10: the name was "not covered", the address "no phone number", and "this is
    stupid" started the check (an open slot: "this is {person}")."""
    assert play("open leg cramp helper", asked)[-1].intent == intent


@pytest.mark.parametrize(
    "fed_up",
    ["i'm so done with these cramps", "i'm tired of these cramps", "i'm sick of my leg cramps"],
)
def test_fed_up_with_cramps_is_told_when_to_see_a_specialist(fed_up: str) -> None:
    """Round 11: "I'm so done with these cramps" ended the session as a stop, and "I'm tired
    of these cramps" got the crisis line."""
    turn = play("open leg cramp helper", fed_up)[-1]
    assert not turn.session_ended
    assert turn.session_attributes.get("topic") == "WhenToSeeSpecialistIntent"


@pytest.mark.parametrize(
    "statement", ["wait I actually do have varicose veins", "actually I do have varicose veins"]
)
def test_a_statement_after_the_result_that_would_change_it_changes_it(statement: str) -> None:
    """Round 11: said after a reassuring result, it got the topic's answer, and the result
    it contradicts stood unremarked. Round 16: said right after the result, it changes the
    answer; round 24: after "no thanks" too (it pointed to start over)."""
    check = ("check my symptoms", "no", "no", "no", "no", "no thanks")
    turns = play("open leg cramp helper", *check, statement)
    assert turns[-1].speech.startswith(C.prompt("result_changed"))
    assert turns[-1].session_attributes["result"] == ["worth_checking", "VARICOSE"]


def test_a_statement_after_the_result_that_agrees_with_it_is_answered() -> None:
    check = ("check my symptoms", "no", "no", "no", "yes")
    turn = play("open leg cramp helper", *check, "I do have varicose veins")[-1]
    assert not turn.speech.startswith(C.prompt("answer_after_result"))
    assert turn.session_attributes.get("topic") == "VaricoseVeinsIntent"


def test_not_knowing_what_varicose_veins_look_like_asks_about_them_and_records_nothing() -> None:
    """Round 11: said to the walking question, it was "not sure" about walking."""
    asked = "i have no clue what varicose veins look like"
    turns = play("open leg cramp helper", "check my symptoms", "no", "no", asked)
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    assert turns[-1].session_attributes.get("topic") == "VaricoseVeinsIntent"


def test_a_denial_said_with_an_answer_is_the_answer() -> None:
    """Round 11: each got 911 and ended the session, the check's answers lost."""
    frequent = play(
        "open leg cramp helper", "check my symptoms",
        "no chest pain, no breathing trouble, they just happen most nights",
    )[-1]  # fmt: skip
    assert frequent.session_attributes["answers"] == {"FREQUENT": "yes"}
    sleep = play(
        "open leg cramp helper", "check my symptoms", "no", "my chest is fine, they just wake me up"
    )[-1]
    assert sleep.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "yes"}


def test_worry_after_a_result_says_what_it_rests_on_and_keeps_it_for_the_next_step() -> None:
    """Round 11: "should I be worried then" forgot the result, and "what's the next step"
    then offered the check again."""
    turns = play(
        "open leg cramp helper", "check my symptoms", "no", "no", "yes",
        "should i be worried then", "what's the next step",
    )  # fmt: skip
    result, worried, step = turns[-3:]
    assert result.session_attributes["result"] == ["see_specialist", "WALKING"]
    outcome = C.outcomes["see_specialist"]
    assert outcome.reasons["WALKING"] in worried.speech
    assert worried.session_attributes["result"] == ["see_specialist", "WALKING"]
    assert step.speech.startswith(outcome.title)


def test_a_correction_of_the_last_answer_said_at_the_next_question_changes_it() -> None:
    """Round 11: "wait, actually yes, they're pretty frequent", said to the sleep question
    after a no to how often, was a yes about sleep, and the result cited disrupted sleep."""
    turns = play(
        "open leg cramp helper", "check my symptoms", "no",
        "wait, actually yes, they're pretty frequent",
    )  # fmt: skip
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turns[-1].speech.endswith(C.questions["SLEEP"].text)


def test_spider_veins_in_the_check_are_not_covered_and_record_nothing() -> None:
    """Round 11: "I have spider veins, does that count", asked how often, was "not sure"."""
    asked = "i have spider veins, does that count"
    turn = play("open leg cramp helper", "check my symptoms", asked)[-1]
    assert not turn.session_attributes.get("answers")
    assert turn.speech.endswith(C.questions["FREQUENT"].text)


def test_two_or_three_nights_a_week_is_frequent() -> None:
    said = "two or three nights a week i'd say"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}  # round 11: not sure


def test_he_hasn_t_said_is_not_sure() -> None:
    """Round 11: near "he said he doesn't", it was a no."""
    turns = play("open leg cramp helper", "check my dad's symptoms", "yes", "he hasn't said")
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "unsure"}


@pytest.mark.parametrize(
    ("asked", "intent"),
    [  # round 11: each reached another topic's answer, or "ask me a question first"
        ("how would i know if it's time to see a vein doctor", "WhenToSeeSpecialistIntent"),
        ("are varicose veins part of vein disease", "VaricoseVeinsIntent"),
        ("i'm short on time, just tell me what causes cramps", "CrampCausesIntent"),
        ("when should i go to the er for a leg cramp", "ComplicationsIntent"),
        ("tell me more about the vein center of maryland", "ContactClinicIntent"),
        ("what else can you do", "AMAZON.HelpIntent"),
        # Round 11, seventh new user: the clot answer, "start the check", "can't diagnose".
        (
            "my legs cramp up when i walk to the barn and i have to stand a spell before they "
            "ease off",
            "CrampsWhenWalkingIntent",
        ),
        ("is it an emergency if my leg is swollen", "ComplicationsIntent"),
        ("what causes leg cramps and are they dangerous", "CrampCausesIntent"),
        # round 12, eighth new user: the causes, what a cramp is, "okay, if chest pain..."
        ("what is venous insufficiency and is it dangerous", "VenousInsufficiencyIntent"),
        ("what's the difference between a cramp and a dvt", "ComplicationsIntent"),
        ("is shortness of breath related to varicose veins", "ComplicationsIntent"),
        ("what's a venus duplex", "VeinDiagnosisIntent"),
        # round 12, ninth new user: the causes, varicose veins, a fallback
        ("what are varicose veins and are they dangerous", "VaricoseVeinsIntent"),
        ("can leg cramps go away on their own", "WhatAreLegCrampsIntent"),
        ("should i use a heating pad or ice", "RemediesIntent"),
        ("i'm a home health aide, can i run the check for my client", "SymptomCheckIntent"),
        ("does the vein center take walk-ins", "ClinicLogisticsIntent"),  # started the check
        ("i want to talk to a real person", "ContactClinicIntent"),  # "i'm not a doctor"
        ("could you repeat the website", "ContactClinicIntent"),  # "okay"
    ],
)
def test_questions_reach_the_answer_they_ask_for(asked: str, intent: str) -> None:
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.intent == intent
    if intent == "ComplicationsIntent":  # when a cramp is more: the signs that need 911
        assert C.safety["warning_signs"] in turn.speech


def test_a_second_yes_to_nothing_is_a_second_miss() -> None:
    """Round 11: "ok", "ok", "ok" at the menu got the same 30 words each time."""
    first, second = play("open leg cramp helper", "ok", "ok")[1:]
    assert second.speech != first.speech
    assert len(second.speech.split()) < len(first.speech.split())
    assert "9 1 1" in second.speech and not second.session_ended


@pytest.mark.parametrize(
    ("said", "answer"),
    [  # round 11, seventh new user: each was asked again ("yeah, no" was a yes)
        ("ugh, all the dang time", "yes"),
        ("eh, kind of, sometimes", "unsure"),
        ("none that i know of", "no"),
        ("yeah, no", "no"),
        # round 12, eighth new user: asked again, or "probably" recorded as never
        ("hmm, i never thought about that, probably", "yes"),
        ("like three or four times a month", "no"),
        ("i'd say a fair amount", "yes"),
        ("one or two a night", "yes"),
        ("oh goodness, most nights, i'd say maybe five nights out of seven", "yes"),
        ("a handful of times since christmas", "no"),
    ],
)
def test_everyday_answers_to_how_often(said: str, answer: str) -> None:
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": answer}


def test_an_answer_told_to_the_offer_of_the_check_starts_it() -> None:
    """Round 12: "oh they absolutely wake me up...", said to "would you like a quick check?",
    got the offer again, and again, and the check never began."""
    offer = ("should i see somebody about my cramps",)
    story = "oh they absolutely wake me up, i'm up half the night"
    turns = play("open leg cramp helper", *offer, story, "yes")
    assert turns[-2].speech.endswith(C.questions["FREQUENT"].text)
    assert turns[-1].speech.startswith(C.questions["SLEEP"].taken)


@pytest.mark.parametrize("said", ["eh", "eh? what was that"])
def test_eh_asks_for_the_question_again_and_records_nothing(said: str) -> None:
    """Round 12: "eh" was "not sure", recorded; "eh? what was that" a fallback."""
    turn = play("open leg cramp helper", "check my symptoms", "no", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}
    assert turn.speech.endswith(C.questions["SLEEP"].text)
    assert C.prompt("check_fallback") not in turn.speech


def test_an_answer_about_another_question_reported_by_a_relative_is_no_no() -> None:
    """Round 12: "my dad says only at night", asked about sleep, was "my dad says no"."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "my dad says only at night")
    assert "SLEEP" not in turn[-1].session_attributes["answers"]


@pytest.mark.parametrize("said", ["i just want the pain to stop", "i want these cramps to end"])
def test_wanting_the_pain_to_stop_is_no_goodbye(said: str) -> None:
    """Round 12: each was Stop, and the session ended."""
    turn = play("open leg cramp helper", said)[-1]
    assert not turn.session_ended


@pytest.mark.parametrize(
    ("said", "answer"),
    [  # round 12, eighth new user: each was asked again
        ("i sleep like a log", "no"),
        ("sleep? what sleep", "yes"),
        ("i lose an hour or two most nights", "yes"),
    ],
)
def test_everyday_answers_about_sleep(said: str, answer: str) -> None:
    turn = play("open leg cramp helper", "check my symptoms", "no", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": answer}


def test_no_hang_on_go_back_goes_back() -> None:
    turns = play("open leg cramp helper", "check my symptoms", "no", "no", "no, hang on, go back")
    assert turns[-1].speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize("asked", ["so i'm fine?", "should i be scared"])
def test_a_question_about_a_reassuring_result_is_answered_not_taken_as_no(asked: str) -> None:
    """Round 12: "so I'm fine?" was "no, I'm fine", and the session ended."""
    check = ("check my symptoms", "no", "no", "no", "no")
    turn = play("open leg cramp helper", *check, asked)[-1]
    assert not turn.session_ended
    assert C.safety["red_flag"] in turn.speech


def test_a_changed_mind_a_turn_after_a_result_changes_the_answer() -> None:
    """Round 16: right after the result, the answer is changed; round 24: a turn later too
    (it pointed to start over)."""
    check = ("check my symptoms", "no", "no", "yes", "no thanks")
    said = "i changed my mind, they don't happen when i walk"
    turn = play("open leg cramp helper", *check, said)[-1]
    assert turn.speech.startswith(C.prompt("answer_changed"))
    assert turn.speech.endswith(C.questions["VARICOSE"].text)


@pytest.mark.parametrize("asked", ["do i need a vein doctor", "should i see a specialist"])
def test_asking_whether_to_see_a_specialist_offers_the_check(asked: str) -> None:
    """Round 12: the criteria came with the clinic's contact details, and no check; users
    then answered the criteria as if asked."""
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.session_attributes["pending"] == "offer_check"
    started = play("open leg cramp helper", asked, "yes")[-1]
    assert started.speech.endswith(C.questions["FREQUENT"].text)


def test_a_topic_just_after_a_result_offers_the_clinic_not_the_check_again() -> None:
    check = ("check my symptoms", "no", "no", "no", "no")
    turn = play("open leg cramp helper", *check, "should i see a specialist")[-1]
    assert turn.session_attributes["pending"] == "offer_contact"


def test_quitting_the_check_to_ask_something_else_keeps_the_session() -> None:
    said = "let's quit this check, i want to ask something else"
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert "stopped the check" in turn.speech and not turn.session_ended


@pytest.mark.parametrize("thanks", ["thanks hon", "much obliged"])
def test_thanks_in_other_words_ends_a_finished_exchange(thanks: str) -> None:
    turn = play("open leg cramp helper", "what are varicose veins", "no", thanks)[-1]
    assert turn.session_ended and "Goodbye" in turn.speech


@pytest.mark.parametrize(
    ("asked", "intent"),
    [  # round 15: each fell back, or reached another topic's answer
        ("what's a varicose vein lol my coach said i might have one", "VaricoseVeinsIntent"),
        ("why do i cramp when it's hot out", "CrampCausesIntent"),  # the walking answer
        ("my calves hurt every night", "LegCrampsAtNightIntent"),  # other conditions
        ("well dear, i'd like to do that check thing", "SymptomCheckIntent"),  # help
        ("i'm dying to know if water helps", "RemediesIntent"),  # help
        ("is it bad to stretch when it's cramping", "RemediesIntent"),
        ("what's the risk of a blood clot after surgery", "ComplicationsIntent"),
        ("do nurses get more leg cramps", "RiskFactorsIntent"),
        ("for my dad", "SymptomCheckIntent"),
        # round 15, sixteenth new user: each fell back or reached another answer
        ("is it hereditary, his mom had them", "RiskFactorsIntent"),
        ("do men get leg cramps as much as women", "RiskFactorsIntent"),
        ("my son is ten and gets leg cramps at night, is that normal", "RiskFactorsIntent"),
        ("are cramps just a nuisance or something serious", "CrampsAndVeinDiseaseIntent"),
        ("can vein disease be cured", "TreatmentsIntent"),
        ("what should i do when a cramp hits", "RemediesIntent"),
        ("my legs are killing me every night, is it my veins", "CrampsAndVeinDiseaseIntent"),
        ("my doctor put me on lasix, can that cause cramps", "CrampCausesIntent"),  # diagnose
        ("i'm dying to know if cramps are related to veins", "CrampsAndVeinDiseaseIntent"),
        ("i have varicose veins and my legs cramp when i walk", "CrampsAndVeinDiseaseIntent"),
        ("can i get a virtual appointment", "ClinicLogisticsIntent"),  # "no phone number"
        ("is coffee bad for cramps", "CrampCausesIntent"),  # risk factors
    ],
)
def test_round_15_questions_reach_the_answer_they_ask_for(asked: str, intent: str) -> None:
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.intent == intent
    if intent == "ComplicationsIntent":
        assert C.safety["warning_signs"] in turn.speech


def test_is_it_urgent_after_a_result_is_answered_not_taken_for_it_is_not() -> None:
    """Round 15: "is it urgent" after a result was "it's not urgent": "Okay. If chest pain..."."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", "is it urgent")[-1]
    assert turn.intent == "WhenToSeeSpecialistIntent"
    assert not turn.speech.startswith("Okay")


@pytest.mark.parametrize(
    ("before", "said", "asked"),
    [  # round 15: both fell back with "I need an answer to this question first"
        ((), "for my dad", "FREQUENT"),
        (("yes",), "wait, these are my wife's answers, not mine", "SLEEP"),
    ],
)
def test_saying_whom_the_check_is_for_mid_check_asks_about_them(
    before: tuple[str, ...], said: str, asked: str
) -> None:
    yes = ("yes",) if before else ()  # round 44: whose the answers were is asked first
    turn = play("open leg cramp helper", "check my symptoms", *before, said, *yes)[-1]
    assert turn.session_attributes["for_other"] is True
    assert turn.speech.endswith(about_them(C.questions[asked].text))


@pytest.mark.parametrize(
    ("before", "asked"),
    [  # round 15: a question about a check question, and one about clots, mid-check
        (("yes",), "what counts as disrupting sleep"),  # the definition of a leg cramp
        (("yes", "no"), "do his cramps mean he might have a clot"),  # fell back
    ],
)
def test_questions_mid_check_are_answered_and_record_nothing(
    before: tuple[str, ...], asked: str
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *before, asked)[-1]
    assert turn.intent in ("AMAZON.HelpIntent", "ComplicationsIntent")
    assert len(turn.session_attributes["answers"]) == len(before)


def test_no_phone_number_asked_about_again_says_so_again() -> None:
    """Round 15: "what do you mean there's no phone number" fell back."""
    turns = play(
        "open leg cramp helper",
        "what's your phone number",
        "what do you mean there's no phone number",
    )
    assert turns[-1].intent == "ClinicPhoneIntent"


def test_spider_veins_only_ends_the_check_without_saying_the_user_was_unsure() -> None:
    """Round 15: "just spider veins" ended with "You were not sure about some answers"."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "no", "no", "no", "just spider veins"
    )[-1]
    assert turn.session_attributes["result"] == ["worth_checking", "UNSURE"]
    assert "not sure" not in turn.speech


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [  # round 15, sixteenth new user: each was asked again, or recorded as something else
        ((), "every single night, honey, every night", {"FREQUENT": "yes"}),  # "you're welcome"
        ((), "every night, dear", {"FREQUENT": "yes"}),
        ((), "rarely, thank goodness", {"FREQUENT": "no"}),  # "you're welcome"
        ((), "heavens yes", {"FREQUENT": "yes"}),
        ((), "every blessed night", {"FREQUENT": "yes"}),
        ((), "um, three, maybe four nights a week", {"FREQUENT": "yes"}),  # not sure
        ((), "maybe twice a week", {"FREQUENT": "yes"}),  # "maybe" estimates how often
        (("yes",), "oh heavens no", {"FREQUENT": "yes", "SLEEP": "no"}),
        (("yes",), "i wake up but not because of the cramps", {"FREQUENT": "yes", "SLEEP": "no"}),
        # seventeenth new user: each was asked again, or one answer of two was lost
        ((), "3 or 4 a week", {"FREQUENT": "yes"}),
        ((), "couple times a month", {"FREQUENT": "no"}),
        ((), "five nights a week", {"FREQUENT": "yes"}),
        ((), "nope, and i sleep fine", {"FREQUENT": "no", "SLEEP": "no"}),
        (
            (),
            "no, not often, but when they come they wake me up",
            {"FREQUENT": "no", "SLEEP": "yes"},
        ),
        (("yes",), "sleep is okay", {"FREQUENT": "yes", "SLEEP": "no"}),
    ],
)
def test_round_15_answers_in_people_s_own_words(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes.get("answers") == answers, (turn.intent, turn.speech)


@pytest.mark.parametrize(
    ("before", "said", "result"),
    [  # round 15, sixteenth new user: the last answer, in own words, ends the check
        (("no", "no"), "only on hills, and resting helps", ["see_specialist", "WALKING"]),  # help
        # "Kind of" was "repeat", and "start ... again" started the check over.
        (("no", "no"), "kind of, it comes back when i walk again", ["see_specialist", "WALKING"]),
        (
            ("no", "no"),
            "sort of, it comes back when i start walking again",
            ["see_specialist", "WALKING"],
        ),
        (("no", "no", "no"), "some twisty ones on my shin", ["worth_checking", "VARICOSE"]),
        (("no", "no", "no"), "maybe one or two small ones", ["worth_checking", "UNSURE"]),
        # seventeenth new user: each fell back, or reached the walking topic
        (("every single night",), "always", ["see_specialist", "FREQUENT_SLEEP"]),
        (("yes",), "every time", ["see_specialist", "FREQUENT_SLEEP"]),
        (("yes",), "they knock me out of bed", ["see_specialist", "FREQUENT_SLEEP"]),
        (("no", "no"), "when i jog", ["see_specialist", "WALKING"]),
        (("no", "no", "no"), "bulgy ones yeah", ["worth_checking", "VARICOSE"]),
        (("no", "no", "no"), "bulgy ones yeah, on my shin", ["worth_checking", "VARICOSE"]),
    ],
)
def test_round_15_last_answers_in_people_s_own_words(
    before: tuple[str, ...], said: str, result: list[str]
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes.get("result") == result, (turn.intent, turn.speech)


def test_walking_told_before_its_question_is_not_asked_again() -> None:
    """Round 15: "only when I walk a long way, then they ease off when I sit", asked how
    often, got the walking topic; the walking question was asked later all the same."""
    said = "only when i walk a long way, then they ease off when i sit"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert C.questions["WALKING"].taken in turn.speech


@pytest.mark.parametrize(
    "asked", ["should she see a specialist", "does he need to see a vein doctor"]
)
def test_a_question_about_him_or_her_speaks_of_them_and_offers_their_check(asked: str) -> None:
    """Round 15: the answer said "if your cramping", and yes to the offer asked "Do you..."."""
    answer, check = play("open leg cramp helper", asked, "yes")[1:]
    assert "If their cramping" in answer.speech and "your" not in answer.speech
    assert check.speech.endswith(about_them(C.questions["FREQUENT"].text))


def test_a_check_said_to_be_for_oneself_after_one_for_someone_else_asks_about_you() -> None:
    """Round 15: after "start over", "this time it's for me" still asked "Do they...?"."""
    said = ("check her symptoms", "yes", "start over", "this time it's for me")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.speech.endswith(C.questions["FREQUENT"].text)
    assert not turn.session_attributes.get("for_other")


@pytest.mark.parametrize(
    ("before", "asked", "intent"),
    [  # round 15, sixteenth new user: each fell back
        ((), "i take care of my father, can his medications cause cramps", "CrampCausesIntent"),
        ((), "is gabapentin okay with cramps", "CrampCausesIntent"),
        ((), "my arms cramp up when i type, why", "OtherConditionsIntent"),
        ((), "my calf cramp last night was a killer", "LegCrampsAtNightIntent"),
        (
            ("check my symptoms", "no", "no", "no", "no"),
            "what should i watch out for",
            "ComplicationsIntent",
        ),
        # round 15, seventeenth new user: each fell back or reached another answer
        ((), "how doctor find the vein disease", "VeinDiagnosisIntent"),  # logistics
        ((), "the electrolyte, what is it", "CrampCausesIntent"),  # diagnosis
        ((), "i'm worried about my husband", "WhenToSeeSpecialistIntent"),  # diagnosis
        ((), "causes", "CrampCausesIntent"),
        ((), "varicose", "VaricoseVeinsIntent"),
        ((), "i am having the varicose", "VaricoseVeinsIntent"),
        (("check his symptoms", "yes", "yes"), "does he need surgery", "TreatmentsIntent"),
        (("check his symptoms", "yes", "yes"), "should i make him go", "NextStepIntent"),
        (
            ("check my symptoms", "yes", "yes"),
            "what's a vein specialist going to do",
            "VeinDiagnosisIntent",
        ),
        # round 15, eighteenth new user
        (
            ("check my symptoms", "no", "no", "no", "no"),
            "what would make it an emergency",
            "ComplicationsIntent",
        ),
        ((), "how long does the ultrasound take", "ClinicLogisticsIntent"),  # diagnosis answer
        # round 15, nineteenth new user
        (("check my symptoms", "no", "no"), "a little bit, i guess", "NotSureIntent"),  # a reminder
        (("check my symptoms",), "for my brother actually", "SymptomCheckIntent"),  # fell back
        ((), "do you have a location in annapolis", "ClinicLogisticsIntent"),  # "no phone number"
        ((), "do i need a referral", "ClinicLogisticsIntent"),
    ],
)
def test_round_15_fallbacks_reach_an_answer(
    before: tuple[str, ...], asked: str, intent: str
) -> None:
    turn = play("open leg cramp helper", *before, asked)[-1]
    assert turn.intent == intent
    if intent == "ComplicationsIntent":
        assert C.safety["warning_signs"] in turn.speech


def test_a_vague_worry_about_oneself_still_offers_the_way_to_emergency_help() -> None:
    """Round 15: "I'm scared, something is really wrong with me" got "I can't diagnose you"
    and the offer of the check, with no 911 line."""
    turn = play("open leg cramp helper", "i'm scared, something is really wrong with me")[-1]
    assert C.safety["emergency_line"] in turn.speech


def test_night_cramps_in_broken_english_are_not_the_walking_answer() -> None:
    """Round 15: "why my legs is cramping when I sleeping" got the walking answer, and the
    check that followed took walking as said."""
    turn = play("open leg cramp helper", "why my legs is cramping when i sleeping")[-1]
    assert turn.intent == "LegCrampsAtNightIntent"


@pytest.mark.parametrize(
    ("before", "said", "intent"),
    [  # round 15, seventeenth new user: only the leading yes or no was heard
        (("how do i contact them",), "no thanks, but give me their website", "ContactClinicIntent"),
        (
            ("what causes leg cramps",),
            "no, but what causes them at night",
            "LegCrampsAtNightIntent",
        ),
        (("what causes leg cramps",), "yes and then check my symptoms", "SymptomCheckIntent"),
        (("check my symptoms",), "yes, and can stretching help?", "RemediesIntent"),
        # eighteenth new user: before the near match took it for the yes or no
        (("how do i contact them",), "no thanks, just tell me the website", "ContactClinicIntent"),
        (("what causes leg cramps",), "no thanks, what's varicose veins", "VaricoseVeinsIntent"),
        (("what causes leg cramps",), "no, check my mom instead", "SymptomCheckIntent"),
        # round 24, a new user: the request in a later clause (a plain no)
        (
            ("check my symptoms", "yes", "yes"),
            "no, i have them already. can you remind me this weekend to phone them",
            "SetReminderIntent",
        ),
        (
            ("check my symptoms", "yes", "yes"),
            "nah i'll look them up myself. actually, set a reminder for saturday morning",
            "SetReminderIntent",
        ),
        (
            ("why do my legs cramp at night",),
            "nah that's enough. how do i get ahold of these vein people",
            "ContactClinicIntent",
        ),
        # round 25, a new user: asked in so many words, or "ok, back to ..." (a plain no)
        (
            ("what causes leg cramps",),
            "no, i'd rather you check whether he should see someone",
            "SymptomCheckIntent",
        ),
        (
            ("what causes leg cramps",),
            "no. i just want to know if i should see somebody",
            "WhenToSeeSpecialistIntent",
        ),
        (
            ("check my symptoms", "yes", "what causes leg cramps"),
            "no. ok, back to the questions please",
            "SymptomCheckIntent",
        ),
        # round 26, a new user: put off, then asked (a plain no to the reminder)
        (("how do i contact them",), "no, not yet, what's the number though", "ClinicPhoneIntent"),
    ],
)
def test_a_request_after_a_yes_or_no_is_heard(
    before: tuple[str, ...], said: str, intent: str
) -> None:
    assert play("open leg cramp helper", *before, said)[-1].intent == intent


def test_a_remark_after_a_yes_is_still_the_yes() -> None:
    turn = play("open leg cramp helper", "check my symptoms", "yes, they started last winter")[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    # round 24: a question word in a later clause is part of the answer, not a request
    said = "no, the doctor never told me what causes them"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}


@pytest.mark.parametrize(
    "asked", ["can you tell me if my husband needs to see a vein doctor", "check him for me"]
)
def test_a_check_about_him_asks_about_them(asked: str) -> None:
    """Round 15: each started a check that asked "Do you get frequent leg cramps?"."""
    turns = play("open leg cramp helper", asked, "yes")
    check = turns[1] if turns[1].session_attributes.get("pending") == "check" else turns[2]
    assert check.speech.endswith(about_them(C.questions["FREQUENT"].text))


@pytest.mark.parametrize(
    "asked", ["is it because of his varicose veins", "is it because of my veins"]
)
def test_veins_asked_about_as_a_cause_are_not_said_to_be_unlisted(asked: str) -> None:
    """Round 15: "The clinic's article doesn't list that as a cause": vein disease is one."""
    turn = play("open leg cramp helper", asked)[-1]
    assert C.prompt("not_listed") not in turn.speech
    assert turn.intent == "CrampsAndVeinDiseaseIntent"


@pytest.mark.parametrize(
    "asked",
    [  # round 15, eighteenth new user: each asked "Do you get frequent leg cramps?"
        "check my mom's legs",
        "check on my mom please",
    ],
)
def test_more_ways_to_ask_the_check_for_someone_else(asked: str) -> None:
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.speech.endswith(about_them(C.questions["FREQUENT"].text))


@pytest.mark.parametrize(
    ("asked", "intent"),
    [  # round 15, eighteenth new user: a caregiver's follow-ups to a result fell back
        ("so should she go", "NextStepIntent"),
        ("what happens there", "NextStepIntent"),
        ("will it hurt her", "VeinDiagnosisIntent"),
        ("does he need to go to the er", "ComplicationsIntent"),
    ],
)
def test_a_caregiver_s_follow_ups_to_a_result_are_answered(asked: str, intent: str) -> None:
    turn = play("open leg cramp helper", "check her symptoms", "yes", "yes", asked)[-1]
    assert turn.intent == intent


def test_a_yes_before_another_question_s_answer_is_not_taken_as_this_one_s() -> None:
    """Round 15: "I'd say they wake me up maybe half the time", asked about walking, was a
    yes to walking, and the result said walking cramps should be evaluated."""
    said = "honestly i'd say they wake me up maybe half the time, the other half i just roll over"
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.session_attributes["pending"] == "check"
    assert "WALKING" not in turn.session_attributes["answers"]


def test_a_walking_yes_taken_back_for_night_cramps_is_a_walking_no() -> None:
    """Round 15: it took back the sleep answer, and the sleep question came again."""
    said = "yes when i walk, well, actually no, it's more at night when i'm lying down"
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}


def test_what_should_we_do_while_the_check_waits_goes_back_to_it() -> None:
    """Round 15: asked to go back to the check, "what should we do" offered a new check, and
    the answers given were gone."""
    said = ("check for my dad", "a couple times a week maybe", "what is a varicose vein")
    turn = play("open leg cramp helper", *said, "what should we do")[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turn.speech.endswith(about_them(C.questions["SLEEP"].text))


@pytest.mark.parametrize(
    "asked", ["should my mom see a specialist about her cramps", "does grandpa need to see someone"]
)
def test_more_questions_about_a_relative_offer_their_check(asked: str) -> None:
    check = play("open leg cramp helper", asked, "yes")[-1]
    assert check.speech.endswith(about_them(C.questions["FREQUENT"].text))


def test_the_sleep_result_says_only_what_the_article_says_of_sleep() -> None:
    """Round 15: "to determine the underlying cause" is the article's of cramping with
    walking; the frequent and sleep result said it too."""
    sleep = play("open leg cramp helper", "check my symptoms", "yes", "yes")[-1]
    walking = play("open leg cramp helper", "check my symptoms", "no", "no", "yes")[-1]
    assert "underlying cause" not in sleep.speech
    assert "underlying cause" in walking.speech


@pytest.mark.parametrize(
    "said",
    ["that's all for today, you've been very kind", "i think i've heard enough, ta", "cheerio"],
)
def test_more_goodbyes_end_the_session(said: str) -> None:
    assert play("open leg cramp helper", said)[-1].end_session is True


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [  # round 15, nineteenth new user: each fell back
        (("yes",), "he says maybe", {"FREQUENT": "yes", "SLEEP": "unsure"}),
        ((), "i suppose i do get them a fair bit, yes", {"FREQUENT": "yes"}),
    ],
)
def test_round_15_chatty_answers_in_a_check_for_him(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", "check his symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"] == answers


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [  # round 15, nineteenth new user: each fell back
        ((), "like three nights a week give or take", {"FREQUENT": "yes"}),
        (("yes",), "so so", {"FREQUENT": "yes", "SLEEP": "unsure"}),
        (
            ("yes",),
            "my wife says i thrash around but i don't really wake up",
            {"FREQUENT": "yes", "SLEEP": "no"},
        ),
    ],
)
def test_round_15_rambling_answers(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"] == answers


@pytest.mark.parametrize("said", ["huh", "what", "hmm", "speak up", "louder please"])
def test_huh_after_an_answer_says_it_again(said: str) -> None:
    """Round 17: these were "I don't have an answer for that one", as if asked a question."""
    turns = play("open leg cramp helper", "why do my legs cramp at night", said)
    assert turns[-1].speech == turns[-2].speech
    assert not turns[-1].session_ended


def test_uh_huh_and_how_often_is_an_answer_not_huh() -> None:
    """Round 17: once "huh" asked to hear it again, "uh huh every night" was near it."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "uh huh every night")[-1]
    assert "result" in turn.session_attributes


@pytest.mark.parametrize(
    "setup", [["a couple times a month", "wait, they're actually pretty frequent lately"],
              ["no", "most nights"]]
)
def test_often_said_later_takes_back_not_often(setup: list[str]) -> None:
    """Round 17: said to the sleep question after "not often", this was a sleep yes, the sleep
    question was never asked, and the result was the weaker one."""
    turn = play("open leg cramp helper", "check my symptoms", *setup)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert C.questions["FREQUENT"].taken in turn.speech
    assert turn.speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize("said", ["leg cramps", "charley horses", "calf cramps", "cramps"])
def test_the_topic_s_bare_name_is_answered(said: str) -> None:
    """Round 17: each fell back ("I don't have an answer for that one")."""
    turn = play("open leg cramp helper", said)[-1]
    assert C.topics["WhatAreLegCrampsIntent"].speech in turn.speech


@pytest.mark.parametrize(
    "said",
    [
        "the cramp won't go away, it's been hours",
        # Round 34, a Georgia truck driver: what a cramp is, "many experience transient leg
        # cramping", and no red flag.
        "my leg cramp won't let go, been two hours and it's hard as a rock",
        "cramp wont stop been an hour",  # round 34, a forklift driver: the fallback
    ],
)
def test_a_cramp_that_will_not_go_away_hears_the_red_flags(said: str) -> None:
    """Round 17: only "I can't diagnose you" and the general 911 line, nothing about a leg
    that becomes swollen, red or painful."""
    turn = play("open leg cramp helper", said)[-1]
    assert C.safety["red_flag"] in turn.speech and "9 1 1" in turn.speech


def test_go_on_after_the_help_in_the_check_asks_the_question() -> None:
    """Round 17: "ok go on", after "how long is this going to take", gave the help again."""
    *_, helped, went_on = play(
        "open leg cramp helper", "check my symptoms", "no", "no", "how long is this going to take",
        "ok go on",
    )
    assert helped.speech.startswith(C.questions["WALKING"].help)
    assert went_on.speech == C.questions["WALKING"].text


NIGHT = "LegCrampsAtNightIntent"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("do leg cramps mean something is wrong with my heart", "ComplicationsIntent"),
        ("my mother is 84 and her legs cramp at night, what should we do", NIGHT),
        ("every night around 2 my calf seizes up and I have to stand on it", NIGHT),
    ],
)
def test_the_twenty_second_new_user_s_questions(said: str, intent: str) -> None:
    """Round 17: the heart question got the vein answer (nothing on chest pain); the others
    fell back."""
    assert play("open leg cramp helper", said)[-1].intent == intent


@pytest.mark.parametrize(
    ("setup", "said", "changed"),
    [
        (["yes"], "the opposite", {"FREQUENT": "no"}),
        (["yes"], "sorry other way round", {"FREQUENT": "no"}),
        (["no", "no"], "other way around", {"FREQUENT": "no", "SLEEP": "yes"}),
    ],
)
def test_the_opposite_said_alone_turns_the_last_answer_round(
    setup: list[str], said: str, changed: dict[str, str]
) -> None:
    """Round 17: "the opposite" alone fell back, though the README says it changes the last
    answer ("wait, I meant the opposite" did)."""
    turn = play("open leg cramp helper", "check my symptoms", *setup, said)[-1]
    assert turn.session_attributes["answers"] == changed
    assert turn.speech.startswith(C.prompt("answer_changed"))


def test_a_half_of_the_day_said_in_the_check_answers_nothing() -> None:
    """Round 17: "evening" is the answer to "is that 3 in the morning?"; to a question of the
    check it is no answer, and nothing is recorded."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "in the evening")[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turn.speech.endswith(C.questions["SLEEP"].text)


def test_i_meant_yes_for_that_one_changes_the_last_answer_to_yes() -> None:
    """Round 17: the yes was lost, the sleep answer dropped, and the question came again."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "no",
                "oops I meant yes for that one")[-1]  # fmt: skip
    assert turn.session_attributes["result"] == list(
        triage.classify({"FREQUENT": Answer.YES, "SLEEP": Answer.YES})
    )


def test_what_makes_you_say_that_after_the_result_explains_it() -> None:
    """Round 17: it was a yes to "would you like the clinic's contact details?"."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes",
                "what makes you say that")[-1]  # fmt: skip
    assert turn.intent == "WhyIntent"
    assert C.outcomes[triage.Outcome.SEE_SPECIALIST].reasons["FREQUENT_SLEEP"] in turn.speech


def test_a_long_sleep_answer_to_the_offer_of_the_check_starts_it() -> None:
    """Round 17: "oh they wake me up, I have to get up and walk it off", to "would you like a
    quick check?", got the answer about cramps when walking (its first answer value, "wake
    me up", was too short to outweigh the classifier's guess from "walk")."""
    *_, offered, said = play(
        "open leg cramp helper", "pretty much every night lately",
        "oh they wake me up, I have to get up and walk it off",
    )  # fmt: skip
    assert offered.session_attributes["pending"] == "offer_check"
    assert said.intent == "CheckAnswerIntent"


def test_could_you_see_if_my_cramps_are_anything_to_worry_about_starts_the_check() -> None:
    """Round 17: it fell back."""
    turn = play("open leg cramp helper", "could you see if my cramps are anything to worry about")
    assert turn[-1].speech.endswith(C.questions["FREQUENT"].text)


def test_an_answer_after_the_result_that_leaves_it_as_it_is_says_so() -> None:
    """Round 17: "Okay, changed." and the same result, word for word."""
    *_, result, said = play(
        "open leg cramp helper", "check my symptoms", "yes", "yes",
        "I've got some bulging veins on my calf",
    )  # fmt: skip
    assert C.prompt("result_same") in said.speech
    assert C.questions["VARICOSE"].taken in said.speech
    assert said.session_attributes["result"] == result.session_attributes["result"]


def test_a_place_said_with_not_is_no_answer_of_that_place() -> None:
    """Round 18: "he gets them sitting still, not walking", at the walking question, was
    classified as the walking topic and recorded as a walking yes."""
    *_, turn = play(
        "open leg cramp helper", "check my symptoms", "no", "no",
        "mine come on sitting in my chair not walking",
    )
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    assert turn.speech.endswith(C.questions["WALKING"].text)


def test_a_place_said_with_no_cramps_is_no_yes_of_that_place() -> None:
    """Round 21: "i can walk as long as i like, no cramps", at the walking question, was
    recorded as a walking yes; "can't walk far without cramping" still is one."""
    *_, turn = play(
        "open leg cramp helper", "check my symptoms", "no", "no",
        "i can walk as long as i like no cramps",
    )
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    *_, turn = play(
        "open leg cramp helper", "check my symptoms", "no", "no",
        "my husband can't walk far without his calves cramping",
    )
    assert turn.session_attributes["answers"]["WALKING"] == "yes"


@pytest.mark.parametrize(
    "said",
    [
        "this quiz is killing me",  # round 21: the complications answer
        "i'd kill for a good night's sleep",  # round 21: "you're welcome", as thanks
        "back in 2015 i had a pulmonary embolism, fully recovered",  # round 21: "go back"
    ],
)
def test_a_figure_of_speech_or_an_old_illness_mid_check_changes_nothing(said: str) -> None:
    *_, asked, turn = play("open leg cramp helper", "check my symptoms", "yes", said)
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turn.speech.endswith(C.questions["SLEEP"].text) and not turn.session_ended
    assert "clots" not in turn.speech and not turn.speech.startswith("You're welcome")


def test_wanting_a_good_night_s_sleep_does_not_end_the_session() -> None:
    """Round 21: "I'd kill for a good night's sleep", at the menu, said goodbye."""
    turn = play("open leg cramp helper", "i'd kill for a good night's sleep")[-1]
    assert not turn.session_ended and "Goodbye" not in turn.speech


def test_how_long_something_has_lasted_is_no_answer_of_the_check() -> None:
    """Round 21: "his legs have been swollen for a couple of weeks" was told back as "you
    said you have varicose veins" ("a couple" of them)."""
    for before in ((), ("should my dad see a vein doctor", "yes")):
        *_, turn = play(
            "open leg cramp helper", *before, "his legs have been swollen for a couple of weeks"
        )
        said = turn.session_attributes
        assert not said.get("noted") and not said.get("answers"), before
        assert "varicose" not in turn.speech, before
        # a sign that needs 911 is named: the fallback's line, or (round 43: the reply for
        # a condition the article does not cover) the red flag
        assert "9 1 1" in turn.speech or C.safety["red_flag"] in turn.speech, before


@pytest.mark.parametrize(
    "said", ["a few days a week", "a couple of days a week", "two times a week"]
)
def test_a_few_days_a_week_is_often(said: str) -> None:
    """Round 21: "a few days a week", asked how often, got "I need an answer" (and "two times
    a week" the fallback, from a third new user)."""
    *_, turn = play("open leg cramp helper", "check my symptoms", said)
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_cramps_when_running_are_not_the_walking_sign() -> None:
    """Round 21: "my calves cramp up when I run" was noted as cramping with walking, and a
    later check ended at once on it, no question asked."""
    *_, turn = play("open leg cramp helper", "my calves cramp up when i run", "no",
                    "check my symptoms")
    assert not turn.session_attributes.get("noted")
    assert turn.speech.endswith(C.questions["FREQUENT"].text)


@pytest.mark.parametrize(
    "said",
    [
        "oh no, i tell a lie, they do wake me up",  # round 21: a no to the walking question
        "sorry dear, i meant yes to that last one",  # round 21: the sleep question again
    ],
)
def test_a_correction_of_the_last_answer_in_a_person_s_own_words_changes_it(said: str) -> None:
    *_, turn = play("open leg cramp helper", "check my symptoms", "most nights", "no", said)
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "yes"}


def test_a_remark_with_again_in_it_keeps_the_result() -> None:
    """Round 21: "the cat knocked it over again", after a result, started the check over."""
    *_, result, turn = play(
        "open leg cramp helper", "check my symptoms", "most nights", "yes",
        "the cat knocked it over again",
    )
    assert turn.session_attributes["result"] == result.session_attributes["result"]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "yes"}


def test_wait_i_meant_yes_after_a_no_to_an_offer_takes_the_offer() -> None:
    """Round 21: after a no to the contact offer, "wait I meant yes" got "if your answers
    have changed, say start over"; after a no to "want to hear more?", the menu."""
    *_, turn = play(
        "open leg cramp helper", "check my symptoms", "yes", "yes", "no", "wait i meant yes"
    )
    assert C.contact.speech in turn.speech
    *_, turn = play("open leg cramp helper", "what are varicose veins", "no", "sorry i meant yes")
    assert turn.speech.startswith(C.topics["VaricoseVeinsIntent"].more)
    # Only just after the no: a question in between is what a later yes answers.
    *_, turn = play(
        "open leg cramp helper", "how do i contact the clinic", "no", "what causes cramps",
        "no", "what are varicose veins", "wait i meant yes",
    )
    assert C.contact.speech not in turn.speech


def test_sleeping_through_the_night_is_a_no_to_the_sleep_question() -> None:
    """Round 21: "she sleeps through most nights", in a check for a mother, got the help."""
    *_, turn = play("open leg cramp helper", "check my mom's symptoms", "yes",
                    "she sleeps through most nights")
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no"}


@pytest.mark.parametrize(
    ("before", "said"),
    [
        ((), "my husband passed away last year, he had varicose veins too"),
        (("check my symptoms",), "my late wife used to get them every night"),
    ],
)
def test_what_someone_who_has_died_had_is_no_answer_of_the_check(before, said) -> None:
    """Round 21: the first was told back as "you said you have varicose veins"; the second
    was recorded as the user's own frequent cramps."""
    turn = play("open leg cramp helper", *before, said)[-1]
    attrs = turn.session_attributes
    assert not attrs.get("noted") and not attrs.get("answers") and "You said" not in turn.speech


def test_a_later_question_s_answer_after_a_no_is_kept_and_the_question_comes_again() -> None:
    """Round 18: "no, but when they come they wake me up", asked how often, got "I need an
    answer to this question first" and nothing was kept."""
    *_, turn = play(
        "open leg cramp helper", "check my symptoms", "no but when they come they wake me"
    )
    assert turn.session_attributes["noted"] == {"SLEEP": "yes"}
    assert C.questions["SLEEP"].taken in turn.speech
    assert turn.speech.endswith(C.questions["FREQUENT"].text)


def test_a_yes_that_goes_on_to_answer_another_question_counts_for_both() -> None:
    """Round 18: "yeah I have to stop when I walk the dog, then after a minute I'm fine",
    asked how often, was a plain yes: the walking sign was lost."""
    *_, turn = play(
        "open leg cramp helper", "check my symptoms",
        "yeah i have to stop when i walk the dog and after a minute or so i'm fine",
    )
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "WALKING": "yes"}


def test_worry_asked_after_a_check_for_someone_else_keeps_its_result_and_speaks_of_them() -> None:
    """Round 18: "is it anything to worry about for him" started the check again."""
    *_, result, worry = play(
        "open leg cramp helper", "check my dad's symptoms", "yes", "yes",
        "is it anything to worry about for him",
    )
    assert worry.session_attributes["result"] == result.session_attributes["result"]
    assert "diagnose them" in worry.speech and "you" not in worry.speech.lower().split()


def test_the_weather_is_no_cause_question() -> None:
    """Round 18: "what's the weather" got "the article doesn't list that as a cause"."""
    turn = play("open leg cramp helper", "what's the weather")[-1]
    assert "cause" not in turn.speech


def test_a_statement_with_is_in_it_is_an_answer_not_a_question() -> None:
    """ "he's up half the night rubbing his calf" ("he is ...") was read as a question, so as
    no answer; at the walking question a guess then took it for walking, and the result
    said "cramping with walking" (round 19)."""
    check = ("open leg cramp helper", "check my symptoms for my husband", "not sure")
    turn = play(*check, "he's up half the night rubbing his calf")[-1]
    # asked about walking next: the sleep answer is kept for the result, and walking asked
    assert turn.session_attributes["answers"] == {"FREQUENT": "unsure"}
    assert turn.session_attributes["noted"] == {"SLEEP": "yes"}
    assert turn.session_attributes["pending"] == "check"


def test_once_or_twice_a_week_is_frequent() -> None:
    """It was "not sure", as near "maybe once or twice a week" (round 19)."""
    turn = play("open leg cramp helper", "check my symptoms", "once or twice a week")[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_forgetting_the_quiz_for_now_leaves_the_check_not_the_skill() -> None:
    """ "let's forget the quiz for now" restarted the check, or ended the session (round 19)."""
    said = ("check my symptoms", "yeah", "let's forget the quiz for now")
    turn = play("open leg cramp helper", *said)[-1]
    assert C.prompt("check_left") in turn.speech and not turn.session_ended
    assert "answers" not in turn.session_attributes or not turn.session_attributes["answers"]


@pytest.mark.parametrize("said", ["i forgot what you asked", "what did you ask me"])
def test_forgetting_the_question_hears_it_again(said: str) -> None:
    """It got the question's help text, not the question (round 19)."""
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.speech == C.questions["FREQUENT"].text


def test_ok_then_yes_is_a_yes() -> None:
    """It was "why", and the question's help came (round 19)."""
    turn = play("open leg cramp helper", "check my symptoms", "ok then yes")[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_asked_if_it_is_a_real_person_the_skill_says_it_is_not() -> None:
    """It said only "I'm not a doctor" (round 19)."""
    turn = play("open leg cramp helper", "are you a real person")[-1]
    assert "not a person" in turn.speech


def test_swelling_for_years_is_another_condition_with_the_red_flags_not_strokes() -> None:
    """ "I've had swollen ankles for years" got the complications answer: strokes, slurred
    speech (round 19)."""
    turn = play("open leg cramp helper", "i've had swollen ankles for years")[-1]
    assert C.out_of_scope["condition"] in turn.speech and C.safety["red_flag"] in turn.speech
    assert C.safety["warning_signs"] not in turn.speech


@pytest.mark.parametrize(
    ("before", "said", "question"),
    [
        (("yes",), "honestly i'm a heavy sleeper", "SLEEP"),
        (("no", "no"), "i don't walk much these days", "WALKING"),
        (("no", "no", "no"), "there are some blue ones but i don't know if they count", "VARICOSE"),
    ],
)
def test_saying_why_one_cannot_tell_is_not_sure(
    before: tuple[str, ...], said: str, question: str
) -> None:
    """Each was asked again, as if nothing had been said (round 19)."""
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"][question] == "unsure"


def test_two_answers_to_one_question_in_one_breath_leave_it_not_sure() -> None:
    """ "some blue veins" says yes, "but I don't know if they count" doubts it: both slots
    are filled, and the skill records not sure (round 19: it was asked again)."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "no", "no", "no",
        "i have some blue veins but i don't know if they count",
    )[-1]
    assert turn.session_attributes["answers"]["VARICOSE"] == "unsure"


def test_never_mind_i_ll_do_this_later_leaves_the_check_recording_nothing() -> None:
    """ "never mind" was read as "never": a no to the sleep question (round 19)."""
    said = ("check my symptoms", "yes", "never mind, i'll do this later")
    turn = play("open leg cramp helper", *said)[-1]
    assert C.prompt("check_left") in turn.speech and not turn.session_ended


def test_a_question_after_a_relative_s_stroke_long_ago_is_answered() -> None:
    """It got 911 and the session ended (round 19)."""
    said = "my grandpa had a stroke when i was a kid, what are varicose veins"
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == "VaricoseVeinsIntent" and not turn.session_ended


def test_ten_said_as_digits_is_not_zero_times() -> None:
    """ "like 10 times last month" was "zero times": never, a no (round 19)."""
    turn = play("open leg cramp helper", "check my symptoms", "like 10 times last month")[-1]
    assert turn.session_attributes.get("answers", {}).get("FREQUENT") != "no"


def test_how_often_said_with_another_answer_says_how_often_that_happens() -> None:
    """ "they do wake me up sometimes", asked about walking after a no to sleep, recorded
    walking as not sure and kept the sleep no (round 19)."""
    said = ("check my symptoms", "a few times a year", "no")
    correction = "come to think of it they do wake me up sometimes"
    turn = play("open leg cramp helper", *said, correction)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "yes"}
    assert turn.speech.startswith(C.prompt("answer_changed"))


def test_a_first_answer_about_someone_else_makes_the_check_theirs() -> None:
    """ "my dad gets them every night", to the first question of "check my symptoms", was
    counted as the user's own, and the next question asked about "your" cramps (round 19)."""
    turn = play("open leg cramp helper", "check my symptoms", "my dad gets them every night")[-1]
    assert turn.speech.startswith(C.prompt("check_for_other"))
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turn.session_attributes["for_other"] is True


@pytest.mark.parametrize(
    ("before", "said", "question", "meant"),
    [
        # "never" was how often: the frequency answer changed to no (round 20)
        (("yes",), "no they're never that bad", "SLEEP", "no"),
        # its "not" kept "i sleep fine" from being any answer: asked again (round 20)
        (("yes",), "not at all i sleep fine", "SLEEP", "no"),
        # the venous insufficiency answer, as near "my doctor told me i have ..." (round 20)
        (("no", "no", "no"), "my doctor told me i have varicose veins", "VARICOSE", "yes"),
        (("no", "no", "no"), "uh huh a few big blue ones on my calf", "VARICOSE", "yes"),
        (("no", "no", "no"), "i have some little spider veins does that count", "VARICOSE",
         "unsure"),
    ],
)
def test_answers_that_were_asked_again_or_misread(
    before: tuple[str, ...], said: str, question: str, meant: str
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    answers = turn.session_attributes.get("answers", {})
    assert answers.get(question) == meant, turn.speech
    assert answers.get("FREQUENT") == ("yes" if before == ("yes",) else "no")


def test_a_yes_with_a_statement_loosely_like_a_topic_is_a_yes() -> None:
    """ "yes, i wake up with pain", asked about sleep, got the night-cramps answer, as near
    "i wake up with calf cramps" (round 20)."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes, i wake up with pain")[-1]
    assert turn.session_attributes["result"] and "disrupts sleep" in turn.speech


@pytest.mark.parametrize(
    ("before", "said", "question"),
    [
        (("yes",), "he gets up at night because of them", "SLEEP"),  # round 20: asked again
        (("no", "no"), "he can't walk to the corner without stopping", "WALKING"),  # and this
    ],
)
def test_a_caregiver_s_plain_story_answers_the_question(
    before: tuple[str, ...], said: str, question: str
) -> None:
    turn = play("open leg cramp helper", "check my dad's symptoms", *before, said)[-1]
    result = turn.session_attributes["result"]
    answers = dict(zip(triage.QUESTIONS[: len(before)], map(Answer, before), strict=True))
    answers[question] = Answer.YES
    assert result == list(triage.classify(answers))


def test_how_bad_the_cramps_are_says_nothing_about_sleep_unless_asked() -> None:
    """ "they're pretty bad, I get them three nights a week", before any check, gave a result
    that said "you said your cramps disrupt your sleep" (round 20)."""
    said = ("i'd like to know if i should see somebody about my leg cramps",
            "they're pretty bad, i get them three nights a week")
    turn = play("open leg cramp helper", *said)[-1]
    assert "said your cramps disrupt" not in turn.speech
    assert turn.speech.endswith(C.questions["SLEEP"].text)
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    asked = play("open leg cramp helper", "check my symptoms", "yes", "they're pretty bad")[-1]
    assert "disrupts sleep" in asked.speech  # the sleep question's yes, when it is asked


def test_thanks_you_re_a_lifesaver_is_thanks() -> None:
    """It fell back, with the 911 line (round 20)."""
    said = ("what causes leg cramps", "no", "thanks, you're a lifesaver")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_ended and "911" not in turn.speech.replace(" ", "")


@pytest.mark.parametrize(
    "said",
    ["whatever, goodbye", "aight peace", "thank you so much, that's all for today",
     "i'll say goodnight then"],
)
def test_more_ways_of_leaving_end_the_session(said: str) -> None:
    """The first two fell back; the third got "what else would you like to know?" (round
    20); the fourth fell back (round 21)."""
    turn = play("open leg cramp helper", "how do those little valves work", said)[-1]
    assert turn.session_ended and C.prompt("goodbye") in turn.speech


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("what would they do at the appointment", "VeinDiagnosisIntent"),  # the fallback
        ("what happens when they break", "VenousInsufficiencyIntent"),  # the fallback
        ("so is that what varicose veins are then", "VaricoseVeinsIntent"),  # yes or no?
    ],
)
def test_follow_up_questions_in_other_words_reach_their_topic(said: str, topic: str) -> None:
    """After the valves answer (round 20)."""
    turn = play("open leg cramp helper", "how do those little valves work", said)[-1]
    assert C.topics[topic].speech in turn.speech


def test_a_one_shot_about_referring_a_patient_gets_when_to_see_a_specialist() -> None:
    """It fell back (round 20)."""
    said = "ask leg cramp helper when should a patient be referred to a vein specialist"
    turn = play(said)[-1]
    assert C.topics["WhenToSeeSpecialistIntent"].speech in turn.speech


def test_asking_about_more_potassium_is_a_remedy_question() -> None:
    """It got when to see a specialist (round 20). Round 47: with the potassium heard (a near
    match now fills {remedy}), what the article says of potassium, and no more."""
    turn = play("open leg cramp helper", "do i need more potassium or something")[-1]
    assert turn.intent == "RemediesIntent"
    assert C.out_of_scope["remedy_cause"] in turn.speech


def test_the_verdict_asked_after_a_result_explains_it() -> None:
    """It fell back (round 20)."""
    *_, result, verdict = play(
        "open leg cramp helper", "check my symptoms", "yes", "yes", "so what's the verdict"
    )
    assert verdict.session_attributes["result"] == result.session_attributes["result"]
    assert C.outcomes[triage.Outcome.SEE_SPECIALIST].explain in verdict.speech


@pytest.mark.parametrize(
    ("before", "said", "recorded"),
    [
        (("check my symptoms", "yes"), "i'd have to say yes, i'm up pacing",
         {"FREQUENT": "yes", "SLEEP": "yes"}),  # round 20: the fallback
        (("check my dad's symptoms",), "hold on let me ask him, he says no",
         {"FREQUENT": "no"}),  # round 20: a question about the half of the day
    ],
)
def test_an_answer_after_a_preamble_is_that_answer(
    before: tuple[str, ...], said: str, recorded: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_attributes["answers"] == recorded


def test_i_meant_yes_on_the_last_one_changes_the_last_answer() -> None:
    """It asked "do you have varicose veins?" again (round 20)."""
    said = ("check my symptoms", "no", "no", "no", "no", "wait i meant yes on the last one")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_attributes["answers"]["VARICOSE"] == "yes"
    assert turn.speech.startswith(C.prompt("result_changed"))


def test_no_i_mean_says_what_was_meant() -> None:
    """ "no, I mean cramps, mainly at night", after the restless-legs reply, was a plain no:
    "What else would you like to know?" (round 20)."""
    said = ("i've got the restless legs thing i think", "no i mean cramps, mainly at night")
    turn = play("open leg cramp helper", *said)[-1]
    assert C.topics["LegCrampsAtNightIntent"].speech in turn.speech


def test_a_few_a_month_is_not_frequent() -> None:
    """ "three or four a month" fell back (round 20)."""
    turn = play("open leg cramp helper", "check my symptoms", "three or four a month")[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("my heart sank when i saw these varicose veins, what are they", "VaricoseVeinsIntent"),
        ("these cramps are the death of me, what causes them", "CrampCausesIntent"),
        ("venous reflux what is that", "VenousInsufficiencyIntent"),  # "I can't diagnose you"
        ("um i've got those twisty blue veins on my calves what are they",
         "VaricoseVeinsIntent"),  # the fallback
    ],
)
def test_a_question_about_what_was_just_named_is_answered(said: str, topic: str) -> None:
    """Both fell back (round 20): "they" and "them" stand for what the words before named."""
    turn = play("open leg cramp helper", said)[-1]
    assert C.topics[topic].speech in turn.speech and not turn.session_ended


@pytest.mark.parametrize(
    ("before", "said"),
    [
        (("every night pretty much",), "only once in a blue moon does one wake me"),
        (("no",), "hardly ever, they rarely wake me"),
    ],
)
def test_how_seldom_they_wake_is_a_no_to_the_sleep_question(
    before: tuple[str, ...], said: str
) -> None:
    """Both were a yes: "wake me" was heard, "rarely" was not (round 20)."""
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"]["SLEEP"] == "no"


def test_taking_an_answer_back_after_the_result_changes_it() -> None:
    """ "hmm no, I take that back, they don't wake me" was a no to the contact offer (round
    20)."""
    said = ("check my symptoms", "yes", "yes", "hmm no, i take that back, they don't wake me")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no"}
    assert turn.speech.startswith(C.prompt("answer_changed"))


def test_that_s_it_for_me_after_a_result_ends_the_session() -> None:
    """It started the check again (round 20)."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", "that's it for me")[-1]
    assert turn.session_ended


@pytest.mark.parametrize("back", ["yes go back", "ok back to it"])  # round 21: the fallback
def test_yes_go_back_to_the_offer_of_the_check_goes_back_to_it(back: str) -> None:
    """The phone aside came again, and the next "no" stopped the check (round 20)."""
    said = ("check my symptoms", "wait, what's your phone number", back)
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_attributes["pending"] == "check"
    assert turn.speech.endswith(C.questions["FREQUENT"].text)


def test_risk_factors_for_a_clot_get_the_complications_answer() -> None:
    """It got the causes of leg cramps, with no 911 signs (round 20)."""
    turn = play("open leg cramp helper", "what are the risk factors for dvt")[-1]
    assert C.out_of_scope["complication"] in turn.speech
    assert C.safety["warning_signs"] in turn.speech


def test_a_sign_asked_about_with_what_about_is_a_question_not_911() -> None:
    """ "what about deep vein thrombosis" got 911, and the session ended (round 20)."""
    turn = play("open leg cramp helper", "what about deep vein thrombosis")[-1]
    assert C.out_of_scope["complication"] in turn.speech and not turn.session_ended


@pytest.mark.parametrize(
    ("before", "said", "question"),
    [
        (("check my symptoms",), "fine, yes", "SLEEP"),  # "I need an answer"
        (("check my symptoms", "what causes leg cramps"), "ok fine go on", "FREQUENT"),
        (("check my symptoms", "what causes leg cramps"), "yeah continue", "FREQUENT"),
    ],
)
def test_a_grudging_yes_is_a_yes(before: tuple[str, ...], said: str, question: str) -> None:
    """Round 20: "I need an answer"; to "shall we go back to the check?", "I can't diagnose
    you" and more about the causes."""
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_attributes["pending"] == "check"
    assert turn.speech.endswith(C.questions[question].text)


@pytest.mark.parametrize(
    "said", ["thank you very much, that will be all.", "very good. i believe i have all i require"]
)
def test_formal_goodbyes_end_the_session(said: str) -> None:
    """ "What else would you like to know?", or the fallback (round 20)."""
    turn = play("open leg cramp helper", "what causes leg cramps", said)[-1]
    assert turn.session_ended


@pytest.mark.parametrize("said", ["this time it's for me", "actually let's do me instead"])
def test_switching_the_check_from_someone_else_to_me_starts_it_afresh(said: str) -> None:
    """The dad's answer was kept as the user's (round 20), or the switch was a yes."""
    turn = play("open leg cramp helper", "check my dad's symptoms", "yes", said)[-1]
    assert turn.session_attributes.get("answers", {}) == {}
    assert not turn.session_attributes.get("for_other")
    assert turn.speech == f'{C.prompt("starting_over")} {C.questions["FREQUENT"].text}'


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("might you tell me what, precisely, a leg cramp is?", "WhatAreLegCrampsIntent"),
        ("i'm a flight attendant, check my symptoms", "SymptomCheckIntent"),
    ],
)
def test_more_openings_before_a_question(said: str, intent: str) -> None:
    """The complications answer, and the fallback (round 20)."""
    assert play("open leg cramp helper", said)[-1].intent == intent


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [
        (("check my husband's symptoms",), "oh every night, poor thing", {"FREQUENT": "yes"}),
        (("check my symptoms", "yes"), "indeed, i wake several times a night",
         {"FREQUENT": "yes", "SLEEP": "yes"}),
    ],
)
def test_answers_with_a_remark_or_a_formal_word(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    """The help, and the question again (round 20)."""
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_attributes["answers"] == answers


@pytest.mark.parametrize("said", ["later", "gracias, adios"])
def test_short_goodbyes_end_the_session(said: str) -> None:
    """The fallback (round 20)."""
    assert play("open leg cramp helper", "what causes leg cramps", said)[-1].session_ended


def test_what_causes_them_asks_for_the_causes() -> None:
    """It got "I can't diagnose you" and the check (round 20)."""
    turn = play("open leg cramp helper", "why do my legs cramp at night", "what causes them?")[-1]
    assert C.topics["CrampCausesIntent"].speech in turn.speech


@pytest.mark.parametrize("said", ["ya sometimes", "sometimes yes", "yea some nights"])
def test_a_yes_with_how_often_is_a_yes_to_the_sleep_question(said: str) -> None:
    """Round 22: "ya sometimes" and "sometimes yes" were recorded as not sure, while "yeah
    sometimes" was a yes."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "yes"}


@pytest.mark.parametrize("said", ["my father's legs are swollen", "my mum's ankles are puffy"])
def test_whose_legs_they_are_does_not_hide_what_is_said(said: str) -> None:
    """Round 22: "my father's legs are swollen" fell back; "my legs are swollen" did not."""
    mine = play("open leg cramp helper", "my legs are swollen")[-1]
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == mine.intent != "AMAZON.FallbackIntent"


def test_amounts_that_name_no_vein_are_no_varicose_answer_to_another_question() -> None:
    """Round 22: "I never had them till last year, now maybe once a month", asked how
    often, was noted as no varicose veins, and that question never came."""
    *_, turn = play(
        "open leg cramp helper", "check my symptoms",
        "i never had them till last year, now maybe once a month", "no", "no",
    )
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}
    assert turn.speech.endswith(C.questions["VARICOSE"].text)
    # Said to the varicose question, they answer it.
    for said, answer in (("a few", "yes"), ("never had them", "no")):
        *_, turn = play("open leg cramp helper", "check my symptoms", "no", "no", "no", said)
        assert turn.session_attributes["answers"]["VARICOSE"] == answer


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("a few spider ones but nothing bulging, so no i'd say", "no"),
        ("some little ones on my ankles but they're tiny, so yes i guess", "yes"),
    ],
)
def test_the_yes_or_no_an_answer_comes_to_is_the_answer(said: str, answer: str) -> None:
    """Round 22: the first was recorded as a yes (its "a few"), the second as not sure."""
    *_, turn = play("open leg cramp helper", "check my symptoms", "no", "no", "no", said)
    assert turn.session_attributes["answers"]["VARICOSE"] == answer


def test_going_back_to_a_question_by_its_name() -> None:
    """Round 22: "go back to the walking question", asked the walking question, went back
    to the sleep question; "no, it's fine when I walk" then forgot the sleep answer too."""
    *_, back, turn = play(
        "open leg cramp helper", "check my symptoms", "no", "no",
        "go back to the walking question", "no, it's fine when i walk",
    )
    assert back.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    assert back.speech.endswith(C.questions["WALKING"].text)
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}
    *_, turn = play(
        "open leg cramp helper", "check my symptoms", "no", "no", "no",
        "go back to the sleep question", "yes",
    )
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "yes"}


@pytest.mark.parametrize(
    "said",
    [
        "that's it love",
        "ok ta-ra",
        "lovely, bless you, bye bye now",
        "k bye",
        "thank you very much, goodbye",
        "nah that's it love",
        "well that's lovely, thank you dear, i'll let you get on now, cheerio",
    ],
)
def test_a_phrase_that_takes_its_leave_ends_the_session(said: str) -> None:
    """Round 22: the fallback, "what else would you like to know?", or "you're welcome"."""
    turn = play("open leg cramp helper", "what is venous insufficiency", said)[-1]
    assert turn.session_ended and turn.intent == "AMAZON.StopIntent"


@pytest.mark.parametrize(
    "said",
    [  # Round 43, a farmer, to "Want to hear more?": the check was offered, as to a yes.
        "well alright then, I reckon I'll let you go, you have a good one",
        "well that's about it, you have a nice day now",
    ],
)
def test_leave_taken_as_to_a_person_ends_the_session(said: str) -> None:
    turn = play("open leg cramp helper", "why do my legs cramp at night", said)[-1]
    assert turn.session_ended and turn.intent == "AMAZON.StopIntent", turn.speech


def test_yes_that_is_it_is_still_a_yes() -> None:
    *_, turn = play("open leg cramp helper", "check my symptoms", "no", "no", "yes that's it")
    assert turn.session_attributes["answers"]["WALKING"] == "yes"


@pytest.mark.parametrize(
    ("before", "said", "question", "answer"),
    [
        ((), "maybe twice a fortnight", "FREQUENT", "no"),
        ((), "every other week or so", "FREQUENT", "no"),
        ((), "not particularly", "FREQUENT", "no"),
        (("yes",), "mostly no", "SLEEP", "no"),
        (("no", "no"), "let me think, no, i can walk all day", "WALKING", "no"),
    ],
)
def test_more_ways_of_saying_how_often_or_no(
    before: tuple[str, ...], said: str, question: str, answer: str
) -> None:
    """Round 22: each got "I need an answer to this question first"."""
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"][question] == answer


@pytest.mark.parametrize("said", ["what i must do now", "so does she need to go in"])
def test_what_to_do_after_a_result_in_other_words(said: str) -> None:
    """Round 22: the fallback; "does she need to go in" got the clots-and-strokes answer."""
    *_, result, turn = play(
        "open leg cramp helper", "check my mom's symptoms", "yes", "no", "no", "no", "no", said
    )
    assert turn.intent == "NextStepIntent" and "9 1 1" not in turn.speech


def test_an_answer_said_again_as_it_was_after_the_result_is_not_a_change() -> None:
    """Round 22: "no wait, I meant yes", when the answer was yes, got "Okay, changed."."""
    *_, turn = play("open leg cramp helper", "check my symptoms", "yes", "yes",
                    "no wait i meant yes")
    assert turn.speech.startswith(C.prompt("result_kept"))
    *_, turn = play("open leg cramp helper", "check my symptoms", "no", "no", "no", "no",
                    "wait i meant yes")
    assert turn.speech.startswith(C.prompt("result_changed"))


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        # Round 35: the walking answer, which says to have such cramping evaluated (it was
        # when to see a specialist, which says the same less directly).
        ("my leg cramps on my morning walk and gets better when i sit, is that something to"
         " worry about", "CrampsWhenWalkingIntent"),
        ("why do my legs randomly cramp up", "CrampCausesIntent"),
        ("how does a doctor know if i have vein problems", "VeinDiagnosisIntent"),
        ("can i die from leg cramps", "ComplicationsIntent"),
        ("is it normal to get cramps in gym class", "CrampsWhenWalkingIntent"),
    ],
)
def test_more_questions_in_a_new_user_s_words(said: str, intent: str) -> None:
    """Round 22: each fell back, but the diagnosis question, which got the clots-and-strokes
    answer with its 911 list."""
    assert play("open leg cramp helper", said)[-1].intent == intent


def test_can_i_die_from_this_in_the_check_is_answered_then_the_check_goes_on() -> None:
    """Round 22: "I need an answer to this question first"."""
    turn = play("open leg cramp helper", "check my symptoms", "can i die from this")[-1]
    assert turn.intent == "ComplicationsIntent" and "9 1 1" in turn.speech
    assert not turn.session_ended


@pytest.mark.parametrize(
    ("before", "said", "question", "answer"),
    [
        ((), "not often, but i've got varicose veins, my mother had them too", "FREQUENT", "no"),
        (("yes",), "not that i've noticed, but my wife says i kick in my sleep", "SLEEP", "no"),
        (("no", "no", "no"), "i've got a couple of bulgy ones on my shin, but they don't hurt",
         "VARICOSE", "yes"),
    ],
)
def test_an_answer_then_a_remark_after_but_is_that_answer(
    before: tuple[str, ...], said: str, question: str, answer: str
) -> None:
    """Round 22: each was recorded as not sure. An answer after "but" still decides as
    before (tested above: "no, but when they come they wake me up")."""
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"][question] == answer


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("send me the link", "ContactClinicIntent"),
        ("gimme the link", "ContactClinicIntent"),
        ("is this a robot", "AboutSkillIntent"),
        ("are you an actual doctor or what", "AboutSkillIntent"),
        ("ok do the check, fast", "SymptomCheckIntent"),
    ],
)
def test_requests_in_a_new_user_s_words(said: str, intent: str) -> None:
    """Round 22: the fallback; "gimme the link" got "not covered", "is this a robot" the
    other conditions answer."""
    assert play("open leg cramp helper", said)[-1].intent == intent


def test_a_loose_change_with_nothing_to_change_it_is_an_answer() -> None:
    """Round 22: "she says no, it's never when walking", asked about walking, was loosely
    "no actually it's {frequency}": the first answer was changed, and walking asked again."""
    *_, turn = play("open leg cramp helper", "check my wife's symptoms", "yes quite a lot", "no",
                    "she says no, it's never when walking")
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no", "WALKING": "no"}


@pytest.mark.parametrize(
    "said",
    ["where were we", "resume", "check my symptoms again", "can we pick up where we left off"],
)
def test_asking_for_the_check_after_its_result_keeps_the_result(said: str) -> None:
    # Round 24: "where were we" after a result wiped it and asked the first question again.
    result, asked, why = play(
        "open leg cramp helper", "check my symptoms", "yes", "yes", "no", said, "why"
    )[4:]
    reason = C.outcomes["see_specialist"].reasons["FREQUENT_SLEEP"]
    assert reason in asked.speech and "?" in asked.speech, asked.speech
    assert C.questions["FREQUENT"].text not in asked.speech
    assert asked.session_attributes["result"] == result.session_attributes["result"]
    assert reason in why.speech  # "why" still explains that result
    again = play("open leg cramp helper", "check my symptoms", "yes", "yes", said, "yes")[-1]
    assert again.speech.endswith(C.questions["FREQUENT"].text)  # yes: the check afresh
    for_her = play("open leg cramp helper", "check my symptoms", "yes", "yes", "check my wife")
    assert for_her[-1].speech.endswith(about_them(C.questions["FREQUENT"].text))


@pytest.mark.parametrize("said", ["i wouldn't say they're frequent, no", "i don't think so, no"])
def test_a_no_said_twice_is_a_no(said: str) -> None:
    # Round 24, a new user: the first was recorded as not sure.
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}


def test_the_opposite_with_an_answer_to_the_question_asked_changes_no_other_answer() -> None:
    # Round 24, a new user, asked about walking: the sleep answer was turned to a yes.
    said = "the opposite really, walking loosens them up"
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}


def test_most_every_night_is_often() -> None:
    # Round 24, a new user: the night cramps topic, and nothing recorded.
    said = "i told you, they cramp up most every night"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    ("said", "slot", "value"),
    [  # round 24, a new user: the fallback, or "why"
        ("could you remind me in two hours to call my mom about it", "duration", "PT2H"),
        ("fine, i'll get my daughter to look it up. remind me sunday evening, she comes for supper",
         "time", "EV"),
        # a second new user: set at 9 in the morning, or the fallback
        ("yes. set it for wednesday at eight fifteen a m", "time", "08:15"),
        ("no, tomorrow at twelve", "time", "12:00"),
        ("sure, tomorrow at eight, before rounds", "time", "08:00"),
        ("tuesday at two would be better, he naps then", "time", "02:00"),
        # Round 41, a track coach: the time taken back in the same breath was the one set.
        ("remind me to call them tomorrow at seven, no wait, make it eight", "time", "08:00"),
        ("remind me at eight, I mean eight at night", "time", "20:00"),
        ("remind me to call the vein center thursday, no, friday, at seven thirty in the morning",
         "time", "07:30"),
        ("yeah but at three thirty tomorrow", "time", "03:30"),
    ],
)
def test_a_reminder_asked_for_among_other_words(said: str, slot: str, value: str) -> None:
    turn = play("open leg cramp helper", "how do i contact them", said)[-1]
    assert turn.intent == "SetReminderIntent"
    assert turn.match is not None and turn.match.slots[slot].value == value


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [  # round 24, a new user: each was asked again
        ((), "he gets them pretty much every day from what he tells me", {"FREQUENT": "yes"}),
        ((), "every day from what i can tell", {"FREQUENT": "yes"}),
        (
            ("no", "no"),
            "they don't come on when i walk, only after a match",
            {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"},
        ),
    ],
)
def test_answers_with_a_remark_that_asks_nothing(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"] == answers


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        # Round 24, a new user: "ask me a question first" (TellMeMoreIntent)
        ("check my symptoms then, to keep her happy", "SymptomCheckIntent"),
        ("how do i contact the vein center, my wife wants to know", "ContactClinicIntent"),
        # a question's last words are its own; "again" makes another request
        ("what's the link between cramps and veins", "CrampsAndVeinDiseaseIntent"),
        ("take the assessment again", "AMAZON.StartOverIntent"),
    ],
)
def test_a_request_then_a_remark_is_the_request(said: str, intent: str) -> None:
    assert play("open leg cramp helper", said)[-1].intent == intent


@pytest.mark.parametrize(
    "said",
    [  # round 24, a new user: each was a walking yes, and the specialist's result
        "walking? oh heavens no, i walk the mall with my girlfriends every tuesday",
        "not with walking, walking is lovely",
        "walking, no. running, yes, and i have to stop and stretch it out for a few minutes",
    ],
)
def test_a_no_about_walking_is_never_a_walking_yes(said: str) -> None:
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.session_attributes.get("answers", {}).get("WALKING") != "yes", turn.speech
    assert "result" not in turn.session_attributes


def test_a_parked_truck_is_no_emergency() -> None:
    # Round 24, a new user, to the offer of the check: 911, and the session ended
    said = "yeah go ahead, i'm parked at a truck stop"
    turn = play("open leg cramp helper", "why do my legs cramp at night", said)[-1]
    assert not turn.session_ended


def test_a_part_of_the_day_said_with_a_yes() -> None:
    # Round 24, a new user: "yes at night", to a question of the check, is a reminder's
    # sample (Alexa's permission question came); "yes in the evening", to the offer of a
    # reminder, fell back.
    turn = play("open leg cramp helper", "check my symptoms", "yes at night")[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    offered = play("open leg cramp helper", "how do i contact them", "yes in the evening")[-1]
    assert offered.session_attributes["remind"]["at"] == "EV"  # the evening, kept as said


@pytest.mark.parametrize(
    "said", ["i just told you, dear. most nights.", "every other night, like i told you."]
)
def test_how_often_said_again_with_i_told_you_is_the_answer(said: str) -> None:
    # Round 24, a new user: recorded as not sure, and the sleep question skipped.
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    "said",
    [  # round 24, a second new user: the fallback, or "not covered"
        "wait why though",
        "how confident is that result?",
        "so what do i do, bottom line",
        "what's the plan of action",
    ],
)
def test_follow_ups_after_a_result_in_a_new_user_s_words(said: str) -> None:
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", said)[-1]
    assert turn.intent in ("WhyIntent", "NextStepIntent"), turn.intent
    words = C.outcomes["see_specialist"]
    step = words.title_for("FREQUENT_SLEEP")
    assert words.reasons["FREQUENT_SLEEP"] in turn.speech or step in turn.speech


def test_a_no_that_ends_with_that_s_all_ends_the_session() -> None:
    # Round 24, a second new user: "okay, what else would you like to know?"
    said = "no thanks, i'll call them myself right now. that's all"
    turn = play("open leg cramp helper", "how do i contact them", said)[-1]
    assert turn.session_ended
    kept = "no, resting doesn't make them go away"  # "go away" here is no goodbye
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", kept)[-1]
    assert not turn.session_ended


@pytest.mark.parametrize(
    "said",
    [
        "walking is not an issue for me", "not from walking, no",
        "walking has nothing to do with it",
        "walking's never been the problem for me",  # round 25: the fallback
    ],
)
def test_a_no_about_walking_in_other_words_is_a_no(said: str) -> None:
    # Round 24, a last new user: each was asked again
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.session_attributes["answers"]["WALKING"] == "no"


@pytest.mark.parametrize(
    ("said", "topic"),
    [
        ("what else can cause it", "CrampCausesIntent"),  # what the skill can do
        ("is that something to do with my veins", "CrampsAndVeinDiseaseIntent"),  # the fallback
    ],
)
def test_a_follow_up_about_the_answer_just_given_is_answered(said: str, topic: str) -> None:
    """Round 24, a new user: said after the night cramps answer."""
    turn = play("open leg cramp helper", "why do my legs cramp at night", said)[-1]
    assert C.topics[topic].speech in turn.speech and not turn.session_ended


def test_a_long_answer_with_loose_words_of_travel_or_toil_is_still_the_answer() -> None:
    """Round 24, a new user: "after a long day" lent an emergency a fifth of the classifier's
    evidence, and the answer fell back. A word taught by emergencies still stops it."""
    said = "oh I'd say two or three times a week, mostly after a long day baling hay"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    alarm = "two or three times a week, and my calf is swollen after a long flight"
    turn = play("open leg cramp helper", "check my symptoms", alarm)[-1]
    assert "9 1 1" in turn.speech and "answers" not in (turn.session_attributes or {})


@pytest.mark.parametrize(
    ("said", "then", "answers"),
    [
        ("no", "no", {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}),
        ("no", "nope, sleep like a log", {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}),
        ("yes", "yes", {"FREQUENT": "yes", "SLEEP": "yes", "WALKING": "no"}),
    ],
)
def test_changing_an_answer_that_leads_to_another_question_goes_on_with_the_check(
    said: str, then: str, answers: dict[str, str]
) -> None:
    """Round 25, a new user: "not sure" to how often skips the sleep question. Changed to a
    yes or no after the result, the check asks it; the walking answer it no longer comes to
    next was unreachable, the session dropped every answer, and "no" ended it."""
    *_, changed, turn, why = play(
        "open leg cramp helper", "check my symptoms", "not sure", "no",
        f"change my first answer to {said}", then, "why",
    )
    assert changed.speech.endswith(C.questions["SLEEP"].text)
    assert not turn.session_ended
    assert turn.session_attributes["answers"] == answers
    assert why.session_attributes["answers"] == answers  # kept with the result they give


def test_a_result_resting_on_an_answer_said_earlier_keeps_it_past_why() -> None:
    """Settled by the walking answer, the sleep question never asked: the answers are the
    result's own, though the check would not have asked them in that order (round 25: they
    were dropped at the next turn)."""
    said = "no, but they happen when I walk and stop when I rest"
    *_, result, why = play("open leg cramp helper", "check my symptoms", "yes", said, "why")
    assert result.session_attributes["answers"] == {"FREQUENT": "yes", "WALKING": "yes"}
    assert why.session_attributes["answers"] == {"FREQUENT": "yes", "WALKING": "yes"}


@pytest.mark.parametrize(
    "said",
    [
        "pause", "can we pause for a minute", "let's pause here",
        "hang on, someone's at the door, pause this",  # goodbye, and the answers lost
    ],
)
def test_a_pause_mid_check_asks_the_question_again_and_keeps_the_answers(said: str) -> None:
    """Round 25, a new user: "pause" was near "causes" (the causes answer), and "can we pause
    for a minute" the walking answer. The skill cannot wait: the question comes again."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.intent == "AMAZON.PauseIntent"
    assert turn.speech.endswith(C.questions["SLEEP"].text) and not turn.session_ended
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_a_question_said_first_mid_check_keeps_the_answers() -> None:
    """Round 25, a new user: "question first" made it "go back" (the previous question),
    and the first answer was dropped."""
    said = "quick question first, does potassium matter? I eat a banana every day"
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.intent not in {"AMAZON.PreviousIntent", "AMAZON.FallbackIntent"}
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert C.questions["FREQUENT"].text not in turn.speech


@pytest.mark.parametrize("said", ["ok sure", "fine, humor me"])
def test_everyday_yeses_to_the_offer_of_a_check_start_it(said: str) -> None:
    """Round 25, a new user: "ok sure" was "why" ("that's all I have on that"), "fine,
    humor me" the fallback."""
    turn = play("open leg cramp helper", "what are varicose veins", "yes", said)[-1]
    assert turn.speech.endswith(C.questions["FREQUENT"].text)


def test_yes_give_me_to_the_offer_of_the_contact_details_gives_them() -> None:
    """Round 25, a new user: "give me" was near "give me the quiz", and the check began
    again, its result lost."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", "yes, give me")[-1]
    assert turn.intent == "AMAZON.YesIntent"
    assert turn.speech.startswith(C.contact.speech) and turn.session_attributes.get("result")


def test_how_often_said_first_then_when_is_that_answer() -> None:
    """Round 25, a new user: "maybe" made it not sure, and the "not" in the "if" clause
    took the answer back; the result then said some answers were unclear."""
    said = "hardly, maybe after a tennis match if I haven't had enough water"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}


def test_a_relative_who_set_the_skill_up_is_not_whom_the_check_is_for() -> None:
    """Round 25, a new user: the check asked about the grandson ("do they get frequent leg
    cramps?"), and "it's me with the cramps, not my grandson" fell back."""
    said = "well hello there, my grandson set this up for me. my legs have been giving me trouble"
    turn = play("open leg cramp helper", f"{said} at night")[-1]
    assert turn.speech.endswith(C.questions["FREQUENT"].text)
    *_, turn = play(
        "open leg cramp helper", "check my grandson's symptoms", "yes",
        "them? no dear, it's me with the cramps, not my grandson",
    )
    assert turn.speech.endswith(C.questions["FREQUENT"].text)
    assert not turn.session_attributes.get("for_other")


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [
        (("yes",), "oh my word, yes, last night I woke up screaming", {"SLEEP": "yes"}),
        (("yes",), "thinking about it, yeah, I'm usually up for an hour after one hits",
         {"SLEEP": "yes"}),
        (("yes",), "si, yes", {"SLEEP": "yes"}),
        ((), "every single night, they're killing me", {}),
        # said in words the model lacked (the fallback)
        (("yes",), "he mostly sleeps through them I think", {"SLEEP": "no"}),
        (("yes",), "she cannot sleep good, she wake many time", {"SLEEP": "yes"}),
        # two answers after a yes: the second was lost, and asked again
        ((), "yep and they wake me up too, most nights honestly", {"SLEEP": "yes"}),
        # Round 28, a new user: how often was lost and asked again, or the waking was lost.
        ((), "every night they wake me up", {"SLEEP": "yes"}),
        ((), "yes, i wake up from pain", {"SLEEP": "yes"}),
        ((), "oh yes, i'm up pacing at three in the morning", {"SLEEP": "yes"}),
        # a yes taken back by what follows: no longer a yes (it led to the strongest result)
        (("yes",), "yeah but i sleep through most of it", {"SLEEP": "unsure"}),
    ],
)
def test_answers_in_a_new_user_s_own_words_are_recorded(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    """Round 25, a new user: each fell back ("I need an answer to this question first"), or
    lost its second answer."""
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", **answers}


def test_occasional_the_skill_s_own_word_is_not_frequent() -> None:
    """Round 25, a new user: "occasional then" fell back."""
    turn = play("open leg cramp helper", "check my symptoms", "occasional then")[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}


def test_what_holds_now_said_after_but_is_the_answer() -> None:
    """Round 25, a new user: the "never" of long ago was recorded, not "most nights"."""
    said = (
        "well, let me tell you, back when I was working the farm I never had a single one, "
        "but these days they come most nights, regular as the milkman"
    )
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    "said",
    ["well I won't keep you any longer, you've been very helpful",
     "no thank you sweetheart, that's me sorted"],
)
def test_a_polite_goodbye_ends_the_session(said: str) -> None:
    """Round 25, a new user: the fallback, and "what else would you like to know?"."""
    turn = play("open leg cramp helper", "what causes leg cramps", said)[-1]
    assert turn.session_ended and turn.speech.endswith(C.prompt("goodbye"))


@pytest.mark.parametrize(
    ("said", "question"),
    [("go back to the walking one", "WALKING"), ("can we go back to the one about sleep", "SLEEP")],
)
def test_a_question_named_in_everyday_words_is_asked_again(said: str, question: str) -> None:
    """Round 25, a new user: after the result, the menu, or the walking question for sleep."""
    *_, turn = play("open leg cramp helper", "check my symptoms", "no", "no", "yes", said)
    assert turn.speech.endswith(C.questions[question].text)


@pytest.mark.parametrize("said", ["ok i'm back", "sorry, i'm back now"])
def test_back_after_a_pause_asks_the_question_again_and_keeps_the_answers(said: str) -> None:
    """Round 26, a new user: "ok I'm back" was near "am i okay" ("I can't diagnose you")."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "pause", said)[-1]
    assert turn.speech == C.questions["SLEEP"].text
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    "said",
    ["ugh, every night, these cramps are killing me", "most nights, it's been like that for years"],
)
def test_how_often_then_a_remark_answers_the_frequency_question(said: str) -> None:
    """Round 26, a new user: the first was near "why do cramps hurt so much" (what a cramp
    is), and the answer lost."""
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert turn.speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize("said", ["no not right now", "no, not yet"])
def test_no_put_off_to_the_offer_of_a_reminder_is_a_no(said: str) -> None:
    """Round 26: "no not right now" was not understood."""
    turn = play("open leg cramp helper", "how do i contact them", said)[-1]
    assert turn.intent in ("AMAZON.NoIntent", "LaterIntent")
    assert turn.session_attributes.get("declined") == "offer_reminder"


def test_asking_for_a_doctor_to_talk_to_now_gets_the_clinic_s_details() -> None:
    """Round 26, a new user: "is there a doctor I can talk to right now" was not understood."""
    turn = play("open leg cramp helper", "is there a doctor i can talk to right now")[-1]
    assert C.contact.speech in turn.speech


def test_a_relative_who_only_advises_asking_is_not_the_one_with_the_cramps() -> None:
    """Round 26, a new user: "... and my daughter says I should ask you about it" offered a
    check of "their" symptoms, the daughter's, for the rest of the session."""
    said = (
        "hello dear, i'm eighty two and my legs, oh my legs, i get these cramps in the calf, "
        "you know, the charley horses, and my daughter says i should ask you about it"
    )
    turn = play("open leg cramp helper", said)[-1]
    assert turn.speech.endswith(C.prompt("offer_check"))
    assert not turn.session_attributes.get("for_other")


@pytest.mark.parametrize(
    "said", ["do compression stockings help", "what are the warning signs of a blood clot"]
)
def test_tell_me_more_after_what_the_article_does_not_cover_keeps_the_offer(said: str) -> None:
    """Round 26, a new user: "tell me more" got "Ask me a question first", and the offer of
    the clinic's details was lost."""
    *_, more, yes = play("open leg cramp helper", said, "tell me more", "yes")
    assert more.speech.startswith(C.prompt("no_more_detail"))
    assert C.contact.speech in yes.speech


@pytest.mark.parametrize(
    ("question", "said"),
    [  # round 25, a new user: the fallback ("I need an answer to this question first")
        ("WALKING", "sometimes on the treadmill, stops when i hop off"),
        ("VARICOSE", "that's the thing, my ankles have these ropey purple veins popping out"),
    ],
)
def test_a_yes_in_everyday_words_to_walking_and_varicose_veins(question: str, said: str) -> None:
    before = {"WALKING": ["no", "no"], "VARICOSE": ["no", "no", "no"]}[question]
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"][question] == "yes"


def test_a_no_then_that_s_all_thanks_ends_the_session() -> None:
    """Round 26, a new user: "nah, that's all, thanks", to the offer of the check, was a
    plain no ("what else would you like to know?")."""
    said = "nah, that's all, thanks"
    turn = play("open leg cramp helper", "when should i see a vein specialist", said)[-1]
    assert turn.session_ended and turn.speech == C.prompt("goodbye")


def test_asked_to_spell_the_website_the_skill_gives_the_details_again() -> None:
    """Round 26, a new user: "can you spell that" was not understood."""
    turn = play("open leg cramp helper", "what's the website", "can you spell that")[-1]
    assert C.contact.speech in turn.speech


def test_what_were_we_doing_goes_back_to_the_check_with_its_answers() -> None:
    """Round 26, a new user: "what were we doing", after a question mid-check, fell back."""
    *_, turn = play(
        "open leg cramp helper", "check my symptoms", "yes", "what are varicose veins",
        "what were we doing",
    )
    assert turn.speech.endswith(C.questions["SLEEP"].text)
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_ok_yes_then_to_going_back_to_the_check_goes_back() -> None:
    """Round 26, a new user: "ok yes then" was near "so i'm okay then" (why)."""
    *_, turn = play(
        "open leg cramp helper", "check my symptoms", "yes", "what are varicose veins",
        "ok yes then",
    )
    assert turn.speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize(
    "said", ["hang on, someone's at the door", "hang on, she's saying something"]
)
def test_hang_on_with_what_is_going_on_pauses_and_keeps_the_result(said: str) -> None:
    """Round 26, a new user: "hang on, someone's at the door", after a result, was a goodbye
    (the session ended, the result lost); "hang on, she's saying something" fell back."""
    *_, held, back = play(
        "open leg cramp helper", "check my symptoms", "yes", "yes", said, "ok i'm back"
    )
    assert held.intent == "AMAZON.PauseIntent" and not held.session_ended
    assert back.session_attributes["result"] == held.session_attributes["result"] is not None


def test_a_yes_opener_then_a_denial_is_not_taken_as_yes() -> None:
    """Round 26, a new user: "i'd say" was a yes, and frequent was recorded."""
    said = "well, i'd say two or three times a month, i wouldn't call it frequent"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes.get("answers", {}).get("FREQUENT") != "yes"


@pytest.mark.parametrize(
    ("said", "recorded"),
    [  # round 26, a new user: each was recorded as a walking yes ("schedule an evaluation")
        ("she can't walk far anyway, so i couldn't tell you", "unsure"),
        ("only when i run, not walking, and it doesn't go away with rest", None),
    ],
)
def test_walking_doubted_or_denied_is_no_walking_yes(said: str, recorded) -> None:
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.session_attributes.get("answers", {}).get("WALKING") == recorded


def test_ok_no_thanks_that_s_everything_mid_check_ends_the_session() -> None:
    """Round 26, a new user: it was thanks ("You're welcome"), then the question again."""
    said = "ok, no thanks, that's everything"
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.session_ended and turn.speech == C.prompt("goodbye")


def test_cramps_mostly_at_night_ask_why_legs_cramp_at_night() -> None:
    """Round 26, a new user: "I get cramps in my calves mostly at night" got the walking
    answer ("mostly at night" is also an answer to the walking question)."""
    turn = play("open leg cramp helper", "i get cramps in my calves mostly at night")[-1]
    assert turn.intent == "LegCrampsAtNightIntent"


def test_not_too_badly_then_falling_back_asleep_is_a_sleep_no() -> None:
    """Round 25's new user (left then): it fell back ("I need an answer")."""
    said = "eh, not too badly, i fall back asleep pretty quick"
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no"}


@pytest.mark.parametrize(
    ("asked", "topic"),
    [  # round 27, a new user: the causes, and "not covered"
        ("is it normal to get a leg cramp now and then", "CrampsAndVeinDiseaseIntent"),
        ("what is exercise induced leg cramping", "CrampsWhenWalkingIntent"),
        # a second new user: the fallback
        ("well, i'm 74 and my calves cramp up something awful at night", "LegCrampsAtNightIntent"),
    ],
)
def test_whether_cramps_now_and_then_are_normal_and_cramps_from_exercise_get_their_answers(
    asked: str, topic: str
) -> None:
    assert C.topics[topic].speech in play(asked)[-1].speech


def test_night_cramps_in_pregnancy_get_the_night_answer() -> None:
    """Round 26, a new user: "not covered", for the pregnancy, and the night went unanswered."""
    said = play("i'm pregnant and my legs cramp every night why is that")[-1]
    assert C.topics["LegCrampsAtNightIntent"].speech in said.speech


@pytest.mark.parametrize(
    "said",
    [
        "sure, go ahead", "ok i'm ready", "hmm, okay, let's do it", "fine, ask away",
        # a second new user: recorded as a yes, or "I need an answer"
        "ok, go ahead then", "yeah sure, ask away", "ready when you are", "okay shoot",
    ],
)
def test_agreeing_to_the_check_at_its_first_question_records_nothing(said: str) -> None:
    """Round 27, a new user: each was recorded as a yes to "Do you get frequent leg cramps?"."""
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {}
    assert turn.speech.endswith(C.questions["FREQUENT"].text) and not turn.session_ended


def test_okay_said_to_a_question_of_the_check_is_no_answer() -> None:
    """Round 28, a new user: "ok", an acknowledgement, was recorded as a yes to "Do you get
    frequent leg cramps?". Said again, it gets how to answer, not the bare question."""
    turns = play("open leg cramp helper", "check my symptoms", "ok", "okay", "all right")
    for turn in turns[2:]:
        assert turn.session_attributes["answers"] == {} and not turn.session_ended
        assert turn.speech == f'{C.questions["FREQUENT"].hint} {C.questions["FREQUENT"].text}'
    assert play("open leg cramp helper", "what's your phone number", "okay")[-1].speech != (
        play("open leg cramp helper", "what's your phone number", "no")[-1].speech
    )  # to an offer, still a yes


@pytest.mark.parametrize(
    "said", ["not now", "maybe later", "actually no, not now", "later please"]
)
def test_putting_the_check_off_leaves_it_and_records_nothing(said: str) -> None:
    """Round 27, a new user: each was recorded as a no to "Do you get frequent leg cramps?"."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert "answers" not in turn.session_attributes and not turn.session_ended
    assert turn.speech.startswith(C.prompt("check_left"))


def test_go_ahead_and_not_now_still_answer_offers() -> None:
    """Outside the check they are a yes and a no to what was offered."""
    asked = play("open leg cramp helper", "why do my legs cramp at night", "yes", "go ahead")
    assert asked[-1].speech.endswith(C.questions["FREQUENT"].text)
    declined = play("open leg cramp helper", "what's your phone number", "not now")[-1]
    assert declined.session_attributes.get("declined") == "offer_reminder"


def test_whatever_said_to_a_question_of_the_check_asks_it_again() -> None:
    """Round 27, a new user: near "whatever, bye", and the session ended mid-check."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "whatever")[-1]
    assert not turn.session_ended and turn.speech.endswith(C.questions["SLEEP"].text)
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [  # round 27, a new user: the varicose veins were lost, or the topic was answered instead
        ((), "yes, and i've got varicose veins on both legs", {}),
        (("yes",), "no they don't wake me, but i do have varicose veins", {"SLEEP": "no"}),
        (("yes",), "not really, but i do have varicose veins", {"SLEEP": "no"}),
    ],
)
def test_varicose_veins_said_with_another_answer_are_kept_for_their_question(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", **answers}
    assert turn.session_attributes["noted"] == {"VARICOSE": "yes"}


def test_yes_with_varicose_veins_to_going_back_to_the_check_goes_back_and_keeps_them() -> None:
    """Round 27, a new user: the yes answered the question waiting (how often, said before
    as "hardly ever", became a yes), and the varicose veins were dropped."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "hardly ever",
        "why do legs cramp at night", "yes and i have varicose veins",
    )[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}
    assert turn.session_attributes["noted"] == {"VARICOSE": "yes"}
    assert turn.speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize(
    "said", ["hmm, actually i'd say they aren't frequent", "not that frequent"]
)
def test_how_often_named_at_a_later_question_changes_how_often(said: str) -> None:
    """Round 27, a new user: to the sleep question it was its "not sure", and the yes to
    "do you get frequent leg cramps?" stood."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}
    assert turn.speech.endswith(C.questions["SLEEP"].text)


def test_that_s_everything_thank_you_to_an_offer_ends_the_session() -> None:
    """Round 27, a new user: "You're welcome. What else would you like to know?"."""
    said = "okay that's everything, thank you"
    turn = play("open leg cramp helper", "how do i contact them", said)[-1]
    assert turn.session_ended and turn.intent == "AMAZON.StopIntent"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("is it because i'm tired", "CrampCausesIntent"),  # fatigue: not covered
        ("cramps. why", "CrampCausesIntent"),  # "ask me a question first"
        ("i get killer cramps in my calves when i walk", "CrampsWhenWalkingIntent"),
        ("i get cramps in my hamstring when i play soccer", "CrampsWhenWalkingIntent"),  # night
        ("is heart disease linked to cramps", "OtherConditionsIntent"),  # the vein answer
        ("do hot baths help cramps", "RemediesIntent"),  # the fallback
        ("i don't use the internet, how do i call them", "ContactClinicIntent"),  # fallback
        ("my cramps are killing me at night", "LegCrampsAtNightIntent"),  # what cramps are
        # Round 29, new users
        ("should i take her to a specialist", "WhenToSeeSpecialistIntent"),  # "doesn't cover"
        ("what are the indications for referral to a vein specialist", "WhenToSeeSpecialistIntent"),
        ("what is the etiology of varicose veins", "VaricoseVeinsIntent"),  # "doesn't cover"
        ("what's the clinic called again", "ContactClinicIntent"),  # "doesn't cover"
        ("is magnesium going to help me", "RemediesIntent"),  # the fallback
        ("what number do i dial to get hold of them", "ClinicPhoneIntent"),  # the fallback
        ("give me their details", "ContactClinicIntent"),  # "ask me a question first"
        ("can i just walk in", "ClinicLogisticsIntent"),  # the fallback
        ("who is the best doctor there", "ClinicLogisticsIntent"),  # the contact details
        ("so am i gonna need surgery", "TreatmentsIntent"),  # the fallback
        ("what can the doctor do about it", "VeinDiagnosisIntent"),  # remedies
        ("cramp is from vein problem? yes or no", "CrampsAndVeinDiseaseIntent"),  # the check
        # a second new user: the fallback
        ("these cramps are killing me", "WhenToSeeSpecialistIntent"),
        ("my legs are killing me at night, what's causing it", "LegCrampsAtNightIntent"),
        ("i'm dying to know if my veins are to blame", "CrampsAndVeinDiseaseIntent"),
        ("cost?", "ClinicLogisticsIntent"),
        # a fourth new user: the fallback
        ("what do the little flaps inside the veins do", "HowLegVeinsWorkIntent"),
        ("what happens when those flaps break", "VenousInsufficiencyIntent"),
        # Round 30, new users: the fallback, or (the last) the check started
        (
            "i've been getting cramps walking to the shops, what should i do",
            "CrampsWhenWalkingIntent",
        ),
        ("do you think they might be from my veins", "CrampsAndVeinDiseaseIntent"),
        ("so should he get them looked at or what", "WhenToSeeSpecialistIntent"),
        ("what's venous insufficiency when it's at home", "VenousInsufficiencyIntent"),
        ("what can i ask you, dear? i'm not very good with these gadgets", "AMAZON.HelpIntent"),
        ("my phone's dying, quick, how do i contact you", "ContactClinicIntent"),
        ("i'm dying to know if this is a vein thing", "CrampsAndVeinDiseaseIntent"),
        ("im pregnant, is that why my legs cramp", "PregnancyIntent"),  # night answer
        ("what's the best thing to do", "NextStepIntent"),  # the phone's "doesn't cover that"
        ("do i need surgery", "TreatmentsIntent"),  # "I can't diagnose you", with two 911s
        ("what's the deal with spider veins", "OtherConditionsIntent"),  # no clinic offered
        ("is normal to have cramps?", "CrampsAndVeinDiseaseIntent"),  # a third: "not covered"
        # Ways to ask that the blind set heldout24 showed (the causes answer, or the fallback;
        # its own phrasings stay out of the tests and samples)
        ("is there a reason my calves cramp when i lie down", "LegCrampsAtNightIntent"),
        ("what should i know about venous insufficiency", "VenousInsufficiencyIntent"),
        ("i keep hearing about varicose veins, what are they", "VaricoseVeinsIntent"),
        ("my wife keeps talking about venous insufficiency", "VenousInsufficiencyIntent"),
        ("can we do the whole thing again", "AMAZON.StartOverIntent"),
        ("what can the leg cramp helper do", "AMAZON.HelpIntent"),
    ],
)
def test_a_new_user_s_questions_reach_the_answer_they_ask_for(said: str, intent: str) -> None:
    """Rounds 28 and 29, new users: each got the fallback, "not covered" or another answer;
    the answer the article gives (fatigue is a cause), or its honest "not covered"."""
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == intent and not turn.session_ended, turn.speech


def test_sending_the_website_to_a_relative_is_something_the_skill_cannot_do() -> None:
    """Round 28, a new user: "text the website to my daughter" fell back."""
    said = ("open leg cramp helper", "what's your phone number", "text the website to my daughter")
    turn = play(*said)[-1]
    assert turn.speech.startswith(C.out_of_scope["booking"]), turn.speech



@pytest.mark.parametrize(
    "said",
    [
        "i can't take it anymore, they wake me up every single night",
        "they wake me up, and i'm so exhausted i can't take it anymore",
        "honestly what's the use, nothing ever helps",
        "i'm so tired of living with this pain",
        # a second new user: the fallback, or (the last two) 988 and the session ended
        "i'm so fed up, years of this and nothing works",
        "i can't cope with these night cramps much longer, they wreck my sleep",
        "ugh honestly i'm at the end of my rope with this",
        "i can't do this anymore, every night my calves lock up",
        "i'm so done with these cramps, nothing i try works",  # a fourth: "not covered"
        # Round 30, a new user: "I need an answer" (no 988), and the specialist answer
        "i can't take it anymore, up every night with these",
        "i'm so tired of these cramps i could just die",
        "the cramps they wake me up, i can't take it anymore",  # a third: the fallback
        "i can't take it anymore, every night the cramps",
        # Round 31, new users: 988 with the session ended (the first), or the fallback.
        "i'm at the end of my rope with these things, haven't slept a full night in months",
        "i'm sick and tired of it, can't take much more of this",
        "i'm worn out, these cramps are killing me",
        "i am so tired, i cannot take it no more",
        "i am desperate, nothing helps for the cramps",
        "i'm at my wits end, he won't listen to me about seeing a doctor",
        "honestly i'm so worried about him, i'm exhausted and i don't know what to do anymore",
        "it's just hard watching him hurt like this",
        "my dad cries at night from the pain, nothing helps him",
        # Round 44, new users (a retired teacher, a housekeeper, a home health aide, a
        # widowed runner of 67): "I need an answer", or the fallback
        "honestly I am so tired of these nights, I simply can't bear it any longer",
        "nobody help me with this pain, I am so tired",
        "this job is killing me",
        "I'm not long for this world anyway",
        "what's the use, I'm an old man",
    ],
)
def test_worn_out_by_the_cramps_hears_the_crisis_line_and_the_session_goes_on(said: str) -> None:
    """Round 29: these fell back with 911 and no 988 (or got the help). Ending the session
    with the crisis reply would be wrong for someone fed up with cramps (round 13), so the
    crisis line is said gently and whatever was pending comes again."""
    struggling = C.safety["struggling"]
    at_menu = play("open leg cramp helper", said)[-1]
    assert struggling in at_menu.speech and not at_menu.session_ended, at_menu.speech
    more = play("open leg cramp helper", "why do my legs cramp at night", said)[-1]
    assert struggling in more.speech and more.speech.endswith(C.prompt("ask_more"))
    in_check = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert struggling in in_check.speech and in_check.speech.endswith(C.questions["SLEEP"].text)
    assert in_check.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [
        ((), "ok so no then", {"FREQUENT": "no"}),  # near "okay yes then": a yes
        ((), "that's a no", {"FREQUENT": "no"}),  # near "no that's it": the session ended
        # A third new user: a no taken as a yes, 988 (and the check ended), or "I need an
        # answer".
        (("no", "no"), "i never have to stop when walking", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no",
        }),
        (("yes",), "they used to wake me but not now", {"FREQUENT": "yes", "SLEEP": "no"}),
        (("yes",), "sometime wake up, not always", {"FREQUENT": "yes", "SLEEP": "unsure"}),
        (("yes",), "i wouldn't say severe, no", {"FREQUENT": "yes", "SLEEP": "no"}),
        ((), "more or less every night", {"FREQUENT": "yes"}),
        ((), "not every night, no", {"FREQUENT": "no"}),
        ((), "used to be frequent, not these days", {"FREQUENT": "no"}),
        ((), "na", {"FREQUENT": "no"}),
        (("no", "no"), "i can walk for miles with no trouble", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no",
        }),
        (("no", "no", "no"), "not yet thank goodness", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "no",
        }),
        # A fourth new user: a yes recorded as a no (the first), or "I need an answer".
        (("yes",), "sleep no good, wake up two three time", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("yes",), "i toss and turn because of them, yeah", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("yes",), "he's up at 2am yelling", {"FREQUENT": "yes", "SLEEP": "yes"}),
        ((), "they're a pain but no, not that often", {"FREQUENT": "no"}),
        ((), "sometimes, not always", {"FREQUENT": "unsure"}),
        (("no", "no"), "never when i walk, only in bed", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no",
        }),
        # Round 30, new users: "I need an answer", or (the first) a reminder's time, or (the
        # second and the third) not sure
        ((), "oh, a couple of times a week, mostly in the evenings", {"FREQUENT": "yes"}),
        ((), "not very frequently, no", {"FREQUENT": "no"}),
        (("no", "no"), "nope, they don't go away when i rest", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no",
        }),
        ((), "is three a month frequent", {"FREQUENT": "unsure"}),
        (("yes",), "they do, i'm up and down like a yo-yo", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("yes",), "well sometimes, not always, depends how bad it is", {
            "FREQUENT": "yes", "SLEEP": "unsure",
        }),
        ((), "dead on my feet every day but cramps, nah not much", {"FREQUENT": "no"}),
        (("yes",), "they knock me outta bed", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("no", "no", "no"), "dunno, got some spider veins", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "unsure",
        }),
        # a third (Spanish her first language): a no recorded as a yes; the question's help;
        # "tell me more"
        ((), "is no frequent", {"FREQUENT": "no"}),
        ((), "no is not so frequent", {"FREQUENT": "no"}),
        (("no", "no"), "she walk little bit then must stop", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "yes",
        }),
        # a fourth, in a clinician's words: a clock time ("I need an answer")
        ((), "roughly three nights a week", {"FREQUENT": "yes"}),
        (("no", "no", "no"), "my mother has varicose veins but i don't", {  # not sure
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "no",
        }),
        ((), "he gets them every night, he says", {"FREQUENT": "yes"}),  # not sure
        ((), "they don't happen often", {"FREQUENT": "no"}),  # "I need an answer"
        ((), "every couple nights", {"FREQUENT": "yes"}),
        ((), "loads", {"FREQUENT": "yes"}),
        ((), "mmhm", {"FREQUENT": "yes"}),
        ((), "ye", {"FREQUENT": "yes"}),
        ((), "only in summer really, when it's hot", {"FREQUENT": "unsure"}),
        ((), "ok fine, yes and no, some weeks lots, some weeks none", {"FREQUENT": "unsure"}),
        # A doubt said after a no, and a hedge before a yes (both were recorded as said).
        ((), "they're not that bad, i'd say no but i'm not a good judge", {"FREQUENT": "unsure"}),
        (
            (),
            "i suppose maybe, sort of, i mean, it depends on what you'd call frequent really",
            {"FREQUENT": "unsure"},
        ),
        (("yes",), "nuh-uh", {"FREQUENT": "yes", "SLEEP": "no"}),
        (("no", "no"), "hmm only when i'm jogging, not walking", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no",
        }),
    ],
)
def test_a_new_user_s_answers_in_the_check_are_recorded_as_meant(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    """Round 29, a new user: a no taken as a yes, doubts taken as answers, and plain answers
    refused with "I need an answer to this question first"."""
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"] == answers, turn.speech


@pytest.mark.parametrize("leave", ["stop the check", "go home", "not now"])
def test_a_check_left_and_asked_for_again_keeps_what_was_answered(leave: str) -> None:
    """Round 29, a new user: "where were we" after leaving the check asked every question
    again from the first."""
    said = ("check my symptoms", "most nights", leave, "where were we")
    turns = play("open leg cramp helper", *said)
    back = turns[-1]
    assert back.speech.endswith(C.questions["SLEEP"].text), back.speech
    assert back.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    "said",
    ["leave me alone", "i need to go now", "cheers that's me done", "gotta go",
     "nah i'm good, peace out"],
)
def test_a_new_user_s_goodbyes_end_the_session(said: str) -> None:
    """Round 29, a new user: the fallback, or (for "i need to go now") the specialist answer."""
    turn = play("open leg cramp helper", "why do my legs cramp at night", said)[-1]
    assert turn.session_ended and turn.intent == "AMAZON.StopIntent", turn.speech


def test_dying_for_sleep_is_no_goodbye_and_no_emergency() -> None:
    """Round 29, a new user: "I'd die for a good night's sleep" was a thanks that ended the
    session."""
    said = "i'd die for a good night's sleep"
    turn = play("open leg cramp helper", "how do i contact them", said)[-1]
    assert not turn.session_ended and "9 1 1 or get emergency help" not in turn.speech


def test_a_new_user_s_k_is_an_okay_not_a_thanks_and_goodbye() -> None:
    """Round 29, a new user: "k" to "would you like a reminder?" was near "k thanks", and the
    session ended; in the check, it asks again with how to answer."""
    turn = play("open leg cramp helper", "why do my legs cramp at night", "k")[-1]
    assert not turn.session_ended and turn.intent == "ReadyIntent"
    assert C.topics["LegCrampsAtNightIntent"].more in turn.speech
    in_check = play("open leg cramp helper", "check my symptoms", "k")[-1]
    assert in_check.session_attributes["answers"] == {} and not in_check.session_ended
    assert in_check.speech.endswith(C.questions["FREQUENT"].text)


@pytest.mark.parametrize(
    "said",
    ["okey dokey, ta", "well thank you young lady, that's very kind", "that'll do pig, thanks"],
)
def test_a_new_user_s_thanks_to_an_offer_end_the_session(said: str) -> None:
    """Round 29, a new user: the fallback, with 911."""
    turn = play("open leg cramp helper", "how do i contact them", said)[-1]
    assert turn.session_ended and turn.intent == "ThanksIntent", turn.speech


@pytest.mark.parametrize(
    "said", ["what happens if i say yes", "this quiz is killing me, how many more"]
)
def test_questions_about_the_check_get_its_help_not_i_need_an_answer(said: str) -> None:
    """Round 29, a new user: "I need an answer to this question first"."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.intent == "AMAZON.HelpIntent" and C.questions["SLEEP"].help in turn.speech
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_forget_the_reminder_to_its_offer_declines_it() -> None:
    """Round 29, a new user: "forget the reminder" set one (Alexa's permission question).
    Round 47: none is set yet, so it is declined ("I can't change a reminder once it's set"
    was said of a reminder that did not exist)."""
    turn = play("open leg cramp helper", "how do i contact them", "forget the reminder")[-1]
    assert turn.speech.startswith(C.reminder.declined), turn.speech
    assert not turn.response["response"].get("directives") and not turn.session_ended


def test_never_mind_to_is_that_3_in_the_morning_drops_that_reminder_not_the_check() -> None:
    """Round 29, a new user: "Take care. Goodbye!", and the check under way was lost."""
    said = ("check my symptoms", "yes", "remind me at 3", "never mind")
    turn = play("open leg cramp helper", *said)[-1]
    assert not turn.session_ended, turn.speech
    assert turn.speech == f"{C.reminder.declined} {C.prompt('resume_check')}"
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    "said",
    ["aight later", "cheers then, that'll do for now",
     "right, well, i'll leave it there, thanks ever so much"],
)
def test_a_new_user_s_leaving_words_end_the_session(said: str) -> None:
    """Round 30, new users: the fallback, with 911, and the session stayed open."""
    turn = play("open leg cramp helper", "why do my legs cramp at night", said)[-1]
    assert turn.session_ended, turn.speech


@pytest.mark.parametrize(
    "said",
    [
        "oh i'd better go, my programme's starting, we'll do this another time",
        "sorry i must go, my mother is calling me",  # a third: "I need an answer"
        "hasta luego",
    ],
)
def test_having_to_go_mid_check_ends_the_session(said: str) -> None:
    """Round 30, a new user: "Okay, I've stopped the check. What else would you like to
    know?" to someone who said she was going."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.session_ended, turn.speech


@pytest.mark.parametrize(
    "said", ["nah forget it", "shut it down", "enough already", "bail", "kill it"]
)
def test_leaving_the_check_in_slang_records_nothing(said: str) -> None:
    """Round 30, a new user: "nah forget it" was a no to the sleep question; the others got
    "I need an answer" (or, "kill it", the clots and strokes reply)."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.intent in ("AMAZON.StopIntent", "AMAZON.CancelIntent"), turn.intent
    assert "SLEEP" not in turn.session_attributes.get("answers", {}), turn.speech


@pytest.mark.parametrize(
    ("said", "for_other"),
    [
        ("can we do the check for my husband, he's the one with the bulging veins", True),
        ("oh go on then, check me", False),
    ],
)
def test_a_new_user_s_ways_to_ask_for_the_check_start_it(said: str, for_other: bool) -> None:
    """Round 30, a new user: the fallback, and "I'm not sure what you're agreeing to"."""
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == "SymptomCheckIntent", turn.intent
    question = C.questions["FREQUENT"].text
    assert turn.speech.endswith(question) != for_other, turn.speech
    assert turn.session_attributes["pending"] == "check"


def test_do_they_ever_burst_after_varicose_veins_gets_the_signs_that_need_911() -> None:
    """Round 43, a trucker, after the varicose veins answer: the fallback."""
    turn = play("open leg cramp helper", "what are varicose veins", "no", "do they ever burst")[-1]
    assert turn.intent == "ComplicationsIntent", turn.speech
    assert C.safety["warning_signs"] in turn.speech, turn.speech


def test_forget_it_i_am_tired_leaves_the_check_without_the_crisis_line() -> None:
    """Round 43, an 80-year-old steelworker, mid-check: "forget it. I'm tired" got the gentle
    988 line, and the question again."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", "forget it, I'm tired")[-1]
    assert "9 8 8" not in turn.speech and turn.session_attributes.get("pending") != "check"


def test_dead_tired_is_no_struggle() -> None:
    """Round 30, a new user: "I'm dead tired" got the gentle 988 line."""
    turn = play("open leg cramp helper", "i'm dead tired")[-1]
    assert C.safety["struggling"] not in turn.speech and "9 8 8" not in turn.speech


def test_a_new_user_s_turns_between_the_check_s_questions() -> None:
    """Round 30, new users: "you're welcome, shall we go back to the check?" to a goodbye,
    "I need an answer" to a request for the website, and the fallback to a question about
    the number."""
    said = ("check my symptoms", "yes", "what are varicose veins")
    done = play("open leg cramp helper", *said, "okay, that's me done, thank you dear")[-1]
    assert done.session_ended, done.speech
    text = play("open leg cramp helper", "check my symptoms", "yes", "text me the site")[-1]
    assert text.speech.startswith(C.out_of_scope["booking"]), text.speech
    assert text.session_attributes["pending"] == "resume_check", text.speech
    local = play("open leg cramp helper", "how do i contact them", "is that a local number")[-1]
    assert local.intent == "ClinicPhoneIntent", local.intent


def test_now_can_we_do_mine_after_a_check_for_someone_else_starts_her_own() -> None:
    """Round 30, a new user: the fallback, after her husband's check."""
    said = ("check my symptoms for my husband", "most nights", "no", "no", "no")
    turn = play("open leg cramp helper", *said, "now can we do mine")[-1]
    assert turn.intent == "SymptomCheckIntent" and not turn.session_attributes.get("for_other")
    assert turn.speech.endswith(C.questions["FREQUENT"].text), turn.speech


def test_a_changed_answer_is_said_back_before_the_next_question() -> None:
    """Round 30, a new user: "Okay, I've changed that answer." never said to what."""
    said = ("check my symptoms", "no", "no", "change my first answer to yes")
    turn = play("open leg cramp helper", *said)[-1]
    assert C.questions["FREQUENT"].taken in turn.speech, turn.speech
    assert turn.speech.endswith(C.questions["WALKING"].text)


def test_what_should_we_do_with_no_result_says_when_to_see_a_specialist() -> None:
    """Round 30, a new user: "well what should we do about it then?" got only the offer of
    the check, and again at the offer."""
    turn = play("open leg cramp helper", "well what should we do about it then")[-1]
    assert C.topics["WhenToSeeSpecialistIntent"].speech in turn.speech, turn.speech
    assert turn.session_attributes["pending"] == "offer_check"


def test_a_yes_to_say_check_my_symptoms_starts_the_check() -> None:
    """Round 30, a new user: after two turns not understood, "yes" to "Please say check my
    symptoms ..." got the same words again, four times."""
    said = ("my abuela she say something", "the thing with the thing", "yes")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.speech.endswith(C.questions["FREQUENT"].text), turn.speech


def test_open_on_saturday_after_the_booking_reply_is_about_hours() -> None:
    """Round 30, a new user: "they are open on saturday?" got "I can't book appointments"
    again (the day was taken for a booking's)."""
    turn = play("open leg cramp helper", "can you call them for me", "they are open on saturday?")
    assert turn[-1].speech.startswith(C.out_of_scope["logistics"]), turn[-1].speech


def test_what_did_i_say_for_the_first_question_tells_it_back() -> None:
    """Round 30, a new user: the answer was dropped without a word, and its question asked
    again."""
    said = ("check my symptoms", "every night", "wait, what did i say for the first question?")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.speech.startswith(C.questions["FREQUENT"].taken), turn.speech


def test_a_wife_who_nags_about_my_veins_leaves_the_check_mine() -> None:
    """Round 30, a new user: "my wife nags me to get my veins checked" was answered of
    "their cramping", and the check offered was for "them"."""
    turn = play("open leg cramp helper", "my wife nags me to get my veins checked", "yes")[-1]
    assert turn.speech.endswith(C.questions["FREQUENT"].text), turn.speech


def test_hmm_well_is_a_filler_not_a_miss() -> None:
    """Round 30, a new user: "hmm well" got the fallback, with 911."""
    turn = play("open leg cramp helper", "check my symptoms", "hmm well")[-1]
    assert turn.speech.endswith(C.questions["FREQUENT"].text) and "9 1 1" not in turn.speech


def test_a_question_about_the_walking_question_records_nothing() -> None:
    """Round 30, a new user: "do you mean claudication" was recorded as a walking yes, and
    the result was a specialist's."""
    said = ("check my symptoms", "no", "no", "do you mean claudication")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.intent == "AMAZON.HelpIntent"
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}


def test_no_sleep_is_unaffected_asked_how_often_answers_the_sleep_question() -> None:
    """Round 30, a new user: the no was recorded as not frequent, and sleep asked next."""
    turn = play("open leg cramp helper", "check my symptoms", "no, sleep is unaffected")[-1]
    assert turn.session_attributes["answers"] == {} and turn.session_attributes["noted"] == {
        "SLEEP": "no"
    }
    assert turn.speech.endswith(C.questions["FREQUENT"].text), turn.speech


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [
        ((), "often enough", {"FREQUENT": "yes"}),  # round 31: "enough", the session ended
        ((), "few times a week", {"FREQUENT": "yes"}),  # round 31: "I need an answer"
        ((), "most of the nights", {"FREQUENT": "yes"}),
        (("yes",), "he does wake up with them yeah", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("no", "no"), "i walk the dog every morning, no trouble", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no",
        }),
        (("no", "no", "no"), "i have the veins blue and big", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "yes",
        }),
        # spider veins are not varicose veins: not sure, never "you said you have them"
        (("no", "no", "no"), "only small ones, like the little red lines, spider ones", {
            "FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "unsure",
        }),
        ((), "i'd have to ask him, he doesn't tell me much", {"FREQUENT": "unsure"}),
    ],
)
def test_round_31_answers_in_the_check_are_recorded_as_meant(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    """Round 31, three new users: each was "I need an answer", the session's end, a yes for
    spider veins, or (the last) the fallback."""
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"] == answers, turn.speech


@pytest.mark.parametrize(
    "said",
    [
        "let's stop the quiz for a sec",  # round 31: "take care, goodbye", answers lost
        "momento, my son is calling me",  # round 31: "I need an answer"
    ],
)
def test_a_pause_in_the_check_asks_the_question_again_and_keeps_the_answers(said: str) -> None:
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.speech.endswith(C.questions["SLEEP"].text) and not turn.session_ended
    assert "9 1 1" not in turn.speech, turn.speech
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    "said", ["not now, i have to get dinner on", "stop the check please, i have to go to work"]
)
def test_leaving_the_check_with_a_reason_leaves_it(said: str) -> None:
    """Round 31, new users: "I need an answer to this question first", again and again."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.session_attributes.get("pending") != "check", turn.speech
    assert "need an answer" not in turn.speech, turn.speech


@pytest.mark.parametrize(
    "said", ["what's that now", "what's that you said", "say what", "what'd you say"]
)
def test_a_hard_of_hearing_what_s_that_says_the_answer_again(said: str) -> None:
    """Round 31, a new user hard of hearing: the next step, another topic, or the help."""
    first, again = play("open leg cramp helper", "why do my legs cramp at night", said)[-2:]
    assert again.speech == first.speech


def test_a_clot_that_may_come_back_is_not_covered_with_the_signs_for_911() -> None:
    """Round 31, a new user: "is a clot going to come back" fell back."""
    turn = play("ask leg cramp helper is a clot going to come back")[-1]
    assert C.out_of_scope["complication"] in turn.speech and "9 1 1" in turn.speech


def test_can_you_call_them_for_me_is_never_a_reminder() -> None:
    """Round 31, a new user: "can't you just call 'em for me" got Alexa's reminders
    permission question."""
    said = ("how do i contact the clinic", "can't you just call 'em for me")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.speech.startswith(C.out_of_scope["booking"]), turn.speech


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("ask leg cramp helper is normal that my legs cramp every night", "LegCrampsAtNightIntent"),
        ("ask leg cramp helper the varices, they make the cramps?", "CrampsAndVeinDiseaseIntent"),
    ],
)
def test_round_31_one_shots_get_their_answer(said: str, intent: str) -> None:
    """Round 31, a new user whose English is not her first language: "Ask me a question
    first", and the fallback."""
    turn = play(said)[-1]
    assert C.topics[intent].speech.split(".")[0] in turn.speech, turn.speech


def test_does_my_dad_have_vein_disease_is_no_diagnosis() -> None:
    """Round 31, a new user: the fallback."""
    turn = play("ask leg cramp helper does my dad have vein disease")[-1]
    assert C.out_of_scope["diagnosis"] in turn.speech, turn.speech


def test_these_are_about_my_dad_turns_the_check_to_him() -> None:
    """Round 31, a new user: "I need an answer", and the questions still said "your"."""
    said = ("check my symptoms", "oh sorry, these are about my dad, not me", "yes")
    turn = play("open leg cramp helper", *said)[-1]
    assert "their" in turn.speech and turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_what_did_i_say_for_the_first_question_without_a_wait() -> None:
    """Round 31, a new user: asked at the walking question, it was taken as "repeat"."""
    said = ("check my symptoms", "yes", "no", "what did i say for the first question")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.speech.startswith(C.questions["FREQUENT"].taken), turn.speech


@pytest.mark.parametrize("between", [(), ("what are varicose veins",)])
def test_where_were_we_after_leaving_a_check_for_dad_goes_on_with_his(
    between: tuple[str, ...],
) -> None:
    """Round 31, a new user: after "go home" (and a question), "where were we" began a new
    check about her, his answers lost."""
    said = ("check my symptoms for my dad", "yes", "no", "go home", *between, "where were we")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no"}
    assert "their cramping" in turn.speech, turn.speech


def test_his_walking_cramps_said_after_his_result_change_it() -> None:
    """Round 31, a new user: "actually he does cramp up when he walks and has to rest" got
    the walking answer, about "your" cramping, and the result stayed "if you are worried"."""
    said = ("check my symptoms for my dad", "no", "no", "no", "no")
    said += ("actually he does cramp up when he walks and has to rest",)
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_attributes["answers"]["WALKING"] == "yes", turn.speech
    assert turn.speech.startswith(C.prompt("result_changed")), turn.speech


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [
        # a sleep answer after a yes, asked about walking: the sleep answer (a walking yes)
        (("no", "no"), "yeah they wake me up, like 3am screaming lol", {
            "FREQUENT": "no", "SLEEP": "yes",
        }),
        (("yes",), "not really, i usually get back to sleep after i stretch it out", {
            "FREQUENT": "yes", "SLEEP": "no",
        }),  # "I need an answer"
    ],
)
def test_round_31_second_users_answers_are_recorded_as_meant(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    """Round 31, two more new users: a yes recorded for the walking question, and "I need an
    answer to this question first"."""
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes["answers"] == answers, turn.speech


@pytest.mark.parametrize(
    "said",
    [
        "nah actually stop the check",
        "actually, let's forget the check, take me back to the main menu",
    ],
)
def test_leaving_the_check_in_other_words_leaves_it(said: str) -> None:
    """Round 31: a no recorded to the first question, and the check started again."""
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.speech.startswith(C.prompt("check_left")), turn.speech
    assert "answers" not in turn.session_attributes or not turn.session_attributes["answers"]


def test_the_cramps_do_wake_me_up_after_the_result_changes_it() -> None:
    """Round 31, a new user: "come to think of it, the cramps do wake me up" got the night
    answer, and the result stayed."""
    said = ("check my symptoms", "no", "no", "no", "no")
    said += ("hmm, come to think of it, the cramps do wake me up",)
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_attributes["answers"]["SLEEP"] == "yes", turn.speech


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("is it cos im dehydrated", "CrampCausesIntent"),  # "not covered"
        ("whats venous insufficiency in normal words", "VenousInsufficiencyIntent"),
    ],
)
def test_round_31_questions_the_article_answers_get_its_answer(said: str, intent: str) -> None:
    """Round 31, a new user: "the article doesn't cover that", and "I can't diagnose you"."""
    turn = play("open leg cramp helper", said)[-1]
    assert C.topics[intent].speech.split(".")[0] in turn.speech, turn.speech


def test_i_m_not_following_in_the_check_gets_the_question_s_help() -> None:
    """Round 31, a new user: "I need an answer to this question first"."""
    said = ("check my symptoms", "yes", "i'm not following, what do you need from me?")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.speech.startswith(C.questions["SLEEP"].help), turn.speech


def test_at_my_wit_s_end_in_the_check_is_heard_kindly() -> None:
    """Round 31, a new user: the walking answer, and nothing kind."""
    said = "honestly i'm at my wit's end, i haven't slept a full night in months because of"
    turn = play("open leg cramp helper", "check my symptoms", f"{said} these cramps")[-1]
    assert C.safety["struggling"] in turn.speech and not turn.session_ended


def test_ok_cool_that_s_all_ends_the_session() -> None:
    """Round 31, a new user: the fallback, with 911."""
    turn = play("open leg cramp helper", "ok cool thats all")[-1]
    assert turn.session_ended and "9 1 1" not in turn.speech


def test_ropey_veins_said_after_a_result_are_never_a_walking_answer() -> None:
    """Round 31, found reading a transcript: "i've got a few ropey ones on my shins" after a
    result was taken as cramps when walking, and the result changed to the walking one."""
    said = ("check my symptoms", "yes", "yes", "i've got a few ropey ones on my shins")
    turn = play("open leg cramp helper", *said)[-1]
    assert "WALKING" not in turn.session_attributes.get("answers", {}), turn.speech


def test_a_side_question_about_spider_veins_in_the_check_is_answered() -> None:
    """Round 31, a new user: "are those spider veins tho" got "I need an answer"."""
    said = ("check my symptoms", "yes", "no", "are those spider veins tho")
    turn = play("open leg cramp helper", *said)[-1]
    assert "doesn't cover" in turn.speech and "need an answer" not in turn.speech, turn.speech
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no"}



def test_can_u_book_me_in_typed_is_a_booking() -> None:
    """Round 31, a new user typed "can u book me in for saturday": "the article doesn't cover
    insurance, costs, hours" (the "u" was no word the model knew)."""
    turn = play("open leg cramp helper", "can u book me in for saturday")[-1]
    assert turn.speech.startswith(C.out_of_scope["booking"]), turn.speech


def test_a_yes_and_varicose_veins_on_one_leg_are_two_answers() -> None:
    """Round 31, a new user: "yeah and i've got a couple varicose veins on my left leg", asked
    about sleep, got the varicose veins topic, and the yes was lost."""
    said = ("check my symptoms", "yes", "yeah and i've got a couple varicose veins on my left leg")
    turn = play("open leg cramp helper", *said)[-1]
    answers = turn.session_attributes["answers"]
    assert answers == {"FREQUENT": "yes", "SLEEP": "yes", "VARICOSE": "yes"}, turn.speech


@pytest.mark.parametrize(
    "said",
    [
        # Round 32, new users (a pregnant woman, a trucker): the fallback, with no kind word.
        "i'm so exhausted, between the toddler and the cramps i just can't do this anymore",
        "honestly i'm just so tired of all this, i don't even want to be pregnant anymore",
        "i'm beat. cramps every night, i can't take it no more",
        # Round 32, a man just off a long flight: the fallback, or "I need an answer".
        "honestly i'm really scared right now, my leg feels weird and i keep thinking the worst",
        "i can't deal with this anymore honestly, between work and this leg i'm losing it",
        # Round 33, a Spanish speaker: "You're welcome. Goodbye!", or the fallback.
        "nothing help me, every night calambre, i am very tired of this",
        # Round 33, a caregiver: the fallback.
        "i can't keep doing this, i'm up every night with him and i'm exhausted",
        # Round 34, a pregnant woman and a Georgia truck driver: the fallback.
        "i literally cant take it anymore they wake me up every night and im so tired",
        "I'm plumb wore out, can't take these cramps no more",
        # Round 34, a retired teacher caring for her mother: the fallback.
        "Honestly, between my mother and my own legs I'm exhausted, "
        "I can't take much more of this.",
        # Round 35, a night-shift aide: the crisis reply, and the session ended; an
        # 81-year-old and a runner: the fallback, or "not covered".
        "i'm so done with these cramps, i can't take it anymore",
        "im tired of all of it, the legs, the knees, being alone",
        "i am so fed up, these cramps are spoiling my training and nothing is working",
        # Round 40, a nail salon owner whose first language is Vietnamese: the fallback, or
        # the clots answer.
        "sometime I feel life no meaning, work so hard",
        "I give up everything",
        "my husband die last year, now I alone, cramp every night I cry",
        # ... and a landscaper: the crisis reply, and the session ended.
        "I'm so tired of these cramps, I can't take it no more",
        # Round 41, a track coach, a nursing assistant and an emergency-room nurse: "may not
        # be cause for concern" ("not anymore" read as never), the fallback, or what a cramp is.
        "honestly I'm so done, between the cramps and the season I just can't anymore",
        "I'm just tired of it all",
        "I can't keep doing this, these cramps every night, I'm done",
        "I'm worn slap out, can't take no more of this",
        "honestly after these shifts I don't see the point of any of it",
    ],
)
def test_worn_out_words_are_heard_kindly(said: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert C.safety["struggling"] in turn.speech and not turn.session_ended, turn.speech


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [
        # Round 32, new users (a widow, a pregnant woman, a trucker): the help, "I need an
        # answer to this question first", a topic, or (the second) a no recorded.
        ((), "i should say so, nearly every night", {"FREQUENT": "yes"}),
        ((), "not every night, maybe three or four times a week", {"FREQUENT": "yes"}),
        ((), "well last night it happened twice and the night before too", {"FREQUENT": "yes"}),
        (("yes",), "well i don't get a wink some nights", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (
            ("yes",),
            "my late husband used to rub them for me when they woke me",
            {"FREQUENT": "yes", "SLEEP": "yes"},
        ),
        (
            ("yes",),
            "i wake up in the bunk with my calf in a knot",
            {"FREQUENT": "yes", "SLEEP": "yes"},
        ),
        (
            ("no", "no"),
            "when i get out at the truck stop and walk a bit yeah, then it eases off",
            {"FREQUENT": "no", "SLEEP": "no", "WALKING": "yes"},
        ),
        (
            ("no", "no", "no"),
            "got one fat ropey vein sticking out on my right calf",
            {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "yes"},
        ),
        # Round 33, new users (a night nurse, a runner, a Spanish speaker) and the blind set
        # check_answers28, read after it was measured: "I need an answer to this question
        # first", a topic, or the wrong answer recorded.
        ((), "my dad doesn't get them that often", {"FREQUENT": "no"}),
        ((), "most shifts honestly", {"FREQUENT": "yes"}),
        (("no",), "my husband jumps out of bed hollering from them",
         {"FREQUENT": "no", "SLEEP": "yes"}),
        (("no",), "mostly i get them during the day", {"FREQUENT": "no", "SLEEP": "no"}),
        (("no",), "not bad enough to wake her up", {"FREQUENT": "no", "SLEEP": "no"}),
        (("no",), "i don't really know, she sleeps in another room",
         {"FREQUENT": "no", "SLEEP": "unsure"}),
        (("no", "no"), "uh huh, i have to sit on a bench and then it goes away",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "yes"}),
        (("no", "no"), "walking actually helps it",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}),
        # A yes to walking, though walking was said to be fine.
        (("no", "no"), "only when i run, walking's totally fine",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no"}),
        (("no", "no", "no"), "i do, my legs are full of them",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "yes"}),
        (("no", "no", "no"), "uh huh, ever since my pregnancy",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "yes"}),
        # Not sure was recorded: spider veins and nothing bulging are no varicose veins.
        (("no", "no", "no"), "just spider veins, nothing bulging",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "no"}),
        # A yes was recorded: spider veins are not varicose veins.
        (("no", "no", "no"), "got a couple spider looking ones on my shin",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "unsure"}),
        # Spanish: "sí" was the fallback, "no sé" (I don't know) a no.
        ((), "sí", {"FREQUENT": "yes"}),
        (("sí",), "sí, i wake up and walk in the room", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("no",), "no sé", {"FREQUENT": "no", "SLEEP": "unsure"}),
        # Round 34, a pregnant woman: a yes ("i wake up"), and the result said her cramps
        # disrupt her sleep.
        (("yes",), "i wouldnt say they wake me up, i wake up to pee anyway",
         {"FREQUENT": "yes", "SLEEP": "no"}),
        # Round 34, a Georgia truck driver: "I need an answer to this question first".
        ((), "yessir", {"FREQUENT": "yes"}),
        ((), "naw sir", {"FREQUENT": "no"}),
        (("yes",), "I reckon", {"FREQUENT": "yes", "SLEEP": "yes"}),
        # Round 33, a Spanish speaker (left undone then): "he" is the cramp, and the check
        # turned to another person.
        ((), "every night, he wake me up", {"FREQUENT": "yes", "SLEEP": "yes"}),
        # Round 34, a pregnant woman: "I need an answer to this question first".
        ((), "i mean they come and go? like some weeks are bad", {"FREQUENT": "unsure"}),
        # Round 34, a forklift driver who texts, and a retired teacher: "I need an answer to
        # this question first", the night question's answer, or the question again.
        ((), "like 3x a week", {"FREQUENT": "yes"}),
        ((), "every damn night", {"FREQUENT": "yes"}),
        (("yes",), "prob", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("yes",), "Yes, they certainly do, I'm up pacing the bedroom at two in the morning.",
         {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("yes",), "Oh yes, terribly, they wake me up.", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("yes",), "Sorry, I'm back. Yes, they wake me up.", {"FREQUENT": "yes", "SLEEP": "yes"}),
        # A question about a word of another question: not sure was recorded.
        (("yes", "no"), "dunno what varicose is", {"FREQUENT": "yes", "SLEEP": "no"}),
        (("yes", "no"), "its more when i'm lying down not walking",
         {"FREQUENT": "yes", "SLEEP": "no", "WALKING": "no"}),
        # Round 35, an 81-year-old: "I need an answer to this question first".
        ((), "used to, not so much anymore", {"FREQUENT": "no"}),
        ((), "only in the winter time", {"FREQUENT": "unsure"}),
        (("yes",), "well my late wife dotty always said i slept like the dead, but lately the "
         "cramp gets me up at three in the morning", {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("no", "no"), "i cant walk far on account of my knees, bone on bone the doc says, so "
         "i couldnt tell ya", {"FREQUENT": "no", "SLEEP": "no", "WALKING": "unsure"}),
        # Round 35, a night-shift aide and a runner: the same, or the night topic.
        (("no", "no"), "i'm on my feet twelve hours so who knows",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "unsure"}),
        (("no", "no"), "when i'm running around the floor all night yeah, then i sit down on "
         "break and they let up", {"FREQUENT": "no", "SLEEP": "no", "WALKING": "yes"}),
        ((), "twice thrice in a month", {"FREQUENT": "no"}),
        (("yes",), "sometimes at night they are waking me up", {"FREQUENT": "yes", "SLEEP": "yes"}),
        # Round 35, a teenage footballer: the same.
        ((), "barely", {"FREQUENT": "no"}),
        ((), "only during games tbh", {"FREQUENT": "unsure"}),
        # Round 36, a housekeeper whose first language is Spanish, a retired teacher and a
        # daughter answering for her father: "I need an answer to this question first", or
        # (the hedged no) not sure, or (yes and no) a yes.
        ((), "not too much", {"FREQUENT": "no"}),
        ((), "mucho, mucho", {"FREQUENT": "yes"}),
        (("yes",), "he doesn't remember", {"FREQUENT": "yes", "SLEEP": "unsure"}),
        (("yes",), "I suppose I would say yes and no", {"FREQUENT": "yes", "SLEEP": "unsure"}),
        (("yes", "no"), "she has never mentioned it with walking, so I would say no",
         {"FREQUENT": "yes", "SLEEP": "no", "WALKING": "no"}),
        (("yes", "no"), "I'd have to watch him walk, I really couldn't tell you",
         {"FREQUENT": "yes", "SLEEP": "no", "WALKING": "unsure"}),
        # ... and the closing note's transcript: "I need an answer to this question first".
        (("no", "yes"), "i can walk all day no problem",
         {"FREQUENT": "no", "SLEEP": "yes", "WALKING": "no"}),
        # Round 37, a night nurse, of her mother: "I need an answer to this question first",
        # and the result rested on the "no".
        (("no", "no"), "actually I do get them a lot, I forgot",
         {"FREQUENT": "yes", "SLEEP": "no"}),
        # Round 41, a trucker, a nursing assistant and an emergency-room nurse: "I need an
        # answer to this question first", the walking answer, or a yes her back had earned.
        ((), "I mean... kinda", {"FREQUENT": "unsure"}),
        (("no",), "they wake me up, I'm up walking the hall at two in the morning",
         {"FREQUENT": "no", "SLEEP": "yes"}),
        (("no",), "I mean I toss and turn but that's my back, not the cramps",
         {"FREQUENT": "no", "SLEEP": "no"}),
        ((), "positive", {"FREQUENT": "yes"}),
        # Round 42, a triathlete, a line cook and a retired teacher: "I need an answer to this
        # question first", or not sure for a sleepless yes.
        ((), "every few nights or so", {"FREQUENT": "yes"}),
        ((), "uh, I guess, sort of", {"FREQUENT": "unsure"}),
        (("yes",), "scratch that, they don't actually wake me, I just notice them the next day",
         {"FREQUENT": "yes", "SLEEP": "no"}),
        (("no", "no", "no"), "I've got one big ropey one on my left calf",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "yes"}),
        (("yes",), "I'm so worn out, I haven't had a proper night's sleep in weeks",
         {"FREQUENT": "yes", "SLEEP": "yes"}),
    ],
)
def test_new_users_answers_in_their_own_words(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *before, said)[-1]
    assert turn.session_attributes.get("answers") == answers, turn.speech


def test_yes_let_s_carry_on_after_a_side_question_records_nothing() -> None:
    """Round 32, a new user: after "Now, back to the check", it was a yes to the sleep
    question, and the result rested on an answer she never gave."""
    said = ("check my symptoms", "yes", "what causes leg cramps", "yes", "yes, let's carry on")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}, turn.speech
    assert turn.speech.endswith(C.questions["SLEEP"].text)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        # Round 32, new users: the fallback, though the article lists the cause.
        ("is it the sitting that does it", "CrampCausesIntent"),
        ("is this from sitting in the rig", "CrampCausesIntent"),
        ("is it the potassium dear? the doctor mentioned my potassium", "CrampCausesIntent"),
        ("if not drinking water on the road gives me cramps", "CrampCausesIntent"),
        ("roger that", "AMAZON.YesIntent"),  # after the welcome: no offer to say yes to
        ("are you a proper doctor, dear?", "AboutSkillIntent"),
        ("quit asking me questions", "AMAZON.NavigateHomeIntent"),  # the check went on
        ("okay well can i talk to a real person", "ContactClinicIntent"),  # "I'm a skill"
        ("my ankles are always a bit puffy by teatime, is that to do with my veins?",
         "OtherConditionsIntent"),  # the fallback
        # Round 33, new users (a night nurse, a runner, a Spanish speaker): the fallback, "the
        # article doesn't cover other conditions", or another topic.
        ("my calves knot up after a twelve hour shift, why", "CrampCausesIntent"),
        ("why do my legs cramp after a long shift", "CrampCausesIntent"),
        ("so is it the veins or not", "CrampsAndVeinDiseaseIntent"),
        ("is this just from running or is it my veins", "CrampsAndVeinDiseaseIntent"),
        ("should i worry about a dvt after a long flight", "ComplicationsIntent"),
        ("what are the signs of a pe", "ComplicationsIntent"),
        ("i had a dvt in 2015 and now i get cramps at night, is that related",
         "ComplicationsIntent"),
        ("can a fit 29 year old even have vein disease", "RiskFactorsIntent"),
        ("whether i need a vein doc", "WhenToSeeSpecialistIntent"),
        ("what do they even do there tho", "VeinDiagnosisIntent"),
        ("how the doctor see if i have bad veins", "VeinDiagnosisIntent"),
        ("my calves are toast every night after leg day", "LegCrampsAtNightIntent"),
        ("what is insuficiencia venosa", "VenousInsufficiencyIntent"),
        ("otra vez please", "AMAZON.RepeatIntent"),
        # Round 33, a caregiver, a Spanish speaker and a hairdresser: the fallback, the
        # check's question again, or the clinic's hours.
        ("my dad's ankles swell up every evening, is that bad", "OtherConditionsIntent"),
        ("my ankle is fat in the night, is bad?", "OtherConditionsIntent"),
        ("how long does the check take", "SymptomCheckIntent"),
        ("give us their details there, the vein crowd", "ContactClinicIntent"),  # tell me more
        ("could this be his heart? he's got diabetes too", "OtherConditionsIntent"),
        ("his feet go purple-ish when he's been sitting", "OtherConditionsIntent"),
        ("my dad has a sore on his ankle that won't heal", "OtherConditionsIntent"),
        ("my dad's veins are bulging like crazy, should i panic", "VaricoseVeinsIntent"),
        # Round 34, a Georgia truck driver and a pregnant woman: the fallback, a treatment,
        # a remedy or the help.
        ("what's y'all's phone number", "ClinicPhoneIntent"),
        ("does my sugar make my legs cramp", "OtherConditionsIntent"),
        ("y'all have a good one", "AMAZON.StopIntent"),
        ("check for my girlfriend", "SymptomCheckIntent"),
        ("what counts as a brief rest", "AMAZON.HelpIntent"),
        ("the baby hasnt been moving as much today and my legs hurt", "PregnancyIntent"),
        ("my calf cramps wake me up at night and then my calf stays sore all day is that a clot??",
         "ComplicationsIntent"),  # 911, and the session ended
        ("should i be sleeping on my left side for the veins or does that not matter",
         "RemediesIntent"),
        ("just tell me what to do about these cramps", "RemediesIntent"),  # what a cramp is
        ("my feet been burnin' and tinglin' too, is that my veins", "OtherConditionsIntent"),
        # Round 34, a retired teacher and a forklift driver who texts: 911 (blue veins), the
        # fallback, "not covered", or (alone) "That's okay".
        ("why do they turn blue like that", "VaricoseVeinsIntent"),
        ("r u a doctor", "AboutSkillIntent"),
        ("wut r varicose veins", "VaricoseVeinsIntent"),
        ("y do my legs cramp at nite", "LegCrampsAtNightIntent"),
        ("i cant sleep cuz my legs cramp", "LegCrampsAtNightIntent"),
        ("what can i do tonight", "RemediesIntent"),
        ("ankles puff up end of shift", "OtherConditionsIntent"),
        ("is it cuz im on my feet all day", "CrampCausesIntent"),
        ("potassium", "CrampCausesIntent"),
        ("u got a number", "ClinicPhoneIntent"),
        # Round 35, an 81-year-old, a night-shift aide, a runner and a teenage footballer:
        # each fell back, or got another topic.
        ("well wait, what causes the charley horse anyhow", "CrampCausesIntent"),
        ("i take a water pill for my blood pressure, could that do it", "CrampCausesIntent"),
        ("i never drink water on shift could that be it", "CrampCausesIntent"),
        ("is it the veins or is it just old age", "CrampsAndVeinDiseaseIntent"),
        ("are my cramps from my veins or just from working nights", "CrampsAndVeinDiseaseIntent"),
        ("i take a blood thinner, the eliquis, is that a problem", "RemediesIntent"),
        ("what about a standing mat at work", "RemediesIntent"),
        ("is magnesium worth trying", "RemediesIntent"),
        ("can i just play through it", "RemediesIntent"),
        ("do compression sleeves help", "TreatmentsIntent"),
        ("my feet are always cold and kind of purple, is that the veins", "OtherConditionsIntent"),
        ("is a charley horse the same as a blood clot", "ComplicationsIntent"),
        ("my mother in law has bulging veins and swollen ankles after the flight",
         "ComplicationsIntent"),
        ("my mother in law is having varicose veins, is it dangerous", "VaricoseVeinsIntent"),
        ("what about my mother in law, she has bulging veins on her legs", "VaricoseVeinsIntent"),
        ("can long flight cause varicose veins", "RiskFactorsIntent"),
        ("kindly book an appointment for my mother in law on monday", "BookForMeIntent"),
        ("i am having cramps since two days, kindly check my symptoms", "SymptomCheckIntent"),
        ("yo my calves lowkey cramp up every game second half", "CrampsWhenWalkingIntent"),
        ("alright dear, thats plenty, im gonna go lay down", "AMAZON.StopIntent"),
        # Round 36, a housekeeper whose first language is Spanish, a retired teacher and a
        # daughter caring for her father: each fell back, or got another topic (the check
        # started for "I go now", the ultrasound for "what does your check measure").
        ("bueno, adios", "AMAZON.StopIntent"),
        ("nada más", "AMAZON.StopIntent"),
        ("okay I gotta go, the kids are fighting", "AMAZON.StopIntent"),
        ("um never mind I'll come back later", "AMAZON.StopIntent"),
        ("very good, I shall let you go now", "AMAZON.StopIntent"),
        ("splendid, thank you, that is everything", "AMAZON.StopIntent"),
        ("I go now, I'm late for work", "AMAZON.StopIntent"),
        ("alright I'm out", "AMAZON.StopIntent"),
        ("cool, that's it for now", "AMAZON.StopIntent"),
        ("alright, I'm heading to bed", "AMAZON.StopIntent"),
        ("I'm so exhausted I keep crying", "StrugglingIntent"),
        ("does this apply in pregnancy", "PregnancyIntent"),
        ("is it dangerous to have a cramp while pregnant", "PregnancyIntent"),
        ("what's your source", "AboutSkillIntent"),
        ("call my husband", "BookForMeIntent"),
        ("tell my husband to call the clinic", "BookForMeIntent"),
        ("is it cause I sit all day on the bus", "CrampCausesIntent"),
        ("ok thank you mija", "ThanksIntent"),
        ("where are they, is it near towson", "ClinicLogisticsIntent"),
        ("what about my insurance, I have blue cross through work", "ClinicLogisticsIntent"),
        ("can I be in the room with him, he has dementia", "ClinicLogisticsIntent"),
        ("how might I get in touch with the vein center, and do they have a telephone number I "
         "could ring?", "ContactClinicIntent"),
        ("what are leg cramps, physiologically speaking?", "WhatAreLegCrampsIntent"),
        ("and diabetes?", "OtherConditionsIntent"),
        ("my ankles is swollen when I finish my work, is normal?", "OtherConditionsIntent"),
        ("is intermittent claudication the same thing as what your check asks about with "
         "walking?", "CrampsWhenWalkingIntent"),
        ("why his legs cramp when he drive long time", "CrampCausesIntent"),
        ("why the veins in my legs is big and blue", "VaricoseVeinsIntent"),
        ("who wrote the article, and when was it last reviewed?", "AboutSkillIntent"),
        ("aight stop", "AMAZON.StopIntent"),
        # Round 37, a college footballer, a night nurse and a retired steelworker: each fell
        # back, or got "I can't diagnose you", "the article doesn't cover that", "you're
        # welcome, goodbye" (worn out), or a goodbye ("no S O B").
        ("aight that's it chief", "AMAZON.StopIntent"),
        ("lmao ok peace", "AMAZON.StopIntent"),
        ("k im out", "AMAZON.StopIntent"),
        ("bye felicia", "AMAZON.StopIntent"),
        ("thx, I'll look em up", "ThanksIntent"),
        ("how do I hit up the vein center", "ContactClinicIntent"),
        ("I'm just plain wore out, these cramps every night, nothing helps", "StrugglingIntent"),
        ("no chest pain no S O B, just charley horses at night", "LegCrampsAtNightIntent"),
        # ... and questions the article does not answer: the fallback, or (ablations) the
        # ultrasound, where the honest "not covered" answer fits.
        ("hours?", "ClinicLogisticsIntent"),
        ("do they do ablations", "TreatmentsIntent"),
        ("can potassium fix it", "RemediesIntent"),
        ("the veins on my ankles got all dark brown and leathery looking", "OtherConditionsIntent"),
        ("does my calf tattoo have anything to do with the cramps", "CrampCausesIntent"),
        ("is creatine giving me cramps", "CrampCausesIntent"),
        ("I smoke about a pack a day, does that cause leg cramps", "CrampCausesIntent"),
        ("speak up will ya", "AMAZON.RepeatIntent"),  # a yes ("ya")
        ("ok ttyl", "AMAZON.StopIntent"),
        ("gtg", "AMAZON.StopIntent"),
        ("alright honey, that's all I needed, you have a blessed day", "AMAZON.StopIntent"),
        # Two requests at once: the first (round 34: the fallback, neither done).
        ("check my symptoms and also do electrolytes matter", "SymptomCheckIntent"),
        ("what are varicose veins and then check my symptoms", "VaricoseVeinsIntent"),
    ],
)
def test_new_users_words_reach_their_intent(said: str, intent: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == intent, (turn.intent, turn.speech)


def test_are_you_sure_with_a_remark_after_a_result_explains_it() -> None:
    """Round 33, a hairdresser (left undone then): "are you sure now, I'd hate to be wasting
    their time" was taken as "later", and the result dropped."""
    said = ("check my symptoms", "no", "no", "no", "no")
    doubt = "are you sure now, i'd hate to be wasting their time"
    turn = play("open leg cramp helper", *said, doubt)[-1]
    assert turn.intent == "WhyIntent" and turn.session_attributes.get("answers"), turn.speech


def test_no_time_for_this_leaves_the_check_and_keeps_the_session() -> None:
    """Round 34, a Georgia truck driver: "I need an answer to this question first"."""
    turn = play("open leg cramp helper", "check my symptoms", "I ain't got time for this")[-1]
    assert turn.intent == "LaterIntent" and not turn.session_ended, turn.speech
    assert C.questions["FREQUENT"].text not in turn.speech, turn.speech


def test_i_meant_my_mother_turns_the_check_to_her_and_records_nothing() -> None:
    """Round 34, a retired teacher: a no to the sleep question was recorded for her, and
    the check went on about her, with her mother's answers to come."""
    said = "No, sorry, I meant my mother. It's my mother who gets the night cramps."
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert "SLEEP" not in turn.session_attributes.get("answers", {}), turn.speech
    # round 44: whose the answer given was is asked first
    assert turn.speech.endswith(C.prompt("whose_answers")), turn.speech


def test_thank_you_let_s_go_on_keeps_the_session() -> None:
    """Round 34, a retired teacher: "You're welcome. Take care. Goodbye!", and it ended."""
    said = ("what are varicose veins", "Thank you, dear. Let's go on.")
    turn = play("open leg cramp helper", *said)[-1]
    assert not turn.session_ended and "Goodbye" not in turn.speech, turn.speech


def test_wondering_what_the_point_of_any_of_it_is_gets_the_crisis_line() -> None:
    """Round 34, a retired teacher caring for her mother: the fallback, and no 988."""
    said = "Some days I wonder what the point of any of it is, with my mother the way she is."
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == "CrisisIntent" and "9 8 8" in turn.speech, turn.speech


def test_not_now_i_m_driving_declines_without_the_emergency_line() -> None:
    """Round 32, a trucker: the fallback, with "If this is an emergency, call 9 1 1"."""
    said = ("why do my legs cramp at night", "not now, i'm driving")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.intent == "LaterIntent" and "9 1 1" not in turn.speech, turn.speech


def test_sitting_is_said_to_be_no_cause_the_article_lists() -> None:
    """Round 32, a trucker's main question ("is it the sitting?"): the fallback, or the risk
    factors' "not covered"; the article lists its causes, and sitting is not among them."""
    turn = play("open leg cramp helper", "is it the sitting that does it")[-1]
    assert "doesn't list that" in turn.speech and "dehydration" in turn.speech, turn.speech


@pytest.mark.parametrize(
    ("said", "answers"),
    [
        # Round 32, new users: when to see a specialist (the no lost); only the sleep answer
        # noted, and how often asked again.
        ("no, not really, only when i'm really tired", {"FREQUENT": "no"}),
        (
            "oh yes, they wake me up and then i can't get back off to sleep",
            {"FREQUENT": "yes", "SLEEP": "yes"},
        ),
    ],
)
def test_round_32_a_yes_or_no_said_first_is_kept(said: str, answers: dict[str, str]) -> None:
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes.get("answers") == answers, turn.speech


def test_let_s_stop_this_for_now_leaves_the_check_not_the_skill() -> None:
    """Round 32, a new user: "Take care. Goodbye!", and the answers were gone."""
    said = "ugh actually let's stop this for now, i need to get my son his snack"
    left = play("open leg cramp helper", "check my symptoms", "yes", said, "where were we")
    assert not left[-2].session_ended and left[-2].speech.startswith(C.prompt("check_left"))
    assert left[-1].speech.endswith(C.questions["SLEEP"].text), left[-1].speech


@pytest.mark.parametrize(
    ("before", "said", "answers"),
    [
        # Round 32, a daughter for her mother, and a man just off a long flight: the repeat,
        # "I need an answer", or (the walking one) the yes he did not give.
        (("check my mom's symptoms", "yes"), "they definitely wake her up, i hear her yelling",
         {"FREQUENT": "yes", "SLEEP": "yes"}),
        (("check my symptoms",), "every single day", {"FREQUENT": "yes"}),
        (("check my symptoms",), "it's been constant", {"FREQUENT": "yes"}),
        (
            ("check my symptoms", "no", "no"),
            "it's worse when i walk but rest doesn't really fix it",  # not the article's sign
            {"FREQUENT": "no", "SLEEP": "no", "WALKING": "unsure"},
        ),
    ],
)
def test_round_32_more_answers_in_people_s_own_words(
    before: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_attributes.get("answers") == answers, turn.speech


def test_a_symptom_new_since_a_flight_told_in_the_check_hears_the_signs_that_need_911() -> None:
    """Round 32, a man just off a long flight: "no, it's new, just since my flight" was a no,
    and the check went on to "may not be cause for concern"."""
    said = "no, it's new, just since my flight"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert C.safety["warning_signs"] in turn.speech, turn.speech
    assert turn.session_attributes["answers"] == {}


def test_the_old_ulcer_opening_up_is_no_night_cramp_question() -> None:
    """Round 32, a daughter for her diabetic mother: the night cramps' causes."""
    said = "the old ulcer on her foot opened up again and it's oozing and smells"
    turn = play("open leg cramp helper", said)[-1]
    assert turn.speech.startswith(C.out_of_scope["condition"]), turn.speech
    assert C.safety["red_flag"] in turn.speech


def test_he_says_they_re_constant_is_a_yes_for_a_father() -> None:
    """Round 33, a night nurse: recorded as not sure."""
    said = ("check my symptoms for my dad", "he says they're constant")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}, turn.speech


def test_no_se_at_the_menu_keeps_the_session() -> None:
    """Round 33, a Spanish speaker: "no sé" (I don't know) ended the session with goodbye."""
    turn = play("open leg cramp helper", "no sé")[-1]
    assert not turn.session_ended and turn.intent == "NotSureIntent", turn.speech


@pytest.mark.parametrize(
    ("before", "said"),
    [
        # Round 33, a runner: a yes to the reminder offer, and the question lost.
        (("what's the clinic's number",), "yeah but what about magnesium first"),
        # Round 33, a runner: a no to the sleep question, recorded.
        (("check my symptoms", "yes"), "nah forget it, how do i hydrate better"),
    ],
)
def test_a_yes_or_no_that_turns_to_a_question_is_no_answer(
    before: tuple[str, ...], said: str
) -> None:
    start = play("open leg cramp helper", *before)[-1]
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.intent not in ("AMAZON.YesIntent", "AMAZON.NoIntent"), turn.intent
    assert turn.session_attributes.get("answers") == start.session_attributes.get("answers")
    assert "remind" not in turn.speech.lower(), turn.speech


@pytest.mark.parametrize(
    ("answered", "said", "answers"),
    [
        # Round 33, a runner: "Okay, I've stopped the check."
        (("no", "no", "no"), "nope no varicose veins, my legs look normal",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "no"}),
        # Round 33, a Spanish speaker: the varicose veins' topic again, and the same offer.
        (("no", "no", "no"), "i have the veins big and twisted, like worms",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "no", "VARICOSE": "yes"}),
    ],
)
def test_an_answer_to_shall_we_go_back_is_the_answer(
    answered: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    before = ("check my symptoms", *answered, "what is a varicose vein")
    waiting = play("open leg cramp helper", *before)[-1]
    assert waiting.session_attributes["pending"] == "resume_check", waiting.speech
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_attributes.get("answers") == answers, turn.speech


def test_not_now_with_a_reason_leaves_the_check() -> None:
    """Round 33, a night nurse: "not now, charge nurse needs me" was the fallback, and after
    two misses the same prompt came a third time."""
    said = ("check my symptoms", "no", "not now, charge nurse needs me")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.intent == "LaterIntent" and C.prompt("check_left") in turn.speech, turn.speech
    assert "answers" not in turn.session_attributes and not turn.session_ended


def test_the_check_for_a_running_buddy_is_about_him() -> None:
    """Round 33, a runner: the check asked about the user, and his buddy's answers were lost."""
    said = "can we do the check for my running buddy, he cramps way worse than me"
    turn = play("open leg cramp helper", said)[-1]
    assert turn.speech.endswith(about_them(C.questions["FREQUENT"].text)), turn.speech


def test_an_answer_to_a_question_never_asked_is_told_back_not_changed() -> None:
    """Round 33, a night nurse: after a result that needed no walking question, "they ease
    off when I sit" got "Okay, changed." for an answer she had never given."""
    said = "i'm on my feet twelve hours, they ease off when i sit"
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", said)[-1]
    # Round 47: on one's feet is not walking, so nothing is taken as walking either
    assert "WALKING" not in turn.session_attributes.get("answers", {})
    assert turn.session_attributes["settled"][:2] == ["see_specialist", "FREQUENT_SLEEP"]
    assert C.prompt("result_changed") not in turn.speech


@pytest.mark.parametrize(
    ("answered", "said", "answers"),
    [
        # Round 33, a caregiver: "wait a bit" was a "wait" taking the yes back (not sure).
        (("no", "no"), "yes, after he walks to the mailbox he has to stand and wait a bit",
         {"FREQUENT": "no", "SLEEP": "no", "WALKING": "yes"}),
        # Round 33, a caregiver: "I need an answer", and the sleep answer stayed no.
        (("no", "no"), "hmm actually no wait, he does get woken up sometimes",
         {"FREQUENT": "no", "SLEEP": "yes"}),
    ],
)
def test_round_33_a_father_s_answers(
    answered: tuple[str, ...], said: str, answers: dict[str, str]
) -> None:
    turn = play("open leg cramp helper", "check my symptoms for my dad", *answered, said)[-1]
    assert turn.session_attributes.get("answers") == answers, turn.speech


@pytest.mark.parametrize(
    ("said", "told"),
    [
        # Round 33, a caregiver: "I need an answer to this question first".
        ("his ankles get puffy by evening, is that related?", "condition"),
        ("his foot's gone numb from sitting cross legged, is that a clot?", "complication"),
    ],
)
def test_a_side_question_in_a_father_s_check_is_answered(said: str, told: str) -> None:
    turn = play("open leg cramp helper", "check my symptoms for my dad", "no", said)[-1]
    assert turn.speech.startswith(C.out_of_scope[told]), turn.speech
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}


@pytest.mark.parametrize(
    ("before", "said"),
    [
        # Round 33, a hairdresser: after a miss, a yes recorded to the sleep question.
        (("check my symptoms", "yes", "does standing all day count"), "yes go on back to it"),
    ],
)
def test_going_back_to_the_check_records_nothing(before: tuple[str, ...], said: str) -> None:
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}, turn.speech
    assert turn.speech.endswith(C.questions["SLEEP"].text), turn.speech


def test_what_do_i_actually_do_now_in_the_check_never_hangs_up() -> None:
    """Round 33, a hairdresser: "Take care. Goodbye!", mid-check."""
    said = ("check my symptoms", "yes", "ok so what do i actually do now then")
    turn = play("open leg cramp helper", *said)[-1]
    assert not turn.session_ended and turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_let_s_stop_this_he_s_calling_me_leaves_the_check() -> None:
    """Round 33, a caregiver: the question again."""
    said = ("check my symptoms for my dad", "no", "let's stop this for now, he's calling me")
    turn = play("open leg cramp helper", *said)[-1]
    assert C.prompt("check_left") in turn.speech and not turn.session_ended, turn.speech


def test_what_should_i_do_then_love_after_a_result_is_the_next_step() -> None:
    """Round 33, a hairdresser: the fallback ("love" said to the listener)."""
    said = ("check my symptoms", "yes", "yes", "what should i do then love")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.intent == "NextStepIntent", (turn.intent, turn.speech)


@pytest.mark.parametrize(
    "said", ["what counts as a brief rest", "what do you mean by brief rest",
             "what is meant by brief rest exactly"],
)
def test_what_a_brief_rest_is_asked_at_the_walking_question_records_nothing(said: str) -> None:
    """Round 35, a night-shift aide, an 81-year-old and a runner: the help repeated the words
    "resolves after a brief rest", or (round 34's samples) a yes was recorded for walking."""
    before = ("check my symptoms", "no", "no")
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    assert "rest for a brief while" in turn.speech, turn.speech


def test_a_sudden_swelling_said_with_a_yes_gets_911_not_a_result() -> None:
    """Round 35, an 81-year-old: the yes was recorded and the result given; the swelling
    went unheard."""
    said = "yes and my ankle blew up like a grapefruit yesterday, cant get my shoe on"
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.intent == "EmergencyIntent" and "9 1 1" in turn.speech, turn.speech


def test_a_check_for_one_of_her_residents_is_about_them() -> None:
    """Round 35, a night-shift aide: the questions stayed "your cramps"."""
    for said in ("i need to check one of my residents' legs",
                 "run the check for one of my residents"):
        turn = play("open leg cramp helper", said)[-1]
        assert "their" in turn.speech or "they" in turn.speech.lower(), turn.speech


@pytest.mark.parametrize(
    "said", ["hold your horses, somebody at the door", "hang on a call light just went off",
             "ok im back, what was it you asked"],
)
def test_a_pause_in_the_check_asks_the_question_again(said: str) -> None:
    """Round 35, an 81-year-old and a night-shift aide: "I need an answer to this question
    first", and the 911 line."""
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.speech.endswith(C.questions["FREQUENT"].text) and "9 1 1" not in turn.speech


@pytest.mark.parametrize(
    "said", ["yes he has those bulgy veins", "yes she is having many bulging veins"],
)
def test_a_yes_that_tells_of_veins_is_no_yes_to_walking(said: str) -> None:
    """Round 36, a daughter answering for her father (and round 35, a runner for his mother
    in law): the yes was recorded for walking, and the result rested on it."""
    before = ("check my symptoms", "yes", "no")
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no"}
    assert turn.speech.endswith(C.prompt("resume_check")), turn.speech


def test_a_doubt_then_a_wait_records_nothing_and_asks_again() -> None:
    """Round 36, a daughter answering for her father: "I don't know, I'd have to ask him,
    hang on" was recorded as not sure, and his answer went to the next question."""
    said = "I don't know, I'd have to ask him, hang on"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert not turn.session_attributes.get("answers"), turn.session_attributes
    assert turn.speech.endswith(C.questions["FREQUENT"].text), turn.speech


def test_a_question_in_the_check_is_answered_then_the_check_goes_on() -> None:
    """Round 36, a Baltimore bus driver: "wait what causes this stuff anyway" got "I need
    an answer to this question first"."""
    said = ("check my symptoms", "yes", "wait what causes this stuff anyway")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.intent == "CrampCausesIntent", (turn.intent, turn.speech)
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


def test_changing_the_answer_to_the_question_asked_answers_it() -> None:
    """Round 36, a retired teacher, asked the second question: "change my second answer to
    yes" got "You haven't given that answer yet", and nothing was recorded."""
    said = ("check my symptoms", "yes", "change my second answer to yes")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "yes"}
    assert C.prompt("no_such_answer") not in turn.speech


def test_what_was_that_with_a_reason_in_the_check_says_the_question_again() -> None:
    """Round 37, a retired steelworker who is hard of hearing: "uh, what was that? the TV was
    on" got "I need an answer to this question first"."""
    said = ("check my symptoms", "yes", "uh, what was that? the TV was on")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.intent == "AMAZON.RepeatIntent", (turn.intent, turn.speech)
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert C.prompt("check_fallback") not in turn.speech


@pytest.mark.parametrize(
    "said", ["can we do this for my wife instead", "can we do this for my wife Dottie instead"]
)
def test_can_we_do_this_for_my_wife_instead_turns_the_check_to_her(said: str) -> None:
    """Round 37, a retired steelworker at the second question: the check was left, or "I
    need an answer". As with "this is for my mom", the check goes on about her."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.session_attributes["for_other"] is True, turn.speech
    # round 44: whose the answer given was is asked first
    assert turn.speech.endswith(C.prompt("whose_answers")), turn.speech


@pytest.mark.parametrize(
    "said",
    [
        "check my symptoms for Manny", "can we check my hired man", "check for the hired hand",
        # round 38, a trucker: his wife ("my old lady"), the risk-factors answer; a widow:
        # "do you get frequent leg cramps?", her neighbor's answers taken as hers
        "my old lady gets cramps too, can we check her",
        "check my symptoms for my neighbor Edna",
    ],
)
def test_a_check_asked_for_someone_by_name_is_about_them(said: str) -> None:
    """Round 37, a retired cafeteria manager and a dairy farmer: "check my symptoms for
    Manny" asked "Do you get frequent leg cramps?", and her husband's answers were taken as
    hers; so did the check for the farm's hired hand, or it fell back."""
    turn = play("open leg cramp helper", said)[-1]
    assert turn.session_attributes["for_other"] is True, turn.speech
    assert turn.speech.endswith(about_them(C.questions["FREQUENT"].text)), turn.speech


def test_scratch_that_do_it_for_my_mom_is_a_check_for_her() -> None:
    """Round 37, a night nurse: taken as a change of answer, and the check went on about her."""
    turn = play("open leg cramp helper", "check my symptoms", "scratch that, do it for my mom")[-1]
    assert turn.speech.endswith("Do they get frequent leg cramps?"), turn.speech


@pytest.mark.parametrize(
    ("said", "recorded"),
    [  # Round 38, a restaurant owner whose first language is Korean: "I need an answer to
        # this question first", or (after "maybe") the check left; a trucker: the same.
        (("two time a week",), {"FREQUENT": "yes"}),
        (("hmm... maybe two time a week",), {"FREQUENT": "yes"}),
        (("many many time",), {"FREQUENT": "yes"}),
        (("yes", "not really, I sleep like a rock once I'm out"),
         {"FREQUENT": "yes", "SLEEP": "no"}),
        (("mas o menos",), {"FREQUENT": "unsure"}),  # a foreman: "just say yes or no"
        # a widow: the walking topic ("walk the floor": pacing at night)
        (("yes", "they wake me up and I walk the floor"), {"FREQUENT": "yes", "SLEEP": "yes"}),
    ],
)
def test_answers_in_plain_or_second_language_words_are_recorded(said, recorded) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *said)[-1]
    assert turn.session_attributes["answers"] == recorded, turn.speech


def test_leaving_the_check_for_the_phone_number_keeps_the_session() -> None:
    """Round 38, a chemistry teacher: "Take care. Goodbye!", and the session ended."""
    turn = play(
        "open leg cramp helper", "check my symptoms",
        "I'd rather not do this right now actually, I just wanted the phone number",
    )[-1]
    assert not turn.session_ended, turn.speech


def test_a_check_turned_to_a_relative_named_by_name_is_about_them() -> None:
    """Round 38, a widow at the second question: "actually this is for my sister Rosa, not
    me" got "I need an answer to this question first", and her sister's answers went into a
    result about her."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "yes",
        "actually this is for my sister Rosa, not me",
    )[-1]
    assert turn.session_attributes["for_other"] is True, turn.speech


@pytest.mark.parametrize(
    ("said", "recorded"),
    [  # Round 39, a night-shift guard: "every night he says" was not sure (near "he never
        # says"), and the sleep question was skipped; "some days" was "I need an answer".
        (("for my dad", "every night he says"), {"FREQUENT": "yes"}),
        (("some days",), {"FREQUENT": "no"}),
        (("yuh",), {"FREQUENT": "yes"}),  # a teenage footballer: the fallback
    ],
)
def test_answers_passed_on_or_said_in_few_words_are_recorded(said, recorded) -> None:
    turn = play("open leg cramp helper", "check my symptoms", *said)[-1]
    assert turn.session_attributes["answers"] == recorded, turn.speech


def test_remind_me_every_night_records_no_answer_of_how_often() -> None:
    """Round 39, a night-shift guard: "remind me every night at nine" recorded frequent
    cramps, and the check that followed said "You said your cramps are frequent"."""
    turn = play("open leg cramp helper", "remind me every night at nine")[-1]
    assert turn.intent != "CrampFrequencyIntent", turn.speech
    assert not turn.session_attributes.get("answers"), turn.session_attributes


def test_no_x_just_y_to_what_else_is_no_goodbye() -> None:
    """Round 39, a retired nurse: "no varicosities, just a few spider veins", to "What else
    would you like to know?", got "Take care. Goodbye!"."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "yes", "yes", "no",
        "no varicosities, just a few spider veins",
    )[-1]
    assert not turn.session_ended, turn.speech


def test_let_s_finish_this_another_day_leaves_the_check() -> None:
    """Round 39, a retired nurse: "I need an answer to this question first", again."""
    said = "I'm tired, let's finish this another day"
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert C.prompt("check_left") in turn.speech and not turn.session_ended, turn.speech


@pytest.mark.parametrize("said", ["nah, check me", "yeah check me"])
def test_check_me_after_a_yes_or_no_starts_the_check(said: str) -> None:
    """Round 39, a night-shift guard, to "Want to hear more?": "Okay. You can say check my
    symptoms at any time", or more of the answer."""
    turn = play("open leg cramp helper", "what is venous insufficiency", said)[-1]
    assert turn.speech.endswith("Do you get frequent leg cramps?"), turn.speech


def test_the_check_thing_for_my_mom_is_about_her() -> None:
    """Round 39, a teenage footballer: the check began about him."""
    turn = play("open leg cramp helper", "can we do the check thing for my mom")[-1]
    assert turn.speech.endswith("Do they get frequent leg cramps?"), turn.speech


@pytest.mark.parametrize(
    ("said", "intent"),
    [  # Round 39, new users (a retired nurse, a teenage footballer): each fell back, or got
        # another answer.
        ("what's the tea on varicose veins", "VaricoseVeinsIntent"),  # "doesn't cover that"
        ("my legs jump and twitch when I'm trying to fall asleep", "OtherConditionsIntent"),
        ("I'm exhausted from caring for him, nobody helps", "StrugglingIntent"),
        ("cramp woke me, calf hard as a rock. is that a clot", "ComplicationsIntent"),
    ],
)
def test_round_39_phrasings_reach_their_intent(said: str, intent: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == intent, (turn.intent, turn.speech)


@pytest.mark.parametrize(
    ("said", "told"),
    [  # Round 39, a retired nurse: "The clinic's article doesn't cover remedies, exercises,
        # supplements or medicines", though it lists certain medications and potassium.
        ("his cramps started right after they doubled his diuretic", "not which ones"),
        ("my husband takes a water pill and gets cramps, could that be the diuretic",
         "not which ones"),
        ("what about his potassium, should he eat bananas", "especially with potassium"),
    ],
)
def test_a_medicine_or_food_the_causes_name_gets_the_causes(said: str, told: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert told in turn.speech and "doesn't cover remedies" not in turn.speech, turn.speech


@pytest.mark.parametrize(
    "said",
    [  # Round 39, a retired accountant: "I need an answer to this question first", or "I
        # can't diagnose you".
        "I'm fed up, three years of cramps and nobody can fix them",
        "these cramps are wearing me down, but don't worry, I'm not going to do anything silly",
        # Round 42, a line cook and a retired teacher who lives alone: the fallback.
        "some days I feel like what's the point",
        "I can't take this no more, every night it's the cramps, I'm so done",
        # a mail carrier, checking the fixes: the crisis line, and the session ended
        "these cramps every night, I'm sick of it, I can't take it no more",
        "some days I wonder what's the use",  # a farmer: the help text
        # Round 43, a widowed steelworker and a trucker: the fallback.
        "the wife passed last year and I've got nobody to talk to",
        "these cramps are killing me, I could just die",
        "I'm so tired of these cramps, I'm about ready to quit",
        # Round 45, a delivery driver, a pregnant nurse and a retired farmer: the fallback,
        # "I can't diagnose you", a no recorded, or the crisis line and the session ended.
        "if something happens to ma i'm done, i got nobody",
        "what's the point, gonna lose the legs like my old man anyway",
        "im worn out, work, ma, these legs, no sleep",
        "ugh this is so annoying, nothing ever helps",
        "i'm so sick of these cramps, i can't take it anymore",
        "no use going to the doctor, they don't do nothing for an old man",
        "I give up on these legs",
        "I'm so tired of being pregnant, I just want it to be over",
        "Lord I'm tired",
        # the farmer, widowed: the welcome again ("I missed that"), the complications
        # warning, or the fallback
        "I miss my wife",
        "my wife passed two years ago",
        "it's lonesome in this house since my wife died",
        # checking the fixes, an anxious first-time mother: the fallback
        "I'm so tired I just cry all the time, I can't do this",
        "honestly what's the point, I'm gonna be a terrible mom anyway",
        "ugh nothing helps, I've tried everything",
        "I just feel like I'm failing at everything",
        "I'm exhausted and I keep crying and I don't know why",
        # checking the fixes, a hospice volunteer: the fallback, or "I can't diagnose you"
        "some days I wonder why I bother, watching them all go downhill",
        "I'm exhausted, I cry in the car between visits",
        "I'm just worn out, I sit with dying folks all week and then my own legs won't let me"
        " sleep",
        # Round 46, a retired teacher caring for her father, a gruff diabetic living alone,
        # a Spanish speaker: the check, the help menu, another answer, the fallback, or
        # "I need an answer"
        "this is hopeless",
        "what's the use",
        "shoot me now",
        "I'm so fed up, nothing the doctors do makes any difference",
        "I'm exhausted. Completely exhausted.",
        "I'm just so tired of all of it",
        "what's the point bro, doctors don't help, nothing help, I give up",
        # ... and, checking the fixes, a home health aide: a goodbye, or the fallback
        "I can't take this no more",
        "nobody cares about me",
        # Round 47, a desk worker, a sprinter and a divorced trucker: a cramp frequency
        # ("barely"), vein anatomy, the fallback, or "I need an answer"
        "honestly between grandma and the baby coming and these cramps I'm barely holding it"
        " together",
        "what's the point",
        "ugh this is so annoying, nothing I do fixes these stupid cramps",
        "ngl I'm so over these cramps, nothing I do helps and coach thinks I'm faking",
        "I'm lowkey losing it, coach said he'll pull me from the relay if I keep cramping",
        "ugh I hate my body so much rn, it literally never works right",
        "I've been pretty down since the divorce",
        "I've had some dark days since my divorce",
        "dang it, nothing ever helps with these things",
        "I'm just so dang tired of all of it",
        # ... and, checking the fixes, a widower, 66: the fallback, or the check
        "if the cramps don't kill me the loneliness will, ha",
        "I'm so damn tired of all of it",
        "I miss Dolores something awful, this house is too quiet",
        "honestly these cramps, I'm about ready to throw in the towel",
        # Round 48, new users (a new mother, a foreman, a retired nurse): the fallback, "I
        # need an answer", or (crying every day) a frequency recorded
        "honestly I can't do this, I can't do any of it, I'm failing her",
        "I cry every day",
        "I'm exhausted man, single dad, no sleep, nobody helps",
        "what's even the point",
        "I'm not suicidal or anything, just tired of these cramps",
        # ... and, checking the fixes, a mother five weeks after a C-section: a goodbye,
        # "That's okay", or the fallback
        "I'm so tired I could cry",
        "I haven't slept in weeks and I feel like I'm losing my mind",
        "I'm not okay",
    ],
)
def test_worn_out_in_other_words_gets_the_gentle_crisis_line(said: str) -> None:
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert C.safety["struggling"] in turn.speech and not turn.session_ended, turn.speech



def test_that_s_right_keep_it_keeps_the_answer_and_goes_on() -> None:
    """Round 40, a daughter for her father, to a question asked again after "what did I say
    for the first one?": "no, that's right, keep it" got "Take care. Goodbye!"."""
    turns = play(
        "open leg cramp helper", "check my symptoms", "yes", "what did I say for the first one?",
        "no, that's right, keep it",
    )
    turn = turns[-1]
    assert not turn.session_ended, turn.speech
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}, turn.session_attributes
    assert turn.speech.endswith(C.questions["SLEEP"].text), turn.speech


def test_so_i_m_good_then_after_a_result_says_what_it_rests_on() -> None:
    """Round 40, a landscaper: "so I'm good then?" after a reassuring result was a plain no
    ("Okay. What else would you like to know?")."""
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", "no", "no",
                "so I'm good then?")[-1]
    reason = C.outcomes["probably_fine"].reasons["NONE"]
    assert reason in turn.speech and C.safety["red_flag"] in turn.speech, turn.speech


@pytest.mark.parametrize(
    ("before", "said"),
    [  # Round 40, a landscaper on his break: the fallback, the valves answer, or "Okay. You
        # can say check my symptoms at any time".
        ((), "alright I gotta go, my break is over"),
        (("why do my legs cramp at night",), "okay I gotta get back to work"),
        (("why do my legs cramp at night",), "nah that's it amigo"),
    ],
)
def test_going_back_to_work_ends_the_session(before: tuple[str, ...], said: str) -> None:
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_ended and "Goodbye" in turn.speech, turn.speech


@pytest.mark.parametrize(
    ("said", "told"),
    [  # Round 40 (left from round 39): the article named before the topic got the help text.
        ("what does the article actually say causes nocturnal leg cramps", "contribute to"),
        ("does the article say anything about potassium", "especially with potassium"),
        # Round 40, a landscaper: "other conditions", or the fallback.
        ("why do I get leg cramps after working all day in the heat", "doesn't list that"),
        ("my calambres are worse in the summer, why", "contribute to leg cramps"),
    ],
)
def test_the_article_named_or_the_heat_still_gets_the_causes(said: str, told: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert told in turn.speech and turn.intent != "AMAZON.HelpIntent", turn.speech


def test_a_pregnancy_warning_sign_is_said_first() -> None:
    """Round 40, a pregnant woman: "I haven't felt the baby kick since last night" got "Take
    care. Goodbye!"; the pregnancy answer began with "doesn't cover pregnancy"."""
    turn = play("open leg cramp helper", "I haven't felt the baby kick since last night")[-1]
    assert not turn.session_ended, turn.speech
    assert turn.speech.startswith("Call the doctor or midwife now, or 9 1 1"), turn.speech
    assert "less baby movement" in turn.speech, turn.speech


@pytest.mark.parametrize(
    "said",
    [  # Round 43 (left from round 42, a line cook): "Call your doctor or midwife", to him.
        "my girlfriend's water just broke",
        "my wife is pregnant and her hands and face are really puffy today",
    ],
)
def test_the_pregnancy_warning_for_someone_else_is_not_said_of_the_speaker(said: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.speech.startswith(C.out_of_scope["pregnancy"]), turn.speech
    assert "your doctor" not in turn.speech and "less baby movement" in turn.speech


def test_crying_all_the_time_and_alone_is_no_check_answer() -> None:
    """Round 40, a pregnant woman: "I cry all the time ... I just feel so alone" got the
    frequent-cramps answer ("all the time" read as how often)."""
    said = "I cry all the time and I'm so anxious about everything, I just feel so alone"
    turn = play("open leg cramp helper", said)[-1]
    assert C.safety["struggling"] in turn.speech and not turn.session_ended, turn.speech


def test_a_no_with_a_remark_to_the_reminder_offer_declines_it() -> None:
    """Round 40, a landscaper: "no, I sleep okay", to "Would you like a reminder ...?", was a
    remark about sleep, and the offer came again."""
    turn = play("open leg cramp helper", "what's the clinic's website", "no, I sleep okay")[-1]
    assert turn.speech == "Okay. " + C.prompt("anything_else"), turn.speech
    assert turn.session_attributes.get("pending") == "anything_else"


def test_not_that_frequent_more_like_once_a_month_after_a_result_changes_it() -> None:
    """Round 40, a landscaper: "wait, change my first answer, they're not that frequent, more
    like once a month", right after the result, got "say start over", and the result stood
    on the answer he took back."""
    said = "wait, change my first answer, they're not that frequent, more like once a month"
    turn = play("open leg cramp helper", "check my symptoms", "yes", "yes", said)[-1]
    assert turn.session_attributes["answers"]["FREQUENT"] == "no", turn.session_attributes
    assert C.prompt("answer_after_result") not in turn.speech, turn.speech


def test_called_away_mid_check_is_a_pause_not_the_phone_number() -> None:
    """Round 40, a daughter for her father: "hold on, he's calling me, I need to give him his
    evening pills" got "There's no phone number in this skill"."""
    said = "hold on, he's calling me, I need to give him his evening pills"
    turn = play("open leg cramp helper", "check my dad's symptoms", "yes", said)[-1]
    assert turn.intent == "AMAZON.PauseIntent", (turn.intent, turn.speech)
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}, turn.session_attributes


@pytest.mark.parametrize(
    ("before", "said", "intent"),
    [  # Round 40, new users checking the round's fixes (a nail salon owner, a retired
        # firefighter): the fallback, the help text, or a question asked again.
        ((), "can you take my life story about these cramps", "AMAZON.FallbackIntent"),
        ((), "do compression stockings help with this", "TreatmentsIntent"),
        ((), "where is the clinic, which city", "ClinicLogisticsIntent"),
        ((), "my leg have big blue vein, very ugly, is dangerous", "VaricoseVeinsIntent"),
        (("check my symptoms", "yes", "yes"), "actually first answer is no",
         "ChangeAnswerIntent"),
        # Round 40, new users (a pregnant woman, a landscaper, a daughter for her father): the
        # fallback, or another answer (the medicine line, the night answer, the valves).
        ((), "is it safe to stretch my calves when I'm pregnant", "PregnancyIntent"),
        ((), "my wife is pregnant and gets leg cramps every night, is that bad",
         "PregnancyIntent"),
        ((), "can they take out my varicose veins", "TreatmentsIntent"),
        ((), "my mom had varicose veins, will I get them too", "RiskFactorsIntent"),
        ((), "is vein disease dangerous", "ComplicationsIntent"),
        ((), "is this private, are you recording what I say", "AboutSkillIntent"),
        ((), "do I have to pay for this", "AboutSkillIntent"),
        ((), "okay and like does the clinic see pregnant women", "ClinicLogisticsIntent"),
        ((), "can you call my midwife for me", "BookForMeIntent"),
        ((), "so should I be worried or not, honestly", "PersonalDiagnosisIntent"),
        ((), "his veins look really blue and bulgy after his bath, is that bad",
         "VaricoseVeinsIntent"),
        # Round 41, new users (a trucker, a track coach, a nursing assistant, an emergency-room
        # nurse): the fallback, or another answer (risk factors, "I can't diagnose you").
        ((), "what's venous insufficiency in normal people words", "VenousInsufficiencyIntent"),
        ((), "who do I call about my veins", "ContactClinicIntent"),
        ((), "is this HIPAA, are you recording me", "AboutSkillIntent"),
        ((), "what are varicose veins, like the twisty purple ones my mom has",
         "VaricoseVeinsIntent"),
        ((), "are the little red spidery ones the same thing", "OtherConditionsIntent"),
        ((), "I been drinking beer, does that cause cramps", "CrampCausesIntent"),
        (("how do they diagnose vein disease",), "they gonna stick me with a needle",
         "VeinDiagnosisIntent"),
        (("why do my legs cramp at night", "no"), "what else ya got", "AMAZON.HelpIntent"),
        ((), "why do my calves lock up at track meets", "CrampCausesIntent"),
        ((), "I'm so tired, twelve hours on my feet and my legs are killing me",
         "CrampCausesIntent"),
        (("check my symptoms", "no", "no", "no", "no", "no"), "that's reassuring, thanks",
         "ThanksIntent"),
        # Round 42, a retired teacher who lives alone: the fallback.
        ((), "I live alone and it gets so lonely at night when the cramps wake me",
         "StrugglingIntent"),
        # ... and a mail carrier, checking the fixes: the night cramps' answer, no red flag
        ((), "my leg is killing me", "CrampNowIntent"),
    ],
)
def test_new_users_phrasings_reach_their_intent(
    before: tuple[str, ...], said: str, intent: str
) -> None:
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.intent == intent, (turn.intent, turn.speech)


def test_wait_i_mean_yes_corrects_the_last_answer() -> None:
    """Round 40, a nail salon owner: "wait, I mean yes", just after a no to the sleep
    question, was a yes to walking, and the result rested on it."""
    turns = play("open leg cramp helper", "check my symptoms", "yes", "no", "wait, I mean yes")
    assert turns[-1].session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "yes"}


@pytest.mark.parametrize(
    ("said", "weekday"),
    [
        ("can you remind me saturday morning, no scratch that, sunday", 6),
        # ... and a physical therapist (the review's new user): Thursday at 9 in the morning
        ("remind me to call the vein center thursday, no, friday, at seven thirty in the morning",
         4),
    ],
)
def test_a_day_taken_back_in_the_same_breath_is_the_day_set(said: str, weekday: int) -> None:
    """Round 41, a track coach: "saturday morning, no scratch that, sunday" set Saturday, and
    a reminder once set cannot be changed."""
    turn = play("open leg cramp helper", "how do i contact them", said)[-1]
    assert turn.intent == "SetReminderIntent" and turn.match is not None
    day = turn.match.slots["day"].value
    assert day is not None and date.fromisoformat(day).weekday() == weekday, day


def test_asked_to_call_911_the_skill_says_it_cannot_and_says_911_twice() -> None:
    """Round 41, a hard-of-hearing trucker: "can you call nine one one for me" got "These
    signs can be serious. Please call 9 1 1", as if help were on its way."""
    turn = play("open leg cramp helper", "can you call nine one one for me")[-1]
    assert "can't make the call" in turn.speech and turn.session_ended
    assert len(re.findall(r"\b9 1 1\b", turn.speech)) == 2, turn.speech


@pytest.mark.parametrize(
    "asked",
    [
        "check my symptoms for my sprinter",
        "check my symptoms for my resident Mister Jones",
        "can you check my client, she's eighty two and just had a hip replacement",
    ],
)
def test_a_check_for_a_runner_or_a_resident_asks_about_them(asked: str) -> None:
    """Round 41, a track coach and a nursing assistant: the questions asked about "you"; a
    physical therapist's "can you check my client" fell back."""
    turn = play("open leg cramp helper", asked)[-1]
    assert turn.speech.endswith("Do they get frequent leg cramps?"), turn.speech


def test_hard_of_hearing_mid_check_hears_the_question_again() -> None:
    """Round 41, a nursing assistant: "say it slower, I'm hard of hearing" got "I need an
    answer to this question first"."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "no", "say it slower, I'm hard of hearing"
    )[-1]
    assert C.prompt("check_fallback") not in turn.speech, turn.speech
    assert turn.speech.endswith(C.questions["SLEEP"].text), turn.speech
    assert turn.session_attributes["answers"] == {"FREQUENT": "no"}


def test_not_tonight_leaves_the_check() -> None:
    """Round 41, a nursing assistant: "not tonight baby, I'm too tired" got "I need an answer
    to this question first"."""
    turn = play("open leg cramp helper", "check my symptoms", "not tonight baby, I'm too tired")[-1]
    assert C.prompt("check_left") in turn.speech and not turn.session_ended, turn.speech


def test_in_a_minute_is_no_reminder_in_one_minute() -> None:
    """Round 41, an emergency-room nurse: "in a minute", to "Shall we go back to the check?",
    set a reminder for one minute later."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "what are varicose veins", "in a minute"
    )[-1]
    assert turn.intent != "SetReminderIntent" and "remind" not in turn.speech.lower(), turn.speech


def test_could_it_be_a_clot_mid_check_gets_the_clot_answer_and_its_signs() -> None:
    """Round 41, a physical therapist: "could it be a clot though", to the sleep question,
    got "the article doesn't list that as a cause" and the causes, with no sign of a clot."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "yes", "could it be a clot though"
    )[-1]
    assert C.safety["warning_signs"] in turn.speech, turn.speech
    assert C.prompt("not_listed") not in turn.speech
    assert turn.session_attributes["pending"] == "check"
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}


@pytest.mark.parametrize(
    "said",
    [  # Round 42, a retired teacher and a line cook, mid-check: "Take care. Goodbye!" (the
        # answers lost), or "I need an answer to this question first".
        "oh, someone's at the door, just a moment",
        "just a moment please, someone's at the door",
        "pause, my husband's calling me",
        # Round 43, a nursing assistant: the remedies answer; the fallback.
        "hold on, I need to take my pills",
        "hang on, let me go ask her",
    ],
)
def test_a_moment_asked_for_mid_check_pauses_and_keeps_the_answers(said: str) -> None:
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.intent == "AMAZON.PauseIntent" and not turn.session_ended, turn.speech
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}, turn.session_attributes


def test_okay_go_is_a_go_ahead_not_a_goodbye() -> None:
    """Round 42, a line cook, after asking how long the check takes: "ok go" was near "okay i
    go now", and the session ended."""
    turn = play("open leg cramp helper", "what can you do", "okay go")[-1]
    assert turn.intent == "ReadyIntent" and not turn.session_ended, turn.speech


def test_a_listed_cause_said_with_more_words_is_no_unlisted_cause() -> None:
    """Round 42, a college footballer: "can dehydration from soccer cause cramps" got "The
    clinic's article doesn't list that as a cause", then the list, dehydration in it."""
    turn = play("open leg cramp helper", "can dehydration from soccer cause cramps")[-1]
    assert turn.intent == "CrampCausesIntent", turn.intent
    assert C.prompt("not_listed") not in turn.speech and "dehydration" in turn.speech


def test_a_check_for_a_roommate_is_about_her() -> None:
    """Round 42, a college footballer: the check for her roommate asked "Do you ...", and its
    result spoke of her own cramps."""
    turn = play("open leg cramp helper", "can we do the check for my roommate")[-1]
    assert C.prompt("check_for_other") in turn.speech and "Do they" in turn.speech, turn.speech


@pytest.mark.parametrize(
    ("reply", "kept"),
    [
        ("yes they were", True),
        ("yeah those were his", True),
        ("no", False),
        ("no those were mine", False),
        ("they were mine", False),
        ("not sure", False),
    ],
)
def test_a_check_turned_to_someone_else_asks_whose_the_answers_were(reply: str, kept) -> None:
    """Round 44, a marathon runner, after two no's about himself: "hold up, this is actually
    for my grandpa" turned the check to "them" and kept his answers as his grandfather's
    (found in rounds 41 to 44). Whose they were is asked: yes keeps them, else it starts
    over for them."""
    said = ("check my symptoms", "no", "no", "hold up, this is actually for my grandpa")
    *_, asked, told = play("open leg cramp helper", *said, reply)
    assert asked.speech.endswith(C.prompt("whose_answers")), asked.speech
    assert asked.session_attributes["for_other"] is True
    assert asked.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    if kept:
        assert told.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
        assert told.speech.endswith(about_them(C.questions["WALKING"].text)), told.speech
    else:
        assert told.session_attributes["answers"] == {}, told.speech
        assert told.speech.startswith(C.prompt("starting_over")), told.speech
        assert told.speech.endswith(about_them(C.questions["FREQUENT"].text)), told.speech


def test_a_check_turned_to_someone_else_before_any_answer_asks_nothing_more() -> None:
    """The guard of the case above: with no answer given yet, there is nothing to ask about
    (this passes before round 44's change too)."""
    turn = play("open leg cramp helper", "check my symptoms", "this is for my mom")[-1]
    assert turn.speech.endswith(about_them(C.questions["FREQUENT"].text)), turn.speech


@pytest.mark.parametrize(
    ("said", "answers"),
    [  # Round 44, a retired teacher: a reminder at two o'clock; "why"; the fallback
        ("I said two or three times a week", {"FREQUENT": "yes"}),
        ("you bet", {"FREQUENT": "yes"}),
        ("a bunch", {"FREQUENT": "yes"}),
        ("kinda sorta", {"FREQUENT": "unsure"}),
    ],
)
def test_everyday_answers_to_the_first_question_are_recorded(said: str, answers) -> None:
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == answers, (turn.intent, turn.speech)


def test_they_do_wake_me_though_is_a_yes_to_the_sleep_question() -> None:
    """Round 44, a retired teacher: "they do wake me though" was near "why though"."""
    said = ("check my symptoms", "yes", "they do wake me though")
    turn = play("open leg cramp helper", *said)[-1]
    result = turn.session_attributes.get("result")
    assert result == ["see_specialist", "FREQUENT_SLEEP"], turn.speech


@pytest.mark.parametrize(
    ("before", "said"),
    [  # Round 44: the fallback, and the session went on
        (("check my symptoms",), "bye for now"),
        (("what are leg cramps",), "bye for now"),
        (("what are leg cramps", "no"), "sweet, that's it"),
        ((), "nothing, just testing"),
    ],
)
def test_more_ways_of_taking_leave_end_the_session(before: tuple[str, ...], said: str) -> None:
    turn = play("open leg cramp helper", *before, said)[-1]
    assert turn.session_ended and "Goodbye" in turn.speech, turn.speech


@pytest.mark.parametrize(
    ("before", "said"),
    [  # Round 44, a marathon runner: "Take care. Goodbye!", and the session ended
        (("what are leg cramps", "no"), "honestly no idea, how would I even know"),
        ((), "I'm done with this race season, my calves are shot"),
    ],
)
def test_words_of_leaving_inside_other_words_keep_the_session(before, said: str) -> None:
    turn = play("open leg cramp helper", *before, said)[-1]
    assert not turn.session_ended, (turn.intent, turn.speech)


@pytest.mark.parametrize(
    "said",
    [  # Round 44, a retired teacher: the crisis line ("That sounds really hard ... 9 8 8"),
        # or the definition of a leg cramp
        "I'm worried about my leg cramps at night",
        "I'm rather worried about these cramps",
        "I am concerned about my leg cramps",
    ],
)
def test_plain_worry_about_cramps_gets_the_specialist_answer_not_the_crisis_line(said) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == "WhenToSeeSpecialistIntent", (turn.intent, turn.speech)
    assert C.safety["struggling"] not in turn.speech


@pytest.mark.parametrize(
    "said", ["can we check my patient's symptoms", "actually let's do this for my dementia lady"]
)
def test_a_client_or_patient_named_as_whom_the_check_is_for_turns_it_to_them(said) -> None:
    """Round 44, a home health aide: the check about "you", or (mid-check) "please answer yes,
    no, or not sure" and her client's answers recorded as her own."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.session_attributes["for_other"] is True, turn.speech
    assert turn.speech.endswith(C.prompt("whose_answers")), turn.speech


def test_mostly_at_night_with_how_often_still_asks_the_walking_question() -> None:
    """Round 44, a retired runner: "twice a week, mostly at night" recorded a no to the
    walking question, which was never asked ("mostly" is not "only"): under-triage, as its
    yes is the article's "schedule an evaluation"."""
    said = ("check my symptoms", "twice a week, mostly at night", "no")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.speech.endswith(C.questions["WALKING"].text), turn.speech
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "no"}


def test_i_said_eh_asks_for_a_repeat_not_about_a_reminder() -> None:
    """Round 44, a runner who is hard of hearing: "I said eh" got "I can't change a reminder
    once it's set", with no reminder set."""
    turn = play("open leg cramp helper", "eh?", "I said eh")[-1]
    assert turn.intent == "AMAZON.RepeatIntent", (turn.intent, turn.speech)


def test_running_to_the_next_client_ends_the_session() -> None:
    """Round 44, a home health aide: "Okay. What else would you like to know?"."""
    said = ("how do i contact the vein center", "not right now, I gotta run to my next client")
    turn = play("open leg cramp helper", *said)[-1]
    assert turn.session_ended, turn.speech


def test_a_pregnancy_warning_mid_check_waits_for_the_check_to_be_asked_for() -> None:
    """Round 45, a pregnant nurse: "the baby's been real quiet today" mid-check got the signs
    and at once "Now, back to the check" with its question; outside the check, the offer of
    the vein clinic's details."""
    said = "the baby's been real quiet today, like not kicking at all"
    turn = play("open leg cramp helper", "check my symptoms", "every night", said)[-1]
    assert turn.speech.startswith(C.out_of_scope["pregnancy"]), turn.speech
    assert turn.speech.endswith(C.prompt("resume_check")), turn.speech
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    turn = play("open leg cramp helper", said)[-1]
    assert C.prompt("offer_contact") not in turn.speech and not turn.session_ended


def test_the_result_is_told_again_after_another_topic() -> None:
    """Round 45, a pregnant nurse: after the result and a question about varicose veins,
    "where were we" began the check again, the result forgotten."""
    said = ("check my symptoms", "every night", "yes they wake me up", "what are varicose veins",
            "no", "where were we")
    turn = play("open leg cramp helper", *said)[-1]
    reason = C.outcomes["see_specialist"].reasons["FREQUENT_SLEEP"]
    assert turn.speech.startswith(C.prompt("check_done")) and reason in turn.speech, turn.speech


def test_a_boy_named_is_whom_the_check_is_for() -> None:
    """Round 45, a retired farmer: "my boy Jimmy's got the cramps, can you check him" fell
    back; "can you check my boy Jimmy" asked "Do you get frequent leg cramps?"."""
    for said in ("my boy Jimmy's got the cramps, can you check him", "can you check my boy Jimmy"):
        turn = play("open leg cramp helper", said)[-1]
        assert turn.session_attributes.get("for_other") is True, (said, turn.speech)


@pytest.mark.parametrize(
    ("said", "meant"),
    [  # Round 45, a retired farmer, a delivery driver and a pregnant nurse: the fallback, a
        # goodbye, "doesn't cover" for what the article covers, or another answer.
        ("I can't hear you", "AMAZON.RepeatIntent"),
        ("slow down, I'm old", "AMAZON.RepeatIntent"),
        ("what's that?", "AMAZON.RepeatIntent"),
        ("I've had varicose veins for years", "VaricoseVeinsIntent"),
        ("the veins on my mom's legs look like a bunch of worms", "VaricoseVeinsIntent"),
        ("I work hard all day, could being wore out cause it", "CrampCausesIntent"),
        ("can working too hard in the field bring on a cramp", "CrampCausesIntent"),
        ("what the heck is venous insufficiency", "VenousInsufficiencyIntent"),
        ("what do the veins do anyhow, in the legs", "HowLegVeinsWorkIntent"),
        ("what are them little valves in the veins for", "HowLegVeinsWorkIntent"),
        ("how they check for that, they gonna cut me open?", "VeinDiagnosisIntent"),
        ("I don't use the computer, how else can I reach them", "ClinicPhoneIntent"),
        ("can I just call them on the telephone", "ClinicPhoneIntent"),
        ("well I ain't got a computer anyhow", "ClinicPhoneIntent"),
        ("ok got it, gotta go, truck's loaded", "AMAZON.StopIntent"),
        ("ok fine check my symptoms, make it quick I'm on break", "SymptomCheckIntent"),
        ("can you call my OB for me", "BookForMeIntent"),
    ],
)
def test_plain_words_of_round_45_reach_what_they_mean(said: str, meant: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == meant, (turn.intent, turn.speech)


def test_a_hold_mid_check_is_a_pause_not_a_demand_for_an_answer() -> None:
    """Round 45, a pregnant nurse and a delivery driver: "I need an answer to this question
    first"."""
    for said in ("hang on my pager's going off", "hold up, customer's here, gotta go"):
        turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
        assert turn.intent == "AMAZON.PauseIntent", (said, turn.intent, turn.speech)
        assert C.prompt("check_fallback") not in turn.speech, turn.speech


def test_little_water_asked_about_is_no_cause_denied() -> None:
    """Round 45, a retired farmer: "I don't drink much water, only coffee, could that be it"
    got "The clinic's article doesn't list that as a cause", then dehydration among them."""
    turn = play("open leg cramp helper", "I don't drink much water, only coffee, could that be it")
    assert "dehydration" in turn[-1].speech and C.prompt("not_listed") not in turn[-1].speech


@pytest.mark.parametrize("said", ["hardly ever", "not that often, once a month maybe"])
def test_a_no_told_to_the_offer_of_the_check_counts(said: str) -> None:
    """Round 45, a delivery driver and a farmer: "hardly ever", to "Would you like a quick
    check of your symptoms?", started the check with "Do you get frequent leg cramps?"."""
    turn = play("open leg cramp helper", "should i see a doctor about these cramps", said)[-1]
    assert C.questions["FREQUENT"].taken_no in turn.speech, turn.speech
    assert turn.speech.endswith(C.questions["SLEEP"].text), turn.speech


def test_check_my_symptoms_after_someone_elses_result_offers_the_users_own() -> None:
    """Round 46: after a mother's result, "check my symptoms" told her result again and asked
    to take "it" again, which checked her once more; the user's own check is offered."""
    said = ("check my mom's symptoms", "yes", "yes", "no", "check my symptoms")
    offered = play("open leg cramp helper", *said)[-1]
    reason = C.outcomes["see_specialist"].reasons["FREQUENT_SLEEP"]
    assert offered.speech.startswith(C.prompt("check_done_other")), offered.speech
    assert about_them(reason) in offered.speech, offered.speech
    mine = play("open leg cramp helper", *said, "yes")[-1]
    assert mine.speech.endswith(C.questions["FREQUENT"].text), mine.speech
    assert not mine.session_attributes.get("for_other"), mine.session_attributes
    # declined, her result still stands for "where were we"
    back = play("open leg cramp helper", *said, "no", "where were we")[-1]
    assert back.speech.startswith(C.prompt("check_done_other")), back.speech


@pytest.mark.parametrize(
    ("setup", "said", "question"),
    [((), "frequent what?", "FREQUENT"), (("yes",), "disrupt my what?", "SLEEP"),
     (("yes",), "severe enough to what?", "SLEEP"), (("no", "no"), "walking and what?", "WALKING")],
)
def test_a_question_said_back_with_what_asks_it_again_and_records_nothing(
    setup: tuple[str, ...], said: str, question: str
) -> None:
    """Round 46, a gruff man hard of hearing: "frequent what?" was recorded as frequent (and
    the result said so); "disrupt my what?" got "I need an answer to this question first"."""
    before = play("open leg cramp helper", "check my symptoms", *setup)[-1]
    turn = play("open leg cramp helper", "check my symptoms", *setup, said)[-1]
    assert turn.session_attributes["answers"] == before.session_attributes["answers"]
    assert turn.speech == C.questions[question].text, turn.speech


@pytest.mark.parametrize(
    ("said", "meant"),
    [  # Round 46, a retired teacher: a goodbye (the session ended), or "what are you
        # agreeing to?"
        ("no, I wanted to ask what varicose veins are", "VaricoseVeinsIntent"),
        ("yes, my question is what causes leg cramps", "CrampCausesIntent"),
        ("Yes, hello. I'm asking on behalf of my father, he's eighty-five, and he's been getting"
         " these terrible cramps in his calves at night. Why does that happen?",
         "LegCrampsAtNightIntent"),
    ],
)
def test_a_question_after_a_yes_or_no_is_the_question(said: str, meant: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == meant and not turn.session_ended, (turn.intent, turn.speech)


@pytest.mark.parametrize(
    ("said", "meant"),
    [  # Round 47, new users (a desk worker for his pregnant partner and his grandmother, a
        # sprinter, a long-haul trucker): each fell back, or got another answer.
        ("my pregnant girlfriend's face and hands got really puffy since this morning",
         "PregnancyIntent"),
        ("she's 7 months pregnant and has a pounding headache that won't go away",
         "PregnancyIntent"),
        ("she's pregnant and she's bleeding a little", "PregnancyIntent"),
        ("my wife is 30 weeks and her water might have broken", "PregnancyIntent"),
        ("should she see you guys or her OB", "PregnancyIntent"),
        ("is there a pill for vein disease", "TreatmentsIntent"),
        ("is venous insufficiency just a fancy word for varicose veins", "VaricoseVeinsIntent"),
        ("I get cramps on long bike rides", "CrampsWhenWalkingIntent"),
        ("what about medicare, asking for my grandma", "ClinicLogisticsIntent"),
        ("fine. what's the doctor's name over there", "ClinicLogisticsIntent"),
        ("can we do the check thing but for my roommate, she gets them way worse than me",
         "SymptomCheckIntent"),
        ("my legs went like jelly at the end of my 800 and I collapsed at the finish line but"
         " I'm fine now, is that a cramp", "OtherSymptomIntent"),
        ("why do my calves cramp at practice", "CrampsWhenWalkingIntent"),
        ("wait so is it bc I'm dehydrated or what", "CrampCausesIntent"),
        ("what causes varicose veins anyhow", "VaricoseVeinsIntent"),
        ("yeah hang on, let me pull over here. okay so why the heck do my legs cramp up at"
         " night", "LegCrampsAtNightIntent"),
        ("is it bad to get cramps when I walk", "CrampsWhenWalkingIntent"),
        ("I'm a trucker, does driving a truck cause varicose veins", "RiskFactorsIntent"),
        ("my toes curled up and wouldn't let go", "CrampNowIntent"),
        ("can you just book me in for when I'm home Saturday", "BookForMeIntent"),
        ("felt like I got shot in the calf last night, cramp woke me right up",
         "LegCrampsAtNightIntent"),
        ("ty", "ThanksIntent"),
        ("says who?", "AboutSkillIntent"),
        ("any studies or statistics to back that up", "AboutSkillIntent"),
        ("is foam rolling good for it", "RemediesIntent"),
        # ... and new users checking the fixes (a widower, 66; a Vietnamese speaker)
        ("Kayla's 32 weeks and her face and hands swelled up overnight", "PregnancyIntent"),
        ("my granddaughter Kayla, she's expecting, about six months along, and she's getting"
         " charley horses at night, is that normal", "PregnancyIntent"),
        ("I no have money for doctor, no insurance, what I do?", "ClinicLogisticsIntent"),
        ("cramp and vein is same problem?", "CrampsAndVeinDiseaseIntent"),
        ("what are leg cramps then", "WhatAreLegCrampsIntent"),
        ("my veins are sticking out like a road map on the back of my legs",
         "VaricoseVeinsIntent"),
        ("will it go away on its own", "CrampNowIntent"),
    ],
)
def test_round_47_phrasings_reach_the_intent_they_mean(said: str, meant: str) -> None:
    turn = play("open leg cramp helper", said)[-1]
    assert turn.intent == meant, (turn.intent, turn.speech)


@pytest.mark.parametrize(
    "said", ["okay thanks, gotta get back on the road", "alright I gotta roll", "ten four, I'm out"]
)
def test_a_trucker_s_goodbye_ends_the_session(said: str) -> None:
    """Round 47: the fallback, or (ten four) a yes and the menu again."""
    turn = play("open leg cramp helper", "why do my legs cramp at night", "no", said)[-1]
    assert turn.session_ended and not NINE_ONE_ONE.search(turn.speech), turn.speech


NINE_ONE_ONE = re.compile(r"\b9 ?1 ?1\b")


@pytest.mark.parametrize(
    "said", ["I'm okay, just tired of these cramps", "I'm fine, just sick of these cramps"]
)
def test_fine_then_fed_up_is_not_a_question_about_a_result(said: str) -> None:
    """Round 47 (left from round 46): "so I'm okay?", and "Ask me a question first"; round
    48: when to see a specialist, not the fed-up answer round 47 meant."""
    turn = play("open leg cramp helper", said)[-1]
    assert C.safety["struggling"] in turn.speech and not turn.session_ended, turn.speech


def test_cramps_at_practice_are_not_told_back_as_cramping_with_walking() -> None:
    """Round 47, a sprinter: the check gave its result unasked ("You said your cramping
    occurs with walking")."""
    *_, check = play(
        "open leg cramp helper",
        "ok so ngl my calves lowkey cramp like every practice, why does that even happen bro",
        "check my symptoms",
    )
    assert check.session_attributes["answers"] == {}
    assert check.speech.endswith(C.questions["FREQUENT"].text), check.speech


def test_cramps_when_walking_said_near_a_sample_fill_the_walking_slot() -> None:
    """Round 47: a near match left {exercise} empty, so "my legs cramp when I walk ..." no
    longer answered the walking question of a later check."""
    said = "my legs cramp when I walk and it goes away when I rest"
    told, check = play("open leg cramp helper", said, "check my symptoms")[1:]
    assert told.slots["exercise"]["resolved"] == "WALKING", told.slots
    assert check.session_attributes["answers"] == {"WALKING": "yes"}


def test_running_said_to_the_walking_question_asks_it_again() -> None:
    """Round 47, a sprinter: "only when I'm running hard" was recorded as a yes."""
    said = "only when I'm running hard, and it goes away after like a minute of walking it off"
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "no", "SLEEP": "no"}
    assert turn.speech == f"{C.prompt('walking_only')} {C.questions['WALKING'].text}"


def test_a_pause_after_an_answer_asks_only_what_is_pending() -> None:
    """Round 47: "hold on, my cat ..." and "ok I'm back" each said the 45-word answer again."""
    *_, held, back = play(
        "open leg cramp helper", "why do my legs cramp at night",
        "hold on my cat is knocking stuff over", "ok I'm back",
    )
    assert held.speech == f"{C.prompt('paused')} {C.prompt('ask_more')}", held.speech
    assert back.speech == C.prompt("ask_more"), back.speech


def test_dying_every_night_to_the_frequency_question_is_a_yes() -> None:
    """Round 47, a sprinter: 911, and the check was lost."""
    said = "bro yes I'm literally dying every night"
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert not turn.session_ended


def test_a_couple_of_blue_veins_said_to_the_varicose_question_is_no_emergency() -> None:
    """Round 47, a trucker: 911, and the check was lost."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "sometimes", "no", "no",
        "my legs look normal, a couple blue ones",
    )[-1]
    assert not NINE_ONE_ONE.search(turn.speech) and not turn.session_ended, turn.speech


@pytest.mark.parametrize(
    "said",
    ["hmm, sometimes, not always, depends how wore out I am", "some nights yeah, some nights no",
     "depends how wore out I am"],
)
def test_it_depends_to_the_first_question_is_not_sure(said: str) -> None:
    """Round 47, a trucker: "I need an answer", or (wore out) the gentle 988 line."""
    turn = play("open leg cramp helper", "check my symptoms", said)[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "unsure"}, turn.speech
    assert C.safety["struggling"] not in turn.speech


def test_after_the_user_s_own_result_a_topic_offers_the_clinic_not_the_check_again() -> None:
    """Round 47, a trucker: a yes to "Would you like a quick check?" asked the first
    question again, the result forgotten."""
    *_, more, offer = play(
        "open leg cramp helper", "check my symptoms", "every night", "yes", "no",
        "why do my legs cramp at night", "yeah", "yeah",
    )
    assert more.session_attributes["pending"] == "offer_contact", more.speech
    assert offer.intent == "AMAZON.YesIntent" and C.contact.speech in offer.speech


def test_a_loose_match_to_walking_without_a_word_of_walking_yields_to_the_classifier() -> None:
    """Round 47: as the model grew, "every night my calf seizes up and wakes me why" went
    near "why do my legs cramp when i walk" (the walking answer), though it says no walking."""
    turn = play("open leg cramp helper", "every night my calf seizes up and wakes me why")[-1]
    assert turn.intent == "LegCrampsAtNightIntent", (turn.intent, turn.match)


@pytest.mark.parametrize("said", ["enough, stop, I go now", "no more, thank you"])
def test_leaving_the_check_in_learner_english_ends_it(said: str) -> None:
    """Round 47, a Vietnamese speaker: "I need an answer", or "You're welcome" and the
    question again."""
    turn = play("open leg cramp helper", "check my symptoms", "yes", said)[-1]
    assert turn.session_ended, turn.speech


def test_a_count_of_miles_after_a_yes_is_no_clock_time() -> None:
    """Round 47, a widower: "two" was 2 o'clock, and the walking yes was lost."""
    said = "yes, about two miles in I gotta stop"
    turn = play("open leg cramp helper", "check my symptoms", "no", "no", said)[-1]
    assert turn.intent == "AMAZON.YesIntent", (turn.intent, turn.speech)
    assert turn.session_attributes["settled"][:2] == ["see_specialist", "WALKING"]


def test_forget_it_i_ll_ask_my_doctor_leaves_the_check() -> None:
    """Round 47, a widower: "I need an answer", and his next "no, I'm good" was recorded."""
    said = "ah forget it, I'll ask the doc at my checkup"
    turn = play("open leg cramp helper", "check my symptoms", "yeah", said)[-1]
    assert turn.intent == "LaterIntent" and not turn.session_ended, turn.speech
    assert C.prompt("check_left") in turn.speech


@pytest.mark.parametrize(
    "said",
    [
        "okay I'm freaking out a little",
        "I'm out of my mind with worry",
        "this is making me so anxious",
        "nah I'm just frustrated, I'm tired, I work all day and come home and nobody helps me"
        " with nothing",
        "whatever man, I give up",
    ],
)
def test_fear_and_frustration_after_an_answer_are_heard_not_taken_for_goodbye(said: str) -> None:
    """Round 48, a new mother and a foreman: a goodbye ("okay i'm out"; "nah", a no to "what
    else?"), the check started, or the welcome again."""
    turn = play("open leg cramp helper", "what are varicose veins", said)[-1]
    assert C.safety["struggling"] in turn.speech and not turn.session_ended, turn.speech


@pytest.mark.parametrize(
    ("said", "resumed"),
    [
        ("stop the check, my grandson's here with the groceries", "okay he's gone, where were we"),
        ("sorry she's crying I have to go", "where were we"),
    ],
)
def test_leaving_the_check_for_someone_else_s_arrival_keeps_it_as_it_was(
    said: str, resumed: str
) -> None:
    """Round 48, a retired nurse and a new mother: the check turned to the grandson, her
    answer dropped (and "he" in "okay he's gone" began it anew about "them"); or "I need an
    answer to this question first"."""
    *_, left, back = play("open leg cramp helper", "check my symptoms", "yes", said, resumed)
    assert C.prompt("check_left") in left.speech and not left.session_ended, left.speech
    assert back.session_attributes["answers"] == {"FREQUENT": "yes"}
    assert back.speech.endswith(C.questions["SLEEP"].text), back.speech


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("what are leg cramps, clinically speaking", "WhatAreLegCrampsIntent"),
        ("I got one right now in my calf, what do I do", "CrampNowIntent"),
        ("are my varicose veins going to burst", "ComplicationsIntent"),
        ("should I go to the emergency room", "ComplicationsIntent"),
        ("aight bet, that's all, peace", "AMAZON.StopIntent"),
        ("my dad said he's going to stop taking his xarelto cause he's sick of it",
         "RemediesIntent"),  # "don't stop a prescribed medicine without asking them"
    ],
)
def test_round_48_phrasings_reach_their_intent(said: str, meant: str) -> None:
    """Round 48's new users: "doesn't cover that", 911 and the session ended, or the fallback."""
    assert play("open leg cramp helper", said)[-1].intent == meant


def test_forget_it_start_over_for_me_switches_the_check_to_the_speaker() -> None:
    """Round 48, a foreman: "nah forget it, start over, do it for me instead", to his son's
    sleep question, was recorded as the son's no, and his own answers went on the son's."""
    *_, switched = play(
        "open leg cramp helper", "check my son's symptoms", "yeah he gets em",
        "nah forget it, start over, do it for me instead",
    )
    assert switched.session_attributes.get("answers") in (None, {}), switched.speech
    assert switched.speech.endswith(C.questions["FREQUENT"].text), switched.speech
    assert "they" not in switched.speech.split(".")[-1], switched.speech


def test_not_sure_for_getting_up_to_pee_is_recorded_as_not_sure() -> None:
    """Round 48, a retired nurse: "not sure, I do get up to pee anyway", to the sleep
    question, got "I need an answer to this question first" ("pee" is mostly an emergency's
    word, so nothing was read into it)."""
    turn = play(
        "open leg cramp helper", "check my symptoms", "yes", "not sure, I do get up to pee anyway"
    )[-1]
    assert turn.session_attributes["answers"] == {"FREQUENT": "yes", "SLEEP": "unsure"}
