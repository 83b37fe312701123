"""The 'call the clinic' reminder, over real HTTP against the local fake Alexa API."""

from __future__ import annotations

import logging
import socket
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from ask_sdk_model.services import ApiClientRequest

from lambda_function import lambda_handler
from skill.api_client import ApiClientError, UrllibApiClient
from skill.app import handle_event
from skill.content import load
from skill.reminders import REMINDERS_PERMISSION, next_morning
from skill_tools.response_checks import check_response
from skill_tools.simulator.fake_alexa_api import FakeAlexaApi
from tests.support import envelope, intent, speech, with_alexa_api

C = load()
SYMPTOM_WORDS = ("cramp", "sleep", "walk", "varicose", "vein disease", "pain", "symptom")


def ask_for_reminder(api: FakeAlexaApi, *, consent: bool = True, via_yes: bool = False):
    if via_yes:
        env = intent("AMAZON.YesIntent", {"pending": "offer_reminder"})
    else:
        env = intent("SetReminderIntent")
    return lambda_handler(with_alexa_api(env, api.url, consent=consent), None)


@pytest.mark.parametrize("via_yes", [False, True])
def test_reminder_is_created_with_the_right_body(via_yes):
    before = datetime.now(UTC)
    with FakeAlexaApi(time_zone="America/Los_Angeles") as api:
        r = ask_for_reminder(api, via_yes=via_yes)
    [call] = api.reminders()
    assert call.headers["Authorization"] == "Bearer test-access-token"
    trigger = call.body["trigger"]
    assert trigger["type"] == "SCHEDULED_ABSOLUTE"
    assert trigger["timeZoneId"] == "America/Los_Angeles"
    tomorrow = (before.astimezone(ZoneInfo("America/Los_Angeles")) + timedelta(days=1)).date()
    assert datetime.fromisoformat(trigger["scheduledTime"]) == datetime.combine(tomorrow, time(9))
    [spoken] = call.body["alertInfo"]["spokenInfo"]["content"]
    # No phone number in the skill: the reminder says where to reach the clinic, nothing else.
    assert spoken == {
        "locale": "en-US",
        "text": "Time to contact The Vein Center of Maryland at theveincenterofmaryland.com.",
    }
    assert not any(word in spoken["text"].lower() for word in SYMPTOM_WORDS)
    assert call.body["pushNotification"] == {"status": "ENABLED"}
    assert "remind you tomorrow" in speech(r)
    assert r["response"]["shouldEndSession"] is False and r["response"]["reprompt"]


def test_time_zone_is_read_from_the_settings_api_for_this_device():
    with FakeAlexaApi() as api:
        ask_for_reminder(api)
    settings = [c for c in api.calls if c.method == "GET"]
    assert [c.path for c in settings] == ["/v2/devices/d/settings/System.timeZone"]


def test_without_permission_alexa_asks_for_it_by_voice_and_no_api_call():
    with FakeAlexaApi() as api:
        r = ask_for_reminder(api, consent=False)
    assert api.calls == []
    (directive,) = r["response"]["directives"]
    assert directive["type"] == "Connections.SendRequest" and directive["name"] == "AskFor"
    assert directive["payload"]["@type"] == "AskForPermissionsConsentRequest"
    assert directive["payload"]["permissionScope"] == REMINDERS_PERMISSION
    # Alexa speaks the question and holds the session: no speech, no shouldEndSession.
    assert "outputSpeech" not in r["response"] and "shouldEndSession" not in r["response"]
    assert check_response(r, request_type="IntentRequest") == []


def _permission_answer(api: FakeAlexaApi, status: str, code: str = "200") -> dict:
    env = envelope(
        {
            "type": "Connections.Response",
            "name": "AskFor",
            "status": {"code": code, "message": "OK"},
            "payload": {"permissionScope": REMINDERS_PERMISSION, "status": status},
            "token": "reminder",
        }
    )
    return handle_event(with_alexa_api(env, api.url, consent=status == "ACCEPTED"))


def test_permission_granted_by_voice_creates_the_reminder():
    with FakeAlexaApi() as api:
        r = _permission_answer(api, "ACCEPTED")
    assert [c.method for c in api.calls] == ["GET", "POST"]
    assert "remind you tomorrow" in speech(r) and r["sessionAttributes"]["reminded"] is True


def test_permission_refused_by_voice_says_so_without_a_card():
    with FakeAlexaApi() as api:
        r = _permission_answer(api, "DENIED")
    assert api.calls == [] and "card" not in r["response"]
    assert "no reminder" in speech(r) and r["response"]["shouldEndSession"] is False


@pytest.mark.parametrize(("status", "code"), [("NOT_ANSWERED", "200"), ("ACCEPTED", "500")])
def test_no_clear_answer_falls_back_to_the_consent_card(status, code):
    with FakeAlexaApi() as api:
        r = _permission_answer(api, status, code)
    card = r["response"]["card"]
    assert card["type"] == "AskForPermissionsConsent"
    assert card["permissions"] == [REMINDERS_PERMISSION]
    assert "permission" in speech(r) and r["response"]["shouldEndSession"] is False


