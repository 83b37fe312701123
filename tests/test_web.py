"""Tests for skill_web.app: the Flask app, `python -m skill_tools serve`, the gunicorn entry.

Real cryptography throughout: a certificate authority generated here (tests/pki.py) signs
requests the way Alexa does, and real Amazon chains and signed requests from shared/vectors
prove the whole path on Amazon's bytes. Real HTTP on 127.0.0.1: an in-thread werkzeug server
with verification on, `python -m skill_tools serve --no-verify` driven by the simulator, and
gunicorn running the documented factory. No network beyond loopback: certificates come from
an injected fetcher.
"""

from __future__ import annotations

import base64
import json
import logging
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import lambda_function
import skill.app
from skill import metrics
from skill_web.app import MAX_BODY_BYTES, create_app
from skill_web.devserver import main
from skill_web.logs import JsonLogFormatter
from skill_web.settings import ConfigError, Settings
from skill_web.verification import RequestVerifier
from tests.pki import CERT_URL, DictFetcher, FixedClock, TestPKI, alexa_timestamp, make_pki
from tests.support import SKILL_ID, frequency_slot, intent, launch, speech
from tests.web_support import (
    GUNICORN_READY,
    ROOT,
    Harness,
    Recorder,
    Server,
    gunicorn_argv,
    http_post,
    http_request,
    load_vector,
    serving,
    symantec_g5_root,
    vector_named,
    vector_params,
    web_harness,
)

NOW = datetime.now(UTC).replace(microsecond=0)
OTHER_SKILL_ID = "amzn1.ask.skill.someone-else"
BUCKET = "https://s3.amazonaws.com/echo.api/"
EXPIRED_URL = BUCKET + "expired.pem"
WRONG_NAME_URL = BUCKET + "wrong-name.pem"
UNTRUSTED_URL = BUCKET + "untrusted.pem"
UNREACHABLE_URL = BUCKET + "unreachable.pem"
GARBAGE_URL = BUCKET + "garbage.pem"
# What the request log line may hold; anything else (utterance, slots, attributes) is a leak.
LOG_FIELDS = {
    "event", "method", "path", "status", "latency_ms", "request_id", "request_type", "intent",
    "reason", "detail", "error", "where",
}  # fmt: skip


# ------------------------------------------------------------------------------------ fixtures


@pytest.fixture(autouse=True)
def log_everything(caplog: pytest.LogCaptureFixture) -> None:
    """pytest owns logging here, so create_app leaves levels alone: capture down to DEBUG."""
    caplog.set_level(logging.DEBUG, logger="skill")


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return make_pki(NOW)


def event(env: dict[str, Any] | None = None, *, at: datetime = NOW) -> dict[str, Any]:
    """An envelope from tests.support (a LaunchRequest by default), stamped at ``at``."""
    env = env if env is not None else launch()
    env["request"]["timestamp"] = alexa_timestamp(at)
    return env


def for_skill(env: dict[str, Any], skill_id: str) -> dict[str, Any]:
    env["context"]["System"]["application"]["applicationId"] = skill_id
    env["session"]["application"]["applicationId"] = skill_id
    return env


@pytest.fixture
def make_harness(pki: TestPKI) -> Callable[..., Harness]:
    def make(handle: Callable[[Any, Any], Any] = skill.app.answer, **kw: Any) -> Harness:
        files: dict[str, bytes | Exception] = {
            CERT_URL: pki.chain_pem,
            EXPIRED_URL: pki.expired_pem,
            WRONG_NAME_URL: pki.wrong_name_pem,
            UNTRUSTED_URL: pki.untrusted_pem,
            UNREACHABLE_URL: TimeoutError("timed out"),
            GARBAGE_URL: b"<html>Access Denied</html>",
        }
        return web_harness(pki, NOW, files, handle, skill_ids={SKILL_ID}, **kw)

    return make


@pytest.fixture
def harness(make_harness: Callable[..., Harness]) -> Harness:
    return make_harness()


def request_lines(caplog: pytest.LogCaptureFixture) -> list[dict[str, Any]]:
    return [
        json.loads(r.getMessage())
        for r in caplog.records
        if r.name == "skill.web" and r.getMessage().startswith("{")
    ]


def dev_app(**settings: Any) -> Any:
    """The app with verification off, its skill wrapped in a Recorder: (app, recorder)."""
    handler = Recorder()
    return create_app(Settings(verify=False, **settings), handle=handler), handler


# ---------------------------------------------------------------------------------- happy path


