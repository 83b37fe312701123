"""How people's own words answer the check: one table from slot value ids to answers.

The interaction model's answer slot types (CrampFrequency, CheckAnswer) resolve what was
said ("every night", "they wake me up", "only when I walk", "a few") to a value id; this
table says which question that id answers and how. It is the only place that knows it:
tests/test_interaction_model.py checks that every id of those types is here and every id
here is in the model. Plain Python, no SDK.
"""

# Annotations evaluated, not strings: cheaper NamedTuples (see skill/content.py).
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from skill.triage import Answer, Outcome


class Meaning(NamedTuple):
    question: str  # one of triage.QUESTIONS
    answer: Answer


ANSWER_SLOT_TYPES = ("CrampFrequency", "CheckAnswer")

MEANINGS: Mapping[str, Meaning] = MappingProxyType(
    {
        # CrampFrequency: how often ("most nights", "a couple of times a week", "hardly ever").
        "OFTEN": Meaning("FREQUENT", Answer.YES),
        "RARELY": Meaning("FREQUENT", Answer.NO),
        "SELDOM": Meaning("FREQUENT", Answer.NO),  # "hardly ever": said of sleep, a no
        "NEVER": Meaning("FREQUENT", Answer.NO),
        # "They aren't frequent": about how often alone, wherever said (round 27: to the
        # sleep question, it was its "not sure", and the earlier yes stood).
        "NOT_FREQUENT": Meaning("FREQUENT", Answer.NO),
        # CheckAnswer: the other questions, in the words people use.
        "DISRUPTS_SLEEP": Meaning("SLEEP", Answer.YES),  # "they wake me up"
        "SEVERE": Meaning("SLEEP", Answer.YES),  # "they're pretty bad": only when asked
        "SLEEP_FINE": Meaning("SLEEP", Answer.NO),  # "I sleep through them"
        "WITH_WALKING": Meaning("WALKING", Answer.YES),  # "only when I walk"
        "NOT_WITH_WALKING": Meaning("WALKING", Answer.NO),  # "only at night"
        "HAS_VARICOSE": Meaning("VARICOSE", Answer.YES),  # "some bulging ones"
        "NO_VARICOSE": Meaning("VARICOSE", Answer.NO),  # "my legs are smooth"
        "SOME_OF_THEM": Meaning("VARICOSE", Answer.YES),  # "a few": only when asked
        "NONE_OF_THEM": Meaning("VARICOSE", Answer.NO),  # "never had them": only when asked
        # Spider veins are not varicose veins, and the article does not speak of them.
        "SPIDER_ONLY": Meaning("VARICOSE", Answer.UNSURE),  # "just spider veins"
        # Cramping with walking that rest does not relieve: not the article's sign, not a no.
        "WALKING_NO_RELIEF": Meaning("WALKING", Answer.UNSURE),
        # Why the user can't tell: "I'm a heavy sleeper", "I don't walk much", "some blue
        # veins but I don't know if they count" (round 19: each was asked again).
        "SLEEP_UNCLEAR": Meaning("SLEEP", Answer.UNSURE),
        "WALKING_UNCLEAR": Meaning("WALKING", Answer.UNSURE),
        "VARICOSE_UNCLEAR": Meaning("VARICOSE", Answer.UNSURE),
    }
)
# How often ("most nights"): said after a result, a remark, not a change of mind (round 8).
FREQUENCIES = frozenset(v for v, m in MEANINGS.items() if m.question == "FREQUENT")
# How often, named as such ("they aren't frequent"): about that question wherever said.
NAMES_FREQUENCY = frozenset({"NOT_FREQUENT"})
# How seldom: said with another answer ("they rarely wake me"), it turns that answer round.
SAYS_SELDOM = frozenset({"SELDOM", "NEVER"})


# The plain yes or no a user opens an answer with (the Reply slot: "no, I sleep through").
# It counts only when the rest is not a known answer, or answers another question than the
# one asked ("no, only when I walk", asked how often).
REPLY_SLOT_TYPE = "Reply"
REPLIES: Mapping[str, Answer] = MappingProxyType({"YES": Answer.YES, "NO": Answer.NO})
# "Wait, I meant the opposite": the answer changed is turned round (a not sure stays asked).
OPPOSITE = "OPPOSITE"
OPPOSITES: Mapping[Answer, Answer] = MappingProxyType(
    {Answer.YES: Answer.NO, Answer.NO: Answer.YES}
)

# Half of a sign, recorded as not sure ("they don't go away when I rest"): with a plain no
# before it ("no, they don't go away when I rest"), the user has answered no (round 30).
NO_WHEN_SAID_NO = frozenset({"WALKING_NO_RELIEF"})


