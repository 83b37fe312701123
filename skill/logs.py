"""Loggers that import `logging` only when something is logged.

Importing logging is a noticeable slice of a Lambda cold start, and the skill logs only on
unusual paths. What may be logged: request ids, types, intent names, error types. Never an
utterance, a slot value, session attributes or a body.
"""

from __future__ import annotations

from typing import Any


class LazyLogger:
    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attr: str) -> Any:
        import logging

        return getattr(logging.getLogger(self.name), attr)


def get_logger(name: str) -> Any:
    return LazyLogger(name)
