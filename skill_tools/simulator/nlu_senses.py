"""Everyday readings of an emergency sample's words: "i'm so tired i pass out" (asleep, not a
faint), "i get dizzy when i stand up too fast", feet numb from a neuropathy for years,
breathless at the end of sprints, a cut on a kitchen knife. The matcher (nlu_match) lets no
priority sample raise the alarm, or the crisis line, in a phrase these describe; the
phrase then reaches the intent its samples say (OtherSymptomIntent: "see a doctor soon",
with the signs that need 911). Each rule names the round whose new user found it, and
each leaves the alarm to any acute word said with it."""

from __future__ import annotations

import re

# Round 42, a line cook: "honestly i don't even know, i'm so tired i pass out" (911, and
# the check ended): asleep from tiredness.
_FALLS_ASLEEP = (
    " tired i pass out ", " tired i just pass out ", " exhausted i pass out ",
    " pass out as soon as ", " pass out on the couch ", " pass out in bed ",
    " passed out asleep ", " pass out asleep ",  # round 48: "passed out asleep on the couch"
)
_FAINTS = ("passed", "pass", "out", "faint", "fainted", "black", "blacked")

# Round 42, a line cook and a retired teacher: dizzy, or faint, on getting up (911, and the
# session ended). A faint itself ("i fainted when i stood up") stays the emergency.
_ON_STANDING = (
    " stand up ", " stood up ", " standing up ", " get up too ", " got up too ",
    " get up quickly ", " got up quickly ", " get up fast ", " got up fast ",
)
_LIGHT_HEADED = ("dizzy", "lightheaded", "woozy", "faint")
_FEELS_FAINT = (" felt faint ", " feel faint ", " feeling faint ", " get faint ",
                # round 47, a Vietnamese speaker: "i feel like faint when i stand up too fast"
                " feel like faint ", " feel like fainting ", " felt like fainting ")
_FAINTED = (" fainted ", " passed out ", " blacked out ", " fell ", " collapsed ")

# Round 42, a retired teacher with diabetes and a line cook: feet numb from a neuropathy,
# for years, or after a shift on them (911, and the session ended).
_NUMBNESS = ("numb", "numbness", "tingly", "tingling", "feel", "feeling")
_LONG_NUMB = (
    " neuropathy ", " diabetes ", " diabetic ", " for years ", " most of the time ",
    " all the time ", " always ", " sometimes ", " after standing ", " standing all day ",
    " at work ", " after work ", " after my shift ",
    # round 43, a nursing assistant: "my leg went totally numb and tingly from sitting on it"
    " from sitting on it ", " sitting on it ", " sat on it ", " sitting cross legged ",
    # round 43, a carer: "his foot went numb after sitting in his recliner ... it came back";
    # a deer hunter: "i cut my foot and didn't even feel it cause of my sugar"
    " after sitting ", " my sugar ", " his sugar ", " her sugar ",
    # round 46, a warehouse worker and a diabetic: "when i sit on my foot too long it go numb",
    # "my leg's numb from sleeping on it funny" (911, and the session ended)
    " sit on my foot ", " sit on my leg ", " sleeping on it ", " slept on it ", " lying on it ",
    # round 48, a paramedic: "i sat too long and my leg went numb", "pins and needles" (911)
    " sat too long ", " sitting too long ", " pins and needles ",
)
# Round 42, a triathlete: short of breath at the end of sprint sets; a farmer with COPD,
# short of breath walking up the hill "as always" (911, and the session ended).
_BREATHLESS = ("breath", "breathe", "breathing", "winded")
_BREATHLESS_AS_EVER = (
    " sprint ", " sprints ", " sprint sets ", " intervals ", " hill repeats ",
    " after running ", " after a run ", " after a race ", " after practice ",
    " copd ", " emphysema ", " asthma ", " always have been ", " my lungs ",
    " breathing gets me ",
    # round 45, a delivery driver who smokes: "short of breath on stairs sometimes", "...
    # climbing stairs, always have" (911, and the session ended)
    " on stairs ", " on the stairs ", " climbing stairs ", " up the stairs ", " always have ",
    " i smoke ", " smoker ",
    # ... and a hospice volunteer: "only when she climbs the stairs, always has been"
    " climbs the stairs ", " always has been ", " always been ",
    # round 46, a retired teacher for her father: "climbing the stairs, he always has"
    " climbing the stairs ", " climb the stairs ", " always has ",
)
# Round 46, the retired teacher: toes gone white in the cold that "pinked up once i got
# home", legs that "go a bit blue and blotchy when he's cold, they always have" (911, and
# the session ended): the cold's colour, gone or lifelong.
_COLD_COLOURS = ("white", "blue", "pale", "cold", "purple")
_IN_THE_COLD = (" in the cold ", " when he is cold ", " when she is cold ", " when i am cold ",
                " when it is cold ", " in cold weather ")
