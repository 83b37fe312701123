"""A seal on what the skill keeps to say again, so Repeat never speaks text it did not write.

Session attributes travel through Alexa and back; anyone who can send the skill a request
can put any text in them. The last reply is kept with a keyed BLAKE2b tag (BLAKE2's own MAC
mode, RFC 7693), and Repeat speaks it only if the tag matches. The key comes from
SKILL_SESSION_KEY (set it on every host of one skill, so a repeat survives a new Lambda
container); without it each process makes its own, and a reply sealed elsewhere is simply not
repeated (the pending question is asked instead). Plain Python, no SDK.

Why not hmac/hashlib/secrets: importing any of them loads OpenSSL's libcrypto, several
milliseconds of every cold start, for a tag the interpreter's built-in BLAKE2 makes as well.
"""

from __future__ import annotations

import os

try:  # CPython's built-in BLAKE2 (what hashlib itself falls back to), without OpenSSL
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without it
    from hashlib import blake2b

KEY_ENV = "SKILL_SESSION_KEY"
_KEY = (os.environ.get(KEY_ENV) or os.urandom(32).hex()).encode("utf-8")
if len(_KEY) > blake2b.MAX_KEY_SIZE:  # as HMAC does with a key longer than its block
    _KEY = blake2b(_KEY).digest()


def seal(*texts: str | None) -> str:
    """The tag for these texts, in order (None and "" differ)."""
    message = "\x1f".join("\x00" if t is None else t for t in texts).encode("utf-8", "replace")
    return blake2b(message, key=_KEY, digest_size=32).hexdigest()


def is_sealed(tag: object, *texts: str | None) -> bool:
    if not isinstance(tag, str):
        return False
    from hmac import compare_digest  # constant time; only replies that carry a tag pay for it

    return compare_digest(tag, seal(*texts))
