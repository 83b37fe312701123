"""The quote audit: every text in a content file rests on quotes from the article, or says
it does not.

A developer tool (tests/test_content.py and the clinic console run it on every content
edit); the runtime never needs it, so it lives here and does not ship to Lambda.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

# The keys of a content node that hold spoken or shown text.
TEXT_KEYS = ("speech", "text", "more", "advice", "explain", "reasons", "advice_for")
# Keys whose dict maps a reason to its text: text, not a content node of its own.
_BY_REASON = ("reasons", "advice_for", "title_for")


class Provenance(NamedTuple):
    """One piece of spoken or shown text and what it rests on."""

    path: str
    text: str
    sources: tuple[str, ...]
    not_from_article: str | None


def fold_whitespace(text: str) -> str:
    """Whitespace-folded text, for comparing quotes with the article."""
    return " ".join(text.split())


def provenance(raw: Any) -> Iterator[Provenance]:
    """Every text item in a raw content document, with its sources or its 'not from' mark."""

    def walk(node: Any, path: str) -> Iterator[Provenance]:
        if not isinstance(node, dict):
            return
        texts = [key for key in TEXT_KEYS if key in node]
        if texts:
            sources = tuple(fold_whitespace(quote) for quote in node.get("source") or ())
            mark = node.get("not_from_article")
            for key in texts:
                value = node[key]
                items = value.values() if isinstance(value, dict) else [value]
                for text in items:
                    yield Provenance(f"{path}.{key}", fold_whitespace(str(text)), sources, mark)
        for key, child in node.items():
            if isinstance(child, dict) and key not in _BY_REASON:
                yield from walk(child, f"{path}.{key}" if path else str(key))

    yield from walk(raw, "")


def unsupported_quotes(raw: Any, article: str) -> list[str]:
    """Problems with provenance: quotes not in the article, text with neither source nor mark."""
    body = fold_whitespace(article)
    problems: dict[str, None] = {}  # ordered and de-duplicated: one node has several texts
    for item in provenance(raw):
        node = item.path.rsplit(".", 1)[0]
        for quote in item.sources:
            if fold_whitespace(quote) not in body:
                problems[f"{node}: quote not in the article: {quote!r}"] = None
        if not item.sources and not item.not_from_article:
            problems[f"{item.path}: no source and not marked as not from the article"] = None
    return list(problems)