_COLOUR_COMES_BACK = (" pinked up ", " pink again ", " warmed up ", " always have ",
                      " always has ", " always do ", " always does ")
# Round 47, a nail-salon owner: "when i stand long my leg turn purple color, then normal when
# i sit" (911, and the session ended): blood pooling while standing, gone on sitting.
_ON_MY_FEET = (" when i stand ", " stand long ", " standing long ", " standing all day ",
               " after standing ", " when i am standing ")
_COLOUR_GOES = (" then normal ", " normal when i sit ", " back to normal ", " normal again ",
                " goes away when i sit ")
# ... and a soccer player: veins "big and blue ... like worms on my leg" (911): the blue is
# the veins'.
# ... or a couple of them (round 47, a trucker, to the varicose question: "my legs look normal,
# a couple blue ones", 911, and the check was lost)
_BLUE_VEINS = re.compile(
    r" (?:blue(?: \w+){0,2} veins|blue ones|veins (?:look|looks|are|is|get|got)(?: \w+){0,3} blue) "
)
# Round 42, the farmer, mid-check: "now hang on, before i answer, does pickle juice help?"
# (near "help me now": 911, and the session ended). Asking whether a thing helps cries out
# for nothing.
_CRIES = frozenset({"help", "me", "now", "please", "quick", "hurry", "somebody", "someone"})
_ASKS_WHAT_HELPS = re.compile(r" (?:does|do|would|will|can|could)(?: \w+){0,4} help (?!me )")
# ... nor does asking help with a task: "help me check mine now" (round 44: 911)
_HELP_WITH = (" help me check ", " help me with ", " help me figure ", " help me understand ")
# What keeps any of these the emergency: a sign of the heart, lungs, a clot or a stroke.
_ACUTE = frozenset({
    "chest", "heart", "suddenly", "sudden", "swollen", "swelling", "swell", "red", "hot",
    "warm", "calf", "face", "arm", "speech", "slurred", "droop", "drooping", "rest", "lips",
    "blue", "cough", "coughing", "blood", "cold", "pale", "weak", "weakness", "side",
})
# Round 42, a line cook: "i cut myself pretty deep on a knife at work, it's bleeding a lot"
# (the crisis line): an accident, whose bleeding is the emergency.
_BY_ACCIDENT = (
    " on a knife ", " at work ", " cooking ", " by accident ", " accidentally ", " chopping ",
    " on glass ", " on a can ", " shaving ", " slipped ", " on the slicer ",
    # round 42, a farmer on a blood thinner: "hold on, i cut myself on the barbed wire and it
    # won't stop bleeding" (the crisis line)
    " barbed wire ", " on a nail ", " on the fence ",
)
# Round 43, a retired steelworker on a water pill: "i bumped my shin on the table and it's
# bleeding a bit", "got a little nick shaving my leg, bleeding some" (911, and the session
# ended): a little bleeding from a scrape. Bleeding that won't stop, or on a blood thinner,
# stays the emergency.
_BLEEDS = ("bleeding", "bleed", "bleeds", "blood")
_A_LITTLE_BLOOD = (
    " bleeding a bit ", " bleeding a little ", " bleeding some ", " little nick ",
    " bleeding a tiny bit ",
)
_WONT_STOP = (
    " stop ", " quit ", " will not ", " thinner ", " thinners ", " warfarin ",
    " eliquis ", " xarelto ", " lot ", " everywhere ", " all over ", " spurting ", " pouring ",
)
# Round 43, the steelworker: "my leg's swole up since i started the new pill" (911): a new
# medicine's swelling is a doctor's question, unless it is red, hot or painful too.
_SWOLLEN = ("swole", "swollen", "swelling", "swell", "swells", "puffy", "puffed")
_NEW_MEDICINE = (
    " since i started the new ", " since i started a new ", " since i started my new ",
    " since they changed my ", " new pill ", " new medicine ", " new medication ",
)
_WITH_A_NEW_MEDICINE = frozenset({"red", "hot", "warm", "painful", "hurts", "sudden",
                                  "suddenly", "chest", "breath", "breathe", "calf",
                                  # a new pill's swelling of the face is an allergy: 911
                                  "lip", "lips", "face", "tongue", "throat", "mouth", "eyes"})
