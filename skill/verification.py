"""Alexa request verification for hosting the skill as a web service.

Amazon requires a skill endpoint that is not an AWS Lambda function to prove, for every request,
that Alexa sent it and that it is fresh. This module implements those checks with pyca/cryptography:

1. ``SignatureCertChainUrl`` points at Amazon's certificate bucket (:func:`validate_cert_url`).
2. The body is a JSON Alexa envelope (:func:`parse_envelope`).
3. The certificate chain downloaded from that URL validates against a trust store, at the current
   time, for ``echo-api.amazon.com`` (:func:`validate_cert_chain`, which delegates path building,
   validity dates and name matching to ``cryptography.x509.verification``).
4. ``Signature-256`` is an RSA PKCS#1 v1.5 / SHA-256 signature over the raw body bytes, made with
   the leaf certificate's key (:func:`verify_signature`).
5. ``request.timestamp`` is close to now (:func:`check_timestamp`), which limits replays.
6. The envelope is addressed to one of our skill ids (:func:`check_skill_id`).

:class:`RequestVerifier` runs them in that order and caches validated chains per URL, so a request
whose certificate is already known costs one RSA verification and no download.
"""

from __future__ import annotations

import base64
import binascii
import json
import posixpath
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import certifi
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import verification as x509_verification

__all__ = [
    "CERT_URL_HEADER",
    "ECHO_API_DOMAIN",
    "LEGACY_SIGNATURE_HEADER",
    "SIGNATURE_HEADER",
    "SKILL_EVENT_TOLERANCE",
    "RequestVerifier",
    "VerificationError",
    "check_skill_id",
    "check_timestamp",
    "default_trust_roots",
    "extract_skill_id",
    "get_header",
    "load_cert_chain",
    "make_urllib_fetcher",
    "parse_envelope",
    "parse_timestamp",
    "validate_cert_chain",
    "validate_cert_url",
    "verify_signature",
]

SIGNATURE_HEADER = "Signature-256"
LEGACY_SIGNATURE_HEADER = "Signature"
CERT_URL_HEADER = "SignatureCertChainUrl"

ECHO_API_DOMAIN = "echo-api.amazon.com"
CERT_URL_SCHEME = "https"
CERT_URL_HOST = "s3.amazonaws.com"
CERT_URL_PATH_PREFIX = "/echo.api/"
CERT_URL_PORT = 443

DEFAULT_TIMESTAMP_TOLERANCE = timedelta(seconds=150)
SKILL_EVENT_TOLERANCE = timedelta(hours=1)
SKILL_EVENT_PREFIX = "AlexaSkillEvent."
DEFAULT_MAX_CERT_BYTES = 64 * 1024
DEFAULT_FETCH_TIMEOUT = 2.0
DEFAULT_CACHE_SIZE = 32


