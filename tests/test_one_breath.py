"""The one-breath rule over every response the content can make.

Every state the conversation can reach is explored breadth-first with every act a user can
take (every topic, answer, offer reply, follow-up, miss and reminder outcome), and every
reply is held to at most 50 words, its question included, not counting the disclaimer line
on a session's first response.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable

from skill.answers import MEANINGS
from skill.content import OUT_OF_SCOPE_CATEGORIES, load, word_count
from skill.conversation import Conversation, Reply, State
from skill.reminders import ReminderResult
from skill.triage import Answer

C = load()
conv = Conversation(C)
MAX_WORDS = 50

Act = Callable[[State], Reply]
ACTS: dict[str, Act] = {
    "launch": conv.launch,
    "start_check": conv.start_check,
    "yes": conv.yes,
    "no": conv.no,
    "not_sure": conv.not_sure,
    "more": conv.more,
    "why": conv.explain_result,
    "thanks": conv.thanks,
    "phone": conv.phone,
    "contact": conv.contact,
    "help": conv.help,
    "fallback": conv.fallback,
    "repeat": conv.repeat,
    "start_over": conv.start_over,
    "home": conv.navigate_home,
    "stop": conv.stop,
    "emergency": conv.emergency,
    "error": conv.error,
    "reminder": conv.reminder,
    **{f"topic {t}": (lambda s, t=t: conv.topic(s, t)) for t in C.topics},
    **{
        f"out of scope {c}": (lambda s, c=c: conv.out_of_scope(s, c))
        for c in (*OUT_OF_SCOPE_CATEGORIES, "unknown")
    },
    **{f"answer {a}": (lambda s, a=a: conv.check_answer(s, a)) for a in (*MEANINGS, None)},
    **{
        f"reminder {r}": (lambda s, r=r: conv.reminder_outcome(s, r)) for r in ReminderResult
    },
    **{
        f"permission {g}": (lambda s, g=g: conv.permission_answer(s, g))
        for g in (True, False, None)
    },
    **{f"check {a}": (lambda s, a=a: conv.answer(s, a) if s.in_check else conv.fallback(s))
       for a in Answer},
}


def _key(state: State) -> str:
    return json.dumps(state._replace(last_speech=None, last_reprompt=None).to_session(),
                      sort_keys=True)


def every_reply() -> list[tuple[str, Reply]]:
    seen = {_key(State())}
    queue = deque([(State(), "")])
    replies: list[tuple[str, Reply]] = []
    while queue:
        state, path = queue.popleft()
        for name, act in ACTS.items():
            reply = act(state)
            replies.append((f"{path} > {name}", reply))
            replies.append((f"{path} > {name} (first turn)", conv.first_turn(reply)))
            key = _key(reply.state)
            if not reply.end_session and key not in seen:
                seen.add(key)
                queue.append((reply.state, f"{path} > {name}"))
    return replies


def _words(reply: Reply, first_turn: bool) -> int:
    speech = reply.speech
    if first_turn or speech.startswith(C.prompt("welcome")):
        speech = speech.replace(C.safety["disclaimer"], "")
    return word_count(speech)


def test_every_reply_is_one_breath() -> None:
    replies = every_reply()
    assert len(replies) > 1000  # the walk really covers the conversation
    long = {
        reply.speech: (path, _words(reply, "(first turn)" in path))
        for path, reply in replies
        if _words(reply, "(first turn)" in path) > MAX_WORDS
    }
    assert long == {}


def test_every_reprompt_is_one_breath_too() -> None:
    long = {r.reprompt for _, r in every_reply() if r.reprompt and word_count(r.reprompt) > 30}
    assert long == set()


def test_the_walk_reaches_every_kind_of_reply() -> None:
    """Otherwise the rule above would hold over too little."""
    views = {r.view[0] for _, r in every_reply() if r.view}
    assert {"home", "answer", "more", "question", "outcome", "contact", "emergency"} <= views
    outcomes = {r.view[1] for _, r in every_reply() if r.view and r.view[0] == "outcome"}
    assert outcomes == set(C.outcomes)