# A hedge said before an answer (the Hedge slot: "I wouldn't say they wake me up", "I can't
# say they happen when I walk"): NOT turns the answer's yes to a no (and a no said under it,
# "I wouldn't say they don't wake me up", to not sure); DOUBT makes it not sure (round 10: both
# were recorded as the answer's yes); MAYBE ("maybe one or two small ones") too.
HEDGE_SLOT_TYPE = "Hedge"
HEDGED: Mapping[str, Mapping[Answer, Answer]] = MappingProxyType(
    {
        "NOT": MappingProxyType(
            {Answer.YES: Answer.NO, Answer.NO: Answer.UNSURE, Answer.UNSURE: Answer.UNSURE}
        ),
        "DOUBT": MappingProxyType({a: Answer.UNSURE for a in Answer}),
        "MAYBE": MappingProxyType({a: Answer.UNSURE for a in Answer}),
    }
)
# Before how often, "maybe" is an estimate ("maybe twice a week"), not a doubt.
ESTIMATE_HEDGES = frozenset({"MAYBE"})


def hedged(found: Meaning | None, hedge_id: str | None) -> Meaning | None:
    """`found` as the hedge said before it leaves it ("I wouldn't say": the opposite)."""
    turn = HEDGED.get(hedge_id or "")
    if found is None or turn is None:
        return found
    return Meaning(found.question, turn[found.answer])


# Which earlier answer a correction is about ("change my first answer to no"): its place
# among the answers given, in the order the questions were asked (the AnswerOrder slot).
ANSWER_ORDER: Mapping[str, int] = MappingProxyType(
    {"FIRST": 0, "SECOND": 1, "THIRD": 2, "FOURTH": 3, "LAST": -1}
)


# How often, said to a question that is not about how often. "Most nights", to "do they
# disrupt your sleep?", is a yes; "sometimes" to it, or to "does your cramping occur with
# walking?", is not a clear answer either way; "never" is a no to both. Anything else is no
# answer: "every day" does not say the cramping comes with walking, nor "most nights" that
# there are varicose veins, so the question comes again and nothing is recorded.
ELSEWHERE: Mapping[str, Mapping[str, Answer]] = MappingProxyType(
    {
        "SLEEP": MappingProxyType(
            {"OFTEN": Answer.YES, "RARELY": Answer.UNSURE, "SELDOM": Answer.NO, "NEVER": Answer.NO}
        ),
        "WALKING": MappingProxyType(
            {"RARELY": Answer.UNSURE, "SELDOM": Answer.UNSURE, "NEVER": Answer.NO}
        ),
    }
)


# Severity ("they're pretty bad") answers "are they severe enough to disrupt your sleep?" when
# that is asked; said anywhere else, it says nothing about sleep. So do amounts that name no
# vein ("a few", "never had them") about varicose veins.
AS_ASKED_ONLY = frozenset({"SEVERE", "SOME_OF_THEM", "NONE_OF_THEM"})


def meaning(value_id: str | None, asked: str | None = None) -> Meaning | None:
    """What a resolved slot value says about the check, or None (unknown, or no value).

    `asked` is the question pending, if any: a frequency word answers it only where
    ELSEWHERE says so; to another question it answers nothing (NAMES_FREQUENCY's answer how
    often, wherever said). The varicose answers answer only that question, while it is
    asked; AS_ASKED_ONLY's answer only their own, and only while it is asked (with no
    question asked, nothing).
    """
    found = MEANINGS.get(value_id) if value_id else None
    if found is not None and value_id in AS_ASKED_ONLY and asked != found.question:
        return None  # "a few", asked nothing or how often: a few of what?
    if found is None or asked is None or found.question == asked:
        return found
    if found.question == "VARICOSE":
        return None  # "a few", "one or two": only an answer to "do you have varicose veins?"
    if found.question == "FREQUENT" and value_id not in NAMES_FREQUENCY:
        answer = ELSEWHERE.get(asked, {}).get(value_id or "")
        return Meaning(asked, answer) if answer is not None else None
    return found


def own(value_id: str | None, asked: str | None) -> Meaning | None:
    """What a value says of its own question, whichever is asked; AS_ASKED_ONLY's only while
    theirs is ("i have some": varicose veins to that question, nothing to another)."""
    return meaning(value_id, asked if value_id in AS_ASKED_ONLY else None)


# Veins named in an answer's {varicose} slot ("yes, and I have varicose veins", "my doctor
# said I have spider veins"): varicose veins are a yes to that question, alone or with
# another answer; spider veins, said alone, are not sure, and said with another, nothing.
SPIDER = "SPIDER_ONLY"
NAMED_VEINS: Mapping[str, str] = MappingProxyType({"VARICOSE": "HAS_VARICOSE", "SPIDER": SPIDER})
ALSO_NAMED = frozenset({"HAS_VARICOSE"})


