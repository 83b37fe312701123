"""The session driver: what Alexa does between the user and the skill, one utterance at a time.

It decides whether a phrase launches the skill, is a one-shot, ends the session or belongs
to the open session; builds the request; sends it (in-process or over HTTP); and keeps the
session: one sessionId per session, `new` only on its first request, attributes carried
from the last response, a fresh session after a response that ends it.
"""

from __future__ import annotations

import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from skill.speech import plain_text
from skill_tools.simulator.envelopes import DeviceKind, EnvelopeFactory, SessionInfo, new_session_id
from skill_tools.simulator.nlu import NLU, Match, RouteKind

Transport = Callable[[dict[str, Any]], dict[str, Any]]


class SimulatorError(Exception):
    """A runtime failure with a one-line message for the user (e.g. the endpoint is down)."""


def in_process_transport(envelope: dict[str, Any]) -> dict[str, Any]:
    """Call the skill exactly as Lambda does, without a network."""
    from skill.app import handle_event  # imported on first use: building the skill costs time

    return handle_event(envelope)


class HttpTransport:
    """POST each request envelope as JSON to a running web service (started with --no-verify).

    Proxies from the environment are ignored: the endpoint is a development server.
    """

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        self.url = url
        self.timeout = timeout
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def __call__(self, envelope: dict[str, Any]) -> dict[str, Any]:
        try:
            request = urllib.request.Request(
                self.url,
                data=json.dumps(envelope).encode("utf-8"),
                headers={"Content-Type": "application/json", "Accept": "application/json"},
                method="POST",
            )
            with self._opener.open(request, timeout=self.timeout) as answer:
                body = answer.read()
        except urllib.error.HTTPError as exc:
            raise SimulatorError(f"endpoint {self.url} answered HTTP {exc.code}") from None
        except urllib.error.URLError as exc:
            reason = getattr(exc.reason, "strerror", None) or str(exc.reason)
            raise SimulatorError(f"endpoint {self.url} did not answer: {reason}") from None
        except TimeoutError:
            raise SimulatorError(
                f"endpoint {self.url} did not answer within {self.timeout:g} s"
            ) from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            raise SimulatorError(f"endpoint {self.url} failed: {type(exc).__name__}") from None
        try:
            parsed = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise SimulatorError(f"endpoint {self.url} answered with something not JSON") from None
        if not isinstance(parsed, dict):
            raise SimulatorError(f"endpoint {self.url} answered JSON that is not an object")
        return parsed


# -- one turn ---------------------------------------------------------------------------------


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _speech(output: Any) -> tuple[str | None, str | None]:
    """(plain text, ssml) of an outputSpeech object, PlainText or SSML."""
    output = _dict(output)
    if isinstance(output.get("ssml"), str):
        return plain_text(output["ssml"]), output["ssml"]
    if isinstance(output.get("text"), str):
        return output["text"], None
    return None, None


def _resolved(slot: Mapping[str, Any]) -> str | None:
    for authority in _dict(slot.get("resolutions")).get("resolutionsPerAuthority") or []:
        authority = _dict(authority)
        values = authority.get("values") or []
        if _dict(authority.get("status")).get("code") == "ER_SUCCESS_MATCH" and values:
            return _dict(_dict(values[0]).get("value")).get("id")
    return None


@dataclass(frozen=True)
class Turn:
    """One request and its response, with what a person (or a test) wants to read from them."""

    number: int
    utterance: str
    request: dict[str, Any]  # the envelope sent
    response: dict[str, Any]  # the response envelope received
    session_id: str
    new_session: bool
    session_ended: bool  # the session is over after this turn
    match: Match | None = None  # how the utterance was understood (IntentRequest only)

    @property
    def request_type(self) -> str:
        return str(self.request["request"]["type"])

    @property
    def intent(self) -> str | None:
        return _dict(self.request["request"].get("intent")).get("name")

    @property
    def slots(self) -> dict[str, dict[str, str | None]]:
        slots = _dict(_dict(self.request["request"].get("intent")).get("slots"))
        return {
            name: {"value": _dict(s).get("value"), "resolved": _resolved(_dict(s))}
            for name, s in slots.items()
        }

    @property
    def _body(self) -> dict[str, Any]:
        return _dict(self.response.get("response"))

    @property
    def speech(self) -> str:
        return _speech(self._body.get("outputSpeech"))[0] or ""

    @property
    def ssml(self) -> str | None:
        return _speech(self._body.get("outputSpeech"))[1]

    @property
    def reprompt(self) -> str | None:
        return _speech(_dict(self._body.get("reprompt")).get("outputSpeech"))[0]

    @property
    def card(self) -> dict[str, str] | None:
        card = self._body.get("card")
        if not isinstance(card, dict):
            return None
        if card.get("type") == "AskForPermissionsConsent":
            # The Alexa app draws this card itself, with its own title and an "allow" button.
            scopes = ", ".join(str(p) for p in card.get("permissions") or [])
            return {"title": "Permission request (drawn by the Alexa app)", "content": scopes}
        content = card.get("content", card.get("text", ""))
        return {"title": str(card.get("title", "")), "content": str(content)}

    @property
    def end_session(self) -> bool | None:
        if self.request_type == "SessionEndedRequest":
            return True
        value = self._body.get("shouldEndSession")
        return value if isinstance(value, bool) else None

    @property
    def session_attributes(self) -> dict[str, Any]:
        return _dict(self.response.get("sessionAttributes"))

    def to_json(self) -> dict[str, Any]:
        """The --jsonl record: exactly these keys, in this order."""
        return {
            "turn": self.number,
            "utterance": self.utterance,
            "request_type": self.request_type,
            "intent": self.intent,
            "slots": self.slots,
            "speech": self.speech,
            "ssml": self.ssml,
            "reprompt": self.reprompt,
            "card": self.card,
            "end_session": self.end_session,
            "session_attributes": self.session_attributes,
        }


