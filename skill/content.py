"""The skill's words, loaded once from YAML into immutable records.

Validation happens here, at load, so a broken content file stops the skill from starting
instead of failing in front of a user. Placeholders ({name}, {website}, ...) are filled once.
Records are NamedTuples rather than dataclasses: a dataclass costs an exec() per generated
method at import, which every Lambda cold start pays. For the same reason the modules that
define records on the cold path (this one, triage, answers) do not use
`from __future__ import annotations`: typing.NamedTuple compiles each string annotation
into a ForwardRef, about 35 us per record (docs/performance.md).
"""

import json
import os
import re
import zlib
from collections.abc import Mapping
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
# Every prompt skill/conversation.py asks for (tests/test_content.py keeps the two in step).
PROMPT_KEYS = (
    "about", "answer_after_result", "answer_changed", "anything_else", "ask_more", "back_to_check",
    "check_again", "check_again_reprompt", "check_done", "check_done_other",
    "check_for_you", "check_for_you_reprompt", "check_fallback", "check_fallback_again",
    "check_for_other", "check_help_tail", "check_left", "declined", "declined_more_check",
    "declined_more_contact", "error", "fallback", "fallback_again", "frequency_outside_check",
    "goodbye", "help", "menu", "menu_reprompt", "more_reprompt", "no_email", "no_more_detail",
    "no_phone", "no_such_answer", "no_topic_yet", "not_listed", "not_sure_outside_check",
    "nothing_to_repeat", "offer_check", "offer_check_reprompt", "offer_contact",
    "offer_contact_reprompt", "offer_fallback_again", "paused", "reminder_say_when",
    "reminder_unclear", "reminder_unclear_time", "reminder_which_half",
    "result_changed", "result_kept", "result_next", "result_next_reprompt", "result_same",
    "resume_check", "resume_check_reprompt", "starting_over", "walking_only", "welcome",
    "welcome_back",
    "went_back", "whose_answers", "whose_answers_lead", "whose_answers_reprompt", "yes_or_no",
    "yes_without_question",
)  # fmt: skip
SAFETY_KEYS = (
    "crisis",
    "crisis_card",
    "disclaimer",
    "emergency",
    "emergency_card",
    "emergency_line",
    "emergency_line_again",
    "not_emergency",
    "red_flag",
    "struggling",
    "warning_signs",
)
# Questions the article does not answer, by kind; "diagnosis" is answered with the check.
OUT_OF_SCOPE_CATEGORIES = (
    "remedy",
    "remedy_cause",
    "medicine",
    "treatment",
    "logistics",
    "condition",
    "symptom",
    "cramp_now",
    "risk",
    "complication",
    "pregnancy",
    "postpartum",
    "diagnosis",
    "booking",
)

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
    taken_no: str  # the same for a no ("You said your cramps don't disrupt your sleep.")
    sources: tuple[str, ...]


class OutcomeText(NamedTuple):
    """The words for one of the check's outcomes (skill/triage.py's Outcome, keyed by its value)."""

    id: str
    title: str
    reasons: Mapping[str, str]
    advice: str
    explain: str  # the answer to "why?" after the result
    sources: tuple[str, ...]
    # The step the article names for one reason, where it is not the outcome's own: its
    # title and advice (round 26: "schedule an evaluation" is the article's for walking only).
    title_for_reason: Mapping[str, str] = MappingProxyType({})
    advice_for_reason: Mapping[str, str] = MappingProxyType({})

    def title_for(self, reason: str) -> str:
        return self.title_for_reason.get(reason, self.title)

    def advice_for(self, reason: str) -> str:
        return self.advice_for_reason.get(reason, self.advice)


class Contact(NamedTuple):
    title: str
    speech: str
    booking: str  # how to reach the clinic, after "I can't book appointments"
    card: str
    sources: tuple[str, ...]


