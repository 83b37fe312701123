"""The conversation logic on its own: plain Python in, Reply out."""

from __future__ import annotations

import pytest

from skill.content import load
from skill.conversation import Conversation, Pending, State
from skill.triage import Answer

C = load()
conv = Conversation(C)


def test_launch_has_disclaimer_and_asks_something():
    r = conv.launch(State())
    assert C.safety["disclaimer"] in r.speech
    assert r.speech.endswith("?") and r.reprompt and not r.end_session


@pytest.mark.parametrize("intent", list(C.topics))
def test_every_topic_answers_from_content_and_offers_a_next_step(intent):
    r = conv.topic(State(), intent)
    topic = C.topics[intent]
    assert r.speech.startswith(topic.speech)
    assert r.speech.endswith("?") and r.reprompt
    expected = (
        Pending.MORE
        if topic.more
        else {"check": Pending.OFFER_CHECK, "contact": Pending.OFFER_CONTACT}[topic.next]
    )
    assert r.state.pending is expected
    assert r.card is not None and r.card.title == topic.title


def test_more_then_yes_starts_the_check():
    r = conv.topic(State(), "LegCrampsAtNightIntent")
    r = conv.yes(r.state)
    assert C.topics["LegCrampsAtNightIntent"].more in r.speech
    assert r.state.pending is Pending.OFFER_CHECK
    r = conv.yes(r.state)
    assert r.state.pending is Pending.CHECK
    assert C.questions["FREQUENT"].text in r.speech


def test_no_to_more_names_the_next_step_and_a_second_no_ends():
    r = conv.no(conv.topic(State(), "LegCrampsAtNightIntent").state)
    assert C.prompt("declined_more_check") in r.speech
    assert r.state.pending is Pending.ANYTHING_ELSE
    assert conv.no(r.state).end_session


def test_yes_with_nothing_pending_gets_a_helpful_prompt():
    r = conv.yes(State())
    assert C.prompt("yes_without_question") in r.speech
    assert C.safety["emergency_line"] in r.speech  # as unclear as a fallback (round 7)
    assert r.reprompt and r.state.pending is None


def test_check_runs_to_an_outcome_and_offers_contact():
    s = conv.start_check(State()).state
    s = conv.check_answer(s, "OFTEN").state
    r = conv.yes(s)
    assert C.outcomes["see_specialist"].reasons["FREQUENT_SLEEP"] in r.speech
    assert C.not_a_diagnosis in r.speech
    assert "duplex ultrasound" in r.card.text  # the card carries the explanation
    assert r.state.pending is Pending.OFFER_CONTACT and r.card is not None
    r = conv.yes(r.state)
    assert C.clinic.website_spoken in r.speech
    assert r.card.title == C.contact.title and C.clinic.website in r.card.text


def test_probably_fine_asks_four_questions_and_ends_with_the_red_flag_line():
    r = conv.start_check(State())
    r = conv.check_answer(r.state, "RARELY")
    for _ in range(3):
        assert r.state.pending is Pending.CHECK
        r = conv.no(r.state)
    assert r.state.pending is Pending.OFFER_CONTACT
    assert C.outcomes["probably_fine"].reasons["NONE"] in r.speech
    assert "suddenly swollen, red and painful" in r.speech and "ultrasound" not in r.speech


def test_a_second_answer_in_the_same_breath_is_kept_for_its_own_question():
    asked_often = conv.start_check(State()).state
    # said in either order, the answer to the question asked is recorded, the other noted
    for first, second in (("OFTEN", "SLEEP_FINE"), ("SLEEP_FINE", "OFTEN")):
        r = conv.check_answer(asked_often, first, None, None, second)
        assert r.state.answers == {"FREQUENT": Answer.YES, "SLEEP": Answer.NO}
        assert C.questions["SLEEP"].taken_no in r.speech
        assert r.speech.endswith(C.questions["WALKING"].text)
    # a second answer to a question already answered changes nothing
    asked_sleep = conv.no(asked_often).state
    r = conv.check_answer(asked_sleep, "SLEEP_FINE", None, None, "OFTEN")
    assert r.state.answers == {"FREQUENT": Answer.NO, "SLEEP": Answer.NO}
    # outside the check only a yes is noted, as for a single answer
    r = conv.check_answer(State(), "RARELY", None, None, "WITH_WALKING")
    assert r.state.noted == {"WALKING": Answer.YES}


