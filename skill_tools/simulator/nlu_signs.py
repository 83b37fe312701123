"""How a phrase speaks of an emergency sign without reporting one: it denies it ("no chest
pain, just cramps"), asks about it ("can leg cramps cause a stroke"), or says it had it
after all ("not now, but earlier today I did"). The matcher (nlu_match) reads these before
it lets a sign's words raise the alarm; each rule names the round whose new user found it."""

from __future__ import annotations

from skill_tools.simulator.nlu_words import FUNCTION_STEMS, stem

NEGATIONS = frozenset({"not", "never"})
# The words that turn from a denial to what was asked: "no chest pain, just cramps".
TURNS = frozenset({"just", "but", "only"})


def denied(sample: frozenset[str], said: frozenset[str], negated: set[str]) -> bool:
    """Whether the phrase says "not" or "never" and the sample does not, outside the values
    of the sample's slots (`negated`: the type tokens of values with a negation): "i would not
    say they wake me up", "i would never say they wake me up" are no near match for "i would
    say {answer}" (round 10: they were recorded as a yes). Nor, the other way round, is a
    sample's "not" dropped: "really" is no "not really", "are you sure about that" no "not
    sure about that" (round 11)."""
    if sample & NEGATIONS:
        return not said & NEGATIONS and not negated
    return bool(said & NEGATIONS) or bool(negated - sample)


# Words that may stand between a "not" and the sign it denies: "i do not have any chest
# pain", "i do not think it is a clot", "my chest does not hurt"; not "i do not know, my
# chest hurts". Stemmed, as the phrase is.
_BRIDGE_WORDS = """i do does have having had any feel feeling get getting got a an is am are was it
that this there real really much the my think experiencing"""
_DENIAL_BRIDGE = frozenset(stem(w) for w in _BRIDGE_WORDS.split())
DENIALS = NEGATIONS | {"without", stem("nothing"), stem("none")}
# What may stand in a list of denied signs: "no pain in my chest or trouble breathing".
_LISTING = frozenset({"or", "and", "nor", "any", "in", "of", "on"})
# "my", "his", "her" start a new clause unless these carry a denial to them: "i do not have
# any pain in my chest", "no swelling or my leg turning red".
_OWNERS = frozenset({"my", "his", "her", "their"})
_CARRY_DENIAL = _LISTING | DENIALS | frozenset(
    {"no", "with", "from", "to"} | {stem(w) for w in ("have", "having", "had", "get", "got")}
)
FINE = frozenset(stem(w) for w in ("fine", "okay", "ok"))  # "my chest is fine"
# What may stand between a sign and the "not" after it: "my chest does not hurt".
_AFTER_SIGN = frozenset(
    stem(w) for w in ("do", "does", "is", "are", "was", "am", "feel", "feels")
)


def denies(stems: list[str], words: frozenset[str], signs: frozenset[str]) -> bool:
    """Whether the phrase denies the sign whose content words (`words`, stemmed) it holds:
    a "not", "never", "without" or "nothing" among them, or before each of them across small
    words and the words of other signs ("my chest does not hurt", "i do not have chest pain
    or trouble breathing", "my leg is not red or swollen or hot", "nothing like chest pain"),
    a "no" right before a sign ("no chest pain, no breathing trouble"; "no, i have chest pain"
    denies nothing), or "is fine" after it ("my chest is fine"). A sample that says "not" or
    "no" itself ("i can't breathe", "no feeling in my leg") holds only with that word among
    its words or just before them: "i'm not short of breath" is not "i can't breathe", "my
    legs feel stiff but no swelling" not "no feeling in my leg" (rounds 10 and 11: signs
    denied in other words got 911, and the session ended)."""
    if not words & NEGATIONS:
        stems = _persisting(stems)
    said = words - NEGATIONS - {"no"}
    firsts = [stems.index(w) for w in said if w in stems] or [0]
    lasts = [len(stems) - 1 - stems[::-1].index(w) for w in said if w in stems] or [0]
    # A word said twice is read both ways, and the sign stands if either reading reports it:
    # "i don't feel right, my face feels numb" (round 18: the fallback, its first "feel"
    # denied).
    return _denies_at(stems, words, signs, firsts) and _denies_at(stems, words, signs, lasts)