# An answer that, outside the check, asks what a topic explains: "I don't know what varicose
# veins look like", after a result (round 23: "if your answers have changed, say start over").
ASKS_ABOUT: Mapping[str, str] = MappingProxyType({"VARICOSE_UNCLEAR": "VaricoseVeinsIntent"})


# What the article says about an answer said outside the check ("is it bad if they happen
# most nights?", "I get them every night"): the check's own reason for that answer, by
# (outcome, reason). Values with nothing to say are thanked for.
SAID_OUTSIDE_CHECK: Mapping[str, tuple[Outcome, str]] = MappingProxyType(
    {
        "OFTEN": (Outcome.SEE_SPECIALIST, "FREQUENT_SLEEP"),
        "DISRUPTS_SLEEP": (Outcome.SEE_SPECIALIST, "FREQUENT_SLEEP"),
        "WITH_WALKING": (Outcome.SEE_SPECIALIST, "WALKING"),
        "HAS_VARICOSE": (Outcome.WORTH_CHECKING, "VARICOSE"),
        "RARELY": (Outcome.PROBABLY_FINE, "NONE"),
        "SELDOM": (Outcome.PROBABLY_FINE, "NONE"),
        "NEVER": (Outcome.PROBABLY_FINE, "NONE"),
        "NOT_FREQUENT": (Outcome.PROBABLY_FINE, "NONE"),
    }
)

# Subjects a topic question can name that the article does not cover, by (slot, value id):
# "tell me about spider veins" fills VaricoseVeinsIntent's {varicose}, but spider veins are
# not varicose veins. Such a question is answered as not covered; said to the question it
# would answer, it is this CheckAnswer value instead ("I have spider veins": not sure).
NOT_COVERED: Mapping[tuple[str, str], str] = MappingProxyType(
    {("varicose", "SPIDER"): "SPIDER_ONLY", ("otherVeins", "SPIDER"): "SPIDER_ONLY"}
)

# Slots that, both heard, compare two kinds of veins ("are spider veins the same as varicose
# veins?"): a question about a subject the article does not cover, never an answer.
COMPARED_SLOTS = ("varicose", "otherVeins")

# Topic slots whose values are the article's own list: words that fill one without naming
# a value ("does alcohol cause leg cramps?") are something the article does not list, and
# the answer says so before giving the list.
UNLISTED_SLOTS: Mapping[str, tuple[str, ...]] = MappingProxyType({"CrampCausesIntent": ("cause",)})

# A complication heard where a cause would be ("could it be a clot though", mid-check): the
# clot answer and its signs, not "the article doesn't list that as a cause" (round 41).
_COMPLICATIONS = frozenset({"clot", "clots", "dvt", "thrombosis", "embolism", "stroke"})


def _names_any(heard: str, words: frozenset[str]) -> bool:
    """Whether words a slot heard say any of `words`."""
    return not words.isdisjoint(heard.lower().split())


def names_a_complication(heard: str) -> bool:
    """Whether words a slot heard name a clot, a stroke or a heart attack."""
    return _names_any(heard, _COMPLICATIONS) or "heart attack" in heard.lower()


# Words of the causes the article lists: a cause heard with words no value names still says
# one of them ("can dehydration from soccer cause cramps": round 42, "the article doesn't
# list that as a cause", then the list with dehydration in it).
_LISTED_CAUSES = frozenset({
    "dehydration", "dehydrated", "fatigue", "tiredness", "exhaustion", "electrolyte",
    "electrolytes", "potassium", "medication", "medications",
})


def names_a_listed_cause(heard: str) -> bool:
    """Whether words a slot heard name a cause the article lists."""
    return _names_any(heard, _LISTED_CAUSES)


# Topic slot values the article does not list, though the type names them ("does standing
# all day cause cramps?"): the answer says so first, as for words of no value.
NOT_LISTED: frozenset[tuple[str, str]] = frozenset(
    {("cause", "POSTURE"), ("cause", "WEIGHT"), ("cause", "WEATHER"), ("cause", "SMOKING")}
)

# Topic slot values that make the question one the article does not answer, by category:
# "can statins cause cramps?" (the article says "certain medications" and names none).
OUT_OF_SCOPE_VALUES: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        ("cause", "NAMED_MEDICINE"): "medicine",
        # "do electrolytes help?": causes the article lists, asked of as remedies (round 33)
        **dict.fromkeys(
            (("remedy", value) for value in (
                "ELECTROLYTES", "ELECTROLYTE_DRINKS", "GATORADE", "SPORTS_DRINKS",
                "MORE_WATER", "DRINKING_WATER", "POTASSIUM", "A_POTASSIUM_SUPPLEMENT",
                "POTASSIUM_PILLS", "POTASSIUM_SUPPLEMENTS",
                # round 39: "should he eat bananas" (the remedies answer, medicines and all)
                "BANANAS", "A_BANANA",
            )),
            "remedy_cause",
        ),
        ("condition", "PREGNANCY"): "pregnancy",  # "are leg cramps normal in pregnancy?"
        ("condition", "PREGNANCY_CRAMPS"): "pregnancy",
    }
)

