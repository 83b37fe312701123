"""ask-sdk request handlers: thin adapters from Alexa requests to skill.conversation."""

from skill.handlers.intents import EXCEPTION_HANDLERS, HANDLERS

__all__ = ["HANDLERS", "EXCEPTION_HANDLERS"]
