"""Interaction model lint: the certification failures we can see before Amazon does.

Each rule is a small function over the model; `lint_model` runs them all and never raises,
however malformed the model. `python -m skill_tools check` runs the same lint on the real model,
its manifest's example phrases and the skill's handlers, so a human sees what the tests see.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skill_tools.cli_args import OneLineParser, prog
from skill_tools.model import ModelError, language_model, manifest_path, model_path, read_json

DEFAULT_MODEL = model_path()
DEFAULT_MANIFEST = manifest_path(DEFAULT_MODEL)
PROG = prog("check")
LOCALE = "en-US"

# Amazon's invocation name requirements (custom skills).
LAUNCH_WORDS = frozenset(
    {"ask", "begin", "enable", "launch", "load", "open", "play", "resume", "run", "start"}
    | {"tell", "use"}
)
LAUNCH_PHRASES = ("talk to",)
WAKE_WORDS = frozenset(["alexa", "amazon", "echo", "computer", "skill", "app"])
TWO_WORD_FORBIDDEN = frozenset(["the", "a", "an", "for", "to", "of"])

# Built-in intents every skill of ours must handle: certification's help/stop/cancel/fallback
# tests, and the house rule that navigation works in every state.
REQUIRED_BUILTINS = (
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.CancelIntent",
    "AMAZON.FallbackIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.YesIntent",
    "AMAZON.NoIntent",
    "AMAZON.RepeatIntent",
    "AMAZON.StartOverIntent",
)

_SLOT_REF = re.compile(r"\{([^{}]*)\}")
_SAMPLE_TEXT = re.compile(r"[^\W\d_]+|[ '.]+")  # letters, spaces, apostrophes, periods


@dataclass(frozen=True)
class Problem:
    """One lint finding: which rule, where in the model, and what is wrong."""

    rule: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message} [{self.rule}]"


# -- reading the model defensively ------------------------------------------------------


def _list_of_dicts(node: Any) -> list[dict[str, Any]]:
    return [x for x in node if isinstance(x, dict)] if isinstance(node, list) else []


def _intents(model: Any) -> list[dict[str, Any]]:
    return _list_of_dicts(language_model(model).get("intents"))


def _types(model: Any) -> list[dict[str, Any]]:
    return _list_of_dicts(language_model(model).get("types"))


def _samples(intent: dict[str, Any]) -> list[Any]:
    samples = intent.get("samples", [])
    return samples if isinstance(samples, list) else []


def _name(node: dict[str, Any]) -> str:
    name = node.get("name")
    return name if isinstance(name, str) else "?"


def _folded(phrase: str) -> str:
    """Lower case, whitespace runs as one space: case and spacing never make phrases differ."""
    return " ".join(phrase.lower().split())


# -- rules -------------------------------------------------------------------------------


def rule_model_shape(model: Any) -> Iterator[Problem]:
    """The skeleton the other rules read; without it they would silently see nothing."""
    lm = language_model(model)
    if not lm:
        yield Problem("model-shape", "model", "no interactionModel.languageModel object")
        return
    if not isinstance(lm.get("intents"), list) or not _intents(model):
        yield Problem("model-shape", "languageModel.intents", "expected a list of intents")
    for i, intent in enumerate(_intents(model)):
        if _name(intent) == "?":
            yield Problem("model-shape", f"intents[{i}]", "intent without a name")
        if not isinstance(intent.get("samples", []), list):
            yield Problem("model-shape", f"intent {_name(intent)}", "samples must be a list")
        slots = intent.get("slots", [])
        if not isinstance(slots, list) or len(_list_of_dicts(slots)) != len(slots):
            yield Problem("model-shape", f"intent {_name(intent)}", "slots must be a list")
    if not isinstance(lm.get("types", []), list):
        yield Problem("model-shape", "languageModel.types", "types must be a list")


def rule_invocation_name(model: Any) -> Iterator[Problem]:
    """Amazon's invocation name requirements for a (non-brand) custom skill."""
    name = language_model(model).get("invocationName")
    where = "invocationName"
    if not isinstance(name, str) or not name.strip():
        yield Problem("invocation-name", where, "missing invocation name")
        return
    words = name.split()
    if len(words) < 2:
        yield Problem("invocation-name", where, f"'{name}' must be two or more words")
    if not re.fullmatch(r"[a-z .']+", name):
        yield Problem(
            "invocation-name",
            where,
            f"'{name}' may hold only lowercase letters, spaces, periods and apostrophes",
        )
    lowered = [w.strip(".'").lower() for w in words]
    for w in sorted(set(lowered) & LAUNCH_WORDS):
        yield Problem("invocation-name", where, f"'{name}' contains the launch word '{w}'")
    for phrase in LAUNCH_PHRASES:
        if f" {phrase} " in f" {' '.join(lowered)} ":
            yield Problem(
                "invocation-name", where, f"'{name}' contains the launch phrase '{phrase}'"
            )
    for w in sorted(set(lowered) & WAKE_WORDS):
        yield Problem("invocation-name", where, f"'{name}' contains the wake word '{w}'")
    if len(words) == 2:
        for w in sorted(set(lowered) & TWO_WORD_FORBIDDEN):
            yield Problem(
                "invocation-name",
                where,
                f"'{name}' is two words, so it may not contain '{w}'",
            )


