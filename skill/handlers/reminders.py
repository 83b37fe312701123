"""Creating the "call the clinic" reminder through the Alexa Reminders API.

The endpoint and token come from the request (the SDK's service client factory); the time
zone from the Alexa Settings API. Every failure becomes a ReminderResult, so the
conversation apologises and goes on. Logs carry status codes and error types only.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import RequestEnvelope

from skill import metrics
from skill.conversation import AskPermission, Conversation, CreateReminder, Reply
from skill.logs import get_logger
from skill.reminders import (
    REMINDERS_PERMISSION,
    ReminderResult,
    Requested,
    api_time,
    evening_guess,
    local_now,
    scheduled,
    spoken_when,
)

log = get_logger("skill.reminders")


def has_reminder_consent(handler_input: HandlerInput) -> bool:
    system = (
        handler_input.request_envelope.context.system
        if handler_input.request_envelope.context
        else None
    )
    permissions = getattr(getattr(system, "user", None), "permissions", None)
    return bool(getattr(permissions, "consent_token", None))


def create_reminder(
    handler_input: HandlerInput,
    conv: Conversation,
    wanted: CreateReminder,
    *,
    may_ask: bool = True,
) -> Reply | AskPermission:
    """Set the reminder (when asked, else tomorrow morning) and answer with how it went;
    without the permission, ask for it by voice first (Alexa comes back with
    Connections.Response), once."""
    if not has_reminder_consent(handler_input):
        if may_ask:
            return conv.ask_permission(wanted.state)
        result, when = ReminderResult.NO_PERMISSION, ""
    else:
        remind = wanted.state.remind or Requested()
        clock = _clock(handler_input)
        if isinstance(clock, tuple) and (guess := evening_guess(clock[2], remind)) is not None:
            return conv.which_half(wanted.state, guess)  # "7:30", said at 4 pm: which half?
        result, when = _create(handler_input, conv, remind, clock)
    if result is ReminderResult.CREATED:
        metrics.count("ReminderCreated")
    else:
        reason = "no_permission" if result is ReminderResult.NO_PERMISSION else "api_error"
        metrics.count("ReminderFailed", reason)
    return conv.reminder_outcome(wanted.state, result, when)


PERMISSION_TOKEN = "reminder"


def ask_permission_directive() -> Any:
    """Connections.SendRequest AskFor: Alexa asks the user for the reminders permission."""
    from ask_sdk_model.interfaces.connections import SendRequestDirective

    return SendRequestDirective(
        name="AskFor",
        payload={
            "@type": "AskForPermissionsConsentRequest",
            "@version": "1",
            "permissionScope": REMINDERS_PERMISSION,
        },
        token=PERMISSION_TOKEN,
    )


def permission_granted(handler_input: HandlerInput) -> bool | None:
    """From a Connections.Response to AskFor: True accepted, False denied, None otherwise."""
    request = handler_input.request_envelope.request
    code = getattr(getattr(request, "status", None), "code", None)
    payload = getattr(request, "payload", None)
    status = payload.get("status") if isinstance(payload, dict) else None
    if str(code) != "200" or status not in ("ACCEPTED", "DENIED"):
        return None
    return status == "ACCEPTED"


Clock = tuple[datetime, str, datetime]


def _clock(handler_input: HandlerInput) -> Clock | Exception:
    """When the user spoke (UTC), the device's time zone, and its wall-clock time then; or
    why they could not be read, which `_create` then reports as the reminder's failure (one
    call to a failing Settings API, not two)."""
    envelope = handler_input.request_envelope
    try:
        device_id = envelope.context.system.device.device_id
        ups = handler_input.service_client_factory.get_ups_service()
        zone = ups.get_system_time_zone(device_id)
        now = _request_time(envelope)
        return now, zone, local_now(now, zone)
    except Exception as exc:  # noqa: BLE001 - told apart where the reminder is created
        return exc


def _create(
    handler_input: HandlerInput,
    conv: Conversation,
    wanted: Requested,
    clock: Clock | Exception,
) -> tuple[ReminderResult, str]:
    """The API call, made with the permission; with the result, when the reminder fires, as
    said ("" unless created). `clock`: the user's time and zone, or why they could not be
    read (`_clock`)."""
    from ask_sdk_model.services import ServiceException
    from ask_sdk_model.services.reminder_management import (
        AlertInfo,
        PushNotification,
        PushNotificationStatus,
        ReminderRequest,
        SpokenInfo,
        SpokenText,
        Trigger,
        TriggerType,
    )

    from skill.api_client import ApiClientError

    factory = handler_input.service_client_factory
    try:
        if isinstance(clock, Exception):
            raise clock
        now, zone, there = clock
        when = scheduled(there, wanted, conv.content.reminder.time)
        request = ReminderRequest(
            request_time=now.replace(tzinfo=None, microsecond=0),
            trigger=Trigger(
                object_type=TriggerType.SCHEDULED_ABSOLUTE,
                scheduled_time=when,
                time_zone_id=zone,
            ),
            alert_info=AlertInfo(
                spoken_info=SpokenInfo(
                    content=[
                        SpokenText(locale=conv.content.locale, text=conv.content.reminder.spoken)
                    ]
                )
            ),
            push_notification=PushNotification(status=PushNotificationStatus.ENABLED),
        )
        factory.get_reminder_management_service().create_reminder(request)
    except ServiceException as exc:
        # The SDK wraps a call that got no response at all as a status 500 (its __context__ is
        # our ApiClientError): log why, not a status no server sent.
        if isinstance(exc.__context__, ApiClientError):
            log.warning("reminder not created: alexa api %s", exc.__context__.kind)
            return ReminderResult.FAILED, ""
        log.warning("reminders api refused: status=%s", exc.status_code)
        if exc.status_code in (401, 403):
            return ReminderResult.NO_PERMISSION, ""
        return ReminderResult.FAILED, ""
    except Exception as exc:  # noqa: BLE001 - bad zone, missing device, serializer errors
        log.warning("reminder not created: %s", type(exc).__name__)
        return ReminderResult.FAILED, ""
    log.info("reminder created for %s", api_time(when))
    return ReminderResult.CREATED, spoken_when(there, when)


def _request_time(envelope: RequestEnvelope) -> datetime:
    """When the user spoke: the request's timestamp (which the web service has checked to be
    within 150 seconds of now), so that a replayed or simulated conversation keeps its own
    clock; now, when the request has none."""
    stamp = getattr(envelope.request, "timestamp", None)
    if isinstance(stamp, datetime) and stamp.tzinfo is not None:
        return stamp.astimezone(UTC)
    return datetime.now(UTC)
