"""`python -m skill_tools simulate`: the issue's must-show commands, every input mode, bad input."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from skill_tools.simulator.cli import main
from tests.simulator.conftest import Server
from tests.support import ROOT

REPLAY = ROOT / "tests" / "replays" / "full_check.json"
KEYS = [
    "turn", "utterance", "request_type", "intent", "slots", "speech", "ssml", "reprompt",
    "card", "end_session", "session_attributes",
]


def simulate(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "skill_tools", "simulate", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=60,
    )


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# -- the must-show commands, as a user types them ----------------------------------


def test_launch_then_headline_question_prints_two_json_lines() -> None:
    done = simulate(
        "--say", "open leg cramp helper", "--say", "why do my legs cramp at night", "--jsonl"
    )
    assert done.returncode == 0, done.stderr
    launch, answer = jsonl(done.stdout)
    assert list(launch) == KEYS and list(answer) == KEYS
    assert (launch["turn"], launch["request_type"], launch["intent"]) == (1, "LaunchRequest", None)
    assert (answer["turn"], answer["intent"]) == (2, "LegCrampsAtNightIntent")
    assert "severe, frequent cramping that disrupts sleep" in answer["speech"]  # the article
    assert answer["ssml"].startswith("<speak>") and "<" not in answer["speech"]
    assert answer["card"]["title"] == "Why legs cramp at night"
    assert answer["end_session"] is False
    assert answer["session_attributes"]["topic"] == "LegCrampsAtNightIntent"


def test_one_shot_prints_one_line_in_a_new_session() -> None:
    done = simulate("--say", "ask leg cramp helper why do my legs cramp at night", "--jsonl")
    assert done.returncode == 0, done.stderr
    (line,) = jsonl(done.stdout)
    assert (line["turn"], line["request_type"]) == (1, "IntentRequest")
    assert line["intent"] == "LegCrampsAtNightIntent"
    assert done.stderr == ""  # a proper one-shot needs no note


def test_the_replay_file_runs_a_whole_check_to_its_outcome() -> None:
    done = simulate("--replay", str(REPLAY), "--jsonl")
    assert done.returncode == 0, done.stderr
    lines = jsonl(done.stdout)
    assert [line["intent"] for line in lines] == [
        None, "SymptomCheckIntent", "CrampFrequencyIntent", "AMAZON.NoIntent",
        "AMAZON.YesIntent", "AMAZON.YesIntent", "AMAZON.StopIntent",
    ]
    assert lines[2]["slots"]["frequency"] == {"value": "once in a while", "resolved": "RARELY"}
    assert lines[4]["card"]["title"] == "Schedule an evaluation with a vein specialist"
    assert "Cramping with walking that resolves" in lines[4]["speech"]
    assert lines[5]["card"]["title"].startswith("Contact")
    assert lines[-1]["end_session"] is True


def test_the_console_script_and_stdin_mode() -> None:
    script = Path(sys.executable).with_name("leg-cramp-helper")
    if not script.exists():
        pytest.skip("the console script is not installed in this environment")
    done = subprocess.run(
        [str(script), "simulate", "--jsonl"],
        input="open leg cramp helper\n\n# a comment\n   \ncheck my symptoms\n",
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert [x["request_type"] for x in jsonl(done.stdout)] == ["LaunchRequest", "IntentRequest"]


def test_interactive_mode_on_a_terminal() -> None:
    """A real pseudo-terminal: the prompt, the transcript, .quit."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "skill_tools", "simulate"],
        cwd=ROOT, stdin=follower, stdout=follower, stderr=follower,
        env={**os.environ, "TERM": "dumb"},
    )
    os.close(follower)
    seen = b""

    def read_until(marker: bytes, limit: float = 30) -> None:
        nonlocal seen
        end = time.monotonic() + limit
        while marker not in seen and time.monotonic() < end:
            ready, _, _ = select.select([leader], [], [], 0.2)
            if ready:
                try:
                    seen += os.read(leader, 4096)
                except OSError:
                    return

    try:
        read_until(b"You: ")
        os.write(leader, b"open leg cramp helper\n")
        read_until(b"(reprompt)")
        read_until(b"You: ")
        os.write(leader, b"stop\n")
        read_until(b"(session ended)")
        os.write(leader, b".quit\n")
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)
    text = seen.decode(errors="replace")
    assert "simulator (en-US, speaker, in-process)" in text
    assert "Alexa: Welcome to Leg Cramp Helper" in text
    assert "  (reprompt) You can ask a question" in text
    assert "Alexa: Take care. Goodbye!" in text and "(session ended)" in text