def test_signed_request_is_answered_by_the_lambda_skill_object(
    pki: TestPKI, harness: Harness
) -> None:
    env = event(intent("SymptomCheckIntent"))
    answer = harness.post(*pki.signed(env))
    assert answer.status_code == 200
    assert answer.mimetype == "application/json"
    # The same skill object the Lambda entry point uses, so the same answer.
    assert answer.get_json() == lambda_function.lambda_handler(env, None)
    assert "up to four" in answer.get_json()["response"]["outputSpeech"]["ssml"]
    assert harness.handler.events == [env]


def test_default_handler_is_the_skill_built_once_at_import() -> None:
    app = create_app(Settings(verify=False))
    assert app.extensions["skill_web"].handle is skill.app.answer
    assert lambda_function.lambda_handler is skill.app.lambda_handler


def test_same_certificate_url_is_fetched_once(pki: TestPKI, harness: Harness) -> None:
    for env in (launch(), intent("SymptomCheckIntent"), intent("AMAZON.HelpIntent")):
        assert harness.post(*pki.signed(event(env))).status_code == 200
    assert harness.fetcher.calls == [CERT_URL]
    assert harness.verifier.fetch_count == 1
    assert len(harness.handler.events) == 3


def test_healthz(harness: Harness) -> None:
    answer = harness.app.test_client().get("/healthz")
    assert (answer.status_code, answer.get_json()) == (200, {"status": "ok"})
    assert harness.handler.events == []


# ----------------------------------------------------------------------------------- bad input


def _drop(name: str) -> Callable[[TestPKI], tuple[dict[str, str], bytes]]:
    def build(pki: TestPKI) -> tuple[dict[str, str], bytes]:
        headers, body = pki.signed(event())
        del headers[name]
        return headers, body

    return build


def _via(url: str) -> Callable[[TestPKI], tuple[dict[str, str], bytes]]:
    return lambda pki: pki.signed(event(), url=url)


def _body(raw: bytes) -> Callable[[TestPKI], tuple[dict[str, str], bytes]]:
    return lambda pki: (pki.headers(raw), raw)


def _legacy_only(pki: TestPKI) -> tuple[dict[str, str], bytes]:
    headers, body = pki.signed(event())
    headers["Signature"] = headers.pop("Signature-256")
    return headers, body


def _not_base64(pki: TestPKI) -> tuple[dict[str, str], bytes]:
    headers, body = pki.signed(event())
    headers["Signature-256"] = "%%% not base64 %%%"
    return headers, body


def _other_key(pki: TestPKI) -> tuple[dict[str, str], bytes]:
    headers, body = pki.signed(event())
    headers["Signature-256"] = pki.sign(body, pki.other_key)
    return headers, body


def _tampered(pki: TestPKI) -> tuple[dict[str, str], bytes]:
    headers, body = pki.signed(event(intent("AMAZON.NoIntent")))
    return headers, body.replace(b"AMAZON.NoIntent", b"AMAZON.YesIntent")  # still valid JSON


BAD_INPUT = [
    pytest.param({"Content-Type": "application/json"}, "missing_header", id="no-headers"),
    pytest.param(_drop("SignatureCertChainUrl"), "missing_header", id="no-cert-url"),
    pytest.param(_drop("Signature-256"), "missing_header", id="no-signature"),
    pytest.param(_legacy_only, "missing_header", id="legacy-sha1-header-only"),
    pytest.param(_not_base64, "bad_signature", id="signature-not-base64"),
    pytest.param(_via("http://s3.amazonaws.com/echo.api/c.pem"), "bad_cert_url", id="url-http"),
    pytest.param(_via("https://evil.example/echo.api/c.pem"), "bad_cert_url", id="url-host"),
    pytest.param(_via(BUCKET + "../c.pem"), "bad_cert_url", id="url-traversal"),
    pytest.param(
        _via("https://s3.amazonaws.com:8443/echo.api/c.pem"), "bad_cert_url", id="url-port"
    ),  # fmt: skip
    pytest.param(_via("https://s3.amazonaws.com/EcHo.aPi/c.pem"), "bad_cert_url", id="url-case"),
    pytest.param(_via(UNREACHABLE_URL), "cert_fetch_failed", id="cert-cannot-be-fetched"),
    pytest.param(_via(BUCKET + "missing.pem"), "cert_fetch_failed", id="cert-404"),
    pytest.param(_via(EXPIRED_URL), "cert_untrusted", id="cert-expired"),
    pytest.param(_via(UNTRUSTED_URL), "cert_untrusted", id="cert-untrusted-root"),
    pytest.param(_via(WRONG_NAME_URL), "cert_untrusted", id="cert-for-another-name"),
    pytest.param(_via(GARBAGE_URL), "cert_untrusted", id="cert-not-a-certificate"),
    pytest.param(_other_key, "bad_signature", id="signed-by-another-key"),
    pytest.param(_tampered, "bad_signature", id="tampered-body"),
    pytest.param(
        lambda p: p.signed(event(at=NOW - timedelta(seconds=151))),
        "stale_timestamp",
        id="stale-timestamp",
    ),  # fmt: skip
    pytest.param(
        lambda p: p.signed(event(at=NOW + timedelta(seconds=151))),
        "stale_timestamp",
        id="future-timestamp",
    ),  # fmt: skip
    pytest.param(
        lambda p: p.signed(for_skill(event(), OTHER_SKILL_ID)), "wrong_skill", id="another-skill"
    ),  # fmt: skip
    pytest.param(_body(b"this is not json"), "bad_body", id="body-not-json"),
    pytest.param(_body(b'{"hello": "world"}'), "bad_body", id="body-not-an-envelope"),
    pytest.param(_body(b"[1, 2]"), "bad_body", id="body-json-list"),
    pytest.param(_body(b"\xff\xfe\x00"), "bad_body", id="body-not-utf8"),
    pytest.param(_body(b""), "bad_body", id="body-empty"),
]