def rule_duplicate_samples(model: Any) -> Iterator[Problem]:
    """A sample under two intents makes Alexa's choice between them arbitrary."""
    owner: dict[str, str] = {}
    for intent in _intents(model):
        for sample in _samples(intent):
            if not isinstance(sample, str):
                continue
            key = _folded(sample)
            first = owner.setdefault(key, _name(intent))
            if first != _name(intent):
                yield Problem(
                    "duplicate-sample",
                    f"intent {_name(intent)}",
                    f"sample '{sample}' also belongs to {first}",
                )


def rule_sample_text(model: Any) -> Iterator[Problem]:
    """Samples hold only letters, spaces, apostrophes, periods and the intent's own slots."""
    for intent in _intents(model):
        slots = {_name(s) for s in _list_of_dicts(intent.get("slots", []))}
        where = f"intent {_name(intent)}"
        for sample in _samples(intent):
            if not isinstance(sample, str) or not sample.strip():
                yield Problem("sample-text", where, f"empty or non-text sample {sample!r}")
                continue
            for ref in _SLOT_REF.findall(sample):
                if ref not in slots:
                    yield Problem(
                        "sample-text", where, f"sample '{sample}' uses undefined slot {{{ref}}}"
                    )
            rest = _SAMPLE_TEXT.sub("", _SLOT_REF.sub(" ", sample))
            if rest:
                bad = "".join(sorted(set(rest)))
                yield Problem(
                    "sample-text", where, f"sample '{sample}' has characters not allowed: {bad!r}"
                )


def rule_slot_types(model: Any) -> Iterator[Problem]:
    """Every slot's type is one the model defines or an Amazon built-in."""
    defined = {_name(t) for t in _types(model)}
    for intent in _intents(model):
        for slot in _list_of_dicts(intent.get("slots", [])):
            kind = slot.get("type")
            where = f"intent {_name(intent)} slot {_name(slot)}"
            if not isinstance(kind, str) or not kind:
                yield Problem("slot-type", where, "slot has no type")
            elif not kind.startswith("AMAZON.") and kind not in defined:
                yield Problem("slot-type", where, f"slot type '{kind}' is not defined")


def rule_slot_values(model: Any) -> Iterator[Problem]:
    """Each phrase of a custom type resolves to one value: no repeats, no value-as-synonym."""
    for kind in _types(model):
        seen: dict[str, str] = {}  # phrase -> the value it resolves to
        ids: set[str] = set()
        where = f"type {_name(kind)}"
        for entry in _list_of_dicts(kind.get("values")):
            name = entry.get("name") if isinstance(entry.get("name"), dict) else {}
            value = name.get("value")
            if not isinstance(value, str) or not value.strip():
                yield Problem("slot-values", where, "a value without text")
                continue
            vid = entry.get("id")
            if isinstance(vid, str) and vid:
                if vid in ids:
                    yield Problem("slot-values", where, f"id '{vid}' is used twice")
                ids.add(vid)
            synonyms = name.get("synonyms", [])
            phrases = [(value, "value")] + [
                (s, "synonym") for s in (synonyms if isinstance(synonyms, list) else [])
            ]
            for phrase, role in phrases:
                if not isinstance(phrase, str) or not phrase.strip():
                    yield Problem("slot-values", where, f"empty {role} of '{value}'")
                    continue
                key = _folded(phrase)
                if key in seen:
                    other = seen[key]
                    detail = "itself" if other == value else f"'{other}'"
                    yield Problem(
                        "slot-values",
                        where,
                        f"'{phrase}' ({role} of '{value}') is already listed for {detail}",
                    )
                else:
                    seen[key] = value


