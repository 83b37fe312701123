"""Conversations written as YAML scripts, run through the simulator and checked turn by turn.

Reusable on purpose: `run_scenario` returns every turn with its raw request and response,
so other checks (SSML validity, sizes, ...) can run over everything a suite produced.
The format is described in docs/conversation-tests.md; unknown keys are errors, so a typo in a
test fails instead of silently checking nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from skill_tools.model import model_path
from skill_tools.simulator.envelopes import DEFAULT_API_ENDPOINT, DeviceKind, EnvelopeFactory
from skill_tools.simulator.nlu import NLU, load_nlu
from skill_tools.simulator.session import (
    Simulator,
    SimulatorError,
    Transport,
    Turn,
    in_process_transport,
)

REQUEST_TYPES = ("LaunchRequest", "IntentRequest", "SessionEndedRequest")
_ABSENT = object()
_BOOL = "tag:yaml.org,2002:bool"


class _ScriptLoader(yaml.SafeLoader):
    """YAML where only true/false are booleans, so `user: yes` and `user: no` stay words."""


_ScriptLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_ScriptLoader.add_implicit_resolver(
    _BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class ScenarioError(ValueError):
    """A conversation file that cannot be run; the message names the file and the place."""


@dataclass(frozen=True)
class ScenarioTurn:
    user: str
    expect: Mapping[str, Any]


@dataclass(frozen=True)
class Scenario:
    name: str
    turns: tuple[ScenarioTurn, ...]
    path: Path | None = None
    device: DeviceKind = DeviceKind.SPEAKER
    locale: str = "en-US"
    # Settings for a local fake Alexa API started for this conversation (None: no API).
    alexa_api: Mapping[str, Any] | None = None
    reminders_consent: bool = False

    @property
    def id(self) -> str:
        return f"{self.path.stem}::{self.name}" if self.path else self.name


@dataclass
class TurnResult:
    user: str
    turn: Turn | None  # None when nothing reached the skill
    failures: list[str] = field(default_factory=list)


@dataclass
class ScenarioResult:
    scenario: Scenario
    turns: list[TurnResult]

    @property
    def ok(self) -> bool:
        return not self.failures

    @property
    def failures(self) -> list[str]:
        return [
            f"turn {i} ({t.user!r}): {f}"
            for i, t in enumerate(self.turns, 1)
            for f in t.failures
        ]

    @property
    def exchanges(self) -> list[Turn]:
        """Every turn that reached the skill: raw request and response, in order."""
        return [t.turn for t in self.turns if t.turn is not None]

    @property
    def responses(self) -> list[dict[str, Any]]:
        """Every raw response envelope the skill produced, in order."""
        return [t.response for t in self.exchanges]

    def report(self) -> str:
        """A transcript with the failures under the turns they belong to."""
        lines = [f"conversation {self.scenario.id}:"]
        for i, t in enumerate(self.turns, 1):
            lines.append(f"  {i}. user: {t.user}")
            if t.turn is not None:
                what = t.turn.intent or t.turn.request_type
                lines.append(f"     -> {what}; alexa: {t.turn.speech}")
            lines += [f"     FAILED: {f}" for f in t.failures]
        return "\n".join(lines)


# -- loading -------------------------------------------------------------------------------

_SCENARIO_KEYS = {
    "name", "turns", "device", "locale", "description", "alexa_api", "reminders_consent",
}
_TURN_KEYS = {
    "user", "request", "intent", "slots", "alexa", "alexa_not", "alexa_matches",
    "reprompt", "card", "card_text", "ends_session", "new_session", "session", "note",
    "screen", "reminder",
}
_ALEXA_API_KEYS = {"time_zone", "reminder_status", "time_zone_status", "delay"}


def _texts(value: Any, where: str, key: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise ScenarioError(f"{where}: '{key}' must be a text or a list of texts")
    return items


def _turn(raw: Any, where: str) -> ScenarioTurn:
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: a turn must be a mapping with at least 'user'")
    unknown = set(raw) - _TURN_KEYS
    if unknown:
        raise ScenarioError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    if not isinstance(raw.get("user"), str) or not raw["user"].strip():
        raise ScenarioError(f"{where}: 'user' must be what the user says")
    for key in ("alexa", "alexa_not", "card_text"):
        if key in raw:
            _texts(raw[key], where, key)
    if "alexa_matches" in raw:
        for pattern in _texts(raw["alexa_matches"], where, "alexa_matches"):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ScenarioError(f"{where}: bad alexa_matches {pattern!r}: {exc}") from None
    for key in ("ends_session", "new_session"):
        if key in raw and not isinstance(raw[key], bool):
            raise ScenarioError(f"{where}: '{key}' must be true or false")
    if "request" in raw and raw["request"] not in REQUEST_TYPES:
        raise ScenarioError(f"{where}: 'request' must be one of {', '.join(REQUEST_TYPES)}")
    for key in ("slots", "session"):
        if key in raw and not isinstance(raw[key], dict):
            raise ScenarioError(f"{where}: '{key}' must be a mapping")
    if "card" in raw and not isinstance(raw["card"], bool | str):
        raise ScenarioError(f"{where}: 'card' must be true, false or the card's title")
    for key in ("screen", "reminder"):
        if key in raw and not (raw[key] is False or isinstance(raw[key], dict)):
            raise ScenarioError(f"{where}: '{key}' must be false or a mapping of expected values")
    reprompt = raw.get("reprompt")
    if "reprompt" in raw and not (reprompt is None or isinstance(reprompt, bool | str)):
        raise ScenarioError(f"{where}: 'reprompt' must be a text, true, false or null")
    return ScenarioTurn(raw["user"], {k: v for k, v in raw.items() if k not in ("user", "note")})


def _scenario(raw: Any, where: str, path: Path | None, default_name: str) -> Scenario:
    if not isinstance(raw, dict):
        raise ScenarioError(f"{where}: a conversation must be a mapping with 'turns'")
    unknown = set(raw) - _SCENARIO_KEYS
    if unknown:
        raise ScenarioError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    name = raw.get("name", default_name)
    if not isinstance(name, str) or not name:
        raise ScenarioError(f"{where}: 'name' must be a text")
    turns = raw.get("turns")
    if not isinstance(turns, list) or not turns:
        raise ScenarioError(f"{where} ({name}): 'turns' must be a non-empty list")
    try:
        device = DeviceKind(raw.get("device", "speaker"))
    except ValueError:
        raise ScenarioError(f"{where} ({name}): 'device' must be speaker or screen") from None
    locale = raw.get("locale", "en-US")
    if not isinstance(locale, str):
        raise ScenarioError(f"{where} ({name}): 'locale' must be a text such as en-US")
    api = raw.get("alexa_api")
    if api is not None and (not isinstance(api, dict) or set(api) - _ALEXA_API_KEYS):
        raise ScenarioError(
            f"{where} ({name}): 'alexa_api' takes {', '.join(sorted(_ALEXA_API_KEYS))}"
        )
    consent = raw.get("reminders_consent", False)
    if not isinstance(consent, bool):
        raise ScenarioError(f"{where} ({name}): 'reminders_consent' must be true or false")
    parsed = tuple(_turn(t, f"{where} ({name}), turn {i}") for i, t in enumerate(turns, 1))
    return Scenario(name, parsed, path, device, locale, api, consent)


def parse_scenarios(data: Any, where: str, path: Path | None = None) -> list[Scenario]:
    """Scenarios from parsed YAML: one conversation, or `conversations:` holding several."""
    stem = path.stem if path else "conversation"
    if isinstance(data, dict) and "conversations" in data:
        if set(data) != {"conversations"}:
            raise ScenarioError(f"{where}: next to 'conversations' nothing else is allowed")
        items = data["conversations"]
        if not isinstance(items, list) or not items:
            raise ScenarioError(f"{where}: 'conversations' must be a non-empty list")
        scenarios = [
            _scenario(item, f"{where}, conversation {i}", path, f"{stem}-{i}")
            for i, item in enumerate(items, 1)
        ]
    else:
        scenarios = [_scenario(data, where, path, stem)]
    names = [s.name for s in scenarios]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ScenarioError(f"{where}: conversation names must differ: {', '.join(duplicates)}")
    return scenarios


def load_scenarios(path: Path | str) -> list[Scenario]:
    """Every conversation in one YAML file."""
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ScriptLoader)  # a SafeLoader
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path}: not valid YAML ({exc})".replace("\n", " ")) from None
    return parse_scenarios(data, path.name, path)


# -- checking ------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _attribute(attrs: Mapping[str, Any], dotted: str) -> Any:
    value: Any = attrs
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return _ABSENT
        value = value[part]
    return value


def check_turn(turn: Turn, expect: Mapping[str, Any]) -> list[str]:
    """Every expectation of a scripted turn that the real turn does not meet."""
    failures: list[str] = []
    speech = _squash(turn.speech)

    def differs(key: str, actual: Any) -> None:
        if key in expect and expect[key] != actual:
            failures.append(f"{key}: expected {expect[key]!r}, got {actual!r}")

    differs("request", turn.request_type)
    differs("intent", turn.intent)
    differs("ends_session", turn.session_ended)
    differs("new_session", turn.new_session)
    for name, wanted in (expect.get("slots") or {}).items():
        got = turn.slots.get(name, {}).get("resolved")
        if got != wanted:
            failures.append(f"slot {name}: expected {wanted!r}, got {got!r}")
    for text in _texts(expect["alexa"], "", "alexa") if "alexa" in expect else []:
        if _squash(text) not in speech:
            failures.append(f"alexa should contain {text!r}; said {turn.speech!r}")
    for text in _texts(expect["alexa_not"], "", "alexa_not") if "alexa_not" in expect else []:
        if _squash(text) in speech:
            failures.append(f"alexa should not contain {text!r}; said {turn.speech!r}")
    patterns = expect.get("alexa_matches")
    for pattern in [patterns] if isinstance(patterns, str) else patterns or []:
        if not re.search(pattern, turn.speech):
            failures.append(f"alexa should match /{pattern}/; said {turn.speech!r}")
    if "reprompt" in expect:
        wanted, got = expect["reprompt"], turn.reprompt
        if wanted is None or wanted is False:
            if got is not None:
                failures.append(f"expected no reprompt, got {got!r}")
        elif got is None:
            failures.append("expected a reprompt, got none")
        elif isinstance(wanted, str) and _squash(wanted) not in _squash(got):
            failures.append(f"reprompt should contain {wanted!r}; got {got!r}")
    if "card" in expect:
        wanted, card = expect["card"], turn.card
        if wanted is False and card is not None:
            failures.append(f"expected no card, got {card['title']!r}")
        elif wanted is not False and card is None:
            failures.append("expected a card, got none")
        elif isinstance(wanted, str) and card is not None and card["title"] != wanted:
            failures.append(f"card title: expected {wanted!r}, got {card['title']!r}")
    if "card_text" in expect:
        content = _squash((turn.card or {}).get("content", ""))
        for text in _texts(expect["card_text"], "", "card_text"):
            if _squash(text) not in content:
                failures.append(f"card should contain {text!r}; card is {turn.card!r}")
    if "screen" in expect:
        failures += _check_screen(turn, expect["screen"])
    for key, wanted in (expect.get("session") or {}).items():
        got = _attribute(turn.session_attributes, str(key))
        if wanted is None and got is not _ABSENT:
            failures.append(f"session attribute {key}: expected absent, got {got!r}")
        elif wanted is not None and got != wanted:
            shown = "absent" if got is _ABSENT else repr(got)
            failures.append(f"session attribute {key}: expected {wanted!r}, got {shown}")
    return failures


def _check_screen(turn: Turn, wanted: Any) -> list[str]:
    views = [
        d.get("datasources", {}).get("view", {})
        for d in turn.response.get("response", {}).get("directives") or []
        if d.get("type") == "Alexa.Presentation.APL.RenderDocument"
    ]
    if wanted is False:
        return [f"expected no APL document, got {len(views)}"] if views else []
    if len(views) != 1:
        return [f"expected one APL document, got {len(views)}"]
    return [
        f"screen {key}: expected {value!r}, got {views[0].get(key)!r}"
        for key, value in wanted.items()
        if views[0].get(key) != value
    ]


def check_reminder(calls: list[Any], wanted: Any) -> list[str]:
    """The reminders one turn created (recorded by the fake Alexa API) against `reminder:`."""
    if wanted is False:
        return [f"expected no reminder, got {len(calls)}"] if calls else []
    if len(calls) != 1:
        return [f"expected one reminder to be created, got {len(calls)}"]
    body = calls[0].body if isinstance(calls[0].body, dict) else {}
    trigger = body.get("trigger") or {}
    spoken = ((body.get("alertInfo") or {}).get("spokenInfo") or {}).get("content") or [{}]
    actual = {
        "text": spoken[0].get("text"),
        "time_zone": trigger.get("timeZoneId"),
        "time": str(trigger.get("scheduledTime", ""))[11:16],
    }
    return [
        f"reminder {key}: expected {value!r}, got {actual.get(key)!r}"
        for key, value in wanted.items()
        if actual.get(key) != value
    ]


# -- running -------------------------------------------------------------------------------


@cache
def nlu_for(locale: str) -> NLU:
    """The compiled model of a locale, compiled once per process."""
    return load_nlu(model_path(locale))


def run_scenario(
    scenario: Scenario,
    *,
    transport: Transport = in_process_transport,
    nlu: NLU | None = None,
    api_endpoint: str | None = None,
) -> ScenarioResult:
    """Play a conversation from a fresh device and check every turn.

    Without `api_endpoint`, the conversation gets its own fake Alexa API on 127.0.0.1 (set
    up by `alexa_api:`) and the envelopes point at it: the skill calls the Alexa API once
    consent is granted, at the start or by a yes to the permission question, and a tool never
    reaches past 127.0.0.1. It never stops early: a turn that reaches nothing or that the
    transport fails is reported and the next plays.
    """
    from skill_tools.simulator.fake_alexa_api import FakeAlexaApi

    settings = scenario.alexa_api
    if settings is None and api_endpoint is None:
        settings = {}
    api = FakeAlexaApi(**settings).start() if settings is not None else None
    try:
        factory = EnvelopeFactory(
            locale=scenario.locale,
            device=scenario.device,
            api_endpoint=api.url if api else api_endpoint or DEFAULT_API_ENDPOINT,
            reminders_consent=scenario.reminders_consent,
        )
        simulator = Simulator(nlu or nlu_for(scenario.locale), factory, transport)
        results: list[TurnResult] = []
        for step in scenario.turns:
            before = len(api.reminders()) if api else 0
            try:
                turn = simulator.say(step.user)
            except SimulatorError as exc:
                results.append(TurnResult(step.user, None, [f"not sent: {exc}"]))
                continue
            if turn is None:
                results.append(TurnResult(step.user, None, ["nothing reached the skill"]))
                continue
            failures = check_turn(turn, step.expect)
            if "reminder" in step.expect:
                if api is None:
                    failures.append("'reminder' needs the local fake Alexa API (no api_endpoint)")
                else:
                    failures += check_reminder(api.reminders()[before:], step.expect["reminder"])
            results.append(TurnResult(step.user, turn, failures))
        return ScenarioResult(scenario, results)
    finally:
        if api is not None:
            api.stop()
