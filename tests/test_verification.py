"""Tests for skill_web.verification: Alexa request signature, certificate and freshness checks.

Real cryptography throughout: a private PKI from tests/pki.py (root -> intermediate -> leaf for
echo-api.amazon.com) is generated once per module around NOW, and real Amazon certificate chains
and signed requests from ``shared/vectors`` prove the checks work on Amazon's actual bytes.
"""

from __future__ import annotations

import base64
import json
import queue
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.verification import Store

from skill_web.verification import (
    EnvelopeOnlyVerifier,
    RequestVerifier,
    VerificationError,
    Verifier,
    check_skill_id,
    check_timestamp,
    default_trust_roots,
    extract_skill_id,
    get_header,
    load_cert_chain,
    make_urllib_fetcher,
    normalize_cert_url,
    parse_envelope,
    validate_cert_chain,
    validate_cert_url,
    verify_signature,
)
from tests.pki import (
    CERT_URL,
    DictFetcher,
    FixedClock,
    TestPKI,
    alexa_timestamp,
    make_pki,
    pem,
    short_key,
)
from tests.web_support import (
    Harness,
    require_vectors,
    vector_named,
    vector_params,
    verifier_harness,
)

NOW = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)
SKILL_ID = "amzn1.ask.skill.00000000-1111-2222-3333-444444444444"
OTHER_SKILL_ID = "amzn1.ask.skill.99999999-8888-7777-6666-555555555555"


# ----------------------------------------------------------------------------- test PKI, request


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    """One private CA for the module; its good leaf is valid around NOW, its expired leaf ended
    the day before."""
    pki = make_pki(NOW)
    assert pki.leaf.not_valid_before_utc < NOW < pki.leaf.not_valid_after_utc
    return pki


def envelope(
    *,
    timestamp: datetime = NOW,
    request_type: str = "LaunchRequest",
    skill_id: str | None = SKILL_ID,
    request_id: str = "amzn1.echo-api.request.0000",
) -> dict[str, Any]:
    env: dict[str, Any] = {
        "version": "1.0",
        "session": {"new": True, "sessionId": "s1", "user": {"userId": "u1"}},
        "context": {"System": {"user": {"userId": "u1"}, "device": {"deviceId": "d1"}}},
        "request": {
            "type": request_type,
            "requestId": request_id,
            "timestamp": alexa_timestamp(timestamp),
            "locale": "en-US",
        },
    }
    if skill_id is not None:
        env["context"]["System"]["application"] = {"applicationId": skill_id}
        env["session"]["application"] = {"applicationId": skill_id}
    return env


def signed_request(
    pki: TestPKI, env: dict[str, Any] | None = None, *, url: str = CERT_URL
) -> tuple[dict[str, str], bytes]:
    body = json.dumps(env if env is not None else envelope()).encode()
    headers = {"SignatureCertChainUrl": url, "Signature-256": pki.sign(body)}
    return headers, body


@pytest.fixture
def make_harness(pki: TestPKI) -> Callable[..., Harness]:
    def make(files: dict[str, bytes | Exception] | None = None, **kwargs: Any) -> Harness:
        kwargs.setdefault("skill_ids", {SKILL_ID})
        return verifier_harness(pki, NOW, files, **kwargs)

    return make


@pytest.fixture
def harness(make_harness: Callable[..., Harness]) -> Harness:
    return make_harness()


def reason_of(verifier: Verifier, headers: dict[str, str], body: bytes) -> str:
    with pytest.raises(VerificationError) as info:
        verifier.verify(headers, body)
    return info.value.reason


# ------------------------------------------------------------------------------------ happy path


def test_valid_request_passes(pki: TestPKI, harness: Harness) -> None:
    headers, body = signed_request(pki)
    result = harness.verifier.verify(headers, body)
    assert result == json.loads(body)
    assert harness.verifier.fetch_count == 1
    assert harness.fetcher.calls == [CERT_URL]


def test_known_certificate_is_not_fetched_again(pki: TestPKI, harness: Harness) -> None:
    for i in range(3):
        headers, body = signed_request(pki, envelope(request_id=f"req-{i}"))
        harness.verifier.verify(headers, body)
    assert harness.verifier.fetch_count == 1
    assert len(harness.fetcher.calls) == 1


def test_header_names_are_case_insensitive(pki: TestPKI, harness: Harness) -> None:
    headers, body = signed_request(pki)
    lowered = {k.lower(): v for k, v in headers.items()}
    assert harness.verifier.verify(lowered, body)["version"] == "1.0"
    assert get_header({"SIGNATURE-256": " abc "}, "Signature-256") == "abc"
    assert get_header({"Signature-256": "  "}, "Signature-256") is None


# ---------------------------------------------------------------------------------- headers


@pytest.mark.parametrize(
    "drop",
    [("SignatureCertChainUrl",), ("Signature-256",), ("SignatureCertChainUrl", "Signature-256")],
)
def test_missing_headers_rejected(pki: TestPKI, harness: Harness, drop: tuple[str, ...]) -> None:
    headers, body = signed_request(pki)
    for name in drop:
        del headers[name]
    assert reason_of(harness.verifier, headers, body) == "missing_header"
    assert harness.verifier.fetch_count == 0


