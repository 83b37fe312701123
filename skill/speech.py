"""Turning a plain-text Reply into what Alexa renders: escaped SSML and a simple card.

Content is plain text on purpose: everything spoken passes through `ssml_text`, so no
content edit, slot value or forged session attribute can inject markup.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def ssml_text(text: str) -> str:
    """Escape plain text for use inside <speak>; the SDK adds the <speak> wrapper."""
    return escape(_SPACE.sub(" ", text).strip(), {'"': "&quot;", "'": "&apos;"})


def to_ssml(text: str) -> str:
    return f"<speak>{ssml_text(text)}</speak>"


def plain_text(ssml: str) -> str:
    """SSML back to what a listener hears, for the simulator and logs of our own text."""
    from xml.sax.saxutils import unescape

    text = _TAG.sub(" ", ssml)
    return _SPACE.sub(" ", unescape(text, {"&quot;": '"', "&apos;": "'"})).strip()
