"""What the skill says next, as plain Python: state and user act in, Reply out.

No SDK imports: the handlers translate Alexa requests into calls here and render the
Reply. The session records which yes/no question is pending, so "yes" always means
something definite (or gets a helpful prompt when nothing is pending).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple

from skill import answers, triage
from skill.content import Content, Question
from skill.reminders import (
    PARTS_OF_DAY,
    REMINDERS_PERMISSION,
    ReminderResult,
    Requested,
    requested,
    spoken_time,
)
from skill.seal import is_sealed, seal
from skill.third_person import about_them
from skill.triage import Answer

# Longest "last" text kept from session attributes. The longest reply the content makes is
# about 600 characters; escaping can grow text sixfold and JSON non-ASCII sixfold again, so
# anything near Alexa's 8,000-character limit could not have come from us: it is forged.
MAX_REMEMBERED_CHARS = 1000
FREQUENT = triage.QUESTIONS[0]  # how often: the question a frequency word answers


class Pending(StrEnum):
    """The yes/no question the user was just asked."""

    CHECK = "check"  # a question of the spoken check (which one follows from the answers)
    MORE = "more"  # "Want to hear more?" about `topic`
    OFFER_CHECK = "offer_check"
    OFFER_CONTACT = "offer_contact"
    OFFER_REMINDER = "offer_reminder"
    ANYTHING_ELSE = "anything_else"  # "What else would you like to know?": no ends the session
    # After a result is explained: "Anything else, like the clinic's contact details?" Yes
    # gives them; no ends the session, as after "anything else?".
    CONTACT_OR_DONE = "contact_or_done"
    RESUME_CHECK = "resume_check"  # "Shall we go back to the check?" after a question mid-check
    # "Is that 6 in the morning? If not, I'll make it 6 in the evening.": a small hour said.
    REMINDER_HALF = "reminder_half"
    # "Were the answers you gave so far about them?": the check turned to someone else after
    # some answers (round 44: they were kept as the new person's, unasked).
    WHOSE_ANSWERS = "whose_answers"


# What is asked once the check has its result, while its answers may still be corrected.
SETTLED = frozenset({Pending.OFFER_CONTACT, Pending.CONTACT_OR_DONE, Pending.ANYTHING_ELSE})
# What is asked while a check's answers wait for more.
_ANSWERING = frozenset({Pending.CHECK, Pending.RESUME_CHECK, Pending.WHOSE_ANSWERS})
# The questions asked aside from a check that keep its answers.
_KEEPS_ANSWERS = frozenset({Pending.REMINDER_HALF, Pending.WHOSE_ANSWERS})
# Pregnancy and the weeks after a birth: the signs that cannot wait, for her own doctor or
# midwife, and no offer of the vein clinic after them.
_MATERNAL = ("pregnancy", "postpartum")


class State(NamedTuple):
    """Everything the skill remembers, kept in session attributes and nowhere else."""

    pending: Pending | None = None
    topic: str | None = None
    answers: Mapping[str, Answer] = MappingProxyType({})
    last_speech: str | None = None
    last_reprompt: str | None = None
    misses: int = 0  # turns in a row the skill did not understand
    result: triage.Result | None = None  # the check's result, for "why?" right after it
    # Check answers the user gave before the check asked ("they wake me up" at the menu).
    noted: Mapping[str, Answer] = MappingProxyType({})
    reminded: bool = False  # a reminder was set in this session: never a second one
    # The day and time asked for, kept while Alexa asks for the reminders permission.
    remind: Requested | None = None
    # The session's first response was Alexa's permission question, not ours: the next
    # reply we speak is the first, and carries the disclaimer.
    owes_disclaimer: bool = False
    # The check is for someone else ("check my dad's symptoms"): its words speak of them.
    for_other: bool = False
    # The offer just declined, while "anything else?" is asked: "wait, I meant yes".
    declined: Pending | None = None
    # A check waits behind "is that 6 in the morning?", asked before its first answer (round
    # 44: "remind me to call at five" at the first question dropped the check once set).
    resume: bool = False
    # The session's last check result and whether it was someone else's, kept through other
    # topics for "where were we" (round 45: a question in between, and the check began again).
    settled: tuple[triage.Result, bool] | None = None

    @property
    def in_check(self) -> bool:
        return self.pending is Pending.CHECK

    @property
    def just_settled(self) -> bool:
        """The check's result is what was last talked about: said, explained, or its offer
        declined (its answers are kept, for "wait, I meant no"; round 24: only one turn, so
        "actually they don't wake me", after "why", said to start over)."""
        return self.pending in SETTLED and self.result is not None and bool(self.answers)

    @property
    def offer_declined(self) -> Pending | None:
        """The offer just said no to, while "anything else?" is asked ("wait, I meant yes");
        None once anything else is asked."""
        return self.declined if self.pending is Pending.ANYTHING_ELSE else None

    @property
    def check_waits(self) -> bool:
        """A question was answered mid-check: "Shall we go back to the check?" is pending."""
        return self.pending is Pending.RESUME_CHECK

    def to_session(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.pending:
            out["pending"] = self.pending.value
        if self.topic:
            out["topic"] = self.topic
        waits = self.pending is Pending.REMINDER_HALF and (bool(self.answers) or self.resume)
        if self.pending in _ANSWERING or self.just_settled or waits:
            out["answers"] = {question: answer.value for question, answer in self.answers.items()}
        if self.last_speech:
            out["last"] = {
                "speech": self.last_speech,
                "reprompt": self.last_reprompt,
                "seal": seal(self.last_speech, self.last_reprompt),
            }
        if self.misses:
            out["misses"] = self.misses
        if self.result:
            out["result"] = [self.result.outcome.value, self.result.reason]
        if self.noted:
            out["noted"] = {question: answer.value for question, answer in self.noted.items()}
        if self.reminded:
            out["reminded"] = True
        if self.remind:
            out["remind"] = self.remind.values()
        if self.owes_disclaimer:
            out["disclaim"] = True
        if self.for_other:
            out["for_other"] = True
        if self.offer_declined:
            out["declined"] = self.offer_declined.value
        if self.resume and self.pending is Pending.REMINDER_HALF:
            out["resume"] = True
        if self.settled:
            kept, of_other = self.settled
            out["settled"] = [kept.outcome.value, kept.reason, of_other]
        return out

    @classmethod
    def from_session(cls, attrs: Any, content: Content) -> State:
        """Rebuild state from untrusted attributes; anything malformed is dropped, never raised."""
        if not isinstance(attrs, dict):
            return cls()
        pending = _enum(Pending, attrs.get("pending"))
        topic = attrs.get("topic")
        if not isinstance(topic, str) or topic not in content.topics:
            topic = None
        if pending is Pending.MORE and (topic is None or content.topics[topic].more is None):
            pending = None
        answers: Mapping[str, Answer] = {}
        result = _result(attrs.get("result"), content)
        remind = _remind(attrs.get("remind"))
        if pending is Pending.REMINDER_HALF and (remind is None or not remind.guessed):
            pending = None  # nothing to ask the half of the day about
        resume = pending is Pending.REMINDER_HALF and attrs.get("resume") is True
        if pending in _ANSWERING or (
            pending is Pending.REMINDER_HALF and (attrs.get("answers") or resume)
        ):
            parsed = triage.parse_answers(attrs.get("answers", {}))
            if parsed is None or triage.next_question(parsed) is None or (
                pending is Pending.WHOSE_ANSWERS and not parsed
            ):
                pending = None  # a check state that cannot exist: start clean
            else:
                answers = parsed
        elif pending in SETTLED and result is not None and "answers" in attrs:
            parsed = triage.parse_answers(attrs["answers"], reachable=False)
            # kept only if they are the result's own: anything else is dropped, never trusted
            settled = bool(parsed) and triage.next_question(parsed) is None
            if settled and triage.classify(parsed) == result:
                answers = parsed
        speech = reprompt = None
        last = attrs.get("last")
        if isinstance(last, dict):
            said, asked = last.get("speech"), last.get("reprompt")
            # Only text this skill wrote and sealed: forged text is never said again.
            if _rememberable(said) and is_sealed(last.get("seal"), said, asked):
                speech = said
                if _rememberable(asked):
                    reprompt = asked
        misses = attrs.get("misses")
        misses = min(misses, MAX_MISSES) if type(misses) is int and misses > 0 else 0
        return cls(
            pending,
            topic,
            answers,
            speech,
            reprompt,
            misses,
            result,
            _noted(attrs.get("noted")),
            attrs.get("reminded") is True,
            remind,
            attrs.get("disclaim") is True,
            attrs.get("for_other") is True,
            _declined(attrs.get("declined")) if pending is Pending.ANYTHING_ELSE else None,
            resume and pending is Pending.REMINDER_HALF,
            _settled(attrs.get("settled"), content),
        )


def _halves(guess: Requested) -> tuple[Requested, Requested]:
    """The hour "is that ...?" asks about, and the other: the afternoon first for an hour
    from 1 to 6, which a call to a clinic means far more often (round 45: a yes set 4 in the
    morning); the morning first for a morning hour already past ("at 8", said at 4 pm)."""
    evening, morning = guess._replace(guessed=False), guess.in_the_morning()
    afternoon = guess.guessed and guess.at is not None and 13 <= guess.at.hour <= 18
    return (evening, morning) if afternoon else (morning, evening)


def _settled(raw: Any, content: Content) -> tuple[triage.Result, bool] | None:
    """The session's last result (State.settled) from untrusted attributes."""
    if not (isinstance(raw, list) and len(raw) == 3 and isinstance(raw[2], bool)):
        return None
    kept = _result(raw[:2], content)
    return None if kept is None else (kept, raw[2])