# -- the driver -------------------------------------------------------------------------------


@dataclass
class _Open:
    session_id: str
    attributes: dict[str, Any]


# What Alexa says when a skill asks for a permission by voice, and how it reads the answer.
PERMISSION_QUESTION = (
    "Do you give {skill} permission to create reminders? You can say I approve, or no."
)
_APPROVALS = frozenset(
    {"i approve", "approve", "yes", "yes i approve", "yeah", "sure", "ok", "okay"}
)
_REFUSALS = frozenset({"no", "no thanks", "nope", "i do not approve", "do not approve", "deny"})
_PERMISSION_REPLIES = {
    "AMAZON.YesIntent": "ACCEPTED", "AMAZON.NoIntent": "DENIED", "LaterIntent": "DENIED",
}


def _permission_request(response: dict[str, Any]) -> str | None:
    """The token of a Connections.SendRequest AskFor directive in a response, if any."""
    for directive in _dict(response.get("response")).get("directives") or []:
        directive = _dict(directive)
        if directive.get("type") == "Connections.SendRequest" and directive.get("name") == "AskFor":
            return str(directive.get("token") or "")
    return None


class Simulator:
    """Alexa for one user on one device: feed it utterances, get Turns back.

    Outside a session a phrase without the invocation name cannot reach a skill on a real
    device. By default the simulator is forgiving and sends it as a one-shot in a new
    session (with a note); with `require_invocation=True` it sends nothing and says why.
    """

    def __init__(
        self,
        nlu: NLU,
        factory: EnvelopeFactory | None = None,
        transport: Transport = in_process_transport,
        *,
        require_invocation: bool = False,
        on_note: Callable[[str], None] | None = None,
    ) -> None:
        self.nlu = nlu
        self.factory = factory or EnvelopeFactory()
        self.transport = transport
        self.require_invocation = require_invocation
        self.on_note = on_note or (lambda note: None)
        self.session: _Open | None = None
        self.turns = 0
        self.permission_token: str | None = None  # Alexa is asking for a permission

    @property
    def in_session(self) -> bool:
        return self.session is not None

    def reset(self) -> None:
        """Forget the open session without telling the skill (like walking away)."""
        self.session = None

    def say(self, utterance: str) -> Turn | None:
        """Send what the user said; None when nothing reaches the skill (blank, or no session)."""
        route = self.nlu.route(self.nlu.without_name(utterance))
        if route.kind is RouteKind.EMPTY:
            return None
        if route.kind is RouteKind.EXIT:
            if self.session is None:
                self.on_note("no session is open: nothing to exit")
                return None
            session = SessionInfo(self.session.session_id, False, self.session.attributes)
            return self._send(utterance, self.factory.session_ended(session), session, None)
        if route.kind is RouteKind.LAUNCH:
            session = self._start()
            return self._send(utterance, self.factory.launch(session), session, None)
        if self.permission_token is not None and self.session is not None:
            return self._answer_permission(utterance, route.text)
        if route.kind is RouteKind.IN_SKILL and self.session is None:
            name = self.nlu.invocation_name
            if self.require_invocation:
                self.on_note(f"no session is open: start with \"open {name}\"")
                return None
            self.on_note(f"no session was open: sent as \"ask {name} {route.text}\"")
        if route.kind is RouteKind.ONE_SHOT or self.session is None:
            session = self._start()
        else:
            session = SessionInfo(self.session.session_id, False, self.session.attributes)
        match = self.nlu.resolve(route.text)
        return self._send(utterance, self.factory.intent(session, match), session, match)

    def _answer_permission(self, utterance: str, text: str) -> Turn:
        """Alexa's own permission dialog: the user's words decide the Connections.Response."""
        assert self.session is not None and self.permission_token is not None
        status = "ACCEPTED" if text in _APPROVALS else "DENIED" if text in _REFUSALS else (
            _PERMISSION_REPLIES.get(self.nlu.resolve(text).intent, "NOT_ANSWERED")
        )  # "yep", "nah": Alexa hears a yes or a no however it is said (round 31)
        session = SessionInfo(self.session.session_id, False, self.session.attributes)
        envelope = self.factory.permission_response(session, status, self.permission_token)
        self.permission_token = None
        return self._send(utterance, envelope, session, None)

    def _start(self) -> SessionInfo:
        self.session = _Open(new_session_id(), {})
        return SessionInfo(self.session.session_id, True, {})

    def _send(
        self,
        utterance: str,
        envelope: dict[str, Any],
        session: SessionInfo,
        match: Match | None,
    ) -> Turn:
        response = self.transport(envelope)
        if not isinstance(response, dict) or not isinstance(response.get("response"), dict):
            self.session = None
            raise SimulatorError("the skill answered something that is not an Alexa response")
        self.turns += 1
        turn = Turn(
            self.turns, utterance, envelope, response, session.session_id, session.new, False, match
        )
        ended = turn.end_session
        self.permission_token = _permission_request(response)
        if self.permission_token is not None:
            ended = False  # Alexa holds the session while it asks, then answers the skill
            question = PERMISSION_QUESTION.format(skill=self.nlu.invocation_name)
            self.on_note(f"Alexa asks: {question}")
        elif ended is None:  # no shouldEndSession: a screen keeps the session, a speaker closes
            ended = self.factory.device is not DeviceKind.SCREEN
        if ended:
            self.session = None
        else:
            self.session = _Open(session.session_id, dict(turn.session_attributes))
        return replace(turn, session_ended=ended)