class VerificationError(Exception):
    """A request failed verification.

    ``reason`` is a short machine string the web layer can log and count, one of
    ``missing_header``, ``bad_cert_url``, ``bad_body``, ``cert_fetch_failed``, ``cert_untrusted``,
    ``bad_signature``, ``stale_timestamp``, ``wrong_skill``. ``detail`` is for humans (logs only:
    never send it to the caller).
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


# --------------------------------------------------------------------------------------- headers


def get_header(headers: Mapping[str, str], name: str) -> str | None:
    """Look a header up case-insensitively (HTTP header names are case-insensitive).

    Flask's ``Headers`` already ignore case; a plain ``dict`` does not, hence the fallback scan.
    """
    value = headers.get(name)
    if value is None:
        wanted = name.lower()
        for key, candidate in headers.items():
            if key.lower() == wanted:
                value = candidate
                break
    if value is None:
        return None
    value = value.strip()
    return value or None


# ---------------------------------------------------------------------------------- certificate URL


def validate_cert_url(url: str) -> None:
    """Refuse any ``SignatureCertChainUrl`` that is not in Amazon's certificate bucket.

    Without this check an attacker could sign with their own key and point at their own valid
    certificate for some other name, or at a bucket they control. Rules (Amazon's): scheme
    ``https`` and host ``s3.amazonaws.com`` (both case-insensitive), port 443 if given, and a
    path that starts with ``/echo.api/`` (case-sensitive) once normalised, so
    ``/echo.api/../x`` is refused. Percent-escapes are decoded before normalising so that
    ``/echo.api/%2e%2e/x`` cannot slip through; user info is refused.
    """
    if not isinstance(url, str) or not url:
        raise VerificationError("bad_cert_url", "empty certificate URL")
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise VerificationError("bad_cert_url", f"unparseable URL: {exc}") from exc
    if parts.scheme.lower() != CERT_URL_SCHEME:
        raise VerificationError("bad_cert_url", f"scheme must be https, got {parts.scheme!r}")
    if (parts.hostname or "") != CERT_URL_HOST:  # .hostname is already lower-cased
        raise VerificationError("bad_cert_url", f"host must be {CERT_URL_HOST}")
    if parts.username is not None or parts.password is not None:
        raise VerificationError("bad_cert_url", "user info is not allowed")
    if port is not None and port != CERT_URL_PORT:
        raise VerificationError("bad_cert_url", f"port must be 443, got {port}")
    path = posixpath.normpath(urllib.parse.unquote(parts.path)) if parts.path else ""
    if not path.startswith(CERT_URL_PATH_PREFIX):
        raise VerificationError("bad_cert_url", f"path must start with {CERT_URL_PATH_PREFIX}")


# --------------------------------------------------------------------------------------- envelope


def parse_envelope(body: bytes) -> dict[str, Any]:
    """Parse the body and check it has the shape of an Alexa request envelope.

    Done before any certificate work so that junk is refused without a download, and so the
    later checks can index the envelope without guarding every access.
    """
    try:
        envelope = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError, TypeError) as exc:
        raise VerificationError("bad_body", f"body is not JSON: {exc}") from exc
    if not isinstance(envelope, dict):
        raise VerificationError("bad_body", "body is not a JSON object")
    if not isinstance(envelope.get("version"), str):
        raise VerificationError("bad_body", "missing 'version'")
    request = envelope.get("request")
    if not isinstance(request, dict):
        raise VerificationError("bad_body", "missing 'request' object")
    for key in ("type", "requestId", "timestamp"):
        if not isinstance(request.get(key), str) or not request[key]:
            raise VerificationError("bad_body", f"missing 'request.{key}'")
    parse_timestamp(request["timestamp"])
    return envelope


def parse_timestamp(value: str) -> datetime:
    """Parse an ISO 8601 timestamp such as ``2017-02-10T07:27:59Z`` into an aware UTC datetime.

    A timestamp without an offset is taken as UTC, which is what Alexa means.
    """
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise VerificationError("bad_body", f"bad request.timestamp {value!r}") from exc
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def check_timestamp(
    envelope: Mapping[str, Any],
    now: datetime,
    tolerance: timedelta = DEFAULT_TIMESTAMP_TOLERANCE,
    skill_event_tolerance: timedelta = SKILL_EVENT_TOLERANCE,
) -> None:
    """Refuse requests whose ``request.timestamp`` is more than ``tolerance`` away from ``now``.

    The signature does not expire, so this is what stops a captured request from being replayed
    later. Both directions are checked (a timestamp in the future is as suspicious as a stale one).
    Skill events (``AlexaSkillEvent.*``) may be delivered late, so Amazon allows them one hour.
    """
    request = envelope.get("request")
    if not isinstance(request, Mapping) or not isinstance(request.get("timestamp"), str):
        raise VerificationError("bad_body", "missing 'request.timestamp'")
    sent = parse_timestamp(request["timestamp"])
    request_type = request.get("type")
    if isinstance(request_type, str) and request_type.startswith(SKILL_EVENT_PREFIX):
        tolerance = max(tolerance, skill_event_tolerance)
    skew = abs(_as_utc(now) - sent)
    if skew > tolerance:
        raise VerificationError(
            "stale_timestamp",
            f"request timestamp {request['timestamp']} is {skew.total_seconds():.0f} s from now",
        )


def extract_skill_id(envelope: Mapping[str, Any]) -> str | None:
    """Return the skill id the request is addressed to.

    ``context.System.application.applicationId`` is authoritative; old requests and some
    test tools only have ``session.application.applicationId``.
    """
    for path in (
        ("context", "System", "application", "applicationId"),
        ("session", "application", "applicationId"),
    ):
        node: Any = envelope
        for key in path:
            node = node.get(key) if isinstance(node, Mapping) else None
        if isinstance(node, str) and node:
            return node
    return None


def check_skill_id(envelope: Mapping[str, Any], accepted: Iterable[str]) -> None:
    """Refuse requests meant for another skill: a valid Amazon signature proves the sender is
    Alexa, not that the request is for us. An empty ``accepted`` set disables the check."""
    accepted = accepted if isinstance(accepted, frozenset | set) else frozenset(accepted)
    if not accepted:
        return
    skill_id = extract_skill_id(envelope)
    if skill_id not in accepted:
        raise VerificationError("wrong_skill", f"skill id {skill_id!r} is not accepted")


# ---------------------------------------------------------------------------------- certificates


_default_roots: list[x509.Certificate] | None = None
_default_roots_lock = threading.Lock()


def default_trust_roots() -> list[x509.Certificate]:
    """certifi's CA bundle, parsed once per process on first use.

    Amazon's signing chains end at Amazon Root CA 1, which certifi ships. Parsing ~150 roots takes
    milliseconds, so it is done lazily (import stays cheap) and kept.
    """
    global _default_roots
    with _default_roots_lock:
        if _default_roots is None:
            with open(certifi.where(), "rb") as fh:
                data = fh.read()
            _default_roots = _load_bundle(data)
        return _default_roots


def _load_bundle(data: bytes) -> list[x509.Certificate]:
    """Parse a CA bundle, skipping any root that this cryptography version refuses.

    A few bundled roots have quirks (e.g. a non-positive serial) that cryptography warns about
    and may refuse in the future; losing one unrelated root must not take the endpoint down.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return x509.load_pem_x509_certificates(data)
        except ValueError:
            pass
        roots = []
        marker = b"-----END CERTIFICATE-----"
        for block in data.split(marker):
            if b"-----BEGIN CERTIFICATE-----" not in block:
                continue
            try:
                roots.append(x509.load_pem_x509_certificate(block + marker))
            except ValueError:
                continue
        return roots


def load_cert_chain(pem: bytes) -> list[x509.Certificate]:
    """Parse the downloaded PEM chain, leaf first (Amazon's order).

    Accepts CRLF line endings and a missing final newline (both seen in Amazon's files).
    """
    try:
        chain = x509.load_pem_x509_certificates(pem)
    except ValueError as exc:
        raise VerificationError(
            "cert_untrusted", f"certificate chain does not parse: {exc}"
        ) from exc
    if not chain:
        raise VerificationError("cert_untrusted", "certificate chain is empty")
    return chain


def validate_cert_chain(
    chain: Sequence[x509.Certificate],
    store: x509_verification.Store,
    now: datetime,
) -> list[x509.Certificate]:
    """Validate ``chain`` (leaf first) for ``echo-api.amazon.com`` at ``now``; return the path.

    cryptography's verifier builds the path from the leaf through the supplied intermediates to
    a root in ``store`` and checks signatures, validity dates, CA constraints and the leaf's SAN,
    so none of that is hand-written here.
    """
    if not chain:
        raise VerificationError("cert_untrusted", "certificate chain is empty")
    verifier = (
        x509_verification.PolicyBuilder()
        .store(store)
        .time(_as_utc(now))
        .build_server_verifier(x509_verification.DNSName(ECHO_API_DOMAIN))
    )
    try:
        path = verifier.verify(chain[0], list(chain[1:]))
    except x509_verification.VerificationError as exc:
        raise VerificationError("cert_untrusted", f"certificate chain rejected: {exc}") from exc
    if not isinstance(chain[0].public_key(), rsa.RSAPublicKey):
        raise VerificationError("cert_untrusted", "leaf key is not RSA")
    return path


def verify_signature(
    public_key: rsa.RSAPublicKey,
    signature_b64: str,
    body: bytes,
    *,
    legacy_sha1: bool = False,
) -> None:
    """Check an Alexa request signature: base64 of RSA PKCS#1 v1.5 over the raw body bytes.

    SHA-256 (``Signature-256``) by default; ``legacy_sha1=True`` checks the old SHA-1
    ``Signature`` header instead. The body must be the bytes as received, not re-serialised JSON.
    """
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise VerificationError("bad_signature", "signature is not valid base64") from exc
    algorithm: hashes.HashAlgorithm = hashes.SHA1() if legacy_sha1 else hashes.SHA256()
    try:
        public_key.verify(signature, body, padding.PKCS1v15(), algorithm)
    except InvalidSignature as exc:
        raise VerificationError("bad_signature", "signature does not match body") from exc


def make_urllib_fetcher(
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_CERT_BYTES,
) -> Callable[[str], bytes]:
    """Return the production certificate fetcher: urllib, ``timeout`` seconds, no redirects.

    It reads at most ``max_bytes + 1`` bytes so the caller can tell "too big" from "fits" without
    a hostile server being able to make us buffer more, and gives up once the whole download has
    taken ``2 * timeout`` (``timeout`` alone bounds each socket operation, not a slow trickle).
    Redirects are refused because the URL rules were checked on the URL we were given, not on
    wherever a redirect would lead. TLS uses certifi's roots so that it works on hosts without a
    system CA bundle.
    """
    context = ssl.create_default_context(cafile=certifi.where())
    opener = urllib.request.build_opener(
        _NoRedirect(), urllib.request.HTTPSHandler(context=context)
    )

    def fetch(url: str) -> bytes:
        deadline = time.monotonic() + 2 * timeout
        with opener.open(url, timeout=timeout) as response:
            status = getattr(response, "status", 200)
            if status != 200:
                raise OSError(f"HTTP {status} fetching {url}")
            chunks: list[bytes] = []
            remaining = max_bytes + 1
            while remaining > 0:
                chunk = response.read1(min(remaining, 16384))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
                if time.monotonic() > deadline:
                    raise TimeoutError(f"fetching {url} took longer than {2 * timeout:g} s")
            return b"".join(chunks)

    return fetch


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        raise urllib.error.HTTPError(req.full_url, code, f"redirect refused: {msg}", headers, fp)


def _as_utc(moment: datetime) -> datetime:
    """Treat naive datetimes as UTC so comparisons never raise."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _utc_now() -> datetime:
    return datetime.now(UTC)


# --------------------------------------------------------------------------------------- verifier


@dataclass(frozen=True, slots=True)
class _CachedChain:
    """What a validated chain leaves behind: the leaf key and the window it may be trusted in."""

    public_key: rsa.RSAPublicKey
    valid_from: datetime
    valid_until: datetime


class RequestVerifier:
    """Runs every Alexa request check; one instance per process, shared between threads.

    The trust store, certificate fetcher and clock are injectable so tests need no patching.
    """

    def __init__(
        self,
        *,
        skill_ids: Iterable[str] = (),
        trust_roots: Sequence[x509.Certificate] | None = None,
        fetcher: Callable[[str], bytes] | None = None,
        clock: Callable[[], datetime] | None = None,
        timestamp_tolerance: timedelta = DEFAULT_TIMESTAMP_TOLERANCE,
        allow_legacy_sha1: bool = False,
        max_cert_bytes: int = DEFAULT_MAX_CERT_BYTES,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        self.skill_ids: frozenset[str] = frozenset(skill_ids)
        self.timestamp_tolerance = timestamp_tolerance
        self.allow_legacy_sha1 = allow_legacy_sha1
        self.max_cert_bytes = max_cert_bytes
        self.cache_size = max(1, cache_size)
        self.fetch_count = 0
        self._trust_roots = list(trust_roots) if trust_roots is not None else None
        self._fetcher = fetcher or make_urllib_fetcher(max_bytes=max_cert_bytes)
        self._clock = clock or _utc_now
        self._store: x509_verification.Store | None = None
        self._cache: OrderedDict[str, _CachedChain] = OrderedDict()
        self._lock = threading.Lock()

    # -- public

    def verify(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        """Run every check; return the parsed envelope, or raise :class:`VerificationError`.

        Order: headers present -> certificate URL -> body is an envelope -> certificate (cached,
        or fetched and validated) -> signature -> timestamp -> skill id.
        """
        cert_url = get_header(headers, CERT_URL_HEADER)
        signature, legacy = self._select_signature(headers)
        if cert_url is None:
            raise VerificationError("missing_header", f"{CERT_URL_HEADER} header missing")

        now = _as_utc(self._clock())
        cached = self._cache_get(cert_url, now)
        if cached is None:  # a cached URL was validated when it was stored
            validate_cert_url(cert_url)
        envelope = parse_envelope(body)
        if cached is None:
            cached = self._fetch_and_validate(cert_url, now)
        verify_signature(cached.public_key, signature, body, legacy_sha1=legacy)
        check_timestamp(envelope, now, self.timestamp_tolerance)
        check_skill_id(envelope, self.skill_ids)
        return envelope

    def clear_cache(self) -> None:
        """Forget every cached chain (e.g. after a trust store change)."""
        with self._lock:
            self._cache.clear()

    # -- internals

    def _select_signature(self, headers: Mapping[str, str]) -> tuple[str, bool]:
        """Pick the signature header allowed by policy; return ``(value, is_legacy_sha1)``."""
        signature = get_header(headers, SIGNATURE_HEADER)
        if signature is not None:
            return signature, False
        legacy = get_header(headers, LEGACY_SIGNATURE_HEADER)
        if legacy is not None and self.allow_legacy_sha1:
            return legacy, True
        if legacy is not None:
            raise VerificationError(
                "missing_header",
                f"{SIGNATURE_HEADER} header missing (legacy SHA-1 {LEGACY_SIGNATURE_HEADER} "
                "is not accepted)",
            )
        raise VerificationError("missing_header", f"{SIGNATURE_HEADER} header missing")

    def _cache_get(self, url: str, now: datetime) -> _CachedChain | None:
        with self._lock:
            entry = self._cache.get(url)
            if entry is None:
                return None
            if not (entry.valid_from <= now < entry.valid_until):
                del self._cache[url]
                return None
            self._cache.move_to_end(url)
            return entry

    def _cache_put(self, url: str, entry: _CachedChain) -> None:
        with self._lock:
            self._cache[url] = entry
            self._cache.move_to_end(url)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)

    def _get_store(self) -> x509_verification.Store:
        with self._lock:
            if self._store is None:
                roots = self._trust_roots
                if roots is None:
                    roots = default_trust_roots()
                if not roots:
                    raise VerificationError("cert_untrusted", "trust store is empty")
                self._store = x509_verification.Store(list(roots))
            return self._store

    def _fetch_and_validate(self, url: str, now: datetime) -> _CachedChain:
        """Download, parse and validate the chain; cache it only if every step succeeded."""
        with self._lock:
            self.fetch_count += 1
        try:
            pem = self._fetcher(url)
        except Exception as exc:  # any fetcher failure means "no certificate"
            raise VerificationError("cert_fetch_failed", f"{url}: {exc!r}") from exc
        if not isinstance(pem, bytes | bytearray):
            raise VerificationError("cert_fetch_failed", "fetcher did not return bytes")
        if len(pem) > self.max_cert_bytes:
            raise VerificationError(
                "cert_fetch_failed", f"certificate chain larger than {self.max_cert_bytes} bytes"
            )
        chain = load_cert_chain(bytes(pem))
        path = validate_cert_chain(chain, self._get_store(), now)
        leaf_key = chain[0].public_key()
        if not isinstance(leaf_key, rsa.RSAPublicKey):  # already refused by validate_cert_chain
            raise VerificationError("cert_untrusted", "leaf key is not RSA")
        entry = _CachedChain(
            public_key=leaf_key,
            valid_from=max(cert.not_valid_before_utc for cert in path),
            valid_until=min(cert.not_valid_after_utc for cert in path),
        )
        self._cache_put(url, entry)
        return entry