# -- in-process: output forms and options -------------------------------------------------


def test_plain_transcript_shows_speech_reprompt_card_and_end(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_main(
        capsys, "--say", "open leg cramp helper", "--say", "what are varicose veins",
        "--say", "", "--say", "stop",
    )
    assert code == 0
    assert "You: open leg cramp helper\n  (new session)\nAlexa: Welcome" in out
    assert "  (reprompt) Would you like to hear more?" in out
    assert "  [card] Varicose veins: Varicose veins are" in out
    assert out.rstrip().endswith("Alexa: Take care. Goodbye!\n  (session ended)")
    assert out.count("You: ") == 3  # the empty --say is ignored


def test_explain_shows_how_a_phrase_was_understood(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_main(
        capsys, "--explain", "--say", "open leg cramp helper", "--say", "they happen most nights",
        "--say", "why do legs get crampy at night",
        "--say", "my legs cramp on long hikes until i rest",
    )
    assert "(understood: CrampFrequencyIntent by exact match {'frequency'" in out
    assert "(understood: LegCrampsAtNightIntent by near match 0." in out
    assert "(understood: CrampsWhenWalkingIntent by classifier match (" in out
    assert "% of the evidence)" in out


def test_notes_go_to_stderr_in_jsonl_mode(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(capsys, "--jsonl", "--say", "why do my legs cramp at night")
    assert code == 0 and len(out.splitlines()) == 1
    assert err.startswith("dev.py simulate: note: no session was open")


def test_require_invocation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_main(capsys, "--jsonl", "--require-invocation", "--say", "stop")
    assert (code, out) == (0, "")
    assert 'start with "open leg cramp helper"' in err


def test_stdin_lines_and_dot_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        sys, "stdin",
        io.StringIO("open leg cramp helper\n.session\n.new\n.what\n.quit\nstop\n"),
    )
    code, out, _ = run_main(capsys)
    assert code == 0
    assert '(note: session attributes: {"last"' in out
    assert "(note: session forgotten" in out and "(note: .quit leaves" in out
    assert "Goodbye" not in out  # nothing after .quit runs


def test_screen_device_and_skill_id_reach_the_endpoint(skill_server: Server, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    replay = tmp_path / "r.json"
    replay.write_text(json.dumps({"skillId": "amzn1.ask.skill.from-file", "locale": "en-US",
                                  "type": "text", "userInput": ["open leg cramp helper"]}))
    code, out, err = run_main(
        capsys, "--endpoint", skill_server.url, "--replay", str(replay), "--device", "screen",
        "--skill-id", "amzn1.ask.skill.from-option", "--api-endpoint", "http://127.0.0.1:1",
        "--jsonl",
    )
    assert code == 0, err
    (sent,) = skill_server.received
    system = sent["context"]["System"]
    assert system["application"]["applicationId"] == "amzn1.ask.skill.from-file"
    assert "Alexa.Presentation.APL" in system["device"]["supportedInterfaces"]
    assert system["apiEndpoint"] == "http://127.0.0.1:1"
    assert jsonl(out)[0]["request_type"] == "LaunchRequest"


# -- bad input: one line, the right status, never a traceback ------------------------------


def assert_one_line_error(code: int, status: int, err: str, fragment: str) -> None:
    assert code == status
    assert err.count("\n") == 1 and err.startswith("dev.py simulate: error: "), err
    assert fragment in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--device", "tv"], "invalid choice"),
        (["--say", "hi", "--replay", "x.json"], "not both"),
        (["--endpoint", "ftp://x", "--say", "hi"], "http:// or https://"),
        (["--endpoint", "http://[bad", "--say", "hi"], "http:// or https://"),
        (["--endpoint", "http://", "--say", "hi"], "http:// or https://"),
        (["--endpoint", "http://127.0.0.1:99999/", "--say", "hi"], "http:// or https://"),
        (["--timeout", "0", "--say", "hi"], "more than 0"),
        (["--replay", "/nonexistent/replay.json"], "cannot read replay file"),
        (["--locale", "xx-XX", "--say", "hi"], "no interaction model for locale 'xx-XX'"),
        (["--model", "/nonexistent/model.json", "--say", "hi"], "cannot read interaction model"),
    ],
)
def test_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], fragment: str
) -> None:
    code, _, err = run_main(capsys, *args)
    assert_one_line_error(code, 2, err, fragment)