@pytest.mark.parametrize(("build", "reason"), BAD_INPUT)
def test_bad_input_is_400_and_reaches_no_handler(
    pki: TestPKI, harness: Harness, build: Any, reason: str
) -> None:
    headers, body = build(pki) if callable(build) else (build, json.dumps(event()).encode())
    answer = harness.post(headers, body)
    assert answer.status_code == 400
    assert answer.mimetype == "application/json"
    assert answer.get_json() == {"error": "bad request", "reason": reason}
    assert harness.handler.events == []


def test_failed_fetch_is_retried_once_the_certificate_is_reachable(
    pki: TestPKI, harness: Harness
) -> None:
    """A download failure is a 400, remembered for 10 s; then the next request fetches again."""
    harness.fetcher.files[CERT_URL] = ConnectionResetError("reset")
    assert harness.post(*pki.signed(event())).get_json()["reason"] == "cert_fetch_failed"
    harness.fetcher.files[CERT_URL] = pki.chain_pem
    assert harness.post(*pki.signed(event())).get_json()["reason"] == "cert_fetch_failed"
    harness.monotonic.now += 11
    assert harness.post(*pki.signed(event())).status_code == 200
    assert harness.fetcher.calls == [CERT_URL, CERT_URL]


def test_body_over_128_kib_is_413(pki: TestPKI, harness: Harness) -> None:
    raw = json.dumps(event()).encode()
    exact = raw + b" " * (MAX_BODY_BYTES - len(raw))  # trailing whitespace is valid JSON
    assert harness.post(pki.headers(exact), exact).status_code == 200
    over = exact + b" "
    answer = harness.post(pki.headers(over), over)
    assert answer.status_code == 413
    assert answer.get_json() == {"error": "request entity too large"}
    assert len(harness.handler.events) == 1  # only the one that fitted


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"])
def test_other_methods_are_405(harness: Harness, method: str) -> None:
    answer = harness.app.test_client().open("/", method=method)
    assert answer.status_code == 405
    assert "POST" in answer.headers["Allow"]
    if method != "HEAD":
        assert answer.get_json() == {"error": "method not allowed"}
    assert harness.handler.events == []


def test_post_to_healthz_is_405_and_unknown_path_404(harness: Harness) -> None:
    client = harness.app.test_client()
    assert client.post("/healthz", data=b"{}").status_code == 405
    answer = client.post("/other", data=b"{}")
    assert (answer.status_code, answer.get_json()) == (404, {"error": "not found"})


# ------------------------------------------------------------------------------------- errors


def _raise(event: Any, context: Any) -> Any:
    raise RuntimeError("the user said: my secret utterance")


