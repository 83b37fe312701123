"""Usage counters (skill/metrics.py): privacy, and that each fires where it should.

Everything goes through the real Lambda entry point and is read back from the EMF lines it
writes on stdout, the way CloudWatch reads them.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Iterable
from contextlib import redirect_stdout
from typing import Any

import pytest
from hypothesis import given, settings

from skill import metrics
from skill.answers import OUT_OF_SCOPE_VALUES
from skill.app import lambda_handler
from skill.content import load
from skill.conversation import Pending
from skill.handlers.intents import BOOKING, OUT_OF_SCOPE_INTENTS
from skill.triage import Outcome
from skill_tools.simulator.envelopes import EnvelopeFactory
from skill_tools.simulator.fake_alexa_api import FakeAlexaApi
from skill_tools.simulator.scenario import load_scenarios, nlu_for, run_scenario
from skill_tools.simulator.session import Simulator
from tests import test_fuzz
from tests.support import intent, launch
from tests.test_conversations import HERE as CONVERSATIONS
from tests.test_conversations import OFFLINE_API

NAMESPACE = metrics.DEFAULT_NAMESPACE
# Every string an EMF line may hold: the EMF envelope's own words, our namespace, counter and
# dimension names, and the closed sets of values.
ALLOWED_STRINGS = (
    {"_aws", "Timestamp", "CloudWatchMetrics", "Namespace", "Dimensions", "Metrics", "Name"}
    | {"Unit", "Count", NAMESPACE}
    | set(metrics.COUNTERS)
    | {dim[0] for dim in metrics.COUNTERS.values() if dim}
    | {v for dim in metrics.COUNTERS.values() if dim for v in dim[1]}
)


def strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def parse_emf(output: str) -> Counter[tuple[str, str | None]]:
    """Counts from EMF lines; fails on anything that is not a well-formed, closed-set line."""
    counts: Counter[tuple[str, str | None]] = Counter()
    for line in output.splitlines():
        doc = json.loads(line)
        assert set(strings(doc)) <= ALLOWED_STRINGS, line
        for directive in doc["_aws"]["CloudWatchMetrics"]:
            assert directive["Namespace"] == NAMESPACE
            for m in directive["Metrics"]:
                name = m["Name"]
                dim = metrics.COUNTERS[name]
                assert directive["Dimensions"] == ([[dim[0]], []] if dim else [[]])
                value = doc[dim[0]] if dim else None
                assert metrics.valid(name, value), (name, value)
                assert isinstance(doc[name], int) and doc[name] > 0
                counts[(name, value)] += doc[name]
    return counts


def through_lambda(events: Iterable[Any]) -> tuple[Counter[tuple[str, str | None]], str]:
    out = io.StringIO()
    with redirect_stdout(out):
        for event in events:
            lambda_handler(event, None)
    return parse_emf(out.getvalue()), out.getvalue()


class LambdaTransport:
    """The simulator's transport, through lambda_handler; keeps stdout (the EMF lines)."""

    def __init__(self) -> None:
        self.out = io.StringIO()
        self.sent: list[dict[str, Any]] = []

    def __call__(self, envelope: dict[str, Any]) -> dict[str, Any]:
        self.sent.append(envelope)
        with redirect_stdout(self.out):
            return lambda_handler(envelope, None)

    def counts(self) -> Counter[tuple[str, str | None]]:
        return parse_emf(self.out.getvalue())


def conversation(*said: str, api: FakeAlexaApi | None = None, consent: bool = False) -> Counter:
    transport = LambdaTransport()
    factory = EnvelopeFactory(
        api_endpoint=api.url if api else OFFLINE_API, reminders_consent=consent
    )
    sim = Simulator(nlu_for("en-US"), factory, transport)
    for text in said:
        sim.say(text)
    return transport.counts()


def request_texts(envelope: Any) -> set[str]:
    """Ids, utterance-derived slot values and other free text a request carries."""
    found: set[str] = set()
    if isinstance(envelope, dict):
        for key, value in envelope.items():
            if isinstance(value, str) and key in {
                "requestId", "sessionId", "userId", "deviceId", "value", "consentToken",
                "apiAccessToken", "applicationId", "name",
            } and len(value) > 3:  # fmt: skip
                found.add(value)
            found |= request_texts(value)
    elif isinstance(envelope, list):
        for v in envelope:
            found |= request_texts(v)
    return found