# A topic said about oneself ("my legs cramp when I walk") answers the check question it
# is about; asked in general ("leg cramps when running?") it answers nothing.
TOPIC_MEANINGS: Mapping[str, Meaning] = MappingProxyType(
    {
        "CrampsWhenWalkingIntent": Meaning("WALKING", Answer.YES),
        "VaricoseVeinsIntent": Meaning("VARICOSE", Answer.YES),  # "I have varicose veins"
    }
)
class Sign(NamedTuple):
    """The slot whose values tell whether a topic said of oneself is its question's sign."""

    slot: str
    named_by: frozenset[str]  # the sign: told back, and not asked again
    not_named_by: frozenset[str]  # plainly another thing: said to the question, asked again


# Cramps "when I walk" or "on the stairs" are the walking sign; "when I run", "when I
# exercise" (round 21: "my calves cramp up when I run" ended a later check unasked) or a
# story with no such value heard (round 47: "my calves cramp every practice" was told back as
# "You said your cramping occurs with walking") are not. Said to the walking question, only
# running is plainly another activity ("only when I'm running hard": asked again); "on the
# treadmill" or "at practice" may be walking, and answers it.
SIGN_VALUES: Mapping[str, Sign] = MappingProxyType(
    {
        "CrampsWhenWalkingIntent": Sign(
            "exercise", frozenset({"WALKING", "HIKING"}), frozenset({"RUNNING"})
        )
    }
)
# Topics that answer their question when said to it even in general words ("cramps when
# walking?", asked "does your cramping occur with walking?"). "What are varicose veins?",
# asked "do you have varicose veins?", is a question, not a yes.
ANSWER_WHEN_ASKED = frozenset({"CrampsWhenWalkingIntent"})

# Words by which a slot value says the speaker speaks of themselves: "my calves", "when I
# walk". Slot values are what Alexa heard; they are read here and never kept.
FIRST_PERSON = frozenset({"i", "i'm", "im", "i've", "ive", "my", "me", "myself"})


# Words by which a slot value speaks of someone else: "my husband's legs", "when he walks".
_OTHER_PERSON = (
    "he he's his him she she's her husband husband's wife wife's mom "
    "mom's mother mother's dad dad's father father's son son's daughter daughter's partner "
    "partner's grandma grandma's grandpa grandpa's grandmother grandmother's grandfather "
    "grandfather's sister sister's brother brother's friend friend's grandson grandson's "
    "granddaughter granddaughter's grandkid grandchild"
)
OTHER_PERSON = frozenset(_OTHER_PERSON.split())


def about_oneself(heard: Iterable[str]) -> bool:
    """True when a heard slot value speaks in the first person and none of someone else
    (round 10: "my husband's legs cramp when he walks" was noted as the user's own)."""
    words = _words(heard)
    return any(w in FIRST_PERSON for w in words) and not any(w in OTHER_PERSON for w in words)


def about_someone_else(heard: Iterable[str]) -> bool:
    """True when a heard slot value speaks of someone else ("his calves"): in a check taken
    for someone else, that is who the check is about (round 13: "he has to stop walking to
    the car because of his calves", in a check for a father, was not counted)."""
    return any(w in OTHER_PERSON for w in _words(heard))


def named_someone(heard: str | None) -> bool:
    """True when a {person} Alexa heard but could not resolve is "for" and a name: "check my
    symptoms for Manny" (round 37: the check asked "do you ...", about the user). "For real",
    "for now" and the like name nobody."""
    words = (heard or "").lower().split()
    return (
        len(words) == 2
        and words[0] == "for"
        and words[1].isalpha()
        and words[1] not in _NOT_NAMES
        and words[1] not in FIRST_PERSON
    )


_NOT_NAMES = frozenset((
    "real", "now", "sure", "free", "fun", "once", "sale", "today", "tonight", "tomorrow",
    "later", "cramps", "veins", "legs", "them", "us", "everyone", "everybody", "someone",
    "somebody", "anyone",
))


def pronoun_for_the_cramp(relative: str | None, heard: Iterable[str]) -> bool:
    """True when the "someone else" heard is a bare "he" or "she" and the rest says "me":
    "every night, he wake me up" speaks of the cramp, as a speaker of another language may
    (round 34: the check turned to another person)."""
    return (relative or "").lower().strip() in ("he", "she") and bool(
        {"me", "my", "i"} & set(_words(heard))
    )


def _words(heard: Iterable[str]) -> list[str]:
    """The words of heard slot values, lower case (Alexa may send "I" in capitals)."""
    return [word for value in heard for word in value.lower().split()]