@pytest.mark.parametrize(
    ("handle", "error", "where"),
    [
        (_raise, "RuntimeError", "tests.test_web:"),
        (lambda e, c: ["not", "a", "dict"], "TypeError", "skill_web.app:"),
    ],
    ids=["skill-raises", "skill-returns-junk"],
)
def test_exception_inside_the_skill_is_a_generic_500(
    pki: TestPKI,
    make_harness: Callable[..., Harness],
    caplog: pytest.LogCaptureFixture,
    handle: Any,
    error: str,
    where: str,
) -> None:
    h = make_harness(handle=handle)
    answer = h.post(*pki.signed(event()))
    assert answer.status_code == 500
    assert answer.get_json() == {"error": "internal error"}
    assert b"Traceback" not in answer.data and b"secret" not in answer.data
    (line,) = request_lines(caplog)
    assert (line["status"], line["error"]) == (500, error)
    assert line["where"].startswith(where)  # where it broke, without what the user said
    assert [r.levelno for r in caplog.records if "request" in r.getMessage()] == [logging.ERROR]
    assert "secret" not in caplog.text


def test_exception_outside_the_skill_is_a_generic_500_too(
    pki: TestPKI, make_harness: Callable[..., Harness], caplog: pytest.LogCaptureFixture
) -> None:
    """An exception nobody expected (here: the injected clock breaks) still answers JSON."""

    def broken_clock() -> datetime:
        raise OSError("clock source gone")

    h = make_harness(clock=broken_clock)
    answer = h.post(*pki.signed(event()))
    assert (answer.status_code, answer.get_json()) == (500, {"error": "internal error"})
    assert h.handler.events == []
    assert request_lines(caplog)[-1]["error"] == "OSError"


# --------------------------------------------------------------------------- verification off


def test_without_verification_envelopes_still_checked(caplog: pytest.LogCaptureFixture) -> None:
    app, handler = dev_app(skill_ids={SKILL_ID})
    assert "verification is OFF" in caplog.text
    client = app.test_client()
    answer = client.post("/", json=event())  # no signature headers at all
    assert answer.status_code == 200
    assert "Welcome" in answer.get_json()["response"]["outputSpeech"]["ssml"]
    for body in (b"not json", b'{"version": "1.0"}', b"[]"):
        answer = client.post("/", data=body, content_type="application/json")
        assert (answer.status_code, answer.get_json()["reason"]) == (400, "bad_body")
    answer = client.post("/", json=for_skill(event(), OTHER_SKILL_ID))
    assert (answer.status_code, answer.get_json()["reason"]) == (400, "wrong_skill")
    assert len(handler.events) == 1


@pytest.mark.parametrize("verify", [False, True], ids=["verify-off", "verify-on"])
def test_only_json_is_accepted(verify: bool, pki: TestPKI) -> None:
    """Alexa always sends application/json; anything else is 415 before the body is read
    (a web page can POST text/plain to a local server without asking first; JSON it cannot)."""
    if verify:
        harness = web_harness(pki, datetime.now(UTC), skill_ids={SKILL_ID})
        app, handler = harness.app, harness.handler
    else:
        app, handler = dev_app()
    headers, body = pki.signed(event(at=datetime.now(UTC)))
    with serving(app) as port:
        for content_type in ("text/plain", "application/x-www-form-urlencoded", None):
            sent = {k: v for k, v in headers.items() if k != "Content-Type"}
            if content_type:
                sent["Content-Type"] = content_type
            status, answer = http_post(port, body, sent)
            assert status == 415, content_type
            assert answer == {"error": "unsupported media type", "reason": "content_type"}
        assert handler.events == []
        for content_type in ("application/json; charset=utf-8", "Application/JSON"):
            status, answer = http_post(port, body, {**headers, "Content-Type": content_type})
            assert status == 200, answer


