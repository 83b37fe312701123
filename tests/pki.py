"""A private certificate authority and Alexa-style request signing, with real cryptography.

root -> intermediate -> leaf (SAN echo-api.amazon.com), plus leaves that must be refused
(expired, another name, chained to an untrusted root, a wildcard SAN, a short key). Shared by
tests/test_verification.py, tests/test_web.py and bench/bench_web.py so all three build
certificates the same way; nothing here touches the network.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
ECHO_API = "echo-api.amazon.com"


def _key(bits: int = 2048) -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def _cert(
    cn: str,
    key: rsa.RSAPrivateKey,
    *,
    issuer: x509.Certificate | None,
    issuer_key: rsa.RSAPrivateKey,
    not_before: datetime,
    not_after: datetime,
    dns_name: str | None = None,
    dns_names: tuple[str, ...] = (),
) -> x509.Certificate:
    """A CA certificate, or a TLS server leaf when ``dns_name`` is given (Web PKI profile)."""
    dns_names = dns_names or ((dns_name,) if dns_name is not None else ())
    ca = not dns_names
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.subject if issuer is not None else name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=not ca,
                content_commitment=False,
                key_encipherment=not ca,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=ca,
                crl_sign=ca,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    if dns_names:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.DNSName(n) for n in dns_names]), critical=False
        ).add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(c.public_bytes(serialization.Encoding.PEM) for c in certs)


@dataclass(frozen=True)
class TestPKI:
    """Everything a test needs: the root to trust, the signing key, chains good and bad."""

    __test__ = False  # not a pytest test class

    now: datetime
    root: x509.Certificate
    intermediate: x509.Certificate
    intermediate_key: rsa.RSAPrivateKey
    leaf: x509.Certificate  # the good leaf, valid from now - 30 days to now + 335 days
    leaf_key: rsa.RSAPrivateKey
    other_key: rsa.RSAPrivateKey
    chain_pem: bytes  # leaf + intermediate, as Amazon serves it
    expired_pem: bytes
    wrong_name_pem: bytes
    untrusted_pem: bytes

    @property
    def root_pem(self) -> bytes:
        return pem(self.root)

    def sign(
        self,
        body: bytes,
        key: rsa.RSAPrivateKey | None = None,
        algorithm: hashes.HashAlgorithm | None = None,
    ) -> str:
        """The Signature-256 header value: base64 RSA PKCS#1 v1.5 over the raw body.

        SHA-256 unless ``algorithm`` says otherwise (SHA-1 for the legacy ``Signature`` header).
        """
        raw = (key or self.leaf_key).sign(body, padding.PKCS1v15(), algorithm or hashes.SHA256())
        return base64.b64encode(raw).decode()

    def leaf_chain(self, *dns_names: str, key: rsa.RSAPrivateKey | None = None) -> bytes:
        """leaf + intermediate PEM for a leaf with these SAN names (and key), valid around now."""
        leaf = _cert(dns_names[0], key or self.leaf_key, issuer=self.intermediate,
                     issuer_key=self.intermediate_key, not_before=self.now - timedelta(days=30),
                     not_after=self.now + timedelta(days=335), dns_names=dns_names)  # fmt: skip
        return pem(leaf, self.intermediate)

    def headers(self, body: bytes, *, url: str = CERT_URL) -> dict[str, str]:
        return {
            "SignatureCertChainUrl": url,
            "Signature-256": self.sign(body),
            "Content-Type": "application/json",
        }

    def signed(self, event: dict[str, Any], *, url: str = CERT_URL) -> tuple[dict[str, str], bytes]:
        body = json.dumps(event).encode()
        return self.headers(body, url=url), body


def make_pki(now: datetime | None = None) -> TestPKI:
    """A fresh CA whose good leaf is valid around ``now`` (default: the real current time)."""
    now = now or datetime.now(UTC)
    root_key, inter_key, leaf_key, other_key = _key(), _key(), _key(), _key()
    ca_from, ca_to = now - timedelta(days=365), now + timedelta(days=3650)
    root = _cert("Test Root CA", root_key, issuer=None, issuer_key=root_key,
                 not_before=ca_from, not_after=ca_to)  # fmt: skip
    inter = _cert("Test Intermediate CA", inter_key, issuer=root, issuer_key=root_key,
                  not_before=ca_from, not_after=ca_to)  # fmt: skip
    other_root = _cert("Other Root CA", other_key, issuer=None, issuer_key=other_key,
                       not_before=ca_from, not_after=ca_to)  # fmt: skip

    def leaf(dns: str, start: datetime, end: datetime, signer=inter, signer_key=inter_key):
        return _cert(dns, leaf_key, issuer=signer, issuer_key=signer_key,
                     not_before=start, not_after=end, dns_name=dns)  # fmt: skip

    this_year = (now - timedelta(days=30), now + timedelta(days=335))
    good = leaf(ECHO_API, *this_year)
    return TestPKI(
        now=now,
        root=root,
        intermediate=inter,
        intermediate_key=inter_key,
        leaf=good,
        leaf_key=leaf_key,
        other_key=other_key,
        chain_pem=pem(good, inter),
        expired_pem=pem(leaf(ECHO_API, now - timedelta(days=400), now - timedelta(days=1)), inter),
        wrong_name_pem=pem(leaf("not-echo-api.example.com", *this_year), inter),
        untrusted_pem=pem(
            leaf(ECHO_API, *this_year, signer=other_root, signer_key=other_key), other_root
        ),
    )


def short_key() -> rsa.RSAPrivateKey:
    """A 1024-bit RSA key: what Amazon no longer issues, and the verifier must refuse."""
    return _key(1024)


def fetch_from_env(url: str) -> bytes:
    """A certificate fetcher for a server process started by a test (``ALEXA_CERT_FETCHER=
    tests.pki:fetch_from_env``): serves the file TEST_CERT_CHAIN for the URL TEST_CERT_URL."""
    import os

    if url != os.environ.get("TEST_CERT_URL"):
        raise OSError(f"HTTP 404 fetching {url}")
    with open(os.environ["TEST_CERT_CHAIN"], "rb") as fh:
        return fh.read()


class FixedClock:
    """A clock that says what the test tells it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class FakeMonotonic:
    """A time.monotonic() stand-in that moves only when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


class DictFetcher:
    """Certificate bytes by URL; an Exception value is raised instead (a failed download)."""

    def __init__(self, files: dict[str, bytes | Exception]) -> None:
        self.files = dict(files)
        self.calls: list[str] = []

    def __call__(self, url: str) -> bytes:
        self.calls.append(url)
        value = self.files.get(url)
        if value is None:
            raise OSError(f"HTTP 404 fetching {url}")
        if isinstance(value, Exception):
            raise value
        return value


def alexa_timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
