"""Alexa request verification for hosting the skill as a web service.

Amazon requires a skill endpoint that is not an AWS Lambda function to prove, for every request,
that Alexa sent it and that it is fresh. This module implements those checks with pyca/cryptography,
cheapest first, so that a forged request costs no download:

1. Both headers are present and ``Signature-256`` decodes to an RSA signature's length.
2. ``SignatureCertChainUrl`` is normalised once, in Amazon's certificate bucket
   (:func:`normalize_cert_url`); that normalised URL is the one fetched and cached.
3. The body is a JSON Alexa envelope (:func:`parse_envelope`), its timestamp is close to now
   (:func:`check_timestamp`), and it is addressed to one of our skill ids (:func:`check_skill_id`).
4. The certificate chain downloaded from that URL validates against a trust store, at the current
   time, for ``echo-api.amazon.com`` (:func:`validate_cert_chain`, which delegates path building
   and validity dates to ``cryptography.x509.verification``, then insists on the exact SAN and an
   RSA key of at least 2048 bits).
5. ``Signature-256`` is an RSA PKCS#1 v1.5 / SHA-256 signature over the raw body bytes, made with
   the leaf certificate's key (:func:`verify_signature`).

:class:`RequestVerifier` runs them in that order. It caches validated chains per URL, downloads a
URL once however many requests wait for it, remembers failures for a short time and caps how many
distinct URLs it fetches per minute, so a request whose certificate is known costs one RSA
verification, and a flood of forged requests costs a bounded number of downloads.
:class:`EnvelopeOnlyVerifier` stands in for it when verification is off (local development): the
envelope and skill id checks, nothing else. Either way the verifier is the one place the skill id
is checked.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import json
import posixpath
import re
import socket
import ssl
import threading
import time
import urllib.parse
import warnings
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

import certifi
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import verification as x509_verification

__all__ = [
    "CERT_URL_HEADER",
    "ECHO_API_DOMAIN",
    "EnvelopeOnlyVerifier",
    "LEGACY_SIGNATURE_HEADER",
    "SIGNATURE_HEADER",
    "SKILL_EVENT_TOLERANCE",
    "RequestVerifier",
    "VerificationError",
    "Verifier",
    "check_skill_id",
    "check_timestamp",
    "decode_signature",
    "default_trust_roots",
    "extract_skill_id",
    "get_header",
    "load_cert_chain",
    "make_urllib_fetcher",
    "normalize_cert_url",
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
DEFAULT_FETCH_TIMEOUT = 3.0  # the whole download: connect, TLS, status line, headers and body
DEFAULT_CACHE_SIZE = 32
DEFAULT_FAILURE_TTL = timedelta(seconds=10)  # a failed URL is refused without a fetch this long
DEFAULT_MAX_FETCHES_PER_MINUTE = 10  # distinct certificate URLs downloaded per rolling minute
MIN_RSA_BITS = 2048
# RSA PKCS#1 v1.5 signatures are as long as the key's modulus: 2048-, 3072- or 4096-bit keys.
SIGNATURE_LENGTHS = frozenset({256, 384, 512})
# What a normalised certificate path may hold: RFC 3986 unreserved characters and "/". Amazon's
# URLs look like /echo.api/echo-api-cert-12.pem; no escape, so nothing is decoded differently by
# us and by S3.
_CERT_PATH = re.compile(r"/echo\.api/[A-Za-z0-9._~/-]+")


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


def normalize_cert_url(url: str) -> str:
    """Return the one form of a ``SignatureCertChainUrl`` that is checked, fetched and cached.

    Without this check an attacker could sign with their own key and point at their own valid
    certificate for some other name, or at a bucket they control. Amazon's rules: scheme
    ``https`` and host ``s3.amazonaws.com`` (both case-insensitive), port 443 if given, and a
    path that starts with ``/echo.api/`` (case-sensitive) once dot segments are resolved, so
    ``/echo.api/../echo.api/c.pem`` becomes ``/echo.api/c.pem`` and ``/echo.api/../x`` is refused.
    Stricter than Amazon's text, so that the URL we check is the URL we fetch: no query string,
    fragment or user info, and no percent-escape at all (``%2e%2e`` would be ``..`` to S3 but not
    to a path check), no control characters or spaces. The result is
    ``https://s3.amazonaws.com/echo.api/...``: lower-case scheme and host, no port.
    """
    if not isinstance(url, str) or not url:
        raise VerificationError("bad_cert_url", "empty certificate URL")
    if not (url.isascii() and url.isprintable()) or " " in url:
        raise VerificationError("bad_cert_url", "control characters, spaces or non-ASCII")
    if "?" in url or "#" in url:
        raise VerificationError("bad_cert_url", "query strings and fragments are not allowed")
    if "%" in url:
        raise VerificationError("bad_cert_url", "percent-escapes (e.g. %2e) are not allowed")
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise VerificationError("bad_cert_url", f"unparseable URL: {exc}") from exc
    if parts.scheme.lower() != CERT_URL_SCHEME:
        raise VerificationError("bad_cert_url", f"scheme must be https, got {parts.scheme!r}")
    if "@" in parts.netloc:
        raise VerificationError("bad_cert_url", "user info is not allowed")
    if (parts.hostname or "") != CERT_URL_HOST:  # .hostname is already lower-cased
        raise VerificationError("bad_cert_url", f"host must be {CERT_URL_HOST}")
    if port is not None and port != CERT_URL_PORT:
        raise VerificationError("bad_cert_url", f"port must be 443, got {port}")
    path = posixpath.normpath(parts.path) if parts.path else ""
    if not path.startswith(CERT_URL_PATH_PREFIX) or not _CERT_PATH.fullmatch(path):
        raise VerificationError(
            "bad_cert_url", f"path must start with {CERT_URL_PATH_PREFIX}, plain characters only"
        )
    return f"{CERT_URL_SCHEME}://{CERT_URL_HOST}{path}"


def validate_cert_url(url: str) -> str:
    """Refuse a certificate URL outside Amazon's bucket; return its normalised form.

    Kept as the name the rest of the code and the tests know; see :func:`normalize_cert_url`.
    """
    return normalize_cert_url(url)


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


_CONTEXT_APP_ID = ("context", "System", "application", "applicationId")
_SESSION_APP_ID = ("session", "application", "applicationId")


def _dig(envelope: Mapping[str, Any], path: tuple[str, ...]) -> str | None:
    node: Any = envelope
    for key in path:
        node = node.get(key) if isinstance(node, Mapping) else None
    return node if isinstance(node, str) and node else None


def extract_skill_id(envelope: Mapping[str, Any]) -> str | None:
    """Return the skill id the request is addressed to.

    ``context.System.application.applicationId`` is authoritative; old requests and some
    test tools only have ``session.application.applicationId``.
    """
    return _dig(envelope, _CONTEXT_APP_ID) or _dig(envelope, _SESSION_APP_ID)


def check_skill_id(envelope: Mapping[str, Any], accepted: Iterable[str]) -> None:
    """Refuse requests meant for another skill: a valid Amazon signature proves the sender is
    Alexa, not that the request is for us. An empty ``accepted`` set accepts any skill id.

    Alexa always sends the same id in the session and the context; a request where the two
    differ is refused whatever ``accepted`` holds, so no handler can read the wrong one.
    """
    context_id, session_id = _dig(envelope, _CONTEXT_APP_ID), _dig(envelope, _SESSION_APP_ID)
    if context_id and session_id and context_id != session_id:
        raise VerificationError("wrong_skill", "session and context applicationId differ")
    accepted = accepted if isinstance(accepted, frozenset | set) else frozenset(accepted)
    if not accepted:
        return
    skill_id = context_id or session_id
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
    a root in ``store`` and checks signatures, validity dates, CA constraints and name matching,
    so none of that is hand-written here. Web PKI name matching lets ``*.amazon.com`` stand for
    ``echo-api.amazon.com``; Amazon's leaves carry the exact name, so the leaf's SAN must list it
    literally, and its key must be RSA of at least 2048 bits, as Amazon issues them.
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
    leaf = chain[0]
    try:
        san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        names = [name.lower() for name in san.get_values_for_type(x509.DNSName)]
    except x509.ExtensionNotFound:  # the verifier already insists on a SAN; belt and braces
        names = []
    if ECHO_API_DOMAIN not in names:
        raise VerificationError(
            "cert_untrusted", f"leaf SAN does not list {ECHO_API_DOMAIN} exactly (got {names})"
        )
    key = leaf.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise VerificationError("cert_untrusted", "leaf key is not RSA")
    if key.key_size < MIN_RSA_BITS:
        raise VerificationError(
            "cert_untrusted", f"leaf key is {key.key_size} bits, fewer than {MIN_RSA_BITS}"
        )
    return path


def decode_signature(signature_b64: str) -> bytes:
    """Base64-decode a signature header and check it has an RSA signature's length.

    Done before any certificate work: a header that cannot be a signature from a 2048-, 3072-
    or 4096-bit key is refused without a download.
    """
    try:
        signature = base64.b64decode(signature_b64, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise VerificationError("bad_signature", "signature is not valid base64") from exc
    if len(signature) not in SIGNATURE_LENGTHS:
        raise VerificationError(
            "bad_signature", f"signature is {len(signature)} bytes, not an RSA signature's length"
        )
    return signature


def verify_signature(
    public_key: rsa.RSAPublicKey,
    signature_b64: str | bytes,
    body: bytes,
    *,
    legacy_sha1: bool = False,
) -> None:
    """Check an Alexa request signature: base64 of RSA PKCS#1 v1.5 over the raw body bytes.

    ``signature_b64`` is the header value, or the bytes :func:`decode_signature` made of it.
    SHA-256 (``Signature-256``) by default; ``legacy_sha1=True`` checks the old SHA-1
    ``Signature`` header instead. The body must be the bytes as received, not re-serialised JSON.
    """
    signature = (
        signature_b64 if isinstance(signature_b64, bytes) else decode_signature(signature_b64)
    )
    algorithm: hashes.HashAlgorithm = hashes.SHA1() if legacy_sha1 else hashes.SHA256()
    try:
        public_key.verify(signature, body, padding.PKCS1v15(), algorithm)
    except InvalidSignature as exc:
        raise VerificationError("bad_signature", "signature does not match body") from exc


def make_urllib_fetcher(
    timeout: float = DEFAULT_FETCH_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_CERT_BYTES,
) -> Callable[[str], bytes]:
    """Return the production certificate fetcher: one GET, ``timeout`` seconds in all.

    ``timeout`` bounds the whole download (connect, TLS handshake, status line, headers and
    body): a watchdog shuts the socket down when it passes, so a server trickling bytes cannot
    hold a request longer. At most ``max_bytes + 1`` bytes are read, so the caller can tell
    "too big" from "fits" without a hostile server making us buffer more. Only a 200 counts;
    redirects are not followed (the URL rules were checked on this URL, not on wherever a
    redirect leads). It connects directly (no proxy from the environment): pass your own
    ``cert_fetcher`` behind an egress proxy. TLS uses certifi's roots so that it works on hosts
    without a system CA bundle. (The name is historical: it is http.client underneath.)
    """
    context = ssl.create_default_context(cafile=certifi.where())

    def fetch(url: str) -> bytes:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname or ""
        if parts.scheme == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, parts.port or 443, timeout=timeout, context=context
            )
        elif parts.scheme == "http":  # only tests serve certificates over plain http
            conn = http.client.HTTPConnection(host, parts.port or 80, timeout=timeout)
        else:
            raise OSError(f"unsupported scheme {parts.scheme!r}")
        expired = threading.Event()
        # The socket as connected: on a response that closes the connection (HTTP/1.0, or
        # "Connection: close"), http.client drops conn.sock once the headers are read, and
        # the body is read through the response alone; the watchdog must still reach it.
        connected: list[socket.socket] = []

        def abort() -> None:
            expired.set()
            for sock in (conn.sock, *connected):
                if sock is not None:
                    with _suppress_oserror():
                        sock.shutdown(socket.SHUT_RDWR)

        watchdog = threading.Timer(timeout, abort)
        watchdog.daemon = True
        watchdog.start()
        try:
            conn.request("GET", parts.path or "/", headers={"Accept": "*/*"})
            if conn.sock is not None:
                connected.append(conn.sock)
            response = conn.getresponse()
            if response.status != 200:
                raise OSError(f"HTTP {response.status} fetching {url}")
            chunks: list[bytes] = []
            remaining = max_bytes + 1
            while remaining > 0:
                chunk = response.read1(min(remaining, 16384))
                if not chunk:
                    break
                chunks.append(chunk)
                remaining -= len(chunk)
            if expired.is_set():
                raise TimeoutError(f"fetching {url} took longer than {timeout:g} s")
            return b"".join(chunks)
        except (OSError, http.client.HTTPException) as exc:
            if expired.is_set():
                raise TimeoutError(f"fetching {url} took longer than {timeout:g} s") from exc
            raise
        finally:
            watchdog.cancel()
            conn.close()

    return fetch


class _suppress_oserror:  # noqa: N801 - used like contextlib.suppress, without the import cost
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: Any, value: Any, tb: Any) -> bool:
        return kind is not None and issubclass(kind, OSError)


def _as_utc(moment: datetime) -> datetime:
    """Treat naive datetimes as UTC so comparisons never raise."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _utc_now() -> datetime:
    return datetime.now(UTC)