class Reminder(NamedTuple):
    time: time
    offer: str
    offer_reprompt: str
    offer_that_day: str  # a day said with a time the skill could not use ("after lunch")
    offer_that_day_reprompt: str
    spoken: str  # what the device says when it fires: how to reach the clinic, nothing else
    created: str  # with {when}
    no_permission: str
    failed: str
    declined: str
    already_set: str
    cannot_cancel: str  # "cancel that reminder": only the Alexa app can
    none_set: str  # "cancel that reminder" with none set in this session


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
    outcomes: Mapping[str, OutcomeText]
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
    """Validate a parsed YAML document and build the Content it describes; every key the
    logic can ask for (skill/triage.py's questions, outcomes and reasons, the prompts, the
    topics skill/answers.py reads...) is checked here, so a missing one stops the import."""
    if not isinstance(raw, dict):
        raise ContentError("content: the file must hold a mapping")
    clinic = _clinic(_get(raw, "clinic", "content", dict))
    values = {
        "name": clinic.name,
        "website": clinic.website,
        "website_spoken": clinic.website_spoken,
        "phone": clinic.phone,
    }
    check = _get(raw, "check", "content", dict)
    safety_node = _get(raw, "safety", "content", dict)
    return Content(
        locale=locale,
        clinic=clinic,
        topics=MappingProxyType(_topics(_get(raw, "topics", "content", dict))),
        check_intro=_marked(_get(check, "intro", "check", dict), "check.intro"),
        questions=MappingProxyType(_questions(_get(check, "questions", "check", dict))),
        outcomes=MappingProxyType(_outcomes(_get(check, "outcomes", "check", dict))),
        not_a_diagnosis=_marked(_get(check, "not_a_diagnosis", "check", dict), "check"),
        contact=_contact(_get(raw, "contact", "content", dict), values),
        prompts=MappingProxyType(_prompts(_get(raw, "prompts", "content", dict), values)),
        safety=MappingProxyType(_safety(safety_node)),
        out_of_scope=MappingProxyType(
            _out_of_scope(_get(raw, "out_of_scope", "content", dict), values)
        ),
        emergency_card_title=_get(safety_node["emergency_card"], "title", "safety.emergency_card"),
        reminder=_reminder(_get(raw, "reminder", "content", dict), values),
        screen=_screen(_get(raw, "screen", "content", dict), values),
    )


def _clinic(node: dict) -> Clinic:
    phone = node.get("phone") or ""
    if not isinstance(phone, str):
        raise ContentError("clinic.phone: expected a string (empty for none)")
    return Clinic(
        name=_get(node, "name", "clinic"),
        website=_get(node, "website", "clinic"),
        website_spoken=_get(node, "website_spoken", "clinic"),
        phone=phone.strip(),
    )


def _topics(nodes: dict) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for intent, node in nodes.items():
        path = f"topics.{intent}"
        if not str(intent).endswith("Intent"):
            raise ContentError(f"{path}: topic keys are intent names ending in 'Intent'")
        speech = _get(node, "speech", path)
        if word_count(speech) > MAX_ANSWER_WORDS:
            raise ContentError(f"{path}.speech: longer than {MAX_ANSWER_WORDS} words")
        more = node.get("more")
        if more is not None and not isinstance(more, str):
            raise ContentError(f"{path}.more: expected text")
        next_step = _get(node, "next", path)
        if next_step not in NEXT_STEPS:
            raise ContentError(f"{path}.next: must be one of {NEXT_STEPS}")
        topics[intent] = Topic(
            intent=intent,
            title=_get(node, "title", path),
            speech=speech,
            more=" ".join(more.split()) if more else None,
            next=next_step,
            sources=_required_sources(node, path),
        )
    for intent in TOPIC_MEANINGS:
        if intent not in topics:
            raise ContentError(f"topics: missing '{intent}' (skill/answers.py reads it)")
    return topics


def _questions(nodes: dict) -> dict[str, Question]:
    if tuple(nodes) != triage.QUESTIONS:
        raise ContentError(f"check.questions: expected exactly {triage.QUESTIONS} in that order")
    questions = {}
    for question_id, node in nodes.items():
        path = f"check.questions.{question_id}"
        questions[question_id] = Question(
            id=question_id,
            text=_get(node, "text", path),
            hint=_get(node, "hint", path),
            help=_get(node, "help", path),
            taken=_get(node, "taken", path),
            taken_no=_get(node, "taken_no", path),
            sources=_required_sources(node, path),
        )
    return questions


def _outcomes(nodes: dict) -> dict[str, OutcomeText]:
    expected = tuple(outcome.value for outcome in triage.Outcome)
    if set(nodes) != set(expected):
        raise ContentError(f"check.outcomes: expected exactly {expected}")
    needed_reasons = {outcome.value: keys for outcome, keys in triage.reasons_by_outcome().items()}
    outcomes = {}
    for outcome_id, node in nodes.items():
        path = f"check.outcomes.{outcome_id}"
        reasons = _get(node, "reasons", path, dict)
        for key in sorted(needed_reasons[outcome_id] - set(reasons)):
            raise ContentError(f"{path}.reasons: missing '{key}' (skill/triage.py gives it)")
        for key in sorted(set(reasons) - needed_reasons[outcome_id]):
            raise ContentError(f"{path}.reasons: '{key}' is a reason the check never gives")
        outcomes[outcome_id] = OutcomeText(
            id=outcome_id,
            title=_get(node, "title", path),
            reasons=MappingProxyType({key: " ".join(why.split()) for key, why in reasons.items()}),
            advice=_get(node, "advice", path),
            explain=_get(node, "explain", path),
            sources=_required_sources(node, path),
            title_for_reason=_for_reasons(node, "title_for", path, reasons),
            advice_for_reason=_for_reasons(node, "advice_for", path, reasons),
        )
    return outcomes