_ON_PURPOSE = (" on purpose ", " to feel ", " again ", " keep ", " want to ", " myself up ")
# Round 44, a marathon runner: "i'm literally dying after that hill workout, my legs are
# dead", "i bonked hard and felt dizzy at the finish", "my heart was pounding like crazy
# after the sprint" (911, and the session ended): how hard exercise feels, not a sign.
_AFTER_EXERCISE = (
    " workout ", " hill ", " sprint ", " sprints ", " after the run ", " after my run ",
    " long run ", " the race ", " a race ", " marathon ", " at the finish ", " bonked ",
    " spin class ", " the gym ", " long ride ", " training run ",
    # round 45, a delivery driver: "my heart was pounding after i hauled boxes up the stairs"
    " hauled ", " hauling ", " carrying boxes ", " lifting boxes ", " up the stairs ",
    # ... and a hospice volunteer: "the cramp woke me up and my heart was just pounding"
    " cramp woke me up ", " cramp woke me ", " after the cramp ",
)
_WORN_OUT = frozenset({"dying", "dizzy", "pounding", "racing", "beating"})
# Round 45, a hospice volunteer: "his legs are swollen up like balloons, both of them" (a man
# with heart failure; 911, and the session ended): both legs swollen, with nothing else, is
# his doctor's today, not a clot's one leg.
_BOTH_LEGS = (" both of them ", " both legs ", " both ankles ", " both feet ", " both his legs ",
              " both her legs ", " both my legs ")
_WITH_BOTH_LEGS = frozenset({"chest", "breath", "breathe", "breathing", "red", "hot", "warm",
                             "sudden", "suddenly", "pain", "painful", "hurts", "winded", "cough",
                             "coughing", "blue", "cold", "pale"})
# Round 45, a retired farmer: "thought it was a heart attack but it was just the charley
# horse", "the cramp felt like a heart attack in my leg" (911, and the session ended): a
# cramp taken for a sign, or likened to one.
_ONLY_A_CRAMP = tuple(
    f" {b} {a} {c} " for b in ("it was just", "it was only", "turned out to be")
    for a in ("the", "a", "my") for c in ("cramp", "charley horse", "leg cramp")
) + tuple(f" like a heart attack in my {p} " for p in ("leg", "calf", "legs", "foot"))
# Round 44, the runner: "this cramp is gonna kill me" and "i feel like giving up on running,
# these cramps ruin every race" (the crisis line, and the session ended): a cramp that "will
# kill" is a figure of speech; giving up a sport is no giving up on life.
_CRAMP_KILLS = tuple(  # in spoken form: "gonna" is "going to" here
    f" {c} {v} kill me " for c in ("cramp is", "cramps are", "cramp", "cramps")
    for v in ("going to", "will")
)
_GIVING_UP_ON = tuple(
    f" up on {a} " for a in ("running", "races", "racing", "the gym", "exercise",
                             "exercising", "walking", "hiking", "cycling", "biking", "sports",
                             "football", "marathons", "training", "my running")
)
_FIGURES = _CRAMP_KILLS + _GIVING_UP_ON
# Round 48, a paramedic: "my heart kinda pounds for a minute after a bad cramp, then settles"
# (911, and the check was lost): a pounding that passes.
_SETTLES = (" then settles ", " then it settles ", " then settles down ", " then it calms down ",
            " then calms down ")
