"""The YAML conversation runner: what it refuses to load, and that every check can fail."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from skill_tools.simulator.scenario import (
    ScenarioError,
    load_scenarios,
    parse_scenarios,
    run_scenario,
)
from skill_tools.simulator.session import SimulatorError


def write(tmp_path: Path, text: str, name: str = "talk.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(turns: list[dict[str, Any]], **kw: Any) -> list[list[str]]:
    (scenario,) = parse_scenarios({"name": "t", "turns": turns}, "inline")
    return [t.failures for t in run_scenario(scenario, **kw).turns]


def test_a_single_conversation_file_reads_like_a_script(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "turns:\n"
        "  - user: open leg cramp helper\n"
        "    request: LaunchRequest\n"
        "  - user: yes\n"
        "    ends_session: false\n"
        "  - user: no\n",
    )
    (scenario,) = load_scenarios(path)
    assert scenario.name == "talk" and scenario.id == "talk::talk"
    assert [t.user for t in scenario.turns] == ["open leg cramp helper", "yes", "no"]
    assert scenario.turns[1].expect == {"ends_session": False}
    assert run_scenario(scenario).ok


def test_several_named_conversations_per_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "conversations:\n"
        "  - name: a\n    turns: [{user: open leg cramp helper}]\n"
        "  - name: b\n    device: screen\n    turns: [{user: stop}]\n",
    )
    a, b = load_scenarios(path)
    assert (a.name, b.name, b.device.value) == ("a", "b", "screen")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("turns:\n  - user: hi\n    alexaa: typo\n", "unknown key"),
        ("turns:\n  - alexa: hi\n", "'user'"),
        ("turns: []\n", "non-empty list"),
        ("name: x\n", "non-empty list"),
        ("turns:\n  - user: hi\n    alexa_matches: '('\n", "bad alexa_matches"),
        ("turns:\n  - user: hi\n    ends_session: maybe\n", "true or false"),
        ("turns:\n  - user: hi\n    request: Launch\n", "'request' must be one of"),
        ("device: tv\nturns: [{user: hi}]\n", "speaker or screen"),
        ("turns: [{user: hi}]\nextra: 1\n", "unknown key"),
        ("conversations:\n  - {name: a, turns: [{user: hi}]}\n  - {name: a, turns: [{user: x}]}\n",
         "must differ"),
        ("conversations: []\n", "non-empty list"),
        ("turns: [{user: hi\n", "not valid YAML"),
        ("- just\n- a list\n", "must be a mapping"),
    ],
)
def test_a_malformed_file_is_refused_with_its_name(
    tmp_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ScenarioError, match=message) as err:
        load_scenarios(write(tmp_path, text, "broken.yaml"))
    assert "broken.yaml" in str(err.value) and "\n" not in str(err.value)


def test_a_missing_file_is_a_scenario_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenarios(tmp_path / "nope.yaml")


@pytest.mark.parametrize(
    ("expect", "failure"),
    [
        ({"request": "IntentRequest"}, "request: expected 'IntentRequest'"),
        ({"intent": "AMAZON.HelpIntent"}, "intent: expected"),
        ({"new_session": False}, "new_session: expected False"),
        ({"ends_session": True}, "ends_session: expected True"),
        ({"alexa": "Goodbye"}, "alexa should contain 'Goodbye'"),
        ({"alexa": ["Welcome", "Goodbye"]}, "alexa should contain 'Goodbye'"),
        ({"alexa_not": "welcome to"}, "should not contain"),
        ({"alexa_matches": "^Goodbye"}, "should match /^Goodbye/"),
        ({"reprompt": None}, "expected no reprompt"),
        ({"reprompt": "Goodbye"}, "reprompt should contain"),
        ({"card": True}, "expected a card, got none"),
        ({"card_text": "x"}, "card should contain"),
        ({"session": {"pending": "check"}}, "pending: expected 'check', got absent"),
        ({"session": {"last": None}}, "session attribute last: expected absent"),
        ({"session": {"last.reprompt": "x"}}, "session attribute last.reprompt"),
    ],
)
def test_every_kind_of_check_can_fail(expect: dict[str, Any], failure: str) -> None:
    (failures,) = run([{"user": "open leg cramp helper", **expect}])
    assert len(failures) == 1 and failure in failures[0], failures


def test_passing_checks_report_nothing() -> None:
    failures = run(
        [
            {
                "user": "open leg cramp helper",
                "request": "LaunchRequest",
                "intent": None,
                "new_session": True,
                "ends_session": False,
                "alexa": ["welcome to leg cramp helper", "  What would you like to do?"],
                "alexa_not": "Goodbye",
                "alexa_matches": r"^Welcome",
                "reprompt": True,
                "card": False,
                "session": {"pending": None, "last.reprompt": "You can ask a question about "
                            "leg cramps, or say check my symptoms."},
            },
            {"user": "often", "slots": {"frequency": "OFTEN"}},
            {"user": "what are varicose veins", "card": "Varicose veins",
             "card_text": "well-known symptom"},
        ]
    )
    assert failures == [[], [], []]


def test_slot_and_card_title_mismatches_fail() -> None:
    failures = run(
        [
            {"user": "open leg cramp helper"},
            {"user": "often", "slots": {"frequency": "RARELY"}},
            {"user": "what are varicose veins", "card": "Spider veins", "card_text": "x"},
        ]
    )
    assert failures[1] == ["slot frequency: expected 'RARELY', got 'OFTEN'"]
    assert failures[2][0] == "card title: expected 'Spider veins', got 'Varicose veins'"


def test_a_turn_that_reaches_nothing_fails_and_the_next_still_runs() -> None:
    failures = run(
        [{"user": "exit"}, {"user": "open leg cramp helper", "request": "LaunchRequest"}]
    )
    assert failures == [["nothing reached the skill"], []]


def test_a_transport_failure_is_reported_per_turn() -> None:
    def down(envelope: dict[str, Any]) -> dict[str, Any]:
        raise SimulatorError("endpoint x did not answer: refused")

    failures = run([{"user": "open leg cramp helper"}], transport=down)
    assert failures == [["not sent: endpoint x did not answer: refused"]]


def test_results_expose_every_raw_exchange_and_a_readable_report() -> None:
    (scenario,) = parse_scenarios(
        {"name": "r", "turns": [{"user": "open leg cramp helper"}, {"user": "exit"},
                                {"user": "exit", "alexa": "x"}]},
        "inline",
    )
    result = run_scenario(scenario)
    assert [t.request_type for t in result.exchanges] == ["LaunchRequest", "SessionEndedRequest"]
    assert result.responses == [t.response for t in result.exchanges]
    assert not result.ok
    report = result.report()
    assert "1. user: open leg cramp helper" in report
    assert "FAILED: nothing reached the skill" in report
    assert result.failures == ["turn 3 ('exit'): nothing reached the skill"]


def run_with(scenario: dict[str, Any], api_endpoint: str | None = None) -> list[list[str]]:
    (parsed,) = parse_scenarios({"name": "t", **scenario}, "inline")
    return [t.failures for t in run_scenario(parsed, api_endpoint=api_endpoint).turns]


def test_screen_expectations_can_fail() -> None:
    turns = [{"user": "open leg cramp helper", "screen": {"kind": "answer"}}]
    assert run_with({"device": "screen", "turns": turns})[0] == [
        "screen kind: expected 'answer', got 'home'"
    ]
    assert run_with({"turns": turns})[0] == ["expected one APL document, got 0"]
    no_screen = [{"user": "open leg cramp helper", "screen": False}]
    assert run_with({"device": "screen", "turns": no_screen})[0] == [
        "expected no APL document, got 1"
    ]


def test_reminder_expectations_can_fail() -> None:
    turns = [
        {"user": "open leg cramp helper", "reminder": {"text": "x"}},
        {"user": "remind me to call the vein center", "reminder": {"time_zone": "Europe/Paris"}},
        # A new session (one reminder per session): this one does create a reminder.
        {"user": "ask leg cramp helper to remind me to call the vein center", "reminder": False},
    ]
    failures = run_with({"alexa_api": {}, "reminders_consent": True, "turns": turns})
    assert failures[0] == ["expected one reminder to be created, got 0"]
    assert failures[1] == ["reminder time_zone: expected 'Europe/Paris', got 'America/New_York'"]
    assert failures[2] == ["expected no reminder, got 1"]
    assert run_with({"turns": turns[:1]}, api_endpoint="http://127.0.0.1:9")[0] == [
        "'reminder' needs the local fake Alexa API (no api_endpoint)"
    ]


def test_reminders_consent_alone_gets_a_local_fake_api_never_amazons() -> None:
    """Consent makes the skill call the Alexa API: without `alexa_api:` or an explicit
    api_endpoint that must be a fake on 127.0.0.1, not https://api.amazonalexa.com."""
    turns = [
        {"user": "open leg cramp helper"},
        {"user": "remind me to call the vein center", "reminder": {"time": "09:00"}},
    ]
    assert run_with({"reminders_consent": True, "turns": turns}) == [[], []]


@pytest.mark.parametrize(
    "bad",
    [{"alexa_api": {"colour": "red"}}, {"alexa_api": []}, {"reminders_consent": "yes"}],
)
def test_bad_alexa_api_settings_are_refused(bad: dict[str, Any]) -> None:
    with pytest.raises(ScenarioError):
        parse_scenarios({"name": "t", "turns": [{"user": "hi"}], **bad}, "inline")
