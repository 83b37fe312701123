"""Turning a plain-text Reply into what Alexa renders: escaped SSML.

Content is plain text on purpose: everything spoken passes through `ssml_text`, so no
content edit, slot value or forged session attribute can inject markup.
"""

from __future__ import annotations

from functools import cache
from typing import Any

# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F):
# Alexa rejects SSML holding them, so they are dropped, never escaped.
NOT_XML = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})


@cache
def _pattern(source: str) -> Any:
    """A regex compiled on first use: compiling NOT_XML alone takes about 0.25 ms, a slice of
    every cold start, and the skill's own text never needs it (see ssml_text)."""
    import re

    return re.compile(source)


def ssml_text(text: str) -> str:
    """Escape plain text for use inside <speak>; the SDK adds the <speak> wrapper."""
    # Every character NOT_XML matches is unprintable (Cc, Cs or Cn), so printable text has
    # none to drop: only text with a newline, a control or worse goes through the regex.
    if not text.isprintable():
        text = _pattern(NOT_XML).sub("", text)
    return " ".join(text.split()).translate(_ESCAPES)


def to_ssml(text: str) -> str:
    return f"<speak>{ssml_text(text)}</speak>"


def plain_text(ssml: str) -> str:
    """SSML back to what a listener hears (for the simulator and tests)."""
    import html  # not needed on the request path

    spaced = _pattern(r"<[^>]*>").sub(" ", ssml)
    return _pattern(r"\s+").sub(" ", html.unescape(spaced)).strip()