# A "not" of what will not end denies no sign: "cramp won't go away, calf is swelling and
# it's hot" (round 46: the fallback).
_PERSISTS = tuple(
    tuple(stem(w) for w in p.split()) for p in ("go away", "stop", "quit", "let up", "ease up")
)


_WITHOUT = stem("without")
_ALWAYS_SPAN = 6  # words between "can't" and "without": "can't walk to the bathroom without"


def _persisting(stems: list[str]) -> list[str]:
    """The stems, with each "not" of something that will not end (`_PERSISTS`) left out, and
    each "not ... without" that says it always happens: "he can't walk to the bathroom
    without getting out of breath" (round 46: the fallback)."""
    dropped: set[int] = set()
    for k, w in enumerate(stems):
        if w == _WITHOUT:
            nots = {j for j in range(max(0, k - _ALWAYS_SPAN), k) if stems[j] in NEGATIONS}
            if nots:
                dropped |= nots | {k}
        elif w in NEGATIONS and any(tuple(stems[k + 1 : k + 1 + len(p)]) == p for p in _PERSISTS):
            dropped.add(k)
    return [w for k, w in enumerate(stems) if k not in dropped]


def _denies_at(
    stems: list[str], words: frozenset[str], signs: frozenset[str], at: list[int]
) -> bool:
    """`denies`, with the sign's words said at the places `at`."""
    own = words & (NEGATIONS | {"no"})
    said = words - NEGATIONS - {"no"}
    first, last = min(at), max(at)
    if had_it_earlier(stems[last + 1 :]):
        return False  # "not having chest pain now, but earlier today i did"
    if own:  # its "not" or "no" must be said among its words, or just before them, and
        # right before one of them ("my chest does not hurt, i get ..." is no "i can't get")
        return not any(
            w in own and said.intersection(stems[k + 1 : k + 3])
            for k, w in enumerate(stems[: last + 1])
            if k >= first - 2
        )
    if any(w in DENIALS for w in stems[first:last]):
        return True
    if _denied_at(stems, first, signs) or all(
        _denied_at(stems, i, signs) or _fine_after(stems, i) for i in at
    ):
        return True  # the sign said as one ("not short of breath"), or each word denied
        # ("i can breathe fine and no chest pain", round 13: 911)
    # "my chest does not hurt", "my chest is fine"; and what the sign names first, said to be
    # fine, before the rest of its words say what else hurts: "my chest is fine, it's my
    # calves that hurt" (round 22: 911, and the session ended)
    return _then(stems, last, NEGATIONS | FINE) or _then(stems, first, FINE)


def _then(stems: list[str], i: int, words: frozenset[str]) -> bool:
    """Whether one of `words` follows the word at `i` across a verb ("is", "does", "feel")."""
    j = i + 1
    while j < len(stems) and stems[j] in _AFTER_SIGN:
        j += 1
    return j < len(stems) and j > i + 1 and stems[j] in words


# After a denied sign, "but" and these say the user had it after all: "i am not having chest
# pain now, but earlier today i did" (round 11: the fallback). "but my dad did" does not.
_HAD_IT = frozenset(
    (who, verb) for who in ("i", "it") for verb in ("did", "had", "was", "got", "hurt", "start")
)


# ... or to having it now: "i did not have chest pain this morning but i do now" (round 13).
_HAS_IT = frozenset([("i", "do"), ("it", "does"), ("i", "have"), ("it", "is")])
_EARLIER = frozenset(
    stem(w)
    for w in (
        "earlier", "today", "this", "morning", "last", "night", "yesterday", "some", "before",
        "too", "ago", "an", "a", "few", "hour", "hours", "minute", "minutes", "while", "back",
        "evening", "afternoon", "though", "at", "work", "one",
    )
)


