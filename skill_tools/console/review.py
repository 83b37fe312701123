"""What a physician signs off: every answer beside its quotes, the article with the quoted
passages highlighted, every text that is not from the article with its reason, and the
check's decision table.

Built from the loaded content (skill.content) for the answers the skill is known to give,
and from a generic walk of the raw YAML for everything else: any mapping with `source:`
quotes or a `not_from_article:` mark shows up here without a change to this module.
Everything here is plain data; the templates escape it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from itertools import product
from pathlib import Path
from typing import Any, NamedTuple

from skill import content as content_module
from skill import triage
from skill.content import Content
from skill_tools.provenance import fold_whitespace

ROOT = Path(__file__).resolve().parents[2]
ARTICLE_PATH = ROOT / "seeds" / "leg-cramps-and-vein-health.txt"
# Keys of a content mapping that are metadata, not text the skill says or shows.
_META_KEYS = frozenset({"source", "not_from_article"})
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class Quote(NamedTuple):
    """One distinct source quote; `anchor` is the id of its first highlight in the article."""

    anchor: str
    text: str
    found: bool  # False: not in the article (tests/test_content.py fails too)


class Entry(NamedTuple):
    """One answer or text item, as the reviewer reads it."""

    path: str  # where it lives in the content file, e.g. topics.LegCrampsAtNightIntent
    title: str
    texts: tuple[tuple[str, str], ...]  # (label, text) as said or shown
    quotes: tuple[Quote, ...]
    reason: str | None = None  # the not_from_article mark, if any


class Section(NamedTuple):
    id: str
    title: str
    entries: tuple[Entry, ...]


class Segment(NamedTuple):
    """A run of article text covered by the same set of quotes (none: not quoted)."""

    text: str
    quotes: tuple[str, ...]  # anchors of the quotes covering this run
    anchors: tuple[str, ...]  # quotes whose first occurrence starts here


class Path_(NamedTuple):  # noqa: N801 - "Path" is pathlib's
    """One way through the check: the answers in asking order, and where they lead."""

    answers: tuple[str | None, ...]  # per question in triage.QUESTIONS; None: not asked
    outcome: str
    outcome_title: str
    reason: str
    reason_text: str
    combinations: int  # how many of all answer combinations take this path


class Combination(NamedTuple):
    """One full set of answers a user could have, what the check asks, and the outcome."""

    user: tuple[str, ...]
    asked: tuple[bool, ...]
    outcome: str
    outcome_title: str
    reason: str


class Review(NamedTuple):
    locale: str
    content_path: str
    checksum: str  # sha256 of the content file's bytes
    modified: str  # the content file's modification time, UTC
    article_path: str
    article_checksum: str
    article: tuple[tuple[Segment, ...], ...]  # paragraphs
    sections: tuple[Section, ...]
    not_from_article: tuple[Entry, ...]
    quotes: tuple[Quote, ...]
    questions: tuple[tuple[str, str], ...]  # (id, question text)
    paths: tuple[Path_, ...]
    combinations: tuple[Combination, ...]


# -- quotes and the article ------------------------------------------------------------------


class _Quotes:
    """Distinct quotes in order of first use, each located in the whitespace-folded article."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.paragraphs = paragraphs
        self.text = " ".join(paragraphs)
        self.by_text: dict[str, Quote] = {}

    def get(self, quotes: tuple[str, ...] | list[str]) -> tuple[Quote, ...]:
        out = []
        for raw in quotes:
            text = fold_whitespace(str(raw))
            if text not in self.by_text:
                anchor = f"quote-{len(self.by_text) + 1}"
                self.by_text[text] = Quote(anchor, text, text in self.text)
            out.append(self.by_text[text])
        return tuple(out)

    def highlighted(self) -> tuple[tuple[Segment, ...], ...]:
        """The article's paragraphs cut into runs, each with the quotes that cover it."""
        spans: list[tuple[int, int, str]] = []  # (start, end, anchor) in self.text
        for quote in self.by_text.values():
            start = self.text.find(quote.text)
            while start >= 0:
                spans.append((start, start + len(quote.text), quote.anchor))
                start = self.text.find(quote.text, start + 1)
        firsts: dict[str, int] = {}
        for start, _, anchor in spans:
            firsts.setdefault(anchor, start)
        out = []
        offset = 0
        for paragraph in self.paragraphs:
            lo, hi = offset, offset + len(paragraph)
            cuts = {lo, hi}
            for start, end, _ in spans:
                cuts.update(c for c in (start, end) if lo < c < hi)
            edges = sorted(cuts)
            segments: list[Segment] = []
            for a, b in zip(edges, edges[1:], strict=False):
                covering = tuple(q for s, e, q in spans if s <= a and b <= e)
                starting = tuple(q for q, first in firsts.items() if first == a)
                last = segments[-1] if segments else None
                if last is not None and last.quotes == covering and not starting:
                    segments[-1] = last._replace(text=last.text + self.text[a:b])
                else:
                    segments.append(Segment(self.text[a:b], covering, starting))
            out.append(tuple(segments))
            offset = hi + 1  # the joining space
        return tuple(out)


