"""Name-free interaction: answering CanFulfillIntentRequest.

Alexa asks, before any session, whether the skill can take an utterance that did not name
it. YES only for what the skill is for (the article's topics, the check, the clinic and the
reminder to call it); NO for answers that only make sense inside the check, for built-ins,
for questions it would only call out of scope, and for emergencies, which Alexa's own
emergency handling serves better than a skill. Slots are judged from entity resolution, a
reminder's day, time and delay by whether the skill can use them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response

from skill.content import load
from skill.reminders import requested

FULFILLS = frozenset(
    {
        *load().topics,
        "SymptomCheckIntent",
        "ContactClinicIntent",
        "ClinicPhoneIntent",
        "SetReminderIntent",
    }
)


# Built-in slots carry no entity resolution: their value is judged by what the skill makes
# of it (a reminder's day, time or delay).
BUILTIN_SLOTS: dict[str, Callable[[str], object]] = {
    "day": lambda value: requested(value, None).day,
    "time": lambda value: requested(None, value).at,
    "duration": lambda value: requested(None, None, value).after,
}


def _slot_verdict(name: str, slot: Any) -> tuple[str, str]:
    """(canUnderstand, canFulfill) for one slot of the request."""
    value = getattr(slot, "value", None)
    if not value:
        return "NO", "NO"
    authorities = getattr(getattr(slot, "resolutions", None), "resolutions_per_authority", None)
    if not authorities and name in BUILTIN_SLOTS:
        return ("YES", "YES") if BUILTIN_SLOTS[name](str(value)) is not None else ("MAYBE", "NO")
    for authority in authorities or ():
        code = getattr(getattr(getattr(authority, "status", None), "code", None), "value", None)
        if code == "ER_SUCCESS_MATCH":
            return "YES", "YES"
    return "MAYBE", "NO"


class CanFulfillIntentRequestHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return getattr(request, "object_type", None) == "CanFulfillIntentRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        from ask_sdk_model.canfulfill import (
            CanFulfillIntent,
            CanFulfillIntentValues,
            CanFulfillSlot,
            CanFulfillSlotValues,
            CanUnderstandSlotValues,
        )

        intent = getattr(handler_input.request_envelope.request, "intent", None)
        name = getattr(intent, "name", None)
        raw_slots = getattr(intent, "slots", None)
        slots = raw_slots if isinstance(raw_slots, dict) else {}
        verdicts = {key: _slot_verdict(key, slot) for key, slot in slots.items()}
        fulfils = name in FULFILLS and all(f == "YES" for u, f in verdicts.values() if u != "NO")
        answer = CanFulfillIntent(
            can_fulfill=CanFulfillIntentValues.YES if fulfils else CanFulfillIntentValues.NO,
            slots={
                key: CanFulfillSlot(
                    can_understand=CanUnderstandSlotValues(u), can_fulfill=CanFulfillSlotValues(f)
                )
                for key, (u, f) in verdicts.items()
            }
            or None,
        )
        handler_input.response_builder.set_can_fulfill_intent(answer)
        return handler_input.response_builder.response
