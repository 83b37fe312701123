"""The SDK's serializer, minus two costs on every request.

- Lambda hands us the event already parsed; `DefaultSerializer.deserialize` wants a JSON
  string, so the SDK's own lambda_handler json.dumps the event only to json.loads it again.
  `envelope_from_dict` skips that round trip.
- Timestamps go through `dateutil.parser.parse` (a general-purpose parser, slow to import and
  to run). Alexa sends ISO 8601, which `datetime.fromisoformat` parses (Python 3.11+); other
  shapes still fall back to dateutil, so behaviour is unchanged.

Both hooks are the SDK's private (name-mangled) methods, so ask-sdk-core is pinned below 2;
tests/test_serialization.py proves the results equal the SDK's for real envelopes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope


class BadEnvelope(ValueError):
    """The event is not an Alexa request envelope the skill can read (skill.app.read_envelope).
    The message names fields and exception types only, never a value from the event."""


class Serializer(DefaultSerializer):
    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:  # noqa: N802
        try:
            parsed = datetime.fromisoformat(payload)
        except (TypeError, ValueError):
            return super()._DefaultSerializer__deserialize_datetime(payload, obj_type)
        return parsed.date() if obj_type is date else parsed

    def envelope_from_dict(self, event: Any) -> RequestEnvelope:
        """A RequestEnvelope from an already-parsed event (raises SerializationException)."""
        return self._DefaultSerializer__deserialize(event, RequestEnvelope)
