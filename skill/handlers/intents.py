"""The request handlers, class style: each reads state, calls one Conversation act, renders.

Order matters only for the catch-all at the end of HANDLERS.
"""

from __future__ import annotations

from collections.abc import Callable

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill import answers, metrics
from skill.conversation import AskPermission, Conversation, CreateReminder, Reply, State, Turn
from skill.handlers.can_fulfill import CanFulfillIntentRequestHandler
from skill.handlers.requests import (
    intent_name,
    request_type,
    resolved_slot_id,
    slot_heard,
    slot_value,
    slot_values,
)
from skill.handlers.responses import (
    SILENT_REQUEST_TYPES,
    conversation,
    default_conversation,
    render,
    silent,
    state,
)
from skill.logs import get_logger
from skill.reminders import PARTS_OF_DAY, requested

log = get_logger("skill")

Act = Callable[[Conversation, State, HandlerInput], Turn]


class IntentRequestHandler(AbstractRequestHandler):
    """Every intent the skill knows, routed by name through one dict lookup.

    One router instead of one class per intent: the SDK asks each handler `can_handle` in
    turn, so twenty small handlers cost twenty calls per request; this costs one.
    """

    def __init__(self, routes: dict[str, Act]) -> None:
        self.routes = routes

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input)
        return request_type(handler_input) == "IntentRequest" and name in self.routes

    def handle(self, handler_input: HandlerInput) -> Response:
        act = self.routes[intent_name(handler_input) or ""]
        conv = conversation(handler_input)
        turn = act(conv, state(handler_input), handler_input)
        if isinstance(turn, CreateReminder):
            from skill.handlers.reminders import create_reminder

            turn = create_reminder(handler_input, conv, turn)
        session = handler_input.request_envelope.session
        if session is not None and session.new:
            if isinstance(turn, Reply):
                turn = conv.first_turn(turn)
            elif isinstance(turn, AskPermission):  # Alexa speaks first: we owe the disclaimer
                turn = turn._replace(state=turn.state._replace(owes_disclaimer=True))
        return render(handler_input, turn)


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "LaunchRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, conversation(handler_input).launch(state(handler_input)))


class PermissionResponseHandler(AbstractRequestHandler):
    """Alexa's answer to our voice permission request (Connections.Response, AskFor)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return request_type(handler_input) == "Connections.Response" and (
            getattr(request, "name", None) == "AskFor"
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        from skill.handlers.reminders import create_reminder, permission_granted

        conv = conversation(handler_input)
        granted = permission_granted(handler_input)
        if granted is None:  # no answer, or the request failed: no reminder can be set
            metrics.count("ReminderFailed", "no_permission")
        turn = conv.permission_answer(state(handler_input), granted)
        if isinstance(turn, CreateReminder):
            turn = create_reminder(handler_input, conv, turn, may_ask=False)
        if isinstance(turn, Reply) and turn.state.owes_disclaimer:
            turn = conv.first_turn(turn)  # the one-shot's first words of ours
        return render(handler_input, turn)


class SessionEndedRequestHandler(AbstractRequestHandler):
    """Alexa closed the session: nothing may be spoken, nothing is kept."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "SessionEndedRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        reason = getattr(handler_input.request_envelope.request, "reason", None)
        log.info("session ended: %s", getattr(reason, "value", reason))
        return silent(handler_input)


class ExceptionEncounteredHandler(AbstractRequestHandler):
    """Alexa reports our last response failed; it accepts no answer to this, so none."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "System.ExceptionEncountered"

    def handle(self, handler_input: HandlerInput) -> Response:
        error = getattr(handler_input.request_envelope.request, "error", None)
        kind = getattr(error, "object_type", None)
        log.error("Alexa rejected a response: %s", getattr(kind, "value", kind))
        return silent(handler_input)


class UnhandledRequestHandler(AbstractRequestHandler):
    """Any request nobody else takes (unknown intent or request type): a spoken recovery."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        log.info("unhandled request type=%s", getattr(request, "object_type", None))
        return render(handler_input, conversation(handler_input).fallback(state(handler_input)))


