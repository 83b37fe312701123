"""The spoken check as a pure state machine: answers in, next question or outcome out.

The rules come from the article:
- see a specialist: cramping with walking that resolves after brief rest, or severe and
  frequent cramping that disrupts sleep;
- worth checking: any one of frequent, sleep-disturbing, varicose veins, or any "not sure";
- probably not a concern: otherwise (occasional, mild cramping).

Only questions that can still change the outcome are asked. Rather than hand-code the
skips, a partial set of answers is evaluated against all its completions (at most 81),
once per process and state (memoised), so the skip logic cannot drift from the rules.
"""

# Annotations evaluated, not strings: cheaper NamedTuples (see skill/content.py).
from collections.abc import Mapping
from enum import StrEnum
from functools import cache
from itertools import product
from typing import Any, NamedTuple

QUESTIONS: tuple[str, ...] = ("FREQUENT", "SLEEP", "WALKING", "VARICOSE")


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"


class Outcome(StrEnum):
    SEE_SPECIALIST = "see_specialist"
    WORTH_CHECKING = "worth_checking"
    PROBABLY_FINE = "probably_fine"


class Result(NamedTuple):
    outcome: Outcome
    reason: str  # a key of the outcome's `reasons` in the content file


Answers = Mapping[str, Answer]


def classify(answers: Answers) -> Result:
    """The outcome of a set of answers; a missing answer counts as no."""

    def said(q: str, a: Answer = Answer.YES) -> bool:
        return answers.get(q) == a

    if said("WALKING"):
        return Result(Outcome.SEE_SPECIALIST, "WALKING")
    if said("FREQUENT") and said("SLEEP"):
        return Result(Outcome.SEE_SPECIALIST, "FREQUENT_SLEEP")
    for q in ("FREQUENT", "SLEEP", "VARICOSE"):
        if said(q):
            return Result(Outcome.WORTH_CHECKING, q)
    if any(a == Answer.UNSURE for a in answers.values()):
        return Result(Outcome.WORTH_CHECKING, "UNSURE")
    return Result(Outcome.PROBABLY_FINE, "NONE")


def grounds(reason: str) -> tuple[str, ...]:
    """The questions whose yes a reason rests on ("FREQUENT_SLEEP": both; "NONE": none)."""
    parts = reason.split("_")
    return tuple(q for q in QUESTIONS if q in parts)


@cache
def reasons_by_outcome() -> dict[Outcome, frozenset[str]]:
    """Every reason each outcome can give, over every combination of answers: the keys the
    content must have (skill/content.py refuses a file that lacks one).

    The 81 complete sets suffice: a missing answer counts as no (tests/test_triage.py
    proves it over all 256 partial sets), and every cold start pays for this loop.
    """
    found: dict[Outcome, set[str]] = {o: set() for o in Outcome}
    for combo in product(Answer, repeat=len(QUESTIONS)):
        result = classify(dict(zip(QUESTIONS, combo, strict=True)))
        found[result.outcome].add(result.reason)
    return {o: frozenset(r) for o, r in found.items()}


def _key(answers: Answers) -> tuple[Answer | None, ...]:
    return tuple(answers.get(q) for q in QUESTIONS)


@cache
def _reachable_outcomes(partial: tuple[Answer | None, ...]) -> set[Outcome]:
    open_slots = [i for i, a in enumerate(partial) if a is None]
    found = set()
    for fill in product(Answer, repeat=len(open_slots)):
        full = list(partial)
        for i, a in zip(open_slots, fill, strict=True):
            full[i] = a
        found.add(classify(dict(zip(QUESTIONS, full, strict=True))).outcome)
    return found


@cache
def _next_for(partial: tuple[Answer | None, ...]) -> str | None:
    before = _reachable_outcomes(partial)
    if len(before) == 1:
        return None
    for i, q in enumerate(QUESTIONS):
        # Ask q only if some answer to it narrows what the outcome can still be.
        if partial[i] is None and any(
            _reachable_outcomes(partial[:i] + (a,) + partial[i + 1 :]) != before for a in Answer
        ):
            return q
    return None  # pragma: no cover - several outcomes left imply a question that matters


def next_question(answers: Answers) -> str | None:
    """The next question worth asking, or None when the outcome is settled."""
    return _next_for(_key(answers))


@cache
def _longest_remaining(partial: tuple[Answer | None, ...]) -> int:
    q = _next_for(partial)
    if q is None:
        return 0
    i = QUESTIONS.index(q)
    return 1 + max(_longest_remaining(partial[:i] + (a,) + partial[i + 1 :]) for a in Answer)


def progress(answers: Answers) -> tuple[int, int]:
    """(number of the pending question, the most questions any check can come to).

    The second number is the same for the whole check ("Question 2 of 4" never follows
    "Question 1 of 4" with "of 3"): the longest path from the start, not from here.
    """
    return len(answers) + 1, _longest_remaining(_key({}))


def split_path(answers: Answers) -> tuple[dict[str, Answer], dict[str, Answer]]:
    """(the answers the check reaches, in order; the rest): once an earlier answer changes,
    a later one may answer a question the check no longer comes to next."""
    walked: dict[str, Answer] = {}
    while (q := next_question(walked)) is not None and q in answers:
        walked[q] = answers[q]
    return walked, {q: a for q, a in answers.items() if q not in walked}


def is_reachable(answers: Answers) -> bool:
    """True if these answers are exactly what the check would have asked, in order."""
    return not split_path(answers)[1]


def record(answers: Answers, answer: Answer) -> dict[str, Answer]:
    """The answers after answering the pending question; unchanged when nothing is pending."""
    q = next_question(answers)
    updated = dict(answers)
    if q is not None:
        updated[q] = answer
    return updated


def parse_answers(raw: Any, *, reachable: bool = True) -> dict[str, Answer] | None:
    """Answers from untrusted session data, or None if they are not a state the check reaches
    (with `reachable` false: answers of any questions, as a result may rest on one said
    earlier in the session, past the question that settled it)."""
    if not isinstance(raw, dict) or len(raw) > len(QUESTIONS):
        return None
    answers: dict[str, Answer] = {}
    for q, a in raw.items():
        if q not in QUESTIONS or not isinstance(a, str):
            return None
        try:
            answers[q] = Answer(a)
        except ValueError:
            return None
    return answers if not reachable or is_reachable(answers) else None