# -- privacy ---------------------------------------------------------------------------------


SCENARIOS = [s for f in sorted(CONVERSATIONS.glob("*.yaml")) for s in load_scenarios(f)]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.id for s in SCENARIOS])
def test_every_conversation_emits_only_closed_set_counts(scenario: Any) -> None:
    transport = LambdaTransport()
    run_scenario(scenario, transport=transport, api_endpoint=OFFLINE_API)
    output = transport.out.getvalue()
    counts = parse_emf(output)  # every line parses, every value in its closed set
    assert counts[("Turn", None)] > 0
    said = {t.user for t in scenario.turns if getattr(t, "user", None)}
    intents = set(metrics.TOPICS)  # topic intent names are a closed set of their own
    for text in (request_texts(transport.sent) | said) - intents - {"en-US"}:
        assert text not in output, f"{text!r} reached the metrics output"


@settings(max_examples=300)
@given(test_fuzz.any_event)
def test_fuzzed_envelopes_emit_only_closed_set_counts(event: Any) -> None:
    _, output = through_lambda([event])
    assert test_fuzz.CANARY not in output


def test_pinned_fuzz_findings_emit_only_closed_set_counts() -> None:
    events = list(test_fuzz.FOUND_EVENTS)
    forged = test_fuzz.FOUND_FORGED_ATTRIBUTES
    events += [test_fuzz.well_formed(test_fuzz.REPEAT, a) for a in forged]
    through_lambda(events)


def test_a_value_outside_its_closed_set_is_dropped_never_emitted() -> None:
    with metrics.collect() as counts:
        metrics.count("TopicAnswered", "what the user said")
        metrics.count("OutOfScope", None)
        metrics.count("SessionStarted", "amzn1.ask.account.someone")
        metrics.count("NoSuchCounter")
        metrics.count("CheckStarted")
    assert counts == Counter({metrics.Key("CheckStarted"): 1})
    metrics.count("CheckStarted")  # outside collect(): nothing, and no error


def test_the_closed_sets_match_the_code_that_picks_the_values() -> None:
    assert set(load().topics) == metrics.TOPICS
    assert {o.value for o in Outcome} == metrics.OUTCOMES
    picked = {c for c, _ in OUT_OF_SCOPE_INTENTS.values()} | {"unknown", BOOKING}
    assert picked | set(OUT_OF_SCOPE_VALUES.values()) == metrics.CATEGORIES
    assert {p.value for p in Pending} | {"menu"} == metrics.STATES


def test_two_values_of_one_dimension_in_one_request_go_to_two_documents() -> None:
    twice = {("OutOfScope", "remedy"): 1, ("OutOfScope", "unknown"): 2}
    counts = Counter({metrics.Key(*k): n for k, n in twice.items()})
    lines = metrics.emf_text(counts, NAMESPACE, 0).splitlines()
    assert len(lines) == 2
    assert parse_emf("\n".join(lines)) == twice


def test_one_flush_per_invocation_and_none_when_nothing_counted() -> None:
    ended = intent("x")
    ended["request"] = {"type": "SessionEndedRequest", "requestId": "r", "reason": "ERROR"}
    out = io.StringIO()
    with redirect_stdout(out):
        lambda_handler(launch(), None)
        lambda_handler(ended, None)
    assert len(out.getvalue().splitlines()) == 1


def test_the_namespace_comes_from_the_environment() -> None:
    assert metrics.namespace({}) == "LegCrampHelper"
    assert metrics.namespace({"METRICS_NAMESPACE": "Clinic/Staging"}) == "Clinic/Staging"


# -- each counter where it should fire ---------------------------------------------------------

CHECK_TO = {
    "see_specialist": ["yes", "yes"],  # frequent and sleep-disturbing
    "worth_checking": ["yes", "no", "no"],
    "probably_fine": ["no", "no", "no", "no"],
}