def article_paragraphs(text: str) -> list[str]:
    """The article as whitespace-folded paragraphs (blank lines separate them)."""
    return [fold_whitespace(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


# -- the raw document ------------------------------------------------------------------------


def _flat_texts(node: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every text in a content mapping, nested mappings flattened (reasons.WALKING)."""
    for key, value in node.items():
        if key in _META_KEYS:
            continue
        label = f"{prefix}{key}"
        if isinstance(value, str):
            yield label, fold_whitespace(value) if "\n" not in value.strip() else value
        elif isinstance(value, Mapping) and not _is_item(value):
            yield from _flat_texts(value, f"{label}.")


def _is_item(node: Any) -> bool:
    return isinstance(node, Mapping) and bool(_META_KEYS & set(node))


def raw_items(raw: Any, path: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """(path, mapping) for every mapping with `source:` or `not_from_article:`, in file order."""
    if not isinstance(raw, Mapping):
        return
    if _is_item(raw):
        yield path, raw
    for key, child in raw.items():
        if isinstance(child, Mapping):
            yield from raw_items(child, f"{path}.{key}" if path else str(key))


def _source_list(node: Mapping[str, Any]) -> tuple[str, ...]:
    raw = node.get("source")
    if isinstance(raw, str):
        return (raw,)
    return tuple(str(q) for q in raw) if isinstance(raw, list) else ()


def _filler(c: Content) -> dict[str, str]:
    return {
        "name": c.clinic.name,
        "website": c.clinic.website,
        "website_spoken": c.clinic.website_spoken,
        "phone": c.clinic.phone,
    }


def _fill(text: str, values: Mapping[str, str]) -> str:
    """Placeholders from the clinic block filled in; any other placeholder left as written."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


# -- the answers -----------------------------------------------------------------------------


def _answer_sections(c: Content, quotes: _Quotes, raw: Any) -> list[Section]:
    topics = tuple(
        Entry(
            f"topics.{t.intent}",
            t.title,
            tuple(
                (label, text)
                for label, text in (("answer", t.speech), ("more", t.more))
                if text
            ),
            quotes.get(t.sources),
            None,
        )
        for t in c.topics.values()
    )
    questions = tuple(
        Entry(
            f"check.questions.{q.id}",
            q.id,
            (("question", q.text), ("hint", q.hint), ("help", q.help)),
            quotes.get(q.sources),
        )
        for q in c.questions.values()
    )
    outcomes = tuple(
        Entry(
            f"check.outcomes.{o.id}",
            o.title,
            (
                *((f"reason {key}", text) for key, text in o.reasons.items()),
                ("advice", o.advice),
                *((f"advice for {key}", text) for key, text in o.advice_for_reason.items()),
                *((f"title for {key}", text) for key, text in o.title_for_reason.items()),
                ("then", c.not_a_diagnosis),
            ),
            quotes.get(o.sources),
        )
        for o in c.outcomes.values()
    )
    contact = (
        Entry(
            "contact",
            c.contact.title,
            (("speech", c.contact.speech), ("card", c.contact.card)),
            quotes.get(c.contact.sources),
        ),
    )
    nodes = dict(raw_items(raw))
    values = _filler(c)

    def safety_entry(key: str, text: str) -> Entry:
        node = nodes.get(f"safety.{key}", {})
        texts = tuple((label, _fill(t, values)) for label, t in _flat_texts(node))
        mark = node.get("not_from_article")
        return Entry(f"safety.{key}", key, texts or (("text", text),), (), mark)

    safety = tuple(safety_entry(key, text) for key, text in c.safety.items())
    sections = [
        Section("topics", "Topics", topics),
        Section("check-questions", "The check: questions", questions),
        Section("check-results", "The check: results", outcomes),
        Section("contact", "Contact", contact),
        Section("safety", "Safety texts", safety),
    ]
    covered = {e.path for s in sections for e in s.entries}
    other = tuple(
        Entry(
            path,
            path.rsplit(".", 1)[-1],
            tuple((label, _fill(text, values)) for label, text in _flat_texts(node)),
            quotes.get(_source_list(node)),
            node.get("not_from_article"),
        )
        for path, node in nodes.items()
        if node.get("source") and path not in covered
    )
    if other:
        sections.append(Section("other", "Other answers with sources", other))
    return sections


def _not_from_article(c: Content, raw: Any) -> tuple[Entry, ...]:
    values = _filler(c)
    return tuple(
        Entry(
            path,
            path,
            tuple((label, _fill(text, values)) for label, text in _flat_texts(node)),
            (),
            str(node.get("not_from_article")),
        )
        for path, node in raw_items(raw)
        if "not_from_article" in node
    )


# -- the decision table ----------------------------------------------------------------------


def decision_table(c: Content) -> tuple[tuple[Path_, ...], tuple[Combination, ...]]:
    """Every combination of answers, driven through skill.triage as the conversation does."""
    questions = triage.QUESTIONS
    paths: dict[tuple[str | None, ...], Path_] = {}
    combos = []
    for user_answers in product(triage.Answer, repeat=len(questions)):
        user = dict(zip(questions, user_answers, strict=True))
        answers: dict[str, triage.Answer] = {}
        for _ in questions:  # at most one question per answer slot
            q = triage.next_question(answers)
            if q is None:
                break
            answers = triage.record(answers, user[q])
        result = triage.classify(answers)
        outcome = c.outcomes.get(result.outcome.value)
        title = outcome.title if outcome else result.outcome.value
        reason_text = outcome.reasons.get(result.reason, "") if outcome else ""
        key = tuple(answers[q].value if q in answers else None for q in questions)
        known = paths.get(key)
        paths[key] = (
            known._replace(combinations=known.combinations + 1)
            if known
            else Path_(key, result.outcome.value, title, result.reason, reason_text, 1)
        )
        combos.append(
            Combination(
                tuple(a.value for a in user_answers),
                tuple(q in answers for q in questions),
                result.outcome.value,
                title,
                result.reason,
            )
        )
    return tuple(paths.values()), tuple(combos)


# -- all of it -------------------------------------------------------------------------------


def _shown(path: Path) -> str:
    """A path as the reviewer reads it: relative to the project when it is inside it."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def _utc(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M UTC")


def content_checksum(locale: str = content_module.DEFAULT_LOCALE) -> str:
    """sha256 of a locale's content file, as it is on disk now."""
    path = content_module.CONTENT_DIR / f"{locale}.yaml"
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build_review(
    locale: str = content_module.DEFAULT_LOCALE,
    *,
    content_dir: Path | None = None,
    article_path: Path | None = None,
) -> Review:
    """The review of one locale's content file against the article, as they are on disk now.

    Cheap (milliseconds), so each page view builds it afresh: an edited file is reviewed as
    edited, under its new checksum. ContentError if the content file does not load.
    """
    directory = content_dir or content_module.CONTENT_DIR
    article_path = article_path or ARTICLE_PATH
    content_path = directory / f"{locale}.yaml"
    data = content_path.read_bytes()
    raw = content_module.read_raw(locale, directory)
    c = content_module.parse(raw, locale)  # the file as it is now, not the cached load
    article = article_path.read_bytes()
    quotes = _Quotes(article_paragraphs(article.decode("utf-8")))
    sections = _answer_sections(c, quotes, raw)
    paths, combos = decision_table(c)
    return Review(
        locale=locale,
        content_path=_shown(content_path),
        checksum=hashlib.sha256(data).hexdigest(),
        modified=_utc(content_path.stat().st_mtime),
        article_path=_shown(article_path),
        article_checksum=hashlib.sha256(article).hexdigest(),
        article=quotes.highlighted(),
        sections=tuple(sections),
        not_from_article=_not_from_article(c, raw),
        quotes=tuple(quotes.by_text.values()),
        questions=tuple(
            (q, c.questions[q].text if q in c.questions else q) for q in triage.QUESTIONS
        ),
        paths=paths,
        combinations=combos,
    )
