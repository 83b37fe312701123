"""The check's words about someone else: "Do they get frequent leg cramps?".

A caregiver who asks for a check for a parent or spouse answers for them; the questions,
the answers told back and the result's reason then speak of "them". One rule for every
such sentence, so content edits need no second copy: "your" becomes "their", and "you"
as the subject of a few verbs becomes "they". Other sentences (offers, advice: "if you are
worried") speak to the caregiver and are left as they are. Plain Python, no SDK.
"""

from __future__ import annotations

import re

_SWAPS = (
    (re.compile(r"\byour\b"), "their"),
    (re.compile(r"\bYour\b"), "Their"),
    (re.compile(r"\b(Do|do) you\b"), r"\1 they"),
    (re.compile(r"\byou (have|get|walk|rest|don't|do not|are not|aren't|sleep)\b"), r"they \1"),
    (re.compile(r"\bdiagnose you\b"), "diagnose them"),  # "I can't diagnose them"
)


def about_them(text: str) -> str:
    """The sentence said of the person the check is for, not the speaker."""
    for pattern, swap in _SWAPS:
        text = pattern.sub(swap, text)
    return text