def _remind(raw: Any) -> Requested | None:
    if not isinstance(raw, dict):
        return None
    wanted = requested(*(raw.get(key) for key in Requested._fields if key != "part"))
    return wanted if wanted != Requested() else None


MAX_MISSES = 2  # the wording only distinguishes the first miss from the ones after it


# The offers a "wait, I meant yes" may take back the no to.
_DECLINABLE = frozenset(
    {Pending.MORE, Pending.OFFER_CHECK, Pending.OFFER_CONTACT, Pending.OFFER_REMINDER}
)


def _declined(value: Any) -> Pending | None:
    declined = _enum(Pending, value)
    return declined if declined in _DECLINABLE else None


def _noted(raw: Any) -> Mapping[str, Answer]:
    """Answers noted before their question, from untrusted attributes: a yes or a no to a
    known question."""
    if not isinstance(raw, dict):
        return {}
    clear = {Answer.YES.value: Answer.YES, Answer.NO.value: Answer.NO}
    return {q: clear[a] for q, a in raw.items() if q in triage.QUESTIONS and a in clear}


def _result(raw: Any, content: Content) -> triage.Result | None:
    """A check result from untrusted attributes: only one the content can explain."""
    if not (isinstance(raw, list) and len(raw) == 2 and all(isinstance(x, str) for x in raw)):
        return None
    words = content.outcomes.get(raw[0])
    if words is None or raw[1] not in words.reasons:
        return None
    return triage.Result(triage.Outcome(raw[0]), raw[1])


def _rememberable(text: Any) -> bool:
    """Text we may speak again: short, printable, and not only whitespace."""
    return (
        isinstance(text, str)
        and 0 < len(text) <= MAX_REMEMBERED_CHARS
        and text.isprintable()
        and not text.isspace()
    )


def _enum(kind: type[Pending], value: Any) -> Pending | None:
    try:
        return kind(value) if isinstance(value, str) else None
    except ValueError:
        return None


class Card(NamedTuple):
    title: str
    text: str
    # Non-empty: a permissions consent card asking the user for these scopes instead.
    permissions: tuple[str, ...] = ()


class ViewKind(StrEnum):
    """What the screen (APL) shows; the value is the data source's `kind` (skill/apl/)."""

    HOME = "home"  # key ""
    ANSWER = "answer"  # key: the topic's intent
    MORE = "more"  # key: the topic's intent
    QUESTION = "question"  # key: the question id (skill/triage.py)
    OUTCOME = "outcome"  # key: the outcome (skill/triage.py)
    CONTACT = "contact"  # key "clinic"
    EMERGENCY = "emergency"  # key "help", or "crisis" (thoughts of self-harm)


class View(NamedTuple):
    """The screen for a reply: a kind and the content key it shows. A NamedTuple, like every
    record here, because a dataclass costs an exec() per generated method at import."""

    kind: ViewKind
    key: str = ""


class Reply(NamedTuple):
    """A response in plain text; speech.py turns it into SSML and a card."""

    speech: str
    reprompt: str | None
    state: State
    card: Card | None = None
    end_session: bool = False
    view: View | None = None  # None: the screen keeps what it shows


class CreateReminder(NamedTuple):
    """Not a reply yet: the handler must try to create the reminder, then say how it went
    with Conversation.reminder_outcome (or, without the permission, ask for it)."""

    state: State


class AskPermission(NamedTuple):
    """Nothing of ours to say: Alexa asks for the reminders permission by voice
    (Connections.SendRequest AskFor), then sends Connections.Response, which
    Conversation.permission_answer takes. `state` is kept for that answer."""

    state: State


# What a user act can lead to: a reply, or work the handler does before there is one.
Turn = Reply | CreateReminder


def _more_often(state: State, value_id: str | None, pending: str | None) -> bool:
    """Whether "often", said to a later question, takes back a "not often" given before: to
    the sleep question, which would read it as its own yes, or to one it answers nothing
    (round 37: "actually she does get them a lot, I forgot", asked about walking, got "I need
    an answer", and the result rested on the "no")."""
    said = answers.MEANINGS.get(value_id or "")
    return (
        pending not in (None, FREQUENT)
        and said == answers.Meaning(FREQUENT, Answer.YES)
        and state.answers.get(FREQUENT) is Answer.NO
    )


def _about(state: State, for_other: bool) -> State:
    """The session now speaking of the user (False) or of someone else (True). What was
    noted of one person is not the other's: it is dropped when the person changes."""
    noted = state.noted if for_other == state.for_other else {}
    return state._replace(for_other=for_other, noted=noted)


# The day the reminder offered after the contact details is for ("tomorrow morning"): a
# delay of one whole day, which reminders.scheduled() takes at the time said.
TOMORROW = timedelta(days=1)


def _offered_tomorrow(state: State, kept: Requested | None) -> bool:
    """Whether the reminder just offered is the skill's own, for tomorrow morning."""
    return state.pending is Pending.OFFER_REMINDER and kept is None


def _left_check(state: State) -> State:
    """A check left before its result: its answers become what the user said earlier, told
    back and not asked again if the check is taken up ("where were we")."""
    return state._replace(answers={}, noted={**state.noted, **state.answers})


def _join(*parts: str | None) -> str:
    return " ".join(p for p in parts if p)


