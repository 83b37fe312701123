"""The interaction model compiled once for matching: slot types, and every sample filed in
the index its stage reads (exact phrases, samples with slots, the near-match token sets,
the classifier's word probabilities, the emergency rule's content words).

`compile_model` does all the work a phrase should not pay for; `ModelIndex` is what the
matcher reads and never changes. Each index holds its own typed entries.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Any, NamedTuple

from skill_tools.model import ModelError
from skill_tools.simulator.nlu_words import (
    BUILTIN_PHRASES,
    DIGIT_WORDS,
    FUNCTION_STEMS,
    GENERIC_WORDS,
    NUMBER_WORDS,
    PRONOUNS,
    UNALARMING_STEMS,
    content_words,
    deletions,
    drop_fillers,
    spoken_form,
    stem,
)

NEAR_THRESHOLD = 0.5
# Alexa's fallbackIntentSensitivity moves our threshold the same way (higher = more fallback).
SENSITIVITY_THRESHOLDS = {"LOW": 0.4, "MEDIUM": NEAR_THRESHOLD, "HIGH": 0.6}
# A word no sample contains weighs this much more than the rarest model word: hearing a
# word the skill was never taught is strong evidence the phrase is not for the skill.
UNKNOWN_WORD_FACTOR = 1.5
# The classifier stage (a naive Bayes over the samples' content words, for what nothing
# closer matched): add-alpha smoothing, the share of the evidence the best intent must
# hold, and the content words a phrase needs (question words and generic verbs aside).
CLASSIFIER_ALPHA = 0.1
CLASSIFIER_MIN_SHARE = 0.6
CLASSIFIER_MIN_WORDS = 2
# ... unless one word the best intent was taught holds this much of it, and nothing is unknown.
CLASSIFIER_ONE_WORD_SHARE = 0.75
# A near match scoring under NEAR_LOOSE yields to a classifier holding CLASSIFIER_SURE of
# the evidence for another intent (the sample left out the word that tells).
NEAR_LOOSE = 0.6
# A question after a story that asks nothing must be this close to a sample on its own.
NEAR_AFTER_STORY = 0.6
CLASSIFIER_SURE = 0.95
# A phrase that the classifier thinks may be an emergency at all, or that holds a word mostly
# taught by emergency samples ("chest"), goes to the fallback, which offers 911: the
# classifier neither raises an alarm from loose words nor hides one.
CLASSIFIER_EMERGENCY_SHARE = 0.2
# Intents a guess from loose words never reaches: they end the session or the check, or
# record an answer ("I'd rather not say" was a no; a story of walking to the mailbox went
# home and lost the check's answers), or dismiss an emergency ("not an emergency"); and
# "can you book me in", whose few samples outweighed the many of a reminder to call
# ("can you remind me to call when they're open": round 19), and "skip it", a no that ended
# the session for "and another one for next monday" (round 19); and "pause", a verb of
# stories ("i have to pause for it to pass", round 25); and being worn out, whose words are
# those of answers ("i told you, they cramp up most every night", round 29).
NEVER_GUESSED = frozenset({
    "AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent",
    "AMAZON.YesIntent", "AMAZON.NoIntent", "NotEmergencyIntent", "BookForMeIntent",
    "SkipIntent", "AMAZON.PauseIntent", "StrugglingIntent",
})  # fmt: skip
HEDGE_TYPE = "Hedge"  # "i wouldn't say", "maybe": said before an answer
# Slot types the near match never tags (SlotTagger): a hedge, whose "not" must stay visible,
# a condition named ("a blood clot"), whose words stay those that questions about it use,
# and a half of the day ("in the afternoon"), which is part of the times reminders are set at.
UNTAGGED_TYPES = frozenset({HEDGE_TYPE, "UrgentCondition", "DayHalf"})
OPEN_SLOT_WORDS = (1, 4)  # an open (unknown-value) slot in stage 3
OPEN_SLOT_MIN_CARRIER = 2
# Intents whose samples win by containment and that the classifier never guesses: a
# physical emergency and thoughts of suicide or self-harm, both answered with 911.
EMERGENCY_INTENT = "EmergencyIntent"
PRIORITY_INTENTS = (EMERGENCY_INTENT, "CrisisIntent")
# Of those, the ones a denial said around a sample's words takes back ("my chest doesn't
# hurt"); thoughts of self-harm are never taken back so ("i'm not suicidal, but...").
DENIABLE = frozenset({EMERGENCY_INTENT})
UNDENIED = frozenset(PRIORITY_INTENTS) - DENIABLE
# The intent of a denial said on its own ("no chest pain"). Said before what the user came
# for ("no chest pain or anything, just cramps at night"), the rest is what Alexa would take.
DENIAL_INTENT = "NotEmergencyIntent"
# The classifier's one class for both: "may be urgent", never named (a small crisis class of
# its own would make "sleep" and "wake" alarm words).
PRIORITY_CLASS = PRIORITY_INTENTS[0]

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class SlotRef(NamedTuple):
    """A slot an intent declares, or a sample uses."""

    name: str
    type: str


SamplePart = str | SlotRef  # a literal word of a sample, or one of its slots


@dataclass(frozen=True)
class Value:
    """A custom slot type's value: what entity resolution reports for it."""

    id: str | None
    name: str