def test_help_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(capsys, "--help")
    assert code == 0 and "--replay FILE" in out and "--device {speaker,screen}" in out


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("{", "is not valid JSON"),
        ("[]", "must hold a JSON object"),
        ('{"type": "text", "userInput": "open"}', "must be a list of texts"),
        ('{"type": "voice", "userInput": []}', 'only "type": "text"'),
        ('{"skillId": 5, "userInput": []}', '"skillId" must be a text'),
    ],
)
def test_unusable_replay_files_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, fragment: str
) -> None:
    path = tmp_path / "replay.json"
    path.write_text(content)
    code, _, err = run_main(capsys, "--replay", str(path))
    assert_one_line_error(code, 2, err, fragment)


def test_an_endpoint_that_does_not_answer_exits_1(
    closed_port_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_main(capsys, "--endpoint", closed_port_url, "--say", "open leg cramp helper")
    assert_one_line_error(code, 1, err, "did not answer")


def test_an_endpoint_answering_not_json_exits_1(
    text_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_main(capsys, "--endpoint", text_server.url, "--say", "open leg cramp helper")
    assert_one_line_error(code, 1, err, "not JSON")


def test_a_usage_error_from_the_shell_is_one_line() -> None:
    done = simulate("--bogus")
    assert done.returncode == 2
    assert done.stderr == "dev.py simulate: error: unrecognized arguments: --bogus\n"


def test_screen_device_prints_the_apl_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_main(
        capsys, "--device", "screen", "--say", "open leg cramp helper",
        "--say", "check my symptoms",
    )
    assert code == 0
    assert "[screen] APL document 'legCrampHelper': Question 1 of 4 / Symptom check" in out
    code, out, _ = run_main(capsys, "--say", "open leg cramp helper")
    assert "[screen]" not in out


def test_fake_alexa_api_answers_and_prints_the_reminder_call(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_main(
        capsys, "--fake-alexa-api", "--reminders-consent", "--time-zone", "Europe/Dublin",
        "--say", "open leg cramp helper", "--say", "remind me to call the vein center",
    )
    assert code == 0
    assert "fake Alexa API listening on http://127.0.0.1:" in out
    assert "I'll remind you tomorrow" in out
    assert '"timeZoneId": "Europe/Dublin"' in out and "POST /v1/alerts/reminders" in out


def test_jsonl_with_explain_adds_how_each_phrase_was_understood() -> None:
    done = simulate(
        "--say", "open leg cramp helper", "--say", "why do legs get crampy at night",
        "--say", "blah blah", "--jsonl", "--explain",
    )
    assert done.returncode == 0, done.stderr
    launch, near, unclear = jsonl(done.stdout)
    assert launch["match"] is None  # a LaunchRequest is not matched against the model
    assert near["match"]["method"] == "near" and 0.5 <= near["match"]["score"] <= 1
    assert near["match"]["sample"] and near["intent"] == "LegCrampsAtNightIntent"
    assert unclear["match"] == {"method": "fallback", "score": 0.0, "sample": None}
    assert list(near)[: len(KEYS)] == KEYS  # the usual keys first, unchanged


def test_jsonl_without_explain_has_exactly_the_documented_keys() -> None:
    done = simulate("--say", "open leg cramp helper", "--jsonl")
    assert list(jsonl(done.stdout)[0]) == KEYS


def test_reminders_consent_alone_calls_the_local_fake_api_never_amazons(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With consent the skill calls the Alexa API at the envelope's apiEndpoint; without
    --api-endpoint that must be the local fake, not https://api.amazonalexa.com."""
    code, out, _ = run_main(
        capsys, "--reminders-consent",
        "--say", "open leg cramp helper", "--say", "remind me to call the vein center",
    )
    assert code == 0
    assert "fake Alexa API listening on http://127.0.0.1:" in out
    assert "POST /v1/alerts/reminders" in out and "I'll remind you tomorrow" in out
    code, out, _ = run_main(  # an explicit endpoint is the user's choice: no fake then
        capsys, "--reminders-consent", "--api-endpoint", "http://127.0.0.1:9",
        "--say", "open leg cramp helper",
    )
    assert code == 0 and "fake Alexa API" not in out


def test_a_yes_to_the_permission_question_sets_the_reminder_at_the_local_fake(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Round 9's new user: without --fake-alexa-api, a yes to Alexa's permission question
    made the skill call https://api.amazonalexa.com ("I couldn't set the reminder")."""
    code, out, _ = run_main(
        capsys, "--say", "open leg cramp helper", "--say", "remind me to call the vein center",
        "--say", "yes",
    )
    assert code == 0
    assert "I'll remind you tomorrow" in out and "couldn't set" not in out
    assert "fake Alexa API" not in out  # its calls are printed only when asked for


@pytest.mark.parametrize(
    ("said", "heard"), [("yep", "I'll remind you tomorrow"), ("nah", "no reminder")]
)
def test_alexa_hears_a_casual_yes_or_no_to_the_permission_question(
    capsys: pytest.CaptureFixture[str], said: str, heard: str
) -> None:
    """Round 31, a new user: "yep" and "nah" were neither, and got the consent card."""
    code, out, _ = run_main(
        capsys, "--say", "open leg cramp helper", "--say", "remind me to call the vein center",
        "--say", said,
    )
    assert code == 0 and heard in out and "sent a card" not in out


def test_the_morning_chosen_outlives_the_permission_question(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Round 31, a new user: a yes to "is that 6 in the morning?", then to Alexa's permission
    question, and "is that 6 in the morning?" came again (read back, 6 was a guess again).
    (Round 45: the evening is asked about first; no is the morning.)"""
    code, out, _ = run_main(
        capsys, "--say", "open leg cramp helper", "--say", "remind me at 6 tomorrow",
        "--say", "no", "--say", "yes",
    )
    assert code == 0 and "I'll remind you tomorrow at 6 in the morning" in out
    assert out.count("Alexa: Is that 6 in the evening?") == 1, out


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "Pacific/Pago_Pago"])  # UTC+14, UTC-11
def test_tomorrow_is_the_device_s_tomorrow(capsys: pytest.CaptureFixture[str], zone: str) -> None:
    """Round 9's new user, in a New York evening: "tomorrow" was the day after, read from the
    machine's UTC date; Alexa resolves it where the device is."""
    code, out, _ = run_main(
        capsys, "--reminders-consent", "--time-zone", zone,
        "--say", "open leg cramp helper", "--say", "remind me tomorrow at ten in the morning",
    )
    tomorrow = datetime.now(ZoneInfo(zone)).date() + timedelta(days=1)
    assert code == 0 and f'"scheduledTime": "{tomorrow.isoformat()}T10:00:00"' in out


def test_an_unknown_time_zone_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(capsys, "--time-zone", "Mars/Base", "--say", "hi")
    assert_one_line_error(code, 2, err, "no such time zone")