def test_empty_header_value_counts_as_missing(pki: TestPKI, harness: Harness) -> None:
    headers, body = signed_request(pki)
    headers["Signature-256"] = ""
    assert reason_of(harness.verifier, headers, body) == "missing_header"


def test_legacy_sha1_only_refused_by_default_policy(pki: TestPKI, harness: Harness) -> None:
    body = json.dumps(envelope()).encode()
    legacy = pki.sign(body, algorithm=hashes.SHA1())
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature": legacy}
    with pytest.raises(VerificationError) as info:
        harness.verifier.verify(headers, body)
    assert info.value.reason == "missing_header"
    assert "Signature-256" in info.value.detail
    assert harness.verifier.fetch_count == 0


def test_legacy_sha1_accepted_only_when_configured(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    body = json.dumps(envelope()).encode()
    legacy = pki.sign(body, algorithm=hashes.SHA1())
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature": legacy}
    assert make_harness(allow_legacy_sha1=True).verifier.verify(headers, body)
    # A SHA-256 signature in the legacy header is not a valid SHA-1 signature.
    headers["Signature"] = pki.sign(body)
    legacy_ok = make_harness(allow_legacy_sha1=True).verifier
    assert reason_of(legacy_ok, headers, body) == "bad_signature"


def test_signature_256_wins_over_legacy_header(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    """With both headers present a bad Signature-256 is not rescued by a good legacy one."""
    body = json.dumps(envelope()).encode()
    headers = {
        "SignatureCertChainUrl": CERT_URL,
        "Signature-256": pki.sign(body, pki.other_key),
        "Signature": pki.sign(body, algorithm=hashes.SHA1()),
    }
    legacy_ok = make_harness(allow_legacy_sha1=True).verifier
    assert reason_of(legacy_ok, headers, body) == "bad_signature"


# ------------------------------------------------------------------------------ certificate URL

CERT_URL_NORMAL = "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"

BAD_CERT_URLS = [
    "http://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://notamazon.com/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com.evil.example/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem",
    "https://s3.amazonaws.com/invalid.path/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api",
    "https://s3.amazonaws.com/echo.api/../x/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/%2e%2e/x/echo-api-cert.pem",
    "https://s3.amazonaws.com:8443/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:563/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com:notaport/echo.api/echo-api-cert.pem",
    "https://evil@s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://@s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "https://u:p@s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "ftp://s3.amazonaws.com/echo.api/echo-api-cert.pem",
    "/echo.api/echo-api-cert.pem",
    # checked != fetched: the case, S3 reads %2e%2e as "..", a path check did not
    "https://s3.amazonaws.com/other-bucket/%2e%2e/echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/%2E%2E/other-bucket/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/%2fx.pem",
    "https://s3.amazonaws.com/%65cho.api/echo-api-cert.pem",
    # every query string is a new URL to fetch and cache
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?x=1",
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem?",
    "https://s3.amazonaws.com/echo.api/echo-api-cert.pem#frag",
    "https://s3.amazonaws.com//echo.api/echo-api-cert.pem",
    "https://s3.amazonaws.com/echo.api/\\..\\x.pem",
    "https://s3.amazonaws.com/echo.api/echo api.pem",
    "https://s3.amazonaws.com/echo.api/echo-api\tcert.pem",
    "https://s3.amazonaws.com/echo.api/",
    "https://s3.amazonaws.com./echo.api/echo-api-cert.pem",
    "",
]

# (as sent, as checked, fetched and cached)
GOOD_CERT_URLS = [
    ("https://s3.amazonaws.com/echo.api/echo-api-cert.pem", CERT_URL_NORMAL),
    ("https://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem", CERT_URL_NORMAL),
    ("HTTPS://s3.amazonaws.com/echo.api/echo-api-cert.pem", CERT_URL_NORMAL),
    ("https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem", CERT_URL_NORMAL),
    ("https://s3.amazonaws.com:443/echo.api/../echo.api/echo-api-cert.pem", CERT_URL_NORMAL),
    ("https://s3.amazonaws.com/echo.api/./sub/../echo-api-cert.pem", CERT_URL_NORMAL),
]


@pytest.mark.parametrize("url", BAD_CERT_URLS)
def test_bad_cert_url_rejected(
    pki: TestPKI, make_harness: Callable[..., Harness], url: str
) -> None:
    with pytest.raises(VerificationError) as info:
        validate_cert_url(url)
    assert info.value.reason == "bad_cert_url"
    h = make_harness({url: pki.chain_pem})
    headers, body = signed_request(pki, url=url)
    expected = "missing_header" if not url else "bad_cert_url"
    assert reason_of(h.verifier, headers, body) == expected
    assert h.verifier.fetch_count == 0


@pytest.mark.parametrize(("url", "normal"), GOOD_CERT_URLS)
def test_good_cert_url_is_fetched_exactly_as_normalised(
    pki: TestPKI, make_harness: Callable[..., Harness], url: str, normal: str
) -> None:
    assert normalize_cert_url(url) == validate_cert_url(url) == normal
    h = make_harness({normal: pki.chain_pem})
    headers, body = signed_request(pki, url=url)
    assert h.verifier.verify(headers, body)
    assert h.fetcher.calls == [normal]  # the URL that was checked is the URL that was fetched
    # Every spelling of one URL shares one cache entry.
    for spelling, _ in GOOD_CERT_URLS:
        assert h.verifier.verify(*signed_request(pki, url=spelling))
    assert h.fetcher.calls == [normal]


# ---------------------------------------------------------------------------- certificate chain


def test_fetch_failure_is_remembered_briefly_then_retried(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    h = make_harness({CERT_URL: TimeoutError("timed out")})
    headers, body = signed_request(pki)
    assert reason_of(h.verifier, headers, body) == "cert_fetch_failed"
    h.fetcher.files[CERT_URL] = pki.chain_pem  # the bucket answers again
    h.monotonic.now += 9.9
    assert reason_of(h.verifier, headers, body) == "cert_fetch_failed"  # remembered: no fetch
    assert h.verifier.fetch_count == 1
    h.monotonic.now += 0.2  # past the 10 s the failure is remembered
    assert h.verifier.verify(headers, body)
    assert h.verifier.fetch_count == 2


def test_oversized_certificate_rejected(pki: TestPKI, make_harness: Callable[..., Harness]) -> None:
    padded = pki.chain_pem + b"\n" * 70_000  # still a parseable chain, but too big
    h = make_harness({CERT_URL: padded})
    headers, body = signed_request(pki)
    assert reason_of(h.verifier, headers, body) == "cert_fetch_failed"
    small = make_harness({CERT_URL: pki.chain_pem}, max_cert_bytes=len(pki.chain_pem) - 1)
    assert reason_of(small.verifier, headers, body) == "cert_fetch_failed"
    exact = make_harness({CERT_URL: pki.chain_pem}, max_cert_bytes=len(pki.chain_pem))
    assert exact.verifier.verify(headers, body)


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"not a certificate",
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
        b"<html>Access Denied</html>",
    ],
)
def test_garbage_pem_rejected(
    pki: TestPKI, make_harness: Callable[..., Harness], garbage: bytes
) -> None:
    h = make_harness({CERT_URL: garbage})
    headers, body = signed_request(pki)
    assert reason_of(h.verifier, headers, body) == "cert_untrusted"
    assert reason_of(h.verifier, headers, body) == "cert_untrusted"
    assert h.verifier.fetch_count == 1  # the failure is remembered
    h.monotonic.now += 11
    assert reason_of(h.verifier, headers, body) == "cert_untrusted"
    assert h.verifier.fetch_count == 2  # for a short time only


@pytest.mark.parametrize("which", ["expired_pem", "untrusted_pem", "wrong_name_pem"])
def test_bad_chain_rejected(pki: TestPKI, make_harness: Callable[..., Harness], which: str) -> None:
    h = make_harness({CERT_URL: getattr(pki, which)})
    headers, body = signed_request(pki)  # same leaf key: only the certificate is wrong
    assert reason_of(h.verifier, headers, body) == "cert_untrusted"


def test_leaf_without_intermediate_rejected(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    h = make_harness({CERT_URL: pem(pki.leaf)})
    headers, body = signed_request(pki)
    assert reason_of(h.verifier, headers, body) == "cert_untrusted"


def test_cached_certificate_expires(pki: TestPKI, harness: Harness) -> None:
    headers, body = signed_request(pki)
    harness.verifier.verify(headers, body)
    assert harness.verifier.fetch_count == 1

    harness.clock.now = pki.leaf.not_valid_after_utc + timedelta(seconds=1)
    headers, body = signed_request(pki, envelope(timestamp=harness.clock.now))
    assert reason_of(harness.verifier, headers, body) == "cert_untrusted"
    assert harness.verifier.fetch_count == 2  # re-fetched, not trusted from the cache
    assert reason_of(harness.verifier, headers, body) == "cert_untrusted"
    assert harness.verifier.fetch_count == 2  # and the failure is remembered for a while
    harness.monotonic.now += 11
    assert reason_of(harness.verifier, headers, body) == "cert_untrusted"
    assert harness.verifier.fetch_count == 3


def test_cache_is_bounded(pki: TestPKI, make_harness: Callable[..., Harness]) -> None:
    urls = [f"https://s3.amazonaws.com/echo.api/cert-{i}.pem" for i in range(3)]
    h = make_harness(dict.fromkeys(urls, pki.chain_pem), cache_size=2)
    for url in [*urls, urls[2], urls[0]]:
        h.verifier.verify(*signed_request(pki, url=url))
    # 3 first fetches; urls[2] is still cached; urls[0] was evicted by urls[2].
    assert h.verifier.fetch_count == 4


def test_cache_is_thread_safe(pki: TestPKI, harness: Harness) -> None:
    harness.verifier.verify(*signed_request(pki))
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for i in range(20):
                harness.verifier.verify(*signed_request(pki, envelope(request_id=f"r{i}")))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert harness.verifier.fetch_count == 1


# ---------------------------------------------------------------------------------- signature


def test_bad_signature_rejected(pki: TestPKI, harness: Harness) -> None:
    headers, body = signed_request(pki)
    headers["Signature-256"] = pki.sign(body, pki.other_key)
    assert reason_of(harness.verifier, headers, body) == "bad_signature"


def test_tampered_body_rejected(pki: TestPKI, harness: Harness) -> None:
    headers, body = signed_request(pki)
    index = body.index(b"request.0000") + len(b"request.")
    tampered = body[:index] + b"1" + body[index + 1 :]  # one byte in requestId: still an envelope
    assert parse_envelope(tampered)
    assert reason_of(harness.verifier, headers, tampered) == "bad_signature"
    assert reason_of(harness.verifier, headers, body + b"\n") == "bad_signature"


@pytest.mark.parametrize("value", ["not base64 !!!", "QUJD\x00", "QUJ", "%%%%"])
def test_bad_base64_signature_rejected(pki: TestPKI, harness: Harness, value: str) -> None:
    headers, body = signed_request(pki)
    headers["Signature-256"] = value
    assert reason_of(harness.verifier, headers, body) == "bad_signature"


# ---------------------------------------------------------------------------------- timestamp


@pytest.mark.parametrize("offset", [-151, 151, -3600, 86400])
def test_timestamp_out_of_tolerance_rejected(pki: TestPKI, harness: Harness, offset: int) -> None:
    headers, body = signed_request(pki, envelope(timestamp=NOW + timedelta(seconds=offset)))
    assert reason_of(harness.verifier, headers, body) == "stale_timestamp"


@pytest.mark.parametrize("offset", [-150, 0, 150])
def test_timestamp_within_tolerance_accepted(pki: TestPKI, harness: Harness, offset: int) -> None:
    headers, body = signed_request(pki, envelope(timestamp=NOW + timedelta(seconds=offset)))
    assert harness.verifier.verify(headers, body)


def test_skill_event_gets_one_hour(pki: TestPKI, harness: Harness) -> None:
    for offset, ok in [(-3599, True), (3599, True), (-3601, False), (3601, False)]:
        env = envelope(
            timestamp=NOW + timedelta(seconds=offset), request_type="AlexaSkillEvent.SkillEnabled"
        )
        headers, body = signed_request(pki, env)
        if ok:
            assert harness.verifier.verify(headers, body)
        else:
            assert reason_of(harness.verifier, headers, body) == "stale_timestamp"


def test_check_timestamp_function() -> None:
    env = {"request": {"type": "IntentRequest", "timestamp": "2025-06-01T12:02:30Z"}}
    check_timestamp(env, NOW, timedelta(seconds=150))
    with pytest.raises(VerificationError, match="stale_timestamp"):
        check_timestamp(env, NOW, timedelta(seconds=149))
    check_timestamp({"request": {"timestamp": "2025-06-01T12:00:00.123Z"}}, NOW)
    check_timestamp({"request": {"timestamp": "2025-06-01T14:00:00+02:00"}}, NOW)
    with pytest.raises(VerificationError) as info:
        check_timestamp({"request": {"timestamp": "yesterday"}}, NOW)
    assert info.value.reason == "bad_body"


# ----------------------------------------------------------------------------------- skill id


def test_other_skill_rejected(pki: TestPKI, harness: Harness) -> None:
    headers, body = signed_request(pki, envelope(skill_id=OTHER_SKILL_ID))
    assert reason_of(harness.verifier, headers, body) == "wrong_skill"
    headers, body = signed_request(pki, envelope(skill_id=None))
    assert reason_of(harness.verifier, headers, body) == "wrong_skill"


def test_empty_skill_id_set_skips_check(pki: TestPKI, make_harness: Callable[..., Harness]) -> None:
    h = make_harness(skill_ids=())
    assert h.verifier.verify(*signed_request(pki, envelope(skill_id=OTHER_SKILL_ID)))


def test_envelope_only_verifier_checks_envelope_and_skill_id_only() -> None:
    """Verification off: no header, timestamp or signature is looked at, the rest still is."""
    verifier = EnvelopeOnlyVerifier(skill_ids={SKILL_ID})
    assert verifier.checks_signatures is False and RequestVerifier.checks_signatures is True
    stale = envelope(timestamp=NOW - timedelta(days=400))
    assert verifier.verify({}, json.dumps(stale).encode()) == stale
    assert reason_of(verifier, {}, b"[]") == "bad_body"
    other = json.dumps(envelope(skill_id=OTHER_SKILL_ID)).encode()
    assert reason_of(verifier, {}, other) == "wrong_skill"
    assert EnvelopeOnlyVerifier().verify({}, other)["version"] == "1.0"  # no ids: any skill


def test_skill_id_falls_back_to_session() -> None:
    env = envelope()
    del env["context"]["System"]["application"]
    assert extract_skill_id(env) == SKILL_ID
    check_skill_id(env, {SKILL_ID})
    env["context"]["System"]["application"] = {"applicationId": OTHER_SKILL_ID}
    assert extract_skill_id(env) == OTHER_SKILL_ID  # context wins over session
    with pytest.raises(VerificationError, match="wrong_skill"):
        check_skill_id(env, [SKILL_ID])


# --------------------------------------------------------------------------------------- body


@pytest.mark.parametrize("body", [b"", b"not json", b"\xff\xfe\x00garbage", b"{", b"[[[[[["])
def test_body_not_json_rejected(pki: TestPKI, harness: Harness, body: bytes) -> None:
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body)}
    assert reason_of(harness.verifier, headers, body) == "bad_body"
    assert harness.verifier.fetch_count == 0  # refused before any download


