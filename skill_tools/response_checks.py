"""What Alexa rejects or certification fails, checked on a response envelope before Amazon does.

`check_response` takes what `lambda_handler` returns (parsed JSON) and lists every problem;
the conversation tests and the fuzzer apply it to every response the skill produces.

The rules, precisely:
- the envelope is a JSON object with `version` and a `response` object; serialised the way
  the Lambda runtime does (`json.dumps` defaults, UTF-8) it is at most 24 KB (24 * 1024 bytes);
- every output speech (in `outputSpeech` and in `reprompt`) is PlainText or SSML, at most
  8,000 characters of `text`/`ssml`, and never empty (some text, or an `<audio>` clip);
  SSML parses as XML without a DOCTYPE, its root is `<speak>`, and it uses only the tags
  Alexa's SSML reference lists;
- a card's title plus its content (or text) is at most 8,000 characters;
- the session stays open exactly when `shouldEndSession` is false, and a reprompt is present
  exactly then; `shouldEndSession`, when present, is a boolean;
- a request Alexa allows no answer to (SessionEndedRequest, System.ExceptionEncountered)
  gets no speech, reprompt or card; a CanFulfillIntentRequest gets only `canFulfillIntent`;
  a response that hands the turn to Alexa (a Connections.SendRequest directive) has no
  speech of its own and leaves `shouldEndSession` unset; every other request gets speech.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

# The requests Alexa accepts no speech in answer to: the runtime's own list, not restated.
from skill.handlers.responses import SILENT_REQUEST_TYPES

MAX_SPEECH_CHARS = 8000
MAX_CARD_CHARS = 8000
MAX_RESPONSE_BYTES = 24 * 1024

# The tags of Alexa's SSML reference. (<mark> and <amazon:auto-breaths> are Polly's, not Alexa's.)
ALLOWED_TAGS = frozenset(
    {
        "speak",
        "amazon:domain",
        "amazon:effect",
        "amazon:emotion",
        "audio",
        "break",
        "emphasis",
        "lang",
        "p",
        "phoneme",
        "prosody",
        "s",
        "say-as",
        "sub",
        "voice",
        "w",
    }
)


class SsmlError(ValueError):
    """The SSML is not well-formed XML (or declares a DOCTYPE)."""


@dataclass
class Ssml:
    """A parsed SSML document: its elements in document order, and the text a listener hears."""

    elements: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    text: str = ""

    @property
    def root(self) -> str | None:
        return self.elements[0][0] if self.elements else None


def parse_ssml(ssml: str) -> Ssml:
    """Parse SSML with expat, without namespace processing: Alexa does not require xmlns for
    `amazon:` tags, so `amazon:effect` is simply a tag name here."""
    doc = Ssml()
    chunks: list[str] = []
    parser = expat.ParserCreate()

    def start(tag: str, attrs: dict[str, str]) -> None:
        doc.elements.append((tag, attrs))

    def doctype(*_: Any) -> None:
        raise SsmlError("SSML must not declare a DOCTYPE")

    parser.StartElementHandler = start
    parser.CharacterDataHandler = chunks.append
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(ssml, True)
    except expat.ExpatError as exc:
        raise SsmlError(f"SSML is not well-formed XML: {exc}") from exc
    except UnicodeError as exc:  # e.g. a lone surrogate: not encodable, so not XML either
        raise SsmlError(f"SSML is not valid Unicode text: {exc.reason}") from exc
    doc.text = "".join(chunks)
    return doc


def _speech_problems(speech: Any, where: str) -> list[str]:
    if not isinstance(speech, dict):
        return [f"{where}: outputSpeech must be an object"]
    kind = speech.get("type")
    if kind == "PlainText":
        text = speech.get("text")
        if not isinstance(text, str):
            return [f"{where}: PlainText speech without text"]
        problems = [] if text.strip() else [f"{where}: speech is empty"]
    elif kind == "SSML":
        text = speech.get("ssml")
        if not isinstance(text, str):
            return [f"{where}: SSML speech without ssml"]
        try:
            doc = parse_ssml(text)
        except SsmlError as exc:
            return [f"{where}: {exc}"]
        problems = []
        if doc.root != "speak":
            problems.append(f"{where}: SSML root is <{doc.root}>, not <speak>")
        bad = sorted({tag for tag, _ in doc.elements} - ALLOWED_TAGS)
        if bad:
            problems.append(f"{where}: SSML tags Alexa does not support: {', '.join(bad)}")
        if not doc.text.strip() and not any(tag == "audio" for tag, _ in doc.elements):
            problems.append(f"{where}: speech is empty")
    else:
        return [f"{where}: outputSpeech type must be PlainText or SSML, not {kind!r}"]
    if len(text) > MAX_SPEECH_CHARS:
        problems.append(f"{where}: {len(text)} characters of speech, over {MAX_SPEECH_CHARS}")
    return problems


def _card_problems(card: Any) -> list[str]:
    if not isinstance(card, dict):
        return ["card: must be an object"]
    title = card.get("title") or ""
    body = card.get("content") if card.get("type") == "Simple" else card.get("text")
    body = body or ""
    if not isinstance(title, str) or not isinstance(body, str):
        return ["card: title and content must be text"]
    size = len(title) + len(body)
    if size > MAX_CARD_CHARS:
        return [f"card: title plus content is {size} characters, over {MAX_CARD_CHARS}"]
    return []


def check_response(envelope: Any, request_type: str | None = None) -> list[str]:
    """Every problem with a response envelope (empty list: fine); never raises.

    `request_type` is the type of the request answered; it matters for requests that must
    not be answered with speech (SILENT_REQUEST_TYPES).
    """
    if not isinstance(envelope, dict):
        return ["envelope: must be a JSON object"]
    try:
        size = len(json.dumps(envelope).encode("utf-8"))
    except (TypeError, ValueError) as exc:
        return [f"envelope: not JSON-serialisable: {exc}"]
    problems = []
    if size > MAX_RESPONSE_BYTES:
        problems.append(f"envelope: {size} bytes, over {MAX_RESPONSE_BYTES}")
    if not isinstance(envelope.get("version"), str):
        problems.append("envelope: missing version")
    attrs = envelope.get("sessionAttributes")
    if attrs is not None and not isinstance(attrs, dict):
        problems.append("envelope: sessionAttributes must be an object")
    response = envelope.get("response")
    if not isinstance(response, dict):
        return [*problems, "envelope: missing response object"]

    speech = response.get("outputSpeech")
    reprompt = response.get("reprompt")
    card = response.get("card")
    end = response.get("shouldEndSession")

    if request_type in SILENT_REQUEST_TYPES:
        for key in ("outputSpeech", "reprompt", "card"):
            if response.get(key) is not None:
                problems.append(f"response: a {request_type} must not be answered with {key}")
        return problems
    if request_type == "CanFulfillIntentRequest":
        if not isinstance(response.get("canFulfillIntent"), dict):
            problems.append("response: a CanFulfillIntentRequest needs canFulfillIntent")
        for key in ("outputSpeech", "reprompt", "card", "directives"):
            if response.get(key) is not None:
                problems.append(f"response: a CanFulfillIntentRequest must not carry {key}")
        return problems
    directives = response.get("directives") or []
    if any(isinstance(d, dict) and d.get("type") == "Connections.SendRequest" for d in directives):
        for key in ("outputSpeech", "reprompt", "shouldEndSession"):
            if response.get(key) is not None:
                problems.append(f"response: Connections.SendRequest must not come with {key}")
        return problems

    if speech is None:
        problems.append("response: no outputSpeech (speech is never empty)")
    else:
        problems += _speech_problems(speech, "outputSpeech")
    if reprompt is not None:
        inner = reprompt.get("outputSpeech") if isinstance(reprompt, dict) else None
        if inner is None:
            problems.append("reprompt: no outputSpeech")
        else:
            problems += _speech_problems(inner, "reprompt")
    if card is not None:
        problems += _card_problems(card)

    if end is not None and not isinstance(end, bool):
        problems.append(f"response: shouldEndSession must be true or false, not {end!r}")
    elif end is False and reprompt is None:
        problems.append("response: the session stays open but there is no reprompt")
    elif end is not False and reprompt is not None:
        problems.append("response: a reprompt but the session does not stay open")
    return problems