def _malformed(change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    env = event(intent("AMAZON.HelpIntent"))
    change(env)
    return env


NOT_ENVELOPES = {
    "slots-not-an-object": lambda e: e["request"]["intent"].update(slots="wrong"),
    "slot-not-an-object": lambda e: e["request"]["intent"].update(slots={"frequency": 5}),
    "no-context": lambda e: e.pop("context"),
    "context-without-system": lambda e: e["context"].pop("System"),
    "session-not-an-object": lambda e: e.update(session="x"),
}


def test_an_envelope_the_skill_cannot_read_is_400_not_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Verification off, real HTTP: a body that parses but is not an Alexa request by Lambda's
    rule (skill.app.read_envelope) is refused like a bad timestamp, never counted as the
    skill's error; a request type newer than the SDK is answered, as an unhandled one."""
    app = create_app(Settings(verify=False, metrics_endpoint=True))
    headers = {"Content-Type": "application/json; charset=utf-8"}
    with serving(app) as port:
        errors_before = _handler_errors(port)
        for name, change in NOT_ENVELOPES.items():
            status, body = http_post(port, json.dumps(_malformed(change)), headers)
            assert (status, body) == (400, {"error": "bad request", "reason": "bad_body"}), name
        unknown = event()
        unknown["request"]["type"] = "Alexa.SomethingNew.Event"
        status, body = http_post(port, json.dumps(unknown), headers)
        assert status == 200
        assert "call 9 1 1" in speech(body)  # a spoken recovery, with the way to help
        assert _handler_errors(port) == errors_before
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    lines = request_lines(caplog)
    refused = [line for line in lines if line["status"] == 400]
    assert len(refused) == len(NOT_ENVELOPES)
    assert {line["reason"] for line in refused} == {"bad_body"}
    assert all(line["detail"] for line in refused)


def test_lambda_answers_an_envelope_it_cannot_read_with_the_apology() -> None:
    """The same rule in Lambda, which cannot refuse: a spoken apology, counted as an error
    (only Alexa can invoke the function), and never an exception."""
    for name, change in NOT_ENVELOPES.items():
        with pytest.raises(skill.app.BadEnvelope):
            skill.app.answer(_malformed(change))
        with metrics.collect() as counts:
            out = skill.app.handle_event(_malformed(change))
        assert "went wrong" in speech(out), name
        assert counts[metrics.Key("HandlerError")] == 1, name


def _handler_errors(port: int) -> float:
    status, data = http_request(port, "GET", "/metrics")
    assert status == 200
    for line in data.decode().splitlines():
        if line.startswith("skill_handler_error_total "):
            return float(line.split()[1])
    return 0.0


# ---------------------------------------------------------------------------------- settings


def test_alexa_verify_0_turns_verification_off_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    app = create_app(Settings.from_env({"ALEXA_VERIFY": "0"}))
    assert [r.levelno for r in caplog.records if "verification is OFF" in r.getMessage()] == [
        logging.WARNING
    ]
    assert app.test_client().post("/", json=event()).status_code == 200


def test_given_settings_ignore_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALEXA_VERIFY", "off")
    monkeypatch.setenv("ALEXA_SKILL_IDS", OTHER_SKILL_ID)
    app = create_app(Settings())
    answer = app.test_client().post("/", json=event())  # refused before any download
    assert (answer.status_code, answer.get_json()["reason"]) == (400, "missing_header")
    app = create_app(Settings(verify=False))
    assert app.test_client().post("/", json=event()).status_code == 200
    app = create_app()  # no settings given: the environment's
    assert app.test_client().post("/", json=event()).get_json()["reason"] == "wrong_skill"


def test_alexa_skill_ids_is_comma_separated() -> None:
    settings = Settings.from_env({"ALEXA_VERIFY": "no", "ALEXA_SKILL_IDS": f" a.b , {SKILL_ID},,"})
    assert settings.skill_ids == {"a.b", SKILL_ID}
    app = create_app(settings)
    client = app.test_client()
    assert client.post("/", json=event()).status_code == 200
    assert client.post("/", json=for_skill(event(), "a.b")).status_code == 200
    assert client.post("/", json=for_skill(event(), "a")).status_code == 400


def test_alexa_cert_fetcher_names_the_fetcher(
    pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "roots.pem").write_bytes(pki.root_pem)
    (tmp_path / "chain.pem").write_bytes(pki.chain_pem)
    monkeypatch.setenv("TEST_CERT_URL", CERT_URL)
    monkeypatch.setenv("TEST_CERT_CHAIN", str(tmp_path / "chain.pem"))
    env = {
        "ALEXA_TRUST_STORE": str(tmp_path / "roots.pem"),
        "ALEXA_SKILL_IDS": SKILL_ID,
        "ALEXA_CERT_FETCHER": "tests.pki:fetch_from_env",
    }
    signed = pki.signed(event(at=datetime.now(UTC)))
    app = create_app(Settings.from_env(env))
    answer = app.test_client().post("/", headers=signed[0], data=signed[1])
    assert answer.status_code == 200


def test_alexa_trust_store_replaces_certifi(pki: TestPKI, tmp_path: Path) -> None:
    """The default verifier, real clock: trusts our root only when ALEXA_TRUST_STORE names it."""
    store = tmp_path / "roots.pem"
    store.write_bytes(pki.root_pem)
    env = {"ALEXA_TRUST_STORE": str(store), "ALEXA_SKILL_IDS": SKILL_ID}
    fetcher = DictFetcher({CERT_URL: pki.chain_pem})
    app = create_app(replace(Settings.from_env(env), cert_fetcher=fetcher))
    signed = pki.signed(event(at=datetime.now(UTC)))
    assert app.test_client().post("/", headers=signed[0], data=signed[1]).status_code == 200
    certifi_app = create_app(Settings(skill_ids={SKILL_ID}, cert_fetcher=fetcher))
    answer = certifi_app.test_client().post("/", headers=signed[0], data=signed[1])
    assert (answer.status_code, answer.get_json()["reason"]) == (400, "cert_untrusted")


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"ALEXA_VERIFY": "maybe"}, "ALEXA_VERIFY must be one of"),
        ({"METRICS_ENDPOINT": "sometimes"}, "METRICS_ENDPOINT must be one of"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL must be"),
        ({"ALEXA_TRUST_STORE": "/nonexistent/roots.pem"}, "ALEXA_TRUST_STORE: cannot read"),
        ({"ALEXA_TRUST_STORE": __file__}, "not a PEM"),
        ({"ALEXA_CERT_FETCHER": "tests.pki"}, "ALEXA_CERT_FETCHER must name"),
        ({"ALEXA_CERT_FETCHER": "tests.pki:nothing"}, "ALEXA_CERT_FETCHER must name"),
        ({"ALEXA_CERT_FETCHER": "no_such_module:f"}, "ALEXA_CERT_FETCHER must name"),
        ({"ALEXA_CERT_FETCHER": "tests.pki:CERT_URL"}, "not callable"),
    ],
    ids=[
        "verify-value", "metrics-value", "log-level", "store-missing", "store-not-pem",
        "fetcher-no-colon", "fetcher-no-attr", "fetcher-no-module", "fetcher-not-callable",
    ],  # fmt: skip
)
def test_unusable_environment_raises_config_error(environ: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(environ)


def test_unusable_settings_raise_config_error(pki: TestPKI) -> None:
    with pytest.raises(ConfigError, match="LOG_LEVEL"):
        Settings(log_level="LOUD")
    with pytest.raises(ConfigError, match="skill_ids"):
        Settings(skill_ids=SKILL_ID)  # type: ignore[arg-type]  # a string, not a set of ids
    given = RequestVerifier()
    for configured in (
        Settings(verify=False),
        Settings(skill_ids={SKILL_ID}),
        Settings(trust_roots=(pki.root,)),
        Settings(cert_fetcher=DictFetcher({})),
    ):
        with pytest.raises(ConfigError, match="a verifier was given"):
            create_app(configured, verifier=given)
    assert create_app(Settings(), verifier=given).extensions["skill_web"].verifier is given


# ------------------------------------------------------------------------------------ logging


def test_one_json_line_per_request_without_user_content(
    pki: TestPKI, harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    attributes = {"pending": "check", "answers": {}, "secret_marker": "attr-secret-42"}
    env = event(
        intent("CrampFrequencyIntent", attributes, frequency_slot("every zebra night", "OFTEN"))
    )
    env["request"]["intent"]["slots"]["frequency"]["value"] = "every zebra night"
    headers, body = pki.signed(env)
    assert harness.post(headers, body).status_code == 200
    (line,) = request_lines(caplog)
    assert line["request_id"] == env["request"]["requestId"]
    assert (line["request_type"], line["intent"], line["status"]) == (
        "IntentRequest", "CrampFrequencyIntent", 200,
    )  # fmt: skip
    assert isinstance(line["latency_ms"], float) and line["latency_ms"] >= 0
    assert set(line) <= LOG_FIELDS
    for secret in ("zebra", "attr-secret-42", "answers", "pending", body.decode()[:40]):
        assert secret not in caplog.text


def test_rejections_are_logged_with_their_reason(
    pki: TestPKI, harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.post(*pki.signed(for_skill(event(), OTHER_SKILL_ID)))
    harness.app.test_client().get("/healthz")
    rejected, health = request_lines(caplog)
    assert (rejected["status"], rejected["reason"]) == (400, "wrong_skill")
    assert set(rejected) <= LOG_FIELDS
    assert health["path"] == "/healthz"
    levels = {r.getMessage(): r.levelno for r in caplog.records if r.name == "skill.web"}
    assert sorted(levels.values()) == [logging.DEBUG, logging.INFO]  # health checks are quiet


def test_json_log_formatter() -> None:
    formatter = JsonLogFormatter()
    record = logging.LogRecord("skill.web", logging.INFO, __file__, 1, "x", None, None)
    record.fields = {"event": "request", "status": 200}
    line = json.loads(formatter.format(record))
    assert line["level"] == "INFO" and line["logger"] == "skill.web"
    assert (line["event"], line["status"]) == ("request", 200)
    datetime.fromisoformat(line["ts"])
    plain = logging.LogRecord(
        "skill", logging.ERROR, __file__, 1, "handler error: %s", ("E",), None
    )
    assert json.loads(formatter.format(plain))["message"] == "handler error: E"


# ------------------------------------------------------------------------- real HTTP, in-thread


def test_http_path_with_verification_on(pki: TestPKI, harness: Harness) -> None:
    with serving(harness.app) as port:
        for env in (launch(), intent("SymptomCheckIntent")):
            headers, body = pki.signed(event(env))
            status, answer = http_post(port, body, headers)
            assert status == 200
            assert answer["response"]["outputSpeech"]["type"] == "SSML"
        headers, body = _other_key(pki)
        assert http_post(port, body, headers) == (
            400, {"error": "bad request", "reason": "bad_signature"},
        )  # fmt: skip
        assert http_request(port, "GET", "/healthz")[0] == 200
    assert harness.fetcher.calls == [CERT_URL]  # the second request used the cached chain
    assert len(harness.handler.events) == 2


def test_http_body_limit_holds_for_chunked_bodies(pki: TestPKI, harness: Harness) -> None:
    """No Content-Length (chunked transfer): the limit is enforced while reading, 413 not 500."""
    raw = json.dumps(event()).encode()
    fits = raw + b" " * (MAX_BODY_BYTES - len(raw))
    too_big = fits + b" "

    def chunks(data: bytes) -> Iterator[bytes]:
        yield from (data[i : i + 8192] for i in range(0, len(data), 8192))

    with serving(harness.app) as port:
        assert http_post(port, chunks(fits), pki.headers(fits), chunked=True)[0] == 200
        status, answer = http_post(port, chunks(too_big), pki.headers(too_big), chunked=True)
        assert (status, answer) == (413, {"error": "request entity too large"})
        assert http_post(port, too_big, pki.headers(too_big))[0] == 413  # with Content-Length
    assert len(harness.handler.events) == 1


# ------------------------------------------------------------------ real Amazon vectors (shared)


def _vector_app(record: dict[str, Any], **kw: Any) -> tuple[Any, Recorder, dict, bytes]:
    """The web app as Amazon's request found it: the clock at its timestamp, its chain served."""
    vector = load_vector(record)
    fetcher = DictFetcher({vector.cert_url: vector.chain})
    if "trust_roots" not in kw and not record["chain_validates_with_current_roots_at_timestamp"]:
        kw["trust_roots"] = [symantec_g5_root()]
    kw.setdefault("allow_legacy_sha1", True)
    kw.setdefault("clock", FixedClock(vector.timestamp))
    verifier = RequestVerifier(fetcher=fetcher, **kw)  # trust_roots default: certifi
    handler = Recorder()
    app = create_app(Settings(), verifier=verifier, handle=handler)
    # The recordings kept the signature headers only; Alexa sends this type with every request.
    headers = {**vector.headers, "Content-Type": "application/json; charset=utf-8"}
    return app, handler, headers, vector.body


@pytest.mark.parametrize("vector", vector_params())
def test_real_amazon_requests(vector: dict[str, Any]) -> None:
    """Amazon's own signatures over real envelopes: valid ones are answered, tampered refused."""
    app, handler, headers, body = _vector_app(vector)
    answer = app.test_client().post("/", headers=headers, data=body)
    if vector["expected_signature_valid"]:
        assert len(handler.events) == 1  # verified, so it reached the skill
        if "context" in json.loads(body):
            assert answer.status_code == 200, answer.get_json()
            assert answer.get_json()["response"]
        else:  # recorded before Alexa added `context` (2017); the SDK cannot answer without it
            assert (answer.status_code, answer.get_json()["reason"]) == (400, "bad_body")
    else:
        assert (answer.status_code, answer.get_json()["reason"]) == (400, "bad_signature")
        assert handler.events == []


def test_real_amazon_request_rules() -> None:
    current = vector_named("erlexa_2018-07-03_launch").record  # Amazon Root CA 1, in certifi
    app, handler, headers, body = _vector_app(current, allow_legacy_sha1=False)
    answer = app.test_client().post("/", headers=headers, data=body)
    assert answer.get_json()["reason"] == "missing_header"  # production policy: SHA-256 only
    app, handler, headers, body = _vector_app(current, clock=FixedClock(datetime.now(UTC)))
    answer = app.test_client().post("/", headers=headers, data=body)
    assert answer.get_json()["reason"] == "stale_timestamp"  # checked before any download
    app, handler, headers, body = _vector_app(
        current, clock=FixedClock(datetime.now(UTC)), timestamp_tolerance=timedelta(days=36500)
    )
    answer = app.test_client().post("/", headers=headers, data=body)
    assert answer.get_json()["reason"] == "cert_untrusted"  # Amazon's 2018 leaf has expired
    symantec = vector_named("alexandra_2016-12-28_launch").record
    app, handler, headers, body = _vector_app(symantec, trust_roots=None)
    answer = app.test_client().post("/", headers=headers, data=body)
    assert answer.get_json()["reason"] == "cert_untrusted"  # distrusted root, not in certifi
    assert handler.events == []


# ------------------------------------------------------------- `python -m skill_tools serve`


def test_serve_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for argv in (["--port", "http"], ["--port", "70000"], ["--bogus"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("dev.py serve: error:") and err.count("\n") == 1, err
    monkeypatch.setenv("ALEXA_VERIFY", "perhaps")
    assert main([]) == 2
    assert capsys.readouterr().err.splitlines()[-1].startswith("dev.py serve: error: ALEXA_VERIFY")


def test_serve_port_in_use_is_a_one_line_runtime_failure(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        assert main(["--no-verify", "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"dev.py serve: error: cannot listen on 127.0.0.1:{port}")
    assert err.count("\n") == 1  # before the app's start-up warnings, not after them


CHECK = [
    "open leg cramp helper",
    "check my symptoms",
    "once in a while",
    "no",
    "no",
    "i'm not sure",
    "yes",
    "stop",
]


def simulate(*extra: str) -> list[dict[str, Any]]:
    argv = [sys.executable, "-m", "skill_tools", "simulate", "--jsonl",
            "--api-endpoint", "http://127.0.0.1:9/", *extra]  # fmt: skip
    for phrase in CHECK:
        argv += ["--say", phrase]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_simulator_holds_a_whole_check_with_python_m_skill_serve() -> None:
    server = Server(
        [sys.executable, "-m", "skill_tools", "serve", "--no-verify", "--port", "0"],
        ready=r"listening on http://127\.0\.0\.1:(\d+)/",
        env={"ALEXA_SKILL_IDS": "", "LOG_LEVEL": "INFO"},
    )
    try:
        assert server.get("/healthz") == 200
        over_http = simulate("--endpoint", f"http://127.0.0.1:{server.port}/")
    finally:
        assert server.stop() == 0  # SIGTERM is a clean stop
    assert over_http == simulate()  # the same conversation as in-process, turn for turn
    assert [t["intent"] for t in over_http] == [
        None, "SymptomCheckIntent", "CrampFrequencyIntent", "AMAZON.NoIntent",
        "AMAZON.NoIntent", "NotSureIntent", "AMAZON.YesIntent", "AMAZON.StopIntent",
    ]  # fmt: skip
    assert "not be sure of some of your answers" in over_http[5]["speech"]
    assert over_http[-1]["end_session"] is True

    logged = server.logged()
    assert any("verification is OFF" in line.get("message", "") for line in logged)
    requests = [line for line in logged if line.get("event") == "request" and line["path"] == "/"]
    assert [r["intent"] for r in requests] == [t["intent"] for t in over_http]
    assert {r["status"] for r in requests} == {200}
    stderr = "".join(server.lines)
    for secret in ("once in a while", "not sure", "answers", "Vein Center"):
        assert secret not in stderr


def test_gunicorn_runs_the_documented_factory_with_verification_on() -> None:
    server = Server(
        gunicorn_argv("skill_web.app:create_app()", "--workers", "1"),
        ready=GUNICORN_READY,
        env={"ALEXA_SKILL_IDS": SKILL_ID, "LOG_LEVEL": "INFO"},
    )
    try:
        assert server.get("/healthz") == 200
        assert server.get("/") == 405
        body = json.dumps(event()).encode()
        unsigned = http_post(server.port, body, {"Content-Type": "application/json"})
        assert unsigned == (400, {"error": "bad request", "reason": "missing_header"})
        signature = base64.b64encode(b"s" * 256).decode()  # an RSA signature's length
        bad_url = {"SignatureCertChainUrl": "https://evil.example/echo.api/c.pem",
                   "Signature-256": signature, "Content-Type": "application/json"}  # fmt: skip
        assert http_post(server.port, body, bad_url)[1]["reason"] == "bad_cert_url"
    finally:
        server.stop()
    logged = server.logged()
    assert [line["reason"] for line in logged if line.get("status") == 400] == [
        "missing_header", "bad_cert_url",
    ]  # fmt: skip
    assert not any("verification is OFF" in line.get("message", "") for line in logged)
