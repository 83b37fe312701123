"""How people's own words answer the check: one table from slot value ids to answers.

The interaction model's answer slot types (CrampFrequency, CheckAnswer) resolve what was
said ("every night", "they wake me up", "only when I walk", "a few") to a value id; this
table says which question that id answers and how. It is the only place that knows it:
tests/test_interaction_model.py checks that every id of those types is here and every id
here is in the model. Plain Python, no SDK.
"""

# Annotations evaluated, not strings: cheaper NamedTuples (see skill/content.py).
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from skill.triage import Answer


class Meaning(NamedTuple):
    question: str  # one of triage.QUESTIONS
    answer: Answer


ANSWER_SLOT_TYPES = ("CrampFrequency", "CheckAnswer")

MEANINGS: Mapping[str, Meaning] = MappingProxyType(
    {
        # CrampFrequency: how often ("most nights", "a couple of times a week", "hardly ever").
        "OFTEN": Meaning("FREQUENT", Answer.YES),
        "RARELY": Meaning("FREQUENT", Answer.NO),
        # CheckAnswer: the other questions, in the words people use.
        "DISRUPTS_SLEEP": Meaning("SLEEP", Answer.YES),  # "they wake me up"
        "SLEEP_FINE": Meaning("SLEEP", Answer.NO),  # "I sleep through them"
        "WITH_WALKING": Meaning("WALKING", Answer.YES),  # "only when I walk"
        "NOT_WITH_WALKING": Meaning("WALKING", Answer.NO),  # "only at night"
        "HAS_VARICOSE": Meaning("VARICOSE", Answer.YES),  # "a few", "on my calves"
        "NO_VARICOSE": Meaning("VARICOSE", Answer.NO),  # "none"
    }
)



# How often, said to a question that is not about how often. "Most nights", to "do they
# disrupt your sleep?", is a yes; "sometimes" to it, or to "does your cramping occur with
# walking?", is not a clear answer either way. Anything else is no answer: "every day" does
# not say the cramping comes with walking, nor "most nights" that there are varicose veins,
# so the question comes again and nothing is recorded.
ELSEWHERE: Mapping[str, Mapping[str, Answer]] = MappingProxyType(
    {
        "SLEEP": MappingProxyType({"OFTEN": Answer.YES, "RARELY": Answer.UNSURE}),
        "WALKING": MappingProxyType({"RARELY": Answer.UNSURE}),
    }
)


def meaning(value_id: str | None, asked: str | None = None) -> Meaning | None:
    """What a resolved slot value says about the check, or None (unknown, or no value).

    `asked` is the question pending, if any: a frequency word answers it only where
    ELSEWHERE says so; to another question it answers nothing.
    """
    found = MEANINGS.get(value_id) if value_id else None
    if found and asked and found.question != asked and found.question == "FREQUENT":
        answer = ELSEWHERE.get(asked, {}).get(value_id or "")
        return Meaning(asked, answer) if answer is not None else None
    return found


TOPIC_MEANINGS: Mapping[str, Meaning] = MappingProxyType(
    {"CrampsWhenWalkingIntent": Meaning("WALKING", Answer.YES)}
)