def test_frequency_that_does_not_resolve_reasks_with_a_hint():
    s = conv.start_check(State()).state
    r = conv.check_answer(s, None)
    assert C.questions["FREQUENT"].hint in r.speech and r.state.answers == {}


def test_help_in_check_explains_how_to_answer_and_reasks():
    s = conv.no(conv.start_check(State()).state).state  # now SLEEP is pending
    r = conv.help(s)
    assert C.questions["SLEEP"].help in r.speech
    assert r.speech.endswith(C.questions["SLEEP"].text)
    assert r.state.answers == s.answers


def test_fallback_in_check_reasks_the_pending_question_with_a_hint():
    s = conv.start_check(State()).state
    r = conv.fallback(s)
    assert C.questions["FREQUENT"].hint in r.speech
    assert r.speech.endswith(C.questions["FREQUENT"].text)


def test_repeat_says_the_last_response_again_and_keeps_state():
    first = conv.topic(State(), "VaricoseVeinsIntent")
    again = conv.repeat(first.state)
    assert again.speech == first.speech and again.reprompt == first.reprompt
    assert again.state.pending is first.state.pending


def test_repeat_with_nothing_said_yet():
    assert C.prompt("nothing_to_repeat") in conv.repeat(State()).speech


def test_start_over_restarts_the_check():
    s = conv.yes(conv.no(conv.start_check(State()).state).state).state
    assert s.answers
    r = conv.start_over(s)
    assert r.state.answers == {} and C.questions["FREQUENT"].text in r.speech


def test_a_question_during_the_check_is_answered_then_the_check_resumes():
    s = conv.no(conv.start_check(State()).state).state
    r = conv.topic(s, "VeinDiagnosisIntent")
    assert r.speech.startswith(C.topics["VeinDiagnosisIntent"].speech)
    # One breath: the answer, then an offer to go back, with the answers kept.
    assert r.state.pending is Pending.RESUME_CHECK and r.state.answers == s.answers
    back = conv.yes(r.state)
    assert back.speech == C.questions["SLEEP"].text and back.state.answers == s.answers
    # "no" leaves the check instead.
    left = conv.no(r.state)
    assert left.state.pending is Pending.ANYTHING_ELSE and not left.state.answers


def test_emergency_ends_the_session_from_inside_the_check():
    s = conv.start_check(State()).state
    r = conv.emergency(s)
    assert "911" in r.speech.replace(" ", "") and r.end_session and r.reprompt is None
    assert r.state == State()


def test_stop_and_navigate_home():
    s = conv.start_check(State()).state
    assert conv.stop(s).end_session
    home = conv.navigate_home(s)
    assert not home.end_session and home.state.pending is None
    assert C.prompt("check_left") in home.speech


def test_not_sure_outside_the_check_and_with_an_offer():
    assert conv.not_sure(State()).state.pending is None
    offered = conv.topic(State(), "VeinDiagnosisIntent").state
    assert conv.not_sure(offered).state.pending is Pending.OFFER_CONTACT


def test_frequency_outside_the_check_offers_it():
    assert conv.check_answer(State(), "OFTEN").state.pending is Pending.OFFER_CHECK


def test_state_round_trips_through_session_attributes():
    s = conv.no(conv.start_check(State()).state).state
    assert State.from_session(s.to_session(), C) == s


def test_the_declined_offer_is_kept_only_while_anything_else_is_asked():
    declined = conv.no(conv.topic(State(), "VeinDiagnosisIntent").state).state
    assert declined.declined is Pending.OFFER_CONTACT
    assert State.from_session(declined.to_session(), C) == declined
    for attrs in (
        {"pending": "anything_else", "declined": "check"},  # no offer: nothing to take back
        {"pending": "offer_check", "declined": "offer_contact"},  # not just after the no
        {"pending": "anything_else", "declined": ["offer_contact"]},
    ):
        assert State.from_session(attrs, C).declined is None, attrs