# A question about a sign rather than a report of one: "can leg cramps cause a stroke", "what
# does a stroke look like", "is chest pain a symptom of vein disease" (round 12: each got 911
# and the session ended). Only when nothing in it points at someone's own body or this moment.
QUESTION_OPENERS = frozenset([
    "what", "how", "can", "could", "do", "does", "is", "are", "when", "why", "which", "should",
])
_PERSONAL = frozenset([
    "my", "his", "her", "their", "this", "that", "me", "he", "she", "we", "him", "us", "mine",
    "right", "now", "today", "currently",
])
_NOW = frozenset(["now", "currently"])
_REQUESTS = frozenset(["call", "get", "send", "dial", "phone", "help", "find"])
_ASKING = frozenset(["do", "does", "did", "should", "would", "could", "can", "will"])
_PERSONAL_PAIRS = frozenset(
    {("i", "am"), ("i", "have"), ("i", "feel"), ("i", "got"), ("i", "be"), ("be", "having")}
)
# A sign said after these is a hypothetical ("should i call 911 if my leg swells up"), or
# history ("i had chest pain last year").
_HYPOTHETICAL = ("what should i do if", "what do i do if", "what happens if", "when should i",
                 "what if", "i read", "i heard", "someone told me", "is that true",
                 "watch out for", "suppose", "is that an emergency", "is it emergency",
                 "is it an emergency", "is this an emergency",  # round 40: "cramp so bad i cry"
                 "should i call nine one one if", "should i go to the er if",
                 "should i go to the emergency room if", "what are the chances",
                 # round 40: a question about a long cramp (911, the session ended)
                 "should i go to the emergency room for a cramp", "should i go to the er for a",
                 # round 25: a doctor's question, not a report (911, the session ended)
                 "if i ever had", "if i have ever had", "have you ever had", "asked me if",
                 # round 39, a man with atrial fibrillation: a worry, not a sign (911)
                 "worry about having", "worried about having", "afraid of having",
                 "scared of having",
                 # round 48, a foreman: "my dad worries his cramps mean a stroke is coming,
                 # could it?" (911, and the session ended)
                 "worries his cramps mean", "worries her cramps mean", "worries my cramps mean",
                 "worried his cramps mean", "worried her cramps mean", "worried my cramps mean",
                 # round 41, a track coach: a clot asked about for a soreness (911, it ended)
                 "is it a clot if", "is it a blood clot if", "could it be a clot if",
                 "could it be a blood clot if",
                 # round 42, a retired teacher: "should i call an ambulance for a bad leg
                 # cramp, or is that silly" (911, the session ended)
                 "should i call an ambulance if", "or is that silly",
                 # round 43, a nursing assistant: "i got a cramp so bad i thought i was gonna
                 # pass out" (911, the session ended): a fear of the sign, not the sign
                 "thought i was going to", "felt like i was going to", "thought i would")