# --------------------------------------------------------------------------------------- verifier


class Verifier(Protocol):
    """What the web app asks of a verifier: the envelope of a request it accepts, or
    :class:`VerificationError`. ``skill_ids`` is what it accepts (empty: any skill)."""

    skill_ids: frozenset[str]
    checks_signatures: bool

    def verify(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]: ...


class EnvelopeOnlyVerifier:
    """Verification off, for local development: the body must still be an Alexa envelope for one
    of ``skill_ids``, but headers, timestamp and signature are not looked at."""

    checks_signatures = False

    def __init__(self, *, skill_ids: Iterable[str] = ()) -> None:
        self.skill_ids: frozenset[str] = frozenset(skill_ids)

    def verify(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        envelope = parse_envelope(body)
        check_skill_id(envelope, self.skill_ids)
        return envelope


@dataclass(frozen=True, slots=True)
class _CachedChain:
    """What a validated chain leaves behind: the leaf key and the window it may be trusted in."""

    public_key: rsa.RSAPublicKey
    valid_from: datetime
    valid_until: datetime


@dataclass(frozen=True, slots=True)
class _Failure:
    """A failed fetch or validation, answered again without a fetch until ``until``."""

    error: VerificationError
    until: float  # time.monotonic()


class _Flight:
    """One download in progress; requests for the same URL wait for it instead of fetching."""

    __slots__ = ("done", "entry", "error")

    def __init__(self) -> None:
        self.done = threading.Event()
        self.entry: _CachedChain | None = None
        self.error: VerificationError | None = None


class RequestVerifier:
    """Runs every Alexa request check; one instance per process, shared between threads.

    The trust store, certificate fetcher and clocks are injectable so tests need no patching.
    Certificate work is bounded: a URL is downloaded by one request while the others for it wait
    (single flight); a failure is remembered for ``failure_ttl``; at most
    ``max_fetches_per_minute`` distinct URLs are downloaded per rolling minute; only validated
    chains enter the cache, so junk URLs cannot push Amazon's chain out of it.
    """

    checks_signatures = True

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
        failure_ttl: timedelta = DEFAULT_FAILURE_TTL,
        max_fetches_per_minute: int = DEFAULT_MAX_FETCHES_PER_MINUTE,
        fetch_timeout: float = DEFAULT_FETCH_TIMEOUT,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.skill_ids: frozenset[str] = frozenset(skill_ids)
        self.timestamp_tolerance = timestamp_tolerance
        self.allow_legacy_sha1 = allow_legacy_sha1
        self.max_cert_bytes = max_cert_bytes
        self.cache_size = max(1, cache_size)
        self.failure_ttl = failure_ttl.total_seconds()
        self.max_fetches_per_minute = max(1, max_fetches_per_minute)
        self.fetch_timeout = fetch_timeout
        self.fetch_count = 0
        self._trust_roots = list(trust_roots) if trust_roots is not None else None
        self._fetcher = fetcher or make_urllib_fetcher(fetch_timeout, max_cert_bytes)
        self._clock = clock or _utc_now
        self._monotonic = monotonic
        self._store: x509_verification.Store | None = None
        self._cache: OrderedDict[str, _CachedChain] = OrderedDict()
        self._failures: OrderedDict[str, _Failure] = OrderedDict()
        self._flights: dict[str, _Flight] = {}
        self._fetched: OrderedDict[str, float] = OrderedDict()  # url -> when, last minute only
        self._lock = threading.Lock()

    # -- public

    def verify(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        """Run every check; return the parsed envelope, or raise :class:`VerificationError`.

        Order, cheapest first: headers present -> signature decodes to an RSA signature's length
        -> certificate URL -> body is an envelope -> timestamp -> skill id -> certificate (cached,
        or fetched once and validated) -> signature. Nothing is downloaded for a request that
        fails any check before the certificate.
        """
        cert_url = get_header(headers, CERT_URL_HEADER)
        signature_b64, legacy = self._select_signature(headers)
        if cert_url is None:
            raise VerificationError("missing_header", f"{CERT_URL_HEADER} header missing")
        signature = decode_signature(signature_b64)
        url = normalize_cert_url(cert_url)
        envelope = parse_envelope(body)
        now = _as_utc(self._clock())
        check_timestamp(envelope, now, self.timestamp_tolerance)
        check_skill_id(envelope, self.skill_ids)
        chain = self._chain_for(url, now)
        verify_signature(chain.public_key, signature, body, legacy_sha1=legacy)
        return envelope

    def clear_cache(self) -> None:
        """Forget every cached chain and remembered failure (e.g. after a trust store change)."""
        with self._lock:
            self._cache.clear()
            self._failures.clear()

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

    def _chain_for(self, url: str, now: datetime) -> _CachedChain:
        """The validated chain for ``url``: from the cache, from another request's download in
        flight, or downloaded here; a remembered failure or the rate cap refuses at once."""
        with self._lock:
            entry = self._cache.get(url)
            if entry is not None:
                if entry.valid_from <= now < entry.valid_until:
                    self._cache.move_to_end(url)
                    return entry
                del self._cache[url]
            mono = self._monotonic()
            failure = self._failures.get(url)
            if failure is not None:
                if mono < failure.until:
                    raise VerificationError(
                        failure.error.reason, f"{failure.error.detail} (remembered)"
                    )
                del self._failures[url]
            flight = self._flights.get(url)
            leader = flight is None
            if flight is None:
                self._admit_fetch(url, mono)
                flight = self._flights[url] = _Flight()
        if not leader:
            # The leader always finishes within the fetch timeout plus validation.
            if not flight.done.wait(self.fetch_timeout + 5):
                raise VerificationError("cert_fetch_failed", f"{url}: waited too long")
            if flight.entry is None:
                error = flight.error or VerificationError("cert_fetch_failed", url)
                raise VerificationError(error.reason, error.detail)
            return flight.entry
        try:
            flight.entry = self._fetch_and_validate(url, now)
            return flight.entry
        except VerificationError as exc:
            flight.error = exc
            self._remember_failure(url, exc)
            raise
        except Exception as exc:  # e.g. an empty trust store: still release the waiters
            flight.error = VerificationError("cert_untrusted", f"{url}: {exc!r}")
            raise
        finally:
            with self._lock:
                self._flights.pop(url, None)
            flight.done.set()

    def _admit_fetch(self, url: str, mono: float) -> None:
        """Count ``url`` against the per-minute cap of distinct URLs; caller holds the lock."""
        while self._fetched and next(iter(self._fetched.values())) <= mono - 60.0:
            self._fetched.popitem(last=False)
        if url not in self._fetched and len(self._fetched) >= self.max_fetches_per_minute:
            raise VerificationError(
                "cert_fetch_failed",
                f"more than {self.max_fetches_per_minute} certificate URLs in a minute: {url}",
            )
        self._fetched.pop(url, None)
        self._fetched[url] = mono
        self.fetch_count += 1

    def _remember_failure(self, url: str, error: VerificationError) -> None:
        with self._lock:
            self._failures.pop(url, None)
            self._failures[url] = _Failure(error, self._monotonic() + self.failure_ttl)
            while len(self._failures) > 4 * self.max_fetches_per_minute:
                self._failures.popitem(last=False)

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
