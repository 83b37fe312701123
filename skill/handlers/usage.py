"""Which usage counters a reply fires (skill/metrics.py), read from what the handlers see.

The conversation stays unaware of metrics: what happened is read off the request, the
state before it and the Reply (its view, state.result, state.misses). Only names and
values from the closed sets in skill/metrics.py are counted; nothing the user said.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput

from skill import metrics
from skill.conversation import Pending, Reply, State

# Acts that (re)start the check even from inside it.
RESTARTS = frozenset({"SymptomCheckIntent", "AMAZON.StartOverIntent"})
_IN_CHECK = (Pending.CHECK, Pending.RESUME_CHECK)


def count_reply(handler_input: HandlerInput, before: State, reply: Reply) -> None:
    """Count one spoken (or permission-asking) reply to the user."""
    session = handler_input.request_envelope.session
    if session is not None and session.new:
        metrics.count("SessionStarted")
    metrics.count("Turn")
    if reply.state.misses > before.misses:
        metrics.count("NotUnderstood", before.pending.value if before.pending else "menu")
    kind, what = reply.view if reply.view is not None else (None, "")
    if kind in ("question", "outcome"):
        request = handler_input.request_envelope.request
        intent = getattr(getattr(request, "intent", None), "name", None)
        if before.pending not in _IN_CHECK or intent in RESTARTS:
            metrics.count("CheckStarted")
    if kind == "outcome" and reply.state.result is not None:
        metrics.count("CheckCompleted", reply.state.result.outcome.value)
    elif kind == "answer":
        metrics.count("TopicAnswered", what)
    elif kind == "contact":
        metrics.count("ContactGiven")
    elif kind == "emergency":
        metrics.count("EmergencyRedirected")