SlotTable = dict[str, list[Value]]  # spoken-form value or synonym -> the values it names


class ExactHit(NamedTuple):
    """A literal sample (or built-in phrase), filed under its spoken form."""

    intent: str
    sample: str


class LazyPattern:
    """A regular expression compiled when first used: the open-slot stage reads few of the
    thousands of samples' patterns, and compiling them all cost every start a second."""

    __slots__ = ("source", "_compiled")

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled.fullmatch(text)


class SubsetIndex:
    """Which of many word sets a phrase's words contain, in their order: each set is filed
    under its rarest word, so a phrase looks at the few sets filed under its own words
    rather than testing thousands (the slot fill and the emergency rule ask this of every
    phrase)."""

    def __init__(self, sets: Sequence[frozenset[str]]) -> None:
        counts = Counter(w for s in sets for w in s)
        self._sets = sets
        self._always = [i for i, s in enumerate(sets) if not s]
        self._by_word: dict[str, list[int]] = defaultdict(list)
        for i, s in enumerate(sets):
            if s:
                self._by_word[min(s, key=lambda w: (counts[w], w))].append(i)

    def within(self, said: Set[str]) -> list[int]:
        """The indexes, ascending, of the sets all of whose words are in `said`."""
        found = list(self._always)
        for word in said:
            found += (i for i in self._by_word.get(word, ()) if self._sets[i] <= said)
        return sorted(found)


@dataclass(frozen=True)
class SlotSample:
    """A sample with slots, for the slot fill and the open-slot stage."""

    intent: str
    sample: str
    slots: tuple[SlotRef, ...]  # in order of appearance
    parts: tuple[SamplePart, ...]
    open: LazyPattern | None  # None when it has too few carrier words
    # Its literal words: a phrase that lacks one cannot fill it (tried first, it spares the
    # slot fill most samples: a phrase is tried against thousands).
    literals: frozenset[str]


class NearSample(NamedTuple):
    """A sample as a token set, before the near index weighs its tokens."""

    intent: str
    sample: str
    tokens: frozenset[str]


@dataclass(frozen=True)
class NearEntry:
    """One sample as a weighed token set, for the near match."""

    intent: str
    sample: str
    tokens: frozenset[str]
    weight: float


class PrioritySample(NamedTuple):
    """An emergency or crisis sample as the content words a phrase must all contain."""

    words: frozenset[str]
    sample: str
    intent: str
    particles: frozenset[tuple[str, str]]  # "passed out": (verb, "out"), said side by side


_WHEN_LAST = (["night"], ["week"], ["time"], ["year"], ["month"], ["winter"], ["summer"])


