"""Request envelopes as Alexa sends them, built from ask_sdk_model classes and serialised by
the SDK's own serializer, so a field the skill reads is spelt exactly as in production.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import (
    Application,
    Context,
    Device,
    Intent,
    IntentConfirmationStatus,
    IntentRequest,
    LaunchRequest,
    Permissions,
    Request,
    RequestEnvelope,
    Session,
    SessionEndedReason,
    SessionEndedRequest,
    Slot,
    SlotConfirmationStatus,
    SupportedInterfaces,
    User,
)
from ask_sdk_model.interfaces.alexa.presentation.apl import AlexaPresentationAplInterface, Runtime
from ask_sdk_model.interfaces.system import SystemState
from ask_sdk_model.interfaces.viewport import (
    Experience,
    Keyboard,
    Mode,
    Shape,
    Touch,
    ViewportState,
)
from ask_sdk_model.simple_slot_value import SimpleSlotValue
from ask_sdk_model.slu.entityresolution import (
    Resolution,
    Resolutions,
    Status,
    StatusCode,
    Value,
    ValueWrapper,
)

from skill_tools.simulator.nlu import Match, SlotFill

DEFAULT_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
DEFAULT_API_ENDPOINT = "https://api.amazonalexa.com"
APL_MAX_VERSION = "2024.2"
# An Echo Show 8: a 1280x800 landscape hub.
SCREEN = {"width": 1280, "height": 800, "dpi": 160, "arc_width": 246, "arc_height": 144}

_serializer = DefaultSerializer()
REMINDERS_SCOPE = "alexa::alerts:reminders:skill:readwrite"


class DeviceKind(StrEnum):
    SPEAKER = "speaker"  # an Echo Dot: voice only
    SCREEN = "screen"  # an Echo Show: declares Alexa.Presentation.APL and a viewport


@dataclass(frozen=True)
class SessionInfo:
    """The session a request belongs to: its id, whether it is new, what the skill keeps."""

    session_id: str
    new: bool
    attributes: Mapping[str, Any] = field(default_factory=dict)


def new_session_id() -> str:
    return f"amzn1.echo-api.session.{uuid.uuid4()}"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class EnvelopeFactory:
    """Builds one device's requests: same user and device throughout, fresh ids per request."""

    skill_id: str = DEFAULT_SKILL_ID
    locale: str = "en-US"
    device: DeviceKind = DeviceKind.SPEAKER
    api_endpoint: str = DEFAULT_API_ENDPOINT
    # True: the user has granted the reminders permission (the request carries a consent token).
    reminders_consent: bool = False
    clock: Callable[[], datetime] = _now
    user_id: str = field(default_factory=lambda: f"amzn1.ask.account.SIM{uuid.uuid4().hex}")
    device_id: str = field(default_factory=lambda: f"amzn1.ask.device.SIM{uuid.uuid4().hex}")

    # -- requests ------------------------------------------------------------------------

    def launch(self, session: SessionInfo) -> dict[str, Any]:
        return self._envelope(LaunchRequest(**self._common()), session)

    def intent(self, session: SessionInfo, match: Match) -> dict[str, Any]:
        slots = {name: self._slot(fill) for name, fill in match.slots.items()}
        intent = Intent(
            name=match.intent,
            slots=slots or None,
            confirmation_status=IntentConfirmationStatus.NONE,
        )
        return self._envelope(IntentRequest(**self._common(), intent=intent), session)

    def permission_response(self, session: SessionInfo, status: str, token: str) -> dict[str, Any]:
        """Alexa's Connections.Response to an AskFor permission request: ACCEPTED, DENIED or
        NOT_ANSWERED. After ACCEPTED, this device's requests carry the consent token."""
        from ask_sdk_model.interfaces.connections import ConnectionsResponse, ConnectionsStatus

        if status == "ACCEPTED":
            self.reminders_consent = True
        request = ConnectionsResponse(
            **self._common(),
            status=ConnectionsStatus(code="200", message="OK"),
            name="AskFor",
            payload={"permissionScope": REMINDERS_SCOPE, "status": status},
            token=token,
        )
        return self._envelope(request, session)

    def session_ended(
        self, session: SessionInfo, reason: SessionEndedReason = SessionEndedReason.USER_INITIATED
    ) -> dict[str, Any]:
        return self._envelope(SessionEndedRequest(**self._common(), reason=reason), session)

    # -- parts ---------------------------------------------------------------------------

    def _common(self) -> dict[str, Any]:
        return {
            "request_id": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": self.clock(),
            "locale": self.locale,
        }

    def authority(self, slot_type: str) -> str:
        """The entity-resolution authority Alexa names for a custom slot type of this skill."""
        return f"amzn1.er-authority.echo-sdk.{self.skill_id}.{slot_type}"

    def _slot(self, fill: SlotFill) -> Slot:
        if fill.value is None:
            return Slot(name=fill.name, confirmation_status=SlotConfirmationStatus.NONE)
        resolutions = None
        if fill.status is not None:
            values = [ValueWrapper(Value(name=name, id=id_)) for id_, name in fill.matches]
            resolutions = Resolutions(
                resolutions_per_authority=[
                    Resolution(
                        authority=self.authority(fill.type),
                        status=Status(code=StatusCode(fill.status)),
                        values=values or None,
                    )
                ]
            )
        return Slot(
            name=fill.name,
            value=fill.value,
            confirmation_status=SlotConfirmationStatus.NONE,
            resolutions=resolutions,
            slot_value=SimpleSlotValue(value=fill.value, resolutions=resolutions),
        )

    def _context(self) -> Context:
        application = Application(application_id=self.skill_id)
        interfaces = SupportedInterfaces()
        viewport = None
        if self.device is DeviceKind.SCREEN:
            interfaces.alexa_presentation_apl = AlexaPresentationAplInterface(
                runtime=Runtime(max_version=APL_MAX_VERSION)
            )
            viewport = ViewportState(
                experiences=[
                    Experience(
                        arc_minute_width=SCREEN["arc_width"],
                        arc_minute_height=SCREEN["arc_height"],
                        can_rotate=False,
                        can_resize=False,
                    )
                ],
                mode=Mode.HUB,
                shape=Shape.RECTANGLE,
                pixel_width=SCREEN["width"],
                pixel_height=SCREEN["height"],
                dpi=SCREEN["dpi"],
                current_pixel_width=SCREEN["width"],
                current_pixel_height=SCREEN["height"],
                touch=[Touch.SINGLE],
                keyboard=[Keyboard.DIRECTION],
            )
        system = SystemState(
            application=application,
            user=User(
                user_id=self.user_id,
                permissions=(
                    Permissions(consent_token=secrets.token_urlsafe(24))
                    if self.reminders_consent
                    else None
                ),
            ),
            device=Device(device_id=self.device_id, supported_interfaces=interfaces),
            api_endpoint=self.api_endpoint,
            api_access_token=secrets.token_urlsafe(32),
        )
        return Context(system=system, viewport=viewport)

    def _envelope(self, request: Request, session: SessionInfo) -> dict[str, Any]:
        envelope = RequestEnvelope(
            version="1.0",
            session=Session(
                new=session.new,
                session_id=session.session_id,
                user=User(user_id=self.user_id),
                attributes=None if session.new else dict(session.attributes),
                application=Application(application_id=self.skill_id),
            ),
            context=self._context(),
            request=request,
        )
        return _serializer.serialize(envelope)
