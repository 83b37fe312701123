"""The skill's usage figures: one closed vocabulary of counters, counted per request.

Privacy by construction: a counter has at most one dimension, and its value must be in a
closed set written here, so no id, utterance, slot value or free text can ever be counted.
A value outside its set is dropped (and logged by counter name only), never emitted.

Plain Python, no SDK or metrics library: the handlers call `count()`; a transport opens
`collect()` around one request (skill/app.py's lambda_handler writes its two lines out) and
publishes what was counted: the Lambda entry point as one CloudWatch Embedded Metric Format
(EMF) line on stdout (`emf_text`), the web service through prometheus_client
(skill_web/metrics.py), the simulator by printing it.
What each figure means and which decision it informs: docs/operations.md.
"""

from __future__ import annotations

import json
import os
from contextvars import ContextVar, Token
from typing import Self

from skill.content import OUT_OF_SCOPE_CATEGORIES
from skill.logs import get_logger

log = get_logger("skill.metrics")

DEFAULT_NAMESPACE = "LegCrampHelper"
NAMESPACE_ENV = "METRICS_NAMESPACE"

# The closed sets of dimension values. Tests check them against the code that picks the
# values (topics in the content, triage outcomes, out-of-scope categories, pending states).
TOPICS = frozenset(
    {
        "CrampCausesIntent",
        "CrampsAndVeinDiseaseIntent",
        "CrampsWhenWalkingIntent",
        "HowLegVeinsWorkIntent",
        "LegCrampsAtNightIntent",
        "VaricoseVeinsIntent",
        "VeinDiagnosisIntent",
        "VenousInsufficiencyIntent",
        "WhatAreLegCrampsIntent",
        "WhenToSeeSpecialistIntent",
    }
)
OUTCOMES = frozenset({"see_specialist", "worth_checking", "probably_fine"})
# Out-of-scope categories (skill/content.py's, one list), plus a subject the skill can't name.
CATEGORIES = frozenset({*OUT_OF_SCOPE_CATEGORIES, "unknown"})
# Where the user was when not understood: a Pending value, or "menu" when nothing was pending.
STATES = frozenset(
    {
        "menu",
        "check",
        "more",
        "offer_check",
        "offer_contact",
        "offer_reminder",
        "anything_else",
        "contact_or_done",
        "resume_check",
        "reminder_half",
        "whose_answers",
    }
)
REMINDER_FAILURES = frozenset({"no_permission", "api_error"})

# Counter name -> (dimension name, its closed set), or None for a plain count.
COUNTERS: dict[str, tuple[str, frozenset[str]] | None] = {
    "Turn": None,  # every spoken reply to a user (the base of the not-understood share)
    "SessionStarted": None,
    "TopicAnswered": ("topic", TOPICS),
    "CheckStarted": None,
    "CheckCompleted": ("outcome", OUTCOMES),
    "ContactGiven": None,
    "ReminderCreated": None,
    "ReminderFailed": ("reason", REMINDER_FAILURES),
    "EmergencyRedirected": None,
    "OutOfScope": ("category", CATEGORIES),
    "NotUnderstood": ("state", STATES),
    "HandlerError": None,
}


class Key(str):
    """One counted series: the counter `name`, and its dimension `value` (None for a plain
    count). A str ("name" or "name=value") rather than a tuple: a str keeps its hash, so
    the per-request dicts keyed by it do not hash it again on every request."""

    name: str
    value: str | None

    def __new__(cls, name: str, value: str | None = None) -> Self:
        key = super().__new__(cls, name if value is None else f"{name}={value}")
        key.name, key.value = name, value
        return key


Counts = dict[Key, int]  # a plain dict: made on every request, so cheaper than a Counter

# Every series there can be, made once: counting is one dict lookup, and validation with it.
_KEYS: dict[tuple[str, str | None], Key] = {
    (name, value): Key(name, value)
    for name, dim in COUNTERS.items()
    for value in (sorted(dim[1]) if dim is not None else [None])
}

_PLAIN: dict[str, Key] = {name: key for (name, value), key in _KEYS.items() if value is None}

# The counts of the request being collected (collect(), or skill/app.py's lambda_handler).
ACTIVE: ContextVar[Counts | None] = ContextVar("skill_metrics", default=None)


def count(name: str, value: str | None = None) -> None:
    """Count one `name` (with its dimension `value`) in the request being collected, if any.

    Never raises: a metric must not break a reply. Anything outside the vocabulary is
    dropped, and only the counter's name (ours, not the user's) is logged.
    """
    counts = ACTIVE.get()
    if counts is not None:
        add(counts, name, value)