@dataclass(frozen=True)
class SlotTagger:
    """Finds custom slot values in a phrase, for the near match: at each word, the longest
    value that starts there, then on after it (a word-by-word walk: one regular expression
    of every value cost a start more than a second)."""

    types: dict[str, str]  # spoken-form value or synonym -> its slot type
    lengths: dict[str, tuple[int, ...]]  # a first word -> its values' word counts, longest first

    @classmethod
    def of(cls, types: dict[str, str]) -> SlotTagger:
        lengths: dict[str, set[int]] = defaultdict(set)
        for phrase in types:
            words = phrase.split(" ")
            lengths[words[0]].add(len(words))
        return cls(types, {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()})

    def tag(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """Replace custom slot values by their type token; return the values found in order."""
        words = text.split(" ")
        out: list[str] = []
        found: list[tuple[str, str]] = []
        at = 0
        while at < len(words):
            if words[at] == "zero" and at and words[at - 1] in DIGIT_WORDS:
                out.append(words[at])  # "one zero times": 10, as the simulator spells it, not
                at += 1  # "zero times" (round 19: recorded as never)
                continue
            if words[at] == "never" and words[at + 1 : at + 2] in (["that"], ["so"], ["too"]):
                out.append(words[at])  # "never that bad": how bad, not how often (round 20:
                at += 1  # "no they're never that bad" changed the frequency answer)
                continue
            if words[at] == "last" and words[at + 1 : at + 2] in _WHEN_LAST:
                out.append(words[at])  # "last night": when, not the last question (round 26:
                at += 1  # "who won the game last night" was when to see a specialist)
                continue
            for n in self.lengths.get(words[at], ()):
                phrase = " ".join(words[at : at + n])
                slot_type = self.types.get(phrase) if at + n <= len(words) else None
                if slot_type is not None:
                    found.append((slot_type, phrase))
                    out.append(type_token(slot_type))
                    at += n
                    break
            else:
                out.append(words[at])
                at += 1
        return " ".join(out), found


@dataclass(frozen=True)
class NearIndex:
    """Every sample's token set with IDF weights, postings per token, and spelling keys."""

    entries: list[NearEntry]
    postings: dict[str, list[int]]  # token -> indexes into entries
    idf: dict[str, float]
    unknown_weight: float  # the weight of a token no sample has
    vocabulary: set[str]  # every word of every sample, unstemmed
    spell: dict[str, str]  # a one-letter deletion -> the model word it comes from


@dataclass(frozen=True)
class ClassifierIndex:
    """A multinomial naive Bayes with equal priors (with priors by sample count, the intents
    with most samples took "set a timer for ten minutes"): per intent, the log-probability
    of each content token, add-alpha smoothed."""

    log_p: dict[str, dict[str, float]]  # intent -> token -> log P(token | intent)
    unseen: dict[str, float]  # intent -> log P(a model token this intent's samples lack)
    vocabulary: frozenset[str]
    ignored: frozenset[str]  # function words: never evidence
    generic: frozenset[str]  # question words and generic verbs: evidence, but not enough
    # Tokens (generic words aside) that give PRIORITY_CLASS 20% or more of their evidence.
    alarm: frozenset[str]


@dataclass(frozen=True)
class ModelIndex:
    """One locale's model, compiled: what the matcher reads."""

    invocation_name: str
    threshold: float
    intents: dict[str, tuple[SlotRef, ...]]
    types: dict[str, SlotTable]
    longest: dict[str, int]  # slot type -> words in its longest value
    tagger: SlotTagger
    exact: dict[str, ExactHit]  # spoken-form phrase -> its sample
    slot_samples: list[SlotSample]
    near: NearIndex
    classifier: ClassifierIndex
    priority: list[PrioritySample]
    conflicts: list[str]  # a phrase listed for two intents: the first one wins


def type_token(slot_type: str) -> str:
    """The near match's token for any value of a slot type."""
    return "{" + slot_type + "}"  # braces never survive spoken_form(): no clash with a word


def compile_model(model: Mapping[str, Any], threshold: float | None = None) -> ModelIndex:
    """Compile a model document; ModelError when it is inconsistent (KeyError, TypeError or
    AttributeError when it is malformed in a way it does not name)."""
    return _Compiler(model, threshold).index


class _Compiler:
    """Fills the indexes sample by sample; `index` is the result."""

    def __init__(self, model: Mapping[str, Any], threshold: float | None) -> None:
        try:
            lm = model["interactionModel"]["languageModel"]
            intents = lm["intents"]
        except (KeyError, TypeError) as exc:
            raise ModelError("no interactionModel.languageModel.intents") from exc
        invocation_name = spoken_form(str(lm.get("invocationName", "")))
        if not invocation_name:
            raise ModelError("the model has no invocationName")
        config = model["interactionModel"].get("modelConfiguration") or {}
        level = (config.get("fallbackIntentSensitivity") or {}).get("level", "MEDIUM")
        threshold = threshold if threshold is not None else SENSITIVITY_THRESHOLDS.get(
            str(level).upper(), NEAR_THRESHOLD
        )
        self.types = self._compile_types(lm.get("types") or [])
        longest = {t: max((len(p.split()) for p in v), default=0)  # words in a value
                   for t, v in self.types.items()}
        self.intents: dict[str, tuple[SlotRef, ...]] = {}
        self.exact: dict[str, ExactHit] = {}
        self.slot_samples: list[SlotSample] = []
        self.near_samples: list[NearSample] = []
        self.conflicts: list[str] = []
        self.vocabulary: set[str] = set()
        self.seen: set[tuple[str, frozenset[str]]] = set()

        for intent in intents:
            name = intent.get("name")
            if not isinstance(name, str):
                raise ModelError("an intent without a name")
            slots = tuple(SlotRef(s["name"], s["type"]) for s in intent.get("slots") or [])
            self.intents[name] = slots
        custom_used = {t for slots in self.intents.values() for _, t in slots if t in self.types}
        self.tagger = self._compile_tagger(custom_used)
        # Slot values' words are model words too: "quite" (of "quite often") is never
        # "corrected" to the Stop sample "quiet".
        self.vocabulary.update(w for t in custom_used for v in self.types[t] for w in v.split())

        for intent in intents:  # the model's samples first: they win over built-in phrases
            for sample in intent.get("samples") or []:
                self._add_sample(intent["name"], sample)
        for intent in intents:
            for sample in BUILTIN_PHRASES.get(intent["name"], ()):
                self._add_sample(intent["name"], sample, builtin=True)

        near = self._build_near_index()
        priority: list[PrioritySample] = []
        for intent in intents:
            if intent["name"] in PRIORITY_INTENTS:
                for sample in intent.get("samples") or []:
                    if "{" not in sample and (words := content_words(spoken_form(sample))):
                        particles = _particles(sample)
                        priority.append(PrioritySample(words, sample, intent["name"], particles))
        self.index = ModelIndex(
            invocation_name=invocation_name,
            threshold=threshold,
            intents=self.intents,
            types=self.types,
            longest=longest,
            tagger=self.tagger,
            exact=self.exact,
            slot_samples=self.slot_samples,
            near=near,
            classifier=self._build_classifier(),
            priority=priority,
            conflicts=self.conflicts,
        )

    def _compile_types(self, types: list[Any]) -> dict[str, SlotTable]:
        """Custom slot types: spoken-form value or synonym -> the values it resolves to."""
        out: dict[str, SlotTable] = {}
        for t in types:
            table: SlotTable = defaultdict(list)
            for v in t.get("values") or []:
                name = v.get("name") or {}
                value = Value(v.get("id"), str(name.get("value", "")))
                for phrase in [value.name, *(name.get("synonyms") or [])]:
                    key = spoken_form(phrase)
                    if key and value not in table[key]:
                        table[key].append(value)
            out[t["name"]] = dict(table)
        return out

    def _compile_tagger(self, used: set[str]) -> SlotTagger:
        """A type whose values are yes and no (a {reply} slot) is not tagged: as a type
        token, "yeah sure" and "not really sure" would be the same phrase. Nor is a pronoun
        ("you", "them" for the clinic): as a type token, "see a specialist" would be the
        Stop sample "see you". Nor is a hedge ("i don't think", the Hedge type): as a type
        token it would hide its "not" from the near match, and "i don't know if they do"
        would be the No sample "i don't think they do"."""
        tag_type: dict[str, str] = {}
        for slot_type in sorted(used):
            if {"yes", "no"} <= set(self.types[slot_type]) or slot_type in UNTAGGED_TYPES:
                continue
            for phrase in self.types[slot_type]:
                if phrase not in PRONOUNS:
                    tag_type.setdefault(phrase, slot_type)
        return SlotTagger.of(tag_type)

    def _slot_pattern(self, slot_type: str) -> str:
        low, high = OPEN_SLOT_WORDS
        return rf"\w+(?: \w+){{{low - 1},{high - 1}}}"

    def _add_sample(self, intent: str, sample: str, builtin: bool = False) -> None:
        declared = dict(self.intents[intent])
        pieces = _PLACEHOLDER.split(sample)  # literal, slot, literal, slot, ...
        literal_words: list[str] = []
        exact_parts: list[SamplePart] = []
        open_parts: list[str] = []
        near_words: list[str] = []
        slots: list[SlotRef] = []
        for i, piece in enumerate(pieces):
            if i % 2 == 0:
                words = spoken_form(piece).split()
                literal_words += words
                exact_parts += words
                open_parts += map(re.escape, words)
                near_words += words
                continue
            if piece not in declared:
                raise ModelError(f"{intent}: sample {sample!r} uses undeclared slot {piece!r}")
            slot = SlotRef(piece, declared[piece])
            slots.append(slot)
            group = f"s_{piece}"
            exact_parts.append(slot)
            open_parts.append(f"(?P<{group}>{self._slot_pattern(slot.type)})")
            near_words.append(type_token(slot.type))
        text = " ".join(literal_words)
        if not slots:
            if not text:
                return
            # The sample without its filler words too, unless that leaves one word: "uh huh"
            # must not teach "huh", nor "please do" teach "do".
            stripped = drop_fillers(text)
            keys = {text, stripped} if len(stripped.split()) > 1 else {text}
            for key in keys - {""}:
                if key in self.exact and self.exact[key].intent != intent and not builtin:
                    self.conflicts.append(f"{key!r}: {self.exact[key].intent} and {intent}")
                self.exact.setdefault(key, ExactHit(intent, sample))
            near = self.tagger.tag(text)[0]
        else:
            carriers = drop_fillers(text).split()
            self.slot_samples.append(
                SlotSample(
                    intent,
                    sample,
                    tuple(slots),
                    tuple(exact_parts),
                    LazyPattern(" ".join(open_parts))
                    if len(carriers) >= OPEN_SLOT_MIN_CARRIER and len(slots) == 1
                    else None,  # several unknown slots at once say nothing: no open match
                    frozenset(p for p in exact_parts if isinstance(p, str)),
                )
            )
            near = " ".join(near_words)
        words = drop_fillers(near).split()
        self.vocabulary.update(words)
        if len(set(words)) == 1 and len(near.split()) > 1:
            # "uh huh" is not "huh", "night night" not "night": the near match would learn
            # the wrong word (round 14: "night", said to a check question, ended the session)
            return
        tokens = frozenset(stem(w) for w in words)
        if tokens and (intent, tokens) not in self.seen:
            self.seen.add((intent, tokens))
            self.near_samples.append(NearSample(intent, sample, tokens))

    def _build_classifier(self) -> ClassifierIndex:
        ignored = FUNCTION_STEMS
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for sample in self.near_samples:
            if sample.intent in NEVER_GUESSED:
                continue
            intent = PRIORITY_CLASS if sample.intent in PRIORITY_INTENTS else sample.intent
            for t in sample.tokens - ignored:
                counts[intent][t] += 1
        vocabulary = frozenset(t for c in counts.values() for t in c)
        a, v = CLASSIFIER_ALPHA, len(vocabulary)
        log_p: dict[str, dict[str, float]] = {}
        unseen: dict[str, float] = {}
        for intent, c in counts.items():
            total = sum(c.values()) + a * v
            log_p[intent] = {t: math.log((k + a) / total) for t, k in c.items()}
            unseen[intent] = math.log(a / total)
        generic = frozenset(stem(w) for w in GENERIC_WORDS)
        alarm = frozenset(
            t
            for t, lp in log_p.get(PRIORITY_CLASS, {}).items()
            if t not in generic
            and t not in UNALARMING_STEMS
            and math.exp(lp) / sum(math.exp(log_p[i].get(t, unseen[i])) for i in log_p)
            >= CLASSIFIER_EMERGENCY_SHARE
        )
        return ClassifierIndex(log_p, unseen, vocabulary, ignored, generic, alarm)

    def _build_near_index(self) -> NearIndex:
        df: dict[str, int] = defaultdict(int)
        for sample in self.near_samples:
            for t in sample.tokens:
                df[t] += 1
        n = len(self.near_samples) or 1
        idf = {t: math.log(1 + n / c) for t, c in df.items()}
        entries: list[NearEntry] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for intent, sample, tokens in self.near_samples:
            index = len(entries)
            # summed in one order: samples with the same tokens weigh exactly the same, on
            # every run (round 14: float noise, which the hash seed ordered, broke a tie)
            entries.append(NearEntry(intent, sample, tokens, sum(idf[t] for t in sorted(tokens))))
            for t in tokens:
                postings[t].append(index)
        # Spelling: every model word of five letters or more, by its one-letter deletions.
        spell: dict[str, str] = {}
        for word in sorted(self.vocabulary):
            if len(word) >= 5 and not word.startswith("{"):
                for d in deletions(word):
                    spell.setdefault(d, word)
        return NearIndex(
            entries=entries,
            postings=postings,
            idf=idf,
            unknown_weight=UNKNOWN_WORD_FACTOR * math.log(1 + n),
            vocabulary=self.vocabulary,
            spell=spell,
        )


NUMBER_STEMS = frozenset(stem(w) for w in NUMBER_WORDS)


def number_pairs(text: str) -> frozenset[tuple[str, str]]:
    """The pairs of number words said side by side ("nine one one"), stemmed."""
    said = [stem(w) for w in spoken_form(text).split()]
    return frozenset(
        (a, b)
        for a, b in zip(said, said[1:], strict=False)
        if a in NUMBER_STEMS and b in NUMBER_STEMS
    )


# Pairs a sample's words must keep when said: "i'm dying" is no "my phone is dying", "i took
# all my pills" no "i took my water pill", "call nine one one" no "my number is 410 911 ..., can
# they call me" (round 13: 911 or 988, and the session ended).
_BOUND_AFTER = frozenset(stem(w) for w in ("out", "dying"))  # with the word before them
_BOUND_PAIRS = frozenset(
    (stem(a), stem(b))
    for a, b in (
        ("all", "my"), ("all", "her"), ("all", "his"), ("call", "nine"), ("dial", "nine"),
        ("without", "me"), ("ate", "some"), ("some", "of"), ("going", "blue"), ("turning", "blue"),
        ("will", "not"),  # "she won't wake up" is no "they don't wake me up" (round 22)
        ("point", "of"),  # "my foot cramping and pointing down ... waking up" (round 23: 988)
    )
)


def _particles(sample: str) -> frozenset[tuple[str, str]]:
    """A sample's verb and "out" pairs ("passed out"), its bound pairs (_BOUND_AFTER,
    _BOUND_PAIRS) and its numbers' words, stemmed: a phrase holds that sample only when it
    says them side by side (round 10: "it passes if i stand still when i am out walking" was
    fainting)."""
    said = [stem(w) for w in drop_fillers(spoken_form(sample)).split()]
    out = frozenset(
        (a, b)
        for a, b in zip(said, said[1:], strict=False)
        if b in _BOUND_AFTER or (a, b) in _BOUND_PAIRS
    )
    return out | number_pairs(sample)
