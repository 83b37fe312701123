"""The skill's words, loaded once from YAML into immutable records.

Validation happens here, at load, so a broken content file stops the skill from starting
instead of failing in front of a user. Placeholders ({name}, {website}, ...) are filled once.
Records are NamedTuples rather than dataclasses: a dataclass costs an exec() per generated
method at import, which every Lambda cold start pays.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from collections.abc import Iterator, Mapping
from datetime import time
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from skill import triage
from skill.answers import TOPIC_MEANINGS

CONTENT_DIR = Path(__file__).resolve().parent / "content"
DEFAULT_LOCALE = "en-US"
MAX_ANSWER_WORDS = 50
NEXT_STEPS = ("check", "contact")
QUESTION_IDS = triage.QUESTIONS
OUTCOME_IDS = tuple(o.value for o in triage.Outcome)
# Every prompt skill/conversation.py asks for (tests/test_content.py keeps the two in step).
PROMPT_KEYS = (
    "anything_else", "ask_more", "back_to_check", "check_fallback", "check_fallback_again",
    "check_help_tail", "check_left", "declined", "error", "fallback", "fallback_again",
    "frequency_outside_check", "goodbye", "help", "menu", "menu_reprompt", "more_reprompt",
    "no_more_detail", "no_phone", "no_topic_yet", "not_sure_outside_check",
    "nothing_to_repeat", "offer_check", "offer_check_reprompt", "offer_contact",
    "offer_contact_reprompt", "offer_fallback_again", "resume_check", "resume_check_reprompt",
    "welcome", "welcome_back", "yes_or_no", "yes_without_question",
)
SAFETY_KEYS = (
    "disclaimer",
    "emergency",
    "emergency_card",
    "emergency_line",
    "emergency_line_again",
    "red_flag",
)
# Questions the article does not answer, by kind; "diagnosis" is answered with the check.
OUT_OF_SCOPE_CATEGORIES = ("remedy", "treatment", "logistics", "condition", "diagnosis")

# Parsed YAML is cached as JSON beside the source, keyed by the YAML's checksum and length
# (a guard against staleness, not against tampering), the way Python caches bytecode:
# importing PyYAML and parsing cost more than the rest of a cold start.
CACHE_DIR_NAME = ".compiled"


class ContentError(ValueError):
    """The content file is malformed; the message names the offending path."""


class Clinic(NamedTuple):
    name: str
    website: str
    website_spoken: str
    phone: str


class Topic(NamedTuple):
    intent: str
    title: str
    speech: str
    more: str | None
    next: str
    sources: tuple[str, ...]


class Question(NamedTuple):
    id: str
    text: str
    hint: str
    help: str
    taken: str  # "You said ...": before a question answered earlier in the session
    sources: tuple[str, ...]


class Outcome(NamedTuple):
    id: str
    title: str
    reasons: Mapping[str, str]
    advice: str
    explain: str  # the answer to "why?" after the result
    sources: tuple[str, ...]


class Contact(NamedTuple):
    title: str
    speech: str
    card: str
    sources: tuple[str, ...]


class Reminder(NamedTuple):
    time: time
    offer: str
    offer_reprompt: str
    spoken: str  # what the device says when it fires: how to reach the clinic, nothing else
    created: str
    no_permission: str
    failed: str
    declined: str
    already_set: str


class Screen(NamedTuple):
    home_title: str
    check_title: str
    progress: str  # with {n} and {m}
    footer: str  # the clinic's name, web address and (if set) phone


class Content(NamedTuple):
    locale: str
    clinic: Clinic
    topics: Mapping[str, Topic]
    check_intro: str
    questions: Mapping[str, Question]
    outcomes: Mapping[str, Outcome]
    not_a_diagnosis: str
    contact: Contact
    prompts: Mapping[str, str]
    safety: Mapping[str, str]
    out_of_scope: Mapping[str, str]  # category -> "the article doesn't cover ..."
    emergency_card_title: str
    reminder: Reminder
    screen: Screen

    def prompt(self, key: str) -> str:
        return self.prompts[key]


class Provenance(NamedTuple):
    """One piece of spoken or shown text and what it rests on (for the provenance tests)."""

    path: str
    text: str
    sources: tuple[str, ...]
    not_from_article: str | None


def _get(node: Any, key: str, path: str, kind: type = str) -> Any:
    if not isinstance(node, dict) or key not in node:
        raise ContentError(f"{path}: missing '{key}'")
    value = node[key]
    if not isinstance(value, kind):
        raise ContentError(f"{path}.{key}: expected {kind.__name__}")
    if kind is str:
        value = " ".join(value.split()) if "\n" not in value.strip() else value
    return value


def _sources(node: dict, path: str) -> tuple[str, ...]:
    raw = node.get("source")
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(q, str) and q.strip() for q in raw):
        raise ContentError(f"{path}.source: expected a list of quotes")
    return tuple(" ".join(q.split()) for q in raw)


def _required_sources(node: dict, path: str) -> tuple[str, ...]:
    sources = _sources(node, path)
    if not sources:
        raise ContentError(f"{path}: an answer needs at least one source quote")
    return sources


def word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z0-9']+", text))


def _marked(node: Any, path: str) -> str:
    """A text item the article does not give: it must say so."""
    text = _get(node, "text", path)
    if not isinstance(node.get("not_from_article"), str):
        raise ContentError(f"{path}: text not from the article needs 'not_from_article: reason'")
    return text


def _fill(template: str, values: Mapping[str, str], path: str) -> str:
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError) as exc:
        raise ContentError(f"{path}: bad placeholder {exc}") from exc


def parse(raw: Any, locale: str = DEFAULT_LOCALE) -> Content:
    """Validate a parsed YAML document and build the Content it describes."""
    if not isinstance(raw, dict):
        raise ContentError("content: the file must hold a mapping")
    c = _get(raw, "clinic", "content", dict)
    phone = c.get("phone") or ""
    if not isinstance(phone, str):
        raise ContentError("clinic.phone: expected a string (empty for none)")
    clinic = Clinic(
        name=_get(c, "name", "clinic"),
        website=_get(c, "website", "clinic"),
        website_spoken=_get(c, "website_spoken", "clinic"),
        phone=phone.strip(),
    )
    values = {
        "name": clinic.name,
        "website": clinic.website,
        "website_spoken": clinic.website_spoken,
        "phone": clinic.phone,
    }

    topics: dict[str, Topic] = {}
    for intent, node in _get(raw, "topics", "content", dict).items():
        path = f"topics.{intent}"
        if not str(intent).endswith("Intent"):
            raise ContentError(f"{path}: topic keys are intent names ending in 'Intent'")
        speech = _get(node, "speech", path)
        if word_count(speech) > MAX_ANSWER_WORDS:
            raise ContentError(f"{path}.speech: longer than {MAX_ANSWER_WORDS} words")
        more = node.get("more")
        if more is not None and not isinstance(more, str):
            raise ContentError(f"{path}.more: expected text")
        nxt = _get(node, "next", path)
        if nxt not in NEXT_STEPS:
            raise ContentError(f"{path}.next: must be one of {NEXT_STEPS}")
        topics[intent] = Topic(
            intent=intent,
            title=_get(node, "title", path),
            speech=speech,
            more=" ".join(more.split()) if more else None,
            next=nxt,
            sources=_required_sources(node, path),
        )

    check = _get(raw, "check", "content", dict)
    qnodes = _get(check, "questions", "check", dict)
    if tuple(qnodes) != QUESTION_IDS:
        raise ContentError(f"check.questions: expected exactly {QUESTION_IDS} in that order")
    questions = {
        qid: Question(
            id=qid,
            text=_get(q, "text", f"check.questions.{qid}"),
            hint=_get(q, "hint", f"check.questions.{qid}"),
            help=_get(q, "help", f"check.questions.{qid}"),
            taken=_get(q, "taken", f"check.questions.{qid}"),
            sources=_required_sources(q, f"check.questions.{qid}"),
        )
        for qid, q in qnodes.items()
    }
    onodes = _get(check, "outcomes", "check", dict)
    if set(onodes) != set(OUTCOME_IDS):
        raise ContentError(f"check.outcomes: expected exactly {OUTCOME_IDS}")
    outcomes = {}
    needed_reasons = {o.value: r for o, r in triage.reasons_by_outcome().items()}
    for oid, o in onodes.items():
        path = f"check.outcomes.{oid}"
        reasons = _get(o, "reasons", path, dict)
        for key in sorted(needed_reasons[oid] - set(reasons)):
            raise ContentError(f"{path}.reasons: missing '{key}' (skill/triage.py gives it)")
        for key in sorted(set(reasons) - needed_reasons[oid]):
            raise ContentError(f"{path}.reasons: '{key}' is a reason the check never gives")
        outcomes[oid] = Outcome(
            id=oid,
            title=_get(o, "title", path),
            reasons=MappingProxyType({k: " ".join(v.split()) for k, v in reasons.items()}),
            advice=_get(o, "advice", path),
            explain=_get(o, "explain", path),
            sources=_required_sources(o, path),
        )

    k = _get(raw, "contact", "content", dict)
    phone_values = dict(values)
    phone_values["phone_sentence"] = (
        _fill(_get(k, "phone_sentence", "contact"), values, "contact") if clinic.phone else ""
    )
    phone_values["phone_line"] = (
        _fill(_get(k, "phone_line", "contact"), values, "contact") if clinic.phone else ""
    )
    contact = Contact(
        title=_fill(_get(k, "title", "contact"), values, "contact.title"),
        speech=_fill(" ".join(_get(k, "speech", "contact").split()), phone_values, "contact"),
        card=_fill(_get(k, "card", "contact"), phone_values, "contact.card"),
        sources=_required_sources(k, "contact"),
    )

    prompts = {
        key: _fill(_marked(node, f"prompts.{key}"), values, f"prompts.{key}")
        for key, node in _get(raw, "prompts", "content", dict).items()
    }
    for key in PROMPT_KEYS:
        if key not in prompts:
            raise ContentError(f"prompts: missing '{key}'")
    for intent in TOPIC_MEANINGS:
        if intent not in topics:
            raise ContentError(f"topics: missing '{intent}' (skill/answers.py reads it)")
    snodes = _get(raw, "safety", "content", dict)
    safety = {key: _marked(node, f"safety.{key}") for key, node in snodes.items()}
    for needed in SAFETY_KEYS:
        if needed not in safety:
            raise ContentError(f"safety: missing '{needed}'")
    out_of_scope = {
        key: _fill(_marked(node, f"out_of_scope.{key}"), values, f"out_of_scope.{key}")
        for key, node in _get(raw, "out_of_scope", "content", dict).items()
    }
    for needed in (*OUT_OF_SCOPE_CATEGORIES, "clinic_can_answer", "unknown"):
        if needed not in out_of_scope:
            raise ContentError(f"out_of_scope: missing '{needed}'")

    r = _get(raw, "reminder", "content", dict)
    try:
        at = time.fromisoformat(_get(r, "time", "reminder"))
    except ValueError as exc:
        raise ContentError("reminder.time: expected HH:MM") from exc
    reminder_values = {**values, "time_spoken": _get(r, "time_spoken", "reminder")}
    def reminder_text(key: str) -> str:
        node = _get(r, key, "reminder", dict)
        return _fill(_marked(node, f"reminder.{key}"), reminder_values, f"reminder.{key}")

    reminder = Reminder(
        time=at,
        offer=reminder_text("offer"),
        offer_reprompt=reminder_text("offer_reprompt"),
        spoken=reminder_text("spoken" if clinic.phone else "spoken_no_phone"),
        created=reminder_text("created"),
        no_permission=reminder_text("no_permission"),
        failed=reminder_text("failed"),
        declined=reminder_text("declined"),
        already_set=reminder_text("already_set"),
    )
    sc = _get(raw, "screen", "content", dict)

    def label(key: str, fill: Mapping[str, str] = values) -> str:
        return _fill(_marked(_get(sc, key, "screen", dict), f"screen.{key}"), fill, f"screen.{key}")

    phone_part = label("footer_phone") if clinic.phone else ""
    screen = Screen(
        home_title=label("home_title"),
        check_title=label("check_title"),
        progress=_marked(_get(sc, "progress", "screen", dict), "screen.progress"),
        footer=label("footer", {**values, "phone_part": phone_part}),
    )
    if "{n}" not in screen.progress or "{m}" not in screen.progress:
        raise ContentError("screen.progress: needs {n} and {m}")

    return Content(
        locale=locale,
        clinic=clinic,
        topics=MappingProxyType(topics),
        check_intro=_marked(_get(check, "intro", "check", dict), "check.intro"),
        questions=MappingProxyType(questions),
        outcomes=MappingProxyType(outcomes),
        not_a_diagnosis=_marked(_get(check, "not_a_diagnosis", "check", dict), "check"),
        contact=contact,
        prompts=MappingProxyType(prompts),
        safety=MappingProxyType(safety),
        out_of_scope=MappingProxyType(out_of_scope),
        emergency_card_title=_get(snodes["emergency_card"], "title", "safety.emergency_card"),
        reminder=reminder,
        screen=screen,
    )


def _parse_yaml(text: str, path: Path) -> Any:
    import yaml  # only on a cache miss

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise ContentError(f"{path}: not valid YAML: {exc}") from exc


def cache_path(locale: str, directory: Path = CONTENT_DIR) -> Path:
    return directory / CACHE_DIR_NAME / f"{locale}.json"


def read_raw(locale: str = DEFAULT_LOCALE, directory: Path = CONTENT_DIR) -> Any:
    """The parsed YAML document, from the JSON cache when it matches the file's checksum."""
    path = directory / f"{locale}.yaml"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read {path}: {exc.strerror}") from exc
    digest = f"crc32:{zlib.crc32(data):08x}:{len(data)}"
    cached = cache_path(locale, directory)
    try:
        entry = json.loads(cached.read_bytes())
        if entry.get("checksum") == digest:
            return entry["document"]
    except (OSError, ValueError, AttributeError, KeyError):
        pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(f"{path}: not UTF-8") from exc
    document = _parse_yaml(text, path)
    write_cache(cached, digest, document)
    return document