# Round 46, a retired teacher: "is chest pain ever a symptom of vein disease? i'm just
# curious" (911, and the session ended): what comes before it is read on its own.
_AFTERTHOUGHTS = (" i am just curious", " just curious", " i am curious")
# Round 42: a question whose few last words name what it asks about ("do cramps mean i got
# a blood clot", "should i call an ambulance for a bad cramp": 911, the session ended); a
# sign told after it ("... mean i'm having a heart attack, my chest hurts") is no question.
# True: what it asks about must be a cramp.
_ASKED_AT_END = {
    "do cramps mean": False, "do my cramps mean": False, "do leg cramps mean": False,
    "does this cramp mean": False, "could my cramps mean": False,
    # round 43, a trucker: "can cramps mean my clot's coming back" (911, the session ended)
    "can cramps mean": False, "can my cramps mean": False, "could cramps mean": False,
    "should i call an ambulance for a": True, "should i call nine one one for a": True,
}
_AT_END_WORDS = 5
# Round 46: a worry that ends the phrase, with no sign told after it: "i have spider veins
# on my thighs, am i gonna have a stroke or something" (911, the session ended); "am i
# going to have a stroke, my face is drooping" tells a sign after it, so is no question.
_WORRIES_AT_END = tuple(
    f" {q} {s}{e} "
    for q in ("am i going to have", "am i going to get", "will i have", "will i get",
              "is he going to have", "is she going to have")
    for s in ("a stroke", "a heart attack", "a blood clot", "a clot")
    for e in ("", " or something", " from this", " from them", " from it")
)
# Round 48, a retired nurse: "are my varicose veins going to burst", "... ropey veins behind my
# knee, are they going to burst on me" (911, and the session ended): a worry about a burst
# vein, not one that has burst.
_WORRIES_AT_END += tuple(
    f" {q} {burst}{e} "
    for q in ("are they", "are my varicose veins", "are my veins", "is it", "is that vein",
              "will they", "will it", "could they", "can they", "will my varicose veins")
    for burst in ("going to burst", "burst")
    for e in ("", " on me", " one day", " someday")
    if not (burst == "burst" and q.startswith(("are", "is")))
)


def _asked_at_end(padded: str) -> bool:
    """Whether the phrase ends with a question of _ASKED_AT_END."""
    for marker, of_a_cramp in _ASKED_AT_END.items():
        at = padded.find(f" {marker} ")
        if at < 0:
            continue
        after = padded[at + len(marker) + 2 :].split()
        if len(after) <= _AT_END_WORDS and (not of_a_cramp or CRAMP_WORDS.intersection(after)):
            return True
    return False