@pytest.mark.parametrize("outcome", sorted(CHECK_TO))
def test_a_check_to_each_outcome(outcome: str) -> None:
    counts = conversation("open leg cramp helper", "check my symptoms", *CHECK_TO[outcome])
    assert counts[("SessionStarted", None)] == 1
    assert counts[("CheckStarted", None)] == 1
    completed = {k: n for k, n in counts.items() if k[0] == "CheckCompleted"}
    assert completed == {("CheckCompleted", outcome): 1}


def test_an_abandoned_check_is_started_not_completed() -> None:
    counts = conversation("open leg cramp helper", "check my symptoms", "yes", "stop")
    assert counts[("CheckStarted", None)] == 1
    assert not any(k[0] == "CheckCompleted" for k in counts)


def test_a_topic_and_contact() -> None:
    counts = conversation(
        "open leg cramp helper", "why do my legs cramp at night", "how do I contact the clinic"
    )
    assert counts[("TopicAnswered", "LegCrampsAtNightIntent")] == 1
    assert counts[("ContactGiven", None)] == 1
    assert counts[("Turn", None)] == 3


def test_emergency() -> None:
    counts = conversation("open leg cramp helper", "my leg is swollen and red and hot")
    assert counts[("EmergencyRedirected", None)] == 1


def test_out_of_scope_by_category() -> None:
    counts = conversation("open leg cramp helper", "does my insurance cover it")
    assert counts[("OutOfScope", "logistics")] == 1


def test_spider_veins_count_as_out_of_scope_only_when_not_an_answer() -> None:
    asked = conversation("open leg cramp helper", "what are spider veins")
    assert asked[("OutOfScope", "condition")] == 1
    answered = conversation(
        "open leg cramp helper", "check my symptoms", "no", "no", "no", "i have spider veins"
    )
    assert answered[("OutOfScope", "condition")] == 0
    assert answered[("CheckCompleted", "worth_checking")] == 1


def test_not_understood_by_state() -> None:
    counts = conversation("open leg cramp helper", "check my symptoms", "purple elephant")
    assert counts[("NotUnderstood", "check")] == 1
    counts = conversation("open leg cramp helper", "purple elephant", "repeat that")
    assert counts[("NotUnderstood", "menu")] == 1  # a repeat after a miss is not another miss


def test_reminder_created() -> None:
    with FakeAlexaApi() as api:
        counts = conversation(
            "open leg cramp helper", "how do I contact the clinic", "yes", api=api, consent=True
        )
    assert counts[("ReminderCreated", None)] == 1
    assert not any(k[0] == "ReminderFailed" for k in counts)


def test_reminder_failed_when_the_api_fails() -> None:
    with FakeAlexaApi(reminder_status=500) as api:
        counts = conversation(
            "open leg cramp helper", "how do I contact the clinic", "yes", api=api, consent=True
        )
    assert counts[("ReminderFailed", "api_error")] == 1
    assert counts[("ReminderCreated", None)] == 0


def test_handler_error() -> None:
    counts, _ = through_lambda([{"not": "an envelope"}])
    assert counts[("HandlerError", None)] == 1


def test_handler_error_inside_a_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    from skill.conversation import Conversation

    def broken(self: Any, *args: Any) -> Any:
        raise RuntimeError("boom")

    # Routes hold the act itself (Conversation.help); break what it calls at request time.
    monkeypatch.setattr(Conversation, "_repeat_pending", broken)
    counts, _ = through_lambda([intent("AMAZON.HelpIntent")])
    assert counts[("HandlerError", None)] == 1


def test_every_emf_document_carries_the_invocation_time_and_ends_its_line() -> None:
    twice = Counter([metrics.Key("OutOfScope", "remedy"), metrics.Key("OutOfScope", "unknown")])
    text = metrics.emf_text(twice, NAMESPACE, 1764662400123)
    assert text.endswith("\n") and len(text.splitlines()) == 2
    stamps = [json.loads(line)["_aws"]["Timestamp"] for line in text.splitlines()]
    assert stamps == [1764662400123] * 2