TS = "2025-06-01T12:00:00Z"


@pytest.mark.parametrize(
    "doc",
    [
        [],
        "a string",
        42,
        {},
        {"version": "1.0"},
        {"version": "1.0", "request": "LaunchRequest"},
        {"request": {"type": "LaunchRequest", "requestId": "r", "timestamp": TS}},
        {"version": 1, "request": {"type": "LaunchRequest", "requestId": "r", "timestamp": TS}},
        {"version": "1.0", "request": {"requestId": "r", "timestamp": TS}},
        {"version": "1.0", "request": {"type": "LaunchRequest", "timestamp": TS}},
        {"version": "1.0", "request": {"type": "LaunchRequest", "requestId": "r"}},
        {"version": "1.0", "request": {"type": "LaunchRequest", "requestId": "r", "timestamp": 1}},
        {"version": "1.0", "request": {"type": "", "requestId": "r", "timestamp": TS}},
        {"version": "1.0", "request": {"type": "Launch", "requestId": "r", "timestamp": "x"}},
    ],
)
def test_body_not_envelope_rejected(pki: TestPKI, harness: Harness, doc: Any) -> None:
    body = json.dumps(doc).encode()
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body)}
    assert reason_of(harness.verifier, headers, body) == "bad_body"


def test_check_order(pki: TestPKI, harness: Harness) -> None:
    """Cheap checks first, and every one of them before any certificate work: signature
    length, URL, body, timestamp, skill id; only then the chain and the RSA signature."""
    junk = "QUJD"  # valid base64, 3 bytes: cannot be an RSA signature
    headers = {"SignatureCertChainUrl": "http://evil.example/x.pem", "Signature-256": junk}
    assert reason_of(harness.verifier, headers, b"junk") == "bad_signature"
    headers["Signature-256"] = pki.sign(b"junk")
    assert reason_of(harness.verifier, headers, b"junk") == "bad_cert_url"
    headers["SignatureCertChainUrl"] = CERT_URL
    assert reason_of(harness.verifier, headers, b"junk") == "bad_body"
    env = envelope(timestamp=NOW - timedelta(days=1), skill_id=OTHER_SKILL_ID)
    headers, body = signed_request(pki, env)
    headers["Signature-256"] = pki.sign(body, pki.other_key)
    assert reason_of(harness.verifier, headers, body) == "stale_timestamp"
    headers, body = signed_request(pki, envelope(skill_id=OTHER_SKILL_ID))
    headers["Signature-256"] = pki.sign(body, pki.other_key)
    assert reason_of(harness.verifier, headers, body) == "wrong_skill"
    assert harness.verifier.fetch_count == 0  # none of the above cost a download
    headers, body = signed_request(pki)
    headers["Signature-256"] = pki.sign(body, pki.other_key)
    assert reason_of(harness.verifier, headers, body) == "bad_signature"
    assert harness.verifier.fetch_count == 1


