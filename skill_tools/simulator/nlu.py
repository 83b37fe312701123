"""Local NLU: which intent and slots Alexa would send for a phrase, read from the very
interaction model that gets deployed. The public face of four modules, one job each:

- `nlu_words`: the word lists and `spoken_form`, the one spelling samples and phrases meet in;
- `nlu_index`: the model compiled once into typed indexes (`compile_model`);
- `nlu_match`: a phrase to an intent and slots, stage by stage (`Matcher`; the stages are
  described there);
- `nlu_route`: launch, one-shot and exit phrases, by the invocation name (`Router`).

Everything is compiled once, in the constructor; `resolve` only does its own work.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from skill_tools.model import ModelError, read_json
from skill_tools.simulator.nlu_index import NEAR_THRESHOLD, compile_model
from skill_tools.simulator.nlu_match import FALLBACK, Match, Matcher, SlotFill
from skill_tools.simulator.nlu_route import Route, RouteKind, Router

__all__ = [
    "FALLBACK",
    "NEAR_THRESHOLD",
    "NLU",
    "Match",
    "Route",
    "RouteKind",
    "SlotFill",
    "load_nlu",
]


class NLU(Matcher):
    """The interaction model of one locale, compiled for matching (`resolve`, `score`) and
    for the invocation phrases (`route`)."""

    def __init__(self, model: Mapping[str, Any], *, threshold: float | None = None) -> None:
        index = compile_model(model, threshold)
        super().__init__(index)
        self.invocation_name = index.invocation_name
        self.conflicts = index.conflicts  # a phrase listed for two intents: the first one wins
        self._router = Router(index.invocation_name)

    def route(self, utterance: str) -> Route:
        """What Alexa does with a phrase: launch, one-shot, exit, or pass it to the skill."""
        return self._router.route(utterance)


def load_nlu(path: Path | str, *, threshold: float | None = None) -> NLU:
    """Read and compile a model file; ModelError (one line) when it cannot be used."""
    model = read_json(path)
    try:
        return NLU(model, threshold=threshold)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"interaction model {path} is malformed ({exc!r})") from exc