# A sign, or the one who had it, said to be over (in _HISTORY; and see _PASSED).
# Round 44, a housekeeper: "... i cannot breathe from the pain for one minute, now it is ok",
# "he had chest pain last week from the spicy food, now he is fine" (911, the session ended).
_NOW_OVER = tuple(
    f"now {who} {over}" for who in ("it is", "i am", "he is", "she is")
    for over in ("fine", "better", "gone", "okay", "ok")
)
# Round 41: "... i could not breathe for a sec, it is gone now" (911, the session ended);
# round 42: "i felt faint this morning when i got up too quickly, but i am fine now" (911)
_OVER_NOW = tuple(
    f"{c} {who} {over} now".strip() for c in ("but", "and", "")
    for who in ("it is", "they are", "i am")
    for over in ("fine", "better", "gone", "okay", "normal", "perfectly fine")
) + _NOW_OVER
_WELL_NOW = tuple(f"{who} is {well} now" for who in ("he", "she") for well in ("fine", "okay"))
_HISTORY = ("last year", "years ago", "last month", "months ago", "a while back", "used to",
            "in high school", "as a kid", "as a teenager", "in two zero", "in one nine",
            "when i was younger", "died of", "died from", "passed away from", "decades ago",
            "in college", "in my twenties", "in my thirties", "in my teens", "once at a",
            "once after", "but it went away", "and it went away", "a show about",
            "a documentary about", "on tv", "for years",
            # round 19: someone else's stroke long ago got 911, and the session ended
            "when i was a kid", "when i was little", "when i was young", "years back",
            "last spring", "last summer", "last fall", "last winter",
            # round 45, a farmer: "i had a heart attack back in '09, they put a stent in" (911)
            "back in zero", "back in one nine", "back in two zero", "put a stent in",
            # round 20: "my sister had a stroke at 50, are my varicose veins a stroke risk",
            # "my friend's leg swelled up like crazy once, can that happen with ..." (911)
            "at age", "at forty", "at fifty", "at sixty", "at seventy", "at eighty",
            *(f"at {d} zero" for d in ("four", "five", "six", "seven", "eight")),
            *(f"{w} once {q}" for w in ("up", "crazy") for q in ("can", "could", "is", "does")),
            "when i was pregnant", "when she was pregnant",
            # round 47: someone's past, told as such ("my mom have heart attack three year ago";
            # "my wife couldn't breathe at the end"; "i should've called the ambulance
            # sooner for dolores"), each 911 and the session ended
            "year ago", "at the end", "should have called", "called the ambulance sooner",
            # round 47, a trucker: "thought i was having a heart attack last week but the doc
            # said it was just heartburn" (911, and the session ended): a doctor has seen it
            "doc said it was", "doctor said it was", "turned out to be", "turned out it was",
            # round 20: a film's overdose, a show's breathlessness (911, the session ended)
            "watching a movie", "a movie where", "in a movie", "episode of", "an episode",
            "on the news", "in the news",
            # round 21: a show or a film, and a pet (911, and the session ended). Each says
            # what is on the screen, page or job, not that one watched or reads: "i watched
            # my husband collapse", "i was at a show and he fainted" are the emergency.
            "tv show", "the show i watch", "in the film", "in the movie", "a film where",
            "hospital drama", "tv drama", "grey anatomy",
            # round 22: a book, a job, a lesson, a leaflet (911, and the session ended)
            "murder mystery", "nurse myself", "every shift", "seen plenty of", "tv doctor",
            "learning first aid", "says call nine one one if", "am an emt",
            # round 23: a job in the emergency room (911, and the session ended)
            "work in the emergency room", "nurse in the emergency room", "work in the e r",
            "nurse in an emergency room", "work in an emergency room", "a stroke nurse",
            "a programme about", "a program about",
            # round 24: a year long past, a scare that was nothing (911, the session ended)
            *(f"in twenty {y}" for y in ("ten", "eleven", "twelve", "thirteen", "fourteen",
                                         "fifteen", "sixteen", "seventeen", "eighteen",
                                         "nineteen")),
            *(f"turned out to be {benign}" for benign in ("heartburn", "indigestion",
                                                          "nothing", "gas", "anxiety")),
            "stopped bleeding right away",
            *(f"{pet} {cannot}" for pet in ("dog", "cat", "puppy", "kitten")
              for cannot in ("can not", "cannot", "could not", "fell", "collapsed", "fainted")),
            # ... and a patient who is over it: "... had chest pain yesterday, he's fine now"
            *_WELL_NOW, "he is doing great now", "she is doing great now",
            # a sign that is over: "my leg was swollen after my knee surgery but it's fine
            # now" (round 18: 911, and the session ended)
            *_OVER_NOW,
            # round 25: a film about an overdose, and a sister's call for a cramp, long ago
            # (911, the session ended)
            "a movie about", "a film about", "a show about", "a book about",
            "for a cramp once", "was that overkill", "was that an overreaction",
            # round 42, a mail carrier: his wife's clot after her surgery, and his own risk
            # (911, the session ended)
            "does that mean i am going to get one", "does that mean i will get one",
            "am i going to get one too", "will i get one too",
            # round 43, a trucker mid-check: "i've got a blood clot history, does that matter
            # for this" (911, and the check ended)
            "clot history", "history of clots", "history of blood clots", "history of a clot",
            "history of a blood clot", "clot scare", "had a clot before")

# A stroke's signs that passed are still the emergency (a warning stroke): "my left arm went
# numb for a bit this morning but it's fine now" (round 35: the fallback). Only these words
# of a sign being over are set aside for them; "years ago" still makes it history.
_PASSED = ("but it went away", "and it went away", *_OVER_NOW, *_WELL_NOW)
_STROKE_SIGNS = (("numb", "weak", "droop", "drooped", "drooping", "droopy",
                  "dead"),  # round 45: "earlier her arm went dead ... her face looked off"
                 ("face", "arm", "hand", "mouth", "one side", "side of my", "side of his",
                  "side of her"))
