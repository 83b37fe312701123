"""A seal on what the skill keeps to say again, so Repeat never speaks text it did not write.

Session attributes travel through Alexa and back; anyone who can send the skill a request
can put any text in them. The last reply is kept with an HMAC-SHA256 tag, and Repeat speaks
it only if the tag matches. The key comes from SKILL_SESSION_KEY (set it on every host of one
skill, so a repeat survives a new Lambda container); without it each process makes its own,
and a reply sealed elsewhere is simply not repeated (the pending question is asked instead).
Plain Python, no SDK.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

KEY_ENV = "SKILL_SESSION_KEY"
_KEY = (os.environ.get(KEY_ENV) or secrets.token_hex(32)).encode("utf-8")


def seal(*texts: str | None) -> str:
    """The tag for these texts, in order (None and "" differ)."""
    message = "\x1f".join("\x00" if t is None else t for t in texts).encode("utf-8", "replace")
    return hmac.new(_KEY, message, hashlib.sha256).hexdigest()


def is_sealed(tag: object, *texts: str | None) -> bool:
    return isinstance(tag, str) and hmac.compare_digest(tag, seal(*texts))