@pytest.mark.parametrize(
    "attrs",
    [
        None,
        "text",
        [],
        {"pending": "check", "answers": {"VARICOSE": "yes"}},
        {"pending": "check", "answers": "yes"},
        {"pending": "more"},  # no topic to tell more about
        {"pending": "more", "topic": "NoSuchIntent"},
        {"pending": 7, "topic": ["x"], "last": "x"},
        {"pending": "offer_everything"},
        {"last": {"speech": "x" * 9000}},
    ],
)
def test_malformed_or_forged_attributes_start_clean(attrs):
    s = State.from_session(attrs, C)
    assert s.pending is None and s.answers == {}
    assert s.last_speech is None  # unsealed, or over the 1000 characters kept


# -- the typed contract: views, work for the handler, one Outcome ------------------------


def test_wanting_the_reminder_is_work_for_the_handler_not_a_reply():
    from skill.conversation import CreateReminder, Reply

    asked = State(pending=Pending.OFFER_REMINDER, topic="CrampCausesIntent")
    for turn in (conv.reminder(asked), conv.yes(asked), conv.permission_answer(asked, True)):
        assert isinstance(turn, CreateReminder) and not isinstance(turn, Reply)
        assert turn.state.pending is None and turn.state.topic == "CrampCausesIntent"
    done = conv.reminder(asked._replace(reminded=True))  # never a second one: just words
    assert isinstance(done, Reply) and C.reminder.already_set in done.speech


def test_asking_permission_is_its_own_result_and_keeps_the_state():
    from skill.conversation import AskPermission

    asked = State(pending=Pending.OFFER_REMINDER, misses=1)
    turn = conv.ask_permission(asked)
    assert isinstance(turn, AskPermission)
    assert turn.state == asked._replace(pending=None, answers={})
    assert not hasattr(turn, "speech")  # Alexa speaks: there is nothing of ours to say


def test_every_view_is_a_typed_kind_with_the_content_key_it_shows():
    from skill import triage
    from skill.conversation import View, ViewKind

    assert conv.launch(State()).view == View(ViewKind.HOME)
    assert conv.emergency(State()).view == View(ViewKind.EMERGENCY, "help")
    topic = conv.topic(State(), "CrampCausesIntent")
    assert topic.view == View(ViewKind.ANSWER, "CrampCausesIntent")
    asked = conv.start_check(State())
    assert asked.view.kind is ViewKind.QUESTION and asked.view.key in C.questions
    result = asked
    for _ in triage.QUESTIONS:  # yes to each question until the check settles
        if result.view.kind is ViewKind.QUESTION:
            result = conv.answer(result.state, triage.Answer.YES)
    assert result.view.kind is ViewKind.OUTCOME
    assert triage.Outcome(result.view.key) is result.state.result.outcome


def test_an_emergency_on_a_first_turn_keeps_the_way_to_help_first():
    reply = conv.first_turn(conv.emergency(State()))
    assert reply.speech.startswith(C.safety["emergency"])
    assert reply.speech.endswith(C.safety["disclaimer"])


def test_one_outcome_concept_the_check_s_outcome_indexes_its_words():
    """triage.Outcome is the outcome; content's OutcomeText is only its words, found by it."""
    from skill import content, triage

    assert not hasattr(content, "Outcome")
    for outcome in triage.Outcome:
        assert C.outcomes[outcome] is C.outcomes[outcome.value]
        assert isinstance(C.outcomes[outcome], content.OutcomeText)


def test_each_class_name_in_the_runtime_means_one_thing():
    import ast
    from collections import defaultdict

    from tests.support import ROOT as root

    defined = defaultdict(list)
    for path in (root / "skill").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef):
                defined[node.name].append(path.name)
    assert {name: where for name, where in defined.items() if len(where) > 1} == {}
