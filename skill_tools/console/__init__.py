"""The clinic console: a local web page to talk to the skill and review its content.

`python -m skill_tools console` serves it on 127.0.0.1. The talk page drives the simulator's
session machinery (the same offline NLU and `handle_event` path as `simulate`); the review
pages show every answer beside its article quotes, and the check's decision table, for a
physician to sign off. A developer tool: the Lambda package leaves this folder out.
"""

from skill_tools.console.app import create_app

__all__ = ["create_app"]
