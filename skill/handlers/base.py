"""Shared plumbing for the handlers: read state, pick the locale's conversation, render."""

from __future__ import annotations

from functools import cache

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import AskForPermissionsConsentCard, SimpleCard

from skill import content, metrics
from skill.conversation import Conversation, Effect, Reply, State
from skill.handlers.reminders import ask_permission_directive
from skill.handlers.usage import count_reply
from skill.logs import get_logger
from skill.screen import render_directive
from skill.speech import ssml_text

log = get_logger("skill")


@cache
def conversation_for(locale: str | None) -> Conversation:
    """One Conversation per locale, built on first use; unknown locales get the default."""
    try:
        return Conversation(content.load(locale or content.DEFAULT_LOCALE))
    except content.ContentError:
        if locale == content.DEFAULT_LOCALE:
            raise
        return conversation_for(content.DEFAULT_LOCALE)


def conversation(handler_input: HandlerInput) -> Conversation:
    request = handler_input.request_envelope.request
    locale = getattr(request, "locale", None)
    return conversation_for(locale if isinstance(locale, str) else None)


def state(handler_input: HandlerInput) -> State:
    attrs = handler_input.attributes_manager.session_attributes
    st = State.from_session(attrs, conversation(handler_input).content)
    handler_input._skill_state = st  # type: ignore[attr-defined]  # render() counts from it
    return st


def render(handler_input: HandlerInput, reply: Reply) -> Response:
    """Reply -> Alexa Response. Session attributes are replaced, never merged."""
    if metrics.collecting():
        before = getattr(handler_input, "_skill_state", None)  # the request's, from state()
        count_reply(handler_input, before if before is not None else State(), reply)
    rb = handler_input.response_builder
    if reply.effect is Effect.ASK_PERMISSION:
        # Alexa speaks the permission question itself; the session waits for its answer.
        rb.add_directive(ask_permission_directive())
        if handler_input.request_envelope.session is not None:
            handler_input.attributes_manager.session_attributes = reply.state.to_session()
        return rb.response
    rb.speak(ssml_text(reply.speech))
    if reply.reprompt and not reply.end_session:
        rb.ask(ssml_text(reply.reprompt))
    if reply.card is not None and reply.card.permissions:
        rb.set_card(AskForPermissionsConsentCard(permissions=list(reply.card.permissions)))
    elif reply.card is not None:
        rb.set_card(SimpleCard(title=reply.card.title, content=reply.card.text))
    rb.set_should_end_session(reply.end_session)
    if handler_input.request_envelope.session is not None:
        handler_input.attributes_manager.session_attributes = (
            {} if reply.end_session else reply.state.to_session()
        )
    if reply.view is not None and supports_apl(handler_input):
        directive = render_directive(reply, conversation(handler_input).content)
        if directive is not None:
            rb.add_directive(directive)
    return rb.response


def supports_apl(handler_input: HandlerInput) -> bool:
    """True when the device declares Alexa.Presentation.APL (an Echo Show, a Fire TV...)."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    interfaces = getattr(getattr(system, "device", None), "supported_interfaces", None)
    return getattr(interfaces, "alexa_presentation_apl", None) is not None


def intent_name(handler_input: HandlerInput) -> str | None:
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    name = getattr(intent, "name", None)
    return name if isinstance(name, str) else None


def slot_heard(handler_input: HandlerInput, slot_name: str) -> bool:
    """True when Alexa filled the slot with some words (matched to a value or not)."""
    request = handler_input.request_envelope.request
    slots = getattr(getattr(request, "intent", None), "slots", None)
    slot = slots.get(slot_name) if isinstance(slots, dict) else None
    return bool(getattr(slot, "value", None))


def resolved_slot_id(handler_input: HandlerInput, slot_name: str) -> str | None:
    """The canonical id entity resolution matched for a slot, or None (missing, no match)."""
    request = handler_input.request_envelope.request
    slots = getattr(getattr(request, "intent", None), "slots", None)
    slot = slots.get(slot_name) if isinstance(slots, dict) else None
    authorities = getattr(getattr(slot, "resolutions", None), "resolutions_per_authority", None)
    for authority in authorities or ():
        code = getattr(getattr(getattr(authority, "status", None), "code", None), "value", None)
        values = getattr(authority, "values", None) or ()
        if code == "ER_SUCCESS_MATCH" and values:
            value_id = getattr(getattr(values[0], "value", None), "id", None)
            if isinstance(value_id, str):
                return value_id
    return None