# A limb gone numb from lying or sitting on it, not a stroke's sign.
_ASLEEP = ("slept on", "sleeping on", "sleep on", "lying on", "lay on", "laying on",
           "from sitting", "sitting on", "fell asleep")
_SPEECH_SIGNS = ("slurred", "slurring", "could not talk", "could not speak",
                 "could not get my words", "words came out wrong", "words would not come",
                 # round 42, a farmer with heart stents: "i blacked out for a second in the
                 # barn this morning but i am fine now" (the fallback); not "i almost passed
                 # out, but it went away after i stretched"
                 "blacked out", "passed out", "fainted")
_ALMOST = ("almost", "nearly")


def _stroke_passed(padded: str) -> bool:
    """Whether a stroke's sign is told as over (`_PASSED`) with nothing else making it history."""
    said = [h for h in _HYPOTHETICAL + _HISTORY if f" {h} " in padded]
    if not said or any(h not in _PASSED for h in said) or any(
        f" {w} " in padded for w in _ASLEEP
    ):
        return False  # "my hand went numb from sleeping on it, but it's fine now"
    signs, parts = _STROKE_SIGNS
    return any(
        f" {w} " in padded and not any(f" {a} {w} " in padded for a in _ALMOST)
        for w in _SPEECH_SIGNS
    ) or (
        any(f" {w} " in padded for w in signs) and any(f" {p} " in padded for p in parts)
    )


# "Now" after these says the sign is over: "it swelled up after surgery last year but it's
# fine now" (round 13: 911, and the session ended).
_OVER = frozenset(
    ["fine", "better", "okay", "ok", "gone", "over", "normal", "clean", "grand", "great"]
)


# Round 45, a farmer: "i had a heart attack back in '09 ... but now it's my legs that bother
# me" (911): the "now" is the legs', not the sign's.
_NOW_THE_LEGS = tuple(
    f"now it is my {p} that {v}" for p in ("legs", "leg", "calves", "feet")
    for v in ("bother", "bothers", "cramp", "cramps", "ache", "aches", "hurt", "hurts")
)


def asks_about(text: str) -> bool:
    """Whether the phrase asks about a sign rather than reports one (see QUESTION_OPENERS)."""
    after = next((a for a in _AFTERTHOUGHTS if text.endswith(a)), None)
    if after is not None and len(text) > len(after):
        return asks_about(text[: -len(after)])
    words = text.split()
    if not words or any(
        w in _NOW
        and (k == 0 or words[k - 1] not in _OVER)
        and not " ".join(words[k : k + 4]).startswith(_NOW_OVER)
        and not " ".join(words[k : k + 7]).startswith(_NOW_THE_LEGS)
        for k, w in enumerate(words)
    ):
        return False  # "what if my leg is swollen and red right now": it is
    if words[1:2] == ["you"] and words[2:3] and words[2] in _REQUESTS:
        return False  # "can you call for help": asked of the skill, for now
    padded = f" {text} "
    if "suddenly" in words and words[0] != "if" and not any(
        f" {h} " in padded for h in _HYPOTHETICAL
    ):
        return False  # "i've had cramps for years ... and suddenly my chest is tight" (round
        # 24: the history before it made it history); "what if my leg suddenly swells" asks
    if words[0] != "if" and _stroke_passed(padded):
        return False
    if words[0] == "if" or _asked_at_end(padded) or padded.endswith(_WORRIES_AT_END) or any(
        f" {h} " in padded and not _a_reading(padded, h) for h in _HYPOTHETICAL + _HISTORY
    ):
        return True
    # "(i) can not breathe when the cramp hits" tells, with its "i" dropped (round 39: the
    # fallback): a "not" after the opener is no question, here as below.
    told = words[1:2] == ["not"]
    if words[0] in QUESTION_OPENERS and not told and CRAMP_WORDS.intersection(
        words[_when(words):]
    ):
        return True  # "is it a stroke when my toes curl up during a cramp": what a cramp is
        # (round 25: 911, the session ended); "is this a stroke, my face is drooping" is not
    pairs = list(zip(words, words[1:], strict=False))
    # "can varicose veins give me a stroke": "me" as what something would do to (round 39:
    # 911, and the session ended)
    words = [w for k, w in enumerate(words) if not (w == "me" and k and words[k - 1] in _DO_TO)]
    # ... and "can leg cramps give my grandpa a heart attack" (round 44: 911, the session
    # ended): whom it would happen to, asked about
    words = [
        w for k, w in enumerate(words)
        if not (k and words[k - 1] in _DO_TO and w in _OWNERS_ASKED)
        and not (k > 1 and words[k - 2] in _DO_TO and words[k - 1] in _OWNERS_ASKED)
    ]
    # "i" after anything but a question's verb ("how do i know", "should i call") says what
    # someone has: "why can't i breathe"
    said_i = words[0] == "i" or any(b == "i" and a not in _ASKING for a, b in pairs)
    return (
        words[0] in QUESTION_OPENERS
        and not told  # "(i am confused and) can not think straight": no question
        and not said_i
        and not _PERSONAL.intersection(words)
        and not _PERSONAL_PAIRS.intersection(pairs)
    )


