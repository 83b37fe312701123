"""The clinic console as a Flask application factory: the talk page, the review pages, and
the small JSON API the talk page calls.

Talking goes through the simulator's session driver (skill_tools.simulator.Simulator): the same
offline NLU over the deployed interaction model, the same SDK-built envelopes and the same
`skill.app.handle_event` as `python -m skill_tools simulate`. Each browser gets its own simulator,
held in memory only (skill_tools.console.sessions).

Safety of the page: every response carries a strict Content-Security-Policy (no inline
script or style, nothing from another origin) and `Cache-Control: no-store`; templates are
autoescaped and the page's script writes text only with `textContent`; on a loopback bind,
a request naming any other Host is refused (DNS rebinding), and a cross-site POST is
refused. Bad input gets a 4xx with a one-line JSON error, never a 500.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response, abort, g, render_template, request
from werkzeug.exceptions import HTTPException

from skill import content as content_module
from skill_tools.console import review as review_module
from skill_tools.console.sessions import (
    DEFAULT_IDLE_SECONDS,
    DEFAULT_LIMIT,
    Conversations,
    valid_id,
)
from skill_tools.model import language_model, model_path, read_json
from skill_tools.simulator import Simulator, SimulatorError, Turn, in_process_transport, load_nlu
from skill_tools.simulator.envelopes import SCREEN, DeviceKind, EnvelopeFactory
from skill_tools.simulator.fake_alexa_api import FakeAlexaApi

COOKIE = "console_session"
MAX_UTTERANCE_CHARS = 300
MAX_BODY_BYTES = 16 * 1024
# The skill's calls to the Alexa API (time zone, reminders) go to the simulator's fake one,
# on loopback in this process: the reminder flow works end to end and nothing leaves.

CSP = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "microphone=(self), camera=(), geolocation=()",
    "Cache-Control": "no-store",
}

# Intents the talk page offers a starting phrase for, besides "open ..." and the topics.
# The phrase is the intent's first sample in the deployed model, so it is always understood.
STARTERS = (
    ("SymptomCheckIntent", "The check"),
    ("ContactClinicIntent", "Contact"),
    ("SetReminderIntent", "Reminder"),
    ("EmergencyIntent", "Emergency"),
)
# Replies the talk page offers as buttons: what a user says inside the check and around it.
QUICK_REPLIES = ("yes", "no", "I'm not sure", "often", "once in a while", "tell me more",
                 "help", "go home", "stop")

DEFAULTS: Mapping[str, Any] = {
    "LOCALE": content_module.DEFAULT_LOCALE,
    "MAX_SESSIONS": DEFAULT_LIMIT,
    "SESSION_IDLE_SECONDS": DEFAULT_IDLE_SECONDS,
    # True: only a Host header naming a loopback address is served (the CLI sets it from
    # --host: a console bound to another interface is reached by other names).
    "LOOPBACK_ONLY": True,
}


def is_loopback(host: str) -> bool:
    """True for `localhost` and loopback addresses (127.0.0.0/8, ::1), with or without []."""
    host = host.strip()
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _host_name(host_header: str) -> str:
    """The name part of a Host header: `[::1]:8765` -> `::1`, `127.0.0.1:8765` -> `127.0.0.1`."""
    if host_header.startswith("["):
        return host_header[1 : host_header.find("]")] if "]" in host_header else host_header
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def starting_points(locale: str, invocation: str, c: content_module.Content) -> list[dict]:
    """The talk page's phrase buttons: open, each topic, the check, contact, reminder, emergency.

    Each phrase is the intent's first sample without slots in the deployed model.
    """
    samples: dict[str, str] = {}
    for intent in language_model(read_json(model_path(locale))).get("intents", []):
        plain = [s for s in intent.get("samples") or [] if "{" not in s]
        if plain:
            samples[intent["name"]] = plain[0]
    points = [{"group": "start", "label": "Open", "utterance": f"open {invocation}"}]
    points += [
        {"group": "topic", "label": t.title, "utterance": samples[intent]}
        for intent, t in c.topics.items()
        if intent in samples
    ]
    points += [
        {"group": "action", "label": label, "utterance": samples[intent]}
        for intent, label in STARTERS
        if intent in samples
    ]
    return points


# -- a turn as the page shows it -------------------------------------------------------------


def screen_data(turn: Turn) -> dict[str, str] | None:
    """The APL data source the skill sent with this turn (what an Echo Show renders), or None."""
    for directive in turn.response.get("response", {}).get("directives") or []:
        if (
            isinstance(directive, dict)
            and directive.get("type") == "Alexa.Presentation.APL.RenderDocument"
        ):
            view = (directive.get("datasources") or {}).get("view")
            if isinstance(view, dict):
                return {str(k): str(v) for k, v in view.items() if isinstance(v, str)}
    return None


def turn_json(turn: Turn) -> dict[str, Any]:
    """What the talk page shows of one turn: how it was understood and what Alexa answered."""
    match = turn.match
    understood: dict[str, Any] = {"request_type": turn.request_type, "intent": turn.intent}
    if match is not None:
        understood.update(method=match.method, score=round(match.score, 2), sample=match.sample)
    understood["slots"] = {n: s for n, s in turn.slots.items() if s["value"] is not None}
    return {
        "number": turn.number,
        "utterance": turn.utterance,
        "understood": understood,
        "new_session": turn.new_session,
        "speech": turn.speech,
        "reprompt": turn.reprompt,
        "card": turn.card,
        "session_ended": turn.session_ended,
        "screen": screen_data(turn),
    }


def _session_json(simulator: Simulator) -> dict[str, Any]:
    session = simulator.session
    return {
        "open": session is not None,
        "attributes": dict(session.attributes) if session is not None else None,
    }


# -- the app ---------------------------------------------------------------------------------


def _error(status: int, message: str) -> Response:
    body = json.dumps({"error": message}, separators=(",", ":"))
    return Response(body, status=status, mimetype="application/json")


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the console. `config` overrides DEFAULTS (LOCALE, MAX_SESSIONS,
    SESSION_IDLE_SECONDS, LOOPBACK_ONLY) and any Flask setting."""
    settings = {**DEFAULTS, **(config or {})}
    locale = str(settings["LOCALE"])
    nlu = load_nlu(model_path(locale))
    content = content_module.load(locale)
    from skill import app as _skill  # noqa: F401 - build the skill object now, not on turn one

    alexa_api = FakeAlexaApi().start()  # stopped with the process; keeps no call for long

    def make_simulator(note: Any) -> Simulator:
        factory = EnvelopeFactory(locale=locale, api_endpoint=alexa_api.url)
        alexa_api.calls.clear()  # what it records is only needed by tests, never here
        return Simulator(nlu, factory, in_process_transport, on_note=note)

    conversations = Conversations(
        make_simulator,
        limit=int(settings["MAX_SESSIONS"]),
        idle_seconds=float(settings["SESSION_IDLE_SECONDS"]),
    )
    points = starting_points(locale, nlu.invocation_name, content)
    started_checksum = review_module.content_checksum(locale)

    app = Flask(__name__)
    app.config.update({k: v for k, v in settings.items() if k not in DEFAULTS})
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.extensions["skill_tools.console"] = {"conversations": conversations, "settings": settings}

    @app.before_request
    def guard() -> Response | None:
        if settings["LOOPBACK_ONLY"] and not is_loopback(_host_name(request.host)):
            return _error(400, "this console answers only to a loopback address (127.0.0.1)")
        if request.method == "POST":
            site = request.headers.get("Sec-Fetch-Site")
            origin = request.headers.get("Origin")
            if site not in (None, "same-origin", "none") or (
                origin is not None and origin != request.host_url.rstrip("/")
            ):
                return _error(403, "cross-site requests are refused")
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers[name] = value
        if "set_cookie" in g:
            response.set_cookie(
                COOKIE, g.set_cookie, httponly=True, samesite="Strict", path="/"
            )
        return response

    def conversation() -> Any:
        sent = request.cookies.get(COOKIE)
        key, item = conversations.get(sent if valid_id(sent) else None)
        if key != sent:
            g.set_cookie = key
        return item

    def body() -> dict[str, Any]:
        if not request.is_json:
            abort(415)
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            abort(_error(400, "the body must be a JSON object"))
        return data

    # -- pages ----------------------------------------------------------------------------

    @app.get("/")
    def talk() -> str:
        return render_template(
            "talk.html",
            points=points,
            quick=QUICK_REPLIES,
            screen=SCREEN,
            max_chars=MAX_UTTERANCE_CHARS,
        )

    def _review_page(template: str) -> Any:
        try:
            r = review_module.build_review(locale)
        except content_module.ContentError as exc:  # the file is mid-edit: say so, plainly
            return render_template("broken.html", message=str(exc)), 500
        return render_template(
            template,
            r=r,
            changed=r.checksum != started_checksum,
            printed=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        )

    @app.get("/favicon.ico")
    def favicon() -> Response:
        return Response(status=204)  # no icon: say so without a 404 in the browser console

    @app.get("/content")
    def content_review() -> Any:
        return _review_page("content.html")

    @app.get("/decisions")
    def decisions() -> Any:
        return _review_page("decisions.html")

    # -- the talk page's API --------------------------------------------------------------

    @app.post("/api/say")
    def say() -> Response:
        data = body()
        utterance, device = data.get("utterance"), data.get("device", "speaker")
        if not isinstance(utterance, str) or not utterance.strip():
            return _error(400, "'utterance' must be a non-empty text")
        if len(utterance) > MAX_UTTERANCE_CHARS:
            return _error(400, f"'utterance' is longer than {MAX_UTTERANCE_CHARS} characters")
        if device not in [d.value for d in DeviceKind]:
            return _error(400, "'device' must be 'speaker' or 'screen'")
        item = conversation()
        with item.lock:
            simulator = item.simulator
            simulator.factory.device = DeviceKind(device)  # a switch applies from this turn
            item.notes.clear()
            try:
                turn = simulator.say(utterance.strip())
            except SimulatorError as exc:
                return _error(502, str(exc))
            payload = {
                "turn": turn_json(turn) if turn is not None else None,
                "notes": list(item.notes),
                "session": _session_json(simulator),
            }
        return Response(json.dumps(payload), mimetype="application/json")

    @app.post("/api/new")
    def new_session() -> Response:
        body()
        item = conversation()
        with item.lock:
            item.simulator.reset()
            payload = {"session": _session_json(item.simulator)}
        return Response(json.dumps(payload), mimetype="application/json")

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> Response:
        if exc.response is not None:  # abort(Response): already the answer
            return exc.response
        return _error(exc.code or 500, (exc.name or "error").lower())

    @app.errorhandler(Exception)
    def internal_error(exc: Exception) -> Response:  # a bug, not bad input: no details out
        app.logger.error("console error: %s", type(exc).__name__)
        return _error(500, "internal error")

    return app