def write_cache(cached: Path, digest: str, document: Any) -> None:
    """Best effort: a read-only package (Lambda) simply parses the YAML each cold start."""
    try:
        payload = json.dumps({"checksum": digest, "document": document}, ensure_ascii=False)
    except (TypeError, ValueError):
        return  # YAML gave something JSON cannot hold; parse it every time instead
    try:
        cached.parent.mkdir(exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(payload, encoding="utf-8")
        tmp.replace(cached)
    except OSError:
        pass


@cache
def load(locale: str = DEFAULT_LOCALE) -> Content:
    """The content for a locale, parsed once per process."""
    return parse(read_raw(locale), locale)


def provenance(raw: Any) -> Iterator[Provenance]:
    """Every text item in a raw content document, with its sources or its 'not from' mark."""

    def walk(node: Any, path: str) -> Iterator[Provenance]:
        if not isinstance(node, dict):
            return
        texts = [k for k in ("speech", "text", "more", "advice", "explain", "reasons") if k in node]
        if texts:
            sources = tuple(" ".join(q.split()) for q in node.get("source") or ())
            mark = node.get("not_from_article")
            for key in texts:
                value = node[key]
                items = value.values() if isinstance(value, dict) else [value]
                for text in items:
                    yield Provenance(f"{path}.{key}", " ".join(str(text).split()), sources, mark)
        for key, child in node.items():
            if isinstance(child, dict) and key != "reasons":
                yield from walk(child, f"{path}.{key}" if path else str(key))

    yield from walk(raw, "")


def normalise(text: str) -> str:
    """Whitespace-folded text, for comparing quotes with the article."""
    return " ".join(text.split())


def unsupported_quotes(raw: Any, article: str) -> list[str]:
    """Problems with provenance: quotes not in the article, text with neither source nor mark."""
    body = normalise(article)
    problems: dict[str, None] = {}  # ordered and de-duplicated: one node has several texts
    for item in provenance(raw):
        node = item.path.rsplit(".", 1)[0]
        for quote in item.sources:
            if normalise(quote) not in body:
                problems[f"{node}: quote not in the article: {quote!r}"] = None
        if not item.sources and not item.not_from_article:
            problems[f"{item.path}: no source and not marked as not from the article"] = None
    return list(problems)
