"""Sentence-level audit: a medical sentence may use only words its own source quotes use.

Quotes prove that the article says something; they do not prove that the sentence built on
them says the same thing. This audit closes that gap word by word: every content word of a
sentence (after dropping function words and a short, reviewed list of conversational words)
must appear, by Porter2 stem, in the quotes the text cites. "Often, yes." fails on "yes";
"point to vein disease" fails on "point". A second rule keeps the article's signs whole: a
sentence that names part of a sign (severe, frequent cramping that disrupts sleep) must
name all of it, so no answer can cite "severe, frequent cramps" on their own.

A developer tool (tests/test_content.py runs it on every content edit); Lambda never imports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, NamedTuple


def _listed(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words: they carry no medical claim.
STOP_WORDS = _listed(
    """
    a about after again against all also am an and any are as at be because been before being
    both but by can could did do does doing down during each few for from further had has have
    having he her here hers him his how i if in into is it its itself just me more most my myself
    no nor not now of off on once only or other our ours out over own same she should so some
    such than that the their theirs them then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your
    yours yourself s t don didn doesn isn aren wasn weren won can't don't it's that's
    one ones may might must let lets let's whether enough rather
    """
)

# Conversational words the skill may use around the article's claims: how it addresses the
# listener and refers to its own check, never a medical fact. Keep this list short, and review
# every addition: a word here is a word no quote has to back.
CONVERSATIONAL_WORDS = _listed("say said tell ask asking answer check sure article clinic get like")



class Sign(NamedTuple):
    """Something the article says as a whole: naming `enough` of its markers names it all."""

    name: str
    whole: frozenset[str]  # stems
    markers: frozenset[str]  # stems that show the sentence is citing it
    enough: int = 2


# The article's signs and its list of causes: a sentence names each whole or not at all.
WHOLE_SIGNS: tuple[Sign, ...] = (
    Sign(
        "severe, frequent cramping that disrupts sleep",
        frozenset({"sever", "frequent", "disrupt", "sleep"}),
        frozenset({"sever", "frequent", "disrupt", "sleep"}),
    ),
    Sign(
        "cramping with walking that resolves after brief rest",
        frozenset({"walk", "rest"}),
        frozenset({"walk", "rest"}),
    ),
    Sign(
        "the causes: fatigue, electrolyte imbalance, medications, dehydration, vein disease",
        frozenset({"fatigu", "electrolyt", "medic", "dehydr", "vein", "diseas"}),
        frozenset({"fatigu", "electrolyt", "medic", "dehydr"}),
    ),
)

# A sentence telling the user what they answered ("You said your cramps are frequent.").
RESTATEMENT = "you said "
_WORD = re.compile(r"[a-z][a-z'-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@cache
def _stemmer() -> Any:
    import snowballstemmer  # a developer dependency, like the rest of this module

    return snowballstemmer.stemmer("english")


@cache
def stem(word: str) -> str:
    """The Porter2 stem of a lower-case word ("cramping" and "cramps" -> "cramp")."""
    word = word.strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    return _stemmer().stemWord(word)


@cache
def _conversational() -> frozenset[str]:
    return frozenset(map(stem, CONVERSATIONAL_WORDS))


def words(text: str) -> list[str]:
    """Lower-case words of `text`; hyphenated words count as their parts."""
    out: list[str] = []
    for w in _WORD.findall(text.lower().replace("’", "'")):
        w = w.split("'")[0]  # you're -> you, weren't -> weren, i'm -> i
        out += [p for p in w.split("-") if p]
    return out


def content_stems(text: str) -> list[str]:
    """The stems a sentence must justify: its words less function and conversational words."""
    return [
        s for w in words(text) if w not in STOP_WORDS and (s := stem(w)) not in _conversational()
    ]


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


class Problem(NamedTuple):
    path: str
    sentence: str
    why: str

    def __str__(self) -> str:
        return f"{self.path}: {self.why} in {self.sentence!r}"


def sentence_problems(path: str, sentence: str, quotes: Iterable[str]) -> list[Problem]:
    """What is wrong with one sentence given the quotes it rests on (empty: nothing)."""
    backed = {stem(w) for q in quotes for w in words(q)}
    problems = []
    missing = sorted({s for s in content_stems(sentence) if s not in backed})
    if missing:
        problems.append(Problem(path, sentence, f"words no quote uses: {', '.join(missing)}"))
    said = set(content_stems(sentence))
    if sentence.lower().startswith(RESTATEMENT):
        return problems  # the user's own answer, told back: it cites no sign
    for sign in WHOLE_SIGNS:
        if len(said & sign.markers) >= sign.enough and not sign.whole <= said:
            left_out = ", ".join(sorted(sign.whole - said))
            problems.append(Problem(path, sentence, f"part of {sign.name!r} without: {left_out}"))
    return problems


def text_problems(path: str, text: str, quotes: Iterable[str]) -> list[Problem]:
    quotes = tuple(quotes)
    return [p for s in sentences(text) for p in sentence_problems(path, s, quotes)]


class MedicalText(NamedTuple):
    path: str
    text: str
    quotes: tuple[str, ...]
    whole_signs: bool = True  # False for questions: they ask about one part of a sign


def medical_texts(raw: Any) -> Iterator[MedicalText]:
    """Every text in a raw content document that speaks for the article, with its quotes.

    Topic titles, speech and more; check questions and their help; every outcome's title,
    reasons and advice. (Prompts, safety lines and the contact offer are marked
    `not_from_article` or are the clinic's own details, and are checked elsewhere.)
    """
    for intent, node in (raw.get("topics") or {}).items():
        quotes = tuple(node.get("source") or ())
        for key in ("title", "speech", "more"):
            if node.get(key):
                yield MedicalText(f"topics.{intent}.{key}", node[key], quotes)
    check = raw.get("check") or {}
    for qid, node in (check.get("questions") or {}).items():
        quotes = tuple(node.get("source") or ())
        for key in ("text", "help", "taken"):
            if node.get(key):
                yield MedicalText(f"check.questions.{qid}.{key}", node[key], quotes, False)
    for oid, node in (check.get("outcomes") or {}).items():
        quotes = tuple(node.get("source") or ())
        yield MedicalText(f"check.outcomes.{oid}.title", node["title"], quotes)
        yield MedicalText(f"check.outcomes.{oid}.advice", node["advice"], quotes)
        for by in ("title_for", "advice_for"):
            for key, text in (node.get(by) or {}).items():
                yield MedicalText(f"check.outcomes.{oid}.{by}.{key}", text, quotes)
        for key, text in (node.get("reasons") or {}).items():
            yield MedicalText(f"check.outcomes.{oid}.reasons.{key}", text, quotes)
        if node.get("explain"):
            yield MedicalText(f"check.outcomes.{oid}.explain", node["explain"], quotes)


def audit(raw: Any) -> list[Problem]:
    """Every wording problem in a raw content document."""
    problems: list[Problem] = []
    for item in medical_texts(raw):
        found = text_problems(item.path, item.text, item.quotes)
        if not item.whole_signs:
            found = [p for p in found if not p.why.startswith("part of")]
        problems += found
    return problems
