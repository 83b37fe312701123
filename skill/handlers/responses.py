"""The one way a turn becomes an Alexa response.

Every response the skill sends is made here: a Reply rendered through the SDK's response
builder, the silence owed to the requests Alexa accepts no answer to, and the answer to a
request too malformed to reach any handler. So is the choice of conversation (the request's
locale, else the default), which every one of them speaks from. skill/app.py only wires.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.response_helper import ResponseFactory
from ask_sdk_model import Response, ResponseEnvelope
from ask_sdk_model.ui import AskForPermissionsConsentCard, SimpleCard

from skill import content, metrics
from skill.conversation import AskPermission, Conversation, Reply, State
from skill.handlers import requests
from skill.handlers.usage import count_reply
from skill.speech import ssml_text

# Alexa accepts no speech in answer to these: the session is over or the last response failed
# (skill_tools/response_checks.py holds every response to this).
SILENT_REQUEST_TYPES = frozenset({"SessionEndedRequest", "System.ExceptionEncountered"})


@cache
def conversation_for(locale: str | None) -> Conversation:
    """One Conversation per locale, built on first use; unknown locales get the default."""
    try:
        return Conversation(content.load(locale or content.DEFAULT_LOCALE))
    except content.ContentError:
        if locale == content.DEFAULT_LOCALE:
            raise
        return conversation_for(content.DEFAULT_LOCALE)


def default_conversation() -> Conversation:
    """The default locale's conversation: what a request with no usable locale hears."""
    return conversation_for(None)


def conversation(handler_input: HandlerInput) -> Conversation:
    return conversation_for(requests.locale(handler_input))


def state(handler_input: HandlerInput) -> State:
    attrs = handler_input.attributes_manager.session_attributes
    current = State.from_session(attrs, conversation(handler_input).content)
    handler_input._skill_state = current  # type: ignore[attr-defined]  # render() counts from it
    return current


def render(handler_input: HandlerInput, reply: Reply | AskPermission) -> Response:
    """Reply -> Alexa Response. Session attributes are replaced, never merged."""
    counts = metrics.ACTIVE.get()
    if counts is not None:
        before = getattr(handler_input, "_skill_state", None)  # the request's, from state()
        count_reply(counts, handler_input, before if before is not None else State(), reply)
    builder = handler_input.response_builder
    has_session = handler_input.request_envelope.session is not None
    if isinstance(reply, AskPermission):
        # Alexa speaks the permission question itself; the session waits for its answer.
        from skill.handlers.reminders import ask_permission_directive

        builder.add_directive(ask_permission_directive())
        if has_session:
            handler_input.attributes_manager.session_attributes = reply.state.to_session()
        return builder.response
    _speak(builder, reply)
    if has_session:
        handler_input.attributes_manager.session_attributes = (
            {} if reply.end_session else reply.state.to_session()
        )
    if reply.view is not None and requests.supports_apl(handler_input):
        from skill.screen import render_directive

        directive = render_directive(reply, conversation(handler_input).content)
        if directive is not None:
            builder.add_directive(directive)
    return builder.response


def _speak(builder: ResponseFactory, reply: Reply) -> None:
    """The spoken part of a reply: speech, reprompt while the session stays open, card."""
    builder.speak(ssml_text(reply.speech))
    if reply.reprompt and not reply.end_session:
        builder.ask(ssml_text(reply.reprompt))
    if reply.card is not None and reply.card.permissions:
        builder.set_card(AskForPermissionsConsentCard(permissions=list(reply.card.permissions)))
    elif reply.card is not None:
        builder.set_card(SimpleCard(title=reply.card.title, content=reply.card.text))
    builder.set_should_end_session(reply.end_session)


def silent(handler_input: HandlerInput) -> Response:
    """No speech, and no session attributes echoed back (the SDK would return them)."""
    if handler_input.request_envelope.session is not None:
        handler_input.attributes_manager.session_attributes = {}
    return handler_input.response_builder.response


def without_handler(request_type: Any, *, understood: bool = True) -> ResponseEnvelope:
    """The answer to a request that never reached a handler (too malformed to deserialise,
    or failing before dispatch): silence where Alexa accepts none, "no" to a name-free
    question, else the conversation's spoken apology, or with ``understood`` False (a request
    type the SDK does not know) its "not understood" turn. No session is kept."""
    if request_type in SILENT_REQUEST_TYPES:
        return ResponseEnvelope(version="1.0", response=Response(), session_attributes={})
    if request_type == "CanFulfillIntentRequest":  # a question before any session: just "no"
        from ask_sdk_model.canfulfill import CanFulfillIntent, CanFulfillIntentValues

        no = CanFulfillIntent(can_fulfill=CanFulfillIntentValues.NO)
        return ResponseEnvelope(version="1.0", response=Response(can_fulfill_intent=no))
    builder = ResponseFactory()
    conv = default_conversation()
    _speak(builder, conv.error(State()) if understood else conv.fallback(State()))
    return ResponseEnvelope(version="1.0", response=builder.response, session_attributes={})
