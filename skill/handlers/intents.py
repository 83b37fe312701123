"""The request handlers, class style: each reads state, calls one Conversation act, renders.

Order matters only for the catch-alls at the end of HANDLERS.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Response

from skill.content import load
from skill.conversation import Conversation, Reply, State
from skill.handlers.base import conversation, intent_name, render, resolved_slot_id, state

log = logging.getLogger("skill")

Act = Callable[[Conversation, State, HandlerInput], Reply]


class IntentHandler(AbstractRequestHandler):
    """Handles a fixed set of intent names with one conversation act."""

    def __init__(self, intents: Iterable[str], act: Act) -> None:
        self.intents = frozenset(intents)
        self.act = act

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input) and (
            intent_name(handler_input) in self.intents
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        reply = self.act(conversation(handler_input), state(handler_input), handler_input)
        return render(handler_input, reply)


class LaunchRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return render(handler_input, conversation(handler_input).launch(state(handler_input)))


class SessionEndedRequestHandler(AbstractRequestHandler):
    """Alexa closed the session: nothing may be spoken, nothing is kept."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        reason = getattr(handler_input.request_envelope.request, "reason", None)
        log.info("session ended: %s", getattr(reason, "value", reason))
        handler_input.attributes_manager.session_attributes = {}
        return handler_input.response_builder.response


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
        try:
            conv = conversation(handler_input)
        except Exception:  # noqa: BLE001 - even a broken locale must get an answer
            conv = Conversation(load())
        return render(handler_input, conv.error(State()))


def _frequency(conv: Conversation, st: State, hi: HandlerInput) -> Reply:
    return conv.frequency(st, resolved_slot_id(hi, "frequency"))


def _topic(conv: Conversation, st: State, hi: HandlerInput) -> Reply:
    return conv.topic(st, intent_name(hi) or "")


def _act(name: str) -> Act:
    """An act that needs only the state: Conversation.<name>(state)."""
    return lambda conv, st, hi: getattr(conv, name)(st)


TOPIC_INTENTS = tuple(load().topics)

HANDLERS: list[AbstractRequestHandler] = [
    LaunchRequestHandler(),
    IntentHandler(TOPIC_INTENTS, _topic),
    IntentHandler(["EmergencyIntent"], _act("emergency")),
    IntentHandler(["SymptomCheckIntent"], _act("start_check")),
    IntentHandler(["AMAZON.StartOverIntent"], _act("start_over")),
    IntentHandler(["AMAZON.YesIntent"], _act("yes")),
    IntentHandler(["AMAZON.NoIntent"], _act("no")),
    IntentHandler(["NotSureIntent"], _act("not_sure")),
    IntentHandler(["CrampFrequencyIntent"], _frequency),
    IntentHandler(["ContactClinicIntent"], _act("contact")),
    IntentHandler(["TellMeMoreIntent"], _act("more")),
    IntentHandler(["AMAZON.HelpIntent"], _act("help")),
    IntentHandler(["AMAZON.RepeatIntent"], _act("repeat")),
    IntentHandler(["AMAZON.NavigateHomeIntent"], _act("navigate_home")),
    IntentHandler(["AMAZON.StopIntent", "AMAZON.CancelIntent"], _act("stop")),
    IntentHandler(["AMAZON.FallbackIntent"], _act("fallback")),
    SessionEndedRequestHandler(),
    UnhandledRequestHandler(),
]

EXCEPTION_HANDLERS: list[AbstractExceptionHandler] = [CatchAllExceptionHandler()]


def handled_intents() -> frozenset[str]:
    """Every intent name some handler takes by name (the model must list exactly these)."""
    names: set[str] = set()
    for h in HANDLERS:
        if isinstance(h, IntentHandler):
            names |= h.intents
    return frozenset(names)