# Round 48, a retired nurse: "my heart about jumped out of my chest when that cramp grabbed
# me, scared me half to death" (911, and the session ended): a fright, told as one.
_FRIGHT = (" jumped out of my chest ", " half to death ", " jumped out of my skin ",
           " out of my skin ", " scared the life out of me ")


def ordinary_reading(sample: str, padded: str) -> bool:
    """Whether an emergency sample's words are said in a phrase of an everyday story
    (`padded`: the phrase in spaces), with no acute word said with them."""
    words = sample.split()
    if any(w in words for w in _SWOLLEN) and any(s in padded for s in _NEW_MEDICINE):
        return not _WITH_A_NEW_MEDICINE.intersection(padded.split())
    if _WORN_OUT.intersection(words) and any(s in padded for s in _AFTER_EXERCISE):
        return not (_ACUTE - {"heart"}).intersection(padded.split())
    if any(s in padded for s in _ONLY_A_CRAMP):
        return not (_ACUTE - {"heart", "calf"}).intersection(padded.split())
    swells = any(w in _SWOLLEN or w.startswith("balloon") for w in words)
    if swells and any(s in padded for s in _BOTH_LEGS):
        return not _WITH_BOTH_LEGS.intersection(padded.split())
    cold = any(w in words for w in _COLD_COLOURS) and any(s in padded for s in _IN_THE_COLD)
    if cold and any(s in padded for s in _COLOUR_COMES_BACK):
        return not (_ACUTE - {"cold", "blue", "pale"}).intersection(padded.split())
    pooled = any(w in words for w in _COLD_COLOURS) and any(s in padded for s in _ON_MY_FEET)
    if pooled and any(s in padded for s in _COLOUR_GOES):
        return not (_ACUTE - {"blue", "pale"}).intersection(padded.split())
    if "blue" in words and _BLUE_VEINS.search(padded):
        return not (_ACUTE - {"blue"}).intersection(padded.split())
    if "heart" in words and any(s in padded for s in _SETTLES):
        return not (_ACUTE - {"heart"}).intersection(padded.split())
    if any(s in padded for s in _FRIGHT):
        return not (_ACUTE - {"heart", "chest"}).intersection(padded.split())
    if _ACUTE.intersection(padded.split()):
        return False
    if any(w in words for w in _BLEEDS) and any(s in padded for s in _A_LITTLE_BLOOD):
        return not any(s in padded for s in _WONT_STOP)
    if any(w in words for w in _FAINTS) and any(s in padded for s in _FALLS_ASLEEP):
        return True
    light = any(w in words for w in _LIGHT_HEADED) or any(s in padded for s in _FEELS_FAINT)
    if light and any(s in padded for s in _ON_STANDING) and not any(
        s in padded for s in _FAINTED
    ):
        return True
    if any(w in words for w in _NUMBNESS) and any(s in padded for s in _LONG_NUMB):
        return True
    if set(words) <= _CRIES and _ASKS_WHAT_HELPS.search(padded) and " help me " not in padded:
        return True
    if set(words) <= _CRIES and any(s in padded for s in _HELP_WITH):
        return True
    return any(w in words for w in _BREATHLESS) and any(s in padded for s in _BREATHLESS_AS_EVER)


def figure_of_speech(padded: str) -> bool:
    """Whether a phrase says despair's words as a figure of speech: a cramp that will kill,
    a sport given up."""
    return any(s in padded for s in _FIGURES)


def cut_by_accident(sample: str, padded: str) -> bool:
    """Whether a crisis sample of cutting oneself is found in a phrase of an accident."""
    return (
        "cut" in sample.split()
        and any(s in padded for s in _BY_ACCIDENT)
        and not any(s in padded for s in _ON_PURPOSE)
    )
