"""What Alexa itself does with a phrase before the skill's model is asked: open the skill,
pass it a one-shot question ("ask leg cramp helper why ..."), or close the session ("exit").
These decide the session, not the intent, so they are recognised by the invocation name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from skill_tools.simulator.nlu_words import spoken_form


class RouteKind(StrEnum):
    EMPTY = "empty"
    LAUNCH = "launch"  # "open leg cramp helper"
    ONE_SHOT = "one_shot"  # "ask leg cramp helper why ..."
    EXIT = "exit"  # "exit", "quit": Alexa closes the session itself
    IN_SKILL = "in_skill"  # anything else: an utterance for the skill's model


@dataclass(frozen=True)
class Route:
    kind: RouteKind
    text: str = ""  # the spoken-form utterance meant for the skill (ONE_SHOT, IN_SKILL)


class Router:
    """The invocation phrases of one skill, compiled."""

    def __init__(self, invocation_name: str) -> None:
        inv = r"(?:the )?" + re.escape(invocation_name) + r"(?: skill| app)?"
        opener = r"(?:open|start|launch|begin|load|run|use|play|talk to|speak to)"
        self._routes = (
            re.compile(r"(?:exit|quit)(?: (?:the )?(?:skill|app)| " + inv + r")?"),
            re.compile(rf"(?:(?:{opener}|ask|tell) )?{inv}"),  # "alexa, leg cramp helper"
            re.compile(
                rf"(?:ask|tell) {inv} (?:(?:to|about|for|if|whether|that|and) )?(?P<rest>.+)"
            ),
            re.compile(rf"{opener} {inv} and (?P<rest>.+)"),
            re.compile(rf"(?P<rest>.+) (?:using|with|from|on|in) {inv}"),
        )

    def route(self, utterance: str) -> Route:
        """What Alexa does with a phrase: launch, one-shot, exit, or pass it to the skill."""
        text = spoken_form(utterance)
        text = re.sub(r"^(?:(?:hey|ok|okay) )?alexa ", "", text)
        if not text or text in ("alexa", "hey alexa"):
            return Route(RouteKind.EMPTY)
        exit_, launch, ask, open_and, suffix = self._routes
        if exit_.fullmatch(text):
            return Route(RouteKind.EXIT)
        if launch.fullmatch(text):
            return Route(RouteKind.LAUNCH)
        for pattern in (ask, open_and, suffix):
            m = pattern.fullmatch(text)
            if m:
                rest = m.group("rest")
                if rest in ("to", "about", "for", "if", "whether", "that", "and"):
                    return Route(RouteKind.LAUNCH)
                return Route(RouteKind.ONE_SHOT, rest)
        return Route(RouteKind.IN_SKILL, text)
