"""`python -m skill_tools samples`: write the interaction model from its templates.

The ASK CLI deploys interaction_model/interactionModels/custom/<locale>.json; people edit
skill_tools/model_templates/<locale>.yaml, and this turns one into the other (a test checks
that the committed JSON is exactly what it makes). The template file has four parts:

- invocation: the invocation name;
- phrases: named alternations, written <name> inside samples and synonyms;
- types: slot type -> value id -> [value, synonym, ...];
- intents: intent -> slots ({name: type}), samples, and optionally except: phrases its
  patterns must not produce (an evaluation phrase must never become a sample).

A sample with no "(" and no "<" is taken as written (a hand-written sample). Any other is a
pattern: "(a|b|) c" stands for "a c", "b c" and "c", and every combination is a sample,
except one that a plain sample of any intent already says, one said earlier, one that
differs from an earlier sample of its intent only by padding words ("um", "actually",
"please": Alexa's model learns nothing from them, and they cost the room SMAPI allows), one
with no slot that differs from an earlier one only by a word's ending ("cramps", "cramping"),
one with a single slot and fewer than three other words ("what is {cramp}" would take "what
is love" too). Synonyms may be patterns as well. Why not generate at load time: the deployed file
has to be plain JSON, and a reviewer should see in the diff what Alexa will be taught.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Callable, Mapping, Set
from pathlib import Path
from typing import Any

import yaml

from skill_tools.model import model_path
from skill_tools.simulator.nlu_words import spoken_form, stem

TEMPLATES = Path(__file__).resolve().parent / "model_templates"
_GROUP = re.compile(r"(\([^()]*\))")
_PHRASE = re.compile(r"<(\w+)>")
_SLOT = re.compile(r"\{(\w+)\}")
MIN_CARRIER_WORDS = 3  # a pattern's one-slot variant needs this many other words
PADDING = frozenset({
    "um", "uh", "oh", "well", "so", "actually", "just", "instead", "anyway", "please",
})


# Round 40: intensifiers, padding too for an intent that says `drop_intensifiers: true` (the
# safety intents first, whose "really bad headache" beside "bad headache" took room their new
# signs needed; not the check's answers, as "can't really tell" is no "can't tell" to a literal
# matcher). Not "real": "are you a real doctor" is no "are you a doctor".
INTENSIFIERS = frozenset({"really", "very", "totally", "pretty", "literally"})


class TemplateError(ValueError):
    """The template file cannot make a model; the message says where."""


def template_path(locale: str) -> Path:
    return TEMPLATES / f"{locale}.yaml"


def trimmed_path(locale: str) -> Path:
    """Pattern variants left out for room (round 43): intent -> [variant, ...]."""
    return TEMPLATES / f"{locale}.trimmed.yaml"


def expand(pattern: str, phrases: Mapping[str, str] | None = None) -> list[str]:
    """Every phrase a pattern stands for, in order: "(a|b|) c" -> ["a c", "b c", "c"]."""

    def phrase(m: re.Match[str]) -> str:
        if phrases is None or m.group(1) not in phrases:
            raise TemplateError(f"unknown phrase <{m.group(1)}> in {pattern!r}")
        return phrases[m.group(1)]

    text = _PHRASE.sub(phrase, pattern)
    parts = _GROUP.split(text)
    if any(c in p for p in parts[::2] for c in "()"):
        raise TemplateError(f"unbalanced or nested brackets in {pattern!r}")
    options = [p[1:-1].split("|") if p.startswith("(") else [p] for p in parts]
    out = []
    for combo in itertools.product(*options):
        said = " ".join("".join(combo).split())
        if said and said not in out:
            out.append(said)
    return out


def _is_pattern(sample: str) -> bool:
    return "(" in sample or "<" in sample


def _text(value: Any, where: str) -> str:
    """A template word as text. YAML reads an unquoted yes, no, on or off as a boolean, which
    would reach the model as "True" or "False": such a word must be quoted."""
    if isinstance(value, bool):
        raise TemplateError(f"{where}: {value!r} was read as a boolean; quote yes/no/on/off")
    return str(value)


def _types(raw: Mapping[str, Any], phrases: Mapping[str, str]) -> list[dict[str, Any]]:
    out = []
    for name, values in raw.items():
        entries = []
        for value_id, words in (values or {}).items():
            said: list[str] = []
            heard: set[str] = set()  # the spoken form of each in `said`
            value_id = _text(value_id, f"type {name}")
            for word in (_text(w, f"type {name}, value {value_id}") for w in words or []):
                for w in expand(str(word), phrases) if _is_pattern(str(word)) else [str(word)]:
                    if (key := spoken_form(w)) not in heard:
                        heard.add(key)
                        said.append(w)
            if not said:
                raise TemplateError(f"type {name}: value {value_id} has no words")
            entry: dict[str, Any] = {"value": said[0]}
            if said[1:]:
                entry["synonyms"] = said[1:]
            entries.append({"id": str(value_id), "name": entry})
        out.append({"name": name, "values": entries})
    return out


def _words_of(slot_type: Mapping[str, Any]) -> list[str]:
    """Every word a custom slot type takes (spoken form), longest first."""
    said = {
        spoken_form(w)
        for v in slot_type["values"]
        for w in (v["name"]["value"], *v["name"].get("synonyms", []))
    }
    return sorted(said, key=len, reverse=True)


def _unpadded(sample: str, padding: Set[str] = PADDING) -> str:
    """The sample without its padding words; one made only of them ("um", "well") is kept
    whole, as it is a turn of its own."""
    said = spoken_form(sample)
    return " ".join(w for w in said.split() if w not in padding) or said


def _intent_samples(
    name: str,
    spec: Mapping[str, Any],
    phrases: Mapping[str, str],
    owner: dict[str, str],
    values: Mapping[str, list[str]] | None = None,
    trimmed: set[str] | None = None,
) -> list[str]:
    """The samples of one intent; `owner` (normalised sample -> intent) is shared by all;
    `values`, each slot's words (spoken form), for the samples a slotted one already says;
    `trimmed`, variants left out (spoken form), each removed from the set once made, so that
    what is left names variants the patterns no longer make."""
    unwanted = {_unpadded(str(p)) for p in spec.get("except") or []}  # nor padded
    trimmed = trimmed if trimmed is not None else set()
    plain: set[str] = set()  # said once: a sample written twice is one sample
    made: list[tuple[str, bool]] = []  # (sample, written as such)
    for sample in spec.get("samples") or []:
        sample = _text(sample, name)
        if not _is_pattern(sample):
            if spoken_form(sample) not in plain:
                plain.add(spoken_form(sample))
                made.append((sample, True))
            continue
        for said in expand(sample, phrases):
            key = spoken_form(said)
            slots = _SLOT.findall(said)
            if key in owner or _unpadded(said) in unwanted:
                continue
            if len(slots) == 1 and len(_SLOT.sub(" ", said).split()) < MIN_CARRIER_WORDS:
                continue
            owner[key] = name  # claimed even when trimmed: no other intent makes it
            if key in trimmed:
                trimmed.discard(key)
                continue
            made.append((said, False))
    # Of the patterns' samples that differ only by padding, the shortest stay; then, of those
    # with no slot that differ only by a word's ending ("cramp", "cramps", "cramping"), the
    # first made; none beside a written one.
    padding = PADDING | INTENSIFIERS if spec.get("drop_intensifiers") else PADDING
    kept = _one_of_each(made, lambda said: _unpadded(said, padding), lambda said, n: (len(said), 0))
    kept = _one_of_each(kept, _stemmed, lambda said, n: (0, n))
    fill_words = {} if spec.get("keep_filled") else values or {}
    filled = _slot_fills([said for said, _ in kept], fill_words)
    # Round 38: written ones too, for room for the safety samples; but not those Alexa's
    # certification reads literally (the manifest's example phrases: `keep_written`).
    written_too = bool(spec.get("fill_written"))
    kept_written = {spoken_form(str(p)) for p in spec.get("keep_written") or []}
    return [
        said
        for said, written in kept
        if (written and (not written_too or spoken_form(said) in kept_written))
        or not filled(said)
    ]


def _slot_fills(samples: list[str], values: Mapping[str, list[str]]) -> Callable[[str], bool]:
    """Whether a sample with no slot is one that a slotted sample of the same intent says with
    one of its slot's words ("my legs cramp at night" beside "{legPart} cramp at night"): an
    exact-match matcher fills it, and Alexa learns it from the slot's values; the room it
    takes is the room SMAPI allows (round 37). Matched word by word (a regular expression a
    sample, with every slot word in it, took a minute and a half to compile)."""
    fillers = {
        slot: (frozenset(tuple(w.split()) for w in words), sorted({len(w.split()) for w in words}))
        for slot, words in values.items()
        if words
    }
    by_first: dict[str | None, list[tuple[Any, ...]]] = {}  # a sample's first word (None: a slot)
    for sample in samples:
        if "{" not in sample:
            continue
        parts: list[Any] = []
        for part in re.split(r"(\{\w+\})", sample):
            slot = _SLOT.fullmatch(part)
            if slot is None:
                parts.extend(spoken_form(part).split())
            elif slot.group(1) in fillers:
                parts.append(fillers[slot.group(1)])
            else:
                break  # a built-in slot (a date, a number): no list of words to fill it with
        else:
            first = parts[0] if parts and isinstance(parts[0], str) else None
            by_first.setdefault(first, []).append(tuple(parts))

    def fits(said: tuple[str, ...], parts: tuple[Any, ...], i: int = 0, j: int = 0) -> bool:
        if j == len(parts):
            return i == len(said)
        part = parts[j]
        if isinstance(part, str):
            return i < len(said) and said[i] == part and fits(said, parts, i + 1, j + 1)
        phrases, lengths = part
        return any(
            tuple(said[i : i + n]) in phrases and fits(said, parts, i + n, j + 1) for n in lengths
        )

    def filled(said: str) -> bool:
        if "{" in said:
            return False
        words = tuple(spoken_form(said).split())
        heads = by_first.get(words[0] if words else None, []) + by_first.get(None, [])
        return any(fits(words, parts) for parts in heads)

    return filled


def _one_of_each(
    made: list[tuple[str, bool]],
    key_of: Callable[[str], str | None],
    rank_of: Callable[[str, int], tuple[int, int]],
) -> list[tuple[str, bool]]:
    """`made` ((sample, written as such), in order) with, of the samples that share a key,
    every written one, else those that rank first; a sample with no key (None) stays."""
    ranks = [(not written, *rank_of(said, n)) for n, (said, written) in enumerate(made)]
    best: dict[str, tuple[bool, int, int]] = {}
    for (said, _), rank in zip(made, ranks, strict=True):
        if (key := key_of(said)) is not None:
            best[key] = min(best.get(key, rank), rank)
    return [
        (said, written)
        for (said, written), rank in zip(made, ranks, strict=True)
        if written or (key := key_of(said)) is None or best[key] == rank
    ]


def _stemmed(sample: str) -> str | None:
    """What Alexa's model learns from a sample: its words without padding, each without its
    ending (a plural or a tense adds nothing its generalisation does not make). None for a
    sample with a slot, which keeps its endings: a literal matcher fills it word for word."""
    return None if "{" in sample else " ".join(map(stem, _unpadded(sample).split()))


def build(
    templates: Mapping[str, Any], trimmed: Mapping[str, list[str]] | None = None
) -> dict[str, Any]:
    """The interaction model (as the ASK CLI deploys it) that a template file describes,
    without the `trimmed` variants (intent -> variants; a TemplateError names one that its
    intent's patterns no longer make, so that the list never outlives them)."""
    left = {name: {spoken_form(str(v)) for v in vs or []} for name, vs in (trimmed or {}).items()}
    try:
        phrases = {k: str(v) for k, v in (templates.get("phrases") or {}).items()}
        intents: Mapping[str, Any] = templates["intents"]
        types = _types(templates.get("types") or {}, phrases)
        invocation = str(templates["invocation"])
    except (KeyError, AttributeError, TypeError) as exc:
        raise TemplateError(f"the template file is malformed ({exc!r})") from exc
    known_types = {t["name"] for t in types}
    owner: dict[str, str] = {}  # plain samples claim their phrase first, whatever the order
    for name, spec in intents.items():
        for sample in (spec or {}).get("samples") or []:
            if not _is_pattern(str(sample)):
                key = spoken_form(str(sample))
                if owner.setdefault(key, name) != name:
                    raise TemplateError(f"{sample!r} is a sample of {owner[key]} and {name}")
    words = {t["name"]: _words_of(t) for t in types}
    out = []
    for name, spec in intents.items():
        spec = spec or {}
        slots = {str(k): str(v) for k, v in (spec.get("slots") or {}).items()}
        for slot_type in slots.values():
            if slot_type not in known_types and not slot_type.startswith("AMAZON."):
                raise TemplateError(f"{name}: unknown slot type {slot_type}")
        values = {slot: words[t] for slot, t in slots.items() if t in words}
        samples = list(_intent_samples(name, spec, phrases, owner, values, left.get(name)))
        for sample in samples:
            for slot in _SLOT.findall(sample):
                if slot not in slots:
                    raise TemplateError(f"{name}: {sample!r} uses undeclared slot {slot!r}")
        intent: dict[str, Any] = {"name": name}
        if slots:
            intent["slots"] = [{"name": k, "type": v} for k, v in slots.items()]
        intent["samples"] = samples
        out.append(intent)
    stale = next(((name, v) for name, vs in left.items() for v in sorted(vs)), None)
    if stale is not None:
        raise TemplateError(f"trimmed {stale[1]!r} is no variant of {stale[0]}'s patterns")
    return {
        "interactionModel": {
            "languageModel": {"invocationName": invocation, "intents": out, "types": types}
        }
    }


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML keeps the last of two equal keys and says nothing: a second `except:` under one
    intent silently dropped the first (round 28). Here it is an error."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise TemplateError(f"line {key_node.start_mark.line + 1}: {key!r} given twice")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_template(text: str) -> Any:
    """A template file's content, refusing a key given twice in one mapping."""
    return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader


def render(locale: str) -> str:
    """The model JSON text for a locale, exactly as it is committed."""
    try:
        raw = load_template(template_path(locale).read_text("utf-8"))
        path = trimmed_path(locale)
        trimmed = load_template(path.read_text("utf-8")) if path.exists() else {}
    except OSError as exc:
        raise TemplateError(f"cannot read {exc.filename}: {exc.strerror}") from exc
    # No indentation, a sample a line: it still diffs well, and the model keeps clear of
    # SMAPI's million characters (one space a level cost 150,000 of them).
    return json.dumps(build(raw, trimmed), indent=0, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m skill_tools samples",
        description="Write the interaction model JSON from skill_tools/model_templates.",
    )
    parser.add_argument("--locale", default="en-US")
    parser.add_argument(
        "--check", action="store_true", help="only say whether the JSON is up to date (exit 1)"
    )
    args = parser.parse_args(argv)
    target = model_path(args.locale)
    try:
        text = render(args.locale)
    except (TemplateError, yaml.YAMLError) as exc:
        print(f"samples: {exc}".splitlines()[0], file=sys.stderr)
        return 2
    current = target.read_text("utf-8") if target.exists() else ""
    if args.check:
        if current != text:
            print(f"{target} is out of date: run python -m skill_tools samples", file=sys.stderr)
            return 1
        print(f"{target} is up to date")
        return 0
    if current != text:
        target.write_text(text, encoding="utf-8")
    model = json.loads(text)["interactionModel"]["languageModel"]
    count = sum(len(i["samples"]) for i in model["intents"])
    print(f"{target}: {len(model['intents'])} intents, {count} samples")
    return 0