def test_api_refusing_permission_gives_the_consent_card():
    with FakeAlexaApi(reminder_status=403) as api:
        r = ask_for_reminder(api)
    assert r["response"]["card"]["type"] == "AskForPermissionsConsent"


@pytest.mark.parametrize(
    "fake",
    [
        {"reminder_status": 500},
        {"reminder_status": 429},
        {"time_zone_status": 500},
        {"time_zone": "Not/AZone"},
        {"delay": 2.5},  # longer than the client's timeout: must not hang the skill
    ],
    ids=["500", "throttled", "settings-500", "bad-zone", "no-answer-in-time"],
)
def test_api_failures_apologise_and_the_session_goes_on(fake):
    with FakeAlexaApi(**fake) as api:
        r = ask_for_reminder(api)
    assert C.reminder.failed in speech(r)
    assert r["response"]["shouldEndSession"] is False and r["response"]["reprompt"]


def test_api_unreachable_apologises():
    with FakeAlexaApi() as api:
        url = api.url
    env = with_alexa_api(intent("SetReminderIntent"), url)  # server now stopped
    assert C.reminder.failed in speech(lambda_handler(env, None))


def test_contact_details_offer_the_reminder_and_no_declines_it():
    r = lambda_handler(intent("ContactClinicIntent"), None)
    assert r["sessionAttributes"]["pending"] == "offer_reminder"
    r = lambda_handler(intent("AMAZON.NoIntent", r["sessionAttributes"]), None)
    assert r["sessionAttributes"]["pending"] == "anything_else" and "Okay" in speech(r)


@pytest.mark.parametrize(
    ("now", "zone", "expected"),
    [
        ("2026-11-26T03:00:00+00:00", "America/Los_Angeles", "2026-11-26T09:00:00"),
        ("2026-11-26T03:00:00+00:00", "Europe/Berlin", "2026-11-27T09:00:00"),
        ("2026-03-07T23:30:00+00:00", "America/New_York", "2026-03-08T09:00:00"),  # DST day
        ("2026-12-31T20:00:00+00:00", "Pacific/Auckland", "2027-01-02T09:00:00"),
    ],
)
def test_next_morning_is_tomorrow_in_the_device_time_zone(now, zone, expected):
    got = next_morning(datetime.fromisoformat(now), zone, time(9))
    assert got == datetime.fromisoformat(expected)


def test_next_morning_refuses_a_naive_time():
    with pytest.raises(ValueError):
        next_morning(datetime(2026, 1, 1), "UTC", time(9))


@pytest.mark.parametrize("url", ["http://example.com/v1", "ftp://127.0.0.1/x", "file:///etc/passwd"])
def test_api_client_refuses_plain_http_off_loopback(url):
    with pytest.raises(ApiClientError):
        UrllibApiClient().invoke(ApiClientRequest(url=url, method="GET", headers=[]))


def test_time_zones_resolve_without_a_system_database():
    """Minimal Lambda images may lack /usr/share/zoneinfo: the tzdata package must do."""
    import zoneinfo

    from skill.reminders import time_zone

    zoneinfo.reset_tzpath(to=[])
    try:
        zone = zoneinfo.ZoneInfo.no_cache("America/Chicago")
        winter = datetime(2026, 1, 15, 12, tzinfo=UTC).astimezone(zone)
        summer = datetime(2026, 7, 15, 12, tzinfo=UTC).astimezone(zone)
        assert (winter.utcoffset(), summer.utcoffset()) == (
            timedelta(hours=-6),
            timedelta(hours=-5),
        )
        with pytest.raises(ValueError):
            time_zone("Not/AZone")
    finally:
        zoneinfo.reset_tzpath()


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on: connecting is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_api_is_logged_as_unreachable_not_as_a_status(closed_port, caplog):
    env = with_alexa_api(intent("SetReminderIntent"), f"http://127.0.0.1:{closed_port}")
    with caplog.at_level(logging.INFO, logger="skill"):
        r = lambda_handler(env, None)
    assert "reminder not created: alexa api unreachable" in caplog.text
    assert "status=" not in caplog.text
    assert "remind you tomorrow" not in speech(r)


def test_an_api_that_never_answers_is_logged_as_a_timeout(caplog):
    """A socket that accepts connections (the kernel's backlog) but never answers."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        env = with_alexa_api(intent("SetReminderIntent"), f"http://{_address(silent)}")
        with caplog.at_level(logging.INFO, logger="skill"):
            lambda_handler(env, None)
    assert "reminder not created: alexa api timeout" in caplog.text
    assert "status=" not in caplog.text


def _address(sock: socket.socket) -> str:
    host, port = sock.getsockname()
    return f"{host}:{port}"
