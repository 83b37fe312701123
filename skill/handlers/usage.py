"""Which usage counters a reply fires (skill/metrics.py), read from what the handlers see.

The conversation stays unaware of metrics: what happened is read off the request, the
state before it and the Reply (its view, state.result, state.misses). Only names and
values from the closed sets in skill/metrics.py are counted; nothing the user said.
"""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput

from skill import metrics
from skill.conversation import AskPermission, Pending, Reply, State, ViewKind

# Acts that (re)start the check even from inside it.
RESTARTS = frozenset({"SymptomCheckIntent", "AMAZON.StartOverIntent"})
_IN_CHECK = (Pending.CHECK, Pending.RESUME_CHECK)


SESSION_STARTED = metrics.key("SessionStarted")
TURN = metrics.key("Turn")


def count_reply(
    counts: metrics.Counts,
    handler_input: HandlerInput,
    before: State,
    reply: Reply | AskPermission,
) -> None:
    """Count one spoken (or permission-asking) reply to the user into `counts`.

    Runs on every request: the common cases (a reply without a view, the home screen, a
    topic) decide with one or two identity tests, and count into the dict directly.
    """
    session = handler_input.request_envelope.session
    if session is not None and session.new:
        counts[SESSION_STARTED] = counts.get(SESSION_STARTED, 0) + 1
    counts[TURN] = counts.get(TURN, 0) + 1
    if reply.state.misses > before.misses:
        metrics.add(counts, "NotUnderstood", before.pending.value if before.pending else "menu")
    view = reply.view if isinstance(reply, Reply) else None
    if view is None:
        return
    kind = view.kind
    if kind is ViewKind.HOME or kind is ViewKind.MORE:  # screens no counter is about
        return
    if kind is ViewKind.ANSWER:
        metrics.add(counts, "TopicAnswered", view.key)
    elif kind is ViewKind.CONTACT:
        metrics.add(counts, "ContactGiven")
    elif kind is ViewKind.EMERGENCY:
        metrics.add(counts, "EmergencyRedirected")
    elif kind is ViewKind.QUESTION or kind is ViewKind.OUTCOME:
        request = handler_input.request_envelope.request
        intent = getattr(getattr(request, "intent", None), "name", None)
        if before.pending not in _IN_CHECK or intent in RESTARTS:
            metrics.add(counts, "CheckStarted")
        if kind is ViewKind.OUTCOME and reply.state.result is not None:
            metrics.add(counts, "CheckCompleted", reply.state.result.outcome.value)