# ------------------------------------------------------------------ fetch amplification (#12)


def _forged(pki: TestPKI, url: str = CERT_URL, request_id: str = "r") -> tuple[dict, bytes]:
    """A request as an attacker can make it: a fresh envelope for our skill, a signature of the
    right length from a key that is not Amazon's."""
    body = json.dumps(envelope(request_id=request_id)).encode()
    return {"SignatureCertChainUrl": url, "Signature-256": pki.sign(body, pki.other_key)}, body


def test_unsigned_and_malformed_requests_cost_no_download(pki: TestPKI, harness: Harness) -> None:
    body = json.dumps(envelope()).encode()
    for i in range(40):
        url = f"{CERT_URL}?{i}"
        assert reason_of(harness.verifier, {"SignatureCertChainUrl": url}, body) == (
            "missing_header"
        )
        short = {"SignatureCertChainUrl": CERT_URL, "Signature-256": "QUJD" * 20}
        assert reason_of(harness.verifier, short, body) == "bad_signature"
        assert reason_of(harness.verifier, _forged(pki, url)[0], body) == "bad_cert_url"
    assert harness.verifier.fetch_count == 0 and harness.fetcher.calls == []


def test_forged_requests_for_one_failing_url_cost_one_download(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    missing = "https://s3.amazonaws.com/echo.api/missing.pem"
    h = make_harness({CERT_URL: pki.chain_pem})
    for i in range(40):
        assert reason_of(h.verifier, *_forged(pki, missing, f"r{i}")) == "cert_fetch_failed"
    assert h.fetcher.calls == [missing]  # remembered, not fetched 40 times


def test_forged_requests_for_many_urls_are_capped_and_keep_the_real_chain(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    h = make_harness({CERT_URL: pki.chain_pem})
    h.verifier.verify(*signed_request(pki))  # Amazon's chain is cached
    urls = [f"https://s3.amazonaws.com/echo.api/junk-{i}.pem" for i in range(40)]
    reasons = {reason_of(h.verifier, *_forged(pki, url)) for url in urls}
    assert reasons == {"cert_fetch_failed"}
    assert len(h.fetcher.calls) == 1 + 9  # the real URL, then the cap of 10 a minute is full
    assert h.verifier.verify(*signed_request(pki))  # still cached: not evicted by junk
    assert len(h.fetcher.calls) == 10
    h.monotonic.now += 61  # a minute later the cap has room again
    reason_of(h.verifier, *_forged(pki, urls[-1]))
    assert h.fetcher.calls[-1] == urls[-1] and len(h.fetcher.calls) == 11


def test_concurrent_first_requests_share_one_download(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    """Single flight: 20 threads ask for an uncached URL at once; one downloads, all get it."""
    release = threading.Event()
    h = make_harness({CERT_URL: pki.chain_pem})
    inner = h.fetcher

    def slow_fetch(url: str) -> bytes:
        release.wait(10)
        return inner(url)

    h.verifier._fetcher = slow_fetch
    results: list[Any] = []

    def work(i: int) -> None:
        try:
            results.append(h.verifier.verify(*signed_request(pki, envelope(request_id=f"r{i}"))))
        except VerificationError as exc:
            results.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(20)]
    for t in threads:
        t.start()
    while len(h.verifier._flights) == 0:  # the leader is inside the fetch
        threading.Event().wait(0.01)
    threading.Event().wait(0.2)  # the others reach the flight and wait on it
    release.set()
    for t in threads:
        t.join(10)
    assert len(results) == 20 and all(isinstance(r, dict) for r in results)
    assert inner.calls == [CERT_URL]


def test_concurrent_first_requests_share_one_failure(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    release = threading.Event()
    calls: list[str] = []

    def failing_fetch(url: str) -> bytes:
        calls.append(url)
        release.wait(10)
        raise OSError("HTTP 503")

    h = make_harness()
    h.verifier._fetcher = failing_fetch
    reasons: list[str] = []
    threads = [
        threading.Thread(target=lambda i=i: reasons.append(reason_of(h.verifier, *_forged(pki))))
        for i in range(10)
    ]
    for t in threads:
        t.start()
    threading.Event().wait(0.3)
    release.set()
    for t in threads:
        t.join(10)
    assert reasons == ["cert_fetch_failed"] * 10
    assert calls == [CERT_URL]


@pytest.mark.parametrize("length", [0, 1, 128, 255, 257, 1024])
def test_signature_of_the_wrong_length_is_refused_before_a_fetch(
    harness: Harness, length: int
) -> None:
    body = json.dumps(envelope()).encode()
    value = base64.b64encode(b"\x01" * length).decode() if length else "===="
    headers = {"SignatureCertChainUrl": CERT_URL, "Signature-256": value}
    assert reason_of(harness.verifier, headers, body) == "bad_signature"
    assert harness.verifier.fetch_count == 0


# ------------------------------------------------------------ certificates as Amazon issues them


@pytest.mark.parametrize(
    "names",
    [("*.amazon.com",), ("*.amazon.com", "other.amazon.com"), ("ECHO-API.amazon.com",)],
    ids=["wildcard", "wildcard-and-other", "exact-other-case"],
)
def test_leaf_san_must_list_echo_api_exactly(
    pki: TestPKI, make_harness: Callable[..., Harness], names: tuple[str, ...]
) -> None:
    chain = pki.leaf_chain(*names)
    store = Store([pki.root])
    if names[0].startswith("*"):
        with pytest.raises(VerificationError, match="SAN") as info:
            validate_cert_chain(load_cert_chain(chain), store, NOW)
        assert info.value.reason == "cert_untrusted"
        h = make_harness({CERT_URL: chain})
        assert reason_of(h.verifier, *signed_request(pki)) == "cert_untrusted"
    else:  # DNS names are case-insensitive
        validate_cert_chain(load_cert_chain(chain), store, NOW)


def test_leaf_with_echo_api_among_other_names_is_accepted(pki: TestPKI) -> None:
    chain = pki.leaf_chain("echo-api.amazon.com", "*.amazon.com")
    validate_cert_chain(load_cert_chain(chain), Store([pki.root]), NOW)


def test_leaf_with_a_1024_bit_key_is_refused(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    key = short_key()
    chain = pki.leaf_chain("echo-api.amazon.com", key=key)
    with pytest.raises(VerificationError, match="1024 bits") as info:
        validate_cert_chain(load_cert_chain(chain), Store([pki.root]), NOW)
    assert info.value.reason == "cert_untrusted"
    h = make_harness({CERT_URL: chain})
    body = json.dumps(envelope()).encode()
    signed_short = {"SignatureCertChainUrl": CERT_URL, "Signature-256": pki.sign(body, key)}
    assert reason_of(h.verifier, signed_short, body) == "bad_signature"  # 128 bytes: no fetch
    assert h.verifier.fetch_count == 0
    # A signature of a 2048-bit length gets as far as the chain, which is refused for its key.
    assert reason_of(h.verifier, *_forged(pki)) == "cert_untrusted"
    assert h.verifier.fetch_count == 1


def test_session_and_context_application_ids_must_agree(
    pki: TestPKI, make_harness: Callable[..., Harness]
) -> None:
    env = envelope()
    env["session"]["application"]["applicationId"] = OTHER_SKILL_ID
    with pytest.raises(VerificationError, match="differ"):
        check_skill_id(env, {SKILL_ID, OTHER_SKILL_ID})
    with pytest.raises(VerificationError, match="differ"):
        check_skill_id(env, ())  # even when any skill id is accepted
    for h in (make_harness(), make_harness(skill_ids=())):
        assert reason_of(h.verifier, *signed_request(pki, env)) == "wrong_skill"
        assert h.verifier.fetch_count == 0


# ------------------------------------------------------------------------- production fetcher


def _trickle(wfile: Any, data: bytes, stop: float, stopped: threading.Event) -> str:
    """Send ``data`` a byte at a time, 0.1 s apart, for at most ``stop`` seconds, or until
    the test is over; say how it ended."""
    end = time.monotonic() + stop
    for i in range(len(data)):
        if time.monotonic() > end or stopped.is_set():
            return "server gave up"
        try:
            wfile.write(data[i : i + 1])
            wfile.flush()
        except OSError:
            return "client hung up"
        time.sleep(0.1)
    return "all sent"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if self.path.startswith("/trickle"):
            # 0.1 s a byte: no single read ever waits long, only the whole fetch can take long.
            head = b"HTTP/1.0 200 OK\r\nContent-Length: 5\r\nX-Padding: " + b"x" * 200
            response = head + b"\r\n\r\nsmall"
            if self.path == "/trickle-body":
                self.wfile.write(b"HTTP/1.0 200 OK\r\nContent-Length: 300\r\n\r\n")
                response = b"y" * 300
            elif self.path == "/trickle-status":
                response = b"HTTP/1.0 200 OK" + b" " * 300 + b"\r\n\r\n"
            server: Any = self.server
            server.trickled.put(_trickle(self.wfile, response, stop=20, stopped=server.stopped))
            self.close_connection = True
            return
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/small")
            self.end_headers()
            return
        payload = b"x" * 100_000 if self.path == "/big" else b"small"
        self.send_response(200)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:
        pass


TRICKLED: queue.Queue[str] = queue.Queue()  # how each trickle ended


@pytest.fixture
def local_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for var in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    server: Any = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.stopped = threading.Event()
    server.trickled = TRICKLED
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.stopped.set()
        server.shutdown()
        server.server_close()


def test_urllib_fetcher_reads_at_most_limit_plus_one(local_server: str) -> None:
    fetch = make_urllib_fetcher(timeout=2.0, max_bytes=1000)
    assert fetch(f"{local_server}/small") == b"small"
    assert len(fetch(f"{local_server}/big")) == 1001


@pytest.mark.parametrize("path", ["/trickle-status", "/trickle-headers", "/trickle-body"])
def test_urllib_fetcher_deadline_covers_status_headers_and_body(
    local_server: str, path: str
) -> None:
    """The server never pauses long, so only a whole-fetch deadline stops it: the fetcher
    hangs up while the server, which would go on for 20 s, is still sending (round 14: on
    a response that closes the connection, the body was read to the server's end)."""
    fetch = make_urllib_fetcher(timeout=1.0, max_bytes=1000)
    with pytest.raises(TimeoutError, match="longer than 1 s"):
        fetch(f"{local_server}{path}")
    assert TRICKLED.get(timeout=60) == "client hung up"


def test_urllib_fetcher_refuses_redirects(local_server: str) -> None:
    fetch = make_urllib_fetcher(timeout=2.0, max_bytes=1000)
    with pytest.raises(OSError):
        fetch(f"{local_server}/redirect")


# ------------------------------------------------------------------------ real Amazon vectors


GOOD_CHAINS = [
    "certs/echo-api-cert-6-ats.pem",
    "certs/echo-api-cert-7.pem",
    "certs/echo-api-cert-8.pem",
    "certs/variants/echo-api-cert-8.crlf.pem",
    "certs/echo-api-cert-9.pem",
    "certs/echo-api-cert-10.cer",
    "certs/echo-api-cert-11.cer",
    "certs/echo-api-cert-12.cer",
]
SYMANTEC_CHAINS = ["certs/echo-api-cert-4.pem", "certs/echo-api-cert-5.pem"]


@pytest.fixture(scope="module")
def vectors() -> Path:
    return require_vectors()


@pytest.fixture(scope="module")
def certifi_store() -> Store:
    return Store(default_trust_roots())


def _midpoint(cert: x509.Certificate) -> datetime:
    return cert.not_valid_before_utc + (cert.not_valid_after_utc - cert.not_valid_before_utc) / 2


@pytest.mark.parametrize("name", GOOD_CHAINS)
def test_vector_amazon_chain_validates_with_certifi_roots(
    vectors: Path, certifi_store: Store, name: str
) -> None:
    chain = load_cert_chain((vectors / name).read_bytes())
    path = validate_cert_chain(chain, certifi_store, _midpoint(chain[0]))
    assert chain[0].subject.rfc4514_string() == "CN=echo-api.amazon.com"
    assert "Amazon Root CA 1" in path[-1].subject.rfc4514_string()
    # Outside the leaf's validity the same chain is refused.
    with pytest.raises(VerificationError, match="cert_untrusted"):
        validate_cert_chain(chain, certifi_store, chain[0].not_valid_after_utc + timedelta(days=1))


def test_vector_crlf_and_no_trailing_newline_parse(vectors: Path) -> None:
    crlf = (vectors / "certs/variants/echo-api-cert-8.crlf.pem").read_bytes()
    no_newline = (vectors / "certs/echo-api-cert-9.pem").read_bytes()
    assert b"\r\n" in crlf
    assert not no_newline.endswith(b"\n")
    lf = load_cert_chain((vectors / "certs/echo-api-cert-8.pem").read_bytes())
    assert load_cert_chain(crlf) == lf
    assert len(load_cert_chain(no_newline)) == len(lf)


@pytest.mark.parametrize("name", [*SYMANTEC_CHAINS, "certs/cert-expired.pem"])
def test_vector_distrusted_chains_rejected(vectors: Path, certifi_store: Store, name: str) -> None:
    chain = load_cert_chain((vectors / name).read_bytes())
    with pytest.raises(VerificationError) as info:
        validate_cert_chain(chain, certifi_store, _midpoint(chain[0]))
    assert info.value.reason == "cert_untrusted"


@pytest.mark.parametrize("vector", vector_params())
def test_vector_real_amazon_signature(vectors: Path, vector: dict[str, Any]) -> None:
    body = (vectors / vector["body"]).read_bytes()
    headers = json.loads((vectors / vector["headers"]).read_text())
    leaf = load_cert_chain((vectors / vector["cert_chain"]).read_bytes())[0]
    key = leaf.public_key()
    assert isinstance(key, rsa.RSAPublicKey)
    signature = headers[vector["header"]]
    assert vector["hash"] == "SHA1" and vector["header"] == "Signature"
    if vector["expected_signature_valid"]:
        verify_signature(key, signature, body, legacy_sha1=True)
    else:
        with pytest.raises(VerificationError, match="bad_signature"):
            verify_signature(key, signature, body, legacy_sha1=True)
    # The same bytes never pass as SHA-256, and any change to the body breaks them.
    with pytest.raises(VerificationError, match="bad_signature"):
        verify_signature(key, signature, body)
    with pytest.raises(VerificationError, match="bad_signature"):
        verify_signature(key, signature, body + b"\n", legacy_sha1=True)
    # Every vector body is a well-formed Alexa envelope.
    assert parse_envelope(body)["request"]["timestamp"] == vector["request_timestamp"]


ERLEXA = "erlexa_2018-07-03_launch"


def test_vector_erlexa_passes_full_verify_with_legacy_sha1() -> None:
    vector = vector_named(ERLEXA)
    headers, body, url = vector.headers, vector.body, vector.cert_url
    fetcher = DictFetcher({url: vector.chain})
    skill_id = json.loads(body)["context"]["System"]["application"]["applicationId"]
    verifier = RequestVerifier(
        skill_ids={skill_id},
        fetcher=fetcher,  # trust_roots left at the certifi default
        clock=FixedClock(vector.timestamp),
        allow_legacy_sha1=True,
    )
    assert verifier.verify(headers, body)["request"]["type"] == "LaunchRequest"
    assert verifier.verify(headers, body)  # second time served from the cache
    assert verifier.fetch_count == 1
    assert fetcher.calls == [url]
    # Same real request, one byte changed: refused.
    tampered = body.replace(b"LaunchRequest", b"LaunchRequesT", 1)
    assert reason_of(verifier, headers, tampered) == "bad_signature"


def test_vector_erlexa_refused_by_production_policy() -> None:
    vector = vector_named(ERLEXA)
    fetcher = DictFetcher({vector.cert_url: vector.chain})
    verifier = RequestVerifier(fetcher=fetcher, clock=FixedClock(vector.timestamp))
    assert reason_of(verifier, vector.headers, vector.body) == "missing_header"
    assert verifier.fetch_count == 0