def rule_builtin_intents(model: Any) -> Iterator[Problem]:
    """The built-in intents certification exercises are all in the model."""
    present = {_name(i) for i in _intents(model)}
    for name in REQUIRED_BUILTINS:
        if name not in present:
            yield Problem("builtin-intents", "languageModel.intents", f"{name} is missing")


def rule_duplicate_intents(model: Any) -> Iterator[Problem]:
    seen: set[str] = set()
    for intent in _intents(model):
        if _name(intent) in seen:
            yield Problem("duplicate-intent", f"intent {_name(intent)}", "declared twice")
        seen.add(_name(intent))


# Rule id -> rule. Each rule yields problems under its own id only.
RULES: dict[str, Callable[[Any], Iterator[Problem]]] = {
    "model-shape": rule_model_shape,
    "invocation-name": rule_invocation_name,
    "duplicate-intent": rule_duplicate_intents,
    "duplicate-sample": rule_duplicate_samples,
    "sample-text": rule_sample_text,
    "slot-type": rule_slot_types,
    "slot-values": rule_slot_values,
    "builtin-intents": rule_builtin_intents,
}


def check_handled_intents(model: Any, handled: Iterable[str]) -> list[Problem]:
    """The model lists exactly the intents some handler takes by name, in both directions."""
    in_model = {_name(i) for i in _intents(model)}
    handled = set(handled)
    problems = [
        Problem("handled-intents", f"intent {n}", "in the model but no handler takes it")
        for n in sorted(in_model - handled)
    ]
    problems += [
        Problem("handled-intents", f"intent {n}", "handled by the skill but not in the model")
        for n in sorted(handled - in_model)
    ]
    return problems


# Where a model-shape problem means there is nothing for the other rules to read: reporting
# them too would only restate it (a model without languageModel "lacks" every built-in intent).
_ROOT_SHAPE = frozenset({"model", "languageModel.intents"})


def root_problem(problems: Iterable[Problem]) -> Problem | None:
    """The model-shape problem every other finding would follow from, if there is one."""
    return next((p for p in problems if p.rule == "model-shape" and p.where in _ROOT_SHAPE), None)


def lint_model(model: Any, handled_intents: Iterable[str] | None = None) -> list[Problem]:
    """Every problem in an interaction model (parsed JSON); never raises.

    When the model has no intents to read, that one root problem is the whole answer.
    """
    shape = list(rule_model_shape(model))
    root = root_problem(shape)
    if root is not None:
        return [root]
    problems = [p for rule in RULES.values() for p in rule(model)]
    if handled_intents is not None:
        problems += check_handled_intents(model, handled_intents)
    return problems


# -- manifest example phrases -------------------------------------------------------------


