"""Our serializer must read envelopes exactly as the SDK's DefaultSerializer does."""

from __future__ import annotations

import json

import pytest
from ask_sdk_core.exceptions import SerializationException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill.serialization import Serializer
from tests.support import VECTORS as SHARED_VECTORS
from tests.support import frequency_slot, intent, launch

VECTORS = SHARED_VECTORS / "requests"


def sdk(event):
    return DefaultSerializer().deserialize(json.dumps(event), RequestEnvelope)


def ours(event):
    return Serializer().envelope_from_dict(event)


def real_envelopes():
    if not VECTORS.is_dir():
        return []
    return [
        json.loads(p.read_bytes())
        for p in sorted(VECTORS.glob("*.json"))
        if not p.name.endswith(".headers.json")
    ]


@pytest.mark.parametrize(
    "event",
    [
        launch(),
        intent(
            "CrampFrequencyIntent", {"pending": "check"}, frequency_slot("most nights", "OFTEN")
        ),
        *real_envelopes(),
    ],
)
def test_same_objects_as_the_sdk(event):
    assert ours(event) == sdk(event)
    assert ours(event).request.timestamp.utcoffset() is not None


@pytest.mark.parametrize("stamp", ["2026-11-25T10:00:00Z", "2026-11-25T10:00:00.123+01:00"])
def test_iso_timestamps_parse_identically(stamp):
    event = launch()
    event["request"]["timestamp"] = stamp
    assert ours(event).request.timestamp == sdk(event).request.timestamp


def test_non_iso_timestamps_fall_back_to_the_sdk_parser():
    event = launch()
    event["request"]["timestamp"] = "Nov 25 2026 10:00:00 UTC"
    assert ours(event).request.timestamp == sdk(event).request.timestamp
    event["request"]["timestamp"] = "not a time"
    with pytest.raises(SerializationException):
        ours(event)
