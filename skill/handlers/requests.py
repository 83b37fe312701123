"""Reading an Alexa request defensively: every field may be missing or of the wrong type.

Handlers ask these instead of walking the SDK's objects themselves, so a malformed request
reads as "absent" (None, False) and never raises inside a handler.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput


def request_type(handler_input: HandlerInput) -> str | None:
    return getattr(handler_input.request_envelope.request, "object_type", None)


def intent_name(handler_input: HandlerInput) -> str | None:
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    name = getattr(intent, "name", None)
    return name if isinstance(name, str) else None


def locale(handler_input: HandlerInput) -> str | None:
    value = getattr(handler_input.request_envelope.request, "locale", None)
    return value if isinstance(value, str) else None


def supports_apl(handler_input: HandlerInput) -> bool:
    """True when the device declares Alexa.Presentation.APL (an Echo Show, a Fire TV...)."""
    system = getattr(handler_input.request_envelope.context, "system", None)
    interfaces = getattr(getattr(system, "device", None), "supported_interfaces", None)
    return getattr(interfaces, "alexa_presentation_apl", None) is not None


def slot_heard(handler_input: HandlerInput, slot_name: str) -> bool:
    """True when Alexa filled the slot with some words (matched to a value or not)."""
    return slot_value(handler_input, slot_name) is not None


def slot_value(handler_input: HandlerInput, slot_name: str) -> str | None:
    """A slot's value as Alexa sends it (the words heard; for AMAZON.DATE, a date), or None."""
    request = handler_input.request_envelope.request
    slots = getattr(getattr(request, "intent", None), "slots", None)
    slot = slots.get(slot_name) if isinstance(slots, dict) else None
    value = getattr(slot, "value", None)
    return value if isinstance(value, str) and value else None


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


def slot_values(handler_input: HandlerInput, *, without: str | None = None) -> list[str]:
    """The words Alexa heard in every filled slot but `without` (read for meaning, never
    kept or logged)."""
    request = handler_input.request_envelope.request
    slots = getattr(getattr(request, "intent", None), "slots", None)
    if not isinstance(slots, dict):
        return []
    values = (getattr(slot, "value", None) for name, slot in slots.items() if name != without)
    return [value for value in values if isinstance(value, str) and value]
