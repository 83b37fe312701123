"""`python -m skill_tools simulate`: talk to the skill the way Alexa would, offline.

Interactive when standard input is a terminal; otherwise scripted from --say, --replay
(the ASK CLI's `ask dialog --replay` file) or one utterance per line on standard input.
Exit status: 0 done, 1 runtime failure (endpoint, broken model), 2 usage (bad option,
unreadable replay or model file). User mistakes never print a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from skill import metrics
from skill_tools.cli_args import OneLineParser, prog
from skill_tools.model import ModelError, model_path
from skill_tools.simulator.envelopes import (
    DEFAULT_SKILL_ID,
    DeviceKind,
    EnvelopeFactory,
)
from skill_tools.simulator.nlu import load_nlu
from skill_tools.simulator.session import (
    HttpTransport,
    Simulator,
    SimulatorError,
    Transport,
    Turn,
    in_process_transport,
)

PROG = prog("simulate")
COMMANDS_HELP = ".quit leaves, .new forgets the session, .session shows its attributes, .help"


class UsageError(Exception):
    """A mistake in how the simulator was called: exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    p = OneLineParser(
        prog=PROG,
        allow_abbrev=False,
        description="Talk to Leg Cramp Helper as Alexa would, offline. Interactive when "
        "standard input is a terminal; otherwise one utterance per line is read from it.",
    )
    src = p.add_argument_group("what the user says")
    src.add_argument("--say", action="append", metavar="TEXT",
                     help="an utterance; repeat for more turns (one session, in order)")
    src.add_argument("--replay", metavar="FILE",
                     help="an `ask dialog --replay` file: {skillId, locale, type, userInput}")
    src.add_argument("--require-invocation", action="store_true",
                     help="outside a session, send nothing unless the invocation name is said "
                     "(default: send such a phrase as a one-shot, with a note)")
    out = p.add_argument_group("output")
    out.add_argument("--jsonl", action="store_true",
                     help="one JSON object per turn instead of a transcript")
    out.add_argument("--explain", action="store_true",
                     help="show how each utterance was understood (transcript only)")
    out.add_argument("--metrics", action="store_true",
                     help="after the conversation, print the usage counters it produced, as the "
                     "Lambda function would publish them (in-process only)")
    dev = p.add_argument_group("device and skill")
    dev.add_argument("--endpoint", metavar="URL",
                     help="POST requests to a running web service (started with --no-verify) "
                     "instead of calling the skill in-process")
    dev.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                     help="how long to wait for --endpoint (default 10)")
    dev.add_argument("--locale", metavar="LOCALE",
                     help="request locale and model to read (default en-US; a replay file's "
                     "locale wins)")
    dev.add_argument("--device", choices=[d.value for d in DeviceKind], default="speaker",
                     help="speaker: voice only; screen: declares APL and a viewport")
    dev.add_argument("--skill-id", default=DEFAULT_SKILL_ID, metavar="ID",
                     help="application id in the requests (a replay file's skillId wins)")
    dev.add_argument("--api-endpoint", metavar="URL",
                     help="context.System.apiEndpoint (default: a local fake Alexa API on "
                     "127.0.0.1; the skill calls it only with consent)")
    dev.add_argument("--fake-alexa-api", action="store_true",
                     help="print the calls to the local fake Alexa API (settings, reminders) "
                          "that requests point at")
    dev.add_argument("--time-zone", default="America/New_York", metavar="ZONE",
                     help="the device's time zone: the fake Alexa API reports it, and "
                     "'today' and 'tomorrow' are its dates")
    dev.add_argument("--reminders-consent", action="store_true",
                     help="the user has granted the reminders permission; implies "
                     "--fake-alexa-api unless --api-endpoint is given")
    dev.add_argument("--model", metavar="FILE",
                     help="interaction model JSON (default interaction_model/interactionModels"
                     "/custom/<locale>.json)")
    return p


# -- inputs ----------------------------------------------------------------------------------