_ASKED_BY = (*_HYPOTHETICAL, *_ASKED_AT_END)  # the words that open a question of a sign


def told_before_asking(text: str) -> str | None:
    """What the phrase tells before a hypothetical's words, if anything: "my chest hurts and
    i can't breathe, is this an emergency" tells a sign, then asks about it (round 42: the
    fallback, with only its 911 line)."""
    padded = f" {text} "
    worries = [padded.find(w) for w in _WORRIES_AT_END if padded.endswith(w)]
    asked = [k for h in _ASKED_BY if (k := padded.find(f" {h} ")) >= 0]
    at = min(asked + worries, default=-1)
    head = padded[:at].strip() if at > 0 else ""
    return head if len(head.split()) > 1 else None


def _a_reading(padded: str, history: str) -> bool:
    """Whether an age told ("at forty") is a reading: "his sugar is down at forty" (round 40:
    asked about, so the fallback)."""
    return history.startswith("at ") and any(
        f" {w} {history} " in padded for w in ("down", "is", "was", "reads", "says", "sugar")
    )  # round 46: "sugar's at forty, i'm all shaky" (the fallback)


CRAMP_WORDS = frozenset(["cramp", "cramps", "cramping", "cramped", "charley", "spasm"])
_DO_TO = frozenset(["give", "gives", "make", "makes", "cause", "causes"])
_OWNERS_ASKED = frozenset(["my", "his", "her"])


def _when(words: list[str]) -> int:
    """Where a general "when" clause starts (past the end when there is none)."""
    return words.index("when") + 1 if "when" in words[2:] else len(words)


# What a clause after "and now" says to speak of the sign again: "i had a stroke last year
# and now it is back" is this moment; "... and now my legs cramp" is not.
_AGAIN = frozenset(["it", "again", "back", "same", "that", "this", "another", "one"])
_TURNS_TO_NOW = frozenset(["but", "anyway", "lately"])
_SAID_AGAIN = frozenset(["again", "back", "same"])  # after a turn: "one side" is no "one"