class Conversation:
    """The skill's conversational behaviour for one locale's content."""

    def __init__(self, content: Content) -> None:
        self.content = content

    # -- building blocks -------------------------------------------------------------

    def _ask(
        self,
        speech: str,
        reprompt: str,
        state: State,
        card: Card | None = None,
        view: View | None = None,
        misses: int = 0,
    ) -> Reply:
        """Say `speech` and keep the session open. Any turn but a miss resets the miss count.
        A miss keeps what "repeat" says: the last reply that said something ("why do my legs
        cramp?", "huh?", "repeat" says the answer again, not "I don't have an answer")."""
        if misses == 0 or state.last_speech is None:
            state = state._replace(last_speech=speech, last_reprompt=reprompt)
        state = state._replace(misses=misses)
        return Reply(speech, reprompt, state, card=card, view=view)

    def _end(self, speech: str, card: Card | None = None) -> Reply:
        return Reply(speech, None, State(), card=card, end_session=True)

    def _menu(self, lead: str | None, state: State) -> Reply:
        return self._ask(
            _join(lead, self.content.prompt("menu")),
            self.content.prompt("menu_reprompt"),
            state._replace(pending=None, answers={}),
        )

    def _question(self, answers: Mapping[str, Answer]) -> Question | None:
        qid = triage.next_question(answers)
        return self.content.questions[qid] if qid else None

    def _offer_texts(self, kind: Pending) -> tuple[str, str]:
        prompt = self.content.prompt
        return {
            Pending.MORE: (prompt("ask_more"), prompt("more_reprompt")),
            Pending.OFFER_CHECK: (prompt("offer_check"), prompt("offer_check_reprompt")),
            Pending.OFFER_CONTACT: (prompt("offer_contact"), prompt("offer_contact_reprompt")),
            Pending.OFFER_REMINDER: (
                self.content.reminder.offer,
                self.content.reminder.offer_reprompt,
            ),
            Pending.RESUME_CHECK: (prompt("resume_check"), prompt("resume_check_reprompt")),
            Pending.WHOSE_ANSWERS: (prompt("whose_answers"), prompt("whose_answers_reprompt")),
            Pending.CONTACT_OR_DONE: (prompt("result_next"), prompt("result_next_reprompt")),
        }[kind]

    def _offer(self, lead: str | None, state: State, kind: Pending) -> Reply:
        remind = state.remind
        if kind is Pending.REMINDER_HALF:
            question = reprompt = self._which_half(remind)
        elif kind is Pending.OFFER_REMINDER and remind and remind.unclear and remind.day:
            question = self.content.reminder.offer_that_day  # "Thursday after lunch"
            reprompt = self.content.reminder.offer_that_day_reprompt
        else:
            question, reprompt = self._offer_texts(kind)
        if kind is Pending.OFFER_CHECK and state.for_other:  # "a quick check of their symptoms"
            question, reprompt = about_them(question), about_them(reprompt)
        state = state._replace(pending=kind)
        if not (state.check_waits or state.just_settled or kind in _KEEPS_ANSWERS):
            state = state._replace(answers={})
        return self._ask(_join(lead, question), reprompt, state)

    def _repeat_pending(self, lead: str | None, state: State) -> Reply:
        """Say `lead`, then ask again whatever question is pending (or offer the menu)."""
        if state.in_check:
            return self._ask_check(lead, state.answers, state)
        if state.pending not in (None, Pending.ANYTHING_ELSE):
            return self._offer(lead, state, state.pending)
        return self._menu(lead, state)

    def _ask_check(self, lead: str | None, answers: Mapping[str, Answer], state: State) -> Reply:
        # An answer the check no longer comes to, once an earlier one changed, is kept as
        # said earlier (round 25: the session then dropped all the answers, and "no" ended it)
        answers = dict(answers)
        if triage.next_question(answers) is not None:
            answers, aside = triage.split_path(answers)
            state = state._replace(noted={**state.noted, **aside})
        # Questions the user already answered earlier in the session are not asked again:
        # each is told back ("You said ...") and counted.
        taken: list[str] = []
        earlier = {q: a for q, a in state.noted.items() if q not in answers}
        settled = {**answers, **earlier}
        if earlier and triage.next_question(settled) is None:
            # What was said earlier already settles the outcome: no question is worth asking.
            # Told back: what the result rests on, unless the lead just said it.
            grounds = triage.grounds(triage.classify(settled).reason)
            taken = [self._taken(state, q, earlier[q]) for q in grounds if q in earlier]
            return self._outcome(settled, state, lead, [t for t in taken if t not in (lead or "")])
        while (qid := triage.next_question(answers)) is not None and qid in state.noted:
            answers[qid] = state.noted[qid]
            taken.append(self._taken(state, qid, answers[qid]))
        question = self._question(answers)
        if question is None:
            return self._outcome(answers, state, lead, taken)
        lead = _join(lead, *taken)
        asked = self._of(state, question.text)
        return self._ask(
            _join(lead, asked),
            _join(question.hint, asked),
            state._replace(pending=Pending.CHECK, answers=answers, result=None),
            view=View(ViewKind.QUESTION, question.id),
        )

    def _answered_later(self, state: State, question: str, answer: Answer) -> Reply:
        noted = state._replace(noted={**state.noted, question: answer})
        return self._ask_check(self._taken(state, question, answer), state.answers, noted)

    def _taken(self, state: State, question: str, answer: Answer) -> str:
        """ "You said ...", for an answer given before its question was asked."""
        words = self.content.questions[question]
        return self._of(state, words.taken_no if answer is Answer.NO else words.taken)

    @staticmethod
    def _of(state: State, text: str) -> str:
        """The check's words as said of whom the check is for (skill/third_person.py)."""
        return about_them(text) if state.for_other else text

    def _outcome(
        self,
        answers: Mapping[str, Answer],
        state: State,
        lead: str | None = None,
        taken: list[str] | None = None,
    ) -> Reply:
        result = triage.classify(answers)
        words = self.content.outcomes[result.outcome]
        reason = self._of(state, words.reasons[result.reason])
        # A reassuring result still says which signs need emergency care.
        fine = result.outcome is triage.Outcome.PROBABLY_FINE
        red_flag = self.content.safety["red_flag"] if fine else None
        advice = words.advice_for(result.reason)
        told = _join(reason, advice, self.content.not_a_diagnosis, red_flag)
        # What was taken from earlier, less what the reason already tells back.
        lead = _join(lead, *(t for t in taken or () if t not in reason))
        state = state._replace(
            topic=None, result=result, noted={}, answers=answers,
            settled=(result, state.for_other),
        )
        reply = self._offer(_join(lead, told), state, Pending.OFFER_CONTACT)
        view = View(ViewKind.OUTCOME, result.outcome.value)
        # The card has room for what is too long to say: the explanation too.
        card = Card(
            words.title_for(result.reason),
            _join(reason, advice, words.explain, self.content.not_a_diagnosis, red_flag),
        )
        return reply._replace(card=card, view=view)

    def _not_understood(self, lead: str, state: State) -> Reply:
        """Re-ask what is pending after a miss; both speech and reprompt carry the 911 line."""
        line = self.content.safety["emergency_line_again" if state.misses else "emergency_line"]
        reply = self._repeat_pending(_join(lead, line), state)
        reprompt = _join(reply.reprompt, line)
        kept = reply.state._replace(  # "repeat" still says the last reply that said something
            last_speech=state.last_speech, last_reprompt=state.last_reprompt
        )
        return self._ask(reply.speech, reprompt, kept, view=reply.view, misses=state.misses + 1)

    # -- user acts -------------------------------------------------------------------

    def launch(self, state: State) -> Reply:
        lead = _join(self.content.prompt("welcome"), self.content.safety["disclaimer"])
        return self._menu(lead, State())._replace(view=View(ViewKind.HOME))

    def first_turn(self, reply: Reply) -> Reply:
        """The first response of a session carries the disclaimer (one-shots included)."""
        disclaimer = self.content.safety["disclaimer"]
        if reply.state.owes_disclaimer:
            reply = reply._replace(state=reply.state._replace(owes_disclaimer=False))
        if disclaimer in reply.speech or not reply.speech:
            return reply
        if reply.view is not None and reply.view.kind is ViewKind.EMERGENCY:
            speech = _join(reply.speech, disclaimer)  # the way to help comes first
        else:
            speech = _join(disclaimer, reply.speech)
        state = reply.state
        if state.last_speech == reply.speech:
            state = state._replace(last_speech=speech)
        return reply._replace(speech=speech, state=state)

    def topic(
        self,
        state: State,
        intent: str,
        *,
        about_self: bool = False,
        unlisted: bool = False,
        for_other: bool = False,
        same_person: bool = False,
        other_sign: bool = False,
    ) -> Reply:
        """A topic's answer. Said about oneself ("my legs cramp when I walk"), it also answers
        the check question it is about: said to that question, it is the answer; otherwise it
        is noted, and the check will not ask it (it says what it took instead). `unlisted`:
        the question named something the article does not list ("does alcohol cause
        cramps?"), which the answer says first. `for_other`: asked about someone else ("does
        my mom need to see a vein doctor?"), the check offered next is about them;
        `same_person`: asked of no one, the session stays about whom it was. `other_sign`: it
        named another activity than its question's ("when I run"), so said to that question
        it is no answer, and the question is asked again."""
        topic = self.content.topics[intent]
        if for_other:  # "should she see a specialist?": "if their cramping occurs..."
            topic = topic._replace(speech=about_them(topic.speech))
        card = Card(topic.title, topic.speech)
        if unlisted:
            topic = topic._replace(speech=_join(self.content.prompt("not_listed"), topic.speech))
        meaning = answers.TOPIC_MEANINGS.get(intent)
        pending = triage.next_question(state.answers) if state.in_check else None
        waiting = triage.next_question(state.answers) if state.check_waits else None
        if about_self and meaning is not None and meaning.question == waiting:
            # "I have the veins big and twisted, like worms", to "shall we go back to the
            # check?" with that question next: its answer, and the check goes on (round 33:
            # the topic again, and the same offer)
            return self.answer(state._replace(pending=Pending.CHECK), meaning.answer)
        asked = meaning is not None and meaning.question == pending
        if asked and other_sign:
            return self._ask_check(self.content.prompt("walking_only"), state.answers, state)
        if asked and (about_self or intent in answers.ANSWER_WHEN_ASKED):
            return self.answer(state, meaning.answer)  # "it happens when I walk", asked that
        if about_self and meaning and state.result is not None and not state.in_check:
            changed = {**state.answers, meaning.question: meaning.answer}
            if state.just_settled and state.answers.get(meaning.question) is not meaning.answer:
                return self._changed_after_result(state, meaning.question, meaning.answer)
            if triage.classify(changed) != state.result:  # "wait, I do have varicose veins"
                return self._repeat_pending(self.content.prompt("answer_after_result"), state)
        if about_self and meaning and meaning.question not in state.answers:
            state = state._replace(noted={**state.noted, meaning.question: meaning.answer})
        if state.in_check or state.check_waits:  # answer, then offer to carry on the check
            reply = self._offer(topic.speech, state._replace(topic=intent), Pending.RESUME_CHECK)
            return reply._replace(card=card, view=View(ViewKind.ANSWER, intent))
        # Just after a result, the clinic is the next step: the check is not offered again.
        next_step = "contact" if state.result is not None else topic.next
        whom = state.for_other if same_person else for_other
        state = _about(state, whom)._replace(topic=intent, result=None)
        if topic.more:
            reply = self._offer(topic.speech, state, Pending.MORE)
        else:
            reply = self._offer_next(topic.speech, state, next_step)
        return reply._replace(card=card, view=View(ViewKind.ANSWER, intent))

    def not_covered(self, state: State, as_answer: str) -> Reply:
        """A topic question about a subject the article does not cover (skill/answers.py,
        NOT_COVERED); to the check question it would answer, it is `as_answer`."""
        pending = triage.next_question(state.answers) if state.in_check else None
        meaning = answers.meaning(as_answer, pending)
        if meaning is not None and meaning.question == pending:
            return self.answer(state, meaning.answer)
        return self.out_of_scope(state, "condition")

    def out_of_scope(self, state: State, category: str) -> Reply:
        """A question the article does not answer: say so honestly, and point to the clinic."""
        oos = self.content.out_of_scope
        offer: Pending | None = Pending.OFFER_CONTACT
        if category == "unknown":  # a subject the skill has no name for: no promise either
            lead, offer = _join(oos["unknown"], self.content.safety["emergency_line"]), None
        elif category == "symptom":  # "my heart races sometimes": a doctor's, not the clinic's
            lead, offer = oos[category], None
        elif category == "cramp_now":  # "I have a cramp right now": it passes, unless ...
            lead, offer = _join(oos[category], self.content.safety["red_flag"]), None
        elif category == "diagnosis" and state.result is not None and not state.in_check:
            # "Should I be worried then?" right after the check: what its result rests on,
            # and the result kept for "what's the next step?" (round 11: it was forgotten)
            words = self.content.outcomes[state.result.outcome]
            said = _join(oos["diagnosis"], words.reasons[state.result.reason])
            told = self._of(state, said)  # "I can't diagnose them" after a check for a father
            if state.result.outcome is triage.Outcome.PROBABLY_FINE:  # when it would be
                told = _join(told, self.content.safety["red_flag"])
            return self._about_result(told, words.title_for(state.result.reason), state)
        elif category == "diagnosis":  # the check is the way to an answer
            offer = Pending.OFFER_CHECK if state.result is None else Pending.OFFER_CONTACT
            # "something is really wrong with me", "the cramp won't go away, it's been
            # hours": whatever it is, the red flags and the way to help now (round 17)
            safety = self.content.safety
            lead = _join(oos["diagnosis"], safety["red_flag"], safety["emergency_line"])
        elif category in ("remedy", "remedy_cause", "medicine", *_MATERNAL):  # whom to ask
            lead = oos[category]
        elif category == "complication":  # "signs of a clot?", "what does a stroke look
            # like?": the signs that need 911 (and the clinic, unless the check goes on)
            clinic = None if state.in_check else oos["clinic_can_answer"]
            lead = _join(oos[category], clinic, self.content.safety["warning_signs"])
        else:
            lead = _join(oos[category], oos["clinic_can_answer"])
            if category == "condition":  # "swollen legs?": the red flags
                lead = _join(lead, self.content.safety["red_flag"])
        if state.in_check and category in _MATERNAL:
            # "the baby's been real quiet today": the warning signs, and the check waits to
            # be asked for (round 45: "Now, back to the check" and its question, at once)
            return self._offer(lead, state, Pending.RESUME_CHECK)
        if state.in_check:
            lead = _join(lead, self.content.prompt("back_to_check"))
            return self._ask_check(lead, state.answers, state)
        if state.check_waits:  # a second question between the check's questions
            return self._offer(lead, state, Pending.RESUME_CHECK)
        if category in ("cramp_now", *_MATERNAL):  # the menu's examples would not fit one
            # breath; after the signs in pregnancy, no offer of the vein clinic (round 45)
            return self._anything_else(lead, state._replace(result=None))
        if offer is None:
            return self._menu(lead, state._replace(result=None))
        return self._offer(lead, state._replace(result=None), offer)

    def _offer_next(self, lead: str, state: State, next_step: str) -> Reply:
        # The check already done for the user: the clinic next, not the check from question
        # one (round 47: a yes to it dropped the result and asked the first question again)
        done = state.settled is not None and not state.settled[1]
        kind = Pending.OFFER_CHECK if next_step == "check" and not done else Pending.OFFER_CONTACT
        return self._offer(lead, state, kind)

    def more(self, state: State) -> Reply:
        if state.in_check:  # "tell me more", "continue": what the question asks, and it again
            question = self._question(state.answers)  # (round 10: "continue" looped)
            said = state.last_speech or ""
            if question is not None and said.startswith(self._of(state, question.help)):
                # "ok go on", after that: the question alone (round 17: the help again)
                return self._ask_check(None, state.answers, state)
            return self.help(state)
        if state.result is not None:
            return self.explain_result(state)
        topic = self.content.topics.get(state.topic or "")
        if state.check_waits:  # "what does that mean?" about an answer given mid-check: the
            # check still waits (round 9: the menu came, and the check was gone)
            told = (topic.more if topic else None) or self.content.prompt("no_more_detail")
            return self._offer(told, state, Pending.RESUME_CHECK)
        if topic is None and state.pending in (Pending.OFFER_CONTACT, Pending.OFFER_CHECK):
            # after what the article doesn't cover, or another answer with no topic of its
            # own: nothing more, and the offer stands (round 26: "ask me a question first")
            return self._offer(self.content.prompt("no_more_detail"), state, state.pending)
        if topic is None:
            return self._menu(self.content.prompt("no_topic_yet"), state)
        said = state.last_speech or ""
        told = topic.more is None or said.startswith(topic.more)
        if told or said.startswith(self.content.prompt("no_more_detail")):
            # told already, just now: no second telling (round 14: "tell me more" three
            # times said the same thing three times)
            return self._offer_next(self.content.prompt("no_more_detail"), state, topic.next)
        reply = self._offer_next(topic.more, state, topic.next)
        card = Card(topic.title, topic.more)
        return reply._replace(card=card, view=View(ViewKind.MORE, topic.intent))

    def explain_result(self, state: State) -> Reply:
        """ "Why?" / "what does that mean?" right after the check: its reason and what helps."""
        if state.in_check:
            return self.help(state)  # "why?" about a question: say what it asks
        if state.result is None:
            return self.more(state)
        words = self.content.outcomes[state.result.outcome]
        told = _join(self._result_reason(state, state.result), words.explain)
        if state.result.outcome is triage.Outcome.PROBABLY_FINE:  # "so I'm fine?": when not
            told = _join(told, self.content.safety["red_flag"])
        return self._about_result(told, words.title_for(state.result.reason), state)

    def _result_reason(self, state: State, result: triage.Result) -> str:
        """Why the check came to `result`, in its words, of whom the check is about."""
        return self._of(state, self.content.outcomes[result.outcome].reasons[result.reason])

    def _about_result(self, told: str, title: str, state: State) -> Reply:
        """More about the result, then the clinic named again as the next step; "no thanks"
        now ends the session."""
        return self._offer(told, state, Pending.CONTACT_OR_DONE)._replace(card=Card(title, told))

    def next_step(self, state: State) -> Reply:
        """ "What should I do?": after a result, what it says to do (its title) and what the
        clinic can do, then the clinic; in the check, what the question asks; elsewhere, when
        to see a specialist, and the check."""
        if state.in_check:
            return self.help(state)
        if state.check_waits:  # "what should we do?", asked to go back: the check it waits on
            return self.start_check(state, for_other=state.for_other)
        if state.result is None:  # when the article says to see a specialist, then the
            # check (round 30: the offer of the check alone, again and again)
            return self.topic(state, "WhenToSeeSpecialistIntent")
        words = self.content.outcomes[state.result.outcome]
        reason = state.result.reason
        if state.result.outcome is triage.Outcome.PROBABLY_FINE:  # no step: when to act
            told = _join(words.advice_for(reason), self.content.safety["red_flag"])
        else:  # the title is the step: "Schedule an evaluation with a vein specialist"
            told = _join(f"{words.title_for(reason)}.", words.explain)
        return self._about_result(told, words.title_for(reason), state)

    def start_check(
        self, state: State, *, for_other: bool = False, for_self: bool = False
    ) -> Reply:
        """The spoken check; `for_other`: asked for someone else ("for my dad"), whom the
        user is told to answer for; its questions and result then speak of "them".
        `for_self`: said to be for the user ("this time it's for me"): a check under way
        about someone else starts afresh for the user."""
        for_them = self.content.prompt("check_for_other") if for_other else None
        if (state.in_check or state.check_waits) and for_self and state.for_other:
            # "this time it's for me", "let's do me instead": the answers given were someone
            # else's, so the user's check starts afresh (round 20: they were kept as theirs)
            fresh = _about(state, False)._replace(topic=None)
            return self._ask_check(self.content.prompt("starting_over"), {}, fresh)
        answering = state.in_check or state.check_waits
        if answering and for_other and not state.for_other and state.answers:
            # "hold up, this is actually for my grandpa" (round 44: kept as theirs, unasked;
            # after a result, "check my wife" is her check, taken afresh)
            lead = self.content.prompt("whose_answers_lead")
            return self._offer(lead, _about(state, True), Pending.WHOSE_ANSWERS)
        if answering:  # keep the answers ("start over" restarts)
            lead = for_them or self.content.prompt("back_to_check")  # "this is for my mom"
            whom = state.for_other or for_other
            return self._ask_check(lead, state.answers, state._replace(for_other=whom))
        if state.for_other and state.noted and not for_self:
            # what was said of them is kept: "where were we" after leaving their check
            # (round 31: a new check about the user, their answers lost)
            for_other = True
            for_them = self.content.prompt("check_for_other")
        state = _about(state, for_other)._replace(topic=None)
        reply = self._ask_check(_join(self.content.check_intro, for_them), {}, state)
        if reply.state.result is not None:  # settled by what was said earlier: no intro
            reply = self._ask_check(None, {}, state)
        return reply

    def check_asked(
        self, state: State, *, for_other: bool = False, for_self: bool = False
    ) -> Reply:
        """ "Check my symptoms", "where were we": said once the check has a result, for the
        same person, it may mean going back to it or taking it again. The result is said
        again and the user asked which (round 24: "where were we" wiped the result)."""
        if state.result is None and state.settled and not (state.in_check or state.check_waits):
            kept, of_other = state.settled  # a topic asked after the result: it stands
            state = state._replace(result=kept, for_other=of_other)
        other_person = (for_other and not state.for_other) or (for_self and state.for_other)
        if state.result is None or state.in_check or state.check_waits or other_person:
            return self.start_check(state, for_other=for_other, for_self=for_self)
        prompt = self.content.prompt
        reason = self._result_reason(state, state.result)
        if state.for_other and not for_other:  # "check my symptoms" after their result
            said = _join(prompt("check_done_other"), reason, prompt("check_for_you"))
            yours = _about(state, False)._replace(
                pending=Pending.OFFER_CHECK, answers={}, result=None  # theirs stays settled
            )
            return self._ask(said, prompt("check_for_you_reprompt"), yours)
        said = _join(prompt("check_done"), reason, prompt("check_again"))
        again = state._replace(pending=Pending.OFFER_CHECK, answers={})
        return self._ask(said, prompt("check_again_reprompt"), again)

    def answer(self, state: State, answer: Answer, lead: str | None = None) -> Reply:
        """A yes, no or not-sure while the check is running."""
        return self._ask_check(lead, triage.record(state.answers, answer), state)

    def yes(self, state: State) -> Turn:
        match state.pending:
            case Pending.CHECK:
                return self.answer(state, Answer.YES)
            case Pending.MORE:
                return self.more(state)
            case Pending.OFFER_CHECK:
                return self.start_check(state, for_other=state.for_other)
            case Pending.OFFER_CONTACT | Pending.CONTACT_OR_DONE:
                return self.contact(state)
            case Pending.OFFER_REMINDER:
                return self.reminder(state)
            case Pending.REMINDER_HALF:  # "is that 4 in the afternoon?": the hour asked about
                return self._remind_at(state, _halves(state.remind or Requested())[0])
            case Pending.RESUME_CHECK:
                return self._ask_check(None, state.answers, state)
            case Pending.WHOSE_ANSWERS:  # they were theirs: kept, and the check goes on
                return self._ask_check(self.content.prompt("check_for_other"), state.answers, state)
            case Pending.ANYTHING_ELSE:  # "yes" to "what else?": say what they can ask
                return self._menu(None, state)
        # Nothing was asked: as unclear as a fallback, so it offers the way to help too, and
        # a second one in a row is as a second miss (round 11: "ok" thrice, the same words).
        if state.misses > 1:  # told to "say check my symptoms": a yes to that is the check
            return self.start_check(state)  # (round 30: the same words, four times over)
        if state.misses:
            return self.fallback(state)
        return self._not_understood(self.content.prompt("yes_without_question"), state)

    def ready(self, state: State) -> Turn:
        """ "Go ahead", "I'm ready": a yes to an offer; in the check, said of the check, not
        an answer (round 27: "sure, go ahead" to its first question was a yes): the question
        again, nothing recorded, with how to answer it (round 28: "okay", said again and
        again, got the bare question)."""
        if state.in_check:
            question = self._question(state.answers)
            hint = self._of(state, question.hint) if question is not None else None
            return self._ask_check(hint, state.answers, state)
        return self.yes(state)

    def later(self, state: State) -> Turn:
        """ "Not now", "maybe later": a no to an offer; in the check, the check left (round
        27: to its first question, a no was recorded)."""
        if state.in_check:
            return self._anything_else(self.content.prompt("check_left"), state)
        return self.no(state)

    def no(self, state: State) -> Turn:
        match state.pending:
            case Pending.CHECK:
                return self.answer(state, Answer.NO)
            case Pending.MORE:  # the next step is named, so a second "no" ends the session
                topic = self.content.topics[state.topic or ""]
                lead = self.content.prompt(f"declined_more_{topic.next}")
                return self._anything_else(lead, state._replace(declined=state.pending))
            case Pending.OFFER_CHECK | Pending.OFFER_CONTACT | Pending.OFFER_REMINDER:
                declined = state._replace(declined=state.pending)
                return self._anything_else(self.content.prompt("declined"), declined)
            case Pending.RESUME_CHECK:
                return self._anything_else(self.content.prompt("check_left"), state)
            case Pending.REMINDER_HALF:  # not the hour asked about: the other, as said
                return self._remind_at(state, _halves(state.remind or Requested())[1])
            case Pending.WHOSE_ANSWERS:
                return self._answers_for_them_anew(state)
        # "No" to "anything else?" or to "what would you like to do?": we are done.
        return self.stop(state)

    def skip(self, state: State) -> Turn:
        """ "Skip this one": in the check, no answer, so recorded as not sure (round 9: taken
        as a no, four skips made a reassuring result); to anything else, a no."""
        if state.in_check:
            return self.answer(state, Answer.UNSURE)
        if state.pending is None:  # nothing asked to skip (round 16: it ended the session)
            return self._menu(None, state)
        return self.no(state)

    def _answers_for_them_anew(self, state: State) -> Reply:
        """The answers given were not about whom the check is now for: it starts over."""
        lead = _join(self.content.prompt("starting_over"), self.content.prompt("check_for_other"))
        return self._ask_check(lead, {}, state._replace(topic=None))

    def not_sure(self, state: State) -> Turn:
        if state.in_check:
            return self.answer(state, Answer.UNSURE)
        if state.pending is Pending.WHOSE_ANSWERS:  # not known to be theirs: asked anew
            return self._answers_for_them_anew(state)
        if state.pending is Pending.REMINDER_HALF:
            return self._offer(None, state, Pending.REMINDER_HALF)
        if state.pending is not None and state.pending is not Pending.ANYTHING_ELSE:
            if state.misses:  # unsure again: taken as a no, so the offer never loops
                return self.no(state)
            return self._not_understood(self.content.prompt("yes_or_no"), state)
        return self._menu(self.content.prompt("not_sure_outside_check"), state)

    def _note(self, state: State, said: str | None) -> Mapping[str, Answer]:
        """`noted` plus the yes that an answer slot value says ("they wake me up"), if any.

        A topic in general words ("leg cramps when running?") is a question, not a statement
        about oneself: `topic` notes it only when said in the first person."""
        meaning = answers.meaning(said)
        if meaning is None or meaning.answer is not Answer.YES:
            return state.noted
        return {**state.noted, meaning.question: Answer.YES}

    def check_answer(
        self,
        state: State,
        value_id: str | None,
        reply_id: str | None = None,
        hedge_id: str | None = None,
        also_id: str | None = None,
        *,
        of_other: bool = False,
    ) -> Turn:
        """An answer in the user's own words ("every night", "they wake me up"), resolved by
        the model to a value id; skill/answers.py says which question it answers and how.
        `reply_id` is the yes or no it opened with, if any ("no, I sleep through"); `hedge_id`
        the hedge said before it, if any ("I wouldn't say they wake me up"); `also_id` a
        second answer in the same breath ("every night and they wake me up"); `of_other`:
        said of someone else ("my mom gets them every night"), whose check is then offered."""
        resuming = state.pending is Pending.RESUME_CHECK
        if resuming:  # an answer is a way of going back
            state = state._replace(pending=Pending.CHECK)
        heard = state  # as it was, for a phrase that answers nothing asked
        if value_id is None and reply_id is None and also_id is not None:
            # "no, but when they come they wake me up", with no reply heard (round 18: "I
            # need an answer"): the later answer is what was said
            value_id, also_id = also_id, None
        if also_id is not None:
            state, value_id = self._also_said(state, value_id, also_id)
        if value_id is None and reply_id is None and not state.in_check:
            # "I have a cat", its words no answer: not understood (round 23: "Okay", and
            # the check offered)
            return self.fallback(heard)
        pending = triage.next_question(state.answers) if state.in_check else None
        meaning = answers.hedged(answers.meaning(value_id, pending), hedge_id)
        if hedge_id in answers.HEDGED and not state.in_check:
            value_id = None  # hedged, it states nothing the article could speak to
        reply = answers.REPLIES.get(reply_id or "")
        if meaning is None and reply is not None:  # "no, I sleep through": the no answers
            if resuming:  # "yes, and I have varicose veins", to "shall we go back to the
                # check?": the yes is to going back (round 27: the question waiting took it)
                state = state._replace(pending=Pending.RESUME_CHECK)
            return self._yes_or_no(state, reply)
        if state.in_check:
            if _more_often(state, value_id, pending) and reply is None:
                # "wait, they're actually pretty frequent", asked about sleep after "not
                # often": a change of mind about how often (round 17: a sleep yes)
                return self._correct(state, FREQUENT, Answer.YES)  # says which changed
            if meaning is not None and meaning.question == pending:
                if reply is Answer.NO and value_id in answers.NO_WHEN_SAID_NO:
                    return self.answer(state, Answer.NO)
                if reply not in (None, meaning.answer) and meaning.answer is not Answer.UNSURE:
                    # "not really when I walk" (round 10: a yes), "no, only when I walk":
                    # the yes or no and the words disagree, so neither is taken as said
                    return self.answer(state, Answer.UNSURE)
                if of_other and not state.for_other and not state.answers:
                    # "my dad gets them every night", to the first question of a check for
                    # the user: the check is for him (round 19: counted as the user's own)
                    lead = self.content.prompt("check_for_other")
                    return self.answer(_about(state, True), meaning.answer, lead)
                return self.answer(state, meaning.answer)
            if meaning is None:  # asked again, with nothing noted from it: never a result
                return self.fallback(heard)  # after "I need an answer" (round 16: 66 words)
            if meaning.question in state.answers:  # "actually no, they don't wake me up"
                return self._correct(state, meaning.question, meaning.answer)
            # "No, they don't bother my sleep", asked how often: the no may be about sleep
            # alone, so it answers the sleep question only, and this one comes again.
            if reply is Answer.NO and meaning.answer is Answer.NO:
                return self._answered_later(state, meaning.question, Answer.NO)
            if reply is not None:  # "no, only when I walk", asked how often: both count
                noted = state._replace(noted=self._note(state, value_id))
                return self.answer(noted, reply)
            if meaning.answer is Answer.UNSURE:  # "resting doesn't help", asked how often
                return self._ask_check(self.content.prompt("declined"), state.answers, state)
            # An answer to a later question ("they wake me up", "they don't wake me up"):
            # say what was taken, keep it, ask this one again (round 9: a no was forgotten
            # and its question asked later).
            return self._answered_later(state, meaning.question, meaning.answer)
        if value_id in answers.ASKS_ABOUT:  # "i don't know what varicose veins look like"
            return self.topic(state, answers.ASKS_ABOUT[value_id])
        if (
            state.just_settled
            and meaning is not None
            and value_id not in answers.FREQUENCIES  # "sometimes" is a remark (round 8)
            and state.answers.get(meaning.question, meaning.answer) is not meaning.answer
        ):  # "actually they don't wake me up", right after the result
            return self._changed_after_result(state, meaning.question, meaning.answer)
        said = answers.SAID_OUTSIDE_CHECK.get(value_id or "")
        if of_other and state.result is None:
            # round 18: "I'm asking for my mother, she gets cramps every night" was offered
            # a check of "your symptoms"
            state = _about(state, True)
        if state.result is not None:  # the check is done: a remark must not contradict it
            lead = self.content.prompt("answer_after_result")
        elif said is None:
            lead = self.content.prompt("frequency_outside_check")
        else:  # what the article says about it, in the check's own words
            lead = self.content.outcomes[said[0]].reasons[said[1]]
            if said[0] is triage.Outcome.PROBABLY_FINE:  # reassurance names the red flags
                lead = _join(lead, self.content.safety["red_flag"])
        state = state._replace(noted=self._note(state, value_id))
        if state.pending is Pending.OFFER_CHECK and state.result is None and said is not None:
            # "oh they absolutely wake me up", to "would you like a quick check?": an answer
            # to it, so the check starts with it (round 12: the offer came again and again);
            # a no too, as "hardly ever" is one (round 45: asked again at once)
            if meaning is not None and meaning.answer is Answer.NO:
                state = state._replace(noted={**state.noted, meaning.question: Answer.NO})
            return self.start_check(state, for_other=state.for_other)
        if reply is not None and state.pending in (Pending.OFFER_REMINDER, Pending.OFFER_CONTACT):
            # "no, I sleep okay", to "Would you like a reminder ...?": the no answers the offer
            # (round 40: the offer again, its no taken as a remark about sleep)
            return self._yes_or_no(state, reply)
        if state.pending not in (None, Pending.ANYTHING_ELSE):  # an offer is open: ask again
            return self._repeat_pending(lead, state)
        if state.result is not None:  # the check is just done: no second one
            return self._anything_else(lead, state)
        return self._offer(lead, state, Pending.OFFER_CHECK)

    def _also_said(
        self, state: State, value_id: str | None, also_id: str
    ) -> tuple[State, str | None]:
        """A second answer said with the first (round 13: "yes they're frequent and they wake
        me up" kept only the first, and the sleep question came next). It is noted for its
        own question, as an answer said before its question is, and told back when that
        question's turn comes. When it, and not the first, answers the question asked, the
        two change places, as they do when the first answers it only by a reading of how
        often ("they wake me up sometimes", asked about sleep: round 14 took the "sometimes"
        as unsure). An answer to a question already answered changes nothing."""
        pending = triage.next_question(state.answers) if state.in_check else None
        other = answers.meaning(also_id)
        first = answers.meaning(value_id, pending)
        if value_id in answers.SAYS_SELDOM and other and other.question == pending and (
            first is not None and first.answer is Answer.NO
        ):  # "they rarely wake me": a no, whatever "wake me" says alone (round 20: a yes to
            return state, value_id  # the sleep question)
        if value_id in answers.FREQUENCIES and pending not in (None, FREQUENT) and (
            other is not None and other.question != FREQUENT
        ):  # "they do wake me up sometimes", asked about walking: how often they wake, no
            return state, also_id  # answer to walking (round 19: walking was not sure)
        own = answers.meaning(value_id)  # what the first says, whatever is asked
        if pending is not None and (
            first is None or first.question != pending or (own and own.question != pending)
        ):
            second = answers.meaning(also_id, pending)
            if second is not None and second.question == pending:
                value_id, also_id = also_id, value_id or ""
        noted = answers.own(also_id, pending)
        said = answers.own(value_id, pending)
        if noted is not None and said is not None and noted.question == said.question:
            # "i have some little spider veins": "i have some" is a yes the rest makes unsure
            if answers.SPIDER in (value_id, also_id) and Answer.NO in (noted.answer, said.answer):
                # "just spider veins, nothing bulging": no varicose veins (round 33: unsure)
                return state, also_id if noted.answer is Answer.NO else value_id
            unsure = noted.answer is Answer.UNSURE and said.answer is not Answer.UNSURE
            return state, also_id if unsure else value_id
        if noted is None or noted.question in state.answers or noted.question == pending:
            return state, value_id
        if state.in_check:
            return state._replace(noted={**state.noted, noted.question: noted.answer}), value_id
        return state._replace(noted=self._note(state, also_id)), value_id

    def _changed_after_result(self, state: State, question: str, answer: Answer) -> Reply:
        """An answer changed right after the result ("actually they do wake me up"): the
        result its answers now make, or the question they now need."""
        changed = {**state.answers, question: answer}
        if triage.classify(changed) == state.result:
            # "I've got some bulging veins", to a result they leave as it is (round 17: "Okay,
            # changed." and the same result word for word)
            told = _join(self._taken(state, question, answer), self.content.prompt("result_same"))
            return self._repeat_pending(told, state)
        again = state._replace(pending=Pending.CHECK, result=None, noted={})
        # An answer to a question the check never asked is added, not changed: it is told
        # back (round 33: "Okay, changed." to "they ease off when I sit", walking unasked)
        added = question not in state.answers
        told = self._taken(state, question, answer) if added else None
        if triage.next_question(changed) is not None:
            return self._ask_check(told or self.content.prompt("answer_changed"), changed, again)
        return self._outcome(changed, again, told or self.content.prompt("result_changed"))

    def _correct(
        self, state: State, question: str, answer: Answer, lead: str | None = None
    ) -> Reply:
        """An answer to a question answered before: a change of mind about it (the yes or
        no it opens with is about that question too), then the check goes on from there."""
        if state.answers[question] is answer:
            return self._ask_check(None, state.answers, state)
        changed = {**state.answers, question: answer}
        noted = {q: a for q, a in state.noted.items() if q != question}
        if lead is None:  # which answer changed, and to what (round 30: "Okay, I've changed
            # that answer" alone); a result, or answers noted earlier, say their own
            asks_on = triage.next_question(changed) is not None and not noted
            sure = answer is not Answer.UNSURE
            told = self._taken(state, question, answer) if asks_on and sure else None
            lead = _join(self.content.prompt("answer_changed"), told)
        return self._ask_check(lead, changed, state._replace(noted=noted))

    def thanks(self, state: State) -> Reply:
        """'Thanks', 'I'm good' end the exchange, an offer's too: it is never a yes or a no to
        a question (round 28: said to "want to hear more?" or "would you like their details?",
        "you're welcome, what else?" kept people who were done)."""
        if state.in_check or state.pending in (Pending.REMINDER_HALF, Pending.RESUME_CHECK):
            # never an answer: the question comes again (round 17: "thanks", asked "is that 3
            # in the morning?", dropped the reminder without a word)
            return self._repeat_pending(self.content.prompt("welcome_back"), state)
        prompt = self.content.prompt
        return self._end(_join(prompt("welcome_back"), prompt("goodbye")))

    def phone(self, state: State, *, email: bool = False) -> Reply:
        """'What's your phone number?': the number when the skill has one, else the website.
        'What's their email?': the skill has no email address (no source gives one)."""
        if self.content.clinic.phone and not email:
            return self.contact(state)
        told = self.content.prompt("no_email" if email else "no_phone")
        return self._contact_told(told, state)

    def _contact_told(self, told: str, state: State) -> Reply:
        """After the contact details: back to the check if one is under way (round 10: the
        reminder offer dropped its answers), else the reminder, unless it is set."""
        contact = self.content.contact
        if state.in_check or state.check_waits:
            reply = self._offer(told, state, Pending.RESUME_CHECK)
        elif state.reminded:
            reply = self._anything_else(told, state)
        else:
            reply = self._offer(told, state, Pending.OFFER_REMINDER)
        card = Card(contact.title, contact.card)
        return reply._replace(card=card, view=View(ViewKind.CONTACT, "clinic"))

    def _anything_else(self, lead: str, state: State, card: Card | None = None) -> Reply:
        return self._ask(
            _join(lead, self.content.prompt("anything_else")),
            self.content.prompt("menu_reprompt"),
            # a result's answers stay, for "actually they don't wake me" (SETTLED); a check
            # left before its result keeps them as said (round 29: "where were we" asked them
            # all again)
            state._replace(pending=Pending.ANYTHING_ELSE, answers=state.answers)
            if state.result
            else _left_check(state)._replace(pending=Pending.ANYTHING_ELSE),
            card=card,
        )

    def contact(self, state: State) -> Reply:
        return self._contact_told(self.content.contact.speech, state)

    def book(self, state: State) -> Reply:
        """'Can you call them for me?', 'book me in for Tuesday', 'text my daughter the
        website': the skill can't, and how to reach the clinic (round 19: the details came as
        if the skill would call)."""
        said = _join(self.content.out_of_scope["booking"], self.content.contact.booking)
        return self._contact_told(said, state)

    def reminder(self, state: State, wanted: Requested | None = None) -> Turn:
        """The user wants the reminder (on the day and at the time `wanted`, if said): the
        handler must try to create it first."""
        if state.reminded:  # asked again mid-check, the check still waits to be resumed
            lead = self.content.reminder.already_set
            if wanted not in (None, Requested()):  # "no, 7 in the morning": where to change it
                lead = _join(lead, self.content.reminder.cannot_cancel)
            return self._after_reminder(lead, self._aside(state))
        if state.pending is Pending.REMINDER_HALF and state.remind is not None:
            return self._half_said(state, state.remind, wanted or Requested())
        kept = state.remind
        # The skill's own time was just offered, after a day or time it could not use (kept).
        offered = state.pending is Pending.OFFER_REMINDER and kept is not None and kept.unclear
        if offered or (wanted == Requested() and kept is not None and kept.unclear):
            # a yes to the skill's own time (on the day said, if it was clear); "remind me"
            # said afresh
            kept = Requested(day=kept.day) if offered and kept and kept.day else None
        if offered and kept and wanted and wanted.day is None and wanted.at:
            wanted = wanted._replace(day=kept.day)  # "how about 2 in the afternoon", to that
            # day's morning offered (round 26: today at 2)
        elif _offered_tomorrow(state, kept) and wanted and wanted.at and not wanted.after and (
            wanted.day is None and not wanted.part  # ("in the evening" is the next to come)
        ):  # "sure, at 10", to tomorrow morning offered: tomorrow (round 29: 10 tonight)
            wanted = wanted._replace(after=TOMORROW)
        remind = wanted if wanted not in (None, Requested()) else kept
        if remind is not None and remind.unclear and not offered:
            # "Remind me after lunch tomorrow": the skill cannot delete a reminder, so it
            # offers its own time rather than set one nobody asked for (round 9); asked
            # again, it sets that time and says why. Said to the offer that follows the
            # contact details, it is the first time (round 24: set at 9). In the check, the
            # offer would take the place of the question waiting: it says how to ask, and
            # the check goes on (round 26: "thursday after lunch" was set at 9).
            lead = self._unclear(remind)
            if state.pending in (Pending.CHECK, Pending.RESUME_CHECK):
                lead = _join(lead, self.content.prompt("reminder_say_when"))
                return self._offer(lead, self._aside(state), Pending.RESUME_CHECK)
            return self._offer(lead, state._replace(remind=remind), Pending.OFFER_REMINDER)
        if remind is not None and remind.guessed:  # "at six": the morning, or the evening?
            kept = self._aside(state)
            waits = kept.pending is Pending.RESUME_CHECK
            return self._offer(
                None, kept._replace(remind=remind, resume=waits), Pending.REMINDER_HALF
            )
        return CreateReminder(self._aside(state)._replace(remind=remind))

    def _unclear(self, remind: Requested) -> str:
        """What of a reminder's day and time the skill could not use."""
        return self.content.prompt("reminder_unclear_time" if remind.day else "reminder_unclear")

    def _which_half(self, remind: Requested | None) -> str:
        """ "Is that 4 in the afternoon? If not, I'll make it 4 in the morning."; for a morning
        hour already past ("at 8", said at 4 pm), the morning first."""
        if remind is None or remind.at is None:
            return self.content.reminder.offer
        first, other = (half.at or remind.at for half in _halves(remind))
        asked = self.content.prompt("reminder_which_half")
        return asked.replace("{asked}", spoken_time(first)).replace(
            "{otherwise}", spoken_time(other)
        )

    def _half_said(self, state: State, guess: Requested, said: Requested) -> Turn:
        """A time said to "is that 6 in the morning?" (yes and no are answers too): "six a.m."
        (a small hour again) or "in the morning" is the morning; "in the evening", "six p.m."
        the evening; another time, that time; a day alone, that day and the question again;
        anything else, the question again."""
        at = said.at
        again = None
        if said.day is not None and at is None and not said.unclear:
            again = guess._replace(day=said.day)  # "no, make it wednesday" (round 26: dropped)
        elif said.guessed and at != guess.at:  # "make it 4 instead": morning or evening again?
            again = said._replace(day=said.day or guess.day)
        if again is not None:
            return self._offer(None, state._replace(remind=again), Pending.REMINDER_HALF)
        evening = guess.at if guess.guessed else None  # "7:30 am" again: its morning
        again_morning = evening is not None and at == evening.replace(hour=evening.hour - 12)
        if said.guessed or again_morning or (
            at is not None and at < time(12) and at in PARTS_OF_DAY.values()
        ):
            chosen = guess.in_the_morning()
        elif at is not None and (at == guess.at or at >= time(12) and at in PARTS_OF_DAY.values()):
            chosen = guess._replace(guessed=False)
        elif at is not None and not said.unclear:
            chosen = said._replace(day=said.day or guess.day)
        else:
            return self._offer(None, state, Pending.REMINDER_HALF)
        return self._remind_at(state, chosen)

    def day_half(self, state: State, said: Requested) -> Turn:
        """ "The morning", "afternoon, please" or another hour ("4 pm"): the answer to "is that
        6 in the morning?", read as any time said to it is; to the offer of a reminder, the
        time it is wanted ("yes, in the evening": round 24, the fallback); once one is set, a
        change the skill cannot make; asked nothing of the kind, it answers nothing (as a turn
        not understood)."""
        if state.pending is Pending.OFFER_REMINDER:
            return self.reminder(state, said)
        if state.reminded and state.pending is not Pending.REMINDER_HALF:
            return self.cancel_reminder(state)  # "no, in the afternoon" once set (round 26)
        if state.pending is not Pending.REMINDER_HALF or state.remind is None:
            return self.fallback(state)
        return self._half_said(state, state.remind, said)

    def which_half(self, state: State, guess: Requested) -> Reply:
        """ "Is that 7:30 in the morning? If not, I'll make it 7:30 in the evening.": asked
        by the handler, which knows the hour said is past today (`evening_guess`)."""
        return self._offer(None, state._replace(remind=guess), Pending.REMINDER_HALF)

    def _remind_at(self, state: State, chosen: Requested) -> CreateReminder:
        """Out of "is that 6 in the morning?", the reminder at the hour chosen; a check under
        way (its answers kept while asking) waits to be resumed."""
        return CreateReminder(self._half_done(state, chosen))

    def _half_done(self, state: State, remind: Requested | None) -> State:
        """The state once "is that 6 in the morning?" is settled: a check under way (its
        answers kept while asking) waits to be resumed."""
        pending = Pending.RESUME_CHECK if state.answers or state.resume else None
        return self._aside(state._replace(pending=pending, remind=remind, resume=False))

    def change_reminder(self, state: State, wanted: Requested) -> Turn:
        """ "No, make it 7 in the morning": before a reminder is set, the one asked for then;
        once set (or with no day or time said), it can't be changed or cancelled here."""
        if not state.reminded and (wanted.day or wanted.at) is not None:
            return self.reminder(state, wanted)
        return self.cancel_reminder(state)

    def cancel_reminder(self, state: State) -> Reply:
        """ "Cancel that reminder": once set, the skill cannot, and says where it can be done
        (never a goodbye that sounds as if it had); one only offered is not set."""
        if state.reminded:
            return self._after_reminder(self.content.reminder.cannot_cancel, self._aside(state))
        if state.pending in (Pending.REMINDER_HALF, Pending.OFFER_REMINDER):
            # the reminder asked about, not yet set: "okay, no reminder"
            declined = self.content.reminder.declined
            return self._after_reminder(declined, self._half_done(state, None))
        # none set (round 47: "I can't change a reminder once it's set", with none set)
        return self._repeat_pending(self.content.reminder.none_set, state)

    def ask_permission(self, state: State) -> AskPermission:
        """No reminders permission yet: Alexa asks for it by voice, then comes back."""
        return AskPermission(self._aside(state))

    @staticmethod
    def _aside(state: State) -> State:
        """The state kept while a reminder is set: a check under way waits to be resumed."""
        if state.pending in (Pending.CHECK, Pending.RESUME_CHECK):
            return state._replace(pending=Pending.RESUME_CHECK)
        return state._replace(pending=None, answers={})

    def _after_reminder(self, lead: str, state: State, card: Card | None = None) -> Reply:
        """After the reminder: back to the check if one was under way, else "what else?"."""
        if state.pending is Pending.RESUME_CHECK:
            return self._offer(lead, state, Pending.RESUME_CHECK)._replace(card=card)
        return self._anything_else(lead, state, card)

    def permission_answer(self, state: State, granted: bool | None) -> Turn:
        """What the user said to Alexa's permission question: True yes, False no, None no
        answer (or the request failed); yes goes on to create the reminder."""
        if granted:
            return self.reminder(state)
        if granted is False:
            return self._after_reminder(self.content.reminder.declined, state)
        # Alexa heard neither yes nor no, and the skill never hears what was said: it may
        # have been an emergency ("my chest hurts"), so the way to help is said too.
        return self.reminder_outcome(state, ReminderResult.NO_PERMISSION, unheard=True)

    def reminder_outcome(
        self, state: State, result: ReminderResult, when: str = "", *, unheard: bool = False
    ) -> Reply:
        """How setting the reminder went; `when` says when it fires ("tomorrow at 9 in the
        morning"), for a reminder created; `unheard`: after an answer Alexa did not take."""
        words = self.content.reminder
        created = words.created.replace("{when}", when)
        if state.remind is not None and state.remind.unclear:  # "on Christmas": said so
            created = _join(self._unclear(state.remind), created)
        lead = {
            ReminderResult.CREATED: created,
            ReminderResult.NO_PERMISSION: words.no_permission,
            ReminderResult.FAILED: words.failed,
        }[result]
        if unheard:
            lead = _join(lead, self.content.safety["emergency_line"])
        card = None
        if result is ReminderResult.NO_PERMISSION:
            card = Card(self.content.contact.title, words.no_permission, (REMINDERS_PERMISSION,))
        reminded = state.reminded or result is ReminderResult.CREATED
        return self._after_reminder(lead, state._replace(reminded=reminded, remind=None), card)

    def help(self, state: State) -> Reply:
        question = self._question(state.answers) if state.in_check else None
        if question is not None:
            told = _join(self._of(state, question.help), self.content.prompt("check_help_tail"))
            return self._ask_check(told, state.answers, state)
        return self._repeat_pending(self.content.prompt("help"), state)

    def about(self, state: State) -> Reply:
        """ "Are you a real doctor?": what the skill is, then what was pending."""
        return self._repeat_pending(self.content.prompt("about"), state)

    def fallback(self, state: State) -> Reply:
        """Not understood: apologise once, then be shorter and more directive; always 911."""
        again = state.misses > 0
        question = self._question(state.answers) if state.in_check else None
        if question is not None:
            if again:
                return self._not_understood(self.content.prompt("check_fallback_again"), state)
            lead = _join(self.content.prompt("check_fallback"), question.hint)
            return self._not_understood(lead, state)
        if again and state.pending not in (None, Pending.ANYTHING_ELSE):
            return self._not_understood(self.content.prompt("offer_fallback_again"), state)
        if again:
            line = self.content.safety["emergency_line_again"]
            speech = _join(self.content.prompt("fallback_again"), line)
            return self._ask(
                speech, speech, state._replace(pending=None, answers={}), misses=state.misses + 1
            )
        return self._not_understood(self.content.prompt("fallback"), state)

    def repeat(self, state: State) -> Reply:
        if state.last_speech is None:  # nothing (sealed) to say again: ask what is pending
            if state.pending is None:
                return self._menu(self.content.prompt("nothing_to_repeat"), state)
            return self._repeat_pending(None, state)
        reprompt = state.last_reprompt or self.content.prompt("menu_reprompt")
        said = state.last_speech.removeprefix(self.content.prompt("paused")).lstrip()  # "i'm back"
        question = self._question(state.answers) if state.in_check else None
        if question is not None and said.endswith(asked := self._of(state, question.text)):
            said = asked  # "pardon?" in the check: the question, not its lead again (round 16)
        return self._ask(said, reprompt, state, misses=state.misses)

    def pause(self, state: State) -> Reply:
        """ "Hold on, my cat is knocking stuff over": the skill cannot wait, so it asks only what
        is pending, briefly (round 47: the whole 45-word answer again, and again on "I'm
        back")."""
        if state.pending is None and not state.in_check:
            return self.repeat(state)
        return self._repeat_pending(self.content.prompt("paused"), state)

    def start_over(self, state: State) -> Reply:
        """During or right after the check, a new check; anywhere else, the menu afresh."""
        if state.in_check or state.result is not None or state.pending is Pending.RESUME_CHECK:
            return self.start_check(State(), for_other=state.for_other)  # the same person
        return self._menu(self.content.prompt("starting_over"), State())

    def previous(self, state: State) -> Turn:
        """ "Go back": in the check, the question before this one again, its answer forgotten
        (and what was said earlier about it, so it is asked); asked whether to go back to the
        check, a yes (round 20: the aside came again); elsewhere, "repeat"."""
        if state.pending is Pending.RESUME_CHECK:
            return self.yes(state)
        if not state.in_check:
            return self.repeat(state)
        answers = dict(state.answers)
        lead = None
        if answers:
            last = list(answers)[-1]
            said = answers.pop(last)
            noted = {q: a for q, a in state.noted.items() if q != last}
            state = state._replace(noted=noted)
            told = self._taken(state, last, said) if said is not Answer.UNSURE else None
            lead = _join(self.content.prompt("went_back"), told)
        return self._ask_check(lead, answers, state)

    def change_answer(
        self,
        state: State,
        reply_id: str | None,
        which_id: str | None = None,
        frequency_id: str | None = None,
    ) -> Turn:
        """ "Wait, I meant no": in the check, the last answer becomes this one and the check
        goes on from there; with nothing answered yet, it answers the question asked; after
        the result, "start over" takes the check again; elsewhere, a plain yes or no.
        "Change my first answer (to no)": that answer, or that question asked again.
        "Actually it's more like once a month": the answer about how often, wherever asked."""
        yes = answers.REPLIES.get(reply_id or "") is Answer.YES
        if state.offer_declined and yes and which_id is None and frequency_id is None:
            # "wait, I meant yes", just after a no to an offer (round 21: "if your answers have
            # changed, say start over", or the menu)
            return self.yes(state._replace(pending=state.offer_declined, declined=None))
        if state.result is not None and not state.in_check:  # the check is done
            # right after it, the check again; later, only a change that names its answer
            # ("wait I meant no", said after "no" to the contact details, is about that)
            named = which_id is not None or frequency_id is not None
            now = named or state.pending is Pending.OFFER_CONTACT
            if state.just_settled and now:  # (just_settled: its answers are kept)
                again = state._replace(pending=Pending.CHECK, result=None)
                turn = self.change_answer(again, reply_id, which_id, frequency_id)
                if isinstance(turn, Reply) and turn.state.result is not None:
                    # settled again: a short lead leaves the new result its breath; an answer
                    # said again as it was changes nothing (round 22: "okay, changed")
                    same = turn.state.answers == state.answers
                    lead = self.content.prompt("result_kept" if same else "result_changed")
                    return self._outcome(turn.state.answers, again, lead)
                return turn
            return self._repeat_pending(self.content.prompt("answer_after_result"), state)
        frequency = answers.MEANINGS.get(frequency_id or "")
        if frequency is not None:
            before = state.answers.get(frequency.question) if state.in_check else None
            if before is None:
                return self.check_answer(state, frequency_id)
            if before is not frequency.answer:
                return self._correct(state, frequency.question, frequency.answer)
            # Said again as it was ("actually they're not that frequent"): an answer to the
            # question asked only where it is a clear no ("never", asked about walking). A
            # correction is about how often: "wait, it's more like once a week", asked about
            # sleep, is no yes to it (round 9: it was, and the result cited disrupted sleep).
            asked = answers.meaning(frequency_id, triage.next_question(state.answers))
            if asked is not None and asked.answer is Answer.NO:
                return self.check_answer(state, frequency_id)
            return self._ask_check(None, state.answers, state)
        reply = answers.REPLIES.get(reply_id or "")
        place = answers.ANSWER_ORDER.get(which_id or "")
        given = list(state.answers)
        if which_id in triage.QUESTIONS and state.in_check:
            # "go back to the walking question": that question, by its place among the
            # answers; the one being asked is asked again (round 22: the one before it was)
            if which_id not in given:
                return self._ask_check(None, state.answers, state)
            place = given.index(which_id)
        if reply_id == answers.OPPOSITE and state.in_check and state.answers:
            changed = given[-1] if place is None or place >= len(given) else given[place]
            reply = answers.OPPOSITES.get(state.answers[changed])
            place = given.index(changed)
        if state.in_check and place is not None:
            return self._change_at(state, place, reply)
        if reply is None and not state.in_check and state.reminded:
            # "change it for sunday", a reminder set: "previous" said "Done. I'll remind you
            # on Saturday" again, as if changed (round 36)
            return self._repeat_pending(self.content.reminder.cannot_cancel, state)
        if reply is None:  # "change my answer" to no clear yes or no: ask it again
            return self.previous(state)
        if state.in_check and state.answers:
            return self._correct(state, list(state.answers)[-1], reply)
        if state.in_check:
            return self.answer(state, reply)
        if state.result is not None:
            return self._repeat_pending(self.content.prompt("answer_after_result"), state)
        return self._yes_or_no(state, reply)

    def _yes_or_no(self, state: State, reply: Answer) -> Turn:
        """A plain yes or no, to whatever was asked."""
        return self.yes(state) if reply is Answer.YES else self.no(state)

    def _change_at(self, state: State, place: int, reply: Answer | None) -> Reply:
        """The answer at `place` (0: the first given; -1: the last) becomes `reply`; with no
        reply, its question is asked again and the answers after it are forgotten."""
        given = list(state.answers)
        if place == len(given) and reply is not None and state.in_check:
            # "change my second answer to yes", asked the second question: its answer (round
            # 36: "You haven't given that answer yet", and nothing recorded)
            return self.answer(state, reply)
        if place >= len(given) or not given:  # "my third answer", two given: nothing to change
            return self._repeat_pending(self.content.prompt("no_such_answer"), state)
        question = given[place]
        if reply is not None:
            return self._correct(state, question, reply)
        forgotten = set(given[place:])
        kept = {q: a for q, a in state.answers.items() if q not in forgotten}
        noted = {q: a for q, a in state.noted.items() if q not in forgotten}
        # what was said, before it is asked again ("wait, what did I say for the first
        # question?": round 30, the answer was dropped without a word)
        was = state.answers[question]
        told = None if was is Answer.UNSURE else self._taken(state, question, was)
        return self._ask_check(told, kept, state._replace(noted=noted))

    def navigate_home(self, state: State) -> Reply:
        lead = self.content.prompt("check_left") if state.in_check else None
        home = State(last_speech=state.last_speech)
        if state.in_check:  # what was answered counts if the check is asked for again
            left = _left_check(state)
            home = home._replace(for_other=left.for_other, noted=left.noted)
        return self._menu(lead, home)

    def stop(self, state: State) -> Reply:
        return self._end(self.content.prompt("goodbye"))

    def cancel(self, state: State) -> Reply:
        """ "Cancel that", once a reminder is set: a goodbye alone would sound as if the
        reminder had gone too, so it says where it can be deleted."""
        if state.pending is Pending.REMINDER_HALF:  # "never mind", to "is that 3 in the
            # morning?": that reminder, not the session (round 29: a check under way ended)
            declined = self.content.reminder.declined
            return self._after_reminder(declined, self._half_done(state, None))
        lead = self.content.reminder.cannot_cancel if state.reminded else None
        return self._end(_join(lead, self.content.prompt("goodbye")))

    def emergency(self, state: State) -> Reply:
        card = Card(self.content.emergency_card_title, self.content.safety["emergency_card"])
        reply = self._end(self.content.safety["emergency"], card)
        return reply._replace(view=View(ViewKind.EMERGENCY, "help"))

    def crisis(self, state: State) -> Reply:
        """Thoughts of suicide or self-harm: 911 if in danger or already hurt, and the
        national crisis line; never the physical emergency's "these signs"."""
        card = Card(self.content.emergency_card_title, self.content.safety["crisis_card"])
        reply = self._end(self.content.safety["crisis"], card)
        return reply._replace(view=View(ViewKind.EMERGENCY, "crisis"))

    def struggling(self, state: State) -> Reply:
        """Worn out by the cramps, not in danger: the crisis line, gently, then whatever was
        pending. Ending the session here would leave someone who only meant "I'm fed up" with
        a goodbye (round 13), and saying nothing would miss someone who meant more."""
        return self._repeat_pending(self.content.safety["struggling"], state)

    def not_emergency(self, state: State) -> Reply:
        """ "It's not an emergency" (after "if this is an emergency, call 911"): the signs
        that would make it one, then whatever was pending; the session stays open."""
        return self._repeat_pending(self.content.safety["not_emergency"], state)

    def error(self, state: State) -> Reply:
        return self._menu(self.content.prompt("error"), State())
