"""The web service's settings: one frozen object, read from the environment once.

`Settings.from_env()` is what `create_app()` uses when given nothing (gunicorn, the development
server); tests and benchmarks build `Settings(...)` themselves, so no setting has two sources.
Every value is parsed and checked here, so a bad one stops start-up with a ConfigError that names
the variable, rather than failing on the first request. The variables are documented in
docs/web-service.md (Settings).
"""

from __future__ import annotations

import importlib
import logging
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from skill_web.verification import EnvelopeOnlyVerifier, RequestVerifier, Verifier

__all__ = ["ConfigError", "Settings"]

_FALSE = frozenset({"0", "false", "no", "off"})
_TRUE = frozenset({"1", "true", "yes", "on"})


class ConfigError(ValueError):
    """A setting that cannot be used; the message names it."""


@dataclass(frozen=True)
class Settings:
    """What the service is configured with; defaults are production's (verification on).

    - ``verify`` (ALEXA_VERIFY): request verification; off only for local development.
    - ``skill_ids`` (ALEXA_SKILL_IDS, comma-separated): accepted application ids; empty accepts any.
    - ``trust_roots`` (ALEXA_TRUST_STORE, a PEM file): roots for Amazon's chain; None: certifi's.
    - ``cert_fetcher`` (ALEXA_CERT_FETCHER, ``module:function``): ``url -> PEM bytes``; None: the
      built-in HTTPS download.
    - ``log_level`` (LOG_LEVEL): for the ``skill`` loggers.
    - ``metrics_endpoint`` (METRICS_ENDPOINT): serve ``GET /metrics``; private networks only.
    """

    verify: bool = True
    skill_ids: frozenset[str] = frozenset()
    trust_roots: tuple[Any, ...] | None = None  # cryptography x509.Certificate objects
    cert_fetcher: Callable[[str], bytes] | None = None
    log_level: str = "INFO"
    metrics_endpoint: bool = False

    def __post_init__(self) -> None:
        if isinstance(self.skill_ids, str):
            raise ConfigError("skill_ids: give a set of ids (ALEXA_SKILL_IDS is the comma list)")
        object.__setattr__(self, "skill_ids", frozenset(self.skill_ids))
        if self.trust_roots is not None:
            object.__setattr__(self, "trust_roots", tuple(self.trust_roots))
        level = self.log_level.strip().upper()
        if not isinstance(logging.getLevelName(level), int):
            raise ConfigError(
                f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR (got {self.log_level!r})"
            )
        object.__setattr__(self, "log_level", level)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read every setting from ``environ`` (default os.environ); unset means the default."""
        env = os.environ if environ is None else environ
        store = env.get("ALEXA_TRUST_STORE", "").strip()
        fetcher = env.get("ALEXA_CERT_FETCHER", "").strip()
        return cls(
            verify=_parse_bool("ALEXA_VERIFY", env.get("ALEXA_VERIFY", "1")),
            skill_ids=_parse_skill_ids(env.get("ALEXA_SKILL_IDS", "")),
            trust_roots=_load_trust_store(store) if store else None,
            cert_fetcher=_load_fetcher(fetcher) if fetcher else None,
            log_level=env.get("LOG_LEVEL", "INFO"),
            metrics_endpoint=_parse_bool("METRICS_ENDPOINT", env.get("METRICS_ENDPOINT", "0")),
        )

    def verification_configured(self) -> bool:
        """Whether any verification field differs from its default."""
        return (
            not self.verify
            or bool(self.skill_ids)
            or self.trust_roots is not None
            or self.cert_fetcher is not None
        )

    def make_verifier(self) -> Verifier:
        """The verifier these settings ask for; with ``verify`` off, one that checks only the
        envelope and the skill id (no signature, for local development)."""
        if not self.verify:
            return EnvelopeOnlyVerifier(skill_ids=self.skill_ids)
        return RequestVerifier(
            skill_ids=self.skill_ids, trust_roots=self.trust_roots, fetcher=self.cert_fetcher
        )


def _parse_bool(name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{name} must be one of 1/0, true/false, yes/no, on/off (got {value!r})")


def _parse_skill_ids(value: str | Iterable[str]) -> frozenset[str]:
    items = value.split(",") if isinstance(value, str) else value
    return frozenset(item.strip() for item in items if item.strip())


def _load_fetcher(spec: str) -> Callable[[str], bytes]:
    """``module:function`` -> that function, e.g. a fetcher that goes through an egress proxy."""
    module_name, _, attr = spec.partition(":")
    try:
        fetcher = getattr(importlib.import_module(module_name.strip()), attr.strip())
    except (ImportError, AttributeError, ValueError) as exc:
        raise ConfigError(
            f"ALEXA_CERT_FETCHER must name a function as module:function (got {spec!r}: {exc})"
        ) from exc
    if not callable(fetcher):
        raise ConfigError(f"ALEXA_CERT_FETCHER: {spec} is not callable")
    return fetcher


def _load_trust_store(path: str) -> tuple[Any, ...]:
    """Roots from a PEM bundle, e.g. only Amazon Root CA 1 to pin Alexa's chain."""
    from cryptography import x509

    try:
        with open(path, "rb") as fh:
            roots = x509.load_pem_x509_certificates(fh.read())
    except OSError as exc:
        raise ConfigError(f"ALEXA_TRUST_STORE: cannot read {path}: {exc.strerror}") from exc
    except ValueError as exc:
        raise ConfigError(
            f"ALEXA_TRUST_STORE: {path} is not a PEM certificate bundle, or one of its "
            "certificates does not parse"
        ) from exc
    if not roots:
        raise ConfigError(f"ALEXA_TRUST_STORE: {path} holds no certificate")
    return tuple(roots)