def history_then_now(text: str, *, turned: bool = False) -> tuple[str, str] | None:
    """The phrase cut at "and now" / "but now" when what follows does not speak of the sign
    again: ("i had a stroke in two zero one nine", "my legs cramp") (round 12: 911, and the
    session ended). The matcher reads the first part as `asks_about` does and looks for a
    sign in the second; None when the phrase has no such cut. `turned`: a "but", "anyway"
    or "lately" cuts too, for a sign told after the past."""
    words = text.split()
    for k in range(1, len(words) - 1):
        # "... five years ago now she has cramps" (no comma is heard: round 47, 911);
        # "my wife used to say i'm stubborn, but my face went droopy" (the fallback)
        now = words[k] == "now" and words[k - 1] in ("and", "but", "ago", "back")
        turns_now = turned and words[k] in _TURNS_TO_NOW and words[k + 1] != "now"
        if not (now or turns_now):
            continue
        rest = words[k + 1 :]
        # "... but now it is just leg cramps": the "it" is no sign; "... and now my leg
        # feels just like it did back then" is the sign again (round 31: not covered)
        turns = {w for j, w in enumerate(rest) if w in TURNS and rest[j + 1 : j + 2] != ["like"]}
        again = _AGAIN.intersection(rest) if now else _SAID_AGAIN.intersection(rest)
        if rest and (turns or not again):
            head = words[:k] if words[k - 1] in ("ago", "back") or turns_now else words[: k - 1]
            return " ".join(head), " ".join(rest)
    return None


def had_it_earlier(after: list[str]) -> bool:
    """Whether the words after a denied sign turn ("but") to having had it, and say no more
    than when ("but it did last night"; "but i did have a clot years ago" is another
    thing)."""
    if "but" not in after:
        return False
    rest = after[after.index("but") + 1 :]
    if rest[:1] == ["now"] and "it" in rest[1:3] and not TURNS.intersection(rest):
        return True  # "no chest pain before, but now it is really bad" (round 13)
    return any(
        (pair in _HAD_IT and set(rest[k + 2 :]) <= _EARLIER)
        or (pair in _HAS_IT and set(rest[k + 2 :]) <= _NOW | {"right"})
        for k, pair in enumerate(zip(rest, rest[1:], strict=False))
    )


# Who or what a question after a denial may open with: "..., my calves just cramp".
SUBJECTS = frozenset(["i", "it", "they", "he", "she", "we", "my", "his", "her", "their", "our"])
BODY = frozenset([
    "leg", "legs", "calf", "calves", "foot", "feet", "ankle", "ankles", "thigh", "thighs",
])
# What else a denial of signs may say: "no chest pain or anything like that".
DENIAL_WORDS = (
    _DENIAL_BRIDGE | _LISTING | DENIALS | FINE | FUNCTION_STEMS
    | {"no", *(stem(w) for w in ["anything", "like", "that", "can", "at", "all", "right", "now"])}
    | {stem(w) for w in ("redness", "tenderness", "warmth")}  # signs' nouns
)


def _fine_after(stems: list[str], i: int) -> bool:
    """Whether "fine" or "okay" follows the word at `i` ("i can breathe fine")."""
    return any(w in FINE for w in stems[i + 1 : i + 2])


def _denied_at(stems: list[str], i: int, signs: frozenset[str]) -> bool:
    """Whether a denial reaches the word at `i`, back across small words, "or", "and" and
    the words of other signs; a "no" only when a sign or "any" follows it ("no, i have
    chest pain" is no denial). A "not" or "never" does not reach across "and": "i can't
    talk and my face is drooping" is two signs, the first said with its own "not" (round
    14: the fallback, with no 911)."""
    j = i - 1
    crossed_and = False
    while j >= 0:
        word = stems[j]
        if word in DENIALS:
            return not (crossed_and and word in NEGATIONS)
        crossed_and = crossed_and or word == "and"
        if word in _OWNERS and j > 0 and stems[j - 1] not in _CARRY_DENIAL:
            return False  # a new clause: "i don't feel well my chest hurts" (round 18)
        if word == "no":
            return stems[j + 1] in signs or stems[j + 1] == "any"
        if word not in _DENIAL_BRIDGE and word not in _LISTING and word not in signs:
            return False
        j -= 1
    return False