def _for_reasons(node: dict, key: str, path: str, reasons: Mapping[str, str]) -> Mapping[str, str]:
    """An outcome's text for some of its reasons ({reason: text}); empty when not given."""
    given = node.get(key) or {}
    if not isinstance(given, dict):
        raise ContentError(f"{path}.{key}: expected dict")
    for reason in sorted(set(given) - set(reasons)):
        raise ContentError(f"{path}.{key}: '{reason}' is not one of its reasons")
    return MappingProxyType({k: _get(given, k, f"{path}.{key}") for k in given})


def _contact(node: dict, values: Mapping[str, str]) -> Contact:
    has_phone = bool(values["phone"])
    phone_values = {
        **values,
        "phone_sentence": (
            _fill(_get(node, "phone_sentence", "contact"), values, "contact") if has_phone else ""
        ),
        "phone_line": (
            _fill(_get(node, "phone_line", "contact"), values, "contact") if has_phone else ""
        ),
    }
    return Contact(
        title=_fill(_get(node, "title", "contact"), values, "contact.title"),
        speech=_fill(" ".join(_get(node, "speech", "contact").split()), phone_values, "contact"),
        booking=_fill(_get(node, "booking", "contact"), phone_values, "contact.booking"),
        card=_fill(_get(node, "card", "contact"), phone_values, "contact.card"),
        sources=_required_sources(node, "contact"),
    )


def _prompts(nodes: dict, values: Mapping[str, str]) -> dict[str, str]:
    prompts = {
        key: _fill(_marked(node, f"prompts.{key}"), values, f"prompts.{key}")
        for key, node in nodes.items()
    }
    for key in PROMPT_KEYS:
        if key not in prompts:
            raise ContentError(f"prompts: missing '{key}'")
    return prompts


def _safety(nodes: dict) -> dict[str, str]:
    safety = {key: _marked(node, f"safety.{key}") for key, node in nodes.items()}
    for key in SAFETY_KEYS:
        if key not in safety:
            raise ContentError(f"safety: missing '{key}'")
    return safety


def _out_of_scope(nodes: dict, values: Mapping[str, str]) -> dict[str, str]:
    out_of_scope = {
        key: _fill(_marked(node, f"out_of_scope.{key}"), values, f"out_of_scope.{key}")
        for key, node in nodes.items()
    }
    for key in (*OUT_OF_SCOPE_CATEGORIES, "clinic_can_answer", "unknown"):
        if key not in out_of_scope:
            raise ContentError(f"out_of_scope: missing '{key}'")
    return out_of_scope


def _reminder(node: dict, values: Mapping[str, str]) -> Reminder:
    try:
        at = time.fromisoformat(_get(node, "time", "reminder"))
    except ValueError as exc:
        raise ContentError("reminder.time: expected HH:MM") from exc
    reminder_values = {**values, "when": "{when}"}  # said when the reminder is set

    def text(key: str) -> str:
        item = _get(node, key, "reminder", dict)
        return _fill(_marked(item, f"reminder.{key}"), reminder_values, f"reminder.{key}")

    return Reminder(
        time=at,
        offer=text("offer"),
        offer_reprompt=text("offer_reprompt"),
        offer_that_day=text("offer_that_day"),
        offer_that_day_reprompt=text("offer_that_day_reprompt"),
        spoken=text("spoken" if values["phone"] else "spoken_no_phone"),
        created=text("created"),
        no_permission=text("no_permission"),
        failed=text("failed"),
        declined=text("declined"),
        already_set=text("already_set"),
        cannot_cancel=text("cannot_cancel"),
        none_set=text("none_set"),
    )


def _screen(node: dict, values: Mapping[str, str]) -> Screen:
    def label(key: str, fill: Mapping[str, str] = values) -> str:
        item = _get(node, key, "screen", dict)
        return _fill(_marked(item, f"screen.{key}"), fill, f"screen.{key}")

    phone_part = label("footer_phone") if values["phone"] else ""
    screen = Screen(
        home_title=label("home_title"),
        check_title=label("check_title"),
        progress=_marked(_get(node, "progress", "screen", dict), "screen.progress"),
        footer=label("footer", {**values, "phone_part": phone_part}),
    )
    if "{n}" not in screen.progress or "{m}" not in screen.progress:
        raise ContentError("screen.progress: needs {n} and {m}")
    return screen


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


def load(locale: str = DEFAULT_LOCALE) -> Content:
    """The content for a locale, parsed once per process (`load()` and `load("en-US")` alike:
    a cache keyed on how the locale was passed parsed the default locale twice per cold start)."""
    return _load(locale)


@cache
def _load(locale: str) -> Content:
    return parse(read_raw(locale), locale)