def read_replay(path: str) -> tuple[str | None, str | None, list[str]]:
    """(skillId, locale, utterances) from an ASK CLI replay file; UsageError if unusable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot read replay file {path}: {exc.strerror}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UsageError(f"replay file {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"replay file {path} must hold a JSON object")
    if data.get("type", "text") != "text":
        raise UsageError(f"replay file {path}: only \"type\": \"text\" is supported")
    inputs = data.get("userInput")
    if not isinstance(inputs, list) or not all(isinstance(u, str) for u in inputs):
        raise UsageError(f"replay file {path}: \"userInput\" must be a list of texts")
    skill_id, locale = data.get("skillId"), data.get("locale")
    for key, value in (("skillId", skill_id), ("locale", locale)):
        if value is not None and (not isinstance(value, str) or not value):
            raise UsageError(f"replay file {path}: \"{key}\" must be a text")
    return skill_id, locale, inputs


def _lines(stream: TextIO) -> Iterator[str]:
    for line in stream:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def _interactive(prompt: str) -> Iterator[str]:
    with contextlib.suppress(ImportError):  # line editing and history where available
        import readline  # noqa: F401
    while True:
        try:
            yield input(prompt)
        except EOFError:
            print()
            return


# -- output ----------------------------------------------------------------------------------


def format_turn(turn: Turn, explain: bool = False) -> list[str]:
    """The transcript lines for one turn."""
    lines: list[str] = []
    if turn.new_session:
        lines.append(f"  (new session{': one-shot' if turn.intent else ''})")
    if explain:
        m = turn.match
        what = turn.request_type if m is None else f"{m.intent} by {m.method} match"
        if m is not None and m.method == "near":
            what += f" {m.score:.2f} to {m.sample!r}"
        elif m is not None and m.method == "classifier":
            what += f" ({m.score:.0%} of the evidence)"
        slots = {n: s for n, s in turn.slots.items() if s["value"] is not None}
        lines.append(f"  (understood: {what}{f' {slots}' if slots else ''})")
    if turn.request_type == "SessionEndedRequest":
        lines.append("  (Alexa closed the session: SessionEndedRequest)")
        return lines
    lines.append(f"Alexa: {turn.speech}" if turn.speech else "Alexa: (says nothing)")
    if turn.reprompt:
        lines.append(f"  (reprompt) {turn.reprompt}")
    if turn.card:
        content = (turn.card["content"] or "").replace("\n", "\n          ")
        lines.append(f"  [card] {turn.card['title']}: {content}")
    for directive in turn.response.get("response", {}).get("directives") or []:
        if directive.get("type") == "Alexa.Presentation.APL.RenderDocument":
            view = directive.get("datasources", {}).get("view", {})
            shown = " / ".join(v for v in (view.get("subtitle"), view.get("title")) if v)
            lines.append(f"  [screen] APL document {directive.get('token')!r}: {shown}")
    if turn.session_ended:
        lines.append("  (session ended)")
    return lines


class _Output:
    def __init__(self, jsonl: bool, explain: bool, echo: bool) -> None:
        self.jsonl, self.explain, self.echo = jsonl, explain, echo

    def note(self, text: str) -> None:
        if self.jsonl:
            print(f"{PROG}: note: {text}", file=sys.stderr, flush=True)
        else:
            print(f"  (note: {text})", flush=True)

    def said(self, text: str) -> None:
        if self.echo and not self.jsonl:
            print(f"You: {text}", flush=True)

    def turn(self, turn: Turn) -> None:
        if self.jsonl:
            record = turn.to_json()
            if self.explain:  # how the utterance was understood, for tuning the model
                m = turn.match
                record["match"] = None if m is None else {
                    "method": m.method,
                    "score": round(m.score, 4),
                    "sample": m.sample,
                }
            print(json.dumps(record, ensure_ascii=False), flush=True)
        else:
            print("\n".join(format_turn(turn, self.explain)), flush=True)


def _run(
    simulator: Simulator, utterances: Iterable[str], out: _Output, api: Any = None
) -> None:
    for raw in utterances:
        text = raw.strip()
        if not text:
            continue
        if text.startswith("."):
            command = text.split()[0].lower()
            if command in (".quit", ".exit"):
                return
            if command == ".new":
                simulator.reset()
                out.note("session forgotten: the next phrase starts a new one")
            elif command == ".session":
                attrs = simulator.session.attributes if simulator.session else None
                out.note(f"session attributes: {json.dumps(attrs)}" if simulator.session
                         else "no session is open")
            else:
                out.note(COMMANDS_HELP)
            continue
        out.said(text)
        seen = len(api.calls) if api is not None else 0
        turn = simulator.say(text)
        if turn is not None:
            out.turn(turn)
        for call in api.calls[seen:] if api is not None else []:
            out.note(f"Alexa API call: {call.method} {call.path} {json.dumps(call.body)}")


# -- main ------------------------------------------------------------------------------------


def _fail(status: int, message: str) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return status


def main(argv: list[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exc:  # --help, or a usage error argparse has already printed
        return exc.code if isinstance(exc.code, int) else 2
    try:
        return _main(args)
    except UsageError as exc:
        return _fail(2, str(exc))
    except SimulatorError as exc:
        return _fail(1, str(exc))
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        return 0


def _check_url(url: str) -> None:
    try:
        parts = urlsplit(url)
        ok = parts.scheme in ("http", "https") and bool(parts.hostname)
        parts.port  # noqa: B018 - raises ValueError when the port is out of range
    except ValueError:
        ok = False
    if not ok:
        raise UsageError(f"--endpoint must be an http:// or https:// URL, not {url!r}")


def uses_fake_alexa_api(args: argparse.Namespace) -> bool:
    """With consent the skill calls the Alexa API, and a yes to Alexa's permission question
    grants it mid-session; a tool run never reaches past 127.0.0.1, so without an explicit
    --api-endpoint the local fake always stands in (round 9: a yes without --fake-alexa-api
    sent the reminder to Amazon's endpoint)."""
    return args.api_endpoint is None


def shows_fake_alexa_api(args: argparse.Namespace) -> bool:
    """Its address and calls are printed when asked for, or with consent from the start."""
    return args.fake_alexa_api or args.reminders_consent


def _main(args: argparse.Namespace) -> int:
    if args.say is not None and args.replay is not None:
        raise UsageError("use --say or --replay, not both")
    if args.endpoint is not None:
        _check_url(args.endpoint)
        if args.metrics:
            raise UsageError("--metrics counts in-process; with --endpoint read its GET /metrics")
    if args.timeout <= 0:
        raise UsageError("--timeout must be more than 0 seconds")

    skill_id, locale = args.skill_id, args.locale or "en-US"
    utterances: Iterable[str]
    interactive = False
    if args.replay is not None:
        replay_id, replay_locale, utterances = read_replay(args.replay)
        skill_id, locale = replay_id or skill_id, replay_locale or locale
    elif args.say is not None:
        utterances = args.say
    elif sys.stdin is not None and sys.stdin.isatty():
        interactive = True
        utterances = _interactive("You: ")
    else:
        utterances = _lines(sys.stdin) if sys.stdin is not None else []

    if args.model:
        try:
            nlu = load_nlu(args.model)
        except ModelError as exc:
            raise UsageError(str(exc)) from None
    else:
        path = model_path(locale)
        if not path.exists():
            raise UsageError(f"no interaction model for locale {locale!r} ({path})")
        try:
            nlu = load_nlu(path)
        except ModelError as exc:
            raise SimulatorError(str(exc)) from None

    try:
        zone = ZoneInfo(args.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UsageError(f"--time-zone: no such time zone {args.time_zone!r}") from None
    nlu.today = lambda: datetime.now(zone).date()  # dates as the device's clock reads them
    transport: Transport = (
        HttpTransport(args.endpoint, args.timeout) if args.endpoint else in_process_transport
    )
    out = _Output(args.jsonl, args.explain, echo=not interactive)
    api = None
    if uses_fake_alexa_api(args):
        from skill_tools.simulator.fake_alexa_api import FakeAlexaApi

        api = FakeAlexaApi(time_zone=args.time_zone).start()
    shown = api if api is not None and shows_fake_alexa_api(args) else None
    if shown is not None:
        out.note(f"fake Alexa API listening on {shown.url}")
    factory = EnvelopeFactory(
        skill_id=skill_id,
        locale=locale,
        device=DeviceKind(args.device),
        api_endpoint=api.url if api is not None else args.api_endpoint,
        reminders_consent=args.reminders_consent,
    )
    try:
        simulator = Simulator(
            nlu, factory, transport, require_invocation=args.require_invocation, on_note=out.note
        )
        if interactive and not args.jsonl:
            _banner(nlu.invocation_name, locale, args)
        with metrics.collect() as counts:
            _run(simulator, utterances, out, shown)
        if args.metrics:
            print_metrics(counts, args.jsonl)
    finally:
        if api is not None:
            api.stop()
    return 0


def format_metrics(counts: metrics.Counts) -> list[str]:
    """One line per counted series, in the vocabulary's order: `CheckCompleted outcome=x 1`."""
    lines = []
    for name, dim in metrics.COUNTERS.items():
        for key in sorted((k for k in counts if k.name == name), key=lambda k: k.value or ""):
            label = f" {dim[0]}={key.value}" if dim is not None else ""
            lines.append(f"{name}{label} {counts[key]}")
    return lines


def print_metrics(counts: metrics.Counts, jsonl: bool) -> None:
    if jsonl:
        series = [
            {"name": k.name, "dimension": k.value, "count": n}
            for k, n in sorted(counts.items())
        ]
        print(json.dumps({"metrics": series}), flush=True)
        return
    print("Metrics (counted in this conversation):")
    for line in format_metrics(counts) or ["(none)"]:
        print(f"  {line}")


def _banner(invocation: str, locale: str, args: Any) -> None:
    target = args.endpoint or "in-process"
    print(f"Leg Cramp Helper simulator ({locale}, {args.device}, {target}).")
    print(f"Say \"open {invocation}\" to start. {COMMANDS_HELP}.")
