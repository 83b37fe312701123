"""Local NLU: which intent and slots Alexa would send for a phrase, read from the very
interaction model that gets deployed.

Everything is compiled once, in the constructor; `resolve` only does its own work.
A phrase is normalised (lower case, contractions expanded, punctuation dropped) and then
goes through three stages, the first hit wins:

1. exact: it equals a sample or a built-in phrase, or fully matches a sample with slots,
   where a custom slot accepts one of its type's values or synonyms and a built-in slot
   (AMAZON.*) accepts one to six words;
2. near: IDF-weighted Jaccard similarity of token sets against every sample, after filler
   words are dropped, custom slot values are replaced by a token naming their type, and
   a misspelt word is corrected to a model word one edit away. The best sample wins when
   its score is at least `threshold` (NEAR_THRESHOLD by default);
3. open slot: a sample with one slot and at least two carrier words fully matches with its slot
   taken as one to four unknown words: the intent, with that slot ER_SUCCESS_NO_MATCH.

Before all three, a safety rule: a phrase that contains every content word of an
EmergencyIntent sample (in any order, with other words around them) is EmergencyIntent, so
no shorter or more generic sample of another intent can take "my chest hurts and my legs
cramp" away from the emergency advice. Real Alexa has no such rule; the model's many
emergency samples are what teach it, and this keeps the simulator from being more
forgiving than the samples justify in the one place where a miss is dangerous.

4. leading answer: a phrase that opens with a plain yes or no ("yes and then I can't get
   back to sleep") is AMAZON.YesIntent or AMAZON.NoIntent.

Anything else is AMAZON.FallbackIntent. Invocation phrases ("open ...", "ask ... to ...")
are recognised separately by `route`, because they decide the session, not the intent.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

FALLBACK = "AMAZON.FallbackIntent"
NEAR_THRESHOLD = 0.5
# Alexa's fallbackIntentSensitivity moves our threshold the same way (higher = more fallback).
SENSITIVITY_THRESHOLDS = {"LOW": 0.4, "MEDIUM": NEAR_THRESHOLD, "HIGH": 0.6}
# A word no sample contains weighs this much more than the rarest model word: hearing a
# word the skill was never taught is strong evidence the phrase is not for the skill.
UNKNOWN_WORD_FACTOR = 1.5
BUILTIN_SLOT_WORDS = (1, 6)  # a built-in slot type (AMAZON.*) accepts this many words
OPEN_SLOT_WORDS = (1, 4)  # an open (unknown-value) slot in stage 3
OPEN_SLOT_MIN_CARRIER = 2
PRIORITY_INTENT = "EmergencyIntent"
# Words that say nothing about what is wrong: left out when a sample's content words are
# looked for inside a phrase (safety rule above). Negations and "feel" stay: "i can not feel
# my leg" must not shrink to "leg".
_FUNCTION_WORDS = (
    "i me my mine a an the is am are was were be been being it its this that these those "
    "have has had having and or to of in on at with from by as there here he she him her his "
    "we our they their them you your can could will would do does did all just when"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())

# What people say to the built-in intents; Alexa knows these without any samples in the model.
BUILTIN_PHRASES: Mapping[str, tuple[str, ...]] = {
    "AMAZON.YesIntent": (
        "yes", "yeah", "yep", "yup", "yes please", "sure", "sure thing", "ok", "okay",
        "of course", "please do", "absolutely", "alright", "all right", "correct", "right",
        "definitely", "that is right", "go ahead", "uh huh", "i do", "yes i do", "yes it is",
        "indeed", "certainly", "why not", "sounds good", "yes they are", "yes i have",
    ),
    "AMAZON.NoIntent": (
        "no", "nope", "nah", "no thanks", "no thank you", "not really", "not now",
        "negative", "i do not", "no i do not", "no way", "not at all", "no they are not",
        "no it is not", "no i have not", "i have not", "no i am good", "i am good",
    ),
    "AMAZON.StopIntent": (
        "stop", "stop it", "shut up", "be quiet", "quiet", "enough", "that is enough",
        "off", "bye", "goodbye", "good bye", "i am done", "that is all", "stop talking",
    ),
    "AMAZON.CancelIntent": (
        "cancel", "cancel that", "never mind", "nevermind", "forget it", "forget about it",
    ),
    "AMAZON.HelpIntent": (
        "help", "help me", "help please", "what can i say", "what can i do",
        "what can you do", "what do i say", "how does this work", "i need help",
        "what are my options", "options", "i am confused", "how do i use this",
    ),
    "AMAZON.RepeatIntent": (
        "repeat", "repeat that", "repeat please", "say that again", "say it again",
        "can you repeat that", "please repeat", "what did you say", "come again", "pardon",
        "again", "one more time", "sorry what", "i did not catch that",
    ),
    "AMAZON.StartOverIntent": (
        "start over", "restart", "start again", "begin again", "from the top", "reset",
        "start from the beginning", "let us start over", "start over please",
        "go back to the start",
    ),
    "AMAZON.NavigateHomeIntent": (
        "go home", "home", "main menu", "menu", "go to the main menu", "back to the menu",
        "go back home", "back to the start menu",
    ),
}

# The first word of a phrase that nothing else matched, when it is a plain answer (stage 4).
LEADING_ANSWERS: Mapping[str, frozenset[str]] = {
    "AMAZON.YesIntent": frozenset({"yes", "yeah", "yep", "yup", "definitely", "absolutely"}),
    "AMAZON.NoIntent": frozenset({"no", "nope", "nah", "never"}),
}

# Dropped from both sides before the near match; multi-word ones first.
FILLERS = (
    "you know", "i mean", "i think", "i guess", "kind of", "sort of", "hey alexa",
    "um", "umm", "uh", "uhm", "erm", "er", "hmm", "mm", "ah", "oh", "well", "so", "like",
    "just", "actually", "basically", "please", "alexa", "hey",
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_CONTRACTIONS = {
    "i'm": "i am", "i'd": "i would", "i've": "i have", "i'll": "i will",
    "it's": "it is", "that's": "that is", "what's": "what is", "there's": "there is",
    "here's": "here is", "where's": "where is", "who's": "who is", "how's": "how is",
    "let's": "let us", "he's": "he is", "she's": "she is", "can't": "can not",
    "cannot": "can not", "won't": "will not", "shan't": "shall not", "ain't": "is not",
    "y'all": "you all",
}
_CONTRACTION = re.compile(r"\b(?:" + "|".join(map(re.escape, _CONTRACTIONS)) + r")\b")
_SUFFIXES = ((re.compile(r"n't\b"), " not"), (re.compile(r"'re\b"), " are"),
             (re.compile(r"'ve\b"), " have"), (re.compile(r"'ll\b"), " will"),
             (re.compile(r"'d\b"), " would"), (re.compile(r"'s\b"), ""))
_NON_WORD = re.compile(r"[\W_]+")
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DIGITS = re.compile(r"\d")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_FILLER = re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, FILLERS)) + r")(?!\S)")


def normalise(text: str) -> str:
    """Lower case, contractions expanded, punctuation and extra spaces dropped.

    Applied identically to samples and to what the user says, so "I'm" matches "i am".
    """
    text = text.lower().translate(_APOSTROPHES)
    text = _CONTRACTION.sub(lambda m: _CONTRACTIONS[m.group(0)], text)
    for pattern, replacement in _SUFFIXES:
        text = pattern.sub(replacement, text)
    text = _DIGITS.sub(lambda m: f" {_DIGIT_WORDS[int(m.group(0))]} ", text)  # 911: nine one one
    return " ".join(_NON_WORD.sub(" ", text).split())


def drop_fillers(text: str) -> str:
    """A normalised phrase without filler words ("um", "please", "i think", ...)."""
    return " ".join(_FILLER.sub(" ", text).split())


class ModelError(ValueError):
    """The interaction model cannot be read or is inconsistent; the message says where."""


# -- what the NLU hands out -----------------------------------------------------------------


@dataclass(frozen=True)
class SlotFill:
    """One slot as Alexa sends it: what was heard and what entity resolution made of it."""

    name: str
    type: str
    value: str | None = None  # the words heard, None when the slot is empty
    status: str | None = None  # ER_SUCCESS_MATCH / ER_SUCCESS_NO_MATCH; None: no resolution
    matches: tuple[tuple[str | None, str], ...] = ()  # (id, canonical name), best first

    @property
    def resolved(self) -> str | None:
        """The canonical id of the first match, or None."""
        return self.matches[0][0] if self.matches else None


@dataclass(frozen=True)
class Match:
    """The intent a phrase reaches, with every slot the intent declares (filled or not)."""

    intent: str
    slots: Mapping[str, SlotFill] = field(default_factory=dict)
    method: str = "exact"  # priority | exact | near | open_slot | leading | fallback
    score: float = 1.0
    sample: str | None = None  # the sample that won, for explanations


class RouteKind(StrEnum):
    EMPTY = "empty"
    LAUNCH = "launch"  # "open leg cramp helper"
    ONE_SHOT = "one_shot"  # "ask leg cramp helper why ..."
    EXIT = "exit"  # "exit", "quit": Alexa closes the session itself
    IN_SKILL = "in_skill"  # anything else: an utterance for the skill's model


@dataclass(frozen=True)
class Route:
    kind: RouteKind
    text: str = ""  # the normalised utterance meant for the skill (ONE_SHOT, IN_SKILL)


# -- the compiled model ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    id: str | None
    name: str


@dataclass(frozen=True)
class _SlotSample:
    intent: str
    sample: str
    slots: tuple[tuple[str, str], ...]  # (slot name, slot type) in order of appearance
    parts: tuple[str | tuple[str, str], ...]  # a literal word, or (slot name, slot type)
    open: re.Pattern[str] | None  # None when it has too few carrier words


@dataclass(frozen=True)
class _Entry:
    """One sample as a token set, for the near match."""

    intent: str
    sample: str
    tokens: frozenset[str]
    weight: float
    slot_types: tuple[tuple[str, str], ...]  # (slot name, slot type), for samples with slots


def _type_token(slot_type: str) -> str:
    return "{" + slot_type + "}"  # braces never survive normalise(): no clash with a word


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))


def stem(word: str) -> str:
    """A light suffix stripper, so "walking" meets "walk" and "veins" meets "vein".

    Only used for the near match, on both sides, so its mistakes cancel out.
    """
    if len(word) < 4 or word.startswith("{"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


class NLU:
    """The interaction model of one locale, compiled for matching."""

    def __init__(self, model: Mapping[str, Any], *, threshold: float | None = None) -> None:
        try:
            lm = model["interactionModel"]["languageModel"]
            intents = lm["intents"]
        except (KeyError, TypeError) as exc:
            raise ModelError("no interactionModel.languageModel.intents") from exc
        self.invocation_name = normalise(str(lm.get("invocationName", "")))
        if not self.invocation_name:
            raise ModelError("the model has no invocationName")
        config = model["interactionModel"].get("modelConfiguration") or {}
        level = (config.get("fallbackIntentSensitivity") or {}).get("level", "MEDIUM")
        self.threshold = threshold if threshold is not None else SENSITIVITY_THRESHOLDS.get(
            str(level).upper(), NEAR_THRESHOLD
        )
        self._types = self._compile_types(lm.get("types") or [])
        self._longest = {t: max((len(p.split()) for p in v), default=0)  # words in a value
                         for t, v in self._types.items()}
        self.intents: dict[str, tuple[tuple[str, str], ...]] = {}
        self._exact: dict[str, tuple[str, str]] = {}  # normalised phrase -> (intent, sample)
        self._slot_samples: list[_SlotSample] = []
        raw_entries: list[tuple[str, str, list[str], tuple[tuple[str, str], ...]]] = []
        self.conflicts: list[str] = []  # a phrase listed for two intents: the first one wins
        self._vocabulary: set[str] = set()  # every word of every sample, unstemmed
        self._seen: set[tuple[str, frozenset[str]]] = set()

        for intent in intents:
            name = intent.get("name")
            if not isinstance(name, str):
                raise ModelError("an intent without a name")
            slots = tuple((s["name"], s["type"]) for s in intent.get("slots") or [])
            self.intents[name] = slots
        custom_used = {t for slots in self.intents.values() for _, t in slots if t in self._types}
        self._tagger = self._compile_tagger(custom_used)

        for intent in intents:  # the model's samples first: they win over built-in phrases
            for sample in intent.get("samples") or []:
                self._add_sample(intent["name"], sample, raw_entries)
        for intent in intents:
            for sample in BUILTIN_PHRASES.get(intent["name"], ()):
                self._add_sample(intent["name"], sample, raw_entries, builtin=True)

        self._build_near_index(raw_entries)
        self._priority: list[tuple[frozenset[str], str]] = []
        for intent in intents:
            if intent["name"] == PRIORITY_INTENT:
                for sample in intent.get("samples") or []:
                    if "{" not in sample and (words := self._content_words(normalise(sample))):
                        self._priority.append((words, sample))
        self._routes = self._compile_routes()

    # -- construction --------------------------------------------------------------------

    def _compile_types(self, types: list[Any]) -> dict[str, dict[str, list[_Value]]]:
        """Custom slot types: normalised value or synonym -> the values it resolves to."""
        out: dict[str, dict[str, list[_Value]]] = {}
        for t in types:
            table: dict[str, list[_Value]] = defaultdict(list)
            for v in t.get("values") or []:
                name = v.get("name") or {}
                value = _Value(v.get("id"), str(name.get("value", "")))
                for phrase in [value.name, *(name.get("synonyms") or [])]:
                    key = normalise(phrase)
                    if key and value not in table[key]:
                        table[key].append(value)
            out[t["name"]] = dict(table)
        return out

    def _compile_tagger(self, used: set[str]) -> re.Pattern[str] | None:
        self._tag_type: dict[str, str] = {}
        for slot_type in sorted(used):
            for phrase in self._types[slot_type]:
                self._tag_type.setdefault(phrase, slot_type)
        if not self._tag_type:
            return None
        return re.compile(r"(?<!\S)(?:" + _alternation(self._tag_type) + r")(?!\S)")

    def _slot_pattern(self, slot_type: str) -> str:
        low, high = OPEN_SLOT_WORDS
        return rf"\w+(?: \w+){{{low - 1},{high - 1}}}"

    def _add_sample(
        self, intent: str, sample: str, raw_entries: list[Any], builtin: bool = False
    ) -> None:
        declared = dict(self.intents[intent])
        pieces = _PLACEHOLDER.split(sample)  # literal, slot, literal, slot, ...
        literal_words: list[str] = []
        exact_parts: list[str | tuple[str, str]] = []
        open_parts: list[str] = []
        near_words: list[str] = []
        slots: list[tuple[str, str]] = []
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                words = normalise(piece).split()
                literal_words += words
                exact_parts += words
                open_parts += map(re.escape, words)
                near_words += words
                continue
            if piece not in declared:
                raise ModelError(f"{intent}: sample {sample!r} uses undeclared slot {piece!r}")
            slot_type = declared[piece]
            slots.append((piece, slot_type))
            group = f"s_{piece}"
            exact_parts.append((piece, slot_type))
            open_parts.append(f"(?P<{group}>{self._slot_pattern(slot_type)})")
            near_words.append(_type_token(slot_type))
        text = " ".join(literal_words)
        if not slots:
            if not text:
                return
            # The sample without its filler words too, unless that leaves one word: "uh huh"
            # must not teach "huh", nor "please do" teach "do".
            stripped = drop_fillers(text)
            keys = {text, stripped} if len(stripped.split()) > 1 else {text}
            for key in keys - {""}:
                if key in self._exact and self._exact[key][0] != intent and not builtin:
                    self.conflicts.append(f"{key!r}: {self._exact[key][0]} and {intent}")
                self._exact.setdefault(key, (intent, sample))
            near = self._tag(text)[0]
        else:
            carriers = drop_fillers(text).split()
            self._slot_samples.append(
                _SlotSample(
                    intent,
                    sample,
                    tuple(slots),
                    tuple(exact_parts),
                    re.compile(" ".join(open_parts))
                    if len(carriers) >= OPEN_SLOT_MIN_CARRIER and len(slots) == 1
                    else None,  # several unknown slots at once say nothing: no open match
                )
            )
            near = " ".join(near_words)
        words = drop_fillers(near).split()
        self._vocabulary.update(words)
        if len(words) == 1 and len(near.split()) > 1:
            return  # "uh huh" is not "huh": the near match would learn the wrong word
        tokens = frozenset(stem(w) for w in words)
        if tokens and (intent, tokens) not in self._seen:
            self._seen.add((intent, tokens))
            raw_entries.append((intent, sample, tokens, tuple(slots)))

    def _build_near_index(self, raw_entries: list[Any]) -> None:
        df: dict[str, int] = defaultdict(int)
        for _, _, tokens, _ in raw_entries:
            for t in tokens:
                df[t] += 1
        n = len(raw_entries) or 1
        self._idf = {t: math.log(1 + n / c) for t, c in df.items()}
        self._unknown_weight = UNKNOWN_WORD_FACTOR * math.log(1 + n)
        self._entries: list[_Entry] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        for intent, sample, tokens, slots in raw_entries:
            index = len(self._entries)
            self._entries.append(
                _Entry(intent, sample, tokens, sum(self._idf[t] for t in tokens), slots)
            )
            for t in tokens:
                self._postings[t].append(index)
        # Spelling: every model word of five letters or more, by its one-letter deletions.
        self._spell: dict[str, str] = {}
        for word in sorted(self._vocabulary):
            if len(word) >= 5 and not word.startswith("{"):
                for d in _deletes(word):
                    self._spell.setdefault(d, word)
        del self._seen

    # -- matching ------------------------------------------------------------------------

    def _tag(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """Replace custom slot values by their type token; return the values found in order."""
        if self._tagger is None:
            return text, []
        found: list[tuple[str, str]] = []

        def swap(m: re.Match[str]) -> str:
            slot_type = self._tag_type[m.group(0)]
            found.append((slot_type, m.group(0)))
            return _type_token(slot_type)

        return self._tagger.sub(swap, text), found

    def _fill(self, name: str, slot_type: str, heard: str | None) -> SlotFill:
        if heard is None:
            return SlotFill(name, slot_type)
        if slot_type not in self._types:
            return SlotFill(name, slot_type, heard)  # built-in types carry no resolutions
        values = self._types[slot_type].get(heard, [])
        if not values:
            return SlotFill(name, slot_type, heard, "ER_SUCCESS_NO_MATCH")
        return SlotFill(
            name, slot_type, heard, "ER_SUCCESS_MATCH", tuple((v.id, v.name) for v in values)
        )

    def _slots(self, intent: str, heard: Mapping[str, str]) -> dict[str, SlotFill]:
        return {n: self._fill(n, t, heard.get(n)) for n, t in self.intents.get(intent, ())}

    def _correct(self, word: str) -> str:
        if len(word) < 5 or word in self._vocabulary:
            return word
        for d in _deletes(word):
            if d in self._spell:
                return self._spell[d]
        return word

    def _content_words(self, text: str) -> frozenset[str]:
        """Stems of the words that say what is wrong (no spelling correction: "aches" must
        never become "chest")."""
        return frozenset(stem(w) for w in drop_fillers(text).split() if w not in FUNCTION_WORDS)

    def _priority_match(self, text: str) -> Match | None:
        said = self._content_words(text)
        for words, sample in self._priority:
            if words <= said:
                slots = self._slots(PRIORITY_INTENT, {})
                return Match(PRIORITY_INTENT, slots, "priority", 1.0, sample)
        return None

    def resolve(self, utterance: str) -> Match:
        """The intent and slots Alexa would send for `utterance` inside the skill's session."""
        text = normalise(utterance)
        hit = self._exact.get(text) or self._exact.get(drop_fillers(text))
        if not hit or hit[0] != PRIORITY_INTENT:
            priority = self._priority_match(text)
            if priority is not None:
                return priority
        if hit:
            return Match(hit[0], self._slots(hit[0], {}), "exact", 1.0, hit[1])
        bare = drop_fillers(text)  # "um why do my calves cramp": as for literals
        for words in [text.split()] + ([bare.split()] if bare != text else []):
            for s in self._slot_samples:
                heard = self._fit(s.parts, words)
                if heard:
                    return Match(s.intent, self._slots(s.intent, heard), "exact", 1.0, s.sample)
        near = self._near(text)
        if near is not None:
            return near
        for s in self._slot_samples:
            m = s.open.fullmatch(text) if s.open else None
            if m:
                heard = {name: m.group(f"s_{name}") for name, _ in s.slots}
                return Match(s.intent, self._slots(s.intent, heard), "open_slot", 0.0, s.sample)
        lead = self._leading_answer(text)
        if lead is not None:
            return lead
        return Match(FALLBACK, self._slots(FALLBACK, {}), "fallback", 0.0, None)

    def _fit(self, parts: Any, words: list[str], at: int = 0) -> dict[str, str] | None:
        """The slots when `words[at:]` fully matches a sample's parts: a literal word must be
        there, a custom slot takes a value or synonym of its type (the longest first, as
        Alexa's resolution prefers), a built-in slot one to six words. None: no match."""
        if not parts:
            return {} if at == len(words) else None
        head, rest = parts[0], parts[1:]
        if isinstance(head, str):
            return self._fit(rest, words, at + 1) if at < len(words) and words[at] == head else None
        name, slot_type = head
        table = self._types.get(slot_type)
        low, high = (1, self._longest[slot_type]) if table is not None else BUILTIN_SLOT_WORDS
        for end in range(min(len(words), at + high), at + low - 1, -1):
            value = " ".join(words[at:end])
            if table is None or value in table:
                found = self._fit(rest, words, end)
                if found is not None:
                    return {name: value, **found}
        return None

    def _leading_answer(self, text: str) -> Match | None:
        """ "yes and then I can't get back to sleep": a phrase nothing else matched that opens
        with a plain yes or no is that answer, as Alexa's built-ins take it."""
        words = drop_fillers(text).split()
        for intent, openers in LEADING_ANSWERS.items():
            if len(words) > 1 and words[0] in openers and intent in self.intents:
                return Match(intent, {}, "leading", 0.0, words[0])
        return None

    def score(self, utterance: str) -> list[tuple[float, str, str]]:
        """Every sample's near-match score for `utterance`, best first: (score, intent, sample)."""
        tokens, _ = self._near_tokens(normalise(utterance))
        scored = self._scores(tokens)
        return sorted(
            ((s, self._entries[i].intent, self._entries[i].sample) for i, s in scored.items()),
            key=lambda x: -x[0],
        )

    def _near_tokens(self, text: str) -> tuple[frozenset[str], list[tuple[str, str]]]:
        tagged, found = self._tag(text)
        words = drop_fillers(tagged).split()
        return frozenset(stem(self._correct(w)) for w in words), found

    def _scores(self, tokens: frozenset[str]) -> dict[int, float]:
        idf, unknown = self._idf, self._unknown_weight
        total = sum(idf.get(t, unknown) for t in tokens)
        shared: dict[int, float] = defaultdict(float)
        for t in tokens:
            w = idf.get(t)
            if w is not None:
                for i in self._postings[t]:
                    shared[i] += w
        entries = self._entries
        return {i: s / (total + entries[i].weight - s) for i, s in shared.items()}

    def _near(self, text: str) -> Match | None:
        tokens, found = self._near_tokens(text)
        if not tokens:
            return None
        best_i, best = -1, 0.0
        for i, s in self._scores(tokens).items():
            if s > best or (s == best and i < best_i):
                best_i, best = i, s
        if best_i < 0 or best < self.threshold:
            return None
        entry = self._entries[best_i]
        heard: dict[str, str] = {}
        pool = list(found)
        for name, slot_type in entry.slot_types:
            for k, (found_type, words) in enumerate(pool):
                if found_type == slot_type:
                    heard[name] = words
                    del pool[k]
                    break
        return Match(entry.intent, self._slots(entry.intent, heard), "near", best, entry.sample)

    # -- invocation ----------------------------------------------------------------------

    def _compile_routes(self) -> tuple[re.Pattern[str], ...]:
        inv = r"(?:the )?" + re.escape(self.invocation_name) + r"(?: skill| app)?"
        opener = r"(?:open|start|launch|begin|load|run|use|play|talk to|speak to)"
        return (
            re.compile(r"(?:exit|quit)(?: (?:the )?(?:skill|app)| " + inv + r")?"),
            re.compile(rf"(?:{opener}|ask|tell) {inv}"),
            re.compile(
                rf"(?:ask|tell) {inv} (?:(?:to|about|for|if|whether|that|and) )?(?P<rest>.+)"
            ),
            re.compile(rf"{opener} {inv} and (?P<rest>.+)"),
            re.compile(rf"(?P<rest>.+) (?:using|with|from|on|in) {inv}"),
        )

    def route(self, utterance: str) -> Route:
        """What Alexa does with a phrase: launch, one-shot, exit, or pass it to the skill."""
        text = normalise(utterance)
        text = re.sub(r"^(?:(?:hey|ok|okay) )?alexa ", "", text)
        if not text or text in ("alexa", "hey alexa"):
            return Route(RouteKind.EMPTY)
        exit_, launch, ask, open_and, suffix = self._routes
        if exit_.fullmatch(text):
            return Route(RouteKind.EXIT)
        if launch.fullmatch(text):
            return Route(RouteKind.LAUNCH)
        for pattern in (ask, open_and, suffix):
            m = pattern.fullmatch(text)
            if m:
                rest = m.group("rest")
                if rest in ("to", "about", "for", "if", "whether", "that", "and"):
                    return Route(RouteKind.LAUNCH)
                return Route(RouteKind.ONE_SHOT, rest)
        return Route(RouteKind.IN_SKILL, text)


def model_path(locale: str, root: Path | None = None) -> Path:
    """Where the ASK CLI layout keeps a locale's model: interaction_model/.../<locale>.json."""
    base = root or Path(__file__).resolve().parents[2] / "interaction_model"
    return base / "interactionModels" / "custom" / f"{locale}.json"


def load_nlu(path: Path | str, *, threshold: float | None = None) -> NLU:
    """Read and compile a model file; ModelError (one line) when it cannot be used."""
    try:
        model = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelError(f"cannot read interaction model {path}: {exc.strerror}") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"interaction model {path} is not valid JSON: {exc}") from exc
    try:
        return NLU(model, threshold=threshold)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"interaction model {path} is malformed ({exc!r})") from exc
