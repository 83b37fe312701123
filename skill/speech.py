"""Turning a plain-text Reply into what Alexa renders: escaped SSML.

Content is plain text on purpose: everything spoken passes through `ssml_text`, so no
content edit, slot value or forged session attribute can inject markup.
"""

from __future__ import annotations

import re

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
# Characters XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F):
# Alexa rejects SSML holding them, so they are dropped, never escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"})


def ssml_text(text: str) -> str:
    """Escape plain text for use inside <speak>; the SDK adds the <speak> wrapper."""
    return " ".join(_NOT_XML.sub("", text).split()).translate(_ESCAPES)


def to_ssml(text: str) -> str:
    return f"<speak>{ssml_text(text)}</speak>"


def plain_text(ssml: str) -> str:
    """SSML back to what a listener hears (for the simulator and tests)."""
    import html  # not needed on the request path

    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", ssml))).strip()