def key(name: str, value: str | None = None) -> Key:
    """The series of a counter of the vocabulary, for callers that count into `Counts`
    themselves (the per-reply counting); KeyError for anything outside it."""
    return _KEYS[(name, value)]


def add(counts: Counts, name: str, value: str | None = None) -> None:
    """count() into a given `Counts`, for a caller that already holds it."""
    if value is None:  # a plain count, the usual case: no tuple to build and hash
        found = _PLAIN.get(name)
    else:
        try:
            found = _KEYS.get((name, value))
        except TypeError:  # an unhashable value: not from any closed set
            found = None
    if found is None:
        log.warning("metric dropped: %s", name if name in COUNTERS else "<unknown counter>")
        return
    counts[found] = counts.get(found, 0) + 1


def valid(name: str, value: str | None) -> bool:
    """True for a counter of the vocabulary with a value from its closed set (or none)."""
    return isinstance(value, str | None) and (name, value) in _KEYS


class collect:  # noqa: N801 - used as a function: `with metrics.collect() as counts:`
    """Count what happens in this block (one request, or one simulated conversation).

    A context variable, so concurrent requests (gevent greenlets, threads) keep apart. A
    class rather than @contextmanager: it runs on every request, and a generator-based
    context manager costs several times more than the counting itself.
    """

    __slots__ = ("_counts", "_token")

    def __enter__(self) -> Counts:
        self._counts: Counts = {}
        self._token: Token[Counts | None] = ACTIVE.set(self._counts)
        return self._counts

    def __exit__(self, *exc: object) -> None:
        ACTIVE.reset(self._token)


def namespace(environ: dict[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return env.get(NAMESPACE_ENV, "").strip() or DEFAULT_NAMESPACE


# Each distinct set of counts, made into EMF once. A plain dict, not lru_cache: a lookup
# costs half as much, and the sets are few (a request counts a handful of closed-set keys).
_EMF_PARTS: dict[tuple[tuple[tuple[Key, int], ...], str], tuple[str, ...]] = {}
MAX_EMF_PARTS = 512


def emf_text(counts: Counts, namespace: str, timestamp_ms: int) -> str:
    """The counts as CloudWatch EMF: newline-terminated JSON lines (usually one; see
    `_emf_parts`), for one write."""
    key = (tuple(counts.items()), namespace)
    parts = _EMF_PARTS.get(key)
    if parts is None:
        parts = _emf_parts(*key)
        if len(_EMF_PARTS) < MAX_EMF_PARTS:
            _EMF_PARTS[key] = parts
    return str(timestamp_ms).join(parts)


def _emf_parts(items: tuple[tuple[Key, int], ...], namespace: str) -> tuple[str, ...]:
    """The EMF text cut at each timestamp, built once per set of counts: most requests count
    the same few things, so a request pays for a lookup and one join, not for json.dumps.

    A dimensioned counter is published twice by CloudWatch: per value and in total (the
    empty dimension set), so the dashboard can show "checks completed" without summing.
    One EMF document holds one value per dimension name; two values of one dimension in a
    single request (never seen, but possible) go to a second document rather than be lost.
    """
    docs: list[dict[str, object]] = []
    for key, n in sorted(items, key=lambda kn: (kn[0].name, kn[0].value or "")):
        dim = COUNTERS[key.name]
        for doc in docs:
            if key.name in doc:
                continue
            if dim is not None and doc.get(dim[0], key.value) != key.value:
                continue
            break
        else:
            doc = {}
            docs.append(doc)
        doc[key.name] = n
        if dim is not None:
            doc[dim[0]] = key.value
    text = ""
    for doc in docs:
        names = [n for n in doc if n in COUNTERS]
        plain = [n for n in names if COUNTERS[n] is None]
        directives = []
        if plain:  # plain counts share one directive; a dimensioned one has its own
            directives.append(_directive(namespace, [[]], plain))
        for name in names:
            dim = COUNTERS[name]
            if dim is not None:
                directives.append(_directive(namespace, [[dim[0]], []], [name]))
        envelope = {"_aws": {"Timestamp": 0, "CloudWatchMetrics": directives}}
        text += json.dumps({**envelope, **doc}, separators=(",", ":")) + "\n"
    *heads, tail = text.split('"Timestamp":0')  # a quote in a JSON string is escaped
    return (*(head + '"Timestamp":' for head in heads), tail)  # the stamp joins them


def _directive(namespace: str, dimensions: list[list[str]], names: list[str]) -> dict[str, object]:
    return {
        "Namespace": namespace,
        "Dimensions": dimensions,
        "Metrics": [{"Name": n, "Unit": "Count"} for n in names],
    }