class CatchAllExceptionHandler(AbstractExceptionHandler):
    """Apologise in speech; log the error type only, never user content."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        log.error("handler error: %s", type(exception).__name__)
        metrics.count("HandlerError")
        if request_type(handler_input) in SILENT_REQUEST_TYPES:
            return silent(handler_input)
        try:
            conv = conversation(handler_input)
        except Exception:  # noqa: BLE001 - even a broken locale must get an answer
            conv = default_conversation()
        return render(handler_input, conv.error(State()))


def _frequency(conv: Conversation, state: State, handler_input: HandlerInput) -> Turn:
    """{relative}: said of someone else ("my mom gets them every night")."""
    hedge, also = resolved_slot_id(handler_input, "hedge"), _also(handler_input)
    frequency = resolved_slot_id(handler_input, "frequency")
    if hedge in answers.ESTIMATE_HEDGES and frequency is not None:
        hedge = None  # "maybe twice a week" says how often
    of_other = resolved_slot_id(handler_input, "relative") == "OTHER" and not (
        answers.pronoun_for_the_cramp(
            slot_value(handler_input, "relative"), slot_values(handler_input, without="relative")
        )
    )
    return conv.check_answer(state, frequency, None, hedge, also, of_other=of_other)


def _check_answer(conv: Conversation, state: State, handler_input: HandlerInput) -> Turn:
    reply, hedge, answer = (
        resolved_slot_id(handler_input, n) for n in ("reply", "hedge", "answer")
    )
    also = _also(handler_input)
    if answer is reply is also is None:  # "my doctor said I have spider veins"
        answer = answers.NAMED_VEINS.get(resolved_slot_id(handler_input, "varicose") or "")
    return conv.check_answer(state, answer, reply, hedge, also)


def _also(handler_input: HandlerInput) -> str | None:
    """The second answer said in the same breath: an answer value, or veins named that
    answer with another (answers.NAMED_VEINS)."""
    named = answers.NAMED_VEINS.get(resolved_slot_id(handler_input, "varicose") or "")
    if named in answers.ALSO_NAMED:
        return named
    return resolved_slot_id(handler_input, "otherAnswer")


def _symptom_check(conv: Conversation, state: State, handler_input: HandlerInput) -> Reply:
    """ "Check the symptoms for my dad": {person} says whom the check is for."""
    person = resolved_slot_id(handler_input, "person")
    for_other = (
        "OTHER" in (
            person,
            resolved_slot_id(handler_input, "sufferer"),  # "it's my wife who has them"
            resolved_slot_id(handler_input, "relative"),  # "can you check my mom"
        )
        or answers.about_someone_else(slot_values(handler_input))  # "check my mom's legs"
        or (person is None and answers.named_someone(slot_value(handler_input, "person")))
    )
    for_self = person == "SELF"  # "this time it's for me"
    return conv.check_asked(state, for_other=for_other, for_self=for_self)


def _phone(conv: Conversation, state: State, handler_input: HandlerInput) -> Reply:
    """ "What's their email?": {channel} says which way of reaching the clinic is asked for.
    A {channel} heard that is no way of reaching anyone ("what's the recommended dose", round
    16: "there's no phone number in this skill") is a subject the skill has no name for."""
    channel = resolved_slot_id(handler_input, "channel")
    if channel is None and slot_heard(handler_input, "channel"):
        return _not_covered(conv, state, "unknown")
    return conv.phone(state, email=channel == "EMAIL")


ANSWER_CHANGE_SLOTS = ("reply", "which", "frequency")
# "The opposite", said alone (the Opposite type): a reply of its own, the answer turned round.
OPPOSITE_SLOT = "flip"


def _change_answer(conv: Conversation, state: State, handler_input: HandlerInput) -> Turn:
    reply, which, often = (resolved_slot_id(handler_input, n) for n in ANSWER_CHANGE_SLOTS)
    flip = resolved_slot_id(handler_input, OPPOSITE_SLOT)
    if not (reply or which or often or flip) and slot_heard(handler_input, OPPOSITE_SLOT):
        # "no, it's {flip}" heard with words that are no value ("no, it's fine when I
        # walk"): not a change the skill can tell, so nothing is forgotten (round 22: the
        # last answer was, and its question came again)
        return conv.fallback(state)
    return conv.change_answer(state, reply or flip, which, often)


def _reminder(conv: Conversation, state: State, handler_input: HandlerInput) -> Turn:
    """ "Remind me on Monday at ten", "in two hours": Alexa resolves the day, time and delay
    (AMAZON.DATE, AMAZON.TIME, AMAZON.DURATION)."""
    day, at = slot_value(handler_input, "day"), slot_value(handler_input, "time")
    duration = slot_value(handler_input, "duration")
    if state.in_check and at in PARTS_OF_DAY and not (day or duration):
        # "yes at night", to a question of the check: a sample for the reminder's time after
        # a yes, but the yes is the answer (round 24: Alexa's permission question came)
        return conv.yes(state)
    return conv.reminder(state, requested(day, at, duration))


def _change_reminder(conv: Conversation, state: State, handler_input: HandlerInput) -> Turn:
    """ "Cancel that reminder", "no, make it 7 in the morning": the day and time said, if any."""
    day, at = slot_value(handler_input, "day"), slot_value(handler_input, "time")
    return conv.change_reminder(state, requested(day, at))


# The DayHalf type's values as AMAZON.TIME's parts of the day, which "is that 3 in the
# morning?" already reads ("in the morning", "in the evening").
DAY_HALVES = {"MORNING": "MO", "EVENING": "EV"}


def _day_half(conv: Conversation, state: State, handler_input: HandlerInput) -> Turn:
    """ "Afternoon, please" (the DayHalf type) or "4 pm", to "is that 3 in the morning?"."""
    half = DAY_HALVES.get(resolved_slot_id(handler_input, "half") or "")
    return conv.day_half(state, requested(None, slot_value(handler_input, "time") or half))


def _topic(conv: Conversation, state: State, handler_input: HandlerInput) -> Reply:
    # "Are spider veins the same as varicose veins?": two of them compared, a question only
    # (round 13: to "do you have varicose veins?", it was recorded as not sure).
    compared = all(slot_heard(handler_input, slot) for slot in answers.COMPARED_SLOTS)
    for (slot, value_id), as_answer in answers.NOT_COVERED.items():
        if resolved_slot_id(handler_input, slot) == value_id:  # "what are spider veins?"
            if compared:
                metrics.count("OutOfScope", "condition")
                return conv.out_of_scope(state, "condition")
            reply = conv.not_covered(state, as_answer)
            if reply.state.answers == state.answers and reply.state.result == state.result:
                metrics.count("OutOfScope", "condition")  # said as not covered, not an answer
            return reply
    for (slot, value_id), category in answers.OUT_OF_SCOPE_VALUES.items():
        if resolved_slot_id(handler_input, slot) == value_id:  # "can statins cause cramps?"
            metrics.count("OutOfScope", category)
            return conv.out_of_scope(state, category)
    heard = slot_values(handler_input)
    # "About oneself": the one the check is about, the user or (said of them) someone else.
    about = answers.about_someone_else if state.for_other else answers.about_oneself
    name = intent_name(handler_input) or ""
    sign = answers.SIGN_VALUES.get(name)
    sign_id = resolved_slot_id(handler_input, sign.slot) if sign else None
    about_self = about(heard) and (sign is None or sign_id in sign.named_by)
    # "only when I'm running hard": another activity than the question's, said to it
    other_sign = sign is not None and sign_id in sign.not_named_by
    if any(  # "could it be a clot though": the clot answer and its signs
        answers.names_a_complication(slot_value(handler_input, slot) or "")
        for slot in answers.UNLISTED_SLOTS.get(name, ())
    ):
        metrics.count("OutOfScope", "complication")
        return conv.out_of_scope(state, "complication")
    # "Does alcohol cause leg cramps?": {cause} heard words no value of its type names, or a
    # value the article does not list ("standing all day").
    unlisted = any(
        slot_heard(handler_input, slot)
        and (
            (
                (value_id := resolved_slot_id(handler_input, slot)) is None
                and not answers.names_a_listed_cause(slot_value(handler_input, slot) or "")
            )
            or (slot, value_id) in answers.NOT_LISTED
        )
        for slot in answers.UNLISTED_SLOTS.get(name, ())
    )
    # "Does my mom need to see a vein doctor?", "my dad's legs cramp when he walks" (round 23:
    # "your cramping"): the answer speaks of them, and the check offered next is about them.
    # Not when the rest says "my" of the legs or veins: "my wife nags me to get my veins
    # checked" is about the user (round 30: "their cramping", and a check of "them").
    own = slot_values(handler_input, without="relative")
    named = resolved_slot_id(handler_input, "relative") == "OTHER"
    for_other = (named or answers.about_someone_else(heard)) and not answers.about_oneself(own)
    # Said of no one ("what are varicose veins?"): the session goes on about whom it was
    # (round 31: "where were we" after it began a check about the user, not her father).
    of_no_one = not (named or answers.about_someone_else(heard) or answers.about_oneself(own))
    return conv.topic(
        state, name, about_self=about_self, unlisted=unlisted, for_other=for_other,
        same_person=of_no_one, other_sign=other_sign,
    )


# A day or a time said with a question about the clinic asks for an appointment, which the
# skill cannot make: the booking reply.
WHEN_SLOTS = ("day", "time")
BOOKING = "booking"


def _out_of_scope(category: str, slot: str | None) -> Act:
    """The intent's category, unless its slot heard something the type does not know
    ("what is love" fills {treatment}): then an honest "not covered" without a category."""

    def act(conv: Conversation, state: State, handler_input: HandlerInput) -> Reply:
        heard = slot is not None and slot_heard(handler_input, slot)
        value_id = resolved_slot_id(handler_input, slot) if heard else None
        unknown = heard and value_id is None
        # "is it normal during pregnancy?" fills {condition}: the pregnancy reply
        named = answers.OUT_OF_SCOPE_VALUES.get((slot or "", value_id or ""))
        if named is not None:
            return _not_covered(conv, state, named)
        if category == "logistics" and any(slot_heard(handler_input, n) for n in WHEN_SLOTS):
            return _book(conv, state, handler_input)  # "are you open for a visit on tuesday"
        return _not_covered(conv, state, "unknown" if unknown else category)

    return act


def _book(conv: Conversation, state: State, handler_input: HandlerInput) -> Reply:
    """Asked to book, call or send a message: not something the skill does (counted as out
    of scope)."""
    metrics.count("OutOfScope", BOOKING)
    return conv.book(state)


def _not_covered(conv: Conversation, state: State, category: str) -> Reply:
    """The honest "not covered" answer, counted by its category."""
    metrics.count("OutOfScope", category)
    return conv.out_of_scope(state, category)


# Questions the article does not answer, one intent per kind: intent -> (category, slot).
OUT_OF_SCOPE_INTENTS: dict[str, tuple[str, str | None]] = {
    "RemediesIntent": ("remedy", "remedy"),
    "TreatmentsIntent": ("treatment", "treatment"),
    "ClinicLogisticsIntent": ("logistics", "insurer"),
    "OtherConditionsIntent": ("condition", "condition"),
    "OtherSymptomIntent": ("symptom", None),
    "CrampNowIntent": ("cramp_now", None),
    "RiskFactorsIntent": ("risk", None),
    "ComplicationsIntent": ("complication", None),
    "PregnancyIntent": ("pregnancy", None),
    "PostpartumIntent": ("postpartum", None),
    "PersonalDiagnosisIntent": ("diagnosis", None),
}


def _act(method: Callable[[Conversation, State], Reply]) -> Act:
    """An act that needs only the state, named as the method itself (Conversation.stop), so
    a rename is caught by the linter and "find usages" finds the route."""
    return lambda conv, state, handler_input: method(conv, state)


TOPIC_INTENTS = tuple(default_conversation().content.topics)

ROUTES: dict[str, Act] = {
    **dict.fromkeys(TOPIC_INTENTS, _topic),
    "EmergencyIntent": _act(Conversation.emergency),
    "CrisisIntent": _act(Conversation.crisis),
    "NotEmergencyIntent": _act(Conversation.not_emergency),
    "StrugglingIntent": _act(Conversation.struggling),
    "SymptomCheckIntent": _symptom_check,
    "AMAZON.StartOverIntent": _act(Conversation.start_over),
    "AMAZON.YesIntent": _act(Conversation.yes),
    "AMAZON.NoIntent": _act(Conversation.no),
    "ReadyIntent": _act(Conversation.ready),
    "LaterIntent": _act(Conversation.later),
    "NotSureIntent": _act(Conversation.not_sure),
    "SkipIntent": _act(Conversation.skip),
    "CrampFrequencyIntent": _frequency,
    "CheckAnswerIntent": _check_answer,
    "ChangeAnswerIntent": _change_answer,
    "ThanksIntent": _act(Conversation.thanks),
    "ClinicPhoneIntent": _phone,
    "ContactClinicIntent": _act(Conversation.contact),
    "BookForMeIntent": _book,
    "SetReminderIntent": _reminder,
    "CancelReminderIntent": _change_reminder,
    "DayHalfIntent": _day_half,
    "TellMeMoreIntent": _act(Conversation.more),
    "WhyIntent": _act(Conversation.explain_result),
    "NextStepIntent": _act(Conversation.next_step),
    **{name: _out_of_scope(*kind) for name, kind in OUT_OF_SCOPE_INTENTS.items()},
    "AMAZON.HelpIntent": _act(Conversation.help),
    "AboutSkillIntent": _act(Conversation.about),
    "AMAZON.RepeatIntent": _act(Conversation.repeat),
    "AMAZON.PauseIntent": _act(Conversation.pause),  # the skill cannot wait: asked again
    "AMAZON.NavigateHomeIntent": _act(Conversation.navigate_home),
    "AMAZON.PreviousIntent": _act(Conversation.previous),
    "AMAZON.StopIntent": _act(Conversation.stop),
    "AMAZON.CancelIntent": _act(Conversation.cancel),
    "AMAZON.FallbackIntent": _act(Conversation.fallback),
}

HANDLERS: list[AbstractRequestHandler] = [
    IntentRequestHandler(ROUTES),
    LaunchRequestHandler(),
    CanFulfillIntentRequestHandler(),
    PermissionResponseHandler(),
    SessionEndedRequestHandler(),
    ExceptionEncounteredHandler(),
    UnhandledRequestHandler(),  # last: takes whatever nobody else did
]

EXCEPTION_HANDLERS: list[AbstractExceptionHandler] = [CatchAllExceptionHandler()]


def handled_intents() -> frozenset[str]:
    """Every intent name the skill routes (the model must list exactly these)."""
    return frozenset(ROUTES)
