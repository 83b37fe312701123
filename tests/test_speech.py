"""ssml_text: what XML forbids is dropped before whitespace is collapsed, markup is escaped."""

from __future__ import annotations

import re
import sys

import pytest

from skill.speech import NOT_XML, plain_text, ssml_text, to_ssml

_REFERENCE = re.compile(NOT_XML)


def reference(text: str) -> str:
    """The rule written plainly: drop, collapse, escape (the regex on every text)."""
    escapes = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}
    collapsed = " ".join(_REFERENCE.sub("", text).split())
    return "".join(escapes.get(c, c) for c in collapsed)


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("a\x1fb", "ab"),  # dropped, not turned into a space (str.split counts \x1f as one)
        ("a\x0bb\x0cc", "abc"),
        ("a\ud800b\ufffe\uffffc", "abc"),
        ("line one\nline two\t\r end", "line one line two end"),
        (
            "Tom & Jerry's <b>\"bold\"</b>",
            "Tom &amp; Jerry&apos;s &lt;b&gt;&quot;bold&quot;&lt;/b&gt;",
        ),
        ("  spaced   out  ", "spaced out"),
        ("", ""),
    ],
)
def test_ssml_text(text: str, spoken: str) -> None:
    assert ssml_text(text) == spoken == reference(text)


def test_no_code_point_the_rule_drops_is_printable() -> None:
    """ssml_text skips the regex for printable text: sound only if nothing it drops is."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    dropped = _REFERENCE.findall(every)
    assert len(dropped) == 29 + 2048 + 2  # C0 controls but tab/LF/CR, surrogates, U+FFFE/F
    assert [hex(ord(c)) for c in dropped if c.isprintable()] == []
    assert ssml_text(every) == reference(every)


def test_plain_text_reads_back_what_to_ssml_wrote() -> None:
    assert plain_text(to_ssml("Rest &  stretch <gently>")) == "Rest & stretch <gently>"
