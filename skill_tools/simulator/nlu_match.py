"""Which intent and slots a phrase reaches, read from a compiled model (`ModelIndex`).

A phrase is put in its spoken form (lower case, contractions expanded, punctuation dropped)
and then goes through three stages, the first hit wins:

1. exact: it equals a sample or a built-in phrase, or fully matches a sample with slots,
   where a custom slot accepts one of its type's values or synonyms and a built-in slot
   (AMAZON.*) accepts one to six words (a date, time or duration only words that
   `nlu_builtins` turns into its value, which is what the slot then carries). A phrase
   equal to a plain sample still gets the slots of a sample of the same intent that it
   fully matches, as Alexa fills them;
2. near: IDF-weighted Jaccard similarity of token sets against every sample, after filler
   words are dropped, custom slot values are replaced by a token naming their type, and
   a misspelt word is corrected to a model word one edit away. The best sample wins when
   its score is at least the threshold (NEAR_THRESHOLD by default) and it keeps every "not"
   and "never" the phrase says (no "i would say {answer}" for "i would not say...") and the
   phrase keeps those the sample says (no "not sure" for "i am sure"), with
   every slot of its intent whose type has a value in the phrase (a date, time or duration
   wherever it stands, as Alexa recognises them; so do the open slot and classifier stages);
   A near match scoring under NEAR_LOOSE yields to the classifier (5) when that holds
   CLASSIFIER_SURE of the evidence for another intent: the sample left out the word that
   tells ("nocturnal leg cramps what's the reason");
3. open slot: a sample with one slot and at least two carrier words fully matches with its slot
   taken as one to four unknown words: the intent, with that slot ER_SUCCESS_NO_MATCH.

Between 1 and 2, clause: a denial that is the model's DENIAL_INTENT on its own, then "just",
"but" or "only" and what was asked ("no chest pain or anything, just cramps at night"), is
what was asked (method "clause").

Then carrier: a question said after a preamble that names nothing the question could be
about and nothing alarming ("my phone is dying so quick question, what causes cramps"), when
the question alone is a sample or fills one, is that question (method "carrier"); when the
preamble named one thing and the question points at it ("these cramps are awful, what causes
them"), the question is asked with that thing in place of its pronoun. And a
phrase that opens with words people put before any question
("could you tell me", "i was wondering", "okay so", "i'm worried because"; nlu_words.CARRIERS)
is tried again without them ("about ..." as "tell me about ..."), for a literal sample or a
slot fill (method "carrier", not "exact": an exact-match matcher such as Bespoken's
virtual-alexa would miss it, Alexa's statistical NLU learns that such openers carry no
intent). When the near match finds nothing for the phrase as said, it tries the phrase
without its carrier.

Before all three, a safety rule: a phrase that contains every content word of an
EmergencyIntent or CrisisIntent sample (in any order, with other words around them) is that
intent, unless it is a literal sample of another intent ("what are the signs of a blood
clot"; an idiom such as "dying to know" is said plainly first, nlu_words.IDIOMS), so no
shorter or more generic sample of another intent can take "my chest hurts and my legs
cramp" away from the emergency advice. Real Alexa has no such rule; the model's many
emergency samples are what teach it, and this keeps the simulator from being more
forgiving than the samples justify in the one place where a miss is dangerous. An
emergency sample whose words the phrase denies ("my chest does not hurt", "no chest pain";
`denies`) does not count; a crisis sample always does.

4. leading answer: a phrase that opens with a plain yes or no ("yes and then I can't get
   back to sleep") is AMAZON.YesIntent or AMAZON.NoIntent, unless it holds both ("yes no
   wait no"), is taken back ("no wait, one more thing") or holds words that give an emergency
   20% of the classifier's evidence ("yes, and my calf is red and really painful": the
   fallback offers 911).
5. classifier: a naive Bayes over the samples' content words, standing in for how Alexa's
   statistical NLU generalises past its samples ("does alcohol cause leg cramps"). It speaks
   only when the phrase holds no more unknown words than known ones, one intent holds at
   least 60% of the evidence (moved with the threshold by the fallback sensitivity), and
   that intent's samples hold at least two of the phrase's telling words (not just "what",
   "tell", "get"); never for Stop or Cancel (a guess must not end the session) or for
   EmergencyIntent, and not at all when an emergency holds 20% or more of the evidence, or
   one word of the phrase does (the fallback offers 911). Method "classifier", never
   counted as exact.

Anything else is AMAZON.FallbackIntent.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache

from skill import answers
from skill.answers import REPLY_SLOT_TYPE
from skill.triage import Answer
from skill_tools.simulator.nlu_builtins import MONTHS, PARTS_OF_DAY, RESOLVERS, time_value
from skill_tools.simulator.nlu_index import (
    CLASSIFIER_EMERGENCY_SHARE,
    CLASSIFIER_MIN_SHARE,
    CLASSIFIER_MIN_WORDS,
    CLASSIFIER_ONE_WORD_SHARE,
    CLASSIFIER_SURE,
    DENIABLE,
    DENIAL_INTENT,
    EMERGENCY_INTENT,
    HEDGE_TYPE,
    NEAR_AFTER_STORY,
    NEAR_LOOSE,
    NEAR_THRESHOLD,
    NUMBER_STEMS,
    PRIORITY_CLASS,
    PRIORITY_INTENTS,
    UNDENIED,
    ModelIndex,
    SamplePart,
    SubsetIndex,
    number_pairs,
    type_token,
)
from skill_tools.simulator.nlu_senses import (
    cut_by_accident,
    figure_of_speech,
    ordinary_reading,
)
from skill_tools.simulator.nlu_signs import (
    BODY,
    CRAMP_WORDS,
    DENIAL_WORDS,
    DENIALS,
    FINE,
    NEGATIONS,
    QUESTION_OPENERS,
    SUBJECTS,
    TURNS,
    asks_about,
    denied,
    denies,
    had_it_earlier,
    history_then_now,
    told_before_asking,
)
from skill_tools.simulator.nlu_words import (
    ANSWER_INTENTS,
    ARTICLE_CARRIERS,
    CORRECTIONS,
    FUNCTION_STEMS,
    FUNCTION_WORDS,
    IDIOMS,
    LEADING_ANSWERS,
    PRONOUNS,
    RELATIVES,
    TAKEN_BACK,
    content_words,
    deletions,
    drop_carrier,
    drop_fillers,
    filler_openings,
    spoken_form,
    stem,
)

FALLBACK = "AMAZON.FallbackIntent"
BUILTIN_SLOT_WORDS = (1, 6)  # a built-in slot type (AMAZON.*) accepts this many words


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
    # priority|exact|clause|carrier|near|open_slot|leading|classifier|fallback
    method: str = "exact"
    score: float = 1.0
    sample: str | None = None  # the sample that won, for explanations


# Words a yes or no sample may end with that say more is coming when words follow.
_CLAUSE_GOES_ON = frozenset({"not", "do", "does", "did", "is", "am", "are", "was", "have"})
# A no said again after a no: the answer that follows is what the no was about.
_NO_AGAIN = frozenset({"no", "not", "none", "never", "nothing"})
# Between a yes or no and what it goes on to ask for: "no thanks, but give me their website".
_LINKS = frozenset({
    "thanks", "thank", "you", "but", "and", "then", "so", "also", "please", "go", "ahead",
})
# What a no says of what it corrects, before saying what is right instead.
# (in spoken form: "that's" is "that is")
_SAID_WRONG = (["that", "is", "wrong"], ["that", "is", "not", "right"], ["wrong", "day"], ["wrong"])
# Words that open a request: a question word, or one of these said first.
_REQUEST_LEADS = tuple(
    lead.split()
    for lead in ("i would rather", "i would like to", "i want to", "i would like", "can you")
)
# In a later clause after a yes or no, only words that ask open a request: a question word
# there is often part of the answer ("no, the doctor never said what causes them").
_LATER_LEADS = tuple(lead.split() for lead in ("can you", "could you", "would you"))
_LATER_OPENERS = frozenset({"remind", "set", "give", "send", "text", "email"})
_NO_REQUEST = ANSWER_INTENTS | set(LEADING_ANSWERS)  # said after a yes or no: no request

_REQUEST_OPENERS = QUESTION_OPENERS | {
    "give", "tell", "remind", "check", "set", "send", "call", "start", "run", "text", "email",
    "make", "do", "take", "back",  # "no. ok, back to the questions please" (round 25)
    "stop", "leave", "quit",  # "nah actually stop the check" (round 31: a no, recorded)
}
# The answers that say which question they answer ("they wake me up"): after a short yes or
# no, one of them is the answer meant; how often ("maybe a couple times") only says more.
_STATED_ANSWERS = "CheckAnswer"
_REQUEST_METHODS = frozenset({"exact", "carrier", "priority"})
_REQUEST_NEAR = 0.6  # what a yes or no goes on to ask for, matched loosely: only when close
_MORE_LIKE = frozenset({"more like", "it is more like"})  # of nlu_words.CORRECTIONS


class Matcher:
    """Resolves phrases against one compiled model."""

    def __init__(self, index: ModelIndex) -> None:
        # The indexes as attributes of their own: a phrase pays one lookup for each.
        self.threshold = index.threshold
        self.intents = index.intents
        self._types = index.types
        # Slot types whose values say what a question is about ("at night", "my calves"),
        # unlike who asks ("my grandson"), their phone or a remedy in passing ("this heat").
        self._topical = frozenset(index.types) - _IN_PASSING
        self._value_words = frozenset(w for v in index.tagger.types for w in v.split())
        self._longest = index.longest
        self._tagger = index.tagger
        self._exact = index.exact
        self._slot_samples = index.slot_samples
        self._slot_samples_of: dict[str, list] = defaultdict(list)
        for sample in index.slot_samples:
            self._slot_samples_of[sample.intent].append(sample)
        self._slot_literals = SubsetIndex([s.literals for s in index.slot_samples])
        self._priority = index.priority
        self._priority_words = SubsetIndex([p.words for p in index.priority])
        # The words of the signs a denial can take back, and may list ("no chest pain or
        # trouble breathing"): a denial reaches across them to the sign it denies.
        self._signs = frozenset(
            w for p in index.priority if p.intent in DENIABLE for w in p.words
        ) - DENIALS - {"no"}
        self._denial_vocabulary = self._signs | DENIAL_WORDS  # all a denial of signs may say
        # The emergency rule, the history clause and the near match each ask this of the same
        # phrase; it is worked out once.
        self._asks_about = lru_cache(maxsize=256)(self._asks_about_once)
        # Whole phrases of despair (the slot values of a crisis sample, of three words or more:
        # "i just want it all to end"), said anywhere in a phrase: "yes every night, and
        # honestly i just want it all to end" (round 13: a yes, recorded, and no 988).
        whole = [
            (f" {drop_fillers(value)} ", intent, f" {value} ")
            for intent, slots in self.intents.items()
            if intent in UNDENIED
            for _, slot_type in slots
            for value in self._types.get(slot_type, ())
            if len(drop_fillers(value).split()) >= _WHOLE_PHRASE_MIN
        ]
        fed = [any(f" {w} " in value for w in _FED_UP) for _, _, value in whole]
        self._despair = tuple(
            (said, intent)
            for (said, intent, value), fed_up in zip(whole, fed, strict=True)
            if not fed_up or any(f" {w} " in value for w in _OF_LIFE)
        )
        # The fed-up ones left out ("i can't do this anymore"): said among other words that
        # match nothing, they are the struggling reply's, never the fallback (round 32:
        # "between the toddler and the cramps i just can't do this anymore").
        left_out = {said for (said, _, _), fed_up in zip(whole, fed, strict=True) if fed_up}
        left_out -= {said for said, _ in self._despair}
        self._fed_up = tuple(sorted(left_out)) if STRUGGLING in self.intents else ()
        # Most phrases say none of them: one search first spares the loop over them all.
        self._despair_any = (
            re.compile("|".join(re.escape(v) for v, _ in self._despair)) if self._despair else None
        )
        near = index.near
        self._entries = near.entries
        # Every word the model says, for a name said after a kin word (without_name).
        self._model_words = frozenset(
            w for e in near.entries for w in e.tokens
        ) | frozenset(w for values in self._types.values() for v in values for w in v.split())
        # What each sample is about (_SUBJECTS), for the near match's _names_another.
        self._subjects = [_SUBJECTS.intersection(e.tokens) for e in near.entries]
        # The content words of each emergency sample, for the near match's denial check.
        self._sign_words = {
            i: content_words(spoken_form(e.sample))
            for i, e in enumerate(self._entries)
            if e.intent in DENIABLE
        }
        # An emergency sample's number, said as one ("nine one one"): "i am one nine" is not it.
        self._numbers = {
            i: pairs
            for i, e in enumerate(self._entries)
            if e.intent in PRIORITY_INTENTS and (pairs := number_pairs(e.sample))
        }
        self._postings = near.postings
        self._idf = near.idf
        self._unknown_weight = near.unknown_weight
        self._vocabulary = near.vocabulary
        self._spell = near.spell
        # The intents whose sample is an answer type's slot alone ("{frequency}"), by type.
        self._hedge_phrases = tuple(self._types.get(HEDGE_TYPE, ()))
        self._answer_slots = {
            s.slots[0][1]: (s.intent, s.slots[0][0])
            for s in reversed(index.slot_samples)
            if s.intent in ANSWER_INTENTS and s.sample == "{" + s.slots[0][0] + "}"
        }
        self._answer_intents = frozenset(intent for intent, _ in self._answer_slots.values())
        # The sample whose intent answers a story then "is that something to worry about".
        self._worry = self._exact.get(WORRY_SAMPLE)
        # Who is spoken of ("my wife", "she"): values the tagger leaves alone, as pronouns.
        # A near match still fills a slot of theirs with the first one said, as Alexa would
        # ("my wife gets cramps when she walks, should she see a specialist": about her).
        self._people = {
            slot_type: said
            for slot_type, values in self._types.items()
            if (said := tuple(v for v in values if v in PRONOUNS and v not in _NOT_PEOPLE))
        }
        self._classifier = index.classifier
        # The fallback sensitivity moves the classifier's bar as it moves the threshold.
        self._classifier_share = CLASSIFIER_MIN_SHARE + index.threshold - NEAR_THRESHOLD
        # The device's date: Alexa resolves "tomorrow" where the user is (the simulator sets
        # it from --time-zone; round 9: in a US evening, the machine's UTC date was a day on).
        self.today: Callable[[], date] = date.today

    def _fill(self, name: str, slot_type: str, heard: str | None) -> SlotFill:
        if heard is None:
            return SlotFill(name, slot_type)
        if slot_type not in self._types:
            resolve = RESOLVERS.get(slot_type)  # a date, time or duration: its value
            value = resolve(heard, self.today()) if resolve else None
            return SlotFill(name, slot_type, value or heard)  # built-ins carry no resolutions
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
        for d in sorted(deletions(word)):  # a set: its order would change with the hash seed
            if d in self._spell:
                return self._spell[d]
        return word

    def _priority_match(self, text: str) -> Match | None:
        unroused = _UNROUSABLE.search(text) or _DROPPED.search(text)
        if unroused and EMERGENCY_INTENT in self.intents and not (
            self._asks_about(text)
        ):
            # "i can't wake him up", "i can't keep her awake": no sample can say it, as "they
            # don't wake him up", "they don't keep him awake" answer the check (round 36: the
            # fallback)
            return Match(
                EMERGENCY_INTENT, self._slots(EMERGENCY_INTENT, {}), "priority", 1.0, None
            )
        found = self._contained(_healed_fracture(text))
        if found is None:
            # "cramp woke me, calf hard as a rock. is that a clot": the clot asked about after
            # a story with no sign in it (round 39: what cramps are, no word of the signs)
            words = text.split()  # (not a sample's own: "might that be deep vein thrombosis")
            told = _before_clot_asked(words) and not self._fill_sample(words, "exact")
            if told and _CLOTS_ASKED in self.intents:
                return Match(_CLOTS_ASKED, self._slots(_CLOTS_ASKED, {}), "clause", 0.0, None)
            return None
        if found.intent in DENIABLE and self._asks_about(text) and not self._told_first(text):
            return None  # "can leg cramps cause a stroke": the rest of the rules decide
        head = _before_clot_asked(text.split())
        if found.intent in DENIABLE and head and self._contained(" ".join(head)) is None:
            # "... then my calf stays sore all day, is that a clot?": what is told before the
            # question is no sign that needs 911, so the clot is asked about (the answer
            # names the signs that do; round 34: 911, and the session ended)
            if _CLOTS_ASKED in self.intents:
                return Match(_CLOTS_ASKED, self._slots(_CLOTS_ASKED, {}), "clause", 0.0, None)
            return None
        # "no chest pain, no breathing trouble, just cramps": a clause that is a denial on
        # its own lends no words to a sign ("pain when i breathe" was found across both).
        clauses = _clauses(text)
        if len(clauses) < 2 or had_it_earlier([stem(w) for w in text.split()]):
            return found
        kept = [c for c in clauses if self.resolve(c).intent != DENIAL_INTENT]
        if len(kept) == len(clauses):
            return found
        return self._contained(" ".join(kept)) if kept else None

    def _told_first(self, text: str) -> bool:
        """Whether a sign is told before a hypothetical asks about it ("my chest hurts, is
        this an emergency"): the sign stands."""
        head = told_before_asking(text)
        if head is None or asks_about(head):
            return False
        sign = self._contained(head)
        return sign is not None and sign.intent in DENIABLE

    def _contained(self, text: str) -> Match | None:
        padded = f" {drop_fillers(text)} "
        said_any = self._despair_any is not None and self._despair_any.search(padded)
        if said_any and figure_of_speech(padded):
            said_any = None  # "this cramp is gonna kill me" (round 44: the crisis line)
        for value, intent in self._despair if said_any else ():
            at = padded.find(value)
            if at < 0:
                continue
            after = padded[at + len(value) :].split()[:1]
            if _wakes_someone(value, after):
                continue  # "i don't want to wake up my wife" (round 23: the crisis line)
            # a short one must end the phrase, or a clause: "i have given up" is no "i have
            # given up coffee", "i am depressed" no "i am depressed about my cramps"
            if len(value.split()) > _WHOLE_PHRASE_WORDS or after in _ENDS_THE_THOUGHT:
                return Match(intent, self._slots(intent, {}), "priority", 1.0, value.strip())
        said = content_words(text)
        stems = [stem(w) for w in drop_fillers(text).split()]
        pairs = set(zip(stems, stems[1:], strict=False))
        # "my son swallowed a whole bottle of my pills": a child's overdose is the emergency
        # first, though the crisis sample "i swallowed a bottle of my pills" holds its words
        # (round 25: two new users; the crisis reply's 911 line is "if in danger")
        # ... and so is "he took too many of his pills, the bottle's nearly empty", a mistake
        # as far as anyone said (round 46: the suicide line, and the session ended)
        told = f" {text} "
        emergency_first = tuple(text.split()[:2]) in _A_CHILD or (
            " too many " in told and " on purpose " not in told
        )
        crisis = None
        figurative = figure_of_speech(told)  # "this cramp is gonna kill me" (round 44)
        for i in self._priority_words.within(said):
            words, sample, intent, particles = self._priority[i]
            if intent in DENIABLE and denies(stems, words, self._signs):
                continue
            if words <= NUMBER_STEMS and len(said) > _NUMBERS_SAID_WITH:
                continue  # "i work as a 911 dispatcher and i sit all day" (round 13)
            if _in_another_sense(pairs, sample):
                continue
            if intent in DENIABLE and _swells_every_day(sample, told):
                continue  # "my ankles puff up like balloons by end of the day" (round 32: 911)
            if intent in DENIABLE and _races_at_times(sample, told):
                continue  # "sometimes my heart races at night" (round 39: 911)
            if intent in DENIABLE and _cries_out_at_a_cramp(words, said):
                continue  # "cramp right now! very very pain, help me" (round 39: 911)
            if intent in DENIABLE and _asleep(sample, told):
                continue  # "my leg fell asleep in class and went all tingly and numb"
            if intent in DENIABLE and ordinary_reading(sample, told):
                continue  # "i get dizzy when i stand up too fast" (round 42: 911)
            if intent == CRISIS_INTENT and (figurative or cut_by_accident(sample, told)):
                continue  # "i cut myself on a knife at work, it's bleeding a lot"
            if particles <= pairs:  # "passed out" said as such, not "passes ... out walking"
                found = Match(intent, self._slots(intent, {}), "priority", 1.0, sample)
                if not (emergency_first and intent == CRISIS_INTENT):
                    return found
                crisis = crisis or found
        return crisis

    def literal(self, utterance: str) -> Match | None:
        """What an exact-match matcher (Bespoken's virtual-alexa) makes of `utterance`: a
        sample as said, or one its slot values fill; no filler dropped, no idiom read plainly,
        no carrier or word of address left out (those are the simulator's own, reported as
        "exact" by `resolve` all the same)."""
        text = spoken_form(utterance)
        hit = self._exact.get(text)
        if hit:
            return Match(hit.intent, {}, "exact", 1.0, hit.sample)
        return self._fill_sample(text.split(), "exact")

    def resolve(self, utterance: str) -> Match:
        """The intent and slots Alexa would send for `utterance` inside the skill's session."""
        found = self._resolve(utterance)
        text = spoken_form(utterance)
        if found.intent == _DAY_HALF and found.method == "classifier" and not any(
            f.value for f in found.slots.values()
        ):  # no half of the day, nor a time, said: "guy at the depot says pickle juice works,
            # that true" (round 45: a reminder set, to the reminder's offer)
            found = Match(FALLBACK, self._slots(FALLBACK, {}), "fallback", 0.0, None)
        if (found.intent in _WORN_OUT_OVERRIDES and found.method not in _SURE_METHODS) or (
            found.intent == FREQUENCY_INTENT and found.method == "answer_value"
        ):  # "... i just can't anymore": no "not anymore" (round 41: "may not be a concern")
            fed_up = self._worn_out(drop_fillers(text))
            if fed_up is not None:  # "i can't take these cramps no more, every night same
                return fed_up  # thing": worn out, not done (round 38: a no, and "Take care.
                # Goodbye!")
        if found.intent == CRISIS_INTENT and found.method == "near" and _fed_up_with_cramps(text):
            # "these cramps every night, i'm sick of it, i can't take it no more": near a
            # crisis sample, though nothing in it speaks of life (round 42: the crisis line,
            # and the session ended)
            return Match(STRUGGLING, self._slots(STRUGGLING, {}), "near", found.score, None)
        when = self._corrected_when(self._with_day_and_time(found, text), text)
        return self._at_night(when, text)

    def without_name(self, utterance: str) -> str:
        """ "This is for my sister Rosa, not me": a capitalised word the model never says,
        right after "my" and a kin word, is a name (as Alexa's transcript spells one), and
        Alexa's slot is the kin ("for my sister"); the name left in, nothing matched (round
        38: "I need an answer to this question first", and the sister's answers went into a
        result about the user). Given the words as said (Simulator.say), before `resolve`
        spells them in lower case."""
        return _NAMED_KIN.sub(
            lambda m: m[1] if not self._model_words.intersection(m[2].lower().split()) else m[0],
            utterance,
        )

    def _at_night(self, found: Match, text: str) -> Match:
        """A loose question about the causes of cramps that names the night is the headline
        question ("is there a reason my legs cramp when i go to bed": round 30, the causes
        answer, near "is there a reason my legs keep cramping")."""
        if found.intent != CAUSES_INTENT or found.method in ("exact", "carrier"):
            return found
        _, tagged = self._near_tokens(text)
        if not any(t == NIGHT_TYPE for t, _ in tagged) or NIGHT_INTENT not in self.intents:
            return found
        heard = self._tagged(self.intents[NIGHT_INTENT], tagged)
        return replace(found, intent=NIGHT_INTENT, slots=self._slots(NIGHT_INTENT, heard))

    def _with_day_and_time(self, found: Match, text: str) -> Match:
        """A day or time said outside the words that matched, as Alexa fills built-in slots
        wherever they stand ("remind me to ring them on thursday after my appointment, say
        about half past two": round 30, the time was lost and the reminder set for 9)."""
        if found.method == "exact" or found.intent not in _WHEN_SAID:
            return found  # a day said to another intent is its own ("open on saturday?")
        empty = [
            n for n, t in self.intents[found.intent]
            if t in RESOLVERS and (n not in found.slots or found.slots[n].value is None)
        ]  # fmt: skip
        if not empty:
            return found
        used = {w for f in found.slots.values() if f.value for w in f.value.split()}
        heard = {
            n: v for n, v in self._builtins(found.intent, text.split()).items()
            if n in empty and not used.intersection(v.split())
        }  # fmt: skip
        return self._with_heard(found, heard)

    def _with_heard(self, found: Match, heard: dict[str, str]) -> Match:
        """`found`, with the built-in slots in `heard` filled as Alexa resolves them."""
        if not heard:
            return found
        slots = dict(found.slots)
        for name, slot_type in self.intents[found.intent]:
            if name in heard:
                slots[name] = self._fill(name, slot_type, heard[name])
        return replace(found, slots=slots)

    def _corrected_when(self, found: Match, text: str) -> Match:
        """A day or time taken back in the same breath: the one said after the last correction
        ("tomorrow at seven, no wait, make it eight", "saturday morning, no scratch that,
        sunday", "at eight, i mean eight at night": round 41, the first was set, and a reminder
        once set cannot be changed). What the correction leaves unsaid stays as it was."""
        if found.intent not in _WHEN_SAID:
            return found
        words = text.split()
        said = _DAY_CORRECTIONS if found.intent == REMINDER_INTENT else _WHEN_CORRECTIONS
        cut = max((k + len(c) for c in said for k in range(len(words))
                   if words[k : k + len(c)] == c), default=0)
        return self._with_heard(found, self._builtins(found.intent, words[cut:]) if cut else {})

    def _resolve(self, utterance: str) -> Match:
        text = spoken_form(utterance)
        hit = self._exact.get(text) or self._exact.get(drop_fillers(text))
        for opening in [] if hit else filler_openings(text):
            hit = self._exact.get(opening)
            if hit:
                text = opening
                break
        if not hit:  # "I'm dying to know why my legs cramp": the idiom says nothing
            text = _without_idioms(text)
            hit = self._exact.get(text)  # "yes and no": "kind of"
        if not hit and (plain := _without_said_tag(text)) != text:
            text = plain  # "every night he says" (round 39: not sure, near "he never says")
            hit = self._exact.get(text)
        if not hit and (plain := _without_vocative(text)) != text:
            hit = self._exact.get(plain)  # "that's it love" (round 22: the fallback)
            # "what should i do then love" (round 33: the fallback): the rest read as said
            text = plain if hit or len(plain.split()) > 2 else text
        if not hit:  # a literal sample of another intent is what Alexa would pick
            priority = self._priority_match(text)
            if priority is not None:  # with the slots of its own sample that says it all
                filled = self._fill_sample(text.split(), "exact")
                return filled if filled and filled.intent == priority.intent else priority
        if hit:
            heard = self._literal_slots(hit.intent, text.split())
            return Match(hit.intent, self._slots(hit.intent, heard), "exact", 1.0, hit.sample)
        bare = drop_fillers(text)  # "um why do my calves cramp": as for literals
        if _echoed(bare.split()) and _REPEAT in self.intents:
            # "frequent what?", "disrupt my what?" (round 46: a frequency recorded, or "I need
            # an answer", for a question not heard)
            return Match(_REPEAT, self._slots(_REPEAT, {}), "clause", 0.0, None)
        for words in [text.split()] + ([bare.split()] if bare != text else []):
            found = self._fill_sample(words, "exact")
            if found is not None:
                return found
        two = self._two_of_one(bare.split())
        if two is not None:
            return two
        turned = (
            self._after_denial(text) or self._after_correction(text) or self._after_history(text)
            or self._concluded(text) or self._farewell(text) or self._before_but(text)
            or self._leaving_first(text)
        )
        if turned is not None:
            return turned
        held = self._held_on(bare)
        if held is not None:
            return held
        asked = self._without_carriers(bare)
        # As said too: a filler may belong to the carrier ("i would like to know about").
        for said, plain in ((text, self._without_carriers(text)), (bare, asked)):
            if plain == said:
                continue
            for candidate in dict.fromkeys((plain, _told_about(plain))):
                hit = self._exact.get(candidate)
                if hit and hit.intent not in PRIORITY_INTENTS:
                    return Match(
                        hit.intent, self._slots(hit.intent, {}), "carrier", 1.0, hit.sample
                    )
                found = self._fill_sample(candidate.split(), "carrier")
                if found is not None and found.intent not in PRIORITY_INTENTS:
                    return found  # "what about deep vein thrombosis" asks (round 20: 911)
            done = self._leading_answer(plain)
            if done is not None and done.intent == STOP_INTENT:
                return done  # "ok, no thanks, that's everything" (round 26: thanks)
        request = self._request_after_answer(text)
        if request is not None:  # "no thanks, what's varicose veins": not "no thanks"
            return request
        # What a phrase asks for among other words, in this order: "my phone is dying so
        # quick question, what causes cramps"; "fine, remind me sunday evening, she comes for
        # supper"; "check my symptoms then, to keep her happy"; "stop the check please, I
        # just want the contact details"; "hang on, someone's at the door, pause this".
        for reader in (
            self._about_the_baby, self._question_after, self._reminder_clause,
            self._said_then_remark, self._left_for_request, self._paused_at_end,
            self._then_what_to_do, self._first_of_two, self._question_then_remark,
            self._thanks_then_remark,
        ):
            found = reader(bare)
            if found is not None:
                return found
        found = self._before_vocative(text)  # as said: "dear" is a filler once dropped
        if found is not None:
            return found
        if {"remind", "reminder"} & set(text.split()):  # "remind me after work to call": a
            found = self._open_slot(text, REMINDER_INTENT)  # time the skill can't use, said
            if found is not None:  # (round 30: near "please remind me to call", tomorrow at 9)
                return found
        near = self._near(text, asked if asked != bare else None)
        loose_change = near is not None and near.intent == CHANGE_ANSWER and near.score < NEAR_LOOSE
        if loose_change and not _says_any(text, (*CORRECTIONS, "meant", "change")):
            near = None  # "she says no, it's never when walking": loosely "no actually it's
            # {frequency}", but nothing in it changes an answer (round 22: the first answer)
        if near is not None and near.intent in LEADING_ANSWERS and _asks_first(bare):
            near = None  # "when is it": a question, not the yes "it is" (round 26: a reminder
            # set without a yes)
        if near is not None:
            lead = self._loose_after_answer(near, text)
            if lead is None and near.intent in ANSWER_INTENTS:
                near = self._with_opening_reply(near, bare.split())
            return lead or self._unless_surely_other(near, text)
        found = self._open_slot(text)
        if found is not None:
            return found
        lead = self._lead(text)
        if lead is not None:
            return lead
        later = self._answer_after_but(text)
        if later is not None:  # "back then i never had a single one, but these days they
            return later  # come most nights" (round 25: never, a no)
        # "remind me every night at nine" asks for a reminder: no answer of how often
        # (round 39: "frequent cramps" recorded, and no reminder)
        reminder = {"remind", "reminder"} & set(text.split())
        value = None if reminder else self._answer_value(text)
        words = drop_fillers(text).split()
        if value is not None and 1 < len(words) < 5 and words[-1] in _PLAIN_YES:
            # "sometimes yes": the yes it closes with, as "yeah sometimes" opens with one
            # (round 22: not sure, to "do they disrupt your sleep?")
            yes = Match(YES_INTENT, {}, "leading", 0.0, "yes")
            with_yes = self._with_reply(value, yes)
            return yes if with_yes is value else with_yes
        if value is not None and (_long_answer(value) or _opens_with(value, words)):
            return value  # "every time i get one at night i'm up for an hour": a whole answer;
            # "hardly, maybe after a tennis match": said first (round 25: "maybe", not sure)
        doubt = self._doubt(text)
        if doubt is not None:
            return doubt
        guess = self._classify(asked) or value or self._worried_story(text)
        if guess is not None:
            return guess
        return self._worn_out(bare) or Match(
            FALLBACK, self._slots(FALLBACK, {}), "fallback", 0.0, None
        )

    def _worn_out(self, bare: str) -> Match | None:
        """The struggling reply, for a fed-up remark (`_fed_up`) said among these words."""
        padded = f" {bare} "
        fed_up = next((v for v in self._fed_up if v in padded), None)
        if fed_up is None:
            return None
        return Match(STRUGGLING, self._slots(STRUGGLING, {}), "near", 1.0, fed_up.strip())

    def _open_slot(self, text: str, only: str | None = None) -> Match | None:
        """A sample whose literal words are all said, its slot holding words no value has
        ("remind me after work": the time, which the skill says it cannot use)."""
        for i in self._slot_literals.within(set(text.split())):
            s = self._slot_samples[i]
            if s.intent in PRIORITY_INTENTS or only not in (None, s.intent):
                continue  # unknown words are no alarm: "my wife says {despair}", "i kick"
            m = s.open.fullmatch(text) if s.open else None
            if m:
                heard = {name: m.group(f"s_{name}") for name, _ in s.slots}
                if any(v and set(v.split()[:2]) & (_PLAIN_YES | _PLAIN_NO) for v in heard.values()):
                    continue  # "nope they never wake me up": no {cramp} (round 13), an answer;
                    # "oh yes, terribly, they wake me up" (round 34)
                if any(v and self._names_answer(v) for v in heard.values()):
                    continue  # "no, it's fine when i walk": no "no, it's {flip}" (round 22)
                errand = [n for n, v in heard.items() if v and v.split()[0] in _ERRANDS]
                if errand:  # "remind me call vein center": the errand, no time (round 38:
                    heard = {n: v for n, v in heard.items() if n not in errand}  # "I couldn't
                    # use the day or time you said")
                found = self._builtins(s.intent, text.split())
                if found and (errand or _only_carried(heard, found)):
                    # "set a reminder for me for thursday afternoon": the day and time in it
                    heard = {n: heard[n] for n, t in s.slots if t in self._types} | found
                return Match(s.intent, self._slots(s.intent, heard), "open_slot", 0.0, s.sample)
        return None

    def _doubt(self, text: str) -> Match | None:
        """ "i don't know, i wake up a lot anyway", "i wake up a lot anyway so i can't tell": a
        phrase nothing else matched that opens with a doubt, or closes with one and asks
        nothing, is that doubt (round 23: the fallback, or "can't really tell" a no)."""
        words = drop_fillers(text).split()
        said = " ".join(words)
        opens = next((d for d in _DOUBTS if said == d or said.startswith(f"{d} ")), None)
        closing = next((d for d in _CLOSING_DOUBTS if said.endswith(f" {d}")), None)
        if closing is None and words[:1] in (["is"], ["would"]) and words[-1:] in _COUNTS:
            closing = words[-1]  # "is three a month frequent" (round 30: the fallback)
            words = words[1:]
        if (opens is None and closing is None) or NOT_SURE not in self.intents:
            return None
        hold = next((h for h in _HOLDS if said.endswith(f" {h}")), None)
        held = self._exact.get(hold) if hold else None
        if held is not None:  # "i don't know, i'd have to ask him, hang on": he is asked
            # first (round 36: not sure was recorded, and his answer went to the next question)
            return Match(held.intent, self._slots(held.intent, {}), "clause", 0.0, held.sample)
        before = words[: -len(closing.split())] if closing else words
        if (opens is None and _asks(before)) or self._sounds_alarming(text):
            return None  # "... so why can't i tell": a question; "i'm not sure how often
            # counts as frequent" is a doubt
        return self._not_sure(opens)

    def _not_sure(self, said: str | None) -> Match:
        """Not sure, as a doubt said in other words makes it (`said`: the doubt, if any)."""
        return Match(NOT_SURE, self._slots(NOT_SURE, {}), "clause", 0.0, said)

    def _worried_story(self, text: str) -> Match | None:
        """ "my leg cramps on my morning walk and gets better when i sit, is that something
        to worry about": what one's own cramps or veins do, then whether to worry, asks when
        to see a specialist (round 22: the fallback), when the story alone is about them."""
        words = text.split()
        tail = next((t for t in _WORRY_TAILS if words[-len(t) :] == t), None)
        if tail is None or len(words) - len(tail) < 3 or self._sounds_alarming(text):
            return None
        story = " ".join(words[: -len(tail)])
        told = self._classify(story) or self._near(story)
        if told is None or told.intent not in _STORY_TOPICS:
            return None
        found = self._worry
        if found is None:
            return None
        return Match(found.intent, self._slots(found.intent, {}), "clause", 0.0, found.sample)

    def _question_about(self, said: str, tail: list[str]) -> Match | None:
        """A question whose pronoun stands for the one thing the words before it named ("my
        heart sank when i saw these varicose veins, what are they": "what are these varicose
        veins"; round 20: the fallback), asked as if it had named it."""
        if tail[0] not in QUESTION_OPENERS | _WH_WORDS:
            return None
        named = {  # an answer in passing ("... on my calves") is no second thing named
            w for t, w in self._tagger.tag(said)[1]
            if t in self._topical and t not in self._answer_slots
        }
        # "that" stands for what was named only when nothing else was said ("vein
        # insufficiency, what is that"); after more, it is all of it ("..., is that bad")
        alone = len(named) == 1 and drop_fillers(said) in named
        pointing = _POINTING if alone else _POINTING - {"that", "this"}
        at = next((i for i, w in enumerate(tail) if w in pointing), None)
        if len(named) != 1 or at is None:
            return None
        (value,) = named
        if (tail[at] == "it") == value.endswith("s") and tail[at] in ("it", "they", "them"):
            return None  # "... the veins ..., what is it": not what "it" stands for
        before = f" {said} ".split(f" {value} ")[0].split()[-1:]
        if before and before[0] in self._value_words - FUNCTION_WORDS:
            return None  # "night cramps, what's the reason for those": more than "cramps"
        asked = [*tail[:at], value, *tail[at + 1 :]]
        found = self._said_alone(asked)
        if found is None:  # "what causes these cramps": near "what causes leg cramps"
            near = self._near(" ".join(asked), None)
            found = near if near is not None and near.score >= _REQUEST_NEAR else None
        if found is None or found.intent in PRIORITY_INTENTS or _follows_up(found.intent):
            return None
        return found

    def _loose_after_answer(self, near: Match, text: str) -> Match | None:
        """The answer a statement after a plain yes or no gives, rather than a loose near
        match ("yes, i wake up with pain", near "i wake up with calf cramps": round 20, the
        night cramps answer in the check)."""
        words = drop_fillers(text).split()
        if near.score >= NEAR_LOOSE or near.intent in PRIORITY_INTENTS or len(words) < 2:
            return None
        if words[0] not in _PLAIN_YES | _PLAIN_NO or _asks(words[1:]):
            return None
        return self._lead(text)

    def _lead(self, text: str) -> Match | None:
        """The yes or no a phrase opens with, or the whole answer said after it."""
        lead = self._leading_answer(text)
        if lead is not None and lead.method == "leading":
            value = self._answer_value(text, replied=True)
            if value is not None and (_long_answer(value) or _two_said(value)):
                return self._with_reply(value, lead)  # "yeah i have to stop when i walk the
                # dog, then after a minute i'm fine" (round 18: a plain yes, walking lost);
                # "yep and they wake me up too, most nights" (round 25: sleep lost)
        return lead

    def _before_but(self, text: str) -> Match | None:
        """ "not that i've noticed, but my wife says i kick in my sleep": an answer, then a
        remark after "but" that is no answer, no question and no request, is that answer
        (round 22: "not sure", from the classifier). After "but", an answer ("no, but they
        wake me up") or a request ("no thanks, but give me their website") decides as before."""
        words = text.split()
        if "but" not in words or self._sounds_alarming(text):
            return None
        at = words.index("but")
        said, rest = " ".join(words[:at]), words[at + 1 :]
        if not said or not rest or _asks(rest) or rest[0] in _REQUEST_OPENERS:
            return None
        first = self.resolve(said)
        if first.intent not in _BEFORE_BUT or first.method not in _BEFORE_BUT_METHODS:
            return None
        if first.intent != NO_INTENT and _says_any(" ".join(rest), _NOT_THE_CRAMPS):
            # "i toss and turn, but that's my back, not the cramps": what it says is not of
            # the cramps, so of them it is a no (round 41: a yes to the sleep question)
            return Match(NO_INTENT, self._slots(NO_INTENT, {}), "clause", 0.0, None)
        if self._builtins(REMINDER_INTENT, rest):
            return None  # "yeah but at three thirty tomorrow": when, for the reminder
        after = self.resolve(" ".join(rest))
        loose = after.method == "near" and after.score < NEAR_LOOSE  # "they don't hurt"
        if after.intent in PRIORITY_INTENTS or after.intent in ANSWER_INTENTS and not loose:
            return None
        if after.method not in ("fallback", "classifier", "near"):
            return None  # a sample of its own after "but" is something said, not a remark
        return first

    def _farewell(self, text: str) -> Match | None:
        """ "lovely, bless you, bye bye now", "thank you very much, goodbye": a phrase that
        ends by taking leave is a goodbye, whatever came before it (round 22: the fallback,
        or "you're welcome, what else would you like to know?")."""
        words = drop_fillers(text).split()
        if words[-1:] == ["now"]:
            words = words[:-1]  # "you have a nice day now" (round 43: the fallback)
        said = next((k for k in (4, 3, 2, 1) if " ".join(words[-k:]) in _FAREWELLS), 0)
        if not said or STOP_INTENT not in self.intents or _asks(words[:-said]):
            return None
        if self._sounds_alarming(text):
            return None
        return Match(STOP_INTENT, self._slots(STOP_INTENT, {}), "clause", 0.0, None)

    def _leaving_first(self, text: str) -> Match | None:
        """Leave taken first, then a remark that asks and answers nothing ("oh i'd better go,
        my programme's starting, we'll do this another time": round 30, the check was left
        and the session went on)."""
        words = drop_fillers(text).split()
        for at in range(len(words) - 1, 2, -1):
            hit = self._exact.get(" ".join(words[:at]))
            if hit is not None and hit.intent == LATER_INTENT:  # "let's stop this for now,
                # i need to get my son his snack": the check left, not the skill (round 32)
                return Match(hit.intent, self._slots(hit.intent, {}), "clause", 0.0, hit.sample)
            if hit is None or hit.intent != STOP_INTENT:
                continue
            rest = " ".join(words[at:])
            if words[at] in _WH_WORDS | QUESTION_OPENERS or self._answer_value(rest) or (
                self._sounds_alarming(text)
            ):
                return None  # "bye, why do they cramp", "bye, they wake me up every night"
            if words[at] == "with" or (
                words[at - 1] in _DEMONSTRATIVES and words[at] not in _STARTS_A_CLAUSE
            ):
                continue  # "i'm done with this race season, my calves are shot" (round 44)
            return Match(STOP_INTENT, self._slots(STOP_INTENT, {}), "clause", 0.0, hit.sample)
        return None

    def _names_answer(self, words: str) -> bool:
        """Whether the words hold an answer of the check ("fine when i walk")."""
        _, found = self._tagger.tag(words)
        return any(t in self._answer_slots for t, _ in found)

    def _concluded(self, text: str) -> Match | None:
        """ "a few spider ones but nothing bulging, so no i'd say": the yes or no a phrase
        comes to after "so", at its end (round 22: the varicose veins it did not have were
        recorded)."""
        words = text.split()  # "so" is a filler elsewhere
        while words and words[-1] in _AFTERTHOUGHTS:
            words.pop()
        if len(words) > 4 and words[-3:-1] == ["so", "not"] and words[-1] in _NO_LONGER:
            words[-3:] = ["so", "no"]  # "i had them stripped years ago, so not anymore"
        for hedge in _CONCLUDING_HEDGES:  # "she has never mentioned it with walking, so i
            # would say no" (round 36: not sure, from the classifier)
            if len(words) > len(hedge) + 3 and words[-len(hedge) - 1 : -1] == hedge:
                words[-len(hedge) - 1 : -1] = []
                break
        if len(words) < 4 or words[-2] != "so" or self._sounds_alarming(text):
            return None
        for intent, said in ((YES_INTENT, _PLAIN_YES), (NO_INTENT, _PLAIN_NO)):
            if words[-1] in said and intent in self.intents:
                return Match(intent, {}, "leading", 0.0, words[-1])
        return None

    def _unless_surely_other(self, near: Match, text: str) -> Match:
        """A loose near match, or the classifier when it is all but sure of another intent:
        one sample sharing most words leaves out the word that tells ("nocturnal leg cramps
        what's the reason", near "what's the reason for leg cramps": round 19)."""
        if near.intent in PRIORITY_INTENTS or near.score >= NEAR_LOOSE:
            return near
        guess = self._classify(text)
        if guess is None or guess.intent == near.intent:
            return near
        # "every night my calf seizes up and wakes me why", near "why do my legs cramp when
        # i walk": the word that tells the sample's topic is not said (round 47: the walking
        # answer)
        sure = CLASSIFIER_SURE if _tells_its_topic(near, text) else CLASSIFIER_MIN_SHARE
        return near if guess.score < sure else guess

    def _reminder_clause(self, text: str) -> Match | None:
        """A request for the reminder inside a longer phrase ("could you remind me in two
        hours to call my mom about it", "remind me sunday evening, she comes for supper"):
        the longest stretch from "remind" (or the "can you" before it) that is a sample of
        its own or fills one, as a statistical NLU weighs the words that ask and fills the
        day and time (round 24: the fallback, or "why")."""
        words = text.split()
        if REMINDER_INTENT not in self.intents:
            return None
        if "remind" not in words:  # "tuesday at two would be better, he naps then"
            return self._when_then_remark(words) or self._when_instead(words)
        at = words.index("remind")
        for start in range(max(0, at - 2), at + 1):
            for end in range(len(words), at + 1, -1):
                if start == 0 and end == len(words):
                    continue  # the whole phrase: matched already, or not
                found = self._said_alone(words[start:end])
                if found is not None and found.intent == REMINDER_INTENT:
                    return _with_time_after(found, words[end:])
        return None

    def _when_then_remark(self, words: list[str]) -> Match | None:
        """A reminder's day or time said first, as a sample of the reminder or a slot fill,
        then a remark ("sure, tomorrow at eight, before rounds": round 24, the fallback)."""
        for end in range(len(words) - 1, 1, -1):
            remark = words[end:]
            if remark[0] in _COUNTED:
                continue  # "yes, about two miles in i gotta stop": two miles, not 2 o'clock
                # (round 47: the walking yes was lost)
            said_when = remark[:1] == ["when"] and remark[1:2] in (["i"], ["we"], ["my"])
            if _asks(remark) and not said_when:  # "at night, why do my legs cramp": a
                continue  # question; "... are down" cut from "once the kids are down" is none,
                # nor "when i'm home from work" (round 25: the fallback)
            found = self._said_alone(words[:end])
            if found is not None and found.intent in _WHEN_SAID and _names_when(found):
                return _with_time_after(found, words[end:])  # (or the half of the day: "no,
        return None  # four in the afternoon, i'm not getting up at four a m", round 25: 4 am)

    def _when_instead(self, words: list[str]) -> Match | None:
        """A day or time turned down, then the one wanted ("not tomorrow, make it monday at
        nine": round 25, the fallback): the reminder said after it."""
        if words[:1] not in (["not"], ["no"], ["nah"]):
            return None
        for start in range(2, len(words) - 1):
            found = self._said_alone(words[start:])
            if found is not None and found.intent == REMINDER_INTENT and _names_when(found):
                return found
        return None

    def _said_then_remark(self, text: str) -> Match | None:
        """A request said first (_SAID_FIRST), as a sample or a slot fill, then a remark that
        takes nothing back, asks nothing and sounds like no emergency ("check my symptoms
        then, to keep her happy", round 24: "tell me more"): the request (method "carrier":
        an exact-match matcher would miss it)."""
        words = text.split()
        if words[:1] and words[0] in _WH_WORDS:
            return None  # a question: "what is the link between cramps and veins"
        last = max((k for k, w in enumerate(words) if w in _TAKES_BACK), default=-1)
        # the remark: three words or more ("take the assessment again" is one request),
        # after all that turns
        for end in range(len(words) - _REMARK_WORDS, last, -1):
            if end < 2 or (_asks(words[end:]) and not _cut_from_its_subject(words, end)):
                break
            found = self._said_alone(words[:end])
            if found is None or found.intent not in _SAID_FIRST:
                continue
            if found.intent == _WHY and words[:2] == ["i", "am"]:
                continue  # "i'm okay, just sick of these cramps": the remark is the point
                # (round 47: "so i'm okay?", and "ask me a question first")
            if found.intent == FREQUENCY_INTENT:
                if not self._how_often_then_remark(found, words[:end], words[end:]):
                    continue
            elif found.intent in _LEFT_FOR:
                if not _says_any(" ".join(words[end : end + 4]), (" ".join(e) for e in _EXCUSES)):
                    continue  # "cancel that, i want to know about varicose veins" asks
            elif end < 3:
                continue
            said = " ".join(words[end:]) if found.intent in _LEFT_FOR else text  # "not now"
            return None if self._sounds_alarming(said) else found  # lends "now" to a sign
        return None

    def _question_then_remark(self, text: str) -> Match | None:
        """A question said whole (a sample or a slot fill), then a remark of the asker's own
        that opens with who or what it is about ("are varicose veins hereditary, my mother had
        terrible ones", "what's their address, i might swing by": round 38, the fallback):
        the question, as a statistical NLU weighs it. Not when the remark asks, turns, or
        sounds like an emergency."""
        words = text.split()
        if not words or words[0] not in QUESTION_OPENERS | _WH_WORDS:
            return None
        for end in range(len(words) - _REMARK_WORDS, 2, -1):
            remark = words[end:]
            if remark[0] not in _REMARK_OPENS or _asks(remark) or _TAKES_BACK & set(remark):
                continue
            found = self._said_alone(words[:end])
            if found is None or found.intent in (*PRIORITY_INTENTS, *_NOT_A_STATEMENT):
                continue
            return None if self._sounds_alarming(text) else found
        return None

    def _thanks_then_remark(self, text: str) -> Match | None:
        """ "Thanks, I wrote it down": a thanks said first, then a remark that asks nothing,
        takes nothing back and sounds like no emergency, is the thanks (round 38, a widow, to
        the offer of a reminder: the fallback, and the offer again)."""
        words = text.split()
        k = 2 if words[:2] == ["thank", "you"] else 1 if words[:1] == ["thanks"] else 0
        rest = words[k:]
        if not k or len(rest) < 2 or THANKS not in self.intents:
            return None
        if _asks(rest) or _TAKES_BACK & set(rest) or self._sounds_alarming(text):
            return None
        return Match(THANKS, self._slots(THANKS, {}), "carrier", 1.0, " ".join(words[:k]))

    def _before_vocative(self, text: str) -> Match | None:
        """A request said to the listener by name, then a remark ("what can i ask you, dear?
        i'm not very good with these gadgets": round 30, the fallback): the request."""
        words = text.split()
        for at in range(2, len(words) - 1):
            if words[at] not in _VOCATIVES:
                continue
            hit = self._exact.get(" ".join(words[:at]))
            if hit is None or hit.intent in PRIORITY_INTENTS or hit.intent in _NOT_A_STATEMENT:
                continue  # "no thank you sweetheart, that's me sorted": the goodbye decides
            if not self._sounds_alarming(text):
                heard = self._literal_slots(hit.intent, words[:at])
                return Match(hit.intent, self._slots(hit.intent, heard), "carrier", 1.0, hit.sample)
        return None

    def _then_what_to_do(self, text: str) -> Match | None:
        """A statement, then "what should i do" ("i've been getting cramps walking to the
        shops, what should i do": round 30, the fallback): the statement says what to answer,
        as a statistical NLU weighs it. Not when the statement is an answer or unknown."""
        words = text.split()
        for tail in _WHAT_TO_DO:
            if len(words) > len(tail) + 2 and words[-len(tail) :] == tail:
                found = self.resolve(" ".join(words[: -len(tail)]))
                if found.intent not in _NOT_A_STATEMENT:
                    return found
        return None

    def _how_often_then_remark(self, found: Match, said: list[str], remark: list[str]) -> bool:
        """Whether how often was said whole, then a remark that is no second answer ("every
        night, these cramps are killing me", round 26: what a cramp is; not "a few times a
        week and yes they wake me up")."""
        heard = found.slots.get("frequency")
        if heard is None or heard.value != " ".join(said):
            return False
        if (_PLAIN_YES | _PLAIN_NO).intersection(remark):
            return False
        return self._answer_value(" ".join(remark)) is None

    def _left_for_request(self, text: str) -> Match | None:
        """Leaving the check or the skill said first, then what the user wants instead ("stop
        the check please, I just want the contact details", "stop, I want to know about
        varicose veins"): the request, as a statistical NLU weighs what is asked for (round 25:
        the fallback, or the session ended). Not when the rest refuses or sounds alarming."""
        words = text.split()
        if _REFUSING.intersection(words) or self._sounds_alarming(text):
            return None
        for at in range(len(words) - 2, 0, -1):  # the longest leaving first
            said = " ".join(words[:at])
            head = self._exact.get(said) or self._near_one(said, False)
            if head is None or head.intent not in _LEAVING or (
                isinstance(head, Match) and head.score < NEAR_LOOSE
            ):
                continue  # "see if i should go to the vein center": not "see you"
            tail = words[at:]
            asked = _told_about(self._without_carriers(" ".join(tail))).split()
            found = (
                self._said_alone(tail) or (asked != tail and self._said_alone(asked))
                or self._near_one(" ".join(tail), _asks(tail))
            )
            if found is not None and found.method == "near" and found.score < NEAR_LOOSE:
                continue  # "quit asking me questions, how do i book": not "ask me ..."
            if found is not None and not _follows_up(found.intent) and found.intent not in (
                _LEAVING | {FALLBACK, NOT_SURE}
            ):
                return replace(found, method="carrier")
        return None

    def _first_of_two(self, text: str) -> Match | None:
        """Two requests joined ("check my symptoms and also do electrolytes matter", "do the
        check with me and tell me their website after"): the first, said as a request of its
        own, as a statistical NLU picks one intent (round 34: the fallback, neither done).
        Not when the phrase sounds alarming, nor when the first is an answer or a leaving."""
        words = text.split()
        if self._sounds_alarming(text):
            return None
        for at, word in enumerate(words):
            if word not in _JOINS or at < 3:
                continue  # "go back and say that again": one request
            rest = words[at + 1 :]
            while rest and rest[0] in _JOINS:
                rest = rest[1:]  # "and also", "and then"
            if len(rest) < 2:
                break
            if not {words[0], rest[0]} <= _REQUEST_OPENERS | _WH_WORDS:
                continue  # "my mom has varicose veins and calf cramps, are those related"
            first = self._said_alone(words[:at])
            if first is None or first.intent in _NOT_FIRST_OF_TWO or _follows_up(first.intent):
                continue
            second = self.resolve(" ".join(rest))
            if second.intent not in _NOT_FIRST_OF_TWO and second.method != "classifier":
                return replace(first, method="carrier")
        return None

    def _held_on(self, text: str) -> Match | None:
        """ "Hang on, someone's at the door", "hold on, she's saying something": a wait asked
        for, then what is going on, asks for a pause (round 26: a goodbye, with the result
        lost, or the fallback), unless what follows asks for something or sounds alarming."""
        words = text.split()
        lead = next((h for h in _HOLD_ON if words[: len(h)] == h and words[len(h) :]), None)
        if lead is None or PAUSE_INTENT not in self.intents or self._sounds_alarming(text):
            return None
        if lead == ["pause"] and words[1] not in QUESTION_OPENERS | _WH_WORDS:
            return self._pause(None)  # "pause, my husband's calling me" (round 42: near "call
            # my husband", the clinic's booking answer)
        rest = self.resolve(" ".join(words[len(lead) :]))
        if rest.intent in (STOP_INTENT, FALLBACK):
            return self._pause(None)
        # "hold on, I need to take my pills" (round 43: the remedies answer), unless an
        # answer follows the errand ("hold on, let me ask him, he says no")
        errand = _on_an_errand(words[len(lead) :]) and rest.intent not in _NOT_A_STATEMENT
        return self._pause(None) if errand else None

    def _paused_at_end(self, text: str) -> Match | None:
        """A phrase that closes by asking to pause ("hang on, someone's at the door, pause
        this": round 25, a goodbye, and the answers lost): the pause, as the last thing
        asked for, unless the phrase sounds alarming."""
        words = text.split()  # two words ("pause this"): "it makes me pause" asks nothing;
        for size in (2, 3):  # three: "someone's at the door, just a moment" (round 42)
            hit = self._exact.get(" ".join(words[-size:])) if len(words) > size else None
            if hit is not None and hit.intent == PAUSE_INTENT:
                return None if self._sounds_alarming(text) else self._pause(hit.sample)
        return None

    def _pause(self, sample: str | None) -> Match:
        """The pause, read from a longer phrase (method "clause")."""
        return Match(PAUSE_INTENT, self._slots(PAUSE_INTENT, {}), "clause", 0.0, sample)

    def _about_the_baby(self, text: str) -> Match | None:
        """A worry for the baby, however much comes before it ("my girl is pregnant and her
        legs cramp like crazy at night, is that bad for the baby": round 42, the night
        cramps' answer, with no word of pregnancy's warning signs)."""
        padded = f" {text} "
        words = set(text.split())
        # round 45: "the baby's been really quiet today, not kicking much" (a goodbye)
        less_movement = "baby" in words and bool(words & _BABY_MOVES and words & _LESS)
        if PREGNANCY_INTENT in self.intents and (
            any(q in padded for q in _FOR_THE_BABY) or less_movement
        ):
            return Match(PREGNANCY_INTENT, self._slots(PREGNANCY_INTENT, {}), "clause", 0.0)
        if POSTPARTUM_INTENT in self.intents and _after_a_birth(padded):
            # round 48, a new mother: "um hi, sorry, i just had a baby three weeks ago and my
            # calf has been really sore, is that normal?" (other conditions, and the clinic)
            return Match(POSTPARTUM_INTENT, self._slots(POSTPARTUM_INTENT, {}), "clause", 0.0)
        return None

    def _question_after(self, text: str) -> Match | None:
        """A question said after something else ("this heat is the death of me, does
        dehydration cause cramps"), when the question alone is a sample or fills one: what
        came before it is a preamble, as a carrier is (round 19: the diagnosis answer, or the
        remedies one). Not after a plain yes or no, which answers the check."""
        words = text.split()
        if not words or words[0] in _PLAIN_YES | _PLAIN_NO:
            return None
        for at in range(1, len(words) - 2):
            tail = words[at:]
            said = " ".join(words[:at])
            before = self._near_tokens(said)[0]
            alarming = self._classifier.alarm.intersection(before)
            if (alarming or self._sounds_alarming_tokens(before)) and not asks_about(said):
                continue  # "my chest feels weird, what causes cramps": the fallback's 911,
                # unless more of it says when ("... before her bypass in 2010, does ...")
            if any(type_token(t) in before for t in self._topical):
                # "at night, why do my legs cramp": part of the question, unless a later
                # question asks about what it named
                about = self._question_about(said, tail)
                if about is not None:
                    return about
                continue
            if tail[0] not in QUESTION_OPENERS | _WH_WORDS or _POINTING.intersection(tail):
                continue  # "... why is that", "... what does that mean": about what came before
            whole = self._said_alone(tail)  # a sample, or a slotted one it fills
            if whole is not None and whole.intent in _SAID_FIRST:  # "my phone's dying,
                return whole  # quick, how do i contact you" (round 30: the fallback): a
                # request, whatever came before it
            if not self._tagger.tag(" ".join(tail))[1]:
                continue  # "... should i be worried": it names nothing, so it asks about that
            found = self._said_alone(tail)
            if found is None and at > 2 and not _ASKING.intersection(words[:at]):
                found = self._near_after(tail)
            if found is not None and not _follows_up(found.intent):
                return found
        return None

    def _near_after(self, tail: list[str]) -> Match | None:
        """A question said after a story that asks nothing ("i've had em for years but what
        is a cramp really"), when it is close to a sample on its own (round 21)."""
        said = " ".join(tail)
        found = self._near_one(said, asks_about(said))
        return found if found is not None and found.score >= NEAR_AFTER_STORY else None

    def _two_of_one(self, words: list[str]) -> Match | None:
        """Two samples of one intent said one after the other, or being worn out said first:
        that intent ("i'm at the end of my rope with these things, haven't slept a full night
        in months": round 31, the fallback). Method "carrier": an exact-match matcher would
        miss it."""
        for end in range(2, len(words) - 1):
            first = self._said_alone(words[:end])
            if first is None or first.intent in _NEVER_TWICE:
                continue
            if first.intent == STRUGGLING and end > 2 and not _WORRIED_ABOUT & set(words[end:]):
                return first  # "i'm at my wits end, he won't listen to me about seeing a
                # doctor": worn out first, whatever follows (an emergency was looked for first)
            second = self._said_alone(words[end:])
            if second is not None and second.intent == first.intent:
                return first
        return None

    def _said_alone(self, words: list[str]) -> Match | None:
        """A question or request cut from a longer phrase, as if said on its own: a plain
        sample (with the slots Alexa would still fill) or a slot sample it fills (method
        "carrier")."""
        hit = self._exact.get(" ".join(words))
        if hit is None:
            return self._fill_sample(words, "carrier")
        slots = self._slots(hit.intent, self._literal_slots(hit.intent, words))
        return Match(hit.intent, slots, "carrier", 1.0, hit.sample)

    def _literal_slots(self, intent: str, words: list[str]) -> dict[str, str]:
        """The slots of a phrase that equals a plain sample: Alexa still fills them when a
        sample with slots says the same words ("my legs cramp when I walk": {legPart})."""
        said = set(words)
        for s in self._slot_samples_of.get(intent, ()):
            heard = s.literals <= said and self._fit(s.parts, words)
            if heard:
                return heard
        return {}

    def _fill_sample(self, words: list[str], method: str) -> Match | None:
        """The first sample with slots that `words` fully matches, as a Match; of its
        intent's samples that match too, the one that fills the most slots ("remind me
        tomorrow afternoon": {day} and {time}, not a {day} that swallows the afternoon)."""
        said = set(words)
        for i in self._slot_literals.within(said):
            s = self._slot_samples[i]
            heard = self._fit(s.parts, words)
            if heard:
                for other in self._slot_samples_of.get(s.intent, ()):
                    fits = len(other.slots) > len(heard) and other.literals <= said
                    more = self._fit(other.parts, words) if fits else None
                    if more and len(more) > len(heard):
                        s, heard = other, more
                return Match(s.intent, self._slots(s.intent, heard), method, 1.0, s.sample)
        return None

    def _after_denial(self, text: str) -> Match | None:
        """ "no chest pain or anything, just cramps at night", "I'm not having trouble
        breathing, I just want to know about varicose veins": a denial (the model's
        DENIAL_INTENT on its own), then what was asked, which is the match. The emergency
        rule has already looked at the whole phrase, so a sign said after the denial still
        wins ("no chest pain but my calf is swollen and red"). A yes or no may follow the
        denial as the answer's first word: "my chest is fine, yes they come when i walk"
        (round 14: the fallback)."""
        words = text.split()
        for k, word in enumerate(words[2:-1], start=2):
            if word in _PLAIN_YES | _PLAIN_NO and self._only_denies(words[:k]):
                if word in _PLAIN_YES and self._names_a_sign(words[:k]):
                    break  # "walking, no. running, yes": what was denied is the answer
                    # (round 24: a walking yes)
                said = self.resolve(" ".join(words[k:]))
                if said.intent in ANSWER_INTENTS:
                    return Match(said.intent, said.slots, "clause", said.score, said.sample)
            if word not in TURNS:
                continue
            if (
                word in _QUALIFIERS and words[0] in _PLAIN_YES | _PLAIN_NO
                and self.resolve(" ".join(words[:k])).intent in LEADING_ANSWERS
            ):
                return None  # "no, not really, only when i'm really tired": the answer, with
                # when (round 32: when to see a specialist, and the no lost)
            # "..., i just want to know", "..., my calves just cramp": the last words before
            # the turn may open what is asked
            for opens in range(min(3, k - 1)):
                left, right = words[: k - opens], words[k - opens : k] + words[k + 1 :]
                subject = words[k - opens : k]
                if any(w not in SUBJECTS and w not in BODY for w in subject):
                    break
                if len(right) < 2 or left[-1] in SUBJECTS or not self._only_denies(left):
                    continue
                asked = self.resolve(" ".join(right))
                # the emergency rule has seen the whole phrase: a sign here was denied; and a
                # yes or no after a denial is no answer ("not walking, but swimming yes")
                if asked.intent not in (FALLBACK, DENIAL_INTENT, *PRIORITY_INTENTS) and (
                    asked.intent not in LEADING_ANSWERS
                ):
                    return Match(asked.intent, asked.slots, "clause", asked.score, asked.sample)
        return None

    def _names_a_sign(self, words: list[str]) -> bool:
        """Whether these words name how or when cramps come ("walking", "when i walk")."""
        _, found = self._tagger.tag(" ".join(words))
        return any(t in _SIGN_TYPES for t, _ in found)

    def _after_correction(self, text: str) -> Match | None:
        """ "a few times a week, no wait, more like a few times a month": an answer, a
        correction (nlu_words.CORRECTIONS), then the answer meant, which is the match (the
        near match took the first answer's value). Only between answers: "they cramp, i
        mean, really bad at night" is no correction."""
        padded = f" {text} "
        for marker in CORRECTIONS:
            at = padded.rfind(f" {marker} ")
            if at < 0:
                continue
            left, right = padded[:at].strip(), padded[at + len(marker) + 2 :].strip()
            # A marker may hold an answer itself: "no actually yes" opens with the answer
            # taken back, "yes actually no" ends with the one meant (round 28).
            first, *_, last = marker.split() if " " in marker else (marker, marker)
            if not left and first in _PLAIN_YES | _PLAIN_NO:
                left = first
            if not right and last in _PLAIN_YES | _PLAIN_NO and left:
                right = last
            if not left:
                continue
            if marker in _MORE_LIKE:
                # "it's not every night, more like ...": only what was denied is taken back
                # ("wait actually it's more like once a week" changes the earlier answer)
                if not set(left.split()) & NEGATIONS:
                    continue
            elif self.resolve(left).intent not in ANSWER_INTENTS and not _yes_and_no(left):
                continue
            if not right:
                continue
            meant = self.resolve(right)
            changes = marker in _MORE_LIKE and meant.intent == FREQUENCY_INTENT
            if changes and CHANGE_ANSWER in self.intents:
                # "wait, they're not that frequent, more like once a month": a change of the
                # answer about how often, wherever asked (round 40: after a result, "say start
                # over", the withdrawn answer kept)
                heard = {n: f.value for n, f in meant.slots.items() if f.value is not None}
                slots = self._slots(CHANGE_ANSWER, heard)
                return Match(CHANGE_ANSWER, slots, "correction", meant.score, meant.sample)
            if meant.intent in ANSWER_INTENTS:
                return Match(meant.intent, meant.slots, "correction", meant.score, meant.sample)
        return None

    def _after_history(self, text: str) -> Match | None:
        """ "i had a stroke in 2019 and now my legs cramp at night": a sign in the past, then
        what is asked now, which is the match (the sign's words drew the guess to it)."""
        cut = history_then_now(self._without_carriers(text))
        if cut is None or not self._asks_about(text):
            return None
        asked = self.resolve(cut[1])
        if asked.intent in (FALLBACK, *PRIORITY_INTENTS) or asked.intent in LEADING_ANSWERS:
            return None
        return Match(asked.intent, asked.slots, "clause", asked.score, asked.sample)

    def _only_denies(self, words: list[str]) -> bool:
        """Whether these words are a denial of signs and nothing else: the model's
        DENIAL_INTENT, or a "no", "not", "nothing" or "fine" among sign words and small
        words ("no chest pain or anything like that", "nothing is swollen", "my chest does
        not hurt and i can breathe fine")."""
        if self.resolve(" ".join(words)).intent == DENIAL_INTENT:
            return True
        stems = {stem(w) for w in words}
        if not stems & (DENIALS | FINE | {"no"}) or not stems & self._signs:
            return False
        return stems <= self._denial_vocabulary

    def _asks_about_once(self, text: str) -> bool:
        """Whether the phrase speaks of a sign without reporting one now: it asks about it
        (nlu_signs.asks_about), or tells of it in the past and then of something else ("i
        had a stroke in 2019 and now my legs cramp"; "... and now my face is drooping" is an
        emergency still)."""
        plain = self._without_carriers(drop_fillers(text))
        carried = self._without_carriers(text)  # "just" is a filler
        now = history_then_now(carried, turned=True)
        if (
            now is not None and asks_about(now[0]) and not asks_about(now[1])
            and self._contained(now[1]) is not None
        ):
            return False  # "my wife used to say i'm stubborn, but my face went droopy": the
            # past is the first clause's, the sign is now (round 47: the fallback)
        if asks_about(plain) or asks_about(drop_fillers(text)):
            return True  # "can you overdose on magnesium": "can you" is a carrier too
        cut = history_then_now(carried)
        return cut is not None and asks_about(cut[0]) and self._contained(cut[1]) is None

    @staticmethod
    def _without_carriers(text: str) -> str:
        """The phrase without the carriers it opens with ("okay so could you tell me ...")."""
        for _ in range(3):
            shorter = drop_carrier(text)
            if shorter == text:
                break
            text = shorter
        return text

    def _fit(
        self, parts: tuple[SamplePart, ...], words: list[str], at: int = 0
    ) -> dict[str, str] | None:
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
        resolve = RESOLVERS.get(slot_type) if table is None else None
        for end in range(min(len(words), at + high), at + low - 1, -1):
            value = " ".join(words[at:end])
            if resolve is not None and resolve(value, self.today()) is None:
                continue  # Alexa fills a date, time or duration slot only with one
            if slot_type == "AMAZON.DATE" and words[end - 1] in PARTS_OF_DAY and _timed(rest):
                continue  # "tomorrow evening at seven": the evening is the time's
            if table is None or value in table:
                found = self._fit(rest, words, end)
                if found is not None:
                    return {name: value, **found}
        return None

    def _builtins(self, intent: str, words: list[str]) -> dict[str, str]:
        """The intent's date, time and duration slots, from the phrase's longest spans that
        are one: Alexa recognises them wherever they stand, so a near or guessed match
        fills them ("put a reminder in for friday at two in the afternoon"). A day does not
        take a part of the day ("thursday afternoon": the time is the afternoon)."""
        declared = [t for _, t in self.intents.get(intent, ())]
        wanted = [  # a type two slots share is no guess's to assign: "they are open on
            (n, t) for n, t in self.intents.get(intent, ())  # saturday?" is no booking day
            if t in RESOLVERS and declared.count(t) == 1  # (round 30: "I can't book ...")
        ]
        heard: dict[str, str] = {}
        if not wanted:  # most intents: no span is worth trying
            return heard
        taken: set[int] = set()
        today = self.today()
        low, high = BUILTIN_SLOT_WORDS
        for length in range(min(high, len(words)), low - 1, -1):
            for start in range(len(words) - length + 1):
                span = range(start, start + length)
                if taken.intersection(span) or (start and words[start - 1] == "not"):
                    continue  # "but not tomorrow, could you make it monday" (round 30)
                value = " ".join(words[start : start + length])
                for name, slot_type in wanted:
                    if name in heard or RESOLVERS[slot_type](value, today) is None:
                        continue
                    if slot_type == "AMAZON.DATE" and words[span[-1]] in PARTS_OF_DAY:
                        continue
                    heard[name] = value
                    taken.update(span)
                    break
        return heard

    def _leading_answer(self, text: str) -> Match | None:
        """ "yes and then I can't get back to sleep": a phrase nothing else matched that opens
        with a plain yes or no is that answer, as Alexa's built-ins take it."""
        words = drop_fillers(text).split()
        said = set(words)
        for intent, openers in LEADING_ANSWERS.items():
            if len(words) > 1 and words[0] in openers and intent in self.intents:
                if words[1] in TAKEN_BACK:
                    return None  # "no wait, one more thing": not an answer
                if words[0] == "no" and words[1] in ("idea", "clue"):
                    return None  # "honestly no idea, how would i even know" (round 44: a no)
                if _BROWSING.intersection(words[1:3]):  # ("just" is a filler)
                    return None  # "nah just checking what you do" (round 37: a goodbye)
                if words[:2] == ["never", "mind"]:  # "never mind, let's do mine instead":
                    rest = self.resolve(" ".join(words[2:]))  # what it asks for (round 26:
                    return None if rest.intent == FALLBACK else rest  # a goodbye)
                if words[1:3] == ["forget", "it"] and len(words) > 3:  # "nah forget it, start
                    rest = self.resolve(" ".join(words[3:]))  # over" (round 48: a no to
                    if rest.intent in _STARTS_OVER:  # the son's question, the check going on)
                        return rest
                if intent == NO_INTENT and words[1:] in _PUT_OFF:  # "no, not right now"
                    return Match(intent, {}, "leading", 0.0, words[0])  # (round 26: fallback)
                denial = self._near_one(f"no {words[1]}", False) if words[0] == "no" else None
                if denial is not None and denial.intent == DENIAL_INTENT:
                    return None  # "no swelling, no redness, ...": a denial, not an answer
                if all(said & others for others in LEADING_ANSWERS.values()):
                    return None  # "yes no wait no": both, so neither
                instead = _no_x_just_y(text.split()) if intent == NO_INTENT else None
                if instead is not None:  # "no varicosities, just a few spider veins" (round
                    rest = self.resolve(instead)  # 39: to "what else?", a goodbye)
                    if rest.intent != FALLBACK:
                        return rest
                if self._sounds_alarming(text):
                    return None  # "yes, and my calf is red and painful": the fallback offers 911
                worn = self.resolve(" ".join(words[1:]))
                if worn.intent in (STRUGGLING, CRISIS_INTENT):
                    return worn  # "nah i'm just frustrated, i'm tired, ... nobody helps me"
                    # (round 48, to "what else?": a no, and a goodbye)
                said = text.split()  # fillers kept: "no, i mean ..." corrects (round 20)
                closing = self._exact.get(_without_vocative(" ".join(words[1:])))
                if intent == NO_INTENT and closing and closing.intent == STOP_INTENT:
                    # "nah that's it love": done (round 22: "what else would you like?")
                    return Match(STOP_INTENT, self._slots(STOP_INTENT, {}), "exact", 1.0,
                                 closing.sample)
                after = said[said.index(words[0]) + 1 :]
                if intent == NO_INTENT and self._closes_at_end(words[1:]):
                    # "no thanks, i'll call them myself right now, that's all" (round 24: a
                    # plain no, and "what else would you like to know?")
                    return Match(STOP_INTENT, self._slots(STOP_INTENT, {}), "clause", 0.0, None)
                asked = self._asked_after(words)
                if asked is not None:
                    return asked
                request = self._request_after(after) or self._request_later(after)
                if request is not None:
                    return request  # "no thanks, but give me their website": the request
                timed = self._day_said(after) if intent == YES_INTENT else None
                if timed is not None:
                    return timed  # "yeah but monday on my lunch break" (round 48: a plain
                    # yes, and the reminder set for tomorrow at 9)
                lead = Match(intent, {}, "leading", 0.0, words[0])
                rest = " ".join(words[1:])
                half = self._day_half_first(words[1:]) if _DAY_HALF in self.intents else None
                if half is not None:
                    return half  # "yeah afternoon", "yeah pm", to "is that 4:30 in the
                    # morning?": the half named (round 45: the morning set); and with a
                    # remark after it, "no, in the morning, i'll be asleep hopefully lol"
                    # (round 48: a no, and the reminder set for 9 at night)
                if NOT_SURE in self.intents and any(f" {d} " in f" {rest} " for d in _DOUBTS):
                    return self._not_sure(None)  # "yes, though i'm not really sure it's the
                    # walking" (round 23: a yes)
                # A yes goes on to the answer it says, if any ("yeah they wake me up", asked
                # about walking: the sleep answer, round 31); a no only as a correction: "no,
                # they don't go away with rest" is a no to walking, and so is "no, my legs are
                # fine when i walk"
                if intent == YES_INTENT or _says_any(text, ("actually", "misheard", "i meant")):
                    return self._with_answer(lead, words[1:])
                return self._with_no_answer(lead, words[1:])
        return self._leading_phrase(text, words) or self._interjected(words)

    def _day_said(self, words: list[str]) -> Match | None:
        """A reminder on the day a clause opens with, whatever is said of it after, when
        nothing in it says no ("but monday on my lunch break")."""
        rest = [w for w in words if w not in _LINKS]
        if REMINDER_INTENT not in self.intents or not rest or NEGATIONS & set(rest) or (
            "no" in rest
        ):
            return None
        day = self._builtins(REMINDER_INTENT, rest[:1]).get("day")
        if day is None or day in ("today", "tomorrow"):
            return None
        heard = self._builtins(REMINDER_INTENT, rest)
        if "time" not in heard and rest[1:]:
            heard["time"] = " ".join(rest[1:])  # "on my lunch break": a time Alexa can't
            # resolve, which the skill says it cannot use
        return Match(REMINDER_INTENT, self._slots(REMINDER_INTENT, heard), "carrier", 0.0, None)

    def _day_half_first(self, words: list[str]) -> Match | None:
        """The half of the day that the words open with, said as a sample says it."""
        if not _HALF_WORDS.intersection(words[:_HALF_AT_MOST]):
            return None
        for k in range(min(len(words), _HALF_AT_MOST), 0, -1):
            half = self.resolve(" ".join(words[:k]))
            if half.intent == _DAY_HALF and half.method == "exact":
                return half
        return None

    def _asked_after(self, words: list[str]) -> Match | None:
        """A question a yes or no turns to ("yeah but what about magnesium first", "nah forget
        it, how do i hydrate better": round 33, a yes to the reminder, a no to the check's
        question): what it asks, the fallback when that is nothing the skill knows; None when
        the words turn to no question."""
        k = 2 if words[1] == "but" else 3 if words[1:3] == ["forget", "it"] else 0
        # "no, i wanted to ask what varicose veins are", "yes, hello, i'm asking for my
        # father ... why does that happen" (round 46: a goodbye, or "what are you agreeing
        # to?"): a greeting or the words of asking open the question
        said = next((len(c) for c in _TO_ASK if words[1 : 1 + len(c)] == list(c)), 0)
        if said or words[1] in _GREETINGS:
            k = 1 + (said or 1)
            if len(words) < k + 2:
                return None
        elif not k or len(words) < k + 2 or words[k] not in QUESTION_OPENERS | _WH_WORDS:
            return None
        rest = self.resolve(" ".join(words[k:]))
        if rest.intent == FALLBACK:
            return Match(FALLBACK, self._slots(FALLBACK, {}), "fallback", 0.0, None)
        return rest

    def _interjected(self, words: list[str]) -> Match | None:
        """A plain yes or no after a short interjection ("oh my word, yes, last night i woke
        up screaming", "thinking about it, yeah, ...", "si, yes": round 25, the fallback): the
        answer it opens, when the words before it neither ask, turn nor deny."""
        for at in range(1, min(4, len(words))):
            if words[at] in _PLAIN_YES | _PLAIN_NO:
                if set(words[:at]) & (NEGATIONS | TURNS | TAKEN_BACK | _ASKING | _PLAIN_YES
                                      | _PLAIN_NO):
                    return None
                if at < len(words) - 1:
                    return self._leading_answer(" ".join(words[at:]))
                hit = self._exact.get(words[at])  # "si, yes": the plain yes or no itself
                return Match(hit.intent, {}, "leading", 0.0, hit.sample) if hit else None
        return None

    def _request_after_answer(self, text: str) -> Match | None:
        """A yes or no of one or two words ("no thanks", "yes please") and then a request:
        the request, before the near match takes the phrase for the yes or no."""
        words = drop_fillers(text).split()
        for k in (2, 1):
            opener = self._exact.get(" ".join(words[:k])) if len(words) > k else None
            if opener is not None and opener.intent in LEADING_ANSWERS:
                if self._sounds_alarming(text):
                    return None
                return self._request_after(words[k:])
        return None

    def _request_later(self, rest: list[str]) -> Match | None:
        """A request in a later clause of what follows a yes or no: "no, i have them already,
        can you remind me this weekend", "nah that's enough, how do i get ahold of them"
        (round 24: a plain no, and the request lost). It opens with words that only ask
        ("can you", "set", "remind"), or with any question word once a clause that closes
        ("that's enough") has been said."""
        for k in range(1, len(rest) - 1):
            head, tail = rest[:k], rest[k:]
            if tail[0] in QUESTION_OPENERS and self._closes(head):
                found = self.resolve(" ".join(tail))  # asked on its own: its best reading
                if found.method != "fallback" and found.intent not in _NO_REQUEST:
                    return found
            asks = any(tail[: len(lead)] == lead for lead in _LATER_LEADS)
            if (asks or tail[0] in _LATER_OPENERS) and (found := self._request_after(tail)):
                return found
        return None

    def _closes_at_end(self, words: list[str]) -> bool:
        """Whether a phrase ends with a goodbye of its own ("that's all") and asks nothing
        before it."""
        for thanks in (["thanks"], ["thank", "you"]):  # "nah, that's all, thanks" (round
            if words[-len(thanks) :] == thanks:  # 26: "what else would you like to know?")
                words = words[: -len(thanks)]
        for k in (4, 3):  # "that is all", "i am good"; not "(it doesn't) go away"
            hit = self._exact.get(" ".join(words[-k:])) if len(words) >= k else None
            if hit is not None and hit.intent == STOP_INTENT:
                return not _asks(words[:-k]) and not self._request_later(words)
        return False

    def _closes(self, head: list[str]) -> bool:
        """Whether a clause is a yes, a no or a goodbye of its own ("that's enough")."""
        hit = self._exact.get(" ".join(drop_fillers(" ".join(head)).split()))
        return hit is not None and hit.intent in {*LEADING_ANSWERS, STOP_INTENT}

    def _request_after(self, rest: list[str]) -> Match | None:
        """What a yes or no goes on to ask for ("no thanks, but give me their website", "yes
        and then check my symptoms"), when it is a sample of its own that is no answer: a
        statistical NLU weighs those words, not the "no thanks" before them."""
        # "no, i mean cramps, mainly at night": what was meant instead (round 20: a plain no)
        meant = rest[1:2] in (["mean"], ["meant"]) and rest[:1] == ["i"]
        rest = drop_fillers(" ".join(rest[2:] if meant else rest)).split()
        while rest and rest[0] in _LINKS | {"okay", "well"}:  # "no. ok, back to the questions"
            rest = rest[1:]
        wrong = next((w for w in _SAID_WRONG if rest[: len(w)] == w and rest[len(w) :]), ())
        rest = rest[len(wrong) :]  # "no that's wrong, make it sunday" (round 42's list: a
        # plain no, and the day said with it lost)
        # "no, not yet, what's the number though" (round 26: a plain no to a reminder)
        put_off = next((p for p in _PUT_OFF if rest[: len(p)] == p and rest[len(p) :]), ())
        rest = rest[len(put_off) :]
        led = next((lead for lead in _REQUEST_LEADS if rest[: len(lead)] == lead), ())
        rest = rest[len(led) :]  # "nope, i would rather do the symptom check"
        if led and rest[:1] == ["you"]:
            rest = rest[1:]  # "no, i'd rather you check whether he should see someone"
        # "no, tomorrow at twelve", said to the offer of a reminder: when it is wanted
        timed = bool(self._builtins(REMINDER_INTENT, rest)) and (len(rest) >= 2 or bool(wrong))
        opens = rest and (led or meant or timed or rest[0] in _REQUEST_OPENERS)
        if not opens or not (led or meant) and len(rest) < 2:
            return None  # "yeah they run in my family": a remark with the answer, not a request
        found = self.resolve(" ".join(rest))  # as said on its own
        if timed and found.method == "fallback":  # "sure, tomorrow at six thirty in the
            found = self._when_then_remark(rest) or found  # evening when i'm home" (round 25)
        loose = found.method not in _REQUEST_METHODS and not (
            found.method == "near" and found.score >= _REQUEST_NEAR
        )
        # what was meant, said as a correction: its best reading is wanted, however loose;
        # so is a reminder's day or time ("yes please, but make it monday at 10, i'm at work
        # tomorrow": round 22, tomorrow at 9)
        when = found.intent in (REMINDER_INTENT, CHANGE_REMINDER) and any(
            found.slots[n].value for n in ("day", "time", "duration") if n in found.slots
        )  # round 26: "no, make it wednesday" (a goodbye once the reminder was set); round
        # 32: "yeah, in like three hours when i stop for fuel" (tomorrow at 9, confirmed)
        # asked for in so many words ("i would rather", "i want to"), or asked ("what
        # actually is a cramp, physically"): its best reading (round 25: a plain no)
        asked = (led or rest[0] in _WH_WORDS) and found.method not in ("fallback", "open_slot")
        if loose and not ((meant or asked) and found.method != "fallback") and not when:
            return None  # a loose guess must not outweigh the yes or no
        if found.method == "near" and len(content_words(" ".join(rest))) < 2:
            return None  # "yes, give me": it names nothing (round 25: "give me the quiz")
        if found.intent in _NO_REQUEST:
            return None
        if rest[0] == "set" and found.intent not in (REMINDER_INTENT, CHANGE_REMINDER):
            return None  # "no, walking doesn't set it off": no request (round 32)
        return found

    def _leading_phrase(self, text: str, words: list[str]) -> Match | None:
        """ "not usually, maybe once or twice": a yes or no of two to five words (a sample
        of its own) that opens a phrase nothing else matched, and nothing after it turns or
        takes it back (round 14: "maybe" made it not sure)."""
        for k in range(min(5, len(words) - 1), 1, -1):
            if words[k - 1] in _CLAUSE_GOES_ON:
                continue  # "i don't know if ...": "i do not" is a no only said alone
            hit = self._exact.get(" ".join(words[:k]))
            if hit is None or hit.intent not in LEADING_ANSWERS:
                continue
            rest = set(words[k:])
            other = (o for i, o in LEADING_ANSWERS.items() if i != hit.intent)
            if rest & (TURNS | TAKEN_BACK) or any(rest & o for o in other):
                return None  # "not really, but they do wake me up", "not really, yes" (round
                # 24: "i wouldn't say they're frequent, no" says it twice)
            if hit.intent == YES_INTENT and rest & NEGATIONS:
                return None  # "i'd say two or three times a month, i wouldn't call it
                # frequent" (round 26: "i'd say" was a yes)
            if self._sounds_alarming(text):
                return None
            hedged = self._hedged_answer(words[:k], words[k:]) if hit.intent == NO_INTENT else None
            if hedged is not None:
                return hedged
            return self._with_answer(Match(hit.intent, {}, "leading", 0.0, hit.sample), words[k:])
        return None

    def _hedged_answer(self, opened: list[str], rest: list[str]) -> Match | None:
        """A no that is a hedge of what follows ("i wouldn't say they wake me up, i wake up
        to pee anyway"): the answer, with the hedge Alexa fills, which makes it a no (round
        34: the no's reply slot was heard with the answer, and the answer won: a yes)."""
        said = " ".join(opened)
        if said not in self._hedge_phrases:
            return None
        value = self._answer_value(" ".join(rest), replied=True)
        if value is None:
            return None
        slot = next((n for n, t in self.intents.get(value.intent, ()) if t == HEDGE_TYPE), None)
        if slot is None:
            return None
        heard = {n: f.value for n, f in value.slots.items() if f.value} | {slot: said}
        return replace(value, slots=self._slots(value.intent, heard))

    def _with_answer(self, lead: Match, rest: list[str]) -> Match | None:
        """A leading yes or no (`lead`), with the answer of three words or more said after it,
        if any: "i'd say they wake me up maybe half the time", "not at all, i sleep fine"
        (round 20: its "not" kept it from being any answer); after a plain no, only as a
        correction: "actually no they don't wake me up, i just notice them in the morning",
        asked about walking (round 23: a no to that)."""
        _, found = self._tagger.tag(" ".join(rest))
        if any(t == _STATED_ANSWERS and len(w.split()) > 2 for t, w in found):
            value = self._answer_value(" ".join(rest), replied=True)
            return None if value is None else self._with_reply(value, lead)
        if lead.intent == YES_INTENT and _HAVING.intersection(rest):
            told = self.resolve(" ".join(rest))  # "yes he has those bulgy veins", asked about
            named = any(f.value for f in told.slots.values())
            if told.intent == _VARICOSE_TOPIC and named:  # walking: his veins, not a yes to
                return told  # walking (round 36: recorded, and the result rested on it)
        return lead

    def _with_no_answer(self, lead: Match, rest: list[str]) -> Match:
        """A no with a no of its own said after it, whichever question that answers ("nope,
        no varicose veins, my legs look normal", "nah he sleeps like a rock": round 33, a
        plain no, to the question asked or to going back to the check). Only a no said again
        ("no, no ...", "nope, never ..."): "nope, they never wake me up", asked how often, is
        a no to that question."""
        if not rest or rest[0] not in _NO_AGAIN:
            return lead
        found = self._with_answer(lead, rest)
        if found is None or found is lead:
            return lead
        said = [
            f.matches[0][0] for f in found.slots.values() if f.type == _STATED_ANSWERS and f.matches
        ]
        meant = [answers.meaning(value) for value in said if value]
        if meant and all(m is not None and m.answer is Answer.NO for m in meant):
            return found
        return lead

    def _answer_value(self, text: str, *, replied: bool = False) -> Match | None:
        """ "oh goodness, most nights, i'd say maybe five nights out of seven": a phrase
        nothing else matched that names one answer of the check (once or more, and no other)
        and takes nothing back ("not", "never", "no" outside it) is that answer, as Alexa
        fills a slot from a long answer. `replied`: it opened with a plain yes or no."""
        _, found = self._tagger.tag(text)
        answers = [(t, w) for t, w in found if t in self._answer_slots and not _lasts(text, w)]
        inside = {w for _, heard in answers for w in heard.split()}
        outside = set(text.split()) - inside
        # After a yes or no, only words outside the answer ask (not the "when" of "yeah, i
        # have to stop when i walk"); without one, "my shins burn when i walk but it stops
        # when i sit" may be a question about it.
        if _asks([w for w in text.split() if not replied or w not in inside]):
            return None  # "... a lot of cramps lately, what could cause that": a question
        ids = self._answer_ids(answers)
        if len(ids) not in (1, 2):
            return None
        words = text.split()
        if all(len(heard.split()) < 2 and heard.split() != words[:1] for _, heard in answers) and (
            len(words) > 4
        ):
            return None  # "luckily i've never had a stroke": one word is no answer in many,
            # unless said first ("hardly, maybe after a tennis match": round 25)
        condition = set(words[words.index("if") :]) if "if" in words[1:] else set()
        if (outside - condition) & (NEGATIONS | _PLAIN_NO) or self._alarms_an_answer(text):
            return None  # (a "not" in an "if" clause takes nothing back: "hardly, maybe
            # after a match if i haven't had enough water", round 25: not sure)
        if _says_any(text, _DECEASED):
            return None  # "my husband passed away last year, he had varicose veins too" was
            # told back as "you said you have varicose veins" (round 21)
        if len(ids) == 2:
            return self._two_answers(text, answers)
        ((slot_type, _),) = ids
        intent, slot = self._answer_slots[slot_type]
        # the longest said: "they wake me up, I have to get up and walk it off" is a whole
        # answer (round 17: its first, "wake me up", was too short to outweigh a guess)
        heard = {slot: max((w for t, w in answers if t == slot_type), key=len)}
        heard.update(self._hedge(intent, text, heard))
        return Match(intent, self._slots(intent, heard), "answer_value", 0.0, None)

    def _answer_ids(self, found: Iterable[tuple[str, str]]) -> set[tuple[str, str | None]]:
        """(slot type, value id) of each check answer among the slot values found."""
        return {
            (t, v.id)
            for t, w in found
            if t in self._answer_slots
            for v in self._types[t].get(w, [])
        }

    def _answer_after_but(self, text: str) -> Match | None:
        """The answer in the clause after the last "but", when the phrase holds two that
        differ: what holds now, said after what held once."""
        words = text.split()
        if "but" not in words[1:]:
            return None
        at = len(words) - words[::-1].index("but")
        _, found = self._tagger.tag(" ".join(words[: at - 1]))
        before = {i for _, i in self._answer_ids(found)}
        rest = words[at:]
        while rest[1:] and rest[0] in _BUT_LEAD_INS:  # "... but cramps, nah, not much"
            rest = rest[1:]  # (round 30: the fallback)
        after = self._answer_value(" ".join(rest)) if before else None
        if after is None or self._sounds_alarming(text):
            return None
        now = {f.resolved for f in after.slots.values() if f.resolved}
        return after if now and not now & before else None

    def _two_answers(self, text: str, answers: list[tuple[str, str]]) -> Match | None:
        """Two answers in one breath ("i have varicose veins and my cramps come on when i
        walk"): how often, or the first said, and the other in the intent's second slot, as
        its samples teach ("{frequency} and they {otherAnswer}"); round 19: the fallback."""
        said = list(dict.fromkeys(answers))
        if len(said) != 2 or said[0][0] == said[1][0] == "CrampFrequency":
            return None  # "sometimes, well every night": two frequencies, one answer unclear
        first, other = sorted(said, key=lambda a: a[0] != "CrampFrequency")
        intent, slot = self._answer_slots[first[0]]
        second = next(
            (n for n, t in self.intents.get(intent, ()) if t == other[0] and n != slot), None
        )
        if second is None:
            return None
        heard = {slot: first[1], second: other[1]}
        return Match(intent, self._slots(intent, heard), "answer_value", 0.0, None)

    def _with_opening_reply(self, answer: Match, words: list[str]) -> Match:
        """An answer near a sample, with the plain yes it opened with ("oh yes, they wake me
        up and then i can't get back off to sleep", asked how often: round 32, only the sleep
        answer was taken, and how often was asked again)."""
        if len(words) < 3 or words[0] not in _PLAIN_YES or _PLAIN_NO.intersection(words[1:2]):
            return answer
        return self._with_reply(answer, Match(YES_INTENT, {}, "leading", 0.0, words[0]))

    def _with_reply(self, answer: Match, lead: Match) -> Match:
        """An answer with the yes or no it opened with, in its intent's reply slot, if any."""
        slots = self.intents.get(answer.intent, ())
        slot = next((n for n, t in slots if t == REPLY_SLOT_TYPE), None)
        if slot is None or lead.sample is None:
            return answer
        heard = {n: f.value for n, f in answer.slots.items() if f.value} | {slot: lead.sample}
        return replace(answer, slots=self._slots(answer.intent, heard))

    def _evidence(self, known: list[str]) -> dict[str, float]:
        """Each intent's naive Bayes evidence for these model words, the best one's as 1."""
        c = self._classifier
        scores = {
            intent: sum(log_p.get(t, c.unseen[intent]) for t in known)
            for intent, log_p in c.log_p.items()
        }
        top = max(scores.values())
        return {intent: math.exp(s - top) for intent, s in scores.items()}

    def _sounds_alarming(self, text: str) -> bool:
        """Whether the phrase's words give an emergency enough of the classifier's evidence
        that no answer should be read into it (the fallback offers 911)."""
        return self._sounds_alarming_tokens(self._near_tokens(text)[0])

    def _alarms_an_answer(self, text: str) -> bool:
        """Whether a phrase that names an answer sounds alarming: a word mostly taught by
        emergencies, or the emergency's share well past the guard's ("two or three times a
        week, mostly after a long day baling hay" holds only loose words: round 25, the
        fallback)."""
        tokens = self._near_tokens(text)[0]
        share = self._emergency_share(tokens)
        if self._classifier.alarm.intersection(tokens):
            return share >= CLASSIFIER_EMERGENCY_SHARE
        return share >= ANSWER_ALARM_SHARE

    def _sounds_alarming_tokens(self, tokens: Iterable[str]) -> bool:
        return self._emergency_share(tokens) >= CLASSIFIER_EMERGENCY_SHARE

    def _emergency_share(self, tokens: Iterable[str]) -> float:
        """The share of the evidence an emergency holds for these words; 0 with fewer than
        two telling model words ("no, my legs are smooth": "leg" alone says little)."""
        c = self._classifier
        known = sorted(t for t in tokens if t in c.vocabulary)
        if len([t for t in known if t not in c.generic]) < CLASSIFIER_MIN_WORDS:
            return 0.0
        evidence = self._evidence(known)
        return _priority_share(evidence)

    def _classify(self, text: str) -> Match | None:
        """The intent whose samples' words best explain the phrase's (naive Bayes), when the
        phrase says enough the model knows, little it does not, and one intent holds most of
        the evidence; None otherwise, and when an emergency is among the likely meanings."""
        c = self._classifier
        tokens, found = self._near_tokens(text)
        known = sorted(t for t in tokens if t in c.vocabulary)
        unknown = [t for t in tokens if t not in c.vocabulary and t not in c.ignored]
        telling = [t for t in known if t not in c.generic]
        if len(telling) < CLASSIFIER_MIN_WORDS or len(unknown) > len(known):
            return None
        if c.alarm.intersection(known):
            return None  # "chest", "breathe": the fallback offers 911
        evidence = self._evidence(known)
        for intent in _NEVER_GUESSED & evidence.keys() if len(evidence) > 1 else ():
            if not _GUESSED_WITH.get(intent, frozenset()) & set(text.split()):
                del evidence[intent]
        top = max(evidence.values())
        evidence = {i: e / top for i, e in evidence.items()}  # the best one's as 1 again
        total = sum(evidence.values())
        best = max(evidence, key=lambda i: (evidence[i], i))
        if _priority_share(evidence) >= CLASSIFIER_EMERGENCY_SHARE:
            return None  # the fallback offers 911; a loose guess must not hide it or raise it
        taught = [t for t in telling if t in c.log_p[best]]
        share = 1 / total  # the best intent's evidence is 1
        if best == PRIORITY_CLASS or not taught:
            return None
        if len(taught) < CLASSIFIER_MIN_WORDS and (
            unknown or share < CLASSIFIER_ONE_WORD_SHARE or set(telling) - set(taught) - _SOFT
        ):
            return None  # one word the intent was taught, nothing else that tells, and all
            # but all the evidence: "explain that a bit more" (round 22: the fallback); not
            # "how do i fix my car"
        if best in _COMMANDS and len(unknown) >= len(telling):
            return None  # "the cat knocked it over again": not "start over" (round 21)
        if best == THANKS and (unknown or set(telling) - set(taught) - _SOFT):
            return None  # "weather good for haying tomorrow?": a thanks guessed from one
            # word ends the session on a question (round 37: "you're welcome, goodbye")
        if share < self._classifier_share:
            return None
        words = text.split()
        answers_said = [w for t, w in found if t in self._answer_slots]
        if best in _TAKEN_AS_SAID and (
            (_asks(words) and not _DOUBTING.intersection(words)) or len(answers_said) > 1
        ):  # "frequent how, like per week?", "most nights, and when i walk too ...": a
            return None  # question back, or two answers (round 23: not sure, recorded)
        said_whole = any(len(w.split()) > 1 for w in answers_said)
        if best == NOT_SURE and said_whole and not (_DOUBTING | _PLAIN_YES | _PLAIN_NO) & set(
            words
        ):
            return None  # "i just told you, dear, most nights": no doubt, an answer (round 24)
        heard = self._tagged(self.intents.get(best, ()), found)
        heard.update(self._also_of(best, heard, found))
        if any(_denied(text, w) for w in (*heard.values(), *_TOPIC_WORDS.get(best, ()))):
            return None  # "he gets them sitting still, not walking" (round 18: a walking yes);
            # "i can walk as long as i like no cramps" (round 21); "only when i run, not
            # walking" (round 26: a walking yes, though the slot heard was running)
        heard.update(self._builtins(best, text.split()))
        heard.update(self._hedge(best, text, heard))
        heard.update(self._person(best, text, heard))  # round 23: "should my wife ..." was "you"
        heard = _without_helpers(text, heard)
        return Match(best, self._slots(best, heard), "classifier", share, None)

    def _also_of(
        self, intent: str, heard: Mapping[str, str], found: list[tuple[str, str]]
    ) -> dict[str, str]:
        """Words tagged as a value of another type that are a value of an empty slot's type
        too, as Alexa would fill it ("he does cramp up when he walks": the check's answer,
        and also {exercise}; round 31, the walking answer was not taken as about him)."""
        told = set(heard.values())
        also: dict[str, str] = {}
        for name, slot_type in self.intents.get(intent, ()):
            if name in heard or slot_type not in self._types:
                continue
            for _, words in found:
                if words not in told and words in self._types[slot_type]:
                    also[name] = words
                    told.add(words)
                    break
        return also

    def _hedge(self, intent: str, text: str, heard: Mapping[str, str]) -> dict[str, str]:
        """The hedge said before the first slot heard ("maybe one or two small ones"), for an
        intent with a {hedge} slot: Alexa fills it too, and it makes the answer not sure."""
        slot = next((n for n, t in self.intents.get(intent, ()) if t == HEDGE_TYPE), None)
        said = [v for v in heard.values() if v and f" {v} " in f" {text} "]
        if slot is None or not said:
            return {}
        before = f" {text.split(said[0])[0]} "
        hedges = [h for h in self._hedge_phrases if f" {h} " in before]
        return {slot: max(hedges, key=len)} if hedges else {}

    def score(self, utterance: str) -> list[tuple[float, str, str]]:
        """Every sample's near-match score for `utterance`, best first: (score, intent, sample)."""
        tokens, _ = self._near_tokens(spoken_form(utterance))
        scored = self._scores(tokens)
        return sorted(
            ((s, self._entries[i].intent, self._entries[i].sample) for i, s in scored.items()),
            key=lambda x: -x[0],
        )

    def _near_tokens(self, text: str) -> tuple[frozenset[str], list[tuple[str, str]]]:
        tagged, found = self._tagger.tag(text)
        words = drop_fillers(tagged).split()
        # whose legs they are says nothing of what is asked: "my father's legs are swollen"
        # is "my legs are swollen" (round 22: the fallback)
        words = [
            w for w, after in zip(words, [*words[1:], ""], strict=False)
            if not (w in RELATIVES and after.startswith("{"))
        ]
        return frozenset(stem(self._correct(w)) for w in words), found

    def _scores(self, tokens: frozenset[str]) -> dict[int, float]:
        idf, unknown = self._idf, self._unknown_weight
        ordered = sorted(tokens)  # one summation order: equal scores stay equal on every run
        total = sum(idf.get(t, unknown) for t in ordered)
        shared: dict[int, float] = defaultdict(float)
        for t in ordered:
            w = idf.get(t)
            if w is not None:
                for i in self._postings[t]:
                    shared[i] += w
        entries = self._entries
        return {i: s / (total + entries[i].weight - s) for i, s in shared.items()}

    def _near(self, text: str, asked: str | None = None) -> Match | None:
        """The best sample by token overlap for the phrase as said; when none is close
        enough and the phrase opens with a carrier, for the phrase without it."""
        asks = self._asks_about(text)  # as said: "can you overdose on ..." asks (round 13)
        for said in (text, asked) if asked else (text,):
            found = self._near_one(said, asks)
            if found is not None and found.intent == STRUGGLING and found.sample:
                needed = content_words(found.sample)
                if len(needed & content_words(said)) < STRUGGLING_SHARE * len(needed):
                    return None  # "i'm exhausted" is not "i'm so exhausted i can't take it
                    # anymore" (round 30: the gentle 988 line to "i'm dead tired")
            if (
                found is not None and found.intent in _SAID_OF
                and not _SAID_OF[found.intent].intersection(said.split())
            ):
                return None  # "i'm scared, something is really wrong with me" is not "...
                # wrong with the baby" (round 32)
            if found is not None and said is text and asked and _names_the_article(found.sample):
                # "does the article say anything about potassium": near the help sample
                # "what does the article say", all carrier (round 40: help)
                return self._near_one(asked, asks) or found
            if found is not None:
                return found
        return None

    def _near_one(self, text: str, asks: bool) -> Match | None:
        tokens, found = self._near_tokens(text)
        named = _SUBJECTS.intersection(tokens)
        negated = {type_token(t) for t, words in found if NEGATIONS.intersection(words.split())}
        padded = f" {text} "
        woken = any(  # "i don't want to wake up my husband": near no crisis sample
            t == "Despair" and f" {w} " in padded
            and _wakes_someone(w, padded.split(f" {w} ", 1)[1].split()[:1])
            for t, w in found
        )
        stems = [stem(w) for w in drop_fillers(text).split()]
        numbers = number_pairs(text) if self._numbers else frozenset()
        pairs = set(zip(stems, stems[1:], strict=False))
        best_i, best = -1, 0.0
        for i, s in self._scores(tokens).items() if tokens else ():
            if s > best or (s == best and self._before(i, best_i, text)):
                sample = self._entries[i].tokens
                # Thoughts of self-harm are never taken back by a "not" ("the pain never stops").
                if _thin(sample, tokens) or _names_another(self._subjects[i], named) or (
                    denied(sample, tokens, negated) and self._entries[i].intent not in UNDENIED
                ):
                    continue
                if i in self._sign_words and self._denied_sign(i, stems):
                    continue  # "no pain in my chest, just cramps": near "pain in my chest"
                if asks and self._entries[i].intent in DENIABLE:
                    continue  # "do i need an ambulance for a leg cramp"
                if (
                    self._entries[i].intent in DENIABLE
                    and "blue" in self._entries[i].sample.split()
                    and ordinary_reading(self._entries[i].sample, padded)
                ):
                    continue  # "her legs have blue veins", near "my leg have gone blue"
                    # (round 48: 911, and the session ended); only the veins' blue: near a
                    # sample, other everyday readings would hide "since the flight"
                if woken and self._entries[i].intent in PRIORITY_INTENTS:
                    continue
                if self._entries[i].intent in PRIORITY_INTENTS and (
                    _lacks_the_point(sample, tokens, self._classifier.alarm)
                    or self._names_instead(sample, tokens)
                ):
                    continue  # "sometime": near "sometimes {despair}" (round 16: 988)
                if i in self._numbers and not self._numbers[i] <= numbers:
                    continue  # "i'm 19": near "nine one one"
                if self._entries[i].intent == STRUGGLING and not (
                    content_words(self._entries[i].sample) - _HOW_OFTEN
                ) & content_words(text):
                    continue  # "some nights" is not "i just cry some nights" (round 48: to
                    # the sleep question, nothing recorded)
                if _says_the_opposite(self._entries[i].intent, tokens):
                    continue  # "ok so no then": near "okay yes then" (round 29: a yes)
                if self._entries[i].intent in PRIORITY_INTENTS and _negates_otherwise(
                    self._entries[i].sample, pairs
                ):
                    continue  # "sometime wake up, not always": near "sometimes i think
                    # about not waking up" (round 29: 988, and the check ended)
                best_i, best = i, s
        if best_i < 0 or best < self.threshold:
            return None
        entry = self._entries[best_i]
        answered = {type_token(t) for t, _ in found if t in self._answer_slots}
        answering = entry.intent in self._answer_intents
        if answering and len(answered) == 2 and len(answered & entry.tokens) == 1:
            return None  # "they're pretty bad, i get them three nights a week": two answers,
            # not "i get them {answer}" (round 21: which one won was a matter of weights)
        if (entry.intent in LEADING_ANSWERS or entry.intent == NOT_SURE) and _yes_and_no(text):
            return None  # "yes no": both, so neither; "yes and no", a doubt, is said as such
        if entry.intent in LEADING_ANSWERS and any(t in self._answer_slots for t, _ in found):
            return None  # "they absolutely wake me up": not "absolutely", but what they do
        if entry.intent == NOT_SURE and any(
            t in self._answer_slots and len(words.split()) > 2 and words not in entry.sample
            for t, words in found
        ):  # an answer of three words or more outweighs a doubt's words ("possibly a few" not)
            return None  # "they wake me up some nights": near "some nights yes some nights no"
        if entry.intent in _ENDINGS and any(
            t in self._answer_slots and " " in words for t, words in found
        ):
            return None  # "i'm so done with this, yes every single night": an answer
        if entry.intent in _ENDINGS and _asks_something(text.split()):
            return None  # "ok so what do i actually do now then": a question, never a goodbye
            # said loosely (round 33: near "okay then that'll do for now", mid-check)
        if entry.intent in ONE_WORD_TURNS and _says_more(entry.tokens, tokens, self._idf):
            return None  # "probably the heat": not "probably", but a cause (round 16: a yes)
        if entry.intent in _FEW_SAMPLES and not _FEW_SAMPLES[entry.intent] & set(text.split()):
            return None
        heard = self._tagged(self.intents.get(entry.intent, ()), found)
        # "my legs cramp when i walk and it goes away when i rest", near a plain sample: the
        # words of another type's value fill {exercise} too (round 47: left empty, so a later
        # check asked the walking question again)
        heard.update(self._also_of(entry.intent, heard, found))
        heard.update(self._builtins(entry.intent, text.split()))
        heard.update(self._person(entry.intent, text, heard))
        heard = _without_helpers(text, heard)
        heard.update(self._plain_reply(entry.intent, text, heard))
        if heard.get("relative") in _PRONOUNS and "{relative}" not in entry.sample.split():
            del heard["relative"]  # "okay he's gone, where were we", near "where were we"
            # (round 48: the check began anew, about "them"): a pronoun names no one here
        return Match(entry.intent, self._slots(entry.intent, heard), "near", best, entry.sample)

    def _before(self, i: int, j: int, text: str) -> bool:
        """Of two samples without slots equally near, whether `i` goes first: the one said word
        for word in the phrase ("nope that's all" holds "that's all", not "is that all": round
        23); otherwise the first in the model."""
        samples = [self._entries[k].sample for k in (i, j)]
        if j < 0 or any("{" in sample for sample in samples):
            return j < 0 or i < j
        said = [f" {_spoken(sample)} " in f" {text} " for sample in samples]
        return said[0] > said[1] or (said[0] == said[1] and i < j)

    def _names_instead(self, sample: frozenset[str], said: frozenset[str]) -> bool:
        """Whether a phrase near a crisis sample of "anything" names a thing of its own in its
        place: "what is the use of compression socks" is no "what's the use of anything"
        (round 23: the crisis line, and the session ended)."""
        return sample - said >= _ANYTHING and any(
            t not in FUNCTION_STEMS and t in self._idf for t in said - sample
        )

    def _plain_reply(self, intent: str, text: str, heard: Mapping[str, str]) -> dict[str, str]:
        """A change of answer's {reply}, when the phrase says one plain yes or no: the near
        match does not tag those words (they are the Yes and No intents' own), but Alexa
        fills the slot (round 21: "sorry dear, i meant yes to that last one" changed nothing)."""
        if intent != CHANGE_ANSWER or "reply" in heard:
            return {}
        said = set(text.split())
        yes, no = said & _PLAIN_YES, said & _PLAIN_NO
        return {"reply": next(iter(yes or no))} if len(yes | no) == 1 else {}

    def _person(self, intent: str, text: str, heard: Mapping[str, str]) -> dict[str, str]:
        """The slot of whom the phrase speaks, when the intent has one and it is unfilled."""
        padded = f" {text} "
        for name, slot_type in self.intents.get(intent, ()):
            if name in heard or slot_type not in self._people:
                continue
            said = [v for v in self._people[slot_type] if f" {v} " in padded]
            if said:  # the first said of the longest: "my wife ... she" is "my wife"
                return {name: min(said, key=lambda v: (padded.index(f" {v} "), -len(v)))}
        return {}

    def _denied_sign(self, entry: int, stems: list[str]) -> bool:
        """Whether the phrase (`stems`) denies the sign of an emergency sample it is near, as
        the emergency rule's `denies` reads it."""
        said = self._sign_words[entry] & set(stems)
        return bool(said) and denies(stems, said, self._signs)

    @staticmethod
    def _tagged(
        slots: Iterable[tuple[str, str]], found: list[tuple[str, str]]
    ) -> dict[str, str]:
        """Slot name -> the words of a slot value of its type found in the phrase, in order."""
        heard: dict[str, str] = {}
        pool = list(found)
        for name, slot_type in slots:
            for k, (found_type, words) in enumerate(pool):
                if found_type == slot_type:
                    heard[name] = words
                    del pool[k]
                    break
        return heard


# What ends the session: never a loose match for a phrase that also holds an answer.
_ENDINGS = frozenset({"AMAZON.StopIntent", "AMAZON.CancelIntent"})
# Pronouns of the clinic or the user, not of someone else (nlu_words.PRONOUNS).
_NOT_PEOPLE = frozenset({"you", "you guys", "them", "they", "it", "me"})
# Despair that is also how people say they are fed up with cramps: only the whole phrase is
# the crisis ("I can't take it anymore, they wake me up every night" is an answer).
_FED_UP = ("take it", "take this", "tired of", "done with", "finished with", "had enough",
           "do this",  # round 29: "i can't do this anymore, every night my calves lock up"
           "take these", "take anymore",  # round 38: "... these cramps no more", the crisis line
           "can not anymore", "can't anymore")  # round 41: "i just can't anymore"
# ... unless what they are fed up with is life itself: "so tired of being here" (round 15).
_OF_LIFE = ("being here", "living", "being alive", "life", "everything")  # round 20


def _fed_up_with_cramps(text: str) -> bool:
    """Whether a phrase is fed up (_FED_UP) with the cramps, and with nothing of life itself."""
    return (
        _says_any(text, _FED_UP)
        and bool(CRAMP_WORDS.intersection(text.split()))
        and not _says_any(text, _OF_LIFE)
    )
# What may follow a short crisis value that still ends the thought: "... might just drive into
# the river tonight haha" (round 20: the fallback), "i also feel like giving up lately" (round
# 21: an answer of how often), "there's nothing left for me since margaret died".
_ENDS_THE_THOUGHT = (
    [], ["and"], ["but"], ["tonight"], ["today"], ["now"], ["soon"], ["haha"], ["lately"],
    ["since"],
    # Round 27, a new user: "i think about ending it all, anyway, why do my legs cramp" (the
    # causes, or the fallback); "... ending it all sometimes".
    ["why"], ["what"], ["how"], ["sometimes"], ["often"], ["sometime"],
)
_ANYTHING = frozenset({stem("anything")})
# After "so not", a no: "... so not anymore" (round 23: a yes, from the words before it).
_NO_LONGER = frozenset({"anymore", "now", "really"})
# Whom one wakes up: after these, "wake up" is done to someone else.
_WOKEN = frozenset({
    "my", "the", "him", "her", "them", "his", "our", "your", "everyone", "everybody",
    "anyone", "anybody", "people", "someone", "somebody",
})


def _wakes_someone(value: str, after: list[str]) -> bool:
    """Whether a crisis value that ends with "wake up" is said of waking someone else: the
    word after it (`after`) is whom."""
    return value.strip().endswith("wake up") and bool(after) and after[0] in _WOKEN


# A slot value of a crisis sample of at least _WHOLE_PHRASE_MIN words is a whole phrase,
# said anywhere; of up to _WHOLE_PHRASE_WORDS, at the end of the phrase or of a clause.
_WHOLE_PHRASE_MIN = 3
_WHOLE_PHRASE_WORDS = 4

# A sample that is a number alone ("nine one one") holds in a phrase of at most this many
# content words: "nine one one help", not "my due date is 9/11, do pregnant women ...".
_NUMBERS_SAID_WITH = 4


def _says_any(text: str, phrases: Iterable[str]) -> bool:
    """Whether the phrase says any of these, as whole words."""
    padded = f" {text} "
    return any(f" {p} " in padded for p in phrases)


def _negated(text: str, words: str, negations: Iterable[str] = NEGATIONS) -> bool:
    """Whether the phrase says "not" or "never" (or another of `negations`) right before
    these words."""
    return _says_any(text, (f"{n} {words}" for n in negations))


# Words that speak of someone who has died: what they had answers nobody's check.
_DECEASED = ("passed away", "passed on", "my late", "died", "his late", "her late")
# Units of time that make "a few" or "a couple" before them a length of time ("for a few
# weeks"), unless a frequency's "a week" follows ("a couple of days a week").
_DURATIONS = frozenset(["minutes", "hours", "days", "weeks", "months", "years"])


def _lasts(text: str, value: str) -> bool:
    """Whether a slot value and the words after it are a length of time, not an answer
    (round 21: "his legs have been swollen for a couple of weeks" was "a couple" of varicose
    veins): "a few" or "a couple" before a unit of time."""
    words = value.split()
    if words[-1:] not in (["few"], ["couple"], ["several"]):
        return False
    after = f" {text} ".split(f" {value} ", 1)[1].split() if f" {value} " in f" {text} " else []
    rest = after[1:] if after[:1] == ["of"] else after
    return rest[:1] != [] and rest[0] in _DURATIONS and rest[1:2] not in (["a"], ["per"])


# What denies the words right after it, and what makes "without" no denial.
# round 24: "not with walking, walking is lovely" (a walking yes)
_DENYING = NEGATIONS | {"no", "no more", "not with", "never with", "not when", "never when"}
_UNABLE = ("can't", "cannot", "can not", "couldn't", "could not", "unable")


def _denied(text: str, words: str) -> bool:
    """Whether the phrase denies these words ("not walking", "no cramps"), as a guess from
    the words alone sees it: "without" does not deny after "can't" ("can't walk far without
    his calves cramping")."""
    if _negated(text, words, _DENYING) or _no_after(text, words):
        return True  # round 24: "walking? oh heavens no, i walk the mall" (a walking yes)
    return not _says_any(text, _UNABLE) and _negated(text, words, ("without", "without any"))


# What a time is said by that no clock gives: "after lunch", "before work" (round 25: cut
# off as a remark, and the reminder set at 9 in the morning without a word).
_VAGUE_TIMES = frozenset({
    "breakfast", "lunch", "lunchtime", "dinner", "supper", "tea", "work", "school", "church",
    "nap", "dark", "sunrise", "sunset",
})  # fmt: skip


def _with_time_after(found: Match, rest: list[str]) -> Match:
    """A reminder whose day was said before the time, with that time: "at noon" (round 25:
    "... the day after tomorrow at noon to phone them" dropped it), or "after lunch" as said
    (AMAZON.TIME has no value for it, and the skill says it cannot use it). A clock time
    needs no date: time_value is given any."""
    at = found.slots.get("time")
    if at is None or at.value or rest[:1] not in (["after"], ["before"], ["around"], ["at"]):
        return found
    if rest[0] == "at" and rest[1:2] and rest[1] in _VAGUE_TIMES:
        said = rest[:2]  # "at lunchtime", as said (round 26: set at 9 without a word)
    elif rest[0] == "at":
        clock = next(
            (v for k in (4, 3, 2, 1) if (v := time_value(" ".join(rest[1 : 1 + k]), date.min))),
            None,
        )
        said = [clock] if clock else []
    else:
        said = rest[: next((k + 1 for k, w in enumerate(rest) if w in _VAGUE_TIMES), 0)]
    if not said:
        return found
    return replace(found, slots={**found.slots, "time": replace(at, value=" ".join(said))})


def _names_when(found: Match) -> bool:
    """Whether a reminder's match names a day, or a clock time (not only "at night"), or
    the half of the day asked about ("in the afternoon of course, i'm never up that early":
    round 30, the fallback)."""
    day, at, half, within = (found.slots.get(n) for n in ("day", "time", "half", "duration"))
    return bool(day and day.value) or bool(at and at.value and ":" in at.value) or bool(
        half and half.value
    ) or bool(within and within.value)  # "in three hours when i stop for fuel" (round 32)


def _no_after(text: str, words: str, within: int = 3) -> bool:
    """Whether a plain no follows these words closely ("walking? oh heavens no"), said as
    an answer ("cramps for no reason", "... or no" are not)."""
    said, value = text.split(), words.split()
    for k in range(len(said) - len(value) + 1):
        if said[k : k + len(value)] == value:
            end = k + len(value)
            return any(
                w in _PLAIN_NO
                and said[j - 1] not in ("or", "for", "with", "and")
                and not _NO_TROUBLE.intersection(said[j + 1 : j + 2])  # "i walk fine, no cramps"
                for j, w in enumerate(said[end : end + within], start=end)
            )
    return False


def _timed(parts: Iterable[SamplePart]) -> bool:
    """Whether a time slot is among these parts of a sample."""
    return any(not isinstance(p, str) and p[1] == "AMAZON.TIME" for p in parts)


_PLAIN_YES = frozenset({"yes", "yeah", "yep", "yup", "ya", "yah", "yea"})
_PLAIN_NO = frozenset({"no", "nope", "nah"})
# Someone who cannot be woken or kept awake, said by whoever is with them.
_UNROUSABLE = re.compile(
    r"\b(?:can not|could not|cannot|unable to) (?:(?:wake|rouse) (?:him|her|them|my \w+)"
    r"(?: up|$| and)|keep (?:him|her|them|my \w+) awake|get (?:him|her|them|my \w+) up)"
    # "he ain't waking up", "my dad won't wake up" (round 37: the fallback); not "she isn't
    # waking up with them", which answers the check
    r"|\b(?:he|she|my \w+) (?:is |will |)not (?:waking|wake) up(?:$| (?!(?:with|from|because|"
    r"at|in|during|anymore|any|as|so|much|to|for|till|until|before|after|every|most|early|"
    r"late|on|when|if|like|them|it|now|these|those|nights|night)\b))"
    # "husband fall down in kitchen, he not answer me" (round 38: the fallback)
    r"|\b(?:fell|fall|fallen|falls|collapsed)\b.*\b(?:he|she) (?:is |does |will |)not "
    r"(?:answer|answering|respond|responding)\b"
)
# A hip broken weeks or months ago is history, not a fall now (round 47: "my grandma broke
# her hip in october and now she's in bed all day" got 911, and the session ended): its words
# are read as no sign, and anything else the phrase tells is still looked for.
_BROKEN_HIP = re.compile(r"\b(?:fell and |)(?:broke|fractured|broken) (my|her|his) hip\b")
_LONG_AGO = re.compile(
    r"\b(?:weeks|months|years) (?:ago|back)\b|\blast (?:week|month|year|spring|summer|fall|"
    r"winter)\b|\bin (?:" + "|".join(m for m in MONTHS if m != "may") + r")\b"  # "in may i"
    r"|\bfor (?:\w+ ){0,2}(?:weeks|months)\b|\bsince (?:her|his|my) fall\b"
)


def _healed_fracture(text: str) -> str:
    """The phrase with a hip broken long ago said as no sign ("her mended hip")."""
    return _BROKEN_HIP.sub(r"\1 mended hip", text) if _LONG_AGO.search(text) else text


# "Bev just dropped", "he just collapsed on the floor" (round 37: the fallback); not a pain or
# a swelling that dropped.
_DROPPED = re.compile(
    r"^(?!.*\b(?:pain|cramps?|cramping|swelling|fever|pressure|sugar|weight)\b)"
    r".*\bjust (?:dropped|collapsed)(?: down| on the floor| to the (?:floor|ground))?$"
)
# A wait said last, after a doubt: the question is asked again once the user is back.
_HOLDS = ("hang on", "hold on", "one second", "one sec", "just a second", "give me a second",
          "wait a second", "let me ask him", "let me ask her", "let me check")
# Said after a yes, these tell of having something: "yes he has those bulgy veins".
_HAVING = frozenset({"has", "have", "having", "got"})
_VARICOSE_TOPIC = "VaricoseVeinsIntent"
# What may stand between a concluding "so" and its yes or no: "so i would say no".
_CONCLUDING_HEDGES = [
    h.split() for h in ("i would say", "i guess", "i think", "i suppose", "i will say",
                        "i am going to say", "i would have to say", "we will say")
]
# Words in a remark after a request that take it back or turn it ("check my symptoms, no
# wait"), and the requests a remark may follow (a question's last words are its own: "what
# does it mean if my leg cramps on walks" is no "what does it mean").
_TAKES_BACK = NEGATIONS | TURNS | TAKEN_BACK | _PLAIN_NO | {"instead", "actually"}
_REMARK_WORDS = 3
# What a remark after a question opens with (_question_then_remark): its teller, or what it
# is about.
_REMARK_OPENS = frozenset({
    "i", "my", "we", "our", "she", "he", "her", "his", "mostly", "mainly", "especially",
    "usually", "because", "since",
})
_JOINS = frozenset({"and", "also", "then", "plus"})
_BUT_LEAD_INS = frozenset({"the", "my", "cramps", "cramp", "nah", "no", "nope"})
_PRONOUN_SUBJECTS = frozenset(
    {"he", "she", "it", "they", "i", "we", "you", "that", "this", "there"}
)
ANSWER_ALARM_SHARE = 0.5  # with no alarm word, an answer yields only to this share
_SIGN_TYPES = frozenset({"Exercise", "CheckAnswer", "CrampFrequency"})
_NO_TROUBLE = frozenset({"cramps", "cramp", "problem", "problems", "trouble", "pain", "issues"})
_HOLD_ON = (
    ["hang", "on"], ["hold", "on"], ["one", "second"], ["one", "sec"], ["wait", "a", "second"],
    # round 42: "pause, my girl's calling me", "just a moment please, someone's at the door"
    ["pause"], ["just", "a", "moment"], ["one", "moment"], ["wait", "a", "moment"],
)
# An errand told after "hold on", before answering: the skill cannot wait, so the question
# is asked again. "you", "know" or a question word asks something of the skill ("hold on, let
# me ask you something"); "go" or "run" with at most one more word leaves ("I have to go now").
_TOLD_ERRANDS = (  # in spoken form: "i gotta" is "i got to", "i'd" is "i would"
    ["i", "need", "to"], ["i", "have", "to"], ["i", "got", "to"], ["let", "me"],
    ["i", "would", "have", "to"], ["i", "will", "have", "to"], ["i", "will", "need", "to"],
    ["i", "would", "need", "to"],
)
_ASKS_THE_SKILL = frozenset({"you", "know", "what", "how", "why"})
_LEAVES = frozenset({"go", "leave", "run", "stop", "hang", "split"})


def _on_an_errand(words: list[str]) -> bool:
    """ "I need to take my pills", "let me go ask her": something to do before answering."""
    lead = next((e for e in _TOLD_ERRANDS if words[: len(e)] == e and words[len(e) :]), None)
    rest = words[len(lead) :] if lead else []
    leaving = bool(rest) and rest[0] in _LEAVES and len(rest) <= 2
    return bool(rest) and not leaving and not _ASKS_THE_SKILL.intersection(rest)


# The words that name what an intent is about, for a guess: denied, they deny it.
_TOPIC_WORDS = {"CrampsWhenWalkingIntent": ("walking", "when i walk")}
# The words without which a sample of a topic does not say it.
_TELLING_WORDS = {"CrampsWhenWalkingIntent": frozenset({"walk", "walks", "walking", "walked"})}


def _tells_its_topic(near: Match, text: str) -> bool:
    """Whether the phrase says the word that tells its near sample's topic, when it has one."""
    telling = _TELLING_WORDS.get(near.intent)
    if telling is None or not near.sample or not telling & set(near.sample.split()):
        return True
    return bool(telling & set(text.split()))


# Round 48: the words that name a half of the day, looked for in the first few words after a
# yes or no; what "forget it" may go on to ask for; pronouns that name no one on their own.
_HALF_WORDS = frozenset({"morning", "afternoon", "evening", "night", "am", "pm", "m"})
_HALF_AT_MOST = 4  # words: "in the morning please"
_STARTS_OVER = frozenset({"AMAZON.StartOverIntent", "SymptomCheckIntent"})
_PRONOUNS = frozenset({"he", "she", "him", "her"})
_QUALIFIERS = frozenset({"only", "just", "except", "unless"})  # after a plain yes or no
# Intents the classifier never guesses: their few samples lend their words too much weight
# ("what about the dehydration, because of the water pill" was pregnancy; round 32), and a
# cramp or vein question said in pregnancy is the topic's (the article answers it).
# A near match to one of them needs the phrase to name what they are about.
PREGNANCY_INTENT = "PregnancyIntent"
POSTPARTUM_INTENT = "PostpartumIntent"
# The weeks after a birth, said so (spoken form); a birth said with no time ("since i had my
# kids") may be long past, and is not.
_AFTER_BIRTH = (" postpartum ", " just had a baby ", " just had the baby ", " just had my baby ",
                " just gave birth ", " since the birth ", " after giving birth ", " breastfeeding ")
_GAVE_BIRTH = (" gave birth ", " had a baby ", " had the baby ", " had my baby ", " delivered ")
_RECENTLY = (" weeks ago ", " days ago ", " last week ", " last month ", " recently ")


def _after_a_birth(padded: str) -> bool:
    """Whether a phrase says it is the weeks after a birth."""
    return any(m in padded for m in _AFTER_BIRTH) or (
        any(m in padded for m in _GAVE_BIRTH) and any(r in padded for r in _RECENTLY)
    )


_SAID_OF = {
    # Round 48, a new mother: the weeks after a birth.
    POSTPARTUM_INTENT: frozenset({
        "postpartum", "birth", "baby", "breastfeeding", "section", "delivered", "milk",
    }),
    PREGNANCY_INTENT: frozenset({
        "pregnant", "pregnancy", "baby", "deliver", "delivery", "birth", "midwife",
        "expecting", "contractions", "broke", "break", "kicks", "kick",
        "weeks", "trimester",  # round 41: "i'm thirty four weeks and i have cramps in my belly"
    }),
}
_BABY_MOVES = frozenset({"kick", "kicks", "kicking", "kicked", "move", "moves", "moving",
                         "moved", "movement", "movements", "quiet"})
_LESS = frozenset({"not", "less", "quiet", "stopped", "barely", "hardly", "no"})
_FOR_THE_BABY = tuple(
    f" {verb} {whose} baby "
    for verb in ("bad for", "affect", "hurt", "harm", "safe for", "dangerous for")
    for whose in ("the", "my", "our", "her")
)
# Round 39: intents of few samples, whose words weigh much in a guess ("stop right now",
# "how come the cramps always come at night": a cramp under way, or the fallback): near them
# only when one of these words is said, and never guessed.
_FEW_SAMPLES = {
    "CrampNowIntent": CRAMP_WORDS,
    "OtherSymptomIntent": frozenset({
        "heart", "chest", "palpitations", "urine", "face", "hands", "belly",
        # round 41, a trucker on a water pill and a nursing assistant: the fallback
        "dizzy", "lightheaded", "pounds", "weight", "pill", "thirsty", "peeing", "fell", "pop",
        "breathe", "breath",
        # round 42, a retired teacher with diabetes, a line cook, a triathlete: the fallback
        "numb", "toes", "faint", "healed", "stung", "winded",
    }),
}
# ... though a symptom of the heart is guessed when the heart is named ("my heart raced for a
# bit last night but it's fine now"); a cramp never is ("my wife can't finish her walk
# without her legs cramping" is the walking answer's).
_GUESSED_WITH = {
    "OtherSymptomIntent": _FEW_SAMPLES["OtherSymptomIntent"],
    # round 43, a steelworker: "calf's hard as a rock right now, won't let go" was guessed
    # to be "let's finish later" ("Take care. Goodbye!"): a cramp told in its own words
    "CrampNowIntent": frozenset({"rock", "locked", "seized", "knotted"}),
}
_NEVER_GUESSED = frozenset(_SAID_OF) | frozenset(_FEW_SAMPLES)
_PUT_OFF = (["not", "yet"], ["not", "right", "now"], ["not", "now"], ["maybe", "later"])
# What a statement may end with when it asks what to make of it (_then_what_to_do).
_WHAT_TO_DO = tuple(
    tail.split()
    for tail in ("what should i do", "what do i do", "what should we do", "what can i do",
                 "what should i do about it", "what do you think", "what do you reckon")
)  # fmt: skip
_NOT_A_STATEMENT = ANSWER_INTENTS | set(LEADING_ANSWERS) | {FALLBACK}
# Two answers may not agree ("sometimes every night"), nor two reminders' days.
_NEVER_TWICE = (ANSWER_INTENTS - {"NotSureIntent"}) | {
    "SkipIntent", "DayHalfIntent", "SetReminderIntent",
}
# Leaving, then why ("not now, I have to get dinner on": round 31, "I need an answer").
_LEAVING = _ENDINGS | {"AMAZON.NavigateHomeIntent"}
_LEFT_FOR = _LEAVING | {"LaterIntent"}
_NOT_FIRST_OF_TWO = _LEFT_FOR | {*PRIORITY_INTENTS, "ChangeAnswerIntent", FALLBACK}
_EXCUSES = (("have", "to"), ("need", "to"), ("got", "to"), ("has", "to"))
_WHY = "WhyIntent"
_SAID_FIRST = frozenset({
    "SymptomCheckIntent", "ContactClinicIntent", "ClinicPhoneIntent", "BookForMeIntent",
    "CrampFrequencyIntent",  # how often, then a remark (round 26: a cramps answer)
    _WHY,  # "are you sure, i'd hate to be wasting their time" (round 34: later)
    *_LEFT_FOR,
})
YES_INTENT, NO_INTENT = "AMAZON.YesIntent", "AMAZON.NoIntent"
STOP_INTENT = "AMAZON.StopIntent"
PAUSE_INTENT = "AMAZON.PauseIntent"
LATER_INTENT = "LaterIntent"
CRISIS_INTENT = "CrisisIntent"
STRUGGLING = "StrugglingIntent"
CAUSES_INTENT, NIGHT_INTENT, NIGHT_TYPE = "CrampCausesIntent", "LegCrampsAtNightIntent", "NightTime"
_HOW_OFTEN = frozenset(stem(w) for w in ("some", "night", "nights", "day", "days", "every", "time",
                                         "times", "week", "often", "sometimes"))
STRUGGLING_SHARE = 0.6  # of a struggling sample's words, said for a near match to count
_A_CHILD = frozenset({
    *(("my", c) for c in ("son", "daughter", "kid", "child", "boy", "girl", "grandson",
                          "granddaughter")),
    ("the", "baby"), ("the", "kids"),
    # round 26, a new user: "my little boy swallowed a whole bottle of my pills" (988)
    ("my", "little"), ("my", "toddler"), ("my", "baby"), ("the", "toddler"),
    *(("our", c) for c in ("son", "daughter", "kid", "child", "boy", "girl", "baby", "little")),
})  # fmt: skip
FREQUENCY_INTENT = "CrampFrequencyIntent"
_REFUSING = NEGATIONS | _PLAIN_NO  # spoken form: "don't" is "do not"
REMINDER_INTENT = "SetReminderIntent"
CHANGE_REMINDER = "CancelReminderIntent"  # "make it friday": a change, or a cancel
_DAY_HALF = "DayHalfIntent"
_WHEN_SAID = frozenset({REMINDER_INTENT, _DAY_HALF})
_NOT_THE_CRAMPS = tuple(
    f"{no} {the} {cramps}" for no in ("not", "not from", "not because of", "nothing to do with")
    for the in ("the", "my") for cramps in ("cramps", "cramp", "legs")
)
_WHEN_CORRECTIONS = tuple(c.split() for c in (*CORRECTIONS, "make it", "no make it"))
# ... and, of a reminder's day, a bare "no" ("thursday, no, friday": round 41); "no, the
# afternoon please", to "is that 6 in the morning?", is the half it answers.
_DAY_CORRECTIONS = (*_WHEN_CORRECTIONS, ["no"])
# Answers a remark after "but" leaves as they are, and how they must have been heard.
_BEFORE_BUT = frozenset({YES_INTENT, NO_INTENT, "CrampFrequencyIntent", "CheckAnswerIntent"})
_BEFORE_BUT_METHODS = frozenset({"exact", "near", "answer_value", "leading"})
# Asked after a story of one's own cramps or veins (spoken form): whether to worry about it.
_WORRY_TAILS = tuple(t.split() for t in (
    "is that something to worry about", "is this something to worry about",
    "should i be worried", "should i worry", "should i be concerned", "is that bad",
    "is that serious", "is that normal", "is that a problem", "do i need to worry",
    "is that anything to worry about",
))
# What such a story may be about, and the sample whose intent then answers it.
_STORY_TOPICS = frozenset({
    "CrampsWhenWalkingIntent", "LegCrampsAtNightIntent", "VaricoseVeinsIntent",
    "CrampsAndVeinDiseaseIntent", "CrampFrequencyIntent", "CheckAnswerIntent",
})
WORRY_SAMPLE = "when should i see a vein specialist"
# Words that soften a request and tell nothing of it ("explain that a bit more").
_SOFT = frozenset({"bit", "littl"})
# How a phrase takes its leave at its end ("..., bye bye now"); spoken form.
_FAREWELLS = frozenset({
    "bye", "goodbye", "bye bye", "bye now", "bye bye now", "cheerio", "ta ra", "tara", "ta ta",
    "see you", "see ya", "see you later", "good night", "goodnight", "farewell",
    "later alligator", "catch you later", "so long",  # round 23: the fallback
    # round 43: "well alright then, I reckon I'll let you go, you have a good one" (the check)
    "let you go", "have a good one", "have a good day", "have a nice day", "have a good night",
})
# Said to the skill at the end of a phrase, as to a person ("that's it love"): nothing asked.
# ... and "ta", a thanks said in passing: "that'll do, ta" (round 26: the fallback).
_VOCATIVES = frozenset(
    {"love", "luv", "darling", "pet", "mate", "duck", "sweetheart", "ta", "dear", "amigo"}
)
# What may follow the yes or no a phrase comes to: "so no i'd say", "so yes i guess".
_AFTERTHOUGHTS = frozenset({"say", "would", "i", "guess", "think", "suppose", "then"})


def _yes_and_no(text: str) -> bool:
    """Whether the phrase says both a plain yes and a plain no ("yes no")."""
    said = set(text.split())
    return bool(said & _PLAIN_YES) and bool(said & _PLAIN_NO)


# A leave-taking that ends in "this" or "that" ("i'm done with this") goes on naming what is
# meant unless one of these starts a new clause.
_DEMONSTRATIVES = frozenset({"this", "that"})
_STARTS_A_CLAUSE = frozenset({
    "i", "my", "we", "he", "she", "it", "they", "you", "so", "and", "bye", "goodbye",
    "thanks", "thank", "now", "for", "then", "anyway", "okay", "see", "take", "have",
})


def _clauses(text: str) -> list[str]:
    """The phrase cut where it turns ("just", "but", "only"): "no chest pain no breathing
    trouble | cramps". One clause when it does not turn."""
    clauses: list[list[str]] = [[]]
    for word in text.split():
        if word in TURNS:
            clauses.append([])
        else:
            clauses[-1].append(word)
    return [" ".join(c) for c in clauses if c]


def _asks_first(text: str) -> bool:
    """Whether a phrase opens with a question word ("when is it")."""
    return any(first in _WH_WORDS for first in text.split()[:1])


def _told_about(asked: str) -> str:
    """What is left of "i want to know about varicose veins" once the carrier is dropped, as
    the samples say it: "tell me about varicose veins"."""
    return f"tell me {asked}" if asked.startswith("about ") else asked


def _priority_share(evidence: Mapping[str, float]) -> float:
    """The share of the evidence an emergency or a crisis holds (one class, PRIORITY_CLASS)."""
    return evidence.get(PRIORITY_CLASS, 0.0) / sum(evidence.values())


def _thin(sample: frozenset[str], said: frozenset[str]) -> bool:
    """Whether a sample is a slot and at most one word of its own, and the phrase has no value
    of that slot but other words: "lately {despair}" is no match for "every single night
    lately" (round 10); "they happen {frequency}" still is for "they happen"."""
    slots = {t for t in sample if t.startswith("{")}
    own = sample - slots - FUNCTION_STEMS
    return bool(slots - said) and len(own) <= 1 and bool(said - own - FUNCTION_STEMS)


# Intents whose phrases are short commands: as many words the model does not know as words
# it does say the phrase is something else, however the known words lean.
_COMMANDS = frozenset({
    "AMAZON.StartOverIntent", "AMAZON.PreviousIntent", "AMAZON.RepeatIntent",
    "AMAZON.StopIntent", "AMAZON.CancelIntent", "ThanksIntent",
})

# Kin a name may follow ("my sister Rosa"): without_name.
_KIN = frozenset({
    "sister", "brother", "wife", "husband", "mom", "mother", "dad", "father", "son",
    "daughter", "neighbor", "friend", "grandson", "granddaughter", "aunt", "uncle", "cousin",
    "grandma", "grandpa", "buddy", "coworker", "partner", "mum",
    # round 41: "check my symptoms for my resident Mister Jones" (the check, about the aide)
    "resident", "patient", "client", "runner", "sprinter", "player", "athlete",
    "boy", "girl",  # round 45, a farmer: "my boy Jimmy's got the cramps, can you check him"
})
_NAMED_KIN = re.compile(  # a name of one or two words: "my sister Rosa", "my resident Mister Jones"
    r"\b((?i:my|our) (?i:" + "|".join(sorted(_KIN)) + r"))\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
# What a reminder is for, said where a time would be ("remind me call them wednesday").
_ERRANDS = frozenset({"call", "ring", "phone", "contact", "text", "email"})
# "Nah, just looking": no answer to anything, but what brought the user here.
_BROWSING = frozenset({"checking", "looking", "wondering", "curious", "browsing", "testing",
                       "seeing", "asking", "poking", "trying"})
# Loose matches a worn-out remark overrides (resolve), and those it does not: the phrase was
# a sample, a priority rule's, or opened with a plain yes or no.
_WORN_OUT_OVERRIDES = frozenset({"AMAZON.StopIntent", "AMAZON.CancelIntent", "ThanksIntent",
                                 "AMAZON.NoIntent", "NotSureIntent"})
_SURE_METHODS = frozenset({"exact", "leading", "priority"})
# The thanks (and goodbye): guessed only from words it was all taught (_classify); said
# first, then a remark, the thanks all the same (_thanks_then_remark).
THANKS = "ThanksIntent"

# The slot types that name what a question is about (not who, where or when).
_SUBJECTS = frozenset(
    f"{{{t}}}" for t in ("Cramp", "VeinProblem", "Varicose", "LegVeins", "VeinTest", "Condition")
)


def _names_another(sample: frozenset[str], named: frozenset[str]) -> bool:
    """Whether a sample is about a subject (`sample`, its _SUBJECTS) and the phrase names
    none of its subjects but another (`named`): "what is venous reflux really" is not near
    "what really is {cramp}" (round 21)."""
    return bool(sample) and bool(named) and not sample & named


# A word followed by these means something else: "i don't feel like my legs cramp much" is a
# hedge, no "i can't feel my leg" (round 23: 911, and the session ended).
_OTHER_SENSES = frozenset({
    (stem("feel"), stem("like")),
    # round 42: "i nearly swallowed half the lake" in a cramp while swimming (911)
    (stem("swallowed"), stem("half")),
})


def _negates_otherwise(sample: str | None, pairs: Set[tuple[str, str]]) -> bool:
    """Whether the sample says "not" before a word the phrase does not say after its own."""
    return bool(sample) and not _sample_negations(sample) <= pairs


@cache
def _sample_negations(sample: str) -> frozenset[tuple[str, str]]:
    """A sample's "not" and the word it negates, stemmed ("not waking up": not, wak)."""
    said = [stem(w) for w in _spoken(sample).split()]
    return frozenset(p for p in zip(said, said[1:], strict=False) if p[0] in NEGATIONS)


def _says_the_opposite(intent: str, tokens: Set[str]) -> bool:
    """Whether a phrase near a sample of yes (or no) says no (or yes) and not its own word."""
    own = LEADING_ANSWERS.get(intent)
    if own is None or tokens & own:
        return False
    return any(tokens & words for other, words in LEADING_ANSWERS.items() if other != intent)


# Swelling that comes every day ("by the end of the day", "every evening") with nothing acute
# said (pain, heat, redness, suddenness) is the ankles' ordinary story, not the emergency:
# the symptom the article doesn't cover, with the red flags (round 32, a trucker).
_EVERY_DAY = (
    " end of the day ", " end of day ", " every evening ", " in the evening", " by evening ",
    " by night ", " after work ", " end of my shift ", " end of shift ", " every day ",
    # round 37: "my ankles swell up like balloons by suppertime, is that my veins?" (911)
    " by suppertime ", " by supper ", " by dinnertime ", " by dinner ", " by bedtime ",
    # round 42, a triathlete: "my ankles swell after long flights" (911, the session ended)
    " after long flights ", " on long flights ", " after flights ", " on flights ",
    " goes down overnight ",
)
_ACUTE = frozenset({
    "hurt", "hurts", "hurting", "pain", "painful", "aching", "sore", "tender", "red", "hot",
    "warm", "burning", "throbbing", "sudden", "suddenly", "nowhere", "chest", "breath",
    "breathe", "breathing", "killing", "agony",
})


_SWELLING = ("swell", "swol", "puff", "balloon", "bigger")


def _swells_every_day(sample: str, padded: str) -> bool:
    """Whether an emergency sample of swelling alone is found in a phrase that tells of
    swelling coming daily, with nothing acute said (a faint or a drooping face said "every
    evening" is still the emergency)."""
    return (
        any(w in sample for w in _SWELLING)
        and any(w in padded for w in _EVERY_DAY)
        and not _ACUTE.intersection(padded.split())
    )


# A racing heart told as coming and going, or as over, with nothing acute said with it: a
# symptom for a doctor soon (OtherSymptomIntent), not 911.
_RACING = ("racing", "races", "raced", "pounding", "pounds", "flutter", "fluttering", "skipping")
_AT_TIMES = (
    " sometimes ", " at times ", " now and then ", " every so often ", " once in a while ",
    " some nights ", " after the cramp", " after a cramp", " was racing ", " raced ",
    " was pounding ", " was fluttering ", " after sprints ", " after running ", " after a run ",
    " after practice ", " after exercise ", " after working out ", " after a workout ",
    " after the game ", " after a game ",
)
_ACUTE_HEART = frozenset({
    "now", "suddenly", "sudden", "dizzy", "lightheaded", "faint", "fainted", "fainting",
    "chest", "breath", "breathe", "breathing", "sweaty", "sweating", "stop", "passing",
    "passed", "crazy", "panic",
})


def _races_at_times(sample: str, padded: str) -> bool:
    """Whether an emergency sample of a racing heart alone is found in a phrase that tells it
    as coming and going or over (`_AT_TIMES`), with nothing acute said (`_ACUTE_HEART`)."""
    return (
        any(w in sample.split() for w in _RACING)
        and any(w in padded for w in _AT_TIMES)
        and not _ACUTE_HEART.intersection(padded.split())
        and not _ACUTE_HEART.intersection(sample.split())
    )


# What a cry for help says, and no sign: said of a cramp ("this cramp, i'm dying, help me"),
# it is the cramp (CrampNowIntent), with the red flags.
_CRIES = frozenset(stem(w) for w in ("help", "now", "dying", "die", "please", "quick", "hurry"))
_CRAMPED = frozenset(stem(w) for w in CRAMP_WORDS)


def _cries_out_at_a_cramp(words: Set[str], said: Set[str]) -> bool:
    """Whether an emergency sample that only cries out (its content words, `words`) is found
    in a phrase about a cramp."""
    return bool(words) and words <= _CRIES and bool(_CRAMPED & said)


# A limb asleep ("my leg fell asleep in class and went all tingly and numb"), or numb for a
# moment (round 40: "my leg went numb for a second after the cramp", 911 and the session
# ended): its numbness is no stroke's nor clot's sign.
_NUMB = ("numb", "tingly", "tingling", "feel")
_ASLEEP = (" asleep ", " for a second ", " for a sec ", " for a moment ")


def _asleep(sample: str, padded: str) -> bool:
    """Whether an emergency sample of numbness is found in a phrase of a limb asleep, or numb
    for a moment."""
    return any(w in padded for w in _ASLEEP) and any(w in sample.split() for w in _NUMB)


def _names_the_article(sample: str | None) -> bool:
    """Whether a sample is all carrier that names the article ("what does the article say")."""
    return sample is not None and _spoken(sample) in ARTICLE_CARRIERS


def _in_another_sense(pairs: Set[tuple[str, str]], sample: str) -> bool:
    """Whether the phrase says a word of the sample in another sense (_OTHER_SENSES)."""
    return any(p in pairs for p in _other_senses(sample))


@cache
def _other_senses(sample: str) -> frozenset[tuple[str, str]]:
    """The pairs of _OTHER_SENSES whose first word the sample says in its own sense: worked
    out once per sample, not for every phrase."""
    said = [stem(w) for w in _spoken(sample).split()]
    own = set(zip(said, said[1:], strict=False))
    return frozenset(p for p in _OTHER_SENSES if p[0] in said and p not in own)


@cache
def _spoken(sample: str) -> str:
    """A sample's spoken form, once per sample."""
    return spoken_form(sample)


CHANGE_ANSWER = "ChangeAnswerIntent"
NOT_SURE = "NotSureIntent"  # near it, an answer of three words or more wins (round 17)
# Answers the classifier gives only for a phrase that asks nothing, unless in doubt ("i'm
# not sure what counts as frequent"), and names at most one answer.
_TAKEN_AS_SAID = frozenset({*LEADING_ANSWERS, NOT_SURE})
_DOUBTING = frozenset({"sure", "know", "tell", "idea", "unsure"})
# Intents whose one-word samples are whole turns ("probably", "huh"): a phrase that says
# more besides is not near them ("uh huh every night" is an answer, not "huh?").
ONE_WORD_TURNS = frozenset({
    *LEADING_ANSWERS, "AMAZON.RepeatIntent", "AMAZON.PreviousIntent", PAUSE_INTENT,
})


def _says_more(sample: frozenset[str], said: frozenset[str], idf: Mapping[str, float]) -> bool:
    """Whether a phrase near a one-word sample of ONE_WORD_TURNS ("probably") says something of its
    own besides: a model word of its own, not a function word ("probably just old age")."""
    if len(sample) != 1:
        return False
    return any(t not in FUNCTION_STEMS and t in idf for t in said - sample)


def _lacks_the_point(sample: frozenset[str], said: frozenset[str], alarm: Set[str]) -> bool:
    """Whether a phrase near an emergency or crisis sample leaves out what makes it one: its
    slot ("sometimes {despair}" for "sometime"), a "not" ("it makes me not want to wake
    up" for "it make me wake up", a sleep answer), or every alarm word it has ("i'm going to
    go now" for "i'm going to kill myself now", "i've had enough of these cramps" for "i've
    had enough of living like this": round 18, the crisis line to a goodbye)."""
    missing = sample - said
    alarming = sample & alarm
    named = sample & _NAMED_SIGNS
    return (
        any(t.startswith("{") for t in missing)
        or bool(missing & NEGATIONS)
        or (bool(alarming) and alarming <= missing)
        or (bool(named) and named <= missing)
    )




def _only_carried(heard: Mapping[str, str], found: Mapping[str, str]) -> bool:
    """Whether the open slots' words are the dates and times found, besides small words
    ("me for thursday afternoon"); "after lunch tomorrow" says more than "tomorrow"."""
    spans = " ".join(found.values()).split()
    rest = [w for v in heard.values() for w in v.split() if w not in spans]
    return all(w in FUNCTION_WORDS or w in ("for", "about") for w in rest)


_WH_WORDS = frozenset({"what", "how", "when", "why", "which"})
# Before a question word, words by which it asks nothing: "from what he tells me", "that is
# what happens" (round 24: each answer was taken for a question, and asked again).
_STATES_WHAT = frozenset({"from", "is"})
# Doubts a phrase may open with (spoken form, fillers dropped), longest first; fewer close one
# ("... so i can't tell").
_DOUBTS = (
    "i do not really know", "i really do not know", "i am not really sure", "it is hard to tell",
    "it is hard to say", "i can not really tell", "i could not tell you", "i do not know",
    "i am not sure", "can not really tell", "i can not tell", "i can not say", "i have no idea",
    "not sure", "hard to tell", "hard to say", "can not tell", "no idea", "who knows",
    "i dunno", "dunno", "do not know",  # round 30: "dunno, got some spider veins" fell back
    "maybe i have", "maybe i do", "maybe i got",  # round 41: "maybe i have some blue lines"
)
_CLOSING_DOUBTS = (
    "i can not tell", "i do not know", "i am not sure", "hard to say", "hard to tell",
    "i could not tell you",  # "she can't walk far anyway, so i couldn't tell you" (round 26)
    # Round 30, new users: "well sometimes, not always, depends how bad it is" fell back; how
    # often, then whether that counts, is a doubt about the answer.
    "depends how bad it is", "depends how bad they are", "it depends", "is that frequent",
    "is that often", "does that count", "would that count", "is that a lot",
    "does that count as frequent", "would that count as frequent",
)
# "is three a month frequent": whether how often counts, asked back (a doubt, _doubt).
_COUNTS = (["frequent"], ["often"])
# Words that make what comes before a question part of it ("why do you think ...").
_ASKING = QUESTION_OPENERS | _WH_WORDS | {"if", "whether"}
_CLAUSE_LINKS = frozenset({"and", "but", "so", "or", "also"})
_ASKED_OF = frozenset({  # a subject after the verb: "could it", "is that", "do they"
    "i", "you", "he", "she", "it", "we", "they", "that", "this", "there", "my", "his", "her",
    "your", "their", "the",
})  # fmt: skip


_IN_PASSING = frozenset({
    "Relative", "Speaker", "ContactChannel", "Remedy", "Person", "Sufferer", "LegPart",
})  # fmt: skip
_POINTING = frozenset({"that", "this", "it", "them", "those", "these", "they"})
# What a question said after a preamble must not be: an answer, a follow-up, a built-in, an
# emergency (those are found in the whole phrase).
_NOT_ASKED_AFTER = frozenset({
    *ANSWER_INTENTS, *PRIORITY_INTENTS, "WhyIntent", "TellMeMoreIntent", "NextStepIntent",
})  # fmt: skip


_CLOTS_ASKED = "ComplicationsIntent"


_TO_ASK = tuple(tuple(p.split()) for p in (
    "i wanted to ask", "i want to ask", "i was going to ask", "i just wanted to ask",
    "my question is", "i have a question", "i had a question",
))
_GREETINGS = frozenset({"hello", "hi", "hey"})
_REPEAT = "AMAZON.RepeatIntent"
# A few words of a check question said back with "what" for the rest: "frequent what?",
# "disrupt my what?", "severe enough to what?", "walking and what?"; not "so now what",
# "based on what".
_ECHOED = frozenset({
    "frequent", "severe", "enough", "disrupt", "sleep", "walking", "resolve", "brief", "rest",
    "varicose", "veins", "cramps", "cramping",
})


def _echoed(words: list[str]) -> bool:
    """Whether the phrase says back part of a check question, "what" for the part not heard."""
    return (
        2 <= len(words) <= 5 and words[-1] == "what" and words[0] not in QUESTION_OPENERS
        and set(words[:-1]) <= _ECHOED | {"my", "to", "and", "a", "the", "your"}
        and bool(_ECHOED.intersection(words))
    )


def _before_clot_asked(words: list[str]) -> list[str]:
    """The words before a closing "is that a clot?" ("could it be a blood clot"), or none.
    The verb may go unsaid ("still sore this morning, that a clot?", "calf stays sore after
    the cramps, clot?"), and a heart attack or a stroke may be what is asked about (round 37:
    911, and the session ended, for a cramp told and then asked about)."""
    while words and words[-1] in _LAUGHS:
        words = words[:-1]  # "... could it be a blood clot lol" (round 47: 911)
    if words[-2:] in (["or", "something"], ["or", "what"], ["or", "not"]):
        words = words[:-2]  # "... next day still hurt, is that a clot or something?" (round
        # 46: 911, and the session ended)
    for doubt in _SELF_DOUBTS:  # "... is that a clot or am i being dramatic" (round 47: 911)
        if tuple(words[-len(doubt) :]) == doubt:
            words = words[: -len(doubt)]
            break
    size = next((len(end) for end in _ASKED_ENDS if tuple(words[-len(end) :]) == end), 0)
    if not size:
        return []
    for at in range(len(words) - 2, max(len(words) - 7, 0), -1):
        if words[at] in _ASKING_VERBS and words[at + 1] in _PRONOUN_SUBJECTS:
            return words[:at]
    at = len(words) - size
    while at > 0 and words[at - 1] in ("a", "blood"):
        at -= 1
    if at <= _TOLD_FIRST:
        return []  # "is this a stroke": nothing told first
    if words[at - 1] in _ELIDED_ASKING:  # not "... like when i had that clot"
        return [] if words[at - 2] in _SAID_OF_A_CLOT else words[: at - 1]
    if words[at - 1] == "is" and words[at - 2] not in _SAID_OF_A_CLOT | _TELLING_IS:
        return words[: at - 1]  # "... still sore two days, is blood clot?" (round 38: 911)
    if words[-1] in _CLOT_WORDS and words[at - 1] not in _SAID_OF_A_CLOT:
        return words[:at]  # "... after the cramps, clot?"
    return []


_LAUGHS = frozenset(("lol", "haha", "lmao", "jk"))
# What a number counts when these follow it: never a clock time.
_COUNTED = frozenset((
    "mile", "miles", "block", "blocks", "minute", "minutes", "hour", "hours", "step", "steps",
    "lap", "laps", "yards", "feet", "times", "nights", "days", "weeks",
))
_SELF_DOUBTS = tuple(
    ("or", "am", "i", *rest)
    for rest in (("being", "dramatic"), ("overreacting",), ("being", "paranoid"), ("crazy",),
                 ("just", "being", "dramatic"), ("just", "paranoid"))
)
# "... is that a clot", "... could it be", "... am i having a stroke" (round 37: 911)
_ASKING_VERBS = frozenset(("is", "could", "can", "might", "am"))
_ELIDED_ASKING = frozenset(("that", "this", "maybe", "possibly"))
_TOLD_FIRST = 3  # words told before the question: "is this a stroke" tells nothing first
_CLOT_WORDS = ("clot", "clots", "dvt", "thrombosis")  # asked alone too: "..., clot?"
# What an emergency sample names, too common elsewhere to be an alarm word (questions about
# clots and strokes are the complications answer's; round 48): a phrase near such a sample
# must say it ("i got one right now in my calf, what do i do" was near "i have a clot in my
# leg right now", 911); and named after fear, it is the question, not the fear ("i'm kind of
# freaking out, i think i have a blood clot", once "freaking out" was read as panicking).
_SIGN_NAMES = (*_CLOT_WORDS, "stroke", "embolism")
_WORRIED_ABOUT = frozenset(_SIGN_NAMES)
_NAMED_SIGNS = frozenset(stem(w) for w in _SIGN_NAMES)
# Who or what "is" a clot when that is told, not asked ("they said this is a clot").
_TELLING_IS = frozenset(("this", "that", "there", "which", "he", "she", "said", "says", "sure"))
_ASKED_ENDS = (*((w,) for w in _CLOT_WORDS), ("heart", "attack"), ("stroke",))
# Words before "a clot" that tell of having one ("i've got another clot"), or of a test for
# one ("tested for a clot"), not ask about it.
_SAID_OF_A_CLOT = frozenset((
    "is", "are", "was", "be", "been", "have", "has", "had", "got", "get", "getting", "think",
    "thinks", "it", "its", "s", "the", "my", "his", "her", "their", "no", "for", "about", "of",
    "like", "with", "from", "having", "any", "another", "new", "second", "one", "big", "bad",
))


def _follows_up(intent: str) -> bool:
    return intent in _NOT_ASKED_AFTER or intent.startswith("AMAZON.")


def _asks(words: list[str]) -> bool:
    """Whether words hold a question: a question word anywhere, or a verb that opens one
    ("is", "can", "does") opening a clause or before its subject ("... could it be my
    veins"); "he is up half the night" asks nothing (round 19: it was no answer, and a
    guess took it for walking)."""
    after = [*words[1:], ""]
    return any(
        (i == 0 or not (w in _WH_WORDS and words[i - 1] in _STATES_WHAT))
        and (
            w in _WH_WORDS
            or (
                w in QUESTION_OPENERS
                and (
                    i == 0 or words[i - 1] in _CLAUSE_LINKS
                    or (after[i] in _ASKED_OF and not _said_by_subject(words, i))
                )  # "he is the one with the bulging veins" asks nothing (round 30)
            )
        )
        for i, w in enumerate(words)
    )


def _said_by_subject(words: list[str], at: int) -> bool:
    """Whether the verb at `at` follows its subject, maybe with an adverb between: "they
    certainly do, the bedroom at two" asks nothing (round 34: not the yes it opened with)."""
    before = words[max(at - 2, 0) : at]
    if before[-1:] and before[-1] in _PRONOUN_SUBJECTS:
        return True
    return len(before) == 2 and before[1] in _AFFIRMING and before[0] in _PRONOUN_SUBJECTS


_AFFIRMING = frozenset({
    "certainly", "really", "definitely", "sure", "surely", "actually", "still", "always",
    "usually", "truly", "honestly",
})


def _cut_from_its_subject(words: list[str], at: int) -> bool:
    """Whether words[at:] opens with a verb cut from its subject and asks nothing after it
    ("... for my husband, he | is the one with the bulging veins": round 30, no remark)."""
    return (
        words[at] in QUESTION_OPENERS and words[at - 1] in _PRONOUN_SUBJECTS
        and not _asks(words[at + 1 :])
    )


def _opens_with(match: Match, words: list[str]) -> bool:
    """Whether the phrase opens with the answer's value ("hardly, ..."), not a "never" (of
    "never mind")."""
    return match.intent == FREQUENCY_INTENT and any(
        fill.value and words[: len(fill.value.split())] == fill.value.split()
        and fill.value.split()[0] not in _DENYING
        for fill in match.slots.values()
    )


# What someone does who helps rather than has the cramps: "my grandson set this up for me"
# (round 25: the check was asked about the grandson).
_HELPS = frozenset({"set", "sets", "showed", "shows", "installed", "bought", "gave", "put"})
_ADVISES_ME = frozenset({
    *((said, "i") for said in ("says", "said", "thinks", "thought", "reckons", "suggested")),
    *((told, "me") for told in ("told", "tells", "wants", "wanted", "asked", "made")),
})  # fmt: skip


def _without_helpers(text: str, heard: Mapping[str, str]) -> dict[str, str]:
    """The slots heard, less someone who only helps (_HELPS follows the words), only advises
    the speaker (_ADVISES_ME: "my daughter says i should ask you") or is said not to be the
    one ("it's me with the cramps, not my grandson")."""
    padded = f" {text} "

    def helps(words: str) -> bool:
        if f" {words} " not in padded:
            return False
        before, after = padded.split(f" {words} ", 1)
        if tuple(after.split()[:2]) in _ADVISES_ME:
            return True  # "my daughter says i should ask you" (round 26: the check for her)
        return bool(_HELPS.intersection(after.split()[:1])) or before.split()[-1:] == ["not"]

    return {name: words for name, words in heard.items() if not helps(words)}


def _two_said(match: Match) -> bool:
    """Whether an answer's match holds a second answer ({otherAnswer})."""
    other = match.slots.get("otherAnswer")
    return bool(other and other.value) and sum(bool(f.value) for f in match.slots.values()) > 1


def _long_answer(match: Match) -> bool:
    """An answer slot value of four words or more: a whole answer, said as such, that a guess
    from loose words must not outweigh."""
    return any(len((fill.value or "").split()) >= 4 for fill in match.slots.values())


def _asks_something(words: list[str]) -> bool:
    """Whether a question word opens a question among the words ("what do i do now", not "i
    got what i needed")."""
    pairs = zip(words, words[1:], strict=False)
    return any(w in _WH_WORDS and after in QUESTION_OPENERS for w, after in pairs)


# What follows a "no" that is no thing denied ("no thanks, just ..."); FUNCTION_WORDS are none
# either.
_NOT_A_THING = frozenset({
    "not", "thanks", "thank", "way", "more", "problem", "problems", "worries", "sir", "dear",
    "love", "hers", "ours", "theirs", "yours",
})


def _no_x_just_y(said: list[str]) -> str | None:
    """What follows "just" or "only" in "no X, just Y", when X names a thing ("no
    varicosities, just a few spider veins"): Y is what is told; None otherwise ("no, just at
    night" and "no it's only at night" answer no)."""
    if len(said) < 4 or said[0] not in ("no", "nope", "nah") or said[2] not in ("just", "only"):
        return None
    if said[1] in _NOT_A_THING or said[1] in FUNCTION_WORDS:
        return None  # "no mine are only at night", "no they only come at night": no
    return " ".join(said[3:])


# Who said it, told after the answer passed on: "every night he says", "no she said".
_SAID_TAGS = tuple(f" {who} {says}" for who in ("he", "she", "they") for says in (
    "says", "said", "say", "tells me", "told me",
))


def _without_said_tag(text: str) -> str:
    """The phrase without the "he says" it ends with, when something is said before it."""
    for tag in _SAID_TAGS:
        if text.endswith(tag) and len(text) > len(tag):
            return text[: -len(tag)]
    return text


def _without_vocative(text: str) -> str:
    """The phrase without the word it ends with when that word is said to the listener."""
    words = text.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in _VOCATIVES else text


def _without_idioms(text: str) -> str:
    """The phrase with everyday idioms that hold an emergency word said plainly
    (nlu_words.IDIOMS: "i am dying to know" is "i want to know")."""
    for idiom, plain in IDIOMS.items():
        text = f" {text} ".replace(f" {idiom} ", f" {plain} ")
    return " ".join(text.split())