def _slot_pattern(intent: dict[str, Any], types: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Per slot, a regex for what may fill it in an example phrase."""
    out: dict[str, str] = {}
    for slot in _list_of_dicts(intent.get("slots", [])):
        kind = types.get(str(slot.get("type")))
        phrases: list[str] = []
        for entry in _list_of_dicts(kind.get("values")) if kind else []:
            name = entry.get("name") if isinstance(entry.get("name"), dict) else {}
            syn = name.get("synonyms", [])
            phrases += [p for p in [name.get("value"), *(syn if isinstance(syn, list) else [])]]
        words = [re.escape(_folded(p)) for p in phrases if isinstance(p, str) and p.strip()]
        out[_name(slot)] = f"(?:{'|'.join(words)})" if words else r"[\w' .]+"
    return out


def _is_sample(model: Any, text: str) -> bool:
    """Whether `text` is one of the model's samples with its slots filled by their types'
    values. A sample's regex is compiled only when its literal words are all in the text:
    compiling all twelve thousand (with their slot alternations) took a minute."""
    types = {_name(t): t for t in _types(model)}
    for intent in _intents(model):
        slots: dict[str, str] | None = None
        for sample in _samples(intent):
            if not isinstance(sample, str):
                continue
            parts = re.split(r"(\{[^{}]*\})", _folded(sample))
            literals = (p.strip() for p in parts if not p.startswith("{"))
            if not all(word in text for word in literals):
                continue
            slots = _slot_pattern(intent, types) if slots is None else slots
            regex = "".join(
                slots.get(p[1:-1], re.escape(p)) if p.startswith("{") else re.escape(p)
                for p in parts
            )
            if re.fullmatch(regex, text):
                return True
    return False


def example_phrases(manifest: Any, locale: str = LOCALE) -> Any:
    info = manifest.get("manifest", {}) if isinstance(manifest, dict) else {}
    info = info.get("publishingInformation", {}) if isinstance(info, dict) else {}
    locales = info.get("locales", {}) if isinstance(info, dict) else {}
    entry = locales.get(locale, {}) if isinstance(locales, dict) else {}
    return entry.get("examplePhrases") if isinstance(entry, dict) else None


def lint_manifest(manifest: Any, model: Any, locale: str = LOCALE) -> list[Problem]:
    """Example phrases: 'Alexa, open <name>' or 'Alexa, ask <name> <a sample>', one to three."""
    where = f"skill.json examplePhrases ({locale})"
    phrases = example_phrases(manifest, locale)
    if not isinstance(phrases, list) or not phrases:
        return [Problem("example-phrases", where, "no example phrases")]
    problems = []
    if len(phrases) > 3:
        problems.append(Problem("example-phrases", where, "at most three example phrases"))
    invocation = language_model(model).get("invocationName")
    if not isinstance(invocation, str):
        return [*problems, Problem("example-phrases", where, "the model has no invocation name")]
    invocation = _folded(invocation)
    open_form = f"alexa, open {invocation}"
    ask_form = f"alexa, ask {invocation} "
    for i, phrase in enumerate(phrases):
        if not isinstance(phrase, str):
            problems.append(Problem("example-phrases", f"{where}[{i}]", "not text"))
            continue
        said = _folded(phrase).rstrip(".?!")
        if said == open_form:
            continue
        if said.startswith(ask_form):
            rest = said[len(ask_form) :]
            if _is_sample(model, rest):
                continue
            problems.append(
                Problem("example-phrases", f"{where}[{i}]", f"'{rest}' is not a sample utterance")
            )
            continue
        problems.append(
            Problem(
                "example-phrases",
                f"{where}[{i}]",
                f"'{phrase}' must start 'Alexa, open {invocation}' or 'Alexa, ask {invocation}'",
            )
        )
    return problems


# -- command line -----------------------------------------------------------------------


def _handled() -> tuple[frozenset[str] | None, list[Problem]]:
    """The skill's handled intents; importing the handlers also validates the content."""
    try:
        from skill.handlers.intents import handled_intents

        return handled_intents(), []
    except Exception as exc:  # noqa: BLE001 - a broken skill is a finding, not a crash
        return None, [Problem("handlers", "skill.handlers", f"cannot load: {exc}")]


def main(argv: list[str] | None = None) -> int:
    """`python -m skill_tools check`: print one line per problem; exit 0 clean, 1 with problems."""
    parser = OneLineParser(
        prog=PROG,
        description="Lint the interaction model, manifest example phrases and handlers.",
    )
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL, help="model JSON")
    parser.add_argument(
        "--manifest",
        type=Path,
        default=None,
        help="skill.json whose example phrases to lint (default: the skill.json of the "
        "model's ASK CLI folder, <folder>/interactionModels/custom/<locale>.json, if present)",
    )
    parser.add_argument(
        "--no-handlers",
        action="store_true",
        help="skip the check that model intents and the skill's handlers match",
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)

    try:
        model = read_json(args.model)
        manifest_file = args.manifest or manifest_path(args.model)
        explicit = args.manifest is not None
        manifest = (
            read_json(manifest_file, "skill manifest")
            if explicit or manifest_file.is_file()
            else None
        )
    except ModelError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1

    handled, problems = (None, []) if args.no_handlers else _handled()
    model_problems = lint_model(model, handled)
    problems = model_problems + problems
    # The manifest's phrases are checked against the model's samples: without a model to
    # read, every phrase would fail for the same reason already reported.
    if manifest is not None and root_problem(model_problems) is None:
        problems += lint_manifest(manifest, model)
    for problem in problems:
        print(problem)
    checked = "model" + (", manifest" if manifest is not None else "")
    checked += "" if args.no_handlers else ", handlers"
    if problems:
        print(f"{PROG}: {len(problems)} problem(s) in {checked}", file=sys.stderr)
        return 1
    print(f"{PROG}: {checked} clean")
    return 0
