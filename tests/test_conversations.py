"""Every conversation under tests/conversations/, played through the simulator.

Each YAML conversation is one test. Every raw response the suite produces also goes through
skill_tools.response_checks.check_response, so response-level rules (valid SSML, a reprompt
exactly when the session stays open, sizes) hold for all of them. The example conversation in
docs/conversation-tests.md runs too, so the page cannot go stale.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from skill_tools.response_checks import check_response
from skill_tools.simulator.scenario import Scenario, ScenarioResult, load_scenarios, run_scenario
from tests.support import ROOT

HERE = Path(__file__).resolve().parent / "conversations"
# Nothing listens on the discard port: a handler that calls the Alexa API from a
# conversation test fails fast instead of reaching the internet.
OFFLINE_API = "http://127.0.0.1:9"
SCENARIOS: list[Scenario] = [s for f in sorted(HERE.glob("*.yaml")) for s in load_scenarios(f)]


@cache
def played(scenario_id: str) -> ScenarioResult:
    scenario = next(s for s in SCENARIOS if s.id == scenario_id)
    return run_scenario(scenario, api_endpoint=OFFLINE_API)


@pytest.mark.parametrize("scenario_id", [s.id for s in SCENARIOS])
def test_conversation(scenario_id: str) -> None:
    result = played(scenario_id)
    assert result.ok, result.report()


def test_the_example_in_the_docs_runs(tmp_path: Path) -> None:
    """docs/conversation-tests.md's YAML example, played as written."""
    page = (ROOT / "docs" / "conversation-tests.md").read_text(encoding="utf-8")
    (example,) = re.findall(r"^```yaml\n(# tests/conversations/.*?)^```", page, re.M | re.S)
    path = tmp_path / "example.yaml"
    path.write_text(example, encoding="utf-8")
    scenarios = load_scenarios(path)
    assert scenarios
    for scenario in scenarios:
        result = run_scenario(scenario, api_endpoint=OFFLINE_API)
        assert result.ok, result.report()


@pytest.mark.parametrize("scenario_id", [s.id for s in SCENARIOS])
def test_every_response_passes_the_response_checks(scenario_id: str) -> None:
    for i, turn in enumerate(played(scenario_id).exchanges, 1):
        problems = check_response(turn.response, request_type=turn.request_type)
        assert not problems, f"{scenario_id}, response {i} ({turn.request_type}): {problems}"


def test_the_suite_covers_the_required_situations() -> None:
    """The issue's list: each outcome, each interruption mid-check, the contact offer both
    ways, the headline question one-shot and in session. Deleting a scenario fails here."""
    turns = [t.turn for s in SCENARIOS for t in played(s.id).turns if t.turn is not None]
    cards = {t.card["title"] for t in turns if t.card}
    assert {
        "Schedule an evaluation with a vein specialist",
        "Schedule a consultation if you are worried",
        "May not be cause for concern",
        "Contact The Vein Center of Maryland",
        "Get emergency help now",
    } <= cards

    def mid_check(intent: str) -> bool:
        return any(
            t.intent == intent and t.request["session"].get("attributes", {}).get("pending")
            == "check"
            for t in turns
        )

    for intent in (
        "AMAZON.HelpIntent",
        "AMAZON.RepeatIntent",
        "AMAZON.StartOverIntent",
        "AMAZON.FallbackIntent",
        "AMAZON.StopIntent",
        "EmergencyIntent",
    ):
        assert mid_check(intent), f"no conversation says {intent} in the middle of the check"
    offers = [
        (t.intent, t.request["session"].get("attributes", {}).get("pending")) for t in turns
    ]
    assert ("AMAZON.YesIntent", "offer_contact") in offers
    assert ("AMAZON.NoIntent", "offer_contact") in offers
    headline = [t for t in turns if t.intent == "LegCrampsAtNightIntent"]
    assert any(t.new_session for t in headline), "no one-shot headline question"
    assert any(not t.new_session for t in headline), "no in-session headline question"


def test_every_reply_fits_what_the_session_remembers_for_repeat() -> None:
    """Repeat trusts 'last' only up to MAX_REMEMBERED_CHARS; our own replies must fit."""
    from skill.conversation import MAX_REMEMBERED_CHARS

    turns = [t.turn for s in SCENARIOS for t in played(s.id).turns if t.turn is not None]
    longest = max(len(t.speech) for t in turns)
    assert 0 < longest <= MAX_REMEMBERED_CHARS
